"""The cleantext command, run in-process through ``main(argv)`` and, for exit behaviour, as
a subprocess."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cleantext import default_pipeline
from cleantext.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "docs" / "examples" / "article.txt"

ARTICLE = (
    "ALSO READ- Ten things you missed this week\r\n"
    "The council voted on Tuesday to approve the new budget, which includes more money for "
    "schools, libraries and the repair of the harbour wall.\r\n"
    "“We listened to residents,” said the council leader, who called it a fair deal.\r\n"
    "Advertisement\r\n"
    "The budget takes effect in April and will be reviewed after six months.\r\n"
)


def run(capsysbinary: pytest.CaptureFixture[bytes], *argv: str) -> tuple[int, bytes, str]:
    status = main(list(argv))
    out, err = capsysbinary.readouterr()
    return status, out, err.decode("utf-8")


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_bytes(ARTICLE.encode("utf-8"))
    return path


def test_prints_clean_text(capsysbinary: pytest.CaptureFixture[bytes], article: Path) -> None:
    status, out, err = run(capsysbinary, str(article))
    assert status == 0 and err == ""
    text = out.decode("utf-8")
    assert "ALSO READ" not in text and "Advertisement" not in text
    assert "The council voted on Tuesday" in text
    assert "\r\n" in text  # newlines are not translated


def test_json_pieces_hold_against_the_raw_crlf_file(
    capsysbinary: pytest.CaptureFixture[bytes], article: Path
) -> None:
    status, out, _ = run(capsysbinary, "--format", "json", str(article))
    assert status == 0
    data = json.loads(out)
    raw = article.read_bytes().decode("utf-8")
    assert set(data) >= {"text", "pieces", "removals"} and "source" not in data
    for clean_start, original_start, length in data["pieces"]:
        piece = data["text"][clean_start : clean_start + length]
        assert piece == raw[original_start : original_start + length]
    removed = "".join(raw[r["start"] : r["end"]] for r in data["removals"])
    assert len(removed) + len(data["text"]) == len(raw)
    assert all(r["filter"] in default_pipeline().names for r in data["removals"])


def test_cp1252_file_is_printed_correctly(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    text = (
        "“Smart quotes” return to the café, says the owner in Zürich.\n"
        "It’s a naïve résumé, but the crème brûlée costs 5 € again.\n"
    )
    path = tmp_path / "legacy.txt"
    path.write_bytes(text.encode("cp1252"))
    status, out, err = run(capsysbinary, "--explain", str(path))
    assert status == 0
    assert out.decode("utf-8") == text
    assert "decoded as cp1252, not UTF-8" in err


def test_explain_names_file_span_filter_and_reason(
    capsysbinary: pytest.CaptureFixture[bytes], article: Path
) -> None:
    status, out, err = run(capsysbinary, "--explain", str(article))
    assert status == 0 and b"The council voted" in out
    lines = err.splitlines()
    assert lines[0].startswith(f"{article}: read as utf-8; language en")
    data = ARTICLE
    end = data.index("The council")
    assert any(
        line.startswith(f"{article}:0-{end} markers: ") and "ALSO READ" in line for line in lines
    )


def test_stdin(capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8")))
    monkeypatch.setattr(sys, "stdin", stdin)
    status, out, _ = run(capsysbinary, "-")
    assert status == 0 and b"The council voted" in out and b"ALSO READ" not in out


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda d: d / "missing.txt", "missing.txt: no such file"),
        (lambda d: d, "is a directory; give --output-dir"),
    ],
)
def test_bad_inputs_one_line_exit_1(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path, make: object, expected: str
) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    status, out, err = run(capsysbinary, str(path))
    assert status == 1 and out == b""
    assert err.count("\n") == 1 and expected in err and "Traceback" not in err


def test_png_is_refused(capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path) -> None:
    png = tmp_path / "photo.txt"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(64))
    status, out, err = run(capsysbinary, str(png))
    assert (status, out) == (1, b"")
    assert err == f"cleantext: {png}: is a PNG image, not text; refusing to clean it\n"


def test_undecodable_bytes_say_which_and_where(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.txt"
    prefix = "Grüße aus Köln, ".encode()
    bad.write_bytes(prefix + b"\x81\x8d" + "schön".encode())
    status, _, err = run(capsysbinary, str(bad))
    assert status == 1 and err.count("\n") == 1
    assert f"byte 0x81 at offset {len(prefix)}" in err


def test_empty_file_prints_nothing(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert run(capsysbinary, str(empty)) == (0, b"", "")


def test_several_files_give_json_lines_and_one_bad_file_does_not_stop_the_rest(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path, article: Path
) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Read more: something else\nA short note about the weather today.\n")
    missing = tmp_path / "gone.txt"
    status, out, err = run(capsysbinary, "--format", "json", str(article), str(missing), str(other))
    assert status == 1
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["source"] for r in records] == [str(article), str(other)]
    assert "gone.txt: no such file" in err


def test_disable_unknown_lists_known_names(
    capsysbinary: pytest.CaptureFixture[bytes], article: Path
) -> None:
    status, out, err = run(capsysbinary, "--disable", "nonsense", str(article))
    assert status == 2 and out == b"" and err.count("\n") == 1
    for name in default_pipeline().names:
        assert name in err


def test_disable_changes_what_is_removed(
    capsysbinary: pytest.CaptureFixture[bytes], article: Path
) -> None:
    _, out, _ = run(capsysbinary, "--format", "json", "--disable", "markers", str(article))
    assert all(r["filter"] != "markers" for r in json.loads(out)["removals"])


def test_list_filters_shows_every_filter_with_its_doc(
    capsysbinary: pytest.CaptureFixture[bytes],
) -> None:
    status, out, _ = run(capsysbinary, "--list-filters")
    rows = out.decode().splitlines()
    assert status == 0
    assert [row.split()[0] for row in rows] == default_pipeline().names
    assert all(len(row.split()) > 2 for row in rows)


def test_version_and_help(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    from cleantext import __version__

    with pytest.raises(SystemExit) as e:
        main(["--version"])
    assert e.value.code == 0
    assert __version__ in capsysbinary.readouterr().out.decode()
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "examples:" in capsysbinary.readouterr().out.decode()


def test_output_dir_writes_refuses_and_forces(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path, article: Path
) -> None:
    out_dir = tmp_path / "out"
    status, out, _ = run(capsysbinary, "-q", "--output-dir", str(out_dir), str(article))
    assert status == 0 and out == b""
    written = (out_dir / "article.txt").read_bytes()
    assert b"The council voted" in written and b"ALSO READ" not in written
    (out_dir / "article.txt").write_bytes(b"keep me")
    status, _, err = run(capsysbinary, "-q", "--output-dir", str(out_dir), str(article))
    assert status == 1 and "already exists" in err and "--force" in err
    assert (out_dir / "article.txt").read_bytes() == b"keep me"
    status, _, _ = run(capsysbinary, "-q", "--force", "--output-dir", str(out_dir), str(article))
    assert status == 0 and (out_dir / "article.txt").read_bytes() == written
    assert [p.name for p in out_dir.iterdir()] == ["article.txt"]  # no temporary files left


def test_output_dir_never_overwrites_an_input(
    capsysbinary: pytest.CaptureFixture[bytes], article: Path
) -> None:
    before = article.read_bytes()
    status, _, err = run(capsysbinary, "--force", "--output-dir", str(article.parent), str(article))
    assert status == 1 and "is an input" in err
    assert article.read_bytes() == before


def test_file_vanishing_mid_run_is_reported_and_the_rest_done(
    capsysbinary: pytest.CaptureFixture[bytes],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from cleantext import batch

    src = tmp_path / "in"
    src.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (src / name).write_text(f"Story {name}: the ferry ran late again on Monday morning.\n")
    plan = batch.plan

    def plan_then_delete(*args: object, **kwargs: object) -> object:
        listed = plan(*args, **kwargs)  # type: ignore[arg-type]
        (src / "b.txt").unlink()  # gone after listing, before reading
        return listed

    monkeypatch.setattr(batch, "plan", plan_then_delete)
    out_dir = tmp_path / "out"
    status, _, err = run(capsysbinary, "-q", "-j", "1", "--output-dir", str(out_dir), str(src))
    assert status == 1
    assert f"{src / 'b.txt'}: no such file" in err
    assert sorted(p.name for p in out_dir.iterdir()) == ["a.txt", "c.txt"]


def test_stats_file_adds_up(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path, article: Path
) -> None:
    stats = tmp_path / "stats.json"
    status, out, _ = run(capsysbinary, "--stats", str(stats), "--format", "json", str(article))
    result = json.loads(out)
    data = json.loads(stats.read_text())
    assert status == 0 and data["documents"] == 1
    assert data["chars_in"] == len(ARTICLE) and data["chars_out"] == len(result["text"])
    removed = sum(f["chars"] for f in data["filters"].values())
    assert removed == data["chars_in"] - data["chars_out"]


def test_report_is_written(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path, article: Path
) -> None:
    pytest.importorskip("cleantext.report")
    report = tmp_path / "report.html"
    status, out, _ = run(capsysbinary, "--report", str(report), str(article))
    assert status == 0 and b"The council" in out
    html = report.read_text(encoding="utf-8")
    assert "Ten things you missed" in html


def test_learn_then_profile(capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path) -> None:
    pytest.importorskip("cleantext.profile")
    corpus = tmp_path / "corpus.jsonl"
    footer = "Harbour Gazette is published by Quay Media, 4 Dock Lane"
    stories = [
        f"Story {i}: the lifeboat crew was called out {i} times this month.\n"
        "Volunteers trained on the slipway on Sunday morning.\n"
        f"{footer}\n"
        for i in range(8)
    ]
    with corpus.open("w", encoding="utf-8") as f:
        for i, text in enumerate(stories):
            f.write(json.dumps({"url": f"https://www.gazette.example/{i}", "text": text}) + "\n")
    profile = tmp_path / "profile.json"
    status, _, err = run(
        capsysbinary, "learn", "-q", "--output", str(profile), "--min-docs", "3", str(corpus)
    )
    assert status == 0, err
    assert profile.exists()
    status, out, _ = run(capsysbinary, "--jsonl", "-q", "--profile", str(profile), str(corpus))
    assert status == 0
    for line in out.splitlines():
        record = json.loads(line)
        assert footer not in record["text"]
        assert "lifeboat crew" in record["text"]
    status, _, err = run(capsysbinary, "--profile", str(tmp_path / "nope.json"), str(corpus))
    assert status == 1 and "nope.json" in err and err.count("\n") == 1


def test_a_file_named_learn_can_be_cleaned(
    capsysbinary: pytest.CaptureFixture[bytes], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("learn").write_text("Advertisement\nThe ferry timetable changes on Monday.\n")
    status, out, _ = run(capsysbinary, "./learn")
    assert status == 0 and out == b"The ferry timetable changes on Monday.\n"


# -- as a separate process: python -m, exit codes, pipes, signals -------------------------


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "cleantext", *args],
        capture_output=True,
        check=False,
        timeout=120,
        env=env,
    )


def test_python_m_cleantext_runs_the_shipped_example() -> None:
    proc = _cli(str(EXAMPLE))
    assert proc.returncode == 0, proc.stderr
    assert b"Councillors in Porthallow have voted" in proc.stdout
    assert b"ALSO READ" not in proc.stdout


def test_missing_file_exits_1_without_traceback() -> None:
    proc = _cli("/nonexistent/article.txt")
    assert proc.returncode == 1
    assert proc.stderr == b"cleantext: /nonexistent/article.txt: no such file\n"


def test_closed_pipe_exits_quietly(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    paragraph = EXAMPLE.read_text(encoding="utf-8")
    big.write_text(paragraph * 400, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "cleantext", str(big)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    err = proc.stderr.read()
    proc.wait(timeout=120)
    assert b"Traceback" not in err and b"BrokenPipe" not in err
    assert proc.returncode in (0, 141)


def test_interrupt_exits_130_and_leaves_no_partial_output(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    text = EXAMPLE.read_text(encoding="utf-8")
    for i in range(400):
        (src / f"{i:04d}.txt").write_text(text * 3, encoding="utf-8")
    out_dir = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "cleantext", "-j", "2", "--output-dir", str(out_dir), str(src)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    # Wait until the run is under way (some outputs written), then press Ctrl-C.
    for _ in range(1200):
        if out_dir.exists() and any(not p.name.startswith(".") for p in out_dir.iterdir()):
            break
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    assert proc.stderr is not None
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    if proc.returncode == 0:
        pytest.skip("the run finished before the interrupt arrived")
    assert proc.returncode == 130, err
    assert "Traceback" not in err and err.strip().endswith("cleantext: interrupted")
    leftovers = [p.name for p in out_dir.iterdir() if p.name.startswith(".")]
    assert leftovers == []
    for written in out_dir.iterdir():  # every output that exists is whole
        assert written.read_text(encoding="utf-8").endswith("next year.\n")


def test_environment_keeps_utf8_output_whatever_the_locale(tmp_path: Path) -> None:
    path = tmp_path / "u.txt"
    path.write_text("Zürich’s café reopened on Monday after the floods.\n", encoding="utf-8")
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "ascii"}
    proc = _cli(str(path), env=env)
    assert proc.returncode == 0
    assert proc.stdout.decode("utf-8") == "Zürich’s café reopened on Monday after the floods.\n"
