"""Hostile input at the sizes of issue 4: ``clean`` finishes, never raises, and keeps every
offset invariant. Time is measured in ``benchmarks/hostile.py``, never asserted here."""

from __future__ import annotations

from itertools import cycle, islice

import pytest
from invariants import assert_invariants

from cleantext import clean

PROSE = (
    "The central bank raised its benchmark rate by a quarter point on Thursday, citing "
    "persistent inflation in services. "
)
BOILERPLATE = [
    "ALSO READ- Five things to know about the new tax rules",
    "Read Also: Stocks rally as inflation cools",
    "Also Read | Wagner chief says troops will leave Bakhmut",
    "Related Article: Ukraine war: what we know on day 400",
    "Previous Story",
    "Next Story",
    "Source link",
    "Please enter your comment!",
    "Go toTop",
    "!function(f,b,e,v,n,t,s)",
    "{if(f.fbq)return;n=f.fbq=function(){n.callMethod?",
    "n.callMethod.apply(n,arguments):n.queue.push(arguments)};",
    "fbq('init', '123');",
    "fbq('track', 'PageView');",
    "window.addEventListener('DOMContentLoaded', function () {",
    "});",
]


def check(text: str) -> None:
    assert_invariants(clean(text), text)


def test_five_megabyte_single_line() -> None:
    text = (PROSE * (5_000_000 // len(PROSE) + 1))[:5_000_000]
    result = clean(text)
    assert_invariants(result, text)
    assert len(result.text) > 0.9 * len(text), "a line of prose is article text"


def test_two_hundred_thousand_one_character_lines() -> None:
    text = "".join(c + "\n" for c in islice(cycle("ab}…-1 x"), 200_000))
    check(text)


def test_a_megabyte_of_open_braces() -> None:
    check("{" * 1_000_000)


def test_a_hundred_thousand_also_reads_on_one_line() -> None:
    check("ALSO READ-" * 100_000)


def test_a_hundred_thousand_also_read_lines() -> None:
    text = "ALSO READ-\n" * 100_000
    result = clean(text)
    assert_invariants(result, text)
    assert result.text.strip() == ""


def test_a_megabyte_line_of_ellipses() -> None:
    check("…" * 1_000_000)
    check(PROSE + "\n" + "…" * 1_000_000 + "\n" + PROSE)


def test_lines_of_long_words_next_to_a_brace() -> None:
    # Nested selector quantifiers once made the script pattern polynomial in word length.
    check(("a" * 60 + "\n") * 2_000 + "{\n")


def test_many_comment_signatures_too_far_apart_for_a_thread() -> None:
    # Each signature once sliced the rest of the list: quadratic in their number.
    text = PROSE + "\n" + PROSE + "\n" + ("Cindy says\n" + "x\n" * 13) * 10_000
    result = clean(text)
    assert_invariants(result, text)
    assert not any(r.filter == "comments" for r in result.removals)


@pytest.mark.parametrize(
    "terminators",
    [("\r\n", "\r", "\u2028"), ("\r", "\n"), ("\u2029", "\x85", "\r\n"), ("\r\r\n", "\n\r")],
)
def test_mixed_line_terminators(terminators: tuple[str, ...]) -> None:
    lines = [PROSE.strip(), "ALSO READ- Stocks rally", "", "Previous Story", "fbq('init', '1');"]
    check("".join(a + b for a, b in zip(lines * 40, cycle(terminators))))


PAGE = [
    "Water companies announce hosepipe bans",
    "Water companies announced hosepipe bans on Friday after the driest July in more than "
    "fifty years left reservoirs at their lowest level since records began.",
    "ALSO READ- Stocks rally as inflation cools",
    "Customers have been asked to avoid filling paddling pools and washing cars, and fines "
    "can be imposed on those who break the rules.",
    "(Photo : Reuters)",
    "Farmers said the dry weather had already cut yields of wheat and barley, and warned "
    "that food prices could rise later in the year.",
    "Previous Story",
    "Next Story",
    "fbq('init', '123');",
    "fbq('track', 'PageView');",
]


@pytest.mark.parametrize(
    "terminator",
    [
        "\r\n",
        "\r",
        "\u2028",
        "\u2029",
        "\x85",
    ],
)
def test_a_page_cleans_alike_whatever_its_line_terminator(terminator: str) -> None:
    lf = "\n".join(PAGE) + "\n"
    other = terminator.join(PAGE) + terminator
    a, b = clean(lf), clean(other)
    assert_invariants(b, other)
    assert [(r.filter, r.reason) for r in b.removals] == [(r.filter, r.reason) for r in a.removals]
    assert b.text.replace(terminator, "\n") == a.text


def test_nul_bytes() -> None:
    check("\x00" * 10_000)
    check(PROSE.replace(" ", "\x00") * 100)
    check("\n".join([PROSE, "\x00ALSO READ- x\x00", "\x00", PROSE]))


def test_lone_surrogates() -> None:
    check("\ud800")
    check("\udfff\n\ud800\n")
    check(PROSE + "\ud83d\n" + "ALSO READ- \udc00 broken emoji\n" + PROSE + "\udbff")


def test_text_that_is_all_boilerplate_is_removed_with_reasons() -> None:
    text = "\n".join(BOILERPLATE * 3) + "\n"
    result = clean(text)
    assert_invariants(result, text)
    assert result.text.strip() == "", f"kept: {result.text!r}"
    removed = "".join(result.removed_text(r) for r in result.removals)
    assert removed.strip() and not any(not r.reason.strip() for r in result.removals)
    # Every non-blank character went with an explained removal.
    assert sum(not c.isspace() for c in removed) == sum(not c.isspace() for c in text)


def test_empty_text() -> None:
    result = clean("")
    assert_invariants(result, "")
    assert result.text == "" and result.pieces == () and result.removals == ()
    assert result.to_original(0) == 0


@pytest.mark.parametrize("text", [" ", "\n", "\r\n", "\u2028", "\r", "\x85", "\n\n\n", " \t\n"])
def test_whitespace_only_text(text: str) -> None:
    check(text)
