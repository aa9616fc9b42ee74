"""The period's articles come from an index, exactly, whatever the history and the offsets."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from digest import periods
from digest.models import Article, FetchResult, FetchState, Source
from digest.store import SQLiteStore, Store, open_store
from digest.store.migrations import LATEST, MIGRATIONS

SOURCE = Source(name="One", url="http://127.0.0.1/feed")
WEEK = periods.week("2026-W10", "Asia/Shanghai")
LONG_AGO = datetime(2020, 1, 1, tzinfo=UTC)
PACIFIC, INDIA = timezone(timedelta(hours=-8)), timezone(timedelta(hours=5, minutes=30))
TICK = timedelta(microseconds=1)


def _article(guid: str, published: datetime, first_seen: datetime) -> Article:
    return Article(source="One", guid=guid, url=f"http://x/{guid}", title="T",
                   paragraphs=(f"Body {guid}.",), published=published, first_seen=first_seen,
                   content_hash=f"h-{guid}")


def _save(store: Store, *articles: Article) -> None:
    state = FetchState(source="One", url=SOURCE.url)
    store.save_fetch(FetchResult(source=SOURCE, status="ok", state=state),
                     [(a, a.url) for a in articles], LONG_AGO)


def test_first_seen_edges_are_exact_in_any_offset(backend: str) -> None:
    store = open_store(backend)
    start, end = WEEK.start, WEEK.end
    _save(store,
          _article("before", LONG_AGO, (start - TICK).astimezone(PACIFIC)),
          _article("first", LONG_AGO, start.astimezone(INDIA)),
          _article("last", LONG_AGO, (end - TICK).astimezone(PACIFIC)),
          _article("after", LONG_AGO, end.astimezone(INDIA)),
          # published inside the wide window (one period either side), seen long ago
          _article("near", (start - timedelta(days=6)).astimezone(PACIFIC), LONG_AGO),
          _article("far", (start - timedelta(days=8)).astimezone(INDIA), LONG_AGO))
    assert {a.guid for a in store.articles_for(WEEK)} == {"first", "last", "near"}


def test_the_query_uses_the_indexes(tmp_path: Path) -> None:
    store = open_store(tmp_path / "db.sqlite3")
    assert isinstance(store, SQLiteStore)
    statements: list[str] = []
    store._conn.set_trace_callback(statements.append)
    store.articles_for(WEEK)
    store._conn.set_trace_callback(None)
    (query,) = [s for s in statements if s.lstrip().startswith("SELECT")]
    plan = " ".join(row[3] for row in store._conn.execute(f"EXPLAIN QUERY PLAN {query}"))
    assert "USING INDEX article_published_s" in plan
    assert "USING INDEX article_first_seen_s" in plan
    assert "SCAN article" not in plan


def test_an_older_database_is_upgraded_and_backfilled(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[0] + "\nPRAGMA user_version = 1;")
    seen = (WEEK.start + timedelta(hours=1, microseconds=999_999)).astimezone(PACIFIC)
    conn.execute(
        "INSERT INTO article (source, guid, url, url_key, title, paragraphs, published, "
        "first_seen, updated_at, content_hash, language) VALUES "
        "('One','old','http://x/old','x/old','T','[\"Body.\"]',?,?,?,'h','en')",
        (LONG_AGO.isoformat(), seen.isoformat(), seen.isoformat()))
    conn.commit()
    conn.close()
    store = open_store(path)
    assert [a.guid for a in store.articles_for(WEEK)] == ["old"]
    store.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
    # the same twins a write stores (SQLite rounds the fraction to milliseconds first)
    row = conn.execute("SELECT published_s, first_seen_s FROM article").fetchone()
    assert row == (int(LONG_AGO.timestamp()), int(seen.timestamp()) + 1)
