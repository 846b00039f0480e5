"""Marker patterns: the plain-phrase prefilters let through every line the full patterns
take, so the filters that try a prefilter first remove exactly what they did without it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext import markers
from cleantext.filters.credits import _leading
from cleantext.page import BULLETS, Page

TABLES = [markers.table("en")] + [
    markers.table("en", lang) for lang in markers.available_languages() if lang != "en"
]
ANCHORED = (("whole", "start", "lead"), ("pager", "zone"), ("credit",))
TERMINATORS = ("\n", "\r\n", "\r", "\u2028", "\u2029", "\x85")


@st.composite
def furniture(draw: st.DrawFn, phrases: tuple[str, ...]) -> str:
    """A line built from a phrase as a page may write it: bullets before, any case, spaces
    as runs of blanks or hyphens, any apostrophe, a number for ``{n}``, words after."""
    phrase = draw(st.sampled_from(phrases))
    out = draw(st.text(alphabet=BULLETS, max_size=4))
    for w, word in enumerate(phrase.split()):
        if w:
            out += draw(st.sampled_from(["", " ", "  ", "-", " - ", "\t"]))
        if word == "{n}":
            out += draw(st.sampled_from(["3", "12", "1.5k", "2,400", "٣", "²", "7M"]))
            continue
        for c in word:
            out += draw(st.sampled_from("'’`ʼ")) if c in "'’`ʼ" else c
    after = draw(st.sampled_from(["", ":", " |", " - the news", "s", "ing today", ".", " »"]))
    line = out + after
    case = draw(st.sampled_from(["as is", "upper", "title"]))
    return line.upper() if case == "upper" else line.title() if case == "title" else line


@st.composite
def pages(draw: st.DrawFn, table: markers.MarkerTable, sections: tuple[str, ...]) -> str:
    phrases = tuple(p for s in sections for p in table.phrases[s])
    lines = draw(
        st.lists(
            st.one_of(furniture(phrases), st.text(max_size=30)),
            min_size=1,
            max_size=12,
        )
    )
    ends = draw(st.lists(st.sampled_from(TERMINATORS), min_size=len(lines), max_size=len(lines)))
    return "".join(line + end for line, end in zip(lines, ends))


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_anchored_prefilter_passes_every_line_the_pattern_takes(data: st.DataObject) -> None:
    table = data.draw(st.sampled_from(TABLES))
    sections = data.draw(st.sampled_from(ANCHORED))
    page = Page(data.draw(pages(table, sections)))
    full = table.first(*sections)
    plain = table.prefilter(*sections, lead=True)
    assert full is not None and plain is not None
    low = page.lower
    for s, e in zip(page.starts, page.ends):
        if full.match(low, s, e):
            assert plain.match(low, s, e), low[s:e]


@settings(max_examples=200, deadline=None)
@given(st.data())
def test_credit_prefilter_passes_every_line_the_leading_pattern_takes(
    data: st.DataObject,
) -> None:
    table = data.draw(st.sampled_from(TABLES))
    page = Page(data.draw(pages(table, ("credit",))))
    plain = table.prefilter("credit", lead=True)
    assert plain is not None
    low = page.lower
    for s, e in zip(page.starts, page.ends):
        if _leading(table.languages).match(low, s, e):
            assert plain.match(low, s, e), low[s:e]


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_prompt_prefilter_finds_every_line_the_pattern_finds(data: st.DataObject) -> None:
    table = data.draw(st.sampled_from(TABLES))
    page = Page(data.draw(pages(table, ("prompt",))))
    full, plain = table.pattern("prompt"), table.prefilter("prompt")
    assert full is not None and plain is not None
    low = page.lower
    for s, e in zip(page.starts, page.ends):
        if full.search(low, s, e):
            assert plain.search(low, s, e), low[s:e]


def test_prefilter_of_an_empty_section_is_none() -> None:
    assert markers.table("xx").prefilter("prompt") is None


# Lines that match a marker pattern only through the pattern's tolerance (a gap between two
# words written as nothing or a hyphen, a number glued to the sign before it): their head keys
# must still make them candidates, or the filters never try the pattern on them.
GAP_CASES = [
    ("en", "whole", "goto top"),
    ("en", "whole", "go-to top"),
    ("en", "whole", "Back-to-Top"),
    ("en", "lead", "©2024 Coastal Press Media Ltd."),
    ("en", "lead", "© 2024 Coastal Press Media Ltd."),
    # ``\d`` is any script's digit: a year in Arabic-Indic digits matches "© {n}" too.
    ("en", "lead", "©٢٠٢٤ Coastal Press Media Ltd."),
    ("en", "lead", "© ٢٠٢٤ Coastal Press Media Ltd."),
]


def test_gap_cases_match_their_patterns() -> None:
    """The cases below are real matches of the full patterns (else the next test proves
    nothing)."""
    for lang, section, line in GAP_CASES:
        pattern = markers.table(lang).pattern(section)
        assert pattern is not None
        assert pattern.match(line.lower()), (section, line)


def test_head_keys_follow_the_patterns_gaps() -> None:
    for lang, section, line in GAP_CASES:
        page = Page(line + "\n")
        assert page.lines_starting(markers.table(lang).keys(section)) == [0], line


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_every_line_a_section_matches_is_a_candidate(data: st.DataObject) -> None:
    """Whatever gap, apostrophe or number a line writes, a line that the full anchored
    pattern matches starts with one of the section's keys."""
    table = data.draw(st.sampled_from(TABLES))
    sections = data.draw(st.sampled_from(ANCHORED))
    phrases = tuple(p for s in sections for p in table.phrases[s])
    if not phrases:
        return
    line = data.draw(furniture(phrases))
    pattern = table.first(*sections)
    page = Page(line + "\n")
    if pattern is not None and pattern.match(page.lower, 0, page.ends[0]):
        assert page.lines_starting(table.keys(*sections)) == [0], line
