"""The planner: which feeds are due, queued as jobs, and how a wave stands. SQL only.

`digest fetch --enqueue` registers the config's sources in `feed` (a name is one feed for every
newsletter on the database) and queues the due feeds in one statement: due = never checked or
checked more than the interval ago, not disabled (410 Gone), not told to wait (Retry-After),
and not held by a live job. A job holds a chunk of feeds (`feed.job` names it) and fetches
them one after the other; a feed is held by one job at most, so it is never queued twice, and
planners take turns (an advisory lock), so two at once cannot both queue it.

Why chunks: procrastinate fires per-row triggers (NOTIFY, an event row) on each job it inserts
(0.19 ms a job here: 19 s for 100,000 one-feed jobs; its batch API, `batch_defer_jobs`,
inserts the same rows through the same triggers), and a worker pays two queue round trips
a job. `Chunks` says how a wave is cut: into as many jobs as there are feeds up to
`min_jobs` (so a fleet of workers still gets one feed a job on a small wave), never more than
`max_feeds` feeds a job. Feeds are dealt to jobs in turn, host by host, so the jobs running at
once fetch from as many hosts as there are.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import psycopg

from ..models import Source

QUEUE = "fetch"
TASK = "digest.fetch_feeds"
PLAN_LOCK = 7_151_000_002  # pg_advisory_xact_lock key: one planner at a time
SCHEMA_LOCK = 7_151_000_003  # the queue's schema is created once


@dataclass(frozen=True)
class Chunks:
    """How a wave of due feeds is cut into jobs."""

    min_jobs: int = 1000  # a wave of fewer feeds gets one job a feed
    max_feeds: int = 100  # feeds a job at most (a bigger wave gets more jobs)


CHUNKS = Chunks()


@dataclass(frozen=True)
class Plan:
    """What one planning pass did for a newsletter's feeds."""

    feeds: int  # the newsletter's feeds
    enqueued: int  # feeds queued now
    pending: tuple[str, ...]  # feeds a job already held (queued, running or waiting to retry)

    @property
    def not_due(self) -> int:  # checked within the interval, disabled, or told to wait
        return self.feeds - self.enqueued - len(self.pending)


def ensure_queue(conn: psycopg.Connection[Any]) -> None:
    """procrastinate's tables and functions, created once (under a lock: workers start together)."""
    from procrastinate.schema import SchemaManager

    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
        row = conn.execute("SELECT to_regclass('procrastinate_jobs') IS NOT NULL AS ok").fetchone()
        if not _first(row):
            conn.execute(SchemaManager.get_schema().encode())


_DEFAULTS = Source(name="", url="")
_FIELDS = tuple(f.name for f in fields(Source) if f.name not in ("name", "url"))


def source_definition(source: Source) -> dict[str, Any]:
    """What a worker needs of a source beyond its name and URL (the feed row's columns): the
    fields that differ from the defaults, so a plain feed's definition is `{}`."""
    return {name: value for name in _FIELDS
            if (value := getattr(source, name)) != getattr(_DEFAULTS, name)}


_NETLOC = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://([^/?#]*)")


def host_key(url: str) -> str:
    """The host a feed's requests count against: its origin's host and port, as the workers'
    host slots name it (hosts.SlotTransport). A regular expression first: urlsplit costs
    ten times as much, 1.3 s for 100,000 feeds."""
    found = _NETLOC.match(url)
    return (found.group(1) if found else urlsplit(url).netloc).lower()


def source_of(name: str, url: str, definition: dict[str, Any]) -> Source:
    fields: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v
                              for k, v in definition.items()}
    return Source(name=name, url=url, **fields)


def register(conn: psycopg.Connection[Any], sources: Sequence[Source], interval: float) -> None:
    """Insert or update the feeds (name, URL, definition, interval) in one statement; a row
    that would not change is not written."""
    seconds = round(interval)
    rows = [{"name": s.name, "url": s.url, "host": host_key(s.url),
             "definition": source_definition(s), "interval_s": seconds} for s in sources]
    conn.execute(  # one JSON document: psycopg adapts one value instead of 5 arrays of rows
        """INSERT INTO feed (name, url, host, definition, interval_s)
           SELECT name, url, host, definition, interval_s FROM jsonb_to_recordset(%s::jsonb)
               AS x(name text, url text, host text, definition jsonb, interval_s int)
           ON CONFLICT (name) DO UPDATE SET url = excluded.url, host = excluded.host,
               definition = excluded.definition, interval_s = excluded.interval_s
           WHERE (feed.url, feed.definition, feed.interval_s)
                 IS DISTINCT FROM (excluded.url, excluded.definition, excluded.interval_s)""",
        (json.dumps(rows),))


# The feeds a live job (queued, running, or waiting to be retried) holds: a job's feeds are in
# its arguments, their one home; a job that ended (done and deleted, failed, cancelled) holds
# nothing.
_HELD = f"""SELECT jsonb_array_elements_text(args -> 'feeds') AS name FROM procrastinate_jobs
             WHERE status IN ('todo', 'doing') AND queue_name = '{QUEUE}'"""

_DUE = f"""
    SELECT f.name, f.host FROM feed f LEFT JOIN source_state s ON s.name = f.name
     WHERE f.name = ANY(%(names)s)
       AND NOT coalesce(s.disabled, FALSE)
       AND (s.not_before IS NULL OR s.not_before::timestamptz <= now())
       AND (s.checked_at IS NULL
            OR s.checked_at::timestamptz <= now() - make_interval(secs => f.interval_s))
       AND f.name NOT IN ({_HELD})"""

# Due feeds in turns (each host's first feed, then each host's second ...), dealt to the jobs
# like cards, and one job row a chunk. One statement; `at` (the database's clock) is when the
# jobs were queued: a job run again fetches only the feeds not checked since (worker.py).
_ENQUEUE = f"""
WITH due AS ({_DUE}),
turns AS (SELECT name, row_number() OVER (PARTITION BY host ORDER BY name COLLATE "C") AS turn,
                  host
            FROM due),
dealt AS (SELECT name, row_number() OVER (ORDER BY turn, host) - 1 AS k,
                  (SELECT greatest(least(count(*), %(min_jobs)s),
                                   ceil(count(*) / %(max_feeds)s::numeric)::bigint)
                     FROM due) AS jobs
            FROM turns),
chunks AS (SELECT k %% jobs AS chunk, jsonb_agg(name ORDER BY k) AS feeds FROM dealt
            GROUP BY 1)
INSERT INTO procrastinate_jobs (queue_name, task_name, args)
SELECT %(queue)s, %(task)s, jsonb_build_object('feeds', feeds, 'attempts', 0, 'at', now())
  FROM chunks ORDER BY chunk
RETURNING jsonb_array_length(args -> 'feeds')
"""


def due(conn: psycopg.Connection[Any], names: Sequence[str]) -> int:
    """How many of `names` are due now (the planner's selection alone, queueing nothing)."""
    return int(_first(conn.execute(f"SELECT count(*) FROM ({_DUE}) due",
                                   {"names": list(names)}).fetchone()))


def enqueue(conn: psycopg.Connection[Any], names: Sequence[str], chunks: Chunks = CHUNKS) -> Plan:
    """Queue the due feeds of `names` in jobs; say how many were queued and which were held."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (PLAN_LOCK,))
        conn.execute("SET LOCAL work_mem = '64MB'")  # its sorts stay in memory
        before = pending(conn, names)
        queued = sum(_first(r) for r in conn.execute(
            _ENQUEUE, {"names": list(names), "queue": QUEUE, "task": TASK,
                       "min_jobs": chunks.min_jobs, "max_feeds": chunks.max_feeds}).fetchall())
    return Plan(feeds=len(set(names)), enqueued=queued, pending=tuple(before))


def requeue(conn: psycopg.Connection[Any], feed: str, when: datetime, attempts: int) -> None:
    """Hand `feed` to a job of its own, due at `when` (a retry): the job that held it leaves
    it alone if it is run again (worker.py)."""
    conn.execute(
        "INSERT INTO procrastinate_jobs (queue_name, task_name, args, scheduled_at) VALUES "
        "(%(queue)s, %(task)s, jsonb_build_object('feeds', jsonb_build_array(%(feed)s::text), "
        "'attempts', %(attempts)s::int, 'at', now()), %(when)s)",
        {"queue": QUEUE, "task": TASK, "feed": feed, "attempts": attempts, "when": when})


# The feeds of a job to fetch now: those it holds, with their fetch states, minus those
# checked since it was queued (stored by an earlier run of the job: a worker killed mid-job)
# and those handed to a retry job since.
_TO_FETCH = f"""
SELECT f.name AS feed, f.url AS feed_url, f.definition, s.*
  FROM feed f LEFT JOIN source_state s ON s.name = f.name
 WHERE f.name = ANY(%(feeds)s)
   AND (s.checked_at IS NULL OR s.checked_at::timestamptz < %(at)s::timestamptz)
   AND NOT EXISTS (SELECT 1 FROM procrastinate_jobs k
                    WHERE k.id > %(job)s AND k.status IN ('todo', 'doing')
                      AND k.queue_name = '{QUEUE}' AND k.scheduled_at IS NOT NULL
                      AND k.args -> 'feeds' ? f.name)"""


def to_fetch(conn: psycopg.Connection[Any], job: int, feeds: Sequence[str],
             at: str) -> list[dict[str, Any]]:
    """The rows (feed name, URL, definition, fetch state) of the feeds `job` should fetch now,
    in its order."""
    found = conn.execute(_TO_FETCH, {"feeds": list(feeds), "at": at, "job": job}).fetchall()
    order = {name: k for k, name in enumerate(feeds)}
    return sorted(found, key=lambda row: order[row["feed"]])


def pending(conn: psycopg.Connection[Any], names: Sequence[str]) -> list[str]:
    """The feeds of `names` that a job holds (queued, running or waiting to be retried)."""
    rows = conn.execute(f"SELECT DISTINCT name FROM ({_HELD}) held WHERE name = ANY(%s)",
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

