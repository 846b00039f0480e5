"""Result: pieces, to_original at its edges, stats, JSON round trip, invalid removals; and the
offset-conversion helpers of docs/offsets.md, run from the page itself."""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from invariants import assert_invariants

from cleantext import Piece, Removal, Result

ORIGINAL = "Kept one.\nALSO READ- gone\nKept two.\nPrevious Story\n"
A = (10, 26)  # "ALSO READ- gone\n"
B = (36, 51)  # "Previous Story\n"


def make(*spans: tuple[int, int], original: str = ORIGINAL) -> Result:
    return Result(original, tuple(Removal(s, e, "test_filter", "asked for") for s, e in spans))


def test_spans_are_what_the_tests_think() -> None:
    assert ORIGINAL[A[0] : A[1]] == "ALSO READ- gone\n"
    assert ORIGINAL[B[0] : B[1]] == "Previous Story\n"


def test_text_and_pieces() -> None:
    r = make(A, B)
    assert r.text == "Kept one.\nKept two.\n"
    assert r.pieces == (Piece(0, 0, 10), Piece(10, 26, 10))
    assert r.pieces[1].clean_end == 20 and r.pieces[1].original_end == 36
    assert r.removed_text(r.removals[0]) == "ALSO READ- gone\n"
    assert_invariants(r, ORIGINAL)


def test_no_removals_is_one_piece() -> None:
    r = make()
    assert r.text == ORIGINAL
    assert r.pieces == (Piece(0, 0, len(ORIGINAL)),)
    assert r.to_original(len(ORIGINAL)) == len(ORIGINAL)


def test_touching_removals_leave_no_empty_piece() -> None:
    r = Result(
        ORIGINAL,
        (Removal(10, 20, "a", "first half"), Removal(20, 26, "b", "second half")),
    )
    assert r.pieces == (Piece(0, 0, 10), Piece(10, 26, len(ORIGINAL) - 26))
    assert_invariants(r, ORIGINAL)


def test_removal_at_the_start_and_the_end() -> None:
    r = make((0, 10), B)
    assert r.pieces == (Piece(0, 10, 26),)
    assert r.to_original(0) == 10
    assert r.to_original(len(r.text)) == 36  # just after the last kept character
    assert_invariants(r, ORIGINAL)


def test_to_original_maps_each_character_and_the_end() -> None:
    r = make(A, B)
    assert [r.to_original(i) for i in (0, 9, 10, 19)] == [0, 9, 26, 35]
    assert r.to_original(len(r.text)) == 36
    # A clean span [a, b) maps to [to_original(a), to_original(b - 1) + 1).
    a, b = r.text.index("Kept two"), len(r.text)
    assert ORIGINAL[r.to_original(a) : r.to_original(b - 1) + 1] == r.text[a:b]


@pytest.mark.parametrize("bad", [-1, 21, 10**9])
def test_to_original_out_of_range_raises(bad: int) -> None:
    with pytest.raises(IndexError):
        make(A, B).to_original(bad)


def test_everything_removed() -> None:
    r = make((0, len(ORIGINAL)))
    assert r.text == "" and r.pieces == ()
    assert r.to_original(0) == 0
    with pytest.raises(IndexError):
        r.to_original(1)
    assert_invariants(r, ORIGINAL)


def test_empty_original() -> None:
    r = make(original="")
    assert (r.text, r.pieces, r.removals) == ("", (), ())
    assert r.to_original(0) == 0
    with pytest.raises(IndexError):
        r.to_original(1)


def test_stats_count_removals_and_characters_per_filter() -> None:
    r = Result(
        ORIGINAL,
        (
            Removal(0, 5, "markers", "a"),
            Removal(10, 26, "markers", "b"),
            Removal(36, 51, "zones", "c"),
        ),
    )
    assert r.stats() == {
        "markers": {"removals": 2, "chars": 21},
        "zones": {"removals": 1, "chars": 15},
    }
    assert make().stats() == {}


def test_to_dict_shape() -> None:
    r = Result(ORIGINAL, (Removal(*A, "markers", 'line starts with "ALSO READ"'),), "en", 0.87654)
    data = r.to_dict()
    assert data == {
        "text": r.text,
        "pieces": [[0, 0, 10], [10, 26, len(ORIGINAL) - 26]],
        "removals": [
            {"start": 10, "end": 26, "filter": "markers", "reason": 'line starts with "ALSO READ"'}
        ],
        "language": "en",
        "language_confidence": 0.877,
    }
    assert "original" not in data
    assert r.to_dict(include_original=True)["original"] == ORIGINAL
    assert "language" not in make().to_dict()


def test_from_dict_round_trip_through_json() -> None:
    r = Result(ORIGINAL, (Removal(*A, "markers", "why"), Removal(*B, "zones", "why")), "en", 0.5)
    again = Result.from_dict(json.loads(json.dumps(r.to_dict())), ORIGINAL)
    assert again == r
    with_original = Result.from_dict(r.to_dict(include_original=True))
    assert with_original == r


def test_from_dict_needs_the_original() -> None:
    with pytest.raises(ValueError, match="original"):
        Result.from_dict(make(A).to_dict())


@pytest.mark.parametrize(
    "spans",
    [
        [(5, 5)],  # empty
        [(10, 5)],  # backwards
        [(-1, 3)],  # before the text
        [(40, len(ORIGINAL) + 1)],  # past the end
        [(10, 20), (15, 25)],  # overlapping
        [(30, 40), (10, 20)],  # unsorted
    ],
)
def test_invalid_removals_raise(spans: list[tuple[int, int]]) -> None:
    with pytest.raises(ValueError, match="sorted, disjoint and non-empty"):
        make(*spans)
    data = make().to_dict()
    data["removals"] = [{"start": s, "end": e, "filter": "f", "reason": "r"} for s, e in spans]
    with pytest.raises(ValueError):
        Result.from_dict(data, ORIGINAL)


def test_a_result_is_immutable() -> None:
    r = make(A)
    with pytest.raises(AttributeError):
        r.text = "changed"  # type: ignore[misc]


# --- the snippets of docs/offsets.md -------------------------------------------------------

DOC = Path(__file__).resolve().parents[1] / "docs" / "offsets.md"


def doc_blocks() -> list[str]:
    return re.findall(r"^```python\n(.*?)^```", DOC.read_text(encoding="utf-8"), re.M | re.S)


@lru_cache(maxsize=1)
def run_doc() -> dict[str, Any]:
    """Run the page's Python blocks in order, except the one that opens a file."""
    namespace: dict[str, Any] = {}
    for block in doc_blocks():
        if "article.txt" not in block:
            exec(compile(block, str(DOC), "exec"), namespace)
    return namespace


def _is_expression(line: str) -> bool:
    try:
        compile(line, "<line>", "eval")
    except SyntaxError:
        return False
    return True


def test_doc_shown_values_are_true() -> None:
    # An expression line followed by "# value" comment lines shows what it evaluates to.
    namespace: dict[str, Any] = {}
    checked = 0
    for block in doc_blocks():
        if "article.txt" in block:
            continue
        lines = block.splitlines()
        pending: list[str] = []
        for i, line in enumerate(lines):
            follows = lines[i + 1] if i + 1 < len(lines) else ""
            if not (line and not line[0].isspace() and follows.startswith("# ")):
                pending.append(line)
                continue
            if not _is_expression(line):
                pending.append(line)
                continue
            exec(compile("\n".join(pending), str(DOC), "exec"), namespace)
            pending = []
            shown = []
            for follow in lines[i + 1 :]:
                if not follow.startswith("#"):
                    break
                shown.append(follow[1:].strip())
            assert repr(eval(line, namespace)) == " ".join(shown)
            checked += 1
        exec(compile("\n".join(pending), str(DOC), "exec"), namespace)
    assert checked >= 3


SAMPLES = [
    "",
    "plain ascii",
    "é and ü, ĳ and ŉ",
    "Fans celebrated 🎉 late 🇧🇷.",
    "中文 and 𠀀 (an astral ideograph)",
    "lone \ud800 and \udfff surrogates, \ud83d\ude00 as a pair of lone halves",
    "\r\n\u2028\u2029\x85\x00",
]


@pytest.fixture(scope="module")
def doc() -> dict[str, Any]:
    return run_doc()


@pytest.mark.parametrize("text", SAMPLES)
def test_doc_utf16_table_matches_an_encoder(doc: dict[str, Any], text: str) -> None:
    table = doc["utf16_offsets"](text)
    assert len(table) == len(text) + 1
    for i in range(len(text) + 1):
        assert table[i] == len(text[:i].encode("utf-16-le", "surrogatepass")) // 2


@pytest.mark.parametrize("text", SAMPLES)
def test_doc_utf8_table_matches_an_encoder(doc: dict[str, Any], text: str) -> None:
    table = doc["utf8_offsets"](text)
    for i in range(len(text) + 1):
        assert table[i] == len(text[:i].encode("utf-8", "surrogatepass"))


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(exclude_categories=()), max_size=60))
def test_doc_tables_on_any_text(text: str) -> None:
    doc = run_doc()
    u16: Callable[[str], list[int]] = doc["utf16_offsets"]
    u8: Callable[[str], list[int]] = doc["utf8_offsets"]
    assert u16(text)[-1] == len(text.encode("utf-16-le", "surrogatepass")) // 2
    assert u8(text)[-1] == len(text.encode("utf-8", "surrogatepass"))
    # The way back: bisect finds the code point that starts at each offset.
    table = u16(text)
    assert [bisect_left(table, table[i]) for i in range(len(text) + 1)] == list(
        range(len(text) + 1)
    )


def test_doc_example_spans_select_the_removed_text(doc: dict[str, Any]) -> None:
    result = doc["result"]
    original = result.original
    assert any(ord(c) > 0xFFFF for c in original), "the example needs an astral character"
    utf16 = original.encode("utf-16-le")
    for (start, end, _), r in zip(doc["spans_for_js"], result.removals):
        assert utf16[2 * start : 2 * end].decode("utf-16-le") == result.removed_text(r)
    raw = original.encode("utf-8")
    for (start, end), r in zip(doc["byte_spans"], result.removals):
        assert raw[start:end].decode("utf-8") == result.removed_text(r)
    clean16 = result.text.encode("utf-16-le")
    for (c, o, n), p in zip(doc["pieces_for_js"], result.pieces):
        assert clean16[2 * c : 2 * (c + n)] == utf16[2 * o : 2 * (o + n)]
        assert (
            clean16[2 * c : 2 * (c + n)].decode("utf-16-le")
            == result.text[p.clean_start : p.clean_end]
        )


def test_doc_caution_surrogate_pair_joins_in_json() -> None:
    pair = "a\ud83c\udf89b"
    assert json.loads(json.dumps(pair)) == "a🎉b"
    assert pair.encode("utf-16", "surrogatepass").decode("utf-16") == "a🎉b"
    assert json.loads(json.dumps("a\ud800b")) == "a\ud800b"
