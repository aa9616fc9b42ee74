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

httpx itself (~11 ms of imports) loads with the first answer (`answer.py`) or failure, not
before the first requests: a run loads it while they are in flight (`preload`).
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import re
import ssl
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

# Request extension: the vetted addresses to connect to, instead of resolving the host again.
CONNECT_TO = "digest.connect_to"
# (scheme, host, port, pinned addresses): a connection is reused only for the same addresses.
Origin = tuple[str, str, int, tuple[str, ...]]
_MAX_HEADER = 64 * 1024
MAX_IDLE = 256  # idle kept-alive connections across all hosts (file descriptors are finite)
# Descriptors a run holds besides its sockets: stdio, SQLite's database, WAL and shared-memory
# files, the run lock, the parse and cleaning workers' pipes, the fork server's: ~25 in
# bench/commands.py's cold fetch (500 feeds on 50 hosts, concurrency 128: 211 at its peak, 186
# of them sockets).
RESERVED_FDS = 64
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
class Conn:
    """An open connection, and whether it served a request before."""

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


def socket_budget(concurrency: int, max_idle: int = MAX_IDLE) -> tuple[int, int]:
    """(requests in flight, idle connections kept) within the process's file-descriptor soft
    limit (`ulimit -n`): a run holds at most one socket per request in flight plus the idle
    ones, and `RESERVED_FDS` besides. At Linux's default 1024, `concurrency` 128 and 256 idle
    (448 with the reserve) fit as they are; a lower limit (macOS starts shells at 256) shares
    what is left between the two instead of failing the run's last connections with
    "Too many open files"."""
    try:
        import resource  # (POSIX only: Windows has no such limit to share)
    except ImportError:
        return concurrency, max_idle
    soft, _ = resource.getrlimit(resource.RLIMIT_NOFILE)
    room = soft - RESERVED_FDS
    if soft == resource.RLIM_INFINITY or concurrency + max_idle <= room:
        return concurrency, max_idle
    in_flight = max(1, min(concurrency, room // 2))
    return in_flight, max(0, min(max_idle, room - in_flight))


def preload() -> None:
    """Import what reading the answers needs (httpx, ~11 ms): the run calls it once its first
    requests are out, while it waits for their answers."""
    from . import answer  # noqa: F401


class LeanTransport:
    """An httpx transport (`handle_async_request`, `aclose`, async context manager), which
    does not subclass httpx.AsyncBaseTransport so that it can be built and send its first
    requests before httpx is imported."""

    def __init__(self, *, connect_timeout: float, read_timeout: float,
                 max_idle_per_origin: int = 8, max_idle: int = MAX_IDLE) -> None:
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self._max_idle_origin = max_idle_per_origin
        self._max_idle = max_idle  # file descriptors are finite: idle sockets across all hosts
        self._idle: dict[Origin, list[Conn]] = {}
        self._idle_count = 0
        self._ssl: ssl.SSLContext | None = None

    def release(self, origin: Origin, conn: Conn) -> None:
        if (len(self._idle.get(origin, ())) >= self._max_idle_origin or self._max_idle < 1
                or conn.writer.is_closing()):
            conn.close()
            return
        if self._idle_count >= self._max_idle:
            self._evict_oldest()  # (which may take this origin's last one, and its entry)
        conn.reused = True
        # dicts keep insertion order: re-inserting makes this origin the most recently used
        idle = self._idle.pop(origin, [])
        idle.append(conn)
        self._idle[origin] = idle
        self._idle_count += 1

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

    async def _connect(self, origin: Origin) -> Conn:
        scheme, host, port, pinned = origin
        context = None
        if scheme == "https":
            self._ssl = self._ssl or _ssl_context()
            context = self._ssl
        try:
            async with asyncio.timeout(self.connect_timeout):
                reader, writer = await self._open(host, port, pinned, context)
        except TimeoutError:
            import httpx

            raise httpx.ConnectTimeout("connect timeout") from None
        except ssl.SSLError as exc:
            import httpx

            raise httpx.ConnectError(f"TLS error: {exc.reason or exc}") from exc
        except OSError as exc:
            import httpx

            raise httpx.ConnectError(exc.strerror or str(exc) or "connection failed") from exc
        except UnicodeError as exc:  # the lookup's IDNA encoding: "example..org", a 64-letter label
            import httpx

            raise httpx.InvalidURL(f"invalid host name {host[:100]!r} ({exc})") from exc
        return Conn(reader, writer)

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

    def _checkout(self, origin: Origin) -> Conn | None:
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
            import httpx

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
            except Exception as exc:
                from .answer import stale

                if not stale(exc):
                    raise
                conn.close()  # a kept-alive connection the server had closed: once more, fresh
        return await self._exchange(request, origin, await self._connect(origin), payload)

    async def _exchange(self, request: httpx.Request | None, origin: Origin, conn: Conn,
                        payload: bytes) -> httpx.Response:
        try:
            conn.writer.write(payload)
            await conn.writer.drain()
            async with asyncio.timeout(self.read_timeout):
                raw = await conn.reader.readuntil(b"\r\n\r\n")
                while raw[9:10] == b"1" and raw[9:12] != b"101":  # skip interim 1xx answers
                    raw = await conn.reader.readuntil(b"\r\n\r\n")
        except (TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError,
                ConnectionError, OSError) as exc:
            conn.close()
            import httpx

            if isinstance(exc, TimeoutError):
                raise httpx.ReadTimeout("read timeout") from None
            if isinstance(exc, asyncio.IncompleteReadError):
                raise httpx.RemoteProtocolError("server closed the connection without "
                                                "answering") from exc
            if isinstance(exc, asyncio.LimitOverrunError):
                raise httpx.RemoteProtocolError("response headers too large") from exc
            raise httpx.ReadError(str(exc) or type(exc).__name__) from exc
        from .answer import answer

        return answer(self, request, origin, conn, raw)

    def close_idle(self, host: str) -> None:
        """Close the idle connections to `host` (any port): the run is done with it."""
        for origin in [origin for origin in self._idle if origin[1] == host]:
            for conn in self._idle.pop(origin):
                conn.close()
                self._idle_count -= 1

    async def __aenter__(self) -> LeanTransport:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        for idle in self._idle.values():
            for conn in idle:
                conn.close()
        self._idle.clear()
        self._idle_count = 0
