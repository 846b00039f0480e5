"""The ``cleantext`` command: files, folders, stdin or JSON Lines in; clean text out.

This module only parses arguments and routes: reading is in ``sources``, cleaning settings in
``worker``, files and folders in ``batch``, JSON Lines in ``jsonl``, parallelism in
``parallel`` and totals in ``summary``. Every problem with an input is one line on stderr and
exit status 1, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from typing import IO, Any

from . import __version__, batch, jsonl, worker
from .clean import default_pipeline
from .parallel import ordered_map
from .result import Result
from .sources import SourceError
from .summary import Totals

PROG = "cleantext"
REPORT_LIMIT = 1000  # documents drawn in --report; the rest are counted, not drawn
BAD_SHOWN = 20  # bad JSON lines reported one by one; further ones are only counted

EXIT_OK, EXIT_INPUT, EXIT_USAGE, EXIT_INTERRUPTED, EXIT_PIPE = 0, 1, 2, 130, 141

EXAMPLES = """\
examples:
  cleantext article.txt                     clean text on stdout
  cleantext --explain article.txt           ... and what was removed and why, on stderr
  cleantext --format json article.txt       text, pieces and removals as one JSON object
  curl -s URL | trafilatura | cleantext     read stdin (also: cleantext -)
  cleantext --output-dir clean/ pages/      clean a folder tree into clean/ on all cores
  cleantext --jsonl dump.jsonl.gz > clean.jsonl
  cleantext learn --output sites.json dump.jsonl.gz
  cleantext --profile sites.json --jsonl dump.jsonl.gz > clean.jsonl
  cleantext --disable repeats article.txt   run without one filter (see --list-filters)

A file named "learn" is cleaned with: cleantext ./learn

exit status: 0 done; 1 some input could not be cleaned (message on stderr);
2 bad arguments; 130 interrupted (Ctrl-C); 141 the output pipe was closed.
Full documentation: docs/cli.md
"""


class Usage(Exception):
    """A problem with the arguments themselves (exit status 2)."""


class Console:
    """Messages on stderr, printed around the progress bar when there is one."""

    def __init__(self, quiet: bool = False) -> None:
        self.quiet = quiet
        self.bar: Any = None

    def say(self, message: str) -> None:
        if self.bar is not None:
            self.bar.write(message, file=sys.stderr)
        else:
            sys.stderr.write(message + "\n")
            sys.stderr.flush()

    def progress(self, *, total: int | None, unit: str) -> AbstractContextManager[Any]:
        """A tqdm bar on stderr when stderr is a terminal and not --quiet; else nothing."""
        if self.quiet or not _isatty(sys.stderr):
            return nullcontext(None)
        try:
            from tqdm import tqdm
        except ImportError:
            return nullcontext(None)
        tqdm.monitor_interval = 0  # no monitor thread: worker processes may be forked later
        self.bar = tqdm(total=total, unit=unit, file=sys.stderr, dynamic_ncols=True, leave=False)
        return _closing_bar(self)


@contextmanager
def _closing_bar(console: Console) -> Iterator[Any]:
    try:
        yield console.bar
    finally:
        bar, console.bar = console.bar, None
        if bar is not None:
            bar.close()


def _isatty(stream: IO[Any]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def default_jobs() -> int:
    """The CPUs this process may use (affinity-aware where the OS says)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return max(1, os.cpu_count() or 1)


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {n}")
    return n


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=PROG,
        description=(
            "Strip boilerplate (related-story links, teasers, credits, cookie and newsletter\n"
            "prompts, leftover JavaScript) from text scraped off article pages. Prints the\n"
            "clean text; --explain says what was removed and why.\n\n"
            "Also: cleantext learn ... learns a site profile (cleantext learn --help)."
        ),
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument(
        "inputs",
        nargs="*",
        metavar="FILE",
        help="text files, folders (with --output-dir) or JSON Lines (with --jsonl); "
        "none or - reads stdin",
    )
    p.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    out = p.add_argument_group("output")
    out.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text (default) or json: {text, pieces, removals}; one JSON line per file "
        "with a source field when there are several",
    )
    out.add_argument(
        "--explain",
        action="store_true",
        help="say on stderr what was removed and why, the language and the decoding",
    )
    out.add_argument(
        "--output-dir",
        metavar="DIR",
        help="write one cleaned file per input into DIR (folders are mirrored)",
    )
    out.add_argument("--force", action="store_true", help="overwrite existing outputs")
    out.add_argument(
        "--report", metavar="REPORT.html", help="also write an HTML page marking every removal"
    )
    out.add_argument("--stats", metavar="FILE.json", help="write the run totals as JSON")
    out.add_argument("-q", "--quiet", action="store_true", help="no progress bar, no summary")
    flt = p.add_argument_group("filters")
    flt.add_argument(
        "--disable",
        action="append",
        default=[],
        metavar="NAME",
        help="leave out a filter (repeatable; see --list-filters)",
    )
    flt.add_argument("--list-filters", action="store_true", help="list the filters and exit")
    flt.add_argument(
        "--lang", metavar="CODE", help="language (ISO 639-1, e.g. de) instead of guessing it"
    )
    flt.add_argument(
        "--profile",
        metavar="PROFILE.json",
        help="also remove the lines a corpus profile learned (see: cleantext learn --help)",
    )
    flt.add_argument(
        "--group-field",
        metavar="FIELD",
        help="with --jsonl --profile: the field naming a record's site (default: host of url)",
    )
    inp = p.add_argument_group("input")
    inp.add_argument(
        "--encoding",
        metavar="NAME",
        help="decode files with this encoding instead of UTF-8 or the detected one",
    )
    inp.add_argument(
        "--glob",
        action="append",
        metavar="PATTERN",
        help="files to take from folders (repeatable; default: *.txt)",
    )
    inp.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        metavar="N",
        help=f"worker processes (default: the number of CPUs, here {default_jobs()})",
    )
    js = p.add_argument_group("JSON Lines")
    js.add_argument(
        "--jsonl",
        action="store_true",
        help="inputs are JSON Lines (.gz too): clean each record, write JSON Lines to stdout",
    )
    js.add_argument(
        "--text-field", default="text", metavar="FIELD", help="field holding the text (text)"
    )
    js.add_argument(
        "--removals-field",
        default="cleantext",
        metavar="FIELD",
        help="field that receives the removals (cleantext)",
    )
    js.add_argument(
        "--skip-bad",
        action="store_true",
        help="drop lines that are not JSON objects with the text field (default: copy them)",
    )
    return p


def build_learn_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=f"{PROG} learn",
        description=(
            "Learn a site profile: lines that recur across many documents of one site "
            "(footers, teaser headings, comment prompts). Use it with cleantext --profile."
        ),
        epilog=(
            "examples:\n"
            "  cleantext learn --output sites.json dump.jsonl.gz\n"
            "  cleantext learn --output blog.json --min-docs 3 pages/\n"
            "  cleantext --profile sites.json --jsonl dump.jsonl.gz > clean.jsonl\n\n"
            "JSONL records are grouped by the host of their url field (or --group-field);\n"
            "plain files form one group."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("inputs", nargs="+", metavar="CORPUS", help="files, folders or .jsonl[.gz]")
    p.add_argument("--output", required=True, metavar="PROFILE.json", help="profile to write")
    p.add_argument("--force", action="store_true", help="overwrite an existing profile")
    p.add_argument(
        "--min-docs", type=_positive, metavar="N", help="a line must occur in N documents"
    )
    p.add_argument(
        "--min-share",
        type=float,
        metavar="F",
        help="... and in this share (0..1) of its group's documents",
    )
    p.add_argument("--group-field", metavar="FIELD", help="JSONL field naming the site")
    p.add_argument("--text-field", default="text", metavar="FIELD", help="JSONL text field")
    p.add_argument("--glob", action="append", metavar="PATTERN", help="files in folders")
    p.add_argument("--encoding", metavar="NAME", help="decode plain files with this encoding")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress, no summary")
    return p


def list_filters(language: str | None) -> str:
    rows = []
    for f in default_pipeline(language):
        doc = (type(f).__doc__ or "").strip().splitlines()
        rows.append((f.name, doc[0] if doc else ""))
    width = max(len(name) for name, _ in rows) if rows else 0
    return "".join(f"{name:<{width}}  {doc}\n" for name, doc in rows)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; return the exit status (the console script exits with it)."""
    args = list(sys.argv[1:] if argv is None else argv)
    console = Console()
    try:
        if args[:1] == ["learn"]:
            return _learn(args[1:], console)
        return _clean(args, console)
    except Usage as e:
        console.say(f"{PROG}: {e}")
        return EXIT_USAGE
    except KeyboardInterrupt:
        console.bar = None
        sys.stderr.write(f"\n{PROG}: interrupted\n")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (cleantext big.txt | head -1). Point stdout at /dev/null so
        # the interpreter's final flush does not fail again, as the Python docs recommend.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError, AttributeError):
            pass
        return EXIT_PIPE


def _clean(argv: list[str], console: Console) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    console.quiet = args.quiet
    if args.list_filters:
        sys.stdout.write(list_filters(args.lang))
        return EXIT_OK
    known = default_pipeline(args.lang).names
    unknown = [n for n in args.disable if n not in known]
    if unknown:
        raise Usage(
            f"unknown filter {unknown[0]!r} for --disable; known filters: {', '.join(known)}"
        )
    if args.encoding is not None:
        import codecs

        try:
            codecs.lookup(args.encoding)
        except LookupError:
            raise Usage(f"unknown encoding {args.encoding!r} for --encoding") from None
    settings = worker.Settings(
        disable=tuple(dict.fromkeys(args.disable)),
        language=args.lang,
        profile=args.profile,
        encoding=args.encoding,
        explain=args.explain,
    )
    if settings.profile is not None:
        try:
            worker.load_profile(settings.profile)
        except worker.ProfileUnavailable as e:
            console.say(f"{PROG}: {e}")
            return EXIT_INPUT
    jobs = args.jobs or default_jobs()
    if args.jsonl:
        if args.output_dir is not None:
            raise Usage("--jsonl writes to stdout; redirect it: cleantext --jsonl IN > OUT.jsonl")
        if args.format != "text":
            raise Usage("--jsonl output is always JSON Lines; leave out --format")
        return _run_jsonl(args, settings, jobs, console)
    return _run_files(args, settings, jobs, console)


def _read_stdin(console: Console) -> bytes:
    if _isatty(sys.stdin):
        console.say(f"{PROG}: reading text from the terminal; end with Ctrl-D (see --help)")
    return sys.stdin.buffer.read()


def _run_files(
    args: argparse.Namespace, settings: worker.Settings, jobs: int, console: Console
) -> int:
    started = time.monotonic()
    inputs: list[str] = args.inputs or [batch.STDIN]
    if inputs.count(batch.STDIN) > 1:
        raise Usage("stdin (-) can be read only once")
    if args.output_dir is not None and batch.STDIN in inputs:
        raise Usage(
            "with --output-dir give files or folders, not stdin; without it, "
            "the clean text of stdin goes to stdout"
        )
    if (
        args.output_dir is not None
        and os.path.exists(args.output_dir)
        and not os.path.isdir(args.output_dir)
    ):
        raise Usage(f"{args.output_dir}: is not a directory (for --output-dir)")
    tasks, errors = batch.plan(
        inputs, output_dir=args.output_dir, globs=args.glob or batch.DEFAULT_GLOBS
    )
    totals = Totals()
    for message in errors:
        console.say(f"{PROG}: {message}")
    totals.failed += len(errors)
    several = len(inputs) > 1 or len(tasks) != 1
    if args.format == "json":
        fmt = "json" if args.output_dir is not None or not several else "jsonl"
    else:
        fmt = "text"
    prepared: list[batch.Task] = []
    for i, t in enumerate(tasks):
        out = t.out
        if out is not None and fmt == "json":
            out += ".json"
        data = _read_stdin(console) if t.path is None and t.data is None else t.data
        prepared.append(
            batch.Task(
                t.name, t.path, data, out, keep=bool(args.report) and i < REPORT_LIMIT, fmt=fmt
            )
        )
    try:
        batch.check_outputs(prepared, force=args.force)
    except batch.InputError as e:
        console.say(f"{PROG}: {e}")
        return EXIT_INPUT
    jobs = max(1, min(jobs, len(prepared)))
    size = max(1, min(16, len(prepared) // (jobs * 4)))
    chunked = [prepared[i : i + size] for i in range(0, len(prepared), size)]
    reports: list[tuple[str, Result]] = []
    stdout = sys.stdout.buffer
    bar_total = len(prepared) if len(prepared) > 1 else None
    with console.progress(total=bar_total, unit="file") if bar_total else nullcontext(None) as bar:
        if jobs > 1:
            _warm_up(settings)
        for outcomes in ordered_map(
            batch.process, chunked, jobs=jobs, initializer=worker.init, initargs=(settings,)
        ):
            for o in outcomes:
                for line in o.explain:
                    console.say(line)
                totals.merge(o.totals)
                if o.error is not None:
                    console.say(f"{PROG}: {o.error}")
                elif o.out is not None:
                    try:
                        batch.write_atomic(o.out, o.output, force=args.force)
                    except OSError as e:
                        totals.failed += 1
                        console.say(f"{PROG}: {o.out}: cannot write: {e.strerror or e}")
                else:
                    stdout.write(o.output)
                if o.result is not None:
                    reports.append((o.name, o.result))
                if bar is not None:
                    bar.update(1)
    stdout.flush()
    status = _finish(
        args, totals, reports, started, jobs, console, summary=args.output_dir is not None
    )
    return status


def _warm_up(settings: worker.Settings) -> None:
    """Build the pipeline and load the stoplists and tables once, before the workers fork,
    so they start warm and share those pages instead of each loading its own copy."""
    worker.init(settings)
    worker.clean_text(
        "Read more: warm-up\nThe council said on Monday that the new bridge would open "
        "in the spring, and that work was on schedule.\nAdvertisement\n"
    )


def _run_jsonl(
    args: argparse.Namespace, settings: worker.Settings, jobs: int, console: Console
) -> int:
    started = time.monotonic()
    inputs: list[str] = args.inputs or ["-"]
    options = jsonl.Options(
        text_field=args.text_field,
        removals_field=args.removals_field,
        group_field=args.group_field,
        skip_bad=args.skip_bad,
    )
    totals = Totals()
    keep = REPORT_LIMIT if args.report else 0

    def all_chunks() -> Iterator[jsonl.Chunk]:
        nonlocal keep
        for path in inputs:
            try:
                stream = jsonl.open_input(path)
            except SourceError as e:
                totals.failed += 1
                console.say(f"{PROG}: {e}")
                continue
            try:
                name = "<stdin>" if path == "-" else path
                for chunk in jsonl.chunks(stream, name, options, keep=keep):
                    keep -= chunk.keep
                    yield chunk
            except SourceError as e:
                totals.failed += 1
                console.say(f"{PROG}: {e}")
            finally:
                if path != "-":
                    stream.close()

    reports: list[tuple[str, Result]] = []
    shown = 0
    stdout = sys.stdout.buffer
    with console.progress(total=None, unit="doc") as bar:
        if jobs > 1:
            _warm_up(settings)
        for outcome in ordered_map(
            jsonl.process, all_chunks(), jobs=jobs, initializer=worker.init, initargs=(settings,)
        ):
            for line in outcome.explain:
                console.say(line)
            for message in outcome.bad:
                if shown < BAD_SHOWN:
                    console.say(f"{PROG}: {message}")
                elif shown == BAD_SHOWN:
                    console.say(f"{PROG}: more bad lines; only the count is reported from here")
                shown += 1
            stdout.write(b"".join(outcome.output))
            totals.merge(outcome.totals)
            reports.extend(outcome.results)
            if bar is not None:
                bar.update(len(outcome.output))
    stdout.flush()
    return _finish(args, totals, reports, started, jobs, console, summary=True)


def _finish(
    args: argparse.Namespace,
    totals: Totals,
    reports: list[tuple[str, Result]],
    started: float,
    jobs: int,
    console: Console,
    *,
    summary: bool,
) -> int:
    """Report, stats file and summary; the exit status."""
    if args.report:
        try:
            from .report import write_report
        except ImportError as e:
            console.say(f"{PROG}: --report needs the cleantext.report module ({e})")
            totals.failed += 1
        else:
            try:
                write_report(reports, args.report)
            except OSError as e:
                console.say(f"{PROG}: {args.report}: cannot write: {e.strerror or e}")
                totals.failed += 1
            if totals.documents > len(reports):
                console.say(
                    f"{PROG}: {args.report} shows the first {len(reports):,} of "
                    f"{totals.documents:,} documents"
                )
    seconds = time.monotonic() - started
    if args.stats:
        data = json.dumps(totals.to_dict(seconds=seconds, jobs=jobs), indent=2) + "\n"
        try:
            batch.write_atomic(args.stats, data.encode("utf-8"), force=True)
        except OSError as e:
            console.say(f"{PROG}: {args.stats}: cannot write: {e.strerror or e}")
            totals.failed += 1
    if summary and not args.quiet:
        console.say(totals.render(seconds=seconds, jobs=jobs))
    return EXIT_INPUT if totals.failed or totals.bad_lines else EXIT_OK


def _learn(argv: list[str], console: Console) -> int:
    from . import corpus

    args = build_learn_parser().parse_args(argv)
    console.quiet = args.quiet
    try:
        from . import profile as profile_module
    except ImportError as e:
        console.say(f"{PROG} learn: needs the cleantext.profile module ({e})")
        return EXIT_INPUT
    if os.path.lexists(args.output) and not args.force:
        console.say(f"{PROG} learn: {args.output}: already exists; use --force to overwrite")
        return EXIT_INPUT
    if os.path.isdir(args.output):
        console.say(f"{PROG} learn: {args.output}: is a directory")
        return EXIT_INPUT
    kwargs: dict[str, Any] = {}
    if args.min_docs is not None:
        kwargs["min_docs"] = args.min_docs
    if args.min_share is not None:
        kwargs["min_share"] = args.min_share
    problems = 0

    def report(message: str) -> None:
        nonlocal problems
        problems += 1
        if problems <= BAD_SHOWN:
            console.say(f"{PROG} learn: {message}")

    count = 0
    with console.progress(total=None, unit="doc") as bar:

        def counted() -> Iterator[tuple[str, str]]:
            nonlocal count
            for doc in corpus.documents(
                args.inputs,
                report=report,
                text_field=args.text_field,
                group_field=args.group_field,
                globs=args.glob or batch.DEFAULT_GLOBS,
                encoding=args.encoding,
            ):
                count += 1
                if bar is not None:
                    bar.update(1)
                yield doc

        try:
            profile = profile_module.learn(counted(), **kwargs)
        except ValueError as e:
            raise Usage(f"learn: {e}") from None
    folder = os.path.dirname(os.path.abspath(args.output))
    tmp = os.path.join(folder, f".{os.path.basename(args.output)}.{os.getpid()}.tmp")
    try:
        profile.save(tmp)
        os.replace(tmp, args.output)
    except OSError as e:
        console.say(f"{PROG} learn: {args.output}: cannot write: {e.strerror or e}")
        return EXIT_INPUT
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    if not args.quiet:
        console.say(f"{PROG} learn: {count:,} documents; {len(profile):,} lines → {args.output}")
    if problems > BAD_SHOWN:
        console.say(f"{PROG} learn: {problems - BAD_SHOWN:,} more problems not shown")
    return EXIT_INPUT if problems else EXIT_OK
