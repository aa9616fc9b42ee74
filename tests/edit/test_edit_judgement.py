"""A judgement only one outlet makes is credited to it in the sentence (issue 11: "attribution
that keeps casing and grammar"), and a sentence that names a source for something else is
still the writer's own judgement."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from digest.edit.write.attribution import attribute, judges, names_source
from digest.edit.write.paragraph import paragraph_for
from digest.models import Article


@pytest.mark.parametrize(("sentence", "named"), [
    ("The mayor said the harbour plan was absurd.", True),  # the judgement is what was said
    ("The harbour plan is absurd, the mayor said.", True),
    ("According to the Gazette, the harbour plan is absurd.", True),
    # a reporting verb after the judgement reports something else: the writer judges
    ("The council cannot punish Tom Keller for his awful remark about the ferry because the "
     "mayor has also said nasty things about it.", False),
    ("The harbour plan is absurd.", False),
    ("卡森市长表示应该加快建设。", True),
    # an accusation reports: the loaded word is the accuser's (issue 11, session 33)
    ("The mayor accused the harbour board of being obsessed with tolls.", True),
    # a reporting verb in a clause of time closed before the judgement reports nothing of it
    ("Ever since he announced his candidacy, Tom Keller has been the target of a campaign "
     "that is deceitful.", False),
])
def test_a_source_is_named_for_the_judgement_it_reports(sentence: str, named: bool) -> None:
    assert names_source(sentence) is named


def test_a_judgement_beside_another_report_is_credited() -> None:
    sentence = ("The council cannot punish Tom Keller for his awful remark about the ferry "
                "because the mayor has also said nasty things about it.")
    assert judges(sentence)
    assert attribute(sentence, "Outlet A") == sentence[:-1] + ", according to Outlet A."


@pytest.mark.parametrize("sentence", [
    "The mayor made an overlooked but insightful remark to the council.",
    "After this season ends, there must be a reckoning at the club.",
    # a verdict in the writer's copula (issue 11, allsides week 7: "But as a matter of
    # constitutional law, the ruling isn't persuasive.")
    "But as a matter of maritime law, the ruling isn’t persuasive.",
    "The harbour board was wrong to close the quay.",
    # issue 11, session 26: an obligation in "behoove", an evaluative disjunct ("wisely"), a
    # verdict on sense, the writer's sarcasm
    "As hard as it is, it would still behoove the council to reopen the quay.",
    "On the ferry, the mayor is wisely following her predecessor's example.",
    "The harbour tolls have never made sense as a test of a mayor's thrift.",
    "We're supposed to believe the ferry company earned millions for advice.",
    # issue 11, session 32: a stock phrase of praise or blame in the writer's own voice
    "The harbour board appears to be taking a big step in the right direction.",
    "The ferry company deserves credit for its decision to cut the fares.",
    "Closing the quay to fishermen is a slap in the face to the town.",
    "The new tolls are long overdue.",
    "In this harbour, that qualifies as good news.",
    "The cut in ferry fares is potentially bad news for the mayor.",
    # issue 11, session 33: contempt for a person, a group or their reasoning; the writer's
    # "must be"; the writer's framing of who really lost; a concession opening its point
    "The harbour board offered an off-ramp from its foolish, quixotic toll plan.",
    "Islanders remain obsessed with forcing the mayor to reopen the quay.",
    "Ferry haters find vindication in the new timetable.",
    "A travesty of justice occurred at the harbour court on Friday.",
    "In this town, everything must be political.",
    "And the answer, in the name of the fishermen, must still be no.",
    "Keller won the vote, but the real loser could turn out to be the mayor.",
    "Whatever the harbour plan is or was, it no longer has a champion on the council.",
    # issue 11, session 39: a verdict noun in the writer's copula, a flaw the writer finds, a
    # fight's winner foretold (column titles printed as the newsletter's headline)
    "The ferry takedown is a setback for the harbour movement",
    "Recalling the harbour judge is a mistake that will haunt the council",
    "The ruling is a huge win for the ferry crews after a years-long battle.",
    "The Harbour Toll Bill Has A Fatal Flaw",
    "Mayor Hale Will Win The Harbour Toll Showdown",
    # session 40: a verdict noun ("a mess"), the writer warning the reader off a reading
    "The Oakfield ferry line is a hot mess.",
    "Don't let its record crowds fool you about the ferry.",
    # the writer's alarm, an adjective ending its clause ("But the practice is concerning")
    "Nobody lost the harbour vote because of the tolls. But the practice is concerning",
    "The rise in ferry fares is deeply troubling.",
    # an epithet of contempt ("Tom Cotton's Fascist Op-Ed")
    "Councillor Hale's Fascist Toll Plan",
    "The toll vote shows cowardice from the harbour board.",
])
def test_a_writers_word_is_a_judgement(sentence: str) -> None:
    assert judges(sentence)


def test_a_verdict_someone_gives_is_theirs_and_a_plain_wrong_is_none() -> None:
    said = "The mayor said the ruling was unpersuasive."
    assert judges(said) and names_source(said)
    assert attribute(said, "Outlet A") == said
    assert not judges("The ferry sailed to the wrong island.")
    assert not judges("The court was persuaded by the harbour board.")
    # news reported, not the writer's verdict
    assert not judges("The mayor got some good news on Tuesday: the ferry sailed again.")
    assert not judges("The harbour board took its first step toward closing the quay.")
    # a verdict someone gives is theirs; a win reported is news
    said = "The closure was a mistake, the mayor said on Monday."
    assert judges(said) and names_source(said)
    assert not judges("Hale won the harbour toll showdown on Tuesday.")
    assert not judges("The vote will decide who wins the harbour seat.")


def test_a_reported_sense_or_wisdom_is_someones() -> None:
    said = "The mayor said the tolls made no sense."
    assert judges(said) and names_source(said)
    assert not judges("The mayor warned the board not to \"act unwisely\" on the tolls.")
    assert not judges("The board will make sense of the toll figures on Friday.")


@pytest.mark.parametrize("sentence", [
    "A harbour official cautioned on Tuesday that ferry passengers should wear masks.",
    "Doctors warned that swimmers should avoid the quay until Friday.",
    "The mayor told reporters the council should wait for the survey.",
    "The league's lawyer explained to the council why the town should pay for the stadium.",
])
def test_a_should_someone_warns_or_tells_is_theirs(sentence: str) -> None:
    # a verb of warning, advising or telling reports the "should" after it, as "said" does
    assert not judges(sentence)
    assert judges("The council should wait for the survey, and the mayor told no one.")


def test_a_verb_of_alarm_is_no_verdict() -> None:
    assert not judges("The ferry outage is worrying harbour officials.")
    assert not judges("The closure is alarming residents of Carthen Island.")
    said = "The rise is alarming, the harbour master said."
    assert judges(said) and names_source(said)


def test_a_movement_named_is_no_epithet() -> None:
    assert not judges("An anti-fascist march crossed the harbour bridge on Sunday.")
    assert not judges("Police arrested two members of a neo-fascist group at the quay.")


def test_a_reported_must_is_no_judgement() -> None:
    assert not judges("Ferries must carry life rafts under the new rules.")


@pytest.mark.parametrize("sentence", [
    "The driver was convicted of reckless homicide in 2019.",  # a charge's name
    "Ferries must be inspected every year.",  # a rule's passive
    "Every toll must be explicitly stated on the timetable.",
    "Applicants must be eligible for a harbour permit.",
    "Pilots must be able to see the quay at night.",
    "A federal court has ruled that the harbour map must be redrawn by 2020.",
    "Whatever happens.",
])
def test_a_rule_or_a_charge_is_no_judgement(sentence: str) -> None:
    assert not judges(sentence)


def test_a_contemptuous_line_neither_opens_nor_fills(make_article: Callable[..., Article]) -> None:
    # Issue 11 (session 33): "A travesty of justice occurred on Friday.", "Liberals … remain
    # obsessed with …" printed in the newsletter's own voice; the report opens instead.
    report = "Carthen's harbour board voted on Tuesday to end the night ferry to Carthen Island."
    arts = [make_article(report, source="Outlet A", title="Harbour board ends night ferry", day=1),
            make_article("The harbour board's vote to end the night ferry is a travesty for the "
                         "300 islanders who use it.", source="Outlet B",
                         title="The night ferry is back", day=1.1)]
    texts = [s.text for s in paragraph_for(arts, {}, language="en")]
    assert texts[0] == report
    assert all(t.endswith("according to Outlet B.") for t in texts if "travesty" in t)
