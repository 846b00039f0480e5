"""The shape filters: credits, teasers, tail lists and repeats."""

from __future__ import annotations

import pytest
from filtercase import removed_lines
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext import Page
from cleantext.filters import Credits, Repeats, Tail, Teasers, tail

PROSE = (
    "Ukrainian forces experienced partial success near the village, southwest of the city, "
    "according to a spokesperson for the general staff."
)


@pytest.mark.parametrize(
    "line",
    [
        "(Photo : Photo by ARIS MESSINIS/AFP via Getty Images)",
        "Image Source : India TV",
        "@YouTube",
        "(AP Photo/Evan Vucci)",
        "[Image: Reuters]",
    ],
)
def test_credits_removed(line: str) -> None:
    assert removed_lines(Credits(), [PROSE, line, PROSE]) == [line]


@pytest.mark.parametrize(
    "line",
    [
        "(The photo, taken in 1972, shows the old harbour before the fire destroyed it.)",
        "Photographs from the period show the square full of market stalls.",
    ],
)
def test_credits_keep_sentences(line: str) -> None:
    assert removed_lines(Credits(), [PROSE, line, PROSE]) == []


TEASERS = [
    "PM Modi announced that India will send relics of Lord Buddha, discovered in Gujarat's…",
    "Prime Minister Narendra Modi highlighted the deep cultural ties between India and…",
    "The Delhi High Court Bar Association has raised concerns over Justice Singh's transfer…",
]


def test_teaser_run_removed() -> None:
    assert removed_lines(Teasers(), [PROSE, *TEASERS]) == TEASERS


def test_one_trailing_quote_kept() -> None:
    lines = [PROSE, "He paused. “I don't know…”", PROSE]
    assert removed_lines(Teasers(), lines) == []


REVIEWS = [
    "Best Standing Desk Converters at a Glance",
    "Ergotron LX 83/100 Rating. The LX stands out as a versatile converter, featuring a tilting "
    "keyboard tray, a gas spring that lifts a full load without effort and a footprint small "
    "enough for a cramped corner desk; stability at standing height is excellent, with almost "
    "no wobble while typing. Full LX Review…",
    "Vari Pro 82/100 Rating. The Vari Pro impresses with its robust double z-shaped base, solid "
    "build quality and a height range that suits tall users, though the surface is a little "
    "shallow for two large monitors and the keyboard deck does not tilt at all. Read the full "
    "Vari Pro review…",
    "Flexispot M7 80/100 Rating. A budget converter that clamps to the desk edge and moves "
    "straight up, so it never pushes into your chair; the lever is stiff at first and the "
    "paint chips easily, but for the price it is hard to fault anything that matters. Full "
    "Flexispot M7 Review…",
]


def test_long_summaries_inside_the_text_kept() -> None:
    """A review roundup lists its products in long paragraphs ending in a "Full review…" link,
    with the article going on after them: the article's own list, not teasers."""
    lines = [PROSE, *REVIEWS, "What is a standing desk converter?", PROSE]
    assert removed_lines(Teasers(), lines) == []


def test_long_summaries_ending_the_text_removed() -> None:
    """Long excerpts in a "more stories" block at the end of the text are still teasers."""
    assert removed_lines(Teasers(), [PROSE, *REVIEWS]) == REVIEWS


def test_run_that_is_all_the_text_kept() -> None:
    """When the extractor kept nothing but the teasers, removing them would empty the page."""
    assert removed_lines(Teasers(), TEASERS) == []


def test_dash_separated_list_removed() -> None:
    items = [
        "-",
        "In Ukraine, Russian missiles kill wives, daughters, tear lives apart",
        "On Tuesday night at around 10:00 pm a first missile struck near the family home.",
        "-",
        "Ukraine broke enemy's 'sneaky' plans of years in a week",
        "Ukrainian president thanked his countrymen for toppling the attack in a week.",
        "-",
        "In a first, Russia says over 450 of its troops killed in Ukraine since invasion",
        "The defence ministry said over 2,870 troops were killed and nearly 3,700 injured.",
    ]
    assert removed_lines(Tail(), [PROSE, *items]) == items


def test_faq_accordion_between_dashes_kept() -> None:
    """An extractor lays out an FAQ's accordion like a list: questions and their answers."""
    items = [
        "-",
        "Which type of security camera is best for a flat?",
        "A battery camera with local storage: no wiring and no monthly fee.",
        "-",
        "Do I need a subscription?",
        "Only for cloud recordings; live view and alerts are free.",
    ]
    assert removed_lines(Tail(), [PROSE, *items]) == []


def test_indented_items_between_dashes_kept() -> None:
    """An extractor writes an article's nested list with its "- " bullets on their own lines
    and the items indented under them."""
    items = [
        "- ",
        "            Best Conventional Ergonomic Mouse Logitech MX Master 4 Jump To Details",
        "- ",
        "            Best Fingertip-Operated Trackball Kensington Expert Mouse Jump To Details",
        "- ",
        "            Best Thumb-Style Trackball Kensington Pro Fit Ergo Jump To Details",
    ]
    assert removed_lines(Tail(), [PROSE, *items]) == []


def test_scene_breaks_between_paragraphs_kept() -> None:
    lines = [PROSE, "*", PROSE + " Again.", "*", PROSE + " Once more."]
    assert removed_lines(Tail(), lines) == []


def test_repeated_headline_removed_once() -> None:
    title = "Russia-Ukraine War Update: Russian troops were also expelled from Kupiyansk"
    assert removed_lines(Repeats(), [title, PROSE, title]) == [title]


def test_repeated_list_items_and_code_kept() -> None:
    """A spec recurs per product in a list, a line recurs in code: both are the article's."""
    spec = "- Battery: about 20 hours with GPS on"
    code = "    result = session.execute(query, params)"
    lines = ["Garmin Forerunner", spec, PROSE, "Coros Pace", spec, code, PROSE, code]
    assert removed_lines(Repeats(), lines) == [PROSE]


def test_record_fields_and_recurring_labels_kept() -> None:
    """A directory of agencies gives each entry the same fields and the same subheading; an
    extractor drops the list bullets, so only their standing alone among new lines shows it."""
    label = "Why clients choose them"
    entries = []
    for name, town, size in [("Brightside Digital", "Austin", "11 – 50"),
                             ("Northwind Web", "Leeds", "2 – 10"),
                             ("Koala Studio", "Leeds", "11 – 50")]:  # fmt: skip
        entries += [
            name,
            label,
            f"{name} builds and runs online shops for retailers in and around {town}.",
            f"Office Location: {town}, United Kingdom",
            f"Team Size: {size} employees",
        ]
    assert removed_lines(Repeats(), [PROSE, *entries]) == []


def test_block_printed_twice_removed_with_its_fields() -> None:
    """The article printed again below itself: its copied field lines go with the rest."""
    block = [
        "Office Location: Austin, Texas",
        "Team Size: 11 – 50 employees",
        "Brightside Digital builds and runs online shops for retailers across the state.",
    ]
    assert removed_lines(Repeats(), [PROSE, *block, *block]) == block


def test_paragraph_seen_three_times_removed() -> None:
    """Only short lines count as labels: a paragraph printed three times is still a copy."""
    note = (
        "Note: students must have a basic understanding of computers, and some prior "
        "experience with photo editing software will help a great deal in this course."
    )
    lines = [note, PROSE, note, PROSE + " Again.", note]
    assert removed_lines(Repeats(), lines) == [note, note]


def test_caption_keeps_its_words_and_loses_its_credit() -> None:
    from cleantext import clean

    line = "Workers inspect the damaged sea wall on Tuesday. (Photo: Daniel Kerr/Coastal Press)"
    result = clean(f"{PROSE}\n{line}\n{PROSE}\n", pipeline=None, language="en")
    assert "Workers inspect the damaged sea wall on Tuesday.\n" in result.text
    assert "Coastal Press" not in result.text
    (credit,) = [r for r in result.removals if r.filter == "credits"]
    assert result.removed_text(credit) == " (Photo: Daniel Kerr/Coastal Press)"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.text(alphabet=" \t-–•*|_~=#ab\xa0", max_size=5), st.booleans())))
def test_tail_separators_are_the_plain_ones(rows: list[tuple[str, bool]]) -> None:
    page = Page("\n".join(line for line, _ in rows) + "\n")
    removed = [gone for _, gone in rows][: len(page)]
    removed += [False] * (len(page) - len(removed))
    plain = [
        i
        for i, s in enumerate(page.stripped)
        if s and len(s) <= 3 and set(s) <= tail.SEPARATORS and not removed[i]
    ]
    assert tail.separators(page, removed) == plain
