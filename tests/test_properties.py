"""Property tests: ``clean`` never raises and every offset promise holds, on any ``str``.

Two kinds of input: arbitrary text (every code point, lone surrogates, every line terminator)
and pages built from lines that look like the real thing — article sentences, the marker
phrases of ``cleantext/data/markers/*.txt`` with the separators sites put after them, teasers
cut off with "…", photo credits and leftover JavaScript — so that the filters actually fire.

Runs a few hundred examples locally; with ``CI`` set (``CI=true``) the "ci" profile runs
thousands (about 2,000 for the main property), still well under a minute.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from invariants import assert_invariants

from cleantext import clean, default_pipeline, markers

settings.register_profile(
    "cleantext-dev",
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "cleantext-ci",
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
IN_CI = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
PROFILE = settings.get_profile("cleantext-ci" if IN_CI else "cleantext-dev")
# The main property gets four times the profile's budget: 2,000 examples in CI.
MAIN = settings(PROFILE, max_examples=PROFILE.max_examples * 4)

TERMINATORS = ["\n", "\n", "\n", "\r\n", "\r", "\u2028", "\u2029", "\x85"]
# Every code point, lone surrogates included (hypothesis leaves out category Cs by default).
ANY_CHAR = st.characters(exclude_categories=())

SENTENCES = [
    "The central bank raised its benchmark rate by a quarter point on Thursday, citing "
    "persistent inflation in services.",
    "In related news, the Wagner Group said its fighters had withdrawn from the town.",
    "“We will not back down,” the mayor told reporters outside the city hall.",
    "Officials said the bridge would reopen to traffic by the end of next month.",
    "Read the full report, which runs to 212 pages, before drawing conclusions.",
    "Bakhmut Death Toll",
    "Previous studies had found no such link between the two conditions.",
    "Next, the committee will hear from the company's former chief executive.",
    "The photo, taken in 1972, shows the original crew standing beside the aircraft.",
    "Der Bundestag hat am Donnerstag das neue Heizungsgesetz beschlossen.",
    "Le gouvernement a annoncé de nouvelles mesures pour soutenir les agriculteurs.",
    "Правительство объявило о новых мерах поддержки фермеров.",
    "قال المسؤولون إن الجسر سيعاد فتحه أمام حركة المرور الشهر المقبل.",
    "הממשלה הודיעה על צעדים חדשים לתמיכה בחקלאים.",
    "政府は農家を支援するための新たな措置を発表した。",
    "Fans celebrated late into the night 🎉🇧🇷 after the final whistle.",
    "Shares closed 3.4% higher at $41.20; volume was twice the daily average.",
]
HEADLINES = [
    "Five things to know about the new tax rules",
    "Ukraine war: what we know on day 400",
    "Stocks rally as inflation cools",
    "Watch: storm batters the coast",
    "Wagner chief says troops will leave Bakhmut",
]
JAVASCRIPT = [
    "!function(f,b,e,v,n,t,s)",
    "{if(f.fbq)return;n=f.fbq=function(){n.callMethod?",
    "n.callMethod.apply(n,arguments):n.queue.push(arguments)};",
    "t.src=v;s=b.getElementsByTagName(e)[0];",
    "s.parentNode.insertBefore(t,s)}(window, document,'script',",
    "'https://connect.facebook.net/en_US/fbevents.js');",
    "fbq('init', '123');",
    "fbq('track', 'PageView');",
    "window.addEventListener('DOMContentLoaded', function () {",
    "var el = document.getElementById('comments');",
    "});",
    "}",
    "@media (max-width: 600px) {",
    ".share-bar { display: none; }",
    '<script async src="https://platform.twitter.com/widgets.js"></script>',
]
CREDITS = [
    "(Photo : Reuters)",
    "Image Source : PTI",
    "@YouTube",
    "Getty Images",
    "Photo: AFP/Getty Images",
    "(Representational image)",
]
SEPARATORS = ["", "-", "- ", " - ", ": ", ":", " | ", "|", " » ", " – ", " — ", "…", " >"]
BULLETS = ["", "", "", "- ", "• ", "► ", "# ", "* "]


def _phrases() -> list[str]:
    found = []
    for lang in markers.available_languages():
        for phrases in markers.load_phrases(lang).values():
            found.extend(p.replace("{n}", "12") for p in phrases)
    return found or ["also read", "previous story", "latest from"]


PHRASES = _phrases()


def _casing(draw: st.DrawFn, s: str) -> str:
    return draw(st.sampled_from([s, s.upper(), s.title(), s.capitalize()]))


@st.composite
def marker_lines(draw: st.DrawFn) -> str:
    """ "ALSO READ-Five things to know…", "• Previous Story", "Latest from -Top News"."""
    phrase = _casing(draw, draw(st.sampled_from(PHRASES)))
    tail = draw(
        st.one_of(
            st.just(""),
            st.sampled_from(HEADLINES),
            st.sampled_from(SENTENCES),
            st.text(ANY_CHAR, max_size=12),
        )
    )
    return draw(st.sampled_from(BULLETS)) + phrase + draw(st.sampled_from(SEPARATORS)) + tail


@st.composite
def teasers(draw: st.DrawFn) -> str:
    """A summary cut off mid-sentence, with or without an ellipsis."""
    s = draw(st.sampled_from(SENTENCES + HEADLINES))
    cut = draw(st.integers(1, len(s)))
    return s[:cut].rstrip() + draw(st.sampled_from(["…", "...", " …", "", "…”"]))


LINES = st.one_of(
    st.sampled_from(SENTENCES),
    st.sampled_from(HEADLINES),
    marker_lines(),
    teasers(),
    st.sampled_from(JAVASCRIPT),
    st.sampled_from(CREDITS),
    st.sampled_from(["", "", " ", "\t", "  \t "]),
    st.text(ANY_CHAR, max_size=40),
)


@st.composite
def pages(draw: st.DrawFn) -> str:
    """Lines of article text and boilerplate, joined with any mix of line terminators."""
    lines = draw(st.lists(LINES, max_size=40))
    out = []
    for line in lines:
        pad = draw(st.sampled_from(["", "", "", " ", "\t", "\xa0"]))
        out.append(pad + line + draw(st.sampled_from(TERMINATORS)))
    text = "".join(out)
    if text and draw(st.booleans()):
        text = text.rstrip("\n\r\u2028\u2029\x85")
    return text


# Small alphabets that make line-table edge cases likely: runs of terminators, "\r" then
# "\n" split across pieces, NUL, surrogates, ellipses and braces.
EDGY = st.lists(
    st.sampled_from(
        [
            *"\r\n\u2028\u2029\x85 \t\x00.…{}-:|abé🎉א",
            *("\ud800", "\udfff", "ALSO READ-", "Previous Story"),
        ]
    ),
    max_size=60,
).map("".join)


@MAIN
@given(pages())
def test_pages_of_lines_keep_every_invariant(text: str) -> None:
    assert_invariants(clean(text), text)


@settings(PROFILE)
@given(st.text(ANY_CHAR, max_size=400))
def test_arbitrary_text_keeps_every_invariant(text: str) -> None:
    assert_invariants(clean(text), text)


@settings(PROFILE)
@given(EDGY)
def test_terminator_heavy_text_keeps_every_invariant(text: str) -> None:
    assert_invariants(clean(text), text)


LANGUAGES = [*markers.available_languages(), "de", "fr", "ru", "uk", "zz", None]


@settings(PROFILE)
@given(pages(), st.sampled_from(LANGUAGES))
def test_any_language_keeps_every_invariant(text: str, language: str | None) -> None:
    assert_invariants(clean(text, language=language), text)


@settings(PROFILE)
@given(pages(), st.data())
def test_default_pipeline_less_any_filters_keeps_every_invariant(
    text: str, data: st.DataObject
) -> None:
    names = default_pipeline().names
    dropped = data.draw(st.lists(st.sampled_from(names), unique=True), label="dropped")
    pipeline = default_pipeline().without(*dropped)
    assert pipeline.names == [n for n in names if n not in dropped]
    assert_invariants(clean(text, pipeline=pipeline), text)


@settings(PROFILE)
@given(st.lists(marker_lines(), min_size=1, max_size=20))
def test_marker_only_pages_keep_every_invariant(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert_invariants(clean(text), text)
