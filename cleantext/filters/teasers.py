"""Teaser lists without a heading: summaries cut short with "…", one after another.

One summary ending in "…" can be a quote trailing off; three in a row, or two at the end of
the text, are a list of links to other stories.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..page import Page
from ..pipeline import LineFilter

MIN_RUN = 3
MIN_RUN_AT_END = 2
# Lines between the truncated summaries (their headlines) are short.
HEADLINE_MAX_WORDS = 20


class Teasers(LineFilter):
    """Removes runs of summaries that end in an ellipsis, with the headlines between them."""

    name = "teasers"

    def lines(self, page: Page, removed: Sequence[bool]) -> Iterator[tuple[int, int, str]]:
        cut = page.ends_ellipsis
        if not any(cut):
            return
        n = len(page)
        blank, prose, words = page.blank, page.prose, page.word_counts
        i = 0
        while i < n:
            if not cut[i] or removed[i]:
                i += 1
                continue
            # Grow a run from here: truncated lines, with at most one short non-prose line
            # (a headline) between two of them.
            first = last = i
            count = 1
            j = i + 1
            gap = 0
            while j < n:
                if removed[j] or blank[j]:
                    j += 1
                    continue
                if cut[j]:
                    count += 1
                    last = j
                    gap = 0
                elif gap == 0 and not prose[j] and words[j] <= HEADLINE_MAX_WORDS:
                    gap = 1
                else:
                    break
                j += 1
            # Nothing but blank or removed lines after the run?
            k = last + 1
            while k < n and (removed[k] or blank[k]):
                k += 1
            at_end = k >= n
            # A headline just before the first summary belongs to the run.
            h = first - 1
            while h >= 0 and (removed[h] or blank[h]):
                h -= 1
            if h >= 0 and not prose[h] and not cut[h] and words[h] <= HEADLINE_MAX_WORDS:
                headline = h
            else:
                headline = first
            if count >= MIN_RUN or (at_end and count >= MIN_RUN_AT_END):
                start = headline if count >= MIN_RUN else first
                yield start, last, f'run of {count} summaries cut short with "…"'
            i = last + 1
