"""The zones filter: a zone heading goes with its teaser block, a pager with its headline."""

from __future__ import annotations

import pytest
from filtercase import reasons, removed_lines

from cleantext.filters import Zones

BODY = [
    "The capture of the city would bring the army slightly closer to its goal of controlling "
    "the whole region, one of four annexed last September.",
    "There were about 70,000 people living in the city before the invasion, but only a few "
    "thousand remain in the devastated town.",
]
TEASERS = [
    "Latest from -Top News",
    "US condemns Jaffar Express attack, vows support",
    "The United States has strongly condemned the terrorist attack on",
    "France stands firm against US tariff threats",
    "European Commission President Ursula von der Leyen defended the EU's decision, stating that",
]


def test_heading_takes_its_teaser_block() -> None:
    assert removed_lines(Zones(), [*BODY, *TEASERS]) == TEASERS


def test_heading_followed_by_prose_is_a_subheading() -> None:
    lines = [BODY[0], "Trending", BODY[1]]
    assert removed_lines(Zones(), lines) == []


def test_one_word_heading_needs_the_block_to_end_the_page() -> None:
    lines = [BODY[0], "Trending", "Short item one", "Short item two", BODY[1]]
    assert removed_lines(Zones(), lines) == []


def test_pager_takes_the_headline_it_links_to() -> None:
    lines = [*BODY, "Previous Story", "NSA Ajit Doval meets UK counterpart", "Next Story"]
    assert removed_lines(Zones(), lines) == lines[2:]
    assert reasons(Zones(), lines)[0] == 'pager "Previous Story" and the headline it links to'


def test_top_picks_of_a_roundup_kept() -> None:
    """ "Top Picks" in a buying guide opens the article's own shortlist of products and their
    pros and cons, not a block of links to other stories."""
    picks = [
        "Top Picks",
        "Best Overall",
        "Breville Custom Loaf Bread Maker",
        "- Paddles collapse after kneading",
        "- Mix-in dispenser",
        "- Noisy",
    ]
    prose = (
        "Breville appliances have done consistently well in our testing, and this is no different."
    )
    assert removed_lines(Zones(), [*BODY, *picks, prose]) == []


# Related-content widgets under the labels of other site themes, after a travel piece.
@pytest.mark.parametrize(
    "heading", ["You’ll Also Love", "Read This Next", "You might also enjoy", "More Like This"]
)
def test_widget_headings_of_other_themes_take_their_block(heading: str) -> None:
    block = [heading, "The best hiking boots for wet weather", "Ten trails to walk this autumn"]
    assert removed_lines(Zones(), [*BODY, *block]) == block
