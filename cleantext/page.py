"""Page: the line table of one text and its per-line features, computed once, in bulk.

Filters never split the text themselves: they read ``Page`` so that line terminators are
handled in one place and each feature is computed once per text, however many filters use it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import cached_property, lru_cache
from itertools import accumulate, compress, repeat
from operator import add, gt, itemgetter, not_, or_

import numpy as np
import regex
from numpy.typing import NDArray

from . import codepoints
from .codepoints import Codes, Ints, Mask, Tokens
from .needles import needle_set, pair_keys

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
# Characters that the shape features count on every line, one class each (``char_counts``):
# commas, bars, the other characters of the body filter's separators, and code symbols.
COUNTED = (",", "|", "»·/•", CODE_SYMBOLS)
COMMA, BAR, SEPARATOR, CODE = 1, 2, 3, 4
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
        return self._lowered[0]

    @cached_property
    def _lowered(self) -> tuple[str, re.Pattern[str] | None]:
        """``lower``, and None where it is exactly ``str.lower`` of the text; else a pattern
        (one capturing group) for the odd characters: those whose lower case is not one
        character, and capital sigmas."""
        low = self.text.lower()
        if len(low) == len(self.text):
            return low, None
        # Character by character: the runs between the odd characters lower-case as one
        # string (no capital sigma in them, the one character whose lower case depends on
        # its neighbours), each odd character on its own.
        odd_chars = sorted(c for c in set(self.text) if len(c.lower()) != 1 or c == "\u03a3")
        odd = re.compile(f"([{''.join(map(re.escape, odd_chars))}])")
        parts = odd.split(self.text)
        parts[::2] = [part.lower() for part in parts[::2]]
        parts[1::2] = [lc if len(lc := c.lower()) == 1 else c for c in parts[1::2]]
        return "".join(parts), odd

    @property
    def lower_exact(self) -> bool:
        """``lower`` is ``str.lower`` of the text (its length did not change)."""
        return self._lowered[1] is None

    @cached_property
    def _irregular_lines(self) -> list[int]:
        """The lines whose own lower case is not their slice of ``lower`` (those holding an
        odd character, see ``_lowered``): their counts are made line by line."""
        odd = self._lowered[1]
        if odd is None:
            return []
        return sorted({self.line_of(m.start()) for m in odd.finditer(self.text)})

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
        """Lower-cased ``\\w+`` tokens of each line. Not on the hot path: the counts below
        come from ``tokens``; a filter that wants a line's words asks ``line_words``."""
        return list(map(WORD.findall, map(str.lower, self.stripped)))

    def line_words(self, i: int) -> list[str]:
        """``words[i]``, without tokenising every line for it."""
        words = self.__dict__.get("words")
        return words[i] if words is not None else WORD.findall(self.stripped[i].lower())

    # Array columns: the features above and below as whole-text array operations, for the
    # filters that score every line. Each agrees exactly with its per-line definition.

    @cached_property
    def codes(self) -> Codes:
        """The text's code points."""
        return codepoints.codes(self.text)

    @cached_property
    def bounds(self) -> tuple[Ints, Ints]:
        """``starts`` and ``ends`` as arrays."""
        n = len(self)
        return (
            np.fromiter(self.starts, dtype=np.int64, count=n),
            np.fromiter(self.ends, dtype=np.int64, count=n),
        )

    @cached_property
    def char_counts(self) -> Ints:
        """Per line (rows), how many characters of each class of ``COUNTED`` it holds
        (column ``COMMA``, ``BAR``, ``SEPARATOR``, ``CODE``; column 0 is unused): one pass
        over the text for every class."""
        cls = codepoints.classes(self.codes, COUNTED)
        at = (cls != 0).nonzero()[0]  # (a boolean array's nonzero is much the faster)
        k = len(COUNTED) + 1
        line = self.bounds[0].searchsorted(at, "right") - 1
        counts = np.bincount(line * k + cls.take(at), minlength=len(self) * k)
        return counts.reshape(len(self), k)

    @cached_property
    def capital_array(self) -> Ints:
        """For each line, how many of its whitespace-separated words (``str.split``) start
        with a capital letter (``str.isupper``): the capitals at the text's start or after
        a whitespace character (every line terminator is one)."""
        kind = codepoints.space_or_upper(self.codes)
        upper = (kind == 2).nonzero()[0]
        after = kind.take(upper - 1) == 1
        if len(upper) and upper[0] == 0:
            after[0] = True  # the text's first character, after nothing
        at = upper.compress(after)
        starts, ends = self.bounds
        counts: Ints = at.searchsorted(ends) - at.searchsorted(starts)
        return counts

    @cached_property
    def tokens(self) -> Tokens:
        """The ``\\w+`` tokens of ``lower``: each line's own, but for ``_irregular_lines``."""
        return Tokens.of(self.lower)

    @cached_property
    def _token_spans(self) -> tuple[Ints, Ints]:
        """For each line, its first token and the one after its last, in ``tokens`` (their
        difference is the line's word count)."""
        starts, ends = self.bounds
        offsets = self.tokens.starts
        return offsets.searchsorted(starts), offsets.searchsorted(ends)

    @cached_property
    def word_array(self) -> Ints:
        """``word_counts`` as an array."""
        first, after = self._token_spans
        counts = after - first
        for i in self._irregular_lines:
            counts[i] = len(self.line_words(i))
        return counts

    @cached_property
    def word_counts(self) -> list[int]:
        return self.word_array.tolist()  # type: ignore[no-any-return]

    @cached_property
    def stopword_array(self) -> Ints:
        """``stopword_counts`` as an array."""
        stop = self.stopwords
        if not stop:
            return np.zeros(len(self), dtype=np.int64)
        prepared = codepoints.stoplist(stop)
        hit = stop.__contains__
        if prepared is None:
            counts = [len(list(filter(hit, ws))) if ws else 0 for ws in self.words]
            return np.array(counts, dtype=np.int64)
        # Stopwords so far, token by token: a line's count is the difference at its ends.
        is_stop = self.tokens.is_stopword(prepared)
        so_far = np.zeros(len(is_stop) + 1, dtype=np.int64)
        is_stop.cumsum(out=so_far[1:])
        first, after = self._token_spans
        found = so_far.take(after) - so_far.take(first)
        for i in self._irregular_lines:
            found[i] = len(list(filter(hit, self.line_words(i))))
        return found

    @cached_property
    def stopword_counts(self) -> list[int]:
        return self.stopword_array.tolist()  # type: ignore[no-any-return]

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
        code and JSON are full of them."""
        return bool(self.few_symbols[i])

    @cached_property
    def code_symbols(self) -> Ints:
        """How many of ``CODE_SYMBOLS`` each line holds."""
        return self.char_counts[:, CODE]

    @cached_property
    def length_array(self) -> Ints:
        """``lengths`` as an array."""
        return np.fromiter(self.lengths, dtype=np.int64, count=len(self))

    @cached_property
    def few_symbols(self) -> Mask:
        """``few_code_symbols`` of every line."""
        return self.code_symbols <= 2 + self.length_array // 50

    @cached_property
    def sentence_array(self) -> Mask:
        """``ends_sentence`` as an array."""
        return codepoints.mask(self.ends_sentence)

    @cached_property
    def ellipsis_array(self) -> Mask:
        """``ends_ellipsis`` as an array."""
        return codepoints.mask(self.ends_ellipsis)

    @cached_property
    def textlike(self) -> Mask:
        """Each line has the marks of running text whatever its length: few code symbols
        and, where the language has a stoplist, function words in a normal share."""
        if not self.stopwords:
            return self.few_symbols
        return self.few_symbols & (self.stopword_array >= 0.2 * self.word_array)

    @cached_property
    def prose_array(self) -> Mask:
        """``prose`` as an array."""
        return (self.word_array >= PROSE_MIN_WORDS) & self.sentence_array & self.textlike

    @cached_property
    def prose(self) -> list[bool]:
        """The line reads like a paragraph of running text: many words, a finished sentence,
        few code symbols, and (where the language has a stoplist) function words in a
        normal share."""
        return self.prose_array.tolist()  # type: ignore[no-any-return]

    def lines_containing(self, needles: Iterable[str]) -> list[int]:
        """Sorted indices of the lines whose lower-cased text contains any of ``needles``.

        Substring search runs in C over the whole text, so filters use this to pick the
        few candidate lines before they run a pattern on each. Kept per tuple of needles:
        a filter that asks twice (``credits``) searches once.
        """
        wanted = tuple(needles)
        memo: dict[tuple[str, ...], list[int]] = self.__dict__.setdefault("_containing", {})
        found = memo.get(wanted)
        if found is None:
            found = memo[wanted] = self._lines_containing(wanted)
        return found[:]

    def _lines_containing(self, wanted: tuple[str, ...]) -> list[int]:
        plan = needle_set(wanted)
        if plan is not None:
            found = plan.occurrences(self.lower, self._pair_keys)
            return sorted(set((self.bounds[0].searchsorted(found, "right") - 1).tolist()))
        low = self.lower
        starts = self.starts
        hits: set[int] = set()
        for needle in wanted:
            pos = low.find(needle)
            while pos != -1:
                i = bisect_right(starts, pos) - 1
                hits.add(i)
                # Jump to the next line: one hit per line is enough.
                pos = low.find(needle, self.nexts[i]) if self.nexts[i] > pos else -1
        return sorted(hits)

    @cached_property
    def _pair_keys(self) -> NDArray[np.uint16]:
        """``needles.pair_keys`` of ``lower``, shared by every filter's ``lines_containing``."""
        return pair_keys(self.lower)

    @cached_property
    def heads(self) -> list[str]:
        """The first characters of each lower-cased line, bullets and dashes stripped."""
        low = self.lower
        return [
            low[s : min(e, s + HEAD_CHARS)].lstrip(BULLETS) for s, e in zip(self.starts, self.ends)
        ]

    def lines_starting(self, keys: frozenset[str]) -> list[int]:
        """Indices of the lines whose head starts with one of ``keys`` (of length
        ``KEY_CHARS``, or shorter for a shorter phrase, or a digit key ``"0"`` standing for any
        digit).

        The keys that some line's head has are found by intersecting ``keys`` with the set
        of the page's head keys (in C, over the smaller set); only those are then looked up
        line by line (``map``, ``compress``), and not at all when none is there. A key shorter
        than ``KEY_CHARS`` ("ad", a two-letter phrase) is looked up among the heads' first
        characters, so that "Ad:" is a candidate as well as "Ad".
        """
        heads, present = self._head_set
        found: list[Iterable[bool]] = []
        hits = keys & present
        if hits:
            found.append(map(hits.__contains__, heads))
        if "0" in keys:
            found.append(self._digit_heads)
        for size in _short_sizes(keys):
            prefixes, there = self._prefixes(size)
            hits = keys & there
            if hits:
                found.append(map(hits.__contains__, prefixes))
        if not found:
            return []
        hit = found[0]
        for more in found[1:]:
            hit = map(or_, hit, more)
        return list(compress(range(len(heads)), hit))

    @cached_property
    def _head_set(self) -> tuple[list[str], frozenset[str]]:
        """``_head_keys`` and the set of them."""
        heads = self._head_keys
        return heads, frozenset(heads)

    def _prefixes(self, size: int) -> tuple[list[str], frozenset[str]]:
        """``_head_set`` of the head keys' first ``size`` characters (made once per size)."""
        memo: dict[int, tuple[list[str], frozenset[str]]] = self.__dict__.setdefault(
            "_prefix_sets", {}
        )
        made = memo.get(size)
        if made is None:
            prefixes = list(map(itemgetter(slice(size)), self._head_keys))
            made = memo[size] = (prefixes, frozenset(prefixes))
        return made

    @cached_property
    def _digit_heads(self) -> list[bool]:
        """Whether each line's head key starts with a digit."""
        return list(map(str.isdigit, map(_FIRST, self._head_keys)))

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


@lru_cache(maxsize=256)
def _short_sizes(keys: frozenset[str]) -> tuple[int, ...]:
    """The lengths, ascending, of ``keys`` shorter than ``KEY_CHARS`` (but the digit key):
    a key set is asked about on every page, its sizes are worked out once."""
    return tuple(sorted({len(k) for k in keys if k != "0" and len(k) < KEY_CHARS}))
