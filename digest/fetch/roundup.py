"""Link roundups: an email newsletter that is mostly a list of links with a line or two each.

Such a message is several articles, not one, so each linked article becomes its own entry. The
detection is conservative, because splitting an essay that merely cites a few links would be
worse than keeping a roundup whole:

- an *entry* is a link to an http(s) article (not a home page, share, unsubscribe or
  "view in browser" link) whose text reads like a title (3+ words, 15-200 characters), in a
  block that has no other title-like link and no more than a short label before the link,
  with a blurb of 30-500 characters: the rest of that block, else the next block (a
  heading-style link), else the previous one;
- a message is a roundup when it has at least 3 distinct entries and the entries' words
  (titles and blurbs) are at least half the words of the message's own prose (blocks of 12+
  words outside the entries, footers excluded): an essay with a short reading list stays one;
- the whole message is kept as an item too only when its own prose reaches 150 words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
from lxml import etree

from .urls import canonical_key, is_web_url, strip_tracking

# The body is already text: lxml must not guess an encoding for its bytes (it would take
# them as Latin-1 without a <meta charset>).
UTF8_HTML = lxml.html.HTMLParser(encoding="utf-8")
MIN_ENTRIES = 3
PROSE_RATIO = 2  # own prose may be up to this many times the entries' words
MIN_OWN_PROSE = 150  # words of the message's own prose that make it an item as well
_BLURB = (30, 500)
_TITLE = (15, 200)
_LABEL = 20  # characters allowed before the link in its block ("1.", "AI:", "•")
_PROSE_BLOCK = 12  # words: shorter blocks are furniture (headers, buttons, footers' lines)
_BLOCKS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "div",
                     "blockquote", "dd", "dt", "section", "article", "table", "tbody", "tr",
                     "ul", "ol", "body", "center", "header", "footer", "main", "aside"})
_NOT_ARTICLE = re.compile(
    r"unsubscribe|/subscribe\b|preferences|opt-?out|list-manage\.com|/share\b|sharer|"
    r"/intent/|/manage\b|/account\b|/login\b|/signup\b|/donate\b|/forward\b|forward-to",
    re.IGNORECASE)
_FURNITURE_TEXT = re.compile(
    r"unsubscribe|view (it )?(in|on) (your |a |the )?(browser|web)|web version|read online|"
    r"manage (your )?(preferences|subscription)|update your preferences|"
    r"you (are receiving|received) this|mailing address|forward(ed)? (this|to a friend)|"
    r"sponsored by|advertise with", re.IGNORECASE)


@dataclass(frozen=True)
class Link:
    url: str
    title: str
    blurb: str


@dataclass(frozen=True)
class Roundup:
    links: list[Link]
    keep_message: bool  # the message has substantial prose of its own


def _text(element: etree._Element) -> str:
    return " ".join(str(element.text_content()).split())


def _words(text: str) -> int:
    return len(text.split())


def _block_of(element: etree._Element) -> etree._Element | None:
    for ancestor in element.iterancestors():
        if ancestor.tag in _BLOCKS:
            return ancestor
    return None


def _is_leaf(block: etree._Element) -> bool:
    return not any(d.tag in _BLOCKS for d in block.iterdescendants() if d is not block)


def _title_like(a: etree._Element) -> str | None:
    """The link's text when it reads like an article title and points to an article."""
    href = str(a.get("href", "")).strip()
    if not is_web_url(href) or _NOT_ARTICLE.search(href):
        return None
    path = href.split("://", 1)[-1].partition("/")[2].split("?", 1)[0].strip("/")
    if not path:
        return None  # a home page, not an article
    title = _text(a)
    if not (_TITLE[0] <= len(title) <= _TITLE[1]) or _words(title) < 3:
        return None
    if _FURNITURE_TEXT.search(title):
        return None
    return title


def _top_inline(a: etree._Element, block: etree._Element) -> etree._Element:
    """The link, or the inline element wrapping it (<strong><a>…), that is a child of block."""
    node = a
    while node.getparent() is not None and node.getparent() is not block:
        node = node.getparent()
    return node


def _neighbour_blurb(node: etree._Element, step: str,
                     used: set[etree._Element]) -> etree._Element | None:
    sibling = node.getnext() if step == "next" else node.getprevious()
    while sibling is not None and not isinstance(sibling.tag, str):
        sibling = sibling.getnext() if step == "next" else sibling.getprevious()
    if sibling is None or sibling.tag not in _BLOCKS or sibling in used:
        return None
    text = _text(sibling)
    if not (_BLURB[0] <= len(text) <= _BLURB[1]) or _FURNITURE_TEXT.search(text):
        return None
    if any(_title_like(a) for a in sibling.iterfind(".//a[@href]")):
        return None  # the next entry, not this one's blurb
    return sibling


def _entry(a: etree._Element, title: str,
           used: set[etree._Element]) -> tuple[str, list[etree._Element]] | None:
    """(blurb, the elements it used) for a title-like link, or None if it has no blurb."""
    block = _block_of(a)
    if block is None or block in used:
        return None
    others = [x for x in block.iterfind(".//a[@href]") if x is not a and _title_like(x)]
    if others:
        return None  # several titles in one block: prose citing links, or a dense list
    if _is_leaf(block):
        text = _text(block)
        before, _, after = text.partition(title)
        if len(before.strip()) > _LABEL:
            return None  # the link sits inside a sentence
        rest = " ".join((before + " " + after).split()).strip(" -–—:|·•")
        if _BLURB[0] <= len(rest) <= _BLURB[1]:
            return rest, [block]
        if rest and len(rest) > _BLURB[1]:
            return None
        node = block  # a heading-style link alone in its block: the blurb is a neighbour
    else:
        node = _top_inline(a, block)
    for step in ("next", "previous"):
        blurb = _neighbour_blurb(node, step, used)
        if blurb is not None:
            return _text(blurb), [node, blurb]
    return None


def _own_prose(doc: etree._Element, used: set[etree._Element]) -> int:
    words = 0
    for block in doc.iter(*_BLOCKS):
        if not _is_leaf(block) or block in used or any(a in used
                                                       for a in block.iterancestors()):
            continue
        text = _text(block)
        if _words(text) >= _PROSE_BLOCK and not _FURNITURE_TEXT.search(text):
            words += _words(text)
    return words


def find_roundup(html: str) -> Roundup | None:
    """The message's linked articles when it is a link roundup, else None."""
    if "<a" not in html.lower():
        return None
    try:
        doc = lxml.html.document_fromstring(html.encode("utf-8"), parser=UTF8_HTML)
    except (etree.ParserError, ValueError):
        return None
    for junk in list(doc.iter("style", "script")):
        junk.drop_tree()
    links: list[Link] = []
    seen: set[str] = set()
    used: set[etree._Element] = set()
    entry_words = 0
    for a in list(doc.iterfind(".//a[@href]")):
        title = _title_like(a)
        if title is None:
            continue
        url = strip_tracking(str(a.get("href")).strip())
        key = canonical_key(url)
        if key in seen:
            continue
        found = _entry(a, title, used)
        if found is None:
            continue
        blurb, elements = found
        seen.add(key)
        used.update(elements)
        links.append(Link(url=url, title=title, blurb=blurb))
        entry_words += _words(title) + _words(blurb)
    if len(links) < MIN_ENTRIES:
        return None
    prose = _own_prose(doc, used)
    if entry_words * PROSE_RATIO < prose:
        return None  # an essay that cites links, not a list of them
    return Roundup(links=links, keep_message=prose >= MIN_OWN_PROSE)
