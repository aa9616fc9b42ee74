"""Sections: "In Our Feeds" grouped by topic (the config's `sections`).

Each story goes to the section whose topic phrases its articles match best: a phrase matches
an article as a newsletter topic does (select/relevance.py, by concept), and a section scores
the strongest match of its phrases in each of the story's articles, summed (ties: the
section listed first). A story no phrase matches goes to the section without topics, else
to a last one, "More". Featured stories are then chosen in rank order, at most `max` from a
section and `newsletter.max_stories` in all; a story a full section cannot take goes to "Also
this week" and the next story gets its place. The issue prints the featured stories section
by section (in the config's order), so ranks are renumbered: featured first, by section, then
the rest in rank order. With no sections the ranking is left exactly as it was.

A story the writer could give no paragraph (every sentence of its articles struck: cut off,
leaning on one not printed, or no text at all) is `mute`: it is never featured, and the next
story in rank order takes its place ("In Our Feeds" never prints a headline with nothing
under it). The mute story stays in "Also this week".
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import replace

from digest.edit.group.concepts import phrase_evidence, phrase_words
from digest.edit.rank import Ranked
from digest.edit.select.relevance import article_terms, compile_phrase
from digest.edit.week import Week
from digest.models import Story, TopicSection

OTHER = "More"  # the section of stories no configured section takes, when none is a catch-all


def _scores(week: Week, members: Sequence[int],
            sections: Sequence[TopicSection]) -> list[int]:
    phrases = [[phrase_words(p.text, p.stems, p.cjk) for p in map(compile_phrase, s.topics)]
               for s in sections]
    out = [0] * len(sections)
    for i in members:
        text = article_terms(week.reads[i].article).concept_text
        for k, words in enumerate(phrases):
            out[k] += max((phrase_evidence(w, text) for w in words), default=0)
    return out


def section_of(week: Week, members: Sequence[int], sections: Sequence[TopicSection]) -> str:
    scores = _scores(week, members, sections)
    best = max(range(len(sections)), key=lambda k: (scores[k], -k), default=None)
    if best is not None and scores[best] > 0:
        return sections[best].name
    catch_all = next((s.name for s in sections if not s.topics), None)
    return catch_all or OTHER


def arrange(week: Week, ranked: Sequence[Ranked], sections: Sequence[TopicSection],
            featured: int, mute: Collection[tuple[int, ...]] = (),
            ) -> tuple[Week, tuple[Ranked, ...], dict[int, str]]:
    """The stories re-ranked for printing by section, and each new rank's section name.
    `mute`: the members of stories that may not be featured (no paragraph)."""
    if not sections and not mute:
        return week, tuple(ranked), {}
    names = [s.name for s in sections] + [OTHER]
    caps = {s.name: s.max for s in sections}
    topic = {r.rank: section_of(week, r.members, sections) for r in ranked} if sections else {}
    taken: dict[str, int] = {}
    chosen: list[Ranked] = []
    for r in ranked:
        name = topic.get(r.rank, OTHER)
        cap = caps.get(name)
        if (len(chosen) < featured and r.members not in mute
                and (cap is None or taken.get(name, 0) < cap)):
            chosen.append(r)
            taken[name] = taken.get(name, 0) + 1
    chosen.sort(key=lambda r: (names.index(topic.get(r.rank, OTHER)), r.rank))
    picked = {r.rank for r in chosen}
    order = chosen + [r for r in ranked if r.rank not in picked]
    new_rank = {r.rank: k for k, r in enumerate(order, start=1)}
    out = tuple(replace(r, rank=new_rank[r.rank],
                        section="in_our_feeds" if r.rank in picked else "also") for r in order)
    verdicts = tuple(replace(v, story=new_rank[v.story]) if v.story is not None else v
                     for v in week.verdicts)
    return (replace(week, verdicts=verdicts), out,
            {new_rank[rank]: name for rank, name in topic.items()})


def with_topics(stories: Sequence[Story], topics: dict[int, str]) -> list[Story]:
    """Each story with its section's name (none without sections)."""
    return [replace(s, topic=topics.get(s.rank)) for s in stories]
