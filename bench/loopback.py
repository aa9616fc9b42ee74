"""Loopback feed servers for the fetch benchmarks: feeds shaped like real ones, their article
pages, added latency, conditional GETs. The servers run in their own process, so their CPU
work does not compete for the GIL with the fetcher being measured.

Shapes (each feed has `items` entries; `mixed` cycles through the four):

- `wordpress`: RSS 2.0 as WordPress writes it: `description` is a ~55-word excerpt ending in
  " [&#8230;]" plus "The post … appeared first on …"; `content:encoded` holds the whole
  article (figure, paragraphs, subheadings, links); dc:creator, categories, comments.
- `summary`: RSS 2.0 with a one- or two-sentence `description` (some ending "Continue
  reading →", some not) and no content: the article is on the page, served here too.
- `fulltext`: RSS 2.0 whose `description` carries the whole article (no content:encoded).
- `json`: JSON Feed 1.1 with `content_html` (the whole article) and a `summary`.

Article text and pages: the 181 real news pages of ../shared/bench/extraction/scrapinghub
(their ground-truth text fills the feeds; the page itself is what a summary-only item links to)
when that folder exists, else generated sentences in simple page markup.
Every response waits `latency`; a request whose If-None-Match or If-Modified-Since matches
gets a 304. Counters: feed requests, feed 304s, page requests.
"""

from __future__ import annotations

import json
import multiprocessing
import random
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from multiprocessing.connection import Connection
from pathlib import Path

SHAPES = ("wordpress", "summary", "fulltext", "json")
LAST_MODIFIED = format_datetime(datetime(2026, 3, 1, tzinfo=UTC), usegmt=True)
START = datetime(2026, 3, 1, tzinfo=UTC)
REAL = Path(__file__).resolve().parents[2] / "shared" / "bench" / "extraction" / "scrapinghub"


@dataclass(frozen=True)
class Story:
    paragraphs: tuple[str, ...]
    page: bytes  # the article's own web page


def _synthetic(count: int) -> list[Story]:
    rng = random.Random(3)
    words = ("council", "port", "budget", "river", "model", "chip", "vote", "league", "storm",
             "court", "trial", "grid", "rail", "harbour", "minister", "company", "report")
    stories = []
    for n in range(count):
        paragraphs = tuple(" ".join(
            " ".join(rng.choice(words) for _ in range(rng.randint(12, 22))).capitalize() + "."
            for _ in range(3)) for _ in range(rng.randint(6, 14)))
        body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
        page = (f"<!doctype html><html><head><title>Story {n}</title></head><body><nav><a "
                f"href='/'>Home</a></nav><article><h1>Story {n}</h1>{body}</article><footer>"
                f"© Example</footer></body></html>").encode()
        stories.append(Story(paragraphs, page))
    return stories


def load_stories() -> tuple[list[Story], str]:
    if not (REAL / "truth").is_dir():
        return _synthetic(181), "generated text (../shared/bench absent)"
    stories = []
    for truth in sorted((REAL / "truth").glob("*.txt")):
        text = truth.read_text(encoding="utf-8")
        paragraphs = tuple(p.strip() for p in text.split("\n") if len(p.strip()) > 40)
        if len(paragraphs) >= 3:
            stories.append(Story(paragraphs, (REAL / "html" / f"{truth.stem}.html").read_bytes()))
    return stories, f"{len(stories)} real news articles and pages (shared/bench scrapinghub)"


def _teaser(paragraphs: tuple[str, ...], words: int = 55) -> str:
    return " ".join(" ".join(paragraphs).split()[:words])


def _article_html(story: Story, link: str) -> str:
    parts = [f'<figure><img src="{link}/image.jpg" alt=""><figcaption>Photo: Staff</figcaption>'
             "</figure>"]
    for k, p in enumerate(story.paragraphs):
        if k and k % 5 == 0:
            parts.append(f"<h2>{escape(' '.join(p.split()[:6]))}</h2>")
        parts.append(f"<p>{escape(p)}</p>")
    return "".join(parts)


def make_feed(n: int, shape: str, base: str, stories: list[Story], items: int) -> bytes:
    site = f"{base}/site/{n}"
    entries = []
    for i in range(items):
        story = stories[(n * items + i) % len(stories)]
        link, title = f"{base}/p/{n}/{i}.html", f"Feed {n} story {i}"
        entries.append((i, story, link, title,
                        format_datetime(START - timedelta(hours=i), usegmt=True)))
    if shape == "json":
        return json.dumps({
            "version": "https://jsonfeed.org/version/1.1", "title": f"Feed {n}",
            "home_page_url": site, "items": [
                {"id": link, "url": link, "title": title, "summary": _teaser(s.paragraphs, 30),
                 "content_html": _article_html(s, link),
                 "date_published": (START - timedelta(hours=i)).isoformat(),
                 "authors": [{"name": "Staff"}]}
                for i, s, link, title, _ in entries]}).encode()
    out = [f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
           f'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
           f'xmlns:dc="http://purl.org/dc/elements/1.1/" '
           f'xmlns:slash="http://purl.org/rss/1.0/modules/slash/"><channel>'
           f"<title>Feed {n}</title><link>{site}</link><description>Feed {n}</description>"
           f"<language>en-US</language><generator>https://wordpress.org/?v=6.4</generator>"]
    for i, story, link, title, when in entries:
        head = (f"<item><title>{title}</title><link>{link}</link><dc:creator><![CDATA[Staff]]>"
                f"</dc:creator><pubDate>{when}</pubDate><category><![CDATA[News]]></category>")
        if shape == "wordpress":
            teaser = (f"<p>{escape(_teaser(story.paragraphs))} [&#8230;]</p><p>The post <a "
                      f'href="{link}">{title}</a> appeared first on <a href="{site}">Feed {n}'
                      f"</a>.</p>")
            body = (f'<guid isPermaLink="false">{site}/?p={i}</guid>'
                    f"<description><![CDATA[{teaser}]]></description>"
                    f"<content:encoded><![CDATA[{_article_html(story, link)}]]></content:encoded>"
                    f"<slash:comments>{i % 7}</slash:comments>")
        elif shape == "summary":
            more = " Continue reading &#8594;" if i % 2 else ""
            teaser = " ".join(story.paragraphs[0].split()[:40])
            body = (f'<guid isPermaLink="true">{link}</guid>'
                    f"<description><![CDATA[{escape(teaser)}{more}]]></description>")
        else:  # fulltext: the whole article in the description
            body = (f'<guid isPermaLink="true">{link}</guid>'
                    f"<description><![CDATA[{_article_html(story, link)}]]></description>")
        out.append(f"{head}{body}</item>")
    out.append("</channel></rss>")
    return "".join(out).encode()


class Stats:
    """Request counters shared with the server process."""

    def __init__(self) -> None:
        self._feeds = multiprocessing.Value("l", 0)
        self._not_modified = multiprocessing.Value("l", 0)
        self._pages = multiprocessing.Value("l", 0)

    def count(self, kind: str) -> None:
        counter = {"feed": self._feeds, "304": self._not_modified, "page": self._pages}[kind]
        with counter.get_lock():
            counter.value += 1

    def snapshot(self) -> dict[str, int]:
        return {"feeds": self._feeds.value + self._not_modified.value,
                "not_modified": self._not_modified.value, "pages": self._pages.value}

    def reset(self) -> None:
        self._feeds.value = self._not_modified.value = self._pages.value = 0


def make_handler(docs: dict[str, tuple[bytes, str]], latency: float, stats: Stats) -> type:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # http.server sends headers and body in two writes; with Nagle on, the body waits for
        # the client's delayed ACK (~40 ms), an artefact no production server has.
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: object) -> None:
            pass

        def _send(self, status: int, headers: dict[str, str], body: bytes = b"") -> None:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body:
                self.wfile.write(body)

        def do_GET(self) -> None:
            time.sleep(latency)
            path = self.path.split("?")[0]
            found = docs.get(path)
            if found is None:
                self._send(404, {})
                return
            body, ctype = found
            if path.startswith("/p/"):
                stats.count("page")
                self._send(200, {"Content-Type": ctype}, body)
                return
            etag = f'"{path}-v1"'
            if (self.headers.get("If-None-Match") == etag
                    or self.headers.get("If-Modified-Since") == LAST_MODIFIED):
                stats.count("304")
                self._send(304, {"ETag": etag})
                return
            stats.count("feed")
            self._send(200, {"Content-Type": ctype, "ETag": etag,
                             "Last-Modified": LAST_MODIFIED}, body)

    return Handler


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256


def feed_shape(n: int, shape: str) -> str:
    return SHAPES[n % len(SHAPES)] if shape == "mixed" else shape


def _serve(feeds: int, shape: str, items: int, hosts: int, latency: float, stats: Stats,
           conn: Connection) -> None:
    """The server process: one threaded server per loopback host, until told to stop."""
    # Dozens of handler threads wake from their latency sleep at once; with the default 5 ms
    # GIL switch interval they queue behind each other and the server sets the pace.
    sys.setswitchinterval(0.0002)
    stories, _ = load_stories()
    servers = [Server((f"127.0.0.{h + 2}", 0), BaseHTTPRequestHandler) for h in range(hosts)]
    bases = [f"http://{s.server_address[0]}:{s.server_address[1]}" for s in servers]
    per_host: list[dict[str, tuple[bytes, str]]] = [{} for _ in servers]
    for n in range(feeds):
        h, kind = n % hosts, feed_shape(n, shape)
        ctype = "application/feed+json" if kind == "json" else "application/rss+xml; charset=UTF-8"
        path = f"/feed/{n}.json" if kind == "json" else f"/feed/{n}.xml"
        per_host[h][path] = (make_feed(n, kind, bases[h], stories, items), ctype)
        for i in range(items):
            page = stories[(n * items + i) % len(stories)].page
            per_host[h][f"/p/{n}/{i}.html"] = (page, "text/html; charset=utf-8")
    for server, docs in zip(servers, per_host, strict=True):
        server.RequestHandlerClass = make_handler(docs, latency, stats)
        threading.Thread(target=server.serve_forever, daemon=True).start()
    urls = [f"{bases[n % hosts]}/feed/{n}.{'json' if feed_shape(n, shape) == 'json' else 'xml'}"
            for n in range(feeds)]
    conn.send(urls)
    conn.recv()  # any message: stop
    for server in servers:
        server.shutdown()
        server.server_close()


def start_servers(feeds: int, shape: str, latency: float, stats: Stats, *, items: int = 20,
                  hosts: int = 50) -> tuple[list[str], Callable[[], None]]:
    """Serve `feeds` feeds of `shape` on `hosts` loopback addresses (127.0.0.2, …), each
    response after `latency` seconds. Returns the feed URLs and a function that stops it."""
    parent, child = multiprocessing.Pipe()
    process = multiprocessing.Process(
        target=_serve, args=(feeds, shape, items, max(1, min(hosts, 250)), latency, stats,
                             child), daemon=True)
    process.start()
    urls: list[str] = parent.recv()

    def stop() -> None:
        parent.send("stop")
        process.join(timeout=10)

    return urls, stop
