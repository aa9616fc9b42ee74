"""The write room's entry point for stories: each story's paragraph or "Also" line."""


from __future__ import annotations

from collections.abc import Sequence

from digest.edit.rank import Ranked
from digest.edit.settings import WriteSettings
from digest.edit.week import Week, writing_set
from digest.edit.write import compose
from digest.models import Citation, Story


def write_stories(week: Week, ranked: Sequence[Ranked], language: str,
                  settings: WriteSettings) -> list[Story]:
    """Each story's paragraph (featured) or one line (also), its citations and rank facts;
    the headline is left empty for headline/."""
    out = []
    for story in ranked:
        reads = writing_set(week, story.members, settings.articles)
        sentences = (compose.paragraph(reads, week.citations, language=language)
                     if story.featured else
                     compose.one_line(reads, week.citations, language=language))
        cites = tuple(Citation(a.url, a.title, a.source, a.published)
                      for i in story.members for j in (i, *week.copies.get(i, ()))
                      for a in (week.reads[j].article,))
        out.append(Story(rank=story.rank, section=story.section, headline="",
                         sentences=sentences, articles=cites, score=story.score, why=story.why))
    return out
