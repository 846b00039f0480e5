"""A text as an array of code points, and character classes that agree with Python's own.

``Page`` computes its per-line features as array operations over the whole text instead of
a Python loop per line. The tables here say, for each code point, what ``re``'s ``\\w``,
``str.isspace`` and ``str.isupper`` say of it (built from those very functions, so they
cannot disagree), and ``Tokens`` finds words and their stopwords the way
``re.findall(r"\\w+", ...)`` and a set look-up would, exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray

Codes = NDArray[np.uint32]
Ints = NDArray[np.int64]
Mask = NDArray[np.bool_]

BMP = 0x10000
UNICODE = 0x110000
_NOT_WORD = re.compile(r"\W")
_WORD = re.compile(r"\w+")
# A stopword look-up packs each token's first ``LIMB`` characters into one 64-bit key, a
# byte per character: the character's place in the stoplist's alphabet (1..254), or
# ``_OTHER`` for a character no stopword has. Keys are exact, not hashes: equal keys are
# equal tokens. Longer tokens, a few per page, are looked up as strings.
LIMB = 8
_OTHER = 255
# ``LIMB_MASKS[k]`` keeps a key's first ``k`` bytes: the key of a token of ``k`` characters.
LIMB_MASKS = np.array([(1 << (8 * k)) - 1 for k in range(LIMB + 1)], dtype=np.uint64)


def codes(text: str) -> Codes:
    """The code points of ``text`` (lone surrogates included, as themselves)."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def _size(cp: Codes) -> int:
    """The table size that covers ``cp``: the BMP, or the planes up to its highest
    character (tables for the rarer planes are built only for the texts that use them)."""
    top = int(cp.max()) if len(cp) else 0
    return BMP if top < BMP else min(UNICODE, (top | (BMP - 1)) + 1)


@lru_cache(maxsize=4)
def _chars(size: int) -> str:
    return "".join(map(chr, range(size)))


@lru_cache(maxsize=4)
def _word_table(size: int) -> Mask:
    # Every character ``\W`` matches becomes NUL (itself ``\W``); the rest are ``\w``.
    word: Mask = codes(_NOT_WORD.sub("\0", _chars(size))) != 0
    return word


@lru_cache(maxsize=4)
def _space_table(size: int) -> Mask:
    return np.fromiter(map(str.isspace, _chars(size)), dtype=np.bool_, count=size)


@lru_cache(maxsize=4)
def _upper_table(size: int) -> Mask:
    return np.fromiter(map(str.isupper, _chars(size)), dtype=np.bool_, count=size)


@lru_cache(maxsize=4)
def _digit_table(size: int) -> Mask:
    return np.fromiter(map(str.isdigit, _chars(size)), dtype=np.bool_, count=size)


def is_digit(cp: Codes) -> Mask:
    """Where ``str.isdigit`` holds."""
    return np.take(_digit_table(_size(cp)), cp)


def is_word(cp: Codes) -> Mask:
    """Where ``re``'s ``\\w`` (for str patterns) matches."""
    return np.take(_word_table(_size(cp)), cp)


@lru_cache(maxsize=4)
def _space_upper_table(size: int) -> NDArray[np.uint8]:
    table = _space_table(size).astype(np.uint8)
    table[_upper_table(size)] = 2
    return table


def space_or_upper(cp: Codes) -> NDArray[np.uint8]:
    """1 where ``str.isspace``, 2 where ``str.isupper`` (never both), else 0."""
    return _space_upper_table(_size(cp)).take(cp)


def is_upper(cp: Codes) -> Mask:
    return np.take(_upper_table(_size(cp)), cp)


@lru_cache(maxsize=32)
def _char_table(chars: str) -> Mask:
    """Indexed by code point up to the highest of ``chars``; one false entry after it
    stands for every higher code point."""
    at = codes(chars)
    table = np.zeros(int(at.max()) + 2 if len(at) else 1, dtype=np.bool_)
    table[at] = True
    return table


@lru_cache(maxsize=8)
def _class_table(sets: tuple[str, ...], size: int) -> NDArray[np.uint8]:
    table = np.zeros(size, dtype=np.uint8)
    for k, chars in enumerate(sets, start=1):
        table[codes(chars)] = k
    return table


def classes(cp: Codes, sets: tuple[str, ...]) -> NDArray[np.uint8]:
    """For each code point, 1 + the index of the set of ``sets`` that holds it, else 0 (the
    sets do not overlap)."""
    return _class_table(sets, _size(cp)).take(cp)


def is_any(cp: Codes, chars: str) -> Mask:
    """Where ``cp`` holds one of ``chars``."""
    table = _char_table(chars)
    return table.take(np.minimum(cp, len(table) - 1))


# Odd 64-bit multipliers for ``KeySet``'s hash: the first that spreads a set's keys over
# distinct slots is kept.
_MULTIPLIERS = [(0x9E3779B97F4A7C15 * (2 * k + 1)) % (1 << 64) | 1 for k in range(48)]


def places(table: NDArray[np.uint64], keys: NDArray[np.uint64]) -> tuple[Ints, Mask]:
    """Where in ``table`` (sorted) each of ``keys`` would be, and whether it is there."""
    if not len(table):
        return np.zeros(len(keys), dtype=np.int64), np.zeros(len(keys), dtype=np.bool_)
    at = np.minimum(table.searchsorted(keys), len(table) - 1)
    return at, table.take(at) == keys


def mask(flags: list[bool]) -> Mask:
    """A list of bools as an array: its bytes in one C call (``np.array`` reads item by
    item)."""
    out: Mask = np.frombuffer(bytes(flags), dtype=np.bool_).copy()
    return out


@dataclass(frozen=True)
class KeySet:
    """A set of 64-bit keys, for membership tests of many keys at once: a table of slots
    that no two keys of the set share (multiplicative hashing), so that a test is one
    look-up and one comparison; a sorted array and binary search when no table was found."""

    keys: NDArray[np.uint64]  # sorted; with a table, slot k's key is keys[table[k]]
    multiplier: int = 0
    shift: int = 0
    table: NDArray[np.int32] | None = None

    @classmethod
    def of(cls, keys: list[int]) -> KeySet:
        # Key 0 never occurs (a token has at least one non-zero byte): index 0 holds it and
        # every empty slot points there.
        values = np.array([0, *sorted(set(keys))], dtype=np.uint64)
        for bits in range(max(10, 2 * len(values).bit_length() - 2), 19):
            for m in _MULTIPLIERS:
                slots = (values[1:] * np.uint64(m)) >> np.uint64(64 - bits)
                if len(np.unique(slots)) == len(slots):
                    table = np.zeros(1 << bits, dtype=np.int32)
                    table[slots.astype(np.int64)] = np.arange(1, len(values), dtype=np.int32)
                    return cls(values, m, 64 - bits, table)
        return cls(values[1:])

    def among(self, keys: NDArray[np.uint64]) -> Mask:
        """Which of ``keys`` are in the set."""
        if self.table is None:
            return places(self.keys, keys)[1]
        slots = (keys * np.uint64(self.multiplier)) >> np.uint64(self.shift)
        hit: Mask = self.keys.take(self.table.take(slots.astype(np.intp))) == keys
        return hit


@dataclass(frozen=True)
class Stoplist:
    """A stoplist ready for ``Tokens.is_stopword``: the keys of its words of at most
    ``LIMB`` characters, and of the first characters of the longer ones (which are then
    looked up in ``words``). A character's digit is its code point where every character of
    the stoplist is below ``_OTHER`` (``latin``), else its place in ``alphabet`` plus one."""

    words: frozenset[str]
    alphabet: str
    latin: bool
    keys: KeySet
    heads: KeySet
    longest: int


@lru_cache(maxsize=16)
def stoplist(words: frozenset[str]) -> Stoplist | None:
    """The stoplist prepared for ``Tokens.is_stopword``; None when its words use more
    characters than a byte can tell apart."""
    tokens = [w for w in words if _WORD.fullmatch(w)]
    alphabet = "".join(sorted(set("".join(tokens))))
    if len(alphabet) >= _OTHER:
        return None
    latin = all(ord(c) < _OTHER for c in alphabet)
    digit = {c: ord(c) if latin else k + 1 for k, c in enumerate(alphabet)}

    def key(word: str) -> int:
        return sum(digit[c] << (8 * k) for k, c in enumerate(word[:LIMB]))

    keys = KeySet.of([key(w) for w in tokens if len(w) <= LIMB])
    heads = KeySet.of([key(w) for w in tokens if len(w) > LIMB])
    longest = max(map(len, tokens), default=0)
    return Stoplist(words, alphabet, latin, keys, heads, longest)


@lru_cache(maxsize=4)
def _digits(alphabet: str, size: int) -> NDArray[np.uint8]:
    table = np.full(size, _OTHER, dtype=np.uint8)
    table[codes(alphabet)] = np.arange(1, len(alphabet) + 1, dtype=np.uint8)
    return table


@dataclass(frozen=True)
class Tokens:
    """The ``\\w+`` tokens of a text, as spans: ``starts`` and ``ends`` (exclusive)."""

    text: str
    cp: Codes
    starts: Ints
    ends: Ints

    @classmethod
    def of(cls, text: str) -> Tokens:
        cp = codes(text)
        # A non-word character on each side, so that every token has both edges, which
        # alternate: a start, an end, a start...
        word = np.zeros(len(cp) + 2, dtype=np.bool_)
        word[1:-1] = is_word(cp)
        edges = np.flatnonzero(word[1:] != word[:-1])
        return cls(text, cp, edges[0::2].copy(), edges[1::2].copy())

    def is_stopword(self, stop: Stoplist) -> Mask:
        """Which tokens are words of ``stop``."""
        starts, ends = self.starts, self.ends
        n = len(self.cp)
        if not len(starts) or not stop.longest:
            return np.zeros(len(starts), dtype=np.bool_)
        lengths = ends - starts
        # Each token's key: the digits of its first characters, read as one little-endian
        # 64-bit word from a byte array (unaligned reads), cut to the token's length.
        digits = np.zeros(n + LIMB, dtype=np.uint8)
        if stop.latin:
            digits[:n] = np.minimum(self.cp, _OTHER)
        else:
            np.take(_digits(stop.alphabet, _size(self.cp)), self.cp, out=digits[:n])
        packed = np.ndarray((n,), dtype="<u8", buffer=digits, strides=(1,))
        keys = np.take(packed, starts) & np.take(LIMB_MASKS, np.minimum(lengths, LIMB))
        # A longer token's key is that of its first characters: only a short one's counts.
        hit = stop.keys.among(keys) & (lengths <= LIMB)
        # A longer token is looked up as a string, and only when its first characters are
        # those of a longer stopword.
        long = np.flatnonzero((lengths > LIMB) & (lengths <= stop.longest))
        long = long[stop.heads.among(keys[long])]
        if len(long):
            text, words = self.text, stop.words
            found = [
                k
                for k, a, b in zip(long.tolist(), starts[long].tolist(), ends[long].tolist())
                if text[a:b] in words
            ]
            hit[found] = True
        return hit
