"""The bodies of the CLI commands: call the library, print the outcome, return an exit code.

Kept apart from `cli.py` (argument parsing) so both stay short; like `cli.py`, this is
presentation only: every decision is made by the library.
"""

from __future__ import annotations

import gc
import logging
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from . import schedule as scheduling
from .collect import CollectReport, collect, probe
from .errors import ConfigError
from .printing import (
    StageProgress,
    console,
    delivery_error,
    print_deliveries,
    print_failed_deliveries,
    print_failures,
    print_health,
    print_lines,
    print_notifications,
    print_runs,
)
from .saving import fetch_lines
from .store import open_config_store

if TYPE_CHECKING:  # yaml is imported by the commands that write with it (rich: printing.py)
    from .configtypes import Config
    from .models import Period, Resend
    from .store import Store

log = logging.getLogger("digest")


def run(config: Config, period: Period | None, *, force: bool, resend: Resend, send: bool,
        fetch: bool) -> int:
    from . import pipeline

    with StageProgress() as progress:
        report = pipeline.run(config, period, force=force, resend=resend, deliver=send,
                              fetch=fetch, progress=progress)
    out = console()
    if report.noop and (report.deliveries or report.notifications):
        out.print(f"Issue {report.period.key} is already built in {config.output} (--force "
                  "rebuilds); sending it where it has not gone yet:")
    elif report.noop:
        out.print(f"Issue {report.period.key} is already built in {config.output}; nothing to do "
                  "(--force rebuilds; --resend sends again).")
    else:
        assert report.build is not None
        issue = report.build.issue
        out.print(f"Built {issue.title}: {len(issue.featured)} featured and {len(issue.also)} "
                  f"more stories from {sum(a.status == 'used' for a in issue.articles)} articles.")
        out.print(f"  {report.build.folder}")
        print_failures(out, list(issue.sources))
    for line in (report.explained, report.held):
        if line:
            out.print(f"  {line}")
    print_deliveries(out, report.deliveries, indent="  ")
    print_notifications(out, report.notifications, indent="  ")
    failed = any(not d.ok for d in report.deliveries) or any(not n.ok for n in report.notifications)
    return 1 if failed else 0


# The last `fetch` report, kept: `digest fetch` runs once a process, and `python -m digest`
# ends without freeing what the command built (__main__), so freeing the report object by
# object as `fetch` returned (a 500-feed fetch's 10,000 articles, ~300,000 objects) was
# 27-31 ms of the command's very end for nothing. The next `fetch` in a process replaces it.
_last_fetch: list[CollectReport] = []


def fetch(config: Config, *, every: bool = False) -> int:
    with scheduling.lock(config), _store(config) as store, _frozen_heap():
        report = collect(config, store)
    _last_fetch[:] = [report]
    print_lines(fetch_lines(report, every=every))
    return 1 if report.every_source_failed else 0


def enqueue(config: Config, *, interval: float) -> int:
    from . import distributed

    plan = distributed.enqueue(config, interval)
    console().print(f"Queued {plan.enqueued} of {plan.feeds} feed(s); "
                     f"{len(plan.pending)} already queued or running, {plan.not_due} not due.")
    return 0


def worker(config: Config, *, concurrency: int, heartbeat: float, drain: bool) -> int:
    from . import distributed
    from .distributed.worker import WorkerSettings

    if concurrency < 1 or heartbeat <= 0:
        raise ConfigError("--concurrency must be at least 1 and --heartbeat above 0")
    settings = WorkerSettings(concurrency=concurrency, heartbeat=heartbeat,
                              stalled_after=3 * heartbeat, drain=drain)
    log.info("worker: %d at a time, heartbeat every %gs", concurrency, heartbeat)
    distributed.work(config, settings)
    return 0


def build(config: Config, period: Period | None, *, wait: float = 0.0) -> int:
    from . import distributed, pipeline

    period = period or pipeline.default_period(config)
    # The embedded store has no queue; asking it imported the PostgreSQL driver, which a
    # SQLite install does not have (`digest build` was an internal error there).
    pending = distributed.wait_for_wave(config, wait) if config.database_url else []
    out = console()
    if pending:
        shown = ", ".join(pending[:20]) + (f" and {len(pending) - 20} more"
                                           if len(pending) > 20 else "")
        out.print(f"Still pending after {wait:g}s ({len(pending)} feed(s)): {shown}")
    with scheduling.lock(config), _store(config) as store:
        built = pipeline.build(config, period, store)
    out.print(f"Built {built.issue.title}\n  {built.folder}")
    return 0


def send(config: Config, period: Period | None, *, dry_run: bool, resend: Resend) -> int:
    from . import pipeline

    key = (period or pipeline.default_period(config)).key
    with scheduling.lock(config), _store(config) as store:
        deliveries = (pipeline.send(config, key, store, dry_run=dry_run, resend=resend)
                      if pipeline.recipients_configured(config) or not config.notify else [])
        notes = pipeline.notify(config, key, store, dry_run=dry_run, resend=resend)
    out = console()
    if not deliveries and not notes:
        out.print(f"Nothing to send for {key}: every recipient and channel already has it.")
    print_deliveries(out, deliveries)
    print_notifications(out, notes)
    doubt = ("failed", "unknown")
    return 1 if any(d.status in doubt for d in deliveries) or any(n.status in doubt for n in notes) else 0


def status(config: Config) -> int:
    from .status import (
        EXIT_IN_DOUBT,
        channel_report,
        editor_report,
        failed_deliveries,
        failing_sources,
        in_doubt,
    )

    out = console()
    with _store(config) as store:
        runs = store.runs(10)
        failing = failing_sources(config, store)
        doubtful = store.deliveries(status=("unknown", "sending"))
        failed = failed_deliveries(store)
        edited = editor_report(config, store)
        channels = channel_report(config, store)
    # A 'sending' row is a message being handed over right now, or, when no run holds the
    # lock, one whose sender died: its outcome is unknown.
    running = scheduling.lock(config).held_elsewhere()
    print_runs(out, runs)
    out.print(f"Next scheduled run: {scheduling.next_fire(config).isoformat(' ', 'minutes')} "
              f"({config.schedule.timezone})")
    if failing:
        print_health(out, failing, title="Failing sources")
    else:
        out.print("No failing sources.")
    if doubtful:
        out.print(f"Deliveries in doubt: {len(doubtful)} (never re-sent automatically; "
                  "`digest send --period KEY --resend` sends them again):")
        for d in doubtful:
            shown = "sending" if d.status == "sending" and running else "unknown"
            out.print(f"  {d.issue}  {d.recipient}  {shown}  {d.message_id or ''}  "
                      f"{delivery_error(d)}".rstrip())
    else:
        out.print("No deliveries in doubt.")
    print_failed_deliveries(out, failed)
    if channels:
        out.print("Channels (latest issue each was sent, or in doubt or failing):")
        for n in channels:
            out.print(f"  {n.issue}  {n.channel}  {n.status}  {n.error or n.sent or ''}".rstrip())
    if edited is not None:
        where = f" (built in {edited.folder}, with --out)" if edited.folder else ""
        out.print(f"Last issue {edited.key}{where}: written {edited.editor}. {edited.explainer}")
        for note in edited.notes:
            out.print(f"  note: {note}")
    return EXIT_IN_DOUBT if in_doubt(doubtful, channels, running=running) else 0


def schedule(config: Config) -> int:
    from . import configcache, pipeline

    stop = threading.Event()  # set by SIGTERM/SIGINT: the fetch in flight stops at once

    def build(config: Config, period: Period, checkpoint: Callable[[str], None]) -> None:
        pipeline.run(config, period, progress=checkpoint, command="schedule", stop=stop.is_set)

    def built(config: Config) -> list[str]:
        with _store(config) as store:
            return scheduling.finished(store.issues())

    # Stopped by Ctrl-C, it ends as every interrupted command does (130); by SIGTERM (a
    # service manager stopping it), as a service that stopped cleanly (0).
    runner = scheduling.Runner(config, build, built, stop=stop,
                               load=lambda: configcache.load(config.path))
    signum = scheduling.serve(config, runner)
    return 130 if signum == signal.SIGINT else 0


def sources_check(config: Config) -> int:
    out = console()
    out.print(f"{config.path}: valid, {len(config.sources)} source(s).")
    health = probe(config)
    print_health(out, health, title="Sources")
    return 1 if any(h.status == "error" for h in health) else 0


def sources_import(config: Config, opml: Path) -> int:
    from .configedit import import_sources
    from .fetch.opml import read_opml

    done = import_sources(config, read_opml(opml))
    out = console()
    out.print(f"Added {len(done.added)} source(s) to {config.path} ({done.known} already there)."
              + (f" The previous file is {config.path.name}.bak." if done.added else ""))
    if done.renamed:
        out.print("  named apart from a source of the same name: " + ", ".join(done.renamed))
    if not done.comments_kept:
        out.print("  the file was written again whole: its comments are only in the .bak")
    return 0


def sources_add(config: Config, url: str, name: str | None, *, check: bool = True) -> int:
    from .configedit import add_source

    done = add_source(config, url, name, check=check)
    out = console()
    if done.source is None:
        out.print(f"Already in {config.path} as {done.known_as!r}; nothing added.")
        return 0
    added = done.source
    out.print(f"Added {added.name!r} to {config.path}: {added.url}"
              + (f" (the feed {url} advertises)" if done.discovered else "")
              + f". The previous file is {config.path.name}.bak.")
    if done.checked is not None:
        out.print(f"  read it: {len(done.checked.items)} item(s)"
                  + (f"; {done.checked.error}" if done.checked.error else ""))
    else:
        out.print("  not fetched (--no-check): `digest sources check` reads it")
    return 0


def sources_remove(config: Config, name: str) -> int:
    from .configedit import remove_source

    done = remove_source(config, name)
    out = console()
    out.print(f"Removed {name!r} ({done.source.url}) from {config.path}. The previous file is "
              f"{config.path.name}.bak. Its stored articles stay in the database and leave "
              "every issue built from now on.")
    if not done.comments_kept:
        out.print("  the file was written again whole: its comments are only in the .bak")
    return 0


def sources_enable(config: Config, name: str) -> int:
    """Fetch a source again that was disabled (410 Gone) or is waiting out a Retry-After."""
    from .configedit import source_named

    source_named(config, name)
    with scheduling.lock(config), _store(config) as store:
        before = store.enable_source(name)
    out = console()
    if before is None or not (before.disabled or before.not_before):
        out.print(f"{name} is not disabled or waiting; nothing to do.")
    else:
        out.print(f"{name} is enabled again: the next run fetches it.")
    return 0


def sources_export(config: Config) -> int:
    from .fetch.opml import write_opml

    sys.stdout.write(write_opml(config.sources, config.newsletter.title))
    return 0


@contextmanager
def _frozen_heap() -> Iterator[None]:
    """What the command has built so far (modules, the validated config) kept out of the
    collector's reach while the block runs: a big fetch's full collections walked all of it
    (main process of the bench fetch: 0.22 -> 0.15 CPU-s of GC). Thawed after, for a caller
    that goes on in the same process."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


@contextmanager
def _store(config: Config) -> Iterator[Store]:
    store = open_config_store(config)
    try:
        yield store
    finally:
        store.close()


