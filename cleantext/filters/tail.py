"""Lists of related stories separated by lines that hold only a dash or a bullet.

Two or more separator lines a few lines apart make a list; each item is a headline and a
summary, so the last item runs as long as the others did.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import compress, pairwise
from statistics import median

from ..page import Page
from ..pipeline import LineFilter

SEPARATORS = frozenset({"-", "–", "—", "•", "*", "·", "|", "_", "~", "=", "#"})
MAX_ITEM_LINES = 4
MIN_SEPARATORS = 2
_SHORT = frozenset({1, 2, 3})


class Tail(LineFilter):
    """Removes a list of items separated by lone "-" (or bullet) lines."""

    name = "tail"

    def lines(self, page: Page, removed: Sequence[bool]) -> Iterator[tuple[int, int, str]]:
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
