#!/usr/bin/env python3
"""A fingerprint of everything ``cleantext.clean`` says about the bench pages.

A speed change must not change a single output: run this before and after and compare the
digests. Each page contributes its clean text, every removal (span, filter, reason) and the
language guess with its confidence; ``--per-page`` prints one digest per page so that a
difference can be traced to the pages that changed.

    python benchmarks/fingerprint.py                  # one digest over all bench pages
    python benchmarks/fingerprint.py --per-page > before.txt; ...; diff before.txt after.txt

Reads ``*.page.txt`` and ``*.pagejs.txt`` of ``../shared/bench/wcxb-dev`` and ``*.page.txt`` of
``../shared/bench/trafilatura-multi`` (or the folders given). Exits 0 with a message when none
is there.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

import cleantext

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO.parent / "shared" / "bench"
DEFAULT = [
    (BENCH / "wcxb-dev", "*.page.txt"),
    (BENCH / "wcxb-dev", "*.pagejs.txt"),
    (BENCH / "trafilatura-multi", "*.page.txt"),
]


def page_digest(text: str) -> str:
    """The digest of one page's result: text, removals and language, in a fixed order."""
    r = cleantext.clean(text)
    h = hashlib.sha256()
    h.update(r.text.encode("utf-8", "surrogatepass"))
    for rm in r.removals:
        h.update(f"\0{rm.start}\0{rm.end}\0{rm.filter}\0{rm.reason}".encode("utf-8", "replace"))
    h.update(f"\0{r.language}\0{r.language_confidence!r}".encode())
    return h.hexdigest()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folders", nargs="*", type=Path, help="folders of *.page.txt files")
    ap.add_argument("--per-page", action="store_true", help="one digest per page")
    ap.add_argument("--limit", type=int, help="only the first N files of each folder")
    args = ap.parse_args(argv)
    sets = [(f, "*.page.txt") for f in args.folders] or DEFAULT
    total = hashlib.sha256()
    count = 0
    for folder, pattern in sets:
        for path in sorted(folder.glob(pattern))[: args.limit]:
            text = path.read_text(encoding="utf-8", errors="surrogateescape")
            d = page_digest(text)
            total.update(d.encode())
            count += 1
            if args.per_page:
                print(f"{folder.name}/{path.name} {d}")
    if not count:
        print("fingerprint: no bench pages found", file=sys.stderr)
        return 0
    print(f"{count} pages {total.hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
