"""The run's width: `concurrency` requests in flight across hosts (default 128), `per_host` (4)
to any one host whatever the width, and both within the process's file-descriptor limit
(`transport.socket_budget`). Counted at a real server on 127.0.0.1 and 127.0.0.2."""

from __future__ import annotations

import asyncio
import resource
import threading
import time
from collections import Counter
from collections.abc import Callable, Coroutine, Sequence
from typing import Any, TypeVar

import pytest
from fetch_testkit import Handler, Reply, ScriptServer, rss, rss_item, serving

from digest.fetch import fetch_all, runner
from digest.fetch.transport import MAX_IDLE, RESERVED_FDS, LeanTransport, socket_budget
from digest.fetch.turns import FIRST_WAVE
from digest.models import FetchSettings, Source

_T = TypeVar("_T")
FEED = rss([rss_item("a", link="http://127.0.0.1/a")]).encode()


class Width:
    """The most requests a server held at once, per host address and in all."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.lock = threading.Lock()
        self.now: Counter[str] = Counter()
        self.most: Counter[str] = Counter()

    def __call__(self, handler: Handler) -> Reply:
        host = handler.server.server_address[0]
        with self.lock:
            self.now[host] += 1
            self.now["all"] += 1
            for key in (host, "all"):
                self.most[key] = max(self.most[key], self.now[key])
        time.sleep(self.delay)  # (the client's next request waits for this one's answer,
        with self.lock:  # which is sent after the count went down)
            self.now[host] -= 1
            self.now["all"] -= 1
        return Reply(200, FEED)


def _run(settings: FetchSettings, width: Width, per_server: int) -> list[str]:
    """Fetch `per_server` sources from each of two servers; the statuses."""
    other = ScriptServer("127.0.0.2")
    with serving(ScriptServer()) as one, serving(other):
        sources = [Source(f"{name}{i}", srv.route(f"/{i}.xml", width))
                   for name, srv in (("a", one), ("b", other)) for i in range(per_server)]
        return [r.status for r in fetch_all(sources, {}, settings)]


def test_the_default_is_wider_and_each_host_still_gets_four_at_most() -> None:
    """128 in flight by default, per_host 4 and no delay as before: 16 sources on each of two
    hosts go 4 at a time to each host (8 at once in all), never more, whatever the width."""
    defaults = FetchSettings()
    assert (defaults.concurrency, defaults.per_host, defaults.per_host_delay) == (128, 4, 0.0)
    settings = FetchSettings(connect_timeout=2.0, read_timeout=2.0, total_timeout=5.0,
                             retries=0)
    width = Width(0.25)
    assert _run(settings, width, 16) == ["ok"] * 32
    assert width.most["127.0.0.1"] == width.most["127.0.0.2"] == 4
    assert width.most["all"] == 8


@pytest.mark.parametrize(("concurrency", "first"), [(128, FIRST_WAVE), (16, 16)])
def test_the_first_wave_is_the_width_up_to_64(server: ScriptServer,
                                              monkeypatch: pytest.MonkeyPatch,
                                              concurrency: int, first: int) -> None:
    """A run 128 wide starts 64 fetches together (the rest STAGGER a turn), as a run 64 wide
    did: the first requests are not held back by 64 more first steps."""
    asked: list[int] = []
    real = runner.start_in_turns

    async def noting(order: Sequence[int], wave: int,
                     start: Callable[[int], Coroutine[Any, Any, _T]]
                     ) -> dict[int, asyncio.Task[_T]]:
        asked.append(wave)
        return await real(order, wave, start)

    monkeypatch.setattr(runner, "start_in_turns", noting)
    url = server.route("/f.xml", Reply(200, FEED))
    settings = FetchSettings(connect_timeout=2.0, read_timeout=2.0, total_timeout=5.0,
                             retries=0, concurrency=concurrency)
    assert [r.status for r in fetch_all([Source("s", url)], {}, settings)] == ["ok"]
    assert asked == [first]


def test_a_low_descriptor_limit_narrows_the_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """Under a soft limit that leaves room for 6 sockets past the reserve, 3 go out at once
    (and 3 idle connections are kept), not the configured 16: each source still ends ok."""
    real = resource.getrlimit

    def limited(which: int) -> tuple[int, int]:
        soft, hard = real(which)
        return (RESERVED_FDS + 6, hard) if which == resource.RLIMIT_NOFILE else (soft, hard)

    monkeypatch.setattr(resource, "getrlimit", limited)
    assert socket_budget(16) == (3, 3)
    settings = FetchSettings(connect_timeout=2.0, read_timeout=2.0, total_timeout=5.0,
                             retries=0, concurrency=16, per_host=8)
    width = Width(0.1)
    assert _run(settings, width, 6) == ["ok"] * 12
    assert width.most["all"] == 3


@pytest.mark.parametrize(("soft", "expected"), [
    (1024, (128, MAX_IDLE)),  # Linux's default: as configured (128 + 256 + 64 = 448)
    (256, (96, 96)),  # macOS's: 192 sockets past the reserve, shared
    (RESERVED_FDS - 10, (1, 0)),  # no room at all: one request at a time, nothing kept idle
])
def test_socket_budget(monkeypatch: pytest.MonkeyPatch, soft: int,
                       expected: tuple[int, int]) -> None:
    monkeypatch.setattr(resource, "getrlimit", lambda which: (soft, soft))
    assert socket_budget(128) == expected


def test_no_descriptor_limit_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resource, "getrlimit",
                        lambda which: (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    assert socket_budget(1000, 500) == (1000, 500)


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
