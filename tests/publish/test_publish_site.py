"""build_site: front page, Atom feed, sitemap — deterministic, atomic, safe."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from types import ModuleType
from urllib.parse import urlsplit

import feedparser
import lxml.etree
import lxml.html
import pytest

from digest.models import EmailSettings, Issue
from digest.publish import build_site, publish_issue
from digest.render import render_issue

BASE = "https://news.example.org/digest/"


def _digest(out: Path) -> dict[str, str]:
    return {str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*")) if p.is_file()}


def test_front_page_shows_latest_and_archive(site: Path) -> None:
    doc = lxml.html.document_fromstring((site / "index.html").read_text(encoding="utf-8"))
    assert doc.xpath("//h1")[0].text_content() == "China AI Digest — 2–8 March 2026"
    archive = doc.xpath("//ul[@class='archive']/li/a/@href")
    assert archive == ["issues/2026-W10/", "issues/2026-W09/", "issues/2026-W08/"]
    assert doc.xpath("//link[@rel='canonical']/@href") == [BASE]
    for href in archive:
        assert (site / href / "index.html").is_file()


def test_feed_round_trips_through_feedparser(site: Path) -> None:
    feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.title == "China AI Digest"
    assert [e.link for e in feed.entries] == [f"{BASE}issues/2026-W10/",
                                              f"{BASE}issues/2026-W09/",
                                              f"{BASE}issues/2026-W08/"]
    first = feed.entries[0]
    assert first.id == "tag:news.example.org,2026-03-02:/digest/issues/2026-W10"
    assert first.updated == "2026-03-09T00:00:00+08:00"
    assert feed.feed.updated == first.updated
    assert "Open Models, Open Arms" in first.content[0].value
    for e in feed.entries:
        assert urlsplit(e.link).scheme == "https"


def test_feed_keeps_last_20_issues(tmp_path: Path, factory: ModuleType) -> None:
    out = tmp_path / "out"
    for n in range(23):
        issue = factory.make_issue_for(f"2025-W{30 + n:02d}", -(30 - n))
        publish_issue(render_issue(issue), out, issue=issue, email=EmailSettings())
    build_site(out, factory.NEWSLETTER)
    feed = feedparser.parse((out / "feed.xml").read_bytes())
    assert len(feed.entries) == 20
    assert feed.entries[0].link.endswith("/2025-W52/")
    sitemap = lxml.etree.parse(str(out / "sitemap.xml"))
    assert len(sitemap.getroot()) == 24  # front page + every issue, not just 20


def test_sitemap_is_valid_xml_with_absolute_urls(site: Path) -> None:
    root = lxml.etree.parse(str(site / "sitemap.xml")).getroot()
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locs = root.xpath("//s:url/s:loc/text()", namespaces=ns)
    assert locs[0] == BASE and len(locs) == 4
    for loc in locs:
        parts = urlsplit(loc)
        assert parts.scheme == "https" and parts.netloc == "news.example.org"
    assert root.xpath("//s:url/s:lastmod/text()", namespaces=ns)[1] == "2026-03-09"


def test_two_builds_are_byte_identical(site: Path, tmp_path: Path, issue: Issue,
                                       email_settings: EmailSettings, factory: ModuleType,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    first = _digest(site)
    build_site(site, issue.newsletter)
    assert _digest(site) == first
    # a fresh out/ built from scratch at another moment gives the same bytes too
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    other = tmp_path / "again"
    for key, n in (("2026-W08", 2), ("2026-W10", 0), ("2026-W09", 1)):
        i = issue if n == 0 else factory.make_issue_for(key, -n)
        publish_issue(render_issue(i), other, issue=i, email=email_settings)
    build_site(other, issue.newsletter)
    assert _digest(other) == first
    assert int((other / "feed.xml").stat().st_mtime) == 1700000000


def test_empty_site_uses_source_date_epoch(tmp_path: Path, issue: Issue,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    build_site(tmp_path, issue.newsletter)
    feed = feedparser.parse((tmp_path / "feed.xml").read_bytes())
    assert not feed.bozo and feed.entries == []
    assert feed.feed.updated.startswith("2023-11-14T22:13:20")
    assert "No issues yet" in (tmp_path / "index.html").read_text(encoding="utf-8")


def test_site_ignores_leftovers_of_a_crashed_publish(site: Path, issue: Issue) -> None:
    before = (site / "feed.xml").read_bytes()
    leftover = site / "issues" / ".tmp-2026-W11.deadbeef"
    leftover.mkdir()
    (leftover / "issue.json").write_text("{half", encoding="utf-8")
    build_site(site, issue.newsletter)
    assert (site / "feed.xml").read_bytes() == before
    assert not list(site.glob(".tmp-*"))


def test_xss_issue_publishes_nothing_executable(tmp_path: Path, issue: Issue,
                                                xss: ModuleType) -> None:
    bad = xss.xss_issue(issue)
    out = tmp_path / "out"
    folder = publish_issue(render_issue(bad), out, issue=bad, email=EmailSettings())
    build_site(out, bad.newsletter)
    assert xss.executable_bits((out / "index.html").read_text(encoding="utf-8")) == []
    assert xss.executable_bits((folder / "index.html").read_text(encoding="utf-8")) == []
    assert xss.executable_bits((folder / "email.html").read_text(encoding="utf-8"),
                               email=True) == []
    # feedparser sanitises on its own, so check the raw XML a less careful reader gets
    raw = lxml.etree.parse(str(out / "feed.xml")).getroot()
    contents = raw.findall(".//{http://www.w3.org/2005/Atom}content")
    assert contents
    for c in contents:
        assert xss.executable_bits(f"<html><body>{c.text}</body></html>") == []


def test_build_site_clears_what_killed_runs_left(site: Path, issue: Issue) -> None:
    """`.tmp-` leftovers go; an issue folder caught between its two renames (only `.old-`
    left) is put back and listed again."""
    issues = site / "issues"
    (site / ".tmp-site.x1y2").mkdir()
    (site / ".tmp-index.html.abc").write_text("half", encoding="utf-8")
    (issues / ".tmp-2026-W10.0123456789ab").mkdir()
    (issues / "2026-W09").rename(issues / ".old-2026-W09.0123456789ab")
    (issues / ".old-2026-W10.ba9876543210").mkdir()  # stale: the issue itself is in place
    build_site(site, issue.newsletter)
    assert sorted(p.name for p in site.rglob(".*")) == []
    assert (issues / "2026-W09" / "issue.json").is_file()
    assert "issues/2026-W09/" in (site / "index.html").read_text(encoding="utf-8")


def test_a_rebuild_with_new_content_moves_the_entry_updated(
        site: Path, issue: Issue, email_settings: EmailSettings) -> None:
    """A feed reader re-shows an entry only when its `updated` moves: it stayed the period's
    end after a rebuild that changed the issue. It now moves to the rebuild's time; an
    identical rebuild keeps every byte."""
    from dataclasses import replace
    from datetime import UTC, datetime

    feed = site / "feed.xml"
    before = _digest(site)
    later = datetime(2026, 3, 12, 6, 30, tzinfo=UTC)
    publish_issue(render_issue(issue), site, issue=issue, email=email_settings, now=later)
    build_site(site, issue.newsletter)
    assert _digest(site) == before  # the same content: the same revision, the same bytes

    changed = replace(issue, intro="A corrected intro: one story was wrongly dated.")
    publish_issue(render_issue(changed), site, issue=changed, email=email_settings, now=later)
    build_site(site, issue.newsletter)
    parsed = feedparser.parse(feed.read_bytes())
    first, second = parsed.entries[0], parsed.entries[1]
    assert first.published == "2026-03-09T00:00:00+08:00"
    assert first.updated == "2026-03-12T14:30:00+08:00"  # the rebuild, in the issue's zone
    assert parsed.feed.updated == first.updated
    assert second.updated == second.published  # the other issues did not change
    items = json.loads((site / "feed.json").read_text(encoding="utf-8"))["items"]
    assert items[0]["date_modified"] == first.updated
    assert items[1]["date_modified"] == items[1]["date_published"]
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    lastmod = lxml.etree.parse(str(site / "sitemap.xml")).getroot().xpath(
        "//s:url/s:lastmod/text()", namespaces=ns)
    assert lastmod[:2] == ["2026-03-12", "2026-03-12"]

    # rebuilt again as it now is, a week later: nothing moves
    settled = _digest(site)
    publish_issue(render_issue(changed), site, issue=changed, email=email_settings,
                  now=datetime(2026, 3, 19, tzinfo=UTC))
    build_site(site, issue.newsletter)
    assert _digest(site) == settled

    # a folder built before revisions existed is compared by its issue.json
    (site / "issues" / issue.key / "revision.json").unlink()
    publish_issue(render_issue(changed), site, issue=changed, email=email_settings, now=later)
    assert json.loads((site / "issues" / issue.key / "revision.json").read_text(
        encoding="utf-8"))["updated"] == "2026-03-09T00:00:00+08:00"
    publish_issue(render_issue(issue), site, issue=issue, email=email_settings, now=later)
    assert json.loads((site / "issues" / issue.key / "revision.json").read_text(
        encoding="utf-8"))["updated"] == "2026-03-12T14:30:00+08:00"
