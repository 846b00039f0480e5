"""The bio filter: an author box at the end goes, an article section about its author stays."""

from __future__ import annotations

import regex
from filtercase import BODY, reasons, removed_lines
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext import Page, markers
from cleantext.filters import Bio, bio
from cleantext.filters.markers import languages, quote
from cleantext.page import BULLETS

BIO = (
    "Dana Whitfield covers local government for the Courier. She has reported on the town "
    "council since 2016 and lives on the east side."
)


def test_author_box_at_the_end_is_removed() -> None:
    lines = [*BODY, "About the Author", BIO]
    assert removed_lines(Bio(), lines) == ["About the Author", BIO]
    assert reasons(Bio(), lines) == [
        'author box "About the Author" with 23 words after it, to the end'
    ]


def test_written_by_heading_with_colon() -> None:
    assert removed_lines(Bio(), [*BODY, "Written by:", BIO])[0] == "Written by:"
    for heading in ("Article written by:", "Medically reviewed by"):
        assert removed_lines(Bio(), [*BODY, heading, BIO])[0] == heading


def test_a_long_section_after_the_heading_is_the_article() -> None:
    """A profile's "About the author" section runs on for paragraphs: it is the article."""
    lines = [*BODY, "About the author", *(BODY * 6)]
    assert removed_lines(Bio(), lines) == []


def test_a_byline_at_the_top_is_left_alone() -> None:
    lines = ["Library to close", "Written by", *BODY]
    assert removed_lines(Bio(), lines) == []


def test_a_sentence_starting_with_the_phrase_is_kept() -> None:
    lines = [*BODY, "Written by a local historian, the plaque will stay on the wall.", BIO]
    assert removed_lines(Bio(), lines) == []


def plain_lines(page: Page, removed: list[bool]) -> list[tuple[int, int, str]]:
    """The filter as first written: every line with a heading key, its words after counted."""
    langs = languages(page)
    phrases = markers.table(*langs).phrases["bio"]
    if not phrases:
        return []
    heading = regex.compile(markers.trie_regex(phrases) + r"[ \t]*[:.,]*[ \t]*")
    words, blank, n = page.word_counts, page.blank, len(page)
    for i in page.lines_starting(markers.table(*langs).keys("bio")):
        if i < bio.MIN_LINES_BEFORE or removed[i] or not 0 < words[i] <= bio.HEADING_MAX_WORDS:
            continue
        low = page.lower[page.starts[i] : page.ends[i]].strip().lstrip(BULLETS)
        if not heading.fullmatch(low):
            continue
        after = sum(words[k] for k in range(i + 1, n) if not removed[k])
        if after > bio.MAX_WORDS_AFTER:
            continue
        last = n - 1
        while last > i and (blank[last] or removed[last]):
            last -= 1
        said = quote(page.stripped[i], 40)
        return [(i, last, f'author box "{said}" with {after} words after it, to the end')]
    return []


BIO_LINES = st.sampled_from(
    [
        "About the Author",
        "- ABOUT THE AUTHOR:",
        "\xa0About the author",
        " \t• Written by",
        "Über den Autor",
        "About the authors, and more words here",
        "",
        "  ",
        "Short line",
        BIO,
        " ".join(["word"] * 120),
        " ".join(["word"] * 249),
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(BIO_LINES, st.booleans()), max_size=14),
    st.sampled_from([None, "en", "de"]),
)
def test_lines_match_the_plain_filter(rows: list[tuple[str, bool]], language: str | None) -> None:
    page = Page("\n".join(line for line, _ in rows), language=language)
    removed = [gone for _, gone in rows][: len(page)]
    removed += [False] * (len(page) - len(removed))
    assert list(Bio().lines(page, removed)) == plain_lines(page, removed)


NAMED_BIO = (
    "Elliot is a sales executive at Northbay Systems, where he helps finance teams plan "
    "their move to shared services."
)


def test_a_box_headed_by_the_authors_name_is_removed() -> None:
    """No "About the author": the name alone heads the box, and the bio opens with it."""
    lines = [*BODY, "Elliot Raba", "Enterprise Sales Executive", NAMED_BIO]
    assert removed_lines(Bio(), lines) == ["Elliot Raba", "Enterprise Sales Executive", NAMED_BIO]
    assert reasons(Bio(), lines) == [
        'author box: the name "Elliot Raba" heads a short bio about it, '
        '"Elliot is a sales executive..."'
        ", in the last lines, to the end"
    ]


def test_a_written_by_heading_with_the_name() -> None:
    bio_line = BIO.replace("Dana Whitfield", "Cassidy Horton")
    lines = [*BODY, "Written by Cassidy Horton", bio_line]
    assert removed_lines(Bio(), lines) == ["Written by Cassidy Horton", bio_line]


def test_a_name_over_a_greeting_is_a_box() -> None:
    hello = (
        "Hello, and welcome! I'm the editor of this site and have roasted my own coffee at "
        "home for more than a decade."
    )
    assert removed_lines(Bio(), [*BODY, "Asser Lund", hello]) == ["Asser Lund", hello]


def test_a_name_over_other_prose_is_kept() -> None:
    """The paragraph under the name is not about that person: a section of the article."""
    lines = [*BODY, "Spring Creek", BODY[0]]
    assert removed_lines(Bio(), lines) == []


def test_the_last_of_a_list_of_people_is_kept() -> None:
    """Each item is a name over a paragraph that opens with it: the list is the article."""
    other = NAMED_BIO.replace("Elliot", "Maria").replace(" he ", " she ")
    lines = [*BODY, "Maria Kovacs", other, *BODY[:1], "Elliot Raba", NAMED_BIO]
    assert removed_lines(Bio(), lines) == []


def test_a_name_far_from_the_end_is_kept() -> None:
    lines = [*BODY, "Elliot Raba", NAMED_BIO, *BODY]
    assert removed_lines(Bio(), lines) == []
