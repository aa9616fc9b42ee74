"""The copy editor for the TL;DR, the intro and the Explainer (digest/edit/proof/explainer.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from digest.edit.proof.explainer import explainer_strikes, intro_strikes, tldr_strikes
from digest.edit.proof.questions import answered
from digest.models import QA, Explainer, Sentence

FORMS = ["Asia Open Model Alliance", "AOMA"]


def _rules(strikes: list) -> list[str]:  # type: ignore[type-arg]
    return [s.rule for s in strikes]


def test_a_tldr_of_chained_leads_is_struck() -> None:
    rules = _rules(tldr_strikes([
        "The West Lake Dialogue ended on Wednesday with 23 countries signing a statement.",
        "Meanwhile, Shenzhen set up a fund for robot parts.",
        "A court fined a map app for selling location data.",
        "AOMA published a test suite."]))
    assert "more than 3 sentences" in rules
    assert "chained leads" in rules
    assert any(r.startswith("no through-line") for r in rules)


def test_a_tldr_with_one_thread_stands() -> None:
    assert tldr_strikes([
        "AOMA's OpenBench-Asia leaderboard put Lingxi-3 ahead of every open-weight model.",
        "Platforms must run AOMA's interoperability test suite before the rules take effect."]) == []


@pytest.mark.parametrize("sentence", ["He said the deal was done.",
                                      "Second, the rules require labels.",
                                      "The move drew criticism from platforms."])
def test_a_tldr_sentence_that_leans_back_is_struck(sentence: str) -> None:
    assert "leans on a sentence not printed" in _rules(tldr_strikes([sentence]))


def test_operator_lines_and_chinese_in_an_english_tldr() -> None:
    rules = _rules(tldr_strikes(["All 8 sources fetched fine this week, and AOMA published.",
                                 "亚洲开放模型联盟发布了新的测试套件。"]))
    assert "operator line" in rules
    assert "Chinese outside brackets in a Latin-script issue" in rules
    assert "not in the issue's language" in _rules(
        tldr_strikes(["AOMA published a new test suite on Monday."], language="zh"))


def test_intro_items_that_end_on_a_function_word_or_an_adverb() -> None:
    rules = _rules(intro_strikes(
        "This week in Bench Weekly we look at Trump asked Comey to, the Senate narrowly and "
        "North Korea is, with two shorter items.", []))
    assert sum(r.startswith("an item ending") for r in rules) == 3
    assert intro_strikes("This week in China AI Watch we look at the Hangzhou Statement, a "
                         "rally in Suzhou and Lingxi-3, with six shorter items.", []) == []


def test_intro_quoting_a_headline_a_long_list_or_alowered_name() -> None:
    # A headline's clause in running text is an item (issue 11); quoted, or with its Title
    # Case, it is the headline itself.
    headline = "Qiantang Labs releases Lingxi-3 as open weights"
    assert "quotes a headline" not in _rules(intro_strikes(
        f"This week in Port Weekly: {headline}; and two more stories.", [headline]))
    assert "quotes a headline" in _rules(intro_strikes(
        f"This week in Port Weekly: “{headline}”; and two more stories.", [headline]))
    title = "Qiantang Labs Releases Lingxi-3 As Open Weights"
    assert "quotes a headline" in _rules(intro_strikes(f"This week we look at {title}.", [title]))
    long = "This week we look at " + ", ".join(f"story number {k}" for k in range(30)) + "."
    assert any(r.startswith("a list, not a sentence") for r in _rules(intro_strikes(long, [])))
    lowered = intro_strikes("This week we look at a tulsi Gabbard lawsuit.", [],
                            sources=["A lawyer for Tulsi Gabbard filed suit."])
    assert _rules(lowered) == ["name lower-cased"]


@pytest.mark.parametrize(("question", "text", "ok"), [
    ("Which is?", "The Asia Open Model Alliance (AOMA) is an industry body in Hangzhou.", True),
    ("Which is?", "AOMA, an industry group based in Hangzhou, welcomed the rules.", True),
    ("Which is?", "Republican senators warned that AOMA may lack support.", False),
    ("Who's in it?", "AOMA's member list of more than 300 firms includes Qiantang.", True),
    ("Who's in it?", "AOMA published a suite; analysts in Beijing, Shanghai, Shenzhen, "
                     "Hangzhou, Wuhan, Chengdu and Xi'an said the firms had joined.", False),
    # a membership says who is in it or how many; a member in a story of something else does not
    ("Who's in it?", "AOMA said one of its Korean members survived and was evacuated.", False),
    ("Who's in it?", "Qiantang is a member of AOMA.", True),
    ("Who's in it?", "AOMA has 300 members.", True),
    ("Who's in it?", "AOMA's members include Qiantang and Hanqiao.", True),
    ("Been around long?", "AOMA was set up in 2019 by 40 firms.", True),
    ("Been around long?", "AOMA published a benchmark.", False),
    ("What does it do?", "AOMA publishes the OpenBench-Asia leaderboard.", True),
    ("Why does it matter?", "Regulators have quoted AOMA's scores in public briefings.", True),
    ("Why does it matter?", "AOMA published a test suite in October.", False),
    # "force" the noun is no consequence; "forces … to" is one
    ("Why does it matter?", "A helicopter of the AOMA peacekeeping force crashed.", False),
    ("Why does it matter?", "AOMA's rule forces platforms to label content.", True),
])
def test_does_the_answer_answer_its_question(question: str, text: str, ok: bool) -> None:
    assert answered(question, [text], FORMS) is ok


def _explainer(*qa: tuple[str, str]) -> Explainer:
    return Explainer("Asia Open Model Alliance (AOMA)", ("AOMA",), "",
                     tuple(QA(q, (Sentence(t, ("https://x.example/1",)),)) for q, t in qa))


def test_explainer_strikes_dangling_repeated_and_chinese_answers() -> None:
    rules = _rules(explainer_strikes(_explainer(
        ("Which is?", "The Asia Open Model Alliance (AOMA) is an industry body in Hangzhou."),
        ("Who's in it?", "One of them, Qiantang, is a member of AOMA."),
        ("Been around long?", "亚洲开放模型联盟成立于2019年。"),
        ("What does it do?", "AOMA's member list of more than 300 firms runs a leaderboard."),
        ("Why does it matter?", "Regulators quoted AOMA, whose list has more than 300 firms."),
    )))
    assert "opens on a reference not printed" in rules
    assert "Chinese outside brackets in a Latin-script issue" in rules
    assert any(r.startswith("fact repeated across answers") for r in rules)


def test_the_demo_front_passes_the_copy_editor() -> None:
    """`make demo`'s TL;DR, intro and Explainer (the golden copy, kept equal to what the demo
    builds by tests/e2e/test_e2e_golden.py)."""
    golden = Path(__file__).resolve().parents[1] / "golden" / "demo" / "issue.json"
    issue = json.loads(golden.read_text(encoding="utf-8"))
    tldr = [s["text"] for s in issue["tldr_sentences"]]
    assert tldr_strikes(tldr) == []
    assert intro_strikes(issue["intro"], [s["headline"] for s in issue["stories"]]) == []
    ex = issue["explainer"]
    explainer = Explainer(ex["entity"], tuple(ex["aliases"]), ex["why"], tuple(
        QA(q["question"], tuple(Sentence(s["text"], tuple(s["sources"]))
                                for s in q["sentences"])) for q in ex["qa"]))
    assert explainer_strikes(explainer, tldr=tldr) == []
    # no answer repeats a sentence a story's paragraph printed above it (editor.py: the week
    # says enough without them; "On AOMA's OpenBench-Asia leaderboard … Lingxi-3 scored 71.4"
    # answered "What does it do?" and was the Lingxi-3 story's fourth sentence)
    printed = {s["text"] for story in issue["stories"] for s in story["sentences"]}
    assert not [s.text for q in explainer.qa for s in q.answer if s.text in printed]


PERSON = ["Dana Reyes", "Reyes"]


@pytest.mark.parametrize(("question", "text", "ok"), [
    ("Who is Reyes?", "Dana Reyes is the Senate majority leader.", True),
    ("Who is Reyes?", "Dana Reyes, a Democrat from Ohio, voted no.", True),
    ("Who is Reyes?", "Dana Reyes is a day away from a vote.", False),
    ("What happened this week?", "Senator Dana Reyes blocked the harbour bill on Tuesday.", True),
    ("What happened this week?", "A poll of Ohio voters about Reyes.", False),
    ("What did Reyes say?", "Reyes told reporters the bill was dead.", True),
    ("What did Reyes say?", "Dana Reyes said on Friday that ports need money.", True),
    ("What did Reyes say?", "Critics said Reyes lied about the bill.", False),
    ("What did Reyes say?", "A source close to Reyes said the vote would slip.", False),
    ("Why does it matter?", "Port unions condemned Reyes for blocking the bill.", True),
    ("Why does it matter?", "The delay could cost the ports $2 billion, Reyes's office said.", True),
    ("Why does it matter?", "Reyes said the bill would raise prices.", False),  # her claim
    ("Why does it matter?", "Reyes condemned the bill on Tuesday.", False),  # her own deed
    ("What's next?", "Reyes is expected to call a second vote next month.", True),
    ("What's next?", "“We will never give up,” Reyes declared in 2019.", False),
    ("What did Reyes say?", "Gen. Hyten said he would refuse if Dana Reyes called for it.", False),
    ("Why does it matter?", "Senator Reyes on Monday sharply condemned the bill.", False),
    ("What happened this week?", "First Lady Mara Reyes revealed a campaign on Monday.", False),
    ("What happened this week?", "“Reyes blocked the bill,” the union’s report argues.", False),
    ("What did Reyes say?", "The vote slips, Reyes aide Tom Hall said on Monday.", False),
    ("What did Reyes say?", "Dana Reyes on Monday said the vote slips.", True),
    ("Why does it matter?", "Reyes attacked the plan, writing that it would raise fees.", False),
    # what a third person says he will do with her is his plan, no consequence of hers
    ("Why does it matter?", "Governor Bo said he would name Dana Reyes as the new port chief.",
     False),
    ("Why does it matter?", "Governor Bo said the vote would cost Dana Reyes her seat.", True),
    # a reaction is done to her: a verb after which she is named, not one in a clause that
    # only names her before it ("a ruling written by Reyes, the court backed a fund")
    ("Why does it matter?", "In the ruling, written by Judge Dana Reyes, the court backed a "
                            "fund that pays for private schools.", False),
    ("Why does it matter?", "In the ruling, the unions backed Judge Dana Reyes.", True),
    # a long title before her name still makes her the subject: her own rise and its cause
    ("Why does it matter?", "Former Ohio Port Authority Chair Dana Reyes has been rising in "
                            "the polls, most likely because of the money she has spent.", False),
    ("Why does it matter?", "Ohio's governor criticized the port board on Monday for not doing "
                            "more after reportedly hearing of the call between Dana Reyes and "
                            "the union.", False),
])
def test_a_persons_answer_answers_its_question(question: str, text: str, ok: bool) -> None:
    assert answered(question, [text], PERSON, person=True) is ok


def test_a_persons_own_reaction_is_no_reason_it_matters_an_organisations_is() -> None:
    assert not answered("Why does it matter?", ["Dana Reyes blasted the unions and praised "
                                                "the port owners."], PERSON, person=True)
    assert answered("Why does it matter?", ["AOMA welcomed the rules."], FORMS)


def test_explainer_strikes_cut_quoted_and_asked_answers() -> None:
    ex = Explainer("Dana Reyes", ("Reyes",), "", (
        QA("Who is Reyes?", (Sentence("Dana Reyes is the Senate majority leader.", ("u",)),)),
        QA("What did Reyes say?", (Sentence("Reyes said the harbour bill was “dead", ("u",)),)),
        QA("What's next?", (Sentence("Will Reyes call a vote next week?", ("u",)),)),
        QA("What happened this week?", (Sentence(
            "Senate Majority Leader Dana Reyes blocked the bill, but could face", ("u",)),)),
    ))
    rules = _rules(explainer_strikes(ex))
    assert "a quotation left open" in rules
    assert "a sentence cut off" in rules
    assert "a question, not an answer" in rules
    column = Explainer("Dana Reyes", ("Reyes",), "", (QA("What happened this week?", (Sentence(
        "I thought I would grade the debate Dana Reyes won on Monday.", ("u",)),)),))
    assert "the writer's own voice" in _rules(explainer_strikes(column))
    for text, rule in [("The assessment, which nobody saw, came as Dana Reyes spoke.",
                        "opens on a thing not introduced"),
                       ("OHIO, May 2 (Wire) ― Dana Reyes blocked the bill.", "a dateline left in")]:
        one = Explainer("Dana Reyes", ("Reyes",), "", (QA("What happened this week?", (
            Sentence(text, ("u",)),)),))
        assert rule in _rules(explainer_strikes(one)), text
    assert explainer_strikes(Explainer("Dana Reyes", ("Reyes",), "", (QA(
        "What happened this week?", (Sentence("The price of steel rose after Dana Reyes "
                                              "blocked the tariff on Monday.", ("u",)),)),))) == []
    # Her name and title are no fact: "Senate Majority Leader Dana Reyes blocked …" does not
    # repeat "Dana Reyes is the Senate majority leader."
    assert not any(r.startswith("fact repeated") for r in rules)
    assert any(r == "does not answer 'Who is Reyes?' (no role or title)" for r in _rules(
        explainer_strikes(Explainer("Dana Reyes", ("Reyes",), "", (QA("Who is Reyes?", (
            Sentence("Dana Reyes is a day away from a vote.", ("u",)),)),)))))
