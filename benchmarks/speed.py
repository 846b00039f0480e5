"""How fast ``cleantext.clean`` runs on real page texts, where the time goes, and how it scales.

    python benchmarks/speed.py                          # ../shared/bench/wcxb-dev
    python benchmarks/speed.py FOLDER --runs 5 --json speed.json
    python benchmarks/speed.py --profile 25             # also a cProfile of the top functions

Reads every ``*.page.txt`` of the folder (UTF-8, no newline translation) and reports, on one
core, for the default pipeline:

- throughput in MB/s and docs/s, the median of ``--runs`` passes over all pages; a megabyte is
  10**6 bytes of the input encoded as UTF-8; time is the CPU time of the process, so that
  other load on the machine does not count (``--wall`` for wall-clock time);
- the share of time of each stage: the language guess, the Page line table, the Page features
  the filters use, each filter's ``find``, and building the Result (filters are wrapped so each
  ``find`` is timed; features are computed up front so they are not billed to the first filter
  that happens to use them);
- scaling: single documents of 10 KB, 100 KB, 1 MB and 10 MB made by concatenating the page
  texts, with time per MB and the ratio of the largest to the smallest;
- peak memory while cleaning the 10 MB document, measured in a fresh subprocess: the
  ``tracemalloc`` peak of the Python heap, and the process's peak RSS (Linux VmHWM).

Prints a markdown table ready for ``docs/performance.md``. Skips (exit 0, one message) when
the folder is absent.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import resource
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from functools import cached_property
from pathlib import Path
from typing import Any

import cleantext
from cleantext import Page, Pipeline, Removal, Result, default_pipeline, lang

REPO = Path(__file__).resolve().parents[1]
DEFAULT_FOLDER = REPO.parent / "shared" / "bench" / "wcxb-dev"
SIZES = (10_000, 100_000, 1_000_000, 10_000_000)
MB = 1_000_000
# CPU time of this process: other load on the machine does not count (``--wall`` to change).
CLOCK = time.process_time


def read_pages(folder: Path, limit: int | None = None) -> list[str]:
    """The page texts of a folder, exactly as stored (no newline translation)."""
    files = sorted(folder.glob("*.page.txt"))[:limit]
    return [f.read_text(encoding="utf-8", errors="surrogateescape") for f in files]


def nbytes(text: str) -> int:
    """UTF-8 size of a text (lone surrogates, if any, count as their 3-byte encoding)."""
    return len(text.encode("utf-8", errors="surrogatepass"))


def document(pages: Sequence[str], size: int) -> str:
    """One document of about ``size`` UTF-8 bytes: the pages end to end, cut at a line end."""
    parts: list[str] = []
    total = 0
    i = 0
    while total < size:
        page = pages[i % len(pages)]
        parts.append(page if page.endswith("\n") else page + "\n")
        total += nbytes(parts[-1])
        i += 1
    text = "".join(parts)
    # Trim to the size, at the last line end before it.
    cut = len(text.encode("utf-8", errors="surrogatepass")[:size].decode("utf-8", errors="ignore"))
    end = text.rfind("\n", 0, cut)
    return text[: end + 1] if end > 0 else text[:cut]


# --- where the time goes -------------------------------------------------------------------


class Timed:
    """A filter wrapper that adds the time of each ``find`` (run to the end) to a clock."""

    def __init__(self, inner: cleantext.Filter, clock: dict[str, float]) -> None:
        self.inner = inner
        self.name = inner.name
        self.clock = clock

    def find(self, page: Page, removed: Sequence[bool]) -> Iterable[Removal]:
        t = CLOCK()
        found = list(self.inner.find(page, removed))
        self.clock[f"filter: {self.name}"] += CLOCK() - t
        return found


FEATURES = [n for n, v in vars(Page).items() if isinstance(v, cached_property)]


def used_features(pages: Sequence[str]) -> list[str]:
    """The Page features that the default pipeline reads on these pages, in class order."""
    used: set[str] = set()
    pipeline = default_pipeline()
    for text in pages:
        language, _ = lang.guess(text)
        page = Page(text, lang.stopwords(language or "en"), language=language)
        pipeline.run(page)
        used.update(k for k in vars(page) if k in FEATURES)
    return [f for f in FEATURES if f in used]


def _filter_seconds(clock: dict[str, float]) -> float:
    return sum(v for k, v in clock.items() if k.startswith("filter: "))


def staged_clean(text: str, clock: dict[str, float], features: Sequence[str]) -> Result:
    """``cleantext.clean`` step by step, each step on its own clock."""
    t0 = CLOCK()
    language, confidence = lang.guess(text)
    stop = lang.stopwords(language or "en")
    t1 = CLOCK()
    page = Page(text, stop, language=language)
    t2 = CLOCK()
    for name in features:
        getattr(page, name)
    t3 = CLOCK()
    pipeline = Pipeline(Timed(f, clock) for f in default_pipeline())
    in_filters = _filter_seconds(clock)
    removals = pipeline.run(page)
    in_filters = _filter_seconds(clock) - in_filters
    t4 = CLOCK()
    result = Result(text, tuple(removals), language, confidence)
    t5 = CLOCK()
    clock["language guess"] += t1 - t0
    clock["page: line table"] += t2 - t1
    clock["page: features"] += t3 - t2
    clock["pipeline: claims"] += (t4 - t3) - in_filters
    clock["result"] += t5 - t4
    return result


def stage_shares(pages: Sequence[str], runs: int) -> list[tuple[str, float]]:
    """Median seconds per stage over ``runs`` passes of all pages."""
    features = used_features(pages)
    per_run: list[dict[str, float]] = []
    for _ in range(runs):
        clock: dict[str, float] = defaultdict(float)
        for text in pages:
            staged_clean(text, clock, features)
        per_run.append(dict(clock))
    keys = list(per_run[0])
    return [(k, statistics.median(r.get(k, 0.0) for r in per_run)) for k in keys]


# --- throughput and scaling ----------------------------------------------------------------


def time_clean(texts: Sequence[str], runs: int) -> list[float]:
    """Seconds for ``clean`` over all texts, once per run."""
    times = []
    for _ in range(runs):
        t = CLOCK()
        for text in texts:
            cleantext.clean(text)
        times.append(CLOCK() - t)
    return times


def scaling(pages: Sequence[str], runs: int) -> list[dict[str, float]]:
    rows = []
    for size in SIZES:
        doc = document(pages, size)
        # Small documents are timed as many repeats so each timing lasts a while.
        repeat = max(1, 1_000_000 // size)
        times = [t / repeat for t in time_clean([doc] * repeat, runs)]
        secs = statistics.median(times)
        b = nbytes(doc)
        rows.append(
            {"bytes": b, "seconds": secs, "s_per_mb": secs / (b / MB), "mb_s": b / MB / secs}
        )
    return rows


def memory(folder: Path, size: int) -> dict[str, float]:
    """Peak memory of cleaning one ``size``-byte document, in a fresh interpreter."""
    out = subprocess.run(
        [sys.executable, __file__, str(folder), "--memory-child", str(size)],
        capture_output=True,
        text=True,
        check=True,
    )
    data: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return data


def _status_kb(field: str) -> int | None:
    """A field of /proc/self/status in KiB (Linux), or None elsewhere."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def memory_child(folder: Path, size: int) -> None:
    """Print peak memory of one clean as JSON; run in a fresh interpreter by ``memory``.

    The peak RSS comes from /proc/self/status (VmHWM, reset through clear_refs just before
    the clean), because ``ru_maxrss`` survives exec and would report the parent's peak.
    """
    import tracemalloc

    pages = read_pages(folder)
    doc = document(pages, size)
    del pages
    cleantext.clean("warm up: stoplists and patterns are loaded once per process")
    rss_before = _status_kb("VmRSS")
    try:
        Path("/proc/self/clear_refs").write_text("5")  # reset the peak RSS (Linux >= 4.0)
        reset = True
    except OSError:
        reset = False
    cleantext.clean(doc)
    hwm = _status_kb("VmHWM") if reset else None
    if hwm is None or rss_before is None:  # not Linux: fall back to ru_maxrss
        scale = 1024 if sys.platform != "darwin" else 1
        hwm = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale // 1024
        rss_before = rss_before or 0
    tracemalloc.start()
    cleantext.clean(doc)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        json.dumps(
            {
                "doc_bytes": nbytes(doc),
                "tracemalloc_peak_mb": peak / MB,
                "rss_before_mb": rss_before * 1024 / MB,
                "rss_peak_mb": hwm * 1024 / MB,
                "rss_growth_mb": (hwm - rss_before) * 1024 / MB,
            }
        )
    )


def profile(pages: Sequence[str], top: int) -> str:
    prof = cProfile.Profile()
    prof.enable()
    for text in pages:
        cleantext.clean(text)
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(top)
    return buf.getvalue()


# --- report --------------------------------------------------------------------------------


def markdown(report: dict[str, Any]) -> str:
    t = report["throughput"]
    lines = [
        f"Default pipeline ({', '.join(report['pipeline'])}) on {report['docs']} page texts of "
        f"`{report['folder']}` ({report['bytes'] / MB:.1f} MB as UTF-8), one core, "
        f"{report['clock'].upper()} time, median of {report['runs']} runs; "
        f"Python {report['python']}, {report['machine']}.",
        "",
        "| measure | value |",
        "|---|---:|",
        f"| throughput | **{t['mb_s']:.1f} MB/s** (UTF-8 bytes of input) |",
        f"| documents | {t['docs_s']:.0f} docs/s |",
        f"| time for all pages | {t['seconds']:.2f} s (runs: "
        + ", ".join(f"{x:.2f}" for x in t["all_runs"])
        + ") |",
        "",
        "| stage | seconds | share |",
        "|---|---:|---:|",
    ]
    total = sum(s for _, s in report["stages"])
    for name, secs in sorted(report["stages"], key=lambda x: -x[1]):
        lines.append(f"| {name} | {secs:.3f} | {100 * secs / total:.1f}% |")
    lines.append(f"| **total (staged)** | {total:.3f} | 100% |")
    if report.get("scaling"):
        lines += ["", "| document | seconds | s per MB | MB/s |", "|---:|---:|---:|---:|"]
        for r in report["scaling"]:
            lines.append(
                f"| {r['bytes'] / 1000:,.0f} KB | {r['seconds']:.4f} | {r['s_per_mb']:.4f} | "
                f"{r['mb_s']:.1f} |"
            )
        lines.append(
            f"\nTime per MB, largest / smallest document: **{report['scaling_ratio']:.2f}**"
        )
    if report.get("memory"):
        m = report["memory"]
        lines.append(
            f"\nPeak memory cleaning the {m['doc_bytes'] / MB:.1f} MB document: tracemalloc peak "
            f"**{m['tracemalloc_peak_mb']:.0f} MB** "
            f"({m['tracemalloc_peak_mb'] / (m['doc_bytes'] / MB):.0f}× the input) of Python "
            f"objects; process peak RSS {m['rss_peak_mb']:.0f} MB, "
            f"{m['rss_growth_mb']:.0f} MB over the warmed-up interpreter with the document "
            "loaded."
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT_FOLDER)
    ap.add_argument("--runs", type=int, default=5, help="passes to take the median of")
    ap.add_argument("--limit", type=int, help="only the first N pages")
    ap.add_argument("--json", type=Path, metavar="OUT", help="also write the numbers as JSON")
    ap.add_argument("--no-scaling", action="store_true", help="skip the scaling documents")
    ap.add_argument("--no-memory", action="store_true", help="skip the memory subprocess")
    ap.add_argument("--profile", type=int, metavar="TOP", help="print a cProfile of TOP functions")
    ap.add_argument("--wall", action="store_true", help="wall-clock time instead of CPU time")
    ap.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if not args.folder.is_dir() or not any(args.folder.glob("*.page.txt")):
        print(f"skipped: no *.page.txt files in {args.folder}", file=sys.stderr)
        return 0
    if args.memory_child:
        memory_child(args.folder, args.memory_child)
        return 0

    global CLOCK
    if args.wall:
        CLOCK = time.perf_counter
    pages = read_pages(args.folder, args.limit)
    cleantext.clean("warm up: stoplists and patterns are loaded once per process")
    total_bytes = sum(map(nbytes, pages))
    times = time_clean(pages, args.runs)
    secs = statistics.median(times)
    report: dict[str, Any] = {
        "folder": os.path.relpath(args.folder, Path.cwd()),
        "docs": len(pages),
        "bytes": total_bytes,
        "runs": args.runs,
        "clock": "wall" if args.wall else "cpu",
        "pipeline": default_pipeline().names,
        "python": platform.python_version(),
        "machine": f"{platform.machine()} {platform.processor() or platform.system()}".strip(),
        "throughput": {
            "seconds": secs,
            "all_runs": times,
            "mb_s": total_bytes / MB / secs,
            "docs_s": len(pages) / secs,
        },
        "stages": stage_shares(pages, max(1, min(args.runs, 3))),
    }
    if not args.no_scaling:
        rows = scaling(pages, max(3, min(args.runs, 5)))
        report["scaling"] = rows
        report["scaling_ratio"] = rows[-1]["s_per_mb"] / rows[0]["s_per_mb"]
    if not args.no_memory:
        report["memory"] = memory(args.folder, SIZES[-1])
    print(markdown(report))
    if args.profile:
        print("\n```\n" + profile(pages, args.profile) + "```")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
