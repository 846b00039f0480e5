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
# A stopword look-up packs each token's first ``_LIMB`` characters into one 64-bit key, a
# byte per character: the character's place in the stoplist's alphabet (1..254), or
# ``_OTHER`` for a character no stopword has. Keys are exact, not hashes: equal keys are
# equal tokens. Longer tokens, a few per page, are looked up as strings.
_LIMB = 8
_OTHER = 255
_MASKS = np.array([(1 << (8 * k)) - 1 for k in range(_LIMB + 1)], dtype=np.uint64)


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


def is_word(cp: Codes) -> Mask:
    """Where ``re``'s ``\\w`` (for str patterns) matches."""
    return np.take(_word_table(_size(cp)), cp)


def is_space(cp: Codes) -> Mask:
    """Where ``str.isspace`` holds: the characters ``str.strip`` and ``str.split`` drop."""
    return np.take(_space_table(_size(cp)), cp)


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


@dataclass(frozen=True)
class Stoplist:
    """A stoplist ready for ``Tokens.stopwords``: its alphabet and the sorted keys of its
    words of at most ``_LIMB`` characters (longer ones are looked up in ``words``)."""

    words: frozenset[str]
    alphabet: str
    keys: NDArray[np.uint64]
    # The keys of the first ``_LIMB`` characters of the longer words.
    heads: NDArray[np.uint64]
    longest: int


@lru_cache(maxsize=16)
def stoplist(words: frozenset[str]) -> Stoplist | None:
    """The stoplist prepared for ``Tokens.stopwords``; None when its words use more
    characters than a byte can tell apart."""
    tokens = [w for w in words if _WORD.fullmatch(w)]
    alphabet = "".join(sorted(set("".join(tokens))))
    if len(alphabet) >= _OTHER:
        return None
    digit = {c: k + 1 for k, c in enumerate(alphabet)}

    def key(word: str) -> int:
        return sum(digit[c] << (8 * k) for k, c in enumerate(word[:_LIMB]))

    keys = sorted({key(w) for w in tokens if len(w) <= _LIMB})
    heads = sorted({key(w) for w in tokens if len(w) > _LIMB})
    longest = max(map(len, tokens), default=0)
    return Stoplist(words, alphabet, np.array(keys, np.uint64), np.array(heads, np.uint64), longest)


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
        # A non-word character on each side, so that every token has both edges.
        padded = codes(f"\0{text}\0")
        edges = np.diff(is_word(padded).view(np.int8))
        return cls(text, padded[1:-1], np.flatnonzero(edges == 1), np.flatnonzero(edges == -1))

    def stopwords(self, stop: Stoplist) -> Ints:
        """Starts of the tokens that are words of ``stop``, in order."""
        starts, ends = self.starts, self.ends
        n = len(self.cp)
        if not len(starts) or not stop.longest:
            return starts[:0]
        lengths = ends - starts
        # Each token's key: the digits of its first characters, read as one little-endian
        # 64-bit word from a byte array (unaligned reads), cut to the token's length.
        digits = np.zeros(n + _LIMB, dtype=np.uint8)
        np.take(_digits(stop.alphabet, _size(self.cp)), self.cp, out=digits[:n])
        packed = np.ndarray((n,), dtype="<u8", buffer=digits, strides=(1,))
        keys = np.take(packed, starts) & np.take(_MASKS, np.minimum(lengths, _LIMB))
        hit = np.zeros(len(starts), dtype=np.bool_)
        short = np.flatnonzero(lengths <= _LIMB)
        hit[short[_among(keys[short], stop.keys)]] = True
        # A longer token is looked up as a string, and only when its first characters are
        # those of a longer stopword.
        long = np.flatnonzero((lengths > _LIMB) & (lengths <= stop.longest))
        long = long[_among(keys[long], stop.heads)]
        if len(long):
            text, words = self.text, stop.words
            found = [
                k
                for k, a, b in zip(long.tolist(), starts[long].tolist(), ends[long].tolist())
                if text[a:b] in words
            ]
            hit[found] = True
        return starts[hit]


def _among(keys: NDArray[np.uint64], sorted_keys: NDArray[np.uint64]) -> Mask:
    """Which of ``keys`` are in ``sorted_keys``."""
    if not len(sorted_keys):
        return np.zeros(len(keys), dtype=np.bool_)
    at = np.minimum(np.searchsorted(sorted_keys, keys), len(sorted_keys) - 1)
    found: Mask = np.take(sorted_keys, at) == keys
    return found
