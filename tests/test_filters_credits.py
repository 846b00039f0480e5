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


def _credits_of(text: str) -> list[tuple[str, str]]:
    """The spans the credits filter takes from ``text``, with their reasons."""
    from cleantext import Page
    from cleantext.filters import Credits

    page = Page(text, language="en")
    return [(text[r.start : r.end], r.reason) for r in Credits().find(page, [False] * len(page))]


def test_a_credit_after_a_captions_last_sentence_goes_alone() -> None:
    """ "Photo: Name" with no brackets, after the caption's text: only the credit goes."""
    caption = "Interior design by Fletcher Rhodes, Sonoma CA. Photo: Thomas Kuoh"
    assert _credits_of(caption) == [
        (" Photo: Thomas Kuoh", 'caption ends in credit "Photo: Thomas Kuoh" after its text')
    ]
    question = "Imagine the life you could lead without a mortgage? Picture: Getty"
    assert [span for span, _ in _credits_of(question)] == [" Picture: Getty"]


def test_a_sentence_after_a_credit_word_and_colon_is_kept() -> None:
    """After the colon comes a sentence, or the words before it are not a credit's."""
    for line in (
        "The lighting matters most. Photo: the one on the left was shot at noon.",
        "It was a long week. Answer: Thomas Kuoh",
        "We tested every model. Photo tips for beginners: use a tripod and wait",
    ):
        assert _credits_of(line) == []
