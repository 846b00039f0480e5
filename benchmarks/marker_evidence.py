"""Evidence for the marker tables: what each phrase hits on real pages, and what it must not.

Runs every section of a language's table over the lines of the benchmark pages of that
language and reports, per phrase, the lines it matches, how many of those are long prose lines
(>= 15 words), and how many ``with`` snippets (article text) sit on a matched line. The summary
then removes the matched lines (each section within the word limit its filter uses; a zone's
teaser block is not followed) and counts the ``with`` snippets lost and the ``without``
snippets gained, both sides reduced to lower-cased ``\\w`` characters as in
``benchmarks/quality.py``.

    python benchmarks/marker_evidence.py                      # all tables, summary
    python benchmarks/marker_evidence.py --lang de --phrases  # one table, per phrase
    python benchmarks/marker_evidence.py --lang de --candidates  # recurring short lines
    python benchmarks/marker_evidence.py --bench ../shared/bench/wcxb-dev --any-page --lang de

``--pipeline`` runs the whole ``cleantext.clean`` on the pages twice, with the language's
table and with it emptied (English still on), and prints both snippet shares: what the table
adds end to end, zones' teaser blocks included.

``--any-page`` runs a table over every page of the folder, whatever its language: on the
English folder it shows what a foreign table would wrongly take from English pages.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import regex

import cleantext
from cleantext import markers
from cleantext.filters import credits as fc
from cleantext.filters import markers as fm
from cleantext.filters import zones as fz

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BENCH = ROOT.parent / "shared" / "bench" / "trafilatura-multi"
LONG_WORDS = 15
# The word limits the filters put on each section (a longer line is left alone).
LIMITS = {
    "start": fm.START_MAX_WORDS,
    "whole": 10_000,
    "lead": fm.LEAD_MAX_WORDS,
    "prompt": fm.PROMPT_MAX_WORDS,
    "zone": fz.HEADING_MAX_WORDS,
    "pager": fz.HEADING_MAX_WORDS,
    "credit": fc.MAX_WORDS,
}
_W = regex.compile(r"\w")


def reduce(s: str) -> str:
    return "".join(_W.findall(s.lower()))


@dataclass
class Page:
    id: str
    url: str
    lang: str
    text: str
    lines: list[str]
    with_: list[str]
    without: list[str]


def pages(folder: Path, lang: str | None, any_page: bool) -> Iterator[Page]:
    for meta in sorted(folder.glob("*.json")):
        j = json.loads(meta.read_text(encoding="utf-8"))
        page_lang = j.get("lang", "en")
        if lang and not any_page and page_lang != lang:
            continue
        text_path = meta.with_name(meta.name[:-5] + ".page.txt")
        if not text_path.exists():
            continue
        text = text_path.read_text(encoding="utf-8")
        yield Page(
            j["id"], j.get("url", ""), page_lang, text, text.splitlines(), j["with"], j["without"]
        )


@dataclass
class PhraseStats:
    lines: int = 0
    long_lines: int = 0
    with_hits: int = 0
    without_hits: int = 0
    pages: set[str] = field(default_factory=set)
    examples: list[str] = field(default_factory=list)
    long_examples: list[str] = field(default_factory=list)


def _phrase_regex(phrase: str) -> str:
    """A phrase as the tables read it: a space is any run of spaces or hyphens, ' any
    apostrophe, {n} a number (mirrors ``cleantext.markers``, which keeps this private)."""
    words = []
    for word in phrase.split():
        if word == "{n}":
            words.append(r"\d[\d.,]{0,12}[kKmM]?")
        else:
            words.append("".join("['’`]" if c in "'’`" else regex.escape(c) for c in word))
    return r"[ \t\-]*".join(words)


def _which(section: str, matched: str, phrases: tuple[str, ...]) -> str:
    """The table phrase that produced a match (longest first, as the pattern tries them)."""
    for p in sorted(phrases, key=len, reverse=True):
        if regex.match(_phrase_regex(p), matched.strip(" \t:|»>•▶►-–—*·▪→#"), regex.I):
            return p
    return matched.lower()


def analyse(
    lang: str, folder: Path, any_page: bool
) -> tuple[dict[str, object], dict[tuple[str, str], PhraseStats]]:
    tab = markers.table(lang)
    pats = {s: tab.pattern(s) for s in markers.SECTIONS}
    per: dict[tuple[str, str], PhraseStats] = defaultdict(PhraseStats)
    n_pages = n_lines = matched_lines = 0
    by_section: Counter[str] = Counter()
    with_total = with_lost = without_total = without_gained = 0
    for page in pages(folder, lang, any_page):
        n_pages += 1
        kept: list[str] = []
        removed: list[str] = []
        for line in page.lines:
            if not line.strip():
                continue
            n_lines += 1
            words = len(line.split())
            red = reduce(line)
            low = line.lower()  # the tables' patterns run on lower-cased text, as the filters do
            hit = False
            for section, pat in pats.items():
                if pat is None:
                    continue
                if section == "credit":
                    # The credits filter asks for a bracketed line or "Word:" at its start.
                    inner = fc.BRACKETED.match(low)
                    m = pat.search(inner.group("inner")) if inner else pat.match(low.lstrip())
                    if (
                        m
                        and not inner
                        and not regex.match(r"[ \t]*[:：|/]", low.lstrip()[m.end() :])
                    ):
                        m = None
                else:
                    m = pat.search(low)
                if not m:
                    continue
                phrase = _which(section, m.group("phrase"), tab.phrases[section])
                st = per[(section, phrase)]
                st.lines += 1
                st.pages.add(page.id)
                if len(st.examples) < 3:
                    st.examples.append(line.strip()[:100])
                if words >= LONG_WORDS:
                    st.long_lines += 1
                    if len(st.long_examples) < 3:
                        st.long_examples.append(line.strip()[:160])
                st.with_hits += sum(1 for s in page.with_ if reduce(s) and reduce(s) in red)
                st.without_hits += sum(1 for s in page.without if reduce(s) and reduce(s) in red)
                if words <= LIMITS[section]:
                    by_section[section] += 1
                    hit = True
            if hit:
                matched_lines += 1
                removed.append(line)
            else:
                kept.append(line)
        before = reduce("\n".join(page.lines))
        after = reduce("\n".join(kept))
        for s in page.with_:
            r = reduce(s)
            if r and r in before:
                with_total += 1
                with_lost += r not in after
        for s in page.without:
            r = reduce(s)
            if r and r in before:
                without_total += 1
                without_gained += r not in after
    summary: dict[str, object] = {
        "lang": lang,
        "phrases": {s: len(tab.phrases[s]) for s in markers.SECTIONS},
        "pages": n_pages,
        "lines": n_lines,
        "matched_lines": matched_lines,
        "by_section": dict(by_section),
        "with_lost": f"{with_lost}/{with_total}",
        "without_removed": f"{without_gained}/{without_total}",
    }
    return summary, per


def _without_table(lang: str) -> Callable[[str], dict[str, tuple[str, ...]]]:
    original = markers.load_phrases

    def load(language: str) -> dict[str, tuple[str, ...]]:
        if language == lang:
            return {s: () for s in markers.SECTIONS}
        return original(language)

    return load


def _clear_caches() -> None:
    markers.clear_caches()
    fc._LEADING_CACHE.clear()


def pipeline_effect(lang: str, folder: Path, drop: Sequence[str] = ()) -> dict[str, object]:
    """Snippet shares of the full pipeline with the language's table and without it."""
    texts = list(pages(folder, lang, False))
    pipe = cleantext.default_pipeline().without(*drop) if drop else None
    out: dict[str, object] = {"lang": lang, "pages": len(texts)}
    original = markers.load_phrases
    for label, loader in (("with_table", original), ("without_table", _without_table(lang))):
        markers.load_phrases = loader  # type: ignore[assignment]
        _clear_caches()
        found = n_with = absent = n_without = 0
        try:
            for page in texts:
                before = reduce(page.text)
                after = reduce(cleantext.clean(page.text, pipeline=pipe, language=lang).text)
                for snip in page.with_:
                    r = reduce(snip)
                    if r and r in before:
                        n_with += 1
                        found += r in after
                for snip in page.without:
                    r = reduce(snip)
                    if r and r in before:
                        n_without += 1
                        absent += r not in after
        finally:
            markers.load_phrases = original
            _clear_caches()
        out[label] = {
            "with_found": f"{found}/{n_with} ({100 * found / max(n_with, 1):.1f}%)",
            "without_absent": f"{absent}/{n_without} ({100 * absent / max(n_without, 1):.1f}%)",
        }
    return out


def candidates(lang: str, folder: Path, top: int) -> None:
    """Short lines that recur across sites of one language: where new phrases come from."""
    sites: defaultdict[str, set[str]] = defaultdict(set)
    for page in pages(folder, lang, False):
        host = page.url.split("/")[2] if "://" in page.url else page.url
        for line in page.lines:
            s = regex.sub(r"\d+", "0", line.strip().lower())
            if 0 < len(s.split()) <= 6:
                sites[s].add(host)
    ranked = sorted(sites.items(), key=lambda kv: -len(kv[1]))[:top]
    tab = markers.table(lang)
    pats = [p for p in (tab.pattern(s) for s in markers.SECTIONS) if p is not None]
    for line, hosts in ranked:
        if len(hosts) < 2:
            break
        mark = "+" if any(p.search(line.lower()) for p in pats) else " "
        print(f"{mark} {len(hosts):4d}  {line}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--bench", type=Path, default=DEFAULT_BENCH)
    ap.add_argument("--lang", action="append", help="table(s) to check (default: all but en)")
    ap.add_argument("--any-page", action="store_true", help="run on every page, any language")
    ap.add_argument("--phrases", action="store_true", help="per-phrase report")
    ap.add_argument("--pipeline", action="store_true", help="full clean(), with vs without")
    ap.add_argument("--drop", action="append", default=[], help="with --pipeline: leave out filter")
    ap.add_argument("--candidates", type=int, metavar="N", help="top N recurring short lines")
    args = ap.parse_args(argv)
    if not args.bench.is_dir():
        print(f"marker_evidence: {args.bench}: no such benchmark folder", file=sys.stderr)
        return 1
    langs = args.lang or [lang for lang in markers.available_languages() if lang != "en"]
    for lang in langs:
        if args.candidates:
            candidates(lang, args.bench, args.candidates)
            continue
        if args.pipeline:
            print(json.dumps(pipeline_effect(lang, args.bench, args.drop), ensure_ascii=False))
            continue
        summary, per = analyse(lang, args.bench, args.any_page)
        print(json.dumps(summary, ensure_ascii=False))
        if args.phrases:
            for (section, phrase), st in sorted(
                per.items(), key=lambda kv: (kv[0][0], -kv[1].lines)
            ):
                flag = "!" if st.long_lines or st.with_hits else " "
                print(
                    f"{flag} [{section}] {phrase!r}: {st.lines} lines on {len(st.pages)} pages, "
                    f"{st.long_lines} long, with {st.with_hits}, without {st.without_hits}"
                    f"  e.g. {st.examples[:2]}"
                )
                for ex in st.long_examples:
                    print(f"      long: {ex}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
