"""A judgement only one outlet makes is credited to it in the sentence (issue 11: "attribution
that keeps casing and grammar"), and a sentence that names a source for something else is
still the writer's own judgement."""

from __future__ import annotations

import pytest

from digest.edit.write.attribution import attribute, judges, names_source


@pytest.mark.parametrize(("sentence", "named"), [
    ("The mayor said the harbour plan was absurd.", True),  # the judgement is what was said
    ("The harbour plan is absurd, the mayor said.", True),
    ("According to the Gazette, the harbour plan is absurd.", True),
    # a reporting verb after the judgement reports something else: the writer judges
    ("The council cannot punish Tom Keller for his awful remark about the ferry because the "
     "mayor has also said nasty things about it.", False),
    ("The harbour plan is absurd.", False),
    ("卡森市长表示应该加快建设。", True),
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


def test_a_reported_sense_or_wisdom_is_someones() -> None:
    said = "The mayor said the tolls made no sense."
    assert judges(said) and names_source(said)
    assert not judges("The mayor warned the board not to \"act unwisely\" on the tolls.")
    assert not judges("The board will make sense of the toll figures on Friday.")


def test_a_reported_must_is_no_judgement() -> None:
    assert not judges("Ferries must carry life rafts under the new rules.")
