"""fetch_sources: every source concurrently, each to a FetchResult whatever happens to it."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from digest.errors import internal_error
from digest.models import FetchResult, FetchSettings, FetchState, ItemFailure, RawItem, Source
from digest.periods import utcnow

from .guard import FetchFailure, Guard, Lookup
from .http import HttpClient, Response
from .parsepool import Finish, load_parsing, make_parser
from .transport import LeanTransport, preload
from .turns import in_turns, start_in_turns, turns, when_done
from .urls import host_of, is_imap, is_local, to_path

if TYPE_CHECKING:  # what reads a document loads with the first one (parsepool.load_parsing)
    import httpx

    from .feeds import Entry
    from .mailbox import MailRead

Known = Callable[[str, str], bool]
Arrived = Callable[[FetchResult], None]  # told of each source's result as soon as it is ready
log = logging.getLogger("digest.fetch")


@dataclass
class Outcome:
    """What a successful fetch learned, before it becomes a FetchResult."""

    status: str = "ok"  # "ok" or "not_modified"
    items: list[RawItem] = field(default_factory=list)
    http_status: int | None = None
    url: str | None = None  # new state URL (permanent redirect, discovered feed)
    etag: str | None = None
    last_modified: str | None = None
    warnings: list[str] = field(default_factory=list)
    failed: list[ItemFailure] = field(default_factory=list)  # entries that could not be read


class SourceFetch:
    """One source's fetch within a run (shares the run's HttpClient)."""

    def __init__(self, http: HttpClient, source: Source, state: FetchState,
                 now: datetime, known: Known | None, rank: int = 0) -> None:
        self.http = http
        self.rank = rank  # the source's place in the run
        self.source = source
        self.state = state
        self.now = now
        self.known = known
        self.guard = Guard(source.url, http.resolver)
        self.settings = http.settings

    async def run(self) -> Outcome:
        url = self.state.url or self.source.url
        if self.source.kind == "opml":
            raise FetchFailure("an OPML file is imported with `digest sources import`, "
                               "not fetched")
        if is_local(url):
            return await self._local(to_path(url))
        if is_imap(url):
            return await self._imap(url)
        if self.source.kind == "mailbox":
            raise FetchFailure("a mailbox source is a local maildir, mbox or .eml path, or "
                               "an imaps://user@host/MAILBOX URL")
        headers: dict[str, str] = {}
        if self.state.etag:
            headers["If-None-Match"] = self.state.etag
        if self.state.last_modified:
            headers["If-Modified-Since"] = self.state.last_modified
        response = await self.http.get(url, self.guard, headers=headers,
                                       page=self.source.kind == "page")
        outcome = Outcome(http_status=response.status, url=response.permanent_url,
                          etag=response.headers.get("etag") or self.state.etag,
                          last_modified=response.headers.get("last-modified")
                          or self.state.last_modified)
        if response.status == 304:
            outcome.status = "not_modified"  # nothing to parse: that is the point of a 304
            return outcome
        if response.redirects and not response.permanent_url:
            outcome.warnings.append(f"temporarily redirected to {response.url}")
        await self._document(response, outcome)
        return outcome

    # ── documents ───────────────────────────────────────────────────────────

    async def _document(self, response: Response, outcome: Outcome, *,
                        followed: bool = False) -> None:
        from . import sitemap
        from .feeds import Entry, sniff
        from .items import finish_items
        from .pages import article_links, feed_links, parse_html

        body, url, kind = response.body, response.url, self.source.kind
        sniffed = sniff(body)
        if not body.strip():
            raise FetchFailure(f"empty response body from {url}", http_status=response.status)
        if sniffed == "html" or (kind == "page" and sniffed == "unknown"):
            doc = parse_html(response.text(), url)
            feeds = feed_links(doc, url) if doc is not None else []
            if feeds and not followed and kind != "sitemap":
                await self._follow_feed(feeds[0], outcome)
                return
            if kind in ("page", "auto") and doc is not None:
                links = article_links(doc, url, self.source.selector)
                entries = [Entry(guid=link, link=link, title=title, content="")
                           for link, title in links]
                if not entries:
                    outcome.warnings.append("no article links found on the page")
                await self._items(entries, url, outcome)
                return
            raise FetchFailure(f"an HTML page, not a feed, and it advertises no feed: {url}",
                               http_status=response.status)
        if sniffed == "sitemap" or kind == "sitemap":
            entries, warnings = await sitemap.read(self.http, self.guard, body,
                                                   response.text(), url,
                                                   self.now, self.settings.max_items)
            outcome.warnings.extend(warnings)
            await self._items(entries, url, outcome)
            return
        job = await self.http.parser.feed(body, url, response.content_type, self.source,
                                          self.now, self.settings.max_items, rank=self.rank)
        parsed = job.feed
        if parsed.refused:
            raise FetchFailure(parsed.refused, http_status=response.status)
        if not job.entries and parsed.warnings and parsed.format.endswith("unknown"):
            raise FetchFailure(f"not a feed: {parsed.warnings[0]}", http_status=response.status)
        if not job.entries and parsed.format == "json" and parsed.warnings:
            raise FetchFailure(parsed.warnings[0], http_status=response.status)
        outcome.warnings.extend(parsed.warnings)
        if not job.entries:
            outcome.warnings.append("the feed has no entries")
        built = await finish_items(self.source, job.prepared, now=self.now, known=self.known,
                                   fetch_page=self._page)
        outcome.items.extend(built.items)
        outcome.warnings.extend(built.warnings)
        outcome.failed.extend(built.failed)

    async def _follow_feed(self, feed_url: str, outcome: Outcome) -> None:
        response = await self.http.get(feed_url, self.guard)
        if response.status == 304:
            outcome.status = "not_modified"
            return
        outcome.warnings.append(f"an HTML page: followed its feed link to {response.url}")
        outcome.url = response.permanent_url or response.url
        outcome.etag = response.headers.get("etag")
        outcome.last_modified = response.headers.get("last-modified")
        await self._document(response, outcome, followed=True)

    async def _items(self, entries: Sequence[Entry], fallback_url: str,
                     outcome: Outcome) -> None:
        from .items import build_items

        built = await build_items(self.source, entries, fallback_url=fallback_url,
                                  now=self.now, max_items=self.settings.max_items,
                                  known=self.known, fetch_page=self._page)
        outcome.items.extend(built.items)
        outcome.warnings.extend(built.warnings)
        outcome.failed.extend(built.failed)

    async def _page(self, url: str) -> tuple[str, str]:
        from .feeds import sniff

        response = await self.http.get(url, self.guard, page=True)
        if response.status == 304:
            raise FetchFailure(f"unexpected 304 for {url}")
        ctype = response.content_type.split(";")[0].strip().lower()
        if ctype and "html" not in ctype and sniff(response.body) != "html":
            raise FetchFailure(f"not an HTML page ({ctype}): {url}")
        return response.url, response.text()

    async def _mail(self, mail: MailRead, outcome: Outcome) -> None:
        """Messages, plus the articles of link roundups, which are followed for their full
        text like a feed's links (same SSRF rule, robots.txt and limits)."""
        from .items import build_items

        items = list(mail.items)
        if mail.entries:
            built = await build_items(self.source, mail.entries, fallback_url=None,
                                      now=self.now, max_items=self.settings.max_items,
                                      known=self.known, fetch_page=self._page)
            items.extend(built.items)
            outcome.warnings.extend(built.warnings)
            outcome.failed.extend(built.failed)
        oldest = datetime.min.replace(tzinfo=UTC)
        items.sort(key=lambda item: item.published or oldest, reverse=True)
        outcome.items = items[: self.settings.max_items]

    async def _imap(self, url: str) -> Outcome:
        from . import imap  # (imaplib: with the first mailbox source)

        target = imap.parse_imap_url(url)
        password = imap.password_for(self.source.name, target)
        timeout = max(self.settings.connect_timeout, self.settings.read_timeout)
        read = await asyncio.to_thread(
            imap.read_imap, target, password, now=self.now, max_items=self.settings.max_items,
            max_bytes=self.settings.max_bytes, timeout=timeout,
            last_stamp=self.state.last_modified)
        outcome = Outcome(last_modified=read.stamp)
        if read.unchanged:
            outcome.status = "not_modified"
            return outcome
        from .mailbox import parse_message, read_messages

        mail = read_messages((parse_message(raw) for raw in read.messages), self.source.name,
                             self.now)
        outcome.warnings.extend(mail.warnings)
        if read.skipped:
            outcome.warnings.append(f"{read.skipped} messages over the "
                                    f"{self.settings.max_bytes:,}-byte cap skipped")
        await self._mail(mail, outcome)
        return outcome

    async def _local(self, path: Path) -> Outcome:
        from . import local

        read = await asyncio.to_thread(local.read, path, self.source, self.state,
                                       self.settings.max_bytes, self.now)
        outcome = Outcome(last_modified=read.stamp, warnings=read.warnings)
        if read.unchanged:
            outcome.status = "not_modified"
            return outcome
        if read.mail is not None:
            await self._mail(read.mail, outcome)
            return outcome
        import httpx

        fake = Response(url=path.as_uri(), status=200, headers=httpx.Headers(),
                        body=read.body)
        await self._document(fake, outcome)
        return outcome


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
                       failed=tuple(outcome.failed))


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
                        finish: Finish | None = None) -> list[FetchResult]:
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
    system DNS lookup: a test seam."""
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
            tasks = await start_in_turns(order, settings.concurrency, lambda i: _tell(
                _fetch_one(http, sources[i], states.get(sources[i].name), clock, known, i),
                arrived))
            when_done(tasks, hosts, http.done_with)
            await turns()  # (the first wave out, then what reading the answers needs, while
            preload()  # they are awaited)
            await asyncio.gather(*tasks.values())
            return [tasks[i].result() for i in range(len(sources))]
    finally:
        if parser.idle:  # (a warm run's: nothing to wait for, no thread to start for it)
            parser.close()
        else:
            await asyncio.to_thread(parser.close)


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
              finish: Finish | None = None) -> list[FetchResult]:
    """`fetch_sources` for synchronous callers."""
    return asyncio.run(fetch_sources(sources, states, settings, transport=transport,
                                     clock=clock, known=known, resolver=resolver,
                                     arrived=arrived, ready=ready, finish=finish))
