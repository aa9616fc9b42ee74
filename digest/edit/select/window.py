"""The issue's time window: which articles belong to it, and how the period is named."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from digest.locale import span, week_label, words
from digest.models import Article, Period


def zone(name: str) -> ZoneInfo:
    """The newsletter's timezone; an unknown name falls back to UTC rather than failing the issue."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def in_window(article: Article, period: Period) -> bool:
    """Whether the article was published inside [start, end).

    Aware datetimes compare by instant, so the newsletter's timezone matters only through
    how the period itself was computed (its start and end are local midnights).
    """
    return period.contains(_aware(article.published))


def _aware(when: datetime) -> datetime:
    # The contract says every datetime is aware; a naive one is read as UTC, not rejected.
    return when if when.tzinfo is not None else when.replace(tzinfo=ZoneInfo("UTC"))


def period_label(period: Period, timezone: str, language: str = "en") -> str:
    """'Week 47, 16–22 November 2026' for ISO weeks; '2–8 March 2026' style for other ranges
    (in the issue's language: '2026年第47周（11月16日至22日）', digest/locale.py)."""
    tz = zone(timezone)
    start = period.start.astimezone(tz)
    last = (period.end - timedelta(microseconds=1)).astimezone(tz)
    w = words(language)
    _, iso_week, iso_day = start.isocalendar()
    is_week = "-W" in period.key and iso_day == 1 and (last.date() - start.date()).days == 6
    return week_label(start, last, iso_week, w) if is_week else span(start, last, w)
