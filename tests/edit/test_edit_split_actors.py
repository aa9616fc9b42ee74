"""A story whose two groups of reports name disjoint actors, with one outlet on both sides,
comes apart (split.split_by_actors).

Invented names and wordings, so nothing here comes from a benchmark."""

from __future__ import annotations

from dataclasses import replace

from digest.edit.group.space import vectorize
from digest.edit.group.split import SplitSettings, split_by_actors
from digest.edit.group.stories import ClusterSettings, labels_at, prepare

ON = SplitSettings(actors=True)

# Two "X to leave post" events a week apart: the same wording, other people.
TITLES = [
    "Harbour board chair to leave post after review",
    "Harbour board chair to leave post, officials say",
    "Chair of harbour board will leave post",
    "Transit agency director to leave post after review",
    "Transit agency director to leave post, officials say",
    "Director of transit agency will leave post",
]
BODIES = [
    "Mara Quell, who led the board for six years, will step down on Friday, the governor said.",
    "Mara Quell will step down on Friday after the review, the governor said in a statement.",
    "The governor said Mara Quell will step down on Friday, ending six years at the board.",
    "Tobias Renk, who led the agency for six years, will step down on Friday, the governor said.",
    "Tobias Renk will step down on Friday after the review, the governor said in a statement.",
    "The governor said Tobias Renk will step down on Friday, ending six years at the agency.",
]
# The subject (the governor) is named by every report; each event its own people.
ACTORS = [frozenset({"e:governor lind", "e:mara quell"})] * 3 + [
    frozenset({"e:governor lind", "e:tobias renk"})] * 3
# The same three outlets wrote both events.
OUTLETS = ["Coast Herald", "Daily Ledger", "Bay Wire"] * 2
X = vectorize(TITLES, BODIES)


def test_two_groups_that_name_disjoint_actors_come_apart() -> None:
    labels = split_by_actors([0] * 6, ACTORS, OUTLETS, X, ON)
    assert len(set(labels[:3])) == 1 and len(set(labels[3:])) == 1
    assert labels[0] != labels[3]


def test_one_shared_actor_beyond_the_subject_keeps_the_story_whole() -> None:
    held = [a | {"e:port fund"} if i in (2, 3) else a for i, a in enumerate(ACTORS)]
    assert len(set(split_by_actors([0] * 6, held, OUTLETS, X, ON))) == 1


def test_disjoint_actors_from_six_outlets_are_angles_of_one_event() -> None:
    # No outlet wrote on both sides: different outlets quote different people.
    outlets = [f"Outlet {k}" for k in range(6)]
    assert len(set(split_by_actors([0] * 6, ACTORS, outlets, X, ON))) == 1


def test_a_report_naming_only_the_subject_goes_with_its_closer_words() -> None:
    held = [*ACTORS[:3], frozenset({"e:governor lind"}), *ACTORS[3:]]
    titles = [*TITLES[:3], "Transit agency director quits after review", *TITLES[3:]]
    bodies = [*BODIES[:3], "The agency director will step down, the governor said.", *BODIES[3:]]
    outlets = [*OUTLETS[:3], "Bay Wire", *OUTLETS[3:]]
    labels = split_by_actors([0] * 7, held, outlets, vectorize(titles, bodies), ON)
    assert labels[3] == labels[4] != labels[0]


def test_the_shipped_clustering_splits_with_bodies_and_not_on_bare_headlines() -> None:
    prep = prepare(TITLES, BODIES, anchors=ACTORS, outlets=OUTLETS)
    off = replace(prep, settings=replace(prep.settings, split=SplitSettings(actors=False)))
    assert len(set(labels_at(off, 0.12))) == 1  # precondition: the words alone merge them
    labels = labels_at(prep, 0.12)
    assert labels[0] == labels[1] == labels[2] != labels[3] == labels[4] == labels[5]
    bare = prepare(TITLES, None, settings=ClusterSettings(), anchors=ACTORS, outlets=OUTLETS)
    assert len(set(labels_at(bare, 0.03))) == len(set(labels_at(
        replace(bare, settings=replace(bare.settings, split=SplitSettings(actors=False))), 0.03)))
