"""The body filter: menus and link lists around an article go, the article stays."""

from __future__ import annotations

from filtercase import removed_lines

from cleantext.filters import Body
from cleantext.filters.body import _kadane, _window_mean

ARTICLE = [
    "Water companies announced hosepipe bans on Friday after the driest July in more than "
    "fifty years left reservoirs at their lowest level since records began.",
    "Customers have been asked to avoid filling paddling pools and washing cars, and fines "
    "can be imposed on those who break the rules.",
    "Drought conditions",
    "Forecasters expect temperatures to remain above 30C for at least another week, and the "
    "environment agency said river levels were falling across the south.",
    "Farmers said the dry weather had already cut yields of wheat and barley, and warned that "
    "food prices could rise later in the year as a result.",
]
MENU = ["Home", "News", "Sport", "Weather", "Business", "Culture", "Travel", "Login", "Search"]


def test_menu_goes_article_stays() -> None:
    gone = removed_lines(Body(), [*MENU, *ARTICLE, *MENU])
    assert not set(gone) & set(ARTICLE)
    assert len(set(gone) & set(MENU)) >= len(MENU) - 2


def test_subheading_between_paragraphs_kept() -> None:
    assert "Drought conditions" not in removed_lines(Body(), [*MENU, *ARTICLE])


def test_kadane_finds_the_heaviest_run() -> None:
    assert _kadane([-1, 2, 3, -1, 4, -10, 5]) == (1, 4)
    assert _kadane([]) == (0, -1)


def test_window_mean_leaves_the_value_out() -> None:
    assert _window_mean([1.0, 2.0, 3.0], 1) == [2.0, 2.0, 2.0]
