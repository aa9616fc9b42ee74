"""Work on every core: an ordered, bounded map over worker processes, failures as values.

    map_ordered(fn, jobs) -> Iterator[result | Exception]     (one answer per job, in order)

`digest fetch` cleans hundreds or thousands of items at a few to tens of milliseconds of CPU
each (lxml, trafilatura, the junk families, hashing): in one process that is most of the
command while the other cores idle. Here one worker per usable core does them. The workers
are forked, so they start in milliseconds with every module already loaded (from a fork
server when the process has other threads: forking would copy their held locks). Jobs travel
in chunks of up to `CHUNK` (the pool's own bookkeeping, a future, two queue hand-offs and a
pickle each way, costs this process about 0.15 ms a task: 1.6 s of its CPU for 10,000 jobs,
0.3 s in chunks of 8). At most `WINDOW` jobs per worker are in flight, and answers are handed
back in order as they are consumed, so memory stays bounded however many jobs a run has.

Every job gets an answer: what `fn` returned, or the exception it raised (its traceback
travels as a note), exactly as inline. The map runs in this process instead, with the same
answers, when the batch is small (`MIN_JOBS`), the machine has one usable core, the platform
cannot fork, or a worker dies (the rest of the batch is then done here).

`fn` must be a module-level function and the jobs and answers picklable.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import traceback
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.context import BaseContext
from typing import TypeVar

log = logging.getLogger("digest")
T = TypeVar("T")
R = TypeVar("R")
MIN_JOBS = 32  # below this, starting workers costs more than it saves
WINDOW = 16  # jobs in flight per worker: keeps them busy while this process commits
CHUNK = 8  # jobs per task at most: fewer when a batch is too small to keep every worker busy
SPREAD = 4  # a batch is chunked only as far as it still makes SPREAD windows per worker


def call(fn: Callable[[T], R], job: T) -> R | Exception:
    """`fn(job)`, with its failure as a value."""
    try:
        return fn(job)
    except Exception as exc:
        return exc


def _work(fn: Callable[[T], R], job: T) -> R | Exception:
    """In a worker: the answer, made safe to send back (a traceback does not pickle)."""
    answer = call(fn, job)
    if isinstance(answer, Exception):
        answer.add_note("".join(traceback.format_exception(answer)).rstrip())
        try:
            pickle.dumps(answer)
        except Exception:
            return RuntimeError(f"{type(answer).__name__}: {answer}")
    return answer


def _work_chunk(fn: Callable[[T], R], chunk: Sequence[T]) -> list[R | Exception]:
    return [_work(fn, job) for job in chunk]


def _ignore_interrupts() -> None:
    """Ctrl-C is the parent's to handle: it stops handing out jobs and waits for these."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def usable_cores() -> int:
    """The cores this process may run on (its affinity mask, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _context(module: str) -> BaseContext | None:
    """Fork when it is safe (Linux, one thread in this process); with other threads alive (a
    progress bar, the scheduler) a fork server started clean; else none (inline)."""
    methods = multiprocessing.get_all_start_methods()
    if sys.platform.startswith("linux") and threading.active_count() == 1 and "fork" in methods:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([module])  # workers start with `fn` and its imports
        return context
    return None


def map_ordered(fn: Callable[[T], R], jobs: Sequence[T], *,
                min_jobs: int = MIN_JOBS) -> Iterator[R | Exception]:
    """One answer per job, in order: on every core when it pays, else in this process."""
    count = usable_cores()
    context = _context(fn.__module__) if len(jobs) >= min_jobs and count > 1 else None
    if context is None:
        yield from (call(fn, job) for job in jobs)
        return
    size = max(1, min(CHUNK, len(jobs) // (count * WINDOW * SPREAD)))
    chunks = [jobs[i:i + size] for i in range(0, len(jobs), size)]
    executor = ProcessPoolExecutor(max_workers=count, initializer=_ignore_interrupts,
                                   mp_context=context)
    pending: deque[Future[list[R | Exception]]] = deque()
    done = 0  # chunks answered
    try:
        for chunk in chunks[: count * max(2, WINDOW // size)]:
            pending.append(executor.submit(_work_chunk, fn, chunk))
        while pending:
            future = pending.popleft()
            try:
                answers = future.result()
            except BrokenProcessPool:
                raise
            except Exception:  # the answers could not travel back: each job redone here
                answers = [call(fn, job) for job in chunks[done]]
            following = done + len(pending) + 1
            if following < len(chunks):
                pending.append(executor.submit(_work_chunk, fn, chunks[following]))
            done += 1
            if not pending:
                executor.shutdown(wait=True)  # before the last answer: nothing outlives the map
            yield from answers
    except BrokenProcessPool:
        left = [job for chunk in chunks[done:] for job in chunk]
        log.warning("a worker process died; doing the remaining %d jobs in this process",
                    len(left))
        yield from (call(fn, job) for job in left)
    finally:
        executor.shutdown(wait=True, cancel_futures=True)
