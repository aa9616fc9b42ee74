"""HTML pages: metadata (title, canonical URL, publication date), feed discovery, and article
link discovery on listing pages (automatic, or by the source's CSS selector)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

import lxml.html
from lxml import etree

from .dates import parse_trusted
from .urls import canonical_key, host_of, is_web_url, resolve

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json",
              "application/json", "application/rdf+xml", "application/xml", "text/xml")
_DATE_META = ("article:published_time", "og:published_time", "datepublished", "pubdate",
              "publishdate", "publish-date", "publish_date", "date", "dc.date",
              "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date")
_SKIP_CONTAINERS = {"nav", "header", "footer", "aside", "form", "menu"}
_SKIP_PATH_RE = re.compile(
    r"/(tags?|category|categories|topics?|authors?|search|login|signin|signup|register|"
    r"subscribe|about|contact|privacy|terms|feed|rss|page/\d+)(/|$)|\.(xml|rss|jpe?g|png|gif|"
    r"svg|webp|pdf|zip|mp3|mp4)$", re.IGNORECASE)
_ARTICLE_PATH_RE = re.compile(r"/(19|20)\d{2}/|/\d{5,}|[a-z0-9]+-[a-z0-9]+-[a-z0-9]+",
                              re.IGNORECASE)


@dataclass
class PageMeta:
    title: str
    canonical: str | None
    published: datetime | None
    text_length: int  # characters of paragraph text: how much article the page carries


def parse_html(text: str, url: str) -> lxml.html.HtmlElement | None:
    if not text.strip():
        return None
    try:
        # lxml refuses str input that carries an encoding declaration; bytes are safe.
        return lxml.html.document_fromstring(text.encode("utf-8"), base_url=url,
                                             parser=_HTML_PARSER)
    except (etree.ParserError, ValueError):
        return None


_HTML_PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)


def _meta(doc: lxml.html.HtmlElement, *names: str) -> str | None:
    wanted = {n.lower() for n in names}
    for meta in doc.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in wanted and meta.get("content", "").strip():
            return str(meta.get("content", "")).strip()
    return None


def page_title(doc: lxml.html.HtmlElement) -> str:
    og = _meta(doc, "og:title", "twitter:title")
    if og:
        return " ".join(og.split())
    for tag in ("h1", "title"):
        el = doc.find(f".//{tag}")
        if el is not None:
            text = " ".join(el.text_content().split())
            if text:
                return text
    return ""


def page_canonical(doc: lxml.html.HtmlElement, url: str) -> str | None:
    for link in doc.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            found = resolve(url, link.get("href"))
            if found and is_web_url(found):
                return found
    og = resolve(url, _meta(doc, "og:url"))
    return og if og and is_web_url(og) else None


def _json_ld_dates(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        value = node.get("datePublished") or node.get("dateCreated")
        if isinstance(value, str):
            yield value
        for child in node.values():
            if isinstance(child, (dict, list)):
                yield from _json_ld_dates(child)
    elif isinstance(node, list):
        for child in node:
            yield from _json_ld_dates(child)


def page_published(doc: lxml.html.HtmlElement, now: datetime) -> datetime | None:
    """article:published_time and friends, then JSON-LD datePublished, then <time datetime>."""
    when = parse_trusted(_meta(doc, *_DATE_META), now)
    if when:
        return when
    for script in doc.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for raw in _json_ld_dates(data):
            when = parse_trusted(raw, now)
            if when:
                return when
    for time_el in doc.iter("time"):
        when = parse_trusted(time_el.get("datetime"), now)
        if when:
            return when
    return None


def text_length(doc: lxml.html.HtmlElement) -> int:
    return sum(len(" ".join(p.text_content().split())) for p in doc.iter("p"))


def page_meta(doc: lxml.html.HtmlElement, url: str, now: datetime) -> PageMeta:
    return PageMeta(title=page_title(doc), canonical=page_canonical(doc, url),
                    published=page_published(doc, now), text_length=text_length(doc))


def feed_links(doc: lxml.html.HtmlElement, url: str) -> list[str]:
    """Feeds the page advertises with <link rel="alternate" type=...>, best formats first."""
    found: list[tuple[int, str]] = []
    for link in doc.iter("link"):
        rels = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().split(";")[0].strip()
        if "alternate" in rels and kind in FEED_TYPES:
            href = resolve(url, link.get("href"))
            if href and href not in (u for _, u in found):
                found.append((FEED_TYPES.index(kind), href))
    return [u for _, u in sorted(found, key=lambda pair: pair[0])]


def _inside_skipped(el: etree._Element) -> bool:
    for parent in el.iterancestors():
        if parent.tag in _SKIP_CONTAINERS:
            return True
        role = (parent.get("role") or "").lower()
        if role in ("navigation", "banner", "contentinfo"):
            return True
    return False


def _in_article(el: etree._Element) -> bool:
    return any(p.tag in ("article", "h1", "h2", "h3", "h4") for p in el.iterancestors())


def article_links(doc: lxml.html.HtmlElement, url: str,
                  selector: str | None = None) -> list[tuple[str, str]]:
    """(url, anchor text) of the articles a listing page links to, in page order.

    With a selector the user decides; without one we keep same-site links that sit in an
    <article> or heading, or look like article URLs (dated paths, long slugs, numeric ids),
    and skip navigation, tag/category/author pages and files.
    """
    page_host = host_of(url)
    seen: set[str] = {canonical_key(url)}
    out: list[tuple[str, str]] = []
    if selector:
        anchors = []
        for el in doc.cssselect(selector):
            if el.tag == "a":
                anchors.append(el)
            else:
                anchors.extend(el.iterfind(".//a[@href]"))
    else:
        anchors = list(doc.iterfind(".//a[@href]"))
    for a in anchors:
        link = resolve(url, a.get("href"))
        if not link or not is_web_url(link):
            continue
        key = canonical_key(link)
        if key in seen:
            continue
        text = " ".join(a.text_content().split())
        if not selector:
            host = host_of(link)
            if host != page_host and not host.endswith("." + page_host) and \
                    not page_host.endswith("." + host):
                continue
            path = urlsplit(link).path
            if path in ("", "/") or _SKIP_PATH_RE.search(path) or _inside_skipped(a):
                continue
            score = (2 if _in_article(a) else 0) + (1 if _ARTICLE_PATH_RE.search(path) else 0)
            score += 1 if len(text) >= 20 else 0
            if score < 2:
                continue
        seen.add(key)
        out.append((link, text))
    return out
