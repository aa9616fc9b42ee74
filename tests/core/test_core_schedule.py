from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from apscheduler.triggers.interval import IntervalTrigger

from digest import periods, schedule
from digest.config import Config, load_config
from digest.errors import ConfigError, LockedError
from digest.models import Period
from digest.store import IssueRecord

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

    def build(config: Config, period: Period, checkpoint: Callable[[str], None]) -> None:
        checkpoint("fetch")
        calls.append(period.key)
        built.append(period.key)

    def known(config: Config) -> Iterable[str]:
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


def _record(key: str, built_at: datetime) -> IssueRecord:
    week = periods.week(key, "Asia/Shanghai")
    return IssueRecord(key=key, title=key, period_start=week.start, period_end=week.end,
                       built_at=built_at, stories=3)


def test_a_week_built_early_is_not_done_so_the_schedule_builds_it_once_it_is_over() -> None:
    """A preview of the current week (`digest run --period` on a Thursday, not sent: 'the first
    run after it ends rebuilds and sends it') counted as built: Monday's tick found nothing
    missing and the week was never sent; a future `--period` held back every week before it."""
    thursday = datetime(2026, 3, 12, 1, 0, tzinfo=UTC)
    issues = [_record("2026-W10", MONDAY_9), _record("2026-W11", thursday),
              _record("2026-W20", MONDAY_9)]
    assert schedule.finished(issues) == ["2026-W10"]
    assert [p.key for p in schedule.missing_periods(schedule.finished(issues), MONDAY_9,
                                                    "Asia/Shanghai")] == ["2026-W11"]


def _held_runner(config: Config, loads: list[Config | Exception],
                 builds: list[Exception | None], calls: list[str]) -> schedule.Runner:
    """A runner whose config loads and builds answer in turn; retries at once (retry 0)."""
    def load() -> Config:
        answer = loads.pop(0) if len(loads) > 1 else loads[0]
        if isinstance(answer, Exception):
            raise answer
        return replace(answer, schedule=replace(answer.schedule, retry=0))

    def build(config: Config, period: Period, checkpoint: Callable[[str], None]) -> None:
        calls.append(f"{period.key} {config.newsletter.title}")
        failure = builds.pop(0) if builds else None
        if failure is not None:
            raise failure
        built.append(period.key)

    built: list[str] = []
    config = replace(config, schedule=replace(config.schedule, retry=0))
    return schedule.Runner(config, build, lambda config: list(built), clock=lambda: MONDAY_9,
                           load=load)


def test_a_tick_the_lock_holds_back_is_tried_again_not_a_week_later(
        write_config: Callable[[str], Path], caplog: pytest.LogCaptureFixture) -> None:
    config = load_config(write_config())
    calls: list[str] = []
    runner = _held_runner(config, [config], [LockedError("another digest run holds the lock"),
                                             None], calls)
    assert runner.catch_up() == ["2026-W11"]
    assert calls == ["2026-W11 Test Weekly", "2026-W11 Test Weekly"]
    assert "another digest run holds the lock; trying again in 0s" in caplog.text


def test_each_tick_reads_the_config_again_and_an_invalid_one_is_named_and_waited_out(
        write_config: Callable[[str], Path], caplog: pytest.LogCaptureFixture) -> None:
    config = load_config(write_config())
    edited = replace(config, newsletter=replace(config.newsletter, title="Edited"))
    broken = ConfigError("mapping values are not allowed here", path="sources.yaml", line=4)
    calls: list[str] = []
    runner = _held_runner(config, [broken, edited], [], calls)
    assert runner.catch_up() == ["2026-W11"]
    assert calls == ["2026-W11 Edited"]  # built with the file as it is now
    assert ("the config is invalid: sources.yaml:4: mapping values are not allowed here; "
            "trying again in 0s") in caplog.text


def test_a_bug_in_one_period_is_logged_and_the_schedule_lives_on(
        write_config: Callable[[str], Path], caplog: pytest.LogCaptureFixture) -> None:
    config = load_config(write_config())
    calls: list[str] = []
    runner = _held_runner(config, [config], [sqlite3.OperationalError("disk I/O error")], calls)
    runner._built = lambda config: ["2026-W09"]
    assert runner.catch_up() == ["2026-W11"]
    assert "run for 2026-W10 failed: internal error: OperationalError: disk I/O error" in caplog.text


def test_a_tick_held_back_past_its_grace_time_gives_up_until_the_next_fire(
        write_config: Callable[[str], Path], caplog: pytest.LogCaptureFixture) -> None:
    config = load_config(write_config())
    now = [MONDAY_9]

    def clock() -> datetime:
        now[0] += timedelta(hours=1)
        return now[0]

    runner = _held_runner(config, [config], [LockedError("held")] * 100, [])
    runner._clock = clock
    assert runner.catch_up() == []
    assert "held; given up until the next scheduled run" in caplog.text
