"""What the store remembers of published issues' stories (continuity)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from digest.models import ExplainerMemory, StoryMemory
from digest.store import IssueRecord, Store, open_store
from digest.store.migrations import LATEST, MIGRATIONS

START = datetime(2026, 11, 9, tzinfo=UTC)
WEEK = timedelta(days=7)


def _record(key: str, n: int) -> IssueRecord:
    return IssueRecord(key=key, title=key, period_start=START + n * WEEK,
                       period_end=START + (n + 1) * WEEK, built_at=START, stories=1)


def _story(issue: str, rank: int, headline: str = "h") -> StoryMemory:
    return StoryMemory(issue=issue, rank=rank, headline=headline, articles=("//a.example/x",
                       "h:abc"), anchors=("e:West Lake Dialogue", "n:23"), said=("Said it.",))


def test_remembered_only_once_the_issue_is_saved_and_only_earlier_ones(backend: str) -> None:
    store = open_store(backend)
    store.remember_stories("W1", [_story("W1", 1), _story("W1", 2, "二")])
    assert store.story_memory(START + 10 * WEEK, 8) == []  # not published (no issue row)
    store.save_issue(_record("W1", 0), "cfg")
    store.remember_stories("W2", [_story("W2", 1)])
    store.save_issue(_record("W2", 1), "cfg")
    got = store.story_memory(START + 2 * WEEK, 8)
    assert [(m.issue, m.rank) for m in got] == [("W2", 1), ("W1", 1), ("W1", 2)]  # newest first
    assert got[2] == _story("W1", 2, "二")
    # An issue is never its own memory, nor is a later one; and the cap counts issues.
    assert [m.issue for m in store.story_memory(START + WEEK, 8)] == ["W1", "W1"]
    assert [m.issue for m in store.story_memory(START + 2 * WEEK, 1)] == ["W2"]
    # A rebuild replaces the issue's stories.
    store.remember_stories("W1", [_story("W1", 1, "again")])
    assert [m.headline for m in store.story_memory(START + WEEK, 8)] == ["again"]
    store.close()


def test_migration_from_version_3_adds_the_stories_table(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    conn = sqlite3.connect(path)
    for version, script in enumerate(MIGRATIONS[:3], start=1):
        conn.executescript(f"BEGIN;{script}PRAGMA user_version = {version};COMMIT;")
    conn.close()
    store = open_store(path)
    store.remember_stories("W1", [_story("W1", 1)])
    store.save_issue(_record("W1", 0), "cfg")
    assert store.story_memory(START + WEEK, 8) == [_story("W1", 1)]
    store.close()


def _explainer(issue: str, entity: str = "Asia Open Model Alliance (AOMA)") -> ExplainerMemory:
    return ExplainerMemory(issue=issue, entity=entity, aliases=("AOMA", "亚洲开放模型联盟"))


def test_explainers_are_remembered_with_the_stories_and_replaced_on_rebuild(
        backend: str) -> None:
    store = open_store(backend)
    store.remember_stories("W1", [_story("W1", 1)], _explainer("W1"))
    assert store.explainer_memory(START + 10 * WEEK, 8) == []  # not published (no issue row)
    store.save_issue(_record("W1", 0), "cfg")
    store.remember_stories("W2", [_story("W2", 1)])  # W2 printed no Explainer
    store.save_issue(_record("W2", 1), "cfg")
    store.remember_stories("W3", [_story("W3", 1)], _explainer("W3", "Pearl River Consortium"))
    store.save_issue(_record("W3", 2), "cfg")
    assert store.explainer_memory(START + 3 * WEEK, 8) == [
        _explainer("W3", "Pearl River Consortium"), _explainer("W1")]  # newest first
    # The window counts issues, those without an Explainer too; a later issue is never memory.
    assert store.explainer_memory(START + 3 * WEEK, 2) == [
        _explainer("W3", "Pearl River Consortium")]
    assert store.explainer_memory(START + 3 * WEEK, 0) == []
    assert store.explainer_memory(START + WEEK, 8) == [_explainer("W1")]
    # A rebuild replaces: another entity, then none at all.
    store.remember_stories("W1", [_story("W1", 1)], _explainer("W1", "Other Body"))
    assert store.explainer_memory(START + WEEK, 8) == [_explainer("W1", "Other Body")]
    store.remember_stories("W1", [_story("W1", 1)])
    assert store.explainer_memory(START + WEEK, 8) == []
    assert [m.issue for m in store.story_memory(START + WEEK, 8)] == ["W1"]
    store.close()


_OLD_ISSUE = ("W1", "W1", START.isoformat(), (START + WEEK).isoformat(), START.isoformat(), 1,
              "cfg")
_OLD_STORY = ("W1", 1, "h", '["//a.example/x", "h:abc"]', '["e:West Lake Dialogue", "n:23"]',
              '["Said it."]')


def _published_before_and_after(store: Store) -> None:
    """W1, published by the previous schema, is still remembered; W2 adds an Explainer."""
    assert store.story_memory(START + WEEK, 8) == [_story("W1", 1)]
    assert store.explainer_memory(START + WEEK, 8) == []  # nothing was remembered then
    store.remember_stories("W2", [_story("W2", 1)], _explainer("W2"))
    store.save_issue(_record("W2", 1), "cfg")
    assert store.explainer_memory(START + 2 * WEEK, 8) == [_explainer("W2")]
    assert [m.issue for m in store.story_memory(START + 2 * WEEK, 8)] == ["W2", "W1"]


def test_migration_from_version_5_keeps_the_issues_and_adds_the_explainers(
        tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite3"
    conn = sqlite3.connect(path)
    for version, script in enumerate(MIGRATIONS[:5], start=1):
        conn.executescript(f"BEGIN;{script}PRAGMA user_version = {version};COMMIT;")
    with conn:
        conn.execute("INSERT INTO issue VALUES (?,?,?,?,?,?,?)", _OLD_ISSUE)
        conn.execute("INSERT INTO issue_story VALUES (?,?,?,?,?,?)", _OLD_STORY)
    conn.close()
    store = open_store(path)  # migrates 5 → 6 (and on)
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == LATEST
    _published_before_and_after(store)
    store.close()


@pytest.mark.postgres
def test_postgresql_migration_from_version_1_keeps_the_issues(pg_url: str) -> None:
    import psycopg

    from digest.store.pgschema import LATEST as PG_LATEST
    from digest.store.pgschema import MIGRATIONS as PG_MIGRATIONS

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE digest_schema (version INTEGER NOT NULL)")
        conn.execute(PG_MIGRATIONS[0].encode())
        conn.execute("INSERT INTO digest_schema (version) VALUES (1)")
        conn.execute("INSERT INTO issue VALUES ('', %s,%s,%s,%s,%s,%s,%s)", _OLD_ISSUE)
        conn.execute("INSERT INTO issue_story VALUES ('', %s,%s,%s,%s,%s,%s)", _OLD_STORY)
    store = open_store(pg_url)  # migrates 1 → 2 (and on)
    _published_before_and_after(store)
    store.close()
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT max(version) FROM digest_schema").fetchone() == (PG_LATEST,)


def test_a_failed_write_leaves_the_issue_as_it_was_remembered(backend: str) -> None:
    """Stories and Explainer are one transaction: an Explainer the database refuses (a lone
    surrogate no encoding can store) leaves the stories as they were too."""
    store = open_store(backend)
    store.remember_stories("W1", [_story("W1", 1, "old")], _explainer("W1"))
    store.save_issue(_record("W1", 0), "cfg")
    with pytest.raises(Exception):  # noqa: B017 - each backend's own encoding error
        store.remember_stories("W1", [_story("W1", 1, "new")], _explainer("W1", "Bad \ud800"))
    assert [m.headline for m in store.story_memory(START + WEEK, 8)] == ["old"]
    assert store.explainer_memory(START + WEEK, 8) == [_explainer("W1")]
    store.close()
