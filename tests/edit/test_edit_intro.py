"""The intro (digest/edit/write/intro.py): what the issue covers, as a sentence a copy editor
passes (digest/edit/proof_explainer.intro_strikes). Texts written for the test."""

from __future__ import annotations

from digest.edit.proof_explainer import intro_strikes
from digest.edit.proof_front import Sources
from digest.edit.proof_intro import intro_items
from digest.edit.settings import IntroSettings
from digest.edit.write.cover import finished, first_clause, tells
from digest.edit.write.intro import intro_line, subject
from digest.edit.write.phrase import clause_in
from digest.models import Newsletter

TEXTS = ["The Senate narrowly approved the budget bill on Tuesday, senators said.",
         "Rep. Tulsi Gabbard's lawyers filed a suit; lawyers for Tulsi Gabbard said so.",
         "President Trump asked Comey to drop the probe, and Trump asked again later."]


def test_a_subject_never_ends_on_a_function_word_or_an_adverb() -> None:
    assert subject("Senate narrowly approves budget bill", TEXTS) in {"the Senate",
                                                                      "the budget bill"}
    # No verb the articles use: the words they all use are a clause, not a noun phrase.
    assert subject("Trump asked Comey to drop probe", TEXTS) is None


def test_a_name_keeps_its_capital_and_a_plural_takes_no_article() -> None:
    got = subject("Tulsi Gabbard's lawyers file suit", TEXTS)
    assert got is not None and got.startswith("Tulsi Gabbard")
    claims = subject("Jobless claims rise again", ["Jobless claims rose to 200,000, and "
                                                   "jobless claims rising worried economists."])
    assert claims in {"jobless claims", None}


def test_the_intro_names_a_few_stories_and_counts_the_rest() -> None:
    covers = [f"the story number {k}" for k in range(20)]
    line = intro_line(Newsletter(title="Bench Weekly"), "Week 1", covers, 3, None,
                      IntroSettings(named=4))
    assert "the story number 3; and 16 more stories" in line
    assert "story number 4;" not in line
    assert intro_strikes(line, []) == []


def test_a_clause_is_never_printed_as_a_subject() -> None:
    """Headline fragments a copy editor would strike: each is told by one rule of
    intro._NOT_A_PHRASE (the reason is what the rule says)."""
    used = {"ordered", "pledged", "indicted", "told"}
    clauses_ = ["Mayor Dlamini indicted on fraud", "Ferris has begun 60% enrichment",
                "the port deal and pledges more detail", "Okafor tells Radio Kesho she did",
                "Okafor calls the plan a 'surrender'", "the harbour fund. hint",
                "the woman after Taser struggle", "Appeals court orders Ferris case",
                "Riverton council took nearly $10 million", "Judge Amara found guilty",
                "Okafor's aides just", "port workers striking over pay",
                "‘nobody likes’ Judge Amara", "Senator Ferris’s"]
    for text in clauses_:
        assert clause_in(text, used) is not None, text
    phrases = ["the Hangzhou Statement on open and safe AI", "China's AI labelling rules",
               "a four-month 'Clear Feed' campaign against addictive recommendation algorithms",
               "the proposed port rules", "the March for Life rally", "the Supreme Court",
               "a staggering number of harbour closures", "the newly elected mayor",
               "a report on Judge Amara's 'problematic' ties", "Lingxi-3"]
    for text in phrases:
        assert clause_in(text, used) is None, text


def test_a_title_before_a_name_keeps_its_capital_and_takes_no_article() -> None:
    texts = ["President Okafor flew to Riverton on Monday, the president's office said.",
             "The Okafor administration said President Okafor would meet the mayor."]
    assert subject("President Okafor travels to storm-hit Riverton", texts) == "President Okafor"
    # "the Okafor administration" is the administration's "the", not Okafor's.
    assert subject("Okafor moves forward with port limits",
                   ["The Okafor administration moved forward; Okafor said so.",
                    "Okafor said the limits would come."]) == "Okafor"


def test_a_subject_drops_its_weekday_and_the_intro_names_a_subject_once() -> None:
    texts = ["The committee will review the harbour inspection report, members said, and "
             "reviewing it will take a week; the committee reviewed one last year."]
    got = subject("Harbour Committee to review harbour inspection report Monday", texts)
    assert got is not None and not got.endswith("Monday")
    line = intro_line(Newsletter(title="Bench Weekly"), "Week 1",
                      ["the Supreme Court", "Okafor", "the Supreme Court", "Okafor's aides",
                       "the port strike"], 0, None, IntroSettings(named=3))
    assert line.count("Supreme Court") == 1 and "Okafor's aides" not in line
    assert "the port strike; and two more stories" in line


WEEK = Sources((
    "Ada Quill returned to the White House on Monday. The White House said she was well; "
    "the White House had said so before.",
    "The Carthen Data Board fined three apps. The Carthen Data Board said the apps sold "
    "data. Officials at the board referred questions to Harbour City.",
    "Critics said the Harbour Court ruling was a blow; the Harbour Court ruled on Friday.",
    "Two data experts condemned the fines.",
))


def test_a_story_is_named_by_a_phrase_that_tells_it_else_by_its_headlines_clause() -> None:
    # A name alone, or a body or role a name qualifies, tells no story.
    assert not tells("the Senate") and not tells("the House committee")
    assert not tells("Trump's legal team") and not tells("Despite Quill's claims")
    assert tells("a long-awaited antitrust suit against Carthen") and tells("Quill's port levy")
    # The headline's main clause: no quoted tag, no "(Video)", no second clause, no cut at
    # an abbreviation; an open quotation or a clause of over ten words is none.
    assert first_clause("'Maybe I'm Well': Quill Returns To White House, Removes Mask") == \
        "Quill Returns To White House"
    assert first_clause("Quill plays up port risks (Video)") == "Quill plays up port risks"
    assert first_clause("Gov. Quill fines map apps. Here is why") == "Gov. Quill fines map apps"
    assert first_clause("Okafor says Quill is 'unfit to lead") is None
    assert first_clause("维港数据联盟发布标准") is None
    # In running text: "the" restored where the sources write it, a cut name written out.
    assert finished("Quill returns to White House", WEEK) == "Quill returns to the White House"
    assert finished("Carthen fines map apps", WEEK) == "the Carthen Data Board fines map apps"
    assert finished("A panel rules on Quill", WEEK) == "a panel rules on Quill"
    # A headline's capital on a common noun the sources write in lower case is no name cut
    # short ("Data" is written out to "Data Board" elsewhere, never here).
    assert finished("Data experts condemn the fines", WEEK) == "data experts condemn the fines"
    # A headline's dropped article is restored as the sources write it ("the ruling", "a
    # blow"); struck where they never write one, or for a name lower-cased.
    levy = Sources(("Ada Quill proposed a levy on Monday, and the board backed a levy of 2%.",
                    "Quill said a levy would pass."))
    assert finished("Quill proposes levy", levy) == "Quill proposes a levy"
    assert finished("Carthen Data Board fines app", WEEK) is None
    assert finished("Quill visits harbour city", WEEK) is None


def test_the_intro_lists_stories_with_semicolons_and_stays_short() -> None:
    items = [f"Quill opens port number {k} to cargo ships" for k in range(5)]
    line = intro_line(Newsletter(title="Port Weekly"), "Week 1", items, 2, None,
                      IntroSettings(named=3, max_words=30))
    assert line.startswith("This week in Port Weekly: Quill opens port number 0 to cargo ships; ")
    assert len(line.split()) <= 30 and "; and four more stories, with two shorter items." in line
    assert intro_items(line) == [items[0]]
