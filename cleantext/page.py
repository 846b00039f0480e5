"""Page: the line table of one text and its per-line features, computed once, in bulk.

Filters never split the text themselves: they read ``Page`` so that line terminators are
handled in one place and each feature is computed once per text, however many filters use it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import cached_property
from itertools import accumulate, compress, repeat
from operator import add, gt, itemgetter, not_, or_

import regex

# The line terminators a scraped page may carry. ``\r\n`` is one terminator.
LINE_BREAK = regex.compile(r"\r\n|[\n\r\u2028\u2029\x85]")
# A line's start for patterns run on one line at a time: ``^`` alone (even with MULTILINE)
# knows only "\n", so a page that ends its lines with "\r" or U+2028 needs the lookbehind.
LINE_START = r"(?:^|(?<=[\r\u2028\u2029\x85]))"
_RARE_BREAKS = ("\r", "\u2028", "\u2029", "\x85")
# Words for counting: the standard library's engine runs this simple pattern several times
# faster than ``regex``.
WORD = re.compile(r"\w+")
# Characters that close a sentence, possibly followed by closing quotes or brackets.
SENTENCE_END = frozenset(".!?。！？")
CLOSERS = frozenset("\"'”’»)]」』›")
# Leading characters that decorate a line without being part of its words.
BULLETS = " \t-–—•*·▪►▶→#>|"
HEAD_CHARS = 120
KEY_CHARS = 3
ELLIPSIS_ENDINGS = ("…", "...", "…»", "…”", "...”")
PROSE_MIN_WORDS = 12
CODE_SYMBOLS = "{}[]<>=;\\"
_CLOSER_CHARS = "".join(sorted(CLOSERS))
_LAST = itemgetter(slice(-1, None))
_FIRST = itemgetter(slice(None, 1))
_HEAD = itemgetter(slice(None, HEAD_CHARS))
_KEY = itemgetter(slice(None, KEY_CHARS))


def split_lines(text: str) -> tuple[list[int], list[int], list[int]]:
    """Return ``(starts, ends, nexts)``: content start, content end and next line start.

    A text that ends with a terminator has no empty last line; an empty text has no lines.
    """
    starts, ends, nexts, _ = _split(text)
    return starts, ends, nexts


def _split(text: str) -> tuple[list[int], list[int], list[int], list[str] | None]:
    """``split_lines`` and, where splitting made them anyway, the lines' contents."""
    if not text:
        return [], [], [], []
    if not any(b in text for b in _RARE_BREAKS):
        parts = text.split("\n")
        trailing = parts[-1] == ""
        if trailing:
            parts.pop()
        nexts = list(accumulate([len(p) + 1 for p in parts]))
        starts = [0, *nexts[:-1]]
        ends = [n - 1 for n in nexts]
        if not trailing:
            ends[-1] = nexts[-1] = len(text)
        return starts, ends, nexts, parts
    starts, ends, nexts = [], [], []
    pos = 0
    for m in LINE_BREAK.finditer(text):
        starts.append(pos)
        ends.append(m.start())
        nexts.append(m.end())
        pos = m.end()
    if pos < len(text):
        starts.append(pos)
        ends.append(len(text))
        nexts.append(len(text))
    return starts, ends, nexts, None


class Page:
    """One text as a table of lines with lazily computed, cached per-line features."""

    def __init__(
        self, text: str, stopwords: frozenset[str] = frozenset(), language: str | None = None
    ) -> None:
        self.text = text
        self.stopwords = stopwords
        self.language = language
        self.starts, self.ends, self.nexts, lines = _split(text)
        if lines is not None:
            self.__dict__["lines"] = lines  # the cached ``lines``, already made by the split

    def __len__(self) -> int:
        return len(self.starts)

    @cached_property
    def lower(self) -> str:
        """The text in lower case with every character where it was, for pattern tables.

        ``str.lower`` keeps offsets except for a few characters ("İ" becomes two); those
        keep their original form.
        """
        low = self.text.lower()
        if len(low) == len(self.text):
            return low
        return "".join(lc if len(lc := c.lower()) == 1 else c for c in self.text)

    @cached_property
    def lines(self) -> list[str]:
        """Each line's content, without its terminator."""
        return list(map(self.text.__getitem__, map(slice, self.starts, self.ends)))

    # The features below run on every line of every text. Where a feature is a C method
    # applied to each line, ``map`` applies it without a bytecode loop around the call.

    @cached_property
    def stripped(self) -> list[str]:
        return list(map(str.strip, self.lines))

    @cached_property
    def lengths(self) -> list[int]:
        """Length of each stripped line, in code points."""
        return list(map(len, self.stripped))

    @cached_property
    def blank(self) -> list[bool]:
        return list(map(not_, self.stripped))

    @cached_property
    def words(self) -> list[list[str]]:
        """Lower-cased ``\\w+`` tokens of each line."""
        return list(map(WORD.findall, map(str.lower, self.stripped)))

    @cached_property
    def word_counts(self) -> list[int]:
        return list(map(len, self.words))

    @cached_property
    def stopword_counts(self) -> list[int]:
        stop = self.stopwords
        if not stop:
            return [0] * len(self)
        hit = stop.__contains__
        return [len(list(filter(hit, ws))) if ws else 0 for ws in self.words]

    @cached_property
    def ends_sentence(self) -> list[bool]:
        """The line ends like a finished sentence (``.``, ``!``, ``?``, maybe a closing quote)."""
        # The last character once closers are stripped ("" for nothing left, never an end).
        last = map(_LAST, map(str.rstrip, self.stripped, repeat(_CLOSER_CHARS)))
        # ``a > b`` on booleans is ``a and not b``: a sentence end that is not an ellipsis.
        return list(map(gt, map(SENTENCE_END.__contains__, last), self.ends_ellipsis))

    @cached_property
    def ends_ellipsis(self) -> list[bool]:
        """The line ends in ``…`` or ``...``: usually a summary cut short by a teaser list."""
        return list(map(str.endswith, self.stripped, repeat(ELLIPSIS_ENDINGS)))

    def few_code_symbols(self, i: int) -> bool:
        """Line i has few braces, brackets, ``=``, ``;`` or ``\\``: prose hardly uses them,
        code and JSON are full of them. Counted on demand, for the few lines that ask."""
        s = self.stripped[i]
        # One ``count`` per symbol: C scans, where ``translate`` on non-ASCII text looks up
        # every character.
        return sum(map(s.count, CODE_SYMBOLS)) <= 2 + len(s) // 50

    @cached_property
    def prose(self) -> list[bool]:
        """The line reads like a paragraph of running text: many words, a finished sentence,
        few code symbols, and (where the language has a stoplist) function words in a
        normal share."""
        stop = bool(self.stopwords)
        few_symbols = self.few_code_symbols
        return [
            n >= PROSE_MIN_WORDS and ends and (not stop or sc >= 0.2 * n) and few_symbols(i)
            for i, (n, ends, sc) in enumerate(
                zip(self.word_counts, self.ends_sentence, self.stopword_counts)
            )
        ]

    def lines_containing(self, needles: Iterable[str]) -> list[int]:
        """Sorted indices of the lines whose lower-cased text contains any of ``needles``.

        Substring search runs in C over the whole text, so filters use this to pick the
        few candidate lines before they run a pattern on each.
        """
        low = self.lower
        starts = self.starts
        hits: set[int] = set()
        for needle in needles:
            pos = low.find(needle)
            while pos != -1:
                i = bisect_right(starts, pos) - 1
                hits.add(i)
                # Jump to the next line: one hit per line is enough.
                pos = low.find(needle, self.nexts[i]) if self.nexts[i] > pos else -1
        return sorted(hits)

    @cached_property
    def heads(self) -> list[str]:
        """The first characters of each lower-cased line, bullets and dashes stripped."""
        low = self.lower
        return [
            low[s : min(e, s + HEAD_CHARS)].lstrip(BULLETS) for s, e in zip(self.starts, self.ends)
        ]

    def lines_starting(self, keys: frozenset[str]) -> list[int]:
        """Indices of the lines whose head starts with one of ``keys`` (all of length
        ``KEY_CHARS``, or a digit key ``"0"`` standing for any digit).

        Tests the line heads' keys, made once per page, in C loops (``map``, ``compress``),
        so that each filter's call costs no bytecode per line.
        """
        hit = map(keys.__contains__, self._head_keys)
        if "0" in keys:
            hit = map(or_, hit, self._digit_heads)
        return list(compress(range(len(self)), hit))

    def stopword_share(self, i: int) -> float:
        n = self.word_counts[i]
        return self.stopword_counts[i] / n if n else 0.0

    def line_of(self, offset: int) -> int:
        """Index of the line that holds ``offset`` (the last line for ``len(text)``)."""
        return max(0, bisect_right(self.starts, offset) - 1)

    def span(self, first: int, last: int) -> tuple[int, int]:
        """Original span of lines ``first..last`` inclusive, with the last line's terminator."""
        return self.starts[first], self.nexts[last]

    @cached_property
    def _head_keys(self) -> list[str]:
        """The first ``KEY_CHARS`` characters of each line's head (``heads``)."""
        low = self.lower
        if any(b in low for b in _RARE_BREAKS):
            ends = map(min, self.ends, map(add, self.starts, repeat(HEAD_CHARS)))
            heads: Iterable[str] = map(low.__getitem__, map(slice, self.starts, ends))
        else:
            # Every line ends in "\n": splitting is faster than slicing line by line.
            heads = map(_HEAD, low.split("\n")[: len(self)])
        return list(map(_KEY, map(str.lstrip, heads, repeat(BULLETS))))

    @cached_property
    def _digit_heads(self) -> list[bool]:
        """Whether each line's head key starts with a digit."""
        return list(map(str.isdigit, map(_FIRST, self._head_keys)))
