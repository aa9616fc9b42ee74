"""`digest worker`: fetch, clean and store queued feeds, on any machine that reaches the database.

A procrastinate worker takes the planner's jobs (`SELECT … FOR UPDATE SKIP LOCKED`, woken by
LISTEN/NOTIFY), `concurrency` at a time. A job is a chunk of feeds (plan.py), fetched one after
the other: read the feeds the job still holds and their fetch states, fetch each through the
fetch stage with a transport that holds a host slot per request (hosts.py), clean its items,
store them in one transaction (collect.store_fetched), then let go of the feed.

Failures, as data (`RetryPolicy`): a Retry-After hands the feed to a job of its own at that
time, storing nothing; a transient failure (no HTTP answer, 5xx, 429) does the same with
exponential backoff, and its error is stored once the attempts are spent; anything else is
stored at once. A worker killed mid-job (kill -9) stops sending heartbeats: any other worker,
or the next one started, puts its running jobs back in the queue after `stalled_after`
seconds, and the job fetches only the feeds it still holds. A feed stored just before the
kill, before it was let go, stores nothing twice: the store knows the feed's items (GUID, URL
key, content hash) and a conditional GET finds the feed unchanged.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from ..models import FetchResult, FetchSettings, FetchState, Source
from ..periods import Clock, utcnow
from ..store import rows
from ..store.postgres import PostgresStore
from . import plan

log = logging.getLogger("digest.worker")


@dataclass(frozen=True)
class RetryPolicy:
    """When a feed's failed fetch is tried again, and when its error is stored instead."""

    attempts: int = 4  # tries of a transient failure (no answer, 5xx, 429) before storing it
    backoff: float = 30.0  # seconds before the first retry; doubles each time, with jitter
    defers: int = 50  # Retry-After postponements of one job before its error is stored

    def retry_at(self, result: FetchResult, attempts: int, now: datetime) -> datetime | None:
        """When to try `result`'s feed again (None: store the result). `attempts`: earlier
        tries of this job."""
        if result.status != "error":
            return None
        if result.state.not_before is not None and attempts < self.defers:
            return result.state.not_before
        status = result.http_status
        transient = status is None or status >= 500 or status == 429
        if transient and attempts + 1 < self.attempts:
            return now + timedelta(seconds=self.backoff_seconds(attempts))
        return None

    def backoff_seconds(self, attempts: int) -> float:
        return float(self.backoff * 2 ** attempts * random.uniform(0.75, 1.25))


@dataclass(frozen=True)
class WorkerSettings:
    concurrency: int = 8  # jobs at a time in this process
    heartbeat: float = 10.0  # seconds between two heartbeats of this worker
    stalled_after: float = 30.0  # a worker silent this long is dead: its jobs are queued again
    drain: bool = False  # stop when no job is ready instead of waiting for more
    policy: RetryPolicy = RetryPolicy()


class Runtime:
    """What the jobs of one worker process share: settings, host slots, a store per thread."""

    def __init__(self, url: str, fetch: FetchSettings, settings: WorkerSettings,
                 slots: Any, clock: Clock = utcnow) -> None:
        self.url, self.fetch, self.settings, self.slots, self.clock = (
            url, fetch, settings, slots, clock)
        self._local = threading.local()
        self._stores: list[PostgresStore] = []
        self._lock = threading.Lock()

    def store(self) -> PostgresStore:
        """This thread's store (connections are not shared between threads)."""
        store: PostgresStore | None = getattr(self._local, "store", None)
        if store is None:
            store = PostgresStore(self.url)
            self._local.store = store
            with self._lock:
                self._stores.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            for store in self._stores:
                store.close()
            self._stores.clear()

    def _load(self, job: int, feeds: list[str],
              at: str) -> list[tuple[Source, FetchState | None]]:
        """The feeds `job` should fetch now (plan.to_fetch), with their states."""
        return [(plan.source_of(row["feed"], row["feed_url"], row["definition"]),
                 rows.state(row) if row["name"] is not None else None)
                for row in plan.to_fetch(self.store()._conn, job, feeds, at)]

    def _save(self, result: FetchResult, now: datetime) -> None:
        from ..collect import store_fetched

        store_fetched(self.store(), [result], [now], inline=True)  # logs the source's line

    def _requeue(self, feed: str, when: datetime, attempts: int) -> None:
        plan.requeue(self.store()._conn, feed, when, attempts)

    async def run(self, job: int, feeds: list[str], at: str, attempts: int) -> None:
        """One job: fetch, clean and store each feed it still holds, or hand it to a retry."""
        from ..fetch import fetch_sources
        from ..fetch.transport import LeanTransport
        from .hosts import SlotTransport

        loaded = await asyncio.to_thread(self._load, job, feeds, at)
        if len(loaded) < len(feeds):
            log.info("job %s: %d of %d feed(s) already done or removed", job,
                     len(feeds) - len(loaded), len(feeds))
        known_store = self.store()  # the event loop's own connection: a quick indexed lookup
        for source, state in loaded:
            transport = SlotTransport(LeanTransport(connect_timeout=self.fetch.connect_timeout,
                                                    read_timeout=self.fetch.read_timeout),
                                      self.slots)
            (result,) = await fetch_sources([source], {source.name: state} if state else {},
                                            self.fetch, transport=transport, clock=self.clock,
                                            known=known_store.has_item)
            now = self.clock()
            when = self.settings.policy.retry_at(result, attempts, now)
            if when is None:
                await asyncio.to_thread(self._save, result, now)
                continue
            log.info("%s: %s; trying again at %s", source.name, result.error,
                     when.isoformat(timespec="seconds"))
            await asyncio.to_thread(self._requeue, source.name, when, attempts + 1)


def make_app(url: str, settings: WorkerSettings) -> Any:
    """The procrastinate app with the one task, `digest.fetch_feeds(feeds, at, attempts)`."""
    import procrastinate
    from procrastinate.retry import BaseRetryStrategy, RetryDecision

    policy = settings.policy

    class FeedRetry(BaseRetryStrategy):
        def get_retry_decision(self, *, exception: BaseException,
                               job: Any) -> RetryDecision | None:
            # a failure outside the fetch (the database went away, a bug): a few more tries
            if job.attempts + 1 < policy.attempts:
                return RetryDecision(retry_at=utcnow() + timedelta(
                    seconds=policy.backoff_seconds(job.attempts)))
            return None

    app = procrastinate.App(connector=procrastinate.PsycopgConnector(conninfo=url))

    @app.task(name=plan.TASK, queue=plan.QUEUE, pass_context=True, retry=FeedRetry())
    async def fetch_feeds(context: Any, feeds: list[str], at: str, attempts: int = 0) -> None:
        runtime: Runtime = context.additional_context["runtime"]
        await runtime.run(context.job.id, feeds, at, attempts + context.job.attempts)

    return app


async def requeue_stalled(app: Any, stalled_after: float) -> int:
    """Put the running jobs of workers silent for `stalled_after` seconds back in the queue."""
    count = 0
    for job in await app.job_manager.get_stalled_jobs(seconds_since_heartbeat=stalled_after):
        with contextlib.suppress(Exception):  # another worker requeued it first
            await app.job_manager.retry_job(job)
            count += 1
            log.warning("job %s (%s): its worker died mid-job; queued again", job.id,
                        ", ".join(job.task_kwargs.get("feeds", ())[:3]))
    return count


async def _watch_stalled(app: Any, settings: WorkerSettings) -> None:
    while True:
        await requeue_stalled(app, settings.stalled_after)
        await asyncio.sleep(settings.heartbeat)


def run_worker(url: str, fetch: FetchSettings, settings: WorkerSettings) -> None:
    """Run a worker until stopped (SIGINT/SIGTERM finish the jobs in hand) or, with `drain`,
    until no job is ready."""
    from .hosts import HostSlots

    PostgresStore(url).close()  # the store's schema, migrated at start
    with contextlib.closing(PostgresStore(url)) as store:
        plan.ensure_queue(store._conn)
    app = make_app(url, settings)

    async def main() -> None:
        slots = HostSlots(url, per_host=fetch.per_host, size=settings.concurrency * 2 + 2)
        await slots.open()
        runtime = Runtime(url, fetch, settings, slots)
        try:
            async with app.open_async():
                watch = asyncio.create_task(_watch_stalled(app, settings))
                try:
                    await app.run_worker_async(
                        queues=[plan.QUEUE], concurrency=settings.concurrency,
                        wait=not settings.drain, update_heartbeat_interval=settings.heartbeat,
                        stalled_worker_timeout=settings.stalled_after,
                        additional_context={"runtime": runtime}, delete_jobs="successful")
                finally:
                    watch.cancel()
                    with contextlib.suppress(asyncio.CancelledError):
                        await watch
        finally:
            await slots.close()
            await asyncio.to_thread(runtime.close)

    asyncio.run(main())
