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

from digest.script import text_weight

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
    text_length: int  # paragraph text, weighed (text_weight): how much article the page carries


def parse_html(text: str, url: str) -> lxml.html.HtmlElement | None:
    if not text.strip():
        return None
    try:
        # lxml refuses str input that carries an encoding declaration; bytes are safe.
        data = text.encode("utf-8")
        doc = lxml.html.document_fromstring(data, base_url=url, parser=_HTML_PARSER)
        error = _HTML_PARSER.error_log.last_error
        if error is not None and error.type_name == "ERR_RESOURCE_LIMIT":
            # nested past libxml2's 2,048 levels: the rest of the page was lost (clean.depth,
            # loaded only for such a page)
            from digest.clean.depth import flattened

            doc = lxml.html.document_fromstring(flattened(data), base_url=url,
                                                parser=_HTML_PARSER)
        return doc
    except (etree.ParserError, ValueError):
        return None


# huge_tree: 2,048 levels of nesting rather than 256, past which libxml2 drops the rest of the
# page (a listing or an article nested 300 deep read as empty); the body is capped anyway.
_HTML_PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, huge_tree=True)


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


def site_name(doc: lxml.html.HtmlElement) -> str:
    """What a listing page calls its site: og:site_name, application-name, else <title> (a
    listing's <h1> or og:title is as often a story's headline)."""
    named = _meta(doc, "og:site_name", "application-name")
    if named:
        return " ".join(named.split())
    el = doc.find(".//title")
    return " ".join(el.text_content().split()) if el is not None else ""


def page_canonical(doc: lxml.html.HtmlElement, url: str) -> str | None:
    for link in doc.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            found = resolve(url, link.get("href"))
            if found and is_web_url(found):
                return found
    og = resolve(url, _meta(doc, "og:url"))
    return og if og and is_web_url(og) else None


def _json_ld_dates(node: Any) -> Iterator[str]:
    """The publication dates in a JSON-LD document, depth first, in document order: with a
    stack, not recursion, whatever its depth."""
    stack = [node]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            value = node.get("datePublished") or node.get("dateCreated")
            if isinstance(value, str):
                yield value
            stack.extend(reversed([c for c in node.values() if isinstance(c, (dict, list))]))
        elif isinstance(node, list):
            stack.extend(reversed(node))


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
        except (ValueError, RecursionError):  # (nested 100,000 deep: the page was lost)
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
    """The page's paragraph text, a Chinese character weighing as three Latin ones
    (`text_weight`): a whole 110-character Chinese page is no shorter than a 200-character
    English one."""
    return sum(text_weight(" ".join(p.text_content().split())) for p in doc.iter("p"))


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


def _is_wrapper(el: etree._Element) -> bool:
    """Chrome that wraps the page's content instead: a <header> or <aside> holding the
    listing's <main>, an ASP.NET page's <form> around everything (headings and stories)."""
    wraps = ("main", "article", "h1", "h2") if el.tag == "form" else ("main",)
    return next(el.iter(*wraps), None) is not None or any(
        (d.get("role") or "").lower() == "main" for d in el.iter("div", "section"))


def _inside_skipped(el: etree._Element, memo: dict[etree._Element, bool]) -> bool:
    """Inside navigation or page chrome. A story card's own <header> or <footer> (inside an
    <article>) is the card's, and chrome that wraps the content is none."""
    for parent in el.iterancestors():
        tag = parent.tag
        role = (parent.get("role") or "").lower()
        if role in ("navigation", "banner", "contentinfo") or tag in ("nav", "menu"):
            return True
        if tag not in _SKIP_CONTAINERS:
            continue
        if parent not in memo:
            card_part = tag in ("header", "footer") and next(
                parent.iterancestors("article"), None) is not None
            memo[parent] = not card_part and not _is_wrapper(parent)
        if memo[parent]:
            return True
    return False


def _in_article(el: etree._Element) -> bool:
    return any(p.tag in ("article", "h1", "h2", "h3", "h4") for p in el.iterancestors())


_RUN = 3  # links of the same shape in a row: a list of stories, not a stray link
_WORDS = re.compile(r"\w+")


def _headline_like(text: str) -> bool:
    """Three words or more, or a CJK run of eight characters: a title, not a menu entry."""
    return len(_WORDS.findall(text)) >= 3 or (len(text) >= 8 and " " not in text
                                                and not text.isascii())


def _shape(a: etree._Element, path: str) -> tuple[object, ...]:
    """An anchor's place in the page: its two nearest ancestors' tags and classes, and the
    first segment of its path (stories of one list share it: /news/…, /story/…)."""
    segments = [s for s in path.split("/") if s]
    prefix = segments[0] if len(segments) > 1 else ""
    chain = [(p.tag, p.get("class")) for p in list(a.iterancestors())[:2]]
    return (prefix, *chain)


def _in_runs(candidates: list[tuple[etree._Element, str, str]]) -> set[etree._Element]:
    """Anchors in a run of `_RUN` or more links of the same shape, each reading like a
    headline: a list of stories without <article> or heading markup (a plain <ul> of titles
    under short slugs), which the per-link signals miss."""
    groups: dict[tuple[object, ...], list[etree._Element]] = {}
    for a, path, text in candidates:
        if _headline_like(text):
            groups.setdefault(_shape(a, path), []).append(a)
    return {a for group in groups.values() if len(group) >= _RUN for a in group}


def article_links(doc: lxml.html.HtmlElement, url: str,
                  selector: str | None = None) -> list[tuple[str, str]]:
    """(url, anchor text) of the articles a listing page links to, in page order.

    With a selector the user decides; without one we keep same-site links that sit in an
    <article> or heading, look like article URLs (dated paths, long slugs, numeric ids), or
    belong to a run of headline links of the same shape; and we skip navigation, page chrome
    (unless it wraps the content), tag/category/author pages and files.
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
    memo: dict[etree._Element, bool] = {}
    found: list[tuple[etree._Element, str, str, str, int]] = []  # anchor, link, path, text, score
    for a in anchors:
        link = resolve(url, a.get("href"))
        if not link or not is_web_url(link):
            continue
        text = " ".join(a.text_content().split())
        path = urlsplit(link).path
        score = 2
        if not selector:
            host = host_of(link)
            if host != page_host and not host.endswith("." + page_host) and \
                    not page_host.endswith("." + host):
                continue
            if path in ("", "/") or _SKIP_PATH_RE.search(path) or _inside_skipped(a, memo):
                continue
            score = (2 if _in_article(a) else 0) + (1 if _ARTICLE_PATH_RE.search(path) else 0)
            score += 1 if len(text) >= 20 else 0
        found.append((a, link, path, text, score))
    runs = _in_runs([(a, path, text) for a, _, path, text, score in found if score < 2])
    for a, link, _, text, score in found:
        key = canonical_key(link)
        if key in seen or (score < 2 and a not in runs):
            continue
        seen.add(key)
        out.append((link, text))
    return out
