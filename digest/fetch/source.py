"""One source's fetch within a run (`SourceFetch`, sharing the run's HttpClient): where it is
read from (HTTP with its validators, a local file, an IMAP mailbox), what its document is (a
feed, an HTML page and the feed it advertises or its article links, a sitemap, mail), and the
items built from it, as an `Outcome`. runner.py runs every source's and makes each outcome a
FetchResult.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from digest.models import FetchState, ItemFailure, RawItem, Source

from .guard import FetchFailure, Guard
from .http import HttpClient, Response
from .urls import is_imap, is_local, to_path

if TYPE_CHECKING:  # what reads a document loads with the first one (parsepool.load_parsing)
    import lxml.html

    from .feeds import Entry
    from .mailbox import MailRead

Known = Callable[[str, str], bool]
# A 304 answers a conditional request; to one that sent no validators, it says nothing.
_UNASKED_304 = "HTTP 304 Not Modified to a request without ETag or Last-Modified (a server fault)"


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
    title: str | None = None  # the feed's (or listing page's) name for itself


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
            if not headers:  # (else the source was "not modified" for good, and never failing)
                raise FetchFailure(_UNASKED_304, http_status=304)
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
        from .feeds import sniff
        from .items import finish_items

        body, url, kind = response.body, response.url, self.source.kind
        sniffed = sniff(body)
        if not body.strip():
            raise FetchFailure(f"empty response body from {url}", http_status=response.status)
        if sniffed == "html" or (kind == "page" and sniffed == "unknown"):
            await self._html(response, outcome, followed=followed)
            return
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
        outcome.title = parsed.title or None
        if not job.entries:
            outcome.warnings.append("the feed has no entries")
        built = await finish_items(self.source, job.prepared, now=self.now, known=self.known,
                                   fetch_page=self._page)
        outcome.items.extend(built.items)
        outcome.warnings.extend(built.warnings)
        outcome.failed.extend(built.failed)

    async def _html(self, response: Response, outcome: Outcome, *, followed: bool) -> None:
        """An HTML page: the feed it advertises, else (kind auto or page) its article links.
        A page with neither is an error, not a source with nothing new: a feed URL answered
        by a bot check, a login wall or an error page with 200 (it was "ok, no article links
        found on the page", so a feed behind a Cloudflare challenge never counted a failure
        nor showed among the failing sources), or a listing whose selector no longer
        matches."""
        from .feeds import Entry
        from .pages import article_links, feed_links, parse_html, site_name

        url, kind = response.url, self.source.kind
        doc = parse_html(response.text(), url)
        # (a page whose feed link names the page itself advertises nothing)
        feeds = [link for link in feed_links(doc, url) if link != url] if doc is not None else []
        if feeds and not followed and kind != "sitemap" and await self._follow_feed(
                feeds[0], outcome):
            return
        links = article_links(doc, url, self.source.selector) if doc is not None else []
        if doc is not None and kind in ("page", "auto") and links:
            outcome.title = site_name(doc) or None
            entries = [Entry(guid=link, link=link, title=title, content="")
                       for link, title in links]
            await self._items(entries, url, outcome)
            return
        if feeds:
            why = f"an HTML page, not a feed, and its feed link {feeds[0]} is an HTML page too"
        elif kind in ("page", "auto"):
            selector = (f", or the selector {self.source.selector!r} matches nothing"
                        if self.source.selector else "")
            why = (f"an HTML page{_titled(doc)} with no feed link and no article links (a bot "
                   f"check, a login wall or an error page{selector}?)")
        else:
            why = "an HTML page, not a feed, and it advertises no feed"
        raise FetchFailure(f"{why}: {url}", http_status=response.status)

    async def _follow_feed(self, feed_url: str, outcome: Outcome) -> bool:
        """Read the feed an HTML page advertises, which becomes the source's URL; False when
        the "feed" is an HTML page too (a link to the page itself, a feed URL a site now
        answers with its home page or a login wall): the page is then read as it is, and
        the source stays where it was (it had moved to that page for good)."""
        from .feeds import sniff

        response = await self.http.get(feed_url, self.guard)
        if response.status == 304:  # (asked without validators)
            raise FetchFailure(_UNASKED_304, http_status=304)
        if sniff(response.body) == "html":
            outcome.warnings.append(f"its feed link {response.url} is an HTML page, "
                                    "not a feed")
            return False
        outcome.warnings.append(f"an HTML page: followed its feed link to {response.url}")
        outcome.url = response.permanent_url or response.url
        outcome.etag = response.headers.get("etag")
        outcome.last_modified = response.headers.get("last-modified")
        await self._document(response, outcome, followed=True)
        return True

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
        from .mailbox import read_messages

        mail = read_messages(read.messages, self.source.name, self.now)
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


def _titled(doc: lxml.html.HtmlElement | None, limit: int = 80) -> str:
    """' titled "…"' with the page's <title> (a challenge page says "Just a moment..."), or ''."""
    element = doc.find(".//title") if doc is not None else None
    title = " ".join(element.text_content().split()) if element is not None else ""
    if len(title) > limit:
        title = title[: limit - 1] + "…"
    return f' titled "{title}"' if title else ""
