"""From parsed entries to RawItems: identity (GUIDs), links, dates, and the full-text follow.

Known items (the store has the GUID) that would need their page fetched are *skipped
entirely*: without refetching the page we cannot tell whether they changed, and returning
them with only the feed's summary would look like an edit to the store. Items whose feed
carries the full body are always returned, so the store can detect updates by content hash.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

import lxml.html
from lxml import etree

from digest.errors import internal_error
from digest.models import ItemFailure, RawItem, Source
from digest.script import text_weight

from .dates import parse_trusted
from .feeds import Entry, bounded_title, plain
from .guard import FetchFailure
from .pages import page_meta, parse_html
from .teaser import feed_teaser_reason, plain_text
from .urls import entry_url, is_web_url

PAGE_BETTER = 1.3  # the page wins when it carries this much more paragraph text
# A relative href/src: quoted or not, not followed by a scheme, a fragment or "//". (The
# quote must not be optional before the lookahead: backtracking past it would let the
# lookahead see the quote instead of the URL, and every absolute link would look relative.)
_NOT_RELATIVE = r"(?!https?:|mailto:|data:|#|//)"
_RELATIVE_RE = re.compile(rf"""(?:href|src)\s*=\s*(?:["']{_NOT_RELATIVE}|(?!["']){_NOT_RELATIVE})""")

log = logging.getLogger("digest.fetch")
PageFetcher = Callable[[str], Awaitable[tuple[str, str]]]  # url -> (final url, html text)


@dataclass
class Built:
    items: list[RawItem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    failed: list[ItemFailure] = field(default_factory=list)


def text_of(markup: str) -> str:
    return plain_text(markup)


def absolutise(markup: str, base: str | None) -> str:
    """Relative href/src in an HTML fragment made absolute (only parsed when needed)."""
    if not base or not markup or not _has_relative(markup):
        return markup
    try:
        fragment = lxml.html.fragment_fromstring(markup, create_parent="div")
        fragment.make_links_absolute(base, resolve_base_href=False)
        inner = (fragment.text or "") + "".join(
            etree.tostring(child, encoding="unicode", method="html") for child in fragment)
        return inner
    except (etree.ParserError, ValueError):
        return markup


def _has_relative(markup: str) -> bool:
    """`_RELATIVE_RE.search(markup.lower())`, tried only where an attribute can be: at each
    "=" (found in C) whose name before it (past any whitespace) is href or src, on that
    stretch lowered. (Lowering the whole entry, mostly non-ASCII text, was two thirds of the
    cost; only H, R, E, F, S and C lower into those letters, whitespace and "=" stay what they
    are, and the lookaheads read at most a quote and 7 characters past the whitespace.)"""
    at = markup.find("=")
    while at != -1:
        end = at
        while end and markup[end - 1].isspace():  # (isspace: exactly `\s`)
            end -= 1
        name = markup[max(0, end - 4):end].lower()
        size = 4 if name.endswith("href") else 3 if name.endswith("src") else 0
        if size:
            after = at + 1
            while after < len(markup) and markup[after].isspace():
                after += 1
            if _RELATIVE_RE.match(markup[end - size:after + 10].lower()):
                return True
        at = markup.find("=", at + 1)
    return False


def _hash_id(*parts: str) -> str:
    return "sha256:" + hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


@dataclass
class _Draft:
    item: RawItem
    need_page: bool


@dataclass
class Prepared:
    """Items as the feed gives them, and which of them want their page (picklable: a parse
    worker builds it)."""

    drafts: list[_Draft] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    failed: list[ItemFailure] = field(default_factory=list)


async def build_items(source: Source, entries: Sequence[Entry], *, fallback_url: str | None,
                      now: datetime, max_items: int,
                      known: Callable[[str, str], bool] | None,
                      fetch_page: PageFetcher | None) -> Built:
    """RawItems for `entries` (at most max_items, first ones first), following pages when the
    feed carries too little, and recording what went wrong as warnings."""
    prepared = prepare_items(source, entries, fallback_url=fallback_url, now=now,
                             max_items=max_items, follow=fetch_page is not None)
    return await finish_items(source, prepared, now=now, known=known, fetch_page=fetch_page)


def prepare_items(source: Source, entries: Sequence[Entry], *, fallback_url: str | None,
                  now: datetime, max_items: int, follow: bool,
                  shared_links: bool = False) -> Prepared:
    """The synchronous half of build_items: identity, links, dates, truncation checks.
    An entry that raises (a bug, or an input nobody foresaw) becomes an ItemFailure; the
    other entries are unaffected. With `shared_links` (a feed's entries), a link several
    entries share is no entry's own (`_apart`)."""
    built = Prepared()
    if fallback_url and not is_web_url(fallback_url):
        fallback_url = None
    seen: set[str] = set()
    counts: Counter[str] = Counter()
    for entry in entries:
        if len(built.drafts) >= max_items:
            built.warnings.append(f"kept the first {max_items} of {len(entries)} entries")
            break
        try:
            draft = _draft(source, entry, fallback_url, now, follow, seen, counts)
        except Exception as exc:
            log.error("%s: internal error while reading an entry", source.name, exc_info=True)
            built.failed.append(ItemFailure(url=_str(entry.link) or fallback_url or "",
                                            title=_str(entry.title), reason=internal_error(exc)))
            continue
        if draft is not None:
            built.drafts.append(draft)
    if shared_links:
        _apart(built, fallback_url)
    if counts["duplicate"]:
        built.warnings.append(f"{counts['duplicate']} entries with a duplicate GUID dropped")
    if counts["anonymous"]:
        built.warnings.append(f"{counts['anonymous']} entries without link or GUID: identified "
                              "by a hash of title and content")
    if counts["bad_link"]:
        built.warnings.append(f"{counts['bad_link']} entries with a non-web link (ignored)")
    return built


def _apart(built: Prepared, site: str | None) -> None:
    """Entries of one feed (each its own GUID) that share one link, or link to the feed's
    home page (`site`), are told apart as link-less entries are (`entry_url`), and their
    page is not read for them: it is none of theirs. Under the one URL key they were one
    article to the store, the next overwriting the last ("1 new, 2 updated"; next week's
    single item linking home overwrote this week's, and another feed linking there too),
    with the home page's text as each one's full text."""
    uses = Counter(draft.item.url for draft in built.drafts)
    home = {site, site.rstrip("/"), site.rstrip("/") + "/"} if site else set()
    shared = {url for url, n in uses.items() if n > 1 or url in home}
    if not shared:
        return
    for draft in built.drafts:
        if draft.item.url in shared:
            draft.item = replace(draft.item, url=entry_url(draft.item.url, draft.item.guid))
            draft.need_page = False
    built.warnings.append(f"{sum(uses[url] for url in shared)} entries sharing a link or "
                          "linking to the home page (told apart by their GUIDs, that page "
                          "not read)")


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""


def _draft(source: Source, entry: Entry, fallback_url: str | None, now: datetime, follow: bool,
           seen: set[str], counts: Counter[str]) -> _Draft | None:
    """One entry as a draft item; None for a duplicate GUID."""
    link = entry.link if entry.link and is_web_url(entry.link) else None
    if entry.link and not link:
        counts["bad_link"] += 1
    guid = (entry.guid or "").strip() or link
    if not guid:
        counts["anonymous"] += 1
        guid = _hash_id(entry.title, entry.content or entry.summary)
    if guid in seen:
        counts["duplicate"] += 1
        return None
    seen.add(guid)
    if not link and entry.guid and is_web_url(entry.guid):
        link = entry.guid
    body = entry.content or entry.summary
    ctype = entry.content_type if entry.content else "html"
    if ctype == "html":
        body = absolutise(body, link or fallback_url)
    published = parse_trusted(entry.date, now)
    title = bounded_title(entry.title)
    # The page is fetched for the article when the feed's text is a teaser (teaser.py), and
    # for a title or a trustworthy date when the feed has none.
    need_page = bool(source.full_text and link and follow) and (
        not title or published is None or feed_teaser_reason(
            body if entry.content else "", entry.summary, html=ctype == "html") is not None)
    item = RawItem(
        source=source.name, guid=guid,
        # No link of its own: the feed's site, told apart by a fragment, else a URN (never a
        # file:// path).
        url=link or (entry_url(fallback_url, guid) if fallback_url else f"urn:digest:{guid}"),
        title=title, content=body, content_type=ctype,
        published=published, author=entry.author, canonical_url=entry.canonical,
        summary=entry.summary,
    )
    return _Draft(item, need_page)


async def finish_items(source: Source, prepared: Prepared, *, now: datetime,
                       known: Callable[[str, str], bool] | None,
                       fetch_page: PageFetcher | None) -> Built:
    """The asynchronous half: skip known items that need their page, follow the others."""
    built = Built(warnings=list(prepared.warnings), failed=list(prepared.failed))
    drafts = [d for d in prepared.drafts if not (
        d.need_page and known is not None and known(source.name, d.item.guid))]
    if fetch_page is not None:
        results = await asyncio.gather(
            *(_with_page(d.item, fetch_page, now) for d in drafts if d.need_page))
        failures = [reason for _, reason in results if reason]
        followed = iter(item for item, _ in results)
        built.items = [next(followed) if d.need_page else d.item for d in drafts]
        if failures:
            built.warnings.append(not_fetched(failures))
    else:
        built.items = [d.item for d in drafts]
    # Last resort for a title: the body's first words (a page title, when fetched, came first).
    built.items = [item if item.title else replace(item, title=_title_from_text(
        text_of(item.content) if item.content_type == "html" else item.content) or "(untitled)")
        for item in built.items]
    return built


def not_fetched(failures: Sequence[str], shown: int = 3) -> str:
    """The warning for the linked pages a feed's items could not have: each reason once, with
    how many pages it stopped when more than one, the commonest first (a 404 and a timeout
    are not both a 404)."""
    counts = Counter(failures).most_common()
    reasons = [reason if n == 1 else f"{n} × {reason}" for reason, n in counts[:shown]]
    if len(counts) > shown:
        reasons.append(f"{len(counts) - shown} other reason(s)")
    return f"{len(failures)} linked pages not fetched ({'; '.join(reasons)})"


def _title_from_text(text: str, words: int = 12) -> str:
    parts = text.split()
    if not parts:
        return ""
    head = " ".join(parts[:words])
    return head + ("…" if len(parts) > words else "")


async def _with_page(item: RawItem, fetch_page: PageFetcher,
                     now: datetime) -> tuple[RawItem, str | None]:
    """The item improved by its page: body (when the page carries clearly more), title,
    date and canonical URL. Returns (item, failure reason or None)."""
    try:
        return await _improve(item, fetch_page, now)
    except FetchFailure as exc:
        return item, str(exc)
    except Exception as exc:  # a bug, or a page nobody foresaw: the feed's item stands
        log.error("%s: internal error while following %s", item.source, item.url,
                  exc_info=True)
        return item, internal_error(exc)


async def _improve(item: RawItem, fetch_page: PageFetcher,
                   now: datetime) -> tuple[RawItem, str | None]:
    final_url, page_html = await fetch_page(item.url)
    doc = parse_html(page_html, final_url)
    if doc is None:
        return item, f"empty page {item.url}"
    meta = page_meta(doc, final_url, now)
    # (both weighed alike, a Chinese character as three Latin ones: `text_weight`)
    feed_len = text_weight(text_of(item.content) if item.content_type == "html" else item.content)
    changes: dict[str, object] = {}
    if meta.text_length >= max(200, feed_len * PAGE_BETTER) or (
            not feed_len and meta.text_length):
        changes["content"] = page_html
        changes["content_type"] = "html"
    if not item.title and meta.title:
        changes["title"] = bounded_title(plain(meta.title))
    if item.published is None and meta.published is not None:
        changes["published"] = meta.published
    if meta.canonical and not item.canonical_url:
        changes["canonical_url"] = meta.canonical
    return replace(item, **changes), None  # type: ignore[arg-type]
