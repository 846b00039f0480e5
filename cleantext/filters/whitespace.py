"""Tidy the blank lines that other removals leave behind, so offsets stay exact."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..page import Page
from ..pipeline import LineFilter


class Whitespace(LineFilter):
    """Where a gap between kept lines held a removal, keep at most one blank line of it.

    Gaps that held no removal keep their blank lines as the author laid them out; blank lines
    left at the very start or end of the text by removals go.
    """

    name = "whitespace"

    def lines(self, page: Page, removed: Sequence[bool]) -> Iterator[tuple[int, int, str]]:
        blank = page.blank
        n = len(page)
        i = 0
        while i < n:
            if not blank[i] and not removed[i]:
                i += 1
                continue
            j = i
            had_removal = False
            kept_blank: list[int] = []
            while j < n and (blank[j] or removed[j]):
                if removed[j]:
                    had_removal = True
                else:
                    kept_blank.append(j)
                j += 1
            if had_removal and kept_blank:
                edge = i == 0 or j == n
                extra = kept_blank if edge else kept_blank[1:]
                for k in extra:
                    where = "at the edge of the text" if edge else "between two kept lines"
                    yield k, k, f"blank line left by a removal {where}"
            i = j
