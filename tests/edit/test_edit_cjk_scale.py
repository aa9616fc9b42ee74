"""Chinese end to end, and the blocking that keeps clustering from comparing all pairs."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import numpy as np

from digest.edit import edit_issue
from digest.edit.group.blocking import neighbour_graph
from digest.edit.group.space import Latent, vectorize
from digest.edit.group.stories import LSA_EXPONENT, ClusterSettings, cluster
from digest.models import Article, Newsletter, Period

MakeArticle = Callable[..., Article]

ZH_B = ("国家互联网信息办公室（网信办）表示，算法专项整治行动将持续到明年二月。平台必须让用户关闭个性化推荐。"
        "中国人工智能产业发展联盟的专家认为，这次行动会影响短视频平台。")
ZH_C = ("中国人工智能产业发展联盟成立于2017年，成员包括华为、百度和阿里巴巴。联盟发布了新的人工智能风险管理标准。"
        "中国人工智能产业发展联盟表示将推动行业自律。")


def test_chinese_week(period: Period, make_article: MakeArticle, texts: Any) -> None:
    arts = [make_article(texts.ZH_A, source="新华社", title="网信办开展算法专项整治", language="zh"),
            make_article(ZH_B, source="澎湃新闻", title="算法整治行动持续到二月", language="zh", day=2),
            make_article(ZH_C, source="人民日报", title="人工智能联盟发布标准", language="zh", day=3)]
    nl = Newsletter(title="中国AI周报", topics=("人工智能", "算法"), language="zh")
    issue = edit_issue(period, arts, newsletter=nl, sources=[], health=[])
    assert {a.status for a in issue.articles} == {"used"}
    top = issue.stories[0]
    assert {c.source for c in top.articles} == {"新华社", "澎湃新闻"}
    # Both outlets' sentences, facts uncredited in the prose (the sources are listed under it).
    assert {u for s in top.sentences for u in s.sources} == {
        a.url for a in arts if a.source in {"新华社", "澎湃新闻"}}
    assert not any(s.text.startswith("据") for s in top.sentences)
    assert all(" " not in s.headline for s in issue.stories) and top.headline
    assert all(s.text[-1] in "。！？" for s in top.sentences)
    assert issue.explainer is not None
    assert issue.explainer.entity == "中国人工智能产业发展联盟"
    # "…联盟成立于2017年，成员包括…" is the one sentence that says what it is: it answers
    # "Which is?" (an Explainer needs a definition), so no other answer repeats it.
    assert issue.explainer.qa[0].question == "Which is?"
    assert sum("成立" in qa.text for qa in issue.explainer.qa) == 1


def test_candidate_graph_is_capped_not_all_pairs() -> None:
    titles = [f"Storm {k % 50} hits coast town number {k}" for k in range(400)]
    x = vectorize(titles)
    edges = neighbour_graph(x, k=5)
    per_node: dict[int, int] = {}
    for a, _ in edges:
        per_node[a] = per_node.get(a, 0) + 1
    assert max(per_node.values()) <= 5
    assert len(edges) < 400 * 5 + 1  # versus 79,800 pairs


def test_giant_component_is_split_into_blocks() -> None:
    titles = ([f"Flood warning for river town {k}" for k in range(30)]
              + [f"Central bank raises interest rates again {k}" for k in range(30)])
    labels = cluster(titles, settings=ClusterSettings(lsa=0, max_block=20))
    assert len(set(labels[:30]) & set(labels[30:])) == 0
    assert len(set(labels[:30])) <= 3 and len(set(labels[30:])) <= 3


def test_latent_needs_shared_words_too() -> None:
    """The geometric mean: a pair close only in the latent space (no shared words) stays apart."""
    lat = Latent(np.eye(2, dtype=np.float32), weight=LSA_EXPONENT, geometric=True)
    assert float(lat.combine(np.array(0.0), np.array(0.95))) == 0.0
    assert float(lat.combine(np.array(0.3), np.array(0.9))) > float(
        lat.combine(np.array(0.3), np.array(0.2)))


def _headline_week(seed: int = 7) -> tuple[list[str], list[int]]:
    rng = random.Random(seed)
    subjects = ["volcano erupts near island village", "central bank raises interest rates",
                "striking dockworkers close harbour", "satellite launch delayed by weather",
                "chess champion wins title match", "drought cuts wheat harvest forecast",
                "museum returns looted bronze statues", "airline orders new long-haul jets",
                "court blocks merger of rival telecoms", "measles outbreak prompts school closures"]
    filler = ["report", "update", "live", "analysis", "today", "video", "latest", "breaking",
              "officials", "say", "week", "news", "watch", "local", "world", "morning"]
    titles, gold = [], []
    for k in range(600):
        story = k % len(subjects)
        words = subjects[story].split()
        kept = rng.sample(words, 4)
        titles.append(" ".join([*kept, *rng.sample(filler, 3)]).capitalize())
        gold.append(story)
    return titles, gold


def test_headline_week_with_latent_space_across_cut_blocks() -> None:
    """600 headlines (LSA on) clustered exactly, then again with blocks cut at 40 documents:
    average link continues across the cuts (geometric mean, pair by pair), stories stay pure."""
    titles, gold = _headline_week()
    whole = cluster(titles)
    cut = cluster(titles, settings=ClusterSettings(max_block=40))
    for labels in (whole, cut):
        for lab in set(labels):
            assert len({gold[i] for i, v in enumerate(labels) if v == lab}) == 1
        assert len(set(labels)) <= 3 * len(set(gold))


def test_many_headlines_with_few_distinct_words() -> None:
    """500+ headlines (LSA on) but fewer distinct terms than LSA dimensions: no crash."""
    labels = cluster(["Fed raises rates", "Fed raises rates again", "Snow closes schools"] * 200)
    assert len(set(labels)) == 2
    assert len(set(cluster(["Fed raises", "Fed raises"] * 300))) == 1
