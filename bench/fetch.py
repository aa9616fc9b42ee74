"""Fetch benchmark: N synthetic feeds behind artificial latency, fetched three ways.

    .venv/bin/python bench/fetch.py [--feeds 500] [--latency 50] [--hosts 50] [--skip-loop]

(a) a sequential loop of feedparser.parse(url) — how rss2email and Planet fetch;
(b) the `reader` library, update_feeds(workers=20);
(c) digest's fetch_all, cold, then warm with the states the cold run returned.

The feeds are spread over `--hosts` loopback addresses (127.0.0.2, 127.0.0.3, …), one
threaded server each, because real feeds live on many hosts and our per-host limit would
otherwise serialise everything onto one. Every response waits `--latency` ms; requests
with a matching If-None-Match or If-Modified-Since get a 304.
Bars (issue 3): cold ≥ 20× faster than (a) and ≥ 2× faster than (b); warm ≥ 95 % 304s.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digest.fetch import fetch_all
from digest.models import FetchSettings, Source

LAST_MODIFIED = format_datetime(datetime(2026, 3, 1, tzinfo=UTC), usegmt=True)


def make_feed(n: int, items: int = 20) -> bytes:
    start = datetime(2026, 3, 1, tzinfo=UTC)
    parts = [f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
             f'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
             f"<title>Feed {n}</title><link>http://example.org/{n}/</link>"
             f"<description>Synthetic feed {n}</description>"]
    body = " ".join(f"Paragraph text {k} of an article body that is long enough to count."
                    for k in range(12))
    for i in range(items):
        when = format_datetime(start - timedelta(hours=i), usegmt=True)
        parts.append(
            f"<item><title>Feed {n} story {i}</title>"
            f"<link>http://example.org/{n}/story-{i}</link>"
            f'<guid isPermaLink="false">feed-{n}-item-{i}</guid><pubDate>{when}</pubDate>'
            f"<description>Summary of story {i}.</description>"
            f"<content:encoded><![CDATA[<p>{body}</p><p>{body}</p>]]></content:encoded>"
            f"</item>")
    parts.append("</channel></rss>")
    return "".join(parts).encode()


class Stats:
    """Request counters shared with the server process."""

    def __init__(self) -> None:
        self.requests = multiprocessing.Value("l", 0)
        self.not_modified = multiprocessing.Value("l", 0)

    def count(self, not_modified: bool) -> None:
        with self.requests.get_lock():
            self.requests.value += 1
        if not_modified:
            with self.not_modified.get_lock():
                self.not_modified.value += 1

    def reset(self) -> None:
        self.requests.value = self.not_modified.value = 0


def make_handler(feeds: dict[str, bytes], latency: float, stats: Stats) -> type:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # http.server sends headers and body in two writes; with Nagle on, the body waits for
        # the client's delayed ACK (~40 ms) — an artefact no production server has.
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            time.sleep(latency)
            body = feeds.get(self.path)
            etag = f'"{self.path}-v1"'
            if body is None:
                stats.count(False)
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if (self.headers.get("If-None-Match") == etag
                    or self.headers.get("If-Modified-Since") == LAST_MODIFIED):
                stats.count(True)
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            stats.count(False)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            self.send_header("ETag", etag)
            self.send_header("Last-Modified", LAST_MODIFIED)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256


def serve(n_feeds: int, hosts: int, latency: float, stats: Stats, conn: Connection) -> None:
    """The server process: one threaded server per loopback host, until told to stop."""
    # Dozens of handler threads wake from their latency sleep at once; with the default 5 ms
    # GIL switch interval they queue behind each other and the server, not the client under
    # test, sets the pace. A short interval keeps the added latency close to --latency.
    sys.setswitchinterval(0.0002)
    feeds: dict[str, bytes] = {f"/feed/{i}.xml": make_feed(i) for i in range(n_feeds)}
    servers = []
    for h in range(hosts):
        server = Server((f"127.0.0.{h + 2}", 0), make_handler(feeds, latency, stats))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    conn.send([server.server_address[:2] for server in servers])
    conn.recv()  # any message: stop
    for server in servers:
        server.shutdown()
        server.server_close()


def start_servers(n_feeds: int, hosts: int, latency: float,
                  stats: Stats) -> tuple[list[str], Callable[[], None]]:
    """Servers run in their own process so their CPU work does not compete for the GIL with
    the fetcher being measured (it would slow every contender, and unevenly)."""
    parent, child = multiprocessing.Pipe()
    process = multiprocessing.Process(target=serve, args=(n_feeds, hosts, latency, stats, child),
                                      daemon=True)
    process.start()
    addresses = parent.recv()
    urls = []
    for i in range(n_feeds):
        address, port = addresses[i % hosts]
        urls.append(f"http://{address}:{port}/feed/{i}.xml")

    def stop() -> None:
        parent.send("stop")
        process.join(timeout=10)

    return urls, stop


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
    parser.add_argument("--skip-loop", action="store_true", help="estimate (a) from 20 feeds")
    args = parser.parse_args()
    stats = Stats()
    hosts = max(1, min(args.hosts, 250))
    urls, stop = start_servers(args.feeds, hosts, args.latency / 1000, stats)
    print(f"{args.feeds} feeds × 20 items on {hosts} loopback hosts, "
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
    requests, not_modified = stats.requests.value, stats.not_modified.value
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
