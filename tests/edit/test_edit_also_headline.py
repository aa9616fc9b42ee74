"""An "Also this week" line that reads only under its headline (digest.edit.write.also,
`_under_headline`): "The senator …" under a headline naming the one senator it means, and an
outlet's dek under its own title; the copy editor (`proof.paragraph_strikes` with the
headline) lets both stand there and nowhere else. And what else a bare item needed: a cut
falling right after a dash (`mend.mended`), a dek with no stop (`whole.unstopped_dek`),
"Still" before a participle (no connective)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from digest.edit.proof import paragraph_strikes
from digest.edit.read.leaning import leans_back, role_holder, titled_holders
from digest.edit.read.mend import before_credit, mended
from digest.edit.read.whole import unstopped_dek
from digest.edit.write.also import also_line
from digest.models import Article

MakeArticle = Callable[..., Article]

# A lead the feed cut in its object (no comma to end before), and a profile's lead on "The
# senator": the second reference of the name its headline gives.
CUT = ("Senator Ilse Brandt, who led the fight over the Kettle Bridge, announced on Friday that "
       "she would seek the Harbour Party's nomination")
ROLE = ("The senator received cheers from a small crowd at the ferry terminal in Porthaven on "
        "Thursday night. Twelve hours later, she told the city.")


def _story(make_article: MakeArticle, title: str) -> list[Article]:
    return [make_article(CUT, source="Outlet A", title=title),
            make_article(ROLE, source="Outlet B",
                         title="Brandt launched her campaign the most Brandt way possible")]


def test_the_role_its_headline_names_the_holder_of_is_a_blurb(make_article: MakeArticle) -> None:
    arts = _story(make_article, "Senator Ilse Brandt launches bid for the party's nomination")
    line = also_line(arts, {}, language="en")
    first = ("The senator received cheers from a small crowd at the ferry terminal in Porthaven "
             "on Thursday night.")
    assert [s.text for s in line] == [first]
    assert line[0].sources == (arts[1].url,)
    sources = [f"{a.title}\n{a.text}" for a in arts]
    assert paragraph_strikes([first], sources=sources,
                             headline="Senator Ilse Brandt launches bid for the party's "
                             "nomination") == []
    # … which it leans on: read without its headline, the copy editor strikes it
    assert paragraph_strikes([first], sources=sources) != []


@pytest.mark.parametrize("title", [
    "Ilse Brandt launches bid for the party's nomination",  # no title: who is "the senator"?
    "Sen. Ilse Brandt and Sen. Ola Berg launch rival bids",  # two senators
    "Former Senator Ilse Brandt launches bid for mayor",  # another office now
])
def test_no_blurb_when_the_headline_names_no_one_holder(make_article: MakeArticle,
                                                        title: str) -> None:
    arts = _story(make_article, title)
    assert also_line(arts, {}, language="en") == ()


def test_role_holder_reads_the_headline() -> None:
    assert role_holder("The president’s son has been accused of lying.",
                       "President Brandt Says His Son Is Innocent") == \
        "President Brandt’s son has been accused of lying."
    assert role_holder("The president said no.", "Vice President Berg visits the port") is None
    assert role_holder("The governor said he would sign it.", "Gov. Ola Berg signs bill") == \
        "Gov. Ola said he would sign it."
    assert leans_back("Gov. Ola said he would sign it.") is None


WEEK = ("President Ilse Brandt said on Monday the ferry would run. Former President Ola Berg "
        "disagreed, and Vice President Jan Holm stayed away. Gov. Ada Lind (R) signed the bill.")


def test_the_week_tells_who_holds_a_role_the_headline_names_no_title_for(
        make_article: MakeArticle) -> None:
    titled = titled_holders([WEEK])
    assert titled == {("president", "Brandt"), ("governor", "Lind")}  # (not the former, the vice)
    son = "The president’s son has been accused of lying to the harbour board."
    art = make_article(son, source="Outlet C",
                       title="Ilse Brandt Says Her Son Is An ‘Innocent’ Victim")
    line = also_line([art], {}, language="en", titled=titled)
    assert [s.text for s in line] == [son]
    sources = [f"{art.title}\n{art.text}"]
    assert paragraph_strikes([son], sources=sources, headline=art.title, titled=titled) == []
    # without the week's knowledge, or under a headline naming no president, none
    assert also_line([art], {}, language="en") == ()
    assert paragraph_strikes([son], sources=sources, headline=art.title) != []
    other = make_article(son, source="Outlet C", title="Shutdown will be longest in history")
    assert also_line([other], {}, language="en", titled=titled) == ()
    # … or naming two the week calls president
    assert role_holder(son, "Brandt and Tove meet in Porthaven",
                       titled | {("president", "Tove")}) is None


DEK = "Mayor offers no new plan for ferry strike in first City Hall address of her term."


def test_an_outlets_dek_stands_under_its_own_title(make_article: MakeArticle) -> None:
    art = make_article(DEK, source="Outlet A", title="Mayor fuels fears in address on strike")
    line = also_line([art], {}, language="en")
    assert [s.text for s in line] == [DEK]
    sources = [f"{art.title}\n{art.text}"]
    assert paragraph_strikes([DEK], sources=sources, headline=art.title) == []
    assert paragraph_strikes([DEK], sources=sources) != []  # (not under its title)
    # a dek without its stop gets one
    bare = ("After Porthaven and Kettle step up pressure on fares, ferry firms, unions and "
            "commuters look to navigate new rules")
    art = make_article(bare, source="Outlet A", title="Fare showdown shifts to talks")
    assert [s.text for s in also_line([art], {}, language="en")] == [bare + "."]


def test_a_dek_under_another_outlets_headline_is_no_blurb(make_article: MakeArticle) -> None:
    # The headline is A's title (the most central); B's dek was written for B's title.
    arts = [make_article("Portsmouth council rules that allow ferries to skip the night run pose "
                         "“dire” costs for 13", source="Outlet A",
                         title="Judge blocks council ferry rules in 13 towns"),
            make_article("Night ferry service takes another hit under council rules",
                         source="Outlet B", title="Night ferries no longer guaranteed"),
            make_article("A judge on Sunday blocked council ferry rules letting operators skip "
                         "the night run in their", source="Outlet C",
                         title="Judge blocks council ferry rules")]
    assert also_line(arts, {}, language="en") == ()


@pytest.mark.parametrize("text", [
    "After Porthaven and Kettle step up pressure on fares, ferry firms, unions and commuters "
    "look to navigate new rules",
    "Union seethes at port authority for ‘insulting’ handling of wage talks",
    "Departure comes as Mayor Brandt seeks reset amid harbour probes",
])
def test_a_dek_without_its_stop(text: str) -> None:
    assert unstopped_dek(text)


@pytest.mark.parametrize("text", [
    # a feed's excerpt, cut: past tense, an article, a figure or a function word at its end
    "Senator Ilse Brandt announced on Friday that she would seek the party nomination",
    "Council rules that allow ferries to skip night runs pose dire costs for 13",
    "Mayor Brandt on Monday closed out an angry campaign built on fear in an effort to",
    "The council will vote Thursday on a pair of bills to fund the ferry service",
    "Brandt says ferry strike will end",  # (a headline's length)
    "Did the mayor and the union strike a deal over ferry wages in the end",
])
def test_an_excerpt_cut_is_no_dek(text: str) -> None:
    assert not unstopped_dek(text)


def test_a_cut_right_after_a_dash_ends_before_it() -> None:
    assert mended("The council passed a stopgap ferry budget on Thursday night in a 21-18 vote "
                  "without notifying the unions of the changes —") == (
        "The council passed a stopgap ferry budget on Thursday night in a 21-18 vote without "
        "notifying the unions of the changes.")
    # (a dash closing an aside opened before it: the text before is no clause on its own)
    assert mended("The mayor — a former ferry captain — said the council would act on the "
                  "budget next week —") is None


def test_a_that_clause_opening_on_its_verb_has_one() -> None:
    # "that includes $5 million …": "that" is the clause's subject, its verb right after it
    assert mended("The council passed a stopgap ferry budget on Thursday night in a 21-18 vote "
                  "that includes $5 million for the new pier and additional security —") == (
        "The council passed a stopgap ferry budget on Thursday night in a 21-18 vote that "
        "includes $5 million for the new pier and additional security.")
    # … while "that lawmakers" is cut before its clause's verb
    assert mended("The mayor of the harbour town said on Friday night that local lawmakers —") \
        is None


def test_still_before_a_participle_is_no_connective() -> None:
    assert leans_back("Still needed, some experts say, is an inquiry into the ferry contracts.") \
        is None
    assert leans_back("Still, the council voted for the ferry contracts.") is not None
    assert leans_back("Still the council voted for the ferry contracts.") is not None


# A lead the feed cut in the clause crediting it, under its own title, which says who says it.
REPORTED = ("The Porthaven harbour board is set to close the ferry terminal at night from next "
            "month to save on staff costs, according to a Kettle")
REPORTED_LINE = ("The Porthaven harbour board is set to close the ferry terminal at night from "
                 "next month to save on staff costs.")


@pytest.mark.parametrize(("text", "title", "line"), [
    (REPORTED, "Harbour board to close ferry terminal at night: report", REPORTED_LINE),
    ("The Kettle Bridge, shut since a barge struck one of its piers in March, will reopen to "
     "traffic in the second week of May,", "Kettle Bridge to reopen in May, city engineer says",
     "The Kettle Bridge, shut since a barge struck one of its piers in March, will reopen to "
     "traffic in the second week of May."),
    # no credit in the headline: the claim would read as fact
    (REPORTED, "Harbour board to close ferry terminal at night", None),
    # the cut fell in the clause itself, not in its credit
    ("The Porthaven harbour board is set to close the ferry terminal at night from next month "
     "to save on", "Harbour board to close ferry terminal at night: report", None),
])
def test_a_lead_cut_in_its_credit_stands_under_a_headline_giving_it(
        make_article: MakeArticle, text: str, title: str, line: str | None) -> None:
    art = make_article(text, source="Outlet A", title=title)
    got = also_line([art], {}, language="en")
    assert [s.text for s in got] == ([line] if line else [])
    if line:
        assert paragraph_strikes([line], sources=[f"{title}\n{text}"], headline=title) == []


def test_a_cut_in_a_credit_ends_before_it() -> None:
    assert before_credit(REPORTED) == REPORTED_LINE
    assert before_credit("Two ferry crews were suspended for sailing in the storm on Monday "
                         "night, KTV") == ("Two ferry crews were suspended for sailing in the "
                                           "storm on Monday night.")
    assert before_credit("In the latest turn of a long row over the night ferries run by the "
                         "harbour board, Councillor") is None  # (no main clause yet)
    assert before_credit("The harbour board is set to close the ferry terminal at night") is None


def test_a_pull_quote_is_printed_as_reported_speech(make_article: MakeArticle) -> None:
    title = "Why a harbour pilot thinks the new ferry rules are unsafe"
    art = make_article("\"The new rules will put every crew on the night run at risk.” — harbour "
                       "pilot Ilse Brandt", source="Outlet A", title=title)
    line = also_line([art], {}, language="en")
    assert [s.text for s in line] == ["“The new rules will put every crew on the night run at "
                                      "risk,” harbour pilot Ilse Brandt says."]
    assert paragraph_strikes([line[0].text], sources=[f"{title}\n{art.text}"],
                             headline=title) == []
    leaning = make_article("“That was a mistake the council will regret.” — Ilse Brandt",
                           source="Outlet A", title=title)
    assert also_line([leaning], {}, language="en") == ()
