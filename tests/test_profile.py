"""Corpus profiles: learned recurring lines, their filter and reasons, bounded counting."""

from __future__ import annotations

from pathlib import Path

import pytest

import cleantext
from cleantext.profile import LineCounter, Profile, ProfileError, learn, normalise, site_of

FOOTER = "Footer links: About | Contact | Jobs"
PROMPT = "Tell us what you think in the Example Weekly reader panel"
WIRE = (
    "The central bank raised its benchmark rate by a quarter point on Thursday, citing "
    "stubborn inflation in services and a tight labour market."
)


def site(i: int, name: str = "example.com") -> tuple[str, str]:
    body = f"Story {i} reports on the {i}th council meeting, where members argued for hours."
    return name, f"{body}\n{WIRE}\n{PROMPT}\n{FOOTER} {2020 + i % 3}\n"


def test_learns_the_repeated_lines_of_a_site() -> None:
    profile = learn([site(i) for i in range(8)], min_docs=5, min_share=0.5)
    texts = {line.text for line in profile.lines("example.com")}
    assert PROMPT in texts
    assert any(t.startswith("Footer links") for t in texts)  # digits normalised: one line
    assert not any("council meeting" in t for t in texts)  # unique lines are not learned


def test_syndicated_prose_is_never_learned() -> None:
    docs = [site(i, "a.com") for i in range(6)] + [site(i, "b.com") for i in range(6)]
    profile = learn(docs, min_docs=3, min_share=0.3)
    assert WIRE not in {line.text for line in profile.lines()}


def test_filter_removes_with_a_reason_and_keeps_the_article() -> None:
    profile = learn([site(i) for i in range(8)], min_docs=5, min_share=0.5)
    _, text = site(99)
    pipeline = cleantext.default_pipeline().with_filter(
        profile.filter("example.com"), before="body"
    )
    result = cleantext.clean(text, pipeline=pipeline)
    assert PROMPT not in result.text
    assert WIRE in result.text
    reasons = [r.reason for r in result.removals if r.filter == "profile"]
    assert "line repeats in 8 of 8 documents of example.com" in reasons


def test_other_groups_are_not_touched() -> None:
    profile = learn([site(i) for i in range(8)], min_docs=5, min_share=0.5)
    assert len(profile.filter("other.org")) == 0


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    profile = learn([site(i) for i in range(8)], min_docs=5, min_share=0.5)
    path = tmp_path / "p.json"
    profile.save(path)
    again = Profile.load(path)
    assert again.lines() == profile.lines()
    assert again.group_docs == profile.group_docs


@pytest.mark.parametrize("content", ["{not json", '{"format": "other"}', "[]"])
def test_a_bad_profile_is_one_clear_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ProfileError) as err:
        Profile.load(path)
    assert str(err.value).startswith(str(path)) and "\n" not in str(err.value)


def test_counter_memory_stays_bounded() -> None:
    counter = LineCounter(max_entries=100)

    def word(n: int) -> str:  # digits would all normalise to 0
        return "".join(chr(97 + int(c)) for c in str(n))

    for d in range(50):
        lines = [f"line {word(d)} {word(k)}" for k in range(20)]
        counter.add("", [(s, normalise(s)) for s in lines])
        counter.add("", [("shared", "shared")])
        assert len(counter) <= 100
    assert counter.prunes > 0
    assert counter.floor > 0  # counts may now be undercounts, and the profile says so


def test_normalise_and_site() -> None:
    assert normalise("  © 2024   Example\tMedia ") == "© 0000 example media"
    assert site_of("https://www.Example.com/a/b") == "example.com"
    assert site_of("example.org") == "example.org"


WEEKS = ["two", "three", "four", "five", "six", "seven", "eight", "nine"]


def paragraph(k: int) -> str:
    return (
        f"The reviewer used camera number {k} for {WEEKS[k % 8]} weeks at home and found that "
        f"its battery lasted longer than the maker promised, even in the cold of week {k}."
    )


def review(i: int) -> str:
    """A review-site page: each product box repeats the template's "Pros" and "Cons" labels
    between paragraphs of prose; the site's footer follows the article."""
    boxes = "".join(
        f"Camera {i}-{k}\n{paragraph(k)}\nPros\nSharp video {k}\nCons\nPricey {k}\n"
        f"{paragraph(k + 3)}\n"
        for k in range(3)
    )
    return f"Review {i}: cameras\nWhat We Like\n{paragraph(7)}\n{boxes}{PROMPT}\n{FOOTER}\n"


def test_the_article_template_is_kept_and_the_footer_goes() -> None:
    docs = [("reviews.example", review(i)) for i in range(6)]
    profile = learn(docs, min_docs=5, min_share=0.5)
    learned = {line.text for line in profile.lines()}
    assert {"Pros", "Cons", "What We Like", PROMPT, FOOTER} <= learned
    # Without the body filter, which judges these short lines on its own, so that what is
    # kept or removed here is the profile's doing.
    pipeline = cleantext.default_pipeline().without("body")
    pipeline = pipeline.with_filter(profile.filter("reviews.example"))
    result = cleantext.clean(review(99), pipeline=pipeline)
    kept = result.text.splitlines()
    assert "What We Like" in kept  # heads a paragraph
    assert kept.count("Pros") == 3 and kept.count("Cons") == 3  # a label of every item
    gone = {result.original[r.start : r.end].strip() for r in result.removals}
    assert {PROMPT, FOOTER} <= gone


def test_a_recurring_line_between_paragraphs_is_kept() -> None:
    def page(i: int) -> str:
        return (
            f"Menu | Home | News\n{paragraph(1)}\nOur verdict\nScore {i}\n{paragraph(2)}\n"
            f"{FOOTER}\n"
        )

    profile = learn([("a.example", page(i)) for i in range(6)], min_docs=5, min_share=0.5)
    assert "Our verdict" in {line.text for line in profile.lines()}
    pipeline = cleantext.default_pipeline().without("body")
    pipeline = pipeline.with_filter(profile.filter("a.example"))
    result = cleantext.clean(page(7), pipeline=pipeline)
    assert "Our verdict" in result.text
    assert FOOTER not in result.text
