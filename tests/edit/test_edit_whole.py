"""whole.py: a sentence a copy editor lets stand — not cut, no stray stop, no dek, no fragment;
mend.py: an excerpt cut mid-sentence ended where it is whole."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from digest.edit.proof import paragraph_strikes
from digest.edit.read import mend, whole
from digest.edit.read.leaning import DEK_FAULT
from digest.edit.week import read
from digest.edit.write.also import also_line
from digest.edit.write.lines import story_lines
from digest.models import Article

MakeArticle = Callable[..., Article]


@pytest.mark.parametrize("text", [
    "The harbour board will vote on two ferry bills…",
    "The harbour board will vote on two ferry bills...",
    "The harbour board will vote on two ferry bills [...]",
    "The harbour board will vote on two ferry bills […]",
    "The harbour board will vote on two ferry bills. Read more",
    "The harbour board will vote on two ferry bills Continue reading →",
])
def test_a_text_its_publisher_cut_is_no_sentence(text: str) -> None:
    assert whole.fault(text) == whole.CUT_FAULT
    assert whole.fault("The harbour board will vote on two ferry bills.") is None


def test_a_stray_full_stop_before_a_lower_case_word_is_struck_not_an_abbreviation() -> None:
    assert whole.fault("Brandt sent her letter to Speaker Ilse Lund. which takes effect on "
                       "Tuesday, her office said.") == whole.STOP_FAULT
    for fine in ("Jon Brandt Jr. said on Tuesday that the ferry would run.",
                 "The ferry leaves at 6 a.m. every day from Oakfield.",
                 "Brandt, of Sacramento, Calif. spoke first at the hearing.",
                 "Corvane Inc. said it would cut fares for crews.",
                 "The U.S. ferry fleet is small."):
        assert whole.fault(fine) is None, fine


@pytest.mark.parametrize("dek", [
    "Harbour board approves plan to run night ferry in first vote of its new term.",
    "Mayor offers no new answers on ferry delays in first address of her term.",
    "Carthen administration begins process to close two piers on its east coast.",
    # a title alone as its subject, whatever article follows
    "Mayor addresses supporters in her first rally after the uproar over the ferry fares.",
    "Mayor to push reforms to the harbour board and rethink the levy on the piers.",
])
def test_a_dek_in_headline_grammar_is_struck(dek: str) -> None:
    assert whole.fault(dek) == DEK_FAULT


@pytest.mark.parametrize("prose", [
    "The harbour board approved a plan to run a night ferry on Tuesday.",
    "Mayor Ilse Brandt offers free rides to crews who lost work in the storm.",
    "Harbour officials quickly pushed back on the mayor's claim about the piers.",
    "Brandt's office says the ferry will run three times a night from April.",
    "Five former crew members, including captain Tom Keller, said they were never paid.",
    "The mayor addresses the harbour board on Tuesday about the ferry fares.",
    "Mayor Ilse Brandt addresses the harbour board on Tuesday about the ferry fares.",
])
def test_prose_is_no_dek(prose: str) -> None:
    assert whole.fault(prose) is None


def test_a_fragment_without_a_verb_is_struck_a_short_sentence_is_not() -> None:
    for fragment in ("Extended Medicare for millions of crews.", "A total lack of planning.",
                     "June 17, for example.", "No fares, no ferries.",
                     "Probably because the ferry was late.", "Although nobody asked.",
                     # a preposition after a capital is no verb (session 38)
                     "Available as a poster.", "Timetables as of the spring."):
        assert whole.fault(fragment) == whole.FRAGMENT_FAULT, fragment
    for sentence in ("Fares fell.", "Parties face fines of up to 4 million crowns.",
                     "Because the ferry was late, crews lost a day.", "Brandt and Lund deny any wrongdoing.", "It rained.",
                     "The deficit hit 9 million crowns.", "Crews want a raise."):
        assert whole.fault(sentence) is None, sentence


def test_an_excerpt_ends_before_the_phrase_the_cut_fell_in() -> None:
    assert mend.mended("A storm closed two piers and grounded four ferries in Oakfield on "
                        "Wednesday, weeks after the mayor said the harbour") == (
        "A storm closed two piers and grounded four ferries in Oakfield on Wednesday.")
    assert mend.mended("Mayor Ilse Brandt will seek to lift the ban on night ferries on "
                        "Tuesday, an aide said, delivering on a promise long") == (
        "Mayor Ilse Brandt will seek to lift the ban on night ferries on Tuesday, an aide said.")
    # an appositive summing the clause up goes too; an attribution stays
    assert mend.mended("The harbour debt passed 9 million crowns for the first time on "
                        "Tuesday, a milestone that auditors warned could") == (
        "The harbour debt passed 9 million crowns for the first time on Tuesday.")
    # no clause before the comma, or the comma closes an aside, or a subordinate clause, a
    # fronted phrase with no main clause, a "that" clause cut in its subject: nothing to print
    for cut in ("Mayor Ilse Brandt, who led the fight over the piers, announced on Friday that "
                "she would",
                "The parents of Oakfield ferry captain Tom Keller, who died at sea, on Friday "
                "asked the mayor for",
                "After Oakfield and Carthen cut the fares, crews, owners and unions look to",
                "Per a deal reached between harbour chair Ilse Brandt and the unions, the board "
                "will vote on",
                "Of all the rumours spread about the harbour board during the strike, the claim "
                "that",
                "The harbour court declared on Sunday that ferry captain Tom Keller, a veteran of "
                "the night crossings, has"):
        assert mend.mended(cut) is None, cut


@pytest.mark.parametrize(("cut", "ended"), [
    # an adverbial clause its conjunction, a subject and a verb open
    ("A storm closed two piers and grounded four ferries in Oakfield on Wednesday after the "
     "mayor said the harbour would",
     "A storm closed two piers and grounded four ferries in Oakfield on Wednesday."),
    # a second predicate, after "but" or after "and" with an auxiliary
    ("Mayor Ilse Brandt said on Friday that the night ferry will run on Sundays, but "
     "reiterated that the board",
     "Mayor Ilse Brandt said on Friday that the night ferry will run on Sundays."),
    ("Captain Tom Keller met the harbour board on Saturday at the Kettle pier and has emerged as "
     "the favourite to lead the fle",
     "Captain Tom Keller met the harbour board on Saturday at the Kettle pier."),
    # a relative clause on its noun
    ("The harbour board unveiled plans on Tuesday to repeal the 2015 rules that barred night "
     "ferries from",
     "The harbour board unveiled plans on Tuesday to repeal the 2015 rules."),
    # a question after a preposition
    ("The harbour court declined to hear the board's appeal of a ruling letting the auditor "
     "continue her inquiry into whether the board",
     "The harbour court declined to hear the board's appeal of a ruling letting the auditor "
     "continue her inquiry."),
    # what the act was for, or part of
    ("Mayor Ilse Brandt on Monday closed out a harbour campaign built on promises of cheaper "
     "night fares in an effort to win back the",
     "Mayor Ilse Brandt on Monday closed out a harbour campaign built on promises of cheaper "
     "night fares."),
    ("The Kettle ferry company will shut down and its piers pass to other harbour operators as "
     "part of a deal filed by",
     "The Kettle ferry company will shut down and its piers pass to other harbour operators."),
])
def test_an_excerpt_cut_with_no_comma_ends_before_its_last_clause(cut: str, ended: str) -> None:
    assert mend.mended(cut) == ended


@pytest.mark.parametrize("cut", [
    # a negation holds the clause after it ("not … until", "not X but Y")
    "The harbour board did not vote on the night fares on Tuesday after the mayor said she would",
    "The harbour board did not cut the fares for the crews on Tuesday but raised the",
    # "hours after" hangs on the word before it; "as if" opens no clause (no subject after
    # the conjunction)
    "Mayor Ilse Brandt declared the strike over in remarks at the harbour on Wednesday delivered "
    "just hours after the union said",
    "The harbour board explained the new fares with a long analogy at its meeting: it is as if "
    "the crews were",
    # after "and", a past before no object is a list's last item
    "Captain Tom Keller expected to face questions about the board's handling of the fares and "
    "perceived political",
    # the cut fell in an attribution: without it the claim would read as fact
    "The harbour board voted on Tuesday to pass a budget that would keep the night ferries "
    "running through May, Harbour",
])
def test_an_excerpt_whose_last_clause_cannot_go_is_not_ended(cut: str) -> None:
    assert mend.mended(cut) is None


def test_an_excerpt_opening_on_to_and_a_noun_phrase_is_a_clause_an_infinitive_is_not() -> None:
    # "To some crews' dismay, …": a preposition and its noun before the main clause, which
    # the cut can end (session 26: an "Also" item printed its headline alone for want of it)
    assert mend.mended("To some crews' dismay, Mayor Ilse Brandt has openly embraced the "
                        "board's plan to cut night fares, a kind of ultimate") == (
        "To some crews' dismay, Mayor Ilse Brandt has openly embraced the board's plan to cut "
        "night fares.")
    # "To keep the ferries running, …": an infinitive opening, as before, is never ended
    assert mend.mended("To keep the night ferries running through the winter, the board has "
                        "cut fares, a kind of ultimate") is None


def test_the_writer_prints_none_of_them_and_the_copy_editor_strikes_them(
        make_article: MakeArticle) -> None:
    art = make_article("Harbour board approves plan to run night ferry in first vote of its new "
                       "term. Brandt sent her letter to Speaker Ilse Lund. which takes effect on "
                       "Tuesday. A total lack of planning. The harbour board approved the "
                       "night ferry on Tuesday by seven votes to two.", title="Night ferry")
    texts = [ln.text for ln in story_lines([art], "en")]
    assert texts == ["The harbour board approved the night ferry on Tuesday by seven votes to two."]
    struck = {s.rule for s in paragraph_strikes([
        "Harbour board approves plan to run night ferry in first vote of its new term.",
        "Brandt sent her letter to Speaker Ilse Lund. which takes effect on Tuesday.",
        "A total lack of planning.", "The harbour board will vote on two ferry bills…"])}
    assert {DEK_FAULT, whole.STOP_FAULT, whole.FRAGMENT_FAULT, whole.CUT_FAULT} <= struck
    # …and the week's lines (the TL;DR's, the Explainer's) count them as never printed
    lines = read([art])[0].lines
    assert [ln.furniture for ln in lines] == [True, True, True, False]




def test_the_items_after_a_fragment_are_its_lists_and_no_blurb(
        make_article: MakeArticle) -> None:
    # A list written as sentences: the first item is a fragment; the items after it read as
    # sentences to a word-class test, but go on with the list: none of them is a blurb.
    text = ("Extended Medicare for millions of crews. Penalties for poorly performing ferries. Even the "
            "harbour board's own plans to cut fares.")
    art = make_article(text, title="Ferry ruling shakes the harbour")
    assert all(ln.leans for ln in story_lines([art], "en"))
    assert also_line([art], {}, headline=art.title, language="en") == ()
    art = make_article(text.rsplit(". ", 1)[1], title="Ferry ruling shakes the harbour")
    assert not story_lines([art], "en")[0].leans  # (the list's head not there: it stands)


def test_a_lead_with_its_title_glued_before_it_is_not_printed(make_article: MakeArticle) -> None:
    # The page glued the title and a photo credit before the lead (w64 of the allsides weeks,
    # session 26): the "Also" line takes the article's next whole sentence.
    title = "Brandt says she views the vote as 'Kettle vs. Oakfield'"
    art = make_article(f"{title} © Getty Mayor Ilse Brandt's campaign said on Thursday that she "
                       "views the vote as Kettle versus Oakfield. “Ilse Brandt sees this vote as "
                       "Kettle versus Oakfield,” her deputy said on a call with reporters.",
                       title=title)
    assert whole.fault(f"{title} © Getty Mayor Ilse Brandt's campaign said so.", title) == (
        whole.TITLE_FAULT)
    assert [s.text for s in also_line([art], {}, language="en")] == [
        "“Ilse Brandt sees this vote as Kettle versus Oakfield,” her deputy said on a call with "
        "reporters."]
    assert read([art])[0].lines[0].furniture  # (nor in the TL;DR or the Explainer)
    # A lead that goes on from its title in the title's own clause is the outlet's prose.
    lead = "Harbour board passes the night ferry budget in a 5-2 vote on Tuesday."
    assert whole.fault(lead, "Harbour board passes the night ferry budget") is None
