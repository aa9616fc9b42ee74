"""Another outlet's sentence telling a printed fact in other words, known by the embedding
extra (write/alike.py). Every text here is made up for the test; the tests needing the model
are skipped unless the extra is installed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from digest.edit import edit_issue
from digest.edit.group import embeddings
from digest.edit.settings import PARAGRAPH
from digest.edit.write import alike
from digest.edit.write.alike import told_alike
from digest.edit.write.lines import story_lines
from digest.edit.write.paragraph import Pick
from digest.models import Article, EditorSettings, Newsletter, Period

MakeArticle = Callable[..., Article]

needs_model = pytest.mark.skipif(not embeddings.is_available(),
                                 reason="embedding extra not installed: " + embeddings.INSTALL)

SENTENCED = "Former Harlow treasurer Ada Lin sentenced for embezzlement"
SENTENCE = ("Former Harlow treasurer Ada Lin was sentenced on Thursday to three years and four "
            "months in prison for embezzling council funds.")
# The same sentence in other words and another figure for the same term (a word test reads
# "40-month" as new).
TERM = ("Lin received a 40-month prison term on Thursday after she was convicted of stealing "
        "from the town's coffers.")
APPEAL = ("Lin's lawyers said they would appeal, arguing the judge had ignored her years of "
          "service to the town.")
BANNED = "Streamly bans broadcaster Max Dorne"
BAN = "The video site Streamly banned the channel of conspiracy broadcaster Max Dorne on Wednesday."
KICKED = ("Conspiracy broadcaster Max Dorne has been kicked off Streamly, the platform "
          "confirmed Wednesday.")
FOLLOWERS = ("Dorne's channel had more than two million subscribers and earned him advertising "
             "money for a decade.")


def _picks(make_article: MakeArticle, *texts: str) -> list[Pick]:
    arts = [make_article(t, source=f"Outlet {n}", title=f"Title {n}", day=1 + n / 10)
            for n, t in enumerate(texts)]
    return [Pick(ln, ln.text, lead=True) for ln in story_lines(arts, "en")]


@needs_model
def test_a_sentence_telling_a_printed_fact_in_other_words_goes(
        make_article: MakeArticle) -> None:
    # (cosine 0.74: one term, told by another figure)
    picks = _picks(make_article, SENTENCE, TERM)
    assert told_alike(picks, SENTENCED) == {picks[1].line.key}
    picks = _picks(make_article, BAN, KICKED)  # (0.79)
    assert told_alike(picks, BANNED) == {picks[1].line.key}
    # Under the line (`retold_alike`) it stays.
    assert not told_alike(picks, BANNED, replace(PARAGRAPH, retold_alike=((0.8, 0.0),)))


STORM = "Storm Elsa knocked out power to 200,000 homes across Kerala on Sunday."
# The same fact in other words, less alike as a whole (cosine 0.68) but word for word
# (alignment F1 0.71: power / electricity, homes / households).
DARK = ("Hundreds of thousands of households in Kerala were left without electricity after "
        "Storm Elsa hit on Sunday.")
PASSED = "The Senate passed the farm bill on Thursday by a vote of 68 to 31."
# Another act on the same bill, as alike as a whole (0.66) but not word for word (0.48).
NEXT = "The House is expected to take up the farm bill next week, its leaders said Thursday."


@needs_model
def test_a_retelling_alike_word_for_word_goes_another_act_stays(
        make_article: MakeArticle) -> None:
    picks = _picks(make_article, STORM, DARK)
    assert told_alike(picks, "Storm Elsa in Kerala") == {picks[1].line.key}
    # With the sentences' cosine alone (the 0.70 line) it was printed.
    assert not told_alike(picks, "Storm Elsa in Kerala",
                          replace(PARAGRAPH, retold_alike=((0.70, 0.0),)))
    # The House's next step is another act: its words do not match the Senate's vote.
    assert not told_alike(_picks(make_article, PASSED, NEXT), "Senate passes farm bill")
    # Nor does the opening go when the retelling comes first.
    picks = _picks(make_article, DARK, STORM)
    assert told_alike(picks, "Storm Elsa in Kerala") == {picks[1].line.key}


@needs_model
def test_another_fact_of_the_story_the_opening_and_the_headline_stay(
        make_article: MakeArticle) -> None:
    # Another fact on the same topic is far from the printed one (0.37, 0.46).
    assert not told_alike(_picks(make_article, SENTENCE, APPEAL), SENTENCED)
    assert not told_alike(_picks(make_article, BAN, FOLLOWERS), BANNED)
    # The opening never goes, nor a sentence of its article: the later of the two goes.
    picks = _picks(make_article, TERM, SENTENCE)
    assert told_alike(picks, "Lin gets prison term") == {picks[1].line.key}
    same = [picks[0], Pick(replace(picks[1].line, article=picks[0].line.article),
                           SENTENCE, lead=False)]
    assert not told_alike(same, "Lin gets prison term")
    # One writing a word of the headline the rest does not ("convicted", "stealing") tells
    # what the headline promises: it stays.
    assert not told_alike(_picks(make_article, SENTENCE, TERM), "Lin convicted of stealing")


@needs_model
def test_the_issue_prints_the_fact_once_with_the_extra_only(
        make_article: MakeArticle, period: Period) -> None:
    arts = [make_article(f"{SENTENCE} {APPEAL}", source="Outlet A",
                         title="Former treasurer Ada Lin sentenced", day=1),
            make_article(TERM, source="Outlet B", title="Lin gets 40 months", day=1.1)]

    def texts(editor: EditorSettings) -> list[str]:
        issue = edit_issue(period, arts, newsletter=Newsletter(title="T"), sources=[],
                           health=[], editor=editor)
        return [s.text for s in issue.stories[0].sentences]

    off = texts(EditorSettings())
    assert off[0] == SENTENCE and any(TERM in t for t in off)
    assert not any(TERM in t for t in texts(EditorSettings(embeddings=True)))


def test_without_the_model_nothing_goes(make_article: MakeArticle,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embeddings, "is_available", lambda: False)
    monkeypatch.setattr(alike, "_READ", {})
    assert not told_alike(_picks(make_article, SENTENCE, TERM), SENTENCED)
    assert not told_alike(_picks(make_article, SENTENCE, TERM), SENTENCED,
                          replace(PARAGRAPH, retold_alike=((0.0, 0.0),)))


# Two Chinese outlets on two facts of one week: the English encoder reads them 0.84 alike.
NOTICE = "国家网信办周一发布通知，要求平台在明年三月前整改推荐算法。"
FUND = "深圳市工信局周日宣布，将在三年内投入十五亿元补贴机器人零部件。"


@needs_model
def test_chinese_sentences_are_never_measured(make_article: MakeArticle) -> None:
    # all-MiniLM-L6-v2 is English: two Chinese sentences on unrelated facts lie as close as a
    # retelling, so neither is measured nor measured against.
    arts = [make_article(t, source=f"Outlet {n}", title=f"Title {n}", day=1 + n / 10)
            for n, t in enumerate((NOTICE, FUND))]
    picks = [Pick(ln, ln.text, lead=True) for ln in story_lines(arts, "zh")]
    assert len(picks) == 2
    assert not told_alike(picks, "网信办要求整改推荐算法")
