"""Photo and video credits and embed handles: "(Photo : … Getty Images)", "Image Source : …",
"@YouTube".

A credit is a short line, not a sentence, that is wholly in brackets or starts with a credit
word ("Photo:", "Image Source :"), where the credit words come from the marker tables. A
caption that ends in a credit, bracketed or after its last sentence ("… Photo: Thomas Kuoh"),
keeps its words and loses only the credit.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex

from .. import markers
from ..page import LINE_START, Page
from ..pipeline import PATTERN_TIMEOUT, LineFilter
from ..result import Removal
from .markers import languages, quote

MAX_WORDS = 25
# The closing brackets: every line in brackets, and every caption that ends in a bracketed
# credit, holds one.
_CLOSERS = (")", "]")
# A line in brackets from end to end: "(Photo : …)", "[Image: …]".
BRACKETED = regex.compile(
    LINE_START + r"[ \t]*[(\[][ \t]*(?P<inner>[^\n]{1,300}?)[ \t]*[)\]][ \t]*$", regex.MULTILINE
)
# A bracketed credit closing a longer line: "… on Tuesday. (Photo: Daniel Kerr/Coastal Press)".
TRAILING = regex.compile(r"[ \t]*[(\[](?P<inner>[^()\[\]\n]{3,150})[)\]][ \t]*$")
# An unbracketed credit closing a caption after its last sentence: "… in Sonoma. Photo: Thomas
# Kuoh", "… a mortgage? Picture: Getty". One colon, and no sentence after it.
PLAIN_TRAILING = regex.compile(
    r"(?<=[.!?…)”\"])[ \t]+(?P<inner>[^\n.!?:]{1,40}:[ \t]*[^\n.!?:]{2,60}?)[ \t]*$"
)
PLAIN_CREDIT_MAX_WORDS = 8
# A lone embed handle: "@YouTube", "@reuters".
HANDLE = regex.compile(LINE_START + r"[ \t]*@[\w.]{2,40}[ \t]*$", regex.MULTILINE)
# "Photo : …", "Image Source: …", "Foto: …": a credit word, maybe a second one, a colon.
# Used with ``match`` at a line's (or a bracket's) start, so it needs no ``^``.
LEADING = r"[ \t]*(?:{words})(?:[ \t]+(?:{words}))?[ \t]*[:：|/]"


class Credits(LineFilter):
    """Removes short credit lines for photos and videos, and lone embed handles."""

    name = "credits"

    def lines(self, page: Page, removed: Sequence[bool]) -> Iterator[tuple[int, int, str]]:
        table = markers.table(*languages(page))
        credit = table.pattern("credit")
        words, prose, stripped = page.word_counts, page.prose, page.stripped
        text, low, starts, stops = page.text, page.lower, page.starts, page.ends
        found: dict[int, str] = {}
        for i in page.lines_containing(("@",)):
            # A handle is the whole line: it starts with "@" (a cheaper test first).
            if stripped[i][:1] == "@" and HANDLE.match(
                text, starts[i], stops[i], timeout=PATTERN_TIMEOUT
            ):
                found[i] = f'line is a lone embed handle "{quote(stripped[i])}"'
        if credit is not None:
            # A wholly bracketed line holds a closing bracket: finding those in the whole text
            # is faster than testing every line. Its credit word is among the plain ones (in
            # the faster engine) somewhere on the line.
            holds = table.prefilter("credit")
            for i in page.lines_containing(_CLOSERS):
                s = stripped[i]
                if (
                    s[:1] in "(["
                    and s[-1:] in ")]"
                    and words[i] <= MAX_WORDS
                    and not prose[i]
                    and (holds is None or holds.search(low, starts[i], stops[i]))
                ):
                    m = BRACKETED.match(text, starts[i], stops[i], timeout=PATTERN_TIMEOUT)
                    hit = m and credit.search(
                        low, m.start("inner"), m.end("inner"), timeout=PATTERN_TIMEOUT
                    )
                    if hit:
                        named = quote(text[hit.start() : hit.end()])
                        found.setdefault(i, f'bracketed credit line naming "{named}"')
            leading = _leading(table.languages)
            # The plain credit words in the faster engine turn most candidates away first.
            maybe = table.prefilter("credit", lead=True)
            for i in page.lines_starting(table.keys("credit")):
                if (
                    words[i] <= MAX_WORDS
                    and not prose[i]
                    and maybe is not None
                    and maybe.match(low, starts[i], stops[i])
                ):
                    m = leading.match(low, starts[i], stops[i], timeout=PATTERN_TIMEOUT)
                    if m:
                        found.setdefault(
                            i, f'credit line starting "{quote(text[m.start() : m.end()].strip())}"'
                        )
        for i in sorted(found):
            if not removed[i]:
                yield i, i, found[i]

    def find(self, page: Page, removed: Sequence[bool]) -> Iterator[Removal]:
        """Whole credit lines, then credits that close a caption, as spans of their line."""
        yield from super().find(page, removed)
        table = markers.table(*languages(page))
        leading = _leading(table.languages)
        # The plain credit words in the faster engine: a credit's brackets open with one.
        maybe = table.prefilter("credit", lead=True)
        text, low, starts, stops = page.text, page.lower, page.starts, page.ends
        stripped = page.stripped
        for i in page.lines_containing(_CLOSERS):
            s = stripped[i]
            if removed[i] or s[-1:] not in ")]" or s[:1] in "([":
                continue
            opener = _opener(text, starts[i], stops[i])
            if opener < 0 or (maybe is not None and not maybe.match(low, opener + 1, stops[i])):
                continue
            m = _trailing(text, starts[i], stops[i], opener)
            if m is None or m.start() == starts[i]:
                continue
            if leading.match(low, m.start("inner"), m.end("inner"), timeout=PATTERN_TIMEOUT):
                said = quote(text[m.start("inner") : m.end("inner")].strip())
                yield Removal(m.start(), m.end(), self.name, f'caption ends in credit "{said}"')
        # An unbracketed credit's word is among the plain ones too: lines without one are
        # turned away in the faster engine before the pattern runs.
        holds = table.prefilter("credit")
        for i in page.lines_containing((":",)):
            if removed[i] or (holds is not None and not holds.search(low, starts[i], stops[i])):
                continue
            m = PLAIN_TRAILING.search(text, starts[i], stops[i], timeout=PATTERN_TIMEOUT)
            if m is None or len(m.group("inner").split()) > PLAIN_CREDIT_MAX_WORDS:
                continue
            word = leading.match(low, m.start("inner"), stops[i], timeout=PATTERN_TIMEOUT)
            if word is not None and text[word.end() - 1] == ":":
                said = quote(m.group("inner").strip())
                yield Removal(
                    m.start(), m.end(), self.name, f'caption ends in credit "{said}" after its text'
                )


def _opener(text: str, start: int, end: int) -> int:
    """Where the line ``text[start:end]`` opens its last bracket, or -1."""
    return max(text.rfind("(", start, end), text.rfind("[", start, end))


def _trailing(text: str, start: int, end: int, at: int) -> regex.Match[str] | None:
    """``TRAILING.search`` of the line ``text[start:end]`` whose last bracket opens at
    ``at`` (``_opener``), tried at one place only.

    The credit's brackets hold no bracket and the closing one ends the line, so the opening
    one is the line's last "(" or "[": a match starts at the spaces before it. Searching
    from every position of a long caption cost most of this filter's time.
    """
    while at > start and text[at - 1] in " \t":
        at -= 1
    return TRAILING.match(text, at, end, timeout=PATTERN_TIMEOUT)


_LEADING_CACHE: dict[tuple[str, ...], regex.Pattern[str]] = {}


def _leading(languages: tuple[str, ...]) -> regex.Pattern[str]:
    pattern = _LEADING_CACHE.get(languages)
    if pattern is None:
        words = markers.table(*languages).phrases["credit"]
        alternation = markers.trie_regex(words)
        pattern = regex.compile(LEADING.format(words=alternation), regex.MULTILINE)
        _LEADING_CACHE[languages] = pattern
    return pattern
