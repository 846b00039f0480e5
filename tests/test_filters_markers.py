"""The markers filter: lines that are, start with, or hold a boilerplate phrase."""

from __future__ import annotations

import pytest
from filtercase import reasons, removed_lines

from cleantext.filters import Markers

PROSE = (
    "The committee published its findings on Tuesday after a two-year inquiry into the "
    "collapse of the company, which left thousands of savers out of pocket."
)

REMOVED = [
    "ALSO READ-Pence slams Trump, DeSantis over Ukraine stance",
    "Read Also: Joe Biden Drops Bold Promise Amid US Banks Collapse",
    "Also Read | Russia-Ukraine war: Which cities have Russian forces captured so far?",
    "Related Article: Russians Use Hypersonic Missile in Big Attack",
    "Source link",
    "Go toTop",
    "Please enter your comment!",
    "Advertisement",
    "Story continues below advertisement",
    "Share this:",
    "3 min read",
    "Click here to subscribe to our daily briefing",
    "We use cookies to personalise content and ads. By continuing to use this site you agree.",
    "Lesen Sie auch: Die wichtigsten Fragen zur Wahl",
    "Expert advice and our favorite products dropped right in your inbox.",
    "Subscribe to stay up to date with our latest news, resources and best practices.",
    "Join our newsletter for actionable tips and proven strategies to grow your business.",
    "Thanks for subscribing! Look out for your first newsletter in your inbox soon!",
    "By entering your email address you agree to our Terms of Use and Privacy Policy.",
    "The views expressed by the authors of this blog are their own.",
    "Table of Contents",
    "Book a Demo",
    "Sign up for the Morning Briefing",
    # An affiliate button under each product of a review.
    "Check Price on Amazon",
    # The date stamp a blog theme writes above or below the post.
    "Last updated on September 16th, 2023 at 09:27 am",
    "Last Updated on:",
    # The affiliate disclosure a blog puts above the post, in two common wordings.
    "This post contains affiliate links. Click here to read my full disclosure.",
    "If you click through and make a purchase, we may earn a commission at no extra cost to you.",
]
KEPT = [
    PROSE,
    "In related news, the Wagner Group has likely lost access to recruiting in Russian jails.",
    "Read the full report, the minister told parliament, before judging the decision.",
    "Share prices fell sharply on Monday.",
    "Sources said the deal was close.",
    "Advertisement revenue rose 4% in the quarter.",
    "Watch-dog groups criticised the plan.",
    "Readers told us the newsletter was the first thing they opened each morning.",
    "Stay up to date on your vaccinations before you travel.",
    "The table of contents lists twelve chapters, one for each month of the trial.",
    # "Sign up for the …" takes any object (a programme, a plan, a class): in a sentence it is
    # the article describing it, so only a short line opening with it is a prompt.
    "Members can sign up for the rewards programme at any branch and earn a point for every "
    "pound spent, with free upgrades once they reach the second tier.",
    "Check the price of the spare battery before you buy the drill: it is half the cost.",
    # An affiliate note is article text on many sites (the bench's gold keeps a third).
    "Our editors handpick every product we feature. We may earn a commission from purchases.",
    "Last updated on Friday, the rules now require every supplier to register with the council "
    "before it can bid for a contract.",
]


@pytest.mark.parametrize("line", REMOVED)
def test_removes(line: str) -> None:
    language = "de" if line.startswith("Lesen") else "en"
    assert removed_lines(Markers(), [PROSE, line, PROSE], language) == [line]


@pytest.mark.parametrize("line", KEPT)
def test_keeps(line: str) -> None:
    assert removed_lines(Markers(), [PROSE, line, PROSE]) == []


def test_reason_quotes_the_marker_as_written() -> None:
    (reason,) = reasons(Markers(), ["ALSO READ-Pence slams Trump"])
    assert reason == 'line starts with marker "ALSO READ-"'
