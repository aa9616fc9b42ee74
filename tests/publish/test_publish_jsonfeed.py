"""out/feed.json: a JSON Feed 1.1 of the issues beside the Atom feed, of the right shape and
with nothing executable in it, even from a theme that prints raw HTML."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

import feedparser
import lxml.html

from digest.fetch.feeds import parse_feed
from digest.models import EmailSettings, Issue
from digest.publish import build_site, publish_issue
from digest.publish.jsonfeed import VERSION
from digest.render import render_issue

BASE = "https://news.example.org/digest/"


def _absolute(url: object) -> bool:
    parts = urlsplit(str(url))
    return parts.scheme == "https" and bool(parts.netloc)


def check_shape(feed: dict[str, Any]) -> None:
    """The JSON Feed 1.1 rules a reader relies on (https://jsonfeed.org/version/1.1)."""
    assert feed["version"] == VERSION
    assert isinstance(feed["title"], str) and feed["title"]
    assert _absolute(feed["home_page_url"]) and _absolute(feed["feed_url"])
    assert all(isinstance(a.get("name"), str) and a["name"] for a in feed["authors"])
    assert isinstance(feed["items"], list)
    ids = [item["id"] for item in feed["items"]]
    assert all(isinstance(i, str) and i for i in ids) and len(set(ids)) == len(ids)
    for item in feed["items"]:
        assert set(item) <= {"id", "url", "external_url", "title", "content_html",
                             "content_text", "summary", "image", "banner_image",
                             "date_published", "date_modified", "authors", "tags", "language",
                             "attachments"}
        assert isinstance(item.get("content_html") or item.get("content_text"), str)
        assert _absolute(item["url"])
        datetime.fromisoformat(item["date_published"])  # RFC 3339, with its offset
        assert datetime.fromisoformat(item["date_published"]).tzinfo is not None


def test_json_feed_lists_the_issues_newest_first(site: Path) -> None:
    feed = json.loads((site / "feed.json").read_text(encoding="utf-8"))
    check_shape(feed)
    assert feed["feed_url"] == f"{BASE}feed.json" and feed["home_page_url"] == BASE
    assert [i["url"] for i in feed["items"]] == [f"{BASE}issues/2026-W10/",
                                                 f"{BASE}issues/2026-W09/",
                                                 f"{BASE}issues/2026-W08/"]
    atom = feedparser.parse((site / "feed.xml").read_bytes())
    assert [i["id"] for i in feed["items"]] == [e.id for e in atom.entries]
    first = feed["items"][0]
    assert first["title"] == "China AI Digest — 2–8 March 2026"
    assert "In Our Feeds" in first["content_html"]
    # a reader that speaks JSON Feed reads it (digest's own feed reader does)
    parsed = parse_feed((site / "feed.json").read_bytes(), f"{BASE}feed.json",
                        "application/feed+json")
    assert parsed.format == "json1.1" and parsed.title == "China AI Digest"
    assert [e.link for e in parsed.entries] == [i["url"] for i in feed["items"]]


def test_pages_announce_both_feeds(site: Path) -> None:
    doc = lxml.html.document_fromstring((site / "index.html").read_text(encoding="utf-8"))
    assert doc.xpath("//link[@type='application/feed+json']/@href") == [f"{BASE}feed.json"]
    assert doc.xpath("//link[@type='application/atom+xml']/@href") == [f"{BASE}feed.xml"]


def test_an_empty_site_has_an_empty_json_feed(tmp_path: Path, issue: Issue) -> None:
    build_site(tmp_path, issue.newsletter)
    feed = json.loads((tmp_path / "feed.json").read_text(encoding="utf-8"))
    check_shape(feed)
    assert feed["items"] == []


def test_json_feed_content_is_sanitised(tmp_path: Path, issue: Issue, xss: ModuleType) -> None:
    bad = xss.xss_issue(issue)
    out = tmp_path / "out"
    publish_issue(render_issue(bad), out, issue=bad, email=EmailSettings())
    # a theme that prints a source's text raw into the entry (a mistake the feed survives)
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "_feed_entry.html").write_text(
        "{{ title | safe }}<script>alert(1)</script><a href=\"javascript:alert(2)\" "
        "onclick=\"x()\">x</a><img src=x onerror=alert(3)><p>kept</p>", encoding="utf-8")
    for templates in (None, theme):
        build_site(out, bad.newsletter, templates=templates)
        feed = json.loads((out / "feed.json").read_text(encoding="utf-8"))
        check_shape(feed)
        for item in feed["items"]:
            html = item["content_html"]
            assert xss.executable_bits(f"<html><body>{html}</body></html>") == [], html
    assert "<p>kept</p>" in feed["items"][0]["content_html"]
