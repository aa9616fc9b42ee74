"""trafilatura's precision cascade, stage by stage, with the costly parts made cheap.

`trafilatura_sequence()` in precision mode without comments does: prune a few containers from
the raw tree (appended-article scrollers, share widgets, comment sections), clean and convert a
copy, run the main extractor, then *always* compare with readability (and sometimes justext).
On the scrapinghub set that comparison changes 6 of 181 pages, all with a first extraction
under 900 characters (five rescues under 350, one loss at 894), and costs about 40% of the time
per page. So here:

* the comparison only runs when the first extraction is in doubt (`_clearly_good`): the
  output is the library's on 180 of the 181 pages, and better on the other;
* the cleaned copy the comparison needs is rebuilt only for those pages, not kept up front;
* the raw-tree prunes are plain Python loops over the few tags they can match. trafilatura
  writes them as XPath with EXSLT `re:test`, which calls back into Python for every element
  and is about five times slower. `tests/clean/test_clean_cascade.py` checks that each loop
  selects exactly what the library's XPath selects, so a trafilatura upgrade that changes one
  fails loudly.

Everything else (cleaning, tag conversion, the extractor itself) is the library's own code.
"""

from __future__ import annotations

import re
from copy import copy

from lxml import etree
from lxml import html as lxml_html
from trafilatura.core import _forum_thread_page
from trafilatura.external import compare_extraction
from trafilatura.htmlprocessing import convert_tags, tree_cleaning
from trafilatura.main_extractor import extract_content
from trafilatura.settings import Extractor
from trafilatura.xml import delete_element

# The patterns of trafilatura.xpaths RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_XPATH and
# REMOVE_COMMENTS_AND_LISTS_XPATH (re:test is re.search on the attribute value).
_SCROLLER = re.compile(r"mvp-post-add-(?:box|wrap)|infinite-?scroll")
_SCROLLER_STRICT = re.compile(r"mvp-post-add-(?:box|wrap)")
_COMMENTS_ID = re.compile(r"^(?:[Cc]omment(?!ary)|comol|disqus_thread|dsq-comments)")
_COMMENTS_LIST_ID = re.compile(r"^(?:[Cc]omment(?!ary)|comol)")
_COMMENTS_CLASS = re.compile(r"^[Cc]omment(?!ary)|(?:article|post)-comments")


def _matches(value: str | None, literal: str, pattern: re.Pattern[str]) -> bool:
    # the literal is a substring every match contains: most values fail it without a regex
    return value is not None and literal in value and bool(pattern.search(value))


def _is_scroller(el: etree._Element, values: list[str]) -> bool:
    """RAW_TREE_PRUNE_XPATH[0]: infinite-scroll containers holding follow-up articles
    (unless they hold the page's h1, when they are a generic wrapper of the real one)."""
    if not any(_SCROLLER.search(v) for v in values):
        return False
    return any(_SCROLLER_STRICT.search(v) for v in values) or next(el.iter("h1"), None) is None


def _is_comment_box(el_id: str | None, el_class: str | None, *, list_tag: bool) -> bool:
    """REMOVE_COMMENTS(_AND_LISTS)_XPATH: a comment section by id or class; ol/ul lists only
    by the comment id/class proper, not by the disqus ids."""
    id_pattern = _COMMENTS_LIST_ID if list_tag else _COMMENTS_ID
    return (el_id is not None and bool(id_pattern.search(el_id))) or _matches(
        el_class, "omment", _COMMENTS_CLASS)


_RAW_TAGS = ("div", "section", "aside", "details", "ol", "ul")
_CONTAINER_TAGS = ("div", "section", "aside")


def raw_prune_nodes(tree: etree._Element) -> list[etree._Element]:
    """What RAW_TREE_PRUNE_XPATH and REMOVE_COMMENTS_AND_LISTS_XPATH select, in one walk.

    The library runs them one after the other; selecting all first deletes the same nodes
    (a node inside an already deleted one is only removed from the detached subtree)."""
    found = []
    for el in tree.iterdescendants(*_RAW_TAGS):
        el_id, el_class = el.get("id"), el.get("class")
        if el_id is None and el_class is None:
            continue
        tag = el.tag
        if tag in _CONTAINER_TAGS:
            values = [v for v in (el_id, el_class) if v is not None]
            joined = " ".join(values)
            if ("elementor-share-buttons" in (el_class or "")
                    or (("infinite" in joined or "mvp-post-add-" in joined)
                    and _is_scroller(el, values))):
                found.append(el)
                continue
        if tag != "aside" and _is_comment_box(el_id, el_class, list_tag=tag in ("ol", "ul")):
            found.append(el)
    return found


def comment_nodes(tree: etree._Element) -> list[etree._Element]:
    """REMOVE_COMMENTS_XPATH on the converted tree (where lists are <list>)."""
    found = []
    for el in tree.iterdescendants("div", "list", "section", "details"):
        el_id, el_class = el.get("id"), el.get("class")
        if (el_id is not None or el_class is not None) and _is_comment_box(
                el_id, el_class, list_tag=False):
            found.append(el)
    return found


def _delete_all(nodes: list[etree._Element]) -> None:
    for el in nodes:
        delete_element(el)  # keeps the tail text, as prune_unwanted_nodes does


def _clearly_good(body: etree._Element, text: str, options: Extractor) -> bool:
    """No need to ask readability/justext: a first extraction of at least twice the library's
    MIN_EXTRACTED_SIZE (500 characters), with paragraph text, not table-dominated.

    Below that size readability and justext get their say, as in trafilatura. Above it the
    library only switches when readability's text is more than twice as long; on scrapinghub
    that happened once among the 13 pages between 500 and 1,000 characters, and it replaced a
    correct 894-character article with 3,933 characters of the wrong text.
    """
    if len(text) < 2 * options.min_extracted_size:
        return False
    paragraphs = len(body.findall(".//p"))
    return 0 < paragraphs >= len(body.findall(".//table"))


def trafilatura_body(tree: lxml_html.HtmlElement, url: str | None) -> etree._Element:
    """The article body as trafilatura's XML (<p>, <head>, <list>, <table>, ...).

    The raw tree is pruned in place: it is ours, and the metadata has been read from it.
    """
    options = Extractor(precision=True, comments=False, tables=True, url=url)
    is_forum = _forum_thread_page(tree)
    _delete_all(raw_prune_nodes(tree))
    cleaned = convert_tags(tree_cleaning(copy(tree), options), options, url)
    if not is_forum:
        # after conversion lists are <list>: comment lists left by the raw prune go here
        _delete_all(comment_nodes(cleaned))
    body, text = extract_content(cleaned, options)
    if not _clearly_good(body, text, options):
        backup = tree_cleaning(copy(tree), options)
        body, text = compare_extraction(backup, copy(tree), body, text, options)
    return body
