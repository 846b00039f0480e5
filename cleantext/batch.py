"""Many files: find them, clean them in workers, write each output safely.

Inputs are listed first (folders walked in sorted order, so the order and the output do not
depend on the file system or on ``-j``); workers read, decode and clean; the parent writes.
A file is written to a temporary file in its destination folder and renamed into place, so
an interrupted run leaves whole files or none, never half of one.
"""

from __future__ import annotations

import contextlib
import fnmatch
import json
import os
import secrets
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import worker
from .result import Result
from .sources import SourceError, decode_bytes, read_text
from .summary import Totals

DEFAULT_GLOBS = ("*.txt",)
STDIN = "-"


@dataclass(frozen=True)
class Task:
    """One input: a path (or stdin's bytes), its display name and where its output goes."""

    name: str
    path: str | None = None
    data: bytes | None = None
    out: str | None = None
    keep: bool = False  # send the Result back (for --report)
    fmt: str = "text"  # "text", "json", or "jsonl" (JSON with a "source" field)


@dataclass
class Outcome:
    """What a worker made of one Task: output bytes, or the one-line error."""

    name: str
    out: str | None
    error: str | None = None
    output: bytes = b""
    explain: list[str] = field(default_factory=list)
    totals: Totals = field(default_factory=Totals)
    result: Result | None = None


class InputError(Exception):
    """A problem with the list of inputs as a whole (reported before any work)."""


def _matches(rel: str, globs: Sequence[str]) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatchcase(rel if "/" in g else name, g) for g in globs)


def walk(folder: str, globs: Sequence[str], skip: Sequence[str] = ()) -> Iterator[str]:
    """Paths relative to ``folder`` of the files matching ``globs``, sorted, hidden entries
    and the ``skip`` folders (e.g. the output folder inside the input) left out."""
    skip_real = {os.path.realpath(s) for s in skip}

    def on_error(e: OSError) -> None:
        raise e

    for root, dirs, files in os.walk(folder, onerror=on_error):
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and os.path.realpath(os.path.join(root, d)) not in skip_real
        )
        for f in sorted(files):
            if f.startswith("."):
                continue
            rel = os.path.relpath(os.path.join(root, f), folder).replace(os.sep, "/")
            if _matches(rel, globs):
                yield rel


def plan(
    inputs: Sequence[str],
    *,
    output_dir: str | None,
    globs: Sequence[str] = DEFAULT_GLOBS,
) -> tuple[list[Task], list[str]]:
    """Tasks for the inputs, and one-line errors for inputs that cannot become tasks.

    Folders are walked only with an output folder (their tree is mirrored under it); a
    file's output is ``OUT/<file name>``. Stdin (``-``) is read by the caller.
    """
    tasks: list[Task] = []
    errors: list[str] = []
    for arg in inputs:
        if arg == STDIN:
            tasks.append(Task(name="<stdin>", path=None))
            continue
        if os.path.isdir(arg):
            if output_dir is None:
                errors.append(
                    f"{arg}: is a directory; give --output-dir OUT to clean the files in it"
                )
                continue
            try:
                found = list(walk(arg, globs, skip=[output_dir]))
            except OSError as e:
                errors.append(f"{arg}: cannot list: {e.strerror or e}")
                continue
            if not found:
                errors.append(f"{arg}: no files matching {' or '.join(globs)}")
            for rel in found:
                path = os.path.join(arg, *rel.split("/"))
                tasks.append(
                    Task(name=path, path=path, out=os.path.join(output_dir, *rel.split("/")))
                )
        else:
            out = os.path.join(output_dir, os.path.basename(arg)) if output_dir else None
            tasks.append(Task(name=arg, path=arg, out=out))
    return tasks, errors


def check_outputs(tasks: Sequence[Task], *, force: bool) -> None:
    """Refuse, before any work, to overwrite an input or (without ``force``) any file."""
    seen: dict[str, str] = {}
    inputs = {os.path.realpath(t.path) for t in tasks if t.path is not None}
    existing: list[str] = []
    for t in tasks:
        if t.out is None:
            continue
        real = os.path.realpath(t.out)
        if real in seen:
            raise InputError(f"{seen[real]} and {t.name} would both be written to {t.out}")
        seen[real] = t.name
        if real in inputs:
            raise InputError(f"{t.out}: is an input; refusing to overwrite it")
        if os.path.lexists(t.out):
            if os.path.isdir(t.out):
                raise InputError(f"{t.out}: is a directory, cannot write a file there")
            existing.append(t.out)
    if existing and not force:
        more = f" (and {len(existing) - 1} more)" if len(existing) > 1 else ""
        raise InputError(
            f"{existing[0]}: already exists{more}; use --force to overwrite; nothing written"
        )


def process(tasks: list[Task]) -> list[Outcome]:
    """Worker entry point: clean a chunk of tasks."""
    return [process_one(t) for t in tasks]


def process_one(task: Task) -> Outcome:
    settings = worker._state.settings
    outcome = Outcome(task.name, task.out)
    try:
        if task.data is not None:
            decoded = decode_bytes(task.data, task.name, settings.encoding)
        elif task.path is not None:
            decoded = read_text(task.path, task.name, settings.encoding)
        else:
            raise SourceError(f"{task.name}: nothing to read")
    except SourceError as e:
        outcome.error = str(e)
        outcome.totals.failed = 1
        return outcome
    result = worker.clean_text(decoded.text)
    outcome.totals.add(result, decoded.encoding)
    if settings.explain:
        note = decoded.note if decoded.detected else f"read as {decoded.encoding}"
        outcome.explain = worker.explain(task.name, result, note)
    if task.keep:
        outcome.result = result
    if task.fmt == "text":
        outcome.output = result.text.encode("utf-8", "surrogatepass")
    else:
        data = result.to_dict()
        if task.fmt == "jsonl":
            data = {"source": task.name, **data}
        outcome.output = dumps_line(data)
    return outcome


def dumps_line(data: object) -> bytes:
    """One JSON line in UTF-8; text a str can hold but UTF-8 cannot (lone surrogates) is
    written with JSON escapes instead, so it survives exactly."""
    try:
        return (json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(data) + "\n").encode("ascii")


_O_BINARY = getattr(os, "O_BINARY", 0)  # Windows: no newline translation


def write_atomic(path: str | os.PathLike[str], data: bytes, *, force: bool) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename:
    readers (and an interrupted run) see the old file, or no file, or the whole new one."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    if not force and os.path.lexists(target):
        raise FileExistsError(f"{target}: already exists; use --force to overwrite")
    # The temporary name is known before the file exists, so an interrupt that lands just
    # after the open (before its result is assigned) can still remove it.
    tmp = target.parent / f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY, 0o666)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, target)
    except BaseException as e:
        if not isinstance(e, FileExistsError):  # that one was not ours to remove
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        raise
