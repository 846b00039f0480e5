from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleantext import Page, codepoints
from cleantext import needles as needles_module
from cleantext.needles import MIN_NEEDLES, needle_set, pair_keys

# Pieces that exercise the keys: code points above the cap (255), pairs that several needles
# share, "İ" (kept as itself in ``Page.lower``), every line terminator.
PIECES = ["ab", "ba", "a", "b", "c", " ", "(", "é", "Āb", "ĀĀ", "İ", "\n", "\r\n", "\r", "\u2028"]
texts = st.lists(st.sampled_from(PIECES), max_size=50).map("".join)
NEEDLE_CHARS = "abc (éĀİ"
# Any needles, and needles enough for the one-pass search (with single characters among them).
needles = st.lists(st.text(alphabet=NEEDLE_CHARS, min_size=1, max_size=4), min_size=1, max_size=8)
many = st.builds(
    lambda long, short: [*long, *short],
    st.lists(st.text(alphabet=NEEDLE_CHARS, min_size=2, max_size=4), min_size=4, max_size=8),
    st.lists(st.sampled_from(NEEDLE_CHARS), max_size=3),
)


def _plain(page: Page, wanted: list[str]) -> list[int]:
    """The definition: the lines whose lower-cased content holds a needle."""
    low = page.lower
    return [
        i
        for i, (s, e) in enumerate(zip(page.starts, page.ends))
        if any(n in low[s:e] for n in wanted)
    ]


@given(texts, needles | many)
def test_lines_containing_matches_its_definition(text: str, wanted: list[str]) -> None:
    assert Page(text).lines_containing(wanted) == _plain(Page(text), wanted)


@given(texts, many)
def test_occurrences_are_exactly_the_needles_starts(text: str, wanted: list[str]) -> None:
    plan = needle_set(tuple(wanted))
    assert plan is not None
    page = Page(text)
    low = page.lower
    expected = {p for n in wanted for p in range(len(low)) if low.startswith(n, p)}
    assert set(plan.occurrences(low, page._pair_keys).tolist()) == expected


def test_few_needles_or_needles_across_lines_keep_str_find() -> None:
    assert needle_set(("ab", "cd", "ef")) is None
    assert needle_set(("ab", "cd", "ef", "gh", "")) is None
    assert needle_set(("ab", "cd", "ef", "g\nh")) is None
    assert needle_set(tuple("abcdefgh")) is None  # single characters are bad keys
    assert needle_set(("ab", "cd", "ef", "gh")) is not None
    assert MIN_NEEDLES == 4


def test_a_needle_at_the_very_end_and_start() -> None:
    page = Page("below\nmiddle\nx sign")
    assert page.lines_containing(("below", "sign", "zzz", "qqq")) == [0, 2]


def test_lines_containing_is_searched_once_per_needles_and_returns_a_copy() -> None:
    page = Page("a (b)\nc\nd]")
    first = page.lines_containing((")", "]"))
    first.append(99)
    assert page.lines_containing([")", "]"]) == [0, 2]
    assert page.lines_containing(("]",)) == [2]


@given(texts, many, st.integers(1, 5))
def test_chunks_change_nothing(text: str, wanted: list[str], chunk: int) -> None:
    page = Page(text)
    whole = pair_keys(page.lower)
    expected = sorted(set(needle_set(tuple(wanted)).occurrences(page.lower, whole).tolist()))  # type: ignore[union-attr]
    saved = needles_module.CHUNK
    needles_module.CHUNK = chunk
    try:
        keys = pair_keys(page.lower)
        found = needle_set(tuple(wanted)).occurrences(page.lower, keys)  # type: ignore[union-attr]
    finally:
        needles_module.CHUNK = saved
    assert keys.tolist() == whole.tolist()
    assert sorted(set(found.tolist())) == expected
    cp = codepoints.codes(page.lower).astype(int).clip(max=255).tolist()
    assert whole.tolist() == [a << 8 | b for a, b in zip(cp, [*cp[1:], 0])]
