"""email.html and email.txt: the conventions mail clients need, and the 100 KB budget."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from types import ModuleType
from urllib.parse import urlsplit

import lxml.html
import pytest

from digest.models import Issue, Story
from digest.render import EMAIL_BUDGET, render_issue
from digest.render.email_html import fit_also


@pytest.fixture
def email_doc(issue: Issue) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(render_issue(issue).files["email.html"])


def test_table_layout_600px_presentation(email_doc: lxml.html.HtmlElement) -> None:
    tables = email_doc.xpath("//table")
    assert tables and all(t.get("role") == "presentation" for t in tables)
    assert email_doc.xpath("//table[@width='600']")
    assert not email_doc.xpath("//div[contains(@class,'container')]")


def test_css_inlined_but_media_queries_kept(email_doc: lxml.html.HtmlElement) -> None:
    styles = "".join(s.text or "" for s in email_doc.iter("style"))
    assert "prefers-color-scheme: dark" in styles and "max-width: 620px" in styles
    # plain rules moved inline: no top-level selector rule remains in <style>
    assert styles.strip().startswith("@media") and "font-family" not in styles
    h1 = email_doc.xpath("//h1")[0]
    assert "font-size: 26px" in h1.get("style", "")
    assert "color" in email_doc.xpath("//a")[0].get("style", "")


def test_preheader_is_hidden_and_not_in_text(issue: Issue) -> None:
    files = render_issue(issue).files
    doc = lxml.html.document_fromstring(files["email.html"])
    pre = doc.find_class("preheader")[0]
    style = pre.get("style", "")
    assert "display: none" in style and "mso-hide: all" in style
    text = pre.text_content().replace("\u034f", "").replace("\u200c", "").strip()
    assert text.startswith("This week: Open Models, Open Arms")
    assert text not in files["email.txt"]
    assert "This week: Open Models" not in files["email.txt"]


def test_lang_alt_and_absolute_http_links_only(email_doc: lxml.html.HtmlElement) -> None:
    assert email_doc.get("lang") == "en"
    assert all(img.get("alt") is not None for img in email_doc.iter("img"))
    links = email_doc.xpath("//a/@href")
    assert links
    for href in links:
        parts = urlsplit(href)
        assert parts.scheme in ("http", "https") and parts.netloc, href
    for tag in ("script", "form", "iframe", "link"):
        assert not list(email_doc.iter(tag)), tag


def test_unsubscribe_link_in_both_parts(issue: Issue) -> None:
    files = render_issue(issue, unsubscribe="https://news.example.org/u?id=1").files
    doc = lxml.html.document_fromstring(files["email.html"])
    assert "https://news.example.org/u?id=1" in doc.xpath("//a/@href")
    assert "Unsubscribe: https://news.example.org/u?id=1" in files["email.txt"]
    unsafe = render_issue(issue, unsubscribe="javascript:alert(1)").files
    assert "javascript" not in unsafe["email.html"]


def test_text_part_is_its_own_template(issue: Issue) -> None:
    text = render_issue(issue).files["email.txt"]
    assert "<" not in text.replace("<b>", "")  # no markup leaked from HTML
    assert "IN OUR FEEDS (3)" in text and "## Open Models, Open Arms" in text
    assert "- Harbor Ledger: https://harborledger.example.com/west-lake-dialogue" in text
    assert "Q: Which is?" in text
    assert "TL;DR: Open models" in text
    assert max(len(line) for line in text.splitlines() if "http" not in line) <= 80


def test_huge_week_shortens_also_and_says_so(factory: ModuleType) -> None:
    issue = factory.make_huge_issue()
    files = render_issue(issue).files
    html = files["email.html"]
    assert len(html.encode("utf-8")) <= EMAIL_BUDGET
    notes = json.loads(files["issue.json"])["notes"]
    assert len(notes) == 1 and notes[0].startswith("Also this week shortened to fit the email")
    shown = int(re.search(r"(\d+) of 1500", notes[0]).group(1))  # type: ignore[union-attr]
    assert 0 < shown < 1500
    doc = lxml.html.document_fromstring(html)
    assert len(doc.xpath("//ul/li")) == shown
    assert "more on the web edition" in doc.text_content()  # the reader's word for the note
    assert "In Our Feeds (3)" in html  # stories are never cut
    # the web page keeps the whole list, with the note
    page = lxml.html.document_fromstring(files["index.html"])
    assert len(page.find_class("also")[0].xpath("li")) == 1500
    assert "more on the web edition" in files["email.txt"]


def test_normal_week_is_not_shortened(issue: Issue) -> None:
    files = render_issue(issue).files
    assert json.loads(files["issue.json"])["notes"] == []
    assert len(files["email.html"].encode()) < 20_000


def test_fit_also_finds_the_largest_fit_trying_only_near_it() -> None:
    for total in range(0, 70):
        for limit in range(0, total + 3):
            tried: list[int] = []

            def fits(n: int, limit: int = limit, tried: list[int] = tried) -> bool:
                tried.append(n)
                return n <= limit

            assert fit_also(total, fits) == min(limit, total)
            assert all(0 < n <= max(2 * limit + 1, 1) for n in tried)  # never far past the fit


def _many_featured(factory: ModuleType, n: int, *, also: bool) -> Issue:
    """A week of `n` long featured stories (six sources each) that would pass the clip size."""
    stories = []
    for i in range(n):
        cs = [factory.cite(f"Outlet {j} News", f"s{i}-{j}-a-long-slug-for-a-realistic-path",
                           f"Headline {i}-{j} about chips, the regulator and more")
              for j in range(6)]
        text = "The regulator said the new AI rule would take effect next spring. " * 2
        stories.append(Story(rank=i + 1, section="in_our_feeds",
                             headline=f"Story {i}: a long headline about AI chips and money",
                             sentences=tuple(factory.sent(text, cs[k], cs[k + 1])
                                             for k in range(4)),
                             articles=tuple(cs)))
    extra = tuple(replace(s, rank=n + s.rank) for s in factory.make_issue().stories
                  if s.section == "also") if also else ()
    return factory.make_issue(stories=(*stories, *extra))


@pytest.mark.parametrize("also", [False, True])
def test_huge_week_of_featured_stories_fits_the_clip_size(factory: ModuleType,
                                                           also: bool) -> None:
    # 50 featured stories (max_stories allows 50) made a 140 KB email: Gmail clipped it and
    # hid the footer with the unsubscribe link. The last stories go to the web edition.
    files = render_issue(_many_featured(factory, 50, also=also),
                         unsubscribe="https://news.example.org/u").files
    html = files["email.html"]
    assert len(html.encode("utf-8")) <= EMAIL_BUDGET
    doc = lxml.html.document_fromstring(html)
    shown = len(doc.xpath("//h3"))
    assert 1 < shown < 50
    notes = json.loads(files["issue.json"])["notes"]
    assert notes[-1] == (f"In Our Feeds shortened to fit the email: {shown} of 50 stories "
                         "shown; the web edition has them all.")
    assert len(notes) == (2 if also else 1)
    more = doc.xpath("//a[contains(@href, '#in-our-feeds')]")
    assert more and more[0].text_content() == f"And {50 - shown} more on the web edition"
    assert f"And {50 - shown} more on the web edition" in files["email.txt"]
    assert "https://news.example.org/u" in doc.xpath("//a/@href")  # the footer survives
    if also:  # the list goes first, and says where it went
        assert not doc.xpath("//ul/li") and "And 3 more on the web edition" in html
    page = lxml.html.document_fromstring(files["index.html"])
    assert len(page.xpath("//h3[starts-with(@id, 'story-')]")) == 50
