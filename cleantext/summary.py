"""Run totals: documents, characters in and out, removals per filter; merged across workers.

The same numbers feed the one-screen summary on stderr and ``--stats FILE.json``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .result import Result


@dataclass
class Totals:
    """Counts for a run (or a part of one, to be merged)."""

    documents: int = 0
    failed: int = 0
    bad_lines: int = 0
    chars_in: int = 0
    chars_out: int = 0
    filters: dict[str, dict[str, int]] = field(default_factory=dict)
    encodings: dict[str, int] = field(default_factory=dict)

    def add(self, result: Result, encoding: str | None = None) -> None:
        self.documents += 1
        self.chars_in += len(result.original)
        self.chars_out += len(result.text)
        for r in result.removals:
            s = self.filters.setdefault(r.filter, {"removals": 0, "chars": 0})
            s["removals"] += 1
            s["chars"] += r.end - r.start
        if encoding is not None:
            self.encodings[encoding] = self.encodings.get(encoding, 0) + 1

    def merge(self, other: Totals) -> None:
        self.documents += other.documents
        self.failed += other.failed
        self.bad_lines += other.bad_lines
        self.chars_in += other.chars_in
        self.chars_out += other.chars_out
        for name, s in other.filters.items():
            mine = self.filters.setdefault(name, {"removals": 0, "chars": 0})
            mine["removals"] += s["removals"]
            mine["chars"] += s["chars"]
        for enc, n in other.encodings.items():
            self.encodings[enc] = self.encodings.get(enc, 0) + n

    def to_dict(self, *, seconds: float | None = None, jobs: int | None = None) -> dict[str, Any]:
        data: dict[str, Any] = {
            "documents": self.documents,
            "failed": self.failed,
            "bad_lines": self.bad_lines,
            "chars_in": self.chars_in,
            "chars_out": self.chars_out,
            "filters": {k: dict(v) for k, v in sorted(self.filters.items())},
            "encodings": dict(sorted(self.encodings.items())),
        }
        if seconds is not None:
            data["seconds"] = round(seconds, 3)
        if jobs is not None:
            data["jobs"] = jobs
        return data

    def render(self, *, seconds: float, jobs: int) -> str:
        """The end-of-run summary, a screen at most."""
        kept = 100.0 * self.chars_out / self.chars_in if self.chars_in else 100.0
        rate = self.chars_in / seconds / 1e6 if seconds > 0 else 0.0
        lines = [
            f"cleantext: {self.documents:,} documents, {self.chars_in:,} → {self.chars_out:,} "
            f"characters ({kept:.1f}% kept) in {seconds:.1f} s "
            f"({rate:.1f} M chars/s, {jobs} {'job' if jobs == 1 else 'jobs'})"
        ]
        if self.filters:
            width = max(len("filter"), *(len(k) for k in self.filters))
            lines.append(f"  {'filter':<{width}}  {'removals':>10}  {'characters':>13}")
            ranked = sorted(self.filters.items(), key=lambda kv: (-kv[1]["chars"], kv[0]))
            for name, s in ranked:
                lines.append(f"  {name:<{width}}  {s['removals']:>10,}  {s['chars']:>13,}")
        other = {k: v for k, v in self.encodings.items() if k != "utf-8"}
        if other:
            detail = ", ".join(f"{n:,} as {k}" for k, v in sorted(other.items()) for n in [v])
            lines.append(f"  not UTF-8: {detail}")
        if self.failed:
            lines.append(f"  {self.failed:,} inputs failed (messages above)")
        if self.bad_lines:
            lines.append(f"  {self.bad_lines:,} bad JSON lines (messages above)")
        return "\n".join(lines)
