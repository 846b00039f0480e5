"""Lines that a site's templates write around every article: "ALSO READ-…", "Previous Story",
"Source link", comment and cookie prompts.

The phrases come from the marker tables (``cleantext/data/markers``) of English and the
page's language; each table section is one pattern run once over the whole text.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from .. import markers
from ..page import Page
from ..pipeline import LineFilter

# A [lead] line is a link or a call to action, not a sentence of the article.
LEAD_MAX_WORDS = 12
LEAD_MAX_WORDS_UNFINISHED = 20
PROMPT_MAX_WORDS = 60
START_MAX_WORDS = 40


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
        found: dict[int, str] = {}
        text = page.text
        for section in ("whole", "start", "lead", "prompt"):
            pattern = table.pattern(section)
            if pattern is None:
                continue
            for m in pattern.finditer(text):
                i = page.line_of(m.start())
                if i in found or removed[i]:
                    continue
                phrase = quote(m.group("phrase"))
                n = words[i]
                if section == "whole":
                    found[i] = f'line is the marker "{phrase}"'
                elif section == "start" and n <= START_MAX_WORDS:
                    found[i] = f'line starts with marker "{phrase}"'
                elif section == "lead" and (
                    n <= LEAD_MAX_WORDS or (n <= LEAD_MAX_WORDS_UNFINISHED and not ends[i])
                ):
                    found[i] = f'short line starts with call to action "{phrase}"'
                elif section == "prompt" and n <= PROMPT_MAX_WORDS:
                    found[i] = f'line holds site prompt "{phrase}"'
        for i in sorted(found):
            yield i, i, found[i]
