"""Page: the line table for every line terminator, and the per-line features."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext import Page
from cleantext.page import KEY_CHARS, split_lines

TERMINATORS = ["\n", "\r\n", "\r", "\u2028", "\u2029", "\x85"]
TERMINATOR = re.compile(r"\r\n|[\n\r\u2028\u2029\x85]")


def table(text: str) -> list[tuple[str, str]]:
    """Each line as (content, terminator), read back from the line table."""
    starts, ends, nexts = split_lines(text)
    return [(text[s:e], text[e:n]) for s, e, n in zip(starts, ends, nexts)]


@pytest.mark.parametrize("t", TERMINATORS)
def test_each_terminator_ends_a_line(t: str) -> None:
    assert table(f"one{t}two{t}three") == [("one", t), ("two", t), ("three", "")]


@pytest.mark.parametrize("t", TERMINATORS)
def test_a_trailing_terminator_makes_no_empty_last_line(t: str) -> None:
    assert table(f"one{t}two{t}") == [("one", t), ("two", t)]
    assert table(t) == [("", t)]


@pytest.mark.parametrize("t", TERMINATORS)
def test_blank_lines_are_lines(t: str) -> None:
    assert table(f"a{t}{t}{t}b") == [("a", t), ("", t), ("", t), ("b", "")]


def test_crlf_is_one_terminator_and_lf_cr_is_two() -> None:
    assert table("a\r\nb") == [("a", "\r\n"), ("b", "")]
    assert table("a\n\rb") == [("a", "\n"), ("", "\r"), ("b", "")]
    assert table("a\r\r\nb") == [("a", "\r"), ("", "\r\n"), ("b", "")]


def test_mixed_terminators() -> None:
    text = "a\r\nb\rc\u2028d\ne\u2029f\x85g"
    assert table(text) == [
        ("a", "\r\n"),
        ("b", "\r"),
        ("c", "\u2028"),
        ("d", "\n"),
        ("e", "\u2029"),
        ("f", "\x85"),
        ("g", ""),
    ]


def test_other_unicode_breaks_are_not_line_terminators() -> None:
    # str.splitlines also splits on these; a scraped page uses them as characters.
    assert table("a\x0bb\x0cc\x1cd\x1de\x1ef") == [("a\x0bb\x0cc\x1cd\x1de\x1ef", "")]


def test_empty_text_has_no_lines() -> None:
    assert split_lines("") == ([], [], [])
    page = Page("")
    assert len(page) == 0
    assert page.lines == [] and page.prose == []
    assert page.line_of(0) == 0


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["a", " ", "\x00", "\ud800", *TERMINATORS]), max_size=40).map("".join)
)
def test_line_table_tiles_the_text(text: str) -> None:
    starts, ends, nexts = split_lines(text)
    assert len(starts) == len(ends) == len(nexts)
    pos = 0
    for s, e, n in zip(starts, ends, nexts):
        assert s == pos and s <= e <= n
        assert TERMINATOR.search(text[s:e]) is None
        term = text[e:n]
        assert term in TERMINATORS or (term == "" and n == len(text))
        pos = n
    assert pos == len(text)
    # Same lines as a plain regex split (which keeps an empty last piece).
    pieces = TERMINATOR.split(text)
    if pieces and pieces[-1] == "":
        pieces.pop()
    assert [text[s:e] for s, e in zip(starts, ends)] == pieces


def test_fast_and_general_paths_agree() -> None:
    # "\n"-only text takes a split() fast path; adding one "\r" forces the regex path.
    text = "one\n\ntwo\nthree\n"
    starts, ends, nexts = split_lines(text)
    s2, e2, n2 = split_lines(text + "\r")
    assert s2[:-1] == starts and e2[:-1] == ends and n2[:-1] == nexts


def test_line_of_and_span() -> None:
    page = Page("ab\r\ncd\n\nef")
    assert [page.line_of(i) for i in range(len(page.text) + 1)] == [0, 0, 0, 0, 1, 1, 1, 2, 3, 3, 3]
    assert page.span(0, 0) == (0, 4)
    assert page.span(1, 2) == (4, 8)
    assert page.span(3, 3) == (8, 10)


SENTENCE = "The mayor said the repairs to the old bridge had cost far more than expected."
PAGE = "\n".join(
    [
        f"  {SENTENCE}  ",
        "",
        "ALSO READ- Stocks rally",
        "Officials said talks would resume…",
        "“We will not back down,” she said.”",
        "\t",
        "var x = {a: [1, 2]}; y = x[0];",
    ]
)


@pytest.fixture
def page() -> Page:
    return Page(PAGE, stopwords=frozenset({"the", "to", "had", "than", "said", "we", "not"}))


def test_lines_stripped_lengths_blank(page: Page) -> None:
    assert page.lines[0] == f"  {SENTENCE}  "
    assert page.stripped[0] == SENTENCE
    assert page.lengths[0] == len(SENTENCE)
    assert page.blank == [False, True, False, False, False, True, False]


def test_words_and_stopwords(page: Page) -> None:
    assert page.words[2] == ["also", "read", "stocks", "rally"]
    assert page.word_counts[1] == 0
    assert page.word_counts[0] == 15
    assert page.stopword_counts[0] == 7  # the, said, the, to, the, had, than
    assert page.stopword_share(1) == 0.0
    assert Page(PAGE).stopword_counts == [0] * 7


def test_sentence_and_ellipsis_endings(page: Page) -> None:
    assert page.ends_sentence[0]
    assert page.ends_sentence[4], "a quote closed after the full stop still ends a sentence"
    assert not page.ends_sentence[2]
    assert not page.ends_sentence[3] and page.ends_ellipsis[3]
    assert page.ends_ellipsis == [False, False, False, True, False, False, False]


def test_prose(page: Page) -> None:
    assert page.prose[0]
    assert not any(page.prose[1:])


def test_lower_keeps_offsets() -> None:
    text = "İstanbul ALSO READ ẞ"
    page = Page(text)
    assert len(page.lower) == len(text)
    assert page.lower.index("also read") == text.index("ALSO READ")


def _starting_by_heads(page: Page, keys: frozenset[str]) -> list[int]:
    """``lines_starting`` as defined: a loop over every line's head."""
    out = []
    for i, h in enumerate(page.heads):
        k = h[:KEY_CHARS]
        if k in keys or (k and k[0].isdigit() and "0" in keys):
            out.append(i)
    return out


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Read more\nALSO READ: x\n- - read on\n12 comments\n²3 shares\nad\nads\n",
        "read more\r\nread\rmore\u2028ad\u2029ads\x8512 min\nrea",
        " " * 117 + "read\n" + " " * 118 + "read\n" + "-" * 130 + "read\n\n",
        "0 comments\n9\n٣ min read\nad\n",
    ],
)
def test_lines_starting_matches_heads(text: str) -> None:
    page = Page(text)
    for keys in (frozenset({"rea", "ad", "0"}), frozenset({"ads", "mor"}), frozenset({"0 c"})):
        assert page.lines_starting(keys) == _starting_by_heads(page, keys)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.text(alphabet="rRead 0٣²-•#>|\tİΣΑ", max_size=8)
        | st.builds(lambda n, s: " " * n + s, st.integers(110, 125), st.sampled_from(["ad", "re"])),
        max_size=8,
    ),
    st.just(["\n"] * 8)  # the fast path: every line ends in "\n"
    | st.lists(st.sampled_from(["\n", "\r\n", "\r", "\u2028", "\x85"]), min_size=8, max_size=8),
)
def test_lines_starting_matches_heads_on_any_text(lines: list[str], ends: list[str]) -> None:
    page = Page("".join(line + end for line, end in zip(lines, ends)))
    for keys in (frozenset({"rea", "ad", "0"}), frozenset({"re", "•re"}), frozenset({"0 r"})):
        assert page.lines_starting(keys) == _starting_by_heads(page, keys)
