"""The fetch stage: every source kind, concurrent, conditional, polite, incremental.

    fetch_sources(sources, states, settings, *, transport=None, clock=utcnow, known=None)
        -> list[FetchResult]        (async; one result per source, in input order)
    fetch_all(...)                  the same, for synchronous callers
    canonical_key(url)              the URL comparison key the store deduplicates on
    read_opml(path) / write_opml(sources, title)

See docs/fetching.md for the source kinds, HTTP behaviour and the source-health fields.
"""

from __future__ import annotations

from .opml import read_opml, write_opml
from .runner import fetch_all, fetch_sources
from .urls import canonical_key

__all__ = ["canonical_key", "fetch_all", "fetch_sources", "read_opml", "write_opml"]
