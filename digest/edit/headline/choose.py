"""The headline room's entry point: every story's headline, in the newsletter's language."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from digest.edit.headline.score import headline_for
from digest.edit.rank import Ranked
from digest.edit.settings import Settings
from digest.edit.week import Week, writing_set
from digest.models import Newsletter, Story

__all__ = ["headlines"]


def headlines(week: Week, ranked: Sequence[Ranked], stories: Sequence[Story],
              newsletter: Newsletter, settings: Settings) -> list[Story]:
    """Each story with its headline: its own best title or title clause (score.py)."""
    return [replace(story, headline=headline_for(
                [r.article for r in writing_set(week, r_.members, settings.write.articles)],
                language=newsletter.language, settings=settings.headline,
                paragraph=[s.text for s in story.sentences]))
            for story, r_ in zip(stories, ranked, strict=True)]
