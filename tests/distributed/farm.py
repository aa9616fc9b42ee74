"""A farm of loopback feed hosts for the distributed-fetch tests and bench/scaleout.py.

`hosts` HTTP servers on 127.0.0.1 (one port each: each is a host to the per-host limits), feed n
on host n % hosts at /feed/n.xml, each with `items` entries whose text is the whole article.
Every response waits `latency` seconds. The servers count what a test must check: requests per
path and status, the most requests in flight on each host at once, and when each host was told
503 + Retry-After and when it was asked again. A host listed in `busy` answers its first
request 503 with `Retry-After: busy[host]`.
"""

from __future__ import annotations

import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

WORDS = ("council", "harbour", "budget", "river", "model", "chip", "vote", "league", "storm",
         "court", "grid", "rail", "minister", "company", "report", "bridge", "school")


def feed_xml(n: int, items: int, base: str) -> bytes:
    entries = []
    for i in range(items):
        words = [WORDS[(n * 7 + i * 3 + k) % len(WORDS)] for k in range(14)]
        body = (f"Feed {n} item {i} says the {' '.join(words[:7])} met on day {i + 1}. "
                f"The {' '.join(words[7:])} followed with figures for feed {n}.")
        entries.append(
            f"<item><title>Feed {n} item {i}: {words[0]} {words[1]}</title>"
            f"<link>{base}/story/{n}/{i}</link><guid>feed-{n}-item-{i}</guid>"
            f"<pubDate>Tue, 03 Mar 2026 {10 + i % 10:02d}:00:00 GMT</pubDate>"
            f"<description>&lt;p&gt;{body}&lt;/p&gt;</description></item>")
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed {n}</title>'
            f"<link>{base}/</link><description>Feed {n}</description>{''.join(entries)}"
            "</channel></rss>").encode()


class Farm:
    def __init__(self, hosts: int, feeds: int, *, items: int = 1, latency: float = 0.0,
                 busy: dict[int, int] | None = None) -> None:
        self.hosts, self.feeds, self.items, self.latency = hosts, feeds, items, latency
        self.busy = dict(busy or {})
        self.lock = threading.Lock()
        self.hits: Counter[tuple[int, str, int]] = Counter()  # (host, path, status)
        self.inflight: Counter[int] = Counter()
        self.max_inflight: Counter[int] = Counter()
        self.told_to_wait: dict[int, tuple[float, int]] = {}  # host -> (when, seconds)
        self.asked_after: dict[int, list[float]] = defaultdict(list)  # host -> request times
        self.servers: list[ThreadingHTTPServer] = []
        self._docs: dict[tuple[int, str], bytes] = {}

    def url(self, n: int) -> str:
        return f"{self.base(n % self.hosts)}/feed/{n}.xml"

    def base(self, host: int) -> str:
        return f"http://127.0.0.1:{self.servers[host].server_address[1]}"

    def fetched(self, status: int = 200) -> Counter[str]:
        """Requests answered `status`, by path."""
        out: Counter[str] = Counter()
        for (_, path, code), count in self.hits.items():
            if code == status:
                out[path] += count
        return out

    def _handler(self, host: int) -> type[BaseHTTPRequestHandler]:
        farm = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                return None

            def do_GET(self) -> None:
                path = self.path
                with farm.lock:
                    now = time.monotonic()
                    farm.asked_after[host].append(now)
                    farm.inflight[host] += 1
                    farm.max_inflight[host] = max(farm.max_inflight[host], farm.inflight[host])
                    wait = farm.busy.pop(host, None)
                    if wait is not None:
                        farm.told_to_wait[host] = (now, wait)
                try:
                    if farm.latency:
                        time.sleep(farm.latency)
                    body = farm._docs.get((host, path))
                    status = 503 if wait is not None else (200 if body is not None else 404)
                finally:
                    with farm.lock:  # counted out before the answer leaves: never over-counted
                        farm.inflight[host] -= 1
                        farm.hits[(host, path, status)] += 1
                headers = {"Content-Type": "application/rss+xml"}
                if wait is not None:
                    headers["Retry-After"] = str(wait)
                payload = body if status == 200 and body is not None else b""
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

        return Handler

    def start(self) -> None:
        for host in range(self.hosts):
            server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler(host))
            server.daemon_threads = True
            server.request_queue_size = 256
            self.servers.append(server)
            threading.Thread(target=server.serve_forever, daemon=True).start()
        for n in range(self.feeds):
            host = n % self.hosts
            self._docs[(host, f"/feed/{n}.xml")] = feed_xml(n, self.items, self.base(host))

    def stop(self) -> None:
        for server in self.servers:
            server.shutdown()
            server.server_close()


@contextmanager
def farm(hosts: int, feeds: int, **options: Any) -> Iterator[Farm]:
    f = Farm(hosts, feeds, **options)
    f.start()
    try:
        yield f
    finally:
        f.stop()


def config_text(title: str, farm: Farm, feeds: range, database: str, *, per_host: int,
                topics: str = "council") -> str:
    """A sources.yaml for `feeds` of the farm, on `database`."""
    lines = [f"newsletter: {{title: {title}, timezone: UTC, topics: [{topics}]}}",
             f"database: {database}",
             f"fetch: {{per_host: {per_host}, retries: 2, connect_timeout: 5, read_timeout: 10}}",
             "sources:"]
    lines += [f"  - {{name: feed-{n}, url: '{farm.url(n)}', full_text: false}}" for n in feeds]
    return "\n".join(lines) + "\n"
