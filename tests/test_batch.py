"""Folders and many files: listing, mirroring, safe writes, parallel runs identical to serial."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from cleantext import batch
from cleantext.cli import main
from cleantext.parallel import ordered_map

PAGES = [
    "Latest News\nMinister resigns over expenses row…\nStorm warning for the coast…\n"
    "The minister said on Friday that she would step down at the end of the month.\n",
    "Read more: Ten recipes for autumn\nThe bakery on Mill Street has won a national prize "
    "for its sourdough, beating 300 entries from across the country.\nShare this:\n",
    "Photo: Jane Doe/Reuters\nVoters in the north went to the polls on Sunday in a "
    "by-election seen as a test for the government.\nAdvertisement\n",
]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "pages"
    for i in range(12):
        folder = root / f"site{i % 3}" / ("2024" if i % 2 else "2023")
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"story{i:02d}.txt").write_text(PAGES[i % 3] * (1 + i % 2), encoding="utf-8")
    (root / "site0" / "notes.md").write_text("not a .txt file\n")
    (root / ".hidden").mkdir()
    (root / ".hidden" / "x.txt").write_text("hidden\n")
    return root


def test_walk_is_sorted_filtered_and_skips_hidden(tree: Path) -> None:
    found = list(batch.walk(str(tree), ["*.txt"]))
    assert found == sorted(found)
    assert len(found) == 12 and all(f.endswith(".txt") for f in found)
    assert not any(".hidden" in f for f in found)
    assert list(batch.walk(str(tree), ["*.md"])) == ["site0/notes.md"]
    assert len(list(batch.walk(str(tree), ["site1/*/*.txt"]))) == 4


def test_plan_mirrors_the_tree_and_skips_the_output_inside_the_input(tree: Path) -> None:
    out = tree / "clean"
    out.mkdir()
    (out / "old.txt").write_text("an earlier output\n")
    tasks, errors = batch.plan([str(tree)], output_dir=str(out))
    assert errors == []
    assert len(tasks) == 12
    for t in tasks:
        assert t.path is not None and t.out is not None
        assert os.path.relpath(t.out, out) == os.path.relpath(t.path, tree)


def test_plan_refuses_folders_without_output_dir(tree: Path) -> None:
    tasks, errors = batch.plan([str(tree)], output_dir=None)
    assert tasks == [] and len(errors) == 1 and "--output-dir" in errors[0]


def test_two_inputs_with_one_output_are_refused(tmp_path: Path) -> None:
    for d in ("a", "b"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "x.txt").write_text("text\n")
    tasks, _ = batch.plan(
        [str(tmp_path / "a" / "x.txt"), str(tmp_path / "b" / "x.txt")],
        output_dir=str(tmp_path / "out"),
    )
    with pytest.raises(batch.InputError, match="would both be written"):
        batch.check_outputs(tasks, force=True)


def test_write_atomic_leaves_nothing_when_interrupted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "deep" / "out.txt"

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        batch.write_atomic(target, b"clean text\n", force=False)
    assert list((tmp_path / "deep").iterdir()) == []


def test_write_atomic_respects_force(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    batch.write_atomic(target, b"one", force=False)
    with pytest.raises(FileExistsError):
        batch.write_atomic(target, b"two", force=False)
    batch.write_atomic(target, b"two", force=True)
    assert target.read_bytes() == b"two"
    assert oct(target.stat().st_mode & 0o777) != oct(0o600)  # normal permissions, not mkstemp's


def _square(n: int) -> int:
    return n * n


def _noop() -> None:
    return None


def test_ordered_map_keeps_order_and_reads_ahead_boundedly() -> None:
    consumed = 0

    def numbers() -> Iterator[int]:
        nonlocal consumed
        for n in range(200):
            consumed += 1
            yield n

    results = ordered_map(_square, numbers(), jobs=2, initializer=_noop, inflight=4)
    first = next(results)
    assert first == 0
    assert consumed <= 5  # never the whole input ahead of the output
    assert [first, *results] == [n * n for n in range(200)]


def test_output_is_identical_whatever_the_number_of_jobs(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outputs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}"
        stats = tmp_path / f"stats{jobs}.json"
        status = main(
            ["-q", "-j", jobs, "--output-dir", str(out), "--stats", str(stats), str(tree)]
        )
        assert status == 0
        outputs[jobs] = {
            p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()
        }
        data = json.loads(stats.read_text())
        assert data["documents"] == 12
    assert outputs["1"] == outputs["2"]
    assert len(outputs["1"]) == 12
    capsys.readouterr()


def test_summary_on_stderr_lists_filters(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["-j", "1", "--output-dir", str(tmp_path / "o"), str(tree)])
    err = capsys.readouterr().err
    assert status == 0
    assert err.startswith("cleantext: 12 documents")
    assert "markers" in err and "removals" in err
    assert len(err.splitlines()) < 25


def _stderr_through_a_terminal(argv: list[str]) -> bytes:
    """Run the command with stderr on a pseudo-terminal (100 columns); what it drew there."""
    pty = pytest.importorskip("pty")
    import fcntl
    import struct
    import subprocess
    import sys
    import termios
    import threading

    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
    seen = bytearray()

    def read() -> None:
        try:
            while chunk := os.read(master, 65536):
                seen.extend(chunk)
        except OSError:
            pass

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    proc = subprocess.run(
        [sys.executable, "-m", "cleantext", *argv],
        stderr=slave,
        stdout=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )
    os.close(slave)
    reader.join(10)
    os.close(master)
    assert proc.returncode == 0
    return bytes(seen)


def test_progress_bar_only_on_a_terminal(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    drawn = _stderr_through_a_terminal(["--output-dir", str(tmp_path / "a"), str(tree)])
    assert b"/12 [" in drawn  # tqdm's "n/12 [elapsed<remaining" counter
    assert b"cleantext: 12 documents" in drawn
    quiet = _stderr_through_a_terminal(["-q", "--output-dir", str(tmp_path / "b"), str(tree)])
    assert quiet == b""
    assert main(["--output-dir", str(tmp_path / "c"), str(tree)]) == 0
    assert "/12 [" not in capsys.readouterr().err  # not a terminal: summary only
