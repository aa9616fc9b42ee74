"""When each source's fetch starts: the hosts in turn (`in_turns`), the first wave at once and
the others a few at a time between the event loop's turns (`start_in_turns`)."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import Callable, Coroutine, Mapping, Sequence
from functools import partial
from typing import Any, TypeVar

_T = TypeVar("_T")
STAGGER = 16  # fetches started per turn of the event loop once the first wave has started
# Fetches started together at most, however wide the run (`concurrency` 128): the rest of the
# width fills STAGGER a turn while the first wave's connections open. Each start is ~0.3 ms of
# the event loop before any request is written: a first wave of 128 put a cold bench fetch's
# first request on the wire 106-144 ms after the fetch began, against 61-119 for 64 (first
# answer 179-236 against 124-223 ms; the first answers feed the parse workers).
FIRST_WAVE = 64
# Turns of the event loop from a fetch's start to its request on the wire, on a connection
# opened to a server on this machine: 6 (its first step, then asyncio's open_connection).
SEND_TURNS = 8


def in_turns(hosts: Sequence[str]) -> list[int]:
    """The order to start the fetches in, as indices of `hosts` (each source's host): the
    hosts in turn, each giving its next source (in input order) at its turn. Results keep
    the input order whatever this order is.

    A host's requests are spread over the run instead of started together: a host holds as
    few requests at once as the run's `concurrency` allows, and its next request reuses the
    connection its last one left kept alive. Started grouped by host, each host's first
    `per_host` requests went out together, each on a connection of its own: bench/commands.py's
    500 feeds on 50 hosts (concurrency 64, per_host 4) opened 200 connections, 101 in turns,
    and its warm fetch (every feed answers 304) went from its first request to its last
    response in 0.914x the time (0.552 -> 0.506 s, 12 alternating runs, all shorter). It is
    also the politer order: no host gets its `per_host` requests at once while others wait."""
    seen: Counter[str] = Counter()
    turns = []
    for index in sorted(range(len(hosts)), key=hosts.__getitem__):  # (stable: input order)
        turns.append((seen[hosts[index]], hosts[index], index))
        seen[hosts[index]] += 1
    return [index for *_, index in sorted(turns)]


async def start_in_turns(order: Sequence[int], first: int,
                         start: Callable[[int], Coroutine[Any, Any, _T]]
                         ) -> dict[int, asyncio.Task[_T]]:
    """A task for each index of `order` (`start(index)`), created in that order: the `first`
    (as many as may be on the wire at once, the run's concurrency, up to FIRST_WAVE) together,
    the others `STAGGER` at a time with a turn of the event loop between.

    Each new task runs a first step (~20 us: its guard, its timeout, up to the slot it waits
    for) as soon as it is created. Created all at once, the 436 sources after the first wave
    of bench/commands.py's warm run took their first steps before the loop could see the first
    wave's connections open, and so before it sent any of their requests; between the loop's
    turns, the first wave's connections and requests go out as the sockets are ready (its 64
    requests were out ~5 ms sooner). A later source could not have gone before them anyway:
    it waits for a slot they hold, and each source still joins the queue for its slots in
    this order. If the caller is cancelled meanwhile, the tasks made so far are cancelled."""
    tasks: dict[int, asyncio.Task[_T]] = {}
    try:
        for place, index in enumerate(order):
            if place >= first and (place - first) % STAGGER == 0:
                await asyncio.sleep(0)
            tasks[index] = asyncio.ensure_future(start(index))
    except BaseException:
        for task in tasks.values():
            task.cancel()
        raise
    return tasks


async def turns(count: int = SEND_TURNS) -> None:
    """Let the event loop run `count` turns: the fetches started go as far as they can (by
    `SEND_TURNS`, a first wave to servers on this machine is on the wire; one to distant
    servers is waiting for its connections)."""
    for _ in range(count):
        await asyncio.sleep(0)


def when_done(tasks: Mapping[int, asyncio.Task[_T]], hosts: Sequence[str],
              done: Callable[[str], object]) -> None:
    """Call `done(host)` once every task of `host` (`hosts` by index) is done."""
    left = Counter(hosts[index] for index in tasks)

    def finished(index: int, _: object) -> None:
        left[hosts[index]] -= 1
        if not left[hosts[index]]:
            done(hosts[index])

    for index, task in tasks.items():
        task.add_done_callback(partial(finished, index))
