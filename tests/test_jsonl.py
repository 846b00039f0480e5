"""JSON Lines: records cleaned in order, every field kept, removals restorable, bad lines
reported with their number and copied through (or skipped)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from cleantext.cli import main
from cleantext.jsonl import group_of, restore

TEXTS = [
    "ALSO READ- Five walks for a wet weekend\nThe river burst its banks on Saturday, "
    "flooding the lower town for the second time this year.\nAdvertisement\n",
    "Council approves new cycle lanes\r\nThe scheme will connect the station with the "
    "university campus by next spring.\r\nShare this:\r\nFacebook\r\n",
    "Ein Bericht über die Ernte: Die Bauern sind zufrieden mit dem Wetter.\nLesen Sie auch: "
    "Die besten Äpfel der Saison\n",
]


def _records() -> list[dict[str, object]]:
    return [
        {"id": i, "url": f"https://www.site{i % 2}.example/{i}", "text": TEXTS[i % 3], "n": 1.5}
        for i in range(9)
    ]


@pytest.fixture
def dump(tmp_path: Path) -> Path:
    path = tmp_path / "dump.jsonl"
    lines = [json.dumps(r, ensure_ascii=False) for r in _records()]
    lines.insert(3, '{"id": "broken", "text": ')
    lines.insert(6, '{"id": "no text here"}')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run(capsysbinary: pytest.CaptureFixture[bytes], *argv: str) -> tuple[int, bytes, str]:
    status = main(list(argv))
    out, err = capsysbinary.readouterr()
    return status, out, err.decode("utf-8")


def test_records_are_cleaned_kept_and_restorable(
    capsysbinary: pytest.CaptureFixture[bytes], dump: Path
) -> None:
    status, out, _ = run(capsysbinary, "--jsonl", "-q", "-j", "1", str(dump))
    assert status == 1  # two bad lines
    lines = out.decode("utf-8").splitlines()
    assert len(lines) == 11  # every input line is in the output
    good = [json.loads(line) for line in lines if '"cleantext"' in line]
    assert [r["id"] for r in good] == list(range(9))
    for record, original in zip(good, _records()):
        assert restore(record) == original["text"]
        assert {k: v for k, v in record.items() if k not in ("text", "cleantext")} == {
            k: v for k, v in original.items() if k != "text"
        }
        for r in record["cleantext"]["removals"]:
            assert set(r) == {"start", "end", "filter", "reason", "text"}
            assert r["text"] == str(original["text"])[r["start"] : r["end"]]
    assert "ALSO READ" not in good[0]["text"] and "river burst" in good[0]["text"]


def test_bad_lines_are_reported_with_numbers_and_copied(
    capsysbinary: pytest.CaptureFixture[bytes], dump: Path
) -> None:
    status, out, err = run(capsysbinary, "--jsonl", "-q", "-j", "1", str(dump))
    assert status == 1
    assert f"{dump}:4: not valid JSON" in err
    assert f'{dump}:7: no "text" field' in err
    lines = out.decode("utf-8").splitlines()
    assert lines[3] == '{"id": "broken", "text": '
    assert lines[6] == '{"id": "no text here"}'


def test_skip_bad_drops_them_but_still_reports(
    capsysbinary: pytest.CaptureFixture[bytes], dump: Path
) -> None:
    status, out, err = run(capsysbinary, "--jsonl", "-q", "--skip-bad", str(dump))
    assert status == 1
    assert len(out.splitlines()) == 9
    assert ":4: not valid JSON" in err


def test_gzip_input_gives_the_same_output(
    capsysbinary: pytest.CaptureFixture[bytes], dump: Path, tmp_path: Path
) -> None:
    packed = tmp_path / "dump.jsonl.gz"
    packed.write_bytes(gzip.compress(dump.read_bytes()))
    _, plain, _ = run(capsysbinary, "--jsonl", "-q", "-j", "1", str(dump))
    _, unpacked, _ = run(capsysbinary, "--jsonl", "-q", "-j", "1", str(packed))
    assert plain == unpacked


def test_two_jobs_give_identical_output(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cleantext import jsonl

    monkeypatch.setattr(jsonl, "CHUNK_LINES", 3)  # several chunks in flight
    path = tmp_path / "many.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i in range(60):
            f.write(json.dumps({"id": i, "text": TEXTS[i % 3] * (1 + i % 4)}) + "\n")
    one = run(capsysbinary, "--jsonl", "-q", "-j", "1", str(path))
    two = run(capsysbinary, "--jsonl", "-q", "-j", "2", str(path))
    assert one[0] == two[0] == 0
    assert one[1] == two[1]
    assert [json.loads(line)["id"] for line in two[1].splitlines()] == list(range(60))


def test_existing_removals_field_is_not_overwritten(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    path = tmp_path / "twice.jsonl"
    line = json.dumps({"text": TEXTS[0], "cleantext": {"removals": []}})
    path.write_text(line + "\n")
    status, out, err = run(capsysbinary, "--jsonl", "-q", str(path))
    assert status == 1 and out.decode().rstrip("\n") == line
    assert "already has" in err and "--removals-field" in err


def test_custom_fields_and_text_with_lone_surrogates(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    path = tmp_path / "custom.jsonl"
    text = "Advertisement\nA line with a lone surrogate \\ud800 in it, kept as it was.\n"
    path.write_text('{"body": "' + text.replace("\n", "\\n") + '"}\n')
    status, out, _ = run(
        capsysbinary, "--jsonl", "-q", "--text-field", "body", "--removals-field", "ct", str(path)
    )
    record = json.loads(out)
    assert status == 0
    assert "\ud800" in record["body"] and "Advertisement" not in record["body"]
    assert restore(record, "body", "ct") == json.loads('"' + text.replace("\n", "\\n") + '"')


def test_stdin_and_blank_lines(
    capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import sys

    data = json.dumps({"text": TEXTS[1]}) + "\n\n" + json.dumps({"text": TEXTS[0]}) + "\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    status, out, _ = run(capsysbinary, "--jsonl", "-q")
    lines = out.decode().split("\n")
    assert status == 0 and lines[1] == "" and len(lines) == 4


def test_missing_input_is_reported_and_others_processed(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"text": TEXTS[0]}) + "\n")
    status, out, err = run(capsysbinary, "--jsonl", "-q", str(tmp_path / "gone.jsonl"), str(good))
    assert status == 1 and "gone.jsonl: no such file" in err
    assert len(out.splitlines()) == 1


@pytest.mark.parametrize(
    ("record", "field", "group"),
    [
        ({"url": "https://www.Example.com/a/b"}, None, "example.com"),
        ({"url": "http://news.example.co.uk:8080/x"}, None, "news.example.co.uk"),
        ({"url": 5}, None, ""),
        ({}, None, ""),
        ({"site": "blog-42"}, "site", "blog-42"),
    ],
)
def test_group_of(record: dict[str, object], field: str | None, group: str) -> None:
    assert group_of(record, field) == group
