"""Sockets a run holds: the transport's idle kept-alive connections, within its bound."""

from __future__ import annotations

import asyncio

import pytest
from fetch_testkit import Reply, ScriptServer, rss, rss_item

from digest.fetch.transport import LeanTransport

FEED = rss([rss_item("a", link="http://127.0.0.1/a")]).encode()


@pytest.mark.parametrize("max_idle", [0, 1])
def test_a_full_idle_pool_keeps_the_connection_just_released(server: ScriptServer,
                                                             max_idle: int) -> None:
    """With room for `max_idle` idle connections, two answers of one origin in a row: the
    second released evicts the first (the oldest, of the same origin: its entry went with it,
    which failed the source before), and the third request reuses it; with no room, each is
    closed and the next opens its own."""
    url = server.route("/f.xml", Reply(200, FEED))

    async def three() -> list[bool]:
        transport = LeanTransport(connect_timeout=2.0, read_timeout=2.0, max_idle=max_idle)
        first, second = await asyncio.gather(transport.get(url, []), transport.get(url, []))
        for response in (first, second):
            await response.aread()
            await response.aclose()
        third = await transport.get(url, [])
        await third.aread()
        await third.aclose()
        await transport.aclose()
        return [hit.peer in {h.peer for h in server.hits[:2]} for hit in server.hits[2:]]

    assert asyncio.run(three()) == [max_idle > 0]
