"""The headline room's entry point: every story's headline, in the newsletter's language."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

from digest.edit.rank import Ranked
from digest.edit.select.relevance import compile_phrase
from digest.edit.settings import WriteSettings
from digest.edit.week import Read, Week, writing_set
from digest.edit.write import compose
from digest.models import Newsletter, Story

__all__ = ["headlines"]


def _common_ground(week: Week, writing: Sequence[Sequence[Read]],
                   topics: Sequence[str]) -> tuple[frozenset[str], frozenset[str]]:
    """Entities in most stories (3+ stories), and the topics' stems: no headline leads with them."""
    seen: dict[str, int] = defaultdict(int)
    for reads in writing:
        keys: set[str] = set()
        for r in reads:
            paragraphs = r.article.paragraphs
            keys.update(week.index.entities_in(f"{r.title}\n{paragraphs[0] if paragraphs else ''}"))
        for k in keys:
            seen[k] += 1
    n = len(writing)
    common = frozenset(k for k, c in seen.items() if n >= 3 and c > n / 2)
    avoid = frozenset(st for t in topics if t.strip() for st in compile_phrase(t).stems)
    return common, avoid


def headlines(week: Week, ranked: Sequence[Ranked], stories: Sequence[Story],
              newsletter: Newsletter, settings: WriteSettings) -> list[Story]:
    """Each story with its headline, in the newsletter's language."""
    writing = [writing_set(week, r.members, settings.articles) for r in ranked]
    common, avoid = _common_ground(week, writing, newsletter.topics)
    return [replace(story, headline=compose.headline(
                reads, week.index, [s.text for s in story.sentences[:3]], common, avoid,
                language=newsletter.language))
            for story, reads in zip(stories, writing, strict=True)]
