"""Two worker processes and a planner over loopback feeds on many hosts: every feed fetched
once, no host ever sees more requests at once than `per_host`, Retry-After holds for every
worker, and a worker killed mid-wave loses and duplicates nothing."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import psycopg
import pytest
from conftest import Spawn, stop
from farm import config_text, farm

from digest import distributed
from digest.config import load_config
from digest.distributed import plan

pytestmark = pytest.mark.postgres
PER_HOST = 2


def test_two_workers_fetch_every_feed_once_politely(tmp_path: Path, pg_url: str,
                                                    spawn_worker: Spawn) -> None:
    feeds, hosts = 2000, 20
    with farm(hosts, feeds, busy={3: 2}) as f:
        path = tmp_path / "sources.yaml"
        path.write_text(config_text("Wave", f, range(feeds), pg_url, per_host=PER_HOST))
        config = load_config(path)
        plan = distributed.enqueue(config, interval=3600)
        assert plan.enqueued == feeds and plan.pending == ()
        again = distributed.enqueue(config, interval=3600)  # one pending job per feed at most
        assert again.enqueued == 0 and len(again.pending) == feeds
        # a slow heartbeat: on a loaded machine a live worker must never look dead here
        workers = [spawn_worker(path, concurrency=16, heartbeat=3) for _ in range(2)]
        assert distributed.wait_for_wave(config, 240) == []
        for w in workers:
            assert stop(w) == 0
        ok = f.fetched(200)
        assert len(ok) == feeds and set(ok.values()) == {1}  # every feed, once
        assert max(f.max_inflight.values()) <= PER_HOST, dict(f.max_inflight)
        told, wait = f.told_to_wait[3]  # the 503 + Retry-After: 2 of host 3
        later = [t - told for t in f.asked_after[3] if t > told]
        # Every worker waits once the 503's mark is in the store; until then (the worker that
        # got it has read it and written the mark) the other may still ask: a request already
        # holding the host's other slot, or one more while that worker's event loop is slow
        # (0.15 and 0.30 s after the 503 on a loaded machine). So: no request in the second
        # half of the wait, and the host asked again once it is over.
        early = [t for t in later if t < wait - 0.05]
        assert all(t < wait / 2 for t in early), early
        assert any(t >= wait - 0.05 for t in later)
    with psycopg.connect(pg_url) as conn:
        statuses = dict(conn.execute(
            "SELECT last_status, count(*) FROM source_state GROUP BY 1").fetchall())
        assert statuses == {"ok": feeds}
        assert conn.execute("SELECT count(*), count(DISTINCT (source, guid)) FROM article"
                            ).fetchone() == (feeds, feeds)
    # a second plan within the interval finds nothing due
    assert distributed.enqueue(config, interval=3600).not_due == feeds


def test_kill_9_mid_wave_loses_nothing_and_stores_nothing_twice(
        tmp_path: Path, pg_url: str, spawn_worker: Spawn) -> None:
    feeds, hosts = 300, 10
    with farm(hosts, feeds, items=2, latency=0.05) as f:
        path = tmp_path / "sources.yaml"
        path.write_text(config_text("Kill", f, range(feeds), pg_url, per_host=PER_HOST))
        config = load_config(path)
        # 30 jobs of 10 feeds: the killed worker's jobs are cut short mid-chunk
        assert distributed.enqueue(config, 3600, plan.Chunks(min_jobs=30, max_feeds=10)
                                   ).enqueued == feeds
        victim = spawn_worker(path, concurrency=8)
        deadline = time.monotonic() + 60
        while sum(f.fetched(200).values()) < feeds // 5 and time.monotonic() < deadline:
            time.sleep(0.05)
        os.kill(victim.pid, signal.SIGKILL)  # mid-wave, jobs in hand
        victim.wait()
        assert 0 < sum(f.fetched(200).values()) < feeds
        with psycopg.connect(pg_url) as conn:
            doing = conn.execute("SELECT count(*) FROM procrastinate_jobs "
                                 "WHERE status = 'doing'").fetchone()
        assert doing is not None and doing[0] > 0  # the dead worker's jobs, stuck for now
        survivor = spawn_worker(path, concurrency=8)
        assert distributed.wait_for_wave(config, 120) == []
        assert stop(survivor) == 0
        assert set(f.fetched(200)) == {f"/feed/{n}.xml" for n in range(feeds)}
        # fetched again: at most the 8 feeds in flight at the kill, never a chunk's stored ones
        assert sum(f.fetched(200).values()) <= feeds + 8, sum(f.fetched(200).values())
    with psycopg.connect(pg_url) as conn:
        assert conn.execute("SELECT count(*) FROM source_state WHERE last_status = 'ok'"
                            ).fetchone() == (feeds,)
        assert conn.execute("SELECT count(*), count(DISTINCT (source, guid)) FROM article"
                            ).fetchone() == (2 * feeds, 2 * feeds)
