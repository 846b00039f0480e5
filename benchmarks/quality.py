#!/usr/bin/env python3
"""Quality benchmark: clean the pages of a bench folder and score the output.

The scores are those of ``../shared/bench/README.md``:

* Bag of words (folders with ``ID.gold.txt``): the lower-cased ``\\w+`` tokens of output and
  gold as multisets; precision = shared / output tokens, recall = shared / gold tokens, F1 their
  harmonic mean, per page, then macro-averaged over pages. Edge cases: when one side has no
  tokens, precision, recall and F1 are all 0 (an empty output is a failed page, not a vacuously
  precise one, so emptying pages can never raise the average precision); when both sides are
  empty they are all 1.
* Snippets (every folder): output and snippet reduced to their lower-cased ``\\w`` characters; a
  snippet is present when its reduced form is a substring of the reduced output. ``with`` found
  and ``without`` absent are pooled over all snippets of the pages. A snippet that reduces to
  nothing (``=)``) says nothing about the output and is not counted.

Each input kind is scored twice: ``none`` (the input itself, the identity baseline) and the
cleaner. Cleaning speed is the input text's UTF-8 megabytes over the CPU seconds the worker
process spent inside the cleaner (``time.process_time``): the speed on one core, which other
load on the machine barely disturbs; loading and scoring are not counted.

Usage (from the repository root)::

    python benchmarks/quality.py --kind page --split dev --worst 30   # while tuning
    python benchmarks/quality.py --split both                         # all kinds, dev and held
    python benchmarks/quality.py --gate benchmarks/floors.json        # CI quality gate
    python benchmarks/quality.py --pin benchmarks/floors.json         # re-pin the floors
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import importlib
import json
import math
import os
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from multiprocessing import Pool
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.split import split_of  # noqa: E402

BENCH = ROOT.parent / "shared" / "bench"
DEFAULT_FOLDER = BENCH / "wcxb-dev"
DEFAULT_CLEANER = "cleantext:clean"
SPLITS = ("dev", "held", "all", "both")
# What the gate runs when no floors file exists yet (``--pin`` on a new file).
GATE_DEFAULT = {"wcxb-dev": ["page", "pagejs"], "trafilatura-multi": ["page"]}
MARGIN = 0.005
FLOORS_COMMENT = (
    "Quality floors of the CI gate (python benchmarks/quality.py --gate benchmarks/floors.json), "
    "scored over all pages of each folder (dev and held). Raising a floor is always welcome. "
    "Lowering one requires an explicit edit of this file AND a line in CHANGELOG.md giving the "
    "reason. `--pin` rewrites every floor as the current score minus `margin` and names the "
    "floors that went down."
)

# --------------------------------------------------------------------------------------------
# Scoring

_TOKEN = re.compile(r"\w+")
_CHAR = re.compile(r"\w")


def tokens(text: str) -> Counter[str]:
    """The multiset of lower-cased ``\\w+`` tokens."""
    return Counter(_TOKEN.findall(text.lower()))


def prf(output: Counter[str], gold: Counter[str]) -> tuple[float, float, float]:
    """Precision, recall and F1 of two token multisets (see the module docstring for empties)."""
    n_out = sum(output.values())
    n_gold = sum(gold.values())
    if n_out == 0 or n_gold == 0:
        both_empty = float(n_out == n_gold)
        return both_empty, both_empty, both_empty
    small, large = (output, gold) if len(output) <= len(gold) else (gold, output)
    shared = sum(min(n, large[w]) for w, n in small.items() if w in large)
    if shared == 0:
        return 0.0, 0.0, 0.0
    p, r = shared / n_out, shared / n_gold
    return p, r, 2 * p * r / (p + r)


def bow_scores(output: str, gold: str) -> tuple[float, float, float]:
    """Bag-of-words precision, recall and F1 of an output against its gold text."""
    return prf(tokens(output), tokens(gold))


def reduce_text(text: str) -> str:
    """A text as its lower-cased ``\\w`` characters only, for snippet matching."""
    return "".join(_CHAR.findall(text.lower()))


def snippet_hits(reduced_output: str, snippets: Iterable[str]) -> tuple[int, int]:
    """``(counted, present)``: snippets that reduce to something, and those found in the output."""
    counted = present = 0
    for s in snippets:
        r = reduce_text(s)
        if r:
            counted += 1
            present += r in reduced_output
    return counted, present


def score_output(
    output: str, gold: str | None, with_: Sequence[str], without: Sequence[str]
) -> dict[str, Any]:
    """All scores of one output: p/r/f1 (None without gold), ``with`` and ``without`` counts."""
    scores: dict[str, Any] = {"p": None, "r": None, "f1": None}
    if gold is not None:
        scores["p"], scores["r"], scores["f1"] = bow_scores(output, gold)
    reduced = reduce_text(output)
    n_with, found = snippet_hits(reduced, with_)
    n_without, present = snippet_hits(reduced, without)
    scores["with"] = [n_with, found]
    scores["without"] = [n_without, n_without - present]
    return scores


def summarize(pages: Sequence[dict[str, Any]], side: str) -> dict[str, Any]:
    """Macro P/R/F1 over the pages with gold; pooled snippet shares; cleaning speed."""
    gold = [p[side] for p in pages if p[side]["f1"] is not None]
    out: dict[str, Any] = {"pages": len(pages)}
    for key in ("p", "r", "f1"):
        out[key] = sum(s[key] for s in gold) / len(gold) if gold else None
    for key, name in (("with", "with_found"), ("without", "without_absent")):
        n = sum(p[side][key][0] for p in pages)
        out[name] = sum(p[side][key][1] for p in pages) / n if n else None
    if side == "clean":
        seconds = sum(p["seconds"] for p in pages)
        megabytes = sum(p["bytes"] for p in pages) / 1e6
        out["mb_per_s"] = megabytes / seconds if seconds > 0 else None
    return out


# --------------------------------------------------------------------------------------------
# Input kinds


def _read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def cache_dir() -> Path:
    """Where slow extractions are cached: $CLEANTEXT_BENCH_CACHE, else the XDG cache dir."""
    if os.environ.get("CLEANTEXT_BENCH_CACHE"):
        return Path(os.environ["CLEANTEXT_BENCH_CACHE"])
    xdg = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(xdg) / "cleantext-bench"


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _trafilatura_text(folder: Path, page_id: str) -> str:
    """``trafilatura.extract`` (defaults) of the page's HTML, cached by HTML hash and version."""
    import trafilatura

    with gzip.open(folder / f"{page_id}.html.gz", "rb") as f:
        html = f.read()
    key = hashlib.sha1(html).hexdigest()
    cached = cache_dir() / f"trafilatura-{trafilatura.__version__}" / f"{key}.txt"
    if cached.exists():
        return _read(cached)
    text = trafilatura.extract(html) or ""
    _atomic_write(cached, text)
    return text


@dataclass(frozen=True)
class Kind:
    """An input kind: which file marks a page as having it, and how to load the input text.

    A later ``html`` kind (issue 6) registers itself with ``source="html.gz"``, a loader that
    returns the decoded HTML, ``baseline=False`` (the identity of HTML is not worth scoring)
    and ``cleaner`` naming the HTML entry point to use instead of the text cleaner.
    """

    name: str
    source: str
    load: Callable[[Path, str], str]
    doc: str
    baseline: bool = True
    cleaner: str | None = None


KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    KINDS[kind.name] = kind
    return kind


register(Kind("page", "page.txt", lambda d, i: _read(d / f"{i}.page.txt"), "ID.page.txt"))
register(Kind("pagejs", "pagejs.txt", lambda d, i: _read(d / f"{i}.pagejs.txt"), "ID.pagejs.txt"))
register(
    Kind(
        "trafilatura",
        "html.gz",
        _trafilatura_text,
        "trafilatura.extract of ID.html.gz (cached), then the cleaner",
    )
)

# --------------------------------------------------------------------------------------------
# Cleaners and the per-page work

Cleaner = Callable[[str], str]


class BenchError(Exception):
    """A problem to report in one line (bad folder, bad cleaner, unreadable page)."""


def load_cleaner(spec: str, disable: Sequence[str] = ()) -> Cleaner:
    """``module:function`` as a text -> text function; ``disable`` drops default filters.

    The function returns a Result-like object with ``.text`` (or a plain str). With
    ``disable`` it is called as ``fn(text, pipeline=…, language=…)`` with the default
    pipeline for the guessed language less the named filters.
    """
    module_name, _, func_name = spec.partition(":")
    try:
        fn = getattr(importlib.import_module(module_name), func_name or "clean")
    except (ImportError, AttributeError) as exc:
        raise BenchError(f"cannot load cleaner {spec!r}: {exc}") from None
    if not disable:
        return lambda text: _text_of(fn(text))

    from cleantext import default_pipeline, lang

    try:
        default_pipeline().without(*disable)
    except KeyError as exc:
        raise BenchError(f"--disable: {exc.args[0]}") from None
    pipelines: dict[str | None, Any] = {}

    def run(text: str) -> str:
        language, _ = lang.guess(text)
        if language not in pipelines:
            pipelines[language] = default_pipeline(language).without(*disable)
        return _text_of(fn(text, pipeline=pipelines[language], language=language))

    return run


def _text_of(result: Any) -> str:
    return result if isinstance(result, str) else str(result.text)


_worker_cleaners: dict[str, Cleaner] = {}
_worker_setup: tuple[str, tuple[str, ...]] = (DEFAULT_CLEANER, ())


def _init_worker(spec: str, disable: tuple[str, ...]) -> None:
    global _worker_setup
    _worker_setup = (spec, disable)
    _worker_cleaners.clear()


# Cleaning once before timing keeps one-time set-up (stoplists, compiled tables) out of MB/s.
_WARM_UP = "Cleaning this sentence once loads the tables, so that the timing leaves them out.\n"


def _cleaner_for(kind: Kind) -> Cleaner:
    spec, disable = _worker_setup
    spec = kind.cleaner or spec
    if spec not in _worker_cleaners:
        cleaner = load_cleaner(spec, disable)
        cleaner(_WARM_UP)
        _worker_cleaners[spec] = cleaner
    return _worker_cleaners[spec]


def score_page(task: tuple[str, str, str]) -> dict[str, Any]:
    """Load, clean and score one page of one kind; errors come back as ``{"error": …}``."""
    folder_s, page_id, kind_name = task
    folder, kind = Path(folder_s), KINDS[kind_name]
    where = folder / f"{page_id}.{kind.source}"
    try:
        meta = json.loads(_read(folder / f"{page_id}.json"))
        gold_path = folder / f"{page_id}.gold.txt"
        gold = _read(gold_path) if gold_path.exists() else None
        text = kind.load(folder, page_id)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        return {"error": f"{where}: cannot read page: {exc}"}
    with_, without = meta.get("with", []), meta.get("without", [])
    try:
        cleaner = _cleaner_for(kind)
        t0 = time.process_time()
        output = cleaner(text)
        seconds = time.process_time() - t0
    except BenchError as exc:
        return {"error": str(exc)}
    except Exception as exc:
        return {"error": f"{where}: cleaner failed: {type(exc).__name__}: {exc}"}
    record: dict[str, Any] = {
        "id": page_id,
        "split": split_of(page_id),
        "lang": meta.get("lang"),
        "domain": meta.get("domain"),
        "bytes": len(text.encode("utf-8")),
        "seconds": seconds,
        "clean": score_output(output, gold, with_, without),
    }
    if kind.baseline:
        record["none"] = score_output(text, gold, with_, without)
    return record


# --------------------------------------------------------------------------------------------
# Running


def page_ids(folder: Path) -> list[str]:
    """Every page ID of a folder (one ``ID.json`` per page), sorted."""
    return sorted(p.name[: -len(".json")] for p in folder.glob("*.json"))


def select(ids: Sequence[str], split: str) -> list[str]:
    if split in ("all", "both"):
        return list(ids)
    return [i for i in ids if split_of(i) == split]


def _progress(tasks: int) -> Any:
    if not sys.stderr.isatty():
        return None
    try:
        from tqdm import tqdm
    except ImportError:
        return None
    return tqdm(total=tasks, unit="page", leave=False, file=sys.stderr)


def run(
    jobs_list: Sequence[tuple[Path, str]],
    *,
    split: str = "all",
    limit: int | None = None,
    jobs: int | None = None,
    cleaner: str = DEFAULT_CLEANER,
    disable: Sequence[str] = (),
) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """Score every (folder, kind) on the pages of ``split``; returns the page records of each."""
    load_cleaner(cleaner, disable)  # fail early, in one line, on a bad spec or filter name
    tasks: list[tuple[str, str, str]] = []
    for folder, kind in jobs_list:
        if not folder.is_dir():
            raise BenchError(f"{folder}: bench folder not found")
        if kind not in KINDS:
            raise BenchError(f"unknown kind {kind!r}; known: {', '.join(KINDS)}")
        ids = [
            i
            for i in select(page_ids(folder), split)
            if (folder / f"{i}.{KINDS[kind].source}").exists()
        ]
        if not ids:
            raise BenchError(f"{folder}: no pages of kind {kind!r} (no ID.{KINDS[kind].source})")
        tasks += [(str(folder), i, kind) for i in ids[:limit]]
    results: dict[tuple[str, str], list[dict[str, Any]]] = {
        (folder.name, kind): [] for folder, kind in jobs_list
    }
    bar = _progress(len(tasks))
    jobs = max(1, jobs or os.cpu_count() or 1)
    setup = (cleaner, tuple(disable))
    records: Iterator[dict[str, Any]]
    if jobs == 1:
        _init_worker(*setup)
        records = map(score_page, tasks)
        pool = None
    else:
        pool = Pool(jobs, initializer=_init_worker, initargs=setup)
        records = pool.imap(score_page, tasks, chunksize=4)
    try:
        for task, record in zip(tasks, records, strict=True):
            if "error" in record:
                raise BenchError(record["error"])
            results[(Path(task[0]).name, task[2])].append(record)
            if bar is not None:
                bar.update()
    finally:
        if bar is not None:
            bar.close()
        if pool is not None:
            pool.terminate()
    return results


# --------------------------------------------------------------------------------------------
# Reporting


def _num(x: float | None) -> str:
    return "—" if x is None else f"{x:.3f}"


def _pct(x: float | None) -> str:
    return "—" if x is None else f"{100 * x:.1f}%"


def _frac(counts: Sequence[int]) -> str:
    """``[n, good]`` as ``"good/n"``: snippets found (with) or absent (without) of those counted."""
    return f"{counts[1]}/{counts[0]}"


def _splits(split: str) -> list[str]:
    return ["dev", "held"] if split == "both" else [split]


def summary_rows(
    results: dict[tuple[str, str], list[dict[str, Any]]], split: str, label: str
) -> list[dict[str, Any]]:
    rows = []
    for (folder, kind), pages in results.items():
        for s in _splits(split):
            chosen = [p for p in pages if s == "all" or p["split"] == s]
            sides = [("none", "none")] if chosen and "none" in chosen[0] else []
            for side, name in [*sides, ("clean", label)]:
                row = {"folder": folder, "kind": kind, "split": s, "cleaner": name}
                row.update(summarize(chosen, side))
                rows.append(row)
    return rows


def table(rows: Sequence[dict[str, Any]]) -> str:
    head = "| folder | kind | split | cleaner | pages | P | R | F1 | with | without | MB/s |"
    lines = [head, "|" + "---|" * head.count(" | ") + "---|"]
    for r in rows:
        speed = r.get("mb_per_s")
        lines.append(
            f"| {r['folder']} | {r['kind']} | {r['split']} | {r['cleaner']} | {r['pages']} "
            f"| {_num(r['p'])} | {_num(r['r'])} | {_num(r['f1'])} | {_pct(r['with_found'])} "
            f"| {_pct(r['without_absent'])} | {'—' if speed is None else f'{speed:.1f}'} |"
        )
    return "\n".join(lines)


def _shift(before: float | None, after: float | None) -> str:
    """``"11.7→40.9"``: a share in percent before and after cleaning."""
    if after is None:
        return "—"
    return f"{100 * after:.1f}" if before is None else f"{100 * before:.1f}→{100 * after:.1f}"


def language_table(results: dict[tuple[str, str], list[dict[str, Any]]], split: str) -> str | None:
    """Snippet shares per language, none→cleaner in percent, for pages that carry ``lang``."""
    splits = _splits(split)
    lines: list[str] = []
    for (folder, kind), pages in results.items():
        if not pages or pages[0].get("lang") is None:
            continue
        for lang, _ in Counter(p["lang"] for p in pages).most_common():
            cells = []
            for s in splits:
                ps = [p for p in pages if p["lang"] == lang and (s == "all" or p["split"] == s)]
                if not ps:
                    cells += ["0", "", ""]
                    continue
                c = summarize(ps, "clean")
                b = summarize(ps, "none") if "none" in ps[0] else {}
                cells += [
                    str(len(ps)),
                    _shift(b.get("with_found"), c["with_found"]),
                    _shift(b.get("without_absent"), c["without_absent"]),
                ]
            lines.append(f"| {folder}/{kind} | {lang} | " + " | ".join(cells) + " |")
    if not lines:
        return None
    head = "| snippets | lang | " + " | ".join(
        f"{s} pages | {s} with | {s} without" for s in splits
    )
    return "\n".join([head + " |", "|---|---|" + "---|" * 3 * len(splits), *lines])


def worst(results: dict[tuple[str, str], list[dict[str, Any]]], split: str, k: int) -> str:
    """The k worst pages of each (folder, kind): lowest F1, or most snippet misses."""
    out = []
    for (folder, kind), pages in results.items():
        chosen = [p for p in pages if split in ("all", "both") or p["split"] == split]
        if not chosen:
            continue
        has_gold = chosen[0]["clean"]["f1"] is not None
        out.append(f"\nworst {min(k, len(chosen))} of {folder}/{kind} ({split}):")
        w = max(len(p["id"]) for p in chosen)
        if has_gold:
            chosen.sort(key=lambda p: (p["clean"]["f1"], p["id"]))
            out.append(f"{'id':<{w}} split P     R     F1    none  with  without domain")
            for p in chosen[:k]:
                c, b = p["clean"], p.get("none", {})
                out.append(
                    f"{p['id']:<{w}} {p['split']:<5} {c['p']:.3f} {c['r']:.3f} {c['f1']:.3f} "
                    f"{_num(b.get('f1'))} {_frac(c['with']):<5} {_frac(c['without']):<7} "
                    f"{p.get('domain') or ''}"
                )
        else:

            def misses(p: dict[str, Any]) -> int:
                c = p["clean"]
                return int(c["with"][0] - c["with"][1] + c["without"][0] - c["without"][1])

            chosen.sort(key=lambda p: (-misses(p), p["id"]))
            out.append(f"{'id':<{w}} split lang with  without")
            for p in chosen[:k]:
                c = p["clean"]
                out.append(
                    f"{p['id']:<{w}} {p['split']:<5} {p.get('lang') or '?':<4} "
                    f"{_frac(c['with']):<5} {_frac(c['without'])}"
                )
    return "\n".join(out)


def speed_line(results: dict[tuple[str, str], list[dict[str, Any]]], jobs: int) -> str:
    parts = []
    for (folder, kind), pages in results.items():
        seconds = sum(p["seconds"] for p in pages)
        mb = sum(p["bytes"] for p in pages) / 1e6
        if seconds > 0:
            parts.append(
                f"{folder}/{kind} {mb:.1f} MB in {seconds:.1f} s = {mb / seconds:.1f} MB/s"
            )
    return f"cleaning speed, CPU time on one core ({jobs} workers): " + "; ".join(parts)


# --------------------------------------------------------------------------------------------
# Gate and pinning


def _floor_down(x: float, margin: float) -> float:
    return max(0.0, math.floor((x - margin) * 10_000) / 10_000)


GATE_METRICS = ("f1", "with_found", "without_absent")


def gate_scores(rows: Sequence[dict[str, Any]]) -> dict[str, dict[str, dict[str, float]]]:
    """The cleaner's gated scores: folder -> kind -> metric -> value (split ``all``)."""
    out: dict[str, dict[str, dict[str, float]]] = {}
    for r in rows:
        if r["cleaner"] == "none" or r["split"] != "all":
            continue
        metrics = {m: r[m] for m in GATE_METRICS if r[m] is not None}
        out.setdefault(r["folder"], {})[r["kind"]] = metrics
    return out


def check_floors(
    scores: dict[str, dict[str, dict[str, float]]], floors: dict[str, Any]
) -> list[str]:
    """One line per score below its floor, or per floor with no score to compare."""
    failures = []
    for folder, kinds in floors.items():
        for kind, metrics in kinds.items():
            for metric, floor in metrics.items():
                got = scores.get(folder, {}).get(kind, {}).get(metric)
                if got is None:
                    failures.append(f"{folder}/{kind} {metric}: no score (floor {floor:.4f})")
                elif got < floor:
                    failures.append(f"{folder}/{kind} {metric} {got:.4f} < floor {floor:.4f}")
    return failures


def _gate_plan(floors_path: Path) -> tuple[dict[str, Any], dict[str, list[str]]]:
    if floors_path.exists():
        try:
            data = json.loads(floors_path.read_text(encoding="utf-8"))
            plan = {folder: list(kinds) for folder, kinds in data["floors"].items()}
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise BenchError(f"{floors_path}: not a floors file: {exc}") from None
        return data, plan
    return {}, {folder: list(kinds) for folder, kinds in GATE_DEFAULT.items()}


def _bench_name(bench: Path) -> str:
    try:
        return os.path.relpath(bench, ROOT)
    except ValueError:
        return str(bench)


def gate_or_pin(args: argparse.Namespace) -> int:
    pinning = args.pin is not None
    floors_path = Path(args.pin if pinning else args.gate)
    bench = Path(args.bench)
    if not bench.is_dir():
        print(f"skipped: {_bench_name(bench)} not found")
        return 0
    data, plan = _gate_plan(floors_path)
    if not pinning and not floors_path.exists():
        raise BenchError(f"{floors_path}: floors file not found")
    started = time.perf_counter()
    jobs_list = [(bench / folder, kind) for folder, kinds in plan.items() for kind in kinds]
    results = run(
        jobs_list, split="all", jobs=args.jobs, cleaner=args.cleaner, disable=args.disable
    )
    rows = summary_rows(results, "all", _label(args))
    print(table(rows))
    scores = gate_scores(rows)
    elapsed = time.perf_counter() - started
    if pinning:
        margin = float(data.get("margin", MARGIN))
        old = data.get("floors", {})
        floors = {
            folder: {
                kind: {m: _floor_down(v, margin) for m, v in metrics.items()}
                for kind, metrics in kinds.items()
            }
            for folder, kinds in scores.items()
        }
        lowered = [
            f"{folder}/{kind} {m} {old[folder][kind][m]:.4f} -> {v:.4f}"
            for folder, kinds in floors.items()
            for kind, metrics in kinds.items()
            for m, v in metrics.items()
            if m in old.get(folder, {}).get(kind, {}) and v < old[folder][kind][m]
        ]
        out = {"_comment": data.get("_comment", FLOORS_COMMENT), "margin": margin, "floors": floors}
        _atomic_write(floors_path, json.dumps(out, indent=2, ensure_ascii=False) + "\n")
        print(f"\npinned {floors_path} (scores minus {margin}) in {elapsed:.1f} s")
        for line in lowered:
            print(f"LOWERED {line}  (needs a CHANGELOG.md line with the reason)")
        return 0
    failures = check_floors(scores, data["floors"])
    for line in failures:
        print(f"FAIL {line}")
    n = sum(len(m) for kinds in data["floors"].values() for m in kinds.values())
    verdict = (
        f"{len(failures)} of {n} below their floors"
        if failures
        else f"all {n} at or above their floors"
    )
    print(f"\ngate: {verdict} ({floors_path}, {elapsed:.1f} s)")
    return 1 if failures else 0


# --------------------------------------------------------------------------------------------
# Command line


def _label(args: argparse.Namespace) -> str:
    name = "cleantext" if args.cleaner == DEFAULT_CLEANER else args.cleaner
    return name + "".join(f" -{d}" for d in args.disable)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(
        description="Score a cleaner on a bench folder (bag-of-words F1 and snippets).",
        epilog="Kinds: " + "; ".join(f"{k.name} = {k.doc}" for k in KINDS.values()),
    )
    ap.add_argument(
        "--folder",
        action="append",
        type=Path,
        help=f"bench folder, repeatable (default {_bench_name(DEFAULT_FOLDER)})",
    )
    ap.add_argument(
        "--kind",
        action="append",
        choices=sorted(KINDS),
        help="input kind, repeatable (default: every kind the folder has)",
    )
    ap.add_argument(
        "--split",
        choices=SPLITS,
        default="both",
        help="pages to score: dev, held, all, or both = dev and held side by side (default)",
    )
    ap.add_argument(
        "--limit", type=int, help="score only the first N pages (by ID) of each folder/kind"
    )
    ap.add_argument(
        "--jobs", type=int, default=os.cpu_count(), help="worker processes (default: cores)"
    )
    ap.add_argument("--json", type=Path, help="write the summary and per-page scores to this file")
    ap.add_argument(
        "--worst", type=int, default=0, metavar="K", help="list the K worst pages per folder/kind"
    )
    ap.add_argument(
        "--cleaner",
        default=DEFAULT_CLEANER,
        help="module:function returning .text (default cleantext:clean)",
    )
    ap.add_argument(
        "--disable",
        action="append",
        default=[],
        metavar="NAME",
        help="drop this filter from the default pipeline (repeatable)",
    )
    ap.add_argument(
        "--gate",
        metavar="FLOORS",
        help="score the kinds named in FLOORS on all pages; exit 1 if any is below its floor",
    )
    ap.add_argument(
        "--pin", metavar="FLOORS", help="write the current scores minus the margin as the floors"
    )
    ap.add_argument(
        "--bench", default=str(BENCH), help="bench root for --gate/--pin (default ../shared/bench)"
    )
    args = ap.parse_args(argv)
    if args.gate and args.pin:
        ap.error("give --gate or --pin, not both")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    try:
        if args.gate or args.pin:
            return gate_or_pin(args)
        folders = args.folder or [DEFAULT_FOLDER]
        jobs_list = []
        for folder in folders:
            if not folder.is_dir():
                raise BenchError(f"{folder}: bench folder not found")
            ids = page_ids(folder)
            kinds = args.kind or [
                k.name for k in KINDS.values() if ids and (folder / f"{ids[0]}.{k.source}").exists()
            ]
            jobs_list += [(folder, kind) for kind in kinds]
        started = time.perf_counter()
        results = run(
            jobs_list,
            split=args.split,
            limit=args.limit,
            jobs=args.jobs,
            cleaner=args.cleaner,
            disable=args.disable,
        )
        wall = time.perf_counter() - started
        rows = summary_rows(results, args.split, _label(args))
        print(table(rows))
        langs = language_table(results, args.split)
        if langs:
            print("\n" + langs)
        if args.worst:
            print(worst(results, args.split, args.worst))
        print("\n" + speed_line(results, max(1, args.jobs or 1)) + f"; wall {wall:.1f} s")
        if args.json:
            payload = {
                "cleaner": args.cleaner,
                "disable": args.disable,
                "split": args.split,
                "rows": rows,
                "pages": {f"{f}/{k}": pages for (f, k), pages in results.items()},
            }
            _atomic_write(args.json, json.dumps(payload, ensure_ascii=False) + "\n")
        return 0
    except BenchError as exc:
        print(f"quality.py: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
