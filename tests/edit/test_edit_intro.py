"""The intro (digest/edit/write/intro.py): what the issue covers, as a sentence a copy editor
passes (digest/edit/proof_explainer.intro_strikes). Texts written for the test."""

from __future__ import annotations

from digest.edit.proof_explainer import intro_strikes
from digest.edit.settings import IntroSettings
from digest.edit.write.intro import intro_line, subject
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
    assert "the story number 3 and 16 more stories" in line
    assert "story number 4," not in line
    assert intro_strikes(line, []) == []
