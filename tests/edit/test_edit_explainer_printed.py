"""The Explainer beside the paragraphs above it (session 24): a person's role is read from
every sentence naming them, printed ones too, and a sentence a paragraph prints word for word
answers only when no other sentence does."""

from __future__ import annotations

from collections.abc import Callable

from digest.edit.select import select
from digest.edit.settings import Settings
from digest.edit.week import Week, read
from digest.edit.write.explainer import explain
from digest.edit.write.explainer_people import role_before
from digest.models import Article, Explainer, Newsletter, Period

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
