"""Main content: parse the page once, hand the tree to the cascade, turn its output into blocks.

The cascade (`cascade.py`) runs trafilatura in recall mode, and its default sequence when that
extraction is in doubt; our junk families then remove what it leaves inside the body. When it
finds nothing (tiny pages, feed fragments), the visible block text of the page is the
fallback, and the junk families do all the work.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

from lxml import etree
from lxml import html as lxml_html

from digest.clean.blocks import Block, BlockKind
from digest.clean.bodyblocks import body_to_blocks
from digest.clean.depth import flattened, too_deep
from digest.clean.scan import FRAGMENT_NOISE, NOISE_TAGS, UNSEEN_CLASSES, Scan, scan
from digest.errors import CleanError

# trafilatura logs every page it discards at WARNING; a cleaner's caller only wants our result.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)

_WS = re.compile(r"\s+")
_FALLBACK_SKIP = {"nav", "header", "footer", "aside", "menu"}
_UNSEEN = etree.XPath(" | ".join(
    f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {c} ')]" for c in UNSEEN_CLASSES))
_BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "tr",
               "figcaption", "dd", "dt"}


def _squash(text: str) -> str:
    return _WS.sub(" ", text).strip()


_PARSER = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, huge_tree=True,
                               encoding="utf-8", collect_ids=False, default_doctype=False)
# lxml.html picks each element's class in Python (form, input, label... have their own), once
# for every element the code touches, copies included: a tenth of the cleaning time. We use
# no form API, so every element is a plain HtmlElement, chosen in C.
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup(
    element=lxml_html.HtmlElement, comment=lxml_html.HtmlComment,
    pi=lxml_html.HtmlProcessingInstruction, entity=lxml_html.HtmlEntity))


# Characters libxml2 keeps in a parsed text node but lxml refuses to write back into one
# (ValueError "All strings must be XML compatible" when a dropped <script>'s tail is moved):
# C0 controls other than tab, newline and carriage return, and the non-characters U+FFFE/F.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NOT_XML_SPACE = str.maketrans({"\x0b": " ", "\x0c": " "})  # vertical tab, form feed


_C0_BYTES = bytes([*range(9), 11, 12, *range(14, 32)])


def xml_safe(text: str) -> str:
    """`text` without the characters an lxml tree cannot hold (form feeds become spaces)."""
    if _NOT_XML.search(text) is None:
        return text
    return _NOT_XML.sub("", text.translate(_NOT_XML_SPACE))


def has_controls(utf8: bytes) -> bool:
    """Whether UTF-8 bytes hold a C0 control other than tab, line feed and carriage return
    (one bytes.translate: what nearly no text holds, and what both the binary check and
    the parser's input would look for)."""
    return len(utf8.translate(None, _C0_BYTES)) != len(utf8)


def _utf8_xml_safe(markup: str, utf8: bytes | None = None, controls: bool = True) -> bytes:
    """xml_safe(markup) as UTF-8. The UTF-8 bytes are needed anyway, and checking them for
    C0 controls (bytes.translate) and the str for U+FFFE/F (find) takes a quarter of the
    time of a regex scan over the whole page; only a page that has one is rewritten.
    `utf8`: markup's UTF-8 bytes (strict), when the caller has them; `controls`: False when
    the caller found none in them (`has_controls`)."""
    data = markup.encode("utf-8", "replace") if utf8 is None else utf8
    if (controls and has_controls(data)) or "\ufffe" in markup or "\uffff" in markup:
        data = xml_safe(markup).encode("utf-8", "replace")
    return data


def parse_html(markup: str, utf8: bytes | None = None, *,
               controls: bool = True) -> lxml_html.HtmlElement:
    """A tolerant parse; malformed and unclosed markup is repaired by libxml2. `utf8`:
    markup's UTF-8 bytes (strict), when the caller has them (clean() encodes it once);
    `controls`: False when the caller found no C0 control in them (`has_controls`)."""
    # lxml refuses str input that carries an XML encoding declaration.
    if "<?" in markup[:200]:
        markup = re.sub(r"^\s*<\?xml[^>]*\?>", "", markup[:200]) + markup[200:]
        utf8 = None
    data = _utf8_xml_safe(markup, utf8, controls or utf8 is None)
    if not data or data.isspace() or markup.isspace():  # (`not x.strip()`, without a copy)
        raise CleanError("empty input")
    try:
        # bytes parse faster than str in libxml2 (no internal re-encoding)
        tree = lxml_html.document_fromstring(data, parser=_PARSER)
        if too_deep(_PARSER):  # (libxml2 stopped at 2,048 levels: the rest was lost)
            tree = lxml_html.document_fromstring(flattened(data), parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise CleanError(f"cannot parse HTML: {exc}") from exc
    if tree is None:
        raise CleanError("empty HTML document")
    return tree


def _text_of(el: etree._Element) -> str:
    return _squash("".join(el.itertext()))


def _fallback_blocks(tree: lxml_html.HtmlElement) -> list[Block]:
    """Every visible text block outside page chrome, in document order."""
    blocks: list[Block] = []
    root = tree.find("body")
    if root is None:
        root = tree
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag not in _BLOCK_TAGS:
            continue
        if any(a.tag in _FALLBACK_SKIP for a in el.iterancestors()):
            continue
        if tag != "tr" and any(isinstance(a.tag, str) and a.tag in _BLOCK_TAGS
                               for a in el.iterancestors()):
            continue  # already counted as part of its enclosing block
        text = _text_of(el)
        if not text:
            continue
        kind: BlockKind = ("h" if tag.startswith("h") and tag[1:].isdigit() else
                           "li" if tag in ("li", "dd", "dt") else
                           "row" if tag == "tr" else
                           "quote" if tag == "blockquote" else
                           "caption" if tag == "figcaption" else
                           "pre" if tag == "pre" else "p")
        blocks.append(Block(text, kind))
    return blocks


_DOCUMENT = re.compile(r"<\s*(?:html|head|body|!doctype)\b", re.I)


def is_fragment(markup: str) -> bool:
    """Markup without <html>, <head>, <body> or a doctype: a feed entry's content, which is the
    article by definition (there is no page around it to tell it from)."""
    return _DOCUMENT.search(markup, 0, 4096) is None  # (as if cut at 4096, without the copy)


def _drop_noise(tree: lxml_html.HtmlElement, tags: tuple[str, ...]) -> None:
    """Drop every element with one of `tags`. (The elements `//a | //b | …` selects, in the
    same document order, found in one walk of the tree instead of one an XPath step: 5 µs
    instead of 11 a feed item's fragment.)"""
    _drop(list(tree.iter(*tags)))


def _drop(elements: Iterable[etree._Element]) -> None:
    """Drop each element, its tail text kept; one inside an element dropped before went with
    it (dropping it again from what was dropped changes nothing)."""
    for bad in elements:
        if bad.getparent() is not None:
            bad.drop_tree()


def _drop_unseen(tree: lxml_html.HtmlElement) -> None:
    """Drop the elements only a screen reader reads (UNSEEN_CLASSES); their tail text stays.
    (Called when `scan` found one of the classes: most documents have none.)"""
    _drop(_UNSEEN(tree))


def extract_blocks(tree: lxml_html.HtmlElement, url: str | None, *, fragment: bool = False,
                   markup: str | None = None, found: Scan | None = None) -> list[Block]:
    """The article body of a parsed page as blocks (junk not yet removed).

    A fragment (a feed entry's HTML) is walked whole: an extractor looking for the article
    inside it finds its paragraphs without their headings (the headings that mark a promo box
    or an appended story), and every block of it is the entry's anyway. With `markup` (what
    `tree` was parsed from) the cascade may clean `tree` itself and parse again when it needs
    the page as it was. The blocks are for `apply_rules(deferred=True)`, which squashes
    their text (`body_to_blocks(defer=True)`). `found`: `scan(tree, noise=fragment)`, when
    the caller has it (read before the tree changed).
    """
    if found is None:
        found = scan(tree, noise=fragment)
    if found.hides:
        _drop_unseen(tree)
    if fragment:
        if found.noise is not None:
            _drop(found.noise)
        else:
            _drop_noise(tree, FRAGMENT_NOISE)
        # (`tree.find("body")` without ElementPath's parsing of the path: 0.9 -> 0.46 µs)
        root = next(tree.iterchildren("body"), None)
        return body_to_blocks(root if root is not None else tree, defer=True)
    # A page, not a fragment: only now is trafilatura needed (importing it is 0.14 s, in every
    # cleaning worker of a run that only meets feed fragments).
    from digest.clean.cascade import prepare, trafilatura_body

    reparse = None if markup is None else lambda: parse_html(markup)
    body: etree._Element | None = None
    try:
        body = trafilatura_body(tree, url, reparse)
    except (ValueError, TypeError, RecursionError, etree.LxmlError):
        body = None
    blocks = body_to_blocks(body, defer=True) if body is not None else []
    if not blocks:
        # trafilatura found nothing (a tiny page): take every visible block and let the junk
        # families do the work
        if reparse is not None:  # the cascade changed the tree: the page as it was, pruned
            tree = reparse()
            prepare(tree)
        _drop_noise(tree, NOISE_TAGS)
        blocks = _fallback_blocks(tree)
    return blocks
