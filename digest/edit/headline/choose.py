"""The headline room's entry point: every story's headline, in the newsletter's language."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from digest.edit.headline.titles import headline_for
from digest.edit.rank import Ranked
from digest.edit.settings import WriteSettings
from digest.edit.week import Week, writing_set
from digest.models import Newsletter, Story

__all__ = ["headlines"]


def headlines(week: Week, ranked: Sequence[Ranked], stories: Sequence[Story],
              newsletter: Newsletter, settings: WriteSettings) -> list[Story]:
    """Each story with its headline: its own best title, cleaned (titles.py)."""
    return [replace(story, headline=headline_for(
                [r.article for r in writing_set(week, r_.members, settings.articles)],
                language=newsletter.language))
            for story, r_ in zip(stories, ranked, strict=True)]
