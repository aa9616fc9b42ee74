"""Every source kind: RSS 0.91/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.0/1.1, listing pages,
sitemaps (news, index, gzipped), mailboxes (maildir, mbox, .eml folder), local files, OPML."""

from __future__ import annotations

import gzip
import json
import mailbox
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

import pytest
from fetch_testkit import ARTICLE_HTML, LONG_TEXT, Reply, ScriptServer

from digest.errors import ConfigError
from digest.fetch import fetch_all, read_opml, write_opml
from digest.models import FetchSettings, Source

NOW = datetime(2026, 3, 5, 12, 0, tzinfo=UTC)
BODY = "<p>" + LONG_TEXT + "</p>"


def one(server: ScriptServer, settings: FetchSettings, path: str, body: str | bytes,
        ctype: str = "application/xml", **source: object) -> list:  # type: ignore[type-arg]
    url = server.route(path, Reply(200, body.encode() if isinstance(body, str) else body,
                                   {"Content-Type": ctype}))
    result = fetch_all([Source("s", url, **source)], {}, settings,  # type: ignore[arg-type]
                       clock=lambda: NOW)[0]
    assert result.status == "ok", result.error
    return list(result.items)


def test_rss_091(server: ScriptServer, settings: FetchSettings) -> None:
    doc = ('<?xml version="1.0"?><rss version="0.91"><channel><title>Old</title>'
           "<link>http://127.0.0.1/</link><item><title>Ninety one</title>"
           "<link>http://127.0.0.1/91</link><description>Old school</description></item>"
           "</channel></rss>")
    [item] = one(server, settings, "/091.xml", doc, full_text=False)
    assert (item.title, item.url, item.guid) == ("Ninety one", "http://127.0.0.1/91",
                                                 "http://127.0.0.1/91")
    assert item.summary == "Old school"


def test_rss_10_rdf(server: ScriptServer, settings: FetchSettings) -> None:
    doc = ('<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
           ' xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
           '<channel rdf:about="http://127.0.0.1/"><title>RDF</title><link>http://127.0.0.1/</link>'
           '</channel><item rdf:about="http://127.0.0.1/rdf-1"><title>RDF item</title>'
           "<link>http://127.0.0.1/rdf-1</link><description>Desc</description>"
           "<dc:date>2026-03-02T09:00:00+01:00</dc:date><dc:creator>Ann</dc:creator></item>"
           "</rdf:RDF>")
    [item] = one(server, settings, "/rdf.xml", doc, full_text=False)
    assert item.title == "RDF item" and item.author == "Ann"
    assert item.published == datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def test_rss_20_with_xml_base_and_relative_links(server: ScriptServer,
                                                 settings: FetchSettings) -> None:
    doc = ('<?xml version="1.0"?><rss version="2.0" '
           'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>'
           '<item xml:base="http://127.0.0.1/blog/"><title>Rel</title><link>post-1</link>'
           f'<guid>p1</guid><content:encoded><![CDATA[<p><a href="../img/x.png">x</a></p>{BODY}'
           "]]></content:encoded></item>"
           "<item><title>Root-relative</title><link>/p2</link><guid>p2</guid>"
           f"<description><![CDATA[{BODY}]]></description></item></channel></rss>")
    items = one(server, settings, "/base/feed.xml", doc, full_text=False)
    assert items[0].url == "http://127.0.0.1/blog/post-1"
    assert 'href="http://127.0.0.1/img/x.png"' in items[0].content
    assert items[1].url == server.url("/p2")


def test_atom_10(server: ScriptServer, settings: FetchSettings) -> None:
    doc = ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
           "<title>Atom</title><link href='http://127.0.0.1/'/><author><name>Feed Author</name>"
           "</author><entry><id>tag:x,2026:1</id><title type='html'>A &lt;b&gt;"
           "bold&lt;/b&gt; title</title><link rel='alternate' href='/atom-1'/>"
           "<published>2026-03-02T10:00:00Z</published><updated>2026-03-03T10:00:00Z</updated>"
           "<summary>Short</summary><content type='xhtml'><div "
           "xmlns='http://www.w3.org/1999/xhtml'><p>Para <em>one</em></p></div></content>"
           "</entry></feed>")
    [item] = one(server, settings, "/atom.xml", doc, full_text=False)
    assert item.guid == "tag:x,2026:1" and item.title == "A bold title"
    assert item.url == server.url("/atom-1") and item.author == "Feed Author"
    assert item.published == datetime(2026, 3, 2, 10, 0, tzinfo=UTC)
    assert "<em>one</em>" in item.content and "xmlns" not in item.content
    assert item.summary == "Short"


def test_atom_03(server: ScriptServer, settings: FetchSettings) -> None:
    doc = ('<?xml version="1.0"?><feed version="0.3" xmlns="http://purl.org/atom/ns#">'
           "<title>Old atom</title><entry><title>Oh three</title>"
           "<link rel='alternate' type='text/html' href='http://127.0.0.1/03'/>"
           "<id>urn:03</id><issued>2026-03-01T10:00:00Z</issued>"
           "<content type='text/html' mode='escaped'>&lt;p&gt;Escaped body&lt;/p&gt;</content>"
           "</entry></feed>")
    [item] = one(server, settings, "/atom03.xml", doc, full_text=False)
    assert (item.title, item.url, item.guid) == ("Oh three", "http://127.0.0.1/03", "urn:03")
    assert "Escaped body" in item.content
    assert item.published == datetime(2026, 3, 1, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize("version", ["1", "1.1"])
def test_json_feed(server: ScriptServer, settings: FetchSettings, version: str) -> None:
    doc = {"version": f"https://jsonfeed.org/version/{version}", "title": "J",
           "home_page_url": "http://127.0.0.1/", "items": [
               {"id": 1, "url": "/j1", "title": "Json one", "content_html": BODY,
                "summary": "S", "date_published": "2026-03-02T10:00:00-05:00",
                "authors": [{"name": "Bo"}]},
               {"id": "2", "url": "http://127.0.0.1/j2", "content_text": "Plain text body"}]}
    items = one(server, settings, "/feed.json", json.dumps(doc), "application/feed+json",
                full_text=False)
    assert items[0].guid == "1" and items[0].url == server.url("/j1")
    assert items[0].author == "Bo" and items[0].summary == "S"
    assert items[0].published == datetime(2026, 3, 2, 15, 0, tzinfo=UTC)
    assert items[1].content_type == "text" and items[1].title.startswith("Plain text body")


def test_page_listing_auto_discovery(server: ScriptServer, settings: FetchSettings) -> None:
    for slug in ("2026/03/ai-fair-opens-in-shanghai", "2026/03/new-rules-for-labels"):
        server.route(f"/news/{slug}", Reply(200, ARTICLE_HTML.encode(),
                                            {"Content-Type": "text/html"}))
    listing = ("<html><body><nav><a href='/about-the-site-and-team'>About</a>"
               "<a href='/tag/ai-and-more-things'>AI</a></nav><main>"
               "<article><h2><a href='/news/2026/03/ai-fair-opens-in-shanghai'>AI fair opens in "
               "Shanghai</a></h2></article><article><h2>"
               "<a href='/news/2026/03/new-rules-for-labels'>New rules for labels</a></h2>"
               "</article></main><footer><a href='/privacy'>Privacy</a></footer></body></html>")
    items = one(server, settings, "/news/", listing, "text/html", kind="page")
    assert [i.url for i in items] == [server.url("/news/2026/03/ai-fair-opens-in-shanghai"),
                                      server.url("/news/2026/03/new-rules-for-labels")]
    assert items[0].title == "AI fair opens in Shanghai"
    assert "Paragraph 3" in items[0].content  # the article page itself
    assert items[0].published == datetime(2026, 3, 1, 0, 30, tzinfo=UTC)
    assert items[0].canonical_url == "https://example.org/canonical-story"


def test_page_listing_with_selector(server: ScriptServer, settings: FetchSettings) -> None:
    server.route("/p/1", Reply(200, ARTICLE_HTML.encode(), {"Content-Type": "text/html"}))
    listing = ("<html><body><ul class='stories'><li><a href='/p/1'>One</a></li></ul>"
               "<article><h2><a href='/news/2026/03/not-selected-story'>Other</a></h2></article>"
               "</body></html>")
    items = one(server, settings, "/sel", listing, "text/html", kind="page",
                selector="ul.stories li")
    assert [i.url for i in items] == [server.url("/p/1")]


def test_page_advertising_a_feed_uses_the_feed(server: ScriptServer,
                                               settings: FetchSettings) -> None:
    feed = ('<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item>'
            f"<title>From feed</title><link>http://127.0.0.1/f1</link><description><![CDATA["
            f"{BODY}]]></description></item></channel></rss>")
    server.route("/site/feed", Reply(200, feed.encode(), {"Content-Type": "application/rss+xml"}))
    page = ('<html><head><link rel="alternate" type="application/atom+xml" href="feed"></head>'
            "<body><article><h2><a href='/site/2026/x-y-z'>X</a></h2></article></body></html>")
    items = one(server, settings, "/site/", page, "text/html", kind="page", full_text=False)
    assert [i.title for i in items] == ["From feed"]


def test_robots_txt_is_respected_for_pages(server: ScriptServer,
                                           settings: FetchSettings) -> None:
    server.route("/robots.txt", Reply(200, b"User-agent: *\nDisallow: /private/\n"))
    server.route("/private/story", Reply(200, ARTICLE_HTML.encode()))
    feed = ('<?xml version="1.0"?><rss version="2.0"><channel><title>F</title><item>'
            "<title>T</title><guid>1</guid><link>/private/story</link>"
            "<description>short</description></item></channel></rss>")
    url = server.route("/private/feed.xml", Reply(200, feed.encode()))
    result = fetch_all([Source("s", url)], {}, settings, clock=lambda: NOW)[0]
    assert result.status == "ok"  # the feed itself is fetched: robots is for pages
    assert result.items[0].content == "short"
    assert "robots.txt" in (result.error or "")
    assert server.count("/private/story") == 0


def _sitemap(urls: list[tuple[str, str]], news: bool = True) -> str:
    rows = []
    for loc, date in urls:
        extra = (f"<news:news><news:publication><news:name>N</news:name></news:publication>"
                 f"<news:publication_date>{date}</news:publication_date>"
                 f"<news:title>Title of {loc.rsplit('/', 1)[-1]}</news:title></news:news>"
                 if news else f"<lastmod>{date}</lastmod>")
        rows.append(f"<url><loc>{loc}</loc>{extra}</url>")
    return ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">' + "".join(rows)
            + "</urlset>")


def test_news_sitemap(server: ScriptServer, settings: FetchSettings) -> None:
    for name in ("old", "new"):
        server.route(f"/a/{name}", Reply(200, ARTICLE_HTML.encode(), {"Content-Type": "text/html"}))
    doc = _sitemap([(server.url("/a/old"), "2026-03-01T10:00:00Z"),
                    (server.url("/a/new"), "2026-03-04T10:00:00Z")])
    items = one(server, settings, "/sitemap-news.xml", doc, kind="sitemap")
    assert [i.title for i in items] == ["Title of new", "Title of old"]  # newest first
    assert items[0].published == datetime(2026, 3, 4, 10, 0, tzinfo=UTC)
    assert "Paragraph 2" in items[0].content


def test_sitemap_index_with_gzipped_child(server: ScriptServer, settings: FetchSettings) -> None:
    server.route("/a/one", Reply(200, ARTICLE_HTML.encode(), {"Content-Type": "text/html"}))
    child = _sitemap([(server.url("/a/one"), "2026-03-03")], news=False)
    server.route("/sm-1.xml.gz", Reply(200, gzip.compress(child.encode()),
                                       {"Content-Type": "application/x-gzip"}))
    index = ('<?xml version="1.0"?><sitemapindex '
             'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap>'
             "<loc>/sm-1.xml.gz</loc><lastmod>2026-03-03</lastmod></sitemap></sitemapindex>")
    items = one(server, settings, "/sitemap.xml", index)  # kind auto detects the sitemap
    assert [i.url for i in items] == [server.url("/a/one")]
    assert items[0].title == "The page headline"  # no news:title: the page's own title


def test_a_broken_child_of_a_sitemap_index_costs_only_itself(
        server: ScriptServer, settings: FetchSettings) -> None:
    """A corrupt gzipped child (or an empty one) made the whole index an error: its other
    children's articles were lost with it. A child that is an index itself (the index
    naming itself) was read as an empty urlset, without a word."""
    server.route("/a/one", Reply(200, ARTICLE_HTML.encode(), {"Content-Type": "text/html"}))
    server.route("/good.xml", Reply(200, _sitemap([(server.url("/a/one"), "2026-03-03")],
                                                  news=False).encode()))
    server.route("/bad.xml.gz", Reply(200, b"\x1f\x8b\x08\x00garbage"))
    server.route("/empty.xml", Reply(200, b"   "))
    index = ('<?xml version="1.0"?><sitemapindex '
             'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
             + "".join(f"<sitemap><loc>{loc}</loc><lastmod>2026-03-0{n}</lastmod></sitemap>"
                       for n, loc in enumerate(("/good.xml", "/bad.xml.gz", "/empty.xml",
                                                "/sitemap.xml"), start=1))
             + "</sitemapindex>")
    server.route("/sitemap.xml", Reply(200, index.encode()))
    [result] = fetch_all([Source("s", server.url("/sitemap.xml"))], {}, settings)
    assert result.status == "ok", result.error
    assert [i.url for i in result.items] == [server.url("/a/one")]
    warning = result.error or ""
    assert "child sitemap " + server.url("/bad.xml.gz") + " failed: " in warning
    assert "child sitemap " + server.url("/empty.xml") + " failed" in warning
    assert "child sitemap " + server.url("/sitemap.xml") + " is no urlset (<sitemapindex>)" in (
        warning)


def _message(n: int, html: bool = True) -> EmailMessage:
    msg = EmailMessage()
    msg["Subject"] = f"Newsletter issue {n}"
    msg["From"] = "China Chatbot <news@example.org>"
    msg["Date"] = f"Mon, 0{n} Mar 2026 08:00:00 +0000"
    msg["Message-ID"] = f"<issue-{n}@example.org>"
    msg.set_content(f"Plain body {n}")
    if html:
        msg.add_alternative(f"<html><body><a href='https://example.org/issues/{n}?utm_source=x'>"
                            f"View in browser</a><p>HTML body {n} 人工智能</p></body></html>",
                            subtype="html")
    return msg


def test_a_message_nested_too_deeply_costs_only_itself(tmp_path: Path,
                                                       settings: FetchSettings) -> None:
    """A message of 3,000 nested multiparts: the email package's RecursionError, raised while
    the folder was read, made the whole mailbox "internal error" (every other letter lost)."""
    folder = tmp_path / "letters"
    folder.mkdir()
    (folder / "1.eml").write_bytes(bytes(_message(1)))
    depth = 3000
    nested = ("From: a@example.org\r\nSubject: Deep\r\nMessage-ID: <deep@example.org>\r\n"
              + "".join(f'Content-Type: multipart/mixed; boundary="b{d}"\r\n\r\n--b{d}\r\n'
                        for d in range(depth))
              + "Content-Type: text/html\r\n\r\n<p>deep</p>\r\n"
              + "".join(f"--b{d}--\r\n" for d in reversed(range(depth))))
    (folder / "2.eml").write_text(nested)
    result = fetch_all([Source("letters", str(folder))], {}, settings, clock=lambda: NOW)[0]
    assert result.status == "ok", result.error
    assert [item.title for item in result.items] == ["Newsletter issue 1"]
    assert "1 messages could not be read" in (result.error or "")


def test_maildir(tmp_path: Path, settings: FetchSettings) -> None:
    box = mailbox.Maildir(tmp_path / "Mail", create=True)
    box.add(_message(1))
    box.add(_message(2, html=False))
    result = fetch_all([Source("mail", str(tmp_path / "Mail"), kind="mailbox")], {}, settings,
                       clock=lambda: NOW)[0]
    assert result.status == "ok", result.error
    first, second = result.items  # newest first
    assert (second.title, second.content_type, second.guid) == (
        "Newsletter issue 1", "html", "issue-1@example.org")
    assert "HTML body 1 人工智能" in second.content
    assert second.url == "https://example.org/issues/1"
    assert second.author == "China Chatbot"
    assert first.content_type == "text" and first.url == "mid:issue-2@example.org"
    again = fetch_all([Source("mail", str(tmp_path / "Mail"), kind="mailbox")],
                      {"mail": result.state}, settings)[0]
    assert again.status == "not_modified"


def test_mbox_and_eml_folder(tmp_path: Path, settings: FetchSettings) -> None:
    box = mailbox.mbox(tmp_path / "news.mbox", create=True)
    box.add(_message(3))
    box.close()
    folder = tmp_path / "eml"
    folder.mkdir()
    (folder / "a.eml").write_bytes(_message(4).as_bytes())
    results = fetch_all([Source("mbox", str(tmp_path / "news.mbox")),
                         Source("eml", folder.as_uri(), kind="mailbox")], {}, settings,
                        clock=lambda: NOW)
    assert [r.status for r in results] == ["ok", "ok"], [r.error for r in results]
    assert results[0].items[0].title == "Newsletter issue 3"
    assert results[1].items[0].title == "Newsletter issue 4"


def test_local_feed_file_and_its_links(tmp_path: Path, settings: FetchSettings) -> None:
    feed = ('<?xml version="1.0"?><rss version="2.0"><channel><title>L</title>'
            "<item><title>Local</title><link>file:///etc/passwd</link><guid>l1</guid>"
            "<description>short</description></item></channel></rss>")
    path = tmp_path / "feed.xml"
    path.write_text(feed)
    result = fetch_all([Source("local", str(path))], {}, settings)[0]
    assert result.status == "ok"
    [item] = result.items
    assert not item.url.startswith("file:")  # a feed's link may never point to a file
    assert "non-web link" in (result.error or "")
    again = fetch_all([Source("local", str(path))], {"local": result.state}, settings)[0]
    assert again.status == "not_modified"


def test_opml_round_trip(tmp_path: Path) -> None:
    opml = ('<?xml version="1.0"?><opml version="2.0"><head><title>Subs</title></head><body>'
            '<outline text="Tech"><outline type="rss" text="Blog A" '
            'xmlUrl="https://a.example/feed"/><outline type="rss" text="Blog A" '
            'xmlUrl="https://a2.example/feed"/></outline>'
            '<outline type="rss" title="Dup" xmlUrl="https://a.example/feed"/></body></opml>')
    path = tmp_path / "subs.opml"
    path.write_text(opml)
    sources = read_opml(path)
    assert [(s.name, s.url) for s in sources] == [("Blog A", "https://a.example/feed"),
                                                  ("Blog A (2)", "https://a2.example/feed")]
    mixed = [*sources, Source("Listing", "https://b.example/news", kind="page",
                              selector="h2 a")]
    out = tmp_path / "out.opml"
    out.write_text(write_opml(mixed, "My digest"))
    assert read_opml(out) == mixed
    (tmp_path / "bad.opml").write_text("<html>nope</html>")
    with pytest.raises(ConfigError):
        read_opml(tmp_path / "bad.opml")


def test_opml_keywords_nested_past_the_decoders_depth_are_none(tmp_path: Path) -> None:
    """`digest:include="[[[[…"` 100,000 deep: RecursionError went out of `sources import`
    as a traceback; keywords that are not a list of words are none, as any other."""
    deep = "[" * 100_000 + "]" * 100_000
    path = tmp_path / "deep.opml"
    path.write_text('<?xml version="1.0"?><opml version="2.0" xmlns:digest="'
                    'https://github.com/digest-news/digest/opml"><body><outline type="rss" '
                    f'text="A" xmlUrl="https://a.example/feed" digest:include="{deep}"/>'
                    "</body></opml>")
    [source] = read_opml(path)
    assert (source.url, source.include) == ("https://a.example/feed", ())


def test_an_export_re_imports_every_setting_of_a_source(tmp_path: Path) -> None:
    """`digest sources export` then `import` into a new file: a source's keywords, its
    newsletter cleaning and its full-text choice came back as defaults (qa40a)."""
    from digest.cli import main
    from digest.config import load_config

    config = tmp_path / "sources.yaml"
    config.write_text(
        "newsletter: {title: Harbour Watch}\n"
        "sources:\n"
        "  - {name: Gazette, url: 'https://g.example/feed', include: [ferry, '港口'],"
        " exclude: ['sport, results'], full_text: false}\n"
        "  - {name: Letters, url: 'https://l.example/feed', newsletter: true}\n"
        "  - {name: Listing, url: 'https://b.example/news', kind: page, selector: 'h2 a'}\n",
        encoding="utf-8")
    out = tmp_path / "out.opml"
    out.write_text(write_opml(load_config(config).sources, "Harbour Watch"), encoding="utf-8")
    assert read_opml(out) == list(load_config(config).sources)
    fresh = tmp_path / "fresh" / "sources.yaml"
    fresh.parent.mkdir()
    fresh.write_text("newsletter: {title: Copy}\nsources: []\n", encoding="utf-8")
    assert main(["sources", "import", str(out), "--config", str(fresh)]) == 0
    assert load_config(fresh).sources == load_config(config).sources


def test_opml_source_is_not_fetched(settings: FetchSettings) -> None:
    result = fetch_all([Source("o", "/x.opml", kind="opml")], {}, settings)[0]
    assert result.status == "error" and "import" in (result.error or "")
