"""An author box at the end of an article: "About the Author" or "Written by" and a short bio.

Extractors keep the box (it sits inside the article's markup) and the heading is the only
sure sign of it: the bio itself is ordinary prose ("Jane is a writer who covers…"). So the
heading counts only where little text follows it to the end: a box, not an article section
that happens to be about its author. Headings are the marker tables' ``[bio]`` phrases.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache

import regex

from .. import markers
from ..page import BULLETS, Page
from ..pipeline import PATTERN_TIMEOUT, LineFilter
from .markers import languages, quote

HEADING_MAX_WORDS = 6
# At most this many kept words after the heading, to the end of the text: a box of one or
# two short bios, not the rest of an article.
MAX_WORDS_AFTER = 250
# The heading comes after the article has begun (a byline "Written by" under the headline
# is the markers' and the body's business).
MIN_LINES_BEFORE = 2


@lru_cache(maxsize=64)
def _heading(languages: tuple[str, ...]) -> regex.Pattern[str] | None:
    phrases = markers.table(*languages).phrases["bio"]
    if not phrases:
        return None
    return regex.compile(markers.trie_regex(phrases) + r"[ \t]*[:.,]*[ \t]*")


class Bio(LineFilter):
    """Removes an author box: its heading and the short bio after it, to the end."""

    name = "bio"

    def lines(self, page: Page, removed: Sequence[bool]) -> Iterator[tuple[int, int, str]]:
        langs = languages(page)
        heading = _heading(langs)
        if heading is None:
            return
        words, blank, n = page.word_counts, page.blank, len(page)
        for i in page.lines_starting(markers.table(*langs).keys("bio")):
            if i < MIN_LINES_BEFORE or removed[i] or not 0 < words[i] <= HEADING_MAX_WORDS:
                continue
            low = page.lower[page.starts[i] : page.ends[i]].strip().lstrip(BULLETS)
            if not heading.fullmatch(low, timeout=PATTERN_TIMEOUT):
                continue
            after = sum(words[k] for k in range(i + 1, n) if not removed[k])
            if after > MAX_WORDS_AFTER:
                continue
            last = n - 1
            while last > i and (blank[last] or removed[last]):
                last -= 1
            said = quote(page.stripped[i], 40)
            yield i, last, f'author box "{said}" with {after} words after it, to the end'
            return
