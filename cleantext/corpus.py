"""Documents of a corpus for ``cleantext learn``: ``(group, text)`` from files, folders and
JSON Lines (optionally gzipped), streamed one at a time.

A JSONL record's group is the host of its ``url`` (or the ``--group-field`` value); plain
files have the group "". Problems are handed to ``report`` and the walk goes on.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator, Sequence

from .batch import DEFAULT_GLOBS, walk
from .jsonl import group_of, open_input
from .sources import SourceError, read_text

JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".json.gz")


def is_jsonl(path: str) -> bool:
    return path.lower().endswith(JSONL_SUFFIXES)


def documents(
    inputs: Sequence[str],
    *,
    report: Callable[[str], None],
    text_field: str = "text",
    group_field: str | None = None,
    globs: Sequence[str] = DEFAULT_GLOBS,
    encoding: str | None = None,
) -> Iterator[tuple[str, str]]:
    """Every document of the inputs, in order; unreadable ones are reported and skipped."""
    for arg in inputs:
        if os.path.isdir(arg):
            try:
                found = list(walk(arg, globs))
            except OSError as e:
                report(f"{arg}: cannot list: {e.strerror or e}")
                continue
            if not found:
                report(f"{arg}: no files matching {' or '.join(globs)}")
            for rel in found:
                path = os.path.join(arg, *rel.split("/"))
                yield from _plain(path, report, encoding, globs, text_field, group_field)
        else:
            yield from _plain(arg, report, encoding, globs, text_field, group_field)


def _plain(
    path: str,
    report: Callable[[str], None],
    encoding: str | None,
    globs: Sequence[str],
    text_field: str,
    group_field: str | None,
) -> Iterator[tuple[str, str]]:
    if is_jsonl(path) or path == "-":
        yield from _records(path, report, text_field, group_field)
        return
    try:
        yield "", read_text(path, path, encoding).text
    except SourceError as e:
        report(str(e))


def _records(
    path: str, report: Callable[[str], None], text_field: str, group_field: str | None
) -> Iterator[tuple[str, str]]:
    try:
        stream = open_input(path)
    except SourceError as e:
        report(str(e))
        return
    number = 0
    with stream:
        try:
            for number, line in enumerate(stream, 1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except (ValueError, RecursionError):
                    report(f"{path}:{number}: not valid JSON; skipped")
                    continue
                if not isinstance(record, dict) or not isinstance(record.get(text_field), str):
                    report(f'{path}:{number}: no string "{text_field}" field; skipped')
                    continue
                yield group_of(record, group_field), record[text_field]
        except (OSError, EOFError) as e:
            report(f"{path}: cannot read after line {number}: {e}")
