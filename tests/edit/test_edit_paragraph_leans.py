"""The paragraph writer never prints a sentence leaning on one it did not print right before
it (digest.edit.read.leaning.leans_back), English or Chinese, and the copy editor strikes one that
does."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from digest.edit.proof import paragraph_strikes
from digest.edit.read.leaning import leans_back
from digest.edit.write.furniture import own_furniture
from digest.edit.write.lines import story_lines
from digest.edit.write.paragraph import paragraph_for
from digest.edit.write.person import first_person
from digest.models import Article

MakeArticle = Callable[..., Article]


NIGHT_A = ("Carthen's harbour board on Monday weighed ending the night ferry to Oakfield, which "
           "has run since 1998. The ferry carried 9,000 passengers last year, down from 14,000 "
           "in 2019.")
NIGHT_B = ("The harbour board heard arguments on Monday on a question that goes to the heart of "
           "Carthen: must the night ferry to Oakfield keep running? For more than two decades, "
           "the answer from the harbour board under chair Nora Lind has been “yes” for its 2,000 "
           "riders a night. Both the port charter and the city's transport law require that the "
           "night ferry to Oakfield run every night.")
NIGHT_C = ("Members of Carthen's harbour board appeared ready on Monday to end the night ferry to "
           "Oakfield after ticket sales fell. The board will vote on the night ferry in December.")


def test_no_answer_to_a_question_not_printed(make_article: MakeArticle) -> None:
    # The question is never printed (a question is the writer's voice), so neither is the
    # sentence answering it — though it brings a name and a figure to a short paragraph.
    arts = [make_article(NIGHT_A, source="Outlet A", title="Board weighs ending night ferry",
                         day=1),
            make_article(NIGHT_B, source="Outlet B", title="A ferry case at Carthen's heart",
                         day=1.1),
            make_article(NIGHT_C, source="Outlet C", title="Board ready to end Oakfield ferry",
                         day=1.2)]
    texts = [s.text for s in paragraph_for(arts, {}, language="en")]
    assert texts and not any("the answer" in t for t in texts)
    assert paragraph_strikes(texts, sources=[f"{a.title}\n{a.text}" for a in arts]) == []


ZH_A = ("卡森议会周二通过了禁止在政治广告中使用克隆声音的法案，违者最高罚款400万克朗。"
        "议员们表示，该法案将于明年一月生效。")
ZH_B = ("卡森议会周二通过禁止在政治广告中使用克隆声音的法案。"
        "此外，平台须在30天内删除5万段克隆声音，数据委员会将负责监督。")
ZH_C = "卡森议会周二表决通过克隆声音禁令，最高罚款400万克朗。反对党称禁令过于宽泛。"


def test_a_chinese_sentence_leaning_on_one_not_printed(make_article: MakeArticle) -> None:
    # "此外，…" ("Moreover, …") goes on from B's first sentence, which says nothing new.
    arts = [make_article(ZH_A, source="甲报", title="卡森议会通过克隆声音禁令", day=1,
                         language="zh"),
            make_article(ZH_B, source="乙网", title="卡森禁止政治广告克隆声音", day=1.1,
                         language="zh"),
            make_article(ZH_C, source="丙台", title="克隆声音禁令获通过", day=1.2,
                         language="zh")]
    sources = [f"{a.title}\n{a.text}" for a in arts]
    texts = [s.text for s in paragraph_for(arts, {}, language="zh")]
    assert texts and not any(t.startswith("此外") for t in texts)
    assert paragraph_strikes(texts, language="zh", sources=sources) == []
    moreover = "此外，平台须在30天内删除5万段克隆声音，数据委员会将负责监督。"
    struck = paragraph_strikes([*texts, moreover], language="zh", sources=sources)
    assert [s.rule for s in struck] == ["opens on an unresolved reference"]


def test_a_sentence_pointing_to_text_not_printed_is_not_printed(make_article: MakeArticle) -> None:
    # "Below is …" introduces the article's own text, which the paragraph does not print
    assert leans_back("Below is some of what our reporters have learned about the fair.")
    assert leans_back("Here's a rundown of both sides of the ferry debate.")
    assert leans_back("The following are the new ferry times:")
    assert leans_back("The ferry runs below the bridge.") is None
    art = make_article("The Carthen fair opened on Friday with 40 stalls and a ferry parade. "
                       "Below is some of what the organisers have planned for the week. "
                       "Mayor Ilse Brandt will open the harbour stage on Saturday. Her aide "
                       "Rep. Tom Keller (D.N.M.", source="Outlet A", title="Carthen fair opens")
    texts = [ln.text for ln in story_lines([art], "en")]
    assert texts and not any(t.startswith("Below") for t in texts)
    assert not any("(D.N.M." in t for t in texts)  # an excerpt cut inside a bracket
    # …or right after the bracket: "(D-Mass.)" is a party tag's stop, not the sentence's
    cut = make_article("The Carthen fair opened on Friday with 40 stalls. Harbour committee "
                       "chair Tom Keller (D-Mass.)", source="Outlet B", title="Fair opens")
    assert [ln.text for ln in story_lines([cut], "en")] == [
        "The Carthen fair opened on Friday with 40 stalls."]
    whole = make_article("The fair was opened by Tom Keller (D-Mass.). It has 40 stalls.",
                         source="Outlet C", title="Fair opens")
    assert len(story_lines([whole], "en")) == 2


def test_a_text_cut_after_a_title_ends_no_sentence(make_article: MakeArticle) -> None:
    # The feed stops before the names: "… as Sens." is a cut, not a sentence's end.
    a = make_article("Carthen's two harbour seats will be decided in a runoff on Tuesday. Both "
                     "seats, and control of the harbour board, will be up for grabs as Sens.",
                     source="Outlet A", title="Carthen runoff decides the harbour board")
    texts = [ln.text for ln in story_lines([a], "en")]
    assert texts == ["Carthen's two harbour seats will be decided in a runoff on Tuesday."]
    # a title in full may end a sentence
    b = make_article("The harbour board met on Tuesday in Carthen. The board then elected Nora "
                     "Lind its Speaker.", source="Outlet B", title="Carthen board elects Lind")
    assert [ln.text for ln in story_lines([b], "en")][-1].endswith("its Speaker.")


def test_a_quotation_with_no_stop_is_a_crosshead_not_a_sentence(make_article: MakeArticle) -> None:
    a = make_article("The harbour board voted on Tuesday to end the night ferry to Oakfield. "
                     "Chair Nora Lind: ‘Not something that I can support’\n"
                     "Lind said the board “made a mistake.” Oakfield's mayor called it "
                     "“a sad day”.", source="Outlet A", title="Carthen ends the night ferry")
    texts = [ln.text for ln in story_lines([a], "en")]
    assert texts == ["The harbour board voted on Tuesday to end the night ferry to Oakfield.",
                     "Lind said the board “made a mistake.”",
                     "Oakfield's mayor called it “a sad day”."]


def test_a_line_bidding_the_reader_is_a_hook_not_news(make_article: MakeArticle) -> None:
    a = make_article("Meet the harbour board's new ferry plan. The board voted on Tuesday to "
                     "end the night ferry to Oakfield.", source="Outlet A",
                     title="Carthen ends the night ferry")
    assert [ln.text for ln in story_lines([a], "en")] == [
        "The board voted on Tuesday to end the night ferry to Oakfield."]
    # someone's words are theirs, and "Meeting", "Considering …" are no imperative
    assert not first_person("“Imagine a harbour without ferries,” the mayor said.")
    assert not first_person("Meeting on Tuesday, the board voted to end the night ferry.")
    assert not first_person("Meet the Press host Nora Lind asked the mayor about the ferry.")
    # a greeting to the readers is the writer's voice too; "everyone" in a report is not
    assert first_person("Happy harbour day, everybody.")
    assert not first_person("The new ferry fares apply to everyone.")


def test_a_cut_time_and_an_aside_in_brackets_are_no_sentences(make_article: MakeArticle) -> None:
    a = make_article("The harbour board met on Tuesday to vote on the night ferry. Shortly "
                     "after 1 p.m. The chair said the vote would wait. (Note: the Gazette "
                     "owns the ferry's booking site.) The board was set to brief the press at "
                     "an 11 a.m. (1500 GMT) press conference. News crews waited outside.", source="Outlet A",
                     title="Carthen board delays ferry vote")
    assert [ln.text for ln in story_lines([a], "en")] == [
        "The harbour board met on Tuesday to vote on the night ferry.",
        "The chair said the vote would wait.", "News crews waited outside."]
    # a time that ends a sentence is its own
    b = make_article("The board will vote on the night ferry at 1:30 p.m. The chair said the "
                     "vote starts at 10 a.m.", source="Outlet B", title="Carthen board votes")
    assert len(story_lines([b], "en")) == 2


def test_a_sentence_naming_its_own_outlet_as_told_is_printed(make_article: MakeArticle) -> None:
    # "…, she told Reuters." in Reuters' own article reports a fact; the outlet's credit line
    # and the segment it presents are its furniture. Before, any sentence holding the
    # outlet's name went, and a short name went inside longer words ("AP" in "CAPITAL").
    text = ("Harbour officials in Carthen on Monday closed the night ferry to Oakfield after "
            "ticket sales fell. The ferry will stop on 1 December, port director Nora Lind told "
            "Reuters. Reuters' Ann Park explains what the closure means for Oakfield. Ann Park "
            "contributed to this report.")
    arts = [make_article(text, source="Reuters", title="Carthen closes night ferry", day=1)]
    texts = [s.text for s in paragraph_for(arts, {}, language="en")]
    assert any("told Reuters" in t for t in texts)
    assert not any("explains" in t or "contributed" in t for t in texts)
    capital = ("The CAPITAL Line ferry from Carthen to Oakfield stopped on Monday after ticket "
               "sales fell by half. Its last crossing left at 11 p.m. with 40 riders aboard.")
    arts = [make_article(capital, source="AP", title="Carthen ferry stops", day=1)]
    texts = [s.text for s in paragraph_for(arts, {}, language="en")]
    assert texts and texts[0].startswith("The CAPITAL Line")


@pytest.mark.parametrize(("sentence", "outlet", "furniture"), [
    ("CNN's Greg Botelho and Sonya Hamasaki contributed to this report.", "X", True),
    ("CNN's Atika Shubert explains how the group runs a state.", "CNN", True),
    ("Follow Harbor Ledger's coverage of the summit.", "Harbor Ledger", True),
    ("Daily Mail Australia was at CubaDupa as a guest of the city.", "Daily Mail", True),
    ("“We will rebuild,” the mayor told CNN on Monday.", "CNN", False),
    ("Relatives said the victim was gay, CNN affiliate WNCN reported.", "CNN", False),
    ("CNN's Atika Shubert explains it.", "BBC", False),
])
def test_own_furniture_rules(sentence: str, outlet: str, furniture: bool) -> None:
    assert own_furniture(sentence, outlet) is furniture


def test_a_quotation_in_single_marks_is_never_split_into_our_voice(
        make_article: MakeArticle) -> None:
    # "Equally, if they don't play well, …" is the manager's, inside his quotation: before, the
    # splitter cut it out of ‘…’ and the paragraph printed it as the newsletter's own; a bare
    # quotation in single marks needs its speaker's sentence before it, as one in double marks.
    text = ("Gary Locke will be confirmed as Kilmarnock's permanent manager on Friday. The club "
            "went unbeaten in his first six games in charge, Locke said on Thursday. ‘That’s how "
            "football works. If they play well, your stock rises. Equally, if they don’t play "
            "well, it’s the manager who gets the stick.’ Kilmarnock are eighth in the league.")
    arts = [make_article(text, source="Outlet A", title="Locke to be Kilmarnock manager", day=1)]
    texts = [s.text for s in paragraph_for(arts, {}, language="en")]
    assert texts and not any(t.startswith(("Equally", "If they play")) for t in texts)
    assert not any(ln.text.startswith(("Equally", "If they play"))
                   for ln in story_lines(arts, "en"))
    bare = [make_article("Locke spoke on Thursday. ‘The players have been superb for us.’ He "
                         "joined in 2014.", source="Outlet B", title="Locke praises players")]
    quote = next(ln for ln in story_lines(bare, "en") if ln.text.startswith("‘The players"))
    assert quote.leans


def test_a_person_word_inside_a_name_is_no_first_person() -> None:
    # "7 On Your Side" (a station's consumer desk), "World War I", "We Build the Wall": names,
    # not the writer talking; before, a report's lead naming them was never printed.
    for name in ("A 7 On Your Side investigation has led more customers to call the station.",
                 "More Americans have died than in World War I, Vietnam and Korea combined.",
                 "Donors gave $25 million to the We Build the Wall fundraiser.",
                 "This Is Us won three awards on Sunday."):
        assert not first_person(name), name
    for voice in ("Yesterday I went to the hearing.", "Were I President Trump, I would fire him.",
                  "Last Tuesday I was proud of the vote.", "A month later, in Kabul, I turned 18.",
                  "Our reporters found the files.", "Then we left the room.",
                  # the writer bidding the reader: "let's" is "let us"
                  "Let's get into it, starting with the specs.", "So let’s take a look.",
                  "Don't worry - the ferry still runs.", "Please search for an address.",
                  "Be sure to check out the rest of the winners here."):
        assert first_person(voice), voice
    assert not first_person("The first lady launched the latest part of her Let's Move drive.")
    assert not first_person("Lind said: “Let's keep the ferry running.”")


def test_a_role_noun_after_a_date_still_leans() -> None:
    # "The Dec. 22 report …" is the report the sentence before introduced; a date between
    # "The" and the noun names no report. An event a date identifies stands alone.
    assert leans_back("The Dec. 22 report, marked for official use only, says Carthen faces "
                      "a heightened threat.") is not None
    assert leans_back("The Tuesday meeting ended without a vote on the ferry.") is not None
    assert leans_back("The Dec. 22 storm flooded the Carthen ferry terminal.") is None
    assert leans_back("The Nov. 3 election was the closest in Carthen's history.") is None
