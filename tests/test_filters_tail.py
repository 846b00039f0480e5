"""The tail filter's dated lists: a blog's recent posts, each headline ending in its date."""

from __future__ import annotations

import pytest
from filtercase import BODY, reasons, removed_lines

from cleantext.filters import Tail

POSTS = [
    "- A Mindful Approach to New Year’s Resolutions - January 13, 2020",
    "- Just This Next Step - December 16, 2019",
    "- Waiting in Line, Mindfully – 9 December 2019",
]


def test_a_run_of_dated_headlines_is_removed() -> None:
    assert removed_lines(Tail(), [*BODY, *POSTS]) == POSTS
    assert reasons(Tail(), [*BODY, *POSTS]) == [
        "list of 3 headlines that each end in a date, such as "
        '"- A Mindful Approach to New Year’s Resolutions ...": a list of recent posts'
    ]


def test_blank_lines_between_the_items_do_not_break_the_run() -> None:
    lines = [*BODY, POSTS[0], "", POSTS[1], "", POSTS[2]]
    assert removed_lines(Tail(), lines) == POSTS


def test_two_dated_items_are_kept() -> None:
    assert removed_lines(Tail(), [*BODY, *POSTS[:2], *BODY]) == []


@pytest.mark.parametrize(
    "items",
    [
        # Exhibitions with their dates: a range, not one post's date.
        [
            "- Lee Miller, Tate Britain, October 2, 2025 – February 15, 2026",
            "- Paula Rego, Cristea Roberts Gallery, Nov. 27, 2025 – Jan. 17, 2026",
            "- Sussex Modernism, Towner Eastbourne, 23 May – 28 September 2025",
        ],
        # An article's timeline puts the date first.
        [
            "- March 3, 1998: the company is founded in a garage in Leeds",
            "- June 9, 2004: the first shop opens in York",
            "- May 1, 2012: the chain is sold to its managers",
        ],
    ],
    ids=["date_ranges", "timeline"],
)
def test_dated_lists_that_are_not_recent_posts_are_kept(items: list[str]) -> None:
    assert removed_lines(Tail(), [*BODY, *items]) == []
