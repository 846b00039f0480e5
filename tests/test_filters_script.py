"""The script filter: JavaScript and CSS left as lines, never the prose around it."""

from __future__ import annotations

import pytest
from filtercase import removed_lines
from hypothesis import given
from hypothesis import strategies as st

from cleantext.filters import Script
from cleantext.filters.script import STRONG, strong_search

PROSE = "The pixel, a snippet of code that tracks visitors, was added to the site in 2019."
PIXEL = [
    "!function (f, b, e, v, n, t, s) {",
    "if (f.fbq)",
    "n = f.fbq = function () {",
    "n.callMethod ? n.callMethod.apply(n, arguments) : n.queue.push(arguments);",
    "t.async = !0;",
    "}(window, document, 'script', '//connect.facebook.net/en_US/fbevents.js');",
    "fbq('init', '1684841475119151');",
    "fbq('track', 'PageView');",
]


def test_removes_the_facebook_pixel_and_keeps_prose() -> None:
    assert removed_lines(Script(), [PROSE, *PIXEL, PROSE]) == PIXEL


@pytest.mark.parametrize(
    "line",
    [
        "window.addEventListener('load', (event) => {",
        'var BP_Nouveau = {"ajaxurl":"https:\\/\\/example.com\\/wp-admin\\/admin-ajax.php"};',
        ".site-header { color: #333; margin: 0 auto; }",
        "@media (max-width: 600px) {",
        'searchwp_live_search_params = {"ajaxurl":"https://example.com","origin_id":7579};',
    ],
)
def test_removes_code_lines(line: str) -> None:
    assert removed_lines(Script(), [PROSE, line, PROSE]) == [line]


@pytest.mark.parametrize(
    "line",
    [
        "The function of the committee is to advise the minister on policy.",
        "Critics said the window.open trick, used by some advertisers, should be banned by law.",
        "Let x be the number of voters who changed their minds; then the swing was small.",
        "If (as expected) the bill passes, the changes start in April.",
    ],
)
def test_keeps_prose_that_mentions_code(line: str) -> None:
    assert removed_lines(Script(), [PROSE, line, PROSE]) == []


_CODE_PIECES = [
    "function", "f", "(", ")", "{", "}", " ", "\t", "=>", "var", "x", "=", "==", "window",
    ".", "push", "<script", "@media", "p", ":", ";", "class", "/*", "<![CDATA[", '"', "é",
]  # fmt: skip


@given(
    st.lists(st.sampled_from(_CODE_PIECES), max_size=25).map("".join),
    st.sampled_from(["", "\n", "a", "\u2028", "x."]),
)
def test_strong_search_finds_what_the_whole_pattern_finds(line: str, before: str) -> None:
    # A line's content holds no terminator, so the line-start branches fit only at its start.
    text = before + line + "\nafter"
    start, end = len(before), len(before) + len(line)
    found, searched = strong_search(text, start, end), STRONG.search(text, start, end)
    assert (found and (found.span(), found["code"])) == (
        searched and (searched.span(), searched["code"])
    )
