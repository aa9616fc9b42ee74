"""Work on every core: batches of jobs for worker processes, answers in order, failures as values.

    pool = Pool(fn); pool.start()                       (workers forked now, or never)
    batch = pool.submit(jobs)                           (returns at once; workers start on it)
    pool.answers(batch) -> Iterator[result | Exception] (one answer per job, in order)
    map_ordered(fn, jobs) -> Iterator[result | Exception]

`digest fetch` cleans hundreds or thousands of items at a few milliseconds of CPU each (lxml,
the junk families, hashing): in one process that is most of the command while the other cores
idle. Here one worker per usable core does them, and a batch can be handed over the moment it
exists (`collect` submits each source's items as its feed arrives, so cleaning runs while the
other feeds are still on the wire). The workers are forked, so they start in milliseconds with
every module already loaded: `start()` forks them at once, which is safe while this process
has a single thread (before a run opens connections or starts threads); started later, with
other threads alive, they come from a fork server started clean (forking would copy the other
threads' held locks). Jobs travel in chunks of up to `CHUNK` (the pool's own bookkeeping, a
future, two queue hand-offs and a pickle each way, costs this process about 0.15 ms a task:
1.6 s of its CPU for 10,000 jobs, 0.3 s in chunks of 8).

Every job gets an answer: what `fn` returned, or the exception it raised (its traceback
travels as a note), exactly as inline. Jobs run in this process instead, with the same
answers, when the pool was never started (a small batch, `MIN_JOBS`), the machine has one
usable core, the platform cannot fork, or a worker dies (every job not yet answered is then
done here), and a chunk whose answers cannot travel back is redone here.

`fn` must be a module-level function and the jobs and answers picklable.
"""

from __future__ import annotations

import gc
import logging
import multiprocessing
import os
import pickle
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import BrokenExecutor
from dataclasses import dataclass
from multiprocessing.context import BaseContext
from types import TracebackType
from typing import TYPE_CHECKING, Generic, TypeVar

# The process pool's module loads with the first pool started (`Pool.start`); a broken pool
# raises its BrokenProcessPool, a BrokenExecutor (concurrent.futures itself loads with asyncio).
if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

log = logging.getLogger("digest")
T = TypeVar("T")
R = TypeVar("R")
MIN_JOBS = 32  # below this, starting workers costs more than it saves
WINDOW = 16  # map_ordered: jobs in flight per worker, so memory stays bounded
CHUNK = 8  # jobs per task at most: fewer when a batch is too small to keep every worker busy
SPREAD = 4  # map_ordered chunks a batch only as far as it still makes SPREAD windows per worker


def call(fn: Callable[[T], R], job: T) -> R | Exception:
    """`fn(job)`, with its failure as a value."""
    try:
        return fn(job)
    except Exception as exc:
        return exc


def sendable(fn: Callable[[T], R], job: T) -> R | Exception:
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
    return [sendable(fn, job) for job in chunk]


def _ready() -> None:
    """The task that makes a pool fork its workers."""


ORPHAN_CHECK = 1.0  # seconds between a worker's looks at whether its parent still lives


def _exit_when_orphaned(parent: int, every: float = ORPHAN_CHECK) -> None:
    """In a worker: exit once its parent is gone (reparented, `os.getppid` changes). A run
    killed by kill -9 left its workers waiting forever on their queue, each holding what it
    inherited (~40 MB): the queue's pipes stay open between the orphans, so none of them ever
    reads end-of-file. (Not prctl's PR_SET_PDEATHSIG: it fires when the forking *thread*
    ends, and a pool may start workers from a thread that ends before the run does.)"""
    while os.getppid() == parent:
        time.sleep(every)
    os._exit(0)


def _worker_start() -> None:
    """Ctrl-C is the parent's to handle: it stops handing out jobs and waits for these. What
    the worker inherited (modules, the parent's data) lives as long as it does: frozen, the
    collector never walks it again (a few per cent of cleaning's CPU) nor writes to its pages,
    so they stay shared with the parent. Orphaned, it exits (`_exit_when_orphaned`)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_when_orphaned, args=(os.getppid(),), daemon=True,
                     name="digest-orphan-watch").start()
    gc.freeze()


def usable_cores() -> int:
    """The cores this process may run on (its affinity mask, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def fork_is_safe() -> bool:
    """Whether this process may fork: on Linux, with a single thread (a fork copies only the
    calling thread, and any lock another thread held stays held in the child)."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


def _context(module: str) -> BaseContext | None:
    """Fork when it is safe (`fork_is_safe`); with other threads alive (a progress bar, the
    scheduler) a fork server started clean; else none (inline)."""
    methods = multiprocessing.get_all_start_methods()
    if fork_is_safe() and "fork" in methods:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([module])  # workers start with `fn` and its imports
        return context
    return None


@dataclass(frozen=True)
class Batch(Generic[T, R]):
    """Submitted jobs: each chunk with its future (None: to be done in this process)."""

    chunks: tuple[tuple[Sequence[T], Future[list[R | Exception]] | None], ...]


class Pool(Generic[T, R]):
    """`fn` on every core, batch by batch; a context manager (leaving it stops the workers)."""

    def __init__(self, fn: Callable[[T], R], *, chunk: int = CHUNK) -> None:
        self.fn = fn
        self.chunk = chunk
        self._executor: ProcessPoolExecutor | None = None
        self._broken = False

    @property
    def started(self) -> bool:
        return self._executor is not None

    def start(self) -> bool:
        """Start one worker per usable core now (forked, when this process has a single
        thread); False when there can be none (one core, no way to start a process)."""
        if self._executor is not None or self._broken:
            return self._executor is not None
        count = usable_cores()
        context = _context(self.fn.__module__) if count > 1 else None
        if context is None:
            return False
        from concurrent.futures import ProcessPoolExecutor

        executor = ProcessPoolExecutor(max_workers=count, initializer=_worker_start,
                                       mp_context=context)
        try:
            executor.submit(_ready)  # forks every worker now, while it is safe
        except (OSError, RuntimeError, BrokenExecutor) as exc:
            log.warning("no worker processes (%s): working in this process", exc)
            executor.shutdown(wait=False, cancel_futures=True)
            self._broken = True
            return False
        self._executor = executor
        return True

    def submit(self, jobs: Sequence[T], *, chunk: int | None = None) -> Batch[T, R]:
        """Hand `jobs` to the workers (to this process when there are none); never raises."""
        size = max(1, chunk or self.chunk)
        chunks = [jobs[i:i + size] for i in range(0, len(jobs), size)]
        out: list[tuple[Sequence[T], Future[list[R | Exception]] | None]] = []
        for part in chunks:
            future = None
            if self._executor is not None and not self._broken:
                try:
                    future = self._executor.submit(_work_chunk, self.fn, part)
                except (BrokenExecutor, RuntimeError):
                    self._broke()
            out.append((part, future))
        return Batch(tuple(out))

    def answers(self, batch: Batch[T, R]) -> Iterator[R | Exception]:
        """One answer per job of `batch`, in order (waiting for the workers as needed)."""
        for part, future in batch.chunks:
            if future is None or self._broken:
                yield from (call(self.fn, job) for job in part)
                continue
            try:
                answers = future.result()
            except BrokenExecutor:
                self._broke()
                answers = [call(self.fn, job) for job in part]
            except Exception:  # the answers could not travel back: each job redone here
                answers = [call(self.fn, job) for job in part]
            yield from answers

    def done(self, batch: Batch[T, R]) -> bool:
        """Whether every answer of `batch` is in (a chunk left to this process counts as
        in: `answers` does it at once)."""
        return all(future is None or future.done() for _, future in batch.chunks)

    def _broke(self) -> None:
        if not self._broken:
            log.warning("a worker process died; doing the remaining jobs in this process")
        self._broken = True

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def __enter__(self) -> Pool[T, R]:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()


def map_ordered(fn: Callable[[T], R], jobs: Sequence[T], *,
                min_jobs: int = MIN_JOBS) -> Iterator[R | Exception]:
    """One answer per job, in order: on every core when it pays, else in this process. At
    most `WINDOW` jobs per worker are in flight, so memory stays bounded however many jobs."""
    count = usable_cores()
    size = max(1, min(CHUNK, len(jobs) // (count * WINDOW * SPREAD)))
    with Pool(fn, chunk=size) as pool:
        if len(jobs) >= min_jobs:
            pool.start()
        step = count * max(2, WINDOW // size) * size
        batches = [pool.submit(jobs[i:i + step]) for i in (0, step)]
        for start in range(0, len(jobs), step):
            batch = batches.pop(0)
            if start + 2 * step < len(jobs):
                batches.append(pool.submit(jobs[start + 2 * step:start + 3 * step]))
            yield from pool.answers(batch)
