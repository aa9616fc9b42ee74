"""A feed URL that answers 200 with an HTML page that is no feed, and pages whose advertised
feed is no feed.

A bot check ("Just a moment...") or a captive portal served for a feed URL was "ok, no article
links found on the page": no failure counted, so the source never showed among the failing
ones while its news stopped. A page whose feed link answered with an HTML page (the page
itself, a home page, another page linking back) moved the source to that page for good."""

from __future__ import annotations

from datetime import UTC, datetime

from fetch_testkit import ARTICLE_HTML, Reply, ScriptServer, rss, rss_item

from digest.fetch import fetch_all
from digest.models import FetchSettings, FetchState, Source

NOW = datetime(2026, 3, 4, 12, tzinfo=UTC)
HTML = {"Content-Type": "text/html; charset=utf-8"}
CHALLENGE = (b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>"
             b"<h1>Checking your browser before accessing the site</h1>"
             b"<noscript>Enable JavaScript and cookies to continue</noscript></body></html>")


def _listing(feed_href: str) -> bytes:
    links = "".join(f'<li><a href="/news/2026/03/0{n}/story-about-the-harbour-number-{n}">'
                    f"Story about the harbour, part {n}</a></li>" for n in range(1, 4))
    return (f'<html><head><title>Harbour News</title><link rel="alternate" '
            f'type="application/rss+xml" href="{feed_href}"></head><body><main><ul>{links}'
            "</ul></main></body></html>").encode()


def test_a_bot_check_for_a_feed_url_is_an_error_naming_the_page(
        server: ScriptServer, settings: FetchSettings) -> None:
    wall = server.route("/feed.xml", Reply(200, CHALLENGE, {"Content-Type":
                                                           "application/rss+xml"}))
    good = server.route("/good.xml",
                        Reply(200, rss([rss_item("g", link="http://x/1")]).encode()))
    bad, fine = fetch_all([Source("Walled", wall, full_text=False),
                           Source("Fine", good, full_text=False)],
                          {"Walled": FetchState("Walled", wall, failures=2)}, settings,
                          clock=lambda: NOW)
    assert fine.status == "ok" and len(fine.items) == 1
    assert bad.status == "error" and bad.error is not None and "\n" not in bad.error
    assert 'titled "Just a moment..."' in bad.error and "no article links" in bad.error
    assert bad.error.endswith(wall)
    assert bad.state.failures == 3 and bad.state.url == wall


def test_a_feed_link_that_answers_html_keeps_the_source_on_its_page(
        server: ScriptServer, settings: FetchSettings) -> None:
    page = server.route("/", Reply(200, _listing("/feed/"), HTML))
    server.route("/feed/", Reply(200, _listing("/"), HTML))  # the site's home page again
    for n in range(1, 4):
        server.route(f"/news/2026/03/0{n}/story-about-the-harbour-number-{n}",
                     Reply(200, ARTICLE_HTML.encode(), HTML))
    server.route("/robots.txt", Reply(404, b""))
    [result] = fetch_all([Source("Harbour", page)], {}, settings, clock=lambda: NOW)
    assert result.status == "ok", result.error
    assert len(result.items) == 3
    assert "its feed link" in (result.error or "") and "is an HTML page, not a feed" in (
        result.error or "")
    assert result.state.url in (None, page)  # (it was the feed link's, for good)


def test_a_page_whose_feed_link_names_itself_is_read_once(
        server: ScriptServer, settings: FetchSettings) -> None:
    selfish = server.route("/self.html", Reply(200, _listing("/self.html"), HTML))
    for n in range(1, 4):
        server.route(f"/news/2026/03/0{n}/story-about-the-harbour-number-{n}",
                     Reply(200, ARTICLE_HTML.encode(), HTML))
    server.route("/robots.txt", Reply(404, b""))
    [result] = fetch_all([Source("Self", selfish)], {}, settings, clock=lambda: NOW)
    assert result.status == "ok" and len(result.items) == 3, result.error
    assert server.count("/self.html") == 1
    assert result.state.url in (None, selfish)


def test_a_listing_page_without_article_links_is_an_error_too(
        server: ScriptServer, settings: FetchSettings) -> None:
    """`kind: page` behind a bot check, or whose selector no longer matches, was "ok, no
    article links found on the page" at every run."""
    wall = server.route("/news/", Reply(200, CHALLENGE, HTML))
    listing = server.route("/list.html", Reply(200, _listing("/list.html"), HTML))
    walled, unmatched = fetch_all(
        [Source("Walled", wall, kind="page"),
         Source("Unmatched", listing, kind="page", selector="div.story a")],
        {}, settings, clock=lambda: NOW)
    assert walled.status == "error" and 'titled "Just a moment..."' in (walled.error or "")
    assert unmatched.status == "error"
    assert "the selector 'div.story a' matches nothing" in (unmatched.error or "")

