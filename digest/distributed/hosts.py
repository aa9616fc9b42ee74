"""Politeness across machines: per-host request slots and Retry-After, kept in PostgreSQL.

One worker's HttpClient limits its own requests per host; many workers need a shared count.
A request holds one of the host's `per_host` slots, a session-level advisory lock
`(hashtext(host), slot)`, from before it is sent until its body is read, on a connection of
its own. A worker that dies (kill -9) closes its connections, and PostgreSQL releases its
slots at once: nothing is left to expire.

A 429 or 503 with Retry-After marks the host in `fetch_host` until that time: every worker
waits for it before its next request to the host (a short wait is waited out; a longer one is
answered, without any request, by a 503 with the remaining Retry-After, so the fetch stage
fails the source with `retry_at` and the job is retried then).
"""

from __future__ import annotations

import asyncio
import math
import random
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import httpx
from psycopg import AsyncConnection
from psycopg_pool import AsyncConnectionPool

from ..fetch.dates import retry_after

if TYPE_CHECKING:
    from ..fetch.transport import LeanTransport

POLL = 0.02  # seconds between two tries for a busy host's slot (with jitter)
SHORT_WAIT = 2.0  # a host's Retry-After this close is waited out; later ones end the fetch


@dataclass(frozen=True)
class Lease:
    host: str
    slot: int | None  # None: no request may go to the host before `until`
    until: datetime | None = None


class HostSlots:
    """Per-host slots for one worker process: a pool of connections, one per held slot."""

    def __init__(self, url: str, *, per_host: int, size: int,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.per_host = max(1, per_host)
        self.clock = clock
        self._pool = AsyncConnectionPool(url, min_size=0, max_size=max(1, size), open=False,
                                         kwargs={"autocommit": True})
        self._held: dict[tuple[str, int], AsyncConnection[Any]] = {}

    async def open(self) -> None:
        await self._pool.open()

    async def close(self) -> None:
        await self._pool.close()

    async def acquire(self, host: str) -> Lease:
        """A slot of `host`, once one is free and the host's Retry-After has passed."""
        while True:
            conn = await self._pool.getconn()
            try:
                cur = await conn.execute(
                    "SELECT (SELECT not_before FROM fetch_host WHERE host = %(h)s), "
                    "(SELECT s FROM generate_series(0, %(n)s - 1) s "
                    " WHERE pg_try_advisory_lock(hashtext(%(h)s), s) LIMIT 1)",
                    {"h": host, "n": self.per_host})
                row = await cur.fetchone()
            except BaseException:
                await self._pool.putconn(conn)
                raise
            not_before, slot = row if row else (None, None)
            wait = (not_before - self.clock()).total_seconds() if not_before else 0.0
            if slot is not None and wait <= 0:
                self._held[(host, slot)] = conn
                return Lease(host, slot)
            if slot is not None:
                await conn.execute("SELECT pg_advisory_unlock(hashtext(%s), %s)", (host, slot))
            await self._pool.putconn(conn)
            if wait > SHORT_WAIT:
                return Lease(host, None, not_before)
            await asyncio.sleep(wait if wait > 0 else POLL * random.uniform(0.5, 1.5))

    async def release(self, lease: Lease) -> None:
        if lease.slot is None:
            return
        conn = self._held.pop((lease.host, lease.slot), None)
        if conn is None:
            return
        try:
            await conn.execute("SELECT pg_advisory_unlock(hashtext(%s), %s)",
                               (lease.host, lease.slot))
        finally:
            await self._pool.putconn(conn)

    async def defer(self, host: str, until: datetime) -> None:
        """No worker sends a request to `host` before `until` (the later of two marks holds)."""
        async with self._pool.connection() as conn:
            await conn.execute(
                "INSERT INTO fetch_host (host, not_before) VALUES (%s, %s) ON CONFLICT (host) "
                "DO UPDATE SET not_before = greatest(fetch_host.not_before, excluded.not_before)",
                (host, until))


class _Released(httpx.AsyncByteStream):
    """A response body that gives its slot back when it is closed."""

    def __init__(self, inner: httpx.AsyncByteStream, slots: HostSlots, lease: Lease) -> None:
        self._inner, self._slots, self._lease = inner, slots, lease
        self._done = False

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._inner:
            yield chunk

    async def aclose(self) -> None:
        try:
            await self._inner.aclose()
        finally:
            if not self._done:
                self._done = True
                await self._slots.release(self._lease)


class SlotTransport(httpx.AsyncBaseTransport):
    """Wraps the fetch stage's transport: every request holds a host slot while it runs."""

    def __init__(self, inner: httpx.AsyncBaseTransport | LeanTransport,
                 slots: HostSlots) -> None:
        self._inner, self._slots = inner, slots

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.netloc.decode("ascii", "replace").lower()
        lease = await self._slots.acquire(host)
        if lease.slot is None:
            assert lease.until is not None
            remaining = max(1, math.ceil((lease.until - self._slots.clock()).total_seconds()))
            return httpx.Response(503, headers={"Retry-After": str(remaining)},
                                  request=request)
        try:
            response = await self._inner.handle_async_request(request)
            if response.status_code in (429, 503):
                when = retry_after(response.headers.get("retry-after"), self._slots.clock())
                if when is not None:
                    await self._slots.defer(host, when)
        except BaseException:
            await self._slots.release(lease)
            raise
        assert isinstance(response.stream, httpx.AsyncByteStream)
        return httpx.Response(response.status_code, headers=response.headers,
                              stream=_Released(response.stream, self._slots, lease),
                              extensions=response.extensions, request=request)

    async def aclose(self) -> None:
        await self._inner.aclose()
