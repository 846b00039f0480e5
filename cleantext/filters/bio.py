"""An author box at the end of an article: "About the Author" or "Written by" and a short bio.

Extractors keep the box (it sits inside the article's markup) and the heading is the only
sure sign of it: the bio itself is ordinary prose ("Jane is a writer who covers…"). So the
heading counts only where little text follows it to the end: a box, not an article section
that happens to be about its author. Headings are the marker tables' ``[bio]`` phrases.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import compress
from operator import not_

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
# What a line's start may hold before its heading (more than the filter strips: a prefilter
# may let more lines through).
_LEAD = rf"[\s{re.escape(BULLETS)}]*"


@lru_cache(maxsize=64)
def _heading(languages: tuple[str, ...]) -> tuple[regex.Pattern[str], re.Pattern[str]] | None:
    """The heading pattern, and its phrases alone after any space and bullets for the
    standard library's engine: that matches in ``Page.lower`` at the start of every line the
    pattern matches, and turns the others away faster, without cutting the line out first."""
    phrases = markers.table(*languages).phrases["bio"]
    if not phrases:
        return None
    trie = markers.trie_regex(phrases)
    return regex.compile(trie + r"[ \t]*[:.,]*[ \t]*"), re.compile(_LEAD + trie)


class Bio(LineFilter):
    """Removes an author box: its heading and the short bio after it, to the end."""

    name = "bio"

    def lines(self, page: Page, removed: Sequence[bool]) -> Iterator[tuple[int, int, str]]:
        langs = languages(page)
        patterns = _heading(langs)
        if patterns is None:
            return
        heading, phrase = patterns
        words, blank, n = page.word_counts, page.blank, len(page)
        # The kept words after a line only grow towards the top, so the lines with few enough
        # after them are the last ones: counted back from the end, not looked up in the page.
        box, after = n, 0
        while box > MIN_LINES_BEFORE and after <= MAX_WORDS_AFTER:
            box -= 1
            if not removed[box]:
                after += words[box]
        keyed: set[int] | None = None
        for i in range(box, n):
            if removed[i] or not 0 < words[i] <= HEADING_MAX_WORDS:
                continue
            if not phrase.match(page.lower, page.starts[i]):
                continue
            low = page.lower[page.starts[i] : page.ends[i]].strip().lstrip(BULLETS)
            if not heading.fullmatch(low, timeout=PATTERN_TIMEOUT):
                continue
            if keyed is None:
                keyed = set(page.lines_starting(markers.table(*langs).keys("bio")))
            if i not in keyed:
                continue
            after = sum(compress(words[i + 1 :], map(not_, removed[i + 1 :])))
            last = n - 1
            while last > i and (blank[last] or removed[last]):
                last -= 1
            said = quote(page.stripped[i], 40)
            yield i, last, f'author box "{said}" with {after} words after it, to the end'
            return
