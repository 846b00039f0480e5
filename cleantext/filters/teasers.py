"""Teaser lists without a heading: summaries cut short with "…", one after another.

One summary ending in "…" can be a quote trailing off; three in a row, or two at the end of
the text, are a list of links to other stories. A teaser is cut at a short budget (a sentence
or two), so a run of long paragraphs ending in "…" in the middle of the text is the article's
own list (product reviews with a "Full review…" link, event descriptions) and stays; and a run
that is all the text is left, since removing it would leave nothing of the page.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..page import Page
from ..pipeline import LineFilter

MIN_RUN = 3
MIN_RUN_AT_END = 2
# Lines between the truncated summaries (their headlines) are short.
HEADLINE_MAX_WORDS = 20
# Summaries this long (median words of the cut lines) are paragraphs, not teasers, unless
# they end the text, where a site's "more stories" block of long excerpts sits.
LONG_SUMMARY_WORDS = 40


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
                if (at_end or not _long(page, first, last)) and not _whole_text(
                    page, removed, start, last
                ):
                    yield start, last, f'run of {count} summaries cut short with "…"'
            i = last + 1


def _long(page: Page, first: int, last: int) -> bool:
    """The cut lines of the run are paragraphs: their median length is LONG_SUMMARY_WORDS."""
    sizes = sorted(page.word_counts[k] for k in range(first, last + 1) if page.ends_ellipsis[k])
    return sizes[len(sizes) // 2] >= LONG_SUMMARY_WORDS


def _whole_text(page: Page, removed: Sequence[bool], start: int, last: int) -> bool:
    """Nothing but blank or removed lines outside the run: it is all the page kept."""
    return all(removed[k] or page.blank[k] for k in range(len(page)) if k < start or k > last)
