"""What a sentence states and whether it says anything new (digest.edit.read.facts, issue 11: "no
fact stated twice in a paragraph"). Every text here is made up for the test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from digest.edit.proof import paragraph_strikes
from digest.edit.read.events import restates_event, says_nothing_new
from digest.edit.read.facts import name_runs, new_fact, restates, said
from digest.edit.read.figures import hedged, numbers, rounds
from digest.edit.settings import ParagraphSettings
from digest.edit.write.lines import story_lines
from digest.edit.write.paragraph import Pick, paragraph_for, without_repeats
from digest.models import Article

MakeArticle = Callable[..., Article]

OPENING = ("The Harbour Rowing Club of Carthen voted on Tuesday to drop \"Rowing\" from the "
           "name of its youth league, opening the league to paddlers of every boat.")


# Another outlet's lead: the same event in its own words.
PARAPHRASE = ("The Harbour club is renaming its youth league after entering a new era of "
              "inclusion for all boats.")


def test_a_paraphrase_of_what_is_printed_says_nothing_new() -> None:
    assert restates(PARAPHRASE, [OPENING]) is None  # too few shared words for that test
    assert says_nothing_new(PARAPHRASE, [OPENING])


@pytest.mark.parametrize("sentence", [
    # a new name
    "Club captain Mira Osei said the youth league's name will change.",
    # a new figure
    "The youth league's name will change for its 340 paddlers.",
    # a new day: another event
    "The Harbour Rowing Club will vote on Friday on the youth league's name.",
    # mostly new words: a new event
    "Rival clubs on the north bank protested, calling the vote rushed and asking the city "
    "rowing council to review it.",
    # few words said again: two names and something new
    "Carthen and Harbour deny any wrongdoing.",
])
def test_a_new_name_figure_date_or_event_is_something_new(sentence: str) -> None:
    assert says_nothing_new(sentence, [OPENING]) is None


def test_the_whole_printed_text_is_compared_not_one_sentence() -> None:
    printed = ["The Harbour Rowing Club of Carthen voted on Tuesday to rename its league.",
               "From next season, paddlers of every boat will be welcome, the coaches said."]
    sentence = "The Carthen club's youth league will be open to paddlers of every boat."
    assert restates(sentence, printed) is None
    assert all(says_nothing_new(sentence, [p]) is None for p in printed)  # neither alone
    assert says_nothing_new(sentence, printed)  # both together say it


def test_names_are_read_as_a_reader_reads_them() -> None:
    # an acronym spelt out is no new name; "U.S." is "US"; accents and word forms are one word
    assert ("hrcc",) not in said("The Harbour Rowing Club of Carthen (HRCC) voted.").names
    assert ("hrcc",) in said("The HRCC voted.").names
    # one run of capitalised words names one thing: a part the reader met makes it known
    # "Club" alone opening the sentence: its capital is the sentence's, not a name's.
    assert said("Club captain Mira J. Osei spoke.").names == (("mira", "osei"),)
    assert says_nothing_new("Club captain Mira Osei said the club voted to rename the league.",
                            ["Osei's club voted on a new name for its league, the captain said."])
    # … by its head: the press secretary is not the club
    assert says_nothing_new("Harbour Club Press Secretary Ana Ruiz said the club voted to "
                            "rename the league.", ["The Harbour Club voted to rename its league, "
                                                   "its captain said."]) is None
    assert says_nothing_new("The U.S. navy said the Carthen harbour reopened on Tuesday.",
                            ["The US navy reopened Carthen's harbour on Tuesday, it said."])
    assert says_nothing_new("Julián Osei's club announced the renaming of its league on Tuesday.",
                            ["Julian Osei's club announces it renames its league on Tuesday."])
    # a generational suffix after a full name with its initial is no part of the name a reader
    # knows ("Mira J. Osei Jr." is Osei); after a bare name it tells the son from the father
    assert name_runs("Captain Mira J. Osei Jr. of the club spoke") == [["Captain", "Mira", "J",
                                                                        "Osei"]]
    assert name_runs("The captain's son, Kofi Osei Jr., rowed")[-1] == ["Kofi", "Osei", "Jr"]
    assert says_nothing_new("Mira J. Osei Jr. said on Tuesday the club voted to rename the league.",
                            ["Osei said on Tuesday that the club voted to rename its league."])


def test_a_date_is_new_against_another_date_only() -> None:
    undated = "The Harbour Rowing Club voted to rename its youth league."
    assert says_nothing_new("On Tuesday the Harbour Rowing Club voted to rename its league.",
                            [undated])  # the first date says when
    assert says_nothing_new("On Friday the Harbour Rowing Club voted to rename its league.",
                            [OPENING]) is None  # Tuesday printed: Friday is another event


@pytest.mark.parametrize(("sentence", "figures"), [
    ("COVID-19 cases in Carthen rose to 853,000 on Tuesday.", {"853000"}),
    ("The harbour's F-35 hangar and its 5G mast cost $20 million.", {"20 million"}),
    ("Carthen grounded its Boeing 737 jets and 4.5% of its flights.", {"4.5 %"}),
    ("The G7 ministers met on March 15 for the 10th time.", {"10"}),
    ("On Tuesday 12 rowers and 340 paddlers voted.", {"12", "340"}),  # a weekday is no name
    ("超过300家企业参加了卡森港口论坛。", {"300"}),  # a figure between Chinese characters
])
def test_a_figure_inside_a_name_is_no_fact_figure(sentence: str, figures: set[str]) -> None:
    assert numbers(sentence) == figures


def test_two_facts_about_covid_19_are_not_one_figure_said_twice() -> None:
    printed = ["COVID-19 cases in Carthen rose to 853,000 on Tuesday, the harbour board said."]
    assert restates("Carthen's first COVID-19 vaccine was given to a harbour pilot.",
                    printed) is None


def test_chinese_is_compared_in_character_pairs() -> None:
    printed = ["卡森划船俱乐部周二投票决定将青年联赛更名，向所有船型开放。"]
    assert says_nothing_new("卡森划船俱乐部决定青年联赛更名，向所有船型开放。", printed)
    assert says_nothing_new("卡森市议会周五批准了新的港口扩建计划和三座码头。", printed) is None


def test_the_copy_editor_strikes_another_outlets_paraphrase_not_an_accounts_next_sentence(
) -> None:
    rules = [s.rule for s in paragraph_strikes([OPENING, PARAPHRASE], origins=["a", "b"])]
    assert rules and rules[0].startswith("fact stated twice (nothing new")
    # The same outlet going on with its own account is not judged against itself.
    assert paragraph_strikes([OPENING, PARAPHRASE], origins=["a", "a"]) == []


def test_the_paragraph_drops_another_outlets_paraphrase_and_keeps_its_new_facts(
        make_article: MakeArticle) -> None:
    a = make_article(
        OPENING + " The vote passed 41 to 3 after a two-hour meeting. Members said the old "
        "name had kept kayak and canoe clubs from joining. The league's first mixed regatta is "
        "planned for the spring on the Carthen estuary.",
        source="Outlet A", title="Harbour Rowing Club renames youth league", day=1)
    b = make_article(
        PARAPHRASE + " Club captain Mira Osei said coaches from two kayak "
        "clubs had asked to join for years.",
        source="Outlet B", title="Rowing club changes youth league name", day=1.2)
    c = make_article(
        "On Tuesday the Harbour Rowing Club voted to change the youth league's name. The "
        "city's sports council will fund new boats for the league, its chair Tomas Reyes said.",
        source="Outlet C", title="Carthen rowing league to get new name", day=1.4)
    printed = paragraph_for([a, b, c], {}, language="en")
    texts = [s.text for s in printed]
    assert PARAPHRASE not in texts  # the gist of the lead printed, in other words
    assert any("Mira Osei" in t for t in texts)  # the same outlet's new fact
    assert any("Tomas Reyes" in t for t in texts)
    assert paragraph_strikes(texts, origins=[s.sources[0] for s in printed]) == []
    # Without the tests (no share of new words is little enough, no event compared) and with
    # any fill allowed under the least (`fill_loss`, which also keeps a costly paraphrase
    # out), it is printed.
    before = paragraph_for([a, b, c], {}, language="en",
                           settings=ParagraphSettings(nothing_new=0.0, event_words=0,
                                                      fill_loss=1.0))
    assert PARAPHRASE in {s.text for s in before}


def test_a_surname_alone_leans_on_the_sentence_that_gave_the_full_name(
        make_article: MakeArticle) -> None:
    art = make_article(
        "The Harbour Rowing Club renamed its youth league on Tuesday, its coach Dr. Lena Marsh "
        "said. Marsh was not involved in the vote. Harbour members backed it by 41 to 3.",
        source="Outlet A", title="Rowing club renames youth league")
    lines = {ln.text: ln for ln in story_lines([art], "en")}
    assert lines["Marsh was not involved in the vote."].refers == {"marsh"}
    assert not lines["Harbour members backed it by 41 to 3."].refers  # "Harbour": a name met
    # The paragraph prints it only after a sentence that names Lena Marsh.
    texts = [s.text for s in paragraph_for([art], {}, language="en")]
    if "Marsh was not involved in the vote." in texts:
        k = texts.index("Marsh was not involved in the vote.")
        assert any("Lena Marsh" in t for t in texts[:k])
    other = make_article("Marsh was not involved in the vote. The club's youth league has a new "
                         "name from Tuesday, its 340 paddlers were told.", source="Outlet B",
                         title="Youth league renamed")
    assert {ln.text: ln for ln in story_lines([other], "en")}[
        "Marsh was not involved in the vote."].refers == frozenset()  # never given in full


def test_a_columns_hook_is_not_taken_for_another_outlets_report(
        make_article: MakeArticle) -> None:
    """Under the least words another outlet's lead comes first, as its own summary of the
    story; a lead that names nothing and gives no figure opens a column, not a report."""
    a = make_article(OPENING, source="Outlet A", title="Harbour Rowing Club renames youth league",
                     day=1)
    b = make_article("Club captain Mira Osei said coaches from two kayak clubs had asked to join "
                     "the league for years.", source="Outlet B", title="Kayakers welcome rename",
                     day=1.2)
    c = make_article("The arguments are endless. The city's sports council will fund new boats "
                     "for the renamed league, its chair Tomas Reyes said on Wednesday.",
                     source="Outlet C", title="Carthen rowing league to get new name", day=1.4)
    texts = [s.text for s in paragraph_for([a, b, c], {}, language="en")]
    assert "The arguments are endless." not in texts
    assert any("Tomas Reyes" in t for t in texts) and any("Mira Osei" in t for t in texts)


# The same event in other words: the same actors, the same action, nothing new (issue 11:
# "same numbers, names or event = said").
DEMAND = ("Lawyers for Mayor Ilse Brandt are demanding that the Carthen Gazette walk back its "
          "claim that her campaign took money from developers.")
DEMAND_AGAIN = ("Lawyers representing Mayor Ilse Brandt (D-Carthen) on Monday called on the "
                "Carthen Gazette to retract its report, accusing the paper of defamation.")
ATTACKS = ("Council members denounced Mayor Ilse Brandt's attacks on the radio host Tom "
           "Keller.")
BACKLASH = ("Mayor Ilse Brandt drew a swift backlash from both parties after she assailed Tom "
            "Keller in crude terms on his talk show, the latest of her attacks on the press.")


@pytest.mark.parametrize(("sentence", "printed"), [
    (DEMAND_AGAIN, DEMAND),  # demanding / called on, walk back / retract; a party tag, a day
    (BACKLASH, ATTACKS),  # denounced / backlash, attacks / assailed
])
def test_the_same_event_in_other_words_is_said(sentence: str, printed: str) -> None:
    assert restates(sentence, [printed]) is None  # too few shared words for that test
    why = restates_event(sentence, [printed])
    assert why and why.startswith("the same event again")
    assert says_nothing_new(sentence, [printed]) == why
    assert restates_event(sentence, [printed], ParagraphSettings(event_words=0)) is None  # the setting turns it off


@pytest.mark.parametrize("sentence", [
    # a new name
    "Governor Paul Ode also called on the Carthen Gazette to retract its report on Brandt.",
    # a new figure, in digits or in words
    "Lawyers for Brandt called on the Carthen Gazette to retract its report within 14 days.",
    "Lawyers for Brandt called on the Carthen Gazette to retract its report within two weeks.",
    # the same actors doing something else
    "Mayor Ilse Brandt opened the Carthen Gazette's new printing works by the harbour.",
    # the same action by an actor the printed sentence does not name
    "Lawyers called on the council to retract its report.",
])
def test_an_event_with_a_new_actor_figure_or_action_is_not_said(sentence: str) -> None:
    assert restates_event(sentence, [DEMAND]) is None


def test_another_day_is_another_event() -> None:
    printed = ["Lawyers for Mayor Ilse Brandt on Monday demanded that the Carthen Gazette walk "
               "back its claim."]
    assert restates_event("On Friday, lawyers for Brandt called on the Carthen Gazette to "
                          "retract its claim.", printed) is None
    assert restates_event("Lawyers for Brandt called on the Carthen Gazette on Monday to "
                          "retract its claim.", printed)


def test_chinese_is_never_read_as_the_same_event() -> None:
    printed = ["卡森市长的律师周一要求《卡森报》撤回其报道。"]
    assert restates_event("卡森市长的律师要求《卡森报》撤回报道并道歉。", printed) is None


def test_the_copy_editor_strikes_another_outlets_event_told_again() -> None:
    rules = [s.rule for s in paragraph_strikes([DEMAND, DEMAND_AGAIN], origins=["a", "b"])]
    assert rules and rules[0].startswith("fact stated twice (the same event again")
    assert paragraph_strikes([DEMAND, DEMAND_AGAIN], origins=["a", "a"]) == []


def test_the_paragraph_tells_an_event_once(make_article: MakeArticle) -> None:
    a = make_article(
        DEMAND + " The Gazette reported last week that two developers paid for her campaign "
        "flyers. Brandt has denied the report and says the flyers were paid by volunteers.",
        source="Outlet A", title="Brandt's lawyers demand the Gazette walk back its claim", day=1)
    b = make_article(
        DEMAND_AGAIN + " The Gazette's editor Nora Lind said the paper stands by its reporting.",
        source="Outlet B", title="Brandt's lawyers call on the Gazette to retract report",
        day=1.2)
    c = make_article(
        "The Carthen Gazette says it will not retract its report on Mayor Ilse Brandt. The "
        "city's ethics board will review the campaign's accounts in March, its chair Tomas "
        "Reyes said.", source="Outlet C", title="Gazette stands by Brandt report", day=1.4)
    printed = paragraph_for([a, b, c], {}, language="en")
    texts = [s.text for s in printed]
    assert (DEMAND in texts) != (DEMAND_AGAIN in texts)  # the demand, once
    assert any("Tomas Reyes" in t for t in texts)  # a new fact fills instead
    assert paragraph_strikes(texts, origins=[s.sources[0] for s in printed]) == []
    # (the event rule is what tells them apart: by words alone the second is news)
    assert says_nothing_new(DEMAND_AGAIN, [DEMAND])
    assert not says_nothing_new(DEMAND_AGAIN, [DEMAND], ParagraphSettings(
        event_words=0, fill_loss=1.0, nothing_new=0.0))


# The same event with a new name that is only a detail of it (issue 11, week 5: "Syria
# announced on Tuesday that it would be joining the Paris climate change agreement … after
# President Trump's June 1 decision" after "Syria … to announce plans to sign the Paris
# climate agreement …"): most of its action is what the printed sentence told.
TREATY = ("Carthen announced plans on Tuesday to sign the regional harbour treaty, leaving "
          "Brenna as the only town to reject the shipping pact.")
TREATY_AGAIN = ("Carthen said on Tuesday that it would join the regional harbour treaty, "
                "leaving Brenna as the only town still opposed to the shipping pact after "
                "Mayor Ilse Brandt's decision to quit it.")


def test_a_new_name_in_an_event_told_again_is_a_detail() -> None:
    why = restates_event(TREATY_AGAIN, [TREATY])
    assert why and why.startswith("the same event again")
    # …not when the name tells most of what the sentence says: a new actor and a new action
    assert restates_event("Mayor Ilse Brandt of Brenna said on Tuesday her town would stay "
                          "out of any treaty and build its own ferry pier on the river.",
                          [TREATY]) is None
    # …and the settings say how much of the action must be shared (Carthen, the subject of
    # both on Tuesday, also by event_words_subject)
    assert restates_event(TREATY_AGAIN, [TREATY], ParagraphSettings(
        event_words_named=20, event_words_subject=20)) is None
    assert restates_event(TREATY_AGAIN, [TREATY], ParagraphSettings(
        event_share_named=1.0, event_words_subject=20)) is None
    assert restates_event(TREATY_AGAIN, [TREATY], ParagraphSettings(event_words_named=20))


def test_a_weekday_is_new_only_against_another_weekday() -> None:
    # "the November regatta" names a month, not the day the club spoke: Thursday says when.
    printed = ["Club captain Mira Osei publicly suggested delaying November's regatta, an "
               "unprecedented step for the Carthen club."]
    assert says_nothing_new("Osei suggested Thursday that the November regatta should be "
                            "delayed.", printed)
    assert says_nothing_new("Osei suggested in December that the November regatta should "
                            "be delayed.", printed) is None  # another month: another event


# A fact told again by another outlet in other forms of the same words (issue 11, round two).
def test_a_people_is_its_country() -> None:
    # "an Iranian drone" names Iran; "American" and "the United States" name no one new
    printed = ["Brazil's president said on Tuesday that a navy frigate destroyed an Iranian "
               "drone near the coast."]
    assert says_nothing_new("Brazil's president said Tuesday that the navy destroyed a drone "
                            "flown by Iran near an American frigate.", printed)
    # "American" is the US: new only where no "U.S." is printed
    assert not new_fact("Ships of the American navy docked.", ["U.S. navy ships docked."])
    assert new_fact("Ships of the American navy docked.", ["Navy ships docked."])
    assert says_nothing_new("Brazil's president said Tuesday that the navy destroyed a drone "
                            "flown by Peru near the coast.", printed) is None  # another country


def test_the_source_a_report_names_is_no_new_part_of_the_event() -> None:
    # ("send", not "name": "will name" and "has picked" are one act whatever each names,
    # lexicon.EVENT_VERBS, and this is about names)
    printed = ["Mayor Ilse Brandt will send the harbour designer Tomas Reyes, a member of her "
               "rowing club, as Carthen's envoy to Brenna."]
    again = ("Mayor Ilse Brandt has picked a wealthy club member as her envoy, the Carthen "
             "Harbour Office announced.")
    why = restates_event(again, printed)
    assert why and why.startswith("the same event again")
    # the same name in what happened is new
    assert restates_event("Mayor Ilse Brandt has picked a wealthy club member as her envoy to "
                          "the Carthen Harbour Office.", printed) is None


@pytest.mark.parametrize(("figure", "exact", "same"), [
    ("880000", "881000", True),  # "more than 880,000" after "881,000"
    ("5 billion", "5.2 billion", True),
    ("50", "48", False),  # one zero: not a round figure
    ("100", "162", False),  # 162 rounds to 200
    ("880000", "881000 %", False),  # another scale
    ("5.2 billion", "5 billion", False),  # the exact figure is new against the round one
    ("30 million", "34 million", False),  # unhedged and an eighth off: another figure
    ("30", "30.4", True),  # the decimal dropped
    ("2 trillion", "2.2 trillion", True),  # "$2 trillion" of "$2.2 trillion": the same
    ("30 million", "34.2 million", False),  # 34.2 drops to 34, not 30
    ("1.4 billion", "1.38 billion", True),  # to the hundred million
    ("6000", "5800", True),  # a "6,000-person warehouse" of 5,800 workers: within a twentieth
])
def test_a_round_figure_is_the_exact_one_rounded(figure: str, exact: str, same: bool) -> None:
    assert rounds(figure, exact) is same


@pytest.mark.parametrize(("figure", "exact", "hedge", "same"), [
    ("30 million", "34 million", 0, True),  # "about $30 million": near at its precision
    ("30 million", "36 million", 0, False),  # 36 rounds to 40
    ("400 million", "391 million", -1, True),  # "nearly $400 million"
    ("400 million", "391 million", 1, False),  # "more than $400 million" is not 391
    ("880000", "881000", 1, True),  # "more than 880,000"
    ("880000", "879000", 1, False),
])
def test_a_hedged_round_figure_stands_for_one_near_it_on_its_side(
        figure: str, exact: str, hedge: int, same: bool) -> None:
    assert rounds(figure, exact, hedge) is same


def test_a_round_figure_unhedged_is_a_figure_of_its_own() -> None:
    printed = ["The harbour board paid $34 million for the dredging contract, officials said."]
    assert new_fact("The harbour board paid $30 million for the dredging contract.", printed)
    for hedge in ("about", "some", "roughly", "nearly", "almost"):
        assert not new_fact(f"The harbour board paid {hedge} $30 million for the contract.",
                            ["The harbour board paid $29 million for the dredging contract."])
    assert new_fact("The harbour board paid more than $30 million for the contract.",
                    ["The harbour board paid $29 million for the dredging contract."])
    assert hedged("Nearly $400 million went, and up to 5 million, over 880,000 and some 30.") == {
        ("400 million", -1), ("5 million", -1), ("880000", 1), ("30", 0)}


def test_a_hedged_round_figure_is_no_new_figure() -> None:
    printed = ["Weekly claims for jobless benefits fell by 130,000 to 881,000, the Labor "
               "Department said on Thursday."]
    assert not new_fact("More than 880,000 people filed for jobless benefits last week.",
                        printed)
    assert new_fact("More than 950,000 people filed for jobless benefits last week.", printed)


@pytest.mark.parametrize(("sentence", "printed"), [
    ("Radio host Mira Osei has been kicked off the Carthen Radio network after the "
     "broadcast.", "On Monday, the Carthen Radio network banned host Mira Osei after the "
                   "broadcast."),
    ("Mayor Ilse Brandt encouraged her former aide Tom Keller to seek immunity from the "
     "council on Friday.", "Mayor Ilse Brandt on Friday urged her former aide, Tom Keller, to "
                          "seek immunity from the council."),
])
def test_an_action_told_in_other_words_is_one_family(sentence: str, printed: str) -> None:
    why = restates_event(sentence, [printed])
    assert why and "~" in why


# Names as a reader reads them, round three: a month's abbreviation is a date, a date is no
# part of a name, a name spelt out is its acronym (issue 11, round three).
def test_a_months_abbreviation_is_a_date_not_a_name() -> None:
    printed = ["The Carthen court on Monday ordered the town to count ballots that arrive up to "
               "three days after the vote."]
    assert not new_fact("Ballots received by Nov. 3 must be counted.", printed)
    assert new_fact("Ballots received by Nov. 3 must be counted, Tomas Reyes said.", printed)


def test_a_date_is_no_part_of_a_name() -> None:
    assert name_runs("members walked out of the Judiciary Committee Friday morning") == [
        ["Judiciary", "Committee"], ["Friday"]]
    assert name_runs("on Tuesday November 3") == [["Tuesday", "November"]]
    assert name_runs("Prime Minister Theresa May spoke") == [
        ["Prime", "Minister", "Theresa", "May"]]
    # nor is the body a title names: "Speaker of the House" is Pelosi's title, no one new
    assert name_runs("Speaker of the House Nancy Pelosi met the Bank of the West") == [
        ["Speaker"], ["Nancy", "Pelosi"], ["Bank"], ["West"]]
    assert not new_fact("Mira Osei, the Speaker of the Council, spoke on Monday.",
                        ["Carthen's speaker Mira Osei spoke on Monday."])
    printed = ["Four council members walked out of the Carthen Harbour Committee in protest "
               "after the mayor scheduled a vote on the pier."]
    why = says_nothing_new("Some council members stormed out of the Carthen Harbour Committee "
                           "Friday morning, protesting a vote on the pier.", printed)
    assert why  # nothing new: the committee, then the first weekday printed


def test_a_name_spelt_out_is_its_acronym() -> None:
    assert not new_fact("The Carthen Harbour Authority met.", ["The CHA met on Monday."])
    assert not new_fact("The CHA met.", ["The Carthen Harbour Authority met on Monday."])
    assert new_fact("The Carthen Rowing Club met.", ["The CHA met on Monday."])
    printed = ["The CHA voted on Thursday to end the pier fees."]
    why = restates_event("The Carthen Harbour Authority voted to end the pier fees.", printed)
    assert why and why.startswith("the same event again")


@pytest.mark.parametrize(("sentence", "printed"), [
    ("Tomas Reyes, the harbour master, has been appointed to oversee the inquiry into the "
     "Carthen pier.", "Mayor Ilse Brandt has tapped the harbour master Tomas Reyes to lead the "
                      "probe of the Carthen pier."),
    ("The Carthen council passed the pier budget.", "The Carthen council approved the pier "
                                                    "budget on Monday."),
])
def test_an_appointment_an_inquiry_and_a_vote_are_families(sentence: str, printed: str) -> None:
    why = restates_event(sentence, [printed])
    assert why and "~" in why


WON = ("Mayor Ilse Brandt won the Carthen mayoral race in a landslide on Tuesday, giving her "
       "party a lift before the spring council vote.")
DEFEATED = ("After stumbling through a rough final week of rain-soaked canvassing, Mayor Ilse "
            "Brandt defeated Tomas Reyes on Tuesday in the Carthen mayoral race.")
PROJECTED = ("Brandt was projected to beat Tomas Reyes, as her party appeared headed for a big "
             "night in the races for the Oakfield Harbour Board and the Kettle School Council, "
             "based on early returns.")


def test_a_sentence_the_rest_of_the_paragraph_says_is_not_printed(
        make_article: MakeArticle) -> None:
    # DEFEATED says something WON does not (Reyes), but nothing WON and PROJECTED, taken
    # together, do not: wherever it stands, the fact is told twice.
    assert new_fact(DEFEATED, [WON]) and says_nothing_new(DEFEATED, [WON]) is None
    assert says_nothing_new(DEFEATED, [WON, PROJECTED])
    arts = [make_article(text, source=f"Outlet {k}", title="Brandt wins Carthen race",
                         day=1 + k / 10) for k, text in enumerate((WON, DEFEATED, PROJECTED))]
    lines = story_lines(arts, "en")
    chosen = [Pick(ln, ln.text) for ln in lines]  # picked in this order
    assert [p.text for p in without_repeats(chosen)] == [WON, PROJECTED]
    assert [p.text for p in without_repeats(chosen[:2])] == [WON, DEFEATED]
