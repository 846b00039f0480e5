"""The HTML review report: structure, counts, escaping of hostile text, caps and atomic writes."""

from __future__ import annotations

import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext import clean
from cleantext.report import (
    CSP,
    PALETTE,
    _json_for_script,
    filter_color,
    page_paths,
    render_report,
    showable,
    write_report,
)
from cleantext.result import Removal, Result

ARTICLE = (
    "July 7, 2023\n"
    "1 min read\n"
    "\n"
    "Ukraine reports new advances near Bakhmut\n"
    "\n"
    "The Ukrainian military on Friday claimed that troops were making advances against Russian\n"
    "positions around the eastern city of Bakhmut amid fierce fighting.\n"
    "(Photo : Reuters)\n"
    "ALSO READ-Russia says it repelled attacks\n"
    "\n"
    "It has little strategic value, but is important symbolically for Kiev and Moscow.\n"
    "Previous Story\n"
)


def _line(needle: str) -> tuple[int, int]:
    """The span of the line holding ``needle``, newline included."""
    start = ARTICLE.index(needle)
    return start, ARTICLE.index("\n", start) + 1


def _article_result() -> Result:
    blank = ARTICLE.index("\n\nIt has") + 1
    removals = [
        Removal(*_line("1 min read"), "markers", 'line is the marker "1 min read"'),
        Removal(*_line("(Photo : Reuters)"), "credits", 'a photo credit "(Photo : …)"'),
        Removal(*_line("ALSO READ-"), "markers", 'line starts with the marker "ALSO READ-"'),
        Removal(blank, blank + 1, "whitespace", "blank line left by a removal"),
        Removal(*_line("Previous Story"), "markers", 'navigation "Previous Story"'),
    ]
    return Result(ARTICLE, tuple(sorted(removals, key=lambda r: r.start)))


def _small(i: int) -> Result:
    text = f"Story {i} starts here.\nPrevious Story\n"
    start = text.index("Previous")
    return Result(text, (Removal(start, len(text) - 1, "markers", "navigation"),))


class Parsed(HTMLParser):
    """What a browser's tokenizer would see: tags with attributes, and text per document."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.texts: list[str] = []
        self.marks: list[tuple[dict[str, str | None], str]] = []
        self.legend: dict[str, dict[str, int]] = {}
        self._stack: list[str] = []
        self._mark: dict[str, str | None] | None = None
        self._legend_filter: str | None = None
        self._legend_key: str | None = None
        self._in_text = False
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "div" and a.get("class") == "text":
            self.texts.append("")
            self._in_text = True
        elif tag == "del":
            self._mark = a
            self.marks.append((a, ""))
        elif tag == "li" and a.get("data-filter") is not None:
            self._legend_filter = a["data-filter"]
            self.legend[str(a["data-filter"])] = {}
        elif tag == "span" and self._legend_filter and a.get("data-key"):
            self._legend_key = a["data-key"]
        if tag not in ("meta", "input", "br"):
            self._stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if self._stack and self._stack[-1] == tag:
            self._stack.pop()
        if tag == "div":
            self._in_text = False
        elif tag == "del":
            self._mark = None
        elif tag == "li":
            self._legend_filter = None
        elif tag == "span":
            self._legend_key = None

    def handle_data(self, data: str) -> None:
        if self._stack and self._stack[-1] == "script":
            self.scripts.append(data)
        if self._in_text:
            self.texts[-1] += data
        if self._mark is not None:
            a, text = self.marks[-1]
            self.marks[-1] = (a, text + data)
        if self._legend_filter and self._legend_key:
            value = int(data.replace(",", ""))
            self.legend[self._legend_filter][self._legend_key] = value


def test_page_is_self_contained_with_a_strict_csp() -> None:
    html = _article_result().to_html(name="ukraine.txt")
    assert html.startswith("<!DOCTYPE html>")
    page = Parsed(html)
    csp = [a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv")]
    assert csp == [CSP]
    assert "default-src 'none'" in CSP and "img-src data:" in CSP
    for _, attrs in page.tags:
        for key in ("src", "href", "action"):
            assert attrs.get(key) is None or str(attrs[key]).startswith("#"), attrs
    assert not re.search(r"https?://", html)


def test_every_removal_is_marked_with_data_attributes_and_reason() -> None:
    result = _article_result()
    page = Parsed(result.to_html(name="ukraine.txt"))
    got = [
        (a["data-filter"], a["data-reason"], int(str(a["data-start"])), int(str(a["data-end"])))
        for a, _ in page.marks
    ]
    assert got == [(r.filter, r.reason, r.start, r.end) for r in result.removals]
    for (a, text), r in zip(page.marks, result.removals, strict=True):
        assert text == result.removed_text(r)
        assert a["title"] == a["aria-label"] == f"removed by {r.filter}: {r.reason}"
        assert str(a["class"]).startswith("rm f")
    # The whole original is drawn, newlines included, in a pre-wrap block.
    assert page.texts == [ARTICLE]
    assert "white-space:pre-wrap" in result.to_html()
    langs = [
        a.get("lang")
        for t, a in Parsed(clean(ARTICLE).to_html()).tags
        if t == "div" and a.get("class") == "text"
    ]
    assert langs == ["en"]


def test_legend_counts_match_stats() -> None:
    result = _article_result()
    page = Parsed(result.to_html())
    expected = {
        name: {"removals": s["removals"], "chars": s["chars"]} for name, s in result.stats().items()
    }
    assert page.legend == expected
    # One checkbox and one "next" button per filter, in pipeline order.
    boxes = [a for t, a in page.tags if t == "input" and a.get("type") == "checkbox"]
    assert len(boxes) == len(expected)
    assert list(page.legend) == [n for n in PALETTE if n in expected]


def test_legend_sums_over_documents_and_counts_documents() -> None:
    a, b = _article_result(), clean("Hello\n\n\n\nworld.\n")
    page = Parsed(render_report([("a", a), ("b", b)]))
    for name, counts in page.legend.items():
        per_doc = [r.stats()[name] for r in (a, b) if name in r.stats()]
        assert counts == {
            "removals": sum(s["removals"] for s in per_doc),
            "chars": sum(s["chars"] for s in per_doc),
            "documents": len(per_doc),
        }
    articles = [x for t, x in page.tags if t == "article"]
    assert [x["id"] for x in articles] == ["doc-1", "doc-2"]
    # The summary table links to each document on the page.
    assert [x["href"] for t, x in page.tags if t == "a"] == ["#doc-1", "#doc-2"]


def test_colours_are_stable_and_distinct() -> None:
    assert filter_color("markers") == PALETTE["markers"]
    assert len(set(PALETTE.values())) == len(PALETTE)
    custom = filter_color("my_filter")
    assert custom == filter_color("my_filter")
    assert re.fullmatch(r"#[0-9a-f]{6}", custom)
    assert len({filter_color(f"custom_{i}") for i in range(20)}) > 15


HOSTILE = (
    "<script>alert(1)</script>\n</style></script><!-- x -->\n"
    '<a href="javascript:alert(2)">x</a><img src=x onerror=alert(3)>\n'
    "NUL\x00 bell\x07 surrogate\udc80 separators\u2028\u2029 &amp; end\n"
)


def test_hostile_document_renders_as_inert_text() -> None:
    start = HOSTILE.index("</style>")
    removal = Removal(start, start + len("</style></script>"), "x</script>", "<b>why</b> & '\"")
    result = Result(HOSTILE, (removal,))
    name = "<img src=x onerror=alert(4)>\"'.txt"
    html = render_report([(name, result)])
    html.encode("utf-8")  # no lone surrogate leaks into the output
    page = Parsed(html)
    # Only the report's own elements exist: no img, no link with a javascript: URL, and
    # exactly two script elements (the JSON data and the code), neither containing the text.
    tags = {t for t, _ in page.tags}
    assert "img" not in tags and "iframe" not in tags
    assert not [a for t, a in page.tags if t == "a"]
    assert len(page.scripts) == 2
    assert "alert" not in "".join(page.scripts)
    assert page.texts == [showable(HOSTILE)]
    assert page.marks[0][0]["data-filter"] == "x</script>"
    assert page.marks[0][0]["data-reason"] == "<b>why</b> & '\""
    assert page.marks[0][1] == "</style></script>"
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "\x00" not in html and "\u2400" in html and "\ufffd" in html
    assert "control character" in html and "lone surrogate" in html
    assert "&lt;img src=x onerror=alert(4)&gt;&quot;&#x27;.txt</h2>" in html


def test_showable_keeps_offsets() -> None:
    text = "a\x00b\udc80c\x7f\td\r\n"
    shown = showable(text)
    assert len(shown) == len(text)
    assert shown == "a\u2400b\ufffdc\u2421\td\r\n"


def test_embedded_json_cannot_close_its_script() -> None:
    data = {"name": "</script><!-- \u2028\u2029 & <b>"}
    text = _json_for_script(data)
    assert not set(text) & set("<>&\u2028\u2029")
    assert json.loads(text) == data


def test_many_documents_are_paged(tmp_path: Path) -> None:
    results = [(f"doc {i}.txt", _small(i)) for i in range(450)]
    path = tmp_path / "report.html"
    write_report(results, path, docs_per_page=200)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "report-2.html",
        "report-3.html",
        "report.html",
    ]
    assert page_paths(path, 3) == [path, tmp_path / "report-2.html", tmp_path / "report-3.html"]
    pages = [Parsed(p.read_text(encoding="utf-8")) for p in page_paths(path, 3)]
    ids = [[a["id"] for t, a in p.tags if t == "article"] for p in pages]
    assert [len(x) for x in ids] == [200, 200, 50]
    assert ids[2][0] == "doc-401" and ids[2][-1] == "doc-450"
    first = path.read_text(encoding="utf-8")
    assert "Showing 200 of 450 documents" in first
    page_links = [a["href"] for t, a in pages[0].tags if t == "a" and "html" in str(a["href"])]
    assert page_links == ["report-2.html", "report-3.html"]
    titles = [a["title"] for t, a in pages[2].tags if t == "a" and "html" in str(a["href"])]
    assert titles == ["documents 1–200", "documents 201–400"]
    # The legend counts the whole report on every page.
    chars = sum(r.stats()["markers"]["chars"] for _, r in results)
    expected = {"removals": 450, "chars": chars, "documents": 450}
    assert [p.legend["markers"] for p in pages] == [expected] * 3


def test_default_caps_for_five_thousand_documents(tmp_path: Path) -> None:
    results = [(f"{i}.txt", _small(i)) for i in range(5000)]
    html = render_report(results)
    page = Parsed(html)
    assert len([a for t, a in page.tags if t == "article"]) == 200
    assert "Showing 200 of 5,000 documents" in html
    assert "write_report" in html  # says how to get the other 4,800
    write_report(results, tmp_path / "big.html")
    assert len(list(tmp_path.glob("big*.html"))) == 25


def test_long_documents_are_cut_and_say_so() -> None:
    text = "Kept line.\n" + "Removed line.\n" * 10
    removals = tuple(
        Removal(11 + 14 * i, 25 + 14 * i, "tail", "related stories at the end") for i in range(10)
    )
    result = Result(text, removals)
    page = Parsed(render_report([("long.txt", result)], max_chars=40))
    assert page.texts == [text[:40]]
    assert [a["data-start"] for a, _ in page.marks] == ["11", "25", "39"]
    assert [a.get("data-clipped") for a, _ in page.marks] == [None, None, "1"]
    assert page.marks[-1][0]["data-end"] == "53"
    assert page.marks[-1][1] == "R"
    assert page.legend["tail"] == {"removals": 10, "chars": 140}
    html = render_report([("long.txt", result)], max_chars=40)
    assert "Showing the first 40 of 151 characters; 7 later removals" in html


def test_bad_caps_are_refused() -> None:
    with pytest.raises(ValueError, match="docs_per_page"):
        render_report([("a", _article_result())], docs_per_page=0)


def test_empty_report() -> None:
    html = render_report([])
    assert "0 documents" in html and "Nothing was removed" in html


def test_write_report_replaces_atomically(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "report.html"
    write_report([("a.txt", _article_result())], path)
    before = path.read_text(encoding="utf-8")
    assert "a.txt" in before
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask

    def broken(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken)
    with pytest.raises(OSError, match="disk full"):
        write_report([("b.txt", _article_result())], path)
    assert path.read_text(encoding="utf-8") == before
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]


def test_write_report_into_a_missing_folder_fails_cleanly(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_report([("a.txt", _article_result())], tmp_path / "nope" / "report.html")
    assert list(tmp_path.iterdir()) == []


HOSTILE_BITS = st.sampled_from(
    [
        "<",
        ">",
        "&",
        '"',
        "'",
        "</script>",
        "</style>",
        "<!--",
        "-->",
        "javascript:",
        "\x00",
        "\r",
        "\n",
        "\t",
        "\udc80",
        "\u2028",
        "😀",
        "&amp;",
        "<b>",
        "]]>",
        " ",
        "a",
        "é",
    ]
)
HOSTILE_TEXT = st.lists(st.one_of(HOSTILE_BITS, st.text(max_size=3)), max_size=30).map("".join)


@st.composite
def hostile_results(draw: st.DrawFn) -> tuple[str, Result]:
    text = draw(HOSTILE_TEXT)
    cuts = sorted(draw(st.sets(st.integers(0, len(text)), max_size=8)))
    removals = [
        Removal(a, b, draw(HOSTILE_TEXT.filter(bool)), draw(HOSTILE_TEXT))
        for a, b in zip(cuts[::2], cuts[1::2])
        if b > a
    ]
    return draw(HOSTILE_TEXT), Result(text, tuple(removals))


@settings(max_examples=100, deadline=None)
@given(st.lists(hostile_results(), min_size=1, max_size=3))
def test_any_text_renders_exactly_and_inertly(docs: list[tuple[str, Result]]) -> None:
    html = render_report(docs)
    html.encode("utf-8")
    page = Parsed(html)
    assert len(page.scripts) == 2
    assert {t for t, _ in page.tags} <= {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "header",
        "h1",
        "h2",
        "p",
        "section",
        "ul",
        "li",
        "input",
        "label",
        "span",
        "code",
        "button",
        "div",
        "table",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "th",
        "td",
        "a",
        "main",
        "article",
        "del",
        "script",
    }
    assert page.texts == [showable(r.original) for _, r in docs]
    expected = [
        (showable(r.filter), showable(r.reason), str(r.start), str(r.end))
        for _, result in docs
        for r in result.removals
    ]
    got = [
        (a["data-filter"], a["data-reason"], a["data-start"], a["data-end"]) for a, _ in page.marks
    ]
    assert got == expected
    for _, attrs in page.tags:
        assert attrs.get("href") is None or str(attrs["href"]).startswith("#")
