"""A sentence leaning only on its opening conjunction ("But …", "However, …") is printed with
the conjunction struck when the sentence it answered is not printed right before it
(digest.edit.read.leaning.struck, write/lines.article_lines): the fact it gives is not lost, and
no sentence of the paragraph opens on a "But" that answers nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from digest.edit.proof import paragraph_strikes
from digest.edit.read.leaning import struck
from digest.edit.write.paragraph import paragraph_for
from digest.models import Article

MakeArticle = Callable[..., Article]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("But Jane Doe, a reporter for the network, has been suspended from her job.",
     "Jane Doe, a reporter for the network, has been suspended from her job."),
    ("However, officials said the bridge would reopen in May.",
     "Officials said the bridge would reopen in May."),
    ("And by 2060, migrants could account for most of the growth.",
     "By 2060, migrants could account for most of the growth."),
    ("But iPhone sales rose 3% in the quarter.", "iPhone sales rose 3% in the quarter."),
    ("But Brandt said on Monday that she would stay.", "Brandt said on Monday that she would stay."),
    # a pronoun before any name of its own: it still leans on what came before
    ("But in reality, it was a shutdown over migration.", None),
    ("But even they concede the order has no legal effect.", None),
    ("And on Sunday they lost a fifth derby in a row.", None),
    ("But for students, this could affect where they are counted.", None),
    # a word that carries the sentence before into this one is not struck
    ("Instead, the council voted to delay the plan.", None),
    ("Then the council voted to delay the plan.", None),
    ("Andrea Lind said the plan would be delayed.", None),
])
def test_struck(sentence: str, expected: str | None) -> None:
    assert struck(sentence) == expected


def test_a_lead_after_a_question_opens_struck(make_article: MakeArticle) -> None:
    # The article's first sentence is the writer's question (never printed); its news is the
    # "But …" sentence answering it, which now opens the paragraph without its "But".
    text = ("Who would have thought a weather presenter could lose her job over a parking fine? "
            "But Jane Doe, a weather presenter for the Carthen channel, has been suspended "
            "for a week after a video of her berating a parking attendant surfaced online. "
            "The 41-year-old had left her car in a bus lane outside the station on Monday. "
            "The channel said it would review her contract when the suspension ends.")
    art = make_article(text, source="Outlet A", title="Presenter suspended over parking rant")
    texts = [s.text for s in paragraph_for([art], {}, language="en")]
    assert texts[0].startswith("Jane Doe, a weather presenter")
    assert not any(t.startswith("But ") for t in texts)
    assert paragraph_strikes(texts, sources=[f"{art.title}\n{art.text}"]) == []


def test_a_conjunction_after_its_sentence_stays(make_article: MakeArticle) -> None:
    # Printed right after the sentence it answers, the sentence keeps its "But".
    text = ("Carthen's mayor said on Monday the ferry plant would stay open through the winter. "
            "But Ilse Brandt, the plant's owner, said it would close by June and move its "
            "180 jobs to Oakfield.")
    art = make_article(text, source="Outlet A", title="Ferry plant's future in doubt")
    texts = [s.text for s in paragraph_for([art], {}, language="en")]
    assert texts[1].startswith("But Ilse Brandt")

