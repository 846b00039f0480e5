"""The bio filter: an author box at the end goes, an article section about its author stays."""

from __future__ import annotations

from filtercase import reasons, removed_lines

from cleantext.filters import Bio

BODY = [
    "The council voted on Tuesday to close the old library on Mill Street and to move its "
    "collection into the new civic centre by the end of next year.",
    "Residents who spoke at the meeting said the building had served the town for more than "
    "a century and that the move would leave the east side without a branch.",
    "The mayor said that the savings would pay for longer opening hours at the centre.",
]
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
