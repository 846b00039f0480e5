"""Filters and the pipeline that runs them.

A filter looks at a Page and at which lines earlier filters removed, and returns removals;
it never changes the page or another filter. The pipeline owns the loop: it runs the filters
in order, lets the earlier filter keep any characters two filters both claim, and tells each
filter which lines are already gone.
"""

from __future__ import annotations

import warnings
from abc import ABC, abstractmethod
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import repeat
from typing import Protocol, runtime_checkable

from .page import Page
from .result import Removal

# Seconds one pattern may spend on one line (``regex``'s ``timeout=``). Every shipped pattern
# has bounded quantifiers and runs on one line at a time, so this never fires on real text; it
# is the backstop the pipeline turns into "this filter removes nothing from this text".
PATTERN_TIMEOUT = 2.0


@runtime_checkable
class Filter(Protocol):
    """Anything with a snake_case ``name`` and a ``find`` method is a filter."""

    name: str

    def find(self, page: Page, removed: Sequence[bool]) -> Iterable[Removal]:
        """Return removals (spans of ``page.text``); ``removed[i]`` says line i is already gone."""
        ...


class LineFilter(ABC):
    """Base for filters that remove whole lines: implement ``lines`` and say why."""

    name: str = "line_filter"

    @abstractmethod
    def lines(self, page: Page, removed: Sequence[bool]) -> Iterable[tuple[int, int, str]]:
        """Yield ``(first, last, reason)``: lines first..last inclusive go, for that reason."""

    def find(self, page: Page, removed: Sequence[bool]) -> Iterator[Removal]:
        # ``page.span`` of each removal, read from the line table without a call per line.
        starts, nexts, name = page.starts, page.nexts, self.name
        for first, last, reason in self.lines(page, removed):
            start, end = starts[first], nexts[last]
            if end > start:
                yield Removal(start, end, name, reason)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.name!r}>"


class _Claims:
    """Sorted, disjoint claimed spans; later claims get only what is still free."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.removals: list[Removal] = []

    def free_parts(self, start: int, end: int) -> list[tuple[int, int]]:
        parts = []
        i = bisect_right(self.ends, start)
        pos = start
        while pos < end and i < len(self.starts):
            if self.starts[i] >= end:
                break
            if self.starts[i] > pos:
                parts.append((pos, self.starts[i]))
            pos = max(pos, self.ends[i])
            i += 1
        if pos < end:
            parts.append((pos, end))
        return parts

    def is_free(self, start: int, end: int) -> bool:
        """No claimed span overlaps ``[start, end)``: the common case, decided by one bisect."""
        i = bisect_right(self.ends, start)
        return i == len(self.starts) or self.starts[i] >= end

    def add(self, r: Removal) -> None:
        """Claim a free span; cheap when spans come in order, as a filter yields them."""
        if not self.starts or r.start > self.starts[-1]:
            self.starts.append(r.start)
            self.ends.append(r.end)
            self.removals.append(r)
            return
        i = bisect_left(self.starts, r.start)
        self.starts.insert(i, r.start)
        self.ends.insert(i, r.end)
        self.removals.insert(i, r)

    def merge(self, other: _Claims) -> None:
        """Take over another filter's claims, disjoint from these, in linear time.

        Inserting them one by one into the middle of a long list would be quadratic in the
        number of removals on a page where every line goes.
        """
        if not other.removals:
            return
        # Both lists are sorted: sort() finds the two runs and merges them in linear time.
        merged = sorted([*self.removals, *other.removals], key=_start)
        self.removals = merged
        self.starts = [r.start for r in merged]
        self.ends = [r.end for r in merged]


def _start(r: Removal) -> int:
    return r.start


class Pipeline:
    """An ordered, immutable list of filters; methods return new pipelines."""

    def __init__(self, filters: Iterable[Filter]) -> None:
        self.filters: tuple[Filter, ...] = tuple(filters)
        names = [f.name for f in self.filters]
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"filter names must be unique; repeated: {', '.join(dupes)}")

    @property
    def names(self) -> list[str]:
        return [f.name for f in self.filters]

    def __iter__(self) -> Iterator[Filter]:
        return iter(self.filters)

    def __len__(self) -> int:
        return len(self.filters)

    def __repr__(self) -> str:
        return f"Pipeline({self.names})"

    def __getitem__(self, name: str) -> Filter:
        for f in self.filters:
            if f.name == name:
                return f
        raise KeyError(f"no filter named {name!r}; the pipeline has {', '.join(self.names)}")

    def without(self, *names: str) -> Pipeline:
        """This pipeline less the named filters (an unknown name is an error)."""
        unknown = set(names) - set(self.names)
        if unknown:
            raise KeyError(
                f"no filter named {', '.join(sorted(unknown))}; "
                f"the pipeline has {', '.join(self.names)}"
            )
        return Pipeline(f for f in self.filters if f.name not in names)

    def with_filter(
        self, new: Filter, *, before: str | None = None, after: str | None = None
    ) -> Pipeline:
        """This pipeline with ``new`` added before or after a named filter (default: last
        before ``whitespace``, which tidies up after everything else)."""
        names = self.names
        if before is not None and after is not None:
            raise ValueError("give before or after, not both")
        if before is not None:
            at = names.index(self[before].name)
        elif after is not None:
            at = names.index(self[after].name) + 1
        else:
            at = names.index("whitespace") if "whitespace" in names else len(names)
        return Pipeline([*self.filters[:at], new, *self.filters[at:]])

    def run(self, page: Page) -> list[Removal]:
        """Run every filter over the page; return the accepted removals, sorted and disjoint."""
        return self.run_with_lines(page)[0]

    def run_with_lines(self, page: Page) -> tuple[list[Removal], list[bool]]:
        """Like ``run``, and also say which lines ended up wholly removed."""
        claims = _Claims()
        removed = [False] * len(page)
        starts, ends = page.starts, page.ends
        for f in self.filters:
            # This filter's claims, kept apart until it is done and then merged in one pass;
            # checked as they come, so that its own overlapping spans stay disjoint.
            mine = _Claims()
            try:
                _claim(f, page, removed, claims, mine)
            except TimeoutError as err:
                # A pattern ran away on this text: keep the text rather than fail or guess.
                warnings.warn(
                    f"cleantext: filter {f.name!r} gave up on this text ({err}); "
                    "it removes nothing from it",
                    RuntimeWarning,
                    stacklevel=2,
                )
                continue
            claims.merge(mine)
            for start, end in zip(mine.starts, mine.ends):
                # Lines whose content lies wholly inside the removal are now gone; an empty
                # line is gone when its terminator is. Every line before the last one that
                # starts inside the removal ends before that one starts: only the last can
                # reach past the removal's end.
                first = bisect_left(starts, start)
                last = bisect_left(starts, end, first) - 1
                if last > first:
                    removed[first:last] = repeat(True, last - first)
                if last >= first and ends[last] <= end:
                    removed[last] = True
        return claims.removals, removed


def _claim(f: Filter, page: Page, removed: Sequence[bool], claims: _Claims, mine: _Claims) -> None:
    """Take filter f's removals into ``mine``, each cut to what no earlier claim holds and
    what f has not claimed already."""
    size = len(page.text)
    taken_starts, taken_ends = claims.starts, claims.ends
    mine_starts, mine_ends, mine_removals = mine.starts, mine.ends, mine.removals
    for r in f.find(page, removed):
        start, end = r.start, r.end
        if not 0 <= start < end <= size:
            raise ValueError(f"filter {f.name!r} returned a span outside the text: {r}")
        # ``claims.is_free`` by one bisect, then the common case of a filter's claims in
        # order: after all of its own so far, so free of them and appended.
        i = bisect_right(taken_ends, start)
        if i == len(taken_starts) or taken_starts[i] >= end:
            if not mine_ends or start >= mine_ends[-1]:
                mine_starts.append(start)
                mine_ends.append(end)
                mine_removals.append(r)
                continue
            if mine.is_free(start, end):
                mine.add(r)
                continue
        parts = [
            part for s, e in claims.free_parts(r.start, r.end) for part in mine.free_parts(s, e)
        ]
        if parts == [(r.start, r.end)]:
            mine.add(r)
        else:
            for s, e in parts:
                mine.add(Removal(s, e, r.filter, r.reason))
