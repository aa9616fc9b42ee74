"""Page furniture its markup names (digest.clean.furniture): author boxes, disclaimers and
tooltips go before extraction; wrappers and look-alike classes stay. Pages written for these
tests (never copied from a benchmark)."""

from __future__ import annotations

import pytest
from lxml import etree

from digest.clean import clean
from digest.clean.cascade import raw_prune_nodes
from digest.clean.extract import parse_html
from digest.clean.furniture import FURNITURE_MAX, MARKS, is_furniture, mark_of

from .test_clean_open_web import S as HARBOUR

# the harbour story the open-web tests use, its first four sentences (one home)
S = HARBOUR[:4]

BIO = ("Ines Calloway has covered ports and shipping for two decades and has lived on four "
       "islands.")
SMALL_PRINT = ("Figures as of publication. Rates vary by route and season and may change "
               "without notice.")
FOOTNOTE = "The board's minutes spell the contractor's name two different ways."

FURNITURE_PAGE = f"""<html><head><title>Quay to be extended</title></head><body>
<article><h1>Quay to be extended</h1>
<div class="post-author-info"><p>{BIO}</p></div>
<p>{S[0]}</p><p>{S[1]}</p>
<div class="rates-table__disclaimer"><p>{SMALL_PRINT}</p></div>
<p>{S[2]}<span class="fn">1</span></p><div role="tooltip"><p>{FOOTNOTE}</p></div>
<p>{S[3]}</p>
<section class="about-the-author"><h3>About Ines</h3><p>{BIO}</p></section>
</article></body></html>"""


def test_author_box_disclaimer_and_tooltip_go() -> None:
    page = clean(FURNITURE_PAGE, "https://quay.example/news/extension")
    text = page.text
    for furniture in (BIO, SMALL_PRINT, FOOTNOTE, "About Ines"):
        assert furniture not in text
    for sentence in S:
        assert sentence.split(",")[0] in text


def _el(markup: str) -> etree._Element:
    tree = parse_html(f"<html><body>{markup}</body></html>")
    el = tree.find("body")
    assert el is not None and len(el)
    return el[0]


@pytest.mark.parametrize(("markup", "name"), [
    ('<div class="author-bio">x</div>', "author_box"),
    ('<div class="AuthorBio e1x9">x</div>', "author_box"),  # a CSS-module name
    ('<div class="elementor-author-box__text">x</div>', "author_box"),
    ('<div id="post-author-desc">x</div>', "author_box"),
    ('<section class="about-author">x</section>', "author_box"),
    ('<div class="profile-bio">x</div>', "author_box"),
    ('<div class="article-byline">x</div>', "author_box"),
    ('<div class="disclaimer">x</div>', "disclaimer"),
    ('<aside class="advertiser-disclosure">x</aside>', "disclaimer"),
    ('<div class="fine-print">x</div>', "disclaimer"),
    ('<div role="tooltip">x</div>', "tooltip"),
    # look-alikes: the author's name line, a callout, a print button, a word holding "bio"
    ('<div class="author">x</div>', None),
    ('<div class="note">x</div>', None),
    ('<div class="print-button">x</div>', None),
    ('<div class="biology-lesson">x</div>', None),
    ('<div class="symbiosis">x</div>', None),
    ('<div role="dialog">x</div>', None),
])
def test_marks(markup: str, name: str | None) -> None:
    mark = mark_of(_el(markup))
    assert (mark.name if mark else None) == name


def test_marks_are_data() -> None:
    assert {m.name for m in MARKS} == {"author_box", "disclaimer", "tooltip"}
    assert all(m.attribute in ("class", "role") for m in MARKS)


def test_wrappers_stay() -> None:
    # a box holding the page's h1, an article or main is the page, whatever its class says
    assert not is_furniture(_el(f'<div class="has-byline"><h1>Quay</h1><p>{S[0]}</p></div>'))
    assert not is_furniture(_el(f'<div class="author-info"><article><p>{S[0]}</p></article>'
                                "</div>"))
    # and so does one holding more text than any box of furniture
    long = " ".join(S) * (FURNITURE_MAX // len(" ".join(S)) + 1)
    assert not is_furniture(_el(f'<div class="disclaimer"><p>{long}</p></div>'))
    assert is_furniture(_el(f'<div class="disclaimer"><p>{SMALL_PRINT}</p></div>'))


def test_furniture_is_pruned_only_when_asked_and_keeps_its_tail() -> None:
    tree = parse_html(f'<html><body><div><div class="author-bio">{BIO}</div>{S[0]}</div>'
                      "</body></html>")
    assert raw_prune_nodes(tree) == []  # the library's prunes alone, as before
    found = raw_prune_nodes(tree, furniture=True)
    assert [el.get("class") for el in found] == ["author-bio"]
    found[0].drop_tree()
    assert "".join(tree.itertext()).strip() == S[0]


def test_feed_fragment_is_walked_whole() -> None:
    # a feed entry's HTML is the article by definition: no raw-tree prune touches it
    page = clean(f'<p>{S[0]}</p><div class="author-bio"><p>{S[1]}</p></div>')
    assert S[1] in page.text


def test_hints_cover_every_class_mark() -> None:
    from digest.clean.furniture import _HINTS, _hinted

    assert all(_hinted(hint) for hint in _HINTS)
    for value in ("author-bio", "AuthorBio", "about-the-author", "profile-bio", "ArticleByline",
                  "disclaimer", "advertiser-disclosure", "fine-print", "smallprint"):
        mark = mark_of(_el(f'<div class="{value}">x</div>'))
        assert mark is not None and _hinted(value)
    assert not _hinted("entry-content post-body")

