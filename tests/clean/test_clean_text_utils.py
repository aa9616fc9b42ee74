"""digest.text and digest.sentences: sentences (English, Chinese, mixed), language, tokens, body hash."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digest.sentences import split_sentences
from digest.text import (
    cjk_ratio,
    content_hash,
    detect_language,
    normalize_whitespace,
    quotes_open,
    tokens,
)


@pytest.mark.parametrize(("text", "expected"), [
    ("The tug left at dawn. It returned by noon.", ["The tug left at dawn.", "It returned by noon."]),
    # titles, initials and Latin abbreviations do not end a sentence
    ("Dr. Ama Mensah met Prof. K. Osei at St. Mary's. They spoke for an hour.",
     ["Dr. Ama Mensah met Prof. K. Osei at St. Mary's.", "They spoke for an hour."]),
    ("The U.S. and the U.K. signed it, e.g. on tariffs. Talks resume in Jan. next year.",
     ["The U.S. and the U.K. signed it, e.g. on tariffs.", "Talks resume in Jan. next year."]),
    # decimals, prices and percentages are not boundaries
    ("Output rose 2.5% to $3.75 per unit. Version 1.2 ships today.",
     ["Output rose 2.5% to $3.75 per unit.", "Version 1.2 ships today."]),
    # a sentence can end inside closing quotes
    ("“We will rebuild,” the mayor said. “No doubt about it.” Then she left.",
     ["“We will rebuild,” the mayor said.", "“No doubt about it.”", "Then she left."]),
    ('He asked: "Is it true?" Nobody answered.', ['He asked: "Is it true?"', "Nobody answered."]),
    # a quotation ending on "!" or "?" and its attribution are one sentence; a sentence that
    # is no attribution, or after a quotation that is not the sentence, stands alone
    ("“Historic day for the port!” Mayor Ama Mensah tweeted Thursday. The ferries ran.",
     ["“Historic day for the port!” Mayor Ama Mensah tweeted Thursday.", "The ferries ran."]),
    ('"Is it over? Can we go?" asked Kofi Osei. "Yes!" The crowd cheered.',
     ['"Is it over? Can we go?" asked Kofi Osei.', '"Yes!"', "The crowd cheered."]),
    ("He shouted “Fire!” Officials said the hall was empty.",
     ["He shouted “Fire!”", "Officials said the hall was empty."]),
    ("Wait... what happened? Nothing!", ["Wait... what happened?", "Nothing!"]),
    # a plural title, a title after a bracket, a dash or a quote mark ends no sentence
    ("Flanked by Sens. Ada Lin and Kofi Osei, the mayor spoke.",
     ["Flanked by Sens. Ada Lin and Kofi Osei, the mayor spoke."]),
    ("It was founded by the late Rev. Ama Mensah and Maj. Gen. Kofi Osei.",
     ["It was founded by the late Rev. Ama Mensah and Maj. Gen. Kofi Osei."]),
    ("She took her boyfriend, Army Spc. Kofi Osei, and Pfc. Ada Lin to a concert.",
     ["She took her boyfriend, Army Spc. Kofi Osei, and Pfc. Ada Lin to a concert."]),
    ("Brig. Gen. Ama Mensah met Det. Insp. Kofi Osei and Fr. Tomas Lind.",
     ["Brig. Gen. Ama Mensah met Det. Insp. Kofi Osei and Fr. Tomas Lind."]),
    ("(CNN)Sen. Ada Lin spoke. He asked “Mrs. Lin” to stay.",
     ["(CNN)Sen. Ada Lin spoke.", "He asked “Mrs. Lin” to stay."]),
    # a state's abbreviation, as written, is one; a sentence ends there before an opener
    ("Rep. Ada Lin (D-Minn.) Tideline said so. She met Del. Kofi Osei in Kenosha, Wis. The "
     "talks ended. He fell ill. Doctors came.",
     ["Rep. Ada Lin (D-Minn.) Tideline said so.", "She met Del. Kofi Osei in Kenosha, Wis.",
      "The talks ended.", "He fell ill.", "Doctors came."]),
    ("RICHMOND, Va. (AP) — Ferries stopped.", ["RICHMOND, Va. (AP) — Ferries stopped."]),
    # an abbreviation that ends a sentence, before a common sentence opener
    ("The vote closed at 5 p.m. The count starts tomorrow.",
     ["The vote closed at 5 p.m.", "The count starts tomorrow."]),
    ("She joined Brightwater Ltd. in 2019.", ["She joined Brightwater Ltd. in 2019."]),
    # after a clock time any capitalised word opens a sentence, unless it continues the time
    ("No feed after 10 p.m. News aggregator Tideline said so.",
     ["No feed after 10 p.m.", "News aggregator Tideline said so."]),
    ("It lands at 10 p.m. Beijing time on Friday.", ["It lands at 10 p.m. Beijing time on Friday."]),
    ("Polls open at 7 a.m. Tuesday in Ohio.", ["Polls open at 7 a.m. Tuesday in Ohio."]),
    # a URL's "?" is not a boundary
    ("See https://example.org/search?q=tide&page=2 for more. Thanks!",
     ["See https://example.org/search?q=tide&page=2 for more.", "Thanks!"]),
    # lowercase after a full stop is not a new sentence (a list, a version string)
    ("It runs on v2. it is fast.", ["It runs on v2. it is fast."]),
    # two sentences a feed glued together; not a title or initials without their space
    ("The hearing has ended.The board meets in Carthen.Osei will chair it.",
     ["The hearing has ended.", "The board meets in Carthen.", "Osei will chair it."]),
    ("He met Mrs.Lin at the U.S.Navy yard.", ["He met Mrs.Lin at the U.S.Navy yard."]),
    # a name written with "!" ends no sentence, unless a common opener follows
    ("The ferry will run, according to Yahoo! News and Tideline. Crews cheered.",
     ["The ferry will run, according to Yahoo! News and Tideline.", "Crews cheered."]),
    ("She won on Jeopardy! The show airs tonight.", ["She won on Jeopardy!", "The show airs tonight."]),
    ("We won! Crews cheered.", ["We won!", "Crews cheered."]),
])
def test_english_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("港口今天恢复通航。船只陆续进港！明天会下雨吗？会。",
     ["港口今天恢复通航。", "船只陆续进港！", "明天会下雨吗？", "会。"]),
    # closing quotes stay with their sentence
    ("他说：“我们明天出发。”随后离开了会场。", ["他说：“我们明天出发。”", "随后离开了会场。"]),
    # ASCII ? and ! after Chinese characters end a sentence as well
    ("你来吗?我们等你!出发。", ["你来吗?", "我们等你!", "出发。"]),
    ("增长率为3.5%。", ["增长率为3.5%。"]),
    # a quotation and its speaker after it are one sentence ("林巧云说。" alone credits nothing;
    # found by qa40b), a sentence after a quotation that is not its speaker is not
    ("“开源是大势所趋。”林巧云说。随后她离开了会场。", ["“开源是大势所趋。”林巧云说。", "随后她离开了会场。"]),
    ("“开源是大势所趋。”联盟专家委员会主任林巧云在闭幕式上表示。",
     ["“开源是大势所趋。”联盟专家委员会主任林巧云在闭幕式上表示。"]),
    ("“我们不会退出。”这是他第三次表态。", ["“我们不会退出。”", "这是他第三次表态。"]),
])
def test_chinese_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_mixed_chinese_and_english() -> None:
    text = "深海科技发布了 Tidal-3 模型。The model is open source. 它支持中文和英文！"
    assert split_sentences(text) == [
        "深海科技发布了 Tidal-3 模型。", "The model is open source.", "它支持中文和英文！"]


def test_lines_and_paragraphs_are_boundaries() -> None:
    text = "A heading without a stop\nFirst sentence. Second one.\n\n  \nLast paragraph"
    assert split_sentences(text) == [
        "A heading without a stop", "First sentence.", "Second one.", "Last paragraph"]
    assert split_sentences("") == []
    assert split_sentences(" \n\n ") == []


@given(st.text(max_size=300))
def test_split_loses_no_text(text: str) -> None:
    # every non-space character survives, in order
    joined = "".join(split_sentences(text))
    assert "".join(joined.split()) == "".join(text.split())


@pytest.mark.parametrize(("text", "lang"), [
    ("The harbour reopened on Monday.", "en"),
    ("港口周一重新开放，船只陆续进港。", "zh"),
    # a few Latin letters (names, model numbers) do not make Chinese text English
    ("深海科技发布了 Tidal-3 AI 模型，支持多种语言和长文本处理", "zh"),
    ("An English report quoting one word: 港口.", "en"),
    ("", "en"),
    ("12,400 / 3.5% !!!", "en"),
])
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_cjk_ratio_counts_letters_only() -> None:
    assert cjk_ratio("港口 port") == pytest.approx(2 / 6)
    assert cjk_ratio("1234 !!") == 0.0


def test_tokens_fold_case_width_and_split_cjk_characters() -> None:
    assert tokens("Ｔｉｄｅ Tables 港口 it’s x-ray 3.5") == [
        "tide", "tables", "港", "口", "it’s", "x-ray", "3", "5"]


def test_content_hash_ignores_whitespace_case_and_punctuation() -> None:
    base = content_hash(["The harbour reopened on Monday.", "Ships returned."])
    assert content_hash(["the  harbour\nreopened on MONDAY", "ships returned!"]) == base
    assert content_hash(("The harbour reopened on Monday. Ships returned.",)) == base
    assert content_hash(["The harbour reopened on Tuesday.", "Ships returned."]) != base
    assert content_hash(["港口 重新开放。"]) == content_hash(["港口重新开放"])
    assert len(base) == 64 and content_hash([]) == content_hash([""])


# (with combining marks and Hangul jamo, which compose with what stands before them: content_hash
# normalises paragraph by paragraph, the reference the joined text)
_TRICKY = ("aZq09 '’-_.,;\n\t\u00a0\u3000\x01港口開\uf900\u3400éÉßﬁ½①Ａ—–…\u200b\ufeff\U0001f600\ud800"
           "\u0301\u0308\u1100\u1161\u11a8\u3099")


def _reference_hash(paragraphs: list[str]) -> str:
    """content_hash as defined: the lower-cased tokens, joined by one space, hashed."""
    import hashlib

    return hashlib.sha256(" ".join(tokens(" ".join(paragraphs))).encode("utf-8",
                                                                       "surrogatepass")).hexdigest()


@given(st.lists(st.text(alphabet=_TRICKY, max_size=30), max_size=3))
def test_content_hash_is_the_hash_of_the_joined_tokens(paragraphs: list[str]) -> None:
    """The byte-pass fast path (Latin text) and the regex path (CJK) both hash exactly the
    joined tokens: leading apostrophes and hyphens dropped, a run of them alone gone, the
    right single quote kept inside a word, capitals folded."""
    assert content_hash(paragraphs) == _reference_hash(paragraphs)


@pytest.mark.parametrize("text", ["-'’x-y’s --", "' - ’", "A’B \x01 c", "ÉCOLE d'été 港-口’s",
                                  "Москва  -  Лондон", "x" + " " * 300 + "-y"])
def test_content_hash_edge_cases(text: str) -> None:
    assert content_hash([text]) == _reference_hash([text])


def test_normalize_whitespace() -> None:
    assert normalize_whitespace("  a\u00a0 b \r\n\n  c\u3000d \t ") == "a b\n\nc d"


@pytest.mark.parametrize(("text", "expected"), [
    # a quotation in single marks, British style, is one sentence however many it holds
    ("Locke was thrilled. ‘That’s how football works. If they play well, your stock rises.’ "
     "He joined in 2014.",
     ["Locke was thrilled.",
      "‘That’s how football works. If they play well, your stock rises.’", "He joined in 2014."]),
    ("'Hillary Clinton has had it hard,' Julia explained. 'Which is remarkable.' She laughed.",
     ["'Hillary Clinton has had it hard,' Julia explained.", "'Which is remarkable.'",
      "She laughed."]),
    # open where the paragraph ends, it runs on into the next: the rest of this one is in it
    ("The coach spoke. ‘I’ve got broad shoulders. They have worked so hard.",
     ["The coach spoke.", "‘I’ve got broad shoulders. They have worked so hard."]),
    # apostrophes open nothing: "players’", "’90s", "'N'", "O’Brien"; a quoted title closes
    ("The players’ boots were new. He likes rock 'N' roll. O’Brien left.",
     ["The players’ boots were new.", "He likes rock 'N' roll.", "O’Brien left."]),
    ("He was dubbed 'The Royal Matchmaker' after the wedding. In 2011 he left.",
     ["He was dubbed 'The Royal Matchmaker' after the wedding.", "In 2011 he left."]),
])
def test_single_quotation_marks_keep_a_quotation_whole(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_a_single_quotation_left_open_is_open() -> None:
    assert quotes_open("‘I’ve got broad shoulders.")
    assert not quotes_open("‘It’s over,’ she said.")
    assert not quotes_open("The players’ boots were new.")


def test_a_lead_whose_full_stop_the_feed_lost_is_two_sentences() -> None:
    # a lower-case word, then a capitalised determiner or pronoun opening a clause with its verb
    lead = ("Hundreds of ferry workers marched peacefully through Porthaven on Monday to protest "
            "the harbour board's plan to close the terminal at night — a move that has become a "
            "flash point in the town's debate over jobs The size of the march surprised the board. "
            "The board meets again on Friday.")
    assert split_sentences(lead) == [
        "Hundreds of ferry workers marched peacefully through Porthaven on Monday to protest "
        "the harbour board's plan to close the terminal at night — a move that has become a "
        "flash point in the town's debate over jobs.",
        "The size of the march surprised the board.",
        "The board meets again on Friday."]
    for whole in [
        "You save $40 on the kettle thanks to its grade A refurbished status, the shop said.",
        "The painting, once titled The lady of the harbour, was sold to a Kettle museum.",
        "He gave $1 million of His own money to the ferry fund, and it was spent.",
        "Last week, we shared The top ways the harbour board has cut its costs.",
        "She said: “we hold the line on every pier here The rest will follow as planned.”",
        "Ferry crews protest The board had not yet been told.",  # (too short a sentence)
    ]:
        assert split_sentences(whole) == [whole]
    # only the text's first sentence: a page's captions glued further on are left as they are
    body = ("The board met on Monday. Crews gathered outside the hall in the rain all morning The "
            "mayor said the plan was final.")
    assert split_sentences(body) == ["The board met on Monday.",
                                     "Crews gathered outside the hall in the rain all morning The "
                                     "mayor said the plan was final."]
