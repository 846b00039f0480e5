"""Pipeline: filter order, overlapping claims, editing a pipeline, custom filters."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext import Filter, LineFilter, Page, Pipeline, Removal, clean, default_pipeline

TEXT = (
    "Officials said the bridge would reopen next month.\n"
    "ALSO READ- Five things to know about the new tax rules\n"
    "\n"
    "The mayor said repairs had cost more than expected.\n"
)
LINE_1 = (TEXT.index("ALSO"), TEXT.index("\n\n") + 1)  # "ALSO READ-…\n"


class Span:
    """A plain Filter (no base class): removes fixed spans with a fixed reason."""

    def __init__(self, name: str, *spans: tuple[int, int]) -> None:
        self.name = name
        self.spans = spans

    def find(self, page: Page, removed: Sequence[bool]) -> Iterable[Removal]:
        return [
            Removal(s, e, self.name, f"span {s}-{e} asked for by the test") for s, e in self.spans
        ]


class Recorder:
    """A filter that removes nothing and remembers the removed-line view it was given."""

    name = "recorder"

    def __init__(self) -> None:
        self.seen: list[bool] = []

    def find(self, page: Page, removed: Sequence[bool]) -> Iterable[Removal]:
        self.seen = list(removed)
        return []


class Containing(LineFilter):
    """A LineFilter: removes every line that contains a word."""

    name = "containing"

    def __init__(self, word: str, name: str = "containing") -> None:
        self.word = word
        self.name = name

    def lines(self, page: Page, removed: Sequence[bool]) -> Iterator[tuple[int, int, str]]:
        for i, line in enumerate(page.lines):
            if self.word in line and not removed[i]:
                yield i, i, f'line contains "{self.word}"'


def run(pipeline: Pipeline, text: str = TEXT) -> list[Removal]:
    return pipeline.run(Page(text))


def test_a_plain_object_with_name_and_find_is_a_filter() -> None:
    assert isinstance(Span("x"), Filter)
    assert isinstance(Containing("x"), Filter)
    assert not isinstance(object(), Filter)


def test_earlier_filter_keeps_the_claim_on_an_overlap() -> None:
    first = Span("first", (10, 20))
    second = Span("second", (15, 30))
    removals = run(Pipeline([first, second]))
    assert [(r.start, r.end, r.filter) for r in removals] == [
        (10, 20, "first"),
        (20, 30, "second"),
    ]
    # The other order gives the overlap to the other filter.
    removals = run(Pipeline([second, first]))
    assert [(r.start, r.end, r.filter) for r in removals] == [
        (10, 15, "first"),
        (15, 30, "second"),
    ]


def test_a_later_span_is_split_around_an_earlier_one_and_keeps_its_reason() -> None:
    removals = run(Pipeline([Span("inner", (10, 20)), Span("outer", (5, 40))]))
    assert [(r.start, r.end, r.filter) for r in removals] == [
        (5, 10, "outer"),
        (10, 20, "inner"),
        (20, 40, "outer"),
    ]
    assert removals[0].reason == removals[2].reason == "span 5-40 asked for by the test"


def test_a_span_wholly_claimed_already_is_dropped() -> None:
    removals = run(Pipeline([Span("big", (0, 50)), Span("small", (10, 20))]))
    assert [(r.start, r.end, r.filter) for r in removals] == [(0, 50, "big")]


def test_overlapping_spans_from_one_filter_come_out_disjoint() -> None:
    removals = run(Pipeline([Span("sloppy", (10, 30), (20, 40), (35, 36))]))
    assert [(r.start, r.end) for r in removals] == [(10, 30), (30, 40)]
    result = clean(TEXT, pipeline=Pipeline([Span("sloppy", (10, 30), (20, 40))]))
    assert result.text == TEXT[:10] + TEXT[40:]


def test_removals_come_out_sorted_whatever_order_filters_return_them() -> None:
    removals = run(Pipeline([Span("a", (40, 45), (2, 4)), Span("b", (20, 25))]))
    assert [(r.start, r.end) for r in removals] == [(2, 4), (20, 25), (40, 45)]


def test_a_span_outside_the_text_is_an_error_naming_the_filter() -> None:
    with pytest.raises(ValueError, match="'bad'"):
        run(Pipeline([Span("bad", (10, len(TEXT) + 1))]))
    with pytest.raises(ValueError, match="'empty'"):
        run(Pipeline([Span("empty", (10, 10))]))


def test_later_filters_see_the_lines_earlier_filters_removed() -> None:
    recorder = Recorder()
    run(Pipeline([Span("drop", LINE_1), recorder]))
    assert recorder.seen == [False, True, False, False]


def test_a_line_whose_content_is_removed_counts_as_removed_without_its_terminator() -> None:
    recorder = Recorder()
    start, end = LINE_1
    run(Pipeline([Span("drop", (start, end - 1)), recorder]))
    assert recorder.seen == [False, True, False, False]
    # Half a line is not a removed line.
    run(Pipeline([Span("drop", (start, start + 9)), recorder]))
    assert recorder.seen == [False, False, False, False]


def test_an_empty_line_is_removed_with_its_terminator() -> None:
    recorder = Recorder()
    blank = TEXT.index("\n\n") + 1
    run(Pipeline([Span("drop", (blank, blank + 1)), recorder]))
    assert recorder.seen == [False, False, True, False]


def test_a_filter_sees_only_earlier_filters_removals() -> None:
    first, second = Recorder(), Recorder()
    first.name, second.name = "first", "second"
    run(Pipeline([first, Span("drop", LINE_1), second]))
    assert first.seen == [False, False, False, False]
    assert second.seen == [False, True, False, False]


def test_line_filter_removes_whole_lines_with_terminators() -> None:
    removals = run(Pipeline([Containing("ALSO READ")]))
    assert [(r.start, r.end, r.filter, r.reason) for r in removals] == [
        (*LINE_1, "containing", 'line contains "ALSO READ"')
    ]


def test_line_filter_on_a_last_line_without_terminator() -> None:
    text = "Kept line.\nALSO READ- gone"
    result = clean(text, pipeline=Pipeline([Containing("ALSO")]))
    assert result.text == "Kept line.\n"
    assert result.removals[0].end == len(text)


def test_custom_line_filter_in_the_default_pipeline() -> None:
    pipeline = default_pipeline().with_filter(Containing("repairs"))
    assert pipeline.names[-2:] == ["containing", "whitespace"]
    result = clean(TEXT, pipeline=pipeline)
    assert "repairs" not in result.text
    assert "Officials said the bridge" in result.text
    assert any(r.filter == "containing" for r in result.removals)


def test_names_and_lookup() -> None:
    pipeline = Pipeline([Span("a"), Span("b")])
    assert pipeline.names == ["a", "b"]
    assert len(pipeline) == 2
    assert pipeline["b"].name == "b"
    assert [f.name for f in pipeline] == ["a", "b"]
    with pytest.raises(KeyError, match="no filter named 'c'"):
        pipeline["c"]


def test_default_pipeline_names_are_unique_snake_case_and_end_with_whitespace() -> None:
    names = default_pipeline().names
    assert len(set(names)) == len(names)
    assert all(n.isidentifier() and n == n.lower() for n in names)
    assert names[-1] == "whitespace"


def test_without_drops_filters_and_leaves_the_original_alone() -> None:
    full = default_pipeline()
    names = full.names
    smaller = full.without(names[0], names[1])
    assert smaller.names == names[2:]
    assert full.names == names


def test_without_an_unknown_name_raises() -> None:
    with pytest.raises(KeyError, match="nonexistent"):
        default_pipeline().without("nonexistent")


def test_without_changes_what_is_removed() -> None:
    pipeline = Pipeline([Containing("ALSO READ"), Containing("repairs", name="repairs")])
    assert {r.filter for r in run(pipeline)} == {"containing", "repairs"}
    assert {r.filter for r in run(pipeline.without("containing"))} == {"repairs"}
    text = TEXT + "Previous Story\nNext Story\nfbq('init', '123');\n"
    assert {r.filter for r in clean(text).removals} >= {"markers"}
    for name in default_pipeline().names:
        kept = clean(text, pipeline=default_pipeline().without(name))
        assert all(r.filter != name for r in kept.removals)


def test_with_filter_before_and_after() -> None:
    base = Pipeline([Span("a"), Span("b"), Span("whitespace")])
    assert base.with_filter(Span("x"), before="b").names == ["a", "x", "b", "whitespace"]
    assert base.with_filter(Span("x"), after="b").names == ["a", "b", "x", "whitespace"]
    assert base.with_filter(Span("x"), before="a").names == ["x", "a", "b", "whitespace"]
    assert base.with_filter(Span("x"), after="whitespace").names[-1] == "x"
    assert base.with_filter(Span("x")).names == ["a", "b", "x", "whitespace"]
    assert Pipeline([Span("a")]).with_filter(Span("x")).names == ["a", "x"]
    assert base.names == ["a", "b", "whitespace"]


def test_with_filter_position_decides_overlaps() -> None:
    base = Pipeline([Span("a", (10, 20))])
    before = run(base.with_filter(Span("x", (0, 30)), before="a"))
    after = run(base.with_filter(Span("x", (0, 30)), after="a"))
    assert [r.filter for r in before] == ["x"]
    assert [r.filter for r in after] == ["x", "a", "x"]


def test_with_filter_errors() -> None:
    base = Pipeline([Span("a"), Span("b")])
    with pytest.raises(KeyError):
        base.with_filter(Span("x"), before="nope")
    with pytest.raises(KeyError):
        base.with_filter(Span("x"), after="nope")
    with pytest.raises(ValueError, match="not both"):
        base.with_filter(Span("x"), before="a", after="b")
    with pytest.raises(ValueError, match="unique"):
        base.with_filter(Span("a"))


def test_duplicate_names_raise() -> None:
    with pytest.raises(ValueError, match="repeated: a"):
        Pipeline([Span("a"), Span("b"), Span("a")])


def test_an_empty_pipeline_removes_nothing() -> None:
    result = clean(TEXT, pipeline=Pipeline([]))
    assert result.text == TEXT
    assert result.removals == ()


def test_a_pipeline_can_run_twice_with_the_same_result() -> None:
    pipeline = default_pipeline()
    assert clean(TEXT, pipeline=pipeline).removals == clean(TEXT, pipeline=pipeline).removals


SPANS = st.lists(
    st.tuples(st.integers(0, 59), st.integers(1, 20)).map(lambda t: (t[0], min(60, t[0] + t[1]))),
    max_size=8,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(SPANS, max_size=5))
def test_each_character_goes_to_the_first_claim_on_it(filters: list[list[tuple[int, int]]]) -> None:
    text = "".join(chr(ord("a") + i % 26) for i in range(60)) + "\n"
    pipeline = Pipeline(Span(f"f{k}", *spans) for k, spans in enumerate(filters))
    removals = run(pipeline, text)
    # Who should own each character: the first filter, then its first span, that covers it.
    owner: list[tuple[str, str] | None] = [None] * len(text)
    for k, spans in enumerate(filters):
        for s, e in spans:
            for c in range(s, e):
                if owner[c] is None:
                    owner[c] = (f"f{k}", f"span {s}-{e} asked for by the test")
    got: list[tuple[str, str] | None] = [None] * len(text)
    last = 0
    for r in removals:
        assert last <= r.start < r.end
        last = r.end
        for c in range(r.start, r.end):
            got[c] = (r.filter, r.reason)
    assert got == owner


class _Runaway(LineFilter):
    """A filter with a pattern that backtracks catastrophically on "aaaa…c" (even in the
    ``regex`` engine, which defuses the textbook "(a+)+b"): what the
    ``timeout=`` backstop is for."""

    name = "runaway"

    def lines(self, page: Page, removed: Sequence[bool]) -> Iterator[tuple[int, int, str]]:
        import regex

        pattern = regex.compile(r"(a|aa)+$")
        for i, line in enumerate(page.stripped):
            if pattern.match(line, timeout=0.05):
                yield i, i, "matched"


def test_a_pattern_that_runs_away_makes_its_filter_remove_nothing_not_crash() -> None:
    text = "ALSO READ- Five things to know\n" + "a" * 40 + "c\nThe article goes on.\n"
    pipeline = default_pipeline().with_filter(_Runaway(), before="markers")
    with pytest.warns(RuntimeWarning, match="'runaway' gave up"):
        result = clean(text, pipeline=pipeline)
    assert [r.filter for r in result.removals] == ["markers"]
    assert "a" * 40 + "c" in result.text
