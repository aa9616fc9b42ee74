"""The one HTTP client of a run: limits, politeness, redirects, retries, caps.

Redirects are followed here, not by httpx, so that every hop is checked against the SSRF
rule (and `file://` is refused). Bodies are streamed raw and decoded by `guard.Decoder`, which
enforces the size cap on the *decoded* bytes while they arrive.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from digest.models import FetchSettings

from ..encoding import decode
from .guard import Decoder, FetchFailure, Guard, Lookup, Resolver, Robots, TooLarge
from .parsepool import Parser
from .transport import CONNECT_TO, LeanTransport, socket_budget
from .urls import credentials, host_of, is_loopback, origin_key, resolve

if TYPE_CHECKING:  # (httpx loads with the first answer: transport.preload)
    import httpx

RETRY_BACKOFF = 0.25  # seconds before the first retry; doubles each time, with jitter
RETRY_AFTER_WAIT = 2.0  # a Retry-After this short is waited out; longer ones end the fetch
_REDIRECTS = {301, 302, 303, 307, 308}
_PERMANENT = {301, 308}
_TRANSIENT_STATUS = {500, 502, 503, 504, 429}


@dataclass
class Response:
    """A whole answer: its final URL, status, headers and (decoded, bounded) body."""

    url: str  # final URL, after redirects
    status: int
    headers: httpx.Headers
    body: bytes = b""
    permanent_url: str | None = None  # where an all-permanent redirect chain ended
    redirects: list[str] = field(default_factory=list)

    @property
    def content_type(self) -> str:
        return str(self.headers.get("content-type", ""))

    def text(self) -> str:
        return decode(self.body, self.content_type)[0]


def _describe(exc: Exception) -> tuple[str, bool]:
    """(one-line reason, transient?) for a transport exception."""
    import httpx

    if isinstance(exc, httpx.ConnectTimeout):
        return "connect timeout", True
    if isinstance(exc, httpx.ReadTimeout):
        return "read timeout", True
    if isinstance(exc, httpx.PoolTimeout):
        return "connection pool timeout", True
    if isinstance(exc, httpx.WriteTimeout):
        return "write timeout", True
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect: {exc or 'connection refused'}", True
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"connection closed by server: {exc or 'protocol error'}", True
    if isinstance(exc, httpx.ReadError):
        return f"connection reset: {exc or 'read error'}", True
    if isinstance(exc, httpx.UnsupportedProtocol):
        return f"unsupported protocol: {exc}", False
    return f"{type(exc).__name__}: {exc}", isinstance(exc, httpx.TransportError)


def _merged(defaults: Sequence[tuple[str, str]],
            headers: Mapping[str, str]) -> list[tuple[str, str]]:
    """The client's headers, then the request's own, each of these replacing a client header
    of the same name (httpx.Headers.update: the replaced one goes, the new one comes last)."""
    own = {name.lower() for name in headers}
    return [*((k, v) for k, v in defaults if k.lower() not in own), *headers.items()]


async def _raw_chunks(raw: httpx.Response) -> AsyncIterator[bytes]:
    if raw.is_stream_consumed:
        return
    async for chunk in raw.aiter_raw():
        yield chunk


class HttpClient:
    """Owns the transport and every limit. Use as `async with HttpClient(...) as http:`."""

    def __init__(self, settings: FetchSettings, *,
                 transport: httpx.AsyncBaseTransport | LeanTransport | None = None,
                 clock: Callable[[], datetime],
                 parser: Parser,
                 lookup: Lookup | None = None) -> None:
        self.settings = settings
        self.parser = parser  # the run's feed parser travels with its client (closed by its maker)
        self.clock = clock
        self.resolver = Resolver(lookup)
        # (requests in flight, idle connections kept): within the file-descriptor limit
        self.concurrency, idle = socket_budget(max(1, settings.concurrency))
        if transport is None:
            transport = LeanTransport(connect_timeout=settings.connect_timeout,
                                      read_timeout=settings.read_timeout, max_idle=idle)
        self._transport = transport
        # Each request goes straight to the transport, as an httpx.AsyncClient (no redirects
        # followed, no proxy from the environment, no cookies) would send it: its headers in
        # its order (Host first, then these, then the request's own) and its timeouts. The
        # client's own work (the URL merged with no base, a cookie jar asked twice, the auth
        # and redirect machinery) was 110 µs of each request's 370 in this process, a third
        # of a warm fetch's requests (500 answered 304), which wait on it one after another.
        self._headers = (("Accept", "*/*"), ("Connection", "keep-alive"),
                         ("User-Agent", settings.user_agent),
                         ("Accept-Encoding", "gzip, deflate, br"))
        settings.user_agent.encode("ascii")  # (one httpx cannot send fails here, as ever)
        self._timeout = {"connect": settings.connect_timeout, "read": settings.read_timeout,
                         "write": settings.read_timeout, "pool": settings.total_timeout}
        self._global = asyncio.Semaphore(self.concurrency)
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._next_slot: dict[str, float] = {}
        self.requests = 0
        self.robots = Robots(settings.user_agent, self._robots_text)

    async def __aenter__(self) -> HttpClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._transport.aclose()

    # ── public ──────────────────────────────────────────────────────────────

    async def get(self, url: str, guard: Guard, *, headers: Mapping[str, str] | None = None,
                  page: bool = False) -> Response:
        """GET `url` within the total timeout, following redirects and retrying transient
        failures. Returns 2xx and 304 responses; raises FetchFailure for everything else.
        `page=True` applies robots.txt (pages, not feeds)."""
        total = self.settings.total_timeout
        try:
            async with asyncio.timeout(total):
                return await self._get_with_retries(url, guard, headers or {}, page)
        except TimeoutError:
            raise FetchFailure(f"total timeout: no complete answer within {total:g}s",
                               transient=True) from None

    def done_with(self, host: str) -> None:
        """The run has no more source on `host`: its idle connections close now, while the
        run waits for others, not all at its end (a warm run's 106 closes at its end were
        ~11 ms of its wall). A later request to it (another source's page) opens a new one."""
        if isinstance(self._transport, LeanTransport):
            self._transport.close_idle(host)

    # ── internals ───────────────────────────────────────────────────────────

    async def _get_with_retries(self, url: str, guard: Guard, headers: Mapping[str, str],
                                page: bool) -> Response:
        if page:
            # The SSRF rule before robots.txt: a refused host's robots.txt is not fetched either.
            await guard.check(url)
            if not await self.robots.allowed(url, guard):
                raise FetchFailure(f"disallowed by robots.txt: {url}")
        attempt = 0
        while True:
            try:
                response = await self._follow(url, guard, headers)
            except FetchFailure as exc:
                if not exc.transient or attempt >= self.settings.retries:
                    raise
                await self._backoff(attempt)
                attempt += 1
                continue
            if response.status < 300 or response.status == 304:
                return response
            failure = self._status_failure(response)
            if (failure.transient and attempt < self.settings.retries
                    and self._short_wait(failure) is not None):
                await asyncio.sleep(self._short_wait(failure) or 0.0)
                attempt += 1
                continue
            raise failure

    def _short_wait(self, failure: FetchFailure) -> float | None:
        """Seconds to wait before retrying a transient status; None if we must not retry now."""
        if failure.retry_at is None:
            return self._backoff_seconds(0)
        wait = (failure.retry_at - self.clock()).total_seconds()
        return max(0.0, wait) if wait <= RETRY_AFTER_WAIT else None

    def _status_failure(self, response: Response) -> FetchFailure:
        status = response.status
        import httpx

        from .dates import retry_after  # (email.utils: with the first failure or document)

        reason = httpx.codes.get_reason_phrase(status) or "error"
        when = retry_after(response.headers.get("retry-after"), self.clock())
        if status == 410:
            return FetchFailure(f"HTTP 410 {reason}: the source is gone", http_status=410,
                                gone=True)
        if status in (429, 503) and when is not None:
            return FetchFailure(
                f"HTTP {status} {reason}: retry after {when.isoformat(timespec='seconds')}",
                http_status=status, retry_at=when, transient=True)
        return FetchFailure(f"HTTP {status} {reason}", http_status=status,
                            transient=status in _TRANSIENT_STATUS)

    def _backoff_seconds(self, attempt: int) -> float:
        import random  # (with the first retry: not before a run's first request)

        return float(RETRY_BACKOFF * (2 ** attempt) * random.uniform(0.5, 1.5))

    async def _backoff(self, attempt: int) -> None:
        await asyncio.sleep(self._backoff_seconds(attempt))

    async def _follow(self, url: str, guard: Guard, headers: Mapping[str, str]) -> Response:
        seen: list[str] = []
        permanent = True
        # A user and password written in the URL (a private feed) go as Basic authorization,
        # to the URL's own origin only: never to a host a redirect names, never in clear
        current, auth = credentials(url)
        home = origin_key(current) if auth else None
        if auth and home and home[0] != "https" and not is_loopback(home[1]):
            raise FetchFailure(f"refusing to send the password in the URL in clear to {home[1]}: "
                               "use an https:// URL")
        while True:
            pinned = await guard.check(current)
            sent = {**headers, "Authorization": auth} if auth and origin_key(current) == home \
                else headers
            response = await self._once(current, sent, pinned)
            if response.status not in _REDIRECTS:
                response.redirects = seen
                if seen and permanent and not auth:  # (the URL written keeps its password:
                    response.permanent_url = current  # a moved one would lose it)
                return response
            location = resolve(current, response.headers.get("location"))
            if not location:
                raise FetchFailure(f"HTTP {response.status} redirect without a Location",
                                   http_status=response.status)
            permanent = permanent and response.status in _PERMANENT
            seen.append(current)
            if location in seen or location == current:
                raise FetchFailure(f"redirect loop via {location[:120]}",
                                   http_status=response.status)
            if len(seen) > self.settings.max_redirects:
                raise FetchFailure(f"too many redirects (more than "
                                   f"{self.settings.max_redirects})",
                                   http_status=response.status)
            current = location

    async def _once(self, url: str, headers: Mapping[str, str],
                    pinned: tuple[str, ...] | None) -> Response:
        host = host_of(url)
        per_host = self._hosts.setdefault(host, asyncio.Semaphore(max(1, self.settings.per_host)))
        # Per-host slot first: a request waiting for its host must not hold a global slot
        # (that would let one busy host starve every other).
        async with per_host, self._global:
            await self._wait_turn(host)
            self.requests += 1
            try:
                return await self._stream(url, headers, pinned)
            except Exception as exc:
                import httpx

                if isinstance(exc, httpx.InvalidURL):  # (a tab in it, a host no lookup takes)
                    raise FetchFailure(f"invalid URL {url[:120]!r}: {exc}") from exc
                if not isinstance(exc, httpx.HTTPError):
                    raise
                reason, transient = _describe(exc)
                raise FetchFailure(reason, transient=transient) from exc

    async def _wait_turn(self, host: str) -> None:
        """Space requests to one host by per_host_delay. The slot is taken when the request
        actually goes, not reserved ahead: after a stall of the event loop (a big document
        parsed inline, a first connection's imports) reserved slots would all be due at once."""
        delay = self.settings.per_host_delay
        if delay <= 0:
            return
        while (wait := self._next_slot.get(host, 0.0) - time.monotonic()) > 0:
            await asyncio.sleep(wait)
        self._next_slot[host] = time.monotonic() + delay

    async def _stream(self, url: str, headers: Mapping[str, str],
                      pinned: tuple[str, ...] | None) -> Response:
        cap = self.settings.max_bytes
        # The transport connects to exactly the addresses the guard vetted (Host and TLS SNI
        # stay the URL's host name): no second DNS lookup, no rebinding window.
        extensions: dict[str, object] = {"timeout": self._timeout}
        if pinned:
            extensions[CONNECT_TO] = pinned
        sent = _merged(self._headers, headers)
        if isinstance(self._transport, LeanTransport):  # (the same bytes, without httpx.Request)
            raw = await self._transport.get(url, sent, pinned or ())
        else:
            import httpx

            raw = await self._transport.handle_async_request(
                httpx.Request("GET", url, headers=sent, extensions=extensions))
        try:
            response = Response(url=url, status=raw.status_code, headers=raw.headers)
            if raw.status_code in _REDIRECTS or raw.status_code == 304:
                return response  # bodies of these are never used; don't read them
            if raw.status_code >= 400:
                return response  # error pages are not worth their bytes
            declared = raw.headers.get("content-length", "")
            decoder = Decoder(raw.headers.get("content-encoding"))
            if declared.isdigit() and decoder.coding is None and int(declared) > cap:
                raise TooLarge(f"body of {int(declared):,} bytes over the {cap:,}-byte cap")
            chunks: list[bytes] = []
            size = 0
            try:
                if raw.is_stream_consumed:  # a transport that hands over a read response
                    chunks = [decoder.feed(raw.content, cap)] if raw.content else []
                async for chunk in _raw_chunks(raw):
                    out = decoder.feed(chunk, cap - size)
                    size += len(out)
                    chunks.append(out)
            except TooLarge:
                what = f"{decoder.coding}-decoded body" if decoder.coding else "body"
                raise TooLarge(f"{what} over the {cap:,}-byte cap (stopped while "
                               "streaming)") from None
            response.body = b"".join(chunks)
            return response
        finally:
            await raw.aclose()

    async def _robots_text(self, url: str, guard: Guard) -> tuple[int, str]:
        response = await self._follow(url, guard, {})
        if response.status >= 300:
            return response.status, ""
        return response.status, response.text()[:500_000]
