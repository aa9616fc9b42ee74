"""Page metadata (title, author, date, canonical URL, language, lead image) from the HTML head.

Cheap XPath look-ups on the tree we already parsed, in the order publishers are most reliable
about: Open Graph / article: meta tags, then JSON-LD, then visible markup (<h1>, <time>, bylines).
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin

from lxml import etree
from lxml import html as lxml_html

from digest.clean.scan import Scan, scan

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


def parse_date(value: str | None) -> datetime | None:
    """A timezone-aware datetime, or None. Naive values are taken as UTC."""
    if not value:
        return None
    try:
        # most pages carry ISO 8601, which the standard library reads far faster than dateutil
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        pass
    else:
        if not 1990 <= when.year <= 2100:
            return None
        return when if when.tzinfo else when.replace(tzinfo=UTC)
    from dateutil import parser as dateparser  # 7 ms to import: only for a date not in ISO 8601

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


def _ld_scripts(scripts: list[etree._Element]) -> list[etree._Element]:
    """The first eight `//script[@type="application/ld+json"]`, in document order."""
    found = []
    for script in scripts:
        if script.get("type") == "application/ld+json":
            found.append(script)
            if len(found) == 8:
                break
    return found


def _text_of_first(elements: Iterable[etree._Element]) -> str | None:
    """`_first` of an element path: the first element with text, its text squashed."""
    for el in elements:
        text = el.text_content().strip()
        if text:
            return " ".join(text.split())
    return None


def _article_image(articles: list[etree._Element]) -> str | None:
    """The first non-blank `//article//img/@src`, squashed: the first src of an image inside
    an article (`articles`: the page's, in document order: the first article's images come
    before any later one's, and a nested article's are its enclosing one's)."""
    for article in articles:
        for img in article.iter("img"):
            src = (img.get("src") or "").strip()
            if src:
                return " ".join(src.split())
    return None


def _json_ld(scripts: list[etree._Element]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for script in _ld_scripts(scripts):
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):  # (nested too deeply for the decoder)
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


def _head_values(head: list[etree._Element]) -> dict[str, str]:
    """Every <meta> (by property/name/itemprop/http-equiv, lower-cased) and <link rel>
    (`head`: those elements, in document order); the first value of a key wins."""
    values: dict[str, str] = {}
    for el in head:
        if el.tag == "meta":
            key = el.get("property") or el.get("name") or el.get("itemprop") or el.get("http-equiv")
            value = el.get("content")
        else:
            key = "link:" + (el.get("rel") or "")
            value = el.get("href")
        if key and value and value.strip():
            values.setdefault(key.strip().lower(), " ".join(value.split()))
    return values


def _pick(values: dict[str, str], *keys: str) -> str | None:
    if not values:  # (a feed fragment has no <meta>: its keys are not looked at one by one)
        return None
    for key in keys:
        if key in values:
            return values[key]
    return None


def extract_meta(tree: lxml_html.HtmlElement, url: str | None,
                 found: Scan | None = None) -> PageMeta:
    """`found`: `scan(tree)`, when the caller has it."""
    meta = PageMeta()
    tagged = found if found is not None else scan(tree, noise=False)
    head = _head_values(tagged.head)
    meta.site_name = _pick(head, "og:site_name")
    ld = _json_ld(tagged.scripts)

    h1 = " ".join(tagged.h1s[0].text_content().split()) if tagged.h1s else None
    head_title = _pick(head, "og:title", "twitter:title") or _text_of_first(tagged.titles)
    if h1 and len(h1) < 300:
        meta.title = h1
    elif head_title:
        meta.title = clean_title(head_title, meta.site_name)
    elif ld and isinstance(ld[0].get("headline"), str):
        meta.title = ld[0]["headline"].strip()

    byline = _text_of_first(tagged.bylines)  # (`//@class[contains(., "byline")]/.. |
    # //@rel[. = "author"]/..`: `scan`'s)
    meta.byline = byline if byline and len(byline) < 120 else None
    author = _pick(head, "author", "article:author", "byl", "dc.creator", "parsely-author")
    if not _clean_author(author):
        author = next((a for a in map(_ld_author, ld) if a), None) or meta.byline
    meta.author = _clean_author(author)

    published = _pick(head, "article:published_time", "datepublished", "pubdate", "publishdate",
                      "date", "dc.date.issued", "dc.date", "parsely-pub-date", "sailthru.date",
                      "og:published_time")
    if not published:
        published = next((i["datePublished"] for i in ld if isinstance(i.get("datePublished"), str)),
                         None)
    if not published:
        published = next((el.get("datetime") for el in tagged.times if el.get("datetime")),
                         None)
    meta.published = parse_date(published)

    canonical = _pick(head, "link:canonical", "og:url")
    if canonical:
        canonical = urljoin(url or "", canonical)
        meta.canonical_url = canonical if canonical.startswith(("http://", "https://")) else None

    lang = tree.get("lang") or _pick(head, "content-language", "og:locale", "language")
    if lang:
        code = re.split(r"[-_]", lang.strip().lower())[0]
        meta.language = code if re.fullmatch(r"[a-z]{2}", code) else None

    image = _pick(head, "og:image", "og:image:url", "twitter:image", "twitter:image:src") or \
        _article_image(tagged.articles)
    if image:  # a web address only, as the canonical URL (not javascript:, file:, data: …)
        image = urljoin(url or "", image)
        meta.image = image if image.lower().startswith(("http://", "https://")) else None
    return meta
