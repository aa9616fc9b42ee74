"""The brief: the short form of an issue a chat channel gets, in its markup and length."""

from __future__ import annotations

from dataclasses import replace
from types import ModuleType
from typing import Any

import pytest

from digest.channels import instantiate
from digest.models import Issue
from digest.publish.brief import MARKUPS, briefs, fit
from digest.render import build_view, issue_to_dict, newsletter_to_dict


def _view(issue: Issue) -> dict[str, Any]:
    return build_view(issue_to_dict(issue), newsletter_to_dict(issue.newsletter))


@pytest.mark.parametrize("markup", MARKUPS)
def test_forms_go_from_the_fullest_down_to_the_link(issue: Issue, markup: str) -> None:
    forms = briefs(_view(issue), markup)  # type: ignore[arg-type]
    sizes = [len(b.body) for b in forms]
    assert sizes == sorted(set(sizes), reverse=True)  # each strictly shorter
    assert forms[0].headlines == len(issue.featured) and forms[0].tldr
    assert forms[-1].headlines == 0 and not forms[-1].tldr
    assert "https://news.example.org/digest/issues/2026-W10/" in forms[-1].body


@pytest.mark.parametrize("limit", [2000, 400, 250, 120, 80])
def test_fit_takes_the_fullest_form_within_the_limit(issue: Issue, limit: int) -> None:
    forms = briefs(_view(issue), "markdown")
    chosen = fit(forms, limit)
    assert len(chosen.body) <= limit
    assert chosen == max((b for b in forms if len(b.body) <= limit), key=lambda b: len(b.body))


def test_the_tldr_goes_before_any_headline(issue: Issue) -> None:
    forms = briefs(_view(issue), "text")
    n = len(issue.featured)
    assert [(b.headlines, b.tldr) for b in forms] == [(n, True)] + [
        (k, False) for k in range(n, -1, -1)]


def test_a_limit_shorter_than_the_link_clips_rather_than_fails(issue: Issue) -> None:
    assert len(fit(briefs(_view(issue), "text"), 20).body) == 20


def test_source_text_is_inert_in_every_markup(issue: Issue, factory: ModuleType) -> None:
    evil = "<script>alert(1)</script> [click](javascript:alert(1)) **bold** _x_"
    story = replace(issue.featured[0], headline=evil)
    hostile = replace(issue, stories=(story, *issue.stories[1:]))
    html = briefs(_view(hostile), "html")[0].body
    assert "<script>" not in html and "&lt;script&gt;" in html
    md = briefs(_view(hostile), "markdown")[0].body
    assert "[click](javascript" not in md and "\\[click\\]\\(javascript" in md
    assert "\\*\\*bold\\*\\*" in md


def test_an_unsafe_source_link_falls_back_to_the_story_on_the_web(issue: Issue) -> None:
    view = _view(issue)
    for link in view["featured"][0]["links"]:
        link["url"] = ""  # what safe_url leaves of javascript: and the like
    body = briefs(view, "text")[0].body
    assert "https://news.example.org/digest/issues/2026-W10/#story-1" in body


def test_a_quiet_week_says_so(factory: ModuleType) -> None:
    quiet = factory.make_quiet_issue()
    body = briefs(_view(quiet), "text")[0].body
    assert body.startswith("A quiet week") and "Read the issue: https://" in body


def test_a_chinese_issues_brief_speaks_chinese(issue: Issue, factory: ModuleType) -> None:
    """A zh issue's notification said "TL;DR:", "Read the issue" and "A quiet week" (qa40b)."""
    zh = replace(issue, newsletter=replace(issue.newsletter, language="zh"))
    body = briefs(_view(zh), "text")[0].body
    assert body.startswith("本期要点：") and "阅读本期：https://" in body
    quiet = factory.make_quiet_issue()
    quiet = replace(quiet, newsletter=replace(quiet.newsletter, language="zh"))
    assert briefs(_view(quiet), "text")[0].body.startswith("本周无要闻")


@pytest.mark.parametrize("markup", MARKUPS)
def test_mentions_in_source_text_ping_nobody(issue: Issue, markup: str) -> None:
    """A headline or TL;DR from a feed with "@everyone", "@here", "<@123>" or Slack's
    "<!channel>" went to a chat channel as written: Apprise's Discord plugin found the mention
    and allowed it, pinging the whole server (and "@OpenAI" made a mention Discord refuses).
    A zero-width space after each "@" (and in "<!") keeps the text and pings nobody."""
    head = "Ping @everyone, @here and <@123> <@&45> <!channel> about @OpenAI"
    [first, *rest] = issue.stories
    link = replace(first.articles[0], url="https://medium.example/@lena/post")
    first = replace(first, headline=head, articles=(link, *first.articles[1:]),
                    sentences=tuple(replace(s, sources=(link.url,)) for s in first.sentences))
    hot = replace(issue, stories=(first, *rest), tldr=(replace(issue.tldr[0], text=head),),
                  title="Issue @here")
    [form, *_] = briefs(_view(hot), markup)  # type: ignore[arg-type]
    discord = instantiate("discord://4174216298/JHMHI8qBe7bk2ZwO5U711o3dV_js")
    assert discord is not None
    assert discord.ping_payload(form.body, form.title) == {}  # Apprise's own mention finder
    assert "<!" not in form.body.replace("<\u200b!", "")
    assert "https://medium.example/%40lena/post" in form.body
    shown = form.body.replace("\u200b", "")
    assert "@everyone" in shown and "@OpenAI" in shown  # the text reads as it did
