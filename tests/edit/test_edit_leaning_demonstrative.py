"""A sentence whose "this", "that", "these" or "those" stands alone for what the sentence
before it said ("Without this, …", "Intuitively, this makes sense.", "… for this."), or whose
"The two …" counts the people it named (digest.edit.read.leaning.LEANS_BACK, `_REFERENCE`):
printed away from that sentence it leans on nothing printed. A clause of its own before the
pronoun is what it stands for ("While X, this is not always the case")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from digest.edit.proof import paragraph_strikes
from digest.edit.read.leaning import leans_back
from digest.edit.write.paragraph import paragraph_for
from digest.models import Article

MakeArticle = Callable[..., Article]


@pytest.mark.parametrize("sentence", [
    "Without this, even the sturdiest hull may not stay afloat.",
    "Intuitively, this makes sense.",
    "Together with regular checks, this may help prevent leaks.",
    "At $0.15 per kWh, this comes to about $1.80 a month in electricity.",
    "There are three big reasons for this.",
    "In many cases, that means fragile cargo is being packed and shipped.",
    "Speaking of pausing, this has a one-hour backup battery.",
    "The two grew close over a summer of ferry crossings.",
    "The two have known each other since the strike.",
])
def test_a_demonstrative_standing_alone_leans(sentence: str) -> None:
    assert leans_back(sentence) is not None


@pytest.mark.parametrize("sentence", [
    # its own clause before it is what it stands for
    "While ferries are often thought of as slow, this is not always the case.",
    "The port is having its worst week in years, but despite that, few crews have left.",
    "Once a vessel has been registered, that means the inspections begin.",
    "It is a time for some armchair sailing, that is for sure, as the weather is wet.",
    # a determiner, not a pronoun
    "In this way, the ferry keeps to its timetable.",
    "The council said this week that the ferry would run.",
    "The two-day strike ended on Friday.",
    "The two captains who led the strike were fined.",
    "The three main types of ferry are roll-on, foot and cable ferries.",
])
def test_a_demonstrative_with_its_clause_or_noun_stands(sentence: str) -> None:
    assert leans_back(sentence) is None


def test_the_writer_prints_it_only_after_the_sentence_it_stands_for(
        make_article: MakeArticle) -> None:
    # The question before "Without this, …" is never printed (a question is the writer's):
    # the paragraph goes on without it, and the copy editor would strike it.
    art = make_article(
        "The Kettle ferry carried 2,000 passengers on its first day of service on Monday. "
        "Why does a flat-bottomed hull matter on the river? Without this, even the sturdiest "
        "ferry may run aground at low tide. The council will review the timetable in March, "
        "officials said.", source="Outlet A", title="Kettle ferry opens")
    texts = [s.text for s in paragraph_for([art], {}, language="en")]
    assert texts[0].startswith("The Kettle ferry carried 2,000 passengers")
    assert not any(t.startswith("Without this") for t in texts)
    assert paragraph_strikes([texts[0], "Without this, even the sturdiest ferry may run aground "
                              "at low tide."], sources=[f"{art.title}\n{art.text}"]) != []
