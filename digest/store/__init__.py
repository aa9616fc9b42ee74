"""The store: fetch state, articles, issues, deliveries and runs.

`open_store(address)` returns the SQLite implementation of the `Store` protocol for a path, the
PostgreSQL one (`postgres.py`, the `digest[postgres]` extra, imported only then) for a
`postgresql://` URL; everything else in digest talks to the protocol only.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import StoreError
from .base import IssueRecord, RunRecord, SaveOutcome, SaveReport, Store
from .lock import RunLock
from .sqlite import SQLiteStore

if TYPE_CHECKING:
    from ..configtypes import Config

__all__ = ["IssueRecord", "RunLock", "RunRecord", "SQLiteStore", "SaveOutcome", "SaveReport",
           "Store", "is_postgres", "open_config_store", "open_store"]


def is_postgres(address: str | Path) -> bool:
    return isinstance(address, str) and address.startswith(("postgresql://", "postgres://"))


def open_store(address: str | Path, *, newsletter: str = "",
               sources: Sequence[str] | None = None) -> Store:
    """Open (creating and migrating as needed) the database at `address`: a SQLite file, or a
    PostgreSQL URL, where `newsletter` scopes issues, deliveries and runs and `sources` the
    articles a build reads (one database can serve several newsletters)."""
    if not is_postgres(address):
        return SQLiteStore(Path(address))
    try:
        from .postgres import PostgresStore
    except ImportError as exc:
        raise StoreError(f"a postgresql:// database needs the PostgreSQL extra: "
                         f"pip install 'digest[postgres]' ({exc})") from exc
    return PostgresStore(str(address), newsletter=newsletter, sources=sources)


def open_config_store(config: Config) -> Store:
    """The config's store: its SQLite file, or its PostgreSQL database scoped to this
    newsletter (its issues, deliveries and runs; its sources' articles)."""
    return open_store(config.store_address, newsletter=config.newsletter.title,
                      sources=[s.name for s in config.sources])
