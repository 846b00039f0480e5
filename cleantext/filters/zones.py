"""Zone headings ("Latest from -Top News", "Don't Miss", "More from …") and the teaser block
under each, plus "Previous/Next Story" pagers and the headline they link to.

The heading alone is weak evidence: "Trending" can be an article's subheading. So a heading
goes only with the block after it: lines that are not running prose (headlines, summaries
cut short) up to the next paragraph of prose. A heading followed straight by prose stays.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .. import markers
from ..page import Page
from ..pipeline import PATTERN_TIMEOUT, LineFilter
from .markers import languages, quote

HEADING_MAX_WORDS = 8
PAGER_HEADLINE_MAX_WORDS = 20
BLOCK_SENTENCE_WORDS = 6


class Zones(LineFilter):
    """Removes a zone heading together with the teaser block it opens."""

    name = "zones"

    def lines(self, page: Page, removed: Sequence[bool]) -> Iterator[tuple[int, int, str]]:
        table = markers.table(*languages(page))
        n = len(page)
        words, prose, blank, ends = page.word_counts, page.prose, page.blank, page.ends_sentence
        headings: dict[int, str] = {}
        pagers: dict[int, str] = {}
        low, starts, stops = page.lower, page.starts, page.ends
        # One call per candidate line: a pager if it is one, else maybe a zone heading.
        either, start = table.first("pager", "zone"), table.pattern("start")
        # The plain phrases in the faster engine turn most candidates away first.
        maybe = table.prefilter("pager", "zone", lead=True)
        if either is None or maybe is None:
            return
        for i in page.lines_starting(table.keys("pager", "zone")):
            # A heading another filter already took ("Don't Miss" is a marker too) still
            # opens its block and ends the block above it.
            if words[i] > HEADING_MAX_WORDS or ends[i] or not maybe.match(low, starts[i], stops[i]):
                continue
            m = either.match(low, starts[i], stops[i], timeout=PATTERN_TIMEOUT)
            if m is None:
                continue
            if m.lastgroup == "phrase_pager":
                pagers[i] = quote(page.text[m.start("phrase_pager") : m.end("phrase_pager")])
                continue
            # "ALSO READ- Five walks" is a one-line link, not a heading over a block.
            link = start is not None and start.match(
                low, starts[i], stops[i], timeout=PATTERN_TIMEOUT
            )
            if link and words[i] > len(m.group("phrase_zone").split()) + 1:
                continue
            headings[i] = quote(page.text[m.start("phrase_zone") : m.end("phrase_zone")])
        if not headings and not pagers:
            return

        def next_kept(i: int) -> int:
            """The next line that is kept so far, or a heading (which always ends a block)."""
            while i < n and (removed[i] or blank[i]) and i not in headings and i not in pagers:
                i += 1
            return i

        done = -1
        for h in sorted({*headings, *pagers}):
            if h <= done:
                continue
            if h in pagers:
                j = next_kept(h + 1)
                linked = (
                    j < n
                    and j not in headings
                    and j not in pagers
                    and not prose[j]
                    and words[j] <= PAGER_HEADLINE_MAX_WORDS
                )
                last = j if linked else h
                what = " and the headline it links to" if linked else ""
                yield h, last, f'pager "{pagers[h]}"{what}'
                done = last
                continue
            last = h
            count = 0
            j = next_kept(h + 1)
            # The block ends at prose, at a finished sentence of some length, or at the next
            # heading: teasers are headlines and summaries cut short.
            while (
                j < n
                and not prose[j]
                and not (ends[j] and words[j] >= BLOCK_SENTENCE_WORDS)
                and j not in headings
                and j not in pagers
            ):
                last = j
                count += 1
                j = next_kept(j + 1)
            # A one-word heading ("Trending") may be an article's own subheading: it counts
            # only where no prose follows its block.
            if count and j < n and prose[j] and len(headings[h].split()) == 1:
                continue
            if count:
                yield h, last, f'zone heading "{headings[h]}" opens a block of {count} teaser lines'
                done = last
            elif j >= n or j in headings or j in pagers:
                yield h, h, f'zone heading "{headings[h]}" with nothing but boilerplate after it'
                done = h
