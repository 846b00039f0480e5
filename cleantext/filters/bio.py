"""An author box at the end of an article: "About the Author" or "Written by" and a short bio.

Extractors keep the box (it sits inside the article's markup) and the heading is the only
sure sign of it: the bio itself is ordinary prose ("Jane is a writer who covers…"). So the
heading counts only where little text follows it to the end: a box, not an article section
that happens to be about its author. Headings are the marker tables' ``[bio]`` phrases.

A box may be headed by the author's name instead ("Elliot Raba", "Written by Cassidy Horton"):
then the bio under it must open with that name ("Elliot is a…") or a greeting ("Hello, and
welcome! I'm…"), end the text in a few lines, and be the only name-and-bio pair on the page
(a list of people, each a name over a paragraph, is an article).
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
# A name heading: two or three capitalised words or initials, maybe after a [bio] phrase.
NAME = regex.compile(
    r"(?P<name>\p{Lu}\p{Ll}[\p{L}'’-]*(?:[ \t]+(?:\p{Lu}\.|\p{Lu}\p{Ll}[\p{L}'’-]*)){1,2})"
)
# A bio under a name heading has at least this many words; a short title line ("Enterprise
# Sales Executive") may sit between them; the box is at most this many kept lines.
NAMED_BIO_MIN_WORDS = 12
TITLE_MAX_WORDS = 6
NAMED_BOX_MAX_LINES = 4
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
        words, n = page.word_counts, len(page)
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
            said = quote(page.stripped[i], 40)
            last = _last_kept(page, removed, i)
            yield i, last, f'author box "{said}" with {after} words after it, to the end'
            return
        yield from _named(page, removed, box, langs)


@lru_cache(maxsize=64)
def _prefix(languages: tuple[str, ...]) -> regex.Pattern[str] | None:
    """A ``[bio]`` phrase before a name on its line ("Written by Cassidy Horton")."""
    phrases = markers.table(*languages).phrases["bio"]
    return regex.compile(markers.trie_regex(phrases) + r"[ \t]*:?[ \t]+") if phrases else None


def _last_kept(page: Page, removed: Sequence[bool], i: int) -> int:
    """The last line from ``i`` on that is neither blank nor removed (``i`` itself if none)."""
    last = len(page) - 1
    while last > i and (page.blank[last] or removed[last]):
        last -= 1
    return last


def _opens_with(line: str, name: str) -> bool:
    """The line opens with the name, or its first word, and goes on in lower case ("Elliot
    is…", "Cassidy Horton has…"): a sentence about that person."""
    for said in (name, name.split()[0]):
        if line.startswith(said):
            rest = line[len(said) :]
            if rest[:1] in (" ", "\t") and rest.lstrip()[:1].islower():
                return True
    return False


def _named(
    page: Page, removed: Sequence[bool], box: int, langs: tuple[str, ...]
) -> Iterator[tuple[int, int, str]]:
    """An author box headed by the author's name, in the last lines (from ``box`` on)."""
    n, words, stripped = len(page), page.word_counts, page.stripped
    kept = [k for k in range(box, n) if not removed[k] and not page.blank[k]]
    kept = kept[-NAMED_BOX_MAX_LINES:]
    prefix, greeting = _prefix(langs), markers.table(*langs).pattern("greeting")
    for pos, i in enumerate(kept[:-1]):
        if i < MIN_LINES_BEFORE:
            continue
        line = stripped[i]
        low = line.lower()
        m = prefix.match(low) if prefix is not None and len(low) == len(line) else None
        head = line[m.end() :] if m else line
        if not NAME.fullmatch(head, timeout=PATTERN_TIMEOUT):
            continue
        for j in kept[pos + 1 : pos + 3]:
            bio_line = stripped[j]
            if words[j] >= NAMED_BIO_MIN_WORDS and (
                _opens_with(bio_line, head)
                or (greeting is not None and greeting.match(bio_line.lower()))
            ):
                if _listed(page, removed, i):
                    return
                said, opens = quote(line, 40), quote(bio_line, 30)
                yield (
                    i,
                    _last_kept(page, removed, i),
                    (
                        f'author box: the name "{said}" heads a short bio about it, "{opens}", '
                        "in the last lines, to the end"
                    ),
                )
                return
            if words[j] > TITLE_MAX_WORDS:
                break


def _listed(page: Page, removed: Sequence[bool], at: int) -> bool:
    """An earlier name line over a paragraph that opens with that name: a list of people."""
    stripped, blank = page.stripped, page.blank
    for i in range(at):
        if removed[i] or not 2 <= page.word_counts[i] <= 3:
            continue
        if not NAME.fullmatch(stripped[i], timeout=PATTERN_TIMEOUT):
            continue
        j = next((k for k in range(i + 1, at) if not blank[k] and not removed[k]), None)
        if j is not None and _opens_with(stripped[j], stripped[i]):
            return True
    return False
