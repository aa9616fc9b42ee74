"""HTTP behaviour: conditional GET, permanent redirects, encodings, limits, User-Agent."""

from __future__ import annotations

import asyncio
import base64
import gzip
import itertools
import threading
import time
import zlib
from dataclasses import replace
from datetime import UTC, datetime

import brotli
import httpx
import pytest
from fetch_testkit import LONG_TEXT, Handler, Reply, ScriptServer, rss, rss_item, serving

from digest.fetch import fetch_all, fetch_sources
from digest.models import FetchSettings, FetchState, Source

NOW = datetime(2026, 3, 5, 12, 0, tzinfo=UTC)
FEED = rss([rss_item("a", link="http://127.0.0.1/a", content=f"<p>{LONG_TEXT}</p>")]).encode()


def test_conditional_get_sends_both_validators_and_304_parses_nothing(
        server: ScriptServer, settings: FetchSettings) -> None:
    lm = "Sun, 01 Mar 2026 00:00:00 GMT"
    url = server.route("/f.xml", Reply(200, FEED, {"ETag": '"v1"', "Last-Modified": lm}))
    first = fetch_all([Source("s", url)], {}, settings)[0]
    assert first.status == "ok" and first.state.etag == '"v1"'
    assert first.state.last_modified == lm
    second = fetch_all([Source("s", url)], {"s": first.state}, settings)[0]
    assert second.status == "not_modified" and second.items == ()
    assert second.http_status == 304 and second.state.etag == '"v1"'
    assert second.state.last_modified == lm
    hit = server.hits[-1]
    assert hit.headers["if-none-match"] == '"v1"' and hit.headers["if-modified-since"] == lm


def test_a_304_to_a_request_without_validators_is_an_error(
        server: ScriptServer, settings: FetchSettings) -> None:
    """A server (or a cache in front of it) answering 304 to a first request: the source was
    `not_modified` at every run, bringing nothing and never counted as failing."""
    url = server.route("/f.xml", Reply(304, b""))
    [result] = fetch_all([Source("s", url)], {}, settings)
    assert result.status == "error" and result.http_status == 304
    assert result.error is not None and "without ETag or Last-Modified" in result.error
    assert result.state.failures == 1
    page = server.route("/", Reply(200, b'<html><head><link rel="alternate" type="application/'
                                        b'rss+xml" href="/f.xml"></head><body></body></html>',
                                   {"Content-Type": "text/html"}))
    [followed] = fetch_all([Source("p", page)], {}, settings)
    assert followed.status == "error" and "without ETag" in (followed.error or "")


def test_permanent_redirect_updates_the_stored_url(server: ScriptServer,
                                                   settings: FetchSettings) -> None:
    new = server.route("/new.xml", Reply(200, FEED))
    old = server.route("/old.xml", Reply(301, headers={"Location": "/new.xml"}))
    result = fetch_all([Source("s", old)], {}, settings)[0]
    assert result.status == "ok" and result.state.url == new


def test_temporary_redirect_keeps_the_stored_url(server: ScriptServer,
                                                 settings: FetchSettings) -> None:
    server.route("/tmp-target.xml", Reply(200, FEED))
    url = server.route("/moved.xml", Reply(302, headers={"Location": "/tmp-target.xml"}))
    result = fetch_all([Source("s", url)], {}, settings)[0]
    assert result.status == "ok" and result.state.url == url
    assert "temporarily redirected" in (result.error or "")


def test_state_url_is_used_and_failures_reset(server: ScriptServer,
                                              settings: FetchSettings) -> None:
    url = server.route("/cur.xml", Reply(200, FEED))
    configured = server.url("/configured.xml")
    state = FetchState(source="s", url=url, failures=3, last_status="error", last_error="x",
                       configured=configured)
    result = fetch_all([Source("s", configured)], {"s": state}, settings)[0]
    assert result.status == "ok"
    assert result.state.failures == 0 and result.state.last_error is None
    # reached from another configured URL, or stored before `configured` was and failing
    # at a URL that is not the configured one: the configured URL is fetched, afresh
    server.route("/configured.xml", Reply(200, FEED))
    for stale in (replace(state, configured=server.url("/typo.xml")),
                  replace(state, configured=None)):
        again = fetch_all([Source("s", configured)], {"s": stale}, settings)[0]
        assert again.status == "ok" and again.state.url == configured
        assert server.hits[-1].path == "/configured.xml"
    # but a Retry-After (or a 410) the old state holds is still honoured
    waiting = replace(state, configured=None, not_before=datetime(2099, 1, 1, tzinfo=UTC))
    held = fetch_all([Source("s", configured)], {"s": waiting}, settings)[0]
    assert held.status == "skipped" and held.state.url == url


@pytest.mark.parametrize("coding", ["gzip", "deflate", "br"])
def test_content_encodings(server: ScriptServer, settings: FetchSettings, coding: str) -> None:
    packed = {"gzip": gzip.compress, "deflate": zlib.compress, "br": brotli.compress}[coding](FEED)
    url = server.route("/enc.xml", Reply(200, packed, {"Content-Encoding": coding}))
    result = fetch_all([Source("s", url)], {}, settings)[0]
    assert result.status == "ok" and len(result.items) == 1, result.error
    assert "br" in server.hits[-1].headers["accept-encoding"]


@pytest.mark.parametrize(("codec", "declare_in"), [
    ("gb2312", "xml"), ("gbk", "header"), ("big5", "xml"), ("utf-8-sig", "none"),
    ("utf-16", "none"), ("windows-1252", "xml")])
def test_encodings(server: ScriptServer, settings: FetchSettings, codec: str,
                   declare_in: str) -> None:
    title = {"gb2312": "人工智能产业", "gbk": "中国人工智能产业发展联盟", "big5": "人工智慧產業",
             "utf-8-sig": "naïve café", "utf-16": "naïve 中文", "windows-1252": "“quotes” €"}[codec]
    declared = "utf-8" if declare_in != "xml" else codec
    doc = rss([rss_item("x", link="http://127.0.0.1/x", title=title)], encoding=declared)
    if declare_in == "none":
        doc = doc.split("?>", 1)[1]
    ctype = "application/rss+xml" + (f"; charset={codec}" if declare_in == "header" else "")
    url = server.route("/e.xml", Reply(200, doc.encode(codec), {"Content-Type": ctype}))
    result = fetch_all([Source("s", url, full_text=False)], {}, settings)[0]
    assert result.status == "ok", result.error
    assert result.items[0].title == title


def test_user_agent_is_configurable(server: ScriptServer, settings: FetchSettings) -> None:
    url = server.route("/ua.xml", Reply(200, FEED))
    custom = FetchSettings(**{**settings.__dict__, "user_agent": "digest-test/9 (+mailto:x)"})
    fetch_all([Source("s", url)], {}, custom)
    assert server.hits[-1].headers["user-agent"] == "digest-test/9 (+mailto:x)"


def test_per_host_limit_and_delay(server: ScriptServer, settings: FetchSettings) -> None:
    active = 0
    peak = 0
    lock = threading.Lock()
    stamps: list[float] = []

    def counting(handler: Handler) -> Reply:
        nonlocal active, peak
        with lock:
            active += 1
            peak = max(peak, active)
            stamps.append(time.monotonic())
        time.sleep(0.1)
        with lock:
            active -= 1
        return Reply(200, FEED)

    for i in range(6):
        server.route(f"/h{i}.xml", counting)
    polite = FetchSettings(**{**settings.__dict__, "per_host": 2, "per_host_delay": 0.15})
    results = fetch_all([Source(f"s{i}", server.url(f"/h{i}.xml")) for i in range(6)], {},
                        polite)
    assert all(r.status == "ok" for r in results)
    assert peak <= 2
    stamps.sort()
    gaps = [b - a for a, b in itertools.pairwise(stamps)]
    # Spaced by the delay (network jitter may shave a little off one gap, never most of it).
    assert min(gaps) >= 0.08 and stamps[-1] - stamps[0] >= 5 * 0.15 * 0.9


def test_fetches_start_host_by_host_in_turn(server: ScriptServer,
                                            settings: FetchSettings) -> None:
    """Each host's next source at its turn, not each host's sources together: one request at
    a time, the two hosts alternate (grouped by host, 127.0.0.1 got all three first). In turns
    a host holds as few requests at once as the run allows, each reusing the connection its
    last one kept alive; results keep the input order."""
    order: list[str] = []

    def noting(handler: Handler) -> Reply:
        order.append(f"{handler.server.server_address[0]}{handler.path}")
        return Reply(200, FEED)

    other = ScriptServer("127.0.0.2")
    with serving(other):
        sources = []
        for i in range(3):
            sources.append(Source(f"a{i}", server.route(f"/a{i}.xml", noting)))
            sources.append(Source(f"b{i}", other.route(f"/b{i}.xml", noting)))
        sources.sort(key=lambda s: s.name)  # a0 a1 a2 b0 b1 b2: grouped by host as listed
        serial = FetchSettings(**{**settings.__dict__, "concurrency": 1, "per_host": 4})
        results = fetch_all(sources, {}, serial)
    assert [r.source.name for r in results] == ["a0", "a1", "a2", "b0", "b1", "b2"]
    assert all(r.status == "ok" for r in results), [r.error for r in results]
    assert order == ["127.0.0.1/a0.xml", "127.0.0.2/b0.xml", "127.0.0.1/a1.xml",
                     "127.0.0.2/b1.xml", "127.0.0.1/a2.xml", "127.0.0.2/b2.xml"]


def test_global_concurrency_runs_sources_in_parallel(server: ScriptServer,
                                                     settings: FetchSettings) -> None:
    for i in range(8):
        server.route(f"/p{i}.xml", Reply(200, FEED, delay=0.3))
    started = time.monotonic()
    results = fetch_all([Source(f"s{i}", server.url(f"/p{i}.xml")) for i in range(8)], {},
                        settings)
    assert all(r.status == "ok" for r in results), [(r.status, r.error) for r in results]
    assert time.monotonic() - started < 1.5  # 8 × 0.3 s sequentially would be 2.4 s


def test_injected_transport_and_clock() -> None:
    """The seam for unit tests: an httpx MockTransport and a fixed clock."""
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        return httpx.Response(200, content=FEED, headers={"ETag": '"m"'})

    import asyncio

    results = asyncio.run(fetch_sources(
        [Source("s", "http://127.0.0.1:1/feed.xml")], {}, FetchSettings(),
        transport=httpx.MockTransport(handler), clock=lambda: NOW))
    assert results[0].status == "ok" and results[0].state.etag == '"m"'
    assert seen == ["http://127.0.0.1:1/feed.xml"]



def test_a_request_goes_to_the_transport_as_an_httpx_client_would_send_it() -> None:
    """Requests go to the run's transport directly: Host, httpx's default Accept and
    Connection, the User-Agent and Accept-Encoding, then the request's own validators, in
    httpx.AsyncClient's order, with the run's timeouts for a transport that reads them."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(304 if "if-none-match" in request.headers else 200, content=FEED,
                              headers={"ETag": '"m"'})

    import asyncio

    settings = FetchSettings(user_agent="ua/1", connect_timeout=3.0, read_timeout=4.0,
                             total_timeout=9.0)
    url = "http://127.0.0.1:1/feed.xml"
    first = asyncio.run(fetch_sources([Source("s", url)], {}, settings,
                                      transport=httpx.MockTransport(handler)))[0]
    again = asyncio.run(fetch_sources([Source("s", url)], {"s": first.state}, settings,
                                      transport=httpx.MockTransport(handler)))[0]
    assert (first.status, again.status) == ("ok", "not_modified")
    client = httpx.AsyncClient(headers={"User-Agent": "ua/1",
                                        "Accept-Encoding": "gzip, deflate, br"},
                               timeout=httpx.Timeout(connect=3.0, read=4.0, write=4.0, pool=9.0))
    expected = [client.build_request("GET", url, headers=headers)
                for headers in ({}, {"If-None-Match": '"m"'})]
    assert [r.headers.raw for r in seen] == [r.headers.raw for r in expected]
    assert list(seen[0].headers) == [
        "host", "accept", "connection", "user-agent", "accept-encoding"]
    assert all(r.extensions["timeout"] == expected[0].extensions["timeout"] for r in seen)

def test_links_to_internal_hosts_are_not_followed(server: ScriptServer,
                                                  settings: FetchSettings) -> None:
    """A feed on 127.0.0.1 may link its own host, never another internal address."""
    feed = rss([rss_item("in", link="http://10.1.2.3/secret", description="short"),
                rss_item("own", link=server.url("/own"), description="short")])
    server.route("/own", Reply(200, b"<html><body>" + b"<p>own page text</p>" * 50
                               + b"</body></html>", {"Content-Type": "text/html"}))
    url = server.route("/links.xml", Reply(200, feed.encode()))
    result = fetch_all([Source("s", url)], {}, settings)[0]
    items = {i.guid: i for i in result.items}
    assert items["in"].content == "short"
    assert "refused" in (result.error or "") and "10.1.2.3" in (result.error or "")
    assert "own page text" in items["own"].content


def test_chunked_bodies_and_keep_alive_reuse(server: ScriptServer,
                                             settings: FetchSettings) -> None:
    packed = gzip.compress(FEED)
    parts = [packed[i:i + 700] for i in range(0, len(packed), 700)]
    for i in range(4):
        server.route(f"/c{i}.xml", Reply(200, parts, {"Content-Encoding": "gzip"}, chunked=True))
    one_at_a_time = FetchSettings(**{**settings.__dict__, "per_host": 1})
    results = fetch_all([Source(f"s{i}", server.url(f"/c{i}.xml")) for i in range(4)], {},
                        one_at_a_time)
    assert [r.status for r in results] == ["ok"] * 4, [r.error for r in results]
    assert all(len(r.items) == 1 for r in results)
    assert len({hit.peer for hit in server.hits}) == 1  # one kept-alive connection for all four


def test_a_user_and_password_in_the_url_go_as_basic_authorization(
        server: ScriptServer, settings: FetchSettings) -> None:
    """A private feed written `https://reader:s3cret@host/feed.xml` (as feed readers take it)
    failed with HTTP 401: the user and password were not sent (fetch42 noticed). They go as
    Basic authorization to the URL's own origin, and never to another host a redirect names."""
    expected = "Basic " + base64.b64encode(b"reader:s3cr@t").decode()
    server.route("/private.xml", lambda h: Reply(200, FEED) if h.headers.get("Authorization")
                 == expected else Reply(401, b"who are you?"))
    url = server.url("/private.xml").replace("http://", "http://reader:s3cr%40t@")
    [result] = fetch_all([Source("s", url)], {}, settings)
    assert result.status == "ok" and len(result.items) == 1, result.error
    # a redirect within the origin carries it too
    server.route("/moved.xml", Reply(302, headers={"Location": "/private.xml"}))
    moved = server.url("/moved.xml").replace("http://", "http://reader:s3cr%40t@")
    [result] = fetch_all([Source("m", moved)], {}, settings)
    assert result.status == "ok" and server.hits[-2].path == "/moved.xml", result.error
    assert server.hits[-2].headers.get("authorization") == expected


def test_the_password_in_the_url_never_goes_to_another_host(settings: FetchSettings) -> None:
    """A redirect from the private feed's host to another (a CDN, an attacker's page the feed
    was moved to) gets no Authorization header: the password is the URL's host's alone."""
    seen: dict[str, str | None] = {}

    def handler(request: httpx.Request) -> httpx.Response:
        seen[request.url.host] = request.headers.get("authorization")
        if request.url.host == "feeds.example.com":
            return httpx.Response(302, headers={"Location": "https://cdn.example.net/f.xml"})
        return httpx.Response(200, content=FEED)

    async def public(host: str) -> list[str]:  # both hosts on public addresses
        return ["93.184.216.34"]

    [result] = asyncio.run(fetch_sources(
        [Source("s", "https://reader:secret@feeds.example.com/f.xml")], {}, settings,
        transport=httpx.MockTransport(handler), resolver=public))
    assert result.status == "ok", result.error
    assert seen["feeds.example.com"] == "Basic " + base64.b64encode(b"reader:secret").decode()
    assert seen["cdn.example.net"] is None


def test_a_password_in_an_http_url_is_not_sent_in_clear(settings: FetchSettings) -> None:
    """Over plain http to another machine the password would cross the network readable:
    refused, as IMAP's is, with what to do."""
    [result] = fetch_all([Source("s", "http://reader:secret@feeds.example.net/f.xml")], {},
                         settings)
    assert result.status == "error"
    assert "refusing to send the password in the URL in clear to feeds.example.net" in (
        result.error or "")
