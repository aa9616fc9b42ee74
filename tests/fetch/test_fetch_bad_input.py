"""The bad-input matrix of issue 3: each case against a real loopback server, each ending in
a FetchResult with a clear reason, none crashing the run or touching the other sources."""

from __future__ import annotations

import gzip
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from fetch_testkit import ARTICLE_HTML, Reply, ScriptServer, rss, rss_item

from digest.fetch import fetch_all
from digest.models import FetchResult, FetchSettings, FetchState, Source

NOW = datetime(2026, 3, 5, 12, 0, tzinfo=UTC)
GOOD = rss([rss_item("g1", link="http://127.0.0.1/x", content="<p>" + "word " * 200 + "</p>")])


def fetch_with_good(server: ScriptServer, settings: FetchSettings, url: str,
                    state: FetchState | None = None) -> tuple[FetchResult, FetchResult]:
    """Fetch the bad source next to a good one; the good one must come out fine."""
    good_url = server.route("/good.xml", Reply(200, GOOD.encode(),
                                               {"Content-Type": "application/rss+xml"}))
    sources = [Source("bad", url, full_text=False), Source("good", good_url, full_text=False)]
    states = {"bad": state} if state else {}
    bad, good = fetch_all(sources, states, settings, clock=lambda: NOW)
    assert good.status == "ok" and len(good.items) == 1, good.error
    return bad, good


def assert_error(result: FetchResult, *needles: str) -> None:
    assert result.status == "error"
    assert result.error and "\n" not in result.error
    for needle in needles:
        assert needle.lower() in result.error.lower(), result.error
    assert result.state.failures == 1
    assert result.state.last_status == "error"
    assert result.state.last_error == result.error


def test_connect_timeout(server: ScriptServer, settings: FetchSettings, stalled_port: int) -> None:
    bad, _ = fetch_with_good(server, settings, f"http://127.0.0.1:{stalled_port}/feed.xml")
    assert_error(bad, "timeout")


def test_read_timeout(server: ScriptServer, settings: FetchSettings) -> None:
    url = server.route("/slow.xml", Reply(200, GOOD.encode(), delay=2.0))
    bad, _ = fetch_with_good(server, settings, url)
    assert_error(bad, "read timeout")


def test_dripping_server_hits_total_timeout(server: ScriptServer,
                                            settings: FetchSettings) -> None:
    # a byte every 0.1 s, and 1.5 s of read timeout: on a loaded machine a late byte must
    # not end the fetch by read timeout before the total timeout (2 s) does
    settings = replace(settings, read_timeout=1.5)
    url = server.route("/drip.xml", Reply(200, GOOD.encode(), drip=0.1))
    started = time.monotonic()
    bad, _ = fetch_with_good(server, settings, url)
    assert_error(bad, "total timeout")
    assert time.monotonic() - started < settings.total_timeout + 1.5


def test_connection_reset(server: ScriptServer, settings: FetchSettings) -> None:
    url = server.route("/reset.xml", Reply(reset=True))
    bad, _ = fetch_with_good(server, settings, url)
    assert_error(bad)
    assert any(w in (bad.error or "").lower() for w in ("reset", "closed", "disconnect")), bad.error


def test_404(server: ScriptServer, settings: FetchSettings) -> None:
    bad, _ = fetch_with_good(server, settings, server.url("/missing.xml"))
    assert_error(bad, "HTTP 404")
    assert bad.http_status == 404 and bad.state.last_http_status == 404
    assert not bad.state.disabled


def test_410_disables_the_source(server: ScriptServer, settings: FetchSettings) -> None:
    url = server.route("/gone.xml", Reply(410, b"gone"))
    bad, _ = fetch_with_good(server, settings, url)
    assert_error(bad, "410")
    assert bad.state.disabled
    again = fetch_all([Source("bad", url)], {"bad": bad.state}, settings, clock=lambda: NOW)[0]
    assert again.status == "skipped" and "disabled" in (again.error or "")
    assert "digest sources enable bad" in (again.error or "")
    assert server.count("/gone.xml") == 1  # a disabled source is not asked again


def test_500_is_retried_then_reported(server: ScriptServer, settings: FetchSettings) -> None:
    url = server.route("/boom.xml", Reply(500, b"boom"))
    bad, _ = fetch_with_good(server, FetchSettings(**{**settings.__dict__, "retries": 1}), url)
    assert_error(bad, "HTTP 500")
    assert server.count("/boom.xml") == 2  # one retry with backoff, then give up


def test_503_retry_after_sets_not_before(server: ScriptServer, settings: FetchSettings) -> None:
    url = server.route("/busy.xml", Reply(503, b"busy", {"Retry-After": "120"}))
    bad, _ = fetch_with_good(server, settings, url)
    assert_error(bad, "503", "retry after")
    assert bad.state.not_before == NOW + timedelta(seconds=120)
    skipped = fetch_all([Source("bad", url)], {"bad": bad.state}, settings,
                        clock=lambda: NOW + timedelta(seconds=60))[0]
    assert skipped.status == "skipped" and "wait until" in (skipped.error or "")
    assert server.count("/busy.xml") == 1  # we did not ask again before the time


def test_429_retry_after_http_date(server: ScriptServer, settings: FetchSettings) -> None:
    when = NOW + timedelta(hours=1)
    url = server.route("/limited.xml", Reply(429, b"slow down", {
        "Retry-After": when.strftime("%a, %d %b %Y %H:%M:%S GMT")}))
    bad, _ = fetch_with_good(server, settings, url)
    assert_error(bad, "429")
    assert bad.state.not_before == when


def test_redirect_loop(server: ScriptServer, settings: FetchSettings) -> None:
    server.route("/a", Reply(302, headers={"Location": "/b"}))
    server.route("/b", Reply(302, headers={"Location": "/a"}))
    bad, _ = fetch_with_good(server, settings, server.url("/a"))
    assert_error(bad, "redirect loop")


def test_too_many_redirects(server: ScriptServer, settings: FetchSettings) -> None:
    for i in range(8):
        server.route(f"/r{i}", Reply(302, headers={"Location": f"/r{i + 1}"}))
    bad, _ = fetch_with_good(server, settings, server.url("/r0"))
    assert_error(bad, "too many redirects")


def test_redirect_to_file_url_is_refused(server: ScriptServer, settings: FetchSettings) -> None:
    url = server.route("/tofile", Reply(301, headers={"Location": "file:///etc/passwd"}))
    bad, _ = fetch_with_good(server, settings, url)
    assert_error(bad, "refused", "file")


def test_redirect_to_private_address_is_refused(server: ScriptServer,
                                                settings: FetchSettings) -> None:
    for target in ("http://169.254.169.254/latest/meta-data/", "http://10.0.0.1/feed",
                   "http://localhost:9/feed", "http://[::1]:9/feed"):
        server.routes.clear()
        url = server.route("/toprivate", Reply(302, headers={"Location": target}))
        bad, _ = fetch_with_good(server, settings, url)
        assert_error(bad, "refused")


def test_200_mb_body_is_capped_while_streaming(server: ScriptServer,
                                               settings: FetchSettings) -> None:
    chunk = b"<!-- " + b"x" * (1024 * 1024 - 9) + b" -->"
    huge = Reply(200, (chunk for _ in range(200)), {"Content-Type": "application/rss+xml"})
    url = server.route("/huge.xml", huge)
    started = time.monotonic()
    bad, _ = fetch_with_good(server, settings, url)
    assert_error(bad, "cap")
    assert time.monotonic() - started < 5  # stopped early, not after 200 MB


def test_declared_huge_content_length_is_refused_early(server: ScriptServer,
                                                      settings: FetchSettings) -> None:
    url = server.route("/big.xml", Reply(200, b"x" * (2 * 1024 * 1024)))
    bad, _ = fetch_with_good(server, settings, url)
    assert_error(bad, "cap")


def test_gzip_bomb_is_stopped_at_the_cap(server: ScriptServer, settings: FetchSettings) -> None:
    bomb = gzip.compress(b"\0" * (50 * 1024 * 1024))  # ~50 KB on the wire, 50 MB inflated
    assert len(bomb) < 100_000
    url = server.route("/bomb.xml", Reply(200, bomb, {"Content-Encoding": "gzip",
                                                      "Content-Type": "application/rss+xml"}))
    bad, _ = fetch_with_good(server, settings, url)
    assert_error(bad, "gzip", "cap")


def test_invalid_xml_recovers_entries(server: ScriptServer, settings: FetchSettings) -> None:
    broken = (rss([rss_item("ok-1", link="http://127.0.0.1/1", title="Fine & dandy"),
                   rss_item("ok-2", link="http://127.0.0.1/2", title="Second <b>bold")])
              ).replace("</channel></rss>", "")  # unclosed tags, bare ampersand, truncated
    url = server.route("/broken.xml", Reply(200, broken.encode(),
                                            {"Content-Type": "application/rss+xml"}))
    bad, _ = fetch_with_good(server, settings, url)
    assert bad.status == "ok"
    assert "invalid XML" in (bad.error or "")
    assert [i.guid for i in bad.items] == ["ok-1", "ok-2"]


def test_garbage_is_not_a_feed(server: ScriptServer, settings: FetchSettings) -> None:
    url = server.route("/garbage", Reply(200, b"\x00\x01\x02 this is not a feed at all"))
    bad, _ = fetch_with_good(server, settings, url)
    assert_error(bad, "not a feed")


def test_html_page_served_as_feed_follows_feed_link(server: ScriptServer,
                                                    settings: FetchSettings) -> None:
    feed_url = server.route("/real.xml", Reply(200, GOOD.encode(),
                                               {"Content-Type": "application/rss+xml"}))
    page = ('<html><head><link rel="alternate" type="application/rss+xml" href="/real.xml">'
            "</head><body><p>Our blog</p></body></html>")
    url = server.route("/blog", Reply(200, page.encode(), {"Content-Type": "text/html"}))
    bad, _ = fetch_with_good(server, settings, url)
    assert bad.status == "ok" and len(bad.items) == 1
    assert "followed its feed link" in (bad.error or "")
    assert bad.state.url == feed_url  # next time we ask the feed directly


def test_html_page_without_feed_as_feed_kind(server: ScriptServer,
                                             settings: FetchSettings) -> None:
    url = server.route("/plain", Reply(200, b"<html><body><p>hi</p></body></html>",
                                       {"Content-Type": "text/html"}))
    result = fetch_all([Source("bad", url, kind="feed")], {}, settings)[0]
    assert_error(result, "advertises no feed")


def test_empty_feed(server: ScriptServer, settings: FetchSettings) -> None:
    url = server.route("/empty.xml", Reply(200, rss([]).encode()))
    bad, _ = fetch_with_good(server, settings, url)
    assert bad.status == "ok" and bad.items == ()
    assert "no entries" in (bad.error or "")


def test_empty_body(server: ScriptServer, settings: FetchSettings) -> None:
    url = server.route("/nothing.xml", Reply(200, b""))
    bad, _ = fetch_with_good(server, settings, url)
    assert_error(bad, "empty")


def test_duplicate_guids_within_a_feed(server: ScriptServer, settings: FetchSettings) -> None:
    body = rss([rss_item("same", link="http://127.0.0.1/1", title="First"),
                rss_item("same", link="http://127.0.0.1/2", title="Second"),
                rss_item("other", link="http://127.0.0.1/3", title="Third")])
    url = server.route("/dups.xml", Reply(200, body.encode()))
    bad, _ = fetch_with_good(server, settings, url)
    assert bad.status == "ok"
    assert [i.title for i in bad.items] == ["First", "Third"]
    assert "1 entries with a duplicate GUID dropped" in (bad.error or "")


def test_entries_without_link_or_guid(server: ScriptServer, settings: FetchSettings) -> None:
    body = rss([rss_item(None, title="Anonymous one", description="Body one"),
                rss_item(None, title="Anonymous two", description="Body two")],
               link="http://127.0.0.1/site/")
    url = server.route("/anon.xml", Reply(200, body.encode()))
    bad, _ = fetch_with_good(server, settings, url)
    assert bad.status == "ok" and len(bad.items) == 2
    guids = {i.guid for i in bad.items}
    assert len(guids) == 2 and all(g.startswith("sha256:") for g in guids)
    # the site's link, each told apart by its own fragment (test_fetch_identity.py)
    assert all(i.url.startswith("http://127.0.0.1/site/#digest-entry-") for i in bad.items)
    assert len({i.url for i in bad.items}) == 2
    assert "without link or GUID" in (bad.error or "")


def test_feed_declared_utf8_but_encoded_gbk(server: ScriptServer, settings: FetchSettings) -> None:
    body = rss([rss_item("cn", link="http://127.0.0.1/cn", title="中国人工智能产业发展联盟",
                         content="<p>" + "人工智能大会在上海举行。" * 60 + "</p>")],
               encoding="utf-8").encode("gbk")
    url = server.route("/gbk.xml", Reply(200, body, {
        "Content-Type": "application/rss+xml; charset=utf-8"}))
    bad, _ = fetch_with_good(server, settings, url)
    assert bad.status == "ok", bad.error
    assert bad.items[0].title == "中国人工智能产业发展联盟"
    assert "人工智能大会在上海举行" in bad.items[0].content


def test_feed_with_broken_dates(server: ScriptServer, settings: FetchSettings) -> None:
    body = rss([rss_item("d1", link="http://127.0.0.1/1", date="Mon, 32 Foo 2026 99:99"),
                rss_item("d2", link="http://127.0.0.1/2", date="2027-01-01T00:00:00Z"),
                rss_item("d3", link="http://127.0.0.1/3", date="not a date at all"),
                rss_item("d4", link="http://127.0.0.1/4", date="Wed, 04 Mar 2026 10:00:00 +0800")])
    url = server.route("/dates.xml", Reply(200, body.encode()))
    bad, _ = fetch_with_good(server, settings, url)
    assert bad.status == "ok"
    published = {i.guid: i.published for i in bad.items}
    assert published["d1"] is None  # malformed: unknown, never a guess
    assert published["d2"] is None  # far in the future: untrustworthy
    assert published["d3"] is None
    assert published["d4"] == datetime(2026, 3, 4, 2, 0, tzinfo=UTC)


def test_broken_date_falls_back_to_page_metadata(server: ScriptServer,
                                                 settings: FetchSettings) -> None:
    page = server.route("/story", Reply(200, ARTICLE_HTML.encode(),
                                        {"Content-Type": "text/html"}))
    body = rss([rss_item("d1", link=page, date="garbage", content="<p>" + "w " * 400 + "</p>")])
    url = server.route("/dates2.xml", Reply(200, body.encode()))
    result = fetch_all([Source("s", url)], {}, settings, clock=lambda: NOW)[0]
    assert result.items[0].published == datetime(2026, 3, 1, 0, 30, tzinfo=UTC)


def test_many_bad_sources_in_one_batch(server: ScriptServer, settings: FetchSettings,
                                       stalled_port: int) -> None:
    """The whole matrix at once: every source gets its own result, in input order."""
    server.route("/gone", Reply(410))
    server.route("/reset", Reply(reset=True))
    server.route("/loop", Reply(302, headers={"Location": "/loop"}))
    server.route("/good.xml", Reply(200, GOOD.encode()))
    urls = [server.url("/gone"), server.url("/reset"), server.url("/loop"),
            f"http://127.0.0.1:{stalled_port}/x", server.url("/nope"), "/definitely/not/here.xml",
            "ftp://example.org/feed", server.url("/good.xml")]
    sources = [Source(f"s{i}", u, full_text=False) for i, u in enumerate(urls)]
    results = fetch_all(sources, {}, settings)
    assert [r.source.name for r in results] == [s.name for s in sources]
    assert [r.status for r in results] == ["error"] * 7 + ["ok"]
    assert all(r.error for r in results[:7])


def test_a_url_no_lookup_or_request_takes_is_an_error_saying_so(
        server: ScriptServer, settings: FetchSettings) -> None:
    """A host with an empty label ("example..org": IDNA refuses it in the lookup) and a tab
    in a URL (httpx refuses to build the request) were each "internal error" with a
    traceback in the log, as from a bug, for what is a wrong address (a typo in sources.yaml)."""
    for url, needles in (("http://example..org/feed.xml", ("invalid", "example..org")),
                         ("http://127.0.0.1:1/a\tb", ("invalid URL",))):
        bad, _ = fetch_with_good(server, settings, url)
        assert_error(bad, *needles)
        assert "internal error" not in (bad.error or "")
