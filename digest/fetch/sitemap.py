"""Sitemaps: news sitemaps (news:title, news:publication_date), plain urlsets (lastmod), and
sitemap indexes (the most recently modified children are read, a few per run)."""

from __future__ import annotations

import gzip
import zlib
from datetime import datetime

from lxml import etree

from ..encoding import decode, xml_utf8
from .dates import parse_trusted
from .feeds import Entry
from .guard import FetchFailure, Guard
from .http import HttpClient
from .urls import is_web_url, resolve

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
MAX_CHILDREN = 5  # children of an index read per run, most recently modified first
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, recover=True,
                          remove_comments=True)


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _child_text(el: etree._Element, name: str) -> str:
    for child in el:
        if _local(child.tag) == name:
            return "".join(child.itertext()).strip()
    return ""


def _root(text: str, url: str) -> etree._Element:
    try:
        root = etree.fromstring(xml_utf8(text), parser=_PARSER, base_url=url)
    except etree.XMLSyntaxError as exc:
        raise FetchFailure(f"unreadable sitemap: {exc}") from exc
    if root is None:
        raise FetchFailure("unreadable sitemap: empty document")
    return root


def _urlset(root: etree._Element, url: str) -> list[Entry]:
    entries: list[Entry] = []
    for node in root:
        if _local(node.tag) != "url":
            continue
        loc = resolve(url, _child_text(node, "loc"))
        if not loc or not is_web_url(loc):
            continue
        title, date = "", None
        news = node.find(f"{NEWS}news")
        if news is not None:
            title = " ".join(_child_text(news, "title").split())
            date = _child_text(news, "publication_date") or None
        entries.append(Entry(guid=loc, link=loc, title=title, content="",
                             date=date or _child_text(node, "lastmod") or None))
    return entries


def _gunzip(body: bytes, cap: int) -> bytes:
    if not body.startswith(b"\x1f\x8b"):
        return body
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = decompressor.decompress(body, cap + 1)
    except (zlib.error, gzip.BadGzipFile) as exc:
        raise FetchFailure(f"corrupt gzipped sitemap: {exc}") from exc
    if len(out) > cap:
        raise FetchFailure(f"gzipped sitemap over the {cap:,}-byte cap")
    return out


async def read(http: HttpClient, guard: Guard, body: bytes, text: str, url: str,
               now: datetime, max_items: int) -> tuple[list[Entry], list[str]]:
    """Entries of the sitemap at `url`, newest first (undated ones last)."""
    cap = http.settings.max_bytes
    if body.startswith(b"\x1f\x8b"):
        body = _gunzip(body, cap)
        text = decode(body)[0]
    root = _root(text, url)
    warnings: list[str] = []
    if _local(root.tag) == "sitemapindex":
        children = []
        for node in root:
            loc = resolve(url, _child_text(node, "loc")) if _local(node.tag) == "sitemap" else None
            if loc:
                children.append((_child_text(node, "lastmod"), loc))
        children.sort(reverse=True)
        entries: list[Entry] = []
        for _, child in children[:MAX_CHILDREN]:
            # (each child on its own: one corrupt child sank the index's other children)
            try:
                response = await http.get(child, guard)
                child_body = _gunzip(response.body, cap)
                child_root = _root(decode(child_body, response.content_type)[0], response.url)
            except FetchFailure as exc:
                warnings.append(f"child sitemap {child} failed: {exc}")
                continue
            if _local(child_root.tag) != "urlset":
                warnings.append(f"child sitemap {child} is no urlset "
                                f"(<{_local(child_root.tag)}>): not read")
                continue
            entries.extend(_urlset(child_root, response.url))
        if len(children) > MAX_CHILDREN:
            warnings.append(f"read the {MAX_CHILDREN} newest of {len(children)} child sitemaps")
    elif _local(root.tag) == "urlset":
        entries = _urlset(root, url)
    else:
        raise FetchFailure(f"not a sitemap (root element <{_local(root.tag)}>)")
    oldest = datetime.min.replace(tzinfo=now.tzinfo)
    entries.sort(key=lambda e: parse_trusted(e.date, now) or oldest, reverse=True)
    if not entries:
        warnings.append("the sitemap lists no URLs")
    return entries[:max_items], warnings
