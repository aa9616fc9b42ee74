from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from pathlib import Path

from apscheduler.triggers.interval import IntervalTrigger

from digest import schedule
from digest.config import load_config
from digest.models import Period

MONDAY_9 = datetime(2026, 3, 16, 1, 0, tzinfo=UTC)  # Monday 09:00 in Shanghai


def test_missing_periods_catch_up_after_the_newest_built_week() -> None:
    tz = "Asia/Shanghai"
    assert [p.key for p in schedule.missing_periods([], MONDAY_9, tz)] == ["2026-W11"]
    assert schedule.missing_periods(["2026-W11"], MONDAY_9, tz) == []
    keys = [p.key for p in schedule.missing_periods(["2026-W08"], MONDAY_9, tz)]
    assert keys == ["2026-W09", "2026-W10", "2026-W11"]
    many = schedule.missing_periods(["2025-W01"], MONDAY_9, tz)
    assert len(many) == schedule.MAX_CATCH_UP and many[-1].key == "2026-W11"


def _runner(config_path: Path, built: list[str], calls: list[str],
            fail: bool = False) -> schedule.Runner:
    config = load_config(config_path)

    def build(period: Period, checkpoint: Callable[[str], None]) -> None:
        checkpoint("fetch")
        calls.append(period.key)
        built.append(period.key)

    def known() -> Iterable[str]:
        return list(built)

    return schedule.Runner(config, build, known, clock=lambda: MONDAY_9)


def test_catch_up_builds_each_missing_week_once(write_config: Callable[[str], Path]) -> None:
    calls: list[str] = []
    built = ["2026-W09"]
    runner = _runner(write_config(), built, calls)
    assert runner.catch_up() == ["2026-W10", "2026-W11"]
    assert runner.catch_up() == []  # idempotent
    assert calls == ["2026-W10", "2026-W11"]


def test_stop_between_stages(write_config: Callable[[str], Path]) -> None:
    calls: list[str] = []
    runner = _runner(write_config(), [], calls)
    runner.stop.set()
    assert runner.catch_up() == []
    assert calls == []


def test_scheduler_fires_the_job(write_config: Callable[[str], Path]) -> None:
    calls: list[str] = []
    built: list[str] = []
    runner = _runner(write_config(), built, calls)
    fired = threading.Event()
    original = runner.catch_up

    def catch_up() -> list[str]:
        done = original()
        fired.set()
        return done

    runner.catch_up = catch_up  # type: ignore[method-assign]
    sched = schedule.make_scheduler(runner.config, runner, IntervalTrigger(seconds=0.2))
    sched.start()
    try:
        assert fired.wait(5), "the scheduler never fired"
    finally:
        sched.shutdown(wait=True)
    assert calls == ["2026-W11"]


def test_next_fire_uses_schedule_timezone(write_config: Callable[[str], Path]) -> None:
    config = load_config(write_config(
        "newsletter: {title: T, timezone: Asia/Shanghai}\n"
        "schedule: {day_of_week: mon, hour: 7, minute: 0}\n"))
    fire = schedule.next_fire(config, datetime(2026, 3, 15, 0, 0, tzinfo=UTC))
    assert fire.isoformat() == "2026-03-16T07:00:00+08:00"
