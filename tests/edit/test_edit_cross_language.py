"""Cross-language grouping: each Chinese report joins its English story (group.story_labels).

A hand-written fictional week (our own text): five events, each reported by two English
outlets and one Chinese outlet, plus stories on the same beats that must stay apart. The
Chinese reports share no words with the English ones, only names (declared aliases),
identifiers, dates and numbers with units, as real bilingual coverage does.
"""

from __future__ import annotations

from collections.abc import Callable

from digest.edit.group import story_labels
from digest.edit.group.anchors import anchors
from digest.edit.read.aliases import EntityIndex
from digest.models import Article

MakeArticle = Callable[..., Article]

# (event, title, body, language)
WEEK = [
    ("falcon", "Kestrel Robotics releases Falcon-2",
     "Shanghai developer Kestrel Robotics on 18 November released Falcon-2, a model for "
     "warehouse arms with 70 billion parameters. The company said 40 firms tested it.", "en"),
    ("falcon", "Kestrel's second model goes public",
     "Kestrel Robotics published its Falcon-2 model on Wednesday. The 70 billion parameter "
     "system controls warehouse arms, the Shanghai firm said.", "en"),
    ("falcon", "红隼机器人发布仓储机械臂模型",
     "上海红隼机器人公司（Kestrel Robotics）11月18日发布Falcon-2模型，参数规模达700亿，"
     "已有40家企业参与测试。", "zh"),
    ("subsidy", "Qingshan offers 2 billion yuan for robot parts",
     "The city of Qingshan will spend 2 billion yuan subsidising parts for humanoid robots, "
     "its industry bureau said on 17 November. Makers can claim 30 percent of costs.", "en"),
    ("subsidy", "Qingshan bets on humanoid robot parts",
     "Qingshan announced a 2 billion yuan fund on Tuesday for motors, sensors and joints. "
     "Companies registered in the city may recover 30 percent of spending.", "en"),
    ("subsidy", "青山市设立机器人零部件补贴",
     "青山市工业局11月17日宣布，将投入20亿元补贴人形机器人零部件，企业最高可获得30%的成本补贴。",
     "zh"),
    ("standard", "Harbour Data Alliance publishes T/HDA 7-2026",
     "The Harbour Data Alliance (HDA) published standard T/HDA 7-2026 on 19 November, and "
     "57 companies pledged to follow it.", "en"),
    ("standard", "57 firms back HDA data standard",
     "Fifty-seven firms backed the new HDA standard T/HDA 7-2026, which sets rules for "
     "labelling training data.", "en"),
    ("standard", "海港数据联盟发布团体标准",
     "海港数据联盟（HDA）11月19日发布团体标准T/HDA 7-2026，已有57家企业承诺执行。", "zh"),
    ("fine", "Lakeside court fines Zhiyu over deepfake ads",
     "A court in Lakeside fined the platform Zhiyu 3 million yuan on 20 November for "
     "running deepfake advertisements of a news anchor.", "en"),
    ("fine", "Zhiyu must pay 3 million yuan for fake anchor ads",
     "Zhiyu, a video platform, was ordered to pay 3 million yuan after ads used a deepfake "
     "of a television anchor, the Lakeside court ruled.", "en"),
    ("fine", "智语平台因深度伪造广告被罚",
     "湖滨法院（Lakeside court）11月20日判决智语（Zhiyu）平台赔偿300万元，因其投放了仿冒新闻主播的深度伪造广告。",
     "zh"),
    ("lab", "Minister Zhao Lei opens AI safety lab",
     "Science minister Zhao Lei on 21 November opened a national AI safety laboratory in "
     "Hefei with 120 researchers.", "en"),
    ("lab", "Hefei gets national AI safety lab",
     "A national laboratory for AI safety opened in Hefei on Saturday, staffed by 120 "
     "researchers, minister Zhao Lei said.", "en"),
    ("lab", "国家人工智能安全实验室在合肥揭牌",
     "科技部部长赵磊（Zhao Lei）11月21日在合肥为国家人工智能安全实验室揭牌，实验室有120名研究人员。",
     "zh"),
    # Same beats, other events: these stay apart from the five stories.
    ("race", "Humanoid robots race in Pinefield",
     "Forty humanoid robots ran a half-marathon in Pinefield on Sunday, watched by 5,000 "
     "people.", "en"),
    ("race", "Pinefield robot half-marathon draws crowds",
     "About 5,000 spectators watched forty humanoid robots run the Pinefield half-marathon.",
     "en"),
    ("chips", "芯片企业融资",
     "南湖芯片公司完成8亿元融资，将用于建设新的封装测试工厂。", "zh"),
]


def _articles(make_article: MakeArticle) -> list[Article]:
    outlets = {"en": ["Harbor Ledger", "Meridian Review"], "zh": ["科技观察网"]}
    seen: dict[str, int] = {}
    arts = []
    for k, (event, title, body, lang) in enumerate(WEEK):
        n = seen[event + lang] = seen.get(event + lang, -1) + 1
        arts.append(make_article(body, title=title, language=lang, day=1 + k / 10,
                                 source=outlets[lang][n % len(outlets[lang])]))
    return arts


def test_each_chinese_report_joins_its_english_story(make_article: MakeArticle) -> None:
    labels = story_labels(_articles(make_article), topics=("AI", "人工智能")).labels
    events = [e for e, *_ in WEEK]
    story = {e: labels[i] for i, (e, *_, lang) in enumerate(WEEK) if lang == "en"}
    joined = [labels[i] == story[e] for i, (e, *_, lang) in enumerate(WEEK)
              if lang == "zh" and e in story]
    assert joined == [True] * 5
    # No story holds two events, and every English report sits with its own event.
    for lab in set(labels):
        assert len({events[i] for i, v in enumerate(labels) if v == lab}) == 1
    for i, (e, *_, lang) in enumerate(WEEK):
        if lang == "en":
            assert labels[i] == story[e]


def test_a_chinese_name_in_brackets_after_an_english_one_links_the_reports(
        make_article: MakeArticle) -> None:
    """An English report naming a company "Xinghe Intelligence (星河智能)" and its chief
    "Chen Lifeng (陈立峰)" stayed apart from the Chinese reports of the same launch: 星河智能
    ends in no suffix that marks a name, so the Chinese texts held no entity, and "1200亿，"
    read as 1200 (1200億, in traditional script, as 1200 too). The declared Chinese forms are
    found in Chinese text as written, and a figure's scale stands whatever follows it."""
    arts = [
        make_article("Shenzhen-based Xinghe Intelligence (星河智能) released Yunque 3, an open-weight "
                     "model with 120 billion parameters, on Tuesday. Chief executive Chen Lifeng "
                     "(陈立峰) said it was trained on domestic chips.", source="Harbourline",
                     title="Xinghe Intelligence releases Yunque 3"),
        make_article("Shanghai's robotaxi pilot reached the airport on Thursday with 50 cars, "
                     "the Shanghai Transport Commission said.", source="Harbourline",
                     title="Shanghai robotaxis reach the airport", day=3),
        make_article("深圳人工智能企业星河智能17日发布开源大模型“云雀3”，参数规模达1200亿，"
                     "首席执行官陈立峰表示，训练全部在国产芯片集群上完成。", source="南岸科技报",
                     title="星河智能发布开源大模型云雀3", language="zh"),
        make_article("深圳人工智能企業星河智能17日發布開源大模型「雲雀3」，參數規模達1200億，"
                     "首席執行官陳立峰表示，訓練全部在國產晶片集群上完成。", source="港灣財經",
                     title="星河智能發布開源大模型雲雀3", language="zh", day=1.5),
    ]
    labels = story_labels(arts, topics=("AI", "人工智能")).labels
    assert labels[2] == labels[0] and labels[3] == labels[0] and labels[1] != labels[0]


def test_a_chinese_figure_keeps_its_scale() -> None:
    index = EntityIndex([])
    assert {"n:1.2e+11", "n:7e+09", "n:50"} <= anchors(
        "参数规模达1200亿，另有70億參數的版本，首批50辆车。", index)


def test_a_traditional_report_joins_its_simplified_story(make_article: MakeArticle) -> None:
    """A Hong Kong outlet's report in traditional script, in its own words, stood as a story
    of its own beside the two simplified reports of the same race (found by qa40b): grouping
    reads its characters simplified (script.simplified)."""
    week = [
        ("广州举办首届人形机器人半程马拉松", "首届广州人形机器人半程马拉松21日在天河区举行，35台人形机器人"
         "参赛，最终21台完成全程。冠军由穗行机器人获得，用时2小时41分。"),
        ("人形机器人跑完半程马拉松 穗行夺冠", "21日，广州天河区举行人形机器人半程马拉松比赛。穗行机器人的"
         "参赛机器人以2小时41分的成绩夺冠，共有21台机器人完赛。"),
        ("穗行機器人奪得廣州人形機器人馬拉松冠軍", "在21日舉行的廣州人形機器人半程馬拉松中，穗行機器人以"
         "2小時41分奪冠，參賽的35台機器人中有21台跑完全程。"),
        ("杭州中小学明年开设人工智能必修课", "杭州市教育局21日宣布，从2027年秋季学期起，全市中小学将开设"
         "人工智能必修课，每学期不少于10课时。"),
        ("杭州将在中小学推行人工智能课程", "杭州市教育局表示，2027年起全市中小学每学期人工智能课程不少于"
         "10课时，教材由浙江大学编写。"),
    ]
    arts = [make_article(body, title=title, source="甲乙丙甲乙"[k], language="zh", day=5 + k / 10)
            for k, (title, body) in enumerate(week)]
    labels = story_labels(arts, topics=("人工智能",)).labels
    assert labels[0] == labels[1] == labels[2] != labels[3] == labels[4]


def test_english_counts_meet_chinese_ones(make_article: MakeArticle) -> None:
    """An English report of Shanghai's robotaxis reaching the airport ("50 vehicles", "about
    800,000 trips") and the Chinese reports of it (50辆, 80万单) stayed two stories, so an
    English issue printed the event twice, once in Chinese (found by qa40b): across scripts,
    an English figure before any plural word is an anchor."""
    arts = [
        make_article("Shanghai extended its driverless taxi pilot to Pudong International Airport "
                     "on Thursday, putting 50 vehicles into service. The pilot has completed about "
                     "800,000 trips in its first year.", source="Harbourline",
                     title="Shanghai robotaxis now serve Pudong airport", day=3),
        make_article("The Qingshan industry bureau will subsidise humanoid robot parts, it said on "
                     "Tuesday, and 12 firms have applied.", source="Harbourline",
                     title="Qingshan subsidises robot parts", day=1),
        make_article("上海市交通委员会19日宣布，无人驾驶出租车试点范围扩大至浦东国际机场，首批50辆车当天"
                     "投入运营。试点一年来累计完成约80万单行程。", source="南岸科技报",
                     title="上海无人驾驶出租车试点扩大至浦东机场", language="zh", day=3.1),
        make_article("上海的无人驾驶出租车从19日起可以往返浦东国际机场，首批投入运营的车辆共50辆，试点累计"
                     "完成约80万单行程。", source="新京观察", title="上海无人驾驶出租车开进浦东机场",
                     language="zh", day=3.2),
    ]
    labels = story_labels(arts, topics=("AI", "人工智能")).labels
    assert labels[2] == labels[3] == labels[0] != labels[1]
