"""Collect: fetch every source, clean what is new or changed (on every core), store it.

    sources + fetch states → fetch → items → clean (worker processes) → store   (idempotent)

`pipeline.run` calls `collect`; a distributed fetch worker calls `store_fetched` with the
feeds it fetched. Stages are imported by the functions that run them, so importing this
module loads neither the fetch layer nor the cleaner.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING

from .encoding import repaired
from .errors import CleanError
from .models import Article, CleanedPage, FetchResult, RawItem, Source
from .periods import Clock, utcnow
from .saving import Cleaned, CollectReport, Saver
from .store import Store

if TYPE_CHECKING:
    import httpx

    from .configtypes import Config
    from .models import SourceHealth

__all__ = ["STREAM_SOURCES", "CollectReport", "collect", "probe", "store_fetched"]


STREAM_SOURCES = 20  # from this many sources on, items are cleaned while others are fetched
# An item with a title and nothing else: a feed entry with no description whose page could
# not be had (the source's warning says why), a listing's link whose page failed.
NO_TEXT = "no text: the entry has none and its page brought none"


def collect(config: Config, store: Store, *, transport: httpx.AsyncBaseTransport | None = None,
            clock: Clock = utcnow, stop: Callable[[], bool] | None = None) -> CollectReport:
    """Fetch every source, clean what is new or changed, and store it (one transaction a source).

    Whatever one item raises while it is read, cleaned or stored makes that item `failed`
    (with the reason) and nothing else; a source whose batch cannot be stored fails alone.
    Errors that are not an input's fault (the database itself) still end the run.

    A run of `STREAM_SOURCES` or more forks its cleaning workers before the first connection
    (the only moment that is safe: right after the fetch forked its parse workers) and hands
    each source's items to them as its feed arrives, so cleaning runs while the other feeds
    are on the wire; the batches are stored in the sources' order as they are cleaned. It does
    so when a document is sure to come (the fetch's `ready`, fetch.runner.documents_expected):
    a run whose every source is asked conditionally (a warm run) forks them only after the
    fetch, if items came that still need cleaning, and stores what brought nothing to clean
    (a 304) as it arrives all the same.
    In a run big enough for parse workers, the worker that parses a feed also cleans its
    items that need no page (`_clean_items`, the fetch's `finish`): they arrive cleaned."""
    from .fetch import fetch_all
    from .fetch.parsepool import Finish
    from .workers import MIN_JOBS, Pool

    streaming = len(config.sources) >= STREAM_SOURCES
    with Pool(_clean_item) as pool, store.saving_fetches(), _settling(streaming) as settle:
        saver = Saver(store, pool, [source.name for source in config.sources])

        def arrived(result: FetchResult) -> None:
            now = clock()
            jobs = _jobs(result, now)
            # (with no workers, a result with items to clean waits for the end of the fetch:
            # cleaning them here would hold up the event loop)
            if pool.started or not jobs:
                saver.add(result, now, pool.submit(jobs))
                saver.save(wait=False)
                settle()

        results = fetch_all(config.sources, store.fetch_states(), config.fetch,
                            transport=transport, clock=clock, known=store.has_item,
                            arrived=arrived if streaming else None,
                            ready=pool.start if streaming else None,
                            finish=Finish(_clean_items, _load_cleaner) if streaming else None,
                            stop=stop)
        saver.check()  # a database failure met while storing during the fetch ends the run
        if sum(len(r.items) for r in results) >= MIN_JOBS:
            pool.start()  # when not streaming: forked now that the fetch's threads are gone
        for result in results:
            if not saver.has(result):
                now = clock()
                saver.add(result, now, pool.submit(_jobs(result, now)))
        saver.save(wait=True)
        return saver.report(results)


@contextmanager
def _settling(streaming: bool) -> Iterator[Callable[[], None]]:
    """While a streaming run fetches, what arrived so far (each source's result, its articles,
    what storing them kept) is frozen after each arrival (`gc.freeze`: the collector never walks
    it again), then thawed with the rest of the process's frozen objects when the block ends.
    The run keeps every article it fetched until it returns, so the collections triggered by
    what arrives next walked all of them again and again: 0.088-0.101 CPU-s of the main
    process of bench/commands.py's cold fetch, 0.013-0.014 frozen (cyclic garbage frozen
    meanwhile, ~1,600 objects there, is collectable again once thawed)."""
    if not streaming:
        yield lambda: None
        return
    try:
        yield gc.freeze
    finally:
        gc.unfreeze()


def store_fetched(store: Store, results: list[FetchResult], nows: list[datetime], *,
                  inline: bool = False) -> CollectReport:
    """Clean the fetched items and store each source's batch (one transaction a source), on
    every core; a fetch worker (digest/distributed), one feed at a time, cleans `inline`."""
    from .workers import MIN_JOBS, Pool

    with Pool(_clean_item) as pool:
        if not inline and sum(len(r.items) for r in results) >= MIN_JOBS:
            pool.start()
        saver = Saver(store, pool, [result.source.name for result in results])
        for result, now in zip(results, nows, strict=True):
            saver.add(result, now, pool.submit(_jobs(result, now)))
        saver.save(wait=True)
        return saver.report(results)


def _jobs(result: FetchResult, now: datetime) -> list[_ItemJob]:
    """The items still to clean (not cleaned where their feed was parsed)."""
    return [_ItemJob(item, result.source.newsletter, now) for item in result.items
            if item.finished is None]


def probe(config: Config, *, transport: httpx.AsyncBaseTransport | None = None,
          clock: Clock = utcnow) -> list[SourceHealth]:
    """Fetch every source once, from scratch, storing nothing: is each one reachable and a feed?"""
    from .fetch import fetch_all
    from .models import SourceHealth

    results = fetch_all(config.sources, {}, config.fetch, transport=transport, clock=clock)
    return [SourceHealth(name=r.source.name, url=r.state.url, status=r.status, error=r.error,
                         items=len(r.items), http_status=r.http_status,
                         consecutive_failures=r.state.failures, seconds=r.seconds)
            for r in results]


@dataclass(frozen=True)
class _ItemJob:
    """What cleaning one item needs (sent to a worker process)."""

    item: RawItem
    newsletter: bool  # the source is an email newsletter: strip greeting and sign-off
    now: datetime


def _clean_items(source: Source, items: Sequence[RawItem], now: datetime
                 ) -> list[Cleaned | Exception]:
    """The fetch's `finish`, run by the parse worker that read the feed: each item's articles
    or what cleaning it raised (made safe to send back), as a cleaning worker answers."""
    from .clean.page import holding_alarm
    from .workers import sendable

    clean_one = partial(_clean_with, _cleaning())
    with holding_alarm():  # (each item keeps its own time limit)
        return [sendable(clean_one, _ItemJob(item, source.newsletter, now)) for item in items]


def _load_cleaner() -> None:
    """Import what `_clean_items` runs (the cleaner, ~0.1 s) and build what its first pages
    would (`clean.warm`: the openings' gates, the parser, ~0.07 s): each parse worker does it
    as it starts, while the run's first requests are on the wire, not on its first feeds."""
    from . import sentences, text, workers  # noqa: F401
    from .clean import page

    page.warm()


@dataclass(frozen=True)
class _Cleaning:
    """The functions cleaning an item calls, looked up once for a feed's items
    (`_clean_items`): three imports in the function were ~14 µs of each item's ~0.8 ms in
    a parse worker. Looked up anew for each feed, never kept: what a test plants in the
    cleaner holds."""

    clean: Callable[..., CleanedPage]
    canonical_key: Callable[[str], str]
    content_hash: Callable[[tuple[str, ...]], str]
    detect_language: Callable[[str], str]
    bounded_title: Callable[[str], str]


def _cleaning() -> _Cleaning:
    from .clean import clean
    from .fetch.feeds import bounded_title
    from .fetch.urls import canonical_key
    from .text import content_hash, detect_language

    return _Cleaning(clean, canonical_key, content_hash, detect_language, bounded_title)


def _clean_item(job: _ItemJob) -> Cleaned:
    """One fetched item → its article, plus any second article the page had glued on, each
    with its store key (`_clean_with`)."""
    return _clean_with(_cleaning(), job)


def _clean_with(tools: _Cleaning, job: _ItemJob) -> Cleaned:
    """`_clean_item` with the cleaner's functions at hand. The page's URL key names the
    page's own article; an appended one is keyed `<page key>#appended-N` (canonical_key
    drops fragments, so without the suffix the second article would overwrite the first)."""
    clean, canonical_key, content_hash = tools.clean, tools.canonical_key, tools.content_hash
    detect_language = tools.detect_language
    item, now = job.item, job.now
    if (not item.content or item.content.isspace()) and not item.summary:  # (not "empty input")
        raise CleanError(NO_TEXT)
    page = clean(item.content, item.url, text=item.content_type == "text",
                 newsletter=job.newsletter, title=item.title)
    out: list[tuple[Article, str]] = []
    page_key = canonical_key(item.canonical_url or page.canonical_url or item.url)
    for n, part in enumerate((page, *page.appended)):
        paragraphs = part.paragraphs or ((repaired(item.summary),) if item.summary and n == 0
                                         else ())
        if not paragraphs:
            continue
        suffix = "" if n == 0 else f"#appended-{n}"
        published = (item.published if n == 0 else None) or part.published or page.published or now
        title = tools.bounded_title(repaired(
            (item.title if n == 0 else "") or part.title or item.title or item.url))
        out.append((Article(
            source=item.source, guid=item.guid + suffix, url=item.url + suffix,
            title=title, paragraphs=paragraphs, published=published, first_seen=now,
            content_hash=content_hash(paragraphs),
            canonical_url=None if n else (item.canonical_url or part.canonical_url),
            author=item.author or part.author, language=part.language or detect_language(
                " ".join(paragraphs)), image=part.image, removed=part.removed if n == 0 else (),
        ), page_key + suffix))
    if not out:
        raise CleanError("no article text left after cleaning")
    return out
