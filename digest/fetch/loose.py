"""The forgiving parser (feedparser), for what the strict parsers cannot read, and its bounds.

feedparser reads broken feeds that lxml refuses, but it is slow (about 100-300 KB/s here: a
1.3 MB feed with one unescaped `&` took 14 s) and slower still on deep nesting, where a fuzzed
Atom feed nested past 256 levels kept it busy for half a minute. So before it runs:

- **Size.** It reads at most the first `LOOSE_MAX_BYTES` (1 MB: hundreds of entries, more than
  a run keeps) of a document, cut after the last complete `</item>` or `</entry>`; a warning
  says so.
- **Depth.** A document whose elements nest deeper than `MAX_DEPTH` (256, libxml2's own limit)
  is refused with that reason: no feed needs it, and it is how the slow cases look.
- **Character references** no character can have (a surrogate, past U+10FFFF), which made
  feedparser raise, become U+FFFD, and whitespace leaves namespace names (an NBSP in one
  made it raise ValueError).

And it runs in a worker process with a time limit (`parsepool.py`).
"""

from __future__ import annotations

import re
from typing import Any

import feedparser
from lxml import etree

from .feeds import ContentType, Entry, Loose, ParsedFeed, first_line, plain, text_value, walk
from .urls import resolve

LOOSE_MAX_BYTES = 1_000_000
MAX_DEPTH = 256
_CHARREF_RE = re.compile(rb"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")
# (no length bound: a value of any length is cleaned, a fuzz find had one of 2 KB and more;
# linear, as each opening quote is closed by the next quote of its kind, the next value's own)
_XMLNS_RE = re.compile(rb"""(xmlns(?::[\w.-]+)?\s*=\s*)(?:"([^"]*)"|'([^']*)')""")
_LAST_END_RE = re.compile(rb"</(?:[\w.-]+:)?(?:item|entry)\s*>", re.IGNORECASE)
_NAME_RE = re.compile(rb"/?([A-Za-z_][\w.:-]*)")
# Elements that never hold others (HTML void elements, raw in a broken feed) and those an
# opening twin closes (<p>…<p>), so that unclosed HTML inside an item does not count as depth.
_VOID = frozenset({b"br", b"img", b"hr", b"input", b"meta", b"link", b"area", b"base", b"col",
                   b"embed", b"param", b"source", b"track", b"wbr", b"enclosure"})
_SELF_CLOSING = frozenset({b"p", b"li", b"dt", b"dd", b"option", b"tr", b"td", b"th"})


def parse_loose(doc: Loose) -> ParsedFeed:
    """feedparser on a document the strict parsers could not read, within the bounds above."""
    data, warnings = doc.data, list(doc.warnings)
    if len(data) > LOOSE_MAX_BYTES:
        data = _truncate(data)
        warnings.append(f"invalid or unusual feed of {len(doc.data):,} bytes: only the first "
                        f"{len(data):,} read")
    depth = nesting_depth(data, MAX_DEPTH)
    if depth > MAX_DEPTH:
        return ParsedFeed(format="refused", refused=(
            f"refused: elements nested more than {MAX_DEPTH} levels deep (no feed needs it, "
            "and the forgiving parser would take minutes)"))
    if b"&#" in data:
        data = _CHARREF_RE.sub(_charref, data)
    if b"xmlns" in data:
        data = _XMLNS_RE.sub(_xmlns, data)
    return _feedparser(data, doc.url, warnings)


def _truncate(data: bytes) -> bytes:
    head = data[:LOOSE_MAX_BYTES]
    ends = [m.end() for m in _LAST_END_RE.finditer(head)]
    return head[: ends[-1]] if ends else head


def nesting_depth(data: bytes, limit: int) -> int:
    """How deep the document's elements nest, as a forgiving parser would see it (a closing
    tag closes up to its opening twin; one with no opening twin is ignored); counting stops
    past `limit`. Comments, CDATA and declarations are skipped. Linear in the size."""
    stack: list[bytes] = []
    deepest = 0
    pos, size = 0, len(data)
    while pos < size:
        lt = data.find(b"<", pos)
        if lt < 0:
            break
        if data.startswith(b"<!--", lt):
            end = data.find(b"-->", lt + 4)
            pos = size if end < 0 else end + 3
            continue
        if data.startswith(b"<![CDATA[", lt):
            end = data.find(b"]]>", lt + 9)
            pos = size if end < 0 else end + 3
            continue
        gt = data.find(b">", lt + 1)
        if gt < 0:
            break
        pos = gt + 1
        match = _NAME_RE.match(data, lt + 1)
        if match is None:
            continue  # "<!DOCTYPE", "<?xml", or a stray "<"
        name = match.group(1).lower()
        if data[lt + 1] == 0x2F:  # "</name>"
            if name in stack:
                del stack[len(stack) - 1 - stack[::-1].index(name):]
            continue
        if data[gt - 1] == 0x2F or name in _VOID:  # "<name/>"
            continue
        if stack and stack[-1] == name and name in _SELF_CLOSING:
            continue
        stack.append(name)
        deepest = max(deepest, len(stack))
        if deepest > limit:
            break
    return deepest


def _charref(match: re.Match[bytes]) -> bytes:
    hexa, decimal = match.groups()
    digits = hexa or decimal
    if len(digits) > 8:
        return b"&#xFFFD;"
    code = int(digits, 16 if hexa else 10)
    if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        return b"&#xFFFD;"
    return match.group(0)


def _xmlns(match: re.Match[bytes]) -> bytes:
    """A namespace name without whitespace: feedparser splits expat's "namespace name" pairs
    on any whitespace (an NBSP too), and a third part raised ValueError out of it."""
    quote = b'"' if match.group(2) is not None else b"'"
    value = (match.group(2) or match.group(3) or b"").decode("utf-8", "replace")
    return match.group(1) + quote + "".join(value.split()).encode() + quote


def _feedparser(data: bytes, url: str, warnings: list[str]) -> ParsedFeed:
    try:
        parsed: Any = feedparser.parse(data, response_headers={
            "content-location": url, "content-type": "application/xml; charset=utf-8"})
    except Exception as exc:  # feedparser's own crash on a broken document (`recovered`)
        return recovered(data, url, warnings, exc)
    feed = ParsedFeed(format=f"feedparser:{text_value(parsed.get('version')) or 'unknown'}",
                      title=plain(text_value(parsed.feed.get("title"))),
                      link=text_value(parsed.feed.get("link")) or None, warnings=warnings)
    if not parsed.get("version") and not parsed.entries:
        reason = parsed.get("bozo_exception")
        feed.warnings = [f"not a feed ({first_line(str(reason)) if reason else 'unknown'})"]
        return feed
    for entry in parsed.entries:
        # feedparser's values are not always text (an <item> inside <content> leaves the
        # summary None, which reached the cleaner): every field goes through text_value
        contents = entry.get("content")
        contents = [c for c in contents if isinstance(c, dict)] if isinstance(
            contents, list) else []
        content = "".join(text_value(c.get("value")) for c in contents)
        ctype: ContentType = "html"
        if contents and all(c.get("type") == "text/plain" for c in contents):
            ctype = "text"
        summary = text_value(entry.get("summary"))
        feed.entries.append(Entry(
            guid=text_value(entry.get("id")) or None,
            link=resolve(url, text_value(entry.get("link")) or None),
            title=plain(text_value(entry.get("title"))),
            content=content, content_type=ctype,
            summary=summary if summary != content else "",
            # (dict.get: feedparser's own get of "updated" answers with "published" when
            # only that is there, and warns that it will stop: an empty <pubDate/> met it)
            date=text_value(entry.get("published") or dict.get(entry, "updated")
                            or entry.get("created")) or None,
            author=plain(text_value(entry.get("author"))) or None,
            canonical=resolve(url, text_value(entry.get("feedburner_origlink")) or None),
        ))
    return feed


# libxml2 in recovery mode: it keeps what it can of a broken document; no entities, no network
_RECOVER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                           remove_comments=True, recover=True)


def recovered(data: bytes, url: str, warnings: list[str], exc: Exception) -> ParsedFeed:
    """What libxml2's recovery mode keeps of a document feedparser crashed on (a fuzzed
    `<link</item>>` made it raise KeyError: 'links'): the first RSS, RDF or Atom element in
    the recovered tree, walked as the strict parsers walk one, with a warning; when that
    holds no entry, the document is refused with the reason — the input's fault, not ours,
    and only this source's."""
    reason = f"{type(exc).__name__}: {first_line(str(exc))}"
    try:
        root = etree.fromstring(data, parser=_RECOVER, base_url=url)
    except etree.XMLSyntaxError:
        root = None
    for el in () if root is None else root.iter(etree.Element):
        feed = walk(el)
        if feed is not None and feed.entries:
            feed.format = f"recovered:{feed.format}"
            feed.warnings = [*warnings, f"broken feed ({reason} in the forgiving parser): "
                             "read what libxml2 could recover"]
            return feed
    return ParsedFeed(format="refused", warnings=warnings, refused=(
        f"refused: a feed too broken to read (the forgiving parser failed: {reason})"))
