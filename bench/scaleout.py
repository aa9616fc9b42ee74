"""Scale-out of distributed fetching: loopback feeds, a throwaway PostgreSQL, 1, 2 and 4
`digest worker` processes on this machine; first the planner's cost for 100,000 feeds.

    .venv/bin/python bench/scaleout.py                     # 10,000 feeds, 50 ms latency
    .venv/bin/python bench/scaleout.py --feeds 2000 --workers 1,2

Each round gets a fresh database, queues every feed (`digest fetch --enqueue`'s planner), starts
the workers and waits for the wave to drain. Throughput is feeds over the time from the first
request the servers saw to the last (worker start-up excluded; it is printed apart). The
planner's cost is its SQL alone: registering 100,000 feeds (then again, unchanged), selecting
the due ones, and a whole pass (selection + jobs) on an empty queue.
Needs PostgreSQL's server binaries (initdb, pg_ctl) and the digest[postgres] extra.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "tests" / "distributed"), str(ROOT)]

import pgkit  # noqa: E402
from farm import config_text, farm  # noqa: E402

from digest import distributed  # noqa: E402
from digest.config import load_config  # noqa: E402
from digest.models import Source  # noqa: E402


def wave(cluster: pgkit.Cluster, f: object, feeds: int, workers: int, concurrency: int,
         per_host: int) -> dict[str, float]:
    folder = Path(tempfile.mkdtemp(prefix="scaleout-"))
    path = folder / "sources.yaml"
    path.write_text(config_text("Scale", f, range(feeds), cluster.new_database(),  # type: ignore[arg-type]
                                per_host=per_host))
    config = load_config(path)
    distributed.enqueue(config, interval=3600)
    f.asked_after.clear()  # type: ignore[attr-defined]
    started = time.monotonic()
    procs = [subprocess.Popen([sys.executable, "-m", "digest", "worker", "--config", str(path),
                               "--concurrency", str(concurrency), "--drain", "-q"],
                              cwd=folder, stderr=subprocess.DEVNULL) for _ in range(workers)]
    left = distributed.wait_for_wave(config, 3600)
    drained = time.monotonic()
    for proc in procs:
        proc.wait(60)
    times = sorted(t for ts in f.asked_after.values() for t in ts)  # type: ignore[attr-defined]
    span = times[-1] - times[0]
    return {"workers": workers, "seconds": span, "rate": feeds / span,
            "startup": times[0] - started, "wall": drained - started, "left": len(left)}


def planner(cluster: pgkit.Cluster, feeds: int) -> dict[str, float]:
    """The planner's SQL on `feeds` feeds: the config sync (first, then unchanged), the due
    selection alone, and a pass (selection + jobs) on an empty queue; seconds each."""
    import psycopg

    from digest.distributed import plan
    from digest.store.postgres import PostgresStore

    url = cluster.new_database()
    PostgresStore(url).close()
    sources = [Source(name=f"feed-{n}", url=f"https://host{n % 1000}.example/feed/{n}.xml")
               for n in range(feeds)]
    names = [s.name for s in sources]
    seconds: dict[str, float] = {}
    with psycopg.connect(url, autocommit=True) as conn:
        plan.ensure_queue(conn)
        for step in ("register", "resync"):
            started = time.perf_counter()
            plan.register(conn, sources, 3600)
            seconds[step] = time.perf_counter() - started
        conn.execute("VACUUM ANALYZE feed")  # autovacuum's job on a real server
        started = time.perf_counter()
        due = plan.due(conn, names)
        seconds["due"] = time.perf_counter() - started
        started = time.perf_counter()
        done = plan.enqueue(conn, names)
        seconds["enqueue"] = time.perf_counter() - started
        jobs = conn.execute("SELECT count(*) FROM procrastinate_jobs").fetchone()
        seconds["jobs"] = float(jobs[0]) if jobs else 0.0
    assert due == done.enqueued == feeds
    return seconds


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--feeds", type=int, default=10_000)
    p.add_argument("--hosts", type=int, default=100)
    p.add_argument("--latency", type=float, default=0.05)
    p.add_argument("--workers", default="1,2,4")
    p.add_argument("--concurrency", type=int, default=32, help="jobs at a time per worker")
    p.add_argument("--per-host", type=int, default=4)
    p.add_argument("--plan-feeds", type=int, default=100_000)
    args = p.parse_args()
    counts = [int(w) for w in args.workers.split(",")]
    with pgkit.cluster() as cluster:
        cost = planner(cluster, args.plan_feeds)
        print(f"planner, {args.plan_feeds:,} feeds (SQL only): select + queue "
              f"{cost['enqueue']:.2f} s ({cost['jobs']:,.0f} jobs), the due selection alone "
              f"{cost['due']:.2f} s; config sync {cost['register']:.2f} s, unchanged "
              f"{cost['resync']:.2f} s", flush=True)
        rounds = []
        with farm(args.hosts, args.feeds, latency=args.latency) as f:
            for workers in counts:
                r = wave(cluster, f, args.feeds, workers, args.concurrency, args.per_host)
                rounds.append(r)
                print(f"{workers} worker(s): {args.feeds:,} feeds in {r['seconds']:.1f} s "
                      f"(start-up {r['startup']:.1f} s, wall {r['wall']:.1f} s, "
                      f"{r['left']:.0f} left)", flush=True)
    base = rounds[0]["rate"]
    print(f"\n{args.feeds:,} loopback feeds, {args.hosts} hosts, {args.latency * 1000:.0f} ms "
          f"latency, per_host {args.per_host}, concurrency {args.concurrency} per worker")
    for r in rounds:
        print(f"  {r['workers']:.0f} worker(s): {r['rate']:7.1f} feeds/s   "
              f"speed-up {r['rate'] / base:.2f}x")


if __name__ == "__main__":
    main()
