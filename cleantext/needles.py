"""Many substrings found in one pass over a text, for ``Page.lines_containing``.

``str.find`` reads the whole text once per needle; a filter with twenty needles reads it
twenty times. Here every position of the text gets one 16-bit key, the pair of its code point
and the next one (each capped at 255), and each needle is represented by the key of its least
common pair. One table look-up per position finds where any needle may sit, a second pair of
the needle turns most of those away in the same arrays, and ``str.startswith`` at the few
positions left decides. The answer is exactly the occurrences ``str.find`` would give.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress

import numpy as np
from numpy.typing import NDArray

from .codepoints import Ints, Mask, codes

KEYS = 1 << 16
# Below this many needles of two characters or more, one ``str.find`` per needle reads the
# text faster than the keys (which cost about as much as four passes of ``str.find``). A
# single character is a bad key: it stands for every position that holds it.
MIN_NEEDLES = 4
# The characters that end a line (``page.LINE_BREAK``).
LINE_BREAKS = "\n\r\u2028\u2029\x85"
_CAP = 255
# Positions per chunk of the arrays: a few megabytes each, however long the text.
CHUNK = 1 << 20
# How common a character is in running text, most common first: a needle is keyed by its
# least common pair, so that few positions of a text share the key. Other characters count
# as rare. Only speed depends on this order, never the answer.
_COMMON = " etaoinsrhldcumfpgwybvkxjqz.,'-\"0123456789"
# The most common letter pairs of English, most common first (a standard table of letter
# statistics, not measured on any page of the benchmarks).
_PAIRS = {
    pair: rank
    for rank, pair in enumerate(
        ("th", "he", "in", "er", "an", "re", "on", "at", "en", "nd", "ti", "es", "or", "te",
         "of", "ed", "is", "it", "al", "ar", "st", "to", "nt", "ng", "se", "ha", "as", "ou",
         "io", "le", "ve", "co", "me", "de", "hi", "ri", "ro", "ic", "ne", "ea", "ra", "ce",
         "li", "ch", "ll", "be", "ma", "si", "om", "ur")
    )
}  # fmt: skip


def pair_keys(text: str) -> NDArray[np.uint16]:
    """Each position's key: its code point and the next one's, each capped at 255 (the last
    position pairs with 0). Made a chunk at a time, so that a long text's code points are
    never all in memory at once."""
    keys = np.zeros(len(text), dtype=np.uint16)
    for lo in range(0, len(text), CHUNK):
        piece = codes(text[lo : lo + CHUNK + 1])
        capped = np.minimum(piece, _CAP).astype(np.uint16)
        hi = lo + min(CHUNK, len(text) - lo)
        keys[lo:hi] = capped[: hi - lo] << 8
        keys[lo : lo + len(capped) - 1] |= capped[1:]
    return keys


def _cap(c: str) -> int:
    return min(ord(c), _CAP)


def _commonness(pair: str) -> int:
    """How often a pair of characters occurs in running text, by the order of ``_PAIRS``,
    then by its characters' ``_COMMON`` order."""
    if pair in _PAIRS:
        return 1000 - _PAIRS[pair]
    return sum(len(_COMMON) - i if (i := _COMMON.find(c)) >= 0 else 0 for c in pair)


@dataclass(frozen=True)
class NeedleSet:
    """Needles keyed for ``occurrences``.

    Each needle has two pairs: the least common one (its key) and a second one, ``check``
    characters from the first, to turn away most positions that hold only the key. ``keyed``
    says which keys stand for some needle; key k stands for rows ``first[k]`` to
    ``first[k] + count[k]`` of the row arrays, one row per needle and key.
    """

    needles: tuple[str, ...]
    keyed: Mask
    first: Ints
    count: Ints
    needle: Ints
    offset: Ints
    length: Ints
    check: Ints
    mask: NDArray[np.uint16]
    value: NDArray[np.uint16]

    @classmethod
    def of(cls, needles: Sequence[str]) -> NeedleSet:
        by_key: list[list[tuple[int, int, int, int, int]]] = [[] for _ in range(KEYS)]
        for n, needle in enumerate(needles):
            if len(needle) == 1:
                # Any pair that starts with the character; the check is the key itself.
                high = _cap(needle) << 8
                for k in range(high, high + 256):
                    by_key[k].append((n, 0, 0, 0xFF00, high))
                continue
            pairs = sorted(
                range(len(needle) - 1), key=lambda j: (_commonness(needle[j : j + 2]), j)
            )
            at = pairs[0]
            # The second pair: the least common one that does not overlap the key, if any.
            apart = [j for j in pairs[1:] if abs(j - at) > 1] or pairs[1:] or [at]
            other = apart[0]
            key = _cap(needle[at]) << 8 | _cap(needle[at + 1])
            value = _cap(needle[other]) << 8 | _cap(needle[other + 1])
            by_key[key].append((n, at, other - at, 0xFFFF, value))
        count = np.array([len(r) for r in by_key], dtype=np.int64)
        rows = [row for r in by_key for row in r]
        column = list(zip(*rows)) if rows else [(), (), (), (), ()]
        return cls(
            needles=tuple(needles),
            keyed=count > 0,
            first=np.cumsum(count) - count,
            count=count,
            needle=np.array(column[0], dtype=np.int64),
            offset=np.array(column[1], dtype=np.int64),
            length=np.array([len(needles[n]) for n in column[0]], dtype=np.int64),
            check=np.array(column[2], dtype=np.int64),
            mask=np.array(column[3], dtype=np.uint16),
            value=np.array(column[4], dtype=np.uint16),
        )

    def occurrences(self, text: str, keys: NDArray[np.uint16]) -> Ints:
        """The start offsets in ``text`` (whose ``pair_keys`` are ``keys``) where some
        needle occurs, in no particular order; an offset where several occur may repeat."""
        found = [self._occurrences(text, keys, lo) for lo in range(0, keys.size, CHUNK)]
        if len(found) == 1:
            return found[0]
        return np.concatenate(found) if found else np.zeros(0, dtype=np.int64)

    def _occurrences(self, text: str, keys: NDArray[np.uint16], lo: int) -> Ints:
        """``occurrences`` of the needles keyed at positions ``lo`` to ``lo + CHUNK``."""
        at = np.flatnonzero(self.keyed[keys[lo : lo + CHUNK]]) + lo
        if not at.size:
            return at
        k = keys[at]
        count = self.count[k]
        # One row per (position, needle that the position's key stands for).
        row = np.repeat(self.first[k] - (np.cumsum(count) - count), count)
        row += np.arange(row.size)
        start = np.repeat(at, count) - self.offset[row]
        fits = (start >= 0) & (start + self.length[row] <= keys.size)
        row, start = row[fits], start[fits]
        # The second pair, where the needle would have it.
        second = keys[start + self.offset[row] + self.check[row]] & self.mask[row]
        fits = second == self.value[row]
        needle, start = self.needle[row[fits]], start[fits]
        starts = start.tolist()
        found = list(
            compress(starts, map(text.startswith, map(self.needles.__getitem__, needle), starts))
        )
        return np.array(found, dtype=np.int64)


@lru_cache(maxsize=64)
def needle_set(needles: tuple[str, ...]) -> NeedleSet | None:
    """``NeedleSet.of``, made once per tuple of needles; None where an occurrence could
    reach across lines (an empty needle, a needle with a line terminator), which a line's
    search must not miss, or where the needles are too few to gain from one pass."""
    if sum(len(needle) > 1 for needle in needles) < MIN_NEEDLES or not all(needles):
        return None
    if any(b in needle for needle in needles for b in LINE_BREAKS):
        return None
    return NeedleSet.of(needles)
