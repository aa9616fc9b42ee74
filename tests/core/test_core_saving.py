"""Storing a collect's sources (digest.saving.Saver): in the sources' order, a source's batch in
one transaction, and a run of sources that brought nothing to clean together in one."""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from digest.collect import _clean_item, _ItemJob
from digest.models import Article, FetchResult, FetchState, ItemFailure, RawItem, Source
from digest.saving import CollectReport, Saver, fetch_lines
from digest.store import open_store
from digest.store.sqlite import SQLiteStore
from digest.workers import Pool

NOW = datetime(2026, 3, 4, 12, tzinfo=UTC)
NAMES = [f"s{n}" for n in range(5)]


def _result(name: str, *, etag: object = '"v1"', items: int = 0) -> FetchResult:
    """A 304 (its state's ETag `etag`), or a feed of `items` finished items."""
    source = Source(name=name, url=f"http://127.0.0.1/{name}.xml")
    finished = [RawItem(source=name, guid=f"{name}-{i}", url=f"http://x/{name}/{i}", title="T",
                        content="", finished=[(Article(
                            source=name, guid=f"{name}-{i}", url=f"http://x/{name}/{i}",
                            title="T", paragraphs=("Body.",), published=NOW, first_seen=NOW,
                            content_hash=f"h-{name}-{i}"), f"x/{name}/{i}")])
                for i in range(items)]
    state = FetchState(source=name, url=source.url, etag=etag)  # type: ignore[arg-type]
    return FetchResult(source=source, status="ok" if items else "not_modified", state=state,
                       items=tuple(finished), http_status=200 if items else 304, seconds=0.05,
                       failed=(ItemFailure(url="http://x/bad", title="Bad", reason="unreadable"),)
                       if name == "s1" else ())


def _save_all(path: Path, results: list[FetchResult]) -> Saver:
    store = open_store(path)
    with Pool(_clean_item) as pool:
        saver = Saver(store, pool, NAMES)
        for n, result in enumerate(results):
            saver.add(result, NOW + timedelta(seconds=n), pool.submit([
                _ItemJob(item, False, NOW) for item in result.items if item.finished is None]))
        saver.save(wait=True)
    store.close()
    return saver


def _states(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT * FROM source_state ORDER BY name").fetchall()


def test_a_run_of_sources_that_brought_nothing_is_stored_together_as_each_alone_would_be(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """s0, s1 (304s; s1 with an entry the fetch could not read) then s2 (a feed) then s3, s4:
    the 304s in two transactions around s2's, in order, with the very states, reports and
    failures that storing each on its own (save_fetch with no article) gives."""
    results = [_result(name, items=2 if name == "s2" else 0) for name in NAMES]
    calls: list[tuple[str, list[str]]] = []
    real_fetch, real_states = SQLiteStore.save_fetch, SQLiteStore.save_states

    def save_fetch(self: SQLiteStore, result: FetchResult, *args: object) -> object:
        calls.append(("fetch", [result.source.name]))
        return real_fetch(self, result, *args)  # type: ignore[arg-type]

    def save_states(self: SQLiteStore, pairs: list[tuple[FetchResult, datetime]]) -> None:
        calls.append(("states", [result.source.name for result, _ in pairs]))
        real_states(self, pairs)

    monkeypatch.setattr(SQLiteStore, "save_fetch", save_fetch)
    monkeypatch.setattr(SQLiteStore, "save_states", save_states)
    together = _save_all(tmp_path / "a.sqlite3", results)
    assert calls == [("states", ["s0", "s1"]), ("fetch", ["s2"]), ("states", ["s3", "s4"])]
    alone = open_store(tmp_path / "b.sqlite3")
    for n, result in enumerate(results):
        articles = [answer for item in result.items for answer in item.finished]  # type: ignore[attr-defined]
        alone.save_fetch(result, articles, NOW + timedelta(seconds=n))
    alone.close()
    assert _states(tmp_path / "a.sqlite3") == _states(tmp_path / "b.sqlite3")
    assert together.saved == {"s0": {}, "s1": {}, "s2": {"new": 2}, "s3": {}, "s4": {}}
    assert [(f.source, f.url, f.reason) for f in together.tally.failed] == [
        ("s1", "http://x/bad", "unreadable")]


def test_a_state_that_cannot_be_stored_fails_its_source_alone(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A bug in one state of a run (a value SQLite cannot take): the run's transaction is
    rolled back and each source stored on its own, so that one fails and the rest are kept."""
    results = [_result(name, etag=object()) if name == "s3" else _result(name)
               for name in NAMES]
    saver = _save_all(tmp_path / "a.sqlite3", results)
    assert [row[0] for row in _states(tmp_path / "a.sqlite3")] == ["s0", "s1", "s2", "s4"]
    assert saver.tally.internal_errors == 1 and "s3: storing the source" in caplog.text
    assert set(saver.saved) == {"s0", "s1", "s2", "s4"}


def test_a_feed_entry_s_double_encoded_title_and_summary_are_repaired() -> None:
    # A feed's own strings never pass the cleaner's decoder: the entry's title (and the summary
    # that stands in for an empty body) are repaired where the article is made.
    title, summary = "Ferry “timetable” set — daily", "The council set the ferry’s timetable."
    item = RawItem(source="s", guid="g", url="http://x/a", title=title.encode().decode("latin-1"),
                   content="<p></p>", summary=summary.encode().decode("latin-1"))
    (article, _key), = _clean_item(_ItemJob(item, False, NOW))
    assert (article.title, article.paragraphs) == (title, (summary,))


def test_the_log_says_what_a_source_brought_and_warns_of_a_failure(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """One line per source at a level by what it brought (saving._level): new articles are
    INFO, nothing new DEBUG (`-v`: 500 unchanged feeds say nothing), a failure WARNING."""
    results = [_result(name, items=2 if name == "s2" else 0) for name in NAMES]
    results[4] = replace(results[4], status="error", error="HTTP 404 Not Found", http_status=404)
    with caplog.at_level(logging.DEBUG, logger="digest"):
        _save_all(tmp_path / "a.sqlite3", results)
    lines = {r.getMessage(): r.levelno for r in caplog.records if r.getMessage()[:2] in NAMES}
    assert lines == {"s0: not_modified, 0 item(s), nothing new": logging.DEBUG,
                     "s1: not_modified, 0 item(s), nothing new": logging.DEBUG,
                     "s2: ok, 2 item(s), 2 new": logging.INFO,
                     "s3: not_modified, 0 item(s), nothing new": logging.DEBUG,
                     "s4: error (HTTP 404 Not Found), 0 item(s), nothing new": logging.WARNING}


def test_the_fetch_command_tells_what_changed_and_sums_up_the_rest() -> None:
    """`digest fetch` prints the sources that brought something, failed or carry a note, then
    one line for the run; `-v` (`every`) every source (saving.fetch_lines)."""
    results = [_result(name, items=2 if name == "s2" else 0) for name in NAMES]
    results[4] = replace(results[4], status="error", error="HTTP 404 Not Found", http_status=404)
    saved = {"s0": {}, "s1": {}, "s2": {"new": 2}, "s3": {"unchanged": 3}, "s4": {}}
    report = CollectReport(results=tuple(results), saved=saved, failed=())
    assert fetch_lines(report) == [
        "s2: ok, 2 item(s), 2 new", "s4: error (HTTP 404 Not Found), 0 item(s), nothing new",
        "Fetched 5 sources: 1 brought 2 new article(s), 1 failed, 3 had nothing new "
        "(3 not modified since the last fetch)."]
    assert len(fetch_lines(report, every=True)) == 6
    quiet = CollectReport(results=tuple(results[:2]), saved={"s0": {}, "s1": {}}, failed=())
    assert fetch_lines(quiet) == [
        "Fetched 2 sources: none brought anything new (2 not modified since the last fetch)."]


def test_the_fetch_summary_counts_the_sources_it_skipped() -> None:
    """A source disabled after a 410 Gone, or told to wait, is not fetched: the summary said
    "none brought anything new" as if it had been, and "had nothing new" counted it."""
    results = [_result(name, items=2 if name == "s2" else 0) for name in NAMES[:4]]
    results[0] = replace(results[0], status="skipped", error="disabled after HTTP 410 Gone")
    results[1] = replace(results[1], status="skipped", error="told to wait")
    saved = {"s0": {}, "s1": {}, "s2": {"new": 2}, "s3": {}}
    report = CollectReport(results=tuple(results), saved=saved, failed=())
    assert fetch_lines(report)[-1] == (
        "Fetched 4 sources: 1 brought 2 new article(s), 2 skipped, 1 had nothing new "
        "(1 not modified since the last fetch).")
    alone = CollectReport(results=tuple(results[:2]), saved={"s0": {}, "s1": {}}, failed=())
    assert fetch_lines(alone)[-1] == "Fetched 2 sources: none brought anything new, 2 skipped."
