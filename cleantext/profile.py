"""Boilerplate learned across a corpus: lines that recur in many documents of one site.

Some furniture is invisible in one page but obvious across a site: the same footer, teaser
heading or comment prompt on every page of an outlet. ``learn`` counts, per group (usually a
site), in how many documents each normalised line occurs, and keeps the lines that occur in at
least ``min_docs`` documents and in at least ``min_share`` of the group's documents. A
``Profile`` holds those lines; ``Profile.filter(group)`` is a pipeline filter that removes them.

Lines are compared after normalisation (``normalise``): Unicode case folding, runs of
whitespace collapsed to one space and trimmed, and every decimal digit turned into ``0``, so
"© 2023 Example Media" and "© 2024 Example Media", or "12 comments" and "3 comments", are the
same line.

Memory stays bounded whatever the corpus size: the counter is a table of 64-bit hashes
(blake2b of group and normalised line) with at most ``max_entries`` entries, pruned in the
style of lossy counting (Manku & Motwani, 2002). When the table is full, the half with the
lowest counts is dropped and a floor ``F`` is raised to the highest count dropped; a line that
enters the table later may have been dropped before, so it carries ``F`` as its possible
undercount. Guarantees: no line is over-counted; a line's true document frequency is at most its
count plus the floor at the time it (re-)entered the table; and the final floor (stored in the
profile as ``max_undercount``) is at most ``T / (max_entries // 2 + 1)``, where ``T`` is the
number of (document, distinct counted line) pairs seen. On a corpus small enough to fit, the
floor is 0 and counts are exact. Lines are kept by their counted (lower-bound) frequency, so
pruning can only make the profile smaller, never remove a line that did not recur. Besides the
table, memory holds one document count per group.

Prose is protected: a line that reads like a paragraph of running text (``Page.prose``: at
least 12 words, ends like a sentence, a normal share of stopwords) is neither counted nor
removed, because syndicated wire stories and press releases repeat word for word across
sites and are article text wherever they appear. So is a recurring line that belongs to the
article's own structure (``_article_lines``): a site's article template repeats its
subheadings and labels on every page, but among the article's prose, where header, menu,
teaser block and footer are not. ``benchmarks/profile_quality.py`` measures both.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from hashlib import blake2b
from itertools import pairwise
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import regex

from . import lang
from .page import Page
from .pipeline import LineFilter

FORMAT = "cleantext-profile"
VERSION = 1
MAX_ENTRIES = 1 << 20
SAMPLE_CHARS = 200
# How many kept lines away prose may be for a recurring line to count as inside the article.
INSIDE_REACH = 8
_DIGIT = regex.compile(r"\d")
_SPACE = regex.compile(r"\s+")


class ProfileError(ValueError):
    """A profile file that cannot be read; the message is one line naming the file."""


def normalise(line: str) -> str:
    """The form in which lines are compared: case-folded, whitespace collapsed, digits as 0."""
    return _DIGIT.sub("0", _SPACE.sub(" ", line).strip().casefold())


def line_hash(normalised: str) -> int:
    """64-bit blake2b of a normalised line."""
    return int.from_bytes(blake2b(normalised.encode("utf-8"), digest_size=8).digest(), "big")


def site_of(url: str) -> str:
    """The group of a URL: its host name, lower-cased, without a leading ``www.``.

    A value without ``://`` is taken to be a group name already and is returned unchanged.
    """
    if "://" not in url:
        return url
    host = urlsplit(url.strip()).hostname or ""
    return host[4:] if host.startswith("www.") else host


def _group_hash(group: str) -> int:
    return line_hash("\x00group\x00" + group)


def _candidates(text: str) -> Iterator[tuple[str, str]]:
    """``(stripped, normalised)`` for each non-blank line of ``text`` that is not prose."""
    language, _ = lang.guess(text)
    page = Page(text, lang.stopwords(language or "en"), language=language)
    for s, prose in zip(page.stripped, page.prose):
        if s and not prose:
            yield s, normalise(s)


class LineCounter:
    """Document frequency of hashed lines per group, in at most ``max_entries`` table entries.

    See the module docstring for the pruning rule and its error bound.
    """

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        if max_entries < 2:
            raise ValueError("max_entries must be at least 2")
        self.max_entries = max_entries
        self.counts: dict[int, int] = {}
        self.deltas: dict[int, int] = {}  # possible undercount, for entries added after a prune
        self.samples: dict[int, tuple[int, str]] = {}  # key -> (line hash, text), count >= 2
        self.floor = 0
        self.pairs = 0
        self.documents = 0
        self.group_docs: dict[str, int] = {}
        self.prunes = 0

    def add(self, group: str, lines: Iterable[tuple[str, str]]) -> None:
        """Count one document: each distinct normalised line once."""
        self.documents += 1
        self.group_docs[group] = self.group_docs.get(group, 0) + 1
        g = _group_hash(group)
        counts, samples = self.counts, self.samples
        seen: set[int] = set()
        for text, norm in lines:
            h = line_hash(norm)
            key = h ^ g
            if key in seen:
                continue
            seen.add(key)
            n = counts.get(key)
            if n is None:
                counts[key] = 1
                if self.floor:
                    self.deltas[key] = self.floor
            else:
                counts[key] = n + 1
                if key not in samples:
                    samples[key] = (h, text[:SAMPLE_CHARS])
        self.pairs += len(seen)
        if len(counts) > self.max_entries:
            self._prune()

    def _prune(self) -> None:
        """Drop all but the ``max_entries // 2`` entries with the highest count + delta."""
        keep = self.max_entries // 2
        counts, deltas = self.counts, self.deltas
        values = sorted((n + deltas.get(k, 0) for k, n in counts.items()), reverse=True)
        floor = max(self.floor, values[keep])
        for k in [k for k, n in counts.items() if n + deltas.get(k, 0) <= floor]:
            del counts[k]
            deltas.pop(k, None)
            self.samples.pop(k, None)
        self.floor = floor
        self.prunes += 1

    def __len__(self) -> int:
        return len(self.counts)


@dataclass(frozen=True)
class ProfileLine:
    """A learned line: its hash, in how many documents it was counted, and its text."""

    hash: int
    docs: int
    text: str


@dataclass
class Profile:
    """Lines that recur across the documents of each group, and how the profile was learned."""

    groups: dict[str, dict[int, ProfileLine]] = field(default_factory=dict)
    group_docs: dict[str, int] = field(default_factory=dict)
    documents: int = 0
    min_docs: int = 5
    min_share: float = 0.3
    max_undercount: int = 0

    def __len__(self) -> int:
        return sum(len(lines) for lines in self.groups.values())

    def restricted(self, min_docs: int, min_share: float) -> Profile:
        """The profile ``learn`` would have returned at a stricter setting.

        Counts do not depend on the thresholds, so filtering a permissive profile keeps the
        same lines as learning again: one pass over a corpus serves several settings.
        """
        groups = {}
        for g, lines in self.groups.items():
            kept = {
                h: x
                for h, x in lines.items()
                if _recurs(x.docs, self.group_docs[g], min_docs, min_share)
            }
            if kept:
                groups[g] = kept
        return Profile(
            groups,
            {g: self.group_docs[g] for g in groups},
            self.documents,
            min_docs,
            min_share,
            self.max_undercount,
        )

    def lines(self, group: str | None = None) -> list[ProfileLine]:
        """The learned lines of a group (of every group for None), most frequent first."""
        chosen = self.groups.values() if group is None else [self.groups.get(group, {})]
        return sorted((x for g in chosen for x in g.values()), key=lambda x: (-x.docs, x.text))

    def filter(self, group: str | None = None) -> ProfileFilter:
        """A pipeline filter named ``profile`` that removes the group's learned lines.

        ``group`` is the group the document belongs to (``""`` for a profile learned without
        groups); None means the group is unknown, and every group's lines are removed.
        """
        table: dict[int, tuple[int, int, str]] = {}
        names = self.groups if group is None else [group]
        for g in names:
            n = self.group_docs.get(g, 0)
            for line in self.groups.get(g, {}).values():
                table.setdefault(line.hash, (line.docs, n, g))
        return ProfileFilter(table, exact=self.max_undercount == 0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "version": VERSION,
            "normalisation": "casefold, whitespace collapsed, digits as 0",
            "documents": self.documents,
            "min_docs": self.min_docs,
            "min_share": self.min_share,
            "max_undercount": self.max_undercount,
            "groups": {
                g: {
                    "documents": self.group_docs.get(g, 0),
                    "lines": [
                        {"hash": f"{x.hash:016x}", "docs": x.docs, "text": x.text}
                        for x in self.lines(g)
                    ],
                }
                for g in sorted(self.groups)
            },
        }

    @classmethod
    def from_dict(cls, data: Any) -> Profile:
        """Rebuild a profile from ``to_dict`` output; raises ProfileError on anything else."""
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ProfileError('not a cleantext profile (no "format": "cleantext-profile")')
        version = data.get("version")
        if version != VERSION:
            raise ProfileError(f"profile version {version!r} is not supported (expected {VERSION})")
        try:
            groups: dict[str, dict[int, ProfileLine]] = {}
            group_docs: dict[str, int] = {}
            for g, body in data["groups"].items():
                group_docs[str(g)] = int(body["documents"])
                lines = (
                    ProfileLine(int(x["hash"], 16), int(x["docs"]), str(x["text"]))
                    for x in body["lines"]
                )
                groups[str(g)] = {x.hash: x for x in lines}
            return cls(
                groups,
                group_docs,
                int(data["documents"]),
                int(data["min_docs"]),
                float(data["min_share"]),
                int(data["max_undercount"]),
            )
        except (KeyError, TypeError, ValueError, AttributeError) as e:
            raise ProfileError(f"malformed profile ({type(e).__name__}: {e})") from None

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the profile as JSON, atomically: a failed save leaves no half-written file."""
        target = Path(path)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(self.to_dict(), f, ensure_ascii=False, indent=1)
                f.write("\n")
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Profile:
        """Read a profile written by ``save``; any problem is a one-line ProfileError."""
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
        except OSError as e:
            raise ProfileError(f"{path}: cannot read profile ({e.strerror or e})") from None
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            raise ProfileError(f"{path}: not a cleantext profile (invalid JSON: {e})") from None
        try:
            return cls.from_dict(data)
        except ProfileError as e:
            raise ProfileError(f"{path}: {e}") from None


class ProfileFilter(LineFilter):
    """Removes lines whose normalised form the profile learned as recurring; never prose, nor
    a line of the article's own template. Place it after ``body``: before it, its removals
    change the neighbourhood ``body`` scores, and ``body`` then takes article lines it kept."""

    name = "profile"

    def __init__(self, table: dict[int, tuple[int, int, str]], *, exact: bool = True) -> None:
        self.table = table  # line hash -> (documents with the line, documents, group)
        self.exact = exact

    def __len__(self) -> int:
        return len(self.table)

    def lines(self, page: Page, removed: Sequence[bool]) -> Iterator[tuple[int, int, str]]:
        table = self.table
        if not table:
            return
        prose, stripped = page.prose, page.stripped
        hits = {
            i: h
            for i, s in enumerate(stripped)
            if s and not removed[i] and not prose[i] and (h := line_hash(normalise(s))) in table
        }
        if not hits:
            return
        article = _article_lines(page, removed, hits)
        for i, h in hits.items():
            if i not in article:
                docs, total, group = table[h]
                where = f"of {group}" if group else "of the corpus"
                count = str(docs) if self.exact else f"at least {docs}"
                yield i, i, f"line repeats in {count} of {total} documents {where}"


def _article_lines(page: Page, removed: Sequence[bool], hits: dict[int, int]) -> set[int]:
    """Of the ``hits`` (line index -> hash), those that belong to the article's own structure.

    A site's article template repeats its subheadings and labels on every page ("What We
    Like", "Pros", "Cons", "Price", "FAQs"), so they recur across the site like furniture. But
    they sit among the article's prose, where the outlet's header, menu, teaser block and
    footer do not. Counted over the lines still kept, a hit is the article's when

    * the next line is prose (it heads a paragraph);
    * prose lies within ``INSIDE_REACH`` lines both before and after it; or
    * it occurs again in this text with prose in between (a label repeated for each item of a
      review or a list, like "Pros" in every product box).
    """
    prose = page.prose
    kept = [i for i, s in enumerate(page.stripped) if s and not removed[i]]
    # prose_upto[k]: prose lines among kept[:k]
    prose_upto = [0]
    for i in kept:
        prose_upto.append(prose_upto[-1] + prose[i])
    total = prose_upto[-1]
    article: set[int] = set()
    if not total:
        return article
    where: dict[int, list[int]] = {}
    for k, i in enumerate(kept):
        if i not in hits:
            continue
        where.setdefault(hits[i], []).append(k)
        if k + 1 < len(kept) and prose[kept[k + 1]]:
            article.add(i)
            continue
        lo, hi = max(0, k - INSIDE_REACH), min(len(kept), k + 1 + INSIDE_REACH)
        if prose_upto[k] > prose_upto[lo] and prose_upto[hi] > prose_upto[k + 1]:
            article.add(i)
    for ks in where.values():
        for a, b in pairwise(ks):
            if prose_upto[b] > prose_upto[a + 1]:
                article.update((kept[a], kept[b]))
    return article


def learn(
    docs: Iterable[tuple[str, str]],
    *,
    min_docs: int = 5,
    min_share: float = 0.3,
    max_entries: int = MAX_ENTRIES,
) -> Profile:
    """Learn the recurring lines of a corpus of ``(group, text)`` documents.

    A line joins its group's profile when it occurs in at least ``min_docs`` documents of the
    group and in at least ``min_share`` of them. Use ``""`` as the group when there is none.
    """
    if min_docs < 2:
        raise ValueError("min_docs must be at least 2: a line in one document does not repeat")
    if not 0.0 <= min_share <= 1.0:
        raise ValueError("min_share must be between 0 and 1")
    counter = LineCounter(max_entries)
    for group, text in docs:
        counter.add(group, _candidates(text))
    return _profile(counter, min_docs, min_share)


def _profile(counter: LineCounter, min_docs: int, min_share: float) -> Profile:
    group_hashes = {_group_hash(g): g for g in counter.group_docs}
    groups: dict[str, dict[int, ProfileLine]] = {}
    for key, (h, text) in counter.samples.items():
        n = counter.counts[key]
        group = group_hashes[key ^ h]
        if _recurs(n, counter.group_docs[group], min_docs, min_share):
            groups.setdefault(group, {})[h] = ProfileLine(h, n, text)
    return Profile(
        groups,
        {g: counter.group_docs[g] for g in groups},
        counter.documents,
        min_docs,
        min_share,
        counter.floor,
    )


def _recurs(docs: int, group_docs: int, min_docs: int, min_share: float) -> bool:
    """A line counted in ``docs`` of its group's ``group_docs`` documents is kept."""
    return docs >= min_docs and docs >= min_share * group_docs
