"""The extraction cascade: trafilatura in recall mode first, its default sequence when in doubt.

Measured on pages nobody here tuned for (WCXB dev, 793 article pages) and on scrapinghub (181
news pages), with the junk families applied after each (word F1, mean):

| first extraction                         | WCXB dev | scrapinghub |
|------------------------------------------|----------|-------------|
| precision, main extractor only           | 0.880    | 0.949       |
| precision + readability/justext compare  | 0.912    | 0.967       |
| default sequence (trafilatura.extract)   | 0.935    | 0.963       |
| recall, main extractor only              | 0.921    | 0.969       |

Precision mode is what loses articles: it deletes every `<header>`, any block whose class has
"bottom" or "link" and short link-bearing paragraphs, so it picks a teaser box over the guide,
an opening post over the thread, or nothing when the article sits in `<header>`. Recall mode
keeps them; what it keeps besides (a link rail, a sign-up box) is what the junk families remove.

So the cascade is:

1. prune the raw tree as the library does (infinite-scroll followers, share widgets, comment
   sections unless the page is a forum thread, where the posts are the content), and cookie
   and consent dialogs;
2. run the library's main extractor in recall mode on the cleaned, converted tree;
3. only when that extraction is *in doubt* (under `DOUBT_COVERAGE` of the text the page holds
   in `<p>` elements: a teaser, a caption, a lone opening post, the first chunk of a split
   body; or shorter than `DOUBT_BELOW` characters on a page with little `<p>` text), gather a
   body the page splits into chunks (`join_split_body`) and extract again; if still in doubt,
   run trafilatura's default sequence (readability and justext comparison, baseline rescue,
   recall escalation) on the same pruned tree and keep the longer of the two, unless most
   of what it adds is not prose (`prefer`: teaser excerpts, link lists, repeated banners).

Step 3 runs on about 1 page in 13, so the cleaner stays faster than `trafilatura.extract`.

The raw-tree prunes are plain Python loops over the few tags they can match. trafilatura writes
them as XPath with EXSLT `re:test`, which calls back into Python for every element and is about
five times slower. `tests/clean/test_clean_cascade.py` checks that each loop selects exactly what
the library's XPath selects, so a trafilatura upgrade that changes one fails loudly.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from copy import copy

from lxml import etree
from lxml import html as lxml_html
from trafilatura.core import _forum_thread_page, trafilatura_sequence
from trafilatura.htmlprocessing import convert_tags, tree_cleaning
from trafilatura.main_extractor import extract_content
from trafilatura.settings import Extractor
from trafilatura.xml import delete_element
from trafilatura.xpaths import BODY_XPATH

from digest.clean.bodyblocks import body_to_blocks
from digest.clean.furniture import is_furniture

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
# A cookie banner or consent dialog, by its id or class: "onetrust-consent-sdk", "gdprbx",
# "cookie-law-info-bar", "cmplz-cookiebanner-container", "wt-cli-cookie-description". "cookie"
# alone is no sign: a baking blog's recipe card may be <div class="cookie-recipe">.
_CONSENT = re.compile(r"consent|gdpr|cookie.*(?:law|notice|banner|bar\b|popup|modal|dialog|"
                      r"polic|setting|preference|accept)|(?:cli|law|notice|banner)\W*cookie",
                      re.I)
_PAGE_PARTS = ("h1", "article", "main")


def _is_consent_box(el: etree._Element, joined: str) -> bool:
    """A cookie or consent banner: never the article, though recall mode keeps its text when
    the page is short or the banner sits in the body container. A wrapper whose class says the
    banner was answered ("page cookie-notice-accepted") holds the page's title or article
    and stays."""
    low = joined.lower()
    return (("cookie" in low or "consent" in low or "gdpr" in low)
            and _CONSENT.search(low) is not None and next(el.iter(*_PAGE_PARTS), None) is None)


def raw_prune_nodes(tree: etree._Element, *, comments: bool = True, consent: bool = False,
                    furniture: bool = False) -> list[etree._Element]:
    """What RAW_TREE_PRUNE_XPATH and (with `comments`) REMOVE_COMMENTS_AND_LISTS_XPATH select,
    in one walk; with `consent`, cookie and consent banners as well, and with `furniture`
    the boxes of page furniture their markup names (`furniture.MARKS`: author boxes,
    disclaimers, tooltips) (our additions).

    The library runs them one after the other; selecting all first deletes the same nodes
    (a node inside an already deleted one is only removed from the detached subtree)."""
    found = []
    for el in tree.iterdescendants(*_RAW_TAGS):
        el_id, el_class = el.get("id"), el.get("class")
        if el_id is None and el_class is None:
            if furniture and el.tag in _CONTAINER_TAGS and el.get("role") is not None \
                    and is_furniture(el, ""):
                found.append(el)  # (a tooltip is marked by its role alone)
            continue
        tag = el.tag
        if tag in _CONTAINER_TAGS:
            values = [v for v in (el_id, el_class) if v is not None]
            joined = " ".join(values)
            if ("elementor-share-buttons" in (el_class or "")
                    or (consent and _is_consent_box(el, joined))
                    or (furniture and is_furniture(el, joined))
                    or (("infinite" in joined or "mvp-post-add-" in joined)
                    and _is_scroller(el, values))):
                found.append(el)
                continue
        if comments and tag != "aside" and _is_comment_box(el_id, el_class,
                                                           list_tag=tag in ("ol", "ul")):
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


def split_break_runs(tree: etree._Element) -> int:
    """`<p>A<br><br>B</p>` becomes `<p>A</p><p>B</p>`, as the page shows it: trafilatura keeps
    one `<lb/>` of a run of breaks inside a paragraph, and the paragraph end is lost (a
    single break stays a break). Returns how many paragraphs were split."""
    runs: dict[etree._Element, list[etree._Element]] = {}
    for br in tree.iter("br"):
        nxt = br.getnext()
        parent = br.getparent()
        if (nxt is not None and nxt.tag == "br" and parent is not None and parent.tag == "p"
                and not (br.tail or "").strip()):
            runs.setdefault(parent, []).append(br)
    for para, starts in runs.items():
        _split_paragraph(para, set(starts))
    return len(runs)


def _split_paragraph(para: etree._Element, starts: set[etree._Element]) -> None:
    pieces: list[etree._Element] = [para.makeelement("p", dict(para.attrib))]
    pieces[0].text = para.text
    skipping = False
    for child in list(para):
        if child in starts or (skipping and child.tag == "br"):
            if not skipping:
                pieces.append(para.makeelement("p", dict(para.attrib)))
            skipping = not (child.tail or "").strip()
            if not skipping:
                pieces[-1].text = child.tail
            continue
        skipping = False
        pieces[-1].append(child)  # moved, tail and all
    pieces[-1].tail = para.tail
    parent = para.getparent()
    if parent is not None:
        at = parent.index(para)
        parent.remove(para)
        for offset, piece in enumerate(pieces):
            parent.insert(at + offset, piece)


CHUNK_MIN = 500  # characters of text in a chunk of a split body: paragraphs, not a teaser


def _signature(el: etree._Element | None) -> tuple[object, str | None]:
    return (None, None) if el is None else (el.tag, el.get("class"))


def join_split_body(cleaned: etree._Element) -> int:
    """Gather an article body the page splits into several same-named containers.

    The library's first body expression matches the first article-body container of each
    parent, and the extractor takes the first match only: a page that cuts its body into chunks
    (one `article__body` per grid row, with an ad rail between them) loses every chunk but the
    first. A later match is a chunk of the same body when it and its parent look exactly like
    the first match and its parent (same tag, same class) and holds prose of its own (at least
    `CHUNK_MIN` characters); a teaser list's items sit in parents of their own kind (a
    related-posts box, `post-<id>` classes) or are a line or two long, so they stay out.
    The chunks are moved, in order, into the first one. Returns how many were moved."""
    found = BODY_XPATH[0](cleaned)
    if len(found) < 2:
        return 0
    first = found[0]
    own, parent = _signature(first), _signature(first.getparent())
    moved = 0
    for chunk in found[1:]:
        if (_signature(chunk) == own and _signature(chunk.getparent()) == parent
                and len("".join(chunk.itertext()).strip()) >= CHUNK_MIN
                and not any(a is first for a in chunk.iterancestors())
                and not any(a is chunk for a in first.iterancestors())):
            first.append(chunk)  # lxml moves it, tail and all
            moved += 1
    return moved


_CODE_TAGS = ("script", "style", "noscript", "template", "iframe")
# An extraction is in doubt when it holds less than this share of the page's paragraph text
# (a teaser box, a caption, one post of a thread) ...
DOUBT_COVERAGE = 0.6
# ... or when it is shorter than this many characters (the library's escalation looks at
# extractions under 3,000; its minimum is 250) on a page with little text in <p> elements,
# where the share says nothing (the prose sits in <div>s, <td>s or <br>-separated runs).
DOUBT_BELOW = 2000
LITTLE_PROSE = 500


def paragraph_mass(tree: etree._Element) -> int:
    """Characters of text in the page's <p> elements: how much prose the page holds."""
    return sum(len("".join(p.itertext()).strip()) for p in tree.iter("p"))


def in_doubt(text: str, mass: int) -> bool:
    """A first extraction that may be a teaser, a caption or one post of many.

    A short extraction that holds most of the page's paragraph text is a short article: on
    the 135 pages that were in doubt under the old test (shorter than 2,000 characters, or
    under 60 % of the paragraph text), the default sequence changed the result on none of the
    59 short ones holding 60 % or more of 500+ characters of paragraph text, and it costs
    more than the rest of the cleaning together."""
    size = len(text)
    return size < DOUBT_COVERAGE * mass or (size < DOUBT_BELOW and mass < LITTLE_PROSE)


def prepare(tree: lxml_html.HtmlElement) -> bool:
    """The raw-tree prunes (the library's, consent banners, and page furniture its markup
    names: `furniture.MARKS`) and break-run splits, in place; True on a forum thread."""
    is_forum = _forum_thread_page(tree)
    _delete_all(raw_prune_nodes(tree, comments=not is_forum, consent=True, furniture=True))
    split_break_runs(tree)
    return is_forum


def trafilatura_body(tree: lxml_html.HtmlElement, url: str | None,
                     reparse: Callable[[], lxml_html.HtmlElement] | None = None
                     ) -> etree._Element:
    """The article body as trafilatura's XML (<p>, <head>, <list>, <table>, ...).

    The tree is ours (the metadata has been read from it) and is changed in place. With
    `reparse` (a fresh parse of the same page) the first extraction cleans the tree itself
    instead of a copy, and a page in doubt is parsed again: copying every page's tree took
    4 % of the cleaning time, parsing again the pages in doubt (1 in 13) a tenth of that.
    """
    is_forum = prepare(tree)
    options = Extractor(recall=True, comments=False, tables=True, url=url)

    def converted(raw: lxml_html.HtmlElement) -> etree._Element:
        cleaned = convert_tags(tree_cleaning(raw, options), options, url)
        if not is_forum:
            # after conversion lists are <list>: comment lists left by the raw prune go here
            _delete_all(comment_nodes(cleaned))
        return cleaned

    mass = paragraph_mass(tree)
    body, text = extract_content(converted(tree if reparse else copy(tree)), options)
    if not in_doubt(text, mass):
        return body
    if reparse is not None:
        tree = reparse()
        prepare(tree)
    # in doubt: perhaps the extractor took the first chunk of a split body (the body
    # expression is an EXSLT XPath, costly, so only here)
    joined = converted(copy(tree))
    if join_split_body(joined):
        joined_body, joined_text = extract_content(joined, options)
        if len(joined_text) > len(text):
            body, text = joined_body, joined_text
            if not in_doubt(text, mass):
                return body
    default = Extractor(comments=False, tables=True, url=url)
    # the sequence's baseline rescue reads the raw tree's text: never a script's or an iframe's
    etree.strip_elements(tree, *_CODE_TAGS, with_tail=False)
    other = trafilatura_sequence(tree, default, url)[0]
    return prefer(body, other)


# Two extractions in doubt: the longer one is kept (a doubtful extraction is usually too short,
# a teaser of the article) unless less than this share of what it adds is prose ...
ADDED_PROSE = 0.5
# ... where a paragraph is prose when it ends a sentence, or when it is longer than any teaser
# excerpt (a text run with no paragraph breaks) and holds a sentence end per this many
# characters. Teaser excerpts are cut mid-sentence or with an ellipsis, link lists and label
# runs end no sentence, a banner repeated per country ends in a link phrase.
LONG_PARAGRAPH = 1000
CHARS_PER_SENTENCE = 250
_CLOSERS = "\"'”’»)\\]"
_ENDS_SENTENCE = re.compile(f"(?:[。！？]|[.!?])[{_CLOSERS}]*$")
_CUT_SHORT = re.compile(f"(?:…|\\.\\.\\.)[{_CLOSERS}]*$")
_SENTENCE_END = re.compile(f"[。！？]|[.!?][{_CLOSERS}]*(?=\\s|$)")
_NOT_WORD = re.compile(r"\W+")


def prose_chars(paragraph: str) -> int:
    """How many of a paragraph's characters are prose: all or none."""
    if _ENDS_SENTENCE.search(paragraph) and not _CUT_SHORT.search(paragraph):
        return len(paragraph)
    if (len(paragraph) >= LONG_PARAGRAPH and CHARS_PER_SENTENCE
            * len(_SENTENCE_END.findall(paragraph)) >= len(paragraph)):
        return len(paragraph)
    return 0


def added_prose(shorter: list[str], longer: list[str]) -> float:
    """The share of prose in the paragraphs of `longer` that `shorter` does not have."""
    have = {_NOT_WORD.sub("", p.lower()) for p in shorter}
    added = [p for p in longer if _NOT_WORD.sub("", p.lower()) not in have]
    size = sum(len(p) for p in added)
    return sum(prose_chars(p) for p in added) / size if size else 1.0


def prefer(first: etree._Element, other: etree._Element) -> etree._Element:
    """The better of two extractions of a page in doubt: the longer, unless most of what it
    adds to the shorter is not prose (teaser excerpts of other posts, a list of client names,
    a shipping banner per country, a category label and the site's address)."""
    paragraphs = [[b.text for b in body_to_blocks(t)] for t in (first, other)]
    sizes = [sum(len(p) for p in ps) for ps in paragraphs]
    longer = 1 if sizes[1] > sizes[0] else 0
    if sizes[1 - longer] and added_prose(paragraphs[1 - longer],
                                         paragraphs[longer]) < ADDED_PROSE:
        longer = 1 - longer
    return (first, other)[longer]
