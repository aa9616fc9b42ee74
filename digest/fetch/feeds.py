"""Feed parsing: RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.x.

Well-formed RSS 2.0 / RSS 1.0 / Atom 1.0 go through a direct lxml walk (about 20x faster than
feedparser, which matters at hundreds of feeds a run): `parse_strict`. Anything else — invalid
XML, Atom 0.3, oddities — comes back as `Loose`, for feedparser's forgiving parser, which runs
bounded (`loose.py`; in a worker with a time limit, `parsepool.py`). Dates are kept as the raw
strings and parsed by `dates.py`, never taken from feedparser's `*_parsed` fields.
"""

from __future__ import annotations

import html
import json
import logging
import re
from dataclasses import dataclass, field
from typing import Any, Literal

from lxml import etree

from ..encoding import declared_charset, decode, header_charset, normalise_charset, xml_utf8
from ..errors import internal_error
from ..text import no_surrogates
from .urls import resolve

log = logging.getLogger("digest.fetch")

ContentType = Literal["html", "text"]
ATOM = "{http://www.w3.org/2005/Atom}"
RSS1 = "{http://purl.org/rss/1.0/}"
DC = "{http://purl.org/dc/elements/1.1/}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
FEEDBURNER = "{http://rssnamespace.org/feedburner/ext/1.0}"
_XML_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                              remove_comments=True)
_TAG_RE = re.compile(r"<[^>]+>")
_ROOT_RE = re.compile(rb"<([A-Za-z_][\w.:-]*)")


@dataclass
class Entry:
    guid: str | None
    link: str | None
    title: str
    content: str  # full body when the feed had one, else ""
    content_type: ContentType = "html"
    summary: str = ""
    date: str | None = None  # raw published (or updated) string
    author: str | None = None
    canonical: str | None = None


@dataclass
class ParsedFeed:
    format: str  # "rss", "rdf", "atom", "json", "feedparser:<version>", "refused"
    title: str = ""
    link: str | None = None  # the site's home page
    entries: list[Entry] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    refused: str | None = None  # why the document was not read at all (one line)


# C0 controls that are not whitespace, DEL, and the non-characters U+FFFE/F: no XML holds them,
# so one in a title made the issue's own feed.xml invalid for every reader.
# (Those str.split takes for whitespace become a space.)
_NOT_TEXT: dict[int, str | None] = {
    **dict.fromkeys([*range(9), 14, 15, *range(16, 28), 0x7F, 0xFFFE, 0xFFFF]),
    **dict.fromkeys([11, 12, *range(28, 32)], " ")}


def plain(text: str | None) -> str:
    """Text without tags, entities and control characters, whitespace collapsed (for titles
    and names)."""
    if not text:
        return ""
    if "<" in text or "&" in text:
        text = html.unescape(_TAG_RE.sub(" ", text))
    return " ".join(text.translate(_NOT_TEXT).split())


MAX_TITLE = 300  # characters: longer is a body or junk in the title's place (a 50 KB <title>)


def bounded_title(title: str, most: int = MAX_TITLE) -> str:
    """`title` without control characters, cut at a word after at most `most` characters,
    with "…" (else whole)."""
    title = title.translate(_NOT_TEXT)
    if len(title) <= most:
        return title
    head = title[:most]
    space = head.rfind(" ", most // 2)
    return (head[:space] if space > 0 else head).rstrip(" ,;:-–—") + "…"


def sniff(body: bytes) -> str:
    """'feed', 'json', 'sitemap', 'html' or 'unknown', from the first bytes."""
    head = body[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{"):
        return "json"
    low = head.lower()
    if low.startswith((b"<!doctype html", b"<html")):
        return "html"
    # Skip the XML declaration, comments, processing instructions and doctypes.
    for match in _ROOT_RE.finditer(head):
        name = match.group(1).split(b":")[-1].lower()
        if name in (b"rss", b"feed", b"rdf", b"channel"):
            return "feed"
        if name in (b"urlset", b"sitemapindex"):
            return "sitemap"
        if name in (b"html", b"head", b"body"):
            return "html"
        if name != b"xml":
            return "unknown"
    return "unknown"


def _fast_root(body: bytes, content_type: str | None, url: str) -> etree._Element | None:
    """lxml straight on the bytes, when header and document agree on UTF-8 (most feeds):
    saves decoding and re-encoding. Invalid UTF-8 fails here and takes the careful path."""
    header = normalise_charset(header_charset(content_type))
    declared = normalise_charset(declared_charset(body)) or "utf-8"
    if declared != "utf-8" or header not in (None, "utf-8"):
        return None
    try:
        return etree.fromstring(body, parser=_XML_PARSER, base_url=url)
    except etree.XMLSyntaxError:
        return None


@dataclass
class Loose:
    """A document the strict parsers cannot read (invalid XML, Atom 0.3, RSS 0.9x): for the
    forgiving parser (`loose.parse_loose`), which is slow, so it runs bounded."""

    data: bytes  # UTF-8, its XML declaration saying so
    url: str
    warnings: list[str] = field(default_factory=list)


def parse_feed(body: bytes, url: str, content_type: str | None = None) -> ParsedFeed:
    """Parse a feed document. Never raises: an unparseable or refused document yields a
    ParsedFeed with no entries and the reason (in `warnings`, or `refused`)."""
    try:
        strict = parse_strict(body, url, content_type)
        if isinstance(strict, ParsedFeed):
            return strict
        # loose.py builds on this module, and imports feedparser (~0.1 s, in each parse
        # worker of a big run): only for a document the strict parsers cannot read
        from .loose import parse_loose

        return parse_loose(strict)
    except Exception as exc:  # a bug, or an input nobody foresaw: still only this document
        return refused(exc)


def refused(exc: Exception) -> ParsedFeed:
    """The ParsedFeed of a document whose parsing raised (logged with its traceback)."""
    log.error("internal error while parsing a feed", exc_info=(type(exc), exc, exc.__traceback__))
    return ParsedFeed(format="refused", refused=internal_error(exc))


def parse_strict(body: bytes, url: str, content_type: str | None = None) -> ParsedFeed | Loose:
    """JSON Feed, and well-formed RSS 2.0 / RSS 1.0 / Atom 1.0 by a direct lxml walk (fast and
    linear); anything else is handed back as Loose, for the forgiving parser."""
    if sniff(body) == "json":
        return parse_json_feed(decode(body, content_type)[0], url)
    root = _fast_root(body, content_type, url)
    data = b""
    if root is None:
        data = xml_utf8(decode(body, content_type)[0])
        try:
            root = etree.fromstring(data, parser=_XML_PARSER, base_url=url)
        except etree.XMLSyntaxError as exc:
            return Loose(data, url, [f"invalid XML ({first_line(str(exc))}); "
                                     "recovered what could be recovered"])
    walked = walk(root)
    return walked if walked is not None else Loose(
        data or xml_utf8(decode(body, content_type)[0]), url)


def walk(root: etree._Element) -> ParsedFeed | None:
    """The feed an RSS 2.0, RSS 1.0 or Atom 1.0 root element holds, or None for another root."""
    tag = root.tag if isinstance(root.tag, str) else ""
    if tag == "rss" and root.find("channel") is not None:
        return _rss(root)
    if tag.endswith("}RDF") and root.find(f"{RSS1}channel") is not None:
        return _rdf(root)
    if tag == f"{ATOM}feed":
        return _atom(root)
    return None


def first_line(text: str) -> str:
    return text.splitlines()[0][:160] if text else "unknown error"


def _text(el: etree._Element | None) -> str:
    if el is None:
        return ""
    if len(el) == 0:  # the common case, without building an iterator
        return (el.text or "").strip()
    return "".join(el.itertext()).strip()


def _link(el: etree._Element, raw: str | None) -> str | None:
    """`raw` resolved against the element's xml:base (and the document URL)."""
    if not raw:
        return None
    raw = raw.strip()
    if raw.startswith(("http://", "https://")) and " " not in raw:
        return raw  # already absolute: skip computing el.base, which walks the ancestors
    return resolve(el.base, raw)


def _children(el: etree._Element) -> dict[str, etree._Element]:
    """First child element per tag: one pass instead of a find() per field."""
    found: dict[str, etree._Element] = {}
    for child in el:
        tag = child.tag
        if isinstance(tag, str) and tag not in found:
            found[tag] = child
    return found


def _rss(root: etree._Element) -> ParsedFeed:
    channel = root.find("channel")
    assert channel is not None
    feed = ParsedFeed(format=f"rss{root.get('version', '')}",
                      title=plain(_text(channel.find("title"))),
                      link=_link(channel, _text(channel.find("link")) or None))
    for item in channel.iter("item"):
        f = _children(item)
        guid_el = f.get("guid")
        guid = _text(guid_el) or None
        link = _text(f.get("link")) or None
        atom_link = f.get(f"{ATOM}link")
        if not link and atom_link is not None:
            link = atom_link.get("href")
        if not link and guid and guid_el is not None and \
                guid_el.get("isPermaLink", "true").lower() == "true":
            link = guid
        author = _text(f.get(f"{DC}creator")) or _text(f.get("author")) or None
        feed.entries.append(Entry(
            guid=guid,
            link=_link(item, link),
            title=plain(_text(f.get("title"))),
            content=_text(f.get(f"{CONTENT}encoded")),
            summary=_text(f.get("description")),
            date=_text(f.get("pubDate")) or _text(f.get(f"{DC}date")) or None,
            author=plain(author) or None,
            canonical=_link(item, _text(f.get(f"{FEEDBURNER}origLink")) or None),
        ))
    return feed


def _rdf(root: etree._Element) -> ParsedFeed:
    channel = root.find(f"{RSS1}channel")
    assert channel is not None
    feed = ParsedFeed(format="rss1.0", title=plain(_text(channel.find(f"{RSS1}title"))),
                      link=_link(channel, _text(channel.find(f"{RSS1}link")) or None))
    for item in root.iter(f"{RSS1}item"):
        about = item.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
        link = _text(item.find(f"{RSS1}link")) or about
        feed.entries.append(Entry(
            guid=about or None,
            link=_link(item, link),
            title=plain(_text(item.find(f"{RSS1}title"))),
            content=_text(item.find(f"{CONTENT}encoded")),
            summary=_text(item.find(f"{RSS1}description")),
            date=_text(item.find(f"{DC}date")) or None,
            author=plain(_text(item.find(f"{DC}creator"))) or None,
        ))
    return feed


def _atom_text(el: etree._Element | None) -> tuple[str, ContentType]:
    """An Atom text construct as (html-or-text, type)."""
    if el is None:
        return "", "html"
    kind = (el.get("type") or "text").lower()
    if kind == "xhtml":
        div = el.find("{http://www.w3.org/1999/xhtml}div")
        holder = div if div is not None else el
        parts = [holder.text or ""] + [
            etree.tostring(child, encoding="unicode", method="html") for child in holder]
        html_text = "".join(parts)
        return re.sub(r"\s?xmlns(:\w+)?=\"[^\"]*\"", "", html_text).strip(), "html"
    if kind in ("html", "text/html"):
        return _text(el), "html"
    return _text(el), "text"


def _atom(root: etree._Element) -> ParsedFeed:
    feed = ParsedFeed(format="atom1.0", title=plain(_atom_text(root.find(f"{ATOM}title"))[0]))
    feed.link = _atom_link(root)
    for entry in root.iter(f"{ATOM}entry"):
        content_el = entry.find(f"{ATOM}content")
        content, ctype = _atom_text(content_el)
        if content_el is not None and content_el.get("src"):
            content = ""  # out-of-line content: the linked page is the body
        summary, stype = _atom_text(entry.find(f"{ATOM}summary"))
        if stype == "text" and summary:
            summary = html.escape(summary)
        author = entry.find(f"{ATOM}author/{ATOM}name")
        if author is None:
            author = root.find(f"{ATOM}author/{ATOM}name")
        canonical = None
        for link_el in entry.findall(f"{ATOM}link"):
            if link_el.get("rel") == "canonical":
                canonical = _link(link_el, link_el.get("href"))
        feed.entries.append(Entry(
            guid=_text(entry.find(f"{ATOM}id")) or None,
            link=_atom_link(entry),
            title=plain(_atom_text(entry.find(f"{ATOM}title"))[0]),
            content=content, content_type=ctype if content else "html", summary=summary,
            date=_text(entry.find(f"{ATOM}published")) or _text(entry.find(f"{ATOM}updated"))
            or None,
            author=plain(_text(author)) or None,
            canonical=canonical,
        ))
    return feed


def _atom_link(el: etree._Element) -> str | None:
    for link_el in el.findall(f"{ATOM}link"):
        if link_el.get("rel", "alternate") == "alternate" and link_el.get("href"):
            return _link(link_el, link_el.get("href"))
    return None


def parse_json_feed(text: str, url: str) -> ParsedFeed:
    try:
        doc = json.loads(text)
    except ValueError as exc:
        return ParsedFeed(format="json", warnings=[f"invalid JSON: {first_line(str(exc))}"])
    except RecursionError:  # ("[[[[…" 100,000 deep: was an internal error, a bug's traceback)
        return ParsedFeed(format="json", warnings=["invalid JSON: nested too deeply"])
    if not isinstance(doc, dict) or not str(doc.get("version", "")).startswith(
            ("https://jsonfeed.org/version/1", "http://jsonfeed.org/version/1")):
        return ParsedFeed(format="json", warnings=["JSON document is not a JSON Feed 1.x"])
    base = resolve(url, text_value(doc.get("feed_url"))) or url
    feed = ParsedFeed(format=f"json{str(doc['version']).rsplit('/', 1)[-1]}",
                      title=plain(text_value(doc.get("title"))),
                      link=resolve(base, text_value(doc.get("home_page_url"))))
    items = doc.get("items")
    if not isinstance(items, list):
        feed.warnings.append("JSON Feed without 'items'" if items is None else
                             f"JSON Feed 'items' is {_json_kind(items)}, not a list")
        items = []
    if strays := sum(not isinstance(item, dict) for item in items):
        feed.warnings.append(f"{strays} JSON Feed items that are not objects (ignored)")
    bad_urls = 0
    for item in items:
        if not isinstance(item, dict):
            continue
        content = text_value(item.get("content_html"))
        ctype: ContentType = "html"
        if not content and item.get("content_text"):
            content, ctype = text_value(item.get("content_text")), "text"
        authors = item.get("authors") or item.get("author")  # a list (1.1) or one (1.0)
        authors = authors if isinstance(authors, list) else [authors]
        names = [plain(text_value(a.get("name"))) for a in authors
                 if isinstance(a, dict) and a.get("name")]
        link = _url_value(item.get("url")) or _url_value(item.get("external_url"))
        bad_urls += item.get("url") is not None and not isinstance(item.get("url"), str)
        feed.entries.append(Entry(
            guid=text_value(item.get("id")) or None,
            link=resolve(base, link),
            title=plain(text_value(item.get("title"))),
            content=content, content_type=ctype if content else "html",
            summary=text_value(item.get("summary")),
            date=text_value(item.get("date_published")) or text_value(item.get("date_modified")) or None,
            author=", ".join(names) or None,
        ))
    if bad_urls:
        feed.warnings.append(f"{bad_urls} JSON Feed items whose 'url' is not a string (ignored)")
    return feed


def _url_value(value: Any) -> str:
    """A JSON Feed URL field: a string or nothing. A number or a boolean is no address (read
    as text, 12 became the feed's own path /12, a page that was never the item's)."""
    return text_value(value) if isinstance(value, str) else ""


def _json_kind(value: Any) -> str:
    """What a JSON value (not null) is, for a warning: "an object", "a string" …"""
    kinds = {dict: "an object", str: "a string", bool: "a boolean", int: "a number",
             float: "a number"}
    return kinds.get(type(value), "a value")


def text_value(value: Any) -> str:
    """A JSON (or feedparser) value as text: "" for null, objects and arrays; half a
    surrogate pair (a "\\ud800" escape, which json.loads lets through and no UTF-8 store can
    hold) becomes U+FFFD."""
    if value is None or isinstance(value, (dict, list)):
        return ""
    return no_surrogates(str(value)).strip()
