"""A detachable clause the paragraph already said is cut, the rest of the sentence printed
(write/trim.py). Our own text: a harbour week."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from digest.edit.proof import paragraph_strikes
from digest.edit.write.grounding import trace
from digest.edit.write.paragraph import paragraph_for
from digest.edit.write.trim import SHAPES, bare, trimmed
from digest.models import Article
from digest.sentences import split_sentences

MakeArticle = Callable[..., Article]
CLOSED = ("Harbour master Ines Varga closed the north quay on Monday after a crane collapsed "
          "onto a cargo ship.")
COLLAPSED = "A crane collapsed onto a cargo ship at the north quay on Monday."


@pytest.mark.parametrize(("shape", "sentence", "left"), [
    ("a non-restrictive relative clause between commas",
     "The north quay, which Varga closed after a crane collapsed, will reopen on Friday.",
     "The north quay will reopen on Friday."),
    ("a non-restrictive relative clause ending the sentence",
     "Dock workers will not be paid for the north quay, which Varga closed on Monday after the "
     "crane collapsed.",
     "Dock workers will not be paid for the north quay."),
    ("an appositive between commas after a name",
     "Varga, the harbour master, said the ship's crew were unhurt.",
     "Varga said the ship's crew were unhurt."),
    ("a leading participial or prepositional phrase",
     "After a crane collapsed onto a cargo ship, Varga ordered checks of every crane in the port.",
     "Varga ordered checks of every crane in the port."),
    ("a trailing circumstance",
     "Varga ordered checks of every crane in the port, after a crane collapsed onto a cargo "
     "ship on Monday.",
     "Varga ordered checks of every crane in the port."),
])
def test_each_shape_of_clause_the_paragraph_said_is_cut(shape: str, sentence: str,
                                                         left: str) -> None:
    assert shape in [s.name for s in SHAPES]
    assert trimmed(sentence, [CLOSED]) == left


@pytest.mark.parametrize(("sentence", "printed"), [
    # the appositive describes someone the paragraph never named
    ("Ines Varga, the harbour master, said the ship's crew were unhurt.", COLLAPSED),
    # the clause brings a figure, or mostly words the paragraph lacks
    ("Varga ordered checks of every crane in the port, after a crane collapsed onto a cargo ship "
     "carrying 300 containers.", CLOSED),
    ("The north quay, which handles most of the island's grain imports, will reopen on Friday.",
     CLOSED),
    # a relative clause of a noun the paragraph never wrote says something new of it (that the
    # bill is about cranes), whatever words it repeats
    ("Varga backed the harbour bill, which would institute checks of every crane after a crane "
     "collapsed onto a cargo ship.", CLOSED),
    # inside someone's words
    ("“The north quay, which we closed after a crane collapsed, will reopen on Friday,” "
     "Varga said.", CLOSED),
    # after an object its closing comma may be a list's or the clause's own (and a clause
    # that ends the sentence holds no comma)
    ("Varga thanked the dock crews, who cleared the collapsed crane from the cargo ship, "
     "including the night shift.", CLOSED),
    # "…, who …" right after the subject runs on to the main verb: no clause ending the sentence
    ("Dock crews, who cleared the crane, hope to reopen the north quay on Monday after the crane "
     "collapsed onto the cargo ship.", CLOSED),
    # what the head's cut leaves opens on no subject and verb, or on a pronoun
    ("After the crane collapsed onto the cargo ship on Monday, Ines Varga, the harbour master, "
     "closed the south quay.", COLLAPSED),
    ("After Varga's crews cleared the collapsed crane from the cargo ship, she reopened the "
     "north quay.", CLOSED),
    # ", as well as …" adds an item; "In response," is no fact
    ("Varga closed the south quay on Tuesday, as well as the north quay where the crane "
     "collapsed onto the cargo ship.", COLLAPSED),
    ("In response, Varga closed the south quay.", "Varga's response was swift."),
    # what is left tells the printed sentence again: the whole sentence was a retelling
    ("After a crane collapsed onto a cargo ship, Varga closed the north quay on Monday.", CLOSED),
])
def test_a_clause_that_adds_or_would_break_the_sentence_stays(sentence: str,
                                                              printed: str) -> None:
    assert trimmed(sentence, [printed]) == sentence


def test_the_first_sentence_is_never_trimmed() -> None:
    sentence = "Varga, the harbour master, said the ship's crew were unhurt."
    assert trimmed(sentence, []) == sentence


def test_the_paragraph_prints_the_rest_of_the_sentence_and_the_editor_accepts_it(
        make_article: MakeArticle) -> None:
    account = (f"{CLOSED} The north quay, which Varga closed after the crane collapsed, will "
               "reopen on Friday with new cranes bought from a Danish yard for grain ships.")
    arts = [make_article(account, source="Outlet A", title="Harbour master closes north quay")]
    printed = [s.text for s in paragraph_for(arts, {}, language="en", words=(20, 130))]
    assert printed == [CLOSED, "The north quay will reopen on Friday with new cranes bought from "
                       "a Danish yard for grain ships."]
    assert paragraph_strikes(printed) == []
    # still extractive: its source sentence with one clause between commas taken out
    assert all(trace(t, split_sentences(account)) for t in printed)


@pytest.mark.parametrize(("printed", "traced"), [
    ("William S. Varga attacked the plan.", True),  # "…, the harbour master, …" cut
    ("The north quay will reopen on Friday.", True),  # "…, which Varga closed, …" cut
    ("William S. Varga the harbour master attacked the plan.", False),  # commas dropped
    ("The north quay will reopen.", False),  # a cut the writer never makes
    ("William S. Varga attacked the plan and the harbour master.", False),
])
def test_a_trimmed_sentence_traces_to_its_source(printed: str, traced: bool) -> None:
    sources = ["William S. Varga, the harbour master, attacked the plan.",
               "The north quay, which Varga closed, will reopen on Friday."]
    assert trace(printed, sources) is traced


def test_bare_is_what_a_sentence_tells_without_its_subjects_descriptions() -> None:
    # Who or what the subject is (an appositive, a non-restrictive relative clause before the
    # verb) goes, said or not; a clause ending the sentence says more of what was done, and a
    # restrictive clause, a circumstance and a leading phrase tell the event: they stay.
    assert bare("Mira Osei, the club's captain since 2019, said the boat will race again.") == (
        "Mira Osei said the boat will race again.")
    assert bare("The boat, which was built in Lund, will race again.") == (
        "The boat will race again.")
    for kept in ("Ada Brenn announced a review, which will include the port's accounts.",
                 "After the storm, the club that owns the boat said it will race, as planned."):
        assert bare(kept) == kept
