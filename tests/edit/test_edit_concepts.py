"""Conceptual relevance, name-aware clustering, cross-language links, headlines, definitions."""

from __future__ import annotations

from typing import Any

from digest.edit.group.anchors import anchors, cluster_text, link_languages
from digest.edit.group.concepts import shared_heads
from digest.edit.group.stories import cluster
from digest.edit.read.aliases import EntityIndex
from digest.edit.select import select
from digest.edit.select.relevance import RelevanceJudge
from digest.edit.settings import Settings
from digest.edit.week import read
from digest.edit.write.explainer import build_explainer, choose_entity
from digest.models import Newsletter, Period

TOPICS = ("AI policy", "AI regulation", "AI industry", "chips", "deepfakes", "algorithms",
          "人工智能")


def _judge() -> RelevanceJudge:
    return RelevanceJudge(Newsletter(title="T", topics=TOPICS), [])


def test_topic_matches_by_concept_not_literal_words(make_article: Any) -> None:
    judge = _judge()
    mandate = make_article("Video sites must now add hidden watermarks to machine-generated clips "
                           "under a new mandate from the ministry. Platforms have six months to "
                           "comply with the rules.", title="AI watermark mandate takes effect")
    release = make_article("The startup published the weights of its new language model on "
                           "Tuesday, and said the model beat rivals on a reasoning benchmark.",
                           title="Startup releases open model")
    robots = make_article("The province will subsidise robot makers that buy local parts, the "
                          "industry bureau said, and companies can claim a third of costs.",
                          title="Fund to cut cost of humanoid robots")
    zh = make_article("多家平台更新规则，要求对大模型生成的内容添加标识。", title="平台落实标识新规",
                      language="zh")
    for art in (mandate, release, robots, zh):
        assert judge.judge(art).on_topic, art.title


def test_concept_match_stays_conservative(make_article: Any) -> None:
    judge = _judge()
    match = make_article("The home side scored late to win 2-1. The transfer market opens next "
                         "month and the club's model of youth coaching was praised.",
                         title="Late goal settles derby")
    recipe = make_article("Braise the pork for two hours with soy sauce and rock sugar.",
                          title="Slow-cooked pork for winter")
    assert not judge.judge(match).on_topic
    assert not judge.judge(recipe).on_topic


def test_shared_heads_come_from_the_subject_of_several_topics() -> None:
    heads = shared_heads(list(TOPICS))
    assert "ai" in heads and "人工智能" in heads and "artificial intelligence" in heads
    assert "chips" not in heads


def test_a_shared_name_alone_does_not_merge_two_events() -> None:
    titles = ["北方数字联盟年会宣布举办机器人大赛", "北方数字联盟报告：数据中心用电量上涨三成",
              "机器人大赛奖金提高一倍", "沿海城市暴雨致航班取消", "新能源汽车销量创新高"]
    texts = ["北方数字联盟在广州召开年会，宣布明年举办机器人大赛，参赛队伍来自十个省份。",
             "北方数字联盟发布报告称，西部地区数据中心用电量今年上涨三成，电价随之调整。",
             "北方数字联盟在广州召开年会，宣布明年举办机器人大赛，奖金总额提高一倍。",
             "沿海城市周二遭遇暴雨，机场取消两百多个航班，地铁部分停运。",
             "十月新能源汽车销量同比增长四成，出口量创下新高。"]
    index = EntityIndex(texts)
    labels = cluster([cluster_text(t, index, ["人工智能"]) for t in titles],
                     [cluster_text(t, index, ["人工智能"]) for t in texts])
    assert labels[0] == labels[2] != labels[1]


def test_chinese_story_joins_english_story_through_rare_anchors() -> None:
    en = ["The Harbour Data Alliance (HDA) published standard T/HDA 7-2026 on 3 March, "
          "and 57 companies pledged to follow it.",
          "Fifty-seven firms backed the new HDA standard T/HDA 7-2026 on Tuesday.",
          "A flood closed the port of Ningbo for two days, delaying 300 ships."]
    zh = "海港数据联盟（HDA）3月3日发布团体标准T/HDA 7-2026，已有57家企业承诺执行。"
    texts = [*en, zh]
    index = EntityIndex(texts)
    assert {"i:T/HDA7-2026", "d:3-3"} <= anchors(zh, index)
    assert index.canonical("海港数据联盟") == index.canonical("HDA")
    linked = link_languages([0, 0, 1, 2], texts, index)
    assert linked[3] == linked[0] != linked[2]
    # Without rare anchors nothing is linked.
    assert link_languages([0, 1], ["Rain fell in Ningbo.", "宁波下雨了。"],
                          EntityIndex(["x"]))[1] == 1


def test_which_is_opens_with_a_definition(make_article: Any, period: Period) -> None:
    arts = [make_article(("The Harbour Data Alliance (HDA) said it welcomed the rules and "
                          "would publish a test next year.",), title="a"),
            make_article(("The forum was organised by the Harbour Data Alliance (HDA), a "
                          "standards body headquartered in Ningbo.",
                          "HDA was founded in 2019 by three ports."), title="b")]
    week = select(read(arts), period, Newsletter(title="T"), [])
    choice = choose_entity(week.index, [[r] for r in week.used])
    assert choice is not None
    exp = build_explainer(week, choice, 2, "en", Settings().explainer)
    assert exp is not None
    which = next(q for q in exp.qa if q.question == "Which is?")
    assert "a standards body headquartered" in which.answer[0].text
