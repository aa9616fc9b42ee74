"""The intro (digest/edit/write/intro.py): what the issue covers, as a sentence a copy editor
passes (digest/edit/proof/explainer.intro_strikes). Texts written for the test."""

from __future__ import annotations

from digest.edit.proof.explainer import intro_strikes
from digest.edit.proof.intro import intro_items
from digest.edit.proof.sources import Sources
from digest.edit.settings import IntroSettings
from digest.edit.write.casing import in_running_text, prose_counts
from digest.edit.write.cover import _with_article, finished, first_clause, tells
from digest.edit.write.intro import clauses, intro_line, subject
from digest.edit.write.phrase import clause_in
from digest.models import Newsletter, Story

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
    # A noun the sources write neither way takes "a" when they count it (its plural, "apps")
    # and none where they never do.
    assert finished("Carthen Data Board fines app", WEEK) == \
        "the Carthen Data Board fines an app"
    assert finished("Carthen Data Board fines harbour", WEEK) is None
    assert finished("Quill visits harbour city", WEEK) is None


def test_the_intro_lists_stories_with_semicolons_and_stays_short() -> None:
    items = [f"Quill opens port number {k} to cargo ships" for k in range(5)]
    line = intro_line(Newsletter(title="Port Weekly"), "Week 1", items, 2, None,
                      IntroSettings(named=3, max_words=30))
    assert line.startswith("This week in Port Weekly: Quill opens port number 0 to cargo ships; ")
    assert len(line.split()) <= 30 and "; and four more stories, with two shorter items." in line
    assert intro_items(line) == [items[0]]


# Sources written for the test: "foreign" and "old" qualify nouns, "wife" ends its phrase,
# "takeaways" and "bishops" are common words the week writes in lower case.
COPY_DESK = Sources((
    "The Quill Foundation will refuse foreign, corporate gifts, and foreign donors said so.",
    "A report dug up old, offensive posts by the mayor; old posts resurfaced on Monday.",
    "Police questioned the gunman's wife. His wife said nothing.",
    "Here are five takeaways from the vote. The bishops met in Carthen, and the takeaways "
    "were few. Ada Quill said the levy passed, and Quill said it again.",
    "A judge sent Lin Tao to jail, pending trial; the judge said jail was fair.",
    "Dockers asked the Harbour Board for a deal; a deal may come, and dockers may reach it.",
    "Ships wait for the Harbour Board, and readers of Quill Says Harbour Board Fails wait.",
))


def test_a_comma_between_two_modifiers_ends_no_clause() -> None:
    # issue 11: "the Clinton Foundation to restrict foreign", "… digs up old": the cut left a
    # modifier without its noun. The comma joins two modifiers of one noun: the clause runs
    # on (here past ten words: the story is counted, never cut short).
    assert first_clause("Register hit after report digs up old, offensive posts", COPY_DESK) == \
        "Register hit after report digs up old, offensive posts"
    assert first_clause("Quill Foundation to refuse foreign, corporate gifts if Ada Quill wins "
                        "the vote", COPY_DESK) is None
    # A clause boundary stays one: a participle, a plural subject, a noun the sources end
    # a phrase on ("the gunman's wife, possible ties …" lists two objects).
    assert first_clause("Judge sends Lin Tao to jail, pending trial", COPY_DESK) == \
        "Judge sends Lin Tao to jail"
    assert first_clause("Police eye gunman's wife, possible ties to gangs", COPY_DESK) == \
        "Police eye gunman's wife"
    # A subordinate clause or phrase before the main clause is no item ("as U.S. opioid
    # crisis grows"): the main clause is.
    assert first_clause("As port strike grows, Quill calls for talks with dockers") == \
        "Quill calls for talks with dockers"
    assert first_clause("In despair, protesters take to the streets") == \
        "protesters take to the streets"
    # A list of names is no clause boundary (issue 11, weeks 17 and 59: "… CEOs of
    # Facebook", "Trump accuses FBI"); a place's apposition after a preposition still is.
    assert first_clause("Council subpoenas heads of Quill Port, Carthen Docks, and Harbour "
                        "Board") == \
        "Council subpoenas heads of Quill Port, Carthen Docks, and Harbour Board"
    assert first_clause("Quill accuses Harbour Board, Port Authority of hiding losses") == \
        "Quill accuses Harbour Board and Port Authority of hiding losses"
    assert first_clause("Quill accuses Harbour Board, Port leadership of bias") == \
        "Quill accuses Harbour Board and Port leadership of bias"
    assert first_clause("Dockers strike in Carthen, Quill County over pay") == \
        "Dockers strike in Carthen"
    assert first_clause("Quill fires Lin Tao, Harbour Board demands inquiry") == \
        "Quill fires Lin Tao"
    # A headline's comma for "and" between two subjects is "and".
    assert first_clause("Quill, Lin Tao strike deal on harbour levy") == \
        "Quill and Lin Tao strike deal on harbour levy"


def test_a_bare_topic_tells_no_story() -> None:
    # issue 11: "the Trump presidency", "the U.S. economy": a name and the noun it qualifies,
    # nothing said of them. An event ("… shooting") or a phrase that says more still tells.
    assert not tells("the Quill presidency") and not tells("the U.S. economy")
    assert not tells("the Harbour Board rescue")
    # A name's one noun says whose, not what (week 51: "Trump's claims").
    assert not tells("Ada Quill's claims") and not tells("Quill’s remarks")
    assert tells("Ada Quill's claims about the levy")
    assert tells("the San Carthen synagogue shooting")
    assert tells("the Hangzhou Statement on open and safe AI")


def test_a_headlines_title_case_is_sentence_cased_from_the_weeks_prose() -> None:
    # issue 11: "Five Takeaways from Georgia's special election" kept the headline's capitals
    # where the story's own articles never use the words: the week's prose writes them in
    # lower case and never capitalised on their own inside a sentence.
    counts = prose_counts(["Ada Quill won the vote in Carthen on Monday."])
    assert in_running_text("Five Takeaways from Carthen's vote", counts, mid=True,
                           src=COPY_DESK) == "five takeaways from Carthen's vote"
    assert in_running_text("Carthen Bishops back Quill", counts, mid=True, src=COPY_DESK) == \
        "Carthen bishops back Quill"
    # Two words the story never uses, which the week writes as a name inside a sentence,
    # keep their capitals (issue 11, week 76: "when could the united states reach …").
    assert in_running_text("When Could the Harbour Board Reach a Deal?", counts, mid=True,
                           src=COPY_DESK) == "when could the Harbour Board reach a deal?"
    # A headline quoted once inside a sentence is no evidence ("Quill Says Harbour Board Fails").
    assert in_running_text("Why the Harbour Board Fails Dockers", counts, mid=True,
                           src=COPY_DESK) == "why the Harbour Board fails dockers"
    # A Title Case "A" is the article (week 51: "Mitt Romney has launched A Senate bid");
    # an initial keeps its capital.
    assert in_running_text("Ada Quill Has Launched A Harbour Bid", counts, mid=True) == \
        "Ada Quill has launched a harbour bid"
    assert in_running_text("Ada A. Quill Wins Harbour Vote", counts, mid=True) == \
        "Ada A. Quill wins harbour vote"
    # Without the week (or for a name it writes capitalised) nothing changes.
    assert in_running_text("Five Takeaways from Carthen's vote", counts, mid=True) == \
        "Five Takeaways from Carthen's vote"


def test_a_quoted_title_case_headline_is_no_evidence_of_a_name() -> None:
    # issue 11, a real week: "Project Veritas story on Google bias Reveals left/right divide"
    # kept "Reveals" because one article quoted another outlet's Title Case headline
    # ("… Exec Reveals Google Plan …"), which counted as prose writing the word capitalised.
    quoting = ['Its story ran as "Insider Exec Reveals Harbour Plan to Sink Bid" on Monday.',
               "Ada Quill said the harbour plan would sink the bid."]
    counts = prose_counts(quoting)
    assert counts["Reveals"] == 0 and counts["=Reveals"] == 0 and counts["Insider"] == 0
    assert in_running_text("Harbour Story on Quill Bid Reveals Divide", counts, mid=True) == \
        "harbour story on Quill bid reveals divide"
    # The quoted title of a work still names it by its pairs of capitals (the demo's
    # "signed a non-binding "Hangzhou Statement on Open and Safe AI"").
    signed = prose_counts(['They signed a "Harbour Statement on Open and Safe Docks" today.'])
    assert in_running_text("Ministers sign Harbour Statement on open docks", signed,
                           mid=True) == "Ministers sign Harbour Statement on open docks"
    # A quotation in prose keeps counting: "Ada Quill" said inside quotes is still a name.
    spoken = prose_counts(['She said "we trust Ada Quill and her plan" on Monday.'])
    assert spoken["Quill"] == 1
    # After initials a sentence goes on (a real week's "deployed to capitol": "the U.S.
    # Capitol" was read as a sentence opening, and "state capitol" outnumbered it).
    capitol = prose_counts(["Troops stood on the U.S. Capitol lawn and at the Capitol.",
                            "Guards kept state capitol grounds and capitol buildings safe."])
    assert capitol["Capitol"] == 2
    assert in_running_text("25,000 troops deployed to Capitol", capitol, mid=True) == \
        "25,000 troops deployed to Capitol"
    # A possessive names its name: "Oxford University’s trial" is evidence for "Oxford
    # University", against "the U.K. university" and "Oxford university" elsewhere.
    oxford = prose_counts(["An early trial of Oxford University’s vaccine went well.",
                           "The vaccine, which the U.K. university made, and Oxford university."])
    assert in_running_text("Oxford University trial produces response", oxford, mid=True) == \
        "Oxford University trial produces response"
    # … unless they write the pair with the word in lower case more often (a real week's
    # "Trump Administration’s" once, "the Trump administration" twice).
    trump = prose_counts(["A court handed the Trump administration a win.",
                          "It enforces the Trump Administration’s laws, the Trump administration said."])
    assert in_running_text("Trump Administration Can Withhold Grants", trump, mid=True) == \
        "Trump administration can withhold grants"


def test_the_headlines_clause_comes_before_a_verbs_object() -> None:
    # issue 11: "the Pelosi aircraft", "a watchdog who handled Ukraine complaint": the subject
    # path printed the object and lost what happened to it; the headline's clause says it.
    texts = ["Lin Okafor blamed Ada Quill for the Carthen levy plan on Friday. Okafor said the "
             "plan would cost dockers, and Quill said a plan was needed."]
    story = Story(rank=1, section="in_our_feeds", sentences=(), articles=(),
                  headline="Okafor blames Ada Quill for Carthen levy plan")
    got = clauses([story], [texts], Sources(tuple(texts)))
    assert got == ["Okafor blames Ada Quill for the Carthen levy plan"], got


def _told(headline: str, texts: list[str]) -> str | None:
    story = Story(rank=1, section="in_our_feeds", sentences=(), articles=(), headline=headline)
    return clauses([story], [texts], Sources(tuple(texts)))[0]


def test_an_address_before_a_colon_is_no_story() -> None:
    # allsides week 49: "WSJ Employees to Publisher: Opinion Page Spreads Misinformation"
    # was listed as "WSJ employees to publisher": who speaks to whom, not what happened.
    texts = ["Carthen Post employees wrote a letter to publisher Ada Quill on Tuesday. The "
             "letter said the opinion page spread false claims. The publisher said the page "
             "was independent, and CPP staff agreed."]
    assert _told("CPP Employees to Publisher: Opinion Page Spreads False Claims", texts) is None
    # "X to <verb> …: …" is a clause: the sources write the verb ("visited").
    visit = ["Ada Quill visited the port on Monday. Quill will visit the harbour again, "
             "officials said, and Quill said the port would grow."]
    assert _told("Quill to visit port: what to expect", visit) == "Quill to visit port"


def test_a_number_word_before_of_keeps_no_capital_in_a_list() -> None:
    # allsides week 84: "…; Thousands of Iranian protesters hit streets …" kept the
    # headline's capital in the middle of the intro's sentence. In lower case the copy desk
    # checks it as any clause (here: a word the sources only capitalise, so it is counted).
    texts = ("Thousands of Carthen dock workers hit streets condemning the levy over the "
             "harbour plan. The workers said the levy must go.",)
    got = finished("Thousands of Carthen dock workers hit streets condemning the levy",
                   Sources(texts))
    assert got is None or got.startswith("thousands "), got


def test_an_article_is_restored_from_the_sources_use_of_the_noun_as_a_head() -> None:
    # allsides week 56: "… over an agency leadership": the sources' "a leadership dispute"
    # (the noun qualifying another) was taken for "a leadership".
    src = Sources(("Ada Quill sued the dockers on Monday. Quill said a leadership dispute at "
                   "the agency broke the rules.",))
    assert _with_article("Quill sues dockers over agency leadership", 4, "leadership", src) \
        is None
    levy = Sources(("Ada Quill sued the dockers on Monday over a levy. Quill said a levy was "
                    "unfair.",))
    assert _with_article("Quill sues dockers over levy", 4, "levy", levy) == \
        "Quill sues dockers over a levy"


def test_the_words_the_articles_all_use_never_stop_inside_a_phrase() -> None:
    # allsides week 46: "Mueller Report Details Trump's Attempts to Influence Probe" was
    # listed as "the Mueller report details Trump's attempts": the run of words every
    # article uses stopped on "to", inside the phrase.
    texts = ["The Quill report details how Lin Okafor made attempts to reach the port board, "
             "the report said. Okafor's attempts failed, and the board said the report was fair."]
    assert subject("Quill Report Details Okafor's Attempts to Sway Port Board", texts) is None


def test_a_long_headlines_clause_drops_its_circumstance() -> None:
    # allsides week 60: "Trump commutes 14-year sentence of former Illinois Gov. Blagojevich
    # amid blitz of pardons" (13 words) was too long a clause, and the subject path listed
    # "the 14-year sentence of former Illinois Gov. Blagojevich", losing what happened.
    assert first_clause("Quill commutes 14-year sentence of former Carthen port chief Lin Okafor "
                        "amid blitz of pardons") == \
        "Quill commutes 14-year sentence of former Carthen port chief Lin Okafor"
    # ("after" gives the cause: a clause is not cut there)
    assert first_clause("Okafor is doing fine after tripping while boarding the ferry to the "
                        "Carthen port") is None
