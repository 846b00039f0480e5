"""Every fixture in tests/fixtures: each K line kept whole, each D line removed.

The fixtures are data (see tests/fixtures/README.md), so adding a case is adding a file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import cleantext

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("*.txt"))


def load(path: Path) -> tuple[str, list[tuple[str, str]]]:
    """The page text and its (verdict, line) rows; the first line is the fixture's context."""
    rows = []
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[0].startswith("# "), f"{path.name} must start with a '# context' line"
    for raw in lines[1:]:
        if not raw:
            rows.append((".", ""))
            continue
        verdict, sep, line = raw.partition("\t")
        assert sep and verdict in "KD?", f"{path.name}: bad row {raw!r}"
        rows.append((verdict, line))
    while rows and rows[-1] == (".", ""):
        rows.pop()
    return "\n".join(line for _, line in rows) + "\n", rows


def test_there_are_enough_fixtures() -> None:
    assert len(FIXTURES) >= 10


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_fixture(path: Path) -> None:
    text, rows = load(path)
    result = cleantext.clean(text, language="en")
    kept = {line.strip() for line in result.text.split("\n")}
    problems = []
    for verdict, line in rows:
        if verdict == "K" and line.strip() not in kept:
            problems.append(f"should be kept: {line!r}")
        if verdict == "D" and line.strip() in kept:
            problems.append(f"should be removed: {line!r}")
    assert not problems, "\n".join(problems)
    # Every removal explains itself.
    assert all(r.reason and r.filter for r in result.removals)
