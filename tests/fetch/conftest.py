"""A scriptable HTTP server on 127.0.0.1 for the fetch tests: each path answers what the test
says (status, headers, body, delays, dripping, resets), and every request is recorded."""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from digest.models import FetchSettings


@dataclass
class Reply:
    status: int = 200
    body: bytes | Iterable[bytes] = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line
    drip: float | None = None  # seconds between single bytes of the body
    reset: bool = False  # abort the connection (RST) instead of answering
    length: bool = True  # send Content-Length (when the body is bytes)


Route = Reply | Callable[["Handler"], Reply]


@dataclass
class Hit:
    path: str
    headers: dict[str, str]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: TestServer

    def log_message(self, format: str, *args: object) -> None:  # quiet tests
        pass

    def do_GET(self) -> None:
        self.server.hits.append(Hit(self.path, {k.lower(): v for k, v in self.headers.items()}))
        route = self.server.routes.get(self.path) or self.server.routes.get(
            self.path.split("?", 1)[0])
        reply = route(self) if callable(route) else route or Reply(404, b"not found")
        try:
            self._answer(reply)
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            self.close_connection = True

    def _answer(self, reply: Reply) -> None:
        if reply.delay:
            time.sleep(reply.delay)
        if reply.reset:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                       struct.pack("ii", 1, 0))
            self.connection.close()
            self.close_connection = True
            return
        etag = reply.headers.get("ETag")
        if etag and self.headers.get("If-None-Match") == etag and reply.status == 200:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(reply.status)
        for key, value in reply.headers.items():
            self.send_header(key, value)
        if isinstance(reply.body, bytes):
            if reply.length and reply.drip is None:
                self.send_header("Content-Length", str(len(reply.body)))
            else:
                self.close_connection = True
                self.send_header("Connection", "close")
            self.end_headers()
            if reply.drip is not None:
                for i in range(len(reply.body)):
                    self.wfile.write(reply.body[i:i + 1])
                    self.wfile.flush()
                    time.sleep(reply.drip)
            else:
                self.wfile.write(reply.body)
            return
        self.close_connection = True
        self.send_header("Connection", "close")
        self.end_headers()
        for chunk in reply.body:
            self.wfile.write(chunk)


class TestServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.routes: dict[str, Route] = {}
        self.hits: list[Hit] = []

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, reply: Route) -> str:
        self.routes[path] = reply
        return self.url(path)

    def count(self, path: str) -> int:
        return sum(1 for hit in self.hits if hit.path == path)


@pytest.fixture
def server() -> Iterator[TestServer]:
    srv = TestServer()
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join(timeout=5)


@pytest.fixture
def settings() -> FetchSettings:
    """Small timeouts and caps so the bad-input matrix stays fast."""
    return FetchSettings(connect_timeout=0.5, read_timeout=0.5, total_timeout=2.0,
                         max_bytes=1024 * 1024, retries=0, concurrency=16, per_host=8)


@pytest.fixture
def stalled_port() -> Iterator[int]:
    """A port whose accept queue is full, so a new connection never completes (connect
    timeout): a listener with backlog 0 that never accepts, plus connections filling it."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    fillers = []
    for _ in range(4):
        filler = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        filler.setblocking(False)
        try:
            filler.connect(("127.0.0.1", port))
        except BlockingIOError:
            pass
        fillers.append(filler)
    time.sleep(0.05)
    try:
        yield port
    finally:
        for filler in fillers:
            filler.close()
        listener.close()


def rss(items: Iterable[str], *, title: str = "Test feed", link: str = "http://127.0.0.1/",
        encoding: str = "utf-8", extra_ns: str = "") -> str:
    return (f'<?xml version="1.0" encoding="{encoding}"?>\n'
            f'<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            f'xmlns:dc="http://purl.org/dc/elements/1.1/"{extra_ns}><channel>'
            f"<title>{title}</title><link>{link}</link><description>d</description>"
            + "".join(items) + "</channel></rss>")


def rss_item(guid: str | None = None, *, title: str | None = "An item", link: str | None = None,
             description: str | None = "Short summary.", content: str | None = None,
             date: str | None = "Mon, 02 Mar 2026 10:00:00 GMT") -> str:
    parts = ["<item>"]
    if title is not None:
        parts.append(f"<title>{title}</title>")
    if link is not None:
        parts.append(f"<link>{link}</link>")
    if guid is not None:
        parts.append(f'<guid isPermaLink="false">{guid}</guid>')
    if description is not None:
        parts.append(f"<description><![CDATA[{description}]]></description>")
    if content is not None:
        parts.append(f"<content:encoded><![CDATA[{content}]]></content:encoded>")
    if date is not None:
        parts.append(f"<pubDate>{date}</pubDate>")
    parts.append("</item>")
    return "".join(parts)


LONG_TEXT = " ".join(f"Sentence number {i} of a full article body that is long enough."
                     for i in range(40))
ARTICLE_HTML = (
    "<!doctype html><html><head><title>Page title | Site</title>"
    '<meta property="og:title" content="The page headline">'
    '<meta property="article:published_time" content="2026-03-01T08:30:00+08:00">'
    '<link rel="canonical" href="https://example.org/canonical-story">'
    "</head><body><nav><a href='/'>Home</a></nav><article><h1>The page headline</h1>"
    + "".join(f"<p>Paragraph {i}: {LONG_TEXT[:300]}</p>" for i in range(6))
    + "</article></body></html>"
)
