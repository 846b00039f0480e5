"""JSON Lines in, JSON Lines out: one document per line, streamed in bounded chunks.

Each record keeps every field; the text field is replaced by the clean text and the
removals are added under their own field, with the removed text, so the original can always
be rebuilt (``restore``). Lines that are not a JSON object with a string text field are
reported with their line number and copied through unchanged (or skipped), never lost
silently. Input may be gzip-compressed (recognised by its magic number, not its name).
"""

from __future__ import annotations

import gzip
import io
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import IO, Any, cast
from urllib.parse import urlsplit

from . import worker
from .batch import dumps_line
from .result import Result
from .sources import SourceError
from .summary import Totals

CHUNK_LINES = 256
CHUNK_BYTES = 1 << 20


@dataclass(frozen=True)
class Options:
    """Field names and the bad-line policy."""

    text_field: str = "text"
    removals_field: str = "cleantext"
    group_field: str | None = None
    skip_bad: bool = False


@dataclass(frozen=True)
class Chunk:
    """Consecutive lines of one input, the number of the first, and how many Results to
    send back (for --report)."""

    source: str
    first_line: int
    lines: list[bytes]
    options: Options
    keep: int = 0


@dataclass
class ChunkOutcome:
    output: list[bytes] = field(default_factory=list)
    bad: list[str] = field(default_factory=list)
    explain: list[str] = field(default_factory=list)
    totals: Totals = field(default_factory=Totals)
    results: list[tuple[str, Result]] = field(default_factory=list)


def open_input(path: str) -> IO[bytes]:
    """A binary stream of ``path`` (``-`` for stdin), transparently gunzipped."""
    raw: Any
    if path == "-":
        raw = sys.stdin.buffer
    else:
        try:
            raw = open(path, "rb")  # noqa: SIM115 -- returned to the caller, who closes it
        except FileNotFoundError:
            raise SourceError(f"{path}: no such file") from None
        except IsADirectoryError:
            raise SourceError(f"{path}: is a directory") from None
        except OSError as e:
            raise SourceError(f"{path}: cannot read: {e.strerror or e}") from None
    buffered: Any = raw if isinstance(raw, io.BufferedReader) else io.BufferedReader(raw)
    if buffered.peek(2)[:2] == b"\x1f\x8b":
        return io.BufferedReader(gzip.GzipFile(fileobj=buffered, mode="rb"))
    return cast(IO[bytes], buffered)


def chunks(stream: IO[bytes], source: str, options: Options, *, keep: int = 0) -> Iterator[Chunk]:
    """The stream's lines in chunks of at most CHUNK_LINES lines or about CHUNK_BYTES."""
    batch: list[bytes] = []
    size = 0
    first = 1
    number = 0
    try:
        for number, line in enumerate(stream, 1):
            batch.append(line)
            size += len(line)
            if len(batch) >= CHUNK_LINES or size >= CHUNK_BYTES:
                yield Chunk(source, first, batch, options, min(keep, len(batch)))
                keep = max(0, keep - len(batch))
                batch, size, first = [], 0, number + 1
    except (OSError, EOFError, gzip.BadGzipFile) as e:
        if batch:
            yield Chunk(source, first, batch, options, min(keep, len(batch)))
        raise SourceError(f"{source}: cannot read after line {number}: {e}") from None
    if batch:
        yield Chunk(source, first, batch, options, min(keep, len(batch)))


def group_of(record: dict[str, Any], group_field: str | None = None) -> str:
    """The group (site) a record belongs to: the ``group_field`` value, or the host of its
    ``url`` without ``www.``; "" when there is neither."""
    if group_field is not None:
        value = record.get(group_field)
        return "" if value is None else str(value)
    url = record.get("url")
    if not isinstance(url, str):
        return ""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host[4:] if host.startswith("www.") else host


def _problem(record: Any, options: Options) -> str | None:
    if not isinstance(record, dict):
        return f"not a JSON object but {type(record).__name__}"
    if options.text_field not in record:
        return f'no "{options.text_field}" field'
    if not isinstance(record[options.text_field], str):
        kind = type(record[options.text_field]).__name__
        return f'"{options.text_field}" is {kind}, not a string'
    if options.removals_field in record:
        return (
            f'already has a "{options.removals_field}" field (cleaned before?); '
            "choose another --removals-field"
        )
    return None


def removals_record(result: Result) -> dict[str, Any]:
    """What goes under the removals field: each removal with the text it took out."""
    data: dict[str, Any] = {
        "removals": [
            {**r.to_dict(), "text": result.original[r.start : r.end]} for r in result.removals
        ]
    }
    if result.language is not None:
        data["language"] = result.language
        data["language_confidence"] = round(result.language_confidence, 3)
    return data


def restore(
    record: dict[str, Any], text_field: str = "text", removals_field: str = "cleantext"
) -> str:
    """The original text of a cleaned record: the clean text with the removed text put back."""
    clean: str = record[text_field]
    parts: list[str] = []
    cursor = 0  # in the clean text
    removed = 0  # characters removed before the cursor
    for r in record[removals_field]["removals"]:
        at = int(r["start"]) - removed
        parts.append(clean[cursor:at])
        parts.append(r["text"])
        cursor = at
        removed += int(r["end"]) - int(r["start"])
    parts.append(clean[cursor:])
    return "".join(parts)


def process(chunk: Chunk) -> ChunkOutcome:
    """Worker entry point: clean the records of one chunk."""
    options = chunk.options
    explain = worker._state.settings.explain
    out = ChunkOutcome()
    for offset, line in enumerate(chunk.lines):
        number = chunk.first_line + offset
        if not line.strip():
            out.output.append(line if line.endswith(b"\n") else line + b"\n")
            continue
        try:
            record = json.loads(line)
            problem = _problem(record, options)
        except json.JSONDecodeError as e:
            problem = f"not valid JSON ({e.msg} at column {e.colno})"
        except ValueError as e:  # UnicodeDecodeError: bytes that are not UTF-8
            problem = f"not valid JSON ({e})"
        except RecursionError:
            problem = "not valid JSON (nested too deeply)"
        if problem is not None:
            out.bad.append(f"{chunk.source}:{number}: {problem}")
            out.totals.bad_lines += 1
            if not options.skip_bad:
                out.output.append(line if line.endswith(b"\n") else line + b"\n")
            continue
        result = worker.clean_text(
            record[options.text_field], group_of(record, options.group_field)
        )
        out.totals.add(result)
        name = f"{chunk.source}:{number}"
        if explain:
            out.explain.extend(worker.explain(name, result))
        if offset < chunk.keep:
            out.results.append((name, result))
        record[options.text_field] = result.text
        record[options.removals_field] = removals_record(result)
        out.output.append(dumps_line(record))
    return out
