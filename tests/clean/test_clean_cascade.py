"""The trafilatura cascade in digest.clean.cascade selects and extracts what the library does.

The raw-tree prunes are Python loops standing in for trafilatura's EXSLT XPaths: each must
select exactly the same nodes, so a trafilatura upgrade that changes an XPath fails here.
"""

from __future__ import annotations

import pytest
from lxml import etree
from trafilatura.core import trafilatura_sequence
from trafilatura.htmlprocessing import convert_tags, tree_cleaning
from trafilatura.settings import Extractor
from trafilatura.xpaths import (
    RAW_TREE_PRUNE_XPATH,
    REMOVE_COMMENTS_AND_LISTS_XPATH,
    REMOVE_COMMENTS_XPATH,
)

from digest.clean.cascade import comment_nodes, raw_prune_nodes, trafilatura_body
from digest.clean.extract import parse_html

PARA = ("The ferry operator said on Thursday that the new hybrid vessel would enter service in "
        "the autumn, cutting fuel use on the island route by about a third. ")

PRUNE_PAGE = f"""<html><body>
<div id="main"><h1>Hybrid ferry to enter service</h1><p>{PARA * 3}</p></div>
<div id="comments"><p>Great news!</p></div>
<div id="commentary"><p>{PARA}</p></div>
<section class="Comment-area"><p>First!</p></section>
<div class="post-comments wide"><p>Nice.</p></div>
<div class="article-commentary"><p>{PARA}</p></div>
<details id="comol-3"><p>folded</p></details>
<ol class="comment-list"><li>one</li></ol>
<ul id="disqus_thread"><li>a list with a disqus id is kept</li></ul>
<ul id="comment-feed"><li>gone</li></ul>
<div id="disqus_thread"><p>loading comments</p></div>
<div id="dsq-comments-box"><p>x</p></div>
<aside class="comments"><p>an aside is not in the list of boxes</p></aside>
<div class="infinite-scroll"><h2>Next story</h2><p>{PARA}</p></div>
<div class="infinite-scroll-wrap"><h1>The real article</h1><p>{PARA}</p></div>
<section id="mvp-post-add-box"><h1>Appended</h1><p>{PARA}</p></section>
<aside class="infinitescroll"><p>more</p></aside>
<div class="elementor-widget elementor-share-buttons"><a>Share</a></div>
<section class="elementor-share-buttons--view-icon"><a>Share</a></section>
<div class="my-comments"><p>kept: does not start with comment</p></div>
</body></html>"""


def _xpath_nodes(tree: etree._Element, xpaths: list[etree.XPath]) -> list[etree._Element]:
    found: set[etree._Element] = set()
    for xp in xpaths:
        result = xp(tree)
        assert isinstance(result, list)
        found.update(el for el in result if isinstance(el, etree._Element))
    return [el for el in tree.iter() if el in found]  # document order


def test_raw_prune_selects_what_trafilatura_selects() -> None:
    tree = parse_html(PRUNE_PAGE)
    expected = _xpath_nodes(tree, RAW_TREE_PRUNE_XPATH + REMOVE_COMMENTS_AND_LISTS_XPATH)
    assert len(expected) >= 10  # the fixture exercises most branches
    assert raw_prune_nodes(tree) == expected


def test_comment_prune_on_the_converted_tree_matches_trafilatura() -> None:
    options = Extractor(precision=True, comments=False, tables=True)
    converted = convert_tags(tree_cleaning(parse_html(PRUNE_PAGE), options), options, None)
    expected = _xpath_nodes(converted, REMOVE_COMMENTS_XPATH)
    assert expected
    assert comment_nodes(converted) == expected


def _library_body(markup: str, url: str | None) -> bytes:
    options = Extractor(precision=True, comments=False, tables=True, url=url)
    return etree.tostring(trafilatura_sequence(parse_html(markup), options, url)[0])


LONG_PAGE = ("<html><body><nav><a href='/'>Home</a> <a href='/x'>News</a></nav><article>"
             "<h1>Hybrid ferry</h1>" + "".join(f"<p>{PARA}Paragraph {i}.</p>" for i in range(8))
             + "</article><footer><p>Contact us</p></footer></body></html>")


@pytest.mark.parametrize("name", ["news", "prune", "short", "long"])
def test_body_equals_the_library_cascade(name: str, news_page: str) -> None:
    markup = {"news": news_page, "prune": PRUNE_PAGE,
              # a short first extraction still goes through the readability comparison
              "short": f"<html><body><div><p>{PARA}</p></div></body></html>",
              # a long one skips it (the library's comparison keeps its own result there)
              "long": LONG_PAGE}[name]
    ours = etree.tostring(trafilatura_body(parse_html(markup), "https://example.org/a"))
    assert ours == _library_body(markup, "https://example.org/a")


def test_raw_tree_is_pruned_in_place() -> None:
    tree = parse_html(PRUNE_PAGE)
    trafilatura_body(tree, None)
    # pruned in place: comment boxes are gone, the article is still there
    text = "".join(tree.itertext())
    assert "Great news!" not in text and "Hybrid ferry" in text
