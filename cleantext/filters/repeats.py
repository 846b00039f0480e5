"""A line that repeats verbatim, such as the headline printed again under the title.

Only the first occurrence is kept; short lines ("Share", "Login") are left to the other
filters, since a repeated short line says little. Neither are list items, table rows and
indented lines: an extractor keeps an article's lists, tables and code, where the same item
("- Remote: Remote with screen", a spec per product, a line of code) recurs by design.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..page import BULLETS, Page
from ..pipeline import LineFilter
from .markers import quote

MIN_WORDS = 4
MIN_CHARS = 20


class Repeats(LineFilter):
    """Removes the second and later copies of a non-trivial line."""

    name = "repeats"

    def lines(self, page: Page, removed: Sequence[bool]) -> Iterator[tuple[int, int, str]]:
        seen: dict[str, int] = {}
        stripped, lengths, words = page.stripped, page.lengths, page.word_counts
        for i, s in enumerate(stripped):
            if lengths[i] < MIN_CHARS or words[i] < MIN_WORDS or removed[i]:
                continue
            first = seen.setdefault(s, i)
            if first != i and not _structured(page.lines[i]):
                yield i, i, f'line repeats line {first + 1} verbatim: "{quote(s, 50)}"'


def _structured(line: str) -> bool:
    """A list item, a table row or an indented (code or nested) line."""
    return line[:1] in " \t" or line.lstrip()[:1] in BULLETS
