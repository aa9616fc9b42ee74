"""Fetch benchmark, in one process: N loopback feeds behind artificial latency, fetched three ways.

    .venv/bin/python bench/fetch.py [--feeds 500] [--latency 50] [--hosts 50] [--shape S]
                                    [--skip-loop]

(a) a sequential loop of feedparser.parse(url) — how rss2email and Planet fetch;
(b) the `reader` library, update_feeds(workers=20);
(c) digest's fetch_all, cold, then warm with the states the cold run returned.

This times the fetch stage alone, inside one process (no start-up, no cleaning, no store):
a diagnostic. What users wait for, the whole `digest fetch` command, is bench/commands.py.
Feeds come from bench/loopback.py (`--shape`: wordpress, summary, fulltext, json, mixed), spread
over `--hosts` loopback addresses (127.0.0.2, …), because real feeds live on many hosts and our
per-host limit would otherwise serialise everything onto one. Every response waits `--latency`
ms; requests with a matching If-None-Match or If-Modified-Since get a 304. digest runs with
full_text off here, so (c) fetches what (a) and (b) fetch: the feeds.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from loopback import SHAPES, Stats, start_servers

from digest.fetch import fetch_all
from digest.models import FetchSettings, Source


def run_loop(urls: list[str]) -> tuple[float, int]:
    import feedparser

    started = time.perf_counter()
    entries = sum(len(feedparser.parse(url).entries) for url in urls)
    return time.perf_counter() - started, entries


def run_reader(urls: list[str]) -> tuple[float, int]:
    from reader import make_reader

    with tempfile.TemporaryDirectory() as tmp:
        reader = make_reader(str(Path(tmp) / "reader.sqlite"))
        for url in urls:
            reader.add_feed(url)
        started = time.perf_counter()
        reader.update_feeds(workers=20)
        seconds = time.perf_counter() - started
        entries = reader.get_entry_counts().total or 0
        reader.close()
    return seconds, entries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--latency", type=float, default=50.0, help="milliseconds")
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--shape", choices=(*SHAPES, "mixed"), default="wordpress")
    parser.add_argument("--skip-loop", action="store_true", help="estimate (a) from 20 feeds")
    args = parser.parse_args()
    stats = Stats()
    urls, stop = start_servers(args.feeds, args.shape, args.latency / 1000, stats,
                               hosts=args.hosts)
    print(f"{args.feeds} {args.shape} feeds × 20 items on {args.hosts} loopback hosts, "
          f"{args.latency:g} ms latency per response")

    if args.skip_loop:
        sample = urls[:20]
        t, _ = run_loop(sample)
        loop_s, loop_n = t * len(urls) / len(sample), -1
        print(f"(a) feedparser loop    {loop_s:7.2f} s  (estimated from {len(sample)} feeds)")
    else:
        loop_s, loop_n = run_loop(urls)
        print(f"(a) feedparser loop    {loop_s:7.2f} s  {loop_n} entries")

    reader_s, reader_n = run_reader(urls)
    print(f"(b) reader workers=20  {reader_s:7.2f} s  {reader_n} entries")

    sources = [Source(name=f"feed-{i}", url=url, full_text=False) for i, url in enumerate(urls)]
    settings = FetchSettings()
    stats.reset()
    started = time.perf_counter()
    cold = fetch_all(sources, {}, settings)
    cold_s = time.perf_counter() - started
    cold_items = sum(len(r.items) for r in cold)
    cold_errors = [r.error for r in cold if r.status == "error"]
    print(f"(c) digest cold        {cold_s:7.2f} s  {cold_items} items, "
          f"{len(cold_errors)} errors {cold_errors[:1]}")

    states = {r.source.name: r.state for r in cold}
    stats.reset()
    started = time.perf_counter()
    warm = fetch_all(sources, states, settings)
    warm_s = time.perf_counter() - started
    served = stats.snapshot()
    requests, not_modified = served["feeds"], served["not_modified"]
    share = not_modified / max(1, requests)
    unchanged = sum(1 for r in warm if r.status == "not_modified")
    print(f"    digest warm        {warm_s:7.2f} s  {not_modified}/{requests} "
          f"requests answered 304 ({share:.1%}); {unchanged} sources not_modified")

    vs_loop, vs_reader = loop_s / cold_s, reader_s / cold_s
    print(f"ratios: cold vs loop {vs_loop:.1f}× (bar ≥ 20×), cold vs reader {vs_reader:.1f}× "
          f"(bar ≥ 2×), warm 304 share {share:.1%} (bar ≥ 95%)")
    ok = vs_loop >= 20 and vs_reader >= 2 and share >= 0.95
    print("bars:", "PASS" if ok else "FAIL")
    stop()


if __name__ == "__main__":
    main()
