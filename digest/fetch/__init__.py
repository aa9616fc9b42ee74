"""The fetch stage: every source kind, concurrent, conditional, polite, incremental.

    fetch_sources(sources, states, settings, *, transport=None, clock=utcnow, known=None)
        -> list[FetchResult]        (async; one result per source, in input order)
    fetch_all(...)                  the same, for synchronous callers
    canonical_key(url)              the URL comparison key the store deduplicates on
    read_opml(path) / write_opml(sources, title)

See docs/fetching.md for the source kinds, HTTP behaviour and the source-health fields.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .runner import fetch_all, fetch_sources
from .urls import canonical_key

if TYPE_CHECKING:
    from .opml import read_opml, write_opml

__all__ = ["canonical_key", "fetch_all", "fetch_sources", "read_opml", "write_opml"]


def __getattr__(name: str) -> object:
    """read_opml and write_opml load the OPML module (and lxml) when first asked for: a
    fetch does not need them (~10 ms of its start)."""
    if name in ("read_opml", "write_opml"):
        from . import opml

        return getattr(opml, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
