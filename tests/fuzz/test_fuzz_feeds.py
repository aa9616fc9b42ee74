"""Fuzz target: parse_feed (and the item preparation after it) is total.

Whatever the bytes and the Content-Type: a ParsedFeed whose entries are text, never an
exception, never the last-resort `internal error` (which would mean a bug was caught, not
avoided), and preparing its items fails no entry."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fuzzkit import Corpus, budget, mutated
from hypothesis import example, given
from hypothesis import strategies as st

from digest.fetch.feeds import ParsedFeed, parse_feed
from digest.fetch.parsepool import prepare
from digest.models import Source

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "outlets"
URL = "http://127.0.0.1/feed.xml"
NOW = datetime(2026, 3, 5, 12, tzinfo=UTC)
SOURCE = Source("fuzz", URL)

ATOM03 = (b'<?xml version="1.0"?><feed version="0.3" xmlns="http://purl.org/atom/ns#">'
          b"<title>Old</title><link rel='alternate' href='http://127.0.0.1/'/><entry>"
          b"<title>Entry</title><link rel='alternate' href='/a'/><id>tag:1</id>"
          b"<issued>2026-03-02T10:00:00Z</issued><content type='text/html' mode='escaped'>"
          b"&lt;p&gt;Body&lt;/p&gt;</content></entry></feed>")
RDF = (b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
       b' xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
       b"<channel rdf:about='http://127.0.0.1/'><title>R</title><link>http://127.0.0.1/</link>"
       b"</channel><item rdf:about='http://127.0.0.1/1'><title>One</title>"
       b"<link>http://127.0.0.1/1</link><dc:date>2026-03-02T10:00:00Z</dc:date>"
       b"<description>Short &amp; sweet</description></item></rdf:RDF>")
SEEDS = Corpus([(SAMPLES / name).read_bytes() for name in (
    "harbor-ledger/feed.xml", "meridian-review/feed.xml", "keji-guancha/feed.xml",
    "lantern-daily/feed.json")] + [ATOM03, RDF])
FRAGMENTS = [
    b"<", b">", b"/>", b"&", b";", b'"', b"'", b"<item>", b"</item>", b"<entry>", b"</entry>",
    b"<content type='html'>", b"<content type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'>",
    b"</content>", b"<summary>", b"<description>", b"</description>", b"<title>", b"</title>",
    b"<link href='../up'/>", b"<link>javascript:alert(1)</link>", b"xml:base='file:///etc/'",
    b"&#xD800;", b"&#x110000;", b"&#0;", b"&#99999999999;", b"&amp;", b"&lt;p&gt;", b"&nbsp;",
    b"&bogus;", b"<![CDATA[", b"]]>", b"<!--", b"-->", b"<!DOCTYPE x [<!ENTITY a 'aaaa'>]>",
    b"&a;", b"<?xml version='1.0' encoding='gbk'?>", b"<?xml version='1.0' encoding='nope'?>",
    b"<?xml version='1.0' encoding='idna'?>", b"<?xml version='1.0' encoding='utf-7'?>",
    b"<?xml version='1.0' encoding='unicode_escape'?>", b"\\ud800", b"+2AA-",
    b"\xef\xbb\xbf", b"\xff\xfe", b"\x00", b"\x02", b"\x1b", b"\xc3", b"\xe4\xb8", b"\xed\xa0\x80",
    b"<pubDate>Tue, 03 Mar 2026 02:00:00 +9999</pubDate>", b"<updated>99999-99-99</updated>",
    b"<dc:date>0000-01-01T00:00:00Z</dc:date>", b"<guid isPermaLink='true'>  </guid>",
    b'{"version": "https://jsonfeed.org/version/1.1", "items": [', b"]}", b"null", b"1e999",
    b'"authors": 5', b'"\\ud800"', b"<rss version='2.0'><channel>", b"<feed xmlns='http://www.w3.org/2005/Atom'>",
]
CONTENT_TYPES = st.one_of(
    st.none(),
    st.sampled_from(["application/rss+xml", "application/atom+xml; charset=utf-8",
                     "text/xml; charset=gbk", "text/xml; charset=utf-16", "text/html",
                     "application/feed+json", "text/xml; charset=utf\udce9",
                     "text/xml; charset=\x00", "text/xml; charset=idna", "text/xml; charset=",
                     "text/xml; charset=unicode_escape", "text/xml; charset=utf-7",
                     "text/xml; charset=base64", "text/xml; charset=undefined"]),
    st.text(max_size=60).map(lambda t: "text/xml; charset=" + t),
)

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=4),
    max_leaves=12)
ITEM_KEYS = ["id", "url", "external_url", "title", "content_html", "content_text", "summary",
             "date_published", "date_modified", "author", "authors", "image", "tags"]


@st.composite
def json_feeds(draw: st.DrawFn) -> bytes:
    items: list[Any] = []
    for _ in range(draw(st.integers(0, 4))):
        keys = draw(st.lists(st.sampled_from(ITEM_KEYS), unique=True, max_size=8))
        items.append({k: draw(JSON_VALUES) for k in keys})
    doc = {"version": draw(st.sampled_from(["https://jsonfeed.org/version/1.1",
                                            "http://jsonfeed.org/version/1", "2"])),
           "title": draw(JSON_VALUES), "home_page_url": draw(JSON_VALUES),
           "feed_url": draw(JSON_VALUES), "items": draw(st.sampled_from([items, items, {}, 3]))}
    return json.dumps(doc).encode()


DOCUMENTS = st.one_of(mutated(SEEDS, FRAGMENTS), json_feeds(), st.binary(max_size=400))


def _check(feed: ParsedFeed) -> None:
    assert isinstance(feed, ParsedFeed)
    assert not (feed.refused or "").startswith("internal error"), feed.refused
    for entry in feed.entries:
        for name in ("title", "content", "summary"):
            assert isinstance(getattr(entry, name), str)
        for name in ("guid", "link", "date", "author", "canonical"):
            assert getattr(entry, name) is None or isinstance(getattr(entry, name), str)
    job = prepare(feed, URL, SOURCE, NOW, 200)
    assert job.prepared.failed == []
    for draft in job.prepared.drafts:
        assert isinstance(draft.item.content, str) and isinstance(draft.item.title, str)
        (draft.item.title + draft.item.content + draft.item.url).encode("utf-8")  # storable


@budget(800)
@given(DOCUMENTS, CONTENT_TYPES)
# Crash inputs found by this target, kept (each also has a named test in tests/fetch/):
@example(b'{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", '
         b'"authors": 5, "content_text": "x"}]}', None)  # TypeError (test_fetch_parse_total)
@example(b"<rss version='2.0'><channel><item><title>a&#xD800;</title></item></channel></rss>",
         None)  # UnicodeEncodeError in feedparser
@example(b"<rss version='2.0'><channel><item><title>a&#x110000;</title></item></channel></rss>",
         None)  # ValueError in feedparser
@example(SEEDS[0], "application/rss+xml; charset=utf\udce9")  # UnicodeEncodeError (lookup)
@example(b'<feed xmlns="http://www.w3.org/2005/Atom"></info><content type="html">'
         b'<item type="html"></content>', None)  # summary None -> TypeError in clean
@example(b'{"version": "https://jsonfeed.org/version/1.1", "items": [{"id": "1", '
         b'"title": "\\ud800", "content_text": "x"}]}', None)  # surrogate reached SQLite
@example(b"\x00\x00\xe0", "text/xml; charset=idna")  # UnicodeError (last-resort decode)
@example(b'<?xml version="1.0"?><rdf:RDF xmlns:rdf="\xcf\xffhttp://www.w3.org/1999/02/22-rdf-'
         b'syntax-ns#" xmlns="http://purl.org/rss/1.0/"><item rdf:about="http://127.0.0.1/1">'
         b"<title>One</title></item></rdf:RDF>", None)  # an NBSP in xmlns: ValueError
@example(b'<?xml version="1.0"?><feed version="0.3" xmlns=">\xed\xa0\x80\xef\xbb\xbfhttp://purl'
         b'.org/atom/ns#"><entry><title>Entry</title></entry></feed>', None)  # the same, with ">"
@example(b'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="'
         + b"\xed\xa0\x80" * 800 + b'"><channel><item><content:encoded>x</content:encoded>'
         b"</item></channel></rss>", None)  # the same, over 2 KB
@example(b"<!DOCTYPE x><<rss version='2.0'><channel><item><title>T</title><pubDate/>>>Tue, 17 "
         b"Nov 2026 20:15:00 +0800</pubDate></item></channel></rss>", None)  # DeprecationWarning
@example(b'<item><?xml version="1.0"?><rss version="2.0"><channel><title>t</title><link</item>>'
         b"https://x.example/</link><item><title>a</title></item></channel></rss>",
         None)  # KeyError: 'links' in feedparser
def test_parse_feed_is_total(document: bytes, content_type: str | None) -> None:
    _check(parse_feed(document, URL, content_type))
