"""The quality benchmark's scoring, split and floors, on small hand-made pages (no bench data)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks import quality  # noqa: E402
from benchmarks.split import is_held, split_of  # noqa: E402

GOLD = (
    "The council voted on Tuesday to close the old library on Mill Street.\n"
    "Residents said the decision came without warning.\n"
)
PAGE = (
    "Home | News | Sport\n"
    + GOLD
    + "ALSO READ: Council budget falls short again\nAccept cookies\n© 2024 Gazette\n"
)


def test_perfect_output_scores_one() -> None:
    assert quality.bow_scores(GOLD, GOLD) == (1.0, 1.0, 1.0)


def test_case_punctuation_and_order_do_not_matter() -> None:
    shuffled = "residents SAID, the decision came without warning! " + GOLD.splitlines()[0]
    assert quality.bow_scores(shuffled.upper(), GOLD) == (1.0, 1.0, 1.0)


def test_boilerplate_costs_precision_not_recall() -> None:
    p, r, f1 = quality.bow_scores(PAGE, GOLD)
    gold_tokens = sum(quality.tokens(GOLD).values())
    page_tokens = sum(quality.tokens(PAGE).values())
    assert r == 1.0
    assert p == pytest.approx(gold_tokens / page_tokens)
    assert f1 == pytest.approx(2 * p / (p + 1))


def test_tokens_are_a_multiset() -> None:
    # "the" twice in the output but once in the gold: only one counts as shared.
    p, r, _ = quality.bow_scores("the the cat", "the cat")
    assert (p, r) == (pytest.approx(2 / 3), 1.0)


def test_empty_output_scores_zero() -> None:
    assert quality.bow_scores("", GOLD) == (0.0, 0.0, 0.0)
    assert quality.bow_scores(" -- | ", GOLD) == (0.0, 0.0, 0.0)  # no \w tokens at all


def test_empty_gold_and_output_scores_one_and_empty_gold_alone_zero() -> None:
    assert quality.bow_scores("", "") == (1.0, 1.0, 1.0)
    assert quality.bow_scores("Accept cookies", "") == (0.0, 0.0, 0.0)


def test_no_shared_token_scores_zero() -> None:
    assert quality.bow_scores("Accept cookies", GOLD) == (0.0, 0.0, 0.0)


def test_snippet_reduction_ignores_case_punctuation_and_spacing() -> None:
    assert quality.reduce_text("Don't — STOP!  Now, 2024.") == "dontstopnow2024"
    reduced = quality.reduce_text(PAGE)
    counted, found = quality.snippet_hits(
        reduced, ["the COUNCIL voted on tuesday", "Mill-Street. Residents", "not on the page"]
    )
    assert (counted, found) == (3, 2)


def test_snippets_that_reduce_to_nothing_are_not_counted() -> None:
    assert quality.snippet_hits("anything", ["=)", " ... "]) == (0, 0)


def test_score_output_counts_with_found_and_without_absent() -> None:
    s = quality.score_output(
        GOLD, GOLD, ["library on Mill Street", "budget"], ["ALSO READ:", "Accept cookies", "Sport"]
    )
    assert s["f1"] == 1.0
    assert s["with"] == [2, 1]
    assert s["without"] == [3, 3]
    raw = quality.score_output(PAGE, None, [], ["ALSO READ:", "Accept cookies", "Weather"])
    assert raw["f1"] is None
    assert raw["without"] == [3, 1]


def test_summarize_macro_averages_pages_and_pools_snippets() -> None:
    pages = [
        {
            "clean": quality.score_output(GOLD, GOLD, ["council"], []),
            "bytes": 2_000_000,
            "seconds": 1.0,
        },
        {
            "clean": quality.score_output("", GOLD, ["library", "x y z"], ["cookies"]),
            "bytes": 0,
            "seconds": 1.0,
        },
    ]
    s = quality.summarize(pages, "clean")
    assert s["f1"] == pytest.approx(0.5)  # (1.0 + 0.0) / 2: macro, not pooled over tokens
    assert s["with_found"] == pytest.approx(1 / 3)  # pooled: 1 of 3 snippets
    assert s["without_absent"] == 1.0
    assert s["mb_per_s"] == pytest.approx(1.0)


def test_split_is_deterministic_and_about_a_fifth() -> None:
    ids = [f"{i:04d}" for i in range(1, 2001)]
    first = [split_of(i) for i in ids]
    assert first == [split_of(i) for i in ids]
    held = first.count("held") / len(ids)
    assert 0.17 < held < 0.23
    assert all((s == "held") == is_held(i) for i, s in zip(ids, first, strict=True))


def test_split_follows_the_salted_hash() -> None:
    import hashlib

    for page_id in ("0001", "0105378779db9f07f1f31918e4264043"):
        digest = hashlib.sha1(("cleantext-heldout:" + page_id).encode()).hexdigest()
        assert is_held(page_id) == (int(digest, 16) % 5 == 0)


def _bench(tmp_path: Path) -> Path:
    folder = tmp_path / "bench" / "tiny"
    folder.mkdir(parents=True)
    for page_id in ("a1", "b2", "c3"):
        (folder / f"{page_id}.page.txt").write_text(PAGE, encoding="utf-8")
        (folder / f"{page_id}.gold.txt").write_text(GOLD, encoding="utf-8")
        meta = {"id": page_id, "with": ["Mill Street"], "without": ["Accept cookies"]}
        (folder / f"{page_id}.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder


def test_run_scores_identity_and_cleaner(tmp_path: Path) -> None:
    folder = _bench(tmp_path)
    results = quality.run([(folder, "page")], jobs=1, cleaner="builtins:str")
    rows = quality.summary_rows(results, "all", "identity")
    assert [r["cleaner"] for r in rows] == ["none", "identity"]
    assert rows[0]["pages"] == 3
    assert rows[0]["r"] == 1.0 and rows[0]["p"] < 1.0
    assert rows[0]["without_absent"] == 0.0 and rows[0]["with_found"] == 1.0


def test_gate_fails_below_a_floor_and_pin_writes_floors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _bench(tmp_path)
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"floors": {"tiny": {"page": {"f1": 0.99}}}}), encoding="utf-8")
    bench = ["--bench", str(folder.parent), "--jobs", "1", "--cleaner", "builtins:str"]
    assert quality.main(["--gate", str(floors), *bench]) == 1
    assert "FAIL tiny/page f1" in capsys.readouterr().out
    assert quality.main(["--pin", str(floors), *bench]) == 0
    pinned = json.loads(floors.read_text(encoding="utf-8"))
    assert "CHANGELOG" in pinned["_comment"]
    f1 = pinned["floors"]["tiny"]["page"]["f1"]
    assert f1 < 0.99
    assert "LOWERED tiny/page f1" in capsys.readouterr().out
    assert quality.main(["--gate", str(floors), *bench]) == 0


def test_gate_skips_without_the_bench(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "no-bench"
    assert quality.main(["--gate", "unused.json", "--bench", str(missing)]) == 0
    assert "skipped:" in capsys.readouterr().out


def test_bad_folder_is_one_line_and_nonzero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert quality.main(["--folder", str(tmp_path / "nope"), "--jobs", "1"]) == 2
    err = capsys.readouterr().err.strip()
    assert "nope" in err and "\n" not in err
