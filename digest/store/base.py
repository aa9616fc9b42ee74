"""The store interface. SQLite implements it (`sqlite.py`); a PostgreSQL backend can follow
by implementing the same Protocol.
"""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal, Protocol

from ..models import Article, FetchResult, FetchState, Period

if TYPE_CHECKING:
    from ..models import (
        Delivery,
        DeliveryStatus,
        ExplainerMemory,
        Notification,
        SourceHealth,
        StoryMemory,
    )

SaveOutcome = Literal["new", "updated", "unchanged"]


@dataclass(frozen=True)
class SaveReport:
    """What `save_fetch` did: how many articles were new, updated or unchanged, and those it
    could not store (each with the exception, so the caller can log its traceback). One
    article that cannot be stored is rolled back alone; the source's others are kept."""

    counts: dict[SaveOutcome, int]
    failed: tuple[tuple[Article, Exception], ...] = ()


@dataclass(frozen=True)
class IssueRecord:
    """A built issue as the store remembers it."""

    key: str
    title: str
    period_start: datetime
    period_end: datetime
    built_at: datetime
    stories: int


@dataclass(frozen=True)
class RunRecord:
    """One run of a command, as `digest status` lists it."""

    id: int
    command: str
    period: str | None
    started_at: datetime
    finished_at: datetime | None
    status: str  # running | ok | failed | noop | interrupted
    error: str | None
    manifest: str | None  # JSON


class Store(Protocol):
    # sources
    def fetch_states(self) -> dict[str, FetchState]: ...
    def source_health(self) -> list[SourceHealth]: ...
    def has_item(self, source: str, guid: str) -> bool: ...
    def enable_source(self, name: str) -> FetchState | None: ...
    def save_fetch(self, result: FetchResult, articles: list[tuple[Article, str]],
                   now: datetime) -> SaveReport: ...
    def save_states(self, results: Sequence[tuple[FetchResult, datetime]]) -> None: ...
    def saving_fetches(self) -> AbstractContextManager[object]: ...
    # articles
    def articles_for(self, period: Period) -> list[Article]: ...
    def count_articles(self) -> int: ...
    def newest_published(self) -> datetime | None: ...
    # issues
    def issue(self, key: str) -> IssueRecord | None: ...
    def issues(self) -> list[IssueRecord]: ...
    def save_issue(self, record: IssueRecord, config_digest: str) -> None: ...
    # continuity: the stories and the Explainer of published issues, written in one
    # transaction (a rebuild replaces both); rows of an issue not saved yet stay unseen
    def remember_stories(self, issue: str, stories: Sequence[StoryMemory],
                         explainer: ExplainerMemory | None = None) -> None: ...
    def story_memory(self, before: datetime, issues: int) -> list[StoryMemory]: ...
    def explainer_memory(self, before: datetime, issues: int) -> list[ExplainerMemory]: ...
    # deliveries (the publish stage's DeliveryLog)
    def delivery_states(self, issue: str) -> dict[str, DeliveryStatus]: ...
    def record_delivery(self, delivery: Delivery) -> None: ...
    def deliveries(self, issue: str | None = None, *,
                   status: tuple[DeliveryStatus, ...] = ()) -> list[Delivery]: ...
    # notifications (the publish stage's NotifyLog)
    def notification_states(self, issue: str) -> dict[str, DeliveryStatus]: ...
    def record_notification(self, n: Notification) -> None: ...
    def notifications(self, issue: str | None = None, *,
                      status: tuple[DeliveryStatus, ...] = ()) -> list[Notification]: ...
    # runs
    def start_run(self, command: str, period: str | None, now: datetime) -> int: ...
    def finish_run(self, run_id: int, status: str, now: datetime, *, error: str | None = None,
                   manifest: str | None = None) -> None: ...
    def runs(self, limit: int = 10) -> list[RunRecord]: ...
    def close(self) -> None: ...
