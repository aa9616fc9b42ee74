from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digest import periods
from digest.errors import StoreError
from digest.models import Article, Delivery, FetchResult, FetchState, Source
from digest.store import IssueRecord, open_store, rows
from digest.store.migrations import LATEST
from digest.store.pgschema import LATEST as PG_LATEST

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


def test_articles_stored_once_by_guid_then_url_then_hash(backend: str) -> None:
    store = open_store(backend)
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


def test_a_batch_matches_its_own_earlier_articles_as_the_database_would(backend: str) -> None:
    """Within one source's batch, an article matches the ones stored before it in the same
    batch, and an update moves its row to its new body hash, as one query an article would."""
    store = open_store(backend)
    store.save_fetch(result(), [(article(guid="a", body="A."), "k/a")], NOW)
    batch = [
        (article(guid="b", body="B.", url="http://x/b"), "k/b"),  # new
        (article(guid="c", body="C.", url="http://x/b2"), "k/b"),  # B's URL key: B updated to C.
        (article(guid="d", body="B.", url="http://x/d"), "k/d"),  # B's old body: nobody has it now
        (article(guid="e", body="C.", url="http://x/e"), "k/e"),  # B's new body: B, unchanged
        (article(guid="a", body="A.", url="http://x/a"), "k/a"),  # stored before: unchanged
        (article(guid="f", body="F.", url="http://x/f"), "k/f"),  # new
        (article(guid="f", body="F2.", url="http://x/f"), "k/f"),  # F again, changed: updated
    ]
    assert store.save_fetch(result(), batch, NOW).counts == {"new": 3, "updated": 2,
                                                             "unchanged": 2}
    stored = {a.guid: a.paragraphs for a in store.articles_for(periods.week("2026-W10", "UTC"))}
    assert stored == {"a": ("A.",), "b": ("C.",), "d": ("B.",), "f": ("F2.",)}


def test_fetch_state_round_trip(backend: str) -> None:
    store = open_store(backend)
    store.save_fetch(result(), [], NOW)
    state = store.fetch_states()["One"]
    assert state.etag == '"e1"' and state.last_status == "ok"
    (health,) = store.source_health()
    assert health.status == "ok" and health.http_status == 200


def test_articles_for_period_uses_published_or_first_seen(backend: str) -> None:
    store = open_store(backend)
    old = article(guid="old", url="http://x/old", body="old", published=NOW - timedelta(days=30))
    near = article(guid="near", url="http://x/near", body="near",
                   published=NOW - timedelta(days=8))
    store.save_fetch(result(), [(article(), "x/a"), (old, "x/old"), (near, "x/near")], NOW)
    got = {a.guid for a in store.articles_for(periods.week("2026-W10", "UTC"))}
    assert got == {"g1", "old", "near"}  # the editor marks old and near out of window
    # a later week sees the near miss only by publication date: deterministic, not by clock
    assert {a.guid for a in store.articles_for(periods.week("2026-W11", "UTC"))} == {"g1"}
    assert store.articles_for(periods.week("2026-W20", "UTC")) == []


def test_an_article_the_database_refuses_fails_alone(backend: str) -> None:
    """A lone surrogate (a JSON \\ud800 escape) cannot be encoded for the database: that article is
    left out and reported; the source's state and other articles stay."""
    store = open_store(backend)
    bad = replace(article(guid="bad", url="http://x/bad"), title="Broken \ud800 title")
    report = store.save_fetch(result(), [(article(), "x/a"), (bad, "x/bad")], NOW)
    assert report.counts == {"new": 1}
    assert [(a.guid, type(e).__name__) for a, e in report.failed] == [("bad", "UnicodeEncodeError")]
    assert store.count_articles() == 1
    assert store.fetch_states()["One"].etag == '"e1"'


def test_an_article_whose_write_fails_leaves_no_trace(backend: str) -> None:
    """The write itself refused (a NOT NULL column left empty): the database undoes that one
    statement, the articles before and after it are stored, and so is the source's state."""
    store = open_store(backend)
    bad = replace(article(guid="bad", url="http://x/bad", body="Other."), language=None)  # type: ignore[arg-type]
    after = article(guid="g2", url="http://x/c", body="Third.")
    report = store.save_fetch(result(), [(article(), "x/a"), (bad, "x/bad"), (after, "x/c")],
                              NOW)
    assert report.counts == {"new": 2}
    assert [a.guid for a, _ in report.failed] == ["bad"]
    assert store.count_articles() == 2 and not store.has_item("One", "bad")
    assert store.fetch_states()["One"].etag == '"e1"'


def test_articles_after_a_refused_one_still_match_those_before_it(backend: str) -> None:
    """A refused article mid-batch (PostgreSQL then writes the batch again an article at a
    time): the articles after it still match the ones stored before it in the batch, and the
    batch stored again duplicates nothing."""
    store = open_store(backend)
    bad = replace(article(guid="bad", url="http://x/bad", body="Bad."), language=None)  # type: ignore[arg-type]
    batch = [(article(guid="a", body="A."), "k/a"),
             (bad, "k/bad"),
             (article(guid="a2", body="A2.", url="http://x/a2"), "k/a"),  # A's URL key: A updated
             (article(guid="c", body="A2.", url="http://x/c"), "k/c"),  # A's new body: unchanged
             (article(guid="d", body="D.", url="http://x/d"), "k/d"),
             (article(guid="e", body="E.", url="http://x/bad"), "k/bad")]  # bad is not stored
    report = store.save_fetch(result(), batch, NOW)
    assert report.counts == {"new": 3, "updated": 1, "unchanged": 1}
    assert [a.guid for a, _ in report.failed] == ["bad"]
    week = periods.week("2026-W10", "UTC")
    assert {a.guid: a.paragraphs for a in store.articles_for(week)} == {"a": ("A2.",),
                                                                        "d": ("D.",), "e": ("E.",)}
    again = store.save_fetch(result(), [p for p in batch if p[0] is not bad], NOW)
    assert "new" not in again.counts and not again.failed and store.count_articles() == 3


def test_interrupted_transaction_leaves_nothing(backend: str) -> None:
    """Anything that is not one article's fault (here Ctrl-C) rolls the whole source back."""

    class Interrupting:
        def __iter__(self) -> Iterator[str]:  # the store reads the paragraphs to encode them
            raise KeyboardInterrupt

    store = open_store(backend)
    bad = replace(article(guid="bad", url="http://x/bad", body="Other."), paragraphs=Interrupting())  # type: ignore[arg-type]
    with pytest.raises(KeyboardInterrupt):
        store.save_fetch(result(), [(article(), "x/a"), (bad, "x/bad")], NOW)
    assert store.count_articles() == 0
    assert store.fetch_states() == {}


def test_deliveries_and_runs(backend: str) -> None:
    store = open_store(backend)
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


def test_sqlite_fetches_do_not_wait_for_the_disk_but_the_ledger_does(tmp_path: Path) -> None:
    """A fetch's commit may skip the disk flush (it can be fetched again); a delivery's may not,
    even after a fetch failed half-way."""
    store = open_store(str(tmp_path / "db.sqlite3"))
    said: list[str] = []
    store._conn.set_trace_callback(said.append)  # type: ignore[attr-defined]  # SQLite's own log
    store.save_fetch(result(), [(article(), "x/a")], NOW)
    assert said[0] == "PRAGMA synchronous=NORMAL" and said[1] == "BEGIN IMMEDIATE"
    assert said[-2:] == ["COMMIT", "PRAGMA synchronous=FULL"]
    said.clear()
    store.record_delivery(Delivery(issue="K", recipient="a@example.org", status="sending",
                                   message_id="<m1@x>"))
    assert said[0] == "BEGIN IMMEDIATE" and not any("synchronous" in s for s in said)

    class Interrupting:
        def __iter__(self) -> Iterator[str]:
            raise KeyboardInterrupt

    bad = replace(article(guid="bad", url="http://x/bad", body="Other."), paragraphs=Interrupting())  # type: ignore[arg-type]
    with pytest.raises(KeyboardInterrupt):
        store.save_fetch(result(), [(bad, "x/bad")], NOW)
    assert said[-1] == "PRAGMA synchronous=FULL"
    assert store._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # type: ignore[attr-defined]


@pytest.mark.postgres
def test_postgres_newer_schema_is_refused(pg_url: str) -> None:
    open_store(pg_url).close()
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("INSERT INTO digest_schema (version) VALUES (%s)", (PG_LATEST + 1,))
    with pytest.raises(StoreError, match="newer"):
        open_store(pg_url)


@pytest.mark.postgres
def test_newsletters_on_one_database_keep_their_own_issues_runs_and_articles(
        pg_url: str) -> None:
    """Feeds and articles are shared; issues, deliveries, runs and what a build reads are not."""
    a = open_store(pg_url, newsletter="A", sources=["One"])
    b = open_store(pg_url, newsletter="B", sources=["One", "Two"])
    a.save_fetch(result(), [(article(), "x/a")], NOW)
    b.save_fetch(result(), [(article(source="Two", body="Other.", url="http://y/b"), "y/b")], NOW)
    week = periods.week("2026-W10", "UTC")
    assert [x.source for x in a.articles_for(week)] == ["One"]
    assert sorted(x.source for x in b.articles_for(week)) == ["One", "Two"]
    a.save_issue(IssueRecord(key="2026-W10", title="A", period_start=week.start,
                             period_end=week.end, built_at=NOW, stories=1), "d")
    a.record_delivery(Delivery(issue="2026-W10", recipient="r@x.org", status="sent"))
    run = a.start_run("run", "2026-W10", NOW)
    b.start_run("run", "2026-W10", NOW)  # B's run does not mark A's as interrupted
    assert b.issue("2026-W10") is None and b.delivery_states("2026-W10") == {}
    assert a.issue("2026-W10") is not None and [r.id for r in a.runs()] == [run]
    assert a.runs()[0].status == "running"
    assert set(a.fetch_states()) == set(b.fetch_states()) == {"One"}  # the shared feed table


def test_a_password_in_the_database_url_is_refused(tmp_path: Path) -> None:
    from digest.config import load_config
    from digest.errors import ConfigError

    path = tmp_path / "sources.yaml"
    path.write_text("newsletter: {title: T}\ndatabase: postgresql://u:secret@db.example/news\n")
    with pytest.raises(ConfigError, match="PGPASSWORD") as caught:
        load_config(path)
    assert "secret" not in str(caught.value)
    path.write_text("newsletter: {title: T}\ndatabase: postgresql://u@db.example/news\n")
    config = load_config(path)
    assert config.store_address == "postgresql://u@db.example/news"
    assert config.database == tmp_path / ".digest" / "digest.sqlite3"  # the run lock's home


def test_notification_ledger_and_newest_published(backend: str) -> None:
    from digest.models import Notification

    store = open_store(backend)
    assert store.newest_published() is None
    dated = article(guid="d", url="http://x/d", body="Dated.", published=NOW - timedelta(days=2))
    undated = article(guid="u", url="http://x/u", body="Undated.")  # published == first_seen
    store.save_fetch(result(), [(dated, "x/d"), (undated, "x/u")], NOW)
    assert store.newest_published() == NOW - timedelta(days=2)
    store.record_notification(Notification(issue="K", channel="json://Hook/ok", status="sending"))
    store.record_notification(Notification(issue="K", channel="json://Hook/ok", status="sent",
                                           sent="3 headlines"))
    store.record_notification(Notification(issue="K", channel="json://h/fail", status="failed",
                                           error="500"))
    assert store.notification_states("K") == {"json://hook/ok": "sent", "json://h/fail": "failed"}
    assert [(n.channel, n.sent) for n in store.notifications("K", status=("sent",))] == [
        ("json://Hook/ok", "3 headlines")]
    assert [n.status for n in store.notifications()] == ["sent", "failed"]  # binary order


# the characters JSON escapes (quote, backslash, control characters), separators' look-alikes,
# and text the UTF-8 check meets (non-ASCII, astral, half a surrogate pair)
_JSON_TRICKY = 'ab ,[]"\\\x00\x01\n\t\x1f\x7f é’\u2028\U0001f600\ud800'


@given(st.lists(st.text(alphabet=_JSON_TRICKY, max_size=12), max_size=4))
def test_paragraphs_are_stored_as_the_json_encoder_writes_them(texts: list[str]) -> None:
    """texts_json's string passes write exactly what json.dumps does (stored text stays the
    same, so an article's row reads back as before)."""
    assert rows.texts_json(tuple(texts)) == json.dumps(texts, ensure_ascii=False)


def test_a_long_fetch_keeps_its_wal_bounded(tmp_path: Path) -> None:
    """The commits land while the thread checkpoints, so SQLite never restarts the WAL on its
    own: past WAL_BOUND times the mark the thread restarts it, and the file stays a fraction of
    what the fetch writes (it held the whole run's text). How far past the bound it gets
    depends on how soon the thread runs (on a loaded machine: far more), so the test writes 50x
    the bound and asks only that the WAL never holds as much as was written."""
    import os
    import time

    from digest.store.sqlitewrites import WAL_BOUND

    path = tmp_path / "db.sqlite3"
    store = open_store(path)
    pages = 50  # a small mark (SQLite's is 1,000 pages): the test writes 50 MB, not 800
    store._conn.execute(f"PRAGMA wal_autocheckpoint={pages}")  # type: ignore[attr-defined]
    page = store._conn.execute("PRAGMA page_size").fetchone()[0]  # type: ignore[attr-defined]
    bound = WAL_BOUND * pages * page
    biggest = written = 0
    with store.saving_fetches():
        for i in range(250):  # ~0.2 MB of text a save
            body = f"Paragraph {i} of the harbour story. " * 5000
            store.save_fetch(result(), [(article(f"g{i}", body, f"http://x/{i}"), f"x/{i}")],
                             NOW)
            written += len(body)
            biggest = max(biggest, os.path.getsize(f"{path}-wal"))
            time.sleep(0.002)  # (a fetch's event loop does its other work between saves)
    assert written > 50 * bound
    # (without the restarts the WAL ends at 3x what was written; with them it stays at a few
    # bounds when the thread runs in time, and under half of it at load ~10)
    assert biggest < written, (biggest, written, bound)
    assert store.count_articles() == 250
    store.close()


def test_a_fetch_checkpoints_its_wal_in_a_thread_that_starts_with_its_first_save(
        tmp_path: Path) -> None:
    """While a fetch saves (`saving_fetches`), the commits leave the WAL to a thread of the
    store's, which starts with the first save (a run forks its workers before: a fork must
    find a single thread) and is gone with the block, SQLite's own checkpoints back on."""
    import os
    import threading
    import time

    path = tmp_path / "db.sqlite3"
    store = open_store(path)
    conn = sqlite3.connect(path)
    threads, size = threading.active_count(), os.path.getsize(path)
    with store.saving_fetches():
        assert store._conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 0  # type: ignore[attr-defined]
        assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000  # (another's)
        assert threading.active_count() == threads
        for i in range(60):  # (5 MB of text: past the 1,000 pages SQLite checkpoints at)
            body = f"Paragraph {i} of the harbour story. " * 2400
            assert store.save_fetch(result(), [(article(f"g{i}", body, f"http://x/{i}"),
                                                f"x/{i}")], NOW).counts == {"new": 1}
        assert threading.active_count() == threads + 1
        # (the store's connection never checkpoints in the block: a copy is the thread's)
        deadline = time.monotonic() + 30
        while os.path.getsize(path) < size + 3_000_000 and time.monotonic() < deadline:
            time.sleep(0.01)  # the thread copies the WAL into the file as it gets to it
        assert os.path.getsize(path) >= size + 3_000_000
    assert threading.active_count() == threads
    assert store._conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 1000  # type: ignore[attr-defined]
    assert store.count_articles() == 60
    store.close()
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM article").fetchone()[0] == 60
    conn.close()
