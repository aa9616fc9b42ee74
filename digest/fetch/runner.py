"""fetch_sources: every source concurrently, each to a FetchResult whatever happens to it."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from digest.errors import internal_error
from digest.models import FetchResult, FetchSettings, FetchState, Source
from digest.periods import utcnow

from .guard import FetchFailure, Lookup
from .http import HttpClient
from .parsepool import Finish, load_parsing, make_parser
from .source import Known, Outcome, SourceFetch
from .transport import LeanTransport, preload
from .turns import FIRST_WAVE, in_turns, start_in_turns, turns, when_done
from .urls import host_of

if TYPE_CHECKING:  # what reads a document loads with the first one (parsepool.load_parsing)
    import httpx


Arrived = Callable[[FetchResult], None]  # told of each source's result as soon as it is ready
Stopping = Callable[[], bool]  # true once the process is asked to stop (`digest schedule`)
STOP_POLL = 0.25  # seconds between two looks at `stop` while sources are on the wire
STOPPED = "not fetched: digest was asked to stop before the source answered"
log = logging.getLogger("digest.fetch")


def _result(source: Source, state: FetchState, outcome: Outcome, seconds: float) -> FetchResult:
    warning = "; ".join(dict.fromkeys(outcome.warnings)) or None
    new_state = replace(
        state, url=outcome.url or state.url, etag=outcome.etag,
        last_modified=outcome.last_modified, not_before=None, failures=0,
        last_status=outcome.status,  # type: ignore[arg-type]
        last_error=warning, last_http_status=outcome.http_status)
    return FetchResult(source=source, status=outcome.status,  # type: ignore[arg-type]
                       state=new_state, items=tuple(outcome.items),
                       http_status=outcome.http_status, error=warning, seconds=seconds,
                       failed=tuple(outcome.failed), title=outcome.title)


def _failed(source: Source, state: FetchState, exc: FetchFailure, seconds: float) -> FetchResult:
    message = " ".join(str(exc).split())[:300] or type(exc).__name__
    new_state = replace(
        state, failures=state.failures + 1, last_status="error", last_error=message,
        last_http_status=exc.http_status, not_before=exc.retry_at,
        disabled=state.disabled or exc.gone)
    return FetchResult(source=source, status="error", state=new_state,
                       http_status=exc.http_status, error=message, seconds=seconds)


async def _fetch_one(http: HttpClient, source: Source, state: FetchState | None,
                     clock: Callable[[], datetime], known: Known | None,
                     rank: int = 0) -> FetchResult:
    started = time.monotonic()
    now = clock()
    state = state or FetchState(source=source.name, url=source.url)
    if state.disabled:
        import shlex

        return FetchResult(source=source, status="skipped", state=state,
                           http_status=state.last_http_status,
                           error="disabled after HTTP 410 Gone; `digest sources enable "
                                 f"{shlex.quote(source.name)}` fetches it again")
    if state.not_before is not None and state.not_before > now:
        return FetchResult(source=source, status="skipped", state=state,
                           http_status=state.last_http_status,
                           error=f"the server asked us to wait until "
                                 f"{state.not_before.isoformat(timespec='seconds')}")
    try:
        outcome = await SourceFetch(http, source, state, now, known, rank).run()
    except FetchFailure as exc:
        return _failed(source, state, exc, time.monotonic() - started)
    except Exception as exc:  # a bug or an input we did not foresee: still only this source
        log.error("%s: internal error while fetching", source.name, exc_info=True)
        failure = FetchFailure(internal_error(exc))
        return _failed(source, state, failure, time.monotonic() - started)
    return _result(source, state, outcome, time.monotonic() - started)


async def fetch_sources(sources: Sequence[Source], states: Mapping[str, FetchState],
                        settings: FetchSettings, *,
                        transport: httpx.AsyncBaseTransport | LeanTransport | None = None,
                        clock: Callable[[], datetime] = utcnow,
                        known: Known | None = None,
                        resolver: Lookup | None = None,
                        arrived: Arrived | None = None,
                        ready: Callable[[], object] | None = None,
                        finish: Finish | None = None,
                        stop: Stopping | None = None) -> list[FetchResult]:
    """Fetch every source concurrently; one FetchResult per source, in input order.
    `finish` (module-level functions: they are sent to the parse workers) finishes, in the
    worker that parsed a big run's feed, the items that need nothing more from the network:
    they come back with its result in `finished` and without their content (parsepool).
    `ready` is called once, after the fetch forked its own parse workers and before it
    opens a connection or starts a thread: the moment a caller may fork workers of its own.
    It is not called in a run that may well have no document at all to parse
    (`documents_expected`), nor are `finish.load`s run as the workers start.
    `arrived` is called with each result as soon as it is ready (in the event loop, so it
    must be quick: `collect` hands the items to its cleaning workers there); what it raises
    is logged and changes nothing else. `resolver` (host -> addresses, async) replaces the
    system DNS lookup: a test seam. Once `stop()` is true (looked at every STOP_POLL s), the
    sources still on the wire are cancelled and come back `skipped`, their state as it was:
    a scheduler stopped by its service manager no longer waited up to the total timeout
    for a slow server, then blamed the server for it."""
    states = current(sources, states)
    hosts = []
    for source in sources:
        state = states.get(source.name)
        hosts.append(host_of(state.url if state and state.url else source.url))
    order = in_turns(hosts)
    documents = documents_expected(sources, states)
    if documents:
        load_parsing()  # (before the parse workers are forked: they start with it)
    elif finish is not None:  # (each worker loads with its first feed)
        finish = replace(finish, load=None)
    parser = make_parser(len(sources), settings.parse_timeout, finish)
    try:
        if ready is not None and documents:
            ready()
        async with HttpClient(settings, transport=transport, clock=clock,
                              parser=parser, lookup=resolver) as http:
            tasks = await start_in_turns(order, min(FIRST_WAVE, http.concurrency), lambda i: _tell(
                _fetch_one(http, sources[i], states.get(sources[i].name), clock, known, i),
                arrived))
            when_done(tasks, hosts, http.done_with)
            await turns()  # (the first wave out, then what reading the answers needs, while
            preload()  # they are awaited)
            if stop is None:
                await asyncio.gather(*tasks.values())
            elif await _stopped_while(tasks.values(), stop):
                return [_outcome(tasks[i], sources[i], states.get(sources[i].name))
                        for i in range(len(sources))]
            return [tasks[i].result() for i in range(len(sources))]
    finally:
        if parser.idle:  # (a warm run's: nothing to wait for, no thread to start for it)
            parser.close()
        else:
            await asyncio.to_thread(parser.close)


def current(sources: Sequence[Source], states: Mapping[str, FetchState],
            ) -> Mapping[str, FetchState]:
    """`states` without those that are not their source's any more: stored under another
    configured URL (a typo corrected in sources.yaml, another feed of the site chosen), the
    stored URL (and its validators, failures, Retry-After, 410) went on being fetched, the
    URL now configured never. Such a source starts afresh. A state stored before the
    configured URL was kept is let go when its URL is not the configured one and its last
    fetch failed, with no 410 or Retry-After to honour (a move by a permanent redirect is
    then found again)."""
    stale = [source.name for source in sources
             if (state := states.get(source.name)) is not None and (
                 state.configured != source.url if state.configured is not None
                 else state.url != source.url and state.last_status == "error"
                 and not state.disabled and state.not_before is None)]
    if not stale:
        return states
    return {name: state for name, state in states.items() if name not in stale}


async def _stopped_while(tasks: Iterable[asyncio.Task[FetchResult]], stop: Stopping) -> bool:
    """Wait for `tasks`; if `stop()` turns true first, cancel those left and say so."""
    pending = set(tasks)
    while pending:
        if stop():
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
            return True
        _, pending = await asyncio.wait(pending, timeout=STOP_POLL)
    return False


def _outcome(task: asyncio.Task[FetchResult], source: Source,
             state: FetchState | None) -> FetchResult:
    """A task's result, or, cancelled because the run is stopping, the source not fetched:
    no failure counted, nothing stored over its state."""
    if not task.cancelled():
        return task.result()
    return FetchResult(source=source, status="skipped", error=STOPPED,
                       state=state or FetchState(source=source.name, url=source.url))


def documents_expected(sources: Sequence[Source], states: Mapping[str, FetchState]) -> bool:
    """Whether some source is asked without a validator (never fetched, or its server gave
    none), so a document to parse (and clean) is sure to come. Only then does a run have its
    caller fork its own workers before the first request (`ready`) and its parse workers
    load what finishing needs as they start (`Finish.load`). A run whose every source is
    asked conditionally (a warm run) may get nothing but 304s: collect's cleaners (their
    start, ~0.02 s, and their join at the end) and the cleaner's load in each parse worker
    (0.1 CPU-s) were for nothing there; the parse workers are forked all the same (cheap,
    and later only the fork server could start them: a tenth of a warm run's feeds changed
    took 1.4x as long that way)."""
    for source in sources:
        state = states.get(source.name)
        if state is None or not (state.etag or state.last_modified):
            return True
    return False


async def _tell(fetching: Awaitable[FetchResult], arrived: Arrived | None) -> FetchResult:
    result = await fetching
    if arrived is not None:
        # One turn of the loop first: the parse job that was waiting for the worker this
        # source just freed goes out now, not after the callback (collect stores there).
        await asyncio.sleep(0)
        try:
            arrived(result)
        except Exception:  # the caller's bug: its result is still returned
            log.error("%s: internal error in the arrival callback", result.source.name,
                      exc_info=True)
    return result


def fetch_all(sources: Sequence[Source], states: Mapping[str, FetchState],
              settings: FetchSettings, *,
              transport: httpx.AsyncBaseTransport | LeanTransport | None = None,
              clock: Callable[[], datetime] = utcnow,
              known: Known | None = None,
              resolver: Lookup | None = None,
              arrived: Arrived | None = None,
              ready: Callable[[], object] | None = None,
              finish: Finish | None = None,
              stop: Stopping | None = None) -> list[FetchResult]:
    """`fetch_sources` for synchronous callers."""
    return asyncio.run(fetch_sources(sources, states, settings, transport=transport,
                                     clock=clock, known=known, resolver=resolver,
                                     arrived=arrived, ready=ready, finish=finish, stop=stop))
