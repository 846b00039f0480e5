"""The offset invariants of a Result, checked in one place for the property and hostile tests.

Not a test module: ``test_properties.py`` and ``test_hostile.py`` import ``assert_invariants``.
"""

from __future__ import annotations

import json
import re

from cleantext import Result

SURROGATE_PAIR = re.compile("[\ud800-\udbff][\udc00-\udfff]")
SNAKE_CASE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
# Above this many clean characters, to_original is checked at every piece edge and on a
# stride instead of at every index, so that a 5 MB hostile case stays a matter of seconds.
EXHAUSTIVE_LIMIT = 50_000


def _sample(n: int, pieces_edges: list[int]) -> list[int]:
    if n <= EXHAUSTIVE_LIMIT:
        return list(range(n))
    stride = max(1, n // 20_000)
    picks = set(range(0, n, stride))
    for e in pieces_edges:
        picks.update(x for x in (e - 1, e, e + 1) if 0 <= x < n)
    picks.add(n - 1)
    return sorted(picks)


def assert_invariants(result: Result, original: str) -> None:
    """Every documented offset promise of ``result``, the Result of cleaning ``original``."""
    assert result.original == original
    text = result.text
    n = len(original)

    # Removals: sorted, disjoint, non-empty, inside the text, named and explained.
    last = 0
    for r in result.removals:
        assert last <= r.start < r.end <= n, f"bad removal order or bounds: {r}"
        assert SNAKE_CASE.fullmatch(r.filter), f"filter name not snake_case: {r.filter!r}"
        assert isinstance(r.reason, str) and r.reason.strip(), f"removal without a reason: {r}"
        last = r.end

    # text is the original with every removal deleted.
    kept, cursor = [], 0
    for r in result.removals:
        kept.append(original[cursor : r.start])
        cursor = r.end
    kept.append(original[cursor:])
    assert text == "".join(kept)

    # Pieces: non-empty, contiguous in clean space, cover text, each an exact copy.
    clean = 0
    prev_original_end = -1
    for p in result.pieces:
        assert p.length > 0
        assert p.clean_start == clean, "pieces must be contiguous in clean space"
        assert p.original_start > prev_original_end, "pieces must be separated by a removal"
        assert (
            text[p.clean_start : p.clean_start + p.length]
            == original[p.original_start : p.original_start + p.length]
        )
        clean += p.length
        prev_original_end = p.original_start + p.length
    assert clean == len(text)

    # Pieces and removals together tile the original exactly.
    spans = sorted(
        [(p.original_start, p.original_end) for p in result.pieces]
        + [(r.start, r.end) for r in result.removals]
    )
    pos = 0
    for s, e in spans:
        assert s == pos, f"gap or overlap at {pos} (next span starts at {s})"
        pos = e
    assert pos == n

    # to_original: monotonic, same character, the len(text) rule, out of range raises.
    prev = -1
    for i in _sample(len(text), [p.clean_start for p in result.pieces]):
        j = result.to_original(i)
        assert j > prev, f"to_original not increasing at {i}"
        assert original[j] == text[i], f"to_original({i}) = {j} holds another character"
        prev = j
    end = result.to_original(len(text))
    if result.pieces:
        assert end == result.pieces[-1].original_end
        assert end > prev
    else:
        assert text == "" and end == 0
    for bad in (-1, len(text) + 1):
        try:
            result.to_original(bad)
        except IndexError:
            pass
        else:
            raise AssertionError(f"to_original({bad}) should raise IndexError")

    # Serialisation round-trips; through JSON text too, unless the text holds a high then a
    # low surrogate as two code points, which JSON cannot tell from one astral character.
    again = Result.from_dict(result.to_dict(), original)
    assert (again.text, again.pieces, again.removals) == (text, result.pieces, result.removals)
    assert again.language == result.language
    if SURROGATE_PAIR.search(original) is None:
        again = Result.from_dict(json.loads(json.dumps(result.to_dict())), original)
        assert (again.text, again.pieces, again.removals) == (
            text,
            result.pieces,
            result.removals,
        )
