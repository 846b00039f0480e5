"""Language guess from stopwords, offline: jusText's stoplists come with trafilatura.

Stopword coverage is cheap and good enough to pick the stoplist and the marker table; a text
in a language with no stoplist gets no stopwords, and the shape filters still work on it.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from operator import mul

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
# never overflows its field.
_FIELD_BITS = (2 * SAMPLE_CHARS).bit_length()
_FIELD_MASK = (1 << _FIELD_BITS) - 1


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
    words = _WORD.findall(text.lower())
    if len(words) < 3:
        return None, 0.0
    votes, codes = _votes()
    # Each distinct stopword once, its packed votes times its count: one addition of
    # integers per stopword instead of one counter update per language it votes for.
    found = Counter(filter(_voters().__contains__, words))
    packed = sum(map(mul, map(votes.__getitem__, found), found.values()))
    if not packed:
        return None, 0.0
    hits = [(packed >> (_FIELD_BITS * k)) & _FIELD_MASK for k in range(len(codes))]
    n1 = max(hits)
    tied = {codes[k] for k, n in enumerate(hits) if n == n1}
    if len(tied) == 1:
        (best,) = tied
        n2 = max((n for n in hits if n != n1), default=0)
    else:
        # A tie goes to the language voted for first, reading the words in order.
        index = _index()
        best = next(code for w in words for code in index.get(w, ()) if code in tied)
        n2 = n1
    coverage = n1 / len(words)
    if coverage < 0.1:
        return None, 0.0
    margin = (n1 - n2) / n1
    return best, round(min(1.0, coverage * 2) * (0.5 + margin / 2), 3)
