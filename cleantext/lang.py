"""Language guess from stopwords, offline: jusText's stoplists come with trafilatura.

Stopword coverage is cheap and good enough to pick the stoplist and the marker table; a text
in a language with no stoplist gets no stopwords, and the shape filters still work on it.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from numpy.typing import NDArray

from . import codepoints
from .codepoints import LIMB, Ints

# ISO 639-1 codes for jusText's stoplist names; names without a code keep their own.
ISO = {
    "Afrikaans": "af",
    "Albanian": "sq",
    "Arabic": "ar",
    "Armenian": "hy",
    "Azerbaijani": "az",
    "Basque": "eu",
    "Belarusian": "be",
    "Bengali": "bn",
    "Bosnian": "bs",
    "Breton": "br",
    "Bulgarian": "bg",
    "Catalan": "ca",
    "Croatian": "hr",
    "Czech": "cs",
    "Danish": "da",
    "Dutch": "nl",
    "English": "en",
    "Esperanto": "eo",
    "Estonian": "et",
    "Finnish": "fi",
    "French": "fr",
    "Galician": "gl",
    "Georgian": "ka",
    "German": "de",
    "Greek": "el",
    "Gujarati": "gu",
    "Hebrew": "he",
    "Hindi": "hi",
    "Hungarian": "hu",
    "Icelandic": "is",
    "Indonesian": "id",
    "Irish": "ga",
    "Italian": "it",
    "Kannada": "kn",
    "Kazakh": "kk",
    "Korean": "ko",
    "Kurdish": "ku",
    "Kyrgyz": "ky",
    "Latin": "la",
    "Latvian": "lv",
    "Lithuanian": "lt",
    "Luxembourgish": "lb",
    "Macedonian": "mk",
    "Malay": "ms",
    "Malayalam": "ml",
    "Maltese": "mt",
    "Marathi": "mr",
    "Nepali": "ne",
    "Norwegian_Bokmal": "nb",
    "Norwegian_Nynorsk": "nn",
    "Persian": "fa",
    "Polish": "pl",
    "Portuguese": "pt",
    "Romanian": "ro",
    "Russian": "ru",
    "Serbian": "sr",
    "Slovak": "sk",
    "Slovenian": "sl",
    "Spanish": "es",
    "Swahili": "sw",
    "Swedish": "sv",
    "Tagalog": "tl",
    "Tamil": "ta",
    "Telugu": "te",
    "Turkish": "tr",
    "Ukrainian": "uk",
    "Urdu": "ur",
    "Uzbek": "uz",
    "Vietnamese": "vi",
    "Welsh": "cy",
    "West_Frisian": "fy",
    "Yoruba": "yo",
}
# Stoplists that shadow a larger language and would only confuse the guess.
_SKIP = {"Simple_English", "Serbo_Croatian", "Belarusian_Taraskievica"}
_ISO_CODES = frozenset(ISO.values())
_WORD = re.compile(r"\w+")
SAMPLE_CHARS = 8_000


@lru_cache(maxsize=1)
def stoplists() -> dict[str, frozenset[str]]:
    """All stoplists that jusText ships, keyed by ISO code where there is one.

    In sorted order: jusText returns a frozenset, whose order changes with the hash seed, and
    the guess breaks ties by this order, so an unsorted walk made the guess differ between runs.
    """
    import justext  # imported lazily: it pulls in lxml

    out = {}
    for name in sorted(justext.get_stoplists()):
        if name in _SKIP:
            continue
        out[ISO.get(name, name.lower())] = frozenset(justext.get_stoplist(name))
    return out


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, ...]]:
    """Which languages each stopword votes for: those with an ISO code.

    A stoplist in a non-Latin script (Marathi, Telugu, Korean…) was built from pages that
    quote English, so its ASCII words ("about", "their") would make English pages look
    Marathi: they do not vote."""
    by_word: dict[str, list[str]] = {}
    for code, words in stoplists().items():
        if code not in _ISO_CODES:
            continue  # regional stoplists (Sundanese, Asturian…) only confuse the guess
        latin = sum(w.isascii() for w in words) >= len(words) / 2
        for w in words:
            if latin or not w.isascii():
                by_word.setdefault(w, []).append(code)
    return {w: tuple(codes) for w, codes in by_word.items()}


# Votes are counted in one integer, one bit field per language. The lower-cased sample has at
# most 2 * SAMPLE_CHARS characters ("İ" lower-cases to two), so fewer words than that: a count
# never overflows its field. Fields of 16 bits, so that the integer's bytes read as an array
# of unsigned shorts give every language's count at once.
_FIELD_BITS = 16
assert 2 * SAMPLE_CHARS < 1 << _FIELD_BITS


@lru_cache(maxsize=1)
def _votes() -> tuple[dict[str, int], tuple[str, ...]]:
    """Each stopword's votes packed into one integer (bit field k holds 1 if it votes for
    ``codes[k]``), so that adding up a text's votes is one addition per stopword."""
    index = _index()
    codes = tuple(sorted({code for codes in index.values() for code in codes}))
    field = {code: _FIELD_BITS * k for k, code in enumerate(codes)}
    packed = {w: sum(1 << field[code] for code in voted) for w, voted in index.items()}
    return packed, codes


def _unpack(packed: int, languages: int) -> list[int]:
    """The counts of packed votes, one per language of ``_votes``."""
    return memoryview(packed.to_bytes(2 * languages, sys.byteorder)).cast("H").tolist()


# Most samples spell every word in Latin-1 (pages in Western languages). Their words of up to
# ``LIMB`` characters are then keyed by their code points as the bytes of one little-endian
# integer: a word character is never NUL, so equal keys are equal words, and the keys of all
# the sample's words are made and looked up at once, instead of a string, a hash and a dict
# probe per word.
@dataclass(frozen=True)
class _KeyTable:
    """The voting stopwords that Latin-1 spells, by key: ``keys`` (sorted) of those of up to
    ``LIMB`` characters, with ``group[k]``, the row of ``votes`` for ``keys[k]`` (one row
    per set of languages that some word votes for, holding 1 for each), so that a sample's
    votes are the sum of its words' rows; and ``heads``, the keys of the first ``LIMB``
    characters of the longer ones: a longer word whose head is none of them is no stopword."""

    keys: NDArray[np.uint64]
    group: Ints
    votes: Ints
    heads: NDArray[np.uint64]


def _key(word: str) -> int:
    return int.from_bytes(word[:LIMB].encode("latin-1"), "little")


@lru_cache(maxsize=1)
def _key_table() -> _KeyTable:
    codes = _votes()[1]
    keyed: dict[int, tuple[str, ...]] = {}
    heads = set()
    for w, voted in _index().items():
        if _WORD.fullmatch(w) and max(w) <= "\xff":
            if len(w) <= LIMB:
                keyed[_key(w)] = voted
            else:
                heads.add(_key(w))
    sets = sorted(set(keyed.values()))
    row = {voted: k for k, voted in enumerate(sets)}
    votes = np.zeros((len(sets), len(codes)), dtype=np.int64)
    at = {code: k for k, code in enumerate(codes)}
    for k, voted in enumerate(sets):
        votes[k, [at[code] for code in voted]] = 1
    keys = sorted(keyed)
    return _KeyTable(
        np.array(keys, dtype=np.uint64),
        np.array([row[keyed[key]] for key in keys], dtype=np.int64),
        votes,
        np.array(sorted(heads), dtype=np.uint64),
    )


# Latin-1 bytes with every byte that is not a ``\w`` character turned into a space: its runs of
# other bytes are the words that ``_WORD`` finds.
_LATIN1_WORDS = bytes(c if chr(c).isalnum() or chr(c) == "_" else 32 for c in range(256))
_SPACE = 32


def _latin1(low: str) -> bytes | None:
    """``low`` in Latin-1 with its non-word bytes spaces (``_LATIN1_WORDS``), or None where
    a character beyond Latin-1 is part of a word (one that is not is ``?``, also no word's)."""
    try:
        raw = low.encode("latin-1")
    except UnicodeEncodeError:
        cp = codepoints.codes(low)
        if codepoints.is_word(cp[cp > 0xFF]).any():
            return None
        raw = low.encode("latin-1", "replace")
    return raw.translate(_LATIN1_WORDS)


def _tally(low: str) -> tuple[int, list[int]]:
    """How many words the lower-cased sample has, and how many of them vote for each
    language of ``_votes``."""
    packed, codes = _votes()
    spaced = _latin1(low)
    if spaced is None:
        # A word beyond Latin-1: one look-up per word, and its packed votes added up in C.
        words = _WORD.findall(low)
        return len(words), _unpack(sum(filter(None, map(packed.get, words))), len(codes))
    size = len(spaced)
    chars = np.zeros(size + LIMB, dtype=np.uint8)
    chars[:size] = np.frombuffer(spaced, dtype=np.uint8)
    # A space on each side, so that every word has both edges, which alternate.
    word = np.zeros(size + 2, dtype=np.bool_)
    np.not_equal(chars[:size], _SPACE, out=word[1:-1])
    edges = np.flatnonzero(word[1:] != word[:-1])
    starts, ends = edges[0::2], edges[1::2]
    lengths = ends - starts
    # Each word's key: the bytes from its start read as one integer (unaligned reads), cut to
    # its length.
    ahead = np.ndarray((size,), dtype="<u8", buffer=chars, strides=(1,))
    keys = ahead.take(starts) & codepoints.LIMB_MASKS.take(np.minimum(lengths, LIMB))
    short = lengths <= LIMB
    table = _key_table()
    at, found = codepoints.places(table.keys, np.sort(keys[short]))
    # How many words have each row of votes, and the sum of those rows that some word has.
    rows = np.bincount(table.group.take(at[found]), minlength=len(table.votes))
    present = np.flatnonzero(rows)
    hits = rows.take(present) @ table.votes.take(present, axis=0)
    # A longer word (a few per sample) is looked up as a string where its head is that of a
    # longer stopword.
    long = np.flatnonzero(~short)
    long = long[codepoints.places(table.heads, keys.take(long))[1]]
    if len(long):
        spans = map(slice, starts.take(long).tolist(), ends.take(long).tolist())
        votes = sum(filter(None, map(packed.get, map(low.__getitem__, spans))))
        if votes:
            hits += _unpack(votes, len(codes))
    return len(starts), hits.tolist()


def stopwords(language: str | None) -> frozenset[str]:
    """The stoplist of a language code, or an empty set when there is none."""
    if not language:
        return frozenset()
    return stoplists().get(language, frozenset())


def guess(text: str) -> tuple[str | None, float]:
    """Guess the language of ``text``: ``(code, confidence)``, or ``(None, 0.0)``.

    Reads at most ``SAMPLE_CHARS`` from the middle of the text, where the article usually
    is. Confidence is the winner's stopword coverage less the runner-up's, scaled to 0..1.
    """
    if len(text) > SAMPLE_CHARS:
        mid = len(text) // 2
        text = text[mid - SAMPLE_CHARS // 2 : mid + SAMPLE_CHARS // 2]
    low = text.lower()
    n_words, hits = _tally(low)
    if n_words < 3:
        return None, 0.0
    codes = _votes()[1]
    if not any(hits):
        return None, 0.0
    n1 = max(hits)
    if hits.count(n1) == 1:
        best = codes[hits.index(n1)]
        # The runner-up: the largest of the other counts (every language has a field).
        n2 = sorted(hits)[-2]
    else:
        tied = {codes[k] for k, n in enumerate(hits) if n == n1}
        # A tie goes to the language voted for first, reading the words in order.
        index = _index()
        words = _WORD.findall(low)
        best = next(code for w in words for code in index.get(w, ()) if code in tied)
        n2 = n1
    coverage = n1 / n_words
    if coverage < 0.1:
        return None, 0.0
    margin = (n1 - n2) / n1
    return best, round(min(1.0, coverage * 2) * (0.5 + margin / 2), 3)
