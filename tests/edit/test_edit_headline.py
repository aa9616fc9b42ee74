"""Headlines offline: the story's own best title, cleaned, never cut (issue 11). Every text here
is made up for the test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from digest.edit.headline import clean_title, headline_for
from digest.edit.headline.column import columns, is_column_title
from digest.edit.headline.score import (
    RELATIVE_DAY,
    Evidence,
    candidates,
    disputes,
    expected_f1,
)
from digest.edit.headline.titles import candidate_texts
from digest.edit.proof import headline_strikes
from digest.edit.settings import HeadlineSettings
from digest.edit.write.furniture import clean_sentence, is_furniture
from digest.models import Article

MakeArticle = Callable[..., Article]


@pytest.mark.parametrize(("title", "outlet", "expected"), [
    ("Ostrava opens chatbot helpline - Reuters", "", "Ostrava opens chatbot helpline"),
    ("Ostrava opens chatbot helpline | Carthen Herald", "", "Ostrava opens chatbot helpline"),
    ("Ostrava opens chatbot helpline — Carthen Herald", "Carthen Herald",
     "Ostrava opens chatbot helpline"),
    ("Ostrava opens chatbot helpline - carthenherald.com", "", "Ostrava opens chatbot helpline"),
    ("WATCH: Ostrava opens chatbot helpline", "", "Ostrava opens chatbot helpline"),
    ("EXCLUSIVE: Ostrava opens chatbot helpline", "", "Ostrava opens chatbot helpline"),
    ("Opinion | Ostrava's chatbot helpline is a mistake", "", "Ostrava's chatbot helpline is a mistake"),
    ("OSTRAVA (Reuters) - Ostrava opens chatbot helpline", "", "Ostrava opens chatbot helpline"),
    ("“Ostrava opens chatbot helpline”", "", "Ostrava opens chatbot helpline"),
    ("The Compute Letter #112: the hotline that talks back", "The Compute Letter",
     "The hotline that talks back"),
    # A last sentence that only points at the article (real weeks: "… massacre. Here's the
    # insane reason why.", "… Withdrawing His Name - Here's Why").
    ("Carthen port sues its dockers. Here’s the insane reason why.", "",
     "Carthen port sues its dockers"),
    ("Ostrava could make its helpline pay for itself. Here's how.", "",
     "Ostrava could make its helpline pay for itself"),
    ("Mayor quits over helpline - Here's Why", "", "Mayor quits over helpline"),
    ("Mayor plays up dangers of helpline shutdown (Video)", "",
     "Mayor plays up dangers of helpline shutdown"),
    ("Ostrava opens chatbot helpline [WATCH]", "", "Ostrava opens chatbot helpline"),
    ("Watch live: Ostrava opens chatbot helpline", "", "Ostrava opens chatbot helpline"),
    ("Ostrava helpline to open in the U.S. Here is what we know", "",
     "Ostrava helpline to open in the U.S."),
    # Not furniture: a dash clause, a quote inside, a name that is not the outlet's; a title
    # that is all pointer keeps it.
    ("Here's what's in Ostrava's helpline plan", "", "Here's what's in Ostrava's helpline plan"),
    ("Ostrava opens helpline — but callers want humans", "",
     "Ostrava opens helpline — but callers want humans"),
    ("Mayor calls helpline 'a friend' - Ostrava Daily", "Carthen Herald",
     "Mayor calls helpline 'a friend' - Ostrava Daily"),
])
def test_clean_title(title: str, outlet: str, expected: str) -> None:
    assert clean_title(title, outlet) == expected


# A Chinese title's furniture has no spaces around it: a bracketed kicker, a label and a bar,
# a medium in brackets, an outlet's or a portal's name after "_", "-" or "|" (a zh issue
# printed "【快讯】峰岩半导体获30亿元融资，无锡封装工厂将扩产_新浪新闻" whole). Not furniture: a
# "——" clause (even one ending in a word an outlet's name ends in), a hyphen between names.
@pytest.mark.parametrize(("title", "outlet", "expected"), [
    ("【快讯】峰岩半导体获30亿元融资，无锡封装工厂将扩产_新浪新闻", "新锐财经",
     "峰岩半导体获30亿元融资，无锡封装工厂将扩产"),
    ("【独家】星河智能发布开源大模型“云雀3”——参数规模达千亿_南岸科技报", "南岸科技报",
     "星河智能发布开源大模型“云雀3”——参数规模达千亿"),
    ("上海无人驾驶出租车试点扩围：浦东机场可直接叫车-新华网", "", "上海无人驾驶出租车试点扩围：浦东机场可直接叫车"),
    ("芯片新政出台|第一财经", "", "芯片新政出台"),
    ("视频|深圳发布无人机新规（组图）", "", "深圳发布无人机新规"),
    ("[视频]深圳发布无人机新规", "", "深圳发布无人机新规"),
    ("星河智能發布開源大模型「雲雀3」 參數規模達千億 - 港灣財經", "港灣財經",
     "星河智能發布開源大模型「雲雀3」 參數規模達千億"),
    ("深圳地铁14号线开通——沿途共设15个站台", "", "深圳地铁14号线开通——沿途共设15个站台"),
    ("北京-上海高铁再提速", "", "北京-上海高铁再提速"),
    ("GPT-5发布", "", "GPT-5发布"),
    ("【独家】", "", "【独家】"),
])
def test_clean_title_chinese_furniture(title: str, outlet: str, expected: str) -> None:
    assert clean_title(title, outlet) == expected


@pytest.mark.parametrize(("kicker", "in_text"), [
    ("VIDEO", "kicker"), ("BREAKING NEWS", "kicker"), ("EXCLUSIVE", "kicker"),
    ("OPINION", "label"), ("READ", "label"), ("LIVE UPDATES", "label"),
    ("FACT CHECK", "label"),
])
def test_a_kicker_goes_from_a_headline_and_from_a_sentence_only_announcing_news(
        kicker: str, in_text: str) -> None:
    # Every kicker goes from a headline; in an article's text one announcing news goes and
    # its sentence stays, while one naming another piece labels a link: the line goes whole.
    line = "Carthen's harbour board approved the night ferry on Monday."
    assert clean_title(f"{kicker}: {line[:-1]}") == line[:-1]
    assert clean_sentence(f"{kicker}: {line}") == (line if in_text == "kicker" else
                                                   f"{kicker}: {line}")
    assert is_furniture(f"{kicker}: {line}") is (in_text == "label")


def test_the_title_the_other_outlets_agree_with_wins(make_article: MakeArticle) -> None:
    arts = [
        make_article("Carthen lawmakers on Tuesday passed a bill banning cloned voices in "
                     "political ads.", source="A",
                     title="Carthen lawmakers pass bill banning cloned voices in political ads"),
        make_article("A ban on cloned voices in political ads cleared Carthen's parliament on "
                     "Tuesday.", source="B", title="Is this the end of the deepfake campaign?"),
        make_article("Political ads with cloned voices will be illegal in Carthen from June "
                     "after lawmakers passed a ban.", source="C",
                     title="Carthen bans cloned voices in political ads - Reuters"),
    ]
    head = headline_for(arts, language="en")
    # The shortest title that says what the others say; its outlet suffix gone.
    assert head == "Carthen bans cloned voices in political ads"
    assert not headline_strikes(head, [a.title for a in arts])


def test_a_whole_clause_of_a_title_can_win_but_never_a_cut(make_article: MakeArticle) -> None:
    arts = [
        make_article("Oakfield will spend 2 billion crowns on delivery robot motors.", source="A",
                     title="Robots: Oakfield to spend 2 billion crowns on delivery robot motors"),
        make_article("Oakfield's council approved a fund for delivery robot motors.", source="B",
                     title="Oakfield approves fund for delivery robot motors"),
    ]
    head = headline_for(arts, language="en")
    assert head in {"Oakfield to spend 2 billion crowns on delivery robot motors",
                    "Oakfield approves fund for delivery robot motors"}
    assert head.split()[-1] == "motors"


def test_a_title_whose_figure_the_paragraph_contradicts_gives_way(
        make_article: MakeArticle) -> None:
    arts = [
        make_article("Carthen's government announced $13 billion in flood aid for Oakfield on "
                     "Friday.", source="A",
                     title="Carthen government unveils $13 billion in further relief"),
        make_article("Carthen will send flood aid to Oakfield, the government said.", source="B",
                     title="Carthen announces $11.6 billion flood aid for Oakfield"),
        make_article("Oakfield gets flood aid.", source="C",
                     title="Carthen announces $13B flood aid package for Oakfield"),
    ]
    paragraph = ["Carthen's government announced $13 billion in flood aid for Oakfield on "
                 "Friday.", "Of it, $9.6 billion goes to the power grid."]
    assert headline_for(arts, language="en") == (
        "Carthen announces $11.6 billion flood aid for Oakfield")  # the words the others share
    head = headline_for(arts, language="en", paragraph=paragraph)
    assert head == "Carthen announces $13B flood aid package for Oakfield"
    # a rounding agrees ("$2 trillion" of "$2.2 trillion", "20%" of "19.6 percent")
    assert not disputes("Carthen signs $2 trillion bill", ["It signed the $2.2 trillion bill."])
    assert not disputes("Crimes up 20%", ["Crimes rose 19.6 percent."])
    assert disputes("Crimes rose 2.7%", ["Crimes rose nearly 20 percent."])
    assert not disputes("Crimes rose 2.7%", ["Crimes rose in 2019."])  # nothing to dispute


def test_a_title_counting_from_its_own_day_gives_way(make_article: MakeArticle) -> None:
    arts = [make_article("The Oakfield ferry trial opens on Tuesday.", source="A",
                         title="Oakfield ferry trial set to start today"),
            make_article("Jury selection in the Oakfield ferry trial begins.", source="B",
                         title="Oakfield ferry operator heads to court as ferry trial begins")]
    assert headline_for(arts, language="en") == (
        "Oakfield ferry operator heads to court as ferry trial begins")
    # a lone title keeps its word; a capitalised "Today" inside a title is a name
    assert headline_for(arts[:1], language="en") == "Oakfield ferry trial set to start today"
    assert not RELATIVE_DAY.search("Carthen Today: the ferry must go")
    assert RELATIVE_DAY.search("Tonight’s ferry debate in Oakfield")


def test_one_article_keeps_its_title_and_a_lone_question_survives(
        make_article: MakeArticle) -> None:
    art = make_article("Oakfield opened a robot lane.", title="Will Oakfield's robot lane work?")
    assert headline_for([art], language="en") == "Will Oakfield's robot lane work?"


def test_english_issue_prefers_english_titles_and_chinese_stays_whole(
        make_article: MakeArticle) -> None:
    zh = make_article("卡森数据委员会周一对三家地图应用处以罚款。", source="数据观察",
                      title="卡森数据委员会罚款三家地图应用 总额400万克朗", language="zh")
    en = make_article("The Carthen Data Board fined three map apps on Monday.", source="A",
                      title="Carthen Data Board fines three map apps")
    assert headline_for([zh, en], language="en") == "Carthen Data Board fines three map apps"
    # A Chinese issue: the Chinese title, whole (never cut mid-word).
    assert headline_for([zh, en], language="zh") == "卡森数据委员会罚款三家地图应用 总额400万克朗"
    assert headline_for([zh], language="en") == "卡森数据委员会罚款三家地图应用 总额400万克朗"


def test_a_title_the_copy_editor_would_strike_loses(make_article: MakeArticle) -> None:
    arts = [make_article("Lawmakers in Carthen passed the voice bill.", source="A",
                         title="Carthen lawmakers pass voice bill as critics warn of"),
            make_article("The voice bill passed in Carthen.", source="B",
                         title="Carthen passes voice bill")]
    assert headline_for(arts, language="en") == "Carthen passes voice bill"


def test_a_clause_opening_on_a_conjunction_is_no_candidate() -> None:
    texts = candidate_texts("Ostrava's helpline got swamped — and soon will close for good", [])
    assert texts == ["Ostrava's helpline got swamped — and soon will close for good",
                     "Ostrava's helpline got swamped"]


def test_a_clause_that_only_names_is_no_candidate_in_a_sentence_case_title() -> None:
    """"S.C. Gov. Nikki Haley" was printed from "5 things to know about Trump's U.N. pick:
    S.C. Gov. Nikki Haley" (a real week): a name is a label, not news. A title in title case
    capitalises every word, so there its clauses stand as before; so do Chinese ones."""
    texts = candidate_texts("5 things to know about Ostrava's helpline pick: Mayor Ada Lin", [])
    assert texts == ["5 things to know about Ostrava's helpline pick: Mayor Ada Lin",
                     "5 things to know about Ostrava's helpline pick"]
    assert "Helpline turns 1st page" in candidate_texts(
        "Ostrava's Mayor Ada Lin: Helpline turns 1st page", [])
    assert "Ostrava Opens Chatbot Helpline" in candidate_texts(
        "Ostrava Opens Chatbot Helpline: Mayor Ada Lin Says 'Calls Will Be Answered'", [])


def test_the_end_of_an_aside_is_no_candidate() -> None:
    """A title's dashes around an aside: what follows the second one continues the sentence
    ("of Ostrava's helpline"), it is no clause of its own; one a title capitalises is."""
    texts = candidate_texts("The rise — and quiet fall — of Ostrava's voice helpline", [])
    assert "Of Ostrava's voice helpline" not in texts
    assert texts[0] == "The rise — and quiet fall — of Ostrava's voice helpline"
    texts = candidate_texts("Ostrava helpline closes: In Prague, a voice bot takes its calls", [])
    assert "In Prague, a voice bot takes its calls" in texts


@pytest.mark.parametrize("title", [
    "Mayor Ada Lin On The Harbour Vote: 'The Quay Stays Open'",
    "Lin on the helpline's closing: 'We will find the money'",
    "Ostrava After The Helpline Outage: 'Every Call Was Answered'",
    "Ada Lin's speech had a clear message: the quay stays open",
    "Islanders' message to the council on the quay: keep it open",
    "Council Announces First Order Of Business For New Term: Saving The Quay",
])
def test_a_head_that_only_announces_what_its_colon_says_is_no_candidate(title: str) -> None:
    # "Michael Cohen On Trump", "Trump After North Korea Missile Launch", "… has a clear
    # message": a label or a promise, alone, not news (titles.announces)
    head = title.split(":", 1)[0]
    assert head not in candidate_texts(title, [])
    assert title in candidate_texts(title, [])


def test_a_head_that_only_announces_is_the_rescue_when_its_whole_title_is_struck() -> None:
    title = "Islanders' message to the council on the quay: Don't"
    assert candidate_texts(title, []) == []  # (the whole ends on an auxiliary)
    assert candidate_texts(title, [], rescue=True) == [
        "Islanders' message to the council on the quay"]


@pytest.mark.parametrize("title", [
    "Mayor Lin Vows To Act On Harbour Tolls: 'We Hear You'",
    "Lin weighs in on the helpline: 'A bot is no clerk'",
    "Council votes on the quay after a long night: what comes next",
    "Council votes to close the quay: report",
    "Harbour Chief Hits Back At Council: Can't Run A Port 'With Empty Promises'",
])
def test_a_head_that_says_something_before_its_colon_stays_a_candidate(title: str) -> None:
    # what follows its colon is someone's words, a pointer or a source: the head is the news
    assert title.split(":", 1)[0] in candidate_texts(title, [])


@pytest.mark.parametrize("title", [
    # a topic label over the news (issue 11, session 40: "North Korea nuclear test: Trump
    # condemns 'hostile' move", "Breonna Taylor Grand Jury Recordings: Officers Testified …")
    "Ostrava helpline outage: Mayor Lin condemns 'careless' contractor",
    "Harbour Toll Recordings: Officers Testified They Knocked Before Entering",
    "Quay closure, Day 32: Council to vote Thursday in first sign of movement",
    # a head whose colon goes on to its point
    "Lin weighs in on the helpline: a bot is no clerk",
    "Mayor Lin presents the council's official policy: The quay is closed to ferries",
])
def test_a_head_over_news_after_its_colon_is_no_candidate_alone(title: str) -> None:
    texts = candidate_texts(title, [])
    assert title.split(":", 1)[0] not in texts
    assert title in texts


def test_a_title_that_opens_on_its_speaker_keeps_the_speaker_in_every_candidate() -> None:
    """issue 11, real weeks: "Kevin McCarthy: Impeaching Trump Would Only Further Divide
    America" was printed as "Impeaching Trump Would Only Further Divide America", a view as
    the digest's own; "U.S. Officials: Putin Personally Involved …" as a fact."""
    title = "Ada Quill: Merging the Docks Would Only Hurt Carthen - Here's Why"
    said = [title, "Harbour Chief Ada Quill (D-Carthen) said on Friday that a merger would hurt."]
    texts = candidate_texts(title, said)
    assert texts == ["Ada Quill: Merging the Docks Would Only Hurt Carthen - Here's Why",
                     "Ada Quill: Merging the Docks Would Only Hurt Carthen"]
    # people a newsroom quotes as a group need no evidence
    assert candidate_texts("Carthen Officials: Rival Port Behind Harbour Outage", []) == [
        "Carthen Officials: Rival Port Behind Harbour Outage"]
    # a name the sources never have say anything is a topic, a kicker no speaker
    assert "Harbour board votes to sell the docks" in candidate_texts(
        "Ada Quill: Harbour board votes to sell the docks", [])
    assert "President Trump just campaigned for a senator" in candidate_texts(
        "It’s official: President Trump just campaigned for a senator", [])
    assert "Her socialist plans 'would bankrupt the city'" in candidate_texts(
        "Ada Quill slammed by Democrats: Her socialist plans 'would bankrupt the city'", [])


def _evidence(**kw: object) -> Evidence:
    base: dict[str, object] = dict(titles=(2.0, 1.0), leads=(1.0, 0.0), own_lead=(2.0, 1.0),
                                   words=(3.0, 1.0), size=(3.0, 1.0), others=2, off_key=False,
                                   cjk=False)
    return Evidence(**(base | kw))  # type: ignore[arg-type]


def test_expected_f1_weighs_function_words_and_length_by_the_settings() -> None:
    s = HeadlineSettings()
    plain = expected_f1(_evidence(), s)
    # The same content said with more function words: their chance counts `function_share`
    # and their length `function_size`, so padding with "to", "of" loses.
    padded = expected_f1(_evidence(titles=(2.0, 2.0), words=(3.0, 2.0), size=(3.0, 3.0)), s)
    assert padded < plain
    assert expected_f1(_evidence(off_key=True), s) == pytest.approx(plain - s.off_key)
    assert expected_f1(_evidence(others=0), s) == 0.0
    # Two more words that one other title in eight uses: too long for a 4-word reference,
    # worth it against a 20-word one.
    long_ref = HeadlineSettings(reference_words=20.0)
    short, wordy = _evidence(), _evidence(titles=(2.25, 1.0), words=(5.0, 1.0), size=(5.0, 1.0))
    assert expected_f1(short, s) > expected_f1(wordy, s)
    assert expected_f1(short, long_ref) < expected_f1(wordy, long_ref)


def test_a_title_its_own_lead_restates_beats_a_take_on_the_news(
        make_article: MakeArticle) -> None:
    # Two titles share as much with the third; the news title is restated by its own lead,
    # the take is not.
    arts = [
        make_article("Carthen's data board fined three map apps on Monday for selling "
                     "location data.", source="A", title="Carthen board fines map apps"),
        make_article("Regulators have long looked away while phones leaked where we go.",
                     source="B", title="Carthen map apps finally pay"),
        make_article("Three map apps must pay Carthen's data board.", source="C",
                     title="Map apps fined in Carthen"),
    ]
    cands = {c.text: c for c in candidates(arts, language="en")}
    assert cands["Carthen board fines map apps"].evidence.own_lead[0] > \
        cands["Carthen map apps finally pay"].evidence.own_lead[0]
    assert headline_for(arts, language="en") != "Carthen map apps finally pay"


def test_when_every_title_is_struck_its_main_clause_stands(make_article: MakeArticle) -> None:
    # The copy editor reads the last "near" as a preposition; the whole title is out, and so
    # is every clause; the main clause before a bare "as" clause is whole and ends well.
    art = make_article("Carthen's budget talks failed on Friday.", source="A",
                       title="Blame Game Ramps Up as Carthen Shutdown Draws Near")
    assert headline_strikes(art.title, [art.title, art.text])
    head = headline_for([art], language="en")
    assert head == "Blame Game Ramps Up"
    assert not headline_strikes(head, [art.title, art.text])
    # Only as a rescue: a clean title keeps its subordinate clause.
    clean = make_article("Carthen's budget talks failed.", source="A",
                         title="Blame game ramps up as Carthen shutdown looms")
    assert headline_for([clean], language="en") == "Blame game ramps up as Carthen shutdown looms"


def test_a_columns_title_gives_way_to_a_reports(make_article: MakeArticle) -> None:
    # The column's title says more of what the third outlet says, so it would win on the
    # evidence alone; a copy editor prints the report's instead. Alone, it keeps its title.
    arts = [
        make_article("Governor Hale on Friday pardoned the Oakfield ferry operator.", source="A",
                     title="Governor Hale's very cosy pardon of the Oakfield ferry operator"),
        make_article("The Oakfield ferry operator walked free on Friday.", source="B",
                     title="Hale frees ferry boss"),
        make_article("Hale pardoned the Oakfield ferry operator, his aide said.", source="C",
                     title="Hale pardon of Oakfield ferry operator draws fire"),
    ]
    assert headline_for(arts[:2], language="en") == "Hale frees ferry boss"
    assert headline_for(arts[:1], language="en") == arts[0].title
    # every title a column's: the evidence chooses among them
    both = [arts[0], make_article("Hale freed him.", source="D",
                                  title="The ferry pardon isn't about mercy. It's about votes.")]
    assert headline_for(both, language="en") in {a.title for a in both}


@pytest.mark.parametrize(("title", "column"), [
    ("Governor Hale's very cosy pardon of the ferry operator", True),
    ("The ferry pardon isn't about mercy. It's about votes.", True),
    ("Oakfield finally opens its ferry lane", True),
    ("Oakfield should scrap its ferry lane", True),
    ("The shameful ferry pardon", True),
    ("A court rules (unpersuasively) that Hale may pardon the ferry boss", True),
    ("The court was wrong to let Hale pardon the ferry boss", True),
    # news: a "should" reported or asked about, a quoted judgement, a source after it, a
    # speaker before a colon, a degree of quantity
    ("Oakfield councillors split on who should pay for the ferry lane", False),
    ("Hale calls ferry ruling 'ridiculous'", False),
    ("Hale says ferry operator should go free", False),
    ("Ferry lane plan 'very likely' to pass, council says", False),
    ("Ferry operator should be freed, judge rules", False),
    ("Harbour gang should be outlawed, campaigners urge", False),
    ("Ferry levy should be scrapped, economist argues", False),
    ("Hale pardons the ferry operator in his very first week", False),
    ("Oakfield opens a ferry lane", False),
    ("Hale asks the paper to retract baseless ferry claims", False),
    # issue 11, session 26: the writer's sarcasm, a disjunct of the writer's verdict
    ("We're supposed to believe the ferry boss earned millions for advice", True),
    ("On the ferry, Hale is wisely following his predecessor", True),
    # session 40: a letter to someone, the writer warning the reader off, a verdict noun
    ("Hey ferry lane defenders, saying 'no' is more complex than you think", True),
    ("Hey, Councillor Hale, the harbour honours winners, not whiners", True),
    ("Thank you, Mayor Keller", True),
    ("Don't let its success fool you: the Oakfield ferry line is a mess", True),
    ("Heyday of the Oakfield ferry ends as the last captain retires", False),
    ("Dear Mother, the Ferry Sails at Dawn", False),  # a feature quoting a letter
])
def test_a_column_title_is_one_that_judges_unless_it_names_who_does(
        title: str, column: bool) -> None:
    assert is_column_title(title) is column
    assert is_column_title("Hale: ferry operator should go free",
                           ["Hale: ferry operator should go free", "Hale said on Friday."]) \
        is False


@pytest.mark.parametrize(("title", "column"), [
    # col38: the writer speaking for itself or for "us" all, before any colon
    ("Why Our Ferry Culture Is Slipping Away", True),
    ("We Must Keep the Night Ferries Running", True),
    ("I Sailed the New Ferry. It Leaks.", True),
    ("Oakfield's new tolls will strangle our harbour", True),
    ("Take the Tolls Off Our Bridges", True),
    ("Why Hale Needs Us.", True),
    # the desk's own trade, someone's words, initials and numerals, a bare "Why …"
    ("What we know about the Oakfield ferry fire", False),
    ("How will we know we've made the harbour safe?", False),
    ("We asked five captains about the new ferry lane", False),
    ("Our guide to the Oakfield ferry timetable", False),
    ("What the ferry fire tells us about harbour safety", False),
    ("Harbour chief: We will not close the port", False),
    ("Hale Says We Must Sail On", False),
    ("Hale vows to 'protect our harbour'", False),
    ("We must sail on, Hale says", False),
    ("Us Court Rejects Ferry Appeal", False),
    ("World War I Ferry Raised From Oakfield Harbour", False),
    ("F.B.I. Opens Ferry Inquiry", False),
    ("Why the Oakfield Ferry Vote Matters", False),
])
def test_a_title_in_its_writers_first_person_is_a_columns(title: str, column: bool) -> None:
    assert is_column_title(title) is column


def test_a_first_person_word_the_story_writes_in_a_name_is_no_columns() -> None:
    # "Our" capitalised after a lower-case word in the story's text is part of a name; the
    # title itself is not read for it (headline style lower-cases "for").
    title = "Marchers for Our Harbour Fill Oakfield Square"
    assert is_column_title(title)
    assert not is_column_title(title, [title, "Thousands joined the Marchers for Our Harbour "
                                              "rally on Sunday."])
    thesis = "The Best Reason for Our Ferry Crisis Is the Least Comforting"
    assert is_column_title(thesis, [thesis, "Tolls rose again in Oakfield on Monday."])


def test_a_title_its_outlet_labels_opinion_is_a_columns(make_article: MakeArticle) -> None:
    # No cue word judges in "Oakfield's Ferry Deal Will Sink the Harbour": its outlet's label
    # says it is a column (issue 11, session 26); the report's title is printed instead.
    arts = [
        make_article("The Oakfield ferry deal was signed on Friday.", source="A",
                     title="OPINION: Oakfield's Ferry Deal Will Sink the Harbour"),
        make_article("Oakfield signed its ferry deal on Friday, the mayor said.", source="B",
                     title="Oakfield signs ferry deal"),
        make_article("Oakfield's ferry deal will cost the harbour dearly.", source="C",
                     title="Oakfield's ferry deal and the harbour (Opinion)"),
        make_article("Analysts read the Oakfield ferry deal.", source="D",
                     title="Analysis: What Oakfield's ferry deal means for the harbour"),
    ]
    assert columns(arts) == {0, 2}
    assert headline_for(arts[:2], language="en") == "Oakfield signs ferry deal"


def test_a_teasers_question_gives_way_to_a_report(make_article: MakeArticle) -> None:
    # Session 40: "What Happened in Chicago Last Night? How Looting and Rioting Broke Out" was
    # the headline over "Aftermath of looting in downtown Chicago: 13 cops injured, …"; a
    # question (outside quotations) goes after every title that states the news, its head too.
    arts = [
        make_article("Hundreds of people swept through the Carthen harbour district early "
                     "Monday, smashing windows. More than 100 people were arrested.", source="A",
                     title="Aftermath of looting in Carthen: 13 officers injured, more than "
                           "100 arrests"),
        make_article("Rioting and looting erupted in Carthen after a clash with police.",
                     source="C", title="What Happened in Carthen Last Night? How Looting "
                                       "Broke Out"),
        make_article("The looting in Carthen left the harbour district in ruins on Monday.",
                     source="B", title="Carthen looting: what we know?"),
    ]
    assert headline_for(arts, language="en").startswith("Aftermath of looting in Carthen")
    # a question someone asks, quoted, is no teaser's
    quoted = make_article("The mayor asked the board on Monday whether the quay could open.",
                          source="D", title="Mayor to harbour board: 'Can the quay open?'")
    assert headline_for([quoted], language="en") == "Mayor to harbour board: 'Can the quay open?'"
