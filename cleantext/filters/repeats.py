"""A line that repeats verbatim, such as the headline printed again under the title.

Only the first occurrence is kept; short lines ("Share", "Login") are left to the other
filters, since a repeated short line says little.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..page import Page
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
            if first != i:
                yield i, i, f'line repeats line {first + 1} verbatim: "{quote(s, 50)}"'
