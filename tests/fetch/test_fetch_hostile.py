"""Hostile input met by the qa40b session's feed server, each kept as a test: what a feed or
page can put where a title, a body or a page belongs."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from fetch_testkit import LONG_TEXT, Reply, ScriptServer, rss, rss_item

from digest.collect import _clean_item, _ItemJob
from digest.errors import CleanError
from digest.fetch import fetch_all
from digest.fetch.feeds import MAX_TITLE
from digest.models import FetchSettings, RawItem, Source

NOW = datetime(2026, 3, 5, 12, 0, tzinfo=UTC)
HUGE = "Harbour " * 6_250  # a 50 KB "title"


def _bounded(title: str) -> bool:
    return len(title) <= MAX_TITLE + 1 and title.endswith("…") and title.startswith("Harbour")


def test_a_50_kb_feed_title_is_cut_at_a_word(server: ScriptServer,
                                             settings: FetchSettings) -> None:
    url = server.route("/f.xml", Reply(200, rss([rss_item(
        "1", title=HUGE, link="http://127.0.0.1/a", content=f"<p>{LONG_TEXT}</p>")]).encode()))
    [item] = fetch_all([Source("s", url)], {}, settings, clock=lambda: NOW)[0].items
    assert item.title is not None and _bounded(item.title)
    assert item.title[:-1].endswith("Harbour")  # a whole word before the mark


def test_a_50_kb_page_title_is_cut_for_the_article() -> None:
    """An item with no title of its own takes the page's: a 50 KB <title> is no headline."""
    html = (f"<html><head><title>{HUGE}</title></head><body><article>"
            f"<p>{LONG_TEXT}</p></article></body></html>")
    item = RawItem(source="s", guid="g", url="http://127.0.0.1/a", title="", content=html,
                   content_type="html", published=NOW)
    [(article, _)] = _clean_item(_ItemJob(item, False, NOW))
    assert _bounded(article.title)


def test_a_page_nested_300_deep_is_read_for_the_full_text(server: ScriptServer,
                                                          settings: FetchSettings) -> None:
    """libxml2's HTML parser drops the whole page past 256 levels (2,048 with huge_tree), so a
    teaser's page nested 300 deep read as empty and the feed's teaser stood."""
    page = (f"<html><body>{'<div>' * 300}<article><p>{LONG_TEXT}</p></article>"
            f"{'</div>' * 300}</body></html>")
    link = server.route("/deep", Reply(200, page.encode(), {"Content-Type": "text/html"}))
    url = server.route("/f.xml", Reply(200, rss([rss_item(
        "1", link=link, description="Teaser…")]).encode()))
    [item] = fetch_all([Source("s", url)], {}, settings, clock=lambda: NOW)[0].items
    assert LONG_TEXT[:80] in item.content


def test_a_title_only_entry_whose_page_failed_is_reported_as_such(
        server: ScriptServer, settings: FetchSettings) -> None:
    """Reported as "empty input" before, which reads as a bug in the cleaner."""
    gone = server.route("/gone", Reply(403, b"no"))
    url = server.route("/f.xml", Reply(200, rss([rss_item(
        "1", title="A headline with nothing under it", link=gone, description=None)]).encode()))
    result = fetch_all([Source("s", url)], {}, settings, clock=lambda: NOW)[0]
    assert result.error == "1 linked pages not fetched (HTTP 403 Forbidden)"
    with pytest.raises(CleanError, match=r"^no text: the entry has none and its page brought"):
        _clean_item(_ItemJob(result.items[0], False, NOW))


@pytest.mark.parametrize(("items", "warning"), [
    ({"id": "1", "title": 5}, "JSON Feed 'items' is an object, not a list"),
    ([{"id": "1", "title": 7, "content_text": LONG_TEXT}, "a string", None, 7],
     "3 JSON Feed items that are not objects (ignored)"),
])
def test_a_json_feed_of_the_wrong_shape_says_so(server: ScriptServer, settings: FetchSettings,
                                                items: object, warning: str) -> None:
    """Said "the feed has no entries" (or nothing) before: the publisher could not tell why."""
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": 42, "items": items}
    url = server.route("/f.json", Reply(200, json.dumps(doc).encode(),
                                        {"Content-Type": "application/feed+json"}))
    result = fetch_all([Source("s", url)], {}, settings, clock=lambda: NOW)[0]
    assert result.status == "ok" and warning in (result.error or "")
    assert [item.title for item in result.items] == (["7"] if isinstance(items, list) else [])


def test_a_json_feed_url_that_is_no_string_is_no_address(server: ScriptServer,
                                                        settings: FetchSettings) -> None:
    """"url": 12 was read as text and resolved against the feed: the item linked to /12, a
    page the publisher never named."""
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [
        {"id": "1", "url": 12, "title": "Cranes approved", "content_text": LONG_TEXT},
        {"id": "2", "url": True, "external_url": "http://127.0.0.1/b", "title": "Ferry",
         "content_text": LONG_TEXT}]}
    url = server.route("/f.json", Reply(200, json.dumps(doc).encode(),
                                        {"Content-Type": "application/feed+json"}))
    result = fetch_all([Source("s", url)], {}, settings, clock=lambda: NOW)[0]
    assert "2 JSON Feed items whose 'url' is not a string (ignored)" in (result.error or "")
    assert all(not (item.url or "").endswith(("/12", "/True")) for item in result.items)
    assert "http://127.0.0.1/b" in [item.url for item in result.items]


def test_control_characters_never_reach_an_article(server: ScriptServer,
                                                   settings: FetchSettings) -> None:
    """A C0 control in a feed's title (here through JSON's \\u0001) was stored and printed,
    and made the issue's own feed.xml invalid XML for every reader; in plain-text content
    it stayed in the paragraphs."""
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [
        {"id": "1", "url": "http://127.0.0.1/a", "title": "Cranes\u0001 approved\u000b today\ufffe",
         "authors": [{"name": "Ana\u0007 Li"}], "content_text": f"Bell\u0007 rings. {LONG_TEXT}"}]}
    url = server.route("/f.json", Reply(200, json.dumps(doc).encode(),
                                        {"Content-Type": "application/feed+json"}))
    [item] = fetch_all([Source("s", url)], {}, settings, clock=lambda: NOW)[0].items
    assert (item.title, item.author) == ("Cranes approved today", "Ana Li")
    [(article, _)] = _clean_item(_ItemJob(item, False, NOW))
    assert article.paragraphs[0].startswith("Bell rings.")
    controls = {chr(c) for c in [*range(9), 11, 12, *range(14, 32)]}
    assert not controls & set(article.title + "".join(article.paragraphs))


def test_json_nested_past_the_decoders_depth_is_bad_input_not_a_bug(
        server: ScriptServer, settings: FetchSettings) -> None:
    """A JSON Feed, or an article page's JSON-LD, nested 100,000 deep: json.loads raises
    RecursionError, which was an internal error with a bug's traceback: the feed "internal
    error", the page not fetched (its article lost to the feed's teaser)."""
    deep = 100_000
    doc = ('{"version": "https://jsonfeed.org/version/1.1", "title": "J", "items": [{"id": '
           '"1", "title": "t", "content_text": "x", "tags": ' + "[" * deep + "]" * deep + "}]}")
    feed_url = server.route("/f.json", Reply(200, doc.encode(),
                                             {"Content-Type": "application/feed+json"}))
    ld = '{"a": ' * deep + '{"datePublished": "2026-03-02T10:00:00Z"}' + "}" * deep
    page = (f'<html><head><title>Deep</title><script type="application/ld+json">{ld}</script>'
            f"</head><body><article><h1>Deep</h1><p>{LONG_TEXT}</p></article></body></html>")
    server.route("/deep", Reply(200, page.encode(), {"Content-Type": "text/html"}))
    server.route("/robots.txt", Reply(404, b""))
    rss_url = server.route("/r.xml", Reply(200, rss([rss_item(
        "g", title="Deep page", link=server.url("/deep"), description="A teaser.")]).encode()))
    feed, teaser = fetch_all([Source("json", feed_url), Source("rss", rss_url)], {}, settings,
                             clock=lambda: NOW)
    assert feed.status == "error" and feed.error == "invalid JSON: nested too deeply"
    assert teaser.status == "ok" and teaser.error is None, teaser.error
    [item] = teaser.items
    assert LONG_TEXT[:80] in item.content  # the page's article, not the feed's teaser
    [(article, _)] = _clean_item(_ItemJob(item, False, NOW))
    assert article.paragraphs and LONG_TEXT[:80] in article.paragraphs[0]
