"""Pure helpers: canonical URL keys, date trust, charset decoding, the SSRF address rule."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digest.encoding import decode, repaired
from digest.fetch import canonical_key
from digest.fetch.dates import parse_date, parse_trusted, retry_after
from digest.fetch.urls import host_of, is_internal_ip, parsed_key, resolve

NOW = datetime(2026, 3, 5, 12, 0, tzinfo=UTC)


def _split_host(url: str) -> str:
    """What host_of says of every URL: urlsplit's host, without a trailing dot, lower-case."""
    try:
        return (urlsplit(url).hostname or "").rstrip(".").lower()
    except ValueError:
        return ""


def test_host_of_is_urlsplits_host_for_any_url() -> None:
    """host_of reads a plain http(s) URL's host without splitting it: what it finds is what
    urlsplit finds, for the usual feed URL and for 30,000 seeded odd ones (user parts,
    brackets, ports that are not numbers, spaces, tabs and newlines urlsplit strips, case)."""
    rng = random.Random(21)
    hosts = ["h", "Ex.Org", "a.b.", "127.0.0.2", "[::1]", "[v1.x]", "u@h", "u:p@H.", "é.com",
             "a_b", "x-y", "", "h%41", " h", "h\t", "h\n", "[::1", "h]"]
    tails = ["", "/", "/feed.xml", "?q=1", "#f", ":80", ":", ":8a/", ":0/x", ":443?x", "\n",
             "\n/", "/a b", "@h2/", "\\x", ":99999/"]
    schemes = ["http://", "https://", "HTTP://", "Https://", "ftp://", "http:/", "http:", " http://",
               "\thttp://", "http:///", "//"]
    urls = ["http://127.0.0.2:35421/feed/0.xml", "https://news.example.com/rss"] + [
        rng.choice(schemes) + rng.choice(hosts) + rng.choice([*hosts[:6], ""])
        + "".join(rng.choice(tails) for _ in range(rng.randint(0, 3))) for _ in range(30_000)]
    for url in urls:
        assert host_of(url) == _split_host(url), repr(url)
    assert host_of("http://127.0.0.2:35421/feed/0.xml") == "127.0.0.2"


@pytest.mark.parametrize(("a", "b"), [
    ("https://Example.ORG:443/a/b/?utm_source=x&utm_medium=y#frag", "https://example.org/a/b"),
    ("http://example.org:80/p?b=2&a=1&fbclid=abc", "http://example.org/p?a=1&b=2"),
    ("https://example.org/%7Euser/", "https://example.org/~user"),
    ("https://example.org", "https://example.org/"),
    ("https://example.org/p?gclid=1&mc_cid=2&_hsenc=3", "https://example.org/p"),
])
def test_canonical_key_equalities(a: str, b: str) -> None:
    assert canonical_key(a) == canonical_key(b)


@pytest.mark.parametrize(("a", "b"), [
    ("https://example.org/p?id=1", "https://example.org/p?id=2"),
    ("https://example.org/p?source=rss-a", "https://example.org/p?source=rss-b"),
    ("http://example.org/p", "https://example.org/p"),
    ("https://example.org:8443/p", "https://example.org/p"),
    # a port no URL can have was read as none: each such link was the host's own page
    ("http://127.0.0.1:99999/a", "http://127.0.0.1/a"),
    ("http://127.0.0.1:18942:80/a", "http://127.0.0.1:99999/a"),
])
def test_canonical_key_keeps_what_matters(a: str, b: str) -> None:
    assert canonical_key(a) != canonical_key(b)


@given(st.sampled_from(["http", "https", "HTTP"]),
       st.sampled_from(["example.org", "ex-1.example", "127.0.0.2", "Example.org", "a.", "x"]),
       st.sampled_from(["", ":80", ":443", ":8000", ":08000", ":65535", ":65536", ":0"]),
       st.text(alphabet="abZ09:@!$&'()*+,;=~._-/%?# é", max_size=16))
def test_a_url_that_is_its_own_key_is_the_long_ways_key(scheme: str, host: str, port: str,
                                                         path: str) -> None:
    """The shortcut (a plain URL is its own key) gives what parsing, unquoting, quoting and
    unsplitting give."""
    url = f"{scheme}://{host}{port}/{path}"
    assert canonical_key(url) == parsed_key(url)


@given(st.text(max_size=60))
def test_canonical_key_never_raises_and_is_idempotent(path: str) -> None:
    key = canonical_key("https://example.org/" + path)
    assert canonical_key(key) == key


@pytest.mark.parametrize(("text", "expected"), [
    ("Mon, 02 Mar 2026 10:00:00 GMT", datetime(2026, 3, 2, 10, tzinfo=UTC)),
    ("Mon, 02 Mar 2026 10:00:00 +0800", datetime(2026, 3, 2, 2, tzinfo=UTC)),
    ("2026-03-02T10:00:00Z", datetime(2026, 3, 2, 10, tzinfo=UTC)),
    ("2026-03-02T10:00:00.123+01:00", datetime(2026, 3, 2, 9, 0, 0, 123000, tzinfo=UTC)),
    ("2026-03-02", datetime(2026, 3, 2, tzinfo=UTC)),
    ("Tue, 3 Mar 2026 10:00 EST", datetime(2026, 3, 3, 15, tzinfo=UTC)),
    ("March 2, 2026 10:00 PM", datetime(2026, 3, 2, 22, tzinfo=UTC)),
    ("2026-03-02 10:00 PST", datetime(2026, 3, 2, 18, tzinfo=UTC)),
    ("2026-03-02 10:00 +0800", datetime(2026, 3, 2, 2, tzinfo=UTC)),
    # a zone name nobody knows is not guessed at (and never a warning: pytest makes it an error)
    ("2026-03-02 10:00 AZ", datetime(2026, 3, 2, 10, tzinfo=UTC)),
    # RFC 822 with a zone name email.utils does not know but the table does: read as UTC,
    # hours off, before session 42
    ("Mon, 07 Dec 2026 10:00:00 CEST", datetime(2026, 12, 7, 8, tzinfo=UTC)),
    ("Mon, 7 Dec 2026 19:00:00 jst", datetime(2026, 12, 7, 10, tzinfo=UTC)),
    ("07 Dec 2026 15:30 IST", datetime(2026, 12, 7, 10, tzinfo=UTC)),
    ("Mon, 07 Dec 2026 10:00:00 XYZT", datetime(2026, 12, 7, 10, tzinfo=UTC)),
])
def test_parse_date(text: str, expected: datetime) -> None:
    parsed = parse_date(text)
    assert parsed is not None and parsed.tzinfo is not None and parsed == expected


@pytest.mark.parametrize("text", ["", "garbage", "Mon, 32 Mar 2026 10:00:00 GMT", "2026-13-01",
                                  "2026-02-30T10:00:00Z", "5 minutes ago", "Monday 12:00",
                                  "Mon, 02 Foo 2026 10:00:00 GMT",
                                  # an offset past 24 h raised ValueError and sank its source
                                  "Tue, 03 Mar 2026 02:00:00 +9999"])
def test_parse_date_rejects_malformed(text: str) -> None:
    assert parse_date(text) is None


def test_trust_window() -> None:
    assert parse_trusted("2026-03-06T11:00:00Z", NOW) is not None  # within a day ahead
    assert parse_trusted("2026-03-07T12:00:01Z", NOW) is None  # more than a day ahead
    assert parse_trusted("1970-01-01T00:00:00Z", NOW) is None  # epoch zero placeholders


def test_retry_after_forms_and_cap() -> None:
    assert retry_after("30", NOW) == NOW + timedelta(seconds=30)
    assert retry_after("Thu, 05 Mar 2026 13:00:00 GMT", NOW) == NOW + timedelta(hours=1)
    assert retry_after("99999999", NOW) == NOW + timedelta(days=7)
    assert retry_after("soon", NOW) is None


@pytest.mark.parametrize(("data", "ctype", "expected"), [
    ("中文标题".encode("gbk"), "text/xml; charset=utf-8", "中文标题"),
    ("中文標題".encode("big5"), "text/html; charset=big5", "中文標題"),
    ("<?xml version='1.0' encoding='gb2312'?><t>中文</t>".encode("gb2312"), None, "中文"),
    (b'<meta charset="windows-1252"><p>caf\xe9 \x93q\x94</p>', None, "café “q”"),
    ("\ufeffbom text".encode(), "text/plain; charset=latin-1", "bom text"),
])
def test_decode(data: bytes, ctype: str | None, expected: str) -> None:
    assert expected in decode(data, ctype)[0]


@pytest.mark.parametrize(("text", "expected"), [
    # UTF-8 read as Windows-1252 (curly quotes, a dash) or as Latin-1 (C1 controls), and twice
    ("â€œThe ferry runs,â€\x9d she said â€” daily.", "“The ferry runs,” she said — daily."),
    ("æ¸¡è½®æ¯\x8få°\x8fæ\x97¶ä¸\x80ç\x8f\xad", "渡轮每小时一班"),
    ("CafÃ© owners in ZÃ¼rich", "Café owners in Zürich"),
    ("CafÃƒÂ© owners", "Café owners"),
])
def test_double_encoded_text_is_repaired(text: str, expected: str) -> None:
    assert repaired(text) == expected


@pytest.mark.parametrize("text", [
    "Café « à » and SÃO PAULO", "Ação, coração: 5 °C — “fine”", "渡轮每小时一班", "naïve résumé",
    "Ã", "", "half a pair \ud800 stays",
])
def test_text_that_is_not_double_encoded_is_left_alone(text: str) -> None:
    assert repaired(text) == text


@pytest.mark.parametrize(("address", "internal"), [
    ("127.0.0.1", True), ("10.0.0.1", True), ("192.168.1.1", True), ("172.16.0.1", True),
    ("169.254.169.254", True), ("::1", True), ("fe80::1", True), ("fc00::1", True),
    ("::ffff:127.0.0.1", True), ("0.0.0.0", True), ("100.64.0.1", True),
    ("93.184.216.34", False), ("2606:2800:220:1::1", False),
])
def test_internal_addresses(address: str, internal: bool) -> None:
    assert is_internal_ip(address) is internal


def test_resolve_refuses_script_links() -> None:
    assert resolve("https://a.org/x/", "../y") == "https://a.org/y"
    assert resolve("https://a.org/", "  ") is None
    assert resolve("https://a.org/", "javascript:alert(1)") == "javascript:alert(1)"
