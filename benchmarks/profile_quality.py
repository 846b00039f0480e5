#!/usr/bin/env python3
"""Site profiles: what a learned profile removes on top of the default pipeline, and what it costs.

Two corpora, each grouped by site:

* ``bench``: the pages of ``../shared/bench/wcxb-dev`` (``ID.page.txt``), grouped by the host
  of the URL in ``ID.json`` (``cleantext.profile.site_of``). The bench has at most three pages
  per site, so profiles need ``min_docs`` of 2 or 3 there.
* ``synthetic``: a seeded corpus of made-up outlets (``benchmarks/profile_outlets.json``), each
  wrapping every article in its own header, menu, byline, share row, teaser block and footer.
  The article bodies are the bench's gold texts; some articles also carry a syndicated wire
  story (a headline and paragraphs, the same words in several outlets), which is article text.

For each setting of ``(min_docs, min_share)`` a profile is learned on the whole corpus with
``cleantext.profile.learn`` (as ``cleantext learn`` does; no gold is looked at), then every
document of a group with learned lines is cleaned twice: by the default pipeline, and by the
default pipeline with the profile's filter before ``body`` (as ``cleantext --profile`` does).
A line is *removed* when the pipeline removed all of it (``Pipeline.run_with_lines``); blank
lines are not counted. *Extra* lines are those the profiled pipeline removes and the default
one keeps.

Gold lines. On the synthetic corpus every line's origin is known: a line is gold when it comes
from the article body, wire when it comes from a wire story, furniture otherwise. On the bench a
removed line is gold when its words occur in the page's ``ID.gold.txt`` as a whole line
(*exact*) or as a contiguous run of one line's words (*inside*). Words are the ``\\w+`` runs of
the normalised line (``cleantext.profile.normalise``: case-folded, digits as 0), so spacing,
case and punctuation do not matter, and a run never spans two gold lines. A line without words
(``|``, ``•``) is never gold. *Inside* over-counts on purpose: a one-word line such as "Share"
is counted as gold when a gold sentence contains the word; ``--show`` lists the lines so that
a reader can judge.

BoW F1 (``benchmarks/quality.py``'s score) is averaged over the *affected* documents, those
where the profile removed at least one extra line, before (default) and after (profiled).

Held-out view: ``--split dev`` scores only dev pages of the bench and builds the synthetic
corpus from dev pages' gold texts; ``--split held`` uses the held-out pages
(``benchmarks/split.py``) for both. Profiles are always learned on every document of the
corpus (learning is unsupervised); the split only chooses which documents are scored and which
gold texts the synthetic articles are made of.

Usage (from the repository root; about a minute)::

    python benchmarks/profile_quality.py                     # both corpora, dev and held
    python benchmarks/profile_quality.py --corpus bench --split dev --show 30
    python benchmarks/profile_quality.py --corpus synthetic --outlets 6 --docs 40 --seed 1

Exits 0 with a message when ``../shared/bench/wcxb-dev`` is absent.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import regex

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.quality import bow_scores  # noqa: E402
from benchmarks.split import split_of  # noqa: E402
from cleantext import default_pipeline, lang  # noqa: E402
from cleantext.page import Page  # noqa: E402
from cleantext.profile import Profile, learn, normalise, site_of  # noqa: E402
from cleantext.result import Result  # noqa: E402

BENCH = ROOT.parent / "shared" / "bench" / "wcxb-dev"
OUTLETS = Path(__file__).with_name("profile_outlets.json")
BENCH_SETTINGS = ((5, 0.3), (3, 1.0), (2, 1.0), (2, 0.5))
SYNTHETIC_SETTINGS = ((5, 0.3), (10, 0.5), (3, 0.1), (2, 0.05))
SPLITS = ("dev", "held", "all", "both")
PLACES = ("before-body", "after-body")
WIRE_CHANCE = 0.4
MONTHS = "January February March April May June July August September October November December"
_WORD = regex.compile(r"\w+")

GOLD, WIRE, FURNITURE = "gold", "wire", "furniture"
Lines = list[tuple[str, str]]  # (line, kind)


# --------------------------------------------------------------------------------------------
# Documents


@dataclass
class Doc:
    """One document: its site, text and gold text; ``kinds`` labels each line's origin
    (synthetic corpus) as spans ``(start offset, kind)``; None means "match against gold"."""

    id: str
    group: str
    text: str
    gold: str
    scored: bool = True
    kinds: list[tuple[int, str]] | None = None


def _read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def bench_ids(folder: Path) -> list[str]:
    return sorted(p.name[: -len(".json")] for p in folder.glob("*.json"))


def bench_docs(folder: Path, split: str) -> list[Doc]:
    """Every page of the bench folder, grouped by its URL's host; ``split`` marks the scored."""
    docs = []
    for i in bench_ids(folder):
        meta = json.loads(_read(folder / f"{i}.json"))
        docs.append(
            Doc(
                i,
                site_of(meta.get("url") or meta.get("domain") or i),
                _read(folder / f"{i}.page.txt"),
                _read(folder / f"{i}.gold.txt"),
                split == "all" or split_of(i) == split,
            )
        )
    return docs


def _fill(template: str, rng: random.Random, outlet: dict[str, Any]) -> str:
    """A template line with its per-document fields filled (only those it names)."""
    values: dict[str, Any] = {}
    if "{author}" in template:
        values["author"] = rng.choice(outlet["authors"])
    if "{date}" in template:
        values["date"] = (
            f"{rng.randint(1, 28)} {rng.choice(MONTHS.split())} {rng.randint(2019, 2025)}"
        )
    if "{year}" in template:
        values["year"] = rng.randint(2019, 2025)
    if "{n}" in template:
        values["n"] = rng.randint(1, 240)
    if "{tags}" in template:
        values["tags"] = ", ".join(rng.sample(outlet["tags"], rng.randint(1, 3)))
    return template.format(**values)


def _furniture(lines: Iterable[str], rng: random.Random, outlet: dict[str, Any]) -> Lines:
    return [(_fill(t, rng, outlet), FURNITURE) for t in lines]


def synthetic_docs(
    bodies: Sequence[str], *, outlets: int, docs: int, seed: int, data: dict[str, Any]
) -> list[Doc]:
    """``outlets`` x ``docs`` documents: each article body (a gold text, used once) wrapped in
    its outlet's furniture, some with a wire story after the first paragraph. Deterministic
    for a given seed and list of bodies."""
    rng = random.Random(seed)
    templates = data["outlets"]
    if outlets > len(templates):
        raise SystemExit(f"--outlets: at most {len(templates)} outlets are defined in {OUTLETS}")
    if outlets * docs > len(bodies):
        raise SystemExit(
            f"{outlets} x {docs} documents need {outlets * docs} gold texts; "
            f"there are {len(bodies)}"
        )
    pool = list(bodies)
    rng.shuffle(pool)
    out = []
    for o in range(outlets):
        outlet = templates[o]
        wires = [w for w in data["wire"] if o in w["outlets"]]
        furniture = partial(_furniture, rng=rng, outlet=outlet)
        for d in range(docs):
            parts: Lines = []
            parts += furniture(outlet["header"])
            if "most_read" in outlet:
                parts += furniture([outlet["most_read_heading"]])
                parts += furniture(rng.sample(outlet["most_read"], outlet["most_read_shown"]))
            parts += furniture([outlet["byline"]])
            lines = (s.strip() for s in pool[o * docs + d].splitlines())
            body = [(s, GOLD) for s in lines if s]
            at = 1  # after the article's first paragraph
            for w in wires:
                if rng.random() < WIRE_CHANCE:
                    body[at:at] = [(s, WIRE) for s in w["lines"]]
                    at += len(w["lines"])
            parts.extend(body)
            parts += furniture(outlet["after"])
            parts += furniture([outlet["teaser_heading"]])
            parts += furniture(rng.sample(outlet["teasers"], outlet["teasers_shown"]))
            parts += furniture(outlet["footer"])
            text, kinds, pos = [], [], 0
            for line, kind in parts:
                kinds.append((pos, kind))
                text.append(line)
                pos += len(line) + 2
            gold = "\n\n".join(line for line, kind in parts if kind != FURNITURE) + "\n"
            out.append(
                Doc(
                    f"{outlet['name']}/{d}",
                    outlet["name"],
                    "\n\n".join(text) + "\n",
                    gold,
                    True,
                    kinds,
                )
            )
    return out


# --------------------------------------------------------------------------------------------
# Gold lines


def words(line: str) -> str:
    """The ``\\w+`` runs of the normalised line, joined by single spaces."""
    return " ".join(_WORD.findall(normalise(line)))


@dataclass
class GoldIndex:
    """The gold text's lines as word runs, for exact and inside matching in linear time."""

    text: str

    def __post_init__(self) -> None:
        lines = (words(s) for s in self.text.splitlines())
        self.index = "\n" + "\n".join(f" {w} " for w in lines if w) + "\n"

    def match(self, line: str) -> str | None:
        """``"exact"``, ``"inside"`` or None: how ``line`` occurs in the gold text."""
        w = words(line)
        if not w:
            return None
        if f"\n {w} \n" in self.index:
            return "exact"
        return "inside" if f" {w} " in self.index else None


# --------------------------------------------------------------------------------------------
# Cleaning and counting


@dataclass
class Cleaned:
    """One document cleaned by the default pipeline: its page and which lines went."""

    doc: Doc
    page: Page
    removed: list[bool]
    text: str


def clean_default(doc: Doc) -> Cleaned:
    """What ``cleantext.clean(doc.text)`` does, keeping the page and the removed lines."""
    language, _ = lang.guess(doc.text)
    page = Page(doc.text, lang.stopwords(language or "en"), language=language)
    removals, removed = default_pipeline(language).run_with_lines(page)
    return Cleaned(doc, page, removed, Result(doc.text, tuple(removals)).text)


def restrict(profile: Profile, min_docs: int, min_share: float) -> Profile:
    """The profile ``learn`` would return at a stricter setting, from a permissive one."""
    return profile.restricted(min_docs, min_share)


@dataclass
class Row:
    """One setting's counts over the scored documents."""

    setting: str
    documents: int = 0
    groups: int = 0
    learned_groups: int = 0
    learned_lines: int = 0
    docs_in_groups: int = 0
    default_lines: int = 0
    extra_lines: int = 0
    extra_chars: int = 0
    restored_lines: int = 0
    by_profile: int = 0
    gold_exact: int = 0
    gold_inside: int = 0
    gold_by_profile: int = 0
    wire: int = 0
    furniture: int = 0
    furniture_left: int = 0
    affected: int = 0
    f1_before: float = 0.0
    f1_after: float = 0.0
    lost: list[tuple[str, str, str, str]] = field(default_factory=list)


def _kind_of(doc: Doc, page: Page, i: int) -> str:
    assert doc.kinds is not None
    starts = [s for s, _ in doc.kinds]
    return doc.kinds[bisect_right(starts, page.starts[i]) - 1][1]


def evaluate(
    docs: Sequence[Doc],
    cleaned: dict[str, Cleaned],
    permissive: Profile,
    min_docs: int,
    min_share: float,
    place: str,
) -> Row:
    """Counts for one setting; ``cleaned`` holds the default run of every document that could
    be in a group with learned lines. ``place`` is ``before-body`` (where ``cleantext
    --profile`` puts the profile's filter) or ``after-body``."""
    profile = restrict(permissive, min_docs, min_share)
    sizes = Counter(d.group for d in docs)
    row = Row(f"{min_docs}, {min_share:g}, {place}")
    scored = [d for d in docs if d.scored]
    row.documents = len(scored)
    row.groups = sum(n >= min_docs for n in sizes.values())
    row.learned_groups = len(profile.groups)
    row.learned_lines = len(profile)
    f1_before: list[float] = []
    f1_after: list[float] = []
    pipelines = {}
    for d in scored:
        if d.group not in profile.groups:
            continue
        c = cleaned[d.id]
        row.docs_in_groups += 1
        stripped = c.page.stripped
        row.default_lines += sum(1 for i, s in enumerate(stripped) if s and c.removed[i])
        if d.kinds is not None:
            kinds = [_kind_of(d, c.page, i) if s else "" for i, s in enumerate(stripped)]
        if d.group not in pipelines:
            base = default_pipeline(c.page.language)
            where = {"before": "body"} if place == "before-body" else {"after": "body"}
            pipelines[d.group] = base.with_filter(profile.filter(d.group), **where)
        removals, removed = pipelines[d.group].run_with_lines(c.page)
        starts = [r.start for r in removals]
        extra = [i for i, s in enumerate(stripped) if s and removed[i] and not c.removed[i]]
        row.restored_lines += sum(
            1 for i, s in enumerate(stripped) if s and c.removed[i] and not removed[i]
        )
        if d.kinds is not None:
            row.furniture_left += sum(
                1 for i, k in enumerate(kinds) if k == FURNITURE and not removed[i]
            )
        if not extra:
            continue
        row.affected += 1
        row.extra_lines += len(extra)
        row.extra_chars += sum(len(stripped[i]) for i in extra)
        gold = GoldIndex(d.gold) if d.kinds is None else None
        for i in extra:
            removal = removals[bisect_right(starts, c.page.starts[i]) - 1]
            mine = removal.filter == "profile"
            row.by_profile += mine
            if gold is not None:
                how = gold.match(stripped[i])
                row.gold_exact += how == "exact"
                row.gold_inside += how == "inside"
            else:
                how = kinds[i] if kinds[i] != FURNITURE else None
                row.gold_exact += how == GOLD
                row.wire += how == WIRE
                row.furniture += how is None
            if how is not None:
                row.gold_by_profile += mine
                reason = f"{removal.filter}: {removal.reason}"
                row.lost.append((d.id, how, stripped[i], reason))
        after = Result(d.text, tuple(removals)).text
        f1_before.append(bow_scores(c.text, d.gold)[2])
        f1_after.append(bow_scores(after, d.gold)[2])
    if f1_before:
        row.f1_before = sum(f1_before) / len(f1_before)
        row.f1_after = sum(f1_after) / len(f1_after)
    return row


def run(
    docs: Sequence[Doc], settings: Sequence[tuple[int, float]], places: Sequence[str]
) -> list[Row]:
    """Learn once at the most permissive setting, clean each candidate once, score each."""
    lowest_docs = min(m for m, _ in settings)
    lowest_share = min(s for _, s in settings)
    permissive = learn(
        ((d.group, d.text) for d in docs), min_docs=lowest_docs, min_share=lowest_share
    )
    cleaned = {d.id: clean_default(d) for d in docs if d.scored and d.group in permissive.groups}
    return [
        evaluate(docs, cleaned, permissive, m, s, place) for place in places for m, s in settings
    ]


# --------------------------------------------------------------------------------------------
# Reporting


def _f1(row: Row) -> str:
    if not row.affected:
        return "–"
    return f"{row.f1_before:.3f} → {row.f1_after:.3f}"


def _extra(row: Row) -> str:
    return f"{row.extra_lines} ({row.extra_chars:,} ch)"


def bench_table(rows: Sequence[Row]) -> list[str]:
    """Markdown: one row per setting of the bench grouped by site."""
    out = [
        "| min_docs, min_share, profile | pages | sites ≥ min_docs | sites with lines | "
        "pages there | removed by default | extra removed | by profile / knock-on | "
        "extra gold: exact + inside (by profile) | BoW F1 on affected pages |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for r in rows:
        out.append(
            f"| {r.setting} | {r.documents} | {r.groups} | {r.learned_groups} | "
            f"{r.docs_in_groups} | {r.default_lines} | {_extra(r)} | "
            f"{r.by_profile} / {r.extra_lines - r.by_profile} | "
            f"{r.gold_exact} + {r.gold_inside} ({r.gold_by_profile}) | "
            f"{_f1(r)} ({r.affected}) |"
        )
    return out


def synthetic_table(rows: Sequence[Row]) -> list[str]:
    """Markdown: one row per setting of the synthetic outlets."""
    out = [
        "| min_docs, min_share, profile | documents | lines learned | removed by default | "
        "extra removed | by profile / knock-on | extra furniture | gold lost (by profile) | "
        "wire lost | furniture left | BoW F1 on affected docs |",
        "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for r in rows:
        out.append(
            f"| {r.setting} | {r.documents} | {r.learned_lines} | {r.default_lines} | "
            f"{_extra(r)} | {r.by_profile} / {r.extra_lines - r.by_profile} | "
            f"{r.furniture} | {r.gold_exact} ({r.gold_by_profile}) | {r.wire} | "
            f"{r.furniture_left} | {_f1(r)} ({r.affected}) |"
        )
    return out


def show_lost(rows: Sequence[Row], limit: int) -> list[str]:
    """Up to ``limit`` of the gold (or wire) lines each setting removed, with the reason."""
    out = []
    for r in rows:
        if not r.lost or not limit:
            continue
        out.append(f"  {r.setting}: {len(r.lost)} gold or wire lines removed on top")
        for doc_id, how, line, reason in r.lost[:limit]:
            out.append(f"    {doc_id} [{how}] {line[:70]!r} — {reason[:110]}")
    return out


# --------------------------------------------------------------------------------------------
# Main


def settings_arg(value: str) -> list[tuple[int, float]]:
    """``5:0.3,2:1`` as ``[(5, 0.3), (2, 1.0)]``."""
    try:
        pairs = [p.split(":") for p in value.split(",")]
        return [(int(m), float(s)) for m, s in pairs]
    except ValueError:
        raise argparse.ArgumentTypeError("settings are MIN_DOCS:MIN_SHARE,…") from None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bench", type=Path, default=BENCH, help="wcxb-dev folder")
    ap.add_argument("--corpus", choices=("bench", "synthetic", "both"), default="both")
    ap.add_argument("--split", choices=SPLITS, default="both", help="pages scored / gold used")
    ap.add_argument("--outlets", type=int, default=6, help="synthetic outlets (default 6)")
    ap.add_argument(
        "--docs",
        type=int,
        help="synthetic documents per outlet (default: 40 "
        "for dev and all, 25 for held, which has fewer pages)",
    )
    ap.add_argument("--seed", type=int, default=0, help="synthetic corpus seed (default 0)")
    ap.add_argument("--bench-settings", type=settings_arg, default=list(BENCH_SETTINGS))
    ap.add_argument("--synthetic-settings", type=settings_arg, default=list(SYNTHETIC_SETTINGS))
    ap.add_argument(
        "--place",
        choices=(*PLACES, "both"),
        default="both",
        help="where the profile's filter runs: before body (as cleantext --profile) or after",
    )
    ap.add_argument("--show", type=int, default=0, help="list up to N lost lines per setting")
    args = ap.parse_args(argv)
    if not args.bench.is_dir() or not any(args.bench.glob("*.gold.txt")):
        print(
            f"profile_quality: {args.bench} not found (is ../shared there?); nothing to do",
            file=sys.stderr,
        )
        return 0
    splits = ("dev", "held") if args.split == "both" else (args.split,)
    places = PLACES if args.place == "both" else (args.place,)
    data = json.loads(_read(OUTLETS))
    for split in splits:
        if args.corpus in ("bench", "both"):
            rows = run(bench_docs(args.bench, split), args.bench_settings, places)
            print(f"\nBench pages grouped by site ({args.bench.name}, {split} pages scored)\n")
            print("\n".join(bench_table(rows)))
            print("\n".join(show_lost(rows, args.show)))
        if args.corpus in ("synthetic", "both"):
            ids = bench_ids(args.bench)
            ids = ids if split == "all" else [i for i in ids if split_of(i) == split]
            bodies = [g for g in (_read(args.bench / f"{i}.gold.txt") for i in ids) if g.strip()]
            per = args.docs or (25 if split == "held" else 40)
            docs = synthetic_docs(bodies, outlets=args.outlets, docs=per, seed=args.seed, data=data)
            rows = run(docs, args.synthetic_settings, places)
            print(
                f"\nSynthetic outlets ({args.outlets} x {per} documents, seed {args.seed}, "
                f"articles from {split} pages' gold texts)\n"
            )
            print("\n".join(synthetic_table(rows)))
            print("\n".join(show_lost(rows, args.show)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
