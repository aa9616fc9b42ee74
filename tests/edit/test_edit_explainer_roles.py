"""A person explained by the role the week's sources write before the name, and the rules
that keep such an Explainer one a copy editor prints (session 22)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from digest.edit.proof.explainer import DATELINE, LEANS, redefined, whole
from digest.edit.proof.person import acts, attributive, speech
from digest.edit.proof.questions import fault as proof_fault
from digest.edit.proof.questions import matters
from digest.edit.select import select
from digest.edit.settings import ExplainerSettings, Settings
from digest.edit.week import read
from digest.edit.write.explainer import explain
from digest.edit.write.explainer_people import known_to_all
from digest.edit.write.roles import definition_of, role_before
from digest.models import Article, Newsletter, Period

MakeArticle = Callable[..., Article]
S = ExplainerSettings()


def _role(text: str, name: str) -> str | None:
    role = role_before(text, text.index(name), S)
    return definition_of(role, S) if role else None


@pytest.mark.parametrize(("text", "name", "said"), [
    ("Special counsel Dan Ito said on Friday.", "Dan Ito", "the special counsel"),
    ("It was sent by former national security adviser Ann Lee.", "Ann Lee",
     "the former national security adviser"),
    ("Former New York City Mayor Ann Lee said.", "Ann Lee", "the former New York City mayor"),
    ("National Economic Council Director Ann Lee said.", "Ann Lee",
     "the National Economic Council director"),
    ("Housing and Urban Development Secretary Ann Lee said.", "Ann Lee",
     "the Housing and Urban Development secretary"),
    ("U.S. Senator Ann Lee said.", "Ann Lee", "a U.S. senator"),
    ("Chief Justice Ann Lee said.", "Ann Lee", "the chief justice"),
    ("ABC news anchor Ann Lee said.", "Ann Lee", "an ABC news anchor"),
    ("Meghan McCain and President Ann Lee said.", "Ann Lee", None),
    ("House Speaker Ann Lee said.", "Ann Lee", "the House speaker"),
    ("Senate Majority Leader Ann Lee said.", "Ann Lee", "the Senate majority leader"),
    ("Attorney General Ann Lee said.", "Ann Lee", "the attorney general"),
    ("Democratic presidential candidate Ann Lee said.", "Ann Lee",
     "a Democratic presidential candidate"),
    ("Mayor Bo's former lawyer Ann Lee said.", "Ann Lee", "Mayor Bo's former lawyer"),
    # A rank alone (of what?), a courtesy or short title, the office held then, and a role
    # whose start cannot be told ("slammed former …") define no one.
    ("President Ann Lee said.", "Ann Lee", None),
    ("Mr. Ann Lee said.", "Ann Lee", None),
    ("Maine Sen. Ann Lee said.", "Ann Lee", None),
    ("It was then-Vice President Ann Lee.", "Ann Lee", None),
    ("Bo slammed former Secretary of State Ann Lee.", "Ann Lee", None),
    ("Bo wrote to porn star Ann Lee.", "Ann Lee", None),
])
def test_the_role_before_a_name_as_a_definition_says_it(text: str, name: str,
                                                         said: str | None) -> None:
    assert _role(text, name) == said


def test_a_person_most_articles_name_bare_is_known_to_all() -> None:
    """A news story introduces a person in full on first reference ("Special counsel Dan Ito
    …"); one most articles (or most of one outlet's) name without the given name ("President
    Reyes said", "Reyes said") is one the sources expect every reader to know."""
    assert known_to_all("Dana Reyes", [("A", "President Reyes said."), ("B", "Reyes met."),
                                       ("C", "Dana Reyes left.")])
    assert known_to_all("Dana Reyes", [("A", "President Reyes said."), ("A", "Reyes met."),
                                       ("B", "Dana Reyes left."), ("C", "Dana Reyes sat."),
                                       ("C", "Dana Reyes ran.")])
    assert not known_to_all("Dana Reyes", [("A", "Leader Dana Reyes said. Reyes left."),
                                           ("B", "Dana J. Reyes met."), ("C", "Reyes sat.")])


_WEEK = [
    "{r} Dana Reyes blocked the harbour funding bill on Tuesday. Reyes told reporters the "
    "bill would raise port fees for every shipper.",
    "Port unions condemned {r} Dana Reyes for blocking the harbour bill. Reyes is expected "
    "to call a second vote on the ports next month.",
    "{r2} Dana Reyes said on Friday that the ports of Ohio need new money for dredging.",
]


def _explain(make_article: MakeArticle, period: Period, bodies: list[str]) -> object:
    arts = [make_article(b, source=f"Outlet {k}", title=f"Story {k}")
            for k, b in enumerate(bodies)]
    week = select(read(arts), period, Newsletter(title="T"), [])
    return explain(week, [[r] for r in week.used], "en", Settings().explainer)[0]


@pytest.mark.parametrize(("role", "role2", "defined"), [
    ("Senate Majority Leader", "Senate Majority Leader", "the Senate majority leader"),
    ("Majority Leader", "Senate Majority Leader", "the Senate majority leader"),
    # a rank the week writes alone: the definition only adds a name to it
    ("President", "U.S. President", None),
    # roles that disagree: either definition is wrong beside the other
    ("former Vice President", "Senate Majority Leader", None),
])
def test_a_role_defines_the_person_only_when_the_weeks_roles_agree(
        make_article: MakeArticle, period: Period, role: str, role2: str,
        defined: str | None) -> None:
    exp = _explain(make_article, period, [b.format(r=role, r2=role2) for b in _WEEK])
    got = exp.qa[0].answer[0].text if exp is not None else None  # type: ignore[attr-defined]
    assert got == (f"Dana Reyes is {defined}." if defined else None)


def test_an_appositive_that_contradicts_the_rank_the_week_writes_defines_no_one(
        make_article: MakeArticle, period: Period) -> None:
    """"President Dana Reyes" and "Dana Reyes, the presumptive Democratic nominee," in one
    week: the appositive is no longer (or not yet) who she is."""
    bodies = [b.format(r="President", r2="President") for b in _WEEK]
    bodies[2] = ("Dana Reyes, the presumptive Democratic nominee, said on Friday that the "
                 "ports of Ohio need new money for dredging.")
    assert _explain(make_article, period, bodies) is None


def test_sentences_that_lean_on_one_before_them() -> None:
    assert LEANS.search("Like Tim Ryan, he has criticized the bill.")
    assert LEANS.search("During the tense exchanges, Reyes sat stoically.")
    assert LEANS.search("In the July debate hosted by CNN, Reyes spoke for nine minutes.")
    assert LEANS.search("The White House, though, still views the inquiry as limited.")
    assert not LEANS.search("In the United States, Reyes is a household name.")
    assert LEANS.search("Bo's action comes days after Reyes won.")
    assert LEANS.search("Reyes cited history to show why he believes such a move is needed.")
    assert LEANS.search("Reyes, on the other hand, has not denied the story.")
    assert LEANS.search("Turning to aides, Reyes also tapped Bo as spokesman.")
    assert not LEANS.search("Reyes, the majority leader, said he would vote.")
    assert DATELINE.match("Washington — House Speaker Dana Reyes unveiled a bill.")
    assert not DATELINE.match("Washington said — loudly — that it would.")


def test_a_persons_answers_are_about_the_person() -> None:
    forms = ["Dana Reyes", "Reyes"]
    # "… after organizers announced": the organizers speak, not Reyes.
    assert speech("Bo refused a debate with Dana Reyes after organizers announced it.",
                  forms) is None
    assert speech("Dana Reyes on Monday said it would pass.", forms) is not None
    # A quotation with nothing around it tells a reader nothing.
    assert proof_fault("What did Reyes say?", ["“Listen, anything can happen,” Reyes said."],
                       forms, person=True)
    assert not proof_fault("What did Reyes say?",
                           ["“We will win,” Reyes said in a speech on the harbour bill."],
                           forms, person=True)
    # The circumstance before the main clause is not what the person did.
    assert not acts("After Bo played clips of experts that Reyes has relied upon, Al "
                    "claimed it was fine.", forms)
    assert acts("After the vote, Reyes signed the bill.", forms)
    # A reaction to someone else, the person only named in a trailing "with …".
    assert not matters("Bo faced criticism over his summit with Russian President Dana "
                       "Reyes.", forms, person=True)
    assert matters("Unions condemned Dana Reyes for blocking the bill.", forms, person=True)
    # The cause of the person's own deed is not why it matters.
    assert not matters("Dana Reyes walked out because the players knelt.", forms, person=True)
    # What lies ahead: not what the person insists, nor a source's "will told".
    assert proof_fault("What's next?", ["Dana Reyes fired back, insisting he will not quit."],
                       forms, person=True)
    assert proof_fault("What's next?", ["Dana Reyes will told lawmakers it failed."], forms,
                       person=True)
    assert not proof_fault("What's next?", ["Dana Reyes will testify on Tuesday."], forms,
                           person=True)


def test_a_name_that_is_not_the_person() -> None:
    """"Kelly Loeffler" is not John Kelly, "the Kelly campaign" and "Kelly's husband" are
    about a campaign and a husband; "Kelly said" is him."""
    for text, name in [("It was Kelly Loeffler's seat.", "Kelly"),
                       ("The Kelly campaign said no.", "Kelly"),
                       ("Kelly's husband said no.", "Kelly"),
                       ("Kelly supporters marched.", "Kelly")]:
        at = text.index(name)
        assert attributive(text, at, at + len(name)), text
    text = "On Monday Kelly said no."
    assert not attributive(text, text.index("Kelly"), text.index("Kelly") + 5)


def test_a_definition_repeats_only_a_sentence_about_the_person() -> None:
    """"Ann Lee is the former vice president." states nothing a TL;DR sentence about someone
    else's "former Defense Secretary" stated; it does repeat one that gives her that role."""
    forms = ["Ann Lee", "Lee"]
    text = "Ann Lee is the former vice president."
    assert redefined(text, ["President Bo responded to former Defense Secretary Al Ito."],
                     forms) is None
    assert redefined(text, ["Ann Lee was the former vice president of the club."],
                     forms) is not None
    # The role written before her name is the title the definition spells, no fact.
    assert redefined("Ann Lee is the Supreme Court nominee.",
                     ["The Senate moved closer to confirming President Bo's Supreme Court "
                      "choice Ann Lee."], forms) is None


def test_a_sentence_cut_at_an_abbreviation_is_not_whole() -> None:
    assert not whole("In a 10-page letter to House Ways and Means Chairman Ann Lee (D-Mass.")
    assert not whole("Roberts chastised Trump for his criticism of the 9th U.S.")
    assert whole("Ann Lee moved to the U.S.")
    assert whole("Ann Lee (D-Mass.) said it would pass.")
