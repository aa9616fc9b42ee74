"""Scheduling: APScheduler 3 wiring, catch-up of missed periods, and the run lock.

Why these settings: APScheduler's default misfire grace of one second silently skips a weekly
run the machine slept through, so the grace time is hours (configurable) and `coalesce`
folds several missed fires into one. At start, and at every fire, every recent period whose
issue is missing is built, oldest first, so a laptop asleep on Monday catches up on Tuesday.
SIGTERM/SIGINT stop the process between stages: the job in flight stops at its next stage
boundary, its transaction rolls back, and the run is recorded as interrupted. The fetch, the
one stage that waits on other machines, is cut short at once (`pipeline.run`'s `stop`): a
server that never answers held a stopping scheduler for the whole total timeout.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from types import FrameType
from typing import TYPE_CHECKING

from . import periods
from .configtypes import Config
from .errors import ConfigError, DigestError, LockedError, Stopped, internal_error
from .models import Period
from .store import IssueRecord, RunLock

if TYPE_CHECKING:  # APScheduler is imported when used: `digest status` needs only the trigger
    from apscheduler.schedulers.background import BackgroundScheduler
    from apscheduler.triggers.base import BaseTrigger
    from apscheduler.triggers.cron import CronTrigger

log = logging.getLogger("digest.schedule")

MAX_CATCH_UP = 8  # weeks: a machine off for months should not build a backlog of stale issues


def lock(config: Config) -> RunLock:
    return RunLock(config.database)


def trigger(config: Config) -> CronTrigger:
    from apscheduler.triggers.cron import CronTrigger

    s = config.schedule
    return CronTrigger(day_of_week=s.day_of_week, hour=s.hour, minute=s.minute,
                       timezone=periods.zone(s.timezone))


def next_fire(config: Config, now: datetime | None = None) -> datetime:
    now = now or datetime.now(UTC)
    fire: datetime | None = trigger(config).get_next_fire_time(None, now)
    if fire is None:  # a cron trigger always has a next time; keep mypy and readers honest
        raise DigestError("the schedule never fires")
    return fire


def missing_periods(built: Iterable[str], now: datetime, timezone: str) -> list[Period]:
    """Weeks to build now: after the newest built week up to the last complete one.

    With nothing built yet, only the last complete week (a new newsletter does not
    back-fill its history). At most MAX_CATCH_UP weeks.
    """
    last = periods.last_complete_week(now, timezone)
    weeks = sorted(k for k in built if "-W" in k)
    if not weeks:
        return [last]
    newest = periods.week(weeks[-1], timezone)
    if newest.start >= last.start:
        return []
    first = periods.week_of(newest.end, timezone)
    earliest = last.start - timedelta(weeks=MAX_CATCH_UP - 1)
    if first.start < earliest:
        first = periods.week_of(earliest, timezone)
    return periods.weeks_between(first, last, timezone)


class Runner:
    """Builds every missing period, one at a time, until asked to stop.

    Each tick reads the config file again (`load`), so an edit made while the scheduler runs
    counts from the next tick, and builds with it (`build(config, period, checkpoint)`). A
    tick that cannot start, because the file is invalid now or another run holds the lock,
    says why and is tried again every `schedule.retry` seconds until it can (the file fixed,
    the lock free) or its `misfire_grace_time` has passed: it waited for the next fire, a
    week, and a manual `digest fetch` at 07:00 on a Monday cost that week's issue.
    """

    def __init__(self, config: Config,
                 build: Callable[[Config, Period, Callable[[str], None]], None],
                 built: Callable[[Config], Iterable[str]],
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                 stop: threading.Event | None = None,
                 load: Callable[[], Config] | None = None) -> None:
        self.config = config
        self._build = build
        self._built = built
        self._clock = clock
        self._load = load or (lambda: self.config)
        self.stop = stop or threading.Event()

    def checkpoint(self, stage: str) -> None:
        if self.stop.is_set():
            raise Stopped(f"stopped before {stage}")

    def catch_up(self) -> list[str]:
        """Build the missing periods now, trying again while the tick is held back."""
        done: list[str] = []
        give_up = self._clock() + timedelta(seconds=self.config.schedule.misfire_grace_time)
        while not self.stop.is_set():
            built, held = self._tick()
            done += built
            if held is None:
                break
            retry = self.config.schedule.retry
            if self._clock() + timedelta(seconds=retry) > give_up:
                log.error("%s; given up until the next scheduled run", held)
                break
            log.warning("%s; trying again in %gs", held, retry)
            self.stop.wait(retry)
        return done

    def _tick(self) -> tuple[list[str], str | None]:
        """Build each missing period with the config as the file says now; the periods built,
        and what held the rest back when it is worth trying again (an invalid config file,
        the lock), else None. One period's failure is logged and the next one goes on."""
        done: list[str] = []
        try:
            self.config = self._load()
            todo = missing_periods(self._built(self.config), self._clock(),
                                   self.config.newsletter.timezone)
        except ConfigError as exc:
            return done, f"the config is invalid: {exc}"
        except Exception as exc:  # (a database that cannot be read): the scheduler lives on
            log.error("cannot tell which periods to build: %s", _said(exc))
            return done, None
        for period in todo:
            if self.stop.is_set():
                break
            log.info("building %s", period.key)
            try:
                self._build(self.config, period, self.checkpoint)
                done.append(period.key)
            except Stopped:
                log.warning("stopped during %s; it will be built at the next start", period.key)
                break
            except LockedError as exc:
                return done, f"{period.key} not built yet: {exc}"
            except Exception as exc:  # one bad period is logged; the scheduler lives on
                log.error("run for %s failed: %s", period.key, _said(exc))
        return done, None


def _said(exc: Exception) -> str:
    """What a failed tick logs: a DigestError's own message; anything else as the bug it is
    (one line here, its traceback with -v)."""
    if isinstance(exc, DigestError):
        return str(exc)
    log.debug("traceback", exc_info=exc)
    return internal_error(exc)


def finished(issues: Iterable[IssueRecord]) -> list[str]:
    """The keys of the stored issues that are their period's issue (`quiet.done`): one built
    early is built again, and sent, once its period is over."""
    from .quiet import done  # (here: `digest fetch` imports this module, and never asks)

    return [i.key for i in issues if done(i)]


def make_scheduler(config: Config, runner: Runner,
                   cron: BaseTrigger | None = None) -> BackgroundScheduler:
    from apscheduler.schedulers.background import BackgroundScheduler

    scheduler = BackgroundScheduler(timezone=periods.zone(config.schedule.timezone))
    scheduler.add_job(runner.catch_up, cron or trigger(config), id="issue", coalesce=True,
                      max_instances=1, misfire_grace_time=config.schedule.misfire_grace_time,
                      replace_existing=True)
    return scheduler


def serve(config: Config, runner: Runner) -> int:
    """Run until SIGTERM/SIGINT: catch up now, then fire on the cron trigger. Returns the
    signal that stopped it."""
    scheduler = make_scheduler(config, runner)
    stopped_by: list[int] = []

    def on_signal(signum: int, frame: FrameType | None) -> None:
        log.info("signal %d: stopping (sources still on the wire are left for the next run)", signum)
        stopped_by.append(signum)
        runner.stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    scheduler.start()
    log.info("scheduler started; next run %s", next_fire(config).isoformat())
    runner.catch_up()
    runner.stop.wait()
    scheduler.shutdown(wait=True)
    log.info("scheduler stopped")
    return stopped_by[0] if stopped_by else 0
