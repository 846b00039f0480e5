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
    assert _window_mean([1.0, 2.0, 3.0], 1).tolist() == [2.0, 2.0, 2.0]


def _regime(lines: list[str]) -> str:
    from cleantext import Page, lang
    from cleantext.filters.body import line_features, shipped_model

    page = Page("\n".join(lines) + "\n", lang.stopwords("en"), language="en")
    _, cols = line_features(page, [False] * len(page))
    return shipped_model().regime(cols)


# An extractor's output of a tutorial: prose around a code block and a table, whose lines
# are short but are the article's structure, not a menu.
CODE = ["def total(rows):", "    s = {}", "    for r in rows:", "        s[r] = s.get(r, 0) + 1"]
CODE += ["    return {k: v for k, v in s.items()}", "print(total([1, 2]));"]
TABLE = [
    "| Date | Change |",
    "| 5/1/2017 | +6.5% |",
    "| 6/1/2017 | -1.2% |",
    "| 7/1/2017 | +0.4% |",
]


def test_code_and_table_rows_do_not_make_extracted_text_look_like_a_page() -> None:
    assert _regime([*ARTICLE[:2], *CODE, *TABLE, *ARTICLE[2:]]) == "extracted"


def test_a_menu_still_makes_a_page() -> None:
    assert _regime([*MENU, *ARTICLE, *CODE]) == "page"


def test_a_text_that_starts_with_its_article_is_extracted_text() -> None:
    """No header or menu above the article: an extractor cut the page down already, so the
    list after the first paragraph is the article's, not a menu."""
    items = ["Sunscreen", "Water bottle", "Hat", "Spare socks", "First-aid kit", "Map"]
    assert _regime([*ARTICLE[:2], *items, *ARTICLE[2:]]) == "extracted"
    assert _regime([*MENU[:4], *ARTICLE[:2], *items, *ARTICLE[2:]]) == "page"
