"""The orchestrator: the only module that imports every stage.

    collect:  sources + fetch states → fetch → items → clean (every core) → store   (idempotent)
    build:    stored articles in the period → edit → Issue → render → publish (idempotent)
    run:      lock → collect → build → send → record the run and its manifest

The clock, the HTTP transport and the store are passed in, so tests need no monkeypatching.
Each stage is imported by the function that runs it, so a command pays only for the stages it
uses: `digest fetch` never loads the editor's numerical stack (scikit-learn, scipy, numpy), and
`digest status` loads no stage at all (tests/core/test_core_startup.py keeps it so).
"""

from __future__ import annotations

import logging
import sqlite3
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager, suppress
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from . import periods
from .configtypes import Config
from .errors import CleanError, DigestError, StoreError, internal_error
from .models import (
    Article,
    ArticleStatus,
    Delivery,
    FetchResult,
    Issue,
    Notification,
    Period,
    RawItem,
    Resend,
    SourceHealth,
)
from .quiet import empty_period_note, hold_reason, mark_quiet
from .store import IssueRecord, RunLock, Store, open_store

if TYPE_CHECKING:
    import httpx

    from .workers import Batch, Pool

log = logging.getLogger("digest")

_T = TypeVar("_T")
Clock = Callable[[], datetime]
Progress = Callable[[str], None]  # called with a stage name as each stage starts


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class CollectReport:
    results: tuple[FetchResult, ...]
    saved: dict[str, dict[str, int]]  # source → {"new": n, "updated": n, "unchanged": n}
    failed: tuple[ArticleStatus, ...]  # items that could not be read, cleaned or stored
    rules: dict[str, int] = field(default_factory=dict)  # cleaning rule → removals
    internal_errors: int = 0  # of the failed items, those that hit a bug (logged with traceback)


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


def open_config_store(config: Config) -> Store:
    """The config's store: its SQLite file, or its PostgreSQL database scoped to this
    newsletter (its issues, deliveries and runs; its sources' articles)."""
    return open_store(config.store_address, newsletter=config.newsletter.title,
                      sources=[s.name for s in config.sources])


# ── collect ──────────────────────────────────────────────────────────────────


STREAM_SOURCES = 20  # from this many sources on, items are cleaned while others are fetched


def collect(config: Config, store: Store, *, transport: httpx.AsyncBaseTransport | None = None,
            clock: Clock = utcnow) -> CollectReport:
    """Fetch every source, clean what is new or changed, and store it (one transaction a source).

    Whatever one item raises while it is read, cleaned or stored makes that item `failed`
    (with the reason) and nothing else; a source whose batch cannot be stored fails alone.
    Errors that are not an input's fault (the database itself) still end the run.

    A run of `STREAM_SOURCES` or more forks its cleaning workers before the first connection
    (the only moment that is safe: right after the fetch forked its parse workers) and hands
    each source's items to them as its feed arrives, so cleaning runs while the other feeds
    are on the wire; the batches are stored in the sources' order once every feed is in."""
    from .fetch import fetch_all
    from .workers import MIN_JOBS, Pool

    arrivals: dict[str, tuple[datetime, Batch[_ItemJob, _Cleaned]]] = {}
    with Pool(_clean_item) as pool:
        def arrived(result: FetchResult) -> None:
            if pool.started and result.items:
                now = clock()
                arrivals[result.source.name] = (now, pool.submit(_jobs(result, now)))

        streaming = len(config.sources) >= STREAM_SOURCES
        results = fetch_all(config.sources, store.fetch_states(), config.fetch,
                            transport=transport, clock=clock, known=store.has_item,
                            arrived=arrived if streaming else None,
                            ready=pool.start if streaming else None)
        if sum(len(r.items) for r in results) >= MIN_JOBS:
            pool.start()  # when not streaming: forked now that the fetch's threads are gone
        nows: list[datetime] = []
        batches: list[Batch[_ItemJob, _Cleaned]] = []
        for result in results:
            now, batch = arrivals.get(result.source.name) or (clock(), None)
            nows.append(now)
            batches.append(batch or pool.submit(_jobs(result, now)))
        return _save_all(store, results, nows, pool, batches)


def store_fetched(store: Store, results: list[FetchResult], nows: list[datetime], *,
                  inline: bool = False) -> CollectReport:
    """Clean the fetched items and store each source's batch (one transaction a source), on
    every core; a fetch worker (digest/distributed), one feed at a time, cleans `inline`."""
    from .workers import MIN_JOBS, Pool

    with Pool(_clean_item) as pool:
        if not inline and sum(len(r.items) for r in results) >= MIN_JOBS:
            pool.start()
        batches = [pool.submit(_jobs(r, now)) for r, now in zip(results, nows, strict=True)]
        return _save_all(store, results, nows, pool, batches)


def _jobs(result: FetchResult, now: datetime) -> list[_ItemJob]:
    return [_ItemJob(item, result.source.newsletter, now) for item in result.items]


def _save_all(store: Store, results: list[FetchResult], nows: list[datetime],
              pool: Pool[_ItemJob, _Cleaned], batches: list[Batch[_ItemJob, _Cleaned]]
              ) -> CollectReport:
    """Each source's cleaning answers (its items' articles or what cleaning raised, in
    order) stored source by source."""
    saved: dict[str, dict[str, int]] = {}
    tally = _Failures()
    rules: Counter[str] = Counter()
    for result, now, batch in zip(results, nows, batches, strict=True):
        name = result.source.name
        answers = pool.answers(batch)
        for entry in result.failed:  # entries the fetch stage could not read
            tally.add(entry.url, entry.title, name, None, entry.reason)
        articles: list[tuple[Article, str]] = []
        for item in result.items:
            try:
                cleaned = _value(next(answers))
            except CleanError as exc:
                log.warning("%s: cannot clean %s: %s", name, item.url, exc)
                tally.add(item.url, item.title, name, item.published, str(exc))
            except Exception as exc:  # a bug or an input nobody foresaw: this item only
                tally.add(item.url, item.title, name, item.published,
                          tally.bug(exc, f"{name}: cleaning {item.url}"))
            else:
                articles.extend(cleaned)
                rules.update(r.rule for a, _ in cleaned for r in a.removed)
        try:
            report = store.save_fetch(result, articles, now)
        except (DigestError, sqlite3.OperationalError):
            raise  # the database cannot take anything: no issue can be built from it
        except Exception as exc:  # this source's batch only
            reason = tally.bug(exc, f"{name}: storing the source")
            for article, _ in articles:
                tally.add(article.url, article.title, name, article.published,
                          f"not stored: its source could not be saved ({reason})")
            continue
        for article, error in report.failed:
            tally.add(article.url, article.title, name, article.published,
                      "cannot store: " + tally.bug(error, f"{name}: storing {article.url}"))
        saved[name] = {str(k): v for k, v in report.counts.items()}  # Literal keys → str
        log.info("%s: %s, %d item(s), %s", name, result.status, len(result.items),
                 saved[name] or "nothing new")
    return CollectReport(results=tuple(results), saved=saved, failed=tuple(tally.failed),
                         rules=dict(rules), internal_errors=tally.internal_errors)


@dataclass
class _Failures:
    """The failed items of a collect, and how many of them were bugs rather than bad input."""

    failed: list[ArticleStatus] = field(default_factory=list)
    internal_errors: int = 0

    def add(self, url: str, title: str, source: str, published: datetime | None,
            reason: str) -> None:
        self.failed.append(ArticleStatus(url=url, title=title, source=source,
                                         published=published, language="en", status="failed",
                                         reason=reason))

    def bug(self, exc: Exception, where: str) -> str:
        """A programming error: logged with its traceback and counted; returns the reason."""
        log.error("internal error while %s", where, exc_info=(type(exc), exc, exc.__traceback__))
        self.internal_errors += 1
        return internal_error(exc)


def probe(config: Config, *, transport: httpx.AsyncBaseTransport | None = None,
          clock: Clock = utcnow) -> list[SourceHealth]:
    """Fetch every source once, from scratch, storing nothing: is each one reachable and a feed?"""
    from .fetch import fetch_all

    results = fetch_all(config.sources, {}, config.fetch, transport=transport, clock=clock)
    return [SourceHealth(name=r.source.name, url=r.state.url, status=r.status, error=r.error,
                         items=len(r.items), http_status=r.http_status,
                         consecutive_failures=r.state.failures, seconds=r.seconds)
            for r in results]


@dataclass(frozen=True)
class _ItemJob:
    """What cleaning one item needs (sent to a worker process)."""

    item: RawItem
    newsletter: bool  # the source is an email newsletter: strip greeting and sign-off
    now: datetime


def _value(answer: _T | Exception) -> _T:
    """A worker's answer, or what the job raised, raised here."""
    if isinstance(answer, Exception):
        raise answer
    return answer


_Cleaned = list[tuple[Article, str]]  # an item's articles, each with its store key


def _clean_item(job: _ItemJob) -> _Cleaned:
    """One fetched item → its article, plus any second article the page had glued on, each
    with its store key. The page's URL key names the page's own article; an appended one is
    keyed `<page key>#appended-N` (canonical_key drops fragments, so without the suffix the
    second article would overwrite the first)."""
    from .clean import clean
    from .fetch.urls import canonical_key
    from .text import content_hash, detect_language

    item, now = job.item, job.now
    page = clean(item.content, item.url, text=item.content_type == "text",
                 newsletter=job.newsletter)
    out: list[tuple[Article, str]] = []
    page_key = canonical_key(item.canonical_url or page.canonical_url or item.url)
    for n, part in enumerate((page, *page.appended)):
        paragraphs = part.paragraphs or ((item.summary,) if item.summary and n == 0 else ())
        if not paragraphs:
            continue
        suffix = "" if n == 0 else f"#appended-{n}"
        published = (item.published if n == 0 else None) or part.published or page.published or now
        title = (item.title if n == 0 else "") or part.title or item.title or item.url
        out.append((Article(
            source=item.source, guid=item.guid + suffix, url=item.url + suffix,
            title=title, paragraphs=paragraphs, published=published, first_seen=now,
            content_hash=content_hash(paragraphs),
            canonical_url=None if n else (item.canonical_url or part.canonical_url),
            author=item.author or part.author, language=part.language or detect_language(
                " ".join(paragraphs)), image=part.image, removed=part.removed if n == 0 else (),
        ), page_key + suffix))
    if not out:
        raise CleanError("no article text left after cleaning")
    return out


# ── build ────────────────────────────────────────────────────────────────────


def issue_exists(config: Config, store: Store, key: str) -> bool:
    return store.issue(key) is not None and (config.output / "issues" / key / "index.html").exists()


def build(config: Config, period: Period, store: Store, *, failed: tuple[ArticleStatus, ...] = (),
          llm_transport: httpx.BaseTransport | None = None, clock: Clock = utcnow,
          timings: dict[str, float] | None = None, extra_files: dict[str, str] | None = None,
          progress: Progress | None = None) -> BuildReport:
    """Edit, render and publish the issue of `period` from what the store holds."""
    from .edit import edit_issue, remember
    from .edit.settings import ContinuitySettings
    from .publish import build_site, publish_issue
    from .render import render_issue

    timings = timings if timings is not None else {}
    note = progress or (lambda stage: None)
    note("edit")
    with _timed(timings, "edit"):
        articles = store.articles_for(period)
        with ExitStack() as stack:
            model = None
            if config.llm is not None:  # the editor's voice: a chat model behind edit's Model
                from .llm import ChatClient

                model = stack.enter_context(ChatClient(config.llm, transport=llm_transport))
            memory = store.story_memory(period.start, ContinuitySettings().issues) \
                if config.continuity else []
            issue = edit_issue(period, articles, newsletter=config.newsletter,
                               sources=config.sources, health=_health(config, store),
                               model=model, editor=config.editor, memory=memory)
        if failed:
            issue = replace(issue, articles=issue.articles + failed)
        issue = mark_quiet(issue)
    note("render")
    with _timed(timings, "render"):
        rendered = render_issue(issue, templates=config.templates)
        if extra_files:
            rendered = replace(rendered, files={**rendered.files, **extra_files})
    note("publish")
    with _timed(timings, "publish"):
        folder = publish_issue(rendered, config.output, issue=issue, email=config.email,
                               templates=config.templates)
        build_site(config.output, config.newsletter, templates=config.templates)
        # Published: remember its stories. They count once the issue row below exists, so a
        # build that never got here (or a crash before save_issue) leaves no trace in them.
        store.remember_stories(issue.key, remember(issue, articles))
        store.save_issue(IssueRecord(key=issue.key, title=issue.title, period_start=period.start,
                                     period_end=period.end, built_at=clock(),
                                     stories=len(issue.stories)), config.digest)
    return BuildReport(issue=issue, folder=folder)


def _health(config: Config, store: Store) -> list[SourceHealth]:
    """Health of the configured sources, in config order; never-fetched ones say so."""
    known = {h.name: h for h in store.source_health()}
    return [known.get(s.name) or SourceHealth(name=s.name, url=s.url, status="error",
                                              error="not fetched yet")
            for s in config.sources]


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


def send(config: Config, key: str, store: Store, *, dry_run: bool = False,
         resend: Resend = "none") -> list[Delivery]:
    """Send a built issue to every recipient the delivery ledger allows: those never sent to
    and those that failed; those in doubt only with `resend` (see publish/ledger.py)."""
    if not (config.output / "issues" / key / "issue.eml").exists():
        raise DigestError(f"issue {key} has not been built in {config.output}; run 'digest run' first")
    from .publish import send_issue

    return send_issue(key, config.output, config.email, store, dry_run=dry_run, resend=resend)


# ── run ──────────────────────────────────────────────────────────────────────


def run(config: Config, period: Period | None = None, *, force: bool = False,
        resend: Resend = "none", fetch: bool = True, deliver: bool = True,
        transport: httpx.AsyncBaseTransport | None = None,
        llm_transport: httpx.BaseTransport | None = None, clock: Clock = utcnow,
        progress: Progress | None = None, command: str = "run") -> RunReport:
    """The whole job for one period, under the run lock, recorded as a run with a manifest."""
    from . import manifest

    chosen, period = period, period or default_period(config, clock)
    note = progress or (lambda stage: None)
    with RunLock(config.database):
        store = open_config_store(config)
        run_id = store.start_run(command, period.key, clock())
        timings: dict[str, float] = {}
        try:
            if issue_exists(config, store, period.key) and not force:
                # Nothing is rebuilt or re-sent; recipients still pending (a failed send) are
                # retried, since that completes the run rather than repeating it.
                record = store.issue(period.key)
                held = hold_reason(record.stories if record else 0, config.newsletter)
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
                    collected = collect(config, store, transport=transport, clock=clock)
            draft = manifest.build(config, period, collected, None, timings, run_id)
            built = build(config, period, store, failed=collected.failed if collected else (),
                          llm_transport=llm_transport, clock=clock, timings=timings,
                          extra_files={"manifest.json": manifest.dumps(draft)}, progress=note)
            info = manifest.build(config, period, collected, built.issue, timings, run_id)
            held = hold_reason(len(built.issue.stories), config.newsletter)
            deliveries, notes = ((), ()) if held or not deliver else _deliver(
                config, period.key, store, note, resend)
            if deliveries or (recipients_configured(config) and deliver and not held):
                info["deliveries"] = [manifest.delivery(d) for d in deliveries]
            if notes:
                info["notifications"] = [manifest.delivery(n) for n in notes]
            if held:
                info["held"] = held
            manifest.write(built.folder / "manifest.json", info)
            store.finish_run(run_id, "ok", clock(), manifest=manifest.dumps(info))
            explained = (None if chosen is not None else
                         empty_period_note(store, period, built.issue, config.newsletter.timezone))
            return RunReport(period=period, collect=collected, build=built,
                             deliveries=deliveries, manifest=info, notifications=notes,
                             held=held, explained=explained)
        except BaseException as exc:
            status = "interrupted" if isinstance(exc, KeyboardInterrupt) else "failed"
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
