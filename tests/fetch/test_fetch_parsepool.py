"""Feed parsing bounded in time and depth: the worker of big runs gives the same results as
inline parsing; the forgiving parser runs in a worker that is killed and replaced when one
document takes too long; a document nested past 256 levels is refused at once."""

from __future__ import annotations

import asyncio
import logging
import os
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fetch_testkit import LONG_TEXT, Reply, ScriptServer, rss, rss_item

import digest.fetch.loose
import digest.fetch.parsepool
import digest.fetch.runner
from digest.fetch import fetch_all
from digest.fetch.feeds import Loose, ParsedFeed, parse_feed
from digest.fetch.items import Prepared
from digest.fetch.loose import LOOSE_MAX_BYTES, MAX_DEPTH, nesting_depth, parse_loose
from digest.fetch.parsepool import (
    DEPTH,
    MIN_BYTES,
    MIN_SOURCES,
    FeedJob,
    Finish,
    Parser,
    make_parser,
)
from digest.fetch.parseworker import NICENESS, Worker
from digest.models import FetchSettings, RawItem, Source
from digest.store.lock import RunLock

NOW = datetime(2026, 3, 5, 12, 0, tzinfo=UTC)
BIG = rss([rss_item(f"g{i}", link=f"http://127.0.0.1/{i}", content=f"<p>{LONG_TEXT}</p>")
           for i in range(10)]).encode()
SOURCE = Source("s", "http://127.0.0.1/feed.xml")


def _broken_feed(entries: int) -> bytes:
    """Well-formed but for one bare "&": only the forgiving (slow) parser reads it."""
    items = "".join(
        f"<item><guid>urn:{i}</guid><title>Entry {i} &amp; the harbour</title>"
        f"<link>http://127.0.0.1/{i}</link><pubDate>Mon, 02 Mar 2026 10:00:00 GMT</pubDate>"
        f"<description>&lt;p&gt;Summary {i} of the article, with a few words.&lt;/p&gt;"
        "</description></item>" for i in range(entries))
    return rss([items.replace("&amp;", "&", 1)]).encode()


def _nested_atom(depth: int) -> bytes:
    """A fuzzer's Atom feed: every <entry> left open, so each nests inside the one before."""
    entry = ("<entry><id>urn:{i}</id><title>Entry {i}</title><link href='http://127.0.0.1/{i}'/>"
             "<updated>2026-03-02T10:00:00Z</updated><summary type='html'>&lt;p&gt;Summary "
             "{i} of the article text goes here.&lt;/p&gt;</summary>")
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            "<title>T</title>" + "".join(entry.format(i=i) for i in range(depth))
            + "</feed>").encode()


def _run(parser: Parser, *docs: bytes) -> list[FeedJob]:
    async def go() -> list[FeedJob]:
        try:
            return [await parser.feed(doc, SOURCE.url, None, SOURCE, NOW, 200) for doc in docs]
        finally:
            parser.close()
    return asyncio.run(go())


def test_small_runs_fork_nothing_up_front() -> None:
    parser = make_parser(MIN_SOURCES - 1, 15.0)
    assert not parser.big_run and parser._workers == []
    parser.close()


def test_a_run_of_304s_closes_its_idle_workers_without_waiting_for_them(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A big run whose every feed answers 304 never gives its parse workers a job: closing
    them tells them to end and waits for none (they end on their own), in the event loop,
    with no thread started for it."""
    import multiprocessing.process

    import httpx

    from digest.models import FetchState

    joins: list[object] = []
    threads: list[object] = []
    made: list[Parser] = []
    processes: list[multiprocessing.process.BaseProcess] = []
    real_join, real_to_thread = multiprocessing.process.BaseProcess.join, asyncio.to_thread
    real_make = digest.fetch.runner.make_parser

    def join(self: multiprocessing.process.BaseProcess, timeout: float | None = None) -> None:
        joins.append(self)
        real_join(self, timeout)

    async def to_thread(function: object, *args: object, **kwargs: object) -> object:
        threads.append(function)
        return await real_to_thread(function, *args, **kwargs)  # type: ignore[arg-type]

    def make_parser(*args: object, **kwargs: object) -> Parser:
        made.append(real_make(*args, **kwargs))  # type: ignore[arg-type]
        processes.extend(worker.process for worker in made[-1]._workers)
        return made[-1]

    monkeypatch.setattr(multiprocessing.process.BaseProcess, "join", join)
    monkeypatch.setattr(asyncio, "to_thread", to_thread)
    monkeypatch.setattr(digest.fetch.runner, "make_parser", make_parser)
    # (a big run forks only from a single thread; the session's other tests may have left a
    # server thread: forked all the same, as the planted-bug test's workers are)
    monkeypatch.setattr(digest.fetch.parsepool, "fork_is_safe", lambda: True)
    sources = [Source(f"s{n}", f"http://127.0.0.1/{n}.xml") for n in range(MIN_SOURCES)]
    states = {s.name: FetchState(s.name, s.url, etag='"1"') for s in sources}
    results = fetch_all(sources, states, FetchSettings(),
                        transport=httpx.MockTransport(lambda request: httpx.Response(304)))
    assert {r.status for r in results} == {"not_modified"}
    (parser,) = made
    assert parser.big_run and len(processes) >= 1 and parser.idle
    assert joins == [] and threads == []
    monkeypatch.undo()
    for process in processes:  # (each ended on its own)
        process.join(5)
        assert process.exitcode == 0


def test_pool_matches_inline_parsing() -> None:
    assert len(BIG) >= MIN_BYTES
    (pooled,) = _run(Parser(15.0, workers=1, big_run=True), BIG)
    (inline,) = _run(Parser(15.0, workers=1), BIG)
    assert pooled == inline and pooled.entries == 10


def test_big_run_of_local_feeds(tmp_path: Path, settings: FetchSettings) -> None:
    sources = []
    for i in range(MIN_SOURCES):
        path = tmp_path / f"feed-{i}.xml"
        path.write_bytes(BIG.replace(b"<guid", f"<!-- {i} --><guid".encode(), 1))
        sources.append(Source(f"feed-{i}", str(path), full_text=False))
    results = fetch_all(sources, {}, settings)
    assert [r.source.name for r in results] == [s.name for s in sources]
    assert all(r.status == "ok" and len(r.items) == 10 for r in results)


def _shout(source: Source, items: Sequence[RawItem], now: datetime) -> list[object]:
    """A finisher (module level: the worker is sent it by name)."""
    return [(source.name, item.title.upper(), len(item.content), now) for item in items]


def _slowly(source: Source, items: Sequence[RawItem], now: datetime) -> list[object]:
    time.sleep(0.15 * len(items))
    return [item.guid for item in items]


def test_a_worker_finishes_the_items_that_need_no_page() -> None:
    """Items with a body and a title of their own come back finished, without their content
    and summary; an item that wants its page (a teaser) or has no title is left to the
    caller. Everything else is what inline parsing gives."""
    doc = rss([rss_item(f"g{i}", title=f"Item {i}", link=f"http://127.0.0.1/{i}",
                        content=f"<p>{LONG_TEXT}</p>") for i in range(8)]
              + [rss_item("teaser", title="A teaser", link="http://127.0.0.1/t",
                          description="Only the first lines [&#8230;]"),
                 rss_item("untitled", title=None, link="http://127.0.0.1/u",
                          content=f"<p>{LONG_TEXT}</p>")]).encode()
    assert len(doc) >= MIN_BYTES
    (finished,) = _run(Parser(15.0, workers=1, big_run=True, finish=Finish(_shout)), doc)
    (inline,) = _run(Parser(15.0, workers=1), doc)
    done = [d.item for d in finished.prepared.drafts]
    plain = [d.item for d in inline.prepared.drafts]
    assert [item.finished for item in done] == [
        ("s", f"ITEM {i}", len(plain[i].content), NOW) for i in range(8)] + [None, None]
    assert all(item.content == item.summary == "" for item in done[:8])
    assert done[8:] == plain[8:] and done[8].content == plain[8].content
    assert [replace(d, content=p.content, summary=p.summary) for d, p in
            zip(done, plain, strict=True)] == plain  # (`finished` is not compared)
    assert [d.need_page for d in finished.prepared.drafts] == [False] * 8 + [True, True]


_LOADED: list[int] = []  # in a worker: the process ids `_load` ran in


def _load() -> None:
    _LOADED.append(os.getpid())


def _loaded(source: Source, items: Sequence[RawItem], now: datetime) -> list[object]:
    return [tuple(_LOADED) for _ in items]


def test_each_worker_loads_what_finishing_needs_before_its_first_feed() -> None:
    """A Finish's `load` runs once in each worker as it starts (a big run's: the cleaner's
    imports, while the first requests are on the wire), not in this process."""
    parser = Parser(15.0, workers=2, big_run=True, finish=Finish(_loaded, load=_load))
    pids = {w.process.pid for w in parser._workers}
    jobs = _run(parser, BIG, BIG, BIG)
    seen = {d.item.finished for job in jobs for d in job.prepared.drafts}
    assert seen and all(isinstance(p, tuple) and len(p) == 1 and p[0] in pids for p in seen)
    assert _LOADED == []


def test_a_worker_runs_below_its_parents_priority() -> None:
    """On a machine busier than its cores the process that feeds the workers (jobs out,
    responses in, results stored) is not queued behind them."""
    import multiprocessing

    worker = Worker(multiprocessing.get_context("fork"))
    try:
        outcome, niceness = worker.call(os.getpriority, (os.PRIO_PROCESS, 0), 15.0)
    finally:
        worker.stop()
    assert outcome == "ok"
    assert niceness == min(19, os.getpriority(os.PRIO_PROCESS, 0) + NICENESS)


# A run (this script) holding the run lock and a connection forks a parse worker, closes the
# connection, then is killed outright.
_KILLED_RUN = """
import multiprocessing, socket, sys, time
from pathlib import Path
from digest.fetch.parseworker import Worker
from digest.store.lock import RunLock
RunLock(Path(sys.argv[1])).acquire()
peer, mine = socket.socketpair()
peer.settimeout(5)
worker = Worker(multiprocessing.get_context("fork"))
mine.close()
try:
    closed = peer.recv(1) == b""
except TimeoutError:
    closed = False
print(worker.process.pid, closed, flush=True)
time.sleep(60)
"""


def test_a_forked_worker_holds_none_of_its_parents_descriptors(tmp_path: Path) -> None:
    """A connection the parent closes is closed at once (no worker holds a copy of it), and a
    run killed outright (SIGKILL, the OOM killer) leaves no worker behind holding the run lock
    (every later run would be refused as "locked") or waiting forever on its pipe."""
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    with subprocess.Popen([sys.executable, "-c", _KILLED_RUN, str(tmp_path / "db.sqlite3")],
                          stdout=subprocess.PIPE, text=True, env=env) as run:
        try:
            pid, closed = (run.stdout.readline() if run.stdout else "").split()
        finally:
            run.kill()
    assert closed == "True"
    lock, deadline = RunLock(tmp_path / "db.sqlite3"), time.monotonic() + 10
    while not _gone(int(pid)) or lock.held_elsewhere():
        assert time.monotonic() < deadline, "the killed run's worker lives on"
        time.sleep(0.05)


def _gone(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0] in ("Z", "X")
    except OSError:
        return True


def test_finishing_has_its_own_time_on_top_of_the_parse() -> None:
    """The worker asks for more time before finishing (each item is bounded on its own), so
    ten items taking 1.5 s in all are not stopped by a 1 s parse limit."""
    (job,) = _run(Parser(1.0, workers=1, big_run=True, finish=Finish(_slowly)), BIG)
    assert job.feed.refused is None
    assert [d.item.finished for d in job.prepared.drafts] == [f"g{i}" for i in range(10)]


def test_a_broken_feed_is_read_by_the_forgiving_parser_in_a_worker() -> None:
    (job,) = _run(Parser(15.0), _broken_feed(5))
    assert job.feed.format == "feedparser:rss20" and job.entries == 5
    assert [d.item.guid for d in job.prepared.drafts] == [f"urn:{i}" for i in range(5)]


def test_a_parse_past_the_time_limit_kills_the_worker_and_the_next_gets_a_new_one() -> None:
    slow = _broken_feed(4000)  # about 1 MB: 3-10 s of feedparser
    started = time.monotonic()
    first, second, third = _run(Parser(1.0, workers=1), slow, slow, _broken_feed(3))
    assert time.monotonic() - started < 15  # two stops at 1 s and three worker starts
    for job in (first, second):
        assert job.entries == 0
        assert job.feed.refused and "longer than 1s" in job.feed.refused
    assert third.entries == 3 and third.feed.refused is None


def _nap(seconds: float) -> FeedJob:
    """A job that takes `seconds` (module level: the worker is sent it by name)."""
    time.sleep(seconds)
    return FeedJob(ParsedFeed(format=f"nap {seconds}"), 0, Prepared())


def _together(parser: Parser, *naps: float) -> tuple[list[str], float]:
    """The naps handed to the parser at once: each one's format (or refusal) and the time."""
    async def go() -> list[FeedJob]:
        try:
            return list(await asyncio.gather(*(parser._in_worker(_nap, (s,)) for s in naps)))
        finally:
            parser.close()
    started = time.monotonic()
    jobs = asyncio.run(go())
    return [job.feed.refused or job.feed.format for job in jobs], time.monotonic() - started


def test_a_worker_holds_the_next_job_whose_time_starts_when_it_runs() -> None:
    """The job after the running one is already in the worker's pipe (it starts without
    waiting for this process); its time limit counts from the moment it starts, so two
    0.6 s jobs on one worker with a 1 s limit both finish."""
    assert DEPTH == 2
    answers, took = _together(Parser(1.0, workers=1, big_run=True), 0.6, 0.6)
    assert answers == ["nap 0.6", "nap 0.6"] and took >= 1.2


def test_a_job_behind_one_that_times_out_runs_on_a_new_worker() -> None:
    """The worker is killed for the first job; the one it held behind it never ran there,
    so it is not failed for it: it runs on the worker started in its place."""
    # (3 s: the new worker comes from the fork server, which imports this module first)
    answers, took = _together(Parser(3.0, workers=1, big_run=True), 30, 0.1)
    assert "longer than 3s" in answers[0] and answers[1] == "nap 0.1"
    assert took < 20


def test_nesting_depth_sees_structure_not_unclosed_html() -> None:
    assert nesting_depth(b"<a><b><c/></b><b></b></a>", 256) == 2
    # raw HTML in a broken feed: <br> never holds anything, a <p> closes the one before
    html = b"<rss><channel><item><description>" + b"<p>text<br>" * 1000 + b"</description>"
    assert nesting_depth(html, 256) == 5
    assert nesting_depth(b"<![CDATA[" + b"<x>" * 500 + b"]]><!-- <y><y> -->", 256) == 0
    assert nesting_depth(b"<e>" * 300, 256) == 257  # stops counting past the limit


def test_a_feed_nested_past_256_levels_is_refused_at_once() -> None:
    """The fuzzed Atom feed of issue 12 (370 KB) kept feedparser busy for ~30 s."""
    doc = _nested_atom(1800)
    assert len(doc) > 370_000
    started = time.monotonic()
    feed = parse_feed(doc, SOURCE.url)
    assert time.monotonic() - started < 2.0  # was ~5 s here (30 s on the reporter's machine)
    assert feed.entries == [] and feed.refused
    assert f"nested more than {MAX_DEPTH} levels deep" in feed.refused


def test_the_forgiving_parser_reads_at_most_its_share(monkeypatch: pytest.MonkeyPatch) -> None:
    assert LOOSE_MAX_BYTES == 1_000_000
    monkeypatch.setattr(digest.fetch.loose, "LOOSE_MAX_BYTES", 20_000)  # a 1 MB parse is slow
    doc = _broken_feed(200)
    assert len(doc) > 20_000
    feed = parse_loose(Loose(doc, SOURCE.url))
    assert 0 < len(feed.entries) < 200
    assert feed.entries[-1].title.startswith("Entry ")  # cut after a whole entry
    assert any("only the first" in w for w in feed.warnings)


def test_a_fetch_with_a_hostile_feed_beside_a_good_one(server: ScriptServer,
                                                       settings: FetchSettings) -> None:
    good = rss([rss_item("g1", link="http://127.0.0.1/1", content=LONG_TEXT)]).encode()
    sources = [
        Source("nested", server.route("/nested.xml", Reply(200, _nested_atom(1800))),
               full_text=False),
        Source("slow", server.route("/slow.xml", Reply(200, _broken_feed(4000))),
               full_text=False),
        Source("good", server.route("/good.xml", Reply(200, good)), full_text=False),
    ]
    fast = FetchSettings(**{**settings.__dict__, "parse_timeout": 1.0})
    started = time.monotonic()
    nested, slow, ok = fetch_all(sources, {}, fast, clock=lambda: NOW)
    assert time.monotonic() - started < 15
    assert nested.status == "error" and "nested more than 256 levels" in (nested.error or "")
    assert slow.status == "error" and "longer than 1s" in (slow.error or "")
    assert ok.status == "ok" and len(ok.items) == 1


def test_a_worker_that_dies_or_meets_a_bug_fails_that_document_only(
        monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """Bugs planted in the parser before the two workers fork (they inherit them): one
    document kills its worker, one raises in the other; each fails alone, and the next
    document is parsed."""
    import os

    import digest.fetch.feeds as feeds

    real = feeds.parse_feed

    def planted(body: bytes, url: str, content_type: str | None = None) -> object:
        if b"DIE" in body:
            os._exit(3)
        if b"BUG" in body:
            raise ZeroDivisionError("planted bug")
        return real(body, url, content_type)

    monkeypatch.setattr(feeds, "parse_feed", planted)
    die, bug = (BIG.replace(b"Test feed", marker) for marker in (b"DIE", b"BUG"))
    with caplog.at_level(logging.ERROR, logger="digest"):
        died, failed, good = _run(Parser(15.0, workers=2, big_run=True), die, bug, BIG)
    assert died.feed.refused == "the parse worker died (exit code 3) on this document"
    assert failed.feed.refused == "internal error: ZeroDivisionError: planted bug"
    assert any("ZeroDivisionError" in r.getMessage() for r in caplog.records)
    assert good.entries == 10 and good.feed.refused is None
