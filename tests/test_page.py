"""Page: the line table for every line terminator, and the per-line features."""

from __future__ import annotations

import re

import numpy as np
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
    """``lines_starting`` as defined: a loop over every line's head. A key shorter than
    ``KEY_CHARS`` (a short phrase's) is a prefix of the head."""
    short = [key for key in keys if key != "0" and len(key) < KEY_CHARS]
    out = []
    for i, h in enumerate(page.heads):
        k = h[:KEY_CHARS]
        if (
            k in keys
            or (k and k[0].isdigit() and "0" in keys)
            or any(k.startswith(key) for key in short)
        ):
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


# The array columns against their per-line definitions, on text mixing ASCII, accents,
# astral characters, lone surrogates, "İ" (whose lower case is two characters), final
# sigma, combining marks, digits of other scripts and every line terminator.
PIECES = [
    "the",
    "The",
    "THE",
    "to",
    "of",
    "and",
    "throughout",
    "themselves",
    "über",
    "ÜBER",
    "İ",
    "İstanbul",
    "ΣΟΦΙΑΣ",
    "σας",
    "e\u0301",
    "x_y",
    "٣",
    "𝔘nicode",
    "😀",
    "\U00020000",
    "\ud800",
    "\udc80",
    "{",
    "}",
    "=",
    ";",
    "\\",
    ",",
    ".",
    "!",
    "?",
    "…",
    "...",
    "”",
    "»",
    " ",
    "  ",
    "\t",
    "\xa0",
    "\u3000",
    *TERMINATORS,
]
STOP = frozenset({"the", "to", "of", "and", "throughout", "themselves", "über", "σας", "i̇"})
texts = st.lists(st.sampled_from(PIECES), max_size=60).map("".join)


def _reference_words(page: Page) -> list[list[str]]:
    return [re.findall(r"\w+", s.lower()) for s in page.stripped]


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from([STOP, frozenset(), frozenset({"x"}), frozenset({"a-b", ""})]))
def test_word_and_stopword_counts_match_their_definition(text: str, stop: frozenset[str]) -> None:
    page = Page(text, stopwords=stop)
    words = _reference_words(page)
    assert page.word_counts == [len(w) for w in words]
    assert page.stopword_counts == [sum(t in stop for t in w) for w in words]
    assert [page.line_words(i) for i in range(len(page))] == words == page.words


@settings(max_examples=200, deadline=None)
@given(texts)
def test_prose_and_code_symbols_match_their_definition(text: str) -> None:
    page = Page(text, stopwords=STOP)
    words = _reference_words(page)
    for i, s in enumerate(page.stripped):
        few = sum(map(s.count, "{}[]<>=;\\")) <= 2 + len(s) // 50
        assert page.few_code_symbols(i) == few
        n, sc = len(words[i]), sum(t in STOP for t in words[i])
        assert page.prose[i] == (n >= 12 and page.ends_sentence[i] and sc >= 0.2 * n and few)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([*PIECES, "Über", "A", "ΣΟΦΙΑΣ Σ", "İ", "Ⓐ", "ǅ"]), max_size=60))
def test_capital_counts_match_their_definition(pieces: list[str]) -> None:
    page = Page("".join(pieces))
    want = [sum(1 for t in s.split() if t[0].isupper()) for s in page.stripped]
    assert page.capital_array.tolist() == want


def test_stopwords_longer_than_a_key_are_found() -> None:
    stop = frozenset({"throughout", "through", "themselves", "a"})
    page = Page("Throughout THROUGHOUTS through themselves themselve a\nthroughout", stop)
    assert page.stopword_counts == [4, 1]


def test_lowering_that_changes_length_falls_back_to_line_by_line() -> None:
    page = Page("İstanbul is big\nthe city", stopwords=frozenset({"i", "the"}))
    assert not page.lower_exact and page._irregular_lines == [0]
    assert page.words == [["i", "stanbul", "is", "big"], ["the", "city"]]
    assert page.word_counts == [4, 2] and page.stopword_counts == [1, 1]


def test_final_sigma_lowers_the_same_in_a_line_and_in_the_text() -> None:
    # str.lower writes a final sigma by context; whitespace and line ends bound a word the
    # same way, so lowering the whole text gives each line's own lower case.
    for space in (c for c in map(chr, range(0x3100)) if c.isspace()):
        text = f"ΑΣ{space}Σ"
        assert text.lower() == space.join(part.lower() for part in text.split(space))


@settings(max_examples=100, deadline=None)
@given(st.sets(st.integers(1, 2**64 - 1), max_size=300), st.lists(st.integers(1, 2**64 - 1)))
def test_key_sets_answer_membership_exactly(keys: set[int], probes: list[int]) -> None:
    from cleantext.codepoints import KeySet

    hashed = KeySet.of(list(keys))
    searched = KeySet(np.array(sorted(keys), dtype=np.uint64))  # the binary-search fallback
    asked = [*probes, *list(keys)[:50]]
    arr = np.array(asked, dtype=np.uint64)
    want = [k in keys for k in asked]
    assert hashed.among(arr).tolist() == want == searched.among(arr).tolist()


@settings(max_examples=300, deadline=None)
@given(texts)
def test_lower_is_lowered_character_by_character_where_length_changes(text: str) -> None:
    page = Page(text)
    if len(text.lower()) == len(text):
        assert page.lower == text.lower() and page.lower_exact
    else:
        assert page.lower == "".join(lc if len(lc := c.lower()) == 1 else c for c in text)


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
