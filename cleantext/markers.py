"""Marker tables: boilerplate phrases per language, loaded from ``cleantext/data/markers``.

Phrases live in data files so that a reviewer reads them as a list and a user adds a
language without touching code. Each section compiles to one multiline pattern that is run
once over the whole text.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import regex

from .page import KEY_CHARS, LINE_START

SECTIONS = ("start", "whole", "lead", "pager", "zone", "prompt", "credit")
# Sections that one filter reads and compiles itself (``filters/comments.py``,
# ``filters/bio.py``); they are parsed here like the others but are not line markers of the
# markers filter.
FILTER_SECTIONS = ("comment", "reply", "says", "reaction", "praise", "greeting", "bio")
ALL_SECTIONS = SECTIONS + FILTER_SECTIONS
# Separators that may follow a [start] phrase. A bare hyphen only follows a phrase of two or
# more words ("ALSO READ-…"), so that "Watch-dog groups said" is not taken for "Watch -".
_SEP_ANY = r"[ \t]*(?:[:|»>•▶►]|[ \t][-–—][ \t]|$)"
_SEP_MULTI = r"[ \t]*(?:[:|»>•▶►\-–—]|$)"
_PLAIN_LEAD = r"[ \t]*(?:[-–—•*·▪►▶→#>|]+[ \t]*)?"
_LEAD = LINE_START + _PLAIN_LEAD


@dataclass(frozen=True)
class MarkerTable:
    """The phrases of one or more languages, by section."""

    languages: tuple[str, ...]
    phrases: dict[str, tuple[str, ...]]

    def pattern(self, section: str) -> regex.Pattern[str] | None:
        return _compile(self.languages, section)

    def first(self, *sections: str) -> regex.Pattern[str] | None:
        """One pattern for several sections that matches where the first of them that
        matches would (``phrase_<section>`` holds its phrase)."""
        return _compile_first(self.languages, sections)

    def keys(self, *sections: str) -> frozenset[str]:
        """First characters of the phrases (``Page.KEY_CHARS`` of them; "0" for a number):
        a line whose head starts otherwise cannot match these sections."""
        return _keys(self.languages, sections)

    def prefilter(self, *sections: str, lead: bool = False) -> re.Pattern[str] | None:
        """The sections' phrases without the patterns' edges (line start, word boundaries,
        separators), for the standard library's engine; with ``lead``, after the bullets a
        line may open with, for ``match`` at a line's start.

        Wherever ``first(*sections)`` matches, this matches too, and ``re`` tries a line
        several times faster than ``regex``: a line it misses need not meet the full pattern.
        """
        return _prefilter(self.languages, sections, lead)

    def needles(self, section: str) -> tuple[str, ...]:
        """The longest word of each phrase (or a part of it that is another phrase's
        needle): a line without any of them cannot match."""
        return _needles(self.languages, section)


# What a phrase's space may be written as on a page (any run of these), and the forms of
# its apostrophe: the patterns and the candidate keys (``_heads``) both read them here.
_GAP_CHARS = " \t-"
_APOSTROPHES = "'’`ʼ"
_GAP = r"[ \t\-]*"
_NUMBER = r"\d[\d.,]{0,12}[kKmM]?"


def _tokens(phrase: str) -> list[str]:
    """A phrase as regex tokens: a space is any run of spaces or hyphens, ' any apostrophe,
    {n} a number."""
    out: list[str] = []
    for w, word in enumerate(phrase.split()):
        if w:
            out.append(_GAP)
        if word == "{n}":
            out.append(_NUMBER)
            continue
        out.extend(f"[{_APOSTROPHES}]" if c in _APOSTROPHES else regex.escape(c) for c in word)
    return out


def trie_regex(phrases: Sequence[str]) -> str:
    """One alternation for many phrases, with shared prefixes factored out so the engine
    tests a few characters per position instead of every phrase. Longer phrases win."""
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for tok in _tokens(phrase):
            node = node.setdefault(tok, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [tok + emit(child) for tok, child in node.items() if tok]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return f"(?:{body})?"
        return body

    return "(?:" + emit(trie) + ")"


def available_languages() -> list[str]:
    """Language codes that have a marker table."""
    folder = resources.files("cleantext") / "data" / "markers"
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".txt"))


@lru_cache(maxsize=64)
def load_phrases(language: str) -> dict[str, tuple[str, ...]]:
    """Read one language's table; an unknown language has an empty table."""
    path = resources.files("cleantext") / "data" / "markers" / f"{language}.txt"
    if not path.is_file():
        return {s: () for s in ALL_SECTIONS}
    found: dict[str, list[str]] = {s: [] for s in ALL_SECTIONS}
    section = None
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip() if raw.lstrip().startswith("#") else raw.strip()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line[1:-1].strip()
            if section not in found:
                raise ValueError(f"{path}: unknown section [{section}]")
            continue
        if section is None:
            raise ValueError(f"{path}: phrase {line!r} before any [section]")
        found[section].append(line.lower())
    return {s: tuple(dict.fromkeys(v)) for s, v in found.items()}


@lru_cache(maxsize=64)
def table(*languages: str) -> MarkerTable:
    """The merged table of the given languages (English is what most sites' widgets use).

    Cached: every filter asks for its page's table, and merging costs more than the filters'
    look-ups in it."""
    langs = tuple(dict.fromkeys(languages))
    merged: dict[str, list[str]] = {s: [] for s in ALL_SECTIONS}
    for lang in langs:
        for s, phrases in load_phrases(lang).items():
            merged[s].extend(phrases)
    return MarkerTable(langs, {s: tuple(dict.fromkeys(v)) for s, v in merged.items()})


_FLAGS = regex.MULTILINE | regex.V0


@lru_cache(maxsize=256)
def _compile(languages: tuple[str, ...], section: str) -> regex.Pattern[str] | None:
    source = _source(languages, section, "phrase")
    return None if source is None else regex.compile(source, _FLAGS)


@lru_cache(maxsize=256)
def _compile_first(
    languages: tuple[str, ...], sections: tuple[str, ...]
) -> regex.Pattern[str] | None:
    """The sections' patterns as one alternation, tried in order: one call finds the first
    section that matches, and the group ``phrase_<section>`` that is set says which."""
    sources = [
        f"(?:{source})"
        for section in sections
        if (source := _source(languages, section, f"phrase_{section}")) is not None
    ]
    return regex.compile("|".join(sources), _FLAGS) if sources else None


@lru_cache(maxsize=256)
def _prefilter(
    languages: tuple[str, ...], sections: tuple[str, ...], lead: bool
) -> re.Pattern[str] | None:
    phrases = table(*languages).phrases
    found = list(dict.fromkeys(p for section in sections for p in phrases[section]))
    if not found:
        return None
    # ``trie_regex`` writes only literals, character classes and ``\d``, which mean the same
    # to ``re`` as to ``regex``; ``_PLAIN_LEAD`` is ``_LEAD`` without its line-start test.
    return re.compile((_PLAIN_LEAD if lead else "") + trie_regex(found))


def _source(languages: tuple[str, ...], section: str, group: str) -> str | None:
    """The pattern of one section, with the matched phrase in ``group``."""
    phrases = table(*languages).phrases[section]
    if not phrases:
        return None
    # Phrases are lower-case; filters match against ``Page.lower``, so no case-insensitive
    # matching is needed.
    if section == "start":
        single = [p for p in phrases if len(p.split()) == 1]
        multi = [p for p in phrases if len(p.split()) > 1]
        alts = []
        if multi:
            alts.append(trie_regex(multi) + _SEP_MULTI)
        if single:
            alts.append(trie_regex(single) + r"\b" + _SEP_ANY)
        return _LEAD + f"(?P<{group}>" + "|".join(f"(?:{a})" for a in alts) + ")"
    alternation = trie_regex(phrases)
    if section in ("whole", "pager"):
        return _LEAD + f"(?P<{group}>" + alternation + r")[ \t]*[:.!?…»>›|*\-–—]*[ \t]*$"
    if section in ("lead", "zone"):
        # A zone heading may carry a little more ("Latest from -Top News").
        return _LEAD + f"(?P<{group}>" + alternation + r")(?!\w)"
    return r"(?<!\w)" + f"(?P<{group}>" + alternation + r")(?!\w)"


# What the patterns let stand between two words of a phrase (``_GAP``), as far as a key of
# ``KEY_CHARS`` can see.
_GAPS = tuple(
    "".join(g) for k in range(KEY_CHARS + 1) for g in itertools.product(_GAP_CHARS, repeat=k)
)


def _heads(phrase: str) -> set[str]:
    """Every string of up to ``KEY_CHARS`` characters that a line matching ``phrase`` can
    start with: a space between words stands for any gap the pattern allows ("go to top"
    also starts "goto top" and "go-to top"), an apostrophe for each of its forms. A number
    (``{n}``) may be written in any script's digits ("©٢٠٢٤" as well as "©2024"), too many to
    list: a key ends where one begins ("©", "© "), and is then tested as a prefix of a line's
    head. A phrase that starts with a number has the key "0" (any digit) instead."""
    items: list[str] = []
    for w, word in enumerate(phrase.split()):
        if w:
            items.append("gap")
        items.extend(["num"] if word == "{n}" else list(word))
    out: set[str] = set()

    def walk(k: int, head: str) -> None:
        if len(head) >= KEY_CHARS or k == len(items):
            out.add(head[:KEY_CHARS])
            return
        item = items[k]
        if item == "gap":
            for gap in _GAPS:
                walk(k + 1, head + gap)
        elif item == "num":
            out.add(head or "0")
        else:
            for c in _APOSTROPHES if item in _APOSTROPHES else item:
                walk(k + 1, head + c)

    walk(0, "")
    return out


@lru_cache(maxsize=256)
def _keys(languages: tuple[str, ...], sections: tuple[str, ...]) -> frozenset[str]:
    out: set[str] = set()
    for section in sections:
        for phrase in table(*languages).phrases[section]:
            if phrase.startswith("{n}"):
                out.add("0")
                continue
            out |= _heads(phrase)
    return frozenset(out)


@lru_cache(maxsize=256)
def _needles(languages: tuple[str, ...], section: str) -> tuple[str, ...]:
    out = set()
    for phrase in table(*languages).phrases[section]:
        words = [w for w in regex.split(r"[\s'’`]+", phrase) if w and w != "{n}"]
        if words:
            out.add(max(words, key=len))
    # A needle that holds another ("comments", "comment") finds no line the other misses:
    # dropping it saves a pass over the text.
    return tuple(sorted(n for n in out if not any(o != n and o in n for o in out)))


def clear_caches() -> None:
    """Forget the merged tables and their patterns, after ``load_phrases`` was replaced."""
    for cached in (table, _compile, _compile_first, _prefilter, _keys, _needles):
        cached.cache_clear()
