"""Full text: following entry links when a feed carries only a summary, titles and dates
from the page, canonical URLs, and the `known` callback."""

from __future__ import annotations

from datetime import UTC, datetime

from fetch_testkit import ARTICLE_HTML, LONG_TEXT, Reply, ScriptServer, rss, rss_item

from digest.fetch import fetch_all
from digest.models import FetchSettings, Source

NOW = datetime(2026, 3, 5, 12, 0, tzinfo=UTC)


def page(server: ScriptServer, path: str, html: str = ARTICLE_HTML) -> str:
    return server.route(path, Reply(200, html.encode(), {"Content-Type": "text/html"}))


def test_summary_only_entry_gets_the_page(server: ScriptServer,
                                          settings: FetchSettings) -> None:
    link = page(server, "/story-1")
    url = server.route("/f.xml", Reply(200, rss([rss_item("1", link=link,
                                                          description="Teaser…")]).encode()))
    [item] = fetch_all([Source("s", url)], {}, settings, clock=lambda: NOW)[0].items
    assert item.content_type == "html" and "Paragraph 5" in item.content
    assert item.summary == "Teaser…"  # the feed's summary is kept
    assert item.canonical_url == "https://example.org/canonical-story"
    assert item.title == "An item"  # the feed had a title: it wins


def test_full_content_entry_is_not_followed(server: ScriptServer,
                                            settings: FetchSettings) -> None:
    link = page(server, "/story-2")
    url = server.route("/f.xml", Reply(200, rss([rss_item(
        "2", link=link, content=f"<p>{LONG_TEXT}</p>")]).encode()))
    [item] = fetch_all([Source("s", url)], {}, settings, clock=lambda: NOW)[0].items
    assert LONG_TEXT[:80] in item.content
    assert server.count("/story-2") == 0


def test_truncated_content_is_followed(server: ScriptServer, settings: FetchSettings) -> None:
    link = page(server, "/story-3")
    url = server.route("/f.xml", Reply(200, rss([rss_item(
        "3", link=link, content="<p>The first lines of the story […]</p>")]).encode()))
    [item] = fetch_all([Source("s", url)], {}, settings, clock=lambda: NOW)[0].items
    assert "Paragraph 1" in item.content


def test_page_with_less_text_keeps_the_feed_body(server: ScriptServer,
                                                 settings: FetchSettings) -> None:
    link = page(server, "/thin", "<html><head><title>Thin</title></head><body><p>tiny</p>"
                                 "</body></html>")
    url = server.route("/f.xml", Reply(200, rss([rss_item(
        "4", link=link, description="A longer summary than the page has, surely.")]).encode()))
    [item] = fetch_all([Source("s", url)], {}, settings, clock=lambda: NOW)[0].items
    assert item.content == "A longer summary than the page has, surely."


def test_a_short_whole_chinese_page_replaces_its_feeds_teaser(
        server: ScriptServer, settings: FetchSettings) -> None:
    """A Big5 page of three Chinese paragraphs (110 characters) lost to its feed's 30-character
    teaser: the page had to carry 200 characters, as an English one does, so the issue printed
    the teaser's story with no blurb. A Chinese character weighs as three Latin ones."""
    body = ("<p>首屆廣州人形機器人半程馬拉松21日在天河區舉行，來自12家企業的35台人形機器人參賽，"
            "最終21台完成全程。</p><p>冠軍由廣州企業穗行機器人的參賽機器人獲得，用時2小時41分。</p>"
            "<p>主辦方表示，比賽允許中途更換電池，但每台機器人最多只能更換三次。</p>")
    html = f'<html><head><meta charset="big5"><title>馬拉松</title></head><body>{body}</body></html>'
    link = server.route("/marathon", Reply(200, html.encode("big5"), {"Content-Type": "text/html"}))
    url = server.route("/f.xml", Reply(200, rss([rss_item(
        "5", link=link, description="首屆廣州人形機器人半程馬拉松21日在天河區舉行，來自12家企……")]
    ).encode()))
    [item] = fetch_all([Source("s", url)], {}, settings, clock=lambda: NOW)[0].items
    assert "用時2小時41分" in item.content


def test_missing_title_comes_from_the_page(server: ScriptServer,
                                           settings: FetchSettings) -> None:
    og = page(server, "/og")
    h1 = page(server, "/h1", "<html><head><title>Doc title</title></head><body><h1>Heading "
                             "one</h1><p>" + LONG_TEXT + "</p></body></html>")
    tt = page(server, "/tt", "<html><head><title>Only title</title></head><body><p>"
                             + LONG_TEXT + "</p></body></html>")
    feed = rss([rss_item(f"t{i}", link=link, title=None, content=f"<p>{LONG_TEXT}</p>")
                for i, link in enumerate((og, h1, tt))])
    url = server.route("/f.xml", Reply(200, feed.encode()))
    items = fetch_all([Source("s", url)], {}, settings, clock=lambda: NOW)[0].items
    assert [i.title for i in items] == ["The page headline", "Heading one", "Only title"]


def test_page_dates_json_ld_and_time_element(server: ScriptServer,
                                             settings: FetchSettings) -> None:
    ld = page(server, "/ld", '<html><head><script type="application/ld+json">{"@graph": '
                             '[{"@type": "NewsArticle", "datePublished": "2026-03-02T07:00:00Z"}'
                             ']}</script></head><body><p>' + LONG_TEXT + "</p></body></html>")
    tm = page(server, "/tm", '<html><body><time datetime="2026-03-03T07:00:00+00:00">Mar 3'
                             "</time><p>" + LONG_TEXT + "</p></body></html>")
    feed = rss([rss_item("ld", link=ld, date=None), rss_item("tm", link=tm, date="Tomorrow")])
    url = server.route("/f.xml", Reply(200, feed.encode()))
    items = fetch_all([Source("s", url)], {}, settings, clock=lambda: NOW)[0].items
    assert [i.published for i in items] == [datetime(2026, 3, 2, 7, tzinfo=UTC),
                                            datetime(2026, 3, 3, 7, tzinfo=UTC)]


def test_full_text_off_never_follows(server: ScriptServer, settings: FetchSettings) -> None:
    link = page(server, "/nofollow")
    url = server.route("/f.xml", Reply(200, rss([rss_item("5", link=link)]).encode()))
    [item] = fetch_all([Source("s", url, full_text=False)], {}, settings)[0].items
    assert item.content == "Short summary." and server.count("/nofollow") == 0


def test_known_items_skip_the_page_fetch(server: ScriptServer, settings: FetchSettings) -> None:
    link_old, link_new = page(server, "/old"), page(server, "/new")
    full = rss_item("full", link="http://127.0.0.1/full", content=f"<p>{LONG_TEXT}</p>")
    feed = rss([rss_item("old", link=link_old), rss_item("new", link=link_new), full])
    url = server.route("/f.xml", Reply(200, feed.encode()))
    asked: list[tuple[str, str]] = []

    def known(source: str, guid: str) -> bool:
        asked.append((source, guid))
        return guid in ("old", "full")

    items = fetch_all([Source("s", url)], {}, settings, known=known)[0].items
    # "old" needed its page and is known: skipped entirely. "full" carries its body: returned
    # so the store can notice an edit.
    assert [i.guid for i in items] == ["new", "full"]
    assert server.count("/old") == 0 and server.count("/new") == 1
    assert ("s", "old") in asked


def test_failed_page_keeps_the_feed_item(server: ScriptServer, settings: FetchSettings) -> None:
    url = server.route("/f.xml", Reply(200, rss([rss_item(
        "6", link=server.url("/missing-page"))]).encode()))
    result = fetch_all([Source("s", url)], {}, settings)[0]
    assert result.status == "ok" and result.items[0].content == "Short summary."
    assert "1 linked pages not fetched" in (result.error or "")
    assert "404" in (result.error or "")


def test_failed_pages_warning_names_each_reason(server: ScriptServer,
                                                settings: FetchSettings) -> None:
    """Pages failing for different reasons are each named, with their counts: the warning
    once gave the first reason for all ("4 linked pages not fetched (body … over the cap)"
    for a 404, a timeout and a short body)."""
    gone = server.route("/gone", Reply(403, b"no"))
    items = [rss_item(str(n), link=server.url(f"/missing-{n}")) for n in range(2)]
    url = server.route("/f.xml", Reply(200, rss([*items, rss_item("9", link=gone)]).encode()))
    result = fetch_all([Source("s", url)], {}, settings)[0]
    assert result.error == ("3 linked pages not fetched "
                            "(2 × HTTP 404 Not Found; HTTP 403 Forbidden)")
