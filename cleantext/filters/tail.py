"""Lists of related stories: separated by lines that hold only a dash or a bullet, or dated.

Two or more separator lines a few lines apart make a list; each item is a headline and a
summary, so the last item runs as long as the others did.

A blog's "recent posts" list comes as bulleted headlines that each end in their date
("- Just This Next Step - December 16, 2019"): three or more such lines in a row are that
list. An article's list items do not end, each of them, in a dash and a full date.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import compress, pairwise
from statistics import median

import regex

from ..page import Page
from ..pipeline import PATTERN_TIMEOUT, LineFilter
from .markers import quote

SEPARATORS = frozenset({"-", "–", "—", "•", "*", "·", "|", "_", "~", "=", "#"})
MAX_ITEM_LINES = 4
MIN_SEPARATORS = 2
_SHORT = frozenset({1, 2, 3})
# A bulleted headline ending in a dash (or bar) and one full date: "December 8, 2025",
# "8 December 2025", "8. Dezember 2025", "2025-12-08", "12/08/2025". A date before the dash
# makes a range ("October 2, 2025 – February 15, 2026", "23 May – 28 September 2025"), an
# exhibition's or an event's, not a post's date.
_DATE = (
    r"(?:\p{L}+\.?[ \t]+\d{1,2},?[ \t]+\d{4}|\d{1,2}\.?[ \t]+\p{L}+\.?[ \t]+\d{4}"
    r"|\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4})"
)
# Before the dash: no date, nor the day and month that open a range ("23 May", "Nov. 27").
_NOT_AFTER_DATE = rf"(?<!{_DATE})(?<!\d{{1,2}}\.?[ \t]+\p{{L}}+\.?)(?<!\p{{L}}\.?[ \t]+\d{{1,2}})"
DATED_ITEM = regex.compile(
    r"[ \t]*[-•*·][ \t]+\S[^\n]{3,200}?"
    + _NOT_AFTER_DATE
    + r"[ \t][-–—|][ \t]+"
    + _DATE
    + r"[ \t]*"
)
MIN_DATED_ITEMS = 3


class Tail(LineFilter):
    """Removes a list of items separated by lone "-" (or bullet) lines."""

    name = "tail"

    def lines(self, page: Page, removed: Sequence[bool]) -> Iterator[tuple[int, int, str]]:
        yield from dated(page, removed)
        stripped, blank, prose = page.stripped, page.blank, page.prose
        seps = separators(page, removed)
        if len(seps) < MIN_SEPARATORS:
            return
        n = len(page)

        def content(a: int, b: int) -> list[int]:
            return [k for k in range(a, b) if not blank[k] and not removed[k]]

        groups: list[list[int]] = [[seps[0]]]
        for s in seps[1:]:
            if len(content(groups[-1][-1] + 1, s)) <= MAX_ITEM_LINES:
                groups[-1].append(s)
            else:
                groups.append([s])
        for g in groups:
            if len(g) < MIN_SEPARATORS:
                continue
            sizes = [len(content(a + 1, b)) for a, b in pairwise(g)]
            items = [content(a + 1, b) for a, b in pairwise(g)]
            # Every item opens with a headline, not a paragraph: scene breaks ("*") between
            # sections of an article are not a list.
            # Nor are questions and their answers, an FAQ's accordion laid out the same way,
            # nor indented items: an extractor writes an article's nested list that way, with
            # its "- " bullets on lines of their own.
            if (
                not all(sizes)
                or any(prose[item[0]] for item in items)
                or any(stripped[item[0]].endswith("?") for item in items)
                or any(_indented(page, item[0]) for item in items)
            ):
                continue
            size = round(median(sizes))
            after = content(g[-1] + 1, n)[:size]
            # The last item is like the others: no paragraph of prose in the middle of it.
            last = after[-1] if after and not any(prose[k] for k in after[:-1]) else g[-1]
            mark = stripped[g[0]]
            yield g[0], last, f'list of {len(g)} items separated by lines holding only "{mark}"'


def _indented(page: Page, i: int) -> bool:
    """Line i starts with a space or a tab."""
    return page.text[page.starts[i] : page.starts[i] + 1] in (" ", "\t")


def separators(page: Page, removed: Sequence[bool]) -> list[int]:
    """The kept lines that hold only one to three separator characters.

    Lines of one to three characters are picked in a C loop; only those are looked at."""
    short = compress(range(len(page)), map(_SHORT.__contains__, page.lengths))
    stripped = page.stripped
    return [i for i in short if set(stripped[i]) <= SEPARATORS and not removed[i]]


def dated(page: Page, removed: Sequence[bool]) -> Iterator[tuple[int, int, str]]:
    """Runs of ``MIN_DATED_ITEMS`` or more kept lines in a row (blank lines between them do
    not count) that are each a bulleted headline ending in a dash and its date."""
    stripped, blank, text, starts, ends = (
        page.stripped,
        page.blank,
        page.text,
        page.starts,
        page.ends,
    )
    # Every such line ends in a digit after a dash, bar or slash and a space: the few lines
    # holding " - " (or its kin) are the candidates, and only they are looked at.
    items = [
        i
        for i in page.lines_containing((" - ", " – ", " — ", " | "))
        if not removed[i]
        and stripped[i][-1:].isdigit()
        and DATED_ITEM.fullmatch(text, starts[i], ends[i], timeout=PATTERN_TIMEOUT)
    ]
    run: list[int] = []
    for i in [*items, -1]:
        if run and i >= 0 and all(blank[k] or removed[k] for k in range(run[-1] + 1, i)):
            run.append(i)
            continue
        if len(run) >= MIN_DATED_ITEMS:
            said = quote(stripped[run[0]], 50)
            yield (
                run[0],
                run[-1],
                (
                    f'list of {len(run)} headlines that each end in a date, such as "{said}": '
                    "a list of recent posts"
                ),
            )
        run = [i]
