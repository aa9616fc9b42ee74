"""edit_issue end to end on a hand-written week, and the bad inputs the issue lists."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from digest.edit import edit_issue
from digest.edit.proof import issue_strikes
from digest.edit.write.grounding import trace
from digest.models import Article, Newsletter, Period, Source
from digest.sentences import split_sentences

MakeArticle = Callable[..., Article]


def _week(make: MakeArticle, t: Any) -> list[Article]:
    return [
        make(t.CAC_A, source="Xinhua", title="Regulator launches algorithm inspection", day=1),
        make(t.CAC_B, source="SCMP", title="China's internet regulator targets algorithms", day=2),
        make(t.CAC_C, source="Caixin", title="Beijing takes aim at recommendation engines", day=2.5),
        make(t.CAC_A, source="Wire copy", title="Regulator launches algorithm inspection", day=3),
        make(t.AIIA_A, source="China Daily", title="AI alliance meets in Beijing", day=3),
        make(t.AIIA_B, source="Global Times", title="Companies pledge to share AI benchmarks", day=4),
        make(t.FOOTBALL, source="Sport Daily", title="United beat Liverpool", day=2),
        make(t.CAC_B, source="Old", title="Old story", day=-3),
    ]


def test_full_issue(period: Period, newsletter: Newsletter, make_article: MakeArticle,
                    texts: Any) -> None:
    arts = _week(make_article, texts)
    issue = edit_issue(period, arts, newsletter=newsletter, sources=[], health=[])
    assert issue.key == "2026-W47"
    assert issue.title == "China Chatbot — Week 47, 16–22 November 2026"
    assert issue.editor == "offline"
    states = {a.url: a.status for a in issue.articles}
    assert len(issue.articles) == len(arts)
    assert states[arts[3].url] == "duplicate"
    assert states[arts[6].url] == "off_topic"
    assert states[arts[7].url] == "out_of_window"
    dup = next(a for a in issue.articles if a.url == arts[3].url)
    assert dup.duplicate_of == arts[0].url and dup.story == 1

    top = issue.stories[0]
    assert top.section == "in_our_feeds" and top.rank == 1
    cited = {c.url for c in top.articles}
    assert {arts[0].url, arts[1].url, arts[2].url, arts[3].url} <= cited  # the copy is cited
    assert 60 <= len(top.summary.split()) <= 130
    # The headline is the story's own most central title (issue 11), never a rewrite.
    assert top.headline in {a.title for a in arts[:4]}
    assert not issue_strikes(issue, {a.url: f"{a.title}\n{a.text}" for a in arts})
    assert len(issue.stories) == 2 and issue.stories[1].section == "in_our_feeds"

    # Grounding: every printed sentence is a source sentence (plus a connective at most).
    by_url = {a.url: split_sentences(a.text) for a in arts}
    printed = [s for st in issue.stories for s in st.sentences] + list(issue.tldr)
    assert issue.explainer is not None
    printed += [s for qa in issue.explainer.qa for s in qa.answer]
    for s in printed:
        assert s.sources, s.text
        assert trace(s.text, [x for u in s.sources for x in by_url[u]]), s.text

    ex = issue.explainer
    assert "AIIA" in ex.entity or "CAC" in ex.entity
    assert "most stories" in ex.why
    assert next(q.question for q in ex.qa) == "Which is?"
    assert all(q.sources for q in ex.qa)
    assert issue.explainer_note is None
    # No thread runs through these two stories: the TL;DR is the lead story's main clause,
    # never leads chained with "And … Meanwhile".
    assert 1 <= len(issue.tldr) <= 3
    assert not any(s.text.startswith(("And ", "Meanwhile", "Elsewhere")) for s in issue.tldr)
    # The intro's subject comes from the lead story's headline ("China's internet regulator
    # targets algorithms": its own lead restates it, issue 11's headline choice).
    assert issue.intro.startswith("This week in China Chatbot: China's internet regulator")
    assert "“" not in issue.intro and "sources" not in issue.intro
    assert issue.explainer.entity in issue.intro


def test_ranking_prefers_more_outlets(period: Period, make_article: MakeArticle,
                                      texts: Any) -> None:
    nl = Newsletter(title="T", max_stories=1)
    arts = [make_article(texts.AIIA_A, source="One", title="AI alliance meets", day=6),
            make_article(texts.CAC_A, source="A", title="CAC campaign", day=1),
            make_article(texts.CAC_C, source="B", title="Algorithms in focus", day=1)]
    issue = edit_issue(period, arts, newsletter=nl, sources=[], health=[])
    assert [s.section for s in issue.stories] == ["in_our_feeds", "also"]
    assert {c.source for c in issue.stories[0].articles} == {"A", "B"}
    assert len(issue.stories[1].sentences) == 1  # "Also this week": one line
    again = edit_issue(period, list(reversed(arts)), newsletter=nl, sources=[], health=[])
    assert [s.headline for s in again.stories] == [s.headline for s in issue.stories]


def test_a_story_with_no_paragraph_is_not_featured(period: Period, make_article: MakeArticle,
                                                   texts: Any) -> None:
    """Three outlets ran a story whose text the writer cannot print (a body cut off mid-sentence,
    one leaning on a sentence before it, none at all): it ranks first, but "In Our Feeds" never
    prints a headline with nothing under it, so it goes to "Also this week" and the next story
    is featured."""
    nl = Newsletter(title="T", max_stories=1)
    mute = [make_article("U.S. Senator Cory Booker, who gained national prominence in the fight "
                         "over the court nominee, announced on Friday that he would seek the",
                         source="A", title="Booker launches presidential bid", day=5),
            make_article("He told the world twelve hours later.", source="B",
                         title="Booker launches his bid in Newark", day=5),
            make_article((), source="C", title="Booker launches a 2020 presidential bid", day=5)]
    arts = [*mute, make_article(texts.CAC_A, source="D", title="CAC campaign", day=1)]
    issue = edit_issue(period, arts, newsletter=nl, sources=[], health=[])
    featured = [s for s in issue.stories if s.section == "in_our_feeds"]
    assert len(featured) == 1 and featured[0].sentences
    assert {c.source for c in featured[0].articles} == {"D"}
    assert [s.rank for s in issue.stories] == list(range(1, len(issue.stories) + 1))
    booker = [s for s in issue.stories if "Booker" in s.headline]
    assert booker and all(s.section == "also" for s in booker)


def test_zero_articles_is_a_quiet_week(period: Period, newsletter: Newsletter) -> None:
    issue = edit_issue(period, [], newsletter=newsletter, sources=[], health=[])
    assert issue.stories == () and issue.tldr == () and issue.explainer is None
    assert "quiet week" in issue.intro
    assert issue.explainer_note


def test_one_article_no_text_and_unknown_script(period: Period, newsletter: Newsletter,
                                                make_article: MakeArticle, texts: Any) -> None:
    one = edit_issue(period, [make_article(texts.CAC_A, title="CAC and AI algorithms")],
                     newsletter=newsletter, sources=[], health=[])
    assert len(one.stories) == 1 and one.stories[0].sentences
    assert one.explainer is None and "No Explainer" in (one.explainer_note or "")
    empty = make_article((), title="AI video: watch the robot dance")
    thai = make_article("ปัญญาประดิษฐ์กำลังเปลี่ยนแปลงโลก รัฐบาลออกกฎใหม่", title="ข่าว AI", language="th")
    nl = Newsletter(title="T")
    issue = edit_issue(period, [empty, thai], newsletter=nl, sources=[], health=[])
    assert {a.status for a in issue.articles} == {"used"}
    for story in issue.stories:
        assert story.headline
        assert all(s.sources for s in story.sentences)


def test_many_articles_from_one_source(period: Period, make_article: MakeArticle,
                                       texts: Any) -> None:
    arts = [make_article(f"{texts.CAC_A} Update number {k} on item {k * 7}.", source="Spam",
                         title=f"Update {k}", day=k % 7) for k in range(300)]
    issue = edit_issue(period, arts, newsletter=Newsletter(title="T"), sources=[Source("Spam", "x")],
                       health=[])
    assert sum(a.status == "duplicate" for a in issue.articles) >= 290
    assert len(issue.stories) == 1
    assert len({c.url for c in issue.stories[0].articles}) == 300


def test_entity_free_week(period: Period, make_article: MakeArticle) -> None:
    arts = [make_article("the weather was mild and most people stayed at home this weekend.",
                         source="a", title="mild weekend"),
            make_article("rain is expected later in the week, with cooler nights ahead of us.",
                         source="b", title="rain ahead")]
    issue = edit_issue(period, arts, newsletter=Newsletter(title="T"), sources=[], health=[])
    assert issue.explainer is None
    assert issue.explainer_note and "No Explainer" in issue.explainer_note


def test_a_chinese_lead_story_gives_an_english_issue_no_chinese_tldr(
        period: Period, make_article: MakeArticle) -> None:
    """An English issue whose lead story only Chinese outlets reported printed that story's
    Chinese lead as its TL;DR ("深圳人工智能企业星河智能17日发布…"): the TL;DR speaks the
    issue's language, so it is the next story's English line, or none."""
    zh = ("深圳人工智能企业星河智能17日发布开源大模型“云雀3”，参数规模达1200亿。"
          "星河智能首席执行官陈立峰表示，训练全部在国产芯片集群上完成。"
          "公司计划在明年3月前开放多模态版本。")
    arts = [
        make_article(zh, source="南岸科技报", title="星河智能发布开源大模型云雀3", language="zh"),
        make_article(zh.replace("17日", "周二"), source="东方数字周刊",
                     title="星河智能开源千亿参数模型云雀3", language="zh", day=1.2),
        make_article("The city of Qingshan will spend 2 billion yuan on humanoid robot parts, "
                     "its industry bureau said on Tuesday. Makers can claim 30 percent of the "
                     "cost of motors, sensors and joints.", source="Harbourline",
                     title="Qingshan offers 2 billion yuan for robot parts", day=2),
    ]
    newsletter = Newsletter(title="China Tech", topics=("人工智能", "robot"), max_stories=2)
    sources = [Source(name=s, url=f"https://{k}.example/feed") for k, s in
               enumerate(("南岸科技报", "东方数字周刊", "Harbourline"))]
    issue = edit_issue(period, arts, newsletter=newsletter, sources=sources, health=[])
    assert issue.stories[0].headline.startswith("星河智能")  # two outlets: it leads
    assert issue.tldr, "the English story's line"
    assert not any(re.search(r"[\u4e00-\u9fff]", s.text) for s in issue.tldr), issue.tldr
