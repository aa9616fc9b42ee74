"""The run's own way into the transport (`LeanTransport.get`): the bytes an httpx.Request of
the same URL and headers would send, without building one for a URL httpx would not change."""

from __future__ import annotations

import asyncio
import random
import socket
import threading
from collections.abc import Iterator

import httpx
import pytest
from fetch_testkit import Reply, ScriptServer, rss

from digest.fetch import fetch_all
from digest.fetch.transport import CONNECT_TO, LeanTransport, plain_target
from digest.models import FetchSettings, FetchState, Source

EDGES = [
    "http://127.0.0.2:35767/feed/0.xml", "https://example.org/feed", "http://h", "http://h?q",
    "http://h/?", "http://h/a?", "http://H/x", "http://h:80/x", "https://h:443/x",
    "http://h:0080/x", "http://h:65536/", "http://1a2b3c4/", "http://999.1.1.1/",
    "http://h/a%2", "http://h/a%zz", "http://h/a%2Fb", "http://h/a b", "http://h/a?b c",
    "http://h/a?x=1&y=2/3?4", "http://h/a#f", "http://u@h/", "http://h./", "http://h/..//./x",
    "http://h/a/..", "http://h/.", "http://h/a/.b/..c", "http://h/a?/../x", "http://h/%2E%2E/x",
    "http://h/a;b=c", "http://h/~x", "http://h/é", "http://h:/x", "http://[::1]/", "HTTP://h/",
    "http://bücher.example/", "ftp://h/x",
]


def _httpx_target(url: str) -> tuple[str, str, int, str, str] | None:
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL:
        return None
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    return (parsed.scheme, parsed.host, port, parsed.netloc.decode("ascii"),
            parsed.raw_path.decode("ascii"))


def _urls() -> Iterator[str]:
    yield from EDGES
    chars = "abcEF019-._~!$&'()*+,;=:@/?%#[]{}|\\^`\" <>é./"
    rng = random.Random(13)
    for _ in range(20_000):
        yield (rng.choice(["http://", "https://"]) + rng.choice(["h", "a.b", "127.0.0.1", "H"])
               + rng.choice(["", ":80", ":443", ":8080"])
               + "".join(rng.choice(chars) for _ in range(rng.randint(0, 12))))


def test_a_plain_url_splits_as_httpx_splits_it() -> None:
    """Where plain_target answers, it says what httpx.URL says; it answers for the usual feed
    URL and leaves to httpx whatever httpx would rewrite or refuse."""
    answered = 0
    for url in _urls():
        target = plain_target(url)
        if target is None:
            continue
        answered += 1
        assert (target.scheme, target.host, target.port, target.netloc,
                target.path) == _httpx_target(url), url
    assert answered > 1000
    assert plain_target("http://127.0.0.2:35767/feed/0.xml?a=1") is not None
    for url in ("http://H/x", "http://h/a b", "http://h/a/../b", "http://h/a#f",
                "http://999.1.1.1/", "http://bücher.example/"):
        assert plain_target(url) is None, url


class _Recorder:
    """A server that records each request's bytes and answers 304."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.heads: list[bytes] = []
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                data = b""
                while b"\r\n\r\n" not in data:
                    data += conn.recv(65536)
                self.heads.append(data)
                conn.sendall(b"HTTP/1.1 304 Not Modified\r\nETag: \"e\"\r\n"
                             b"Connection: close\r\n\r\n")


@pytest.mark.parametrize("path", ["/feed/1.xml?x=1", "/a b/é", "/a/../b"])
def test_get_sends_what_the_httpx_request_would(path: str) -> None:
    recorder = _Recorder()
    url = f"http://127.0.0.1:{recorder.port}{path}"
    headers = [("Accept", "*/*"), ("User-Agent", "ua/1"), ("If-None-Match", '"e"')]

    async def both() -> list[int]:
        transport = LeanTransport(connect_timeout=2.0, read_timeout=2.0)
        lean = await transport.get(url, headers)
        through = await transport.handle_async_request(
            httpx.Request("GET", url, headers=headers, extensions={CONNECT_TO: ()}))
        for response in (lean, through):
            await response.aclose()
        await transport.aclose()
        return [lean.status_code, through.status_code]

    try:
        assert asyncio.run(both()) == [304, 304]
    finally:
        recorder.sock.close()
    assert len(recorder.heads) == 2 and recorder.heads[0] == recorder.heads[1]
    assert recorder.heads[0].startswith(b"GET /") and b"\r\nHost: 127.0.0.1:" in recorder.heads[0]


def test_a_plain_request_builds_no_httpx_request(server: ScriptServer,
                                                 settings: FetchSettings,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """A warm run's 304s go out without an httpx.Request each; a URL httpx would rewrite
    still goes through one (and is fetched all the same)."""
    built: list[str] = []
    real = httpx.Request

    def counting(method: str, url: str, **kwargs: object) -> httpx.Request:
        built.append(url)
        return real(method, url, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(httpx, "Request", counting)
    feed = rss([]).encode()
    plain = server.route("/plain.xml", Reply(200, feed, {"ETag": '"p"'}))
    server.route("/a%20b.xml", Reply(200, feed, {"ETag": '"q"'}))
    other = server.url("/a b.xml")
    sources = [Source("plain", plain), Source("other", other)]
    states = {s.name: FetchState(source=s.name, url=s.url, etag='"p"' if s.url == plain
                                 else '"q"') for s in sources}
    results = fetch_all(sources, states, settings)
    assert [r.status for r in results] == ["not_modified", "not_modified"]
    assert built == [other]


def _two_answers(first: bytes, second: bytes) -> tuple[socket.socket, int]:
    """A raw server on 127.0.0.1 (its socket and port) that answers each connection's first
    request with `first` and its second with `second`, exactly as written."""
    sock = socket.create_server(("127.0.0.1", 0))

    def serve() -> None:
        while True:
            try:
                conn, _ = sock.accept()
            except OSError:
                return
            with conn:
                answers = [first, second]
                while answers:
                    data = b""
                    while b"\r\n\r\n" not in data:
                        if not (got := conn.recv(65536)):
                            break
                        data += got
                    if not data:
                        break
                    conn.sendall(answers.pop(0))

    threading.Thread(target=serve, daemon=True).start()
    return sock, sock.getsockname()[1]


def _asked_twice(first: bytes, second: bytes) -> list[bytes | str]:
    """Two requests on one LeanTransport to a `_two_answers` server: each one's raw body, or
    the protocol error it raised."""
    sock, port = _two_answers(first, second)

    async def two() -> list[bytes | str]:
        transport = LeanTransport(connect_timeout=2.0, read_timeout=2.0)
        out: list[bytes | str] = []
        for path in ("/a", "/b"):
            try:
                response = await transport.get(f"http://127.0.0.1:{port}{path}", [])
                out.append(b"".join([chunk async for chunk in response.aiter_raw()]))
                await response.aclose()
            except httpx.RemoteProtocolError as exc:
                out.append(str(exc))
        await transport.aclose()
        return out

    try:
        return asyncio.run(two())
    finally:
        sock.close()


def test_conflicting_content_lengths_end_the_answer_and_its_connection() -> None:
    """Two Content-Length headers: the body was framed by the last one (5 bytes), and the
    rest of it was read as the next answer on the kept-alive connection: a second request
    got the response the first one's body carried."""
    smuggled = (b"HTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\nSMUGGLED")
    body = b"<rss>" + smuggled
    first = (b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nContent-Length: 5\r\n\r\n"
             % len(body) + body)
    honest = b"HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nhonest"
    got = _asked_twice(first, honest)
    assert got[0] == "conflicting Content-Length headers"
    assert got[1] != b"SMUGGLED"


def test_transfer_encoding_with_a_content_length_ends_its_connection() -> None:
    """Transfer-Encoding: chunked and a Content-Length on one answer: the body was read by its
    chunks (right), and the connection kept alive, so the bytes the server sent after the last
    chunk were read as the next answer (a second request got "SMUGGLED"; fetch42 noticed).
    RFC 9112 6.3: the connection is closed after such an answer."""
    smuggled = b"HTTP/1.1 200 OK\r\nContent-Length: 8\r\n\r\nSMUGGLED"
    first = (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n"
             b"5\r\n<rss>\r\n0\r\n\r\n" + smuggled)
    honest = b"HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nhonest"
    got = _asked_twice(first, honest)
    assert got == [b"<rss>", b"<rss>"]  # the second on a fresh connection, its own answer
