"""An ordered, bounded parallel map over an iterator, for batches and JSON Lines.

``ProcessPoolExecutor.map`` and ``Pool.imap`` both read their whole input before yielding,
which would hold a 100 GB JSONL in memory; here at most ``inflight`` chunks are submitted
ahead of the one being yielded, so memory stays constant and results come back in input
order whatever the number of workers. Workers ignore SIGINT: Ctrl-C reaches the parent,
which stops them and leaves no traceback from the children.
"""

from __future__ import annotations

import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def _worker_start(initializer: Callable[..., None], initargs: tuple[Any, ...]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    initializer(*initargs)


def ordered_map(
    fn: Callable[[T], R],
    items: Iterable[T],
    *,
    jobs: int,
    initializer: Callable[..., None],
    initargs: tuple[Any, ...] = (),
    inflight: int | None = None,
) -> Iterator[R]:
    """``fn(item)`` for each item, in order, on ``jobs`` processes (in this one when 1).

    ``fn`` and ``initializer`` must be module-level functions; each worker runs
    ``initializer(*initargs)`` once before its first item.
    """
    if jobs <= 1:
        initializer(*initargs)
        for item in items:
            yield fn(item)
        return
    limit = inflight if inflight is not None else 4 * jobs
    pool = ProcessPoolExecutor(jobs, initializer=_worker_start, initargs=(initializer, initargs))
    pending: deque[Future[R]] = deque()
    finished = False
    try:
        for item in items:
            pending.append(pool.submit(fn, item))
            if len(pending) >= limit:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
        finished = True
    finally:
        if finished:
            pool.shutdown()
        else:
            _abort(pool, pending)


def _abort(pool: ProcessPoolExecutor, pending: deque[Future[Any]]) -> None:
    """Stop now: cancel what has not started and end the workers (they write nothing)."""
    for f in pending:
        f.cancel()
    processes = list(getattr(pool, "_processes", None) or {})
    procs = getattr(pool, "_processes", None) or {}
    for pid in processes:
        proc = procs.get(pid)
        if proc is not None and proc.is_alive():
            proc.terminate()
    pool.shutdown(wait=True, cancel_futures=True)
