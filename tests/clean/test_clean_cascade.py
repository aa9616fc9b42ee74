"""The trafilatura cascade in digest.clean.cascade selects and extracts what the library does.

The raw-tree prunes are Python loops standing in for trafilatura's EXSLT XPaths: each must
select exactly the same nodes, so a trafilatura upgrade that changes an XPath fails here. The
extraction itself is the library's: its recall-mode main extractor, and its default sequence
when that result is in doubt.
"""

from __future__ import annotations

import pytest
from lxml import etree
from trafilatura.core import trafilatura_sequence
from trafilatura.htmlprocessing import convert_tags, tree_cleaning
from trafilatura.main_extractor import extract_content
from trafilatura.settings import Extractor
from trafilatura.xml import delete_element
from trafilatura.xpaths import (
    RAW_TREE_PRUNE_XPATH,
    REMOVE_COMMENTS_AND_LISTS_XPATH,
    REMOVE_COMMENTS_XPATH,
)

from digest.clean.cascade import (
    DOUBT_BELOW,
    LITTLE_PROSE,
    added_prose,
    comment_nodes,
    in_doubt,
    join_split_body,
    paragraph_mass,
    prefer,
    prose_chars,
    raw_prune_nodes,
    trafilatura_body,
)
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


def test_raw_prune_without_comments_on_forum_threads() -> None:
    tree = parse_html(PRUNE_PAGE)
    assert raw_prune_nodes(tree, comments=False) == _xpath_nodes(tree, RAW_TREE_PRUNE_XPATH)


def test_comment_prune_on_the_converted_tree_matches_trafilatura() -> None:
    options = Extractor(precision=True, comments=False, tables=True)
    converted = convert_tags(tree_cleaning(parse_html(PRUNE_PAGE), options), options, None)
    expected = _xpath_nodes(converted, REMOVE_COMMENTS_XPATH)
    assert expected
    assert comment_nodes(converted) == expected


def _recall_body(markup: str, url: str | None) -> bytes:
    """The library's recall-mode main extractor on the tree its sequence prepares."""
    options = Extractor(recall=True, comments=False, tables=True, url=url)
    tree = parse_html(markup)
    for node in _xpath_nodes(tree, RAW_TREE_PRUNE_XPATH + REMOVE_COMMENTS_AND_LISTS_XPATH):
        delete_element(node)
    cleaned = convert_tags(tree_cleaning(tree, options), options, url)
    for node in _xpath_nodes(cleaned, REMOVE_COMMENTS_XPATH):
        delete_element(node)
    return etree.tostring(extract_content(cleaned, options)[0])


def _default_body(markup: str, url: str | None) -> bytes:
    options = Extractor(comments=False, tables=True, url=url)
    return etree.tostring(trafilatura_sequence(parse_html(markup), options, url)[0])


LONG_PAGE = ("<html><body><nav><a href='/'>Home</a> <a href='/x'>News</a></nav><article>"
             "<h1>Hybrid ferry</h1>" + "".join(f"<p>{PARA}Paragraph {i}.</p>" for i in range(8))
             + "</article><footer><p>Contact us</p></footer></body></html>")
# the article is a short teaser box; the page's prose is elsewhere, in a layout the main
# extractor does not take (it is in doubt, and the library's default sequence decides)
SHORT_PAGE = f"<html><body><div><p>{PARA}</p></div></body></html>"


def test_clear_extraction_is_the_recall_main_extractor() -> None:
    url = "https://example.org/a"
    ours = etree.tostring(trafilatura_body(parse_html(LONG_PAGE), url))
    assert ours == _recall_body(LONG_PAGE, url)


@pytest.mark.parametrize("name", ["news", "short"])
def test_doubtful_extraction_goes_to_the_default_sequence(name: str, news_page: str) -> None:
    markup = {"news": news_page, "short": SHORT_PAGE}[name]
    url = "https://example.org/a"
    ours = etree.tostring(trafilatura_body(parse_html(markup), url))
    # the longer of the two: here the library's default sequence, or the same text
    assert ours in (_default_body(markup, url), _recall_body(markup, url))
    def text_length(xml: bytes) -> int:
        return len("".join(etree.fromstring(xml).itertext()))

    assert text_length(ours) >= text_length(_recall_body(markup, url))


def test_doubt_is_length_or_coverage() -> None:
    page = parse_html("<html><body>" + f"<p>{PARA}</p>" * 40 + "</body></html>")
    mass = paragraph_mass(page)
    assert mass == 40 * len(PARA.strip())
    # short on a page with little paragraph text: the prose may sit elsewhere
    assert in_doubt("x" * (DOUBT_BELOW - 1), 0)
    assert not in_doubt("x" * DOUBT_BELOW, 0)
    # short, but most of the page's paragraph text: a short article
    assert not in_doubt("x" * 1000, 1200)
    assert in_doubt("x" * 100, LITTLE_PROSE - 1)
    # long, but a small share of the page's prose: a teaser box or one post of a thread
    assert in_doubt("x" * DOUBT_BELOW, mass)
    assert not in_doubt("x" * mass, mass)


def test_raw_tree_is_pruned_in_place() -> None:
    tree = parse_html(PRUNE_PAGE)
    trafilatura_body(tree, None)
    # pruned in place: comment boxes are gone, the article is still there
    text = "".join(tree.itertext())
    assert "Great news!" not in text and "Hybrid ferry" in text


def _chunk(n: int) -> str:
    return ('<div class="rail"><div class="article__body">'
            + "".join(f"<p>{PARA}Chunk {n}, paragraph {i}.</p>" for i in range(3))
            + '</div><aside class="ad">Advertisement</aside></div>')


# an article cut into chunks, one body container per grid row with an ad rail beside it, and
# a related box whose teasers use the same container class in parents of another kind
SPLIT_PAGE = ("<html><body><article><h1>Hybrid ferry</h1>"
              + "".join(_chunk(n) for n in range(3)) + "</article>"
              '<div class="related"><div class="teaser"><div class="article__body"><p>Other '
              "story: a new bridge for the island.</p></div></div></div></body></html>")


def test_split_body_is_gathered_in_order() -> None:
    body = trafilatura_body(parse_html(SPLIT_PAGE), None)
    text = " ".join(body.itertext())
    positions = [text.find(f"Chunk {n}, paragraph 2.") for n in range(3)]
    assert -1 not in positions and positions == sorted(positions)
    assert "new bridge" not in text


def test_split_body_leaves_teasers_and_short_chunks() -> None:
    from copy import copy

    from trafilatura.htmlprocessing import convert_tags, tree_cleaning
    from trafilatura.settings import Extractor as Options

    options = Options(recall=True, comments=False, tables=True)

    def converted(markup: str) -> etree._Element:
        return convert_tags(tree_cleaning(copy(parse_html(markup)), options), options, None)

    assert join_split_body(converted(SPLIT_PAGE)) == 2
    # same container class, but in a parent of another kind: a teaser, not a chunk
    teasers = SPLIT_PAGE.replace(_chunk(1), _chunk(1).replace('"rail"', '"rail post-1"'))
    assert join_split_body(converted(teasers)) == 1
    # a chunk of a line or two is a promo box in the same layout, not more of the article
    short = SPLIT_PAGE.replace(_chunk(2), '<div class="rail"><div class="article__body">'
                               "<p>Award for our movers.</p></div></div>")
    assert join_split_body(converted(short)) == 1


def _body(*paragraphs: str) -> etree._Element:
    body = etree.Element("body")
    for text in paragraphs:
        etree.SubElement(body, "p").text = text
    return body


ARTICLE = [f"{PARA}Paragraph {i}." for i in range(3)]
# excerpts of other posts, as a "You may like" list shows them: cut mid-sentence or with "…"
TEASERS = [
    "When the port authority denies a berth, it can feel like a dead end. Many skippers wonder "
    "if they can appeal, and there are remedies available. At the Harbour Office,",
    "Navigating the licence process can be overwhelming while dealing with a broken engine. "
    "The system is complex, with strict deadlines and high refusal rates for first …",
    "Harbour dues rise again this spring, and the council says the money goes to the quay [...]",
]


def test_longer_extraction_wins_when_what_it_adds_is_prose() -> None:
    teaser, article = _body(ARTICLE[0]), _body(*ARTICLE)
    assert prefer(teaser, article) is article
    assert prefer(article, teaser) is article


def test_shorter_extraction_wins_when_the_longer_adds_teasers_or_lists() -> None:
    article = _body(*ARTICLE)
    with_teasers = _body(*ARTICLE, *TEASERS)
    assert prefer(article, with_teasers) is article
    clients = _body("Ready Seal Hunter Vision Softroc Rakkasan Motorsports Joolala Works "
                    "Restoration Simply Organic Beauty Towny Paddle Candy Breeders Planet")
    assert prefer(_body("Call the harbour office to book a berth."), clients) is not clients
    banners = _body(*(f"Free shipping on orders {n} euro or more. For rates and timelines, "
                      "please visit our international page" for n in range(40, 60)))
    assert prefer(article, banners) is article
    # symmetric: the first extraction is the longer one, with a label and an address added
    padded = _body("Categories", *ARTICLE, "Harbour Office - 1111 Quay Road - 89259-565")
    assert prefer(padded, article) is article


def test_a_long_run_of_sentences_is_prose_and_an_empty_side_never_wins() -> None:
    # the text of a page with no paragraph breaks, as the baseline rescue returns it
    run = " ".join(ARTICLE * 3) + " Continued on the next page"
    assert prose_chars(run) == len(run)
    assert prose_chars(TEASERS[0]) == prose_chars(TEASERS[1]) == 0
    assert prose_chars("市场有风险，投资需谨慎。") > 0
    assert added_prose(ARTICLE, [*ARTICLE, *TEASERS]) == 0
    assert added_prose(ARTICLE[:1], ARTICLE) == 1
    clients = _body("Ready Seal Hunter Vision Softroc Rakkasan Motorsports Joolala Works")
    assert prefer(etree.Element("body"), clients) is clients


def test_doubt_keeps_the_article_over_teasers_of_other_posts() -> None:
    # the recall extractor takes the short post; the default sequence adds the list of
    # other posts' excerpts under it (same markup, no container of their own)
    page = ("<html><body><div class='post'><h1>Berth appeals</h1>"
            + "".join(f"<p>{p}</p>" for p in ARTICLE[:2]) + "</div><div class='more'>"
            + "".join(f"<div class='card'><p>{t}</p></div>" for t in TEASERS * 3)
            + "</div></body></html>")
    text = " ".join(trafilatura_body(parse_html(page), None).itertext())
    assert ARTICLE[1] in text and "At the Harbour Office," not in text


@pytest.mark.parametrize("name", ["news", "short", "prune", "split"])
def test_cleaning_the_tree_itself_extracts_what_a_copy_does(name: str, news_page: str) -> None:
    # with a way to parse the page again, the first extraction cleans the tree in place and a
    # page in doubt is parsed again: the result is the one a copy gives
    markup = {"news": news_page, "short": SHORT_PAGE, "prune": PRUNE_PAGE,
              "split": SPLIT_PAGE}[name]
    url = "https://example.org/a"
    copied = etree.tostring(trafilatura_body(parse_html(markup), url))
    parsed: list[int] = []

    def reparse() -> etree._Element:
        parsed.append(1)
        return parse_html(markup)

    assert etree.tostring(trafilatura_body(parse_html(markup), url, reparse)) == copied
    assert len(parsed) == (name != "news")  # parsed again only when in doubt
