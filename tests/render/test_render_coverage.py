"""Coverage (who covered a story, when) and updates (a link to the earlier issue's story), as
the reader's copies print them and issue.json records them."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from types import ModuleType

import markdown_it

from digest.models import Citation, Earlier, Issue
from digest.render import render_issue

UTC8 = timezone(timedelta(hours=8))


def _with(issue: Issue, *citations: Citation, previous: Earlier | None = None) -> Issue:
    first = replace(issue.stories[0], articles=citations, previous=previous)
    return replace(issue, stories=(first, *issue.stories[1:]))


def _cite(source: str, day: int, hour: int = 9) -> Citation:
    return Citation(url=f"https://{day}.example.com/{source.lower()}", title="t", source=source,
                    published=datetime(2026, 3, day, hour, tzinfo=UTC8))


def test_coverage_names_outlets_first_to_latest_in_the_newsletters_zone(issue: Issue) -> None:
    # 23:30 UTC on the 4th is the 5th in Shanghai: the line speaks the reader's dates.
    late = Citation(url="https://x.example.com/late", title="t", source="Bamboo Wire",
                    published=datetime(2026, 3, 4, 23, 30, tzinfo=UTC))
    issue = _with(issue, _cite("Lantern Daily", 3), late, _cite("Lantern Daily", 4))
    files = render_issue(issue).files
    data = json.loads(files["issue.json"])["stories"][0]["coverage"]
    assert data == {"outlets": ["Lantern Daily", "Bamboo Wire"],
                    "first": "2026-03-03T09:00:00+08:00", "latest": "2026-03-04T23:30:00+00:00",
                    "single_outlet": False}
    line = "2 outlets: Lantern Daily and Bamboo Wire · 3–5 Mar"
    assert line in files["email.txt"] and f"*{line}*" in files["issue.md"]
    assert f'<p class="coverage">{line}</p>' in files["index.html"]
    assert line in files["email.html"]


def test_one_outlet_only_is_flagged(issue: Issue) -> None:
    files = render_issue(_with(issue, _cite("Keji Guancha", 6), _cite("Keji Guancha", 6, 20))).files
    assert json.loads(files["issue.json"])["stories"][0]["coverage"]["single_outlet"] is True
    assert "Only Keji Guancha reported this, 6 Mar" in files["email.txt"]
    assert '<p class="coverage single">Only Keji Guancha reported this, 6 Mar</p>' in \
        files["index.html"]


def test_many_outlets_are_counted_not_all_named(issue: Issue) -> None:
    names = ["A1", "B2", "C3", "D4", "E5", "F6"]
    files = render_issue(_with(issue, *(_cite(n, 3 + i % 3) for i, n in enumerate(names)))).files
    # named in order of their first report
    assert "6 outlets: A1, D4, B2, E5 and 2 more · 3–5 Mar" in files["email.txt"]


def test_coverage_off_prints_no_line_but_keeps_the_data(issue: Issue) -> None:
    issue = replace(_with(issue, _cite("Lantern Daily", 3)),
                    newsletter=replace(issue.newsletter, coverage=False))
    files = render_issue(issue).files
    assert "reported this" not in files["email.txt"] + files["issue.md"] + files["index.html"]
    assert "outlets:" not in files["email.txt"] + files["email.html"]
    assert json.loads(files["issue.json"])["stories"][0]["coverage"]["outlets"] == \
        ["Lantern Daily"]


def test_an_update_links_the_earlier_story(issue: Issue) -> None:
    earlier = Earlier("2026-W09", 2, "Hangzhou prepares to host the dialogue")
    files = render_issue(_with(issue, _cite("Lantern Daily", 3), previous=earlier)).files
    story = json.loads(files["issue.json"])["stories"][0]
    assert story["previous"] == {"issue": "2026-W09", "rank": 2,
                                 "headline": "Hangzhou prepares to host the dialogue"}
    link = "https://news.example.org/digest/issues/2026-W09/#story-2"
    headline = issue.stories[0].headline
    assert f"## Update: {headline}" in files["email.txt"] and link in files["email.txt"]
    assert f"### Update: {headline}" in files["issue.md"] and f"]({link})" in files["issue.md"]
    assert f'<a href="{link}">Hangzhou prepares to host the dialogue</a>' in files["index.html"]


def test_coverage_and_update_lines_are_sanitised(issue: Issue, xss: ModuleType) -> None:
    files = render_issue(xss.xss_issue(issue)).files
    assert xss.executable_bits(files["index.html"]) == []
    assert xss.executable_bits(files["email.html"], email=True) == []
    assert "Only &lt;script&gt;alert(1)&lt;/script&gt; reported this" not in files["index.html"]
    assert "2 outlets: &lt;script&gt;alert(1)&lt;/script&gt; and &lt;script&gt;" in \
        files["index.html"]
    body = files["issue.md"].split("\n---\n", 1)[1]  # after the front matter
    assert "<script>alert(1)</script>" not in body
    html = markdown_it.MarkdownIt("commonmark", {"html": True}).render(body)
    assert xss.executable_bits(f"<html><body>{html}</body></html>") == []
