"""A list's item or a picture's caption under its label is no sentence of the story
(digest.edit.write.furniture.labelled): open-web guides set their lists as "Label: text", and a
news page's captions read "Stranded: Passengers wait …"; printed in a paragraph, the label is
furniture and the text leans on it ("These projects include …", "Has a bar."). A speaker, a
clause before a colon, a dateline and a title before its subtitle are not labels. A sentence
that opens a list with its colon and first number points to text never printed."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from digest.edit.read.leaning import POINTS_FORWARD
from digest.edit.write.furniture import labelled
from digest.edit.write.lines import story_lines
from digest.models import Article

MakeArticle = Callable[..., Article]


@pytest.mark.parametrize(("sentence", "label"), [
    # a list's item: a heading before its colon, then the item's text
    ("Night Fares: These tickets cost £4 after 10 p.m. on every crossing.", True),
    ("Deck space: Has room for 40 bicycles and two prams.", True),
    ("Ferry Size: In Oakfield, the larger boats carry 300 people.", True),
    ("Each Ferry Is Different: Some have a bar and some have a deck.", True),
    ("Note: This is a guide to the fares only.", True),
    ("Pay Attention to Fares and Times: Book a seat before the last ferry.", True),
    # a caption under its label
    ("Stranded: Passengers wait at the pier after the last ferry was cancelled.", True),
    ("Stranded: Carthen Harbour staff wait at the pier for the last ferry.", True),
    ("Winners Nora Lind: The harbour chair went into the meeting as the favourite.", True),
    # a speaker, a clause, a dateline, a title and its subtitle, a quotation
    ("Nora Lind said: The ferry will run again in May.", False),
    ("Harbour chair Nora Lind: “The ferry will run again in May.”", False),
    ("It was a turning point: Within hours the board voted.", False),
    ("The biggest change of all: Most ferries now take cards.", False),
    ("Her message was clear: The ferry must run.", False),
    ("2025 brought big changes: Ferries now carry more cars than buses.", False),
    ("10-12 weeks: Puppies learn to walk on a lead.", True),
    ("OAKFIELD: The harbour board voted on Tuesday to end the night ferry.", False),
    ("Fire and Ice: Inside the Harbour Board is out on Tuesday.", False),
    ("Fall of a Port: The Story of Carthen Harbour opens in May.", False),
    ("Ferries in Our Warming Seas: Harbour Watch! is a guide for young sailors.", False),
    ("Nora Lind of the harbour board and the ferry union: Tickets will cost more.", False),
    ("The harbour board voted 5-1 to end the night ferry.", False),
])
def test_a_label_before_a_colon(sentence: str, label: bool) -> None:
    assert labelled(sentence) is label


def test_a_list_item_is_not_printed(make_article: MakeArticle) -> None:
    a = make_article(("The harbour board runs six ferries, and each has its own fares. Night Fares: These "
                      "tickets cost £4 after 10 p.m. on every crossing. Deck space: Has room "
                      "for 40 bicycles and two prams.",
                      "The harbour board will review the fares in May."),
                     source="Outlet A", title="A guide to Carthen's ferries")
    assert [ln.text for ln in story_lines([a], "en")] == [
        "The harbour board runs six ferries, and each has its own fares.",
        "The harbour board will review the fares in May."]


def test_a_sentence_opening_a_numbered_list_points_forward() -> None:
    assert POINTS_FORWARD.search("The vote held no surprises, but here are five things that "
                                 "stood out: 1.")
    assert not POINTS_FORWARD.search("The board voted 5-1 to end the night ferry.")
    assert not POINTS_FORWARD.search("Tickets sold at a ratio of 2:1.")
