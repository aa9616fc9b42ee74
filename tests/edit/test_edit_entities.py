"""The name finder's rules (digest/edit/read/entities.py): what is no name."""

from __future__ import annotations

import pytest

from digest.edit.read.entities import mentions, mentions_after, scan


@pytest.mark.parametrize(("text", "names"), [
    # a title before a name goes; an initial inside a name goes
    ("Officials said President-elect Donald J. Trump met them.", ["Donald Trump"]),
    ("It was George H.W. Bush, and later Martin Luther King Jr. spoke.",
     ["George Bush", "Martin Luther King"]),
    ("A letter from Secretary of State Mike Pompeo arrived.", ["Mike Pompeo"]),
    ("Officials said FBI Director Christopher Wray and Federal Reserve Chairman Jerome "
     "Powell met.", ["FBI", "Christopher Wray", "Federal Reserve", "Jerome Powell"]),
    ("He met Mr. Trump and Sen. Martha McSally, R-Ariz., on Monday.",
     ["Trump", "Martha McSally"]),
    # an acronym written with dots is the acronym, never "U"; a sentence it ends is split
    ("Troops left the U.S. The Pentagon said so, and the U.S. Senate agreed.",
     ["US", "Pentagon", "US Senate"]),
    # weekdays, months, datelines and wire tags are no names; a name stops at a line break
    ("Ferry strike ends\nWASHINGTON (AP) — The vote in the Senate came on Monday in March.",
     ["Senate"]),
    ("Talks fail in North Mexico\nMEXICO CITY (Reuters) - Talks failed.", ["North Mexico"]),
    # not a title: the tail is an organisation or a place; "and" between two names splits
    ("They sued the Justice Department and King County and General Motors.",
     ["Justice Department", "King County", "General Motors"]),
    ("A rule from the Ministry of Industry and Information Technology.",
     ["Ministry of Industry and Information Technology"]),
    # a word opening a sentence is a name only where the text names it inside one too
    ("New rules came in. Trump said no. Later, aides to Trump agreed.", ["Trump", "Trump"]),
    ("Phone lines were busy. Phone Washington later. The phone rang in Washington.",
     ["Washington", "Washington"]),
])
def test_what_is_no_name(text: str, names: list[str]) -> None:
    assert mentions(text) == names


# A Chinese word ending like a name's suffix is no name: 全部 ("all"), 东部 ("the east"), 部署
# ("deploy"), 格局; a conjunction before a name is not its first word (but 远程监控中心).
@pytest.mark.parametrize(("text", "names"), [
    ("训练全部在国产芯片集群上完成。", []),
    ("调度系统建成后有望承接更多东部地区的训练任务。", []),
    ("将把智能客服系统部署到深圳地铁全部车站。", []),
    ("行业格局正在改变。", []),
    ("车内不配备安全员，但远程监控中心会全程跟踪。", ["远程监控中心"]),
    ("国家数据局18日印发指引，外交部发言人表示欢迎。", ["国家数据局", "外交部"]),
])
def test_chinese_words_ending_like_a_suffix_are_no_names(text: str, names: list[str]) -> None:
    assert mentions(text) == names


def test_aliases_and_chinese_names_still_found() -> None:
    text = "The Asia Open Model Alliance (AOMA) met. 亚洲开放模型联盟（AOMA）发布了标准。"
    assert mentions(text)[:2] == ["Asia Open Model Alliance", "AOMA"]
    assert "亚洲开放模型联盟" in mentions(text)


# Bodies whose first run reads what stands before them (a title's last word, its dot), a
# dateline the title runs into, a run the body opens and names again, a part written with two
# spaces (not found where it stands), and Chinese names on both sides of the line break.
_BODIES = ["Foo Agency said so. Then the Foo Agency agreed.", "— (AP) Officials said no.",
           "Trump spoke. Later, aides to Trump agreed.", "  Phone Washington now. In Washington.",
           "Mr.\nTrump left the U.S. The Senate met.", "(Reuters) - Apple Inc said.",
           "Talks of Foo  Bar failed in North Mexico.", "亚洲开放模型联盟（AOMA）发布了标准。",
           "U.S.\n\nThe Fed met the Foo Agency."]
_HEADS = ["", "Foo", "Sen", "WASHINGTON", "Talks fail in North Mexico, U", "Mr", "浙江省人民政府"]


@pytest.mark.parametrize("body", _BODIES)
def test_a_body_read_once_names_what_the_whole_text_names(body: str) -> None:
    """`mentions_after(head, body, scan(body))` is `mentions(head + body)`, under any title."""
    read = scan(body)
    for head in (f"{h}{sep}" for h in _HEADS for sep in ("\n", ".\n", " ")):
        assert mentions_after(head, body, read) == mentions(head + body), head
