"""Chinese end to end, and the blocking that keeps clustering from comparing all pairs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from digest.edit import edit_issue, stories
from digest.edit.stories import ClusterSettings, cluster, neighbour_graph, vectorize
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
    assert any(s.text.startswith("据") and "报道，" in s.text for s in top.sentences)
    assert all(" " not in s.headline for s in issue.stories) and top.headline
    assert all(s.text[-1] in "。！？" for s in top.sentences)
    assert issue.explainer is not None
    assert issue.explainer.entity == "中国人工智能产业发展联盟"
    assert any("成立" in qa.text for qa in issue.explainer.qa if qa.question == "Been around long?")


def test_candidate_graph_is_capped_not_all_pairs() -> None:
    titles = [f"Storm {k % 50} hits coast town number {k}" for k in range(400)]
    x = vectorize(titles)
    edges = neighbour_graph(x, k=5)
    per_node: dict[int, int] = {}
    for a, _ in edges:
        per_node[a] = per_node.get(a, 0) + 1
    assert max(per_node.values()) <= 5
    assert len(edges) < 400 * 5 + 1  # versus 79,800 pairs


def test_giant_component_is_split_into_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stories, "MAX_BLOCK", 20)
    titles = ([f"Flood warning for river town {k}" for k in range(30)]
              + [f"Central bank raises interest rates again {k}" for k in range(30)])
    labels = cluster(titles, settings=ClusterSettings(lsa=0))
    assert len(set(labels[:30]) & set(labels[30:])) == 0
    assert len(set(labels[:30])) <= 3 and len(set(labels[30:])) <= 3
