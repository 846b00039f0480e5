"""Marker tables: boilerplate phrases per language, loaded from ``cleantext/data/markers``.

Phrases live in data files so that a reviewer reads them as a list and a user adds a
language without touching code. Each section compiles to one multiline pattern that is run
once over the whole text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

SECTIONS = ("start", "whole", "lead", "pager", "zone", "prompt", "credit")
# Separators that may follow a [start] phrase. A bare hyphen only follows a phrase of two or
# more words ("ALSO READ-…"), so that "Watch-dog groups said" is not taken for "Watch -".
_SEP_ANY = r"[ \t]*(?:[:|»>•▶►]|[ \t][-–—][ \t]|$)"
_SEP_MULTI = r"[ \t]*(?:[:|»>•▶►\-–—]|$)"
_LEAD = r"^[ \t]*(?:[-–—•*·▪►▶→#>|]+[ \t]*)?"


@dataclass(frozen=True)
class MarkerTable:
    """The phrases of one or more languages, by section."""

    languages: tuple[str, ...]
    phrases: dict[str, tuple[str, ...]]

    def pattern(self, section: str) -> regex.Pattern[str] | None:
        return _compile(self.languages, section)


def _phrase_regex(phrase: str) -> str:
    parts = []
    for word in phrase.split():
        if word == "{n}":
            parts.append(r"\d[\d.,]{0,12}[kKmM]?")
            continue
        parts.append("".join("['’`]" if c in "'’`" else regex.escape(c) for c in word))
    return r"[ \t\-]*".join(parts)


def available_languages() -> list[str]:
    """Language codes that have a marker table."""
    folder = resources.files("cleantext") / "data" / "markers"
    return sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".txt"))


@lru_cache(maxsize=64)
def load_phrases(language: str) -> dict[str, tuple[str, ...]]:
    """Read one language's table; an unknown language has an empty table."""
    path = resources.files("cleantext") / "data" / "markers" / f"{language}.txt"
    if not path.is_file():
        return {s: () for s in SECTIONS}
    found: dict[str, list[str]] = {s: [] for s in SECTIONS}
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


def table(*languages: str) -> MarkerTable:
    """The merged table of the given languages (English is what most sites' widgets use)."""
    langs = tuple(dict.fromkeys(languages))
    merged: dict[str, list[str]] = {s: [] for s in SECTIONS}
    for lang in langs:
        for s, phrases in load_phrases(lang).items():
            merged[s].extend(phrases)
    return MarkerTable(langs, {s: tuple(dict.fromkeys(v)) for s, v in merged.items()})


@lru_cache(maxsize=256)
def _compile(languages: tuple[str, ...], section: str) -> regex.Pattern[str] | None:
    phrases = table(*languages).phrases[section]
    if not phrases:
        return None
    # Longest first, so that "related articles" wins over "related".
    ordered = sorted(phrases, key=len, reverse=True)
    flags = regex.IGNORECASE | regex.MULTILINE | regex.V0
    if section == "start":
        single = [p for p in ordered if len(p.split()) == 1]
        multi = [p for p in ordered if len(p.split()) > 1]
        alts = []
        if multi:
            alts.append("(?:" + "|".join(map(_phrase_regex, multi)) + ")" + _SEP_MULTI)
        if single:
            alts.append("(?:" + "|".join(map(_phrase_regex, single)) + r")\b" + _SEP_ANY)
        body = _LEAD + "(?P<phrase>" + "|".join(f"(?:{a})" for a in alts) + ")"
        return regex.compile(body, flags)
    alternation = "|".join(map(_phrase_regex, ordered))
    if section in ("whole", "pager"):
        return regex.compile(
            _LEAD + r"(?P<phrase>" + alternation + r")[ \t]*[:.!?…»>›|]*[ \t]*$", flags
        )
    if section == "lead":
        return regex.compile(_LEAD + r"(?P<phrase>" + alternation + r")\b", flags)
    if section == "zone":
        # The heading may carry a little more ("Latest from -Top News", "More from Reuters").
        return regex.compile(_LEAD + r"(?P<phrase>" + alternation + r")\b", flags)
    if section == "credit":
        return regex.compile(r"(?<!\w)(?P<phrase>" + alternation + r")(?!\w)", flags)
    return regex.compile(r"(?P<phrase>" + alternation + r")", flags)
