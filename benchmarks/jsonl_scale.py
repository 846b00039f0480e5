#!/usr/bin/env python3
"""JSON Lines at corpus scale: ``cleantext --jsonl -j N`` throughput and peak memory.

Builds a JSONL of about ``--size-mb`` MB in a temporary folder (never in the repository) from
the ``*.page.txt`` files of ``../shared/bench/wcxb-dev`` repeated, with ``id`` and ``url``
fields beside ``text``; then runs ``cleantext --jsonl -q -j N`` for each N under
``/usr/bin/time -v`` and, while it runs, samples the resident memory of the whole process tree
from ``/proc`` (``time -v`` reports the largest single process only; the workers are separate
processes). Checks that every N gives byte-identical output.

Columns: wall seconds; input MB/s (UTF-8 bytes of the JSONL over wall seconds); speed-up over
the first N; CPU seconds (user+sys, all processes); the largest single process RSS (time -v);
the peak of the summed RSS and of the summed PSS (proportional set size: shared pages counted
once, split between the sharers) over the parent and its workers. A control measures how many
cores N busy processes really get before and after the runs: on a shared machine the speed-up
cannot exceed it, and the CPU-second columns show the parallel overhead regardless.

Usage (from the repository root)::

    python benchmarks/jsonl_scale.py                      # ~100 MB, -j 1 and -j 2
    python benchmarks/jsonl_scale.py --size-mb 20 --jobs 1 2 4
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PAGES = SHARED / "bench" / "wcxb-dev"


def build(path: Path, size_mb: float) -> tuple[int, int]:
    """Write the JSONL; return (records, bytes)."""
    pages = sorted(PAGES.glob("*.page.txt"))
    if not pages:
        sys.exit(f"no *.page.txt files in {PAGES}; is ../shared there?")
    texts = [p.read_text(encoding="utf-8") for p in pages]
    target = int(size_mb * 1e6)
    written = records = 0
    with path.open("wb") as f:
        while written < target:
            for text in texts:
                line = json.dumps(
                    {
                        "id": records,
                        "url": f"https://www.site{records % 97}.example/story/{records}",
                        "text": text,
                    },
                    ensure_ascii=False,
                ).encode("utf-8")
                f.write(line + b"\n")
                written += len(line) + 1
                records += 1
                if written >= target:
                    break
    return records, written


def _tree(root: int) -> list[int]:
    """The pid and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    out, todo = [], [root]
    while todo:
        pid = todo.pop()
        out.append(pid)
        todo.extend(children.get(pid, []))
    return out


def _kb(path: str, key: str) -> int:
    try:
        with open(path, encoding="ascii") as f:
            for line in f:
                if line.startswith(key):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


class Sampler(threading.Thread):
    """Peak summed RSS and PSS (kB) of a process tree, sampled every ``interval`` s."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_rss = self.peak_pss = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            pids = _tree(self.pid)
            rss = sum(_kb(f"/proc/{p}/status", "VmRSS:") for p in pids)
            pss = sum(_kb(f"/proc/{p}/smaps_rollup", "Pss:") for p in pids)
            self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)
            self.done.wait(self.interval)


def run(jsonl: Path, out: Path, jobs: int) -> dict[str, float]:
    cleantext = shutil.which("cleantext")
    command = [cleantext] if cleantext else [sys.executable, "-m", "cleantext"]
    argv = ["/usr/bin/time", "-v", *command, "--jsonl", "-q", "-j", str(jobs), str(jsonl)]
    with out.open("wb") as sink:
        started = time.perf_counter()
        proc = subprocess.Popen(argv, stdout=sink, stderr=subprocess.PIPE)
        sampler = Sampler(proc.pid)
        sampler.start()
        _, err = proc.communicate()
        wall = time.perf_counter() - started
        sampler.done.set()
        sampler.join()
    report = err.decode("utf-8", "replace")
    if proc.returncode != 0:
        sys.exit(f"-j {jobs} failed ({proc.returncode}):\n{report}")

    def field(name: str) -> float:
        m = re.search(rf"{re.escape(name)}: ([\d.:]+)", report)
        return float(m.group(1)) if m else float("nan")

    return {
        "wall": wall,
        "cpu": field("User time (seconds)") + field("System time (seconds)"),
        "max_rss_mb": field("Maximum resident set size (kbytes)") / 1024,
        "tree_rss_mb": sampler.peak_rss / 1024,
        "tree_pss_mb": sampler.peak_pss / 1024,
    }


def _spin(n: int) -> float:
    started = time.perf_counter()
    x = 0
    for i in range(n):
        x += i
    return time.perf_counter() - started


def capacity(jobs: int, n: int = 20_000_000) -> float:
    """How many cores N processes actually get right now: N × (time of one spin alone) /
    (time of N spins at once). About N on an idle machine; less when others use the CPUs,
    which caps any speed-up measured here."""
    from concurrent.futures import ProcessPoolExecutor

    alone = _spin(n)
    with ProcessPoolExecutor(jobs) as pool:
        together = max(pool.map(_spin, [n] * jobs))
    return jobs * alone / together


def digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=100.0)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--workdir", help="where to put the JSONL (default: a temp folder)")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    args = parser.parse_args()
    work = Path(args.workdir or tempfile.mkdtemp(prefix="cleantext-jsonl-"))
    work.mkdir(parents=True, exist_ok=True)
    jsonl = work / "bench.jsonl"
    try:
        records, size = build(jsonl, args.size_mb)
        print(f"input: {jsonl} ({records:,} records, {size / 1e6:.1f} MB); cpus: {os.cpu_count()}")
        try:
            load = os.getloadavg()[0]
            print(f"load average before the runs: {load:.2f}")
        except OSError:
            pass
        top = max(args.jobs)
        if top > 1:
            print(f"cores {top} processes get right now: {capacity(top):.2f} (control)")
        rows, digests = [], {}
        for jobs in args.jobs:
            out = work / f"out-j{jobs}.jsonl"
            rows.append((jobs, run(jsonl, out, jobs)))
            digests[jobs] = digest(out)
            if not args.keep:
                out.unlink()
        base = rows[0][1]["wall"]
        print(
            f"{'jobs':>4} {'wall s':>8} {'MB/s':>7} {'speed-up':>8} {'cpu s':>8} "
            f"{'max RSS MB':>10} {'tree RSS MB':>11} {'tree PSS MB':>11}"
        )
        for jobs, r in rows:
            print(
                f"{jobs:>4} {r['wall']:>8.1f} {size / 1e6 / r['wall']:>7.2f} "
                f"{base / r['wall']:>7.2f}x {r['cpu']:>8.1f} {r['max_rss_mb']:>10.0f} "
                f"{r['tree_rss_mb']:>11.0f} {r['tree_pss_mb']:>11.0f}"
            )
        if top > 1:
            print(f"cores {top} processes got after the runs: {capacity(top):.2f} (control)")
        same = len(set(digests.values())) == 1
        print(f"outputs identical across -j {', '.join(map(str, digests))}: {same}")
        if not same:
            sys.exit(1)
    finally:
        if not args.keep and args.workdir is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
