"""Unit tests of the editor's parts: window, duplicates, relevance, clustering, summaries."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

from digest.edit.group.stories import cluster
from digest.edit.read.aliases import EntityIndex
from digest.edit.select.dedup import find_duplicates
from digest.edit.select.relevance import RelevanceJudge
from digest.edit.select.window import in_window, period_label
from digest.edit.write.grounding import check
from digest.edit.write.summarize import summarize_document
from digest.models import Article, Newsletter, Period, Source

MakeArticle = Callable[..., Article]


def test_window_and_label(period: Period, make_article: MakeArticle) -> None:
    assert in_window(make_article("x", day=0), period)
    assert not in_window(make_article("x", day=7), period)  # end is exclusive
    assert not in_window(make_article("x", day=-0.01), period)
    assert period_label(period, "UTC") == "Week 47, 16–22 November 2026"
    custom = Period("2026-11-30_2026-12-03", period.start + timedelta(days=14),
                    period.start + timedelta(days=17))
    assert period_label(custom, "UTC") == "30 November – 2 December 2026"


def test_exact_and_near_duplicates_collapse(make_article: MakeArticle, texts: Any) -> None:
    t = texts
    original = make_article(t.CAC_A, source="A", day=1)
    exact = make_article(t.CAC_A, source="B", day=2)
    edited = make_article(t.CAC_A.replace("on Monday", "this week") + " Reporting by staff.", source="C", day=3)
    other = make_article(t.CAC_B, source="D", day=1)
    result = find_duplicates([exact, original, edited, other])
    assert result.kept == (1, 3)
    assert result.duplicate_of == {0: 1, 2: 1}
    assert result.reason[0] == "same text"
    assert result.reason[2].startswith("near-copy")


def test_a_short_teaser_shared_by_two_headlines_is_no_duplicate(make_article: MakeArticle) -> None:
    # A feed's items under one boilerplate teaser are each their own story (session 40, qa40b:
    # the store keeps them apart); the same teaser under the same title is one.
    teaser = "Read the full story on our site."
    a = make_article(teaser, source="A", title="Harbour board closes the quay", day=1)
    b = make_article(teaser, source="A", title="Ferry fares rise by a fifth", day=1.1)
    again = make_article(teaser, source="A", title="Harbour board closes the quay", day=1.2)
    result = find_duplicates([a, b, again])
    assert result.kept == (0, 1)
    assert result.duplicate_of == {2: 0}


def test_chinese_near_duplicate(make_article: MakeArticle, texts: Any) -> None:
    t = texts
    a = make_article(t.ZH_A, source="新华")
    b = make_article(t.ZH_A.replace("三个月", "3个月"), source="人民", day=2)
    c = make_article("上海举办世界人工智能大会，数百家企业展示了最新的大模型和机器人产品。观众人数创下新高。", source="澎湃")
    result = find_duplicates([a, b, c])
    assert result.duplicate_of == {1: 0}


def test_relevance_rules(make_article: MakeArticle, texts: Any) -> None:
    t = texts
    nl = Newsletter(title="T", topics=("algorithm regulation", "AI", "人工智能"))
    sources = [Source("Strict", "https://s.example", include=("algorithm",)),
               Source("NoSport", "https://n.example", exclude=("Douyin",))]
    judge = RelevanceJudge(nl, sources)
    assert judge.judge(make_article(t.CAC_A, title="Regulators target algorithms")).on_topic
    assert not judge.judge(make_article(t.FOOTBALL, title="United win")).on_topic
    assert not judge.judge(make_article(t.RECIPE, title="Cookies")).on_topic
    prices = judge.judge(make_article(t.PRICES, title="Prices"))
    assert not prices.on_topic and "numbers" in (prices.reason or "")
    assert judge.judge(make_article(t.ZH_A, title="算法整治")).on_topic  # Chinese substring
    assert not judge.judge(make_article(t.AIIA_A, source="Strict")).on_topic  # include missing
    assert not judge.judge(make_article(t.CAC_B, source="NoSport")).on_topic  # exclude hit
    # "AI" must be a whole word: "said" or "Thailand" do not make a text about AI.
    assert not judge.judge(make_article("Thailand said the rain would stop.", title="Rain")).on_topic
    everything = RelevanceJudge(Newsletter(title="T"), [])
    assert everything.judge(make_article(t.FOOTBALL)).on_topic


def test_cluster_groups_same_event_and_chinese() -> None:
    titles = ["China targets recommendation algorithms in new CAC campaign",
              "CAC launches campaign against recommendation algorithms",
              "Regulator takes aim at platform recommendation algorithms",
              "Manchester United beat Liverpool at Old Trafford",
              "United beat Liverpool 3-1 at Old Trafford",
              "网信办开展算法专项整治行动", "网信办启动算法专项整治"]
    labels = cluster(titles)
    assert labels[0] == labels[1] == labels[2]
    assert labels[3] == labels[4] != labels[0]
    assert labels[5] == labels[6] != labels[0]
    assert cluster([]) == [] and cluster(["one"]) == [0]


def test_summary_skips_furniture_and_is_extractive() -> None:
    text = ("By . Staff Reporter . PUBLISHED: . 10:02 EST, 3 March 2014 .\n"
            "LONDON (Reuters) - The central bank raised interest rates by a quarter point on Thursday. "
            "The move was widely expected by economists. Scroll down for video. "
            "The bank said inflation remained too high. Markets rose slightly after the decision.")
    summary = summarize_document(text, 3)
    assert len(summary) == 3
    assert summary[0].startswith("The central bank raised")
    assert all("PUBLISHED" not in s and "Scroll down" not in s for s in summary)
    assert all(s in text for s in summary)


def test_entities_merge_aliases(texts: Any) -> None:
    t = texts
    texts = [t.AIIA_A, "The AIIA said it would publish datasets.",
             "中国人工智能产业发展联盟 (AIIA) 发布了新标准。",
             "The China AI Industry Development Alliance (中国人工智能产业发展联盟) met in Beijing."]
    index = EntityIndex(texts)
    key = index.canonical("AIIA")
    assert key == "China AI Industry Development Alliance"
    assert index.canonical("中国人工智能产业发展联盟") == key
    assert index.kind(key) == "org"
    assert index.display(key) == "China AI Industry Development Alliance (AIIA)"


def test_grounding_check_catches_invention(texts: Any) -> None:
    t = texts
    src = [t.CAC_A]
    assert check("The CAC launched an inspection campaign on recommendation algorithms.", src).ok
    bad_name = check("Tencent said the CAC launched a campaign on algorithms.", src)
    assert not bad_name.ok and "Tencent" in bad_name.why
    assert not check("The campaign will run for 18 months.", src).ok
    assert not check("Football fans celebrated a famous victory downtown.", src).ok


def test_a_quotation_is_the_sources_words_as_they_wrote_them() -> None:
    # Gemma 3 270M's headlines on allsides_dev (session 42): "teensy hands" is not what the
    # source put in quotation marks, nor "I'm not a black" what it reported Biden saying
    src = ['Mika Brzezinski "started it" this morning by mocking Trump\'s fragile ego and '
           'remarking upon his "teensy" hands.',
           "Biden said: If you have a problem figuring out whether you're for me or Trump, then "
           "you ain't black."]
    made_up = ["Trump's 'teensy hands': Mika Brzezinski mocks him for his 'teensy' behavior",
               "Biden's 'I'm not a black': Charlamagne Tha God says he is running"]
    for head in made_up:
        verdict = check(head, src, 0.3, headline=True)
        assert not verdict.ok and "quotes" in verdict.why, verdict
    assert check("Brzezinski mocks Trump's 'teensy' hands", src, 0.5, headline=True).ok
    assert check("Brzezinski “started it,” mocking Trump's fragile ego.", src).ok
    assert check("The senators' votes went to Trump's fragile ego.", src, 0.3).ok  # (no quote)


def test_window_in_the_newsletter_timezone(make_article: MakeArticle) -> None:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    tz = ZoneInfo("Asia/Shanghai")
    week = Period("2026-W47", datetime(2026, 11, 16, tzinfo=tz), datetime(2026, 11, 23, tzinfo=tz))
    assert period_label(week, "Asia/Shanghai") == "Week 47, 16–22 November 2026"
    # 23:30 UTC on Sunday 22 November is already Monday 23 November in Shanghai.
    late = make_article("x", day=6 + 23.5 / 24)
    assert not in_window(late, week)
    early = make_article("x", day=-0.25)  # 18:00 UTC Sunday 15th = 02:00 Monday in Shanghai
    assert in_window(early, week)


def test_a_chinese_issue_is_named_and_introduced_in_chinese(
        period: Period, make_article: MakeArticle) -> None:
    """A zh issue was titled "中国科技周报 — Week 47, 16–22 November 2026" and introduced
    "This week in 中国科技周报: four stories." (found by qa40b)."""
    from digest.edit import edit_issue

    nl = Newsletter(title="中国科技周报", topics=("人工智能",), language="zh", max_stories=1)
    text = ("杭州市教育局21日宣布，从2027年秋季学期起，全市中小学将开设人工智能必修课。"
            "课程内容包括编程基础、数据安全和人工智能伦理。")
    arts = [make_article(text, source="新京观察", title="杭州中小学开设人工智能必修课",
                         language="zh"),
            make_article("国家数据局18日印发指引，要求公共算力平台接入全国调度系统，推动人工智能发展。",
                         source="东方数字周刊", title="国家数据局印发算力调度指引", language="zh",
                         day=2)]
    assert period_label(period, "UTC", "zh") == "2026年第47周（11月16日至22日）"
    issue = edit_issue(period, arts, newsletter=nl, sources=[], health=[])
    assert issue.title == "中国科技周报｜2026年第47周（11月16日至22日）"
    assert issue.intro == "本期《中国科技周报》共1篇报道，另有1条简讯。"


def test_traditional_script_meets_simplified_topics_and_copies(
        make_article: MakeArticle) -> None:
    """A Big5 (traditional) report of a humanoid-robot race was off-topic for the topic
    机器人 (it writes 機器人), and a traditional republication of a simplified article was not
    its duplicate (found by qa40b): both compare with the traditional characters simplified."""
    from digest.script import simplified

    assert simplified("廣州舉辦首屆人形機器人半程馬拉松") == "广州举办首届人形机器人半程马拉松"
    assert simplified("Robots ran 21 km") == "Robots ran 21 km"
    judge = RelevanceJudge(Newsletter(title="T", topics=("机器人",)), [])
    race = make_article("首屆廣州人形機器人半程馬拉松21日在天河區舉行，來自12家企業的35台人形機器人參賽。",
                        title="廣州舉辦首屆人形機器人半程馬拉松", language="zh")
    assert judge.judge(race).on_topic
    zh = ("深圳人工智能企业星河智能17日发布开源大模型，参数规模达1200亿，开发者可免费下载模型权重并"
          "用于商业用途。首席执行官陈立峰表示，训练全部在国产芯片集群上完成。")
    tw = ("深圳人工智能企業星河智能17日發布開源大模型，參數規模達1200億，開發者可免費下載模型權重並"
          "用於商業用途。首席執行官陳立峰表示，訓練全部在國產芯片集群上完成。")
    original = make_article(zh, source="南岸科技报", language="zh")
    copy = make_article(tw, source="港灣財經", language="zh", day=1.3)
    result = find_duplicates([original, copy])
    assert result.duplicate_of == {1: 0}
