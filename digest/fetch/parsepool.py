"""Feed parsing in a worker process, for big runs.

At hundreds of feeds a run is CPU-bound: the event loop spends more time parsing XML than
waiting for servers. A worker process moves the parsing to another core.

The worker is forked, not spawned: a spawned one re-imports everything and takes about a second
to boot, most of a run. Forking is only safe with a single thread and no open connections.
So the pool is made before the run's HTTP client exists, and only when the process has no other
thread. Otherwise (and for small runs or small documents), parsing stays inline. If the worker
dies, we fall back to inline parsing.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import sys
import threading
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from datetime import datetime

from digest.models import Source

from .feeds import ParsedFeed, parse_feed
from .items import Prepared, prepare_items

MIN_SOURCES = 100  # below this, a worker's boot time costs more than it saves
MIN_BYTES = 8 * 1024  # smaller documents parse faster than they pickle


def _warm() -> bool:
    return True  # running this in the worker proves it is up


@dataclass
class FeedJob:
    """A feed body parsed and its items prepared: what goes back from the worker (without
    the parsed entries, which are only needed to prepare the items)."""

    feed: ParsedFeed
    entries: int
    prepared: Prepared


def parse_and_prepare(body: bytes, url: str, content_type: str | None, source: Source,
                      now: datetime, max_items: int) -> FeedJob:
    feed = parse_feed(body, url, content_type)
    prepared = prepare_items(source, feed.entries, fallback_url=feed.link or url, now=now,
                             max_items=max_items, follow=True)
    count = len(feed.entries)
    feed.entries = []
    return FeedJob(feed, count, prepared)


class InlineParser:
    """Parses in the event loop (small runs, small documents, no worker)."""

    async def feed(self, body: bytes, url: str, content_type: str | None, source: Source,
                   now: datetime, max_items: int) -> FeedJob:
        return parse_and_prepare(body, url, content_type, source, now, max_items)

    def close(self) -> None:
        return None


class ParsePool(InlineParser):
    def __init__(self, workers: int | None = None) -> None:
        count = workers or max(1, min(2, (os.cpu_count() or 1) - 1))
        self._executor = ProcessPoolExecutor(
            max_workers=count, mp_context=multiprocessing.get_context("fork"))
        self._ready = False
        self._broken = False
        # Submitting forks the workers now, while there is nothing to inherit but the parser.
        self._executor.submit(_warm).add_done_callback(self._warmed)

    def _warmed(self, future: Future[bool]) -> None:
        if future.cancelled() or future.exception() is not None:
            self._broken = True
        else:
            self._ready = True

    async def feed(self, body: bytes, url: str, content_type: str | None, source: Source,
                   now: datetime, max_items: int) -> FeedJob:
        if not self._ready or self._broken or len(body) < MIN_BYTES:
            return await super().feed(body, url, content_type, source, now, max_items)
        try:
            return await asyncio.wrap_future(self._executor.submit(
                parse_and_prepare, body, url, content_type, source, now, max_items))
        except BrokenProcessPool:
            self._broken = True
            return await super().feed(body, url, content_type, source, now, max_items)

    def close(self) -> None:
        self._executor.shutdown(wait=True, cancel_futures=True)


def make_parser(sources: int) -> ParsePool | InlineParser:
    if (sources >= MIN_SOURCES and (os.cpu_count() or 1) > 1
            and threading.active_count() == 1 and sys.platform.startswith("linux")):
        return ParsePool()
    return InlineParser()
