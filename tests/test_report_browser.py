"""Open real reports in headless Chromium and check them through the DOM.

Chromium is driven over the DevTools protocol on a pipe (``--remote-debugging-pipe``: file
descriptors 3 and 4, NUL-terminated JSON), so the test needs no Python package beyond the
standard library and opens no port. It watches the page's network events, reads every mark,
clicks the legend checkboxes and "next" buttons with real mouse events, and checks that a
hostile document stays inert text.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import importlib.util
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cleantext import clean
from cleantext.report import showable, write_report
from cleantext.result import Removal, Result

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT = 20.0


def _chromium() -> str | None:
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


class Browser:
    """A headless Chromium and a minimal DevTools client speaking over a pipe."""

    def __init__(self, executable: str, profile: Path) -> None:
        commands_r, commands_w = os.pipe()
        replies_r, replies_w = os.pipe()
        # Chromium reads commands on fd 3 and writes replies on fd 4; move the child's ends
        # above 10 first so the dup2 calls below can never clobber one another.
        child_r = _fd_above(commands_r, 10)
        child_w = _fd_above(replies_w, 10)
        for fd in (commands_r, replies_w):
            os.close(fd)

        def wire() -> None:  # runs in the child between fork and exec
            os.dup2(child_r, 3)
            os.dup2(child_w, 4)

        args = [
            executable,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-default-apps",
            "--disable-extensions",
            "--disable-sync",
            "--mute-audio",
            "--remote-debugging-pipe",
            f"--user-data-dir={profile}",
            "--window-size=1280,900",
            "about:blank",
        ]
        self.proc = subprocess.Popen(
            args,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            close_fds=False,
            preexec_fn=wire,
        )
        os.close(child_r)
        os.close(child_w)
        self._out = os.fdopen(commands_w, "wb", buffering=0)
        self._in = os.fdopen(replies_r, "rb", buffering=0)
        self._replies: dict[int, queue.Queue[dict[str, Any]]] = {}
        self._lock = threading.Lock()
        self.events: list[dict[str, Any]] = []
        self._next_id = 0
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        self.session = ""

    def _read(self) -> None:
        buffer = b""
        while True:
            chunk = self._in.read(65536)
            if not chunk:
                return
            buffer += chunk
            while b"\0" in buffer:
                raw, buffer = buffer.split(b"\0", 1)
                message = json.loads(raw)
                if "id" in message:
                    with self._lock:
                        box = self._replies.setdefault(message["id"], queue.Queue())
                    box.put(message)
                else:
                    self.events.append(message)

    def send(
        self, method: str, params: dict[str, Any] | None = None, *, browser: bool = False
    ) -> dict[str, Any]:
        with self._lock:
            self._next_id += 1
            ident = self._next_id
            box = self._replies.setdefault(ident, queue.Queue())
        message: dict[str, Any] = {"id": ident, "method": method, "params": params or {}}
        if not browser:
            message["sessionId"] = self.session
        self._out.write(json.dumps(message).encode() + b"\0")
        try:
            reply = box.get(timeout=TIMEOUT)
        except queue.Empty:
            raise TimeoutError(f"chromium did not answer {method} in {TIMEOUT} s") from None
        if "error" in reply:
            raise RuntimeError(f"{method}: {reply['error']}")
        result: dict[str, Any] = reply.get("result", {})
        return result

    def open_page(self) -> None:
        target = self.send("Target.createTarget", {"url": "about:blank"}, browser=True)
        attached = self.send(
            "Target.attachToTarget", {"targetId": target["targetId"], "flatten": True}, browser=True
        )
        self.session = attached["sessionId"]
        for domain in ("Page", "Runtime", "Network"):
            self.send(f"{domain}.enable")

    def navigate(self, url: str) -> None:
        self.events.clear()
        self.send("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired")

    def wait_for(self, method: str) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            for event in list(self.events):
                if event.get("method") == method:
                    return event
            time.sleep(0.02)
        raise TimeoutError(f"no {method} within {TIMEOUT} s")

    def js(self, expression: str) -> Any:
        """Evaluate ``expression`` in the page and return its value (JSON-serialisable)."""
        reply = self.send(
            "Runtime.evaluate",
            {"expression": expression, "returnByValue": True, "awaitPromise": True},
        )
        if "exceptionDetails" in reply:
            raise RuntimeError(f"page JS failed: {reply['exceptionDetails']}")
        return reply["result"].get("value")

    def click(self, selector: str) -> None:
        """A real mouse click (press and release) in the middle of the element."""
        box = self.js(
            f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
            " e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
            " return [r.x + r.width / 2, r.y + r.height / 2]; })()"
        )
        for kind in ("mousePressed", "mouseReleased"):
            self.send(
                "Input.dispatchMouseEvent",
                {"type": kind, "x": box[0], "y": box[1], "button": "left", "clickCount": 1},
            )

    def key(self, key: str) -> None:
        self.send("Input.dispatchKeyEvent", {"type": "keyDown", "key": key, "text": key})
        self.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": key})

    def screenshot(self) -> bytes:
        return base64.b64decode(self.send("Page.captureScreenshot", {"format": "png"})["data"])

    def close(self) -> None:
        with contextlib.suppress(RuntimeError, TimeoutError, OSError):
            self.send("Browser.close", browser=True)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._out.close()


def _fd_above(fd: int, floor: int) -> int:
    return fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, floor)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    executable = _chromium()
    if executable is None:
        pytest.skip("chromium is not installed (Debian: apt-get install -y chromium)")
    b = Browser(executable, tmp_path_factory.mktemp("chromium-profile"))
    try:
        b.open_page()
        yield b
    finally:
        b.close()


@pytest.fixture(scope="module")
def seed_results() -> list[tuple[str, Result]]:
    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        pytest.skip(f"seed articles not found in {SEEDS}")
    return [(p.name, clean(p.read_text(encoding="utf-8"))) for p in paths]


# Everything the page shows about its marks, read back through the DOM.
READ_MARKS = """
Array.from(document.querySelectorAll("del.rm")).map(e => ({
  doc: +e.closest(".text").dataset.doc,
  filter: e.dataset.filter, reason: e.dataset.reason,
  start: +e.dataset.start, end: +e.dataset.end,
  title: e.title, label: e.getAttribute("aria-label"), text: e.textContent,
  color: getComputedStyle(e).color, line: getComputedStyle(e).textDecorationLine,
  shown: getComputedStyle(e).display !== "none" && e.getClientRects().length > 0,
}))
"""

NETWORK_LEAKS = """
(() => {
  const urls = [];
  for (const e of document.querySelectorAll("[src],[href],[action],[srcset],[poster],[data]")) {
    for (const a of ["src", "href", "action", "srcset", "poster", "data"]) {
      if (e.hasAttribute(a)) urls.push(e.getAttribute(a));
    }
  }
  return {
    urls,
    resources: performance.getEntriesByType("resource").map(r => r.name),
    csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]').content,
  };
})()
"""


def _network_requests(b: Browser) -> list[str]:
    return [
        e["params"]["request"]["url"]
        for e in b.events
        if e.get("method") == "Network.requestWillBeSent"
    ]


@pytest.fixture(scope="module")
def seed_report_file(
    seed_results: list[tuple[str, Result]], tmp_path_factory: pytest.TempPathFactory
) -> Path:
    path = tmp_path_factory.mktemp("report") / "seeds.html"
    write_report(seed_results, path)
    return path


@pytest.fixture
def seed_report(browser: Browser, seed_report_file: Path) -> Path:
    """The seed report, freshly opened (so each test sees only its own network events)."""
    browser.navigate(seed_report_file.as_uri())
    return seed_report_file


def test_every_removal_is_marked_with_its_filter_and_reason(
    browser: Browser, seed_results: list[tuple[str, Result]], seed_report: Path
) -> None:
    marks = browser.js(READ_MARKS)
    expected = [
        (d + 1, r.filter, r.reason, r.start, r.end, showable(result.removed_text(r)))
        for d, (_, result) in enumerate(seed_results)
        for r in result.removals
    ]
    assert expected, "the seeds should have removals to draw"
    got = [(m["doc"], m["filter"], m["reason"], m["start"], m["end"], m["text"]) for m in marks]
    assert got == expected
    for m in marks:
        assert m["title"] == m["label"] == f"removed by {m['filter']}: {m['reason']}"
        assert m["line"] == "line-through"
        assert m["shown"]
    # Kept text is unmarked: the page's text minus the marks is exactly the clean text.
    kept = browser.js(
        "Array.from(document.querySelectorAll('div.text')).map(p => { const c = p.cloneNode(true);"
        " c.querySelectorAll('del').forEach(d => d.remove()); return c.textContent; })"
    )
    assert kept == [showable(result.text) for _, result in seed_results]


def test_cli_report_marks_every_removal_of_its_json(
    browser: Browser, tmp_path: Path, seed_results: list[tuple[str, Result]]
) -> None:
    """``cleantext --format json --report`` draws exactly the removals its JSON lists."""
    if importlib.util.find_spec("cleantext.cli") is None:
        pytest.skip("the cleantext command (cleantext/cli.py) is not there yet")
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))
    report = tmp_path / "cli.html"
    run = subprocess.run(
        [
            sys.executable,
            "-m",
            "cleantext",
            "-q",
            "--format",
            "json",
            "--report",
            str(report),
            *seeds,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    documents = [json.loads(line) for line in run.stdout.splitlines()]
    expected = [
        (d + 1, r["filter"], r["reason"], r["start"], r["end"])
        for d, doc in enumerate(documents)
        for r in doc["removals"]
    ]
    assert len(documents) == len(seeds) and expected
    browser.navigate(report.as_uri())
    marks = browser.js(READ_MARKS)
    assert [(m["doc"], m["filter"], m["reason"], m["start"], m["end"]) for m in marks] == expected
    assert all(m["shown"] and m["title"].endswith(m["reason"]) for m in marks)
    assert _network_requests(browser) == [report.as_uri()]


def test_marks_are_coloured_per_filter(browser: Browser, seed_report: Path) -> None:
    marks = browser.js(READ_MARKS)
    colours: dict[str, set[str]] = {}
    for m in marks:
        colours.setdefault(m["filter"], set()).add(m["color"])
    assert all(len(c) == 1 for c in colours.values()), colours
    assert len({next(iter(c)) for c in colours.values()}) == len(colours)


def test_unticking_a_filter_hides_its_marks_only(
    browser: Browser, seed_results: list[tuple[str, Result]], seed_report: Path
) -> None:
    filters = browser.js(
        "Array.from(document.querySelectorAll('#legend li')).map(li => li.dataset.filter)"
    )
    assert filters, "the legend lists no filter"
    for i, name in enumerate(filters):
        browser.click(f"#show-{i}")
        marks = browser.js(READ_MARKS)
        assert browser.js(f"document.querySelector('#show-{i}').checked") is False
        assert [m["shown"] for m in marks] == [m["filter"] != name for m in marks], name
        assert browser.js(f"document.querySelector('button.next[data-index=\\'{i}\\']').disabled")
        browser.click(f"#show-{i}")
        assert all(m["shown"] for m in browser.js(READ_MARKS)), name


def test_next_jumps_to_the_next_removal_of_the_same_filter(
    browser: Browser, seed_results: list[tuple[str, Result]], seed_report: Path
) -> None:
    stats: dict[str, int] = {}
    for _, result in seed_results:
        for name, s in result.stats().items():
            stats[name] = stats.get(name, 0) + s["removals"]
    name = max(stats, key=lambda n: stats[n])
    i = browser.js(
        f"Array.from(document.querySelectorAll('#legend li')).findIndex(li => li.dataset.filter"
        f" === {json.dumps(name)})"
    )
    focused = (
        "(() => { const e = document.activeElement; return [e.dataset.filter, "
        "Array.from(document.querySelectorAll('del.rm')).filter(d => d.dataset.filter === "
        "e.dataset.filter).indexOf(e)]; })()"
    )
    browser.click(f"button.next[data-index='{i}']")
    assert browser.js(focused) == [name, 0]
    browser.key("n")
    assert browser.js(focused) == [name, 1 % stats[name]]
    browser.key("p")
    assert browser.js(focused) == [name, 0]
    status = browser.js("document.getElementById('status').textContent")
    assert status.startswith(f"{name} 1 of {stats[name]}")


def test_nothing_is_fetched_from_the_network(browser: Browser, seed_report: Path) -> None:
    requests = _network_requests(browser)
    assert requests == [seed_report.as_uri()]
    leaks = browser.js(NETWORK_LEAKS)
    assert leaks["resources"] == []
    assert all(u.startswith("#") for u in leaks["urls"]), leaks["urls"]
    assert "default-src 'none'" in leaks["csp"]


HOSTILE = (
    "Headline\n<script>window.__pwned = 1; alert(1)</script>\n"
    "</style><style>body{display:none}</style></script><script>window.__pwned = 2</script>\n"
    '<img src=x onerror="window.__pwned = 3"><a href="javascript:window.__pwned = 4">click</a>\n'
    "<!-- comment --> &amp; &lt;b&gt; \x00 NUL and \ud800 lone surrogate \u2028 \u2029\n"
    '<iframe src="https://example.com/"></iframe><link rel=stylesheet href="https://x.test/a.css">'
    "\nBody text that stays.\n"
)


def test_hostile_document_is_inert_text(browser: Browser, tmp_path: Path) -> None:
    start = HOSTILE.index("<script>")
    end = HOSTILE.index("</script>") + len("</script>")
    result = Result(HOSTILE, (Removal(start, end, "script<b>", 'JavaScript: "<script>" & co'),))
    path = tmp_path / "hostile.html"
    write_report([("<img src=x onerror=window.__pwned=5>.txt", result)], path)
    browser.navigate(path.as_uri())
    page = browser.js(
        "({pwned: window.__pwned === undefined ? null : window.__pwned,"
        " scripts: document.scripts.length, imgs: document.images.length,"
        " frames: document.querySelectorAll('iframe,link,a[href^=javascript]').length,"
        " text: document.querySelector('div.text').textContent,"
        " heading: document.querySelector('article h2').textContent,"
        " title: document.title, body: getComputedStyle(document.body).display,"
        " mark: document.querySelector('del.rm').dataset.filter})"
    )
    assert page["pwned"] is None
    assert page["scripts"] == 2  # the report's own data and code
    assert page["imgs"] == 0
    assert page["frames"] == 0
    assert page["text"] == showable(HOSTILE)
    assert "\x00" not in page["text"] and "\u2400" in page["text"] and "\ufffd" in page["text"]
    assert page["heading"].endswith("<img src=x onerror=window.__pwned=5>.txt")
    assert page["body"] != "none"
    assert page["mark"] == "script<b>"
    assert not any(e.get("method") == "Page.javascriptDialogOpening" for e in browser.events)
    assert _network_requests(browser) == [path.as_uri()]


def screenshot(out: Path, doc: int = 1, mark: int = 0) -> None:
    """Save a 1280×900 picture of the seed report (how ``docs/img/report.png`` is made).

    Mark number ``mark`` of document ``doc`` is focused, so the status line shows its reason,
    and scrolled to the middle of the window.
    """
    executable = _chromium()
    if executable is None:
        raise SystemExit("chromium is not installed (Debian: apt-get install -y chromium)")
    paths = sorted(SEEDS.glob("*.txt"))
    if not paths:
        raise SystemExit(f"seed articles not found in {SEEDS}")
    with tempfile.TemporaryDirectory() as tmp:
        results = [(p.name, clean(p.read_text(encoding="utf-8"))) for p in paths]
        path = Path(tmp) / "seeds.html"
        write_report(results, path)
        b = Browser(executable, Path(tmp) / "profile")
        try:
            b.open_page()
            metrics = {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}
            b.send("Emulation.setDeviceMetricsOverride", metrics)
            b.navigate(path.as_uri())
            b.js(
                f"(() => {{ const m = document.querySelectorAll('#doc-{doc} del.rm')[{mark}];"
                " m.focus({preventScroll: true}); m.scrollIntoView({block: 'center'}); })()"
            )
            out.write_bytes(b.screenshot())
        finally:
            b.close()


if __name__ == "__main__":
    import sys

    screenshot(Path(sys.argv[1]), *(int(a) for a in sys.argv[2:4]))


def test_text_in_the_dom_is_exactly_the_original(browser: Browser, tmp_path: Path) -> None:
    """Leading newline, CRLF, lone CR, tabs, astral and combining characters survive parsing."""
    text = "\nfirst line after a newline\r\nCRLF line\rlone CR\ttab 😀 e\u0301 \ufeffBOM\n  \n"
    cut = text.index("CRLF")
    result = Result(
        text, (Removal(0, 1, "whitespace", "leading blank"), Removal(cut, cut + 11, "x", "y"))
    )
    path = tmp_path / "exact.html"
    write_report([("exact.txt", result)], path)
    browser.navigate(path.as_uri())
    shown = browser.js("document.querySelector('div.text').textContent")
    assert shown == text
    marks = browser.js(READ_MARKS)
    assert [m["text"] for m in marks] == [text[0:1], text[cut : cut + 11]]
