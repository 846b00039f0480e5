#!/usr/bin/env python3
"""Yardsticks for ``speed.py``: other tools timed on the same pages, on the same machine.

The machines of this project differ from day to day by more than 2x, so a throughput figure
means little alone. This script times, in one process and in CPU time, the tools the speed
issue compares against:

- ``c4``: C4's line rules as datatrove ships them (``C4QualityFilter`` with its line rules at their
  defaults: it drops lines without terminal punctuation, short lines, "javascript", "{",
  policy lines; the document-level sentence count is off, as it needs spaCy),
  on the same ``ID.page.txt`` texts as ``speed.py``. Needs the ``datatrove`` extra.
- ``trafilatura``: ``trafilatura.extract`` on the ``ID.html.gz`` pages, in MB/s of HTML
  (``--trafilatura``; slow, about a minute).
- ``cleantext``: ``cleantext.clean`` with the default pipeline, the figure ``speed.py`` prints.

    python benchmarks/reference_speed.py                  # c4 and cleantext
    python benchmarks/reference_speed.py --trafilatura    # and trafilatura on the HTML

Each figure is the median of ``--runs`` passes.
"""

from __future__ import annotations

import argparse
import gzip
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_FOLDER = REPO.parent / "shared" / "bench" / "wcxb-dev"


def timed(fn: Callable[[str], object], texts: list[str], runs: int) -> float:
    """Median CPU seconds of ``fn`` over all texts."""
    times = []
    for _ in range(runs):
        start = time.process_time()
        for t in texts:
            fn(t)
        times.append(time.process_time() - start)
    return statistics.median(times)


def c4_cleaner() -> Callable[[str], object] | None:
    """datatrove's C4 line rules as a function of one text, or None without datatrove."""
    try:
        from datatrove.data import Document
        from datatrove.pipeline.filters import C4QualityFilter
    except ImportError:
        return None
    # The document-level sentence count needs a spaCy tokenizer; the line rules do not.
    f = C4QualityFilter(min_num_sentences=-1)

    def run(text: str) -> object:
        return f.filter(Document(text=text, id="x"))

    return run


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--limit", type=int, help="only the first N pages")
    ap.add_argument("--trafilatura", action="store_true", help="also time trafilatura.extract")
    args = ap.parse_args(argv)
    paths = sorted(args.folder.glob("*.page.txt"))[: args.limit]
    if not paths:
        print(f"reference_speed.py: no *.page.txt in {args.folder}", file=sys.stderr)
        return 2
    texts = [p.read_text(encoding="utf-8", errors="surrogateescape") for p in paths]
    mb = sum(len(t.encode("utf-8", "surrogatepass")) for t in texts) / 1e6
    rows: list[tuple[str, str, float, float]] = []

    import cleantext

    secs = timed(cleantext.clean, texts, args.runs)
    rows.append(("cleantext.clean (default pipeline)", "page text", mb, secs))
    c4 = c4_cleaner()
    if c4 is not None:
        rows.append(
            (
                "C4 line rules (datatrove C4QualityFilter)",
                "page text",
                mb,
                timed(c4, texts, args.runs),
            )
        )
    else:
        print("datatrove is not installed: the C4 row is left out", file=sys.stderr)
    if args.trafilatura:
        import trafilatura

        htmls = []
        for p in paths:
            h = p.with_name(p.name.replace(".page.txt", ".html.gz"))
            if h.exists():
                with gzip.open(h, "rt", encoding="utf-8", errors="replace") as fh:
                    htmls.append(fh.read())
        hmb = sum(len(h.encode("utf-8")) for h in htmls) / 1e6
        rows.append(("trafilatura.extract", "HTML", hmb, timed(trafilatura.extract, htmls, 1)))

    print(f"{len(texts)} pages of `{args.folder.name}`, one core, CPU time, median of {args.runs}")
    print()
    print("| tool | input | MB | seconds | MB/s |")
    print("|---|---|---:|---:|---:|")
    for name, kind, size, s in rows:
        print(f"| {name} | {kind} | {size:.1f} | {s:.2f} | {size / s:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
