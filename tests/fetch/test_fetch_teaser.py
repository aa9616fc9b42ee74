"""The full-text decision: a page is fetched for teasers only, on feeds shaped like real ones."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from fetch_testkit import ARTICLE_HTML, Reply, ScriptServer, rss, rss_item

from digest.fetch import fetch_all
from digest.fetch.teaser import (
    _FOOTER_RE,
    _without_footer,
    feed_teaser_reason,
    plain_text,
    teaser_reason,
)
from digest.models import FetchSettings, Source

NOW = datetime(2026, 3, 5, 12, 0, tzinfo=UTC)
ARTICLE = [
    "The harbour authority voted on Tuesday to sell the last of the old port's cranes, ending "
    "ninety years of cargo handling at the river mouth.",
    "The decision, taken after a two-hour debate, clears the way for a park and 400 homes on "
    "the quay, a plan that has divided the town since it was first floated in 2019.",
    "Dock workers' representatives said the vote broke a promise made when the container "
    "terminal moved downstream, and that they would ask the regional court to review it.",
    "The authority's chair, Ines Calloway, said the cranes had not lifted a box in six years "
    "and cost more to insure than they earned.",
    "A heritage group has until the end of the month to propose a buyer who would keep one "
    "crane standing as a monument; two offers have been made so far, she said.",
    "Work on the park is due to start in the spring if the court does not intervene.",
]
FULL_HTML = "".join(f"<p>{p}</p>" for p in ARTICLE)
EXCERPT = " ".join(" ".join(ARTICLE).split()[:55])


def wordpress_description(link: str) -> str:
    """What WordPress puts in <description>: the excerpt, '[&#8230;]', and the footer."""
    return (f"<p>{EXCERPT} [&#8230;]</p>\n<p>The post <a rel=\"nofollow\" href=\"{link}\">Cranes "
            "sold</a> appeared first on <a rel=\"nofollow\" href=\"https://valley.example\">"
            "Valley Herald</a>.</p>")


@pytest.mark.parametrize(("content", "summary", "expected"), [
    # WordPress: the whole post in content:encoded, the excerpt (with its footer) beside it
    (FULL_HTML, wordpress_description("https://valley.example/cranes"), None),
    # the same excerpt and no content: a teaser, whatever follows the mark
    ("", wordpress_description("https://valley.example/cranes"), "ends in '[…]'"),
    # a news agency's one-sentence summary, no mark at all
    ("", ARTICLE[0], "short"),
    ("", ARTICLE[0] + " Continue reading &#8594;", "ends in 'Continue reading'"),
    ("", "<p>" + ARTICLE[1] + ' <a href="https://x.example/a">Read more »</a></p>',
     "ends in 'Read more'"),
    ("", "海港管理局周二投票决定出售旧港最后几台起重机。阅读全文>>", "ends in '阅读全文'"),
    # the whole article in the description (no content:encoded): the article
    ("", FULL_HTML, None),
    # a description cut at a length, mid-sentence
    ("", " ".join(ARTICLE)[:700], "stops mid-sentence"),
    # JSON Feed / Atom: content beside a short summary
    (FULL_HTML, ARTICLE[0], None),
    # content that is itself an excerpt
    ("<p>" + EXCERPT + " […]</p>", "", "ends in '[…]'"),
    ("<p>" + ARTICLE[0] + "</p>", ARTICLE[0], "short"),
    (FULL_HTML, FULL_HTML, None),  # the same text twice: long enough to be the article
    # an article whose own last sentence trails off, beside its excerpt: the article ...
    (FULL_HTML + "<p>And then the lights went out...</p>",
     wordpress_description("https://valley.example/cranes"), None),
    (FULL_HTML + "<p>What comes next, nobody knows…</p>", ARTICLE[0], None),
    # ... but an explicit mark is a truncation however long the content
    (FULL_HTML + "<p>Read more</p>", ARTICLE[0], "ends in 'Read more'"),
    (FULL_HTML + " [&#8230;]", ARTICLE[0], "ends in '[…]'"),
    # and an ellipsis ends a teaser when the content is no longer than the description
    ("<p>" + EXCERPT + "...</p>", EXCERPT, "ends in '...'"),
])
def test_teaser_reason(content: str, summary: str, expected: str | None) -> None:
    reason = teaser_reason(plain_text(content), plain_text(summary))
    if expected is None:
        assert reason is None
    else:
        assert reason is not None and reason.startswith(expected)


def test_the_footer_is_found_where_the_pattern_finds_it() -> None:
    """The footer search tries the pattern only where a footer can open: the same cut as the
    pattern tried everywhere, on tails built from footer words, spaces and punctuation."""
    import random

    rng = random.Random(5)
    words = ("The", "the", "post", "This", "article", "was", "originally", "published", "on",
             "in", "appeared", "first", "Valley", "Herald", ".", "!", "\n", "  ", "story",
             "posted", "by", "THE POST", "ORIGINALLY", "\u00a0", "İ", "…", "x" * 60, "entry",
             "poſt", "ſtory")
    for _ in range(20_000):
        tail = " ".join(rng.choice(words) for _ in range(rng.randint(0, 30)))
        if rng.random() < 0.3:
            tail = tail.replace(" ", "", rng.randint(0, 4))
        assert _without_footer(tail) == _FOOTER_RE.sub("", tail), tail


def test_a_long_contents_end_decides_as_its_whole_text() -> None:
    """Long HTML content is read from its end first (its length only when the decision turns
    on it): the same decision as on the whole plain text, on markup built from article
    paragraphs, tags cut anywhere, entities, marks and footers."""
    import random

    rng = random.Random(7)
    bits = ("<p>", "</p>", "<a href='x'>", "</a>", " <b", "<i>", ">", "&amp;", "&#8230;", "&nbsp;",
            "&lt;", " […]", "...", "…", " Read more", "The post X appeared first on Y.", "\n",
            "<img src='a'>", "<", "&", "Continue reading &#8594;", "阅读全文")
    for _ in range(2_000):
        content = "".join(rng.choice(ARTICLE) if rng.random() < 0.5 else rng.choice(bits)
                          for _ in range(rng.randint(10, 90)))
        summary = rng.choice(("", ARTICLE[0], EXCERPT + " [&#8230;]", ARTICLE[1][:90],
                              wordpress_description("https://valley.example/cranes")))
        html = rng.random() < 0.9
        assert feed_teaser_reason(content, summary, html=html) == teaser_reason(
            plain_text(content, is_html=html), plain_text(summary)), (content, summary)



_LONG_TITLE = " ".join(["Cranes sold"] * 25)  # a title the footer pattern still takes (≤ 300)
_FOOTERED = ("<img src='https://valley.example/crane.jpg'>" * 60 + FULL_HTML[:540] + "</p>"
             f"<p>The post <a href='https://valley.example/c'>{_LONG_TITLE}</a> appeared first "
             "on <a href='https://valley.example'>Valley Herald</a>.</p>")


@pytest.mark.parametrize(("content", "summary", "expected"), [
    # a short content beside WordPress's marked excerpt (and its footer): the article
    ("<p>" + ARTICLE[0] + "</p>", wordpress_description("https://valley.example/c"), None),
    ("<p>" + ARTICLE[0] + "</p>", "", "short"),
    # long markup whose text ends in a long footer: its body is short, the end is long
    (_FOOTERED, "", "short"),
    (_FOOTERED, wordpress_description("https://valley.example/c"), None),
    (_FOOTERED.replace("</p><p>The post", " [&#8230;]</p><p>The post"), EXCERPT, "ends in '[…]'"),
])
def test_the_description_decides_only_beside_a_short_or_trailing_body(
        content: str, summary: str, expected: str | None) -> None:
    """The description beside content is read only when a body ends in a bare ellipsis or is
    shorter than SHORT (a longer body that ends in no mark is the article): its footer set
    aside and its mark read then, a long content's body measured without its own footer."""
    reason = feed_teaser_reason(content, summary)
    assert reason == teaser_reason(plain_text(content), plain_text(summary))
    if expected is None:
        assert reason is None
    else:
        assert reason is not None and reason.startswith(expected)

def _page(server: ScriptServer, path: str) -> str:
    return server.route(path, Reply(200, ARTICLE_HTML.encode(), {"Content-Type": "text/html"}))


def test_pages_are_fetched_for_teasers_only(server: ScriptServer,
                                            settings: FetchSettings) -> None:
    links = {name: [_page(server, f"/{name}/{i}") for i in range(3)]
             for name in ("wp", "summary", "fulltext", "json")}
    wordpress = rss([rss_item(f"wp-{i}", link=link, description=wordpress_description(link),
                              content=FULL_HTML) for i, link in enumerate(links["wp"])])
    summary = rss([rss_item(f"s-{i}", link=link, description=ARTICLE[i] + (
        " Continue reading &#8594;" if i else "")) for i, link in enumerate(links["summary"])])
    fulltext = rss([rss_item(f"f-{i}", link=link, description=FULL_HTML)
                    for i, link in enumerate(links["fulltext"])])
    jsonfeed = json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [
        {"id": f"j-{i}", "url": link, "title": "Cranes", "summary": ARTICLE[0],
         "content_html": FULL_HTML, "date_published": "2026-03-02T10:00:00Z"}
        for i, link in enumerate(links["json"])]})
    sources = [Source(name, server.route(f"/{name}.feed", Reply(200, body.encode())))
               for name, body in (("wp", wordpress), ("summary", summary),
                                  ("fulltext", fulltext), ("json", jsonfeed))]
    results = fetch_all(sources, {}, settings, clock=lambda: NOW)
    assert [len(r.items) for r in results] == [3, 3, 3, 3]
    fetched = {name: sum(server.count(f"/{name}/{i}") for i in range(3)) for name in links}
    assert fetched == {"wp": 0, "summary": 3, "fulltext": 0, "json": 0}
    wp, teasers, full, _ = results
    assert all(ARTICLE[-1] in item.content for item in wp.items + full.items)
    assert all("Paragraph 5" in item.content for item in teasers.items)  # the page's text


def test_full_text_off_overrides_the_decision(server: ScriptServer,
                                              settings: FetchSettings) -> None:
    link = _page(server, "/teaser")
    url = server.route("/f.xml", Reply(200, rss([rss_item(
        "t", link=link, description=ARTICLE[0] + " Continue reading")]).encode()))
    [item] = fetch_all([Source("s", url, full_text=False)], {}, settings)[0].items
    assert server.count("/teaser") == 0 and ARTICLE[0] in item.content


@pytest.mark.parametrize(("markup", "relative"), [
    ('<a href="https://x.example/a">', False), ("<img src='//cdn.example/x.jpg'>", False),
    ('<a href="#top">', False), ('<a href="mailto:a@x.example">', False),
    ("<a href=https://x.example>", False), ('<a href="/a/b">', True), ("<a href='a/b'>", True),
    ("<a href=a/b>", True), ('<a href = "rel">', True)])
def test_only_relative_links_send_content_to_the_parser(markup: str, relative: bool) -> None:
    """Feed content with only absolute links (most of it) is not parsed to absolutise it."""
    from digest.fetch.items import _RELATIVE_RE, absolutise

    assert bool(_RELATIVE_RE.search(markup.lower())) is relative
    html = f"<p>{markup}x</a></p>" if "<a" in markup else f"<p>{markup}</p>"
    assert ("https://site.example/" in absolutise(html, "https://site.example/p/1")) is (
        relative and "mailto" not in markup)


@pytest.mark.parametrize(("summary", "expected"), [
    # A whole article in a description, ending on what articles end on: no sentence end, but
    # its paragraphs say it is the article (real feeds: 32 of 174 were taken for teasers).
    (FULL_HTML + "<p>(Reporting by Ana Ruiz; Editing by Tom Hale)</p>", None),
    (FULL_HTML + "<p>— Harbour Watch (@harbourwatch) March 3, 2026</p>", None),
    (FULL_HTML + "<ul><li>Related: Cranes through the years</li></ul>", None),
    (FULL_HTML + '<p>Subscribe to the newsletter — tick "Port News."...</p>', None),
    ("".join(f"<p>{p}</p>" for p in ARTICLE[:3]), None),  # three short paragraphs: the article
    # One block of text is still read as a cut summary ...
    ("<p>" + " ".join(ARTICLE)[:700] + "</p>", "stops mid-sentence"),
    ("<p>" + ARTICLE[0] + "</p>", "short"),
    # ... and a mark is a truncation in any number of paragraphs.
    (FULL_HTML + "<p>The authority will meet again when…</p>", "ends in '…'"),
    (FULL_HTML + "<p>Read more</p>", "ends in 'Read more'"),
])
def test_a_description_of_several_paragraphs_is_the_article(summary: str,
                                                            expected: str | None) -> None:
    reason = feed_teaser_reason("", summary)
    if expected is None:
        assert reason is None
    else:
        assert reason is not None and reason.startswith(expected)
