from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cleantext.filters.credits import TRAILING, _opener, _trailing

lines = st.lists(
    st.sampled_from(["a", "Photo", " ", "\t", "(", ")", "[", "]", ":", "x" * 150, "\r"]),
    max_size=30,
).map("".join)


@given(lines, st.integers(0, 3), st.integers(0, 3))
def test_trailing_finds_what_a_search_finds(line: str, before: int, after: int) -> None:
    text = "b" * before + line + "c" * after
    start, end = before, before + len(line)
    at = _opener(text, start, end)
    found = _trailing(text, start, end, at) if at >= 0 else None
    searched = TRAILING.search(text, start, end)
    assert (found and found.span()) == (searched and searched.span())
    assert (found and found.group("inner")) == (searched and searched.group("inner"))
