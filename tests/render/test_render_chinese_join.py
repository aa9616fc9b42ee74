"""Chinese sentences printed as one paragraph are joined with no space, as Chinese is set
("…规定。提出…"); English ones, and an English sentence beside a Chinese one, with one."""

from __future__ import annotations

import pytest

from digest.sentences import join_sentences


@pytest.mark.parametrize(("sentences", "joined"), [
    (["国家网信办发布新规定。", "规定提出三项要求。"], "国家网信办发布新规定。规定提出三项要求。"),
    (["他说：“我们会加快建设。”", "（此前已有试点）"], "他说：“我们会加快建设。”（此前已有试点）"),
    (["The bureau issued rules.", "They take effect in March."],
     "The bureau issued rules. They take effect in March."),
    (["The bureau issued rules (清源).", "规定提出三项要求。"],
     "The bureau issued rules (清源). 规定提出三项要求。"),
    (["规定提出三项要求。", "Platforms must comply."], "规定提出三项要求。 Platforms must comply."),
    ([], ""),
])
def test_sentences_join_as_their_language_sets_them(sentences: list[str], joined: str) -> None:
    assert join_sentences(sentences) == joined


def test_a_chinese_storys_paragraph_prints_without_spaces() -> None:
    from digest.models import Story
    from tests.render.issue_factory import cite, sent

    c = cite("新华", "a", "新规定")
    story = Story(rank=1, section="in_our_feeds", headline="新规定",
                  sentences=(sent("国家网信办发布新规定。", c), sent("规定提出三项要求。", c)),
                  articles=(c,))
    assert story.summary == "国家网信办发布新规定。规定提出三项要求。"
