"""The store: fetch state, articles, issues, deliveries and runs.

`open_store(path)` returns the SQLite implementation of the `Store` protocol; everything
else in digest talks to the protocol only.
"""

from __future__ import annotations

from pathlib import Path

from .base import IssueRecord, RunRecord, SaveOutcome, SaveReport, Store
from .lock import RunLock
from .sqlite import SQLiteStore

__all__ = ["IssueRecord", "RunLock", "RunRecord", "SQLiteStore", "SaveOutcome", "SaveReport",
           "Store", "open_store"]


def open_store(path: str | Path) -> Store:
    """Open (creating and migrating as needed) the database at `path`."""
    return SQLiteStore(Path(path))
