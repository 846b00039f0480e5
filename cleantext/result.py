"""What `clean` returns: the clean text, the kept pieces and the explained removals.

A Result is derived once from the original and a sorted list of disjoint removals; every
other field (text, pieces) follows from those two, so it is never edited in place and it
pickles and serialises to JSON as plain data.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Removal:
    """A span ``original[start:end]`` that a filter removed, and the sentence saying why."""

    start: int
    end: int
    filter: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "filter": self.filter, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of kept text, the same characters in ``text`` and in ``original``."""

    clean_start: int
    original_start: int
    length: int

    @property
    def clean_end(self) -> int:
        return self.clean_start + self.length

    @property
    def original_end(self) -> int:
        return self.original_start + self.length


def _pieces(original_length: int, removals: tuple[Removal, ...]) -> tuple[Piece, ...]:
    pieces: list[Piece] = []
    cursor = 0
    clean = 0
    for r in removals:
        if r.start > cursor:
            pieces.append(Piece(clean, cursor, r.start - cursor))
            clean += r.start - cursor
        cursor = r.end
    if cursor < original_length:
        pieces.append(Piece(clean, cursor, original_length - cursor))
    return tuple(pieces)


@dataclass(frozen=True)
class Result:
    """The outcome of cleaning one text.

    ``removals`` are sorted and disjoint spans of ``original``; ``text`` is the original with
    every removal deleted and ``pieces`` are the kept runs that make it up.
    """

    original: str
    removals: tuple[Removal, ...]
    language: str | None = None
    language_confidence: float = 0.0
    pieces: tuple[Piece, ...] = field(init=False)
    text: str = field(init=False)
    _clean_starts: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        removals = tuple(self.removals)
        last = 0
        for r in removals:
            if not (last <= r.start < r.end <= len(self.original)):
                raise ValueError(f"removals must be sorted, disjoint and non-empty: {r}")
            last = r.end
        object.__setattr__(self, "removals", removals)
        pieces = _pieces(len(self.original), removals)
        object.__setattr__(self, "pieces", pieces)
        original = self.original
        text = "".join(original[p.original_start : p.original_end] for p in pieces)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "_clean_starts", [p.clean_start for p in pieces])

    def to_original(self, clean_offset: int) -> int:
        """Map an offset in ``text`` to the offset of the same character in ``original``.

        ``len(text)`` maps to the position just after the last kept character (0 when nothing
        was kept), so a clean span ``[a, b)`` maps to ``[to_original(a), to_original(b-1)+1)``.
        """
        if not 0 <= clean_offset <= len(self.text):
            raise IndexError(f"clean offset {clean_offset} outside 0..{len(self.text)}")
        if not self.pieces:
            return 0
        if clean_offset == len(self.text):
            return self.pieces[-1].original_end
        piece = self.pieces[bisect_right(self._clean_starts, clean_offset) - 1]
        return piece.original_start + (clean_offset - piece.clean_start)

    def removed_text(self, removal: Removal) -> str:
        """The original characters a removal took out."""
        return self.original[removal.start : removal.end]

    def stats(self) -> dict[str, dict[str, int]]:
        """Per filter: how many removals it made and how many characters they cover."""
        out: dict[str, dict[str, int]] = {}
        for r in self.removals:
            s = out.setdefault(r.filter, {"removals": 0, "chars": 0})
            s["removals"] += 1
            s["chars"] += r.end - r.start
        return out

    def to_dict(self, *, include_original: bool = False) -> dict[str, Any]:
        """Plain data for JSON; pieces as ``[clean_start, original_start, length]``."""
        data: dict[str, Any] = {
            "text": self.text,
            "pieces": [[p.clean_start, p.original_start, p.length] for p in self.pieces],
            "removals": [r.to_dict() for r in self.removals],
        }
        if self.language is not None:
            data["language"] = self.language
            data["language_confidence"] = round(self.language_confidence, 3)
        if include_original:
            data["original"] = self.original
        return data

    def to_html(self, *, name: str = "document") -> str:
        """A self-contained HTML page showing this text with every removal marked."""
        from .report import render_report

        return render_report([(name, self)])

    @classmethod
    def from_dict(cls, data: dict[str, Any], original: str | None = None) -> Result:
        """Rebuild a Result from ``to_dict`` output (the original must be in it or given)."""
        source = data.get("original", original)
        if source is None:
            raise ValueError("the original text is needed to rebuild a Result")
        removals = tuple(
            Removal(int(r["start"]), int(r["end"]), str(r["filter"]), str(r["reason"]))
            for r in data["removals"]
        )
        return cls(
            source,
            removals,
            data.get("language"),
            float(data.get("language_confidence", 0.0)),
        )
