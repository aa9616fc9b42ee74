from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from digest import periods
from digest.errors import StoreError
from digest.models import Article, Delivery, FetchResult, FetchState, Source
from digest.store import open_store
from digest.store.migrations import LATEST

NOW = datetime(2026, 3, 4, 12, tzinfo=UTC)
SOURCE = Source(name="One", url="http://127.0.0.1/feed")


def article(guid: str = "g1", body: str = "Body text.", url: str = "http://x/a",
            source: str = "One", published: datetime = NOW) -> Article:
    return Article(source=source, guid=guid, url=url, title="T", paragraphs=(body,),
                   published=published, first_seen=NOW, content_hash=f"h-{body}")


def result(items: int = 0) -> FetchResult:
    return FetchResult(source=SOURCE, status="ok", state=FetchState(source="One", url=SOURCE.url,
                       etag='"e1"'), http_status=200)


def test_migrations_set_user_version(tmp_path: Path) -> None:
    store = open_store(tmp_path / "db.sqlite3")
    store.close()
    conn = sqlite3.connect(tmp_path / "db.sqlite3")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST


def test_delivery_ledger_migration_keeps_old_rows(tmp_path: Path) -> None:
    """A version-1 database (ok column only) gains the ledger status without losing a row."""
    path = tmp_path / "db.sqlite3"
    conn = sqlite3.connect(path)
    from digest.store.migrations import MIGRATIONS
    conn.executescript(f"BEGIN;{MIGRATIONS[0]}PRAGMA user_version = 1;COMMIT;")
    conn.executemany("INSERT INTO delivery (issue, recipient, ok, at) VALUES ('K', ?, ?, 'now')",
                     [("a@x.org", 1), ("b@x.org", 0)])
    conn.commit()
    conn.close()
    store = open_store(path)
    assert store.delivery_states("K") == {"a@x.org": "sent", "b@x.org": "failed"}


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    conn = sqlite3.connect(tmp_path / "db.sqlite3")
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(tmp_path / "db.sqlite3")


def test_articles_stored_once_by_guid_then_url_then_hash(tmp_path: Path) -> None:
    store = open_store(tmp_path / "db.sqlite3")
    assert store.save_fetch(result(), [(article(), "x/a")], NOW).counts == {"new": 1}
    # same GUID, same text: unchanged
    assert store.save_fetch(result(), [(article(), "x/a")], NOW).counts == {"unchanged": 1}
    # new GUID but same canonical URL key: the same article
    assert store.save_fetch(result(), [(article(guid="g2"), "x/a")], NOW).counts == {
        "unchanged": 1}
    # new GUID and URL but same body in the same source: the same article
    assert store.save_fetch(result(), [(article(guid="g3", url="http://x/b"), "x/b")], NOW).counts == {
        "unchanged": 1}
    # changed text under the same GUID: updated, not duplicated
    assert store.save_fetch(result(), [(article(body="New body."), "x/a")], NOW).counts == {"updated": 1}
    assert store.count_articles() == 1
    (a,) = store.articles_for(periods.week("2026-W10", "UTC"))
    assert a.paragraphs == ("New body.",)
    # the same body from another outlet is kept: the editor cites both
    store.save_fetch(result(), [(article(source="Two", body="New body.", url="http://y/a"),
                                 "y/a")], NOW)
    assert store.count_articles() == 2
    assert store.has_item("One", "g1") and not store.has_item("One", "zzz")


def test_fetch_state_round_trip(tmp_path: Path) -> None:
    store = open_store(tmp_path / "db.sqlite3")
    store.save_fetch(result(), [], NOW)
    state = store.fetch_states()["One"]
    assert state.etag == '"e1"' and state.last_status == "ok"
    (health,) = store.source_health()
    assert health.status == "ok" and health.http_status == 200


def test_articles_for_period_uses_published_or_first_seen(tmp_path: Path) -> None:
    store = open_store(tmp_path / "db.sqlite3")
    old = article(guid="old", url="http://x/old", body="old", published=NOW - timedelta(days=30))
    near = article(guid="near", url="http://x/near", body="near",
                   published=NOW - timedelta(days=8))
    store.save_fetch(result(), [(article(), "x/a"), (old, "x/old"), (near, "x/near")], NOW)
    got = {a.guid for a in store.articles_for(periods.week("2026-W10", "UTC"))}
    assert got == {"g1", "old", "near"}  # the editor marks old and near out of window
    # a later week sees the near miss only by publication date: deterministic, not by clock
    assert {a.guid for a in store.articles_for(periods.week("2026-W11", "UTC"))} == {"g1"}
    assert store.articles_for(periods.week("2026-W20", "UTC")) == []


def test_an_article_the_database_refuses_fails_alone(tmp_path: Path) -> None:
    """A lone surrogate (a JSON \\ud800 escape) cannot be encoded for SQLite: that article is
    rolled back to its savepoint and reported; the source's state and other articles stay."""
    store = open_store(tmp_path / "db.sqlite3")
    bad = replace(article(guid="bad", url="http://x/bad"), title="Broken \ud800 title")
    report = store.save_fetch(result(), [(article(), "x/a"), (bad, "x/bad")], NOW)
    assert report.counts == {"new": 1}
    assert [(a.guid, type(e).__name__) for a, e in report.failed] == [("bad", "UnicodeEncodeError")]
    assert store.count_articles() == 1
    assert store.fetch_states()["One"].etag == '"e1"'


def test_interrupted_transaction_leaves_nothing(tmp_path: Path) -> None:
    """Anything that is not one article's fault (here Ctrl-C) rolls the whole source back."""

    class Interrupting:
        def __conform__(self, protocol: object) -> str:  # sqlite3 asks it for a value
            raise KeyboardInterrupt

    store = open_store(tmp_path / "db.sqlite3")
    bad = replace(article(guid="bad", url="http://x/bad"), title=Interrupting())  # type: ignore[arg-type]
    with pytest.raises(KeyboardInterrupt):
        store.save_fetch(result(), [(article(), "x/a"), (bad, "x/bad")], NOW)
    assert store.count_articles() == 0
    assert store.fetch_states() == {}


def test_deliveries_and_runs(tmp_path: Path) -> None:
    store = open_store(tmp_path / "db.sqlite3")
    store.record_delivery(Delivery(issue="K", recipient="A@example.org", status="failed",
                                   error="421"))
    assert store.delivery_states("K") == {"a@example.org": "failed"}
    store.record_delivery(Delivery(issue="K", recipient="a@example.org", status="sending",
                                   message_id="<m1@x>"))
    store.record_delivery(Delivery(issue="K", recipient="b@example.org", status="sending",
                                   message_id="<m2@x>"))
    store.record_delivery(Delivery(issue="K", recipient="a@example.org", status="sent",
                                   message_id="<m1@x>"))
    assert store.delivery_states("K") == {"a@example.org": "sent", "b@example.org": "sending"}
    assert [d.recipient for d in store.deliveries(status=("sending", "unknown"))] == [
        "b@example.org"]
    assert [d.ok for d in store.deliveries("K")] == [True, False]
    first = store.start_run("run", "K", NOW)
    second = store.start_run("run", "K", NOW)  # the first never finished: it was killed
    store.finish_run(second, "ok", NOW, manifest="{}")
    runs = {r.id: r.status for r in store.runs()}
    assert runs == {first: "interrupted", second: "ok"}
