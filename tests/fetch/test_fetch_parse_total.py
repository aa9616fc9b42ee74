"""parse_feed is total, as documented: whatever the bytes and the Content-Type, it returns a
ParsedFeed (entries whose fields are text), never raises. Each case here raised before."""

from __future__ import annotations

import json
import warnings

import pytest

from digest.fetch.feeds import ParsedFeed, parse_feed

URL = "http://127.0.0.1/feed.xml"


def _json_feed(**item: object) -> bytes:
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "T",
                       "items": [{"id": "1", "content_text": "Body.", **item}]}).encode()


def _rss_title(title: str) -> bytes:
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item>'
            f"<title>{title}</title><link>http://127.0.0.1/a</link></item></channel></rss>"
            ).encode()


def assert_sane(feed: ParsedFeed) -> None:
    assert isinstance(feed, ParsedFeed)
    for entry in feed.entries:
        for name in ("title", "content", "summary"):
            assert isinstance(getattr(entry, name), str), (name, entry)
        for name in ("guid", "link", "date", "author", "canonical"):
            assert getattr(entry, name) is None or isinstance(getattr(entry, name), str)


@pytest.mark.parametrize("authors", [5, 2.5, True, "Jane Roe", {"name": 7}, [None, 3, "x"]])
def test_json_feed_authors_of_any_type(authors: object) -> None:
    """`"authors": 5` raised TypeError ('int' object is not iterable)."""
    feed = parse_feed(_json_feed(authors=authors), URL)
    assert_sane(feed)
    assert len(feed.entries) == 1


def test_json_feed_author_object_of_version_1() -> None:
    feed = parse_feed(_json_feed(author={"name": "Jane Roe"}), URL)
    assert feed.entries[0].author == "Jane Roe"


@pytest.mark.parametrize("ref", ["&#xD800;", "&#55296;", "&#xDFFF;", "&#x110000;",
                                 "&#99999999999;", "&#x0;", "&#1;"])
def test_character_references_no_character_can_have(ref: str) -> None:
    """Invalid XML, so feedparser's loose parser reads it, and its handle_charref raised
    UnicodeEncodeError (a surrogate) or ValueError (past U+10FFFF)."""
    feed = parse_feed(_rss_title(f"Before {ref} after"), URL)
    assert_sane(feed)
    (entry,) = feed.entries
    assert entry.title.startswith("Before") and entry.title.endswith("after")


@pytest.mark.parametrize("content_type", [
    "application/rss+xml; charset=utf\udce9",  # a header byte decoded with surrogateescape
    "application/rss+xml; charset=\udcff\udcfe",
    "text/xml; charset=\u00e9t\u00e9",
    "text/xml; charset=\x00",
])
def test_a_non_ascii_charset_in_the_content_type(content_type: str) -> None:
    """codecs.lookup raised UnicodeEncodeError on the surrogate."""
    for body in (_rss_title("Plain"), _rss_title("Latin-1 caf\xe9".encode("latin-1").decode(
            "latin-1")).replace(b"\xc3\xa9", b"\xe9"), _json_feed()):
        assert_sane(parse_feed(body, URL, content_type))


def test_an_item_nested_in_content_leaves_no_summary_none() -> None:
    """feedparser set summary to None for an <item> inside <content>; the None reached
    clean() and ended the run with TypeError in clean/decode.py."""
    body = (b'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            b'</info><content type="html"><item type="html"></content>')
    assert_sane(parse_feed(body, URL))


@pytest.mark.parametrize("charset", ["idna", "punycode", "undefined", "base64", "hex",
                                     "unicode_escape", "utf-7", "rot13"])
def test_a_python_codec_that_is_no_charset(charset: str) -> None:
    """Found by the parse_feed fuzz target: `charset=idna` made the last-resort decode raise
    (idna cannot decode with errors="replace"), and unicode_escape turns "\\ud800" into half a
    surrogate pair. A document is never decoded with such a codec."""
    body = b"\x00\x00\xe0 <rss><channel><item><title>\\ud800 x</title></item></rss>"
    for content_type, doc in ((f"text/xml; charset={charset}", body),
                              (None, f"<?xml version='1.0' encoding='{charset}'?>".encode() + body)):
        feed = parse_feed(doc, URL, content_type)
        assert_sane(feed)
        assert feed.refused is None


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u2003", "\x1c", ">\u00a0", "'\u00a0"])
def test_whitespace_in_a_namespace_name(space: str) -> None:
    """Found by the parse_feed fuzz target (50x run): bytes that decode to an NBSP inside an
    xmlns value made feedparser's SAX handler raise ValueError (too many values to unpack)."""
    body = (f'<?xml version="1.0"?><rdf:RDF xmlns:rdf="x{space}http://www.w3.org/1999/02/22-rdf'
            '-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel rdf:about="http://127.0.0.1/">'
            '<title>R</title></channel><item rdf:about="http://127.0.0.1/1"><title>One</title>'
            "</item></rdf:RDF>").encode()
    feed = parse_feed(body, URL)
    assert_sane(feed)
    assert feed.refused is None


def test_a_long_namespace_name_with_bytes_that_decode_to_whitespace() -> None:
    """Found by the parse_feed fuzz target in CI: the same ValueError from a namespace name of
    over 2,048 bytes once its invalid UTF-8 (a surrogate's bytes) is read as U+FFFD, which
    the cleaning skipped; an element in that namespace reaches the handler."""
    body = (b'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="'
            + b"\xed\xa0\x80" * 800 + b'"><channel><title>T</title><item><title>One</title>'
            b"<content:encoded><![CDATA[<p>x</p>]]></content:encoded></item></channel></rss>")
    feed = parse_feed(body, URL)
    assert_sane(feed)
    assert feed.refused is None


def test_a_link_urlsplit_refuses_is_no_link() -> None:
    """Fuzz find: a link such as 'http://[x/' made urljoin raise 'Invalid IPv6 URL'."""
    from digest.fetch.urls import resolve

    assert resolve("http://[x/", "a") is None
    assert resolve("http://a.example/", "http://[x/") is None


def test_an_empty_pubdate_reads_no_date_without_a_warning() -> None:
    """Fuzz find: an empty <pubDate/> in a feed only the forgiving parser reads made the entry's
    date fall back to feedparser's "updated", which it answers with "published" and a
    DeprecationWarning (an internal error under -W error)."""
    body = (b"<!DOCTYPE x><<rss version='2.0'><channel><item><title>T</title><pubDate/>>>Tue, 17 "
            b"Nov 2026 20:15:00 +0800</pubDate></item></channel></rss>")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        feed = parse_feed(body, URL)
    assert_sane(feed)
    assert feed.refused is None and feed.format.startswith("feedparser")
    assert [e.title for e in feed.entries] == ["T"]


# A fuzzed Chinese feed (session 24) whose `<link</item>>` made feedparser itself raise
# KeyError: 'links' (its loose parser keeps no link list in that context).
FEEDPARSER_CRASH = (b'<item><?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
                    b'<link</item>>https://x.example/</link><item><title>a</title></item>'
                    b'</channel></rss>')


def test_a_document_feedparser_crashes_on_is_refused_with_its_reason() -> None:
    """It was refused as "internal error: KeyError: 'links'" (our bug, by its words); it is
    the input's fault and reads so: refused, with what the forgiving parser said."""
    feed = parse_feed(FEEDPARSER_CRASH, URL)
    assert feed.entries == []
    assert feed.refused is not None
    assert feed.refused.startswith("refused: a feed too broken to read")
    assert "KeyError" in feed.refused and "internal error" not in feed.refused


def test_what_libxml2_recovers_of_a_document_feedparser_crashed_on_is_read() -> None:
    """After feedparser's crash, libxml2's recovery mode keeps what it can: the first feed
    element in the recovered tree is walked as the strict parser walks one, with a warning."""
    from digest.fetch.loose import recovered

    broken = (b'<junk><rss version="2.0"><channel><title>t</title><item><title>a &amp; b'
              b'</title><link>http://127.0.0.1/a</link></item></channel></rss>')
    feed = recovered(broken, URL, ["invalid XML"], KeyError("links"))
    assert feed.format == "recovered:rss2.0"
    assert [e.title for e in feed.entries] == ["a & b"]
    assert feed.warnings[0] == "invalid XML"
    assert "KeyError: 'links'" in feed.warnings[-1]
    assert_sane(feed)
