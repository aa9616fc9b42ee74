"""An Explainer's answer must carry a fact a reader can place (session 23): the copy editor
strikes, and the writer never picks, speech with nothing said, a reply to a question not
printed, a decision never told, a source's slip, a speaker never named, a "What's next?" that
is what someone said, and a sentence that follows one not printed."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from digest.edit.proof.answer import misspelt, no_fact, word_counts
from digest.edit.proof.explainer import LEANS, explainer_strikes
from digest.edit.proof.questions import fault as proof_fault
from digest.edit.select import select
from digest.edit.settings import Settings
from digest.edit.week import read
from digest.edit.write.explainer import explain
from digest.models import QA, Article, Explainer, Newsletter, Period, Sentence

MakeArticle = Callable[..., Article]
FORMS = ["Dana Reyes", "Reyes"]


@pytest.mark.parametrize(("text", "why"), [
    ("Dana Reyes said something very odd Tuesday in an interview with a radio host.",
     "speech with nothing said"),
    ("Former Governor Dana Reyes made an overlooked but insightful statement to the board.",
     "speech with nothing said"),
    ("“I think I do, but it is early,” Reyes told a radio host on Sunday.",
     "a reply to a question not printed"),
    ("“Bo called me this morning to tell me of his decision,” Reyes wrote in a statement.",
     "a decision or remarks never told"),
    ("Reyes made her frank remarks in a visit to Ohio on Friday.", "speech with nothing said"),
    ("Judge Dana Reyes delivered her decision at the court in a case on Friday.",
     "a decision or remarks never told"),
    ("Inspector General Dana Reyes will told lawmakers the audit failed.",
     "the source's slip (a modal before a past)"),
    ("A subpoena for Reyes is likely, the New York Democrat told reporters on Wednesday.",
     "a speaker never named"),
    # what was said follows, or which one is told: a fact
    ("Dana Reyes said something odd: that the ports need no money.", None),
    ("Dana Reyes made a statement calling the harbour bill a disgrace.", None),
    ("Dana Reyes said his claim that the ports were broke was wrong.", None),
    ("Dana Reyes put the plan to dredge the harbour to a vote.", None),
    ("Dana Reyes said the vote will proceed and costs will exceed the budget.", None),
    ("Reyes earned more than he did, and so did the port.", None),
    ("“We will win,” Dana Reyes told the New York Democrat on Monday.", None),
    ("Reyes, the Ohio Democrat, said the harbour bill would pass.", None),
])
def test_an_answer_that_carries_no_fact(text: str, why: str | None) -> None:
    assert no_fact(text, FORMS) == why


def test_a_word_the_source_misspelt() -> None:
    """A word the articles write once beside one letter more, inside the word, three times
    ("mangers", "managers") is a slip; an ending ("senator"/"senators"), a doubled letter
    ("striped"/"stripped") and a short word ("though"/"through") are not."""
    counts = word_counts(["the managers and the managers", "three managers, senators, "
                          "senators, senators stripped stripped stripped through through "
                          "through"])
    assert misspelt("Reyes will be one of the mangers.", counts) == "mangers"
    assert misspelt("The senator wore a striped tie though.", counts) is None
    assert misspelt("Reyes will be one of the managers.", counts) is None


def test_whats_next_is_neither_what_someone_said_nor_a_plan_as_a_noun() -> None:
    def ahead(text: str) -> bool:
        return proof_fault("What's next?", [text], FORMS, person=True) is None

    assert not ahead("By ordering the strike, Bo has shown that he will take swift action, "
                     "Senator Dana Reyes said Friday on the radio.")
    assert not ahead("Dana Reyes put the ambitious plan to dredge the port to a vote.")
    assert ahead("Dana Reyes said she will call a vote on the port bill next week.")
    assert ahead("Dana Reyes plans to run for governor again.")
    assert ahead("Dana Reyes will testify on Tuesday.")


def test_a_sentence_later_than_one_not_printed_leans_on_it() -> None:
    assert LEANS.search("Hours later, Senator Dana Reyes said the port would get help.")
    assert LEANS.search("Later that day, Reyes left.")
    assert LEANS.search("Afterward, Reyes left.")
    assert not LEANS.search("Later this week, Reyes will vote on the bill.")


def test_the_copy_editor_strikes_an_answer_with_no_fact() -> None:
    ex = Explainer("Dana Reyes", ("Reyes",), "", (
        QA("Who is Reyes?", (Sentence("Dana Reyes is the Senate majority leader.", ("u",)),)),
        QA("What did Reyes say?", (Sentence(
            "Dana Reyes said something very odd Tuesday in an interview.", ("u",)),)),
        QA("What's next?", (Sentence("Reyes will be one of the mangers.", ("u",)),)),
    ))
    rules = [s.rule for s in explainer_strikes(
        ex, sources=["Reyes named the managers, managers and managers."])]
    assert "no fact (speech with nothing said)" in rules
    assert "the source's slip ('mangers')" in rules
    # the slip is told from the articles naming the entity only
    assert "the source's slip ('mangers')" not in [s.rule for s in explainer_strikes(
        ex, sources=["Bo named the managers, managers and managers."])]


def test_the_writer_takes_an_answer_that_says_something(make_article: MakeArticle,
                                                        period: Period) -> None:
    bodies = ["Senate Majority Leader Dana Reyes said something very odd on Tuesday in an "
              "interview with a radio host.",
              "Senate Majority Leader Dana Reyes blocked the harbour funding bill on "
              "Wednesday.",
              "Ohio port unions met on Thursday. Senate Majority Leader Dana Reyes walked "
              "out of the meeting."]
    arts = [make_article(b, source=f"Outlet {k}", title=f"Story {k}")
            for k, b in enumerate(bodies)]
    week = select(read(arts), period, Newsletter(title="T"), [])
    exp = explain(week, [[r] for r in week.used], "en", Settings().explainer)[0]
    assert exp is not None
    said = [s.text for q in exp.qa for s in q.answer]
    assert said[0] == "Dana Reyes is the Senate majority leader."
    assert not [t for t in said if "something very odd" in t]
    assert len(exp.qa) >= 2


_TWO = [("Reyes blocks harbour bill", "Senate Majority Leader Dana Reyes blocked the harbour "
         "funding bill on Tuesday. Reyes told reporters the bill would raise port fees."),
        ("Reyes to call second vote", "Senate Majority Leader Dana Reyes is expected to call "
         "a second vote on the ports next month."),
        ("Reyes speaks on dredging", "Senate Majority Leader Dana Reyes said on Friday that "
         "the ports of Ohio need new money for dredging."),
        ("Port fees blocked in court", "District Judge Tomas Okafor blocked the new port fees "
         "on Monday."),
        ("Unions welcome the ruling", "Port unions welcomed the ruling. District Judge Tomas "
         "Okafor said on Wednesday that the fees broke federal law.")]


def test_the_less_obvious_person_the_sources_explain(make_article: MakeArticle,
                                                     period: Period) -> None:
    """Dana Reyes is named in more stories, but every headline names her (readers are expected
    to know her); the judge no headline names is explained instead, and called by the whole
    name the week writes ("Who is Tomas Okafor?": no article calls him "Okafor" alone)."""
    arts = [make_article(body, source=f"Outlet {k}", title=title)
            for k, (title, body) in enumerate(_TWO)]
    week = select(read(arts), period, Newsletter(title="T"), [])
    stories = [[r] for r in week.used]
    exp = explain(week, stories, "en", Settings().explainer)[0]
    assert exp is not None and exp.entity == "Tomas Okafor"
    assert exp.qa[0].question == "Who is Tomas Okafor?"
    assert exp.qa[0].answer[0].text == "Tomas Okafor is a district judge."
    assert "Preferred to Dana Reyes, the less obvious name." in exp.why
    # without the preference, the person named in the most stories
    first = Settings().explainer.__class__(headlined=1.01)
    again = explain(week, stories, "en", first)[0]
    assert again is not None and again.entity == "Dana Reyes"
    assert again.qa[0].question == "Who is Reyes?"


def test_a_deeds_object_and_the_day_before_the_verb() -> None:
    from digest.edit.proof.person import acts
    from digest.edit.proof.questions import matters
    from digest.edit.write.roles import definition_of

    # what the object of the person's own deed would do is no consequence of the person's
    assert not matters("Senator Dana Reyes introduced a bill Friday that would create a "
                       "commission.", FORMS, person=True)
    assert matters("Dana Reyes blocked the bill, which could cost the ports $2 billion.",
                   FORMS, person=True)
    assert matters("Dana Reyes blocked a bill, a move that could cost the ports $2 billion.",
                   FORMS, person=True)
    # "…, after previously suggesting …": the person's claim
    assert not matters("Dana Reyes, after previously suggesting aid could wait, is now "
                       "saying he would back a package.", FORMS, person=True)
    assert acts("Ohio Governor Dana Reyes on Monday vetoed a bill.", FORMS)
    settings = Settings().explainer
    assert definition_of(("United", "States", "district", "judge"), settings) == (
        "a United States district judge")
    assert definition_of(("European", "lawmaker"), settings) == "a European lawmaker"
    assert definition_of(("Ohio", "lawmaker"), settings) == "an Ohio lawmaker"


def test_a_claim_in_an_opening_clause_is_no_reason_it_matters() -> None:
    from digest.edit.proof.questions import matters

    assert not matters("After suggesting Tuesday that gun owners could stop Dana Reyes, Bo "
                       "is making his first attempt at clarifying the remark.", FORMS,
                       person=True)
    assert matters("After the vote, port unions condemned Dana Reyes.", FORMS, person=True)


def test_an_and_after_a_titled_name_ends_the_role() -> None:
    """"… between President Bo and German Chancellor Ann Lee": two people, her role is
    "German chancellor"; "Housing and Urban Development Secretary" is one office."""
    from digest.edit.write.roles import definition_of, role_before

    settings = Settings().explainer
    for text, said in [("The summit between President Bo and German Chancellor Ann Lee ended.",
                        "the German chancellor"),
                       ("Housing and Urban Development Secretary Ann Lee said.",
                        "the Housing and Urban Development secretary")]:
        role = role_before(text, text.index("Ann Lee"), settings)
        assert role is not None and definition_of(role, settings) == said
    # "the legislation" no earlier sentence told: which one?
    assert no_fact("Democrats won $100 billion in the legislation, but Dana Reyes blocked "
                   "more.", FORMS) == "a decision or remarks never told"
    assert no_fact("Dana Reyes vetoed a bill that would ban it.", FORMS) is None
    assert no_fact("Dana Reyes signed the bill to fund the port.", FORMS) is None
