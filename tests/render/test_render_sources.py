"""Source credits: an email newsletter item has no web address, and is still credited."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

import lxml.html

from digest.models import QA, ArticleStatus, Citation, Issue, Sentence, Story
from digest.render import render_issue
from digest.render.environment import wrap_text

MID = "mid:issue-7.20260304@letter.example"
WHEN = datetime(2026, 3, 4, 7, 45, tzinfo=timezone(timedelta(hours=8)))
CREDIT = "The Port Letter (newsletter, 4 Mar)"
UNDATED = "The Port Letter (newsletter)"  # beside a coverage line, which gives the days


def _with_newsletter_item(issue: Issue) -> Issue:
    """The issue, with a newsletter item cited by a featured story, an "Also this week" story
    of its own, and an Explainer answer."""
    letter = Citation(MID, "The Port Letter #7", "The Port Letter", WHEN)
    featured = issue.stories[0]
    featured = replace(featured, articles=(*featured.articles, letter))
    also = Story(rank=len(issue.stories) + 1, section="also",
                 headline="Chatbot Answers Calls to 311 Helpline",
                 sentences=(Sentence("Calls to the helpline are answered by a chatbot.",
                                     (MID,)),), articles=(letter,))
    assert issue.explainer is not None
    qa = (*issue.explainer.qa,
          QA("Why does it matter?", (Sentence("Its standards are cited by regulators.",
                                              (MID,)),)))
    status = ArticleStatus(url=MID, title=letter.title, source=letter.source, published=WHEN,
                           language="en", status="used", story=also.rank)
    return replace(issue, stories=(featured, *issue.stories[1:], also),
                   explainer=replace(issue.explainer, qa=qa),
                   articles=(*issue.articles, status))


def test_newsletter_item_is_named_not_linked_everywhere(issue: Issue) -> None:
    issue = _with_newsletter_item(issue)
    files = render_issue(issue).files
    text = files["email.txt"]
    feeds = text.split("IN OUR FEEDS", 1)[1].split("ALSO THIS WEEK", 1)[0]
    also = text.split("ALSO THIS WEEK", 1)[1].split("TL;DR", 1)[0]
    explainer = text.split("EXPLAINER", 1)[1]
    assert issue.stories[0].coverage is not None and issue.stories[-1].coverage is not None
    assert f"- {UNDATED}\n" in feeds and "outlets:" in feeds  # the days: in the coverage line
    assert (f"* Chatbot Answers Calls to 311 Helpline\n  Calls to the helpline are answered by "
            f"a chatbot.\n  {UNDATED}\n  Only The Port Letter reported this, 4 Mar\n") in also
    assert f"[{CREDIT}]\n" in explainer  # no coverage line there: the credit gives the day
    for name in ("index.html", "email.html"):
        doc = lxml.html.document_fromstring(files[name])
        assert not [a for a in doc.xpath("//a/@href") if a.startswith("mid:")]
        body = doc.text_content()
        assert body.count(CREDIT) == 1, name  # the Explainer
        assert body.count(UNDATED) == 2, name  # In Our Feeds, Also this week
        assert f"only {UNDATED} reported this, 4 Mar" in " ".join(body.split()), name
    md = files["issue.md"]
    assert md.count(CREDIT) == 1 and md.count(UNDATED) == 2
    assert f"— only {UNDATED} reported this, 4 Mar" in md
    assert f"[{CREDIT}](" not in files["issue.md"]


def test_other_unlinkable_urls_keep_a_plain_label(issue: Issue) -> None:
    story = issue.stories[0]
    bad = Citation("javascript:alert(1)", "x", "Odd Outlet", WHEN)
    files = render_issue(replace(issue, stories=(replace(story, articles=(bad,)),
                                                 *issue.stories[1:]))).files
    assert "- Odd Outlet\n" in files["email.txt"]
    assert "Odd Outlet (" not in files["email.txt"]


def test_plain_text_wraps_chinese_between_characters() -> None:
    zh = "A: " + "联盟于二〇一八年在宁波成立，" * 8
    lines = wrap_text(zh, 40).splitlines()
    assert len(lines) > 1 and lines[0].startswith("A: 联盟")
    assert all(len(line) + sum(1 for c in line if ord(c) > 0x2E80) <= 40 for line in lines)
    assert not any(line.startswith(("，", "。")) for line in lines)
    assert "".join(lines) == zh  # nothing added or lost
    url = "https://example.com/" + "a" * 80
    assert wrap_text(f"see {url} now", 40).splitlines() == ["see", url, "now"]
