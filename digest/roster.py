"""Which stored articles an issue may use: those of the sources the config lists; and whose
fetch health the issue and `digest status` report: those sources' too.

The store keeps every article it was given, under the name its source had then. A source taken
out of sources.yaml kept its articles in every rebuild of its week (`digest build`, `run
--force`): the user who removed it still read it. Those are `unlisted` now, in issue.json with
why, in no story.

A source renamed in the config is not a source taken out: its feed's items still match their
stored rows by URL, and the rows keep the old name, so every article of a renamed source would
have been unlisted. A name the config no longer has whose fetch state was at a configured
source's URL (its `url:` or where that source's own state says it now is) is that source, and
its articles are credited to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .configtypes import Config

if TYPE_CHECKING:
    from .models import Article, ArticleStatus, SourceHealth


def listed(articles: Sequence[Article], config: Config, states: Sequence[SourceHealth]
           ) -> tuple[list[Article], tuple[ArticleStatus, ...]]:
    """The articles of the configured sources (a renamed source's under its new name), and the
    others as `unlisted` statuses."""
    from .models import ArticleStatus

    names = {s.name for s in config.sources}
    renamed = former_names(config, states)
    kept: list[Article] = []
    gone: list[ArticleStatus] = []
    for a in articles:
        if a.source in names:
            kept.append(a)
        elif a.source in renamed:
            kept.append(replace(a, source=renamed[a.source]))
        else:
            gone.append(ArticleStatus(
                url=a.url, title=a.title, source=a.source, published=a.published,
                language=a.language, status="unlisted",
                reason=f"its source {a.source!r} is not in {config.path.name} any more"))
    return kept, tuple(gone)


def configured_health(config: Config, states: Sequence[SourceHealth]) -> list[SourceHealth]:
    """Health of the configured sources, in config order (a removed source's stored state
    is not among them); never-fetched ones say so."""
    from .models import SourceHealth

    known = {h.name: h for h in states}
    return [known.get(s.name) or SourceHealth(name=s.name, url=s.url, status="error",
                                              error="not fetched yet")
            for s in config.sources]


def former_names(config: Config, states: Sequence[SourceHealth]) -> dict[str, str]:
    """Old name -> configured name, for the names the config no longer has whose fetch state
    is at a configured source's URL."""
    by_url: dict[str, str] = {}
    current = {h.name: h.url for h in states}
    for source in config.sources:
        by_url.setdefault(source.url, source.name)
        if source.name in current:
            by_url.setdefault(current[source.name], source.name)
    names = {s.name for s in config.sources}
    return {h.name: by_url[h.url] for h in states if h.name not in names and h.url in by_url}
