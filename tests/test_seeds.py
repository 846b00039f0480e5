"""The five labelled seeds: `cleantext --format json` output keeps every offset invariant,
and every K line survives, every D line goes (the full check is ../shared/seeds/check.py,
run by CI; this is the same verdict per line, through the library)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
FILES = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
pytestmark = pytest.mark.skipif(not FILES, reason=f"seeds not found at {SEEDS}")


@pytest.mark.parametrize("seed", FILES, ids=lambda p: p.stem)
def test_json_output_keeps_the_piece_invariant(seed: Path) -> None:
    original = seed.read_bytes().decode("utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "cleantext", "--format", "json", str(seed)],
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    data = json.loads(out)
    text = data["text"]
    for clean_start, original_start, length in data["pieces"]:
        assert (
            text[clean_start : clean_start + length]
            == original[original_start : original_start + length]
        )
    rebuilt, last = [], 0
    for r in data["removals"]:
        assert last <= r["start"] < r["end"] <= len(original)
        rebuilt.append(original[last : r["start"]])
        last = r["end"]
    rebuilt.append(original[last:])
    assert "".join(rebuilt) == text


@pytest.mark.parametrize("seed", FILES, ids=lambda p: p.stem)
def test_labelled_lines(seed: Path) -> None:
    import cleantext

    text = seed.read_text(encoding="utf-8")
    kept = {line.strip() for line in cleantext.clean(text).text.split("\n")}
    rows = [r.partition("\t") for r in seed.with_suffix(".labels").read_text("utf-8").split("\n")]
    # A D line may repeat a K line (the headline printed twice): only its copy must go.
    may_stay = {line.strip() for verdict, _, line in rows if verdict in "K?"}
    for verdict, _, line in rows:
        if verdict == "K":
            assert line.strip() in kept, f"should be kept: {line!r}"
        elif verdict == "D" and line.strip() and line.strip() not in may_stay:
            assert line.strip() not in kept, f"should be removed: {line!r}"
