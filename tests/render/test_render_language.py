"""A Chinese issue prints its furniture in Chinese (digest/locale.py): section labels, the
coverage line's glue, dates, the footer; an English issue's words are unchanged, and the
config's `labels` replace any of them."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

import lxml.html
import pytest

from digest.locale import days, listed, question, span, week_label, words
from digest.models import Issue
from digest.render import render_issue

# What an English issue prints and a Chinese one must not.
ENGLISH = ("In Our Feeds", "Also this week", "Sources:", "TL;DR", "Explainer", "Read on the web",
           "reported this", "outlets:", "November", " Nov", "View this issue")


def _zh(issue: Issue, **labels: str) -> Issue:
    newsletter = replace(issue.newsletter, language="zh", title="中国科技周报",
                         labels=tuple(labels.items()))
    return replace(issue, newsletter=newsletter)


def test_a_chinese_issue_prints_its_furniture_in_chinese(issue: Issue) -> None:
    """A zh issue printed "In Our Feeds (3)", "Sources: A, B", "3 outlets: A, B and C · 17 Nov",
    "Only A reported this, 21 Nov", "Read on the web" and "16–22 November" around its Chinese
    stories (found by qa40b)."""
    files = render_issue(_zh(issue)).files
    doc = lxml.html.document_fromstring(files["index.html"])
    body = doc.xpath("//article")[0].text_content()
    h2 = [h.text_content() for h in doc.iter("h2")]
    assert "本周要闻（3）" in h2 and "本周简讯" in h2 and "本期要点" in h2
    assert any(t.startswith("解读：") for t in h2)
    assert "来源：Harbor Ledger、Meridian Tech Review、Keji Guancha" in body
    assert re.search(r"\d家媒体报道：[^·]+和[^·]+ · \d+月\d+日", body)
    assert re.search(r"\d{4}年\d+月\d+日至\d+日", body)  # the period, in the meta line
    email = files["email.html"] + files["email.txt"] + files["issue.md"]
    for text in (body, email):
        assert not [w for w in ENGLISH if w in text], [w for w in ENGLISH if w in text]
    assert "在网页上阅读：" in files["email.txt"] and "问：这是什么机构？" in files["email.txt"]
    # The Explainer's answers credit their sources in the script's brackets: "…。（[A](…)）".
    assert re.search(r"[.。]（\[[^\]]+\]\([^)]+\)）", files["issue.md"])
    # The Explainer's questions too: a zh issue asked "Which is?", "Who's in it?" (qa40b).
    assert [dt.text_content() for dt in doc.iter("dt")][:2] == ["这是什么机构？", "有哪些成员？"]


def test_an_english_issue_keeps_its_words(issue: Issue) -> None:
    doc = lxml.html.document_fromstring(render_issue(issue).files["index.html"])
    h2 = [h.text_content() for h in doc.iter("h2")]
    assert "In Our Feeds (3)" in h2 and "Also this week" in h2 and "TL;DR" in h2


def test_the_config_labels_replace_the_languages_words(issue: Issue) -> None:
    files = render_issue(_zh(issue, tldr="一句话", in_our_feeds="头条")).files
    doc = lxml.html.document_fromstring(files["index.html"])
    h2 = [h.text_content() for h in doc.iter("h2")]
    assert "头条（3）" in h2 and "一句话" in h2 and "本周简讯" in h2


@pytest.mark.parametrize(("language", "expected"), [
    ("zh", ("2026年第47周（11月16日至22日）", "2026年11月30日至12月2日",
            "2026年12月30日至2027年1月2日", "11月17日至19日", "A、B、C、D等6家")),
    ("zh-CN", ("2026年第47周（11月16日至22日）", "2026年11月30日至12月2日",
               "2026年12月30日至2027年1月2日", "11月17日至19日", "A、B、C、D等6家")),
    ("en", ("Week 47, 16–22 November 2026", "30 November – 2 December 2026",
            "30 December 2026 – 2 January 2027", "17–19 Nov", "A, B, C, D and 2 more")),
    ("fr", ("Week 47, 16–22 November 2026", "30 November – 2 December 2026",
            "30 December 2026 – 2 January 2027", "17–19 Nov", "A, B, C, D and 2 more")),
])
def test_dates_and_lists_in_the_issues_language(language: str, expected: tuple[str, ...]) -> None:
    w, d = words(language), datetime
    assert (week_label(d(2026, 11, 16), d(2026, 11, 22), 47, w),
            span(d(2026, 11, 30), d(2026, 12, 2), w), span(d(2026, 12, 30), d(2027, 1, 2), w),
            days(d(2026, 11, 17), d(2026, 11, 19), w), listed(list("ABCDEF"), w, 4)) == expected



def test_a_persons_questions_carry_the_name() -> None:
    zh = words("zh")
    assert question("Who is Lin Qiaoyun?", zh) == "Lin Qiaoyun是谁？"
    assert question("What did 林巧云 say?", zh) == "林巧云说了什么？"
    assert question("Who is Lin Qiaoyun?", words("en")) == "Who is Lin Qiaoyun?"
    assert question("A question no table holds?", zh) == "A question no table holds?"


def test_a_chinese_description_is_cut_after_a_clause(issue: Issue) -> None:
    """The page's description (meta, Open Graph, front matter) was cut at its 199th character
    whatever stood there ("…规模达12…"): Chinese has no spaces to cut at."""
    from digest.models import Sentence
    from digest.render import build_view, issue_to_dict, newsletter_to_dict

    clause = "深圳人工智能企业17日发布开源大模型，参数规模达1200亿，开发者可免费下载模型权重"
    zh = replace(_zh(issue), tldr=(Sentence("。".join([clause] * 6) + "。", ()),))
    view = build_view(issue_to_dict(zh), newsletter_to_dict(zh.newsletter))
    assert len(view["description"]) <= 200 and view["description"].endswith("…")
    assert view["description"][-2] in "权亿型"  # the end of a clause, before its comma
