"""What we agree to fetch: the SSRF rule, robots.txt, and bounded decompression.

The SSRF rule: only http/https, and never a loopback, private, link-local, metadata or
otherwise internal address (nor an IPv6 address embedding one), unless it is the very origin —
scheme, host *and* port — the user configured as the source (tests and intranet feeds live on
such hosts). A feed's links and redirects may lead back to that origin, never to a neighbour:
another port of the same host is another service (an admin panel, a database console).
"""

from __future__ import annotations

import asyncio
import socket
import zlib
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import brotli

from digest.errors import FetchError

from .urls import host_of, is_internal_ip, literal_ip, origin_key, origin_of

if TYPE_CHECKING:  # (urllib.robotparser imports urllib.request: with the first robots.txt)
    from urllib.robotparser import RobotFileParser


class FetchFailure(FetchError):
    """A failed request, with what the source state needs to know about it."""

    def __init__(self, message: str, *, http_status: int | None = None,
                 retry_at: datetime | None = None, gone: bool = False,
                 transient: bool = False) -> None:
        super().__init__(message)
        self.http_status = http_status
        self.retry_at = retry_at
        self.gone = gone
        self.transient = transient


class TooLarge(FetchFailure):
    pass


Lookup = Callable[[str], Awaitable[Sequence[str]]]  # host -> its addresses (a test seam)


class Resolver:
    """Host -> addresses, cached for the run. The addresses found here are the ones the SSRF
    rule vets *and* the ones the transport connects to, so a DNS answer that changes between
    the check and the connection (rebinding) cannot lead us to an internal address."""

    def __init__(self, lookup: Lookup | None = None) -> None:
        self._cache: dict[str, tuple[str, ...]] = {}
        self._lookup = lookup

    async def addresses(self, host: str) -> tuple[str, ...]:
        if host in self._cache:
            return self._cache[host]
        ip = literal_ip(host)
        if ip is not None:
            found: tuple[str, ...] = (ip,)
        elif self._lookup is not None:
            try:
                found = tuple(dict.fromkeys(str(a) for a in await self._lookup(host)))
            except OSError as exc:
                raise FetchFailure(f"cannot resolve host {host}: {exc}", transient=True) from exc
        else:
            loop = asyncio.get_running_loop()
            try:
                infos = await loop.getaddrinfo(host, None, type=socket.SOCK_STREAM)
            except (OSError, UnicodeError) as exc:
                raise FetchFailure(f"cannot resolve host {host}: {exc}", transient=True) from exc
            found = tuple(dict.fromkeys(str(info[4][0]) for info in infos))
        if not found:
            raise FetchFailure(f"cannot resolve host {host}: no addresses", transient=True)
        self._cache[host] = found
        return found


class Guard:
    """The SSRF rule for one source: its configured origin (scheme, host, port) is trusted,
    everything else must be a public address."""

    def __init__(self, source_url: str, resolver: Resolver) -> None:
        self.trusted = origin_key(source_url)
        self._resolver = resolver

    async def check(self, url: str) -> tuple[str, ...] | None:
        """Refuse `url` (FetchFailure) or return the vetted addresses the connection must use:
        None when there is nothing to pin (an IP literal, or the trusted configured host,
        which is connected to as the user named it)."""
        try:
            parts = urlsplit(url)
        except ValueError as exc:
            raise FetchFailure(f"refused malformed URL {url[:120]!r}") from exc
        scheme = parts.scheme.lower()
        if scheme not in ("http", "https"):
            raise FetchFailure(f"refused {scheme or 'scheme-less'} URL (only http/https): "
                               f"{url[:120]}")
        host = host_of(url)
        if not host:
            raise FetchFailure(f"refused URL without a host: {url[:120]}")
        if self.trusted is not None and origin_key(url) == self.trusted:
            return None
        addresses = await self._resolver.addresses(host)
        for address in addresses:
            if is_internal_ip(address):
                raise FetchFailure(
                    f"refused {host}: internal address {address} (only the configured "
                    "source's own scheme, host and port may be private)"
                )
        return None if literal_ip(host) is not None else addresses


class Robots:
    """robots.txt per origin, fetched once per run. Applied to pages, never to feeds
    (a feed is published to be polled)."""

    def __init__(self, user_agent: str,
                 fetch_text: Callable[[str, Guard], Awaitable[tuple[int, str]]]) -> None:
        self._agent = user_agent.split("/", 1)[0].strip() or "digest"
        self._fetch_text = fetch_text
        self._rules: dict[str, RobotFileParser | bool] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def allowed(self, url: str, guard: Guard) -> bool:
        """`guard` (the asking source's, which has already allowed `url`) also guards the
        robots.txt request, so it connects to the same vetted addresses."""
        origin = origin_of(url)
        lock = self._locks.setdefault(origin, asyncio.Lock())
        async with lock:
            if origin not in self._rules:
                self._rules[origin] = await self._load(origin, guard)
        rules = self._rules[origin]
        if isinstance(rules, bool):
            return rules
        return rules.can_fetch(self._agent, url)

    async def _load(self, origin: str, guard: Guard) -> RobotFileParser | bool:
        try:
            status, text = await self._fetch_text(origin + "/robots.txt", guard)
        except FetchFailure as exc:
            # RFC 9309: unreachable robots.txt means "assume complete disallow"; a missing
            # one (4xx) means everything is allowed.
            return bool(exc.http_status and 400 <= exc.http_status < 500)
        if 400 <= status < 500:
            return True
        if status >= 500:
            return False
        from urllib.robotparser import RobotFileParser

        parser = RobotFileParser()
        parser.parse(text.splitlines())
        return parser


class Decoder:
    """Content-Encoding decoding that never produces more than `room` bytes per call, so a
    gzip or brotli bomb is stopped at the cap instead of filling memory first."""

    def __init__(self, encoding: str | None) -> None:
        codings = [c.strip().lower() for c in (encoding or "").split(",") if c.strip()]
        codings = [c for c in codings if c != "identity"]
        if len(codings) > 1:
            raise FetchFailure(f"unsupported stacked Content-Encoding {encoding!r}")
        self.coding = codings[0] if codings else None
        self._zlib: zlib._Decompress | None = None
        self._brotli: brotli.Decompressor | None = None
        if self.coding in ("gzip", "x-gzip"):
            self._zlib = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif self.coding == "deflate":
            self._zlib = None  # decided on the first chunk: zlib-wrapped or raw
        elif self.coding == "br":
            self._brotli = brotli.Decompressor()
        elif self.coding is not None:
            raise FetchFailure(f"unsupported Content-Encoding {encoding!r}")

    def feed(self, data: bytes, room: int) -> bytes:
        if self.coding is None:
            if len(data) > room:
                raise TooLarge("body over the size cap")
            return data
        try:
            if self._brotli is not None:
                return self._feed_brotli(data, room)
            if self._zlib is None:  # deflate: most servers send zlib-wrapped, some raw
                wbits = zlib.MAX_WBITS if data[:1] and (data[0] & 0x0F) == 8 else -zlib.MAX_WBITS
                self._zlib = zlib.decompressobj(wbits)
            out = self._zlib.decompress(data, room + 1)
        except (zlib.error, brotli.error) as exc:
            raise FetchFailure(f"corrupt {self.coding} body: {exc}") from exc
        if len(out) > room:
            raise TooLarge("decompressed body over the size cap")
        return out

    def _feed_brotli(self, data: bytes, room: int) -> bytes:
        assert self._brotli is not None
        try:
            out: bytes = self._brotli.process(data, output_buffer_limit=room + 1)
        except TypeError:  # brotli < 1.2 has no limit: feed small slices instead
            pieces = []
            total = 0
            for i in range(0, len(data), 1024):
                piece = self._brotli.process(data[i:i + 1024])
                total += len(piece)
                if total > room:
                    raise TooLarge("decompressed body over the size cap") from None
                pieces.append(piece)
            return b"".join(pieces)
        if len(out) > room:
            raise TooLarge("decompressed body over the size cap")
        return out
