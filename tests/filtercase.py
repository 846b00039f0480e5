"""Run one filter alone on a small page and say which lines it removed."""

from __future__ import annotations

from cleantext import lang
from cleantext.page import Page
from cleantext.pipeline import Filter, Pipeline

# Three paragraphs of an ordinary news article: the prose a filter must leave alone above
# the furniture it is tested on.
BODY = [
    "The council voted on Tuesday to close the old library on Mill Street and to move its "
    "collection into the new civic centre by the end of next year.",
    "Residents who spoke at the meeting said the building had served the town for more than "
    "a century and that the move would leave the east side without a branch.",
    "The mayor said that the savings would pay for longer opening hours at the centre.",
]


def removed_lines(flt: Filter, lines: list[str], language: str = "en") -> list[str]:
    """The stripped lines that ``flt`` removes from a page made of ``lines``."""
    text = "\n".join(lines) + "\n"
    page = Page(text, lang.stopwords(language), language=language)
    removals = Pipeline([flt]).run(page)
    gone = []
    for r in removals:
        for i in range(page.line_of(r.start), page.line_of(max(r.start, r.end - 1)) + 1):
            if page.starts[i] >= r.start and page.ends[i] <= r.end and page.stripped[i]:
                gone.append(page.stripped[i])
    return gone


def reasons(flt: Filter, lines: list[str], language: str = "en") -> list[str]:
    page = Page("\n".join(lines) + "\n", lang.stopwords(language), language=language)
    return [r.reason for r in Pipeline([flt]).run(page)]
