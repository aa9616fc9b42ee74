"""The frozen configuration `load_config` builds: what every stage reads, pydantic-free.

It lives apart from `config.py` (the validation, which imports YAML and pydantic) so that a
command can hold a `Config` (`configcache` remembers one) without loading either.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .models import EditorSettings, EmailSettings, FetchSettings, LLMSettings, Newsletter, Source


@dataclass(frozen=True)
class Schedule:
    """When `digest schedule` runs an issue (the `schedule:` section)."""

    day_of_week: str = "mon"
    hour: int = 7
    minute: int = 0
    timezone: str = "UTC"
    misfire_grace_time: int = 6 * 3600
    retry: int = 60  # seconds between tries of a tick held back (the lock, an invalid file)


@dataclass(frozen=True)
class Config:
    """A validated configuration file: what every command runs on."""

    path: Path  # the file it was read from
    newsletter: Newsletter
    sources: tuple[Source, ...]
    database: Path  # the SQLite file; with database_url, where the run lock and caches live
    output: Path
    templates: Path | None  # user templates layered over the package's
    fetch: FetchSettings = FetchSettings()
    email: EmailSettings = EmailSettings()
    llm: LLMSettings | None = None
    editor: EditorSettings = EditorSettings()
    schedule: Schedule = Schedule()
    notify: tuple[str, ...] = ()  # Apprise URLs as written, `${NAME}` unexpanded (channels.py)
    continuity: bool = True  # compare with earlier published issues (edit/continuity/)
    # An entity the Explainer of one of the last `explainer_memory` published issues explained
    # is not explained again (edit/continuity/explained.py); 0: no memory. Four issues: a
    # weekly reader's month, in which a beat's one body would otherwise be explained every
    # week; counted in issues, not days, so a newsletter that skips weeks remembers as well.
    explainer_memory: int = 4
    digest: str = field(default="")  # sha256 of the file's bytes, for the run manifest
    database_url: str | None = None  # postgresql://user@host/db: the shared PostgreSQL store

    @property
    def store_address(self) -> str | Path:
        """What `open_store` opens: the PostgreSQL URL when one is set, else the SQLite file."""
        return self.database_url or self.database
