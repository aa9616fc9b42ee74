"""Feed parsing, bounded in time: inline when it is fast, in worker processes when it may not be.

The strict parsers (a direct lxml walk, JSON) are linear and run inline. The forgiving parser
(feedparser, `loose.py`) is slow, and hostile input makes it slower: it always runs in a worker
process, and a worker that spends longer than `FetchSettings.parse_timeout` on one document is
killed and replaced. That document's source fails with the reason; the run goes on.

At hundreds of feeds a run is CPU-bound (the event loop spends more time parsing XML than
waiting for servers), so big runs (`MIN_SOURCES`) also send every document of `MIN_BYTES` or
more to the workers, which puts the second core to work, under the same time limit.

How workers start (each is a `parseworker.Worker`). Forking is the fastest, but only safe from
a process with a single thread and no open connections: so a big run forks its workers before
the run's HTTP client exists (and only from a single-threaded process). A worker needed later
(a small run meeting its first broken feed, the replacement of a killed one) is forked by
multiprocessing's fork server, a clean process started once with the parser preloaded, which is
safe whatever threads and sockets the run has. If no worker can be started at all, parsing
happens inline (the forgiving parser still within its size and depth bounds).

Finishing. A big run's caller may hand the parser a `Finish` (`collect`: cleaning): the
worker that parsed a feed then also finishes the items that need nothing more from the
network (no page to fetch, a title of their own) and sends back their results instead of
their content, so a feed's text crosses between processes once, as articles, instead of
three times (bytes out, items back, items out again to be cleaned). Before finishing, the
worker asks for `timeout` more seconds an item (each finished item is bounded on its own,
as cleaning is), so only the parse itself is held to `timeout`. Each worker runs the
Finish's `load` as it starts (the cleaner's imports, ~0.1 s): while the run's first requests
are on the wire, instead of on its first feed.
"""

from __future__ import annotations

import asyncio
import heapq
import logging
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from digest.models import RawItem, Source
from digest.workers import fork_is_safe, usable_cores

from .parseworker import Worker, late_context, more_time

if TYPE_CHECKING:  # what reads a document loads with the first one (load_parsing)
    from .feeds import Loose, ParsedFeed
    from .items import Prepared

MIN_SOURCES = 100  # below this, forking workers up front costs more than it saves
MIN_BYTES = 8 * 1024  # smaller documents parse faster than they pickle
DEPTH = 2  # jobs a worker holds: the next one waits in its pipe while it runs one
log = logging.getLogger("digest.fetch")


@dataclass(frozen=True)
class Finish:
    """What a big run's parse worker does after parsing a feed. `items`: (source, the items
    that need nothing more from the network, now) -> one result per item, in order. `load`,
    when given, is called once by each worker as it starts, before its first feed: it loads
    what `items` runs. Both module-level functions (a fork-server worker is sent them)."""

    items: Callable[[Source, Sequence[RawItem], datetime], Sequence[object]]
    load: Callable[[], object] | None = None


@dataclass
class FeedJob:
    """A feed body parsed and its items prepared: what goes back from the worker (without
    the parsed entries, which are only needed to prepare the items)."""

    feed: ParsedFeed
    entries: int
    prepared: Prepared


def load_parsing() -> None:
    """Import what reading a document needs (the feed readers, items, pages, lxml: ~20 ms of
    CPU). A run that is sure to get a document does it before it forks its parse workers, so
    they start with it; a run of conditional requests (a warm run, all 304 if nothing
    changed) only with its first document, in each process that reads one."""
    from . import feeds, items  # noqa: F401


def prepare(feed: ParsedFeed, url: str, source: Source, now: datetime,
            max_items: int) -> FeedJob:
    from .items import prepare_items

    prepared = prepare_items(source, feed.entries, fallback_url=feed.link or url, now=now,
                             max_items=max_items, follow=True, shared_links=True)
    count = len(feed.entries)
    feed.entries = []
    return FeedJob(feed, count, prepared)


def parse_and_prepare(body: bytes, url: str, content_type: str | None, source: Source,
                      now: datetime, max_items: int) -> FeedJob:
    from .feeds import parse_feed

    return prepare(parse_feed(body, url, content_type), url, source, now, max_items)


def loose_and_prepare(doc: Loose, source: Source, now: datetime, max_items: int) -> FeedJob:
    # feedparser (30 ms to import) only in the worker that meets a document needing it
    from .feeds import refused
    from .loose import parse_loose

    try:
        feed = parse_loose(doc)
    except Exception as exc:  # a bug: still only this document (parse_feed's promise)
        feed = refused(exc)
    return prepare(feed, doc.url, source, now, max_items)


def parse_and_finish(body: bytes, url: str, content_type: str | None, source: Source,
                     now: datetime, max_items: int, finish: Finish,
                     timeout: float) -> FeedJob:
    """`parse_and_prepare`, then the items that need nothing more from the network (no page
    to fetch, a title of their own) finished by `finish.items`: each comes back with its result
    in `finished` and without its content and summary."""
    job = parse_and_prepare(body, url, content_type, source, now, max_items)
    ready = [d for d in job.prepared.drafts if not d.need_page and d.item.title]
    if ready:
        more_time(timeout * len(ready))
        results = finish.items(source, [d.item for d in ready], now)
        for draft, result in zip(ready, results, strict=True):
            draft.item = replace(draft.item, content="", summary="", finished=result)
    return job


def _refused_job(reason: str) -> FeedJob:
    from .feeds import ParsedFeed
    from .items import Prepared

    return FeedJob(ParsedFeed(format="refused", refused=reason), 0, Prepared())



# ── the run's parser ─────────────────────────────────────────────────────────


class _Gate:
    """`slots` jobs at a time; a freed slot goes to the waiting job of the lowest rank (the
    source's place in the run), so documents are parsed (and finished) in the sources'
    order as far as they have arrived, and the caller can store each source's batch in
    that order while the others are still in the workers."""

    def __init__(self, slots: int) -> None:
        self.free = slots
        self.waiting: list[tuple[int, int, asyncio.Future[None]]] = []
        self.count = 0  # ties keep their arrival order

    async def acquire(self, rank: int) -> None:
        if self.free and not self.waiting:
            self.free -= 1
            return
        turn: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self.count += 1
        heapq.heappush(self.waiting, (rank, self.count, turn))
        try:
            await turn
        except asyncio.CancelledError:
            if turn.done() and not turn.cancelled():
                self.release()  # handed the slot just as it was cancelled: pass it on
            raise

    def release(self) -> None:
        while self.waiting:
            _, _, turn = heapq.heappop(self.waiting)
            if not turn.done():
                turn.set_result(None)
                return
        self.free += 1


class Parser:
    """A run's feed parser: `await parser.feed(...)` parses and prepares one document."""

    def __init__(self, timeout: float, *, workers: int | None = None,
                 big_run: bool = False, finish: Finish | None = None) -> None:
        self.timeout = timeout
        self.big_run = big_run
        self.finish = finish
        self._load = finish.load if finish is not None else None  # each worker's, as it starts
        self._capacity = workers or max(1, min(2, (os.cpu_count() or 1) - 1))
        self._workers: list[Worker] = []
        self._starting = asyncio.Lock()  # one worker started at a time
        self._gate: _Gate | None = None
        self._threads: ThreadPoolExecutor | None = None  # one for each job a worker holds
        self._unavailable = False  # no worker could be started: parse inline
        if big_run:
            # Fork now, while there is nothing to inherit but the parser.
            try:
                fork = multiprocessing.get_context("fork")
                self._workers = [Worker(fork, self._load) for _ in range(self._capacity)]
            except OSError as exc:
                log.warning("no parse worker (%s): parsing inline", exc)

    async def feed(self, body: bytes, url: str, content_type: str | None, source: Source,
                   now: datetime, max_items: int, *, rank: int = 0) -> FeedJob:
        """`rank`: the source's place in the run (workers take the lowest waiting first)."""
        from .feeds import ParsedFeed, parse_strict, refused

        if self.big_run and len(body) >= MIN_BYTES:
            if self.finish is not None:
                return await self._in_worker(parse_and_finish, (
                    body, url, content_type, source, now, max_items, self.finish,
                    self.timeout), rank)
            return await self._in_worker(parse_and_prepare,
                                         (body, url, content_type, source, now, max_items),
                                         rank)
        try:
            strict = parse_strict(body, url, content_type)
        except Exception as exc:  # a bug: still only this document
            strict = refused(exc)
        if isinstance(strict, ParsedFeed):
            return prepare(strict, url, source, now, max_items)
        return await self._in_worker(loose_and_prepare, (strict, source, now, max_items))

    async def _in_worker(self, function: Callable[..., FeedJob], args: tuple[Any, ...],
                         rank: int = 0) -> FeedJob:
        if self._gate is None:
            self._gate = _Gate(self._capacity * DEPTH)
            self._threads = ThreadPoolExecutor(self._capacity * DEPTH,
                                               thread_name_prefix="digest-parse")
        await self._gate.acquire(rank)
        try:
            outcome: str = "retry"
            while outcome == "retry":  # (the job ahead of this one took its worker down)
                worker = await self._worker()
                if worker is None:
                    return function(*args)  # no worker can be had: inline, as before workers
                worker.jobs += 1
                try:
                    outcome, value = await asyncio.get_running_loop().run_in_executor(
                        self._threads, worker.call, function, args, self.timeout)
                finally:
                    worker.jobs -= 1
                if outcome in ("timeout", "died"):  # stuck or dead: replaced on demand
                    if worker in self._workers:
                        self._workers.remove(worker)
                    await asyncio.to_thread(worker.stop, kill=True)
        finally:
            self._gate.release()
        if outcome == "ok":
            job: FeedJob = value
            return job
        if outcome == "error":  # a bug the worker met (parse_feed itself never raises)
            reason, trace = value
            log.error("internal error in the parse worker\n%s", trace)
            return _refused_job(reason)
        if outcome == "timeout":
            return _refused_job(f"parsing took longer than {self.timeout:g}s: stopped (the "
                                "document is malformed or hostile)")
        return _refused_job(f"the parse worker died (exit code {value}) on this document")

    async def _worker(self) -> Worker | None:
        """An idle worker, else a new one while there are fewer than the capacity (one
        start at a time), else the one holding the fewest jobs (the gate lets no more jobs
        in than they can hold); None when no worker can be started at all."""
        while True:
            live = [w for w in self._workers if not w.lost]
            for worker in live:
                if not worker.jobs:
                    return worker
            if len(live) >= self._capacity or self._unavailable:
                room = [w for w in live if w.jobs < DEPTH]
                return min(room, key=lambda w: w.jobs) if room else None
            async with self._starting:
                if len([w for w in self._workers if not w.lost]) < self._capacity \
                        and not self._unavailable:
                    started = await self._start()
                    if started is not None:
                        self._workers.append(started)
                        return started
            # (another job started one meanwhile, or none can be started: look again)

    async def _start(self) -> Worker | None:
        try:
            return await asyncio.to_thread(Worker, late_context(), self._load)
        except (OSError, ValueError, RuntimeError) as exc:
            log.warning("no parse worker (%s): parsing inline", exc)
            self._unavailable = True
            return None

    @property
    def idle(self) -> bool:
        """Whether `close` returns at once: no worker holds a job, no thread was started."""
        return self._threads is None and not any(worker.jobs for worker in self._workers)

    def close(self) -> None:
        for worker in self._workers:
            worker.stop(kill=worker.jobs > 0)
        self._workers = []
        if self._threads is not None:  # (idle now: gone before the caller forks again)
            self._threads.shutdown(wait=True, cancel_futures=True)
            self._threads = None


def make_parser(sources: int, timeout: float, finish: Finish | None = None) -> Parser:
    """A run's parser: a big run's forks its workers now, one per core when they also
    `finish` the items (they then do most of the run's work), else one core's worth less
    than the machine's (the run's own process parses too)."""
    big = sources >= MIN_SOURCES and (os.cpu_count() or 1) > 1 and fork_is_safe()
    if not big:
        return Parser(timeout)
    return Parser(timeout, big_run=True, finish=finish,
                  workers=usable_cores() if finish is not None else None)
