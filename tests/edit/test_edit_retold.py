"""Another outlet's lead telling the headline's event again is not printed (write/retold.py,
issue 11: "same numbers, names or event = said"). Every text here is made up for the test."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from digest.edit import edit_issue
from digest.edit.proof import paragraph_strikes
from digest.edit.read.acts import family
from digest.edit.settings import PARAGRAPH
from digest.edit.write.lines import Line, story_lines
from digest.edit.write.paragraph import Pick
from digest.edit.write.retold import acted_again, needs, retellings, without
from digest.edit.write.told_again import bag
from digest.models import Article, Newsletter, Period

MakeArticle = Callable[..., Article]

HEADLINE = "Port Authority says ferry levy will pay for dredging"
OPENING = ("The Carthen Port Authority said Monday that the new ferry levy would pay for the "
           "harbour dredging and more, raising revenue by $30 million over five years.")
# Another outlet's lead: the same subject, the same day, the same action (pay, dredging) told
# with other details (a name new to the reader among them, so the writer's word tests spare
# it: events.restates_event wants more of the action shared then), and nothing of the
# headline the opening does not print.
AGAIN = ("The Carthen Port Authority said Monday that the fishing fees would pay for the "
         "dredging Oakfield Council planned this spring, using traffic forecasts far above the "
         "board's own.")


def _lines(make_article: MakeArticle, *texts: str) -> list[Line]:
    arts = [make_article(t, source=f"Outlet {n}", title=f"Title {n}", day=1 + n / 10)
            for n, t in enumerate(texts)]
    return story_lines(arts, "en")


def _picks(make_article: MakeArticle, *texts: str) -> list[Pick]:
    return [Pick(ln, ln.text, lead=True) for ln in _lines(make_article, *texts)]


def test_another_outlets_lead_telling_the_event_again_goes(make_article: MakeArticle) -> None:
    picks = _picks(make_article, OPENING, AGAIN)
    gone = retellings(picks, HEADLINE)
    assert gone == {(1, 0)}
    assert without(picks, gone) == picks[:1]
    # A day only one of them names is no other day.
    assert retellings(_picks(make_article, OPENING, AGAIN.replace(" Monday", "")),
                      HEADLINE) == {(1, 0)}
    # The other way round the retelling opens, and the first lead carries the headline's
    # "ferry levy" and a figure: it stays. A sentence not a lead goes only by its main verb
    # (below): this one's, "said … that", is none.
    assert not retellings(picks[::-1], HEADLINE)
    assert not retellings([picks[0], Pick(picks[1].line, AGAIN, lead=False)], HEADLINE)
    assert not retellings(picks, "") and not retellings(picks[:1], HEADLINE)


SENTENCED = "Former Harlow treasurer Ada Lin sentenced to two years for embezzlement"
SENTENCE = ("Ada Lin was sentenced to two years in prison on Thursday for embezzling council "
            "funds, after a trial that split the town.")


def test_a_later_sentence_telling_the_act_by_its_verb_goes(make_article: MakeArticle) -> None:
    # Another outlet's second sentence, the same one done the same thing that day by the same
    # main verb ("was sentenced"), whatever it adds: the act told twice.
    again = "Lin was sentenced to 24 months in prison on Thursday for embezzling funds."
    lines = _lines(make_article, SENTENCE, "Lin's lawyers had asked the court for mercy. " + again)
    first, later = lines[0], lines[-1]
    assert later.text == again and later.article != first.article
    picks = [Pick(first, first.text, lead=True), Pick(later, later.text, lead=False)]
    assert retellings(picks, SENTENCED) == {later.key}
    # A main verb not read, or another one, is another act of hers: it stays.
    for kept in ("Lin thanked her family in court on Thursday after the embezzlement trial.",
                 "Lin was fined $5,000 on Thursday for embezzling council funds."):
        other = Pick(replace(later, text=kept), kept, lead=False)
        assert not retellings([picks[0], other], SENTENCED), kept


def test_a_lead_telling_the_act_again_goes_whatever_detail_it_adds(
        make_article: MakeArticle) -> None:
    # A new figure or quotation (or actor) is a detail of the act told again: the act twice is
    # what a copy editor strikes (session 33; sessions 29-30 kept such a lead).
    for gone in (
            AGAIN.replace("this spring", "for $12 million"),
            AGAIN.replace("far above the board's own", "the board called “far too rosy”"),
    ):
        picks = _picks(make_article, OPENING, gone)
        assert needs(gone, [OPENING], bag(HEADLINE)) is not None, gone
        assert retellings(picks, HEADLINE) == {(1, 0)}, gone


def test_a_lead_carrying_what_the_reader_needs_stays(make_article: MakeArticle) -> None:
    # another day: another event
    picks = _picks(make_article, OPENING, AGAIN.replace("Monday", "Tuesday"))
    assert not retellings(picks, HEADLINE)
    # Another act of the same subject that day (its main verb another): another event.
    tender = "The Carthen Port Authority opened a dredging tender for the harbour on Monday."
    contract = "The Carthen Port Authority signed on Monday a dredging contract for the harbour."
    picks = _picks(make_article, tender, contract)
    assert not retellings(picks, "Port Authority opens dredging tender")
    again = "The Carthen Port Authority opened on Monday a dredging tender for the harbour quay."
    assert retellings(_picks(make_article, tender, again), "Port Authority opens dredging tender")
    headline = HEADLINE.replace("ferry levy", "fishing fees")
    assert needs(AGAIN, [OPENING], frozenset(["fish"])) == "a word of the headline"
    assert not retellings(_picks(make_article, OPENING, AGAIN), headline)


def test_needs_names_what_a_retelling_carries() -> None:
    told = frozenset(["pay", "dredg"])
    assert needs(AGAIN, [OPENING], told) is None
    assert needs(AGAIN.replace("this spring", "for $12 million"), [OPENING], told) == \
        "a new figure"
    assert needs(AGAIN.replace("this spring", "with three new cranes"), [OPENING], told) == \
        "a new figure"  # a count in words
    assert needs("Mayor Ines Dal said Monday that the fishing fees would pay for the dredging.",
                 [OPENING], told) == "a new actor"
    assert needs(AGAIN.replace("far above the board's own", "“far too rosy”"), [OPENING],
                 told) == "a quotation"
    # A subject that is a description names no one new: its name is a detail.
    judge = "A Westbury harbour judge ruled Monday that the fishing fees would pay for dredging."
    assert needs(judge, [OPENING], told) is None
    assert needs(judge.replace("A Westbury harbour judge", "Judge Ines Dal"), [OPENING],
                 told) == "a new actor"


def test_a_small_count_in_words_is_its_figure_in_digits() -> None:
    # "ten" and "10" are one number written the two ways; "eleven" after "10" is another.
    told = frozenset(["kill", "fire"])
    ten = "At least ten people were killed when a fire swept through a Carthen warehouse on Monday."
    digits = "At least 10 people were killed in a warehouse fire in Carthen on Monday."
    assert needs(digits, [ten], told) is None
    assert needs(ten, [digits], told) is None
    assert needs(digits.replace("10", "11"), [ten], told) == "a new figure"
    assert needs(ten.replace("ten", "eleven"), [digits], told) == "a new figure"


def test_a_count_in_words_told_by_a_figure_is_no_new_figure() -> None:
    # "billions of dollars" is the count of "$10.4 billion" (a plural is the count's word):
    # the retelling carries no figure the rest does not print; the figure does, the other way.
    vague = "The port board on Monday froze billions of dollars in harbour grants."
    exact = "The port board said Monday that it was freezing $10.4 billion in harbour grants."
    told = frozenset(["grant"])
    assert needs(vague, [exact], told) is None
    assert needs(exact, [vague], told) == "a new figure"


def test_the_acts_own_word_is_no_word_of_the_headline() -> None:
    # A headline word the retelling writes only as the verb of the act the rest tells (in a
    # verb of its family or its noun) is how it tells the act, no detail of its own
    # (session 30): "picked" after "tapped" or after "her nomination of", under "picks".
    told = bag("Carthen mayor picks Tomas Reyes to lead harbour board")
    picked = "Mayor Ada Lin picked Tomas Reyes on Monday to run the harbour board."
    for rest in ("Mayor Ada Lin on Monday tapped Tomas Reyes to lead the harbour board.",
                 "Mayor Ada Lin's nomination of Tomas Reyes to lead the harbour board came on "
                 "Monday."):
        assert needs(picked, [rest], told) is None, rest
    # Not when the rest tells another act ("praised"), nor a headline word that is no verb
    # of the act ("pilot")
    praised = "Mayor Ada Lin on Monday praised Tomas Reyes, who will lead the harbour board."
    assert needs(picked, [praised], told) == "a word of the headline"
    tapped = "Mayor Ada Lin on Monday tapped Tomas Reyes to lead the harbour board."
    pilot = picked.replace("Tomas Reyes", "harbour pilot Tomas Reyes")
    assert needs(pilot, [tapped], told | {"pilot"}) == "a word of the headline"


def test_a_figure_told_exactly_or_how_long_ago_is_no_new_figure(
        make_article: MakeArticle) -> None:
    # "$30.4 million" is the opening's "$30 million" told exactly; "… six years ago" says when
    # something before the act happened: the lead tells the event again, nothing more.
    told = frozenset(["pay", "dredg"])
    for again in (AGAIN.replace("this spring", "for $30.4 million"),
                  AGAIN.replace("this spring", "after the harbour silted up six years ago"),
                  AGAIN.replace("this spring", "after the harbour silted up 12 years ago")):
        assert needs(again, [OPENING], told) is None, again
        assert retellings(_picks(make_article, OPENING, again), HEADLINE) == {(1, 0)}, again
    # Another figure, a figure not rounded by the one printed, or a time that is no "ago"
    # (a gap can be the news: "six years after the levy") is a figure of its own (what
    # `reopen` weighs before it replaces an opening), though the act told again still goes.
    for other in (AGAIN.replace("this spring", "for $37 million"),
                  AGAIN.replace("this spring", "for $30,400"),
                  AGAIN.replace("this spring", "six years after the levy was first set")):
        assert needs(other, [OPENING], told) == "a new figure", other


def test_what_leans_on_a_sentence_gone_goes_with_it(make_article: MakeArticle) -> None:
    a1, b1, b2 = _lines(make_article, OPENING, AGAIN + " It said the work would start in May.")
    assert b2.leans
    picks = [Pick(a1, a1.text, True), Pick(b1, b1.text, True), Pick(b2, b2.text)]
    assert without(picks, frozenset({(1, 0)})) == picks[:1]
    assert without(picks, frozenset()) == picks


def test_the_issue_prints_the_event_once(make_article: MakeArticle, period: Period) -> None:
    # Through the editor: the headline is A's title and A's account opens (C tells its
    # levy and fares too); B's lead tells A's event again with details of its own (so the
    # word tests spare it) and goes.
    a = (OPENING + " The levy starts in June and applies to every crossing. Ferry operators "
         "said fares would rise by about a tenth.")
    c = ("Ferry fares in Carthen will rise by about a tenth when the new levy starts in June, "
         "operators said.")
    arts = [make_article(a, source="Outlet A", title=HEADLINE, day=1),
            make_article(AGAIN, source="Outlet B", title="Carthen port fees to fund dredging",
                         day=1.1),
            make_article(c, source="Outlet C", title="Ferry fares to rise", day=1.2)]
    issue = edit_issue(period, arts, newsletter=Newsletter(title="T"), sources=[], health=[])
    texts = [s.text for s in issue.stories[0].sentences]
    assert texts[0] == OPENING
    assert AGAIN not in texts


# Another outlet's summary of the event told: no subject the opening opens on (so `_same_act`
# cannot tell), most of its words printed, a detail of its own ("a long dispute").
SUMMARY = ("Harbour dredging for Carthen is to be paid for by the new ferry levy, ending a long "
           "dispute over the port.")


def test_a_lead_saying_mostly_what_is_printed_goes(make_article: MakeArticle) -> None:
    picks = _picks(make_article, OPENING, SUMMARY)
    assert retellings(picks, HEADLINE) == {(1, 0)}
    # Under the share of its words printed before it (`retold_said`), it stays.
    strict = replace(PARAGRAPH, retold_said=0.9)
    assert not retellings(picks, HEADLINE, strict)
    # Printed first, it has nothing before it: the other lead is weighed against it.
    assert retellings(picks[::-1], HEADLINE) != {(0, 0)}


def test_a_lead_telling_another_act_or_a_statement_stays(make_article: MakeArticle) -> None:
    for kept in (
            # a statement of its own, outside its source clause
            SUMMARY.replace(", ending", ", and officials say the work will end"),
            SUMMARY.replace("ending a", "a spokesman claiming an end to the"),
            # another act of the one printed: its main verb no word printed before
            "The Carthen Port Authority's board resigned over the new ferry levy and the "
            "harbour dredging.",
    ):
        assert not retellings(_picks(make_article, OPENING, kept), HEADLINE), kept
    # A source clause closing it is who told it, no statement: it goes.
    told = SUMMARY.replace(" over the port.", ", port officials said.")
    assert retellings(_picks(make_article, OPENING, told), HEADLINE) == {(1, 0)}
    # Nor is who told it between commas (a few words, the word of saying, names and dates).
    for told in (SUMMARY.replace(", ending", ", a port spokesman told Radio Carthen on Monday, "
                                             "ending"),
                 SUMMARY.replace(", ending", ", sources say, ending")):
        assert retellings(_picks(make_article, OPENING, told), HEADLINE) == {(1, 0)}, told
    # Its main verb printed before ("pays" after "would pay"): the same act, it goes.
    pays = "The new ferry levy pays for harbour dredging in Carthen, ending a long dispute."
    assert retellings(_picks(make_article, OPENING, pays), HEADLINE) == {(1, 0)}


def test_a_subjects_own_saying_is_its_act_not_a_statement(make_article: MakeArticle) -> None:
    # The opening opens on no name, so `_same_act` cannot tell; the lead opens on a name the
    # opening prints, whose "said Monday that" is what she did: told again, it goes.
    opening = ("The new ferry levy will pay for the harbour dredging in Carthen, Mayor Ines "
               "Dal's office and the port board agreed on Monday.")
    lead = "Mayor Ines Dal said Monday that the ferry levy would pay for the dredging and more."
    headline = "Ferry levy will pay for harbour dredging"
    assert retellings(_picks(make_article, opening, lead), headline) == {(1, 0)}
    # A statement after her own ("… officials say …") is one of its own: it stays.
    reported = lead.replace("and more.", "and officials say the work starts in May.")
    assert not retellings(_picks(make_article, opening, reported), headline)


# A description for a subject ("A federal judge", "A Harlow County judge"): no name opens it,
# so `_same_act` cannot tell, and too few of its words are printed for `_mostly_said`.
RULING = ("A federal judge on Friday ruled that the Carthen harbour levy breaks the state's "
          "fishing law, ending a two-year fight over the fees.")
RULED_AGAIN = ("A Harlow County judge ruled that Carthen cannot collect its harbour levy from "
               "visiting trawler crews, whose union brought the case last spring.")
RULING_HEADLINE = "Judge strikes down Carthen harbour levy"


def test_a_description_doing_the_same_thing_tells_it_again(make_article: MakeArticle) -> None:
    # The same noun ("judge") doing the same thing ("ruled"), no other day named: it goes.
    assert retellings(_picks(make_article, RULING, RULED_AGAIN), RULING_HEADLINE) == {(1, 0)}
    for kept in (RULED_AGAIN.replace("ruled", "ruled Tuesday"),  # another day
                 # another act of a judge
                 RULED_AGAIN.replace("ruled that Carthen cannot", "fined Carthen for trying to"),
                 # another court's judge: each names a place the other does not
                 RULED_AGAIN.replace("A Harlow County judge", "A Denby judge")):
        assert not retellings(_picks(make_article, RULING.replace("A federal", "A Harlow"),
                                     kept), RULING_HEADLINE), kept


DECRIED = ("Mayor Ada Lin on Thursday decried the harbour levy, calling it a “tax on "
           "islanders” that the council should scrap.")
DENOUNCED = ("Mayor Ada Lin denounced the harbour levy during a speech on Thursday at the "
             "Oakfield fishing fair.")
DECRIED_HEADLINE = "Carthen mayor decries harbour levy as tax on islanders"


@pytest.mark.parametrize(("first", "again", "headline"), [
    # "decried" / "denounced" (lexicon.EVENT_VERBS): one subject, one day, one act told again
    (DECRIED, DENOUNCED, DECRIED_HEADLINE),
    # "directed" / "ordered": one court, one day, one order told twice
    ("A Harlow County appeals court on Wednesday directed a judge to drop the fraud case "
     "against ferry operator Ilse Brandt, ending the two-year case.",
     "A Harlow County appeals court on Wednesday ordered a lower court to dismiss the case "
     "against Brandt, as prosecutors had asked.",
     "Appeals court rules on Brandt fraud case"),
    # "is considering" / "is eyeing": one subject, one act told again
    ("Harbour Mills is considering a move into the growing market for seaweed snacks.",
     "Harbour Mills is eyeing the seaweed snack market, according to a Monday report.",
     "Harbour Mills in talks over seaweed snacks"),
    # "has apparently rejected" is "rejected" (acts.act reads past an adverb in -ly)
    ("Mayor Ada Lin rejected the harbour levy on Thursday, calling it a tax on islanders.",
     "Mayor Ada Lin has apparently rejected the harbour levy proposed by the board.",
     "Carthen mayor rejects harbour levy"),
    # "is shutting down" / "is closing" (one act, session 30), and the headline's "closes"
    # the retelling alone writes is only how it tells the act (retold.needs)
    ("Harbour Mills is shutting down its Carthen cannery, the firm said on Tuesday.",
     "Harbour Mills is closing its Carthen cannery after years of losses.",
     "Harbour Mills closes Carthen cannery"),
    # "tapped" / "named", under a headline that "names"
    ("Mayor Ada Lin on Monday tapped Tomas Reyes to lead the harbour board.",
     "Mayor Ada Lin named Tomas Reyes on Monday to run the harbour board.",
     "Carthen mayor names Tomas Reyes to lead harbour board"),
    # "resigned" / "stepped down" (a verb and its particle)
    ("Port chief Tomas Reyes resigned on Friday after an audit of the harbour accounts.",
     "Port chief Tomas Reyes stepped down on Friday, weeks after the harbour audit began.",
     "Port chief Reyes resigns after harbour audit"),
    # "agreed" / "reached an agreement" (a verb and the noun of an act)
    ("The Carthen ferry union agreed on Monday to end its strike over night shifts.",
     "The Carthen ferry union reached an agreement on Monday to end the strike.",
     "Carthen ferry union agrees to end strike"),
])
def test_verbs_of_one_kind_tell_one_act(make_article: MakeArticle, first: str, again: str,
                                        headline: str) -> None:
    assert retellings(_picks(make_article, first, again), headline) == {(1, 0)}


def test_a_family_holds_verbs_of_one_kind_only(make_article: MakeArticle) -> None:
    # "dipped" is "fell", "instructed" is "directs"; "praised" is no "denounced": another act
    assert family("dipped") == family("fell") == "fall" and family("slammed") == "criticize"
    assert family("instructed") == family("directs") == "order"
    praised = DENOUNCED.replace("denounced", "praised")
    assert not retellings(_picks(make_article, DECRIED, praised), DECRIED_HEADLINE)


# One commissioner's one act, told by two outlets in verbs of one family ("is set to unveil" /
# "is expected to unveil"); the second adds a name after its verb.
UNVEIL = ("Harbour Commissioner Ada Brenn is set to unveil her plan for the north quay, the "
          "harbour board said.")
UNVEIL_AGAIN = ("Harbour Commissioner Ada Brenn is expected to unveil the Tidewater levy, which "
                "would charge cruise ships for the dredging.")


def test_an_act_told_again_goes_unless_it_names_the_headlines_fact(
        make_article: MakeArticle) -> None:
    picks = _picks(make_article, UNVEIL, UNVEIL_AGAIN)
    assert acted_again(picks, "Ada Brenn to unveil quay plan") == {(1, 0)}
    assert not acted_again(picks, "Brenn to unveil Tidewater levy")  # (the headline's name)
    assert not acted_again(picks[:1], "Ada Brenn to unveil quay plan")
    assert not acted_again(picks, "Ada Brenn to unveil quay plan",
                           replace(PARAGRAPH, event_words=0))
    # never the opening, nor a sentence of its article
    one = _lines(make_article, UNVEIL + " " + UNVEIL_AGAIN)
    assert not acted_again([Pick(ln, ln.text, lead=not ln.index) for ln in one],
                           "Ada Brenn to unveil quay plan")
    # the copy editor strikes it on the same terms
    strikes = paragraph_strikes([UNVEIL, UNVEIL_AGAIN], origins=["a", "b"],
                                headline="Ada Brenn to unveil quay plan")
    assert [s.text for s in strikes] == [UNVEIL_AGAIN]
    assert not paragraph_strikes([UNVEIL, UNVEIL_AGAIN], origins=["a", "b"],
                                 headline="Brenn to unveil Tidewater levy")


def test_the_issue_fills_without_the_act_told_again(make_article: MakeArticle,
                                                   period: Period) -> None:
    # Through the editor: B's account of A's act is not printed, and the paragraph is
    # filled as if it were never there (C's fact about the dredging follows A's account).
    second = "The plan for the north quay would widen it for larger ferries."
    c = ("Engineers said the dredging of the north quay will take two years and close the "
         "ferry berth.")
    arts = [make_article(f"{UNVEIL} {second}", source="Outlet A",
                         title="Ada Brenn to unveil quay plan", day=1),
            make_article(UNVEIL_AGAIN, source="Outlet B", title="Brenn plans new fees",
                         day=1.1),
            make_article(c, source="Outlet C", title="Quay plan to widen north quay", day=1.2)]
    issue = edit_issue(period, arts, newsletter=Newsletter(title="T"), sources=[], health=[])
    assert [s.text for s in issue.stories[0].sentences] == [UNVEIL, second, c]


@pytest.mark.parametrize(("first", "again", "headline"), [
    # "is set to unveil" / "is set to roll out" (session 31)
    ("Mayor Ada Lin is set to unveil her harbour plan on Monday, aides said.",
     "Mayor Ada Lin is set to roll out a plan that would charge cruise ships for dredging.",
     "Mayor Ada Lin to unveil harbour plan"),
    # "introduced" / "brought forward", the second with the charge it names
    ("Councillor Tomas Reyes introduced a motion to censure the port board on Tuesday.",
     "Councillor Tomas Reyes brought forward a motion accusing the board of hiding losses.",
     "Reyes moves to censure port board"),
    # "criticized" / "lashed out at"
    ("Mayor Ada Lin on Monday criticized the port board's plan to sell the north quay.",
     "Mayor Ada Lin lashed out at the port board for trying to sell off the quay to a "
     "developer.", "Mayor Ada Lin criticizes port board plan"),
])
def test_more_verbs_of_one_kind_tell_one_act(make_article: MakeArticle, first: str, again: str,
                                             headline: str) -> None:
    picks = _picks(make_article, first, again)
    assert acted_again(picks, headline) == {(1, 0)}
    # naming the headline's fact, it stays
    named = again.replace("the quay", "the Tidewater quay").replace(
        "cruise ships", "Tidewater cruise ships").replace("hiding", "hiding Tidewater")
    assert not acted_again(_picks(make_article, first, named), headline + " over Tidewater")



def test_the_headlines_own_verb_is_no_other_act(make_article: MakeArticle) -> None:
    # issue 11, session 32: a lead mostly printed whose main verb no printed sentence writes
    # but the headline tells ("began" under "… starts …"): the headline's act, told again
    opening = ("Harbour dredging paid for by the new ferry levy got under way in Carthen on "
               "Monday, the port authority said, ending a long dispute over the fees.")
    began = ("The Carthen dredging crews began work on the harbour Monday, paid for by the new "
             "ferry levy.")
    picks = _picks(make_article, opening, began)
    assert retellings(picks, "Carthen starts harbour dredging paid for by ferry levy") == {(1, 0)}
    # under a headline telling no such verb it is another act, and stays
    assert not retellings(picks, "Carthen harbour dredging paid for by ferry levy")


@pytest.mark.parametrize("text,new", [
    ("The leaders of the world's two largest economies agreed to a truce on Saturday.", False),
    ("Two of the most senior ministers agreed to the truce on Saturday.", False),
    ("The two leaders agreed to a truce covering 200 products on Saturday.", True),
    ("Two ministers resigned over the truce on Saturday.", True)])
def test_a_count_before_a_superlative_is_no_figure(text: str, new: bool) -> None:
    # "the world's two largest economies" names who, by rank: no figure the reader needs.
    from digest.edit.read.event import event
    from digest.edit.write.retold import _new_figure

    told = [event("Ada Lin and Bo Chen agreed on Saturday to halt new tariffs for 90 days.")]
    assert _new_figure(text, told) is new


def test_the_day_a_source_told_it_is_not_the_acts_day(make_article: MakeArticle) -> None:
    """A weekday only in the source clause ("…, the committee's chair said on Friday") is when
    the act was told: another outlet's lead naming another day for a detail ("… a final vote
    as early as Thursday") tells the same meeting."""
    from digest.edit.read.event import event

    first = ("Mayor Ada Lin will meet with the Carthen harbour board next week to discuss the "
             "ferry levy, the board's chair said on Friday.")
    again = ("Mayor Ada Lin is meeting next week with the harbour board in a push to settle the "
             "ferry levy by spring, with a council vote as early as Thursday.")
    assert event(first).days == frozenset()
    assert event(again).days and event("Lin met the board on Friday, the chair said.").days
    picks = _picks(make_article, first, again)
    assert retellings(picks, "Mayor to discuss ferry levy with harbour board next week") == {(1, 0)}
    # A day the act names stays its day: Tuesday's meeting and Thursday's are two.
    tuesday = first.replace("next week", "on Tuesday")
    assert event(tuesday).days
    assert not retellings(_picks(make_article, tuesday, again.replace("next week", "on Thursday")),
                          "Mayor to discuss ferry levy with harbour board")
