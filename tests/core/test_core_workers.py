"""Work on every core: the same answers as inline, in order, from worker processes; a bug or a
dead worker costs its own job at most."""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from pathlib import Path

import pytest

from digest import workers
from digest.collect import collect
from digest.config import load_config
from digest.store import open_store
from digest.workers import call, map_ordered

PARENT = os.getpid()
many_cores = pytest.mark.skipif(workers.usable_cores() < 2,
                                reason="one usable core: the map stays in this process")


@pytest.fixture(autouse=True)
def _threads_of_earlier_tests(monkeypatch: pytest.MonkeyPatch) -> None:
    """A thread another test left idle in this process (apprise's shared executor, after a
    notification sent in-process by an e2e test) made every pool here use the fork server,
    whose workers import this module again: PARENT was theirs, the monkeypatches were gone,
    and four tests failed when tests/e2e ran first. The threads alive as a test starts count
    as none; a thread the test starts still counts."""
    alive = threading.active_count()
    if alive > 1:
        import digest.fetch.parsepool

        def safe() -> bool:
            return sys.platform.startswith("linux") and threading.active_count() == alive

        monkeypatch.setattr(workers, "fork_is_safe", safe)
        monkeypatch.setattr(digest.fetch.parsepool, "fork_is_safe", safe)


def square(n: int) -> int:
    if n % 7 == 3:
        raise ValueError(f"no {n}")
    return n * n


def whose(n: int) -> tuple[int, int]:
    return n, os.getpid()


def whose_once_all_work(job: tuple[int, str]) -> tuple[int, int]:
    """`whose`, but each worker's first job waits (up to 30 s) until every worker has one: with
    trivial jobs on a loaded machine, one worker could otherwise answer all 200 before the
    other is scheduled at all, and the test would fail for the machine's sake, not the pool's."""
    n, folder = job
    mine = Path(folder, str(os.getpid()))
    if not mine.exists():  # only a worker's first job waits: a pool that starves a worker
        mine.touch()       # fails this test in 30 s, not 30 s a job
        deadline = time.monotonic() + 30
        while len(os.listdir(folder)) < workers.usable_cores() and time.monotonic() < deadline:
            time.sleep(0.005)
    return n, os.getpid()


def buggy(n: int) -> int:
    return {}[n]  # type: ignore[no-any-return]  # KeyError: a bug, planted


def dies_on_nine(n: int) -> tuple[int, int]:
    if n == 9 and os.getpid() != PARENT:
        os._exit(1)  # a segfault in a C extension, say
    return n, os.getpid()


def _same(a: object, b: object) -> bool:
    if isinstance(a, Exception) or isinstance(b, Exception):
        return type(a) is type(b) and str(a) == str(b)
    return a == b


def test_answers_match_inline_in_order() -> None:
    jobs = list(range(100))
    answers = list(map_ordered(square, jobs))
    assert all(_same(a, call(square, j)) for a, j in zip(answers, jobs, strict=True))
    assert isinstance(answers[3], ValueError) and answers[4] == 16


@many_cores
def test_every_core_works_and_small_batches_stay_here(tmp_path: Path) -> None:
    answers = list(map_ordered(whose_once_all_work, [(n, str(tmp_path)) for n in range(200)]))
    assert [n for n, _ in answers] == list(range(200))  # type: ignore[misc]
    pids = {pid for _, pid in answers}  # type: ignore[misc]
    assert PARENT not in pids and len(pids) == workers.usable_cores()
    assert {pid for _, pid in map_ordered(whose, range(5))} == {PARENT}  # type: ignore[misc]


@many_cores
def test_a_bug_fails_its_job_with_the_traceback() -> None:
    answers = list(map_ordered(buggy, range(40)))
    assert all(isinstance(a, KeyError) for a in answers)
    assert "in buggy" in "".join(getattr(answers[5], "__notes__", []))


@many_cores
def test_a_dead_worker_leaves_the_rest_to_this_process() -> None:
    answers = list(map_ordered(dies_on_nine, range(60)))
    assert [n for n, _ in answers] == list(range(60))  # type: ignore[misc]
    assert answers[9] == (9, PARENT)  # redone here, where it does not die


@many_cores
def test_with_other_threads_a_fork_server_does_it() -> None:
    stop = threading.Event()
    thread = threading.Thread(target=stop.wait)
    thread.start()
    try:
        answers = list(map_ordered(whose, range(40)))
    finally:
        stop.set()
        thread.join()
    assert [n for n, _ in answers] == list(range(40))  # type: ignore[misc]
    assert PARENT not in {pid for _, pid in answers}  # type: ignore[misc]


@many_cores
def test_collect_cleans_in_workers_and_a_bug_stays_with_its_item(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run big enough for the workers: every item stored, one planted bug (inherited by the
    forked workers) fails its own item with the reason, in the workers' answer."""
    import digest.clean

    real = digest.clean.clean

    def planted(content: str | bytes, url: str | None = None, **kw: bool) -> object:
        if url and url.endswith("/story-7"):
            raise ZeroDivisionError("planted bug")
        assert os.getpid() != PARENT, "cleaned in the parent process"
        return real(content, url, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(digest.clean, "clean", planted)
    items = [{"id": f"s-{i}", "url": f"https://wire.example/story-{i}", "title": f"Story {i}",
              "content_html": f"<p>The harbour authority voted to sell crane number {i}.</p>"
                              f"<p>Dock workers said {i * 3} of them would ask a court.</p>",
              "date_published": "2026-03-03T10:00:00+00:00"} for i in range(40)]
    feed = tmp_path / "wire.json"
    feed.write_text(json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "W",
                                "items": items}), encoding="utf-8")
    (tmp_path / "sources.yaml").write_text(
        f"newsletter: {{title: W}}\nsources:\n  - {{name: Wire, url: '{feed}'}}\n",
        encoding="utf-8")
    config = load_config(tmp_path / "sources.yaml")
    store = open_store(config.database)
    report = collect(config, store)
    assert report.saved["Wire"] == {"new": 39}
    (failed,) = report.failed
    assert failed.url.endswith("/story-7") and "planted bug" in (failed.reason or "")
    assert report.internal_errors == 1
    store.close()


def unpicklable_on_five(n: int) -> object:
    if n == 5 and os.getpid() != PARENT:
        return lambda: n  # a worker's answer that cannot travel back
    return n, os.getpid()


@many_cores
def test_jobs_travel_in_chunks_and_an_answer_that_cannot_travel_is_redone_here() -> None:
    count = 3 * workers.usable_cores() * workers.WINDOW * workers.SPREAD  # chunks of 3
    answers = list(map_ordered(unpicklable_on_five, range(count)))
    assert [a[0] for a in answers] == list(range(count))  # type: ignore[index]
    assert answers[5] == (5, PARENT)  # its chunk was redone in this process
    pids = [pid for _, pid in answers]  # type: ignore[misc]
    assert pids[3:6] == [PARENT] * 3 and PARENT not in pids[6:]  # the chunk of 3, 4 and 5
    assert all(len(set(pids[k:k + 3])) == 1 for k in range(0, count, 3))  # one worker each


def test_a_pool_answers_each_batch_in_order_and_inline_when_never_started() -> None:
    idle: workers.Pool[int, int] = workers.Pool(square)
    batch = idle.submit(list(range(10)))
    assert not idle.started and all(future is None for _, future in batch.chunks)
    assert [_same(a, call(square, n)) for a, n in zip(idle.answers(batch), range(10),
                                                       strict=True)] == [True] * 10
    with workers.Pool(whose, chunk=3) as pool:
        started = pool.start()
        first, second = pool.submit(list(range(7))), pool.submit(list(range(7, 12)))
        assert [n for n, _ in pool.answers(second)] == list(range(7, 12))  # type: ignore[misc]
        answers = list(pool.answers(first))
    assert [n for n, _ in answers] == list(range(7))  # type: ignore[misc]
    assert (PARENT not in {pid for _, pid in answers}) == started  # type: ignore[misc]
    assert started == (workers.usable_cores() > 1)


def _wire(folder: Path, sources: int, items: int) -> Path:
    lines = ["newsletter: {title: W}", "sources:"]
    for s in range(sources):
        feed = folder / f"wire-{s}.json"
        feed.write_text(json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "W",
                                    "items": [{
                                        "id": f"s-{s}-{i}",
                                        "url": f"https://wire{s}.example/story-{i}",
                                        "title": f"Story {i}",
                                        "content_html": f"<p>Crane {i} of port {s} was sold to a "
                                                        "museum on Tuesday.</p><p>Dock workers "
                                                        f"said {i * 3} of them would appeal.</p>",
                                        "date_published": "2026-03-03T10:00:00+00:00"}
                                        for i in range(items)]}), encoding="utf-8")
        lines.append(f"  - {{name: Wire {s}, url: '{feed}'}}")
    (folder / "sources.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder / "sources.yaml"


@many_cores
def test_a_big_run_cleans_each_source_while_the_others_are_fetched(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """From STREAM_SOURCES sources on, each source's items go to the (already forked) workers
    from inside the fetch, before it returns; everything is stored as without streaming. What
    arrived is frozen out of the collector's reach as it arrives, and thawed at the end."""
    import gc

    import digest.fetch
    from digest import collect as collecting

    fetching = {"done": False}
    submitted: list[bool] = []  # for each batch: had the fetch finished?
    frozen: list[int] = []  # for each batch: objects frozen when it was handed over
    real_fetch, real_submit = digest.fetch.fetch_all, workers.Pool.submit

    def fetch_all(*args: object, **kwargs: object) -> object:
        try:
            return real_fetch(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            fetching["done"] = True

    def submit(self: workers.Pool[object, object], jobs: object, **kw: object) -> object:
        submitted.append(fetching["done"])
        frozen.append(gc.get_freeze_count())
        return real_submit(self, jobs, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(digest.fetch, "fetch_all", fetch_all)
    monkeypatch.setattr(workers.Pool, "submit", submit)
    config = load_config(_wire(tmp_path, collecting.STREAM_SOURCES, 3))
    store = open_store(config.database)
    report = collecting.collect(config, store)
    assert submitted == [False] * collecting.STREAM_SOURCES  # every batch handed over mid-fetch
    assert frozen[0] < min(frozen[1:])  # from the first arrival on, what came is frozen
    assert gc.get_freeze_count() == 0  # all thawed once collect returned
    assert all(report.saved[f"Wire {s}"] == {"new": 3} for s in range(collecting.STREAM_SOURCES))
    assert not report.failed
    store.close()


def _articles(database: Path) -> list[tuple[object, ...]]:
    import sqlite3

    with sqlite3.connect(database) as conn:
        return conn.execute("SELECT source, guid, url, title, paragraphs, content_hash, "
                            "published, first_seen, language FROM article ORDER BY guid").fetchall()


@many_cores
def test_a_big_run_cleans_where_each_feed_is_parsed_and_stores_the_same(tmp_path: Path) -> None:
    """With parse workers (MIN_SOURCES feeds of MIN_BYTES or more), the worker that parses a
    feed cleans its items too: they arrive without their content, and what is stored and
    what fails is exactly what cleaning them here gives."""
    from datetime import UTC, datetime

    from digest.collect import store_fetched
    from digest.fetch import fetch_all
    from digest.fetch.parsepool import MIN_BYTES, MIN_SOURCES

    now = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)
    body = " ".join(f"Crane {n} of the port was sold to a museum after a long vote." for n in
                    range(30))
    lines = ["newsletter: {title: W}", f"database: {tmp_path / 'a.sqlite3'}", "sources:"]
    for s in range(MIN_SOURCES):
        items = [{"id": f"s-{s}-{i}", "url": f"https://wire{s}.example/story-{i}",
                  "title": f"Story {i} of wire {s}",
                  "content_html": f"<p>{body}</p><p>Share this: Facebook Twitter Email</p>"
                                  f"<p>Dock workers said {i * 3} of them would appeal.</p>",
                  "date_published": "2026-03-03T10:00:00+00:00"} for i in range(4)]
        items.append({"id": f"s-{s}-junk", "url": f"https://wire{s}.example/junk",
                      "title": "Only junk", "content_html": "<p>Share: Facebook, Twitter</p>"})
        feed = tmp_path / f"wire-{s}.json"
        feed.write_text(json.dumps({"version": "https://jsonfeed.org/version/1.1",
                                    "title": "W", "items": items}), encoding="utf-8")
        assert feed.stat().st_size >= MIN_BYTES
        lines.append(f"  - {{name: Wire {s}, url: '{feed}', full_text: false}}")
    (tmp_path / "sources.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    config = load_config(tmp_path / "sources.yaml")
    store = open_store(tmp_path / "a.sqlite3")
    report = collect(config, store, clock=lambda: now)
    store.close()
    assert all(item.finished is not None and item.content == "" for r in report.results
               for item in r.items)
    results = fetch_all(config.sources, {}, config.fetch, clock=lambda: now)
    store = open_store(tmp_path / "b.sqlite3")
    here = store_fetched(store, results, [now] * len(results), inline=True)
    store.close()
    assert all(item.finished is None and item.content for r in results for item in r.items)
    assert report.saved == here.saved
    assert all(saved == {"new": 4} for saved in report.saved.values())
    assert report.failed == here.failed and len(report.failed) == MIN_SOURCES
    assert report.rules == here.rules and report.rules["share_row"] == 4 * MIN_SOURCES
    stored = _articles(tmp_path / "a.sqlite3")
    assert stored == _articles(tmp_path / "b.sqlite3") and len(stored) == 4 * MIN_SOURCES


@many_cores
def test_a_warm_run_forks_no_cleaner_and_stores_each_unchanged_source_as_it_arrives(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every source asked conditionally (a warm run): no cleaning worker is forked for
    nothing, and a source that brought nothing to clean is stored as it arrives, during the
    fetch, not all at its end. The cold run before it streams as ever."""
    import digest.fetch
    from digest import collect as collecting
    from digest.store.sqlite import SQLiteStore

    fetching = {"done": False}
    started: list[bool] = []  # each Pool.start: did it fork?
    stored: list[bool] = []  # each source stored: had the fetch finished?
    real_fetch, real_start = digest.fetch.fetch_all, workers.Pool.start
    real_fetch_save, real_states = SQLiteStore.save_fetch, SQLiteStore.save_states

    def fetch_all(*args: object, **kwargs: object) -> object:
        fetching["done"] = False
        try:
            return real_fetch(*args, **kwargs)  # type: ignore[arg-type]
        finally:
            fetching["done"] = True

    def start(self: workers.Pool[object, object]) -> bool:
        started.append(real_start(self))
        return started[-1]

    def save_fetch(self: SQLiteStore, *args: object) -> object:
        stored.append(fetching["done"])
        return real_fetch_save(self, *args)  # type: ignore[arg-type]

    def save_states(self: SQLiteStore, results: list[object]) -> None:
        stored.extend(fetching["done"] for _ in results)
        real_states(self, results)  # type: ignore[arg-type]

    monkeypatch.setattr(digest.fetch, "fetch_all", fetch_all)
    monkeypatch.setattr(workers.Pool, "start", start)
    monkeypatch.setattr(SQLiteStore, "save_fetch", save_fetch)
    monkeypatch.setattr(SQLiteStore, "save_states", save_states)
    config = load_config(_wire(tmp_path, collecting.STREAM_SOURCES, 3))
    store = open_store(config.database)
    collecting.collect(config, store)  # cold: nothing stored yet
    assert started[:1] == [True] and stored.count(False) > 0  # forked up front
    started.clear()
    stored.clear()
    report = collecting.collect(config, store)  # warm: every file unchanged
    store.close()
    assert {r.status for r in report.results} == {"not_modified"}
    assert True not in started  # no cleaning worker forked
    assert len(stored) == collecting.STREAM_SOURCES and stored.count(False) > 0
    assert report.saved == {f"Wire {s}": {} for s in range(collecting.STREAM_SOURCES)}


def test_the_parse_workers_load_the_cleaner_up_front_only_when_a_body_is_sure_to_come() -> None:
    """A source asked without a validator (never fetched, or its server gave none) answers
    with a document to clean: the parse workers then load the cleaner as they start. When
    every source is asked conditionally (a warm run: all 304), they do not."""
    from digest.fetch.runner import documents_expected as _bodies_expected
    from digest.models import FetchState, Source

    sources = [Source(name=f"s{i}", url=f"http://127.0.0.1/{i}") for i in range(3)]
    validated = {s.name: FetchState(source=s.name, url=s.url, etag='"1"') for s in sources}
    assert not _bodies_expected(sources, validated)
    dated = {**validated, "s1": FetchState(source="s1", url=sources[1].url,
                                            last_modified="Mon, 02 Mar 2026 10:00:00 GMT")}
    assert not _bodies_expected(sources, dated)
    assert _bodies_expected(sources, {})  # the first run
    assert _bodies_expected(sources, {**validated, "s2": FetchState(source="s2",
                                                                   url=sources[2].url)})
    assert _bodies_expected(sources, {k: v for k, v in validated.items() if k != "s0"})
