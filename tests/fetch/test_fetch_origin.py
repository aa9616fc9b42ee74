"""The private-address exemption is the configured source's origin, exactly: scheme, host and
port. Two real servers on 127.0.0.1: the feed's, and a neighbour on another port playing an
internal admin panel that a hostile feed links (or redirects) to."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fetch_testkit import ARTICLE_HTML, Reply, ScriptServer, rss, rss_item, serving

from digest import load_config, periods
from digest.fetch import fetch_all
from digest.fetch.guard import FetchFailure, Guard, Resolver
from digest.fetch.urls import is_internal_ip
from digest.models import FetchSettings, Source
from digest.pipeline import run

SECRET = "ADMIN-PANEL-SECRET-7d1f"
DATE = "Tue, 03 Mar 2026 10:00:00 GMT"  # inside 2026-W10


@pytest.fixture
def neighbour() -> Iterator[ScriptServer]:
    """Another service on the same host, another port."""
    srv = ScriptServer()
    srv.route("/internal-admin", Reply(200, f"<html><body><article><h1>Admin</h1><p>{SECRET} "
                                            f"{ARTICLE_HTML}</p></article></body></html>".encode(),
                                       {"Content-Type": "text/html"}))
    with serving(srv):
        yield srv


def _feed(server: ScriptServer, *links: str) -> Source:
    items = [rss_item(f"g{n}", title=f"Story {n}", link=link, date=DATE,
                      description="A short summary of the story from the feed.")
             for n, link in enumerate(links)]
    server.route("/feed.xml", Reply(200, rss(items).encode(),
                                    {"Content-Type": "application/rss+xml"}))
    return Source("feed", server.url("/feed.xml"))


def test_a_link_to_another_port_of_the_source_host_is_refused(
        server: ScriptServer, neighbour: ScriptServer, settings: FetchSettings) -> None:
    server.route("/story", Reply(200, ARTICLE_HTML.encode(), {"Content-Type": "text/html"}))
    server.route("/hop", Reply(302, b"", {"Location": neighbour.url("/internal-admin")}))
    source = _feed(server, server.url("/story"), neighbour.url("/internal-admin"),
                   server.url("/hop"))
    [result] = fetch_all([source], {}, settings)
    assert result.status == "ok", result.error
    assert neighbour.hits == []  # neither the link nor the redirect reached the neighbour
    same_origin, linked, redirected = result.items
    assert "The page headline" in same_origin.content  # the source's own origin is trusted
    for item in (linked, redirected):
        assert SECRET not in item.content and SECRET not in (item.summary or "")
    assert "internal address 127.0.0.1" in (result.error or ""), result.error


@pytest.mark.parametrize("source_url", ["https://127.0.0.1:{port}/feed.xml",
                                        "http://127.0.0.1:{other}/feed.xml"])
def test_only_the_configured_scheme_and_port_are_trusted(
        server: ScriptServer, neighbour: ScriptServer, settings: FetchSettings,
        source_url: str) -> None:
    """A source configured with another scheme or port does not make this origin trusted."""
    guard = Guard(source_url.format(port=server.server_address[1],
                                    other=neighbour.server_address[1]), Resolver())
    with pytest.raises(FetchFailure, match=r"internal address 127\.0\.0\.1"):
        asyncio.run(guard.check(server.url("/feed.xml")))


def test_the_neighbour_never_reaches_the_issue(
        tmp_path: Path, server: ScriptServer, neighbour: ScriptServer) -> None:
    """The whole run: the item is listed with the feed's summary; the admin page is neither
    fetched nor published."""
    _feed(server, neighbour.url("/internal-admin"))
    config_path = tmp_path / "sources.yaml"
    config_path.write_text(
        "newsletter: {title: Origin Weekly, timezone: UTC}\n"
        f"sources:\n  - {{name: Local, url: '{server.url('/feed.xml')}'}}\n"
        "fetch: {retries: 0, connect_timeout: 1, read_timeout: 1}\n", encoding="utf-8")
    config = load_config(config_path)
    report = run(config, periods.week("2026-W10", "UTC"), deliver=False)
    assert neighbour.hits == []
    assert report.build is not None
    published = "".join(p.read_text(encoding="utf-8") for p in report.build.folder.iterdir())
    assert SECRET not in published
    issue = json.loads((report.build.folder / "issue.json").read_text(encoding="utf-8"))
    assert [a["url"] for a in issue["articles"]] == [neighbour.url("/internal-admin")]


@pytest.mark.parametrize(("address", "internal"), [
    ("2002:7f00:1::", True),         # 6to4 wrapping 127.0.0.1
    ("2002:a9fe:a9fe::", True),      # 6to4 wrapping the metadata address
    ("2002:c0a8:101::", True),       # 6to4 wrapping 192.168.1.1
    ("2002:808:808::", False),       # 6to4 wrapping 8.8.8.8
    ("64:ff9b::7f00:1", True),       # NAT64 of 127.0.0.1
    ("64:ff9b::a00:1", True),        # NAT64 of 10.0.0.1
    ("64:ff9b::808:808", False),     # NAT64 of 8.8.8.8: how IPv6-only networks reach it
    ("64:ff9b:1::808:808", True),    # local-use NAT64 prefix
    ("::ffff:127.0.0.1", True),
    ("::ffff:8.8.8.8", False),
    ("::127.0.0.1", True),           # IPv4-compatible (deprecated)
    ("169.254.169.254", True),       # cloud metadata
    ("fd00:ec2::254", True),
    ("168.63.129.16", True),         # Azure platform endpoint, on a public address
    ("100.100.100.200", True),       # Alibaba metadata (shared address space)
    ("fe80::1%eth0", True),
    ("2001:0:4136:e378:8000:63bf:3fff:fdd2", True),  # Teredo
    ("8.8.8.8", False),
    ("2606:4700:4700::1111", False),
])
def test_address_rules(address: str, internal: bool) -> None:
    assert is_internal_ip(address) is internal
