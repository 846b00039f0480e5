"""Language guess from stopwords, offline: jusText's stoplists come with trafilatura.

Stopword coverage is cheap and good enough to pick the stoplist and the marker table; a text
in a language with no stoplist gets no stopwords, and the shape filters still work on it.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache

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
# For a sample whose words are all Latin-1 (most pages in Western languages): its Latin-1
# bytes with every byte that is not a ``\w`` character turned into a space split into the
# same words as ``_WORD`` finds, several times faster.
_BEYOND_LATIN1 = re.compile(r"[^\x00-\xff]")
_LATIN1_WORDS = bytes(c if chr(c).isalnum() or chr(c) == "_" else 32 for c in range(256))


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


@lru_cache(maxsize=1)
def _voters() -> frozenset[str]:
    """The words that vote, as a set: testing membership in it is faster than in a dict."""
    return frozenset(_votes()[0])


@lru_cache(maxsize=1)
def _latin1_votes() -> dict[bytes, int]:
    """``_votes`` for the stopwords that Latin-1 can spell, keyed by their Latin-1 bytes."""
    return {w.encode("latin-1"): v for w, v in _votes()[0].items() if all(c <= "\xff" for c in w)}


@lru_cache(maxsize=1)
def _latin1_voters() -> frozenset[bytes]:
    return frozenset(_latin1_votes())


def _latin1_words(low: str) -> list[bytes] | None:
    r"""The ``\w+`` words of ``low`` as Latin-1 bytes, or None where a character beyond
    Latin-1 is part of a word (one that is not becomes ``?`` and separates words, as it did)."""
    if not low.isascii():
        beyond = set(_BEYOND_LATIN1.findall(low))
        if any(c.isalnum() or c == "_" for c in beyond):
            return None
    return low.encode("latin-1", "replace").translate(_LATIN1_WORDS).split()


def _tally(low: str) -> tuple[int, int]:
    """How many words the lower-cased sample has, and their votes, packed as in ``_votes``."""
    # Each stopword's packed votes added up in C (``sum`` over ``map``): one addition of
    # integers per stopword instead of one counter update per language it votes for.
    latin = _latin1_words(low)
    if latin is not None:
        votes_b = _latin1_votes()
        return len(latin), sum(
            map(votes_b.__getitem__, filter(_latin1_voters().__contains__, latin))
        )
    words = _WORD.findall(low)
    votes = _votes()[0]
    return len(words), sum(map(votes.__getitem__, filter(_voters().__contains__, words)))


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
    n_words, packed = _tally(low)
    if n_words < 3:
        return None, 0.0
    codes = _votes()[1]
    if not packed:
        return None, 0.0
    hits = memoryview(packed.to_bytes(2 * len(codes), sys.byteorder)).cast("H").tolist()
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
