"""Issue periods: ISO weeks (the default) or explicit date ranges, in the newsletter's zone.

Pure functions: the clock is an argument.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

from .errors import ConfigError
from .models import Period

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

Clock = Callable[[], datetime]  # injected wherever "now" matters, so tests set the time


def utcnow() -> datetime:
    return datetime.now(UTC)


def zone(name: str) -> ZoneInfo:
    """The time zone `name` (IANA). zoneinfo is imported with the first zone asked for: a
    command that needs none (`digest fetch`) does not pay its ~2 ms of start-up."""
    from zoneinfo import ZoneInfo

    return ZoneInfo(name)


_WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")
_RANGE_RE = re.compile(r"^(\d{4}-\d{2}-\d{2})_(\d{4}-\d{2}-\d{2})$")


def week(key: str, timezone: str) -> Period:
    """The ISO week `key` ("2026-W10"): Monday 00:00 to the next Monday 00:00, local time."""
    m = _WEEK_RE.match(key)
    if not m:
        raise ConfigError(f"invalid period {key!r} (expected an ISO week such as 2026-W10)")
    year, num = int(m.group(1)), int(m.group(2))
    try:
        monday = date.fromisocalendar(year, num, 1)
    except ValueError as exc:
        raise ConfigError(f"invalid period {key!r}: {exc}") from exc
    tz = zone(timezone)
    start = datetime.combine(monday, time(0), tz)
    end = datetime.combine(monday + timedelta(days=7), time(0), tz)
    return Period(key=key, start=start, end=end)


def week_of(when: datetime, timezone: str) -> Period:
    """The ISO week containing `when` (in the newsletter's zone)."""
    local = when.astimezone(zone(timezone))
    year, num, _ = local.isocalendar()
    return week(f"{year}-W{num:02d}", timezone)


def last_complete_week(now: datetime, timezone: str) -> Period:
    """The most recent ISO week that has ended by `now`."""
    current = week_of(now, timezone)
    return week_of(current.start - timedelta(seconds=1), timezone)


def date_range(since: str, until: str, timezone: str) -> Period:
    """[since 00:00, until 00:00 + 1 day): both dates inclusive, local time."""
    try:
        first, last = date.fromisoformat(since), date.fromisoformat(until)
    except ValueError as exc:
        raise ConfigError(f"invalid date: {exc} (expected YYYY-MM-DD)") from exc
    if last < first:
        raise ConfigError(f"--until {until} is before --since {since}")
    tz = zone(timezone)
    return Period(key=f"{first.isoformat()}_{last.isoformat()}",
                  start=datetime.combine(first, time(0), tz),
                  end=datetime.combine(last + timedelta(days=1), time(0), tz))


def parse(key: str, timezone: str) -> Period:
    """A period from its key: an ISO week or a 'YYYY-MM-DD_YYYY-MM-DD' range."""
    m = _RANGE_RE.match(key)
    if m:
        return date_range(m.group(1), m.group(2), timezone)
    return week(key, timezone)


def weeks_between(first: Period, last: Period, timezone: str) -> list[Period]:
    """Every ISO week from `first` to `last`, both included (for catch-up)."""
    out: list[Period] = []
    p = first
    while p.start <= last.start:
        out.append(p)
        p = week_of(p.end, timezone)
    return out
