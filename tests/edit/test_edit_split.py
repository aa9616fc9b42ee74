"""A story that tells two events sharing a subject comes apart (group/split.py)."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from digest.edit.group import story_labels
from digest.edit.group.space import vectorize
from digest.edit.group.split import SplitSettings, bisect, residual_sims, split_stories
from digest.models import Article

MakeArticle = Callable[..., Article]

ON = SplitSettings()  # the shipped settings
OFF = SplitSettings(ncut=0.0)

# Two events whose reports share a subject word ("Northwind"): an airline ends a partnership,
# an outfitter misses its forecast. Invented names, so nothing here comes from a benchmark.
AIRLINE = [
    "Northwind Airlines ends ticketing pact with Skyhop",
    "Northwind Airlines, Skyhop end interline agreement",
    "Northwind Airlines cuts ties with Skyhop",
    "Skyhop and Northwind Airlines end partnership",
    "Northwind Airlines to end Skyhop ticketing agreement",
    "Northwind Airlines and Skyhop end interline pact",
]
OUTFITTER = [
    "Northwind Outfitters profit falls on weak holiday sales",
    "Northwind Outfitters forecast disappoints, shares slip",
    "Northwind Outfitters shares slip on weak forecast",
    "Northwind Outfitters holiday sales fall, profit down",
    "Northwind Outfitters warns on profit as sales fall",
    "Weak forecast sends Northwind Outfitters shares lower",
]
# One event told in many wordings: the words beside the subject overlap in a web.
ONE_EVENT = [
    "Harbour council approves new ferry terminal plan",
    "Council backs ferry terminal after long debate",
    "New ferry terminal wins council vote",
    "Harbour ferry terminal plan passes council vote",
    "Council approves harbour terminal for ferries",
    "Ferry terminal approved by harbour council",
    "Harbour council votes for new terminal",
    "Plan for new ferry terminal passes",
    "Harbour terminal plan approved after debate",
    "Council vote backs new harbour ferry plan",
    "Ferry plan wins approval from council",
    "New terminal for harbour ferries approved",
]


def test_two_events_that_share_a_subject_come_apart() -> None:
    docs = AIRLINE + OUTFITTER
    labels = split_stories([0] * len(docs), vectorize(docs), ON)
    assert len(set(labels[:6])) == 1 and len(set(labels[6:])) == 1
    assert labels[0] != labels[6]


def test_one_event_in_many_wordings_stays_whole() -> None:
    assert len(set(split_stories([0] * len(ONE_EVENT), vectorize(ONE_EVENT), ON))) == 1


def test_other_stories_keep_their_labels_and_off_changes_nothing() -> None:
    docs = AIRLINE + OUTFITTER + ["A lone report about something else"]
    x = vectorize(docs)
    before = [0] * 12 + [5]
    assert split_stories(before, x, OFF) == before  # ncut 0: off
    after = split_stories(before, x, ON)
    assert after[12] == 5 and len(set(after)) == 3


def test_without_the_subject_the_two_events_barely_touch() -> None:
    x = vectorize(AIRLINE + OUTFITTER)
    whole = (x @ x.T).toarray()
    sims = residual_sims(x, range(12), 0.5)
    assert sims is not None
    assert whole[:6, 6:].min() > 0  # precondition: every pair shares the subject
    assert sims[:6, 6:].mean() < 0.05
    assert sims[:6, :6].mean() > 0.3 and sims[6:, 6:].mean() > 0.3
    assert residual_sims(x, [0], 0.5) is None  # one report: nothing is left to compare


def test_no_balanced_cut_means_no_split() -> None:
    sims = np.ones((5, 5))
    assert bisect(sims, 3) is None  # 5 items cannot give two sides of 3
    found = bisect(np.eye(6), 3)
    assert found is None  # nothing links: no side has a member with a link


# One event in two languages: the words beside the shared names are English on one side and
# Chinese on the other, so a split along them would be a split by language, not by event.
BILINGUAL = [
    ("Kestrel Robotics releases Falcon-2",
     "Shanghai developer Kestrel Robotics on 18 November released Falcon-2, a model for "
     "warehouse arms with 70 billion parameters. The company said 40 firms tested it.", "en"),
    ("Kestrel's second model goes public",
     "Kestrel Robotics published its Falcon-2 model on 18 November. The 70 billion parameter "
     "system controls warehouse arms, the Shanghai firm said; 40 firms tested it.", "en"),
    ("Falcon-2 arrives for warehouse robot arms",
     "Falcon-2, the warehouse-arm model Kestrel Robotics released in Shanghai on 18 November, "
     "has 70 billion parameters and was tested by 40 firms.", "en"),
    ("红隼机器人发布仓储机械臂模型",
     "上海红隼机器人公司（Kestrel Robotics）11月18日发布Falcon-2模型，参数规模达700亿，"
     "已有40家企业参与测试。", "zh"),
    ("红隼机器人新模型上线",
     "红隼机器人公司11月18日在上海推出用于仓储机械臂的新模型，参数规模700亿，"
     "共有40家企业参与了测试，公司表示模型将面向物流行业开放。", "zh"),
]


def test_one_event_in_two_languages_is_not_split_by_language(
        make_article: MakeArticle) -> None:
    arts = [make_article(body, title=title, language=lang, source=f"Outlet {k}")
            for k, (title, body, lang) in enumerate(BILINGUAL)]
    labels = story_labels(arts).labels
    assert len(set(labels)) == 1
