"""The "Also this week" line (digest.edit.write.also): a one-line blurb under every headline
that has any sentence to give one — a cut lead marked "…", a column's first-person line quoted
and credited — and none only when every sentence leans on one before it or there is no text."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from digest.edit.lexicon import stem
from digest.edit.proof import paragraph_strikes
from digest.edit.read.leaning import opens_on_reference
from digest.edit.write.also import also_line
from digest.edit.write.lines import first_person, story_lines
from digest.edit.write.paragraph import paragraph_for
from digest.models import Article

MakeArticle = Callable[..., Article]


def test_a_cut_lead_is_no_blurb_unless_it_ends_before_the_cut_phrase(
        make_article: MakeArticle) -> None:
    # A's and C's text stop mid-sentence (the feed's excerpt); B's sentences lean on the one
    # before them ("The senator", "he"). A cut sentence is no sentence: the headline stands alone.
    arts = [make_article("Senator Ilse Brandt, who led the fight over the Kettle Bridge, announced "
                         "on Friday that she would seek the party's nomination for", source="Outlet A",
                         title="Brandt launches bid"),
            make_article("The senator received cheers at a small rally on Thursday night. Twelve "
                         "hours later, he told the city.", source="Outlet B",
                         title="Brandt enters the race"),
            make_article("Everything you need to know about newly announced Ilse Brandt that her "
                         "fans won't tell you, some good news on the jobs front even with",
                         source="Outlet C", title="Brandt: a primer")]
    assert also_line(arts, {}, headline="Brandt launches bid", language="en") == ()
    # …but a cut that falls in a phrase hanging on a whole clause ends before that phrase
    arts[0] = make_article("Senator Ilse Brandt announced on Friday that she would seek the "
                           "party's nomination, weeks after the bridge vote that", source="Outlet A",
                           title="Brandt launches bid")
    line = also_line(arts, {}, headline="Brandt launches bid", language="en")
    assert [s.text for s in line] == [
        "Senator Ilse Brandt announced on Friday that she would seek the party's nomination."]
    assert paragraph_strikes([s.text for s in line]) == []


def test_a_column_in_its_writers_voice_is_quoted_and_credited(
        make_article: MakeArticle) -> None:
    # "we" in a newsletter is the editor's: the column's first line is its writer's words.
    art = make_article("Even if not a single ferry has been “sabotaged,” we're in trouble. "
                       "Our harbour reforms came too late.", source="Outlet C",
                       title="The harbour has already been sabotaged")
    line = also_line([art], {}, headline=art.title, language="en")
    assert [s.text for s in line] == [
        "Outlet C writes: “Even if not a single ferry has been ‘sabotaged,’ we're in trouble.”"]
    assert line[0].sources == (art.url,) and paragraph_strikes([line[0].text]) == []
    # A story whose every sentence leans on one before it gets no line.
    leaning = make_article("He has vowed to drain the harbour. Critics love him.",
                           source="Outlet A", title="A bromance could be brewing")
    assert also_line([leaning], {}, headline=leaning.title, language="en") == ()


def test_a_lead_under_a_columns_title_is_credited_to_its_outlet(
        make_article: MakeArticle) -> None:
    # col38: the title speaks for "our" culture, a column's; its plain-reading lead is its
    # writer's verdict all the same, never the newsletter's fact.
    art = make_article("Harbour bosses enforce a monoculture of silence. Speak up and lose "
                       "your berth.", source="Outlet B",
                       title="Why Our Harbour Culture Is Slipping Away")
    line = also_line([art], {}, headline=art.title, language="en")
    assert [s.text for s in line] == [
        "Harbour bosses enforce a monoculture of silence, according to Outlet B."]
    assert line[0].sources == (art.url,) and paragraph_strikes([line[0].text]) == []
    # a lead that names its own source says whose it is; a report's lead is printed bare
    said = make_article("The mayor said on Friday that the ferry deal would be signed.",
                        source="Outlet A", title="OPINION: The ferry deal is a mistake")
    assert [s.text for s in also_line([said], {}, language="en")] == [
        "The mayor said on Friday that the ferry deal would be signed."]
    report = make_article("Harbour bosses fired two pilots on Friday.", source="Outlet C",
                          title="Harbour bosses fire two pilots")
    assert [s.text for s in also_line([report], {}, language="en")] == [
        "Harbour bosses fired two pilots on Friday."]


def test_a_column_line_naming_its_person_as_ours_is_quoted(make_article: MakeArticle) -> None:
    # "our first mayor … his …": the writer's own "our" gives the person as "a" does
    # (leaning.unnamed_person); the line is the column's, quoted and credited. "My …" opening
    # a sentence is the writer's voice too (person.first_person), never printed as ours.
    art = make_article("We thank our first harbour mayor for his years of service, and we "
                       "marvel at how he kept the night ferries running through the strike.",
                       source="Outlet A", title="Kettle's first mayor saw strength in ferries")
    assert [s.text for s in also_line([art], {}, language="en")] == [
        "Outlet A writes: “We thank our first harbour mayor for his years of service, and we "
        "marvel at how he kept the night ferries running through the strike.”"]
    assert first_person("My favourite part of the crossing was the night view.")


def test_a_party_tag_or_a_compound_is_no_first_person() -> None:
    assert not first_person("Sen. Ilse Brandt (I-Oak.) said she was unaware of the claims.")
    assert not first_person("Brandt closed out an us-against-them campaign on Monday.")
    # an abbreviation's letter ("the F.B.I.") is no "I"
    assert not first_person("Papers show the F.B.I. and the port police disagreed in 2025.")
    assert first_person("But….I still ride the ferry.")  # (after stops, not a capital's)
    assert first_person("I think the ferry is late.") and first_person("It worries us.")
    # a part of a web or mail address is no "us", "me" or "my"; "US" in capitals is a country
    assert not first_person("About 9,000 homes were without power, according to poweroutage.us.")
    assert not first_person("Forms are at us.gov, and questions go to me@harbour.example.")
    assert not first_person("The schedule is at harbour.example/my/ferries and the US site.")
    assert first_person("The ferry left without us. We waited an hour.")


def test_a_lead_opening_on_an_it_that_stands_for_nothing_is_a_blurb(
        make_article: MakeArticle) -> None:
    # "It's decision time for …": the "It" is no reference, so the lead stands alone
    # (lexicon.EXPLETIVE_IT; session 23: 3 of the 18 bare allsides "Also" items).
    art = make_article("It’s decision time for Mayor Ilse Brandt and for the three councillors "
                       "weighing whether to back her harbour plan. He has not said.",
                       source="Outlet A", title="Decision time for Brandt")
    assert [s.text for s in also_line([art], {}, language="en")] == [
        "It’s decision time for Mayor Ilse Brandt and for the three councillors weighing "
        "whether to back her harbour plan."]
    # An "It" that is the thing the sentence before named stays a reference: no blurb.
    ref = make_article("It is expected to pass the council next week. He has not said.",
                       source="Outlet A", title="Harbour plan")
    assert also_line([ref], {}, language="en") == ()


@pytest.mark.parametrize(("text", "alone"), [
    ("It’s decision time for Mayor Ilse Brandt and the councillors.", True),
    ("It doesn’t pay to fight the tape, a veteran chart-watcher said Thursday.", True),
    ("It is unclear whether Mayor Brandt will run.", True),
    ("It is unclear whether he will run.", False),  # "he" still leans
    ("It was the largest protest in the city's history.", False),
    ("It is expected to pass the Senate next week.", False),
    # "time-saver" is a noun, no time; "also" adds to what the sentence before said of it
    ("It’s a major time-saver and the ferry comes in on the hour.", False),
    ("It’s also a time to look back on the ferry's first year.", False),
    ("It is also unclear whether the ferry will run.", False),
])
def test_an_it_that_stands_for_nothing_is_no_reference(text: str, alone: bool) -> None:
    assert opens_on_reference(text) is not alone


def test_a_sentence_opening_on_a_set_its_article_introduced_leans(
        make_article: MakeArticle) -> None:
    # "The ferries run …" after the sentence that said which ferries: printed after a
    # sentence naming ferries, never first (references.opening_reference).
    art = make_article("Is the harbour ready for winter? Oakfield runs four night ferries on the "
                       "Kettle line this year. The ferries run every hour from the Kettle pier "
                       "until dawn.", source="Outlet A", title="Winter at the harbour")
    lines = story_lines([art], "en")
    assert [(ln.leans, ln.opens_on) for ln in lines] == [
        (False, frozenset()), (True, frozenset({stem("ferries")}))]
    # its article's first sentence says what the headline above it names
    lead = make_article("The ferries run every hour from the Kettle pier until dawn.",
                        source="Outlet A", title="Night ferries return")
    assert not story_lines([lead], "en")[0].leans
    # a singular, "The ferry runs …", is as often the one thing the story is about
    one = make_article("Oakfield runs one night ferry on the Kettle line this year. The ferry "
                       "runs every hour from the Kettle pier until dawn.", title="Night ferry")
    assert not any(ln.leans for ln in story_lines([one], "en"))
    # under the lead it leans on, or after another outlet's sentence naming ferries, it prints
    other = make_article("Oakfield's night ferries return to the Kettle line on Monday after a "
                         "two-year pause, the harbour board said.", source="Outlet B",
                         title="Night ferries return")
    texts = [x.text for x in paragraph_for([other, art], {}, language="en", words=(40, 130))]
    assert "The ferries run every hour from the Kettle pier until dawn." in texts
    assert texts.index("The ferries run every hour from the Kettle pier until dawn.") > 0


def test_a_lead_whose_opening_phrase_names_nobody_is_no_blurb(
        make_article: MakeArticle) -> None:
    # "Tuesday, after he issued the declaration, police say …" (w58 of the allsides weeks,
    # session 26): "he" is the sentence before's; the next whole lead that names its people
    # is the blurb, and without one the headline stands alone.
    art = make_article("Tuesday, after he signed the order, police say two ferries were held in "
                       "Kettle for the night. Mayor Ilse Brandt signed the harbour order on "
                       "Tuesday, halting the night ferries.", source="Outlet A",
                       title="Brandt halts night ferries")
    assert [s.text for s in also_line([art], {}, language="en")] == [
        "Mayor Ilse Brandt signed the harbour order on Tuesday, halting the night ferries."]
    alone = make_article("Tuesday, after he signed the order, police say two ferries were held "
                         "in Kettle for the night.", source="Outlet A",
                         title="Brandt halts night ferries")
    assert also_line([alone], {}, language="en") == ()


_BRANDT = ("Then Mayor Ilse Brandt said on Monday that the harbour would stay open all winter. "
           "{} credited the ferry crews with keeping the port running through the storm. "
           "But critics of Brandt say the winter timetable came too late.")


@pytest.mark.parametrize(("opening", "headline", "blurb"), [
    # named by the one word the story writes alone, under a headline that names her
    ("She", "Brandt praises ferry crews",
     "Brandt credited the ferry crews with keeping the port running through the storm."),
    ("On Monday, she", "Brandt praises ferry crews",
     "On Monday, Brandt credited the ferry crews with keeping the port running through the "
     "storm."),
    # else in full, as the story writes her: the reader can tell who
    ("On Monday, she", "Ferry crews praised",
     "On Monday, Ilse Brandt credited the ferry crews with keeping the port running through "
     "the storm."),
])
def test_a_lead_leaning_only_on_she_is_the_blurb_with_her_named(
        make_article: MakeArticle, opening: str, headline: str, blurb: str | None) -> None:
    # Every sentence leans ("Then …", "She …", "But …" after a sentence printable before it:
    # struck only away from it); the second leans only on "she", whom its
    # article names (`lines.named_line`): named, it is the blurb where the reader can tell who.
    art = make_article(_BRANDT.format(opening), source="Outlet A", title=headline)
    line = also_line([art], {}, headline=headline, language="en")
    assert [s.text for s in line] == ([blurb] if blurb else [])
    assert paragraph_strikes([s.text for s in line]) == []


def test_a_person_the_story_writes_only_in_full_is_named_in_full(
        make_article: MakeArticle) -> None:
    # "Mayor Ilse Brandt", never "Brandt" alone (allsides w58: "Gov. Tony Evers"): her name
    # is printed as the story writes it (`pronoun.Persons`).
    art = make_article("Then Mayor Ilse Brandt said on Monday that the harbour would stay open "
                       "all winter. On Monday, she credited the ferry crews with keeping the port "
                       "running through the storm.", source="Outlet A", title="Ferry crews praised")
    assert [s.text for s in also_line([art], {}, headline="Ferry crews praised",
                                      language="en")] == [
        "On Monday, Ilse Brandt credited the ferry crews with keeping the port running through "
        "the storm."]


def test_a_lead_naming_someone_the_story_never_writes_in_full_is_no_blurb(
        make_article: MakeArticle) -> None:
    # Only "Brandt" (no title, no first name): under a headline without her, who is she?
    art = make_article("Then Brandt said on Monday that she would keep the harbour open all "
                       "winter. On Monday, she credited the ferry crews with keeping the port "
                       "running. But critics of Brandt say the timetable came too late.",
                       source="Outlet A", title="Ferry crews praised")
    assert also_line([art], {}, headline="Ferry crews praised", language="en") == ()


@pytest.mark.parametrize(("text", "alone"), [
    # a participle of what was done to them, before its preposition, identifies "the man"
    ("The man arrested on suspicion of arson was released on bail.", True),
    ("The woman charged with the Oakfield thefts appeared in court.", True),
    ("The firm based in Carthen cut 40 jobs.", True),
    # the same verbs as the sentence's own past tense still lean on who did it
    ("The company announced on Monday that it would cut jobs.", False),
    ("The man was arrested on Monday.", False),
    ("The man killed his neighbour.", False),
    # "the former" qualifying a noun its clause identifies, not one of two named before
    ("The former Carthen harbour officer who sank the ferry was charged.", True),
    ("The former officer was charged.", False),
    ("The former won 60 percent of the vote.", False),
    ("The latter warned that the ferry would stop.", False),
])
def test_the_noun_its_own_words_identify_stands_alone(text: str, alone: bool) -> None:
    assert opens_on_reference(text) is not alone
