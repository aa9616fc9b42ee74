"""Helpers of the fetch tests: a scriptable HTTP server on 127.0.0.1 (each path answers what
the test says: status, headers, body, delays, dripping, resets; every request is recorded),
and small feed/page builders. Imported by name (the conftest puts this folder on sys.path;
the module name is unique across the test tree)."""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    status: int = 200
    body: bytes | Iterable[bytes] = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the status line
    drip: float | None = None  # seconds between single bytes of the body
    reset: bool = False  # abort the connection (RST) instead of answering
    length: bool = True  # send Content-Length (when the body is bytes)
    chunked: bool = False  # Transfer-Encoding: chunked, one chunk per item of an iterable body


Route = Reply | Callable[["Handler"], Reply]


@dataclass
class Hit:
    path: str
    headers: dict[str, str]
    peer: int = 0  # the client's port: one per connection


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: ScriptServer

    def log_message(self, format: str, *args: object) -> None:  # quiet tests
        pass

    def do_GET(self) -> None:
        self.server.hits.append(Hit(self.path, {k.lower(): v for k, v in self.headers.items()},
                                    self.client_address[1]))
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
        if reply.chunked:
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for chunk in reply.body:
                self.wfile.write(b"%x;ext=1\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.write(b"0\r\nX-Trailer: yes\r\n\r\n")
            return
        self.close_connection = True
        self.send_header("Connection", "close")
        self.end_headers()
        for chunk in reply.body:
            self.wfile.write(chunk)


class ScriptServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default 5 drops SYNs when a test fetches many at once

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        super().__init__((host, port), Handler)
        self.host = host
        self.routes: dict[str, Route] = {}
        self.hits: list[Hit] = []

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, reply: Route) -> str:
        self.routes[path] = reply
        return self.url(path)

    def count(self, path: str) -> int:
        return sum(1 for hit in self.hits if hit.path == path)


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


@contextmanager
def serving(srv: ScriptServer) -> Iterator[ScriptServer]:
    """Serve `srv` on a background thread for the duration of the block, then shut it down."""
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()
        thread.join(timeout=5)
