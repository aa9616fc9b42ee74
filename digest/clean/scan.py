"""What the cleaner looks for in a parsed page by tag and by attribute, found once for both of
its readers (the metadata, `meta.py`; the article, `extract.py`): one walk of the tree for the
tags (lxml's own tag filter) and one XPath over the attributes for the classes and the rel
that mark something. (A walk and an XPath for each reader were ~2.5 µs of a feed item more.)

    scan(tree, noise=...) -> Scan
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

# Classes that hide text from the eye and keep it for screen readers: "Opens a New Window."
# after a link, WordPress's "Continue reading <span class="screen-reader-text">Title</span>",
# "Skip to content". No reader of the page sees it, so no reader of the issue should
# (Bootstrap 3-4, Bootstrap 5, HTML5 Boilerplate, WordPress, Drupal 7).
UNSEEN_CLASSES = ("sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text",
                  "element-invisible")
NOISE_TAGS = ("script", "style", "noscript", "template", "svg", "canvas", "iframe", "object",
              "embed", "button", "select", "textarea", "input")
FRAGMENT_NOISE = (*NOISE_TAGS, "nav")  # what a feed fragment loses before it is walked
_FRAGMENT_NOISE = frozenset(FRAGMENT_NOISE)
# the metadata's tags, each with its list's place in `Scan` (<meta> and <link> share one)
_META_PLACE = {"meta": 0, "link": 0, "script": 1, "h1": 2, "title": 3, "time": 4, "article": 5}
# a byline's marks and the hiding classes, in the parsed values (a character reference
# decoded: class="sr&#45;only" is sr-only), one walk of the attributes in C
_MARKED = etree.XPath("//@class[contains(., 'byline')" + "".join(
    f" or contains(., '{c}')" for c in UNSEEN_CLASSES) + "] | //@rel[. = 'author']")


@dataclass(frozen=True)
class Scan:
    """The elements of a page the cleaner reads by tag, each list in document order, and
    what its attributes mark."""

    head: list[etree._Element]  # <meta> and <link>
    scripts: list[etree._Element]
    h1s: list[etree._Element]
    titles: list[etree._Element]
    times: list[etree._Element]
    articles: list[etree._Element]
    noise: list[etree._Element] | None  # FRAGMENT_NOISE's elements (None: not looked for)
    bylines: list[etree._Element]  # a class holding "byline", or rel="author"
    hides: bool  # some class holds one of UNSEEN_CLASSES


def scan(tree: etree._Element, *, noise: bool) -> Scan:
    """What the page holds, read before either reader changes it (`noise`: look for a
    fragment's noise too)."""
    lists: tuple[list[etree._Element], ...] = ([], [], [], [], [], [])  # (_META_PLACE)
    found: list[etree._Element] = []
    for el in tree.iter(*_META_PLACE, *(FRAGMENT_NOISE if noise else ())):
        tag = el.tag
        place = _META_PLACE.get(tag)  # type: ignore[call-overload]
        if place is not None:
            lists[place].append(el)
        if noise and tag in _FRAGMENT_NOISE:  # (a script is both)
            found.append(el)
    bylines: list[etree._Element] = []
    hides = False
    for value in _MARKED(tree):  # type: ignore[union-attr]
        # (attributes in document order: an element's own are next to each other)
        if value.attrname == "rel" or "byline" in value:
            parent = value.getparent()
            if not bylines or bylines[-1] is not parent:
                bylines.append(parent)
        if value.attrname == "class" and any(c in value for c in UNSEEN_CLASSES):
            hides = True
    head, scripts, h1s, titles, times, articles = lists
    return Scan(head, scripts, h1s, titles, times, articles, found if noise else None, bylines,
                hides)
