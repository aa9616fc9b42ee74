"""A lean HTTP/1.1 transport for the run's HTTP client (`http.HttpClient`).

httpx's default transport (httpcore + anyio + h11) spends about 2.5 ms of CPU per request, which
is more than our feed parsing and is the bottleneck at hundreds of feeds. GET of a feed needs
much less: plain asyncio streams, keep-alive per origin, Content-Length / chunked / read-to-close
bodies. Everything above the socket (redirects, limits, caps, decoding) stays in http.py. The
exceptions are httpx's own, so callers cannot tell the difference.

Two ways in, one way out: `handle_async_request` (the httpx transport interface, for whoever
wraps this transport) and `get` (the run's own client), which writes the very bytes an
httpx.Request of the same URL and headers would, without building one when the URL is already
in the form httpx would put it in (`plain_target`): an httpx.Request (its URL parsed and
normalised, its headers encoded) was ~24 µs of each request's event-loop time.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import re
import ssl
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field

import httpx

# Request extension: the vetted addresses to connect to, instead of resolving the host again.
CONNECT_TO = "digest.connect_to"
# (scheme, host, port, pinned addresses): a connection is reused only for the same addresses.
Origin = tuple[str, str, int, tuple[str, ...]]
_MAX_HEADER = 64 * 1024
_NO_BODY = {204, 304}
_DEFAULT_PORT = {"http": 80, "https": 443}
# A URL already in the form httpx.URL would give it: a lower-case http(s) scheme, a lower-case
# ASCII host name or dotted IPv4 address (no user, no IPv6 literal), a port without leading
# zeros, a path and query of characters httpx leaves as they are (valid %XX escapes only),
# no fragment. httpx also removes "." and ".." path segments and validates IPv4-looking hosts
# with its own (loose) pattern: both are checked apart.
_PCHAR = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})"
_PLAIN_URL = re.compile(rf"(https?)://([a-z0-9.-]+)(?::([1-9][0-9]{{0,4}}))?"
                        rf"((?:/{_PCHAR}*)*)((?:\?(?:{_PCHAR}|[/?])*)?)")
_DOT_SEGMENT = re.compile(r"/\.\.?(?=/|$)")
_IPV4_STYLE = re.compile(r"^[0-9]+.[0-9]+.[0-9]+.[0-9]+$")  # (httpx's, "." unescaped)


@dataclass(frozen=True)
class Target:
    """Where a request goes and what its request line and Host header say."""

    scheme: str
    host: str
    port: int
    netloc: str  # the Host header: the host, and the port when it is not the scheme's
    path: str  # the request target: path and query


def plain_target(url: str) -> Target | None:
    """`url`'s Target, when httpx.URL would leave the URL as it is; None when it would change
    something (or refuse it): such a URL goes through httpx.Request, as any did before."""
    match = _PLAIN_URL.fullmatch(url)
    if match is None or _DOT_SEGMENT.search(match[4]):
        return None
    scheme, host, port_text, path, query = match.groups()
    if _IPV4_STYLE.match(host):
        try:
            ipaddress.IPv4Address(host)
        except ValueError:
            return None
    port = int(port_text) if port_text else _DEFAULT_PORT[scheme]
    if port > 65535:
        return None
    netloc = host if port == _DEFAULT_PORT[scheme] else f"{host}:{port}"
    return Target(scheme, host, port, netloc, (path or "/") + query)


@dataclass
class _Conn:
    reader: asyncio.StreamReader
    writer: asyncio.StreamWriter
    reused: bool = field(default=False)

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.writer.close()


def _ssl_context() -> ssl.SSLContext:
    try:
        import certifi

        return ssl.create_default_context(cafile=certifi.where())
    except ImportError:  # pragma: no cover - httpx depends on certifi
        return ssl.create_default_context()


class _Body(httpx.AsyncByteStream):
    """The response body, read lazily; the connection goes back to the pool when the body
    was read to its end on a keep-alive connection."""

    def __init__(self, transport: LeanTransport, origin: Origin, conn: _Conn,
                 length: int | None, chunked: bool, keep: bool) -> None:
        self._transport = transport
        self._origin = origin
        self._conn = conn
        self._length = length
        self._chunked = chunked
        self._keep = keep
        self._done = length == 0 and not chunked  # nothing to read: reusable as it is

    async def __aiter__(self) -> AsyncIterator[bytes]:
        read = self._transport.read_timeout
        reader = self._conn.reader
        try:
            if self._chunked:
                while True:
                    line = await self._timed(reader.readline(), read)
                    size = int(line.split(b";", 1)[0].strip() or b"0", 16)
                    if size == 0:
                        while (await self._timed(reader.readline(), read)).strip():
                            pass  # trailers
                        break
                    remaining = size
                    while remaining:
                        chunk = await self._timed(reader.read(min(remaining, 65536)), read)
                        if not chunk:
                            raise httpx.RemoteProtocolError("connection closed mid-chunk")
                        remaining -= len(chunk)
                        yield chunk
                    await self._timed(reader.readexactly(2), read)
            elif self._length is not None:
                remaining = self._length
                while remaining:
                    chunk = await self._timed(reader.read(min(remaining, 65536)), read)
                    if not chunk:
                        raise httpx.RemoteProtocolError(
                            f"connection closed with {remaining} bytes of the body missing")
                    remaining -= len(chunk)
                    yield chunk
            else:
                self._keep = False
                while chunk := await self._timed(reader.read(65536), read):
                    yield chunk
            self._done = True
        except ValueError as exc:
            raise httpx.RemoteProtocolError(f"malformed chunked body: {exc}") from exc
        except asyncio.IncompleteReadError as exc:
            raise httpx.RemoteProtocolError("connection closed mid-body") from exc
        except (ConnectionError, OSError) as exc:
            raise httpx.ReadError(str(exc) or type(exc).__name__) from exc

    @staticmethod
    async def _timed(awaitable: object, timeout: float | None) -> bytes:
        try:
            async with asyncio.timeout(timeout):
                return await awaitable  # type: ignore[misc, no-any-return]
        except TimeoutError:
            raise httpx.ReadTimeout("read timeout") from None

    async def aclose(self) -> None:
        if self._done and self._keep:
            self._transport.release(self._origin, self._conn)
        else:
            self._conn.close()


class LeanTransport(httpx.AsyncBaseTransport):
    def __init__(self, *, connect_timeout: float, read_timeout: float,
                 max_idle_per_origin: int = 8, max_idle: int = 256) -> None:
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self._max_idle_origin = max_idle_per_origin
        self._max_idle = max_idle  # file descriptors are finite: idle sockets across all hosts
        self._idle: dict[Origin, list[_Conn]] = {}
        self._idle_count = 0
        self._ssl: ssl.SSLContext | None = None

    def release(self, origin: Origin, conn: _Conn) -> None:
        idle = self._idle.setdefault(origin, [])
        if len(idle) >= self._max_idle_origin or conn.writer.is_closing():
            conn.close()
            return
        if self._idle_count >= self._max_idle:
            self._evict_oldest()
        conn.reused = True
        idle.append(conn)
        self._idle_count += 1
        # dicts keep insertion order: re-inserting makes this origin the most recently used
        self._idle[origin] = self._idle.pop(origin)

    def _evict_oldest(self) -> None:
        """Close an idle connection of the least recently used origin (a host we are done
        with, usually), rather than refusing to keep the one just released."""
        for origin, idle in self._idle.items():
            if idle:
                idle.pop(0).close()
                self._idle_count -= 1
                if not idle:
                    del self._idle[origin]
                return

    async def _connect(self, origin: Origin) -> _Conn:
        scheme, host, port, pinned = origin
        context = None
        if scheme == "https":
            self._ssl = self._ssl or _ssl_context()
            context = self._ssl
        try:
            async with asyncio.timeout(self.connect_timeout):
                reader, writer = await self._open(host, port, pinned, context)
        except TimeoutError:
            raise httpx.ConnectTimeout("connect timeout") from None
        except ssl.SSLError as exc:
            raise httpx.ConnectError(f"TLS error: {exc.reason or exc}") from exc
        except OSError as exc:
            raise httpx.ConnectError(exc.strerror or str(exc) or "connection failed") from exc
        return _Conn(reader, writer)

    @staticmethod
    async def _open(host: str, port: int, pinned: tuple[str, ...],
                    context: ssl.SSLContext | None,
                    ) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        """Connect to the pinned addresses in order (the first that answers), else to `host`.
        TLS verifies the certificate against the host name, whatever address we dialled."""
        sni = host if context else None
        if not pinned:
            return await asyncio.open_connection(host, port, ssl=context, server_hostname=sni,
                                                 limit=_MAX_HEADER)
        failure: OSError | None = None
        for address in pinned:
            try:
                return await asyncio.open_connection(address, port, ssl=context,
                                                     server_hostname=sni, limit=_MAX_HEADER)
            except ssl.SSLError:
                raise
            except OSError as exc:
                failure = exc
        assert failure is not None
        raise failure

    def _checkout(self, origin: Origin) -> _Conn | None:
        idle = self._idle.get(origin)
        while idle:
            conn = idle.pop()
            self._idle_count -= 1
            if not conn.writer.is_closing() and not conn.reader.at_eof():
                return conn
            conn.close()
        return None

    async def get(self, url: str, headers: Sequence[tuple[str, str]],
                  pinned: tuple[str, ...] = ()) -> httpx.Response:
        """GET `url` with `headers` (sent after Host, in this order), connecting to `pinned`
        (the CONNECT_TO extension): what `handle_async_request` of the httpx.Request of the
        same would send, byte for byte, and answer. The response has no `request`."""
        target = plain_target(url)
        if target is None or not all(name.isascii() and value.isascii()
                                     and name.lower() != "host" for name, value in headers):
            return await self.handle_async_request(
                httpx.Request("GET", url, headers=list(headers), extensions={CONNECT_TO: pinned}))
        head = [f"GET {target.path} HTTP/1.1", f"Host: {target.netloc}"]
        head.extend(f"{name}: {value}" for name, value in headers)
        payload = ("\r\n".join(head) + "\r\n\r\n").encode("ascii")
        return await self._send(None, (target.scheme, target.host, target.port, pinned),
                                payload)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        pinned = request.extensions.get(CONNECT_TO) or ()
        origin: Origin = (url.scheme, url.host, url.port or _DEFAULT_PORT.get(url.scheme, 80),
                          tuple(pinned))
        target = url.raw_path.decode("ascii")
        head = [f"{request.method} {target} HTTP/1.1"]
        head.extend(f"{k.decode('latin-1')}: {v.decode('latin-1')}"
                    for k, v in request.headers.raw)
        payload = ("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + (await request.aread())
        return await self._send(request, origin, payload)

    async def _send(self, request: httpx.Request | None, origin: Origin,
                    payload: bytes) -> httpx.Response:
        conn = self._checkout(origin)
        if conn is not None:
            try:
                return await self._exchange(request, origin, conn, payload)
            except (httpx.RemoteProtocolError, httpx.ReadError):
                conn.close()  # a kept-alive connection the server had closed: once more, fresh
        return await self._exchange(request, origin, await self._connect(origin), payload)

    async def _exchange(self, request: httpx.Request | None, origin: Origin, conn: _Conn,
                        payload: bytes) -> httpx.Response:
        try:
            conn.writer.write(payload)
            await conn.writer.drain()
            async with asyncio.timeout(self.read_timeout):
                raw = await conn.reader.readuntil(b"\r\n\r\n")
                while raw[9:10] == b"1" and raw[9:12] != b"101":  # skip interim 1xx answers
                    raw = await conn.reader.readuntil(b"\r\n\r\n")
        except TimeoutError:
            conn.close()
            raise httpx.ReadTimeout("read timeout") from None
        except asyncio.IncompleteReadError as exc:
            conn.close()
            raise httpx.RemoteProtocolError("server closed the connection without "
                                            "answering") from exc
        except asyncio.LimitOverrunError as exc:
            conn.close()
            raise httpx.RemoteProtocolError("response headers too large") from exc
        except (ConnectionError, OSError) as exc:
            conn.close()
            raise httpx.ReadError(str(exc) or type(exc).__name__) from exc
        lines = raw.decode("latin-1").split("\r\n")
        parts = lines[0].split(" ", 2)
        if len(parts) < 2 or not parts[0].startswith("HTTP/1.") or not _digits(parts[1]):
            conn.close()
            raise httpx.RemoteProtocolError(f"malformed status line {lines[0][:80]!r}")
        status = int(parts[1])
        headers: list[tuple[str, str]] = []
        for line in lines[1:]:
            if ":" in line:
                name, value = line.split(":", 1)
                headers.append((name.strip(), value.strip()))
        lowered = {k.lower(): v for k, v in headers}
        # As bytes: httpx would encode str values as ASCII and raise on any other byte (a
        # "charset=utfé" sank the source); given bytes, it decodes them as a browser does.
        raw_headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers]
        keep = parts[0] == "HTTP/1.1" and "close" not in lowered.get("connection", "").lower()
        chunked = "chunked" in lowered.get("transfer-encoding", "").lower()
        length_text = lowered.get("content-length", "")
        length = int(length_text) if _digits(length_text) else None
        if (request is not None and request.method == "HEAD") or status in _NO_BODY:
            length, chunked = 0, False
        body = _Body(self, origin, conn, length, chunked, keep)
        return httpx.Response(status, headers=raw_headers, stream=body, request=request,
                              extensions={"http_version": parts[0].encode("ascii")})

    async def aclose(self) -> None:
        for idle in self._idle.values():
            for conn in idle:
                conn.close()
        self._idle.clear()
        self._idle_count = 0


def _digits(text: str) -> bool:
    """ASCII digits only ("²" is a digit to str.isdigit, and int() refuses it)."""
    return text.isascii() and text.isdigit()
