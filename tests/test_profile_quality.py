"""The site-profile benchmark on a tiny synthetic corpus of hand-made articles (no bench data)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import cleantext  # noqa: E402
from benchmarks import profile_quality as pq  # noqa: E402
from cleantext.profile import learn  # noqa: E402

TOWNS = ["Ashford", "Bexley", "Carlow", "Dunmore", "Elgin", "Fenwick", "Garvagh", "Hexham"]
TOPICS = ["library", "bridge", "market", "school", "harbour", "park", "museum", "station"]


def body(i: int) -> str:
    town, topic = TOWNS[i % 8], TOPICS[(i // 8) % 8]
    return (
        f"The council in {town} voted on Tuesday to rebuild the old {topic}, after residents "
        f"complained for years that it was falling apart.\n\n"
        f"Work on the {topic} in {town} is expected to start in the spring of year {i} and to "
        f"take about eighteen months, the council said in a statement.\n"
    )


BODIES = [body(i) for i in range(24)]


@pytest.fixture(scope="module")
def docs() -> list[pq.Doc]:
    data = json.loads(pq.OUTLETS.read_text(encoding="utf-8"))
    return pq.synthetic_docs(BODIES, outlets=3, docs=8, seed=0, data=data)


def test_synthetic_corpus_is_deterministic_and_labelled(docs: list[pq.Doc]) -> None:
    data = json.loads(pq.OUTLETS.read_text(encoding="utf-8"))
    again = pq.synthetic_docs(BODIES, outlets=3, docs=8, seed=0, data=data)
    assert [d.text for d in again] == [d.text for d in docs]
    assert len({d.group for d in docs}) == 3
    kinds = {k for d in docs for _, k in d.kinds or []}
    assert kinds == {pq.GOLD, pq.WIRE, pq.FURNITURE}


def test_profile_adds_removals_without_losing_gold_or_wire(docs: list[pq.Doc]) -> None:
    rows = pq.run(docs, [(5, 0.3)], ["after-body", "before-body"])
    after = rows[0]
    assert after.furniture > 0
    assert after.gold_exact == 0 and after.wire == 0
    assert after.extra_lines == after.by_profile  # after body: no knock-on
    table = pq.synthetic_table(rows)
    assert len(table) == 2 + len(rows) and "5, 0.3, after-body" in table[2]


def test_restrict_gives_what_learn_gives(docs: list[pq.Doc]) -> None:
    pairs = [(d.group, d.text) for d in docs]
    permissive = learn(pairs, min_docs=2, min_share=0.0)
    strict = learn(pairs, min_docs=5, min_share=0.5)
    assert pq.restrict(permissive, 5, 0.5).lines() == strict.lines()


def test_default_run_is_what_clean_returns(docs: list[pq.Doc]) -> None:
    for d in docs[:3]:
        assert pq.clean_default(d).text == cleantext.clean(d.text).text


def test_gold_lines_match_by_words() -> None:
    gold = pq.GoldIndex("Pros\nThe battery lasts 12 hours, the reviewer said.\n")
    assert gold.match("  PROS ") == "exact"
    assert gold.match("battery lasts 99 hours") == "inside"  # digits normalised
    assert gold.match("bat") is None  # whole words only
    assert gold.match("Pros The battery") is None  # never across two gold lines
    assert gold.match("|") is None


def test_without_the_bench_it_says_so_and_exits_zero(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert pq.main(["--bench", str(tmp_path / "missing")]) == 0
    assert "not found" in capsys.readouterr().err
