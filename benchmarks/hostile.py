"""Is ``cleantext.clean`` linear on hostile input? Time each case at size n and 4n.

    python benchmarks/hostile.py                  # every case, 4n = the size in issue 4
    python benchmarks/hostile.py --scale 0.25     # quicker: a quarter of those sizes
    python benchmarks/hostile.py --only braces also_read --runs 5 --json hostile.json
    python benchmarks/hostile.py --filters        # also the time of each filter at 4n

The ratio time(4n) / time(n) is about 4 when the case is linear; about 16 means quadratic.
Times are CPU seconds of the process (median of ``--runs``), so other load on the machine does
not count. The correctness of the same cases is asserted in ``tests/test_hostile.py``; this
script only measures. With ``--filters`` each filter's ``find`` is timed on the 4n input, which
points at the filter (and so the pattern) behind a bad ratio.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from itertools import cycle, islice
from pathlib import Path

import cleantext

CLOCK = time.process_time
PROSE = (
    "The central bank raised its benchmark rate by a quarter point on Thursday, citing "
    "persistent inflation in services. "
)
BOILERPLATE = [
    "ALSO READ- Five things to know about the new tax rules",
    "Previous Story",
    "Next Story",
    "Source link",
    "Please enter your comment!",
    "fbq('init', '123');",
    "fbq('track', 'PageView');",
    "(Photo : Reuters)",
    "Image Source : PTI",
    "Go toTop",
]


def _fill(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _lines(items: Iterable[str], count: int, terminators: Sequence[str] = ("\n",)) -> str:
    return "".join(a + b for a, b in zip(islice(cycle(items), count), cycle(terminators)))


# name: (build(n) -> text, n at full size, what n counts)
CASES: dict[str, tuple[Callable[[int], str], int, str]] = {
    "single_line": (lambda n: _fill(PROSE, n), 5_000_000, "chars of prose, no line break"),
    "one_char_lines": (lambda n: _lines("ab}…-1 ", n), 200_000, "one-character lines"),
    "braces": (lambda n: "{" * n, 1_000_000, 'chars of "{"'),
    "also_read": (lambda n: "ALSO READ-" * n, 100_000, 'repetitions of "ALSO READ-", one line'),
    "also_read_lines": (lambda n: "ALSO READ-\n" * n, 100_000, '"ALSO READ-" lines'),
    "ellipsis_line": (lambda n: "…" * n, 1_000_000, 'chars of "…" on one line'),
    "mixed_terminators": (
        lambda n: _lines([PROSE.strip(), "ALSO READ- x", ""], n, ["\r\n", "\r", "\u2028", "\n"]),
        100_000,
        "lines ended by \\r\\n, \\r, \\u2028, \\n in turn",
    ),
    "nul_bytes": (
        lambda n: _fill("Officials\x00 said\x00\x00 the\n\x00\x00\x00\x00\n", n),
        1_000_000,
        "chars, a third of them NUL",
    ),
    "lone_surrogates": (
        lambda n: _fill("Officials \ud800said the\udfff bridge\n\udc00\ud83d\n", n),
        1_000_000,
        "chars with lone surrogates",
    ),
    "all_boilerplate": (
        lambda n: _lines(BOILERPLATE, n),
        100_000,
        "lines, every one boilerplate",
    ),
    "long_word_lines": (
        lambda n: _lines(["a" * 60, "{"], n),
        20_000,
        'lines of a 60-letter word, then "{"',
    ),
    "comment_signatures": (
        lambda n: PROSE + "\n" + PROSE + "\n" + _lines(["Cindy says", *["x"] * 13], n),
        200_000,
        'lines, a "Cindy says" every 14 (too far apart to make a thread)',
    ),
}


def timed(text: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        t = CLOCK()
        cleantext.clean(text)
        times.append(CLOCK() - t)
    return statistics.median(times)


def filter_times(text: str) -> dict[str, float]:
    """CPU seconds of each stage of one clean: as in ``speed.py``, features computed first."""
    from collections import defaultdict

    from speed import staged_clean, used_features

    clock: dict[str, float] = defaultdict(float)
    features = used_features([text])
    staged_clean(text, clock, features)
    return {k.removeprefix("filter: "): v for k, v in clock.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scale", type=float, default=1.0, help="4n = scale × the issue's size")
    ap.add_argument("--runs", type=int, default=3, help="runs to take the median of")
    ap.add_argument("--only", nargs="+", choices=sorted(CASES), help="only these cases")
    ap.add_argument("--filters", action="store_true", help="time each filter at 4n")
    ap.add_argument("--json", type=Path, metavar="OUT", help="also write the numbers as JSON")
    args = ap.parse_args(argv)

    cleantext.clean("warm up: stoplists and patterns are loaded once per process")
    rows: list[dict[str, object]] = []
    stages: dict[str, dict[str, float]] = {}
    print("| case | 4n | t(n) s | t(4n) s | ratio | verdict |")
    print("|---|---:|---:|---:|---:|---|")
    for name in args.only or CASES:
        build, full, unit = CASES[name]
        big = max(4, int(full * args.scale))
        small = big // 4
        t_small = timed(build(small), args.runs)
        t_big = timed(build(big), args.runs)
        ratio = t_big / t_small if t_small > 0 else float("nan")
        verdict = "linear" if ratio < 6 else ("SUPER-LINEAR" if ratio < 12 else "QUADRATIC?")
        if t_big < 0.01:
            verdict += " (too fast to tell)"
        row = {"case": name, "n": small, "4n": big, "unit": unit, "t_n": t_small}
        row |= {"t_4n": t_big, "ratio": ratio, "verdict": verdict}
        if args.filters:
            stages[name] = row["filters_4n"] = filter_times(build(big))
        rows.append(row)
        print(
            f"| {name} | {big:,} {unit} | {t_small:.3f} | {t_big:.3f} | {ratio:.1f} | {verdict} |",
            flush=True,
        )
    if args.filters:
        print("\nCPU seconds per stage at 4n (page features, each filter, claims, result):\n")
        for name, times in stages.items():
            parts = sorted(times.items(), key=lambda kv: -kv[1])
            print(f"- {name}: " + ", ".join(f"{k} {v:.3f}" for k, v in parts[:5]))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
