"""The datatrove step on datatrove's own LocalPipelineExecutor, 2 tasks over a JSONL folder."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

pytest.importorskip("datatrove", reason="datatrove not installed (pip install '.[datatrove]')")

import cleantext

PAGES = [
    "Ukraine reports new advances near Bakhmut\n\nThe Ukrainian military on Friday claimed that "
    "troops were making advances against Russian positions around the eastern city.\n"
    "ALSO READ-Pence slams Trump, DeSantis over Ukraine stance\nSource link\n",
    "Council votes to rebuild the flood wall\nCouncillors voted on Tuesday to rebuild the "
    "harbour wall in stone and steel, three months after the winter storms.\nAdvertisement\n",
]


def test_local_executor_two_tasks(tmp_path: Path) -> None:
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleantext.integrations.datatrove import CleantextStep

    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for n in range(2):
        with open(src / f"part{n}.jsonl", "w", encoding="utf-8") as f:
            for k, text in enumerate(PAGES):
                f.write(json.dumps({"id": f"{n}-{k}", "text": text}) + "\n")
    executor = LocalPipelineExecutor(
        pipeline=[JsonlReader(str(src)), CleantextStep(), JsonlWriter(str(out))],
        tasks=2,
        workers=1,
        logging_dir=str(tmp_path / "logs"),
    )
    executor.run()
    docs = []
    for path in sorted(out.glob("*.jsonl*")):
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as f:
            docs.extend(json.loads(line) for line in f)
    assert len(docs) == 4
    for doc in docs:
        original = PAGES[int(doc["id"].split("-")[1])]
        assert doc["text"] == cleantext.clean(original).text
        removals = doc["metadata"]["cleantext"]["removals"]
        assert any(r["filter"] == "markers" for r in removals)
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text(encoding="utf-8"))
    assert "markers" in json.dumps(stats)
