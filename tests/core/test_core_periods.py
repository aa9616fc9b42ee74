from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digest import periods
from digest.errors import ConfigError


def test_iso_week_in_timezone() -> None:
    p = periods.week("2026-W10", "Asia/Shanghai")
    assert p.start.isoformat() == "2026-03-02T00:00:00+08:00"
    assert p.end.isoformat() == "2026-03-09T00:00:00+08:00"


def test_last_complete_week_depends_on_zone() -> None:
    # Sunday 20:00 UTC is already Monday 04:00 in Shanghai: the week has ended there.
    now = datetime(2026, 11, 22, 20, 0, tzinfo=UTC)
    assert periods.last_complete_week(now, "Asia/Shanghai").key == "2026-W47"
    assert periods.last_complete_week(now, "UTC").key == "2026-W46"


def test_year_boundary_week() -> None:
    p = periods.week("2026-W53", "UTC")
    assert p.start.date().isoformat() == "2026-12-28"
    assert periods.week_of(p.end, "UTC").key == "2027-W01"


def test_date_range_is_inclusive() -> None:
    p = periods.date_range("2026-03-02", "2026-03-04", "UTC")
    assert p.key == "2026-03-02_2026-03-04"
    assert p.contains(datetime(2026, 3, 4, 23, 59, tzinfo=UTC))
    assert not p.contains(datetime(2026, 3, 5, tzinfo=UTC))
    assert periods.parse(p.key, "UTC") == p


@pytest.mark.parametrize("key", ["2026-10", "2026-W60", "last week"])
def test_bad_keys(key: str) -> None:
    with pytest.raises(ConfigError):
        periods.parse(key, "UTC")


def test_weeks_between() -> None:
    a, b = periods.week("2026-W50", "UTC"), periods.week("2027-W02", "UTC")
    keys = [p.key for p in periods.weeks_between(a, b, "UTC")]
    assert keys == ["2026-W50", "2026-W51", "2026-W52", "2026-W53", "2027-W01", "2027-W02"]
