"""Editor-quality rules (issue #5): headlines, the newsletter's language, the Explainer's
answers, the TL;DR. Every text here is made up for the test (no sample or seed text)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from digest.edit.lexicon import CJK_RE
from digest.edit.proof.explainer import dateline, explainer_strikes
from digest.edit.select import select
from digest.edit.settings import QUESTIONS, Settings
from digest.edit.week import Week, read
from digest.edit.write.explainer import build_explainer, choose_entity
from digest.edit.write.grounding import founding, trace
from digest.edit.write.tldr import main_clause
from digest.models import Article, Newsletter, Period
from digest.sentences import split_sentences

MakeArticle = Callable[..., Article]


ALLIANCE = [
    ("The summit was co-hosted by the Harbour Data Alliance (HDA), a standards body "
     "headquartered in Ningbo. HDA published a data-sharing standard on the first day, which "
     "asks members to log every transfer. It will be chaired by Professor Ada Lin."),
    ("The Harbour Data Alliance (HDA), an industry group whose members include several port "
     "operators, welcomed the rules. HDA's member list of more than 200 firms includes Ningbo "
     "Port Group and Coastline Shipping. Two of HDA's standards have been cited as references "
     "by the national standards office."),
    ("海港数据联盟于2018年在宁波成立，目前成员企业超过200家。海港数据联盟（HDA）本周发布了数据共享标准。"),
]


def week_of(make_article: MakeArticle, bodies: list[str], period: Period
            ) -> tuple[list[Article], Week]:
    """A week of `bodies`, one outlet each (a body in Chinese script is a Chinese article),
    selected for the newsletter: the articles and the week."""
    arts = [make_article(b, source=f"Outlet {k}", title=f"Story {k}",
                         language="zh" if CJK_RE.search(b[:5]) else "en")
            for k, b in enumerate(bodies)]
    return arts, select(read(arts), period, Newsletter(title="T"), [])


def _explainer(make_article: MakeArticle, bodies: list[str], period: Period) -> Any:
    arts, week = week_of(make_article, bodies, period)
    choice = choose_entity(week.index, [[r] for r in week.used])
    assert choice is not None
    return arts, build_explainer(week, choice, len(arts), "en", Settings().explainer)


def test_which_is_is_the_shortest_definition_cut_to_its_clause(make_article: MakeArticle,
                                                               period: Period) -> None:
    arts, exp = _explainer(make_article, ALLIANCE, period)
    answers = {q.question: q for q in exp.qa}
    which = answers["Which is?"].answer
    assert [s.text for s in which] == [
        "The Harbour Data Alliance (HDA) is a standards body headquartered in Ningbo."]
    sources = [x for a in arts for x in split_sentences(a.text)]
    for qa in exp.qa:
        assert 1 <= len(qa.answer) <= 3
        for s in qa.answer:
            assert trace(s.text, sources), s.text
    # No sentence twice, none that leans on the one before ("It will be chaired …"), and each
    # answer matches its question's cues (Which is? by its definition).
    texts = [s.text for qa in exp.qa for s in qa.answer]
    assert len(texts) == len(set(texts))
    assert not any(t.startswith("It ") for t in texts)
    cues = dict(QUESTIONS)
    for qa in exp.qa[1:]:
        assert all(re.search(cues[qa.question], s.text, re.IGNORECASE) for s in qa.answer)
    assert answers["Who's in it?"].answer[0].text.startswith("HDA's member list")
    # No English sentence says when it was founded; the Chinese one does, but an English
    # issue never answers in Chinese: the question is left out.
    assert "Been around long?" not in answers
    # "more than 200 firms" is one fact: said once, in one answer.
    assert sum("200" in t for t in texts) <= 1


def test_an_english_founding_sentence_beats_the_chinese_one(make_article: MakeArticle,
                                                           period: Period) -> None:
    bodies = [*ALLIANCE, "The Harbour Data Alliance was founded in Ningbo in 2018 by three "
                         "port operators."]
    _, exp = _explainer(make_article, bodies, period)
    founded = next(q for q in exp.qa if q.question == "Been around long?")
    assert [s.text for s in founded.answer] == [
        "The Harbour Data Alliance was founded in Ningbo in 2018 by three port operators."]


def test_a_founding_told_beside_the_members_answers_been_around_long(
        make_article: MakeArticle, period: Period) -> None:
    """A sentence that tells the founding in an appositive and the members in its predicate
    answers "Been around long?" with the founding, cut to its clause; the members answer
    "Who's in it?", and "more than 200" is told once."""
    bodies = [*ALLIANCE[:2], "HDA, founded in 2018 by the Ningbo Port Authority, two shipping "
              "lines and a university, now has more than 200 members, among them Coastline "
              "Shipping and Eastgate Logistics."]
    arts, exp = _explainer(make_article, bodies, period)
    answers = {q.question: [s.text for s in q.answer] for q in exp.qa}
    assert answers["Been around long?"] == [
        "HDA was founded in 2018 by the Ningbo Port Authority, two shipping lines and a "
        "university."]
    assert any("200" in t for t in answers["Who's in it?"])  # the members, apart
    texts = [t for said in answers.values() for t in said]
    assert sum("200" in t for t in texts) == 1
    sources = [x for a in arts for x in split_sentences(a.text)]
    assert all(trace(t, sources) for t in texts)


def test_a_sentence_opening_on_the_acronym_and_a_comma_is_no_dateline(
        make_article: MakeArticle, period: Period) -> None:
    """"HDA, an industry body, said …" opens on the entity, not on a place: it may answer (the
    pool and the copy editor read it alike); a place in capitals before a comma is still a
    dateline."""
    said = ("HDA, in a statement on Monday, said its standard would be adopted by four "
            "harbours from March.")
    _, exp = _explainer(make_article, [*ALLIANCE[:2], said], period)
    assert said in [s.text for q in exp.qa for s in q.answer]
    assert not explainer_strikes(exp)
    assert dateline("NINGBO, March 2 — The port opened.", ["HDA"])
    assert not dateline("HDA, an industry body, said so.", ["Harbour Data Alliance", "HDA"])
    assert not dateline("HDA (the alliance) said so.", ["HDA"])


@pytest.mark.parametrize(("sentence", "parts"), [
    ("HDA, founded in 2018 by the port, two lines and a university, now has 200 members.",
     ("HDA was founded in 2018 by the port, two lines and a university.",
      "HDA now has 200 members.")),
    ("The Harbour Data Alliance, which was set up in 2018, said on Monday it would act.",
     ("The Harbour Data Alliance was set up in 2018.",
      "The Harbour Data Alliance said on Monday it would act.")),
    ("HDA, founded in 2018, and based in Ningbo.", None),  # no predicate after it
    ("HDA, founded in 2018, said so.", None),  # too little left to say anything
    ("HDA, an alliance founded in 2018, has 200 members.", None),  # a definition, not a founding
])
def test_founding_cuts_the_appositive_from_the_rest(sentence: str,
                                                     parts: tuple[str, str] | None) -> None:
    assert founding(sentence) == parts


def test_main_clause_keeps_a_short_sentence_whole() -> None:
    assert main_clause("Short one, requiring more.") == "Short one, requiring more."
    assert main_clause("The Ningbo Port Forum opened on Tuesday, drawing 400 delegates.") == (
        "The Ningbo Port Forum opened on Tuesday.")


def test_trace_accepts_light_compression_only() -> None:
    src = ["The forum was co-hosted by the Harbour Data Alliance (HDA), a standards body "
           "headquartered in Ningbo.", "The Ningbo Port Forum opened on Tuesday, drawing "
           "400 delegates."]
    assert trace("The Harbour Data Alliance (HDA) is a standards body headquartered in Ningbo.",
                 src)
    assert trace("The Ningbo Port Forum opened on Tuesday.", src)
    assert not trace("The Harbour Data Alliance (HDA) is a lobby group.", src)
    assert not trace("The Ningbo Port Forum opened.", src)


def test_explainer_sentence_that_leans_on_the_one_before_is_not_an_answer_start() -> None:
    from digest.edit.write.explainer_orgs import _leans_back
    forms = ["Northern Data Alliance", "NDA"]
    assert _leans_back("The standard is voluntary, but NDA said 12 members signed it.", forms)
    assert not _leans_back("The alliance was founded in 2019 in Tromsø.", forms)
    assert not _leans_back("NDA said 12 members signed the standard.", forms)


def test_each_answer_answers_its_question_and_names_the_entity_short_after_the_first(
        make_article: MakeArticle, period: Period) -> None:
    # "…, an industry group whose members include several port operators, welcomed the
    # rules": its membership is an aside; what it says is a reaction.
    arts, exp = _explainer(make_article, ALLIANCE, period)
    answers = {q.question: [s.text for s in q.answer] for q in exp.qa}
    assert not any("welcomed" in t for t in answers["Who's in it?"]), answers
    assert any("welcomed the rules" in t for t in answers["Why does it matter?"]), answers
    # The first answer introduced "the Harbour Data Alliance (HDA)"; later ones say "HDA".
    later = [t for q in exp.qa[1:] for t in (s.text for s in q.answer)]
    assert "HDA, an industry group whose members include" in " ".join(later)
    assert not any("Harbour Data Alliance (HDA)" in t for t in later), later
    sources = [x for a in arts for x in split_sentences(a.text)]
    assert all(trace(t, sources) for t in later)


def test_an_answer_never_names_the_noun_its_article_introduced(make_article: MakeArticle,
                                                               period: Period) -> None:
    # "welcomed the campaign": which campaign? Its article said; the Explainer did not.
    campaign = ("Ningbo's port office on Monday launched a campaign against late data filings. "
                "The Harbour Data Alliance (HDA) said it welcomed the campaign and would "
                "criticise members that file late.")
    _, exp = _explainer(make_article, [*ALLIANCE, campaign], period)
    texts = [s.text for q in exp.qa for s in q.answer]
    assert not any("the campaign" in t for t in texts), texts
    assert any("welcomed the rules" in t for t in texts), texts  # "the rules": never introduced


def test_a_bare_role_leans_on_the_event_before_it() -> None:
    from digest.edit.lexicon import dangles
    assert dangles("Organisers, including the Harbour Data Alliance, pitched open data.")
    assert dangles("Critics say the statement doubles as a trade argument.")
    assert not dangles("Researchers at the Ningbo Institute found the data incomplete.")
    assert not dangles("Organisers of the Ningbo Port Forum pitched open data.")


def test_that_after_a_verb_is_a_conjunction_not_a_reference() -> None:
    from digest.edit.lexicon import dangles
    assert not dangles("The mayor said on Thursday that his city would meet its goal early.")
    assert dangles("The alliance released that dataset in 2025.")


PERSON_WEEK = [
    ("Senate Majority Leader Dana Reyes blocked the harbour funding bill on Tuesday. Reyes "
     "told reporters the bill would raise port fees for every shipper."),
    ("Port unions condemned Dana Reyes for blocking the harbour bill. Reyes is expected to "
     "call a second vote on the ports next month. He said it was over"),
    ("Dana Reyes, the Senate majority leader, said on Friday that the ports of Ohio need new "
     "money for dredging."),
    ("码头工会批评了参议院多数党领袖雷耶斯（Dana Reyes）。"),
]
# The same week with the person only ever named behind a title: no source says who she is.
TITLED_WEEK = [*PERSON_WEEK[:2],
               "Senate Majority Leader Dana Reyes said on Friday that the ports of Ohio need "
               "new money for dredging.", PERSON_WEEK[3]]


def test_a_person_is_explained_by_what_the_sources_say_they_are(make_article: MakeArticle,
                                                                period: Period) -> None:
    from digest.edit.proof.explainer import explainer_strikes
    from digest.edit.write.explainer import explain

    arts, week = week_of(make_article, PERSON_WEEK, period)
    exp, note = explain(week, [[r] for r in week.used], "en", Settings().explainer)
    assert exp is not None and note is None
    assert exp.entity == "Dana Reyes" and exp.aliases == ("Reyes",)
    answers = {q.question: [s.text for s in q.answer] for q in exp.qa}
    assert exp.qa[0].question == "Who is Reyes?"
    assert answers["Who is Reyes?"] == ["Dana Reyes is the Senate majority leader."]
    assert len(answers) >= 3
    sources = [x for a in arts for x in split_sentences(a.text)]
    for question, texts in answers.items():
        assert question == "Who is Reyes?" or all(trace(t, sources) for t in texts), texts
        assert not any(CJK_RE.search(t) for t in texts)  # an English issue
    assert "He said it was over" not in " ".join(t for ts in answers.values() for t in ts)
    assert explainer_strikes(exp) == []
    # Not an Explainer on a person the settings leave out.
    orgs = Settings().explainer.__class__(kinds=("org",))
    assert explain(week, [[r] for r in week.used], "en", orgs)[0] is None
    # A Chinese issue: no English sentence answers, and the Chinese one has no English title
    # before the name to define him by, so there is no Explainer on him.
    zh, _ = explain(week, [[r] for r in week.used], "zh", Settings().explainer)
    assert zh is None or all(CJK_RE.search(s.text) for q in zh.qa for s in q.answer)


def test_a_person_is_explained_by_the_role_the_sources_write_before_the_name(
        make_article: MakeArticle, period: Period) -> None:
    """Sources that only ever write "Senate Majority Leader Dana Reyes" say who she is in
    the role they put before her name: "Dana Reyes is the Senate majority leader." (Until
    session 22 she got no Explainer; a rank alone, "President Donald Trump", still defines
    no one: tests/edit/test_edit_explainer_roles.py.)"""
    from digest.edit.proof.explainer import explainer_strikes
    from digest.edit.write.explainer import explain

    _, week = week_of(make_article, TITLED_WEEK, period)
    exp, note = explain(week, [[r] for r in week.used], "en", Settings().explainer)
    assert exp is not None and note is None
    assert [s.text for s in exp.qa[0].answer] == ["Dana Reyes is the Senate majority leader."]
    assert explainer_strikes(exp) == []


def test_a_persons_answers_come_from_different_stories(make_article: MakeArticle,
                                                       period: Period) -> None:
    """Three outlets' accounts of one event are one fact in three wordings: no two answers
    come from one story."""
    from digest.edit.write.explainer import explain

    bodies = [*PERSON_WEEK[:3],
              "Senator Dana Reyes said on Monday she blocked the harbour bill to stop higher fees."]
    arts, week = week_of(make_article, bodies, period)
    reads = {r.url: r for r in week.used}
    one = [reads[arts[0].url], reads[arts[3].url]]  # the blocked bill, twice
    exp, _ = explain(week, [one, [reads[arts[1].url]], [reads[arts[2].url]]], "en",
                     Settings().explainer)
    assert exp is not None
    cited = [s.sources[0] for q in exp.qa[1:] for s in q.answer]
    assert not (arts[0].url in cited and arts[3].url in cited), cited
