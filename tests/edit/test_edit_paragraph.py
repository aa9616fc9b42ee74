"""The story paragraph and the "Also this week" line (issue 11). Every text here is made up
for the test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from digest.edit.lexicon import CJK_RE, stem
from digest.edit.proof import paragraph_strikes
from digest.edit.read.facts import new_fact
from digest.edit.settings import PARAGRAPH, ParagraphSettings
from digest.edit.write.also import also_line
from digest.edit.write.attribution import attribute, judges
from digest.edit.write.furniture import clean_sentence, is_furniture
from digest.edit.write.grounding import trace
from digest.edit.write.lines import Centrality, story_lines
from digest.edit.write.paragraph import paragraph_for
from digest.edit.write.person import first_person
from digest.models import Article
from digest.sentences import split_sentences

MakeArticle = Callable[..., Article]

BRIDGE_A = (
    "The river authority opened the new Kettle Bridge to traffic on Monday after two years of "
    "work. The bridge cost 40 million crowns and carries four lanes of traffic. It was designed "
    "by the Oakfield firm Arden & Vale, which also built the city's tram depot. Engineers said "
    "the old crossing will close for repairs next month.")
BRIDGE_B = (
    "Kettle Bridge opened on Monday, the river authority said, relieving the old crossing. "
    "The bridge, which cost 40 million crowns, gives the city its first protected bike lane. "
    "Walk across it at rush hour, though, and the queues look the same as before. "
    "Officials expect traffic on the old crossing to halve by the summer, and cyclists groups "
    "have asked for a second lane on the north bank.")
BRIDGE_C = (
    "Mayor Ilse Brandt cut the ribbon on Kettle Bridge on Monday, calling it the biggest "
    "project of her term. Second, she said, the city will now turn to the tram line. "
    "Residents of the north bank have waited a decade for the crossing. "
    "Shops near the old crossing fear losing passing trade once it closes.")


def _bridge(make_article: MakeArticle) -> list[Article]:
    return [make_article(BRIDGE_A, source="Outlet A", title="Kettle Bridge opens", day=1),
            make_article(BRIDGE_B, source="Outlet B", title="Kettle Bridge opens to traffic",
                         day=1.2),
            make_article(BRIDGE_C, source="Outlet C", title="Mayor opens Kettle Bridge", day=1.5)]


def _words(sentences: tuple[object, ...]) -> int:
    return sum(len(s.text.split()) for s in sentences)  # type: ignore[attr-defined]


def test_paragraph_opens_on_the_central_lead_and_says_each_fact_once(
        make_article: MakeArticle) -> None:
    arts = _bridge(make_article)
    printed = paragraph_for(arts, {}, language="en")
    texts = [s.text for s in printed]
    assert 60 <= _words(printed) <= 130
    assert texts[0] in {split_sentences(a.text)[0] for a in arts}  # a lead sentence
    assert sum("40 million crowns" in t for t in texts) == 1  # the cost, once
    assert not any(t.startswith("Second") for t in texts)  # its list was never printed
    for k, t in enumerate(texts):  # "It" only right after the sentence naming what it is
        if t.startswith("It "):
            assert k and texts[k - 1].startswith("The bridge cost")
    for k, t in enumerate(texts):  # a contrast only right after the sentence it answers
        if ", though," in t:
            assert k and texts[k - 1].startswith("The bridge, which cost")
    assert paragraph_strikes(texts, sources=[a.text for a in arts]) == []
    sources = [x for a in arts for x in split_sentences(a.text)]
    assert all(trace(t, sources) for t in texts)
    # Every further outlet is named once, with the sentence's own casing kept.
    assert any(t.endswith(", according to Outlet B.") or "Outlet B" not in t for t in texts)


def test_datelines_and_kickers_go_and_fact_check_claims_stay_out(
        make_article: MakeArticle) -> None:
    a = make_article("CARTHEN CITY—Carthen's parliament on Tuesday approved a ban on cloned "
                     "voices in political ads. Parties face fines of up to 4 million crowns.",
                     source="Outlet A", title="Carthen bans cloned voices")
    b = make_article("VIDEO: Lawmakers in Carthen voted 71 to 40 for the ban on cloned voices. "
                     "CLAIM: The ban outlaws satire about politicians. The ban lets satire "
                     "stand when it is labelled.", source="Outlet B",
                     title="Cloned voice ban passes")
    printable = [ln.text for ln in story_lines([a, b], "en")]
    assert printable == [
        "Carthen's parliament on Tuesday approved a ban on cloned voices in political ads.",
        "Parties face fines of up to 4 million crowns.",
        "Lawmakers in Carthen voted 71 to 40 for the ban on cloned voices.",
        "The ban lets satire stand when it is labelled."]  # no claim a fact check denies
    texts = [s.text for s in paragraph_for([a, b], {}, language="en", words=(20, 130))]
    assert texts and paragraph_strikes(texts) == []


def test_paragraph_length_is_a_setting(make_article: MakeArticle) -> None:
    arts = _bridge(make_article)
    short = paragraph_for(arts, {}, language="en", words=(10, 40))
    assert 10 <= _words(short) <= 40
    # The most is never passed by cutting: a sentence longer than it stays whole, alone.
    one = paragraph_for(arts, {}, language="en", words=(1, 5))
    assert len(one) == 1 and one[0].text.endswith(".")


def test_the_word_chance_and_the_summary_size_are_settings(make_article: MakeArticle) -> None:
    arts = _bridge(make_article)
    # p = floor + agreement · s² + titles · t: "kettle" is in every title and text,
    # "designed" in one article's text only.
    plain = Centrality(arts, ParagraphSettings(floor=0.0, agreement=1.0, titles=0.0))
    assert plain.share(stem("kettle")) == 1.0
    assert abs(plain.share(stem("designed")) - 1 / 9) < 1e-12
    assert Centrality(arts).share(stem("designed")) == PARAGRAPH.floor + PARAGRAPH.agreement / 9
    assert plain.share(stem("kettle"), exclude=0) == 1.0  # the other two use it too
    assert plain.share("zeppelin") == 0.0
    # Weighed against a long summary every further sentence gains: the paragraph goes on
    # past its least (never past its most); the shipped weights stop sooner.
    shipped = paragraph_for(arts, {}, language="en")
    long = paragraph_for(arts, {}, language="en",
                         settings=ParagraphSettings(reference=400.0))
    assert _words(shipped) < _words(long) <= 130
    texts = [x.text for x in long]
    assert paragraph_strikes(texts, sources=[a.text for a in arts]) == []


def test_a_sentence_that_leans_back_follows_what_it_leans_on(make_article: MakeArticle) -> None:
    art = make_article("Carthen's data board fined three map apps on Monday for selling "
                       "location data. It gave them 30 days to delete the data. The fines "
                       "total 4 million crowns, the largest the board has issued. Two apps "
                       "said they would appeal against the ruling in court.",
                       source="Outlet A", title="Map apps fined")
    texts = [s.text for s in paragraph_for([art], {}, language="en", words=(30, 130))]
    if "It gave them 30 days to delete the data." in texts:
        k = texts.index("It gave them 30 days to delete the data.")
        assert texts[k - 1].startswith("Carthen's data board fined")


def test_events_in_the_order_they_happened(make_article: MakeArticle) -> None:
    a = make_article("Delegates from 23 countries signed the Ostrava Statement on open models "
                     "on Wednesday as the Ostrava forum closed. The statement commits them to "
                     "share incident reports.", source="Outlet A", title="23 countries sign",
                     day=3)
    b = make_article("Thirty ministers arrived in Ostrava on Monday ahead of the forum on open "
                     "models. Security was tight around the conference centre all week.",
                     source="Outlet B", title="Ministers arrive", day=3)
    c = make_article("The Ostrava forum on open models opened on Tuesday with a call for "
                     "shared safety tests. Organisers expect 600 delegates.", source="Outlet C",
                     title="Forum opens", day=3)
    texts = [s.text for s in paragraph_for([a, b, c], {}, language="en", words=(60, 130))]
    # The opening leads; after it, the events in the order they happened.
    days = [d for t in texts[1:] for d, name in enumerate(("Monday", "Tuesday", "Wednesday"))
            if name in t]
    assert len(days) >= 2 and days == sorted(days)


@pytest.mark.parametrize(("sentence", "credited"), [
    ("Joe Brandt will lead the inquiry.",
     "Joe Brandt will lead the inquiry, according to Outlet A."),
    ("Multiple parties objected.", "Multiple parties objected, according to Outlet A."),
    # A sentence ending on a quote takes the attribution in front.
    ("Joe Brandt called it “a start.”",
     "According to Outlet A, Joe Brandt called it “a start.”"),
    # … after a conjunction that opens it, never before ("According to Outlet A, but …")
    ("But until then, the ferry is a disgrace!",
     "But according to Outlet A, until then, the ferry is a disgrace!"),
    ("So far, the plan is a disgrace!", "According to Outlet A, so far, the plan is a disgrace!"),
    ("The plan is “a start.”", "According to Outlet A, the plan is “a start.”"),
    ("Meanwhile, the plan is “a start.”", "According to Outlet A, the plan is “a start.”"),
    # it names its own source
    ("Brandt said the plan is a start.", "Brandt said the plan is a start."),
])
def test_attribution_keeps_names_and_grammar(sentence: str, credited: str) -> None:
    story = "Officials said Joe Brandt would lead it. Multiple parties objected to the plan."
    assert attribute(sentence, "Outlet A", story) == credited


def test_attribution_in_chinese() -> None:
    assert attribute("卡森议会通过禁令。", "数据观察") == "据数据观察报道，卡森议会通过禁令。"


EN_BODIES = [
    "The Carthen Data Board (CDB) on Monday fined three map apps for selling location data. "
    "The fines total 4 million crowns. The apps have 30 days to delete the data. "
    "Two of the apps said they would appeal.",
    "Map apps in Carthen must stop selling location data, the Carthen Data Board (CDB) said. "
    "Privacy groups welcomed the fines. One group called them overdue.",
]
ZH_BODY = ("卡森数据委员会（CDB）周一对三家地图应用处以罚款，罚款总额为400万克朗。"
           "这些应用须在30天内删除相关数据。其中两家应用表示将提出申诉。")


def test_an_english_issue_quotes_no_chinese_sentence(make_article: MakeArticle) -> None:
    en = [make_article(b, source=f"Outlet {k}", title=f"CDB fines map apps {k}")
          for k, b in enumerate(EN_BODIES)]
    zh = make_article(ZH_BODY, source="数据观察", title="卡森数据委员会罚款三家地图应用",
                      language="zh")
    for arts in ([*en, zh], [zh, *en], [en[0], zh]):
        assert not any(CJK_RE.search(s.text) for s in paragraph_for(arts, {}, language="en"))
    # A Chinese issue speaks Chinese, and a story told only in Chinese is printed in it.
    assert all(CJK_RE.search(s.text) for s in paragraph_for([zh, *en], {}, language="zh"))
    assert paragraph_for([zh], {}, language="en")[0].text.startswith("卡森数据委员会")


def test_also_line_is_one_short_sentence_beyond_the_headline(make_article: MakeArticle) -> None:
    arts = _bridge(make_article)
    line = also_line(arts, {}, headline="Kettle Bridge opens to traffic", language="en")
    assert len(line) == 1 and len(line[0].text.split()) <= 40
    assert line[0].text.endswith(".") and "Kettle Bridge" in line[0].text
    assert line[0].sources and not paragraph_strikes([line[0].text])


def test_a_feed_excerpt_cut_mid_sentence_ends_before_the_cut_phrase(
        make_article: MakeArticle) -> None:
    art = make_article("Carthen's parliament on Tuesday approved a ban on cloned voices in "
                       "political ads, in a vote that", title="Ban approved")
    printed = paragraph_for([art], {}, language="en")
    assert [s.text for s in printed] == [
        "Carthen's parliament on Tuesday approved a ban on cloned voices in political ads."]
    # no phrase to end before: nothing of the excerpt is printed ("…" is no sentence)
    art = make_article("Carthen's parliament on Tuesday approved a ban on cloned voices that",
                       title="Ban approved")
    assert paragraph_for([art], {}, language="en") == ()


def test_the_noun_its_article_introduced_needs_a_printed_antecedent(
        make_article: MakeArticle) -> None:
    # "the index" is the one the title and the dropped sentence introduced; a bare quotation
    # speaks with the voice of the sentence before it; a paragraph pitching the outlet's own
    # section is the outlet's, not the story's.
    art = make_article((
        "Harbour insurer Corvane on Friday launched a storm cover for small fishing boats, "
        "priced at 90 crowns a month. The policy pays out within ten days of a named storm.",
        "On the Coastal Risk Index, which ranks the region's ports by storm exposure, three of "
        "the five most exposed ports are in Corvane's home county. Brokers cautioned that the "
        "index is run by a group Corvane helps to fund, and that its rankings are disputed.",
        "Chief executive Mara Lund said the cover was built for crews who had never insured a "
        "boat. \"We wanted it to cost less than a tank of diesel,\" she said. \"Nobody else "
        "sells anything like it.\"",
        "Trust in insurance starts with knowing what you are covered for, and plain contracts "
        "are the simplest way to get there. Follow the Outlet A money desk to see why."),
        source="Outlet A", title="Corvane launches storm cover, tops Coastal Risk index")
    for words in ((40, 130), (60, 130), (100, 200)):
        texts = [s.text for s in paragraph_for([art], {}, language="en", words=words)]
        assert texts and texts[0].startswith("Harbour insurer Corvane"), texts
        said = " ".join(texts[:next((k for k, t in enumerate(texts) if "the index" in t),
                                    len(texts))])
        if any("the index is run" in t for t in texts):
            assert "index" in said.lower(), texts
        if '"Nobody else sells anything like it."' in texts:
            k = texts.index('"Nobody else sells anything like it."')
            assert texts[k - 1].endswith("she said."), texts
        assert not any("plain contracts" in t or "Follow" in t for t in texts), texts
    line = next(ln for ln in story_lines([art], "en") if "Brokers cautioned" in ln.text)
    assert line.refers and not line.leans  # "the index": the title and a sentence named one


FERRY_A = ("The harbour board on Thursday approved a night ferry between Oakfield and Carthen "
           "Island, the first since 1998. The ferry will run three times a night from April. "
           "Tickets will cost 6 crowns.")
FERRY_B = ("Oakfield will get a night ferry to Carthen Island from April, the harbour board "
           "decided on Thursday. Island shopkeepers have campaigned for it for a decade.")
FERRY_C = ("Night workers on Carthen Island cheered on Thursday. A new night ferry will link "
           "the island to Oakfield from April, after the harbour board approved the service. "
           "The board should have acted years ago.")


def test_the_most_central_account_opens_and_goes_on_in_its_own_order(
        make_article: MakeArticle) -> None:
    arts = [make_article(FERRY_C, source="Outlet C", title="Night workers cheer", day=1),
            make_article(FERRY_B, source="Outlet B", title="Night ferry for Oakfield", day=1),
            make_article(FERRY_A, source="Outlet A", title="Night ferry approved", day=1)]
    printed = paragraph_for(arts, {}, language="en", words=(40, 130))
    # The account the other two share most of (B's) opens and goes on in its own order; then
    # the others add only what it did not say (A's approval "on Thursday" is said); C's
    # judgement, which only C makes, does not fill a short paragraph (an opinion line).
    assert [s.text for s in printed[:2]] == split_sentences(FERRY_B)
    rest = [s.text for s in printed[2:]]
    assert "Tickets will cost 6 crowns." in rest
    assert not any("approved" in t for t in rest)
    assert not any("should have acted" in t for t in rest)


def test_a_new_fact_is_a_new_figure_or_a_name_the_reader_has_not_met() -> None:
    printed = ["House Speaker Nancy Pelosi on Thursday named 7 managers."]
    assert new_fact("Tickets will cost 16 crowns.", printed)  # a new figure
    assert new_fact("Senator Mitch McConnell objected.", printed)  # a new name
    assert not new_fact("Pelosi said the managers were ready.", printed)  # met: her head
    assert not new_fact("the managers named by Pelosi on Thursday are ready.", printed)
    # A lone capital opening the sentence is the sentence's, not a name's.
    assert not new_fact("Weary managers waited for Pelosi on Thursday.", printed)
    assert new_fact("Weary managers waited for Senator Mitch McConnell.", printed)


def test_a_judgement_is_credited_in_the_sentence_a_reported_fact_is_not(
        make_article: MakeArticle) -> None:
    assert judges("The board should have acted years ago.")
    assert judges("Sadly, the old quay will close.") and judges("What a day it was!")
    assert not judges("The board approved the ferry on Thursday.")
    assert not judges('"It should have come sooner," a driver said.')  # someone else's words
    # Loaded verbs and adverbs of the writer's feeling (issue 11: opinion printed as fact).
    assert judges("The harbour board is weaponizing the ferry timetable against the island.")
    assert judges("The dynamics are exhaustingly familiar: the board delays, the island waits.")
    assert judges("The ferry ran a strikingly low number of night crossings.")
    assert not judges("The board overwhelmingly approved the ferry on Thursday.")
    assert not judges("Islanders increasingly use the night ferry to reach the mainland.")
    assert not judges('The mayor called the delay "exhaustingly familiar" on Thursday.')
    arts = [make_article(FERRY_A, source="Outlet A", title="Night ferry approved", day=1),
            make_article("Oakfield's night ferry was approved on Thursday after a decade of "
                         "delay. The harbour board should have acted years ago. Ferry staff "
                         "will be hired in March.", source="Outlet B", title="At last", day=1)]
    texts = [s.text for s in paragraph_for(arts, {}, language="en", words=(50, 130))]
    judged = [t for t in texts if "should have acted" in t]
    assert judged == ["The harbour board should have acted years ago, according to Outlet B."]
    assert "Ferry staff will be hired in March." in texts  # a fact, its source linked below



def test_a_column_no_report_stands_beside_is_credited_once(make_article: MakeArticle) -> None:
    """A story of columns alone prints nothing but views: its opening is credited to its
    outlet, the credit covering the run of its outlet's sentences (write/paragraph.views);
    beside a report, a column's lines are read against it and print bare."""
    column = make_article("For Mayor Ada Lin, it may have been the best week of her term. "
                          "The cloud over the ferry levy was all but lifted on Sunday.",
                          source="Outlet C", title="OPINION: The Cloud Over the Ferry Is Lifted")
    texts = [s.text for s in paragraph_for([column], {}, language="en", words=(10, 130))]
    assert texts == ["For Mayor Ada Lin, it may have been the best week of her term, "
                     "according to Outlet C.",
                     "The cloud over the ferry levy was all but lifted on Sunday."]
    report = make_article("The Carthen council dropped its inquiry into the ferry levy on "
                          "Sunday, the council said.", source="Outlet A",
                          title="Council drops ferry levy inquiry")
    beside = [s.text for s in paragraph_for([report, column], {}, language="en",
                                            words=(10, 130))]
    assert not any("according to Outlet C" in t for t in beside)


def test_an_exclamation_of_the_writers_own_is_never_printed(make_article: MakeArticle) -> None:
    """A blog's or a shop's exclamation ("… as rich as the brew itself!") is its pitch, which
    a paragraph would print credited as if it reported something; one someone said, inside
    its quotation, is their words."""
    art = make_article("The Carthen night ferry made its first crossing on Tuesday. The "
                       "history of the ferry is as rich as the island itself! \"We made it!\" "
                       "the captain said. Tickets cost 4 crowns.", source="Outlet A",
                       title="Night ferry sails")
    texts = [s.text for s in paragraph_for([art], {}, language="en", words=(10, 130))]
    assert not any("rich as the island" in t for t in texts)
    assert '"We made it!" the captain said.' in texts and "Tickets cost 4 crowns." in texts

FIRST_PERSON = ("The harbour board on Thursday approved a night ferry to Carthen Island.",
                "I have waited years to write this sentence about the ferry.",
                "Our readers asked for it in every survey we ran.",
                '"We will run it every night," the board\'s chair said.',
                "Here's what the night ferry could mean for you.",
                "If you've been waiting on the quay, your wait is over.",
                "Islanders posted a thank-you to the crew.")


def test_the_writers_first_person_is_not_printed(make_article: MakeArticle) -> None:
    # Only someone else's words, in quotation marks, may say "we"; nor is the reader addressed
    # as "you" (the newsletter's voice is not the columnist's).
    texts = [ln.text for ln in story_lines([make_article(FIRST_PERSON)], "en")]
    assert texts == [FIRST_PERSON[0], FIRST_PERSON[3], FIRST_PERSON[6]]


def test_a_column_talking_to_its_reader_is_not_printed(make_article: MakeArticle) -> None:
    # an interjection opens a column's aside to its reader ("Yeah, …", "Well, …"); in
    # quotation marks it is the speaker's
    text = ("The harbour board on Thursday approved a night ferry to Carthen Island. Yeah, "
            "the board gives zero you-know-whats about the cost, but that is its appeal. "
            "Well, that did not take long. “Well, it may be late,” the chair said.")
    assert [ln.text for ln in story_lines([make_article(text)], "en")] == [
        "The harbour board on Thursday approved a night ferry to Carthen Island.",
        "“Well, it may be late,” the chair said."]
    assert not first_person("Wellington approved the ferry.")


def test_an_articles_first_sentence_loses_a_dateline_in_title_case(
        make_article: MakeArticle) -> None:
    # a place and a spaced dash with no wire's tag: a dateline only at the head of the text
    for dateline in ("Carthen, Oakland -", "Carthen City —", "Carthen -- ", "Oakfield – "):
        a = make_article(f"{dateline} The harbour board approved a night ferry on Thursday. "
                         f"The ferry runs from June.", title="Carthen approves a night ferry")
        assert story_lines([a], "en")[0].text == \
            "The harbour board approved a night ferry on Thursday.", dateline
    # a wire's tag after a place with its region makes a plain hyphen a dateline's
    assert clean_sentence("CARTHEN CITY, Oakland (Reuters) - The board approved it.") == \
        "The board approved it."
    # … and after a date with its year ("RAJSHAHI, Dec 20, 2025 (BSS) - …", a national wire)
    assert clean_sentence("CARTHEN, Dec 20, 2025 (OWS) - The board approved it.") == \
        "The board approved it."


def test_a_heading_run_into_the_lead_is_not_printed(make_article: MakeArticle) -> None:
    # the page's heading above the lead (not its article's title), its line break lost: two
    # spaces after a name or a quotation, then a sentence on an article and a lower-case word
    text = ("'Everyone was running': Night of fire at Carthen Quay  The old ferry terminal in "
            "Carthen burned through the night on Sunday as crowds watched from the harbour.")
    art = make_article(text, source="Outlet A", title="A night of fire in Carthen")
    assert story_lines([art], "en")[0].text == (
        "The old ferry terminal in Carthen burned through the night on Sunday as crowds "
        "watched from the harbour.")
    # a doubled space inside the lead's clause is one space; the clause stays whole
    for kept in ("The harbour board said  A new terminal would open in May.",
                 "Ada Brandt beat Ola Venn in Carthen's  Harbour primary on Sunday.",
                 "Brandt told  The Carthen Post the terminal would reopen."):
        assert clean_sentence(kept, lead=True) == kept.replace("  ", " ")
    assert clean_sentence(text) == text.replace("  ", " ")  # (a lead's only)


def test_a_heading_or_standfirst_run_in_with_one_space_is_not_printed(
        make_article: MakeArticle) -> None:
    # a standfirst in a headline's grammar, its line break lost with one space left, before
    # a lead on a possessive subject and its holder's name
    text = ("Carthen mayor thanks ferry crews while offering praise to harbour staff Carthen’s "
            "mayor, Ada Brandt, has asked the harbour board for two more boats before winter.")
    art = make_article(text, source="Outlet A", title="Mayor asks for more ferries")
    assert story_lines([art], "en")[0].text == (
        "Carthen’s mayor, Ada Brandt, has asked the harbour board for two more boats before "
        "winter.")
    # a heading in title case before an article and a lower-case word
    assert clean_sentence("Night of Fire at Carthen Quay The old ferry terminal burned on "
                          "Sunday.", lead=True) == "The old ferry terminal burned on Sunday."
    # a lead whose clause goes on is kept whole: a letter after a name, a pronoun's or a
    # count's subject, a missing stop inside the lead's own sentences
    for kept in ("Carthen law makes arson a Class A felony, punishable by ten years.",
                 "My choice was limited to Harbour A or Harbour B.",
                 "It also says The ferry will run on Sunday.",
                 "Tens of thousands rallied on the quay The size of the crowd grew.",
                 "The board said Carthen’s mayor, Ada Brandt, had asked for boats."):
        assert clean_sentence(kept, lead=True) == kept


def test_a_broadcast_transcripts_labels_and_hand_offs_are_not_printed(
        make_article: MakeArticle) -> None:
    # a radio page's transcript: its speakers' labels (a name with a hyphen, "#4") and the
    # host's hand-off to a reporter are the broadcast's, not a report's sentences
    text = ("Carthen's dock workers are training as ferry crews so crews can strike on Monday. "
            "The Carthen Newsroom's Ana Lind-Brandt explains. ANA LIND-BRANDT, BYLINE: Hundreds "
            "gathered on the quay at dawn. UNIDENTIFIED PERSON #4: Whoo. The strike is the "
            "first since 1998.")
    lines = [ln.text for ln in story_lines([make_article(text, source="Radio One")], "en")]
    assert lines == ["Carthen's dock workers are training as ferry crews so crews can strike on "
                     "Monday.", "The strike is the first since 1998."]
    # further in, a title-case word before a dash is a list's label or the sentence's own
    # subject; nor is a number or a determiner a place, nor a name an aside follows
    assert clean_sentence("Verdict – The ferry works well.") == "Verdict – The ferry works well."
    for kept in ("Three Republicans — Sens. Ada Brandt and Ola Venn voted no.",
                 "Brandt — the board's chair — said no.", "Carthen — which voted — said no."):
        assert clean_sentence(kept, lead=True) == kept


def test_a_links_label_for_screen_readers_is_not_printed(make_article: MakeArticle) -> None:
    # a site flattened its links' labels into the text: no reader of the page saw them
    text = ("Mayor Ama Mensah Opens a New Window. will close the Carthen crane yard Opens a New "
            "Window. by June, beating the board Opens a New Window. ’s plan by a year. She "
            "said the ferries (opens in new tab) run on.")
    assert [ln.text for ln in story_lines([make_article(text)], "en")] == [
        "Mayor Ama Mensah will close the Carthen crane yard by June, beating the board’s plan "
        "by a year.", "She said the ferries run on."]
    # in prose a window opens in lower case
    assert clean_sentence("The vote opens a new window for the ferry talks.") == \
        "The vote opens a new window for the ferry talks."


def test_a_sentence_that_lost_its_head_is_not_printed(make_article: MakeArticle) -> None:
    # the page lost its drop cap ("P"): no reader could print "resident Mensah …"
    text = ("resident Ama Mensah closed the Carthen harbour on Monday after the storm. She said "
            "the ferries would run again by Friday.\niPhone sales at the harbour shop rose "
            "sharply, the shop said.")
    assert [ln.text for ln in story_lines([make_article(text)], "en")] == [
        "She said the ferries would run again by Friday.",
        "iPhone sales at the harbour shop rose sharply, the shop said."]


def test_no_space_before_a_comma_or_a_last_full_stop_nor_two() -> None:
    assert clean_sentence("The board met, according to The Carthen Post , which cited two "
                          "members ; the vote is in May .") == \
        "The board met, according to The Carthen Post, which cited two members; the vote is in May."
    assert clean_sentence("Fares rose 3 percent, way, way  above the plan.") == \
        "Fares rose 3 percent, way, way above the plan."
    # two spaces before a mark go too, not one of them
    assert clean_sentence("The board met  , the Post said  .") == "The board met, the Post said."
    # nor inside a bracket, against it (a source's slip: "(D-Mass. )")
    assert clean_sentence("Rep. Richard Neal (D-Mass. ), who chairs the panel, said so.") == \
        "Rep. Richard Neal (D-Mass.), who chairs the panel, said so."
    assert clean_sentence("The fund ( set up in 2019 ) paid [ 3 ] claims.") == \
        "The fund (set up in 2019) paid [3] claims."
    # a spaced ellipsis is one mark
    assert clean_sentence("The board has set its gaze on . . .") == \
        "The board has set its gaze on . . ."


def test_initials_datelines_and_a_speaker_before_a_quotation() -> None:
    assert split_sentences("Soon after news broke that former President George H.W. Bush had "
                           "died, flags were lowered. The funeral is on Wednesday.") == [
        "Soon after news broke that former President George H.W. Bush had died, flags were "
        "lowered.", "The funeral is on Wednesday."]
    assert clean_sentence("CARTHEN CITY, Oakland (AP) — The board approved the ferry.") == \
        "The board approved the ferry."
    assert clean_sentence("OAKFIELD, Mass. (Harbour Syndicate) — The board approved the "
                          "ferry.") == "The board approved the ferry."  # a syndicate's tag
    # the horizontal bar and the box-drawing line some sites type for a dash
    assert clean_sentence("OAKFIELD, Mass. ─ The board approved the ferry.") == \
        "The board approved the ferry."
    assert clean_sentence("CARTHEN CITY (Reuters) ― The board approved the ferry.") == \
        "The board approved the ferry."
    # a wire dateline with its date, and a dateline of two cities
    for dateline in ("CARTHEN CITY, May 21 (Reuters) ―", "CARTHEN CITY, July 2 (Reuters) -",
                     "OAKFIELD, Sept. 3 —", "CARTHEN CITY/OAKFIELD —",
                     "CARTHEN CITY/OAKFIELD (Reuters) -"):
        assert clean_sentence(f"{dateline} The board approved the ferry.") == \
            "The board approved the ferry.", dateline
        assert [x.rule for x in paragraph_strikes([f"{dateline} The board approved it."])] == \
            ["dateline or kicker"], dateline
    # a place in title case before a wire's tag; without the tag it is the sentence's own word
    for dateline in ("Carthen City (CNN) -", "Oakfield, New Carthen (CNN) --",
                     "Carthen (AP) —"):
        assert clean_sentence(f"{dateline} The board approved the ferry.") == \
            "The board approved the ferry.", dateline
        assert [x.rule for x in paragraph_strikes([f"{dateline} The board approved it."])] == \
            ["dateline or kicker"], dateline
    # every wire the lexicon names, as the copy editor knows them (lexicon.WIRES, one home)
    for dateline in ("Carthen City (Bloomberg) -", "CARTHEN CITY (Associated Press) —",
                     "(The Associated Press) —"):
        assert clean_sentence(f"{dateline} The board approved the ferry.") == \
            "The board approved the ferry.", dateline
    # … or glued to the sentence (the page ran its dateline into the text)
    assert clean_sentence("Carthen City (CNN)The board approved the ferry.") == \
        "The board approved the ferry."
    for kept in ("Carthen - The board approved the ferry.", "Brandt (CNN) said no."):
        assert clean_sentence(kept) == kept
    # a house style's signpost is the page's label ("Why it matters: …"); an editor's note is
    # no part of the story
    assert clean_sentence("Why it matters: The board approved the ferry.") == \
        "The board approved the ferry."
    assert clean_sentence("Driving the news: “We will run it,” Brandt said.") == \
        "“We will run it,” Brandt said."
    assert clean_sentence("Details matter: the board approved it.") == \
        "Details matter: the board approved it."
    # … or a label in capitals on a line of its own, run into the sentence by the feed
    assert clean_sentence("TOPLINE With the ferry vote passed, the board met.") == \
        "With the ferry vote passed, the board met."
    assert clean_sentence("TANGENTIAL remarks were made.") == "TANGENTIAL remarks were made."
    assert is_furniture("Editor’s note: The board asked us to correct a date.")
    # a transcript's speaker label: the words of a broadcast, not the outlet's report
    assert is_furniture("ADA BRANDT, HOST: If approved, the ferry would be the first.")
    assert not is_furniture("Carthen, the port city, approved the ferry.")
    assert clean_sentence("The poll, run from June 2-5, found the ferry popular.") == \
        "The poll, run from June 2-5, found the ferry popular."
    assert attribute('Brandt: "We will run it every night."', "Outlet A",
                     "Officials met Brandt on Monday.") == \
        'According to Outlet A, Brandt: "We will run it every night."'


def test_a_quotation_does_not_fill_a_short_paragraph(make_article: MakeArticle) -> None:
    quote = ("“We stand by every word we printed about the campaign and we will not be bullied "
             "by anyone,” the editor Nora Lind said.")
    arts = [make_article("The Carthen Gazette will not retract its report on Mayor Ilse Brandt's "
                         "campaign, the paper said on Tuesday.", source="Outlet A",
                         title="Gazette will not retract Brandt report", day=1),
            make_article(quote, source="Outlet B", title="Gazette stands by its Brandt report",
                         day=1.2)]
    texts = [s.text for s in paragraph_for(arts, {}, language="en")]
    assert texts and quote not in texts  # someone's words are a voice, not a missing fact
    assert _words(paragraph_for(arts, {}, language="en")) < 60  # short rather than filled
    loose = paragraph_for(arts, {}, language="en", settings=ParagraphSettings(fill_quoted=1.0))
    assert quote in {s.text for s in loose}



DEK = "Mayor speaks at harbour hearing; council accuses Brandt of delay in series of votes."


def test_a_dek_in_headline_grammar_is_never_printed(make_article: MakeArticle) -> None:
    # Issue 11 (week 5): another editor's subheading, written as a headline (no article, no
    # pronoun, clauses joined by a semicolon), is no sentence of the story.
    arts = _bridge(make_article)
    b = arts[1]
    arts[1] = make_article(f"{BRIDGE_B.split('. ')[0]}. {DEK} {BRIDGE_B.split('. ', 1)[1]}",
                           source=b.source, title=b.title, day=1.2)
    lines = story_lines(arts, "en")
    assert DEK not in {ln.text for ln in lines}
    assert any(ln.text.startswith("Officials expect") for ln in lines)  # prose after it stays


def test_a_stance_the_writer_takes_is_a_judgement_a_reported_should_is_not() -> None:
    # Issue 11 (week 5): "the social media giant finally released …", "the company simply
    # hasn't done enough", "a problematic study", "fallen decidedly out of fashion".
    for text in ("The harbour board finally released its ferry audit on Wednesday.",
                 "The audit found that the board simply hasn't done enough for islanders.",
                 "A columnist circulated a problematic study of the ferry on Tuesday.",
                 "Night crossings have fallen decidedly out of fashion.",
                 "The timetable admittedly doesn't look great for the board.",
                 "The mayor gave an ill-advised speech at the quay."):
        assert judges(text), text
    # Someone else's "should", reported: a fact about what they said or argue.
    for text in ("Mayor Brandt criticized the board, saying it should publish the audit.",
                 "Councillors are divided on who should pay for the night ferry.",
                 "Finally, the board approved the ferry.",  # a list's last item
                 "Lawmakers argued that the board should resign."):
        assert not judges(text), text


def test_a_lead_that_reports_opens_before_one_that_judges(make_article: MakeArticle) -> None:
    # Issue 11 (week 5): "… circulated a problematic study …, according to Outlet C." opened
    # the paragraph; a factual paragraph opens on a lead that reports.
    judged = ("The harbour board's outrageous gamble on a night boat to Carthen Island keeps "
              "sinking deeper, a study shows.")
    study = ("A study by Oakfield University found the night ferry to Carthen Island loses "
             "money on every crossing.")
    arts = [make_article(f"{judged} {study} Fares cover a third of the night ferry's cost. The "
                         "harbour board will vote in March on the night ferry. Islanders use "
                         "the night ferry to reach night shifts in Oakfield.",
                         source="Outlet C", title="Night ferry to Carthen Island loses money",
                         day=1),
            make_article("Carthen's harbour board will vote in March on the night ferry, whose "
                         "fares cover a third of its cost. Islanders use it to reach night "
                         "shifts in Oakfield.", source="Outlet A",
                         title="Harbour board to vote on night ferry", day=1.1),
            make_article(study, source="Outlet B", title="Study: night ferry loses money",
                         day=1.2)]
    # The outlet with the longest account the others share is the most central here.
    central = ParagraphSettings(account_reference=1000.0)
    texts = [s.text for s in paragraph_for(arts, {}, language="en", settings=central)]
    assert texts[0].startswith("Carthen's harbour board will vote")
    assert not any(t.startswith("The harbour board's outrageous") for t in texts)


def test_a_judgement_is_shared_only_when_another_outlet_writes_it(
        make_article: MakeArticle) -> None:
    # Issue 11: "… for her awful comment about John McCain …" was printed as the digest's own
    # line because another outlet reported the comment; the facts shared are no judgement shared.
    judged = ("Islanders on the quay booed harbour board chair Ada Lind over her awful remark, "
              "a day after Ines Vos quit the board.")
    report = ("Harbour board chair Ada Lind made a remark about islanders on Tuesday that drew "
              "boos on the quay. Mayor Tomas Reyes said he will not fire the harbour board chair "
              "over the remark. Lind apologised to islanders in a letter on Wednesday.")

    def paragraph(report: str) -> list[str]:
        arts = [make_article(report, source="Outlet A", title="Harbour board chair's remark",
                             day=1),
                make_article(f"Carthen's night ferry will keep running through the winter. "
                             f"{judged}", source="Outlet B",
                             title="Harbour board chair Ada Lind stays after remark", day=1.1)]
        return [s.text for s in paragraph_for(arts, {}, language="en", words=(300, 400))]

    texts = paragraph(report)
    assert judged not in texts  # credited, which does not fill a short paragraph
    assert all("Outlet B" in t for t in texts if "awful" in t)
    # Another outlet writing the judgement too shares it: printed as it stands.
    assert judged in paragraph(report.replace("a remark", "an awful remark"))


def test_a_pointer_before_a_sentence_goes_and_the_sentence_stays(
        make_article: MakeArticle) -> None:
    # "Here's what to know: <a real sentence>": the pointer is the page's, the sentence news.
    assert clean_sentence("Here's what to know: The ferry ran aground near Carthen.") == \
        "The ferry ran aground near Carthen."
    assert clean_sentence("Here’s what we know so far about the crash: Two people died.") == \
        "Two people died."
    # a pointer with a judgement or a list after it stays whole (and is not printed)
    for kept in ("Here's the good news for the mayor: If the vote holds, she wins.",
                 "Here are seven: 1."):
        assert clean_sentence(kept) == kept
    art = make_article("The Carthen ferry ran aground on Monday near the harbour wall. Here's "
                       "what to know: The harbour master said all 40 passengers were taken "
                       "ashore by lifeboat.")
    assert [ln.text for ln in story_lines([art], "en")][1] == (
        "The harbour master said all 40 passengers were taken ashore by lifeboat.")


def test_another_outlets_lead_has_no_precedence_over_a_new_fact(
        make_article: MakeArticle) -> None:
    """Another outlet's lead summarises the story the opening summarises: put first under the
    floor, it told the opening's event again in other words ("will disappear … backed … plan to
    outlaw them" after "approved a ban"); ranked by what it adds, the facts fill instead."""
    a = make_article("The Harlow city council approved a ban on plastic bags on Monday after a "
                     "two-hour debate.", source="Outlet A", title="Harlow bans plastic bags")
    retold = ("Plastic carrier bags will disappear from Harlow's shops after councillors backed "
              "Mayor Edith Crane's plan to outlaw them.")
    b = make_article(
        f"{retold} The ban takes effect in March and shops that break it face fines of up to "
        "500 pounds. Supermarkets will have to offer paper bags or sturdy reusable ones at the "
        "till, and charities will collect the old stock from small shops free of charge until "
        "the end of April.", source="Outlet B", day=1.2,
        title="Harlow council votes to outlaw plastic bags")
    texts = [s.text for s in paragraph_for([a, b], {}, language="en")]
    assert texts[0].startswith("The Harlow city council approved a ban")
    assert retold not in texts
    assert any("500 pounds" in t for t in texts) and any("Supermarkets" in t for t in texts)


@pytest.mark.parametrize("text", [
    "Carla Moreno, the harbour board's counsel, reportedly said.", "He added.",
    "The company said.", "Mayor Ilse Brandt told reporters.",
    "Tuesday Mar. 4 * The hearing resumed at 10 a.m.",
    "Both sides rested their case. * The board then adjourned until Friday."])
def test_a_speaker_alone_or_a_list_run_into_a_line_is_furniture(text: str) -> None:
    """The tail of a quotation cut off by a page's sentence splitter says nothing; a list run
    into one line (a live blog's entries) is the page's layout."""
    assert is_furniture(text)


@pytest.mark.parametrize("text", [
    "Fares rose 5 percent, the harbour board said.",
    "Moreno, the board's counsel, said the ferry will run until May.",
    "On Tuesday, Mar. 4 the hearing resumed.", "Fares rose 5 percent* in March.",
    # a report on pitches and sign-ups is news, not a page's pitch (furniture.PAGE_PITCH)
    "Thousands of fishers sign up for the harbour board's new permit each spring.",
    "The regulator fined Carthen Deals for hiding affiliate links in its reviews.",
    "The board said we may see more ferries by May, its chair wrote.",
    "On January 23, 2026, the harbour board met in Carthen.",
    "Police first reported the fire at the pier at 3 a.m.",
    "The fire was first reported by a neighbour who saw smoke over the pier.",
    "Several ferry crews confirmed that the pier had been closed since Monday.",
    "Other outlets' owners met the harbour board on Friday.",
    "Offers for the old pier are due by Friday, the harbour board said.",
    "Known for its quiet engines, the Carthen ferry runs until midnight.",
    # a sentence in headline case ends on its stop; Chinese has no capitals
    "Ada Lin Wins The Harbour Race.", "渡轮 Carthen Harbour 今天开通"])
def test_a_sentence_that_says_something_is_no_furniture(text: str) -> None:
    assert not is_furniture(text)


@pytest.mark.parametrize("text", [
    "As an Amazon Associate, this website earns from qualifying purchases.",
    "Note: this blog uses affiliate links.",
    "This post may contain affiliate links, and we may earn a small commission.",
    "For daily tide tables, sign up for the Harbour Almanac newsletter.",
    "Subscribe to our weekly newsletter for more ferry news.",
    "At $4 a month, it costs less than a coffee! - Support HL with a one-time tip.",
    "Ferry Guide 2026 Read the Article Share this: Click to share on Facebook Facebook",
    "The Harbour Letter is a weekly newsletter for ferry crews and their families.",
    "January 23, 2026: Added the night ferry to the timetable and checked the fares.",
    # who had the story first (furniture.PROVENANCE)
    "The plan was first reported by The Carthen Gazette.",
    "The Harbour Post first reported the talks on Sunday after it obtained a briefing note.",
    "Earlier, Tideline reported that the ferry was likely to run by Friday.",
    "Several other outlets, including the Harbour Post, confirmed that the ferry had stopped.",
    "Multiple media outlets reported the ferry's last crossing earlier this month.",
    # a list's item whose subject is the heading above it (furniture._HEADED_ITEM)
    "Offers night crossings, a cafe and bicycle racks on the larger boats.",
    "Best for island commuters who travel before dawn: the Harbour Pass (HP)",
    "Known for its quiet engines and its late crossings to Carthen.",
    # a subheading run in as a line of its own
    "Carthen Is a Great Place to Start (If You Take the Ferry)", "The Good News for Harlow"])
def test_a_pages_own_pitch_or_disclosure_is_furniture(text: str) -> None:
    """A blog's or a shop's affiliate disclosure, sign-up call, tip jar or share drawer
    (`furniture.PAGE_PITCH`) is the page's, whatever outlet it names or none, and so is a
    subheading run in as a line: never printed (real open-web pages printed "As an Amazon
    Associate, …" as a story's opening)."""
    assert is_furniture(text)
