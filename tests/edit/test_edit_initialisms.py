"""A name and its initialism are one term (read.aliases.spellings, EntityIndex.spelt_out)."""

from __future__ import annotations

from collections.abc import Callable

from digest.edit.group import story_labels
from digest.edit.group.labels import represent
from digest.edit.read.aliases import EntityIndex, spellings
from digest.models import Article

MakeArticle = Callable[..., Article]


def test_an_initialism_writes_joining_words_as_signs_and_compass_words_as_two_letters() -> None:
    spelt = {acr for acr, _ in spellings("Riverside by Northwest")}
    assert "RXNW" in spelt  # "by" as X, Northwest as NW
    assert "RNW" not in spelt  # "by" is never left out
    assert {acr for acr, _ in spellings("Harbour to Harbour")} >= {"H2H"}
    assert ("CPF", "Carthen Pier Fund") in set(spellings("The Carthen Pier Fund"))
    assert not any(words == "National Security Adviser"  # a title is no name
                   for _, words in spellings("National Security Adviser"))


def test_a_run_the_week_writes_twice_is_its_acronym() -> None:
    index = EntityIndex(["Bands flock to Riverside by Northwest this week.",
                         "Riverside By Northwest opens with a parade.",
                         "RXNW draws record crowds."])
    assert index.spelt_out("Crowds at Riverside by Northwest.") == "Crowds at RXNW."
    assert index.spelt_out("Riverside By Northwest opens.") == "RXNW opens."


def test_a_run_written_once_or_an_acronym_never_used_spells_nothing() -> None:
    once = EntityIndex(["Harbour Dune Thrown In the sea.", "HDT shares rise."])
    assert once.spelt_out("Harbour Dune Thrown In the sea.") == "Harbour Dune Thrown In the sea."
    unused = EntityIndex(["Riverside by Northwest opens.", "Riverside by Northwest closes."])
    assert unused.spelt_out("Riverside by Northwest opens.") == "Riverside by Northwest opens."


def test_headlines_naming_a_festival_both_ways_are_one_story(make_article: MakeArticle) -> None:
    titles = ["Riverside by Northwest opens downtown", "Riverside by Northwest sells out",
              "Crowds flock to RXNW", "RXNW adds late shows",
              "Carthen council passes pier budget", "Harbour ferry fares rise in spring"]
    labels = story_labels([make_article((), title=t) for t in titles]).labels
    assert len(set(labels[:4])) == 1
    assert len({labels[0], labels[4], labels[5]}) == 3


def test_only_a_week_of_bare_headlines_writes_the_initialism(make_article: MakeArticle) -> None:
    titles = ["Riverside by Northwest opens downtown", "Riverside by Northwest sells out",
              "Crowds flock to RXNW"]
    bare = represent([make_article((), title=t) for t in titles])
    assert bare.titles[0].startswith("RXNW opens")
    lead = "The festival, which draws bands from across the region, runs all week."
    full = represent([make_article(lead, title=t) for t in titles])
    assert full.titles[0].startswith("Riverside by Northwest opens")
