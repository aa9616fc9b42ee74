"""Page furniture its markup names: author boxes, disclaimers, tooltips.

A page says what a box is in its markup before its words do: an author box is a container
whose class or id says `author-bio`, `about-the-author`, `byline`; the small print under a
price table says `disclaimer` or `disclosure`; a popup says `role="tooltip"` (ARIA). Recall
mode keeps their text when they sit inside the article's container, and from there it
reaches the newsletter's paragraph as if it were the article's ("Jane Roe has covered the
energy beat for twenty years.", "Prices as of publication; offers vary by region."). So,
before extraction, in the raw tree (`cascade.raw_prune_nodes`, in its walk of the `<div>`,
`<section>` and `<aside>` containers), every container one of `MARKS` names goes, its tail
text kept. (A byline `<span>` or `<p>` is left to the `byline` family; a feed entry's HTML,
the article by definition, is walked whole as before.)

The marks are general web conventions, not any site's wording: WordPress and Elementor author
boxes (`author-box`, `elementor-author-box__bio`), CSS-module names (`AuthorBio`), the
`byline` class, `disclaimer`/`disclosure`/`fine-print` boxes, the ARIA tooltip role. Not
marks: a plain `author` class (many sites put the author's *name* line in it, some list the
article's contributors there), `note` (a callout of the article), `<small>` (WCXB's truth
holds most of the `<small>` text the cleaner keeps), `<aside>` (whose text the cleaner already
leaves out), `rel="sponsored"` links (an affiliate review's own links carry it). A box holding
the page's `<h1>`, an `<article>` or `<main>` is a wrapper and stays (`<div class="has-byline">`
around the whole story), and so does one with more text than any box of furniture
(`FURNITURE_MAX`). Class names in capitals only ("AUTHOR-BIO") are not looked for
(`_HINTS`).

On WCXB dev (793 pages) the cleaned text changes on 33 pages (the kept text of disclaimer
boxes on 19, of disclosure boxes on 7, of author boxes on 9, of bylines on 5, before): 30
closer to WCXB's truth, 3 a little further (-0.013 at most: with the box gone the extractor
let in a share form's or a button's labels). Word F1 0.9487 -> 0.9494, scrapinghub 0.9745
either way; the check costs ~0.1 ms a page (~0.7 % of the cleaning).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree


@dataclass(frozen=True)
class Mark:
    """What a box of furniture is and how its markup says so.

    `name`: what it is (for the docs and tests); `attribute`: "class" (the class and id,
    lower-cased, one string) or "role"; `pattern`: searched in that string."""

    name: str
    attribute: str
    pattern: re.Pattern[str]


MARKS: tuple[Mark, ...] = (
    # an author box: "author-bio", "authorBio", "about-the-author", "post-author-info",
    # "elementor-author-box__bio", "profile-bio", a "byline" row (name, date, "4 min read")
    Mark("author_box", "class", re.compile(
        r"author[-_]?(?:bio|box|info|desc|card|profile|about|details)|"
        r"about[-_]?(?:the[-_]?)?author|(?:^|[\s_-])bio(?:$|[\s_-])|byline")),
    # the small print: "disclaimer", "advertiser-disclosure", "fine-print", "smallprint"
    Mark("disclaimer", "class", re.compile(
        r"disclaimer|disclosure|fine[-_]?print|small[-_]?print")),
    # a popup shown on hover (a footnote, an author card): never the article's running text
    Mark("tooltip", "role", re.compile(r"^tooltip$")),
)

FURNITURE_MAX = 2000  # characters: a box holding more is a wrapper with a misleading name

# what any class mark's match holds (its first letter left out where a CSS-module name may
# capitalise it: "AuthorBio", "ArticleByline"): most containers hold none, and a substring
# test each is a tenth of the cost of one case-blind regex search (~190 containers a page)
_HINTS = ("uthor", "bio", "Bio", "yline", "isclaimer", "isclosure", "rint")


def _hinted(joined: str) -> bool:
    """Whether `joined` holds one of `_HINTS` (the tests written out: `any` over a
    generator costs as much as the tests)."""
    return ("uthor" in joined or "bio" in joined or "Bio" in joined or "yline" in joined
            or "isclaimer" in joined or "isclosure" in joined or "rint" in joined)


_PAGE_PARTS = ("h1", "article", "main")


def mark_of(el: etree._Element, joined: str | None = None) -> Mark | None:
    """The mark `el`'s own attributes carry, if any. `joined`: its class and id joined by a
    space, when the caller has them."""
    if joined is None:
        joined = " ".join(v for v in (el.get("class"), el.get("id")) if v)
    role = el.get("role")
    if role is None and not _hinted(joined):
        return None
    value, role = joined.lower(), (role or "").strip().lower()
    for mark in MARKS:
        if mark.pattern.search(role if mark.attribute == "role" else value):
            return mark
    return None


def is_furniture(el: etree._Element, joined: str | None = None) -> bool:
    """Whether `el` is a box of furniture its markup names (`MARKS`): not a wrapper holding
    the page's `<h1>`, an `<article>` or `<main>`, nor one longer than `FURNITURE_MAX`."""
    return (mark_of(el, joined) is not None and next(el.iter(*_PAGE_PARTS), None) is None
            and len("".join(el.itertext())) <= FURNITURE_MAX)
