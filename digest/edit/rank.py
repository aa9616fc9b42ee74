"""Ranking stories: distinct outlets first, then topic relevance, recency, substance.

The key is lexicographic on purpose — a story three outlets covered beats a story one
outlet covered at length, whatever the other signals say — and every tie is broken
deterministically (earliest article, then smallest URL), so the same week ranks the same.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from digest.edit.week import Week
from digest.models import Article, Period, Section


@dataclass(frozen=True)
class StoryFacts:
    """What the ranker looks at for one story."""

    members: tuple[int, ...]  # indices of the kept articles
    outlets: int  # distinct sources, copies included
    relevance: float  # best topic relevance among its articles
    latest: datetime
    words: int  # body words of the kept articles
    first_url: str


def story_facts(members: Sequence[int], articles: Sequence[Article], outlets: set[str],
                relevance: dict[int, float]) -> StoryFacts:
    arts = [articles[i] for i in members]
    return StoryFacts(
        members=tuple(members),
        outlets=len(outlets),
        relevance=max((relevance.get(i, 0.0) for i in members), default=0.0),
        latest=max(a.published for a in arts),
        words=sum(len(a.text.split()) for a in arts),
        first_url=min(a.url for a in arts),
    )


def rank_key(facts: StoryFacts, period: Period) -> tuple[float, ...]:
    span = max(1.0, (period.end - period.start).total_seconds())
    recency = min(1.0, max(0.0, (facts.latest - period.start).total_seconds() / span))
    substance = min(facts.words, 3000) / 3000
    # Relevance is bucketed so a hair's difference does not outvote recency.
    return (-facts.outlets, -round(facts.relevance, 1), -round(recency, 2), -substance)


def score_of(facts: StoryFacts, period: Period) -> float:
    """One number for issue.json (higher is better); the order itself comes from rank_key."""
    k = rank_key(facts, period)
    return round(-k[0] * 10 + -k[1] * 2 + -k[2] + -k[3], 3)


def explain(facts: StoryFacts) -> str:
    return (f"{facts.outlets} outlet(s); topic relevance {facts.relevance:.2f}; "
            f"latest {facts.latest.isoformat(timespec='minutes')}; {facts.words} words")


def rank_stories(stories: Sequence[StoryFacts], period: Period) -> list[StoryFacts]:
    return sorted(stories, key=lambda f: (rank_key(f, period), f.first_url))


@dataclass(frozen=True)
class Ranked:
    """A story before it is written: its place, its section and its articles."""

    rank: int  # 1-based
    section: Section
    facts: StoryFacts  # members: positions of the kept articles, earliest first
    score: float
    why: str

    @property
    def members(self) -> tuple[int, ...]:
        return self.facts.members

    @property
    def featured(self) -> bool:
        return self.section == "in_our_feeds"


def rank(week: Week, labels: Sequence[int], period: Period,
         featured: int) -> tuple[Week, tuple[Ranked, ...]]:
    """Stories from a label per used article, ranked; the week with each verdict's story."""
    articles = [r.article for r in week.reads]
    groups: dict[int, list[int]] = defaultdict(list)
    for r, label in zip(week.used, labels, strict=True):
        groups[label].append(r.position)
    relevance = {i: v.relevance for i, v in enumerate(week.verdicts)}
    facts = []
    for members in groups.values():
        members.sort(key=lambda i: (articles[i].published, articles[i].url))
        outlets = {articles[j].source for i in members for j in (i, *week.copies.get(i, ()))}
        facts.append(story_facts(members, articles, outlets, relevance))
    ranked = tuple(Ranked(k, "in_our_feeds" if k <= featured else "also", f,
                          score_of(f, period), explain(f))
                   for k, f in enumerate(rank_stories(facts, period), start=1))
    verdicts = list(week.verdicts)
    for story in ranked:
        for i in story.members:
            for j in (i, *week.copies.get(i, ())):
                verdicts[j] = replace(verdicts[j], story=story.rank)
    return replace(week, verdicts=tuple(verdicts)), ranked
