"""The planner: which feeds are due, one queued job each, and how a wave stands. SQL only.

`digest fetch --enqueue` registers the config's sources in `feed` (a name is one feed for every
newsletter on the database) and queues a procrastinate job for each due feed in one statement:
due = never checked or checked more than the interval ago, not disabled (410 Gone), not told to
wait (Retry-After), and with no job queued or running. The queueing lock (the feed's name)
keeps a second job for a feed out even when two planners run at once, and the job lock (the
name again) keeps two workers off one feed. Jobs are numbered host by host in turn, so workers
taking them in order spread over the hosts instead of queueing behind one.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from typing import Any
from urllib.parse import urlsplit

import psycopg

from ..models import Source

QUEUE = "fetch"
TASK = "digest.fetch_feed"
PLAN_LOCK = 7_151_000_002  # pg_advisory_xact_lock key: one planner at a time
SCHEMA_LOCK = 7_151_000_003  # the queue's schema is created once


@dataclass(frozen=True)
class Plan:
    """What one planning pass did for a newsletter's feeds."""

    feeds: int  # the newsletter's feeds
    enqueued: tuple[str, ...]  # feeds given a job now
    pending: tuple[str, ...]  # feeds that already had one (queued, running or waiting to retry)

    @property
    def not_due(self) -> int:  # checked within the interval, disabled, or told to wait
        return self.feeds - len(self.enqueued) - len(self.pending)


def ensure_queue(conn: psycopg.Connection[Any]) -> None:
    """procrastinate's tables and functions, created once (under a lock: workers start together)."""
    from procrastinate.schema import SchemaManager

    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
        row = conn.execute("SELECT to_regclass('procrastinate_jobs') IS NOT NULL AS ok").fetchone()
        if not _first(row):
            conn.execute(SchemaManager.get_schema().encode())
        # the planner's "no job queued or running for this feed", as an index
        conn.execute("CREATE INDEX IF NOT EXISTS digest_jobs_open ON procrastinate_jobs "
                      "(queueing_lock) WHERE status IN ('todo', 'doing')")


_FIELDS = tuple(f.name for f in fields(Source))


def source_definition(source: Source) -> dict[str, Any]:
    """A source as a feed row's JSON: all a worker needs to fetch it (see `source_of`)."""
    return {name: getattr(source, name) for name in _FIELDS}


def host_key(url: str) -> str:
    """The host a feed's requests count against: its origin's host and port, as the workers'
    host slots name it (hosts.SlotTransport)."""
    return urlsplit(url).netloc.lower()


def source_of(definition: dict[str, Any]) -> Source:
    fields: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v
                              for k, v in definition.items()}
    return Source(**fields)


def register(conn: psycopg.Connection[Any], sources: Sequence[Source], interval: float) -> None:
    """Insert or update the feeds (name, URL, definition, interval) in one statement."""
    rows = [{"name": s.name, "url": s.url, "host": host_key(s.url),
             "definition": source_definition(s), "interval_s": round(interval)} for s in sources]
    conn.execute(  # one JSON document: psycopg adapts one value instead of 5 arrays of rows
        """INSERT INTO feed (name, url, host, definition, interval_s)
           SELECT name, url, host, definition, interval_s FROM jsonb_to_recordset(%s::jsonb)
               AS x(name text, url text, host text, definition jsonb, interval_s int)
           ON CONFLICT (name) DO UPDATE SET url = excluded.url, host = excluded.host,
               definition = excluded.definition, interval_s = excluded.interval_s
           WHERE (feed.url, feed.definition, feed.interval_s)
                 IS DISTINCT FROM (excluded.url, excluded.definition, excluded.interval_s)""",
        (json.dumps(rows),))


_DUE = """
    SELECT f.name, f.host FROM feed f LEFT JOIN source_state s ON s.name = f.name
     WHERE f.name = ANY(%(names)s)
       AND NOT coalesce(s.disabled, FALSE)
       AND (s.not_before IS NULL OR s.not_before::timestamptz <= now())
       AND (s.checked_at IS NULL
            OR s.checked_at::timestamptz <= now() - make_interval(secs => f.interval_s))
       AND NOT EXISTS (SELECT 1 FROM procrastinate_jobs j
                        WHERE j.queueing_lock = f.name AND j.status IN ('todo', 'doing'))"""

_ENQUEUE = f"""
WITH due AS ({_DUE})
INSERT INTO procrastinate_jobs (queue_name, task_name, lock, queueing_lock, args)
SELECT %(queue)s, %(task)s, name, name, jsonb_build_object('feed', name)
  FROM (SELECT name, host, row_number() OVER (PARTITION BY host ORDER BY name) AS turn
          FROM due) turns
 ORDER BY turn, host
ON CONFLICT (queueing_lock) WHERE status = 'todo' DO NOTHING
RETURNING queueing_lock
"""


def due(conn: psycopg.Connection[Any], names: Sequence[str]) -> int:
    """How many of `names` are due now (the planner's selection alone, queueing nothing)."""
    return int(_first(conn.execute(f"SELECT count(*) FROM ({_DUE}) due",
                                   {"names": list(names)}).fetchone()))


def enqueue(conn: psycopg.Connection[Any], names: Sequence[str]) -> Plan:
    """Queue a job for each due feed of `names`; say which were queued and which had one."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (PLAN_LOCK,))
        before = set(pending(conn, names))
        queued = [_first(r) for r in conn.execute(
            _ENQUEUE, {"names": list(names), "queue": QUEUE, "task": TASK}).fetchall()]
    return Plan(feeds=len(set(names)), enqueued=tuple(sorted(queued)),
                pending=tuple(sorted(before)))


def pending(conn: psycopg.Connection[Any], names: Sequence[str]) -> list[str]:
    """The feeds of `names` with a job queued, running or waiting to be retried."""
    rows = conn.execute("SELECT DISTINCT queueing_lock FROM procrastinate_jobs "
                        "WHERE status IN ('todo', 'doing') AND queueing_lock = ANY(%s)",
                        (list(names),)).fetchall()
    return sorted(_first(r) for r in rows)


def wait_for_wave(conn: psycopg.Connection[Any], names: Sequence[str], deadline: float, *,
                  poll: float = 0.5, sleep: Callable[[float], None] = time.sleep,
                  monotonic: Callable[[], float] = time.monotonic) -> list[str]:
    """Wait until none of `names` has a job left or `deadline` seconds have passed; return the
    feeds still pending then (a build names them)."""
    end = monotonic() + max(0.0, deadline)
    while True:
        left = pending(conn, names)
        if not left or monotonic() >= end:
            return left
        sleep(min(poll, max(0.0, end - monotonic())))


def _first(row: Any) -> Any:
    """The first column of a row, whichever row factory the connection has."""
    if row is None:
        return None
    return next(iter(row.values())) if isinstance(row, dict) else row[0]

