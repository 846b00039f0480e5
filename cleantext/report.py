"""Draw what cleaning removed: a self-contained HTML review report.

Reading JSON offsets is not looking. The report shows each original text with every removal
struck through in its filter's colour, the reason on hover and on focus, a legend whose
checkboxes hide a filter's marks, and a summary table. Scraped text is hostile, so every string
is escaped, embedded JSON cannot end its script element, and a Content-Security-Policy forbids
every network load. Large reports are split into pages of ``docs_per_page`` documents written
beside the first one (``REPORT.html``, ``REPORT-2.html``, …) and very long documents are drawn
up to ``max_chars`` characters, so a report of thousands of documents still opens quickly.
"""

from __future__ import annotations

import colorsys
import hashlib
import html
import json
import os
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .result import Removal, Result

DOCS_PER_PAGE = 200
"""Documents drawn in full on one page; the rest go to further pages beside it."""

MAX_CHARS = 50_000
"""Characters of one document drawn; removals past this are counted but not drawn."""

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
    "img-src data:; base-uri 'none'; form-action 'none'"
)

# Fixed colours for the shipped filters, in pipeline order, so a report always looks the same.
PALETTE: dict[str, str] = {
    "script": "#b91c1c",
    "markers": "#c2410c",
    "credits": "#92400e",
    "zones": "#15803d",
    "teasers": "#0e7490",
    "repeats": "#1d4ed8",
    "tail": "#7e22ce",
    "comments": "#a16207",
    "bio": "#0f766e",
    "body": "#be185d",
    "whitespace": "#64748b",
    "profile": "#4d7c0f",
}

# Characters a browser would drop, rewrite or refuse to encode: C0 controls other than tab,
# newline and carriage return, DEL, and lone surrogates (from surrogateescape decoding).
_UNSHOWABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def filter_color(name: str) -> str:
    """The colour of a filter: fixed for the shipped names, derived from a hash otherwise."""
    if name in PALETTE:
        return PALETTE[name]
    hue = int.from_bytes(hashlib.sha256(name.encode("utf-8", "replace")).digest()[:2], "big")
    r, g, b = colorsys.hls_to_rgb((hue % 360) / 360, 0.34, 0.7)
    return f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"


def _tint(color: str, amount: float = 0.13) -> str:
    """The colour mixed into white, for a mark's background."""
    rgb = [int(color[i : i + 2], 16) for i in (1, 3, 5)]
    mixed = [round(255 - (255 - c) * amount) for c in rgb]
    return "#" + "".join(f"{c:02x}" for c in mixed)


def _replace_unshowable(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code == 0x7F:
        return "\u2421"
    if code < 0x20:
        return chr(0x2400 + code)  # the Unicode control picture, e.g. ␀ for NUL
    return "\ufffd"


def showable(text: str) -> str:
    """``text`` with controls as control pictures and lone surrogates as U+FFFD.

    Each character maps to exactly one character, so offsets into the original still count.
    """
    return _UNSHOWABLE.sub(_replace_unshowable, text)


def _esc(text: str) -> str:
    # A raw carriage return would be turned into a line feed by the HTML parser; the character
    # reference keeps the text exact in the DOM (offsets stay those of the original).
    return html.escape(showable(text), quote=True).replace("\r", "&#13;")


def _json_for_script(data: Any) -> str:
    """JSON that cannot close its ``<script>`` element or break a JavaScript string."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _n(value: int) -> str:
    return f"{value:,}"


@dataclass
class _Totals:
    documents: int = 0
    chars_in: int = 0
    chars_out: int = 0
    filters: dict[str, dict[str, int]] = field(default_factory=dict)

    def add(self, result: Result) -> None:
        self.documents += 1
        self.chars_in += len(result.original)
        self.chars_out += len(result.text)
        for name, s in result.stats().items():
            t = self.filters.setdefault(name, {"removals": 0, "chars": 0, "documents": 0})
            t["removals"] += s["removals"]
            t["chars"] += s["chars"]
            t["documents"] += 1

    def order(self) -> list[str]:
        """Shipped filters in pipeline order, then the others by name."""
        known = [n for n in PALETTE if n in self.filters]
        return known + sorted(n for n in self.filters if n not in PALETTE)


def page_paths(path: str | os.PathLike[str], pages: int) -> list[Path]:
    """Where the pages of a report go: ``REPORT.html``, then ``REPORT-2.html``, … beside it."""
    first = Path(path)
    return [first] + [
        first.with_name(f"{first.stem}-{k}{first.suffix}") for k in range(2, pages + 1)
    ]


def render_report(
    docs: Sequence[tuple[str, Result]],
    *,
    docs_per_page: int = DOCS_PER_PAGE,
    max_chars: int = MAX_CHARS,
) -> str:
    """One self-contained HTML page for ``(name, result)`` pairs.

    Only the first ``docs_per_page`` documents are drawn; the page says so and how to get the
    rest (``write_report`` writes them as further pages).
    """
    return _render_pages(list(docs), None, docs_per_page, max_chars)[0]


def write_report(
    results: Sequence[tuple[str, Result]],
    path: str | os.PathLike[str],
    *,
    docs_per_page: int = DOCS_PER_PAGE,
    max_chars: int = MAX_CHARS,
) -> None:
    """Write the report to ``path`` (and ``path``-2.html, … when there are many documents).

    Every page is written to a temporary file in the same folder and renamed into place, the
    first page last, so a reader never sees a half-written page or a link to a missing one.
    """
    results = list(results)
    pages = max(1, -(-len(results) // docs_per_page))
    paths = page_paths(path, pages)
    texts = _render_pages(results, [p.name for p in paths], docs_per_page, max_chars)
    for target, text in reversed(list(zip(paths, texts, strict=True))):
        _atomic_write(target, text)


def _atomic_write(target: Path, text: str) -> None:
    data = text.encode("utf-8")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _render_pages(
    docs: Sequence[tuple[str, Result]],
    names: list[str] | None,
    docs_per_page: int,
    max_chars: int,
) -> list[str]:
    """Every page's HTML (only the first when ``names`` is None: there is nowhere to link)."""
    if docs_per_page < 1 or max_chars < 0:
        raise ValueError("docs_per_page must be >= 1 and max_chars >= 0")
    totals = _Totals()
    for _, result in docs:
        totals.add(result)
    order = totals.order()
    index = {name: i for i, name in enumerate(order)}
    pages = max(1, -(-len(docs) // docs_per_page))
    out = []
    for page in range(pages if names is not None else 1):
        start = page * docs_per_page
        stop = min(len(docs), start + docs_per_page)
        ctx = _Page(
            docs, start, stop, page, pages, names, totals, order, index, max_chars, docs_per_page
        )
        out.append(ctx.render())
    return out


@dataclass
class _Page:
    docs: Sequence[tuple[str, Result]]
    start: int
    stop: int
    page: int
    pages: int
    names: list[str] | None
    totals: _Totals
    order: list[str]
    index: dict[str, int]
    max_chars: int
    per_page: int

    def render(self) -> str:
        n = len(self.docs)
        if n == 1:
            title = f"cleantext report: {self.docs[0][0]}"
        else:
            title = f"cleantext report: {_n(n)} documents"
        if self.pages > 1:
            title += f" (page {self.page + 1} of {self.pages})"
        parts = [
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n',
            '<meta name="referrer" content="no-referrer">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            '<meta name="generator" content="cleantext report">\n',
            f"<title>{_esc(title)}</title>\n<style>{self.css()}</style>\n</head>\n<body>\n",
            "<header>\n<h1>cleantext report</h1>\n",
            self.overview(),
            '<p class="hint">Struck-through spans were removed, coloured by filter; hover or focus '
            "one for the reason. Click a mark (or press n / p on it) for the next / previous "
            "removal of the same filter. Untick a filter to hide its removals and read the text "
            "without them. Counts are for the whole report.</p>\n",
            "</header>\n",
            self.legend(),
            self.summary(),
            '<main id="documents">\n',
            *(self.document(i) for i in range(self.start, self.stop)),
            "</main>\n",
            '<div id="status" role="status" aria-live="polite">Hover or focus a struck-through '
            "span to see which filter removed it and why.</div>\n",
            '<script type="application/json" id="report-data">',
            _json_for_script(self.data()),
            "</script>\n<script>",
            _SCRIPT,
            "</script>\n</body>\n</html>\n",
        ]
        return "".join(parts)

    def data(self) -> dict[str, Any]:
        return {
            "filters": [{"name": name, "color": filter_color(name)} for name in self.order],
            "page": self.page + 1,
            "pages": self.pages,
            "documents": len(self.docs),
            "first": self.start + 1,
            "last": self.stop,
        }

    def css(self) -> str:
        rules = [_CSS]
        for i, name in enumerate(self.order):
            color = filter_color(name)
            rules.append(f".f{i}{{--c:{color};--t:{_tint(color)}}}")
            rules.append(f".hide-{i} del.f{i}{{display:none}}")
        return "\n".join(rules)

    def overview(self) -> str:
        t = self.totals
        removed = t.chars_in - t.chars_out
        share = f" ({removed / t.chars_in:.1%})" if t.chars_in else ""
        removals = sum(s["removals"] for s in t.filters.values())
        lines = [
            f'<p class="overview">{_n(t.documents)} document{"s" if t.documents != 1 else ""}'
            f" · {_n(t.chars_in)} characters in · {_n(t.chars_out)} out · "
            f"{_n(removed)} removed{share} in {_n(removals)} removal"
            f"{'s' if removals != 1 else ''}.</p>\n"
        ]
        if len(self.docs) > self.stop - self.start:
            lines.append(self.pager())
        return "".join(lines)

    def pager(self) -> str:
        n = len(self.docs)
        here = f"documents {_n(self.start + 1)}–{_n(self.stop)}" if self.stop else "no documents"
        head = (
            f'<p class="cap" id="pages-note">Showing {_n(self.stop - self.start)} of {_n(n)} '
            f"documents on this page ({here})."
        )
        if self.names is None:
            rest = n - self.stop
            return (
                f"{head} The other {_n(rest)} are not in this file: write the report with "
                "<code>cleantext --report REPORT.html FILE…</code> or "
                "<code>cleantext.report.write_report(results, path)</code> to get them as further "
                "pages <code>REPORT-2.html</code>, <code>REPORT-3.html</code>, … beside it.</p>\n"
            )
        links = []
        per = self.per_page
        for k, name in enumerate(self.names):
            span = f"documents {_n(k * per + 1)}–{_n(min(n, (k + 1) * per))}"
            if k == self.page:
                links.append(
                    f'<li><strong aria-current="page" title="{span}">{k + 1}</strong></li>'
                )
            else:
                href = html.escape(quote(name), quote=True)
                links.append(f'<li><a href="{href}" title="{span}">{k + 1}</a></li>')
        return (
            f"{head} The others are on the report's other pages, files beside this one from "
            f"<code>{_esc(self.names[0])}</code> to <code>{_esc(self.names[-1])}</code>:</p>\n"
            f'<nav aria-label="report pages"><ol class="pages">{"".join(links)}</ol></nav>\n'
        )

    def legend(self) -> str:
        items = []
        for i, name in enumerate(self.order):
            s = self.totals.filters[name]
            ename = _esc(name)
            docs = (
                f' · <span data-key="documents">{_n(s["documents"])}</span> '
                f"doc{'s' if s['documents'] != 1 else ''}"
            )
            items.append(
                f'<li class="f{i}" data-filter="{ename}">'
                f'<input type="checkbox" id="show-{i}" data-index="{i}" checked> '
                f'<label for="show-{i}"><span class="swatch" aria-hidden="true"></span> '
                f"<code>{ename}</code></label> "
                f'<span class="counts"><span data-key="removals">{_n(s["removals"])}</span> '
                f"removal{'s' if s['removals'] != 1 else ''} · "
                f'<span data-key="chars">{_n(s["chars"])}</span> chars'
                f"{docs if len(self.docs) > 1 else ''}</span> "
                f'<button type="button" class="next" data-index="{i}" '
                f'aria-label="next removal by {ename}" title="next removal by {ename}">'
                "next ›</button></li>\n"
            )
        if not items:
            return (
                '<section id="legend" aria-label="filters"><p class="hint">Nothing was removed.'
                "</p></section>\n"
            )
        return (
            '<section id="legend" aria-label="filters">\n<ul class="filters">\n'
            + "".join(items)
            + "</ul>\n</section>\n"
        )

    def summary(self) -> str:
        if len(self.docs) < 2:
            return ""
        head = "".join(
            f'<th class="f{i}"><code>{_esc(n)}</code></th>' for i, n in enumerate(self.order)
        )
        rows = []
        for d in range(self.start, self.stop):
            name, result = self.docs[d]
            stats = result.stats()
            cells = "".join(
                f'<td class="num">{_n(stats[f]["chars"])}</td>' if f in stats else "<td></td>"
                for f in self.order
            )
            kept = len(result.text)
            total = len(result.original)
            share = f"{(total - kept) / total:.0%}" if total else "–"
            rows.append(
                f'<tr><td class="num">{d + 1}</td><td class="name" title="{_esc(name)}">'
                f'<a href="#doc-{d + 1}">{_esc(name)}</a></td>'
                f'<td class="num">{_n(total)}</td><td class="num">{_n(kept)}</td>'
                f'<td class="num">{share}</td>{cells}</tr>\n'
            )
        t = self.totals
        total_cells = "".join(
            f'<td class="num">{_n(t.filters[f]["chars"])}</td>' for f in self.order
        )
        share = f"{(t.chars_in - t.chars_out) / t.chars_in:.0%}" if t.chars_in else "–"
        caption = "Documents on this page" if self.pages > 1 else "Documents"
        return (
            '<section id="summary" aria-labelledby="summary-h">'
            f'<h2 id="summary-h">{caption}</h2>\n<div class="scroll"><table>\n'
            f"<thead><tr><th>#</th><th>document</th><th>characters in</th><th>out</th>"
            f"<th>removed</th>{head}</tr></thead>\n<tbody>\n"
            + "".join(rows)
            + f'</tbody>\n<tfoot><tr><td></td><th scope="row">all {_n(t.documents)} documents'
            f'</th><td class="num">{_n(t.chars_in)}</td><td class="num">{_n(t.chars_out)}</td>'
            f'<td class="num">{share}</td>{total_cells}</tr></tfoot>\n</table></div>\n'
            '<p class="hint">Per filter: characters removed.</p></section>\n'
        )

    def document(self, d: int) -> str:
        name, result = self.docs[d]
        original = result.original
        drawn = original[: self.max_chars]
        limit = len(drawn)
        out: list[str] = []
        cursor = 0
        hidden = 0
        for r in result.removals:
            if r.start >= limit:
                hidden += 1
                continue
            out.append(_esc(original[cursor : r.start]))
            out.append(self.mark(r, original[r.start : min(r.end, limit)], r.end > limit))
            cursor = min(r.end, limit)
        out.append(_esc(drawn[cursor:]))
        stats = result.stats()
        chips = ", ".join(
            f'<span class="chip f{self.index[f]}">{_esc(f)} {_n(stats[f]["removals"])}</span>'
            for f in self.order
            if f in stats
        )
        meta = (
            f"{_n(len(original))} characters → {_n(len(result.text))} kept · "
            f"{_n(len(result.removals))} removal{'s' if len(result.removals) != 1 else ''}"
        )
        if chips:
            meta += f": {chips}"
        if result.language:
            meta += f" · language <code>{_esc(result.language)}</code>"
        notes = []
        if limit < len(original):
            notes.append(
                f"Showing the first {_n(limit)} of {_n(len(original))} characters; "
                f"{_n(hidden)} later removal{'s are' if hidden != 1 else ' is'} counted above but "
                "not drawn. All offsets: <code>cleantext --format json FILE</code>."
            )
        odd = _UNSHOWABLE.findall(drawn)
        surrogates = sum(1 for c in odd if c >= "\ud800")
        controls = len(odd) - surrogates
        if controls:
            notes.append(
                f"{_n(controls)} control character{'s are' if controls != 1 else ' is'} shown as "
                "control pictures (␀ for NUL, …)."
            )
        if surrogates:
            notes.append(
                f"{_n(surrogates)} lone surrogate{'s' if surrogates != 1 else ''} (undecodable "
                f"bytes) {'are' if surrogates != 1 else 'is'} shown as U+FFFD �."
            )
        note = "".join(f'<p class="cap">{n}</p>' for n in notes)
        lang = f' lang="{_esc(result.language)}"' if result.language else ""
        return (
            f'<article id="doc-{d + 1}" aria-labelledby="doc-{d + 1}-h">'
            f'<h2 id="doc-{d + 1}-h"><span class="idx">{d + 1}</span> {_esc(name)}</h2>\n'
            f'<p class="meta">{meta}</p>{note}\n'
            f'<div class="text" data-doc="{d + 1}"{lang}>{"".join(out)}</div></article>\n'
        )

    def mark(self, r: Removal, text: str, clipped: bool) -> str:
        name = _esc(r.filter)
        reason = _esc(r.reason)
        label = f"removed by {name}: {reason}"
        extra = ' data-clipped="1"' if clipped else ""
        ws = " ws" if not text.strip() else ""
        return (
            f'<del class="rm f{self.index[r.filter]}{ws}" tabindex="0" data-filter="{name}" '
            f'data-reason="{reason}" data-start="{r.start}" data-end="{r.end}"{extra} '
            f'title="{label}" aria-label="{label}">{_esc(text)}</del>'
        )


_CSS = """
:root{color-scheme:light;--fg:#1f2328;--muted:#57606a;--line:#d0d7de}
*{box-sizing:border-box}
body{margin:0 auto;max-width:72rem;padding:1rem 1.25rem 4rem;font:15px/1.5 system-ui,sans-serif;
color:var(--fg);background:#fff}
h1{font-size:1.4rem;margin:.2rem 0}
h2{font-size:1.1rem;margin:1.2rem 0 .4rem}
code{font:13px ui-monospace,SFMono-Regular,Menlo,monospace}
table{border-collapse:collapse;font-size:14px}
th,td{padding:.15rem .6rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
td.num{text-align:right;font-variant-numeric:tabular-nums}
th,td.num{white-space:nowrap}
td.name{white-space:nowrap;max-width:22rem;overflow:hidden;text-overflow:ellipsis}
th,td{padding:.15rem .45rem}
.scroll{overflow-x:auto;max-height:24rem;overflow-y:auto}
.swatch{display:inline-block;width:1.6em;height:.9em;vertical-align:-.05em;border-radius:2px;
background:var(--t);border:2px solid var(--c)}
#legend{position:sticky;top:0;z-index:1;background:#fff;border-bottom:1px solid var(--line);
padding:.4rem 0;max-height:40vh;overflow-y:auto}
ul.filters{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.35rem .5rem}
ul.filters li{border:1px solid var(--line);border-radius:6px;padding:.1rem .4rem;white-space:nowrap}
ul.filters label{cursor:pointer}
.counts{color:var(--muted);font-size:13px;font-variant-numeric:tabular-nums}
#legend code,th code,.chip{color:var(--c)}
.chip{background:var(--t);border-radius:3px;padding:0 .3em;white-space:nowrap}
button.next{font:inherit;font-size:13px;padding:0 .5em;cursor:pointer}
.hint,.meta,.overview{color:var(--muted);margin:.2rem 0}
#legend .hint{font-size:13px}
.cap{background:#fff8c5;border:1px solid #d4a72c;padding:.3rem .6rem;border-radius:4px;
margin:.4rem 0}
ol.pages{list-style:none;display:flex;flex-wrap:wrap;gap:.3rem;padding:0;margin:.3rem 0}
ol.pages a,ol.pages strong{display:inline-block;min-width:2.2em;text-align:center;
border:1px solid var(--line);border-radius:4px;padding:0 .3em}
article{border-top:2px solid var(--line);margin-top:1.5rem}
.idx{color:var(--muted);font-weight:normal}
div.text{white-space:pre-wrap;overflow-wrap:anywhere;font:14px/1.55 ui-monospace,SFMono-Regular,
Menlo,monospace;background:#f6f8fa;border:1px solid var(--line);border-radius:6px;
padding:.8rem 1rem;margin:.4rem 0}
del.rm{color:var(--c);background:var(--t);text-decoration:line-through 2px var(--c);
border-radius:2px;cursor:pointer;outline-offset:1px}
del.rm:hover{outline:1px solid var(--c)}
del.rm:focus{outline:3px solid var(--c)}
del.ws::before{content:"\\21b5";text-decoration:none;opacity:.8}
#status{position:fixed;left:0;right:0;bottom:0;background:#24292f;color:#fff;padding:.35rem 1rem;
font-size:14px;min-height:2rem;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
@media print{#status{display:none}}
"""

# The page's only behaviour: legend checkboxes, jumping between marks, and the status line.
_SCRIPT = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var index = {};
  var marks = [];
  data.filters.forEach(function (f, i) { index[f.name] = i; marks.push([]); });
  Array.prototype.forEach.call(document.querySelectorAll("del.rm"), function (el) {
    var i = index[el.getAttribute("data-filter")];
    if (i !== undefined) { marks[i].push(el); }
  });
  var cursor = marks.map(function () { return -1; });
  var status = document.getElementById("status");
  var legend = document.getElementById("legend");
  function pad() {
    document.documentElement.style.scrollPaddingTop = (legend.offsetHeight + 8) + "px";
  }
  pad();
  window.addEventListener("resize", pad);

  function describe(el) {
    var i = index[el.getAttribute("data-filter")];
    var doc = el.closest("article");
    var name = doc ? doc.querySelector("h2").textContent : "";
    status.textContent = el.getAttribute("data-filter") + " " + (marks[i].indexOf(el) + 1) +
      " of " + marks[i].length + " on this page · " + name + " · " +
      el.getAttribute("data-reason");
  }

  function go(i, from, step) {
    var list = marks[i];
    if (!list.length || document.body.classList.contains("hide-" + i)) { return; }
    var at = from ? list.indexOf(from) : cursor[i];
    if (at < 0 && step < 0) { at = 0; }
    var k = ((at + step) % list.length + list.length) % list.length;
    cursor[i] = k;
    list[k].focus({ preventScroll: true });
    list[k].scrollIntoView({ block: "center" });
    describe(list[k]);
  }

  document.addEventListener("change", function (ev) {
    var box = ev.target;
    if (!box.matches || !box.matches("#legend input[type=checkbox]")) { return; }
    var i = box.getAttribute("data-index");
    document.body.classList.toggle("hide-" + i, !box.checked);
    document.querySelector("button.next[data-index='" + i + "']").disabled = !box.checked;
  });
  document.addEventListener("click", function (ev) {
    var t = ev.target;
    if (t.matches && t.matches("button.next")) {
      go(+t.getAttribute("data-index"), null, 1);
    } else if (t.closest && t.closest("del.rm")) {
      var el = t.closest("del.rm");
      if (window.getSelection && String(window.getSelection()).length) { return; }
      go(index[el.getAttribute("data-filter")], el, ev.shiftKey ? -1 : 1);
    }
  });
  document.addEventListener("focusin", function (ev) {
    if (ev.target.matches && ev.target.matches("del.rm")) { describe(ev.target); }
  });
  document.addEventListener("mouseover", function (ev) {
    var el = ev.target.closest && ev.target.closest("del.rm");
    if (el) { describe(el); }
  });
  document.addEventListener("keydown", function (ev) {
    var el = document.activeElement;
    if (ev.altKey || ev.ctrlKey || ev.metaKey || !el || !el.matches("del.rm")) { return; }
    var i = index[el.getAttribute("data-filter")];
    if (ev.key === "n" || ev.key === "Enter") { go(i, el, 1); ev.preventDefault(); }
    else if (ev.key === "p") { go(i, el, -1); ev.preventDefault(); }
  });
})();
"""
