"""The planner's SQL on a real database: a wave cut into chunks dealt host by host, a feed
held by one live job at most, a retry taking a feed out of its chunk."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise
from typing import Any

import pytest

from digest.models import Source

psycopg = pytest.importorskip("psycopg", reason="needs digest[postgres]")
plan = pytest.importorskip("digest.distributed.plan", reason="needs digest[postgres]")
pytestmark = pytest.mark.postgres


def feeds(n: int, hosts: int) -> list[Source]:
    return [Source(name=f"feed-{k:03d}", url=f"https://h{k % hosts}.example/{k}.xml",
                   include=("chips",) if k == 0 else ()) for k in range(n)]


def jobs(conn: Any) -> list[dict[str, Any]]:
    return [row["args"] for row in conn.execute(
        "SELECT args FROM procrastinate_jobs WHERE status = 'todo' ORDER BY id").fetchall()]


@pytest.fixture
def conn(pg_url: str) -> Any:
    from digest.store.postgres import PostgresStore

    store = PostgresStore(pg_url)
    plan.ensure_queue(store._conn)
    yield store._conn
    store.close()


def test_a_wave_is_cut_into_chunks_dealt_host_by_host(conn: Any) -> None:
    sources = feeds(60, hosts=6)
    plan.register(conn, sources, 3600)
    done = plan.enqueue(conn, [s.name for s in sources], plan.Chunks(min_jobs=4, max_feeds=50))
    assert done.enqueued == 60 and done.pending == ()
    queued = jobs(conn)
    assert [len(j["feeds"]) for j in queued] == [15] * 4  # 4 jobs (min_jobs), dealt evenly
    for j in queued:
        hosts = [int(name[5:]) % 6 for name in j["feeds"]]
        assert all(a != b for a, b in pairwise(hosts)), hosts
    assert sorted(n for j in queued for n in j["feeds"]) == [s.name for s in sources]
    # a bigger wave than min_jobs * max_feeds gets more jobs, never more than max_feeds each
    more = feeds(130, hosts=7)[60:]
    plan.register(conn, more, 3600)
    plan.enqueue(conn, [s.name for s in more], plan.Chunks(min_jobs=2, max_feeds=30))
    assert sorted(len(j["feeds"]) for j in jobs(conn)[4:]) == [23, 23, 24]
    # and a wave of fewer feeds than min_jobs: one feed a job
    few = feeds(133, hosts=7)[130:]
    plan.register(conn, few, 3600)
    plan.enqueue(conn, [s.name for s in few])
    assert [len(j["feeds"]) for j in jobs(conn)[7:]] == [1, 1, 1]


def test_a_feed_is_held_by_one_live_job_until_it_is_checked_or_handed_to_a_retry(
        conn: Any) -> None:
    sources = feeds(6, hosts=2)
    names = [s.name for s in sources]
    plan.register(conn, sources, 3600)
    assert plan.enqueue(conn, names, plan.Chunks(min_jobs=1)).enqueued == 6
    again = plan.enqueue(conn, names)  # a second planner: everything is held
    assert again.enqueued == 0 and list(again.pending) == names
    (row,) = conn.execute("SELECT id, args FROM procrastinate_jobs").fetchall()
    job, at = row["id"], row["args"]["at"]
    assert [r["feed"] for r in plan.to_fetch(conn, job, row["args"]["feeds"], at)] == \
        row["args"]["feeds"]
    first, second = row["args"]["feeds"][:2]
    # the first feed was stored by this job before its worker died; the second is handed
    # to a retry job: the job run again fetches neither
    conn.execute("INSERT INTO source_state (name, url, checked_at) VALUES (%s, 'u', %s)",
                 (first, (datetime.now(UTC) + timedelta(seconds=1)).isoformat()))
    plan.requeue(conn, second, datetime.now(UTC) + timedelta(minutes=5), 1)
    left = [r["feed"] for r in plan.to_fetch(conn, job, row["args"]["feeds"], at)]
    assert left == row["args"]["feeds"][2:]
    # the retry holds its feed: still pending, never queued twice
    conn.execute("DELETE FROM procrastinate_jobs WHERE id = %s", (job,))  # the chunk is done
    assert plan.pending(conn, names) == [second]
    assert plan.enqueue(conn, names).enqueued == 4  # the checked one is not due
    retry = conn.execute("SELECT args, scheduled_at FROM procrastinate_jobs "
                         "WHERE args -> 'feeds' ? %s AND scheduled_at IS NOT NULL",
                         (second,)).fetchone()
    assert retry["args"]["feeds"] == [second] and retry["args"]["attempts"] == 1


def test_a_definition_keeps_what_differs_from_the_defaults(conn: Any) -> None:
    sources = feeds(2, hosts=1)
    assert plan.source_definition(sources[1]) == {}
    assert plan.source_definition(sources[0]) == {"include": ("chips",)}
    plan.register(conn, sources, 60)
    row = conn.execute("SELECT name, url, definition FROM feed WHERE name = 'feed-000'"
                       ).fetchone()
    assert plan.source_of(row["name"], row["url"], row["definition"]) == sources[0]
    assert plan.host_key("HTTP://Example.org:8080/a?b") == "example.org:8080"
