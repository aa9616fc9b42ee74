"""The orchestrator: the only module that imports every stage.

    collect:  sources + fetch states → fetch → items → clean (every core) → store   (collect.py)
    build:    stored articles in the period → edit → Issue → render → publish (idempotent)
    run:      lock → collect → build → send → record the run and its manifest

The clock, the HTTP transport and the store are passed in, so tests need no monkeypatching.
Each stage is imported by the function that runs it, so a command pays only for the stages it
uses: `digest fetch` never loads the editor's numerical stack (scikit-learn, scipy, numpy), and
`digest status` loads no stage at all (tests/core/test_core_startup.py keeps it so).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import periods
from .collect import CollectReport, collect
from .configtypes import Config
from .errors import DigestError, Stopped, StoreError
from .models import Period
from .models.config import PLACEHOLDER_BASE_URL
from .periods import Clock, utcnow
from .quiet import (
    built_early,
    clock_behind,
    done,
    early_reason,
    empty_period_note,
    hold_reason,
    mark_quiet,
)
from .roster import configured_health, listed
from .store import IssueRecord, RunLock, Store, open_config_store

if TYPE_CHECKING:
    import httpx

    from .models import ArticleStatus, Delivery, Issue, Notification, Resend


log = logging.getLogger("digest")

Progress = Callable[[str], None]  # called with a stage name as each stage starts


@dataclass(frozen=True)
class BuildReport:
    issue: Issue
    folder: Path
    skipped: bool = False  # the issue existed and --force was not given


@dataclass(frozen=True)
class RunReport:
    period: Period
    collect: CollectReport | None
    build: BuildReport | None
    deliveries: tuple[Delivery, ...]
    manifest: dict[str, Any]
    noop: bool = False
    notifications: tuple[Notification, ...] = ()  # this run's, per channel (publish/notify.py)
    held: str | None = None  # why the issue was sent to nobody (quiet.hold_reason)
    explained: str | None = None  # why the default period is empty (quiet.empty_period_note)


def default_period(config: Config, clock: Clock = utcnow) -> Period:
    """The period a command means when none is given: the last complete ISO week."""
    return periods.last_complete_week(clock(), config.newsletter.timezone)


# ── build ────────────────────────────────────────────────────────────────────


def issue_exists(config: Config, record: IssueRecord | None) -> bool:
    """Whether the store's record of an issue (`store.issue(key)`) is built in `out/` too."""
    return record is not None and (config.output / "issues" / record.key / "index.html").exists()


def build(config: Config, period: Period, store: Store, *, failed: tuple[ArticleStatus, ...] = (),
          llm_transport: httpx.BaseTransport | None = None, clock: Clock = utcnow,
          timings: dict[str, float] | None = None, extra_files: dict[str, str] | None = None,
          progress: Progress | None = None) -> BuildReport:
    """Edit, render and publish the issue of `period` from what the store holds."""
    from .edit import edit_issue, remember, remember_explainer
    from .edit.settings import ContinuitySettings
    from .publish import build_site, built_issues, publish_issue
    from .render import render_issue

    timings = timings if timings is not None else {}
    note = progress or (lambda stage: None)
    note("edit")
    with _timed(timings, "edit"):
        states = store.source_health()
        articles, unlisted = listed(store.articles_for(period), config, states)
        with ExitStack() as stack:
            model = None
            if config.llm is not None:  # the editor's voice: a chat model behind edit's Model
                from .llm import ChatClient

                model = stack.enter_context(ChatClient(config.llm, transport=llm_transport))
            memory = store.story_memory(period.start, ContinuitySettings().issues) \
                if config.continuity else []
            explained = store.explainer_memory(period.start, config.explainer_memory) \
                if config.continuity else []
            issue = edit_issue(period, articles, newsletter=config.newsletter,
                               sources=config.sources, health=configured_health(config, states),
                               model=model, editor=config.editor, memory=memory,
                               explained=explained)
        if failed or unlisted:
            issue = replace(issue, articles=issue.articles + failed + unlisted)
        issue = mark_quiet(issue)
    note("render")
    with _timed(timings, "render"):
        # an update links the earlier issue only when it is in this output folder
        rendered = render_issue(issue, templates=config.templates,
                                linked=built_issues(config.output))
        if extra_files:
            rendered = replace(rendered, files={**rendered.files, **extra_files})
    note("publish")
    with _timed(timings, "publish"):
        folder = publish_issue(rendered, config.output, issue=issue, email=config.email,
                               templates=config.templates, now=clock())
        build_site(config.output, config.newsletter, templates=config.templates)
        if config.newsletter.base_url == PLACEHOLDER_BASE_URL:
            log.warning("newsletter.base_url is not set: the site's canonical links, its feeds "
                        "and sitemap point at the placeholder %s; set it to the address %s is "
                        "published at", PLACEHOLDER_BASE_URL, config.output)
        # Published: remember its stories and its Explainer (one transaction). They count once
        # the issue row below exists, so a build that never got here (or a crash before
        # save_issue) leaves no trace in them.
        store.remember_stories(issue.key, remember(issue, articles), remember_explainer(issue))
        store.save_issue(IssueRecord(key=issue.key, title=issue.title, period_start=period.start,
                                     period_end=period.end, built_at=clock(),
                                     stories=len(issue.stories)), config.digest)
    return BuildReport(issue=issue, folder=folder)


@contextmanager
def _timed(timings: dict[str, float], stage: str) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        timings[stage] = round(timings.get(stage, 0.0) + time.perf_counter() - started, 3)


# ── send ─────────────────────────────────────────────────────────────────────


def recipients_configured(config: Config) -> bool:
    return bool(config.email.recipients or config.email.recipients_file)


def _not_built(config: Config, key: str, store: Store) -> str:
    """Why issue `key` cannot be sent from the output folder: never built, or built with
    `--out` in another folder (which this names, with the command that sends it from there)."""
    from .manifest import last_build

    info = last_build(store.runs(50), key) if store.issue(key) else None
    folder = Path(str(info.get("output"))) if info and info.get("output") else None
    if folder and folder != config.output and (folder / "issues" / key / "issue.eml").exists():
        return (f"issue {key} was built in {folder} (with --out), not in {config.output}; "
                f"send it from there: digest send --period {key} --out {folder}")
    return f"issue {key} has not been built in {config.output}; run 'digest run' first"


def send(config: Config, key: str, store: Store, *, dry_run: bool = False,
         resend: Resend = "none") -> list[Delivery]:
    """Send a built issue to every recipient the delivery ledger allows: those never sent to
    and those that failed; those in doubt only with `resend` (see publish/ledger.py)."""
    if not (config.output / "issues" / key / "issue.eml").exists():
        raise DigestError(_not_built(config, key, store))
    from .publish import send_issue

    return send_issue(key, config.output, config.email, store, dry_run=dry_run, resend=resend)


# ── run ──────────────────────────────────────────────────────────────────────


def run(config: Config, period: Period | None = None, *, force: bool = False,
        resend: Resend = "none", fetch: bool = True, deliver: bool = True,
        transport: httpx.AsyncBaseTransport | None = None,
        llm_transport: httpx.BaseTransport | None = None, clock: Clock = utcnow,
        progress: Progress | None = None, command: str = "run",
        stop: Callable[[], bool] | None = None) -> RunReport:
    """The whole job for one period, under the run lock, recorded as a run with a manifest.
    `stop()` true (a scheduler asked to stop) cuts the fetch short; `progress` then ends the
    run at the next stage."""
    from . import manifest

    chosen, period = period, period or default_period(config, clock)
    note = progress or (lambda stage: None)
    with RunLock(config.database):
        store = open_config_store(config)
        behind = clock_behind(store.runs(1), clock())
        if behind:
            log.warning("%s", behind)
        run_id = store.start_run(command, period.key, clock())
        timings: dict[str, float] = {}
        try:
            now = clock()
            record = store.issue(period.key)
            if (issue_exists(config, record) and not force
                    and not built_early(record, period, now)):
                # Nothing is rebuilt or re-sent; recipients still pending (a failed send) are
                # retried, since that completes the run rather than repeating it.
                # (an issue built once its period had ended is complete, whatever the clock
                # says now: one set back made it "not ended yet", its pending sends held)
                held = (hold_reason(record.stories if record else 0, config.newsletter)
                        or (None if record is not None and done(record) else
                            early_reason(period, now, config.newsletter.timezone)))
                deliveries, notes = ((), ()) if held or not deliver else _deliver(
                    config, period.key, store, note, resend)
                info = manifest.noop(config, period, run_id)
                store.finish_run(run_id, "noop", clock(), manifest=manifest.dumps(info))
                return RunReport(period=period, collect=None, build=None, deliveries=deliveries,
                                 manifest=info, noop=True, notifications=notes, held=held)
            collected = None
            if fetch:
                note("fetch")
                with _timed(timings, "fetch+clean"):
                    collected = collect(config, store, transport=transport, clock=clock,
                                        stop=stop)
            draft = manifest.build(config, period, collected, None, timings, run_id)
            built = build(config, period, store, failed=collected.failed if collected else (),
                          llm_transport=llm_transport, clock=clock, timings=timings,
                          extra_files={"manifest.json": manifest.dumps(draft)}, progress=note)
            info = manifest.build(config, period, collected, built.issue, timings, run_id)
            held = (hold_reason(len(built.issue.stories), config.newsletter)
                    or early_reason(period, now, config.newsletter.timezone))
            if not held and deliver:  # the issue is built: its manifest says so before the
                # send, which a kill can cut short (it said "building" for good: the re-run
                # finds the issue built and writes no manifest)
                manifest.write(built.folder / "manifest.json", info)
            deliveries, notes = ((), ()) if held or not deliver else _deliver(
                config, period.key, store, note, resend)
            if deliveries or (recipients_configured(config) and deliver and not held):
                info["deliveries"] = [manifest.delivery(d) for d in deliveries]
            if notes:
                info["notifications"] = [manifest.delivery(n) for n in notes]
            if held:
                info["held"] = held
            manifest.write(built.folder / "manifest.json", manifest.published(info))
            store.finish_run(run_id, "ok", clock(), manifest=manifest.dumps(info))
            explained = (None if chosen is not None else
                         empty_period_note(store, period, built.issue, config.newsletter.timezone))
            return RunReport(period=period, collect=collected, build=built,
                             deliveries=deliveries, manifest=info, notifications=notes,
                             held=held, explained=explained)
        except BaseException as exc:
            status = ("interrupted" if isinstance(exc, (KeyboardInterrupt, Stopped))
                      else "failed")
            # A database that cannot be written (a full disk) cannot record this either; the
            # error that stopped the run is the one to report.
            with suppress(StoreError):
                store.finish_run(run_id, status, clock(), error=f"{type(exc).__name__}: {exc}")
            raise
        finally:
            store.close()


def notify(config: Config, key: str, store: Store, *, dry_run: bool = False,
           resend: Resend = "none") -> list[Notification]:
    """Send a built issue's brief to every channel the ledger allows (publish/notify.py)."""
    if not config.notify:
        return []
    from .publish.notify import notify_issue

    return notify_issue(key, config.output, config.notify, store, dry_run=dry_run,
                        resend=resend)


def _deliver(config: Config, key: str, store: Store, note: Progress,
             resend: Resend) -> tuple[tuple[Delivery, ...], tuple[Notification, ...]]:
    """The e-mails, then the notifications (a channel that fails is a value, never raised)."""
    note("send")
    mails = send(config, key, store, resend=resend) if recipients_configured(config) else []
    return tuple(mails), tuple(notify(config, key, store, resend=resend))
