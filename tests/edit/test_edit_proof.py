"""The copy editor (digest.edit.proof): what it strikes, and what it lets stand. The struck
headlines are the broken ones issue 11 lists, in made-up stories."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digest.edit.lexicon import dangles
from digest.edit.proof.headline import _whole_in, headline_strikes
from digest.edit.proof.story import paragraph_strikes, story_strikes
from digest.edit.read.facts import restates
from digest.edit.read.leaning import headline_grammar, leans_back, opens_on_reference
from digest.edit.write.grounding import trace
from digest.edit.write.lines import story_lines
from digest.models import Article

MakeArticle = Callable[..., Article]

SOURCES = ["Carthen lawmakers approve ban on cloned voices in political ads",
           "Carthen's parliament on Tuesday approved a ban on cloned voices. The bill schedules "
           "a vote on fines for 2027.", "卡森议会通过禁止克隆声音的法案"]


@pytest.mark.parametrize(("headline", "rule"), [
    ("Carthen Parliament Approves", "ends on a verb without its object"),
    ("Lawmakers Press Ahead With", "ends on a function word"),
    ("Carthen's Budget Isn't", "ends on an auxiliary"),
    ("Parliament Scheduls Vote on Fines", "word in no source"),
    ("Carthen Bans Cloned Voices in the", "ends on a function word"),
    ("CARTHEN CITY (Reuters) — Lawmakers approve ban", "dateline"),
    ("WATCH: Lawmakers approve ban", "kicker or outlet suffix"),
    ("Lawmakers approve ban - Reuters", "kicker or outlet suffix"),
    ("Lawmakers approve ban on cloned voi…", "cut"),
    ("卡森议会通过禁止克隆", "cut mid-word"),
])
def test_headlines_a_copy_editor_strikes(headline: str, rule: str) -> None:
    rules = [s.rule for s in headline_strikes(headline, SOURCES, language="zh"
                                              if "卡森" in headline else "en")]
    assert any(r.startswith(rule) for r in rules), rules


@pytest.mark.parametrize("headline", [
    "Carthen lawmakers approve ban on cloned voices in political ads",
    "Carthen Lawmakers Push Back",  # a particle ends a phrasal verb
    "Ban Is Tougher Than It Looks Or Is",  # an auxiliary closing a comparison
    "Lawmakers Approve Voice Ban",  # "Ban" after a noun is the noun
    "卡森议会通过禁止克隆声音的法案",
    # the newsletter's own label over a desk's reading (headline/labels.py): its words are ours
    "Analysis: Carthen lawmakers approve ban on cloned voices",
    "Fact check: Carthen lawmakers approve ban on cloned voices",
])
def test_headlines_that_stand(headline: str) -> None:
    sources = [*SOURCES, "Carthen lawmakers push back. It is tougher than it looks or is. "
                         "Lawmakers approve voice ban."]
    language = "zh" if "卡森" in headline else "en"
    assert headline_strikes(headline, sources, language=language) == []


# Real titles' shapes, with the colon a headline cut off after a word or two.
TITLES = ["Carthen voice artists to Parliament: Don't ban us until you hear us",
          "Mayor Brandt To Carthen Unions: 'No Strike This Winter'",
          "Parliament Wants Cloned Voices Removed. Brandt: No Way.",
          "Brandt lied to Parliament: report",
          "Brandt Returns to Parliament: 'An honour'",
          "Voters' guide to Carthen's Election Day: what to know",
          "Brandt To Visit Carthen: what it means",
          "Brandt returned to Parliament on Monday and visited Carthen on Tuesday, "
          "visiting the port. Artists protest."]


@pytest.mark.parametrize(("headline", "rule"), [
    ("Carthen voice artists to Parliament", "who speaks to whom"),
    ("Mayor Brandt To Carthen Unions", "who speaks to whom"),
    ("Parliament Wants Cloned Voices Removed. Brandt", "ends on a fragment"),
    ("Cloned voices banned. Artists protest. Brandt says no.", "three sentences"),
])
def test_a_title_cut_at_its_colon_or_run_on_is_struck(headline: str, rule: str) -> None:
    rules = [s.rule for s in headline_strikes(headline, [*TITLES, *SOURCES])]
    assert any(r.startswith(rule) for r in rules), rules


@pytest.mark.parametrize("headline", [
    "Brandt lied to Parliament",  # a verb before "to": a clause
    "Brandt Returns to Parliament",  # the sources write "returned"
    "Voters' guide to Carthen's Election Day",  # a noun's complement
    "Brandt To Visit Carthen",  # the sources write "visited", "visiting"
    "Carthen lawmakers approve ban. Artists protest.",  # two sentences, each whole
])
def test_a_clause_before_a_colon_stands(headline: str) -> None:
    assert headline_strikes(headline, [*TITLES, *SOURCES]) == []


def test_chinese_in_an_english_headline_only_in_brackets() -> None:
    assert headline_strikes("Carthen's “Clear Voice” (清声) campaign begins", [], language="en") == []
    rules = [s.rule for s in headline_strikes("卡森议会通过法案", [], language="en")]
    assert rules == ["Chinese outside brackets in a Latin-script issue"]


@pytest.mark.parametrize("sentence", [
    "He said the ban would take effect in June.",
    "The company said it would appeal.",
    "Second, the bill sets fines.",
    "One of them voted against.",
    "This is the first such ban.",
    "“It is a good day,” she said.",  # inside the quote too: what is "it"?
    "Farmers and fishing crews in the delta love him.",  # a person never named
    "Twelve hours later, he told the world.",
    # an act named only by the sentence before: which directive? (a lead's second sentence)
    "The directive obliges public schools to let pupils use the bathroom they choose.",
    "The memo told staff to stop using the old forms.",
    # a work by its kind: which series? (the sentence before named it)
    "The series and its many spinoffs are among dozens of harbour dramas.",
    "The film, which opened on Friday, drew crowds to the Carthen quay.",
])
def test_references_that_need_the_sentence_before(sentence: str) -> None:
    assert opens_on_reference(sentence)


def test_this_week_is_no_reference() -> None:
    assert not opens_on_reference("This week, Carthen banned cloned voices.")


@pytest.mark.parametrize("sentence", [
    # "the <noun>" its own words identify: a restrictive clause, "of" a name, a participle
    "The company that owns the Carthen ferry said it would appeal.",
    "The woman who led the harbour board for a decade will stand for mayor.",
    "The leader of the Carthen Dockers' Union called off the stoppage.",
    "The man accusing harbour master Tomas Vel of fraud says he will testify.",
    # a work's kind as a noun's modifier names what it is about
    "The movie version of the Carthen ferry disaster was not based on the novel.",
])
def test_a_noun_its_own_words_identify_is_no_reference(sentence: str) -> None:
    assert not opens_on_reference(sentence)
    # still a reference: "of" no name, a preposition in -ing, a verb
    assert opens_on_reference("The leader of the group called off the stoppage.")
    assert opens_on_reference("The move during the storm angered crews.")
    assert opens_on_reference("The company, which owns the ferry, said it would appeal.")


@pytest.mark.parametrize("sentence", [
    "For one, the bill sets fines for cloned voices.",
    "For another, the ban covers radio adverts.",
    "For example, a cloned voice of the mayor ran on radio.",
    "In addition, the ban covers radio adverts.",
    "Moreover, lawmakers set fines for 2027.",
    "Also, lawmakers set fines for 2027.",
    "Second, lawmakers set fines for 2027.",
    "In fact, the ban covers radio adverts.",
])
def test_a_connective_leans_on_the_sentence_before_for_the_editor_and_read_alone(
        sentence: str) -> None:
    # one list (lexicon.CONNECTIVES) for the paragraph's opening and a TL;DR sentence alone
    assert opens_on_reference(sentence)
    assert dangles(sentence)


@pytest.mark.parametrize("sentence", [
    "Then-Speaker Ilse Brandt called the vote on cloned voices historic.",  # her office then
    "First Lady Ada Brandt opened the Carthen port on Tuesday.",  # a title, no list
    "Second Amendment groups in Carthen rallied against the ban.",
])
def test_a_title_or_name_that_opens_with_an_ordinal_is_no_connective(sentence: str) -> None:
    assert not opens_on_reference(sentence)
    assert not dangles(sentence)


@pytest.mark.parametrize("sentence", [
    "As he left the chamber, Speaker Ilse Brandt called the vote historic.",  # named later
    "A fisherman said his catch had halved since the spring.",  # "a fisherman" is the person
    "Carthen's parliament on Tuesday approved a ban on cloned voices.",
])
def test_a_person_named_in_the_sentence_is_no_reference(sentence: str) -> None:
    assert not opens_on_reference(sentence)


@pytest.mark.parametrize("sentence", [
    "CARTHEN CITY—Lawmakers approved a ban on cloned voices.",
    "OAKFIELD, N.C. – Lawmakers approved a ban on cloned voices.",
    "(AP) — Lawmakers approved a ban on cloned voices.",
    "VIDEO: Lawmakers approved a ban on cloned voices.",
    "CLAIM: Lawmakers approved a ban on cloned voices.",
    "ADA BRANDT, HOST: Lawmakers approved a ban on cloned voices.",
])
def test_a_dateline_or_kicker_in_a_paragraph_is_struck(sentence: str) -> None:
    assert [s.rule for s in paragraph_strikes([sentence])] == ["dateline or kicker"]
    assert paragraph_strikes(["COVID-19 cases rose by a fifth in Carthen."]) == []


def test_words_written_twice_by_a_slip_are_struck_and_mended_by_the_writer(
        make_article: MakeArticle) -> None:
    slips = ["The rower faces two counts of two counts of doping in Carthen.",
             "The club voted on the the new name on Tuesday.",
             "Fines have risen since since March, Outlet B reported."]
    for slip in slips:
        assert any(s.rule.startswith("words written twice") for s in paragraph_strikes([slip]))
    art = make_article(" ".join(slips), source="Outlet A")
    mended = [ln.text for ln in story_lines([art], "en")]  # as a copy editor mends them
    assert mended == ["The rower faces two counts of doping in Carthen.",
                      "The club voted on the new name on Tuesday.",
                      "Fines have risen since March, Outlet B reported."]
    assert all(trace(m, slips) for m in mended) and paragraph_strikes(mended) == []
    # on purpose, or a name: "had had", "that that", "very, very", "Fang Fang", "Duran Duran"
    for whole in ["The club had had enough, and it said that that was final.",
                  "The night was very, very cold when Fang Fang and Duran Duran played."]:
        assert paragraph_strikes([whole]) == []


def test_paragraph_strikes() -> None:
    assert paragraph_strikes([
        "Carthen's parliament on Tuesday approved a ban on cloned voices in political ads.",
        "Fines reach 4 million crowns, according to Outlet B.",
    ]) == []
    rules = [s.rule for s in paragraph_strikes([
        "He said the ban was overdue.",
        "Fines reach 4 million crowns.",
        "Lawmakers set fines of up to 4 million crowns for parties.",
        "The minister said: “We will enforce it.",
        "据数据观察报道，卡森议会通过禁令。",
    ])]
    assert rules == ["opens on an unresolved reference",
                     "fact stated twice (the figure 4 million again)",
                     "quotation left open",
                     "Chinese outside brackets in a Latin-script issue"]


FERRY = ("The board asked on Monday a question that goes to the heart of the harbour: must "
         "the ferry run at night? For two decades, the answer has been “yes.” Ticket sales "
         "will decide, its chair said.")
OTHER = "Carthen's harbour board on Monday weighed ending the night ferry to Oakfield."


@pytest.mark.parametrize(("sentence", "fault"), [
    ("For two decades, the answer has been “yes.”", "answers a question not printed"),
    ("The question comes a day after the board met.", "answers a question not printed"),
    ("One answer lies in the night ferry's ticket sales.", "answers a question not printed"),
    ("Part of the answer is the ferry's cost.", "answers a question not printed"),
    ("Based on the mayor's letter today, that answer is yes.", "answers a question not printed"),
    ("Ferries that answer distress calls get a grant.", None),
    ("The mayor won't take no for an answer on the ferry.", None),  # an idiom
    ("So, on Monday, the chair staged a vote.", "goes on from a sentence not printed"),
    ("Now he wants Carthen's ferry to run all night.", "goes on from a sentence not printed"),
    ("The first is that the ferry loses money.", "an item of a list not printed"),
    ("The others are Oakfield, Kettle and Brandt Point.", "an item of a list not printed"),
    ("The reason for this was twofold.", "points back to a sentence not printed"),
    ("The fact that this is only a sampling of the delays shows the strain.",
     "points back to a sentence not printed"),
    ("Well, he already left the Harbour Caucus.", "goes on from a sentence not printed"),
    ("Regardless, those most at risk are the night workers.",
     "goes on from a sentence not printed"),
    ("In an address on Thursday, he said the Kettle ferry will run.",
     "a person the sentence never names"),
    # the pronoun in the opening phrase, and no name after it (session 26, an "Also" blurb)
    ("Tuesday, after he signed the order, police say two ferries were held in Kettle.",
     "a person the sentence never names"),
    ("As he rode the night ferry in June 2015, it felt like a lark to Oakfield.",
     "a person the sentence never names"),
    ("But the board kept the ferry.", "opens on an unresolved reference"),
])
def test_what_leans_on_the_sentence_before(sentence: str, fault: str | None) -> None:
    assert leans_back(sentence) == fault


@pytest.mark.parametrize("sentence", [
    "“So, I am fighting for the ferry,” the chair said.",  # the speaker's own flow
    "So far the ferry has carried 9,000 people.", "Now that the ferry runs, shops stay open.",
    "The answer to the board's letter came on Friday.", "The question Lind asked was direct.",
    "The first ferry left at dawn.", "The others' tickets were refunded on Friday.",
    "In an address on Thursday, Mayor Brandt said she will run the ferry.",
    "Well before dawn, the Kettle ferry left.",
    "As he boarded, Mayor Brandt waved.", "To her crew, Lind was a legend of the Kettle run.",
    "After she left office, the mayor ran the Kettle ferry.",
    "The fact that the ferry is late shows the strain.", "Most of this week's ferries ran.",
])
def test_what_stands_alone(sentence: str) -> None:
    assert leans_back(sentence) is None


def test_a_sentence_leaning_on_one_not_printed_is_struck_anywhere() -> None:
    answer = "For two decades, the answer has been “yes.”"
    struck = paragraph_strikes([OTHER, answer], sources=[f"Ferry at night?\n{FERRY}", OTHER])
    assert [s.rule for s in struck] == ["answers a question not printed"]
    # Right after the sentence before it in its article, it has what it leans on.
    asked = "Lind asked in 1998 whether Oakfield needed a dawn crossing"
    source = f"{asked}. {answer}"
    assert paragraph_strikes([OTHER, f"{asked}.", answer], sources=[source, OTHER]) == []
    # … also when that sentence is printed credited to its outlet.
    assert paragraph_strikes([OTHER, f"{asked}, according to Outlet A.", answer],
                             sources=[source, OTHER]) == []
    # Without the sources, by the articles the sentences come from.
    so = "So, on Monday, the chair staged a vote."
    assert [s.rule for s in paragraph_strikes([OTHER, so], origins=["b", "a"])] == [
        "goes on from a sentence not printed"]
    assert paragraph_strikes([OTHER, so], origins=["a", "a"]) == []


def test_attribution_that_lower_cases_a_name() -> None:
    sources = ["Officials said Joe Brandt would lead the inquiry."]
    struck = paragraph_strikes(["According to Outlet C, joe Brandt will lead it."],
                               sources=sources)
    assert [s.rule for s in struck] == ["name lower-cased after the attribution"]
    assert paragraph_strikes(["According to Outlet C, officials named Joe Brandt."],
                             sources=sources) == []
    # A function word lower-cased is no name, even where a title capitalises it mid-line.
    assert paragraph_strikes(["According to Outlet C, in a statement, Joe Brandt resigned."],
                             sources=["Joe Brandt Resigns In Protest", "Joe Brandt resigned, "
                                      "officials said In a statement."]) == []


def test_a_texts_first_word_under_its_title_is_no_name() -> None:
    # "… swell\nFaced with …": the title's last word does not run into the text's first.
    assert paragraph_strikes(
        ["According to Outlet C, faced with rising claims, senators changed course on aid."],
        sources=["Senators shifting on aid as claims swell\nFaced with rising claims, senators "
                 "changed course on aid."]) == []


def test_restates_by_figure_or_by_words() -> None:
    assert restates("Claims rose by 137,000 to 853,000 last week.",
                    ["New claims jumped 137,000 to 853,000, the department said."])
    assert restates("The ban covers cloned voices in political ads.",
                    ["Parliament banned cloned voices in political ads on Tuesday."])
    assert restates("Fines start in 2027.", ["The law passed in 2027."]) is None  # a year


def test_the_demo_issue_passes_the_copy_editor() -> None:
    """`make demo`'s issue (the golden copy, which tests/e2e/test_e2e_golden.py keeps equal to
    what the demo builds): no headline or paragraph a copy editor would strike."""
    golden = Path(__file__).resolve().parents[1] / "golden" / "demo" / "issue.json"
    issue = json.loads(golden.read_text(encoding="utf-8"))
    language = issue["newsletter"]["language"]
    struck = []
    for story in issue["stories"]:
        titles = [a["title"] for a in story["articles"]]
        struck += story_strikes(story["headline"], [s["text"] for s in story["sentences"]],
                                language=language, sources=titles,
                                origins=[s["sources"][0] for s in story["sentences"]])
    assert struck == []
    assert len(issue["stories"]) >= 8



@settings(max_examples=300, deadline=None)
@given(word=st.from_regex(r"\w[\w'’-]{0,6}", fullmatch=True),
       text=st.text(alphabet="ab_-'’ .\nAÉé1ßſKİ", max_size=40))
def test_the_whole_word_shortcut_is_the_case_sensitive_search(word: str, text: str) -> None:
    """_cut_word first looks for the word as written (no slicing, no pattern to compile): that
    is the regular expression's answer with case kept, so the case-blind search it stands in
    front of finds whatever it finds."""
    whole = rf"(?<![\w-]){re.escape(word)}(?![\w-])"
    assert _whole_in(word, text) == bool(re.search(whole, text))
    if _whole_in(word, text):
        assert re.search(whole, text, re.IGNORECASE)


def test_a_last_word_is_found_case_blind_and_in_any_source() -> None:
    sources = ["Lawmakers back the BAN", "A vote on fines-to-come"]
    assert not headline_strikes("Lawmakers Back the Ban", sources)  # "Ban" is "BAN"
    assert "cut mid-word" in [s.rule for s in headline_strikes("A Vote on Fine", sources)]


def test_a_dek_printed_as_a_sentence_is_struck() -> None:
    dek = "Former harbour chief speaks in radio interview; Brandt accuses Ode of lies in votes."
    assert headline_grammar(dek)
    assert [s.rule for s in paragraph_strikes([OTHER, dek])] == [
        "a dek in headline grammar printed as a sentence"]
    # Prose joining two clauses with a semicolon writes an article, a pronoun or a quote.
    for prose in ("Thousands have lost their jobs; some have lost homes.",
                  "The ferry stopped; Oakfield shops closed early.",
                  "“It is late; I'm tired,” Brandt said.", "卡森议会通过禁令；市长表示支持。"):
        assert not headline_grammar(prose)
