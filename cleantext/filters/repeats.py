"""A line that repeats verbatim, such as the headline printed again under the title.

Only the first occurrence is kept; short lines ("Share", "Login") are left to the other
filters, since a repeated short line says little. Neither are list items, table rows and
indented lines: an extractor keeps an article's lists, tables and code, where the same item
("- Remote: Remote with screen", a spec per product, a line of code) recurs by design.

A copy whose neighbours are those of the first occurrence is part of a block printed twice
(the article again below itself) and goes. A copy standing alone among new lines is part of
the article's own structure when the line recurs three times or more (a per-item label such as
"Challenges to plan for") or a record's field ("Team Size: 11 – 50 employees", a label
that comes with other values elsewhere), as long as it is short (a label, not a paragraph
printed again): those stay.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence

from ..page import BULLETS, Page
from ..pipeline import LineFilter
from .markers import quote

MIN_WORDS = 4
MIN_CHARS = 20
# A line seen this often, apart from copied blocks, is a recurring element of a list.
MIN_RECURRING = 3
# Labels and fields are short; a paragraph seen again ("Note: students must …", placeholder
# text) is a copy even when it stands alone.
LABEL_MAX_WORDS = 12
# "Label: value" or "Label | value": a short label (up to five words) and a value (not "://").
# A field when the label also comes with another value ("Team Size: 2 – 10 employees"): the
# schema of records, not a headline with a colon.
FIELD = re.compile(r"^([^\W\d_][^\s:|]*+(?:[ \t][^\s:|]++){0,4})[ \t]?[:|](?!//)[ \t]*\S")


class Repeats(LineFilter):
    """Removes the second and later copies of a non-trivial line."""

    name = "repeats"

    def lines(self, page: Page, removed: Sequence[bool]) -> Iterator[tuple[int, int, str]]:
        seen: dict[str, int] = {}
        copies: list[tuple[int, int]] = []
        stripped, lengths, words = page.stripped, page.lengths, page.word_counts
        for i, s in enumerate(stripped):
            if lengths[i] < MIN_CHARS or words[i] < MIN_WORDS or removed[i]:
                continue
            first = seen.setdefault(s, i)
            if first != i and not _structured(page.lines[i]):
                copies.append((i, first))
        if not copies:
            return
        counts = Counter(stripped[i] for i, _ in copies)
        fields: set[str] | None = None  # found once a copy needs them
        for i, first in copies:
            s = stripped[i]
            if words[i] <= LABEL_MAX_WORDS and not _block(page, removed, i, first):
                if counts[s] + 1 >= MIN_RECURRING:
                    continue
                if fields is None:
                    fields = _fields(page)
                if _label(s) in fields:
                    continue
            yield i, i, f'line repeats line {first + 1} verbatim: "{quote(s, 50)}"'


def _label(line: str) -> str | None:
    m = FIELD.match(line)
    return m.group(1).lower() if m else None


def _fields(page: Page) -> set[str]:
    """The labels that come with two values or more on the page (only lines holding ":" or
    "|" can hold a label)."""
    values: dict[str, str] = {}
    fields: set[str] = set()
    stripped = page.stripped
    for i in page.lines_containing((":", "|")):
        s = stripped[i]
        if (label := _label(s)) is not None and values.setdefault(label, s) != s:
            fields.add(label)
    return fields


def _kept(page: Page, removed: Sequence[bool], k: int, step: int) -> int:
    """The next line from ``k`` in direction ``step`` that is neither blank nor removed, or -1."""
    k += step
    while 0 <= k < len(page):
        if not (page.blank[k] or removed[k]):
            return k
        k += step
    return -1


def _block(page: Page, removed: Sequence[bool], i: int, first: int) -> bool:
    """Line ``i`` has the neighbours line ``first`` has: part of a block printed twice."""
    stripped = page.stripped
    for step in (-1, 1):
        a, b = _kept(page, removed, i, step), _kept(page, removed, first, step)
        if a >= 0 and b >= 0 and a != b and stripped[a] == stripped[b]:
            return True
    return False


def _structured(line: str) -> bool:
    """A list item, a table row or an indented (code or nested) line."""
    return line[:1] in " \t" or line.lstrip()[:1] in BULLETS
