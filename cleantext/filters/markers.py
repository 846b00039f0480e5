"""Lines that a site's templates write around every article: "ALSO READ-…", "Previous Story",
"Source link", comment and cookie prompts.

The phrases come from the marker tables (``cleantext/data/markers``) of English and the
page's language; each table section is one pattern run once over the whole text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from itertools import compress, repeat

from .. import markers
from ..page import Page
from ..pipeline import PATTERN_TIMEOUT, LineFilter

# A [lead] line is a link or a call to action, not a sentence of the article.
LEAD_MAX_WORDS = 12
LEAD_MAX_WORDS_UNFINISHED = 20
PROMPT_MAX_WORDS = 60
START_MAX_WORDS = 40
ANCHORED = ("whole", "start", "lead")


def languages(page: Page) -> tuple[str, ...]:
    """English (the language of most sites' widgets) and the page's own language."""
    return ("en",) if page.language in (None, "en") else ("en", page.language)


def quote(s: str, limit: int = 60) -> str:
    s = " ".join(s.split())
    return s if len(s) <= limit else s[: limit - 3] + "..."


class Markers(LineFilter):
    """Removes lines that start with, are, or hold a boilerplate phrase of the marker tables."""

    name = "markers"

    def lines(self, page: Page, removed: Sequence[bool]) -> Iterator[tuple[int, int, str]]:
        table = markers.table(*languages(page))
        words, ends = page.word_counts, page.ends_sentence
        text, low, starts, stops = page.text, page.lower, page.starts, page.ends
        # One call per candidate line finds the first section that matches.
        anchored = table.first(*ANCHORED)
        lead, prompt = table.pattern("lead"), table.pattern("prompt")
        # Candidates: lines whose head starts like a phrase, short lines that hold a prompt
        # needle. Most only share some letters with a phrase: the plain phrases, in the
        # faster engine and one C loop per list, turn them away before the full patterns.
        maybe_anchored = table.prefilter(*ANCHORED, lead=True)
        maybe_prompt = table.prefilter("prompt")
        starting = (
            _passing(maybe_anchored.match, page, page.lines_starting(table.keys(*ANCHORED)))
            if maybe_anchored is not None
            else []
        )
        holding = (
            _passing(
                maybe_prompt.search,
                page,
                [
                    i
                    for i in page.lines_containing(table.needles("prompt"))
                    if words[i] <= PROMPT_MAX_WORDS
                ],
            )
            if maybe_prompt is not None
            else []
        )
        is_starting, is_holding = set(starting).__contains__, set(holding).__contains__
        for i in sorted({*starting, *holding}) if holding else starting:
            if removed[i]:
                continue
            reason = None
            n = words[i]
            m = (
                anchored.match(low, starts[i], stops[i], timeout=PATTERN_TIMEOUT)
                if anchored is not None and is_starting(i)
                else None
            )
            group = m.lastgroup if m is not None else None
            if m is not None and group == "phrase_start" and n > START_MAX_WORDS:
                # Too long for a [start] marker: it may still open with a [lead] phrase.
                m, group = (
                    (
                        lead.match(low, starts[i], stops[i], timeout=PATTERN_TIMEOUT)
                        if lead
                        else None
                    ),
                    "phrase",
                )
            if m is not None and group is not None:
                phrase = quote(text[m.start(group) : m.end(group)])
                if group == "phrase_whole":
                    reason = f'line is the marker "{phrase}"'
                elif group == "phrase_start":
                    reason = f'line starts with marker "{phrase}"'
                elif n <= LEAD_MAX_WORDS or (n <= LEAD_MAX_WORDS_UNFINISHED and not ends[i]):
                    reason = f'short line opens like a link, credit or call to action: "{phrase}"'
            if reason is None and prompt is not None and is_holding(i):
                m = prompt.search(low, starts[i], stops[i], timeout=PATTERN_TIMEOUT)
                if m is not None:
                    said = quote(text[m.start("phrase") : m.end("phrase")])
                    reason = f'line holds site prompt "{said}"'
            if reason:
                yield i, i, reason


def _passing(test: Callable[[str, int, int], object], page: Page, lines: list[int]) -> list[int]:
    """The lines for which ``test(page.lower, start, end)`` finds something."""
    return list(
        compress(
            lines,
            map(
                test,
                repeat(page.lower),
                map(page.starts.__getitem__, lines),
                map(page.ends.__getitem__, lines),
            ),
        )
    )
