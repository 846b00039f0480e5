"""Leftover JavaScript and CSS that a scraper kept as lines (tracking pixels, embeds).

One whole-text scan finds lines with unmistakable code (``function (``, ``=>``, ``fbq(``,
``window.x``, ``var x =``); the run of code-shaped lines around each hit goes with it. A
line that reads like prose stops a run, so an article that mentions ``window.open`` stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import regex

from ..page import LINE_START, Page
from ..pipeline import PATTERN_TIMEOUT, LineFilter

# A line holding one of these is code on any site. @LS@ is a line start (LINE_START): the
# branches that open with it match only at a line's first position.
_STRONG_BRANCHES = (
    r"\bfunction[ \t]*+[\w$]{0,60}+[ \t]*+\([^()\n]{0,200}+\)[ \t]*+\{",
    r"!function[ \t]*+\(",
    r"\)[ \t]*+=>[ \t]*+\{?",
    r"\b(?:var|let|const)[ \t]++[\w$]{1,60}+[ \t]*+=(?!=)",
    r"\b(?:fbq|gtag|_gaq|dataLayer|googletag|twttr|__tcfapi|_paq|ga)[ \t]*+(?:\.\w++[ \t]*+)?\(",
    r"\b(?:window|document)\.[\w$]{2,60}+[ \t]*+[.(=\[]",
    r"\.(?:addEventListener|getElementById|getElementsByTagName|querySelector(?:All)?"
    r"|createElement|appendChild|insertBefore|setAttribute|push)[ \t]*+\(",
    r"@LS@[ \t]*+<\/?(?:script|style|iframe|noscript|div|span)\b",
    r"@LS@[ \t]*+(?:@media|@font-face|@import|@keyframes)\b",
    # CSS: p.x { a: b;
    r"@LS@[ \t]*+[.#]?[\w-]{1,60}+(?:[ \t]*+[,>~+]?[ \t]*+[.#]?[\w-]{1,60}+){0,6}+"
    r"[ \t]*+\{[ \t]*+[\w-]{1,40}+[ \t]*+:[^;{}\n]{1,200}+;",
    r"@LS@[ \t]*+\}[ \t]*+\)[ \t]*+\([ \t]*+(?:window|document|jQuery)",
    r"\bclass[ \t]++[\w$]{1,60}+[ \t]*+(?:extends[ \t]++[\w$.]{1,60}+[ \t]*+)?\{",
    # x = {"a": …  / gql: {"
    r"""@LS@[ \t]*+[\w$.]{1,80}+[ \t]*+[=:][ \t]*+[{\[][ \t]*+["'{\[]""",
    r"@LS@[ \t]*+/\*\s*+(?:<!\[CDATA\[|\]\]>)",
)


def _strong(branches: tuple[str, ...]) -> regex.Pattern[str]:
    source = "|".join(b.replace("@LS@", LINE_START) for b in branches)
    return regex.compile(f"(?P<code>{source})", regex.MULTILINE | regex.VERBOSE)


STRONG = _strong(_STRONG_BRANCHES)
# STRONG past a line's first position, where its line-start branches cannot match: with no
# branch that may start anywhere, the engine finds its candidates many times faster.
STRONG_INSIDE = _strong(tuple(b for b in _STRONG_BRANCHES if not b.startswith("@LS@")))
# Every STRONG match holds one of these (lower-cased), so only lines with one are searched.
NEEDLES = (
    "function", "=>", "var ", "let ", "const ", "fbq", "gtag", "_gaq", "datalayer",
    "googletag", "twttr", "__tcfapi", "_paq", "ga(", "ga.", "window.", "document.",
    "addeventlistener", "getelementby", "queryselector", "createelement", "appendchild",
    "insertbefore", "setattribute", ".push", "<script", "<style", "<iframe", "<noscript",
    "<div", "<span", "</", "@media", "@font-face", "@import", "@keyframes", "{", "})",
    "class ", "= {", "=[", "= [", ": {", ":{", "/*",
)  # fmt: skip
# One search for any of them: faster than testing each needle in turn.
_ANY_NEEDLE = re.compile("|".join(map(re.escape, NEEDLES)))
# Every STRONG match holds one of these: lines without any are not searched at all. A few
# signs find the candidates in fewer passes over the text than the many NEEDLES would.
SIGNS = ("(", "=", "{", "<", "@", "[", "]", "window.", "document.")
# Lines that are code when they sit next to code: a statement, a brace, a bare condition.
WEAK = regex.compile(
    r"""^\s*(?:
        [})\]]{1,6}[\s,;)]*(?:\w{0,20}\s*\)?\s*[;,]?\s*)$      # closing braces, "}, 7000);"
      | [\w$.\[\]'"‘’]{1,80}\s*(?:[+\-*/|&]?=|\?)[^\n]{0,300}[;{,]\s*$  # x.y = z;  a ? b : c;
      | (?:if|for|while|switch|catch)\s*\([^\n]{0,200}$     # if (f.fbq)
      | (?:else|try|finally)\s*\{?\s*$|\}\s*else\b[^\n]{0,100}$
      | (?:return|case)\b[^\n]{0,200}[;:]\s*$
      | [\w$.]{1,80}\([^\n]{0,300}\)\s*[;{]?\s*$       # call(…);
      | [^\n]{0,300}[;{]\s*$
      | /\*|\*/|\*[ \t]*@\w|\*$|//                    # comments
      | "[^"\n]{0,200}"\s*:                              # "key": value,
    )""",
    regex.VERBOSE,
)


def strong_search(text: str, start: int, end: int) -> regex.Match[str] | None:
    """``STRONG.search`` of the line ``text[start:end]``: every branch at the line's start,
    then only the branches that may match inside it (a line's content holds no terminator,
    so no line start)."""
    return STRONG.match(text, start, end, timeout=PATTERN_TIMEOUT) or STRONG_INSIDE.search(
        text, start + 1, end, timeout=PATTERN_TIMEOUT
    )


class Script(LineFilter):
    """Removes runs of lines that are JavaScript or CSS, anchored on an unmistakable code line."""

    name = "script"

    def lines(self, page: Page, removed: Sequence[bool]) -> Iterator[tuple[int, int, str]]:
        text, starts, stops, prose = page.text, page.starts, page.ends, page.prose
        anchors: dict[int, str] = {}
        low = page.lower
        for i in page.lines_containing(SIGNS):
            if prose[i]:
                continue
            if _ANY_NEEDLE.search(low, starts[i], stops[i]) and (
                m := strong_search(text, starts[i], stops[i])
            ):
                anchors[i] = m.group("code").strip()
        if not anchors:
            return
        stripped, prose, blank = page.stripped, page.prose, page.blank

        def code_like(i: int) -> bool:
            return i in anchors or (
                not prose[i]
                and not blank[i]
                and WEAK.match(stripped[i], timeout=PATTERN_TIMEOUT) is not None
            )

        done = -1
        for i in sorted(anchors):
            if i <= done:
                continue
            first = i
            while first > 0 and code_like(first - 1):
                first -= 1
            last = i
            while last + 1 < len(page) and code_like(last + 1):
                last += 1
            n = last - first + 1
            evidence = anchors[i] if len(anchors[i]) <= 40 else anchors[i][:37] + "..."
            what = "line" if n == 1 else f"run of {n} lines"
            yield first, last, f'{what} of JavaScript or CSS, with code such as "{evidence}"'
            done = last
