"""What the store remembers of published issues' stories (continuity)."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

from digest.models import StoryMemory
from digest.store import IssueRecord, open_store
from digest.store.migrations import MIGRATIONS

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
