"""The README's Python examples run as written, on a seed-like page."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
PAGE = (
    "Ukraine reports new advances near Bakhmut\n\n"
    "The Ukrainian military on Friday claimed that troops were making advances against Russian "
    "positions around the eastern city of Bakhmut amid fierce fighting.\n\n"
    "We may earn a commission when you buy through links on our site.\n"
    "ALSO READ-Pence slams Trump, DeSantis over Ukraine stance\n"
)


def blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)


def test_readme_has_python_examples() -> None:
    assert len(blocks()) >= 2


def test_readme_python_examples_run() -> None:
    scope: dict[str, object] = {"page_text": PAGE, "print": lambda *a: None}
    for block in blocks():
        exec(compile(block, str(README), "exec"), scope)
    result = scope["result"]
    assert "We may earn a commission" not in result.text  # type: ignore[attr-defined]
    assert "Ukrainian military" in result.text  # type: ignore[attr-defined]
    assert "disclaimer" in {r.filter for r in result.removals}  # type: ignore[attr-defined]
