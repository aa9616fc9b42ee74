"""The Explainer beside the paragraphs above it (session 24): a person's role is said in full
where a printed sentence writes more of it, a sentence a paragraph prints word for word
answers only when too few others do, the sentence a role was read in may answer; and the
copy editor's rules that came with them (a determiner opens another speaker, a relative's
name is no mention of the person, two sentences read as one are no answer)."""

from __future__ import annotations

from collections.abc import Callable

from digest.edit.proof.explainer import explainer_strikes
from digest.edit.proof.person import about_another, acts, speech
from digest.edit.select import select
from digest.edit.settings import Settings
from digest.edit.week import Week, read
from digest.edit.write.explainer import explain
from digest.edit.write.roles import definition_of, role_before
from digest.models import QA, Article, Explainer, Newsletter, Period, Sentence

MakeArticle = Callable[..., Article]


def _week(make_article: MakeArticle, period: Period, bodies: list[str]) -> Week:
    arts = [make_article(b, source=f"Outlet {k}", title=f"Story {k}")
            for k, b in enumerate(bodies)]
    return select(read(arts), period, Newsletter(title="T"), [])


def _explain(week: Week, printed: list[str], above: list[str] = ()) -> Explainer | None:
    return explain(week, [[r] for r in week.used], "en", Settings().explainer, printed,
                   above=above)[0]


_PRINTED = ("White House Press Secretary Dana Reyes blocked the harbour funding bill on "
            "Tuesday.")
_ROLES = [
    _PRINTED,
    "Press Secretary Dana Reyes is expected to call a second vote on the ports next month.",
    "Press Secretary Dana Reyes said on Friday that the ports of Ohio need new money for "
    "dredging.",
]


def test_the_role_is_read_in_a_sentence_the_issue_prints(make_article: MakeArticle,
                                                         period: Period) -> None:
    """A paragraph prints "White House Press Secretary Dana Reyes …"; the other sentences
    write "Press Secretary Dana Reyes": a definition read only from the sentences left ("the
    press secretary": of what?) leaves out what the sources say."""
    exp = _explain(_week(make_article, period, _ROLES), [_PRINTED])
    assert exp is not None
    assert exp.qa[0].answer[0].text == (
        "Dana Reyes is the White House press secretary.")
    assert all(s.text != _PRINTED for q in exp.qa for s in q.answer)


_SAID_TWICE = [
    "Senate Majority Leader Dana Reyes said on Friday that the ports of Ohio need new money "
    "for dredging.",
    "Shipping firms met in Toledo on Monday. Senate Majority Leader Dana Reyes told reporters "
    "in Toledo that the channel must be dredged before the spring floods.",
]


def test_a_sentence_a_paragraph_prints_answers_last(make_article: MakeArticle,
                                                    period: Period) -> None:
    """Two sentences answer "What did Dana Reyes say?"; the shorter lead is the one a story's
    paragraph prints above: the Explainer takes the other, which the reader has not read.
    With nothing printed above, the shorter lead answers."""
    week = _week(make_article, period, _SAID_TWICE)
    said = {q.question: q.answer[0].text for q in (_explain(week, []) or _none()).qa}
    assert said["What did Dana Reyes say?"] == _SAID_TWICE[0]
    above = {q.question: q.answer[0].text
             for q in (_explain(week, [], [_SAID_TWICE[0]]) or _none()).qa}
    assert above["What did Dana Reyes say?"] == _SAID_TWICE[1].split(". ")[1]


def _none() -> Explainer:
    raise AssertionError("no Explainer")


def test_a_comma_ends_the_role_before_a_name() -> None:
    """"On Monday, and Port official Ann Lee …": the "and" after a comma joins clauses, not
    the words of one office ("Housing and Urban Development Secretary")."""
    text = "Unions backed a plan on Monday, and Port official Ann Lee told reporters."
    assert role_before(text, text.index("Ann Lee"), Settings().explainer) == ("Port", "official")


_TWO = [
    "Senate Majority Leader Dana Reyes said on Friday that the ports of Ohio need new money "
    "for dredging.",
    "Senate Majority Leader Dana Reyes vetoed the harbour funding bill on Monday.",
]


def test_a_paragraphs_sentence_answers_only_when_too_few_would(make_article: MakeArticle,
                                                               period: Period) -> None:
    """"What did Dana Reyes say?" only a sentence a paragraph prints answers; "What happened
    this week?" another: the Explainer asks the reader to read no sentence twice, and two
    answers are enough. With nothing printed above, both answer."""
    week = _week(make_article, period, _TWO)
    both = [s.text for q in (_explain(week, []) or _none()).qa for s in q.answer]
    assert _TWO[0] in both and _TWO[1] in both
    exp = _explain(week, [], [_TWO[0]]) or _none()
    assert [q.question for q in exp.qa] == ["Who is Dana Reyes?", "What happened this week?"]
    assert exp.qa[1].answer[0].text == _TWO[1]


_ROLE_ONLY = [
    "President Bo said on Friday that he will pardon conservative commentator Dana Reyes, who "
    "was fined in 2014.",
    "Conservative commentator Dana Reyes thanked President Bo at a rally in Ohio on Monday.",
]


def test_the_sentence_a_role_was_read_in_may_answer(make_article: MakeArticle,
                                                    period: Period) -> None:
    """"Dana Reyes is a conservative commentator." was read from the role before her name;
    the sentence it was read in says more than the role ("… will pardon …"), so it may
    answer "What's next?": only its role repeats the definition, and the role is not a fact
    it states (before, every sentence writing "conservative commentator" was a repeat)."""
    exp = _explain(_week(make_article, period, _ROLE_ONLY), [])
    assert exp is not None
    assert exp.qa[0].answer[0].text == "Dana Reyes is a conservative commentator."
    assert _ROLE_ONLY[0] in [s.text for q in exp.qa for s in q.answer]
    # the copy editor reads the definition as the writer does: no fact repeated
    assert [s.rule for s in explainer_strikes(exp)] == []


def test_the_speaker_a_determiner_opens_is_another() -> None:
    """"… for CNN reporter Ann Lee, ending a court fight, the network said": the network
    speaks, not Ann Lee; "Ann Lee, a CNN reporter, said …" is hers."""
    forms = ["Ann Lee", "Lee"]
    assert speech("The White House restored press credentials for CNN reporter Ann Lee, "
                  "ending a court fight, the network said.", forms) is None
    assert speech("Ann Lee, a CNN reporter, said the fight was over.", forms) is not None
    assert speech("Ann Lee on Monday told the network it was over.", forms) is not None
    # a prosecutor's charge is no speech; a charge made in words is
    assert speech("Special counsel Ann Lee has charged the former adviser Bo Reyes with "
                  "“willfully and knowingly” lying to the FBI.", forms) is None
    assert speech("Ann Lee charged that the agency had lied.", forms) is not None


def test_a_relative_of_the_person_is_another_and_two_sentences_are_no_answer() -> None:
    """"… George Lee, husband of White House aide Ann Lee, is launching …" is about the
    husband; "… raised $25m (£20m). Senior adviser Ann Lee said …" is two sentences read as
    one (a full stop after a bracket ends a sentence)."""
    kin = ("A group including lawyer George Lee, husband of White House aide Ann Lee, is "
           "launching a super PAC that will spend the next year against the governor.")
    assert about_another(kin, ["Ann Lee", "Lee"])
    assert not about_another("White House aide Ann Lee will leave her post.", ["Ann Lee"])
    glued = ("Bo had raised over $25m (£20m). Senior adviser Ann Lee said in a statement that "
             "he was well.")
    ex = Explainer("Ann Lee", ("Lee",), "", (
        QA("Who is Lee?", (Sentence("Ann Lee is a White House aide.", ("u",)),)),
        QA("What's next?", (Sentence(kin, ("u",)),)),
        QA("What did Lee say?", (Sentence(glued, ("u",)),))))
    rules = {s.rule for s in explainer_strikes(ex)}
    assert {"about someone else (kin, a modifier)", "two sentences as one"} <= rules


def test_a_possessive_role_ending_on_an_apostrophe_takes_no_article() -> None:
    """"Sanders’ senior adviser Ann Lee" -> "Sanders’ senior adviser", not "the Sanders’ …"."""
    text = "Sanders’ senior adviser Ann Lee said it."
    role = role_before(text, text.index("Ann Lee"), Settings().explainer)
    assert role is not None
    assert definition_of(role, Settings().explainer) == "Sanders’ senior adviser"


def test_a_lower_case_role_before_the_name_leaves_it_the_subject() -> None:
    """"Special counsel Ann Lee has charged …": the role's words before the name are skipped
    as a title's are, so Ann Lee is the subject and the charge is her deed."""
    forms = ["Ann Lee", "Lee"]
    assert acts("Special counsel Ann Lee has charged Bo Reyes with lying to the FBI.", forms)
    assert acts("Conservative commentator Ann Lee thanked Bo at a rally.", forms)
    assert not acts("The court helped conservative commentator Ann Lee appealed.", forms)
