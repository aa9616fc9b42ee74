"""The write room's entry point for stories: each story's paragraph or "Also" line."""


from __future__ import annotations

from collections.abc import Sequence

from digest.edit.rank import Ranked
from digest.edit.settings import WriteSettings
from digest.edit.week import Week, writing_set
from digest.edit.write.also import also_line
from digest.edit.write.paragraph import paragraph_for
from digest.models import Citation, Story


def write_stories(week: Week, ranked: Sequence[Ranked], language: str,
                  settings: WriteSettings) -> list[Story]:
    """Each story's paragraph (featured) or one line (also), its citations and rank facts;
    the headline is left empty for headline/."""
    out = []
    for story in ranked:
        arts = [r.article for r in writing_set(week, story.members, settings.articles)]
        sentences = (paragraph_for(arts, week.citations, language=language,
                                   words=settings.paragraph_words, settings=settings.paragraph)
                     if story.featured else also_line(arts, week.citations, language=language,
                                                      settings=settings.paragraph))
        cites = tuple(Citation(a.url, a.title, a.source, a.published)
                      for i in story.members for j in (i, *week.copies.get(i, ()))
                      for a in (week.reads[j].article,))
        out.append(Story(rank=story.rank, section=story.section, headline="",
                         sentences=sentences, articles=cites, score=story.score, why=story.why))
    return out
