"""Page metadata (title, author, date, canonical URL, language, lead image) from the HTML head.

Cheap XPath look-ups on the tree we already parsed, in the order publishers are most reliable
about: Open Graph / article: meta tags, then JSON-LD, then visible markup (<h1>, <time>, bylines).
"""

from __future__ import annotations

import json
import re
import warnings
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

from dateutil import parser as dateparser
from lxml import html as lxml_html

_TITLE_SEP = re.compile(r"\s+(?:[|–—·•»:]|-{1,2})\s+")
_BY_PREFIX = re.compile(r"^\s*(?:by|written by|von|par|作者[:：]?)\s+", re.I)
_BYLINE_TAIL = re.compile(r"\s*(?:[·•|,]|\bon\b|\bupdated\b|\d+\s*min(?:ute)?s?\s+read).*$", re.I)


@dataclass
class PageMeta:
    title: str = ""
    author: str | None = None
    published: datetime | None = None
    canonical_url: str | None = None
    language: str | None = None
    image: str | None = None
    site_name: str | None = None
    byline: str | None = None  # the visible byline text, so the rules can drop it from the body


def _first(tree: lxml_html.HtmlElement, xpaths: tuple[str, ...]) -> str | None:
    for xp in xpaths:
        for value in tree.xpath(xp):
            text = (value if isinstance(value, str) else value.text_content()).strip()
            if text:
                return " ".join(text.split())
    return None


def parse_date(value: str | None) -> datetime | None:
    """A timezone-aware datetime, or None. Naive values are taken as UTC."""
    if not value:
        return None
    try:
        with warnings.catch_warnings():
            # "EST"-style names: dateutil warns and returns a naive time, taken as UTC below
            warnings.simplefilter("ignore")
            when = dateparser.parse(value.strip()[:64], fuzzy=False)
    except (ValueError, OverflowError, TypeError):
        return None
    if when is None or not 1990 <= when.year <= 2100:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _json_ld(tree: lxml_html.HtmlElement) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for script in tree.xpath('//script[@type="application/ld+json"]')[:8]:
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        stack: list[Any] = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if "@graph" in item:
                    stack.append(item["@graph"])
                kind = item.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                if any(isinstance(k, str) and ("Article" in k or k == "BlogPosting") for k in kinds):
                    found.append(item)
    return found


def _ld_author(item: dict[str, Any]) -> str | None:
    author = item.get("author")
    if isinstance(author, list):
        author = author[0] if author else None
    if isinstance(author, dict):
        author = author.get("name")
    return author.strip() if isinstance(author, str) and author.strip() else None


def clean_title(raw: str, site: str | None) -> str:
    """Drop the " | Site name" tail that <title> usually carries."""
    parts = _TITLE_SEP.split(raw)
    if len(parts) > 1:
        if site and parts[-1].strip().lower() == site.lower():
            return " - ".join(parts[:-1]).strip()
        # the longest part is the headline; the short one is the site name
        longest = max(parts, key=len)
        if len(longest) > 0.5 * len(raw):
            return longest.strip()
    return raw.strip()


def _clean_author(value: str | None) -> str | None:
    if not value or value.startswith(("http://", "https://")):
        return None
    value = _BYLINE_TAIL.sub("", _BY_PREFIX.sub("", value)).strip()
    return value if 1 < len(value) < 80 else None


def extract_meta(tree: lxml_html.HtmlElement, url: str | None) -> PageMeta:
    meta = PageMeta()
    meta.site_name = _first(tree, ('//meta[@property="og:site_name"]/@content',))
    ld = _json_ld(tree)

    h1 = _first(tree, ("//article//h1", "//h1"))
    head_title = _first(tree, (
        '//meta[@property="og:title"]/@content',
        '//meta[@name="twitter:title"]/@content',
        "//head/title",
        "//title",
    ))
    if h1 and len(h1) < 300:
        meta.title = h1
    elif head_title:
        meta.title = clean_title(head_title, meta.site_name)
    elif ld and isinstance(ld[0].get("headline"), str):
        meta.title = ld[0]["headline"].strip()

    byline = _first(tree, (
        '//*[contains(concat(" ", normalize-space(@class), " "), " byline ")]',
        '//*[@rel="author"]',
        '//*[contains(@class, "author-name")]',
    ))
    meta.byline = byline if byline and len(byline) < 120 else None
    author = _first(tree, (
        '//meta[@name="author"]/@content',
        '//meta[@property="article:author"]/@content',
        '//meta[@name="byl"]/@content',
    ))
    if not _clean_author(author):
        author = next((a for a in map(_ld_author, ld) if a), None) or meta.byline
    meta.author = _clean_author(author)

    published = _first(tree, (
        '//meta[@property="article:published_time"]/@content',
        '//meta[@itemprop="datePublished"]/@content',
        '//meta[@name="pubdate" or @name="publishdate" or @name="date" or @name="DC.date.issued"'
        ' or @name="dc.date" or @name="parsely-pub-date" or @name="sailthru.date"]/@content',
    ))
    if not published:
        published = next((i["datePublished"] for i in ld if isinstance(i.get("datePublished"), str)),
                         None)
    if not published:
        published = _first(tree, ("//time/@datetime", '//*[@itemprop="datePublished"]/@datetime'))
    meta.published = parse_date(published)

    canonical = _first(tree, ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'))
    if canonical:
        canonical = urljoin(url or "", canonical)
        meta.canonical_url = canonical if canonical.startswith(("http://", "https://")) else None

    lang = _first(tree, ("/html/@lang", '//meta[@http-equiv="content-language"]/@content',
                         '//meta[@property="og:locale"]/@content'))
    if lang:
        code = re.split(r"[-_]", lang.strip().lower())[0]
        meta.language = code if re.fullmatch(r"[a-z]{2}", code) else None

    image = _first(tree, (
        '//meta[@property="og:image"]/@content',
        '//meta[@name="twitter:image"]/@content',
        "//article//img/@src",
        "//main//img/@src",
    ))
    if image and not image.startswith("data:"):
        meta.image = urljoin(url or "", image)
    return meta
