"""Storing what a collect fetched and cleaned: each source's batch in one transaction, in the
sources' order, as soon as it and every source before it are cleaned (`Saver`), and what
failed on the way (`Failures`). `collect` runs it."""

from __future__ import annotations

import logging
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar, cast

from .errors import CleanError, DigestError, internal_error
from .models import Article, FetchResult, RawItem
from .store import SaveReport, Store

if TYPE_CHECKING:
    from .collect import _ItemJob
    from .models import ArticleStatus
    from .workers import Batch, Pool

log = logging.getLogger("digest")

_T = TypeVar("_T")
Cleaned = list[tuple[Article, str]]  # an item's articles, each with its store key
SAVE_STEP = 2  # sources stored at most when one arrives (the rest catch up on later arrivals)


def source_line(result: FetchResult, saved: dict[str, int]) -> str:
    """One source's outcome as the log says it: "Harbor Ledger: ok, 5 item(s), 6 new, 1
    updated"; "…: error (HTTP 404 Not Found), 0 item(s), nothing new"."""
    status = f"{result.status} ({result.error})" if result.error else result.status
    counts = ", ".join(f"{n} {kind}" for kind, n in saved.items() if n and kind != "unchanged")
    return f"{result.source.name}: {status}, {len(result.items)} item(s), {counts or 'nothing new'}"


def _level(result: FetchResult, saved: dict[str, int]) -> int:
    """A failed source warns; one that brought something new is news (INFO); one with nothing
    new is detail (DEBUG, `-v`): a run over 500 unchanged feeds says nothing per feed (it said
    "Harbor Ledger: not_modified, 0 item(s), nothing new" 500 times, which `digest fetch`
    printed on stdout as well)."""
    if result.status == "error":
        return logging.WARNING
    return logging.INFO if _brought(saved) else logging.DEBUG


def _brought(saved: dict[str, int]) -> int:
    """Articles a source brought: new or updated (not those stored unchanged)."""
    return sum(n for kind, n in saved.items() if kind != "unchanged")


def fetch_lines(report: CollectReport, *, every: bool = False) -> list[str]:
    """What `digest fetch` tells a person: the line (`source_line`) of each source that
    brought something, failed or carries a note, then one line for the run ("Fetched 500
    sources: 3 brought 12 new article(s), 1 failed, 496 had nothing new (490 not modified
    since the last fetch)."); with `every` (`-v`), every source's line. A cron job over 500
    unchanged feeds printed 500 lines."""
    out: list[str] = []
    brought = failed = new = 0
    for r in report.results:
        saved = report.saved.get(r.source.name, {})
        got = _brought(saved)
        brought += bool(got)
        failed += r.status == "error"
        new += saved.get("new", 0)
        if every or got or r.error or r.status == "error":
            out.append(source_line(r, saved))
    skipped = sum(r.status == "skipped" for r in report.results)
    quiet = len(report.results) - brought - failed - skipped
    unchanged = sum(r.status == "not_modified" for r in report.results)
    parts = [f"{brought} brought {new} new article(s)" if brought else "none brought anything new"]
    parts += [f"{failed} failed"] if failed else []
    # disabled (410 Gone) or told to wait: not fetched at all, which "nothing new" hid
    parts += [f"{skipped} skipped"] if skipped else []
    parts += [f"{quiet} had nothing new"] if quiet and brought else []
    n = len(report.results)
    out.append(f"Fetched {n} source{'s' if n != 1 else ''}: " + ", ".join(parts)
               + (f" ({unchanged} not modified since the last fetch)." if unchanged else "."))
    return out


@dataclass(frozen=True)
class CollectReport:
    """What a collect fetched, stored and could not read, clean or store."""

    results: tuple[FetchResult, ...]
    saved: dict[str, dict[str, int]]  # source → {"new": n, "updated": n, "unchanged": n}
    failed: tuple[ArticleStatus, ...]  # items that could not be read, cleaned or stored
    rules: dict[str, int] = field(default_factory=dict)  # cleaning rule → removals
    internal_errors: int = 0  # of the failed items, those that hit a bug (logged with traceback)

    @property
    def every_source_failed(self) -> bool:
        """Whether there were sources and none of them answered (the network down, a proxy
        refusing everything): `digest fetch` exits 1 then, so cron and systemd see it; one
        source that answered, or skipped sources, are a run that worked."""
        return bool(self.results) and all(r.status == "error" for r in self.results)


class Saver:
    """Each source's cleaning answers (its items' articles or what cleaning raised, in
    order) stored source by source, in the sources' order, each as soon as it and every
    source before it are cleaned: during the fetch, storing overlaps the cleaning of the
    sources after it (the parse workers take them in this order, see parsepool)."""

    def __init__(self, store: Store, pool: Pool[_ItemJob, Cleaned], names: list[str]) -> None:
        self.store, self.pool, self.names = store, pool, names
        self.waiting: dict[str, tuple[FetchResult, datetime, Batch[_ItemJob, Cleaned]]] = {}
        self.added: set[str] = set()
        self.next = 0  # the place of the next source to store
        self.saved: dict[str, dict[str, int]] = {}
        self.tally = Failures()
        self.rules: Counter[str] = Counter()
        self.fatal: Exception | None = None

    def has(self, result: FetchResult) -> bool:
        return result.source.name in self.added

    def add(self, result: FetchResult, now: datetime, batch: Batch[_ItemJob, Cleaned]) -> None:
        self.added.add(result.source.name)
        self.waiting[result.source.name] = (result, now, batch)

    def save(self, *, wait: bool) -> None:
        """Store the sources that are next in order and ready (all of them: `wait`; else in
        at most `SAVE_STEP` transactions, so the fetch's event loop, which hands the parse
        workers their jobs, is never held up long). A run of them that brought nothing to
        clean (a 304, a failure: `_quiet`) is stored in one transaction."""
        steps = 0
        while self.fatal is None and self.next < len(self.names) and (wait or steps < SAVE_STEP):
            entries = self._quiet()
            if not entries:  # the next source has items: stored once they are cleaned
                entry = self.waiting.get(self.names[self.next])
                if entry is None or not (wait or self.pool.done(entry[2])):
                    return
                entries = [entry]
            for result, _, _ in entries:
                del self.waiting[result.source.name]
            self.next += len(entries)
            steps += 1
            try:
                if entries[0][0].items:
                    self._save(*entries[0])
                else:
                    self._save_quiet(entries)
            except (DigestError, sqlite3.OperationalError) as exc:
                if wait:
                    raise
                self.fatal = exc  # (raised by `check`, outside the fetch's callback)

    def _quiet(self) -> list[tuple[FetchResult, datetime, Batch[_ItemJob, Cleaned]]]:
        """The sources next in order that arrived with no item: nothing to clean or wait for,
        only their state to store. A warm fetch's 500 unchanged sources were 500 commits of a
        state each (~0.1 ms: 53 ms of its event loop); 2-3 dozen now."""
        run = []
        for place in range(self.next, len(self.names)):
            entry = self.waiting.get(self.names[place])
            if entry is None or entry[0].items:
                break
            run.append(entry)
        return run

    def _save_quiet(self, entries: list[tuple[FetchResult, datetime,
                                              Batch[_ItemJob, Cleaned]]]) -> None:
        try:
            self.store.save_states([(result, now) for result, now, _ in entries])
        except (DigestError, sqlite3.OperationalError):
            raise
        except Exception:  # (a bug: rolled back; each stored on its own, so it stays its own)
            for entry in entries:
                self._save(*entry)
            return
        for result, _, _ in entries:
            self._fetch_failures(result)
            self._stored(result, SaveReport({}))

    def check(self) -> None:
        if self.fatal is not None:
            raise self.fatal

    def _save(self, result: FetchResult, now: datetime,
              batch: Batch[_ItemJob, Cleaned]) -> None:
        name, tally = result.source.name, self.tally
        answers = self.pool.answers(batch)
        self._fetch_failures(result)
        articles: list[tuple[Article, str]] = []
        for item in result.items:
            try:
                cleaned = value(next(answers) if item.finished is None else answer(item))
            except CleanError as exc:
                log.warning("%s: cannot clean %s: %s", name, item.url, exc)
                tally.add(item.url, item.title, name, item.published, str(exc))
            except Exception as exc:  # a bug or an input nobody foresaw: this item only
                tally.add(item.url, item.title, name, item.published,
                          tally.bug(exc, f"{name}: cleaning {item.url}"))
            else:
                articles.extend(cleaned)
                self.rules.update(r.rule for a, _ in cleaned for r in a.removed)
        try:
            report = self.store.save_fetch(result, articles, now)
        except (DigestError, sqlite3.OperationalError):
            raise  # the database cannot take anything: no issue can be built from it
        except Exception as exc:  # this source's batch only
            reason = tally.bug(exc, f"{name}: storing the source")
            for article, _ in articles:
                tally.add(article.url, article.title, name, article.published,
                          f"not stored: its source could not be saved ({reason})")
            return
        self._stored(result, report)

    def _fetch_failures(self, result: FetchResult) -> None:
        for entry in result.failed:  # entries the fetch stage could not read
            self.tally.add(entry.url, entry.title, result.source.name, None, entry.reason)

    def _stored(self, result: FetchResult, report: SaveReport) -> None:
        name, tally = result.source.name, self.tally
        for article, error in report.failed:
            tally.add(article.url, article.title, name, article.published,
                      "cannot store: " + tally.bug(error, f"{name}: storing {article.url}"))
        self.saved[name] = {str(k): v for k, v in report.counts.items()}  # Literal keys → str
        log.log(_level(result, self.saved[name]), "%s", source_line(result, self.saved[name]))

    def report(self, results: list[FetchResult]) -> CollectReport:
        return CollectReport(results=tuple(results), saved=self.saved,
                             failed=tuple(self.tally.failed), rules=dict(self.rules),
                             internal_errors=self.tally.internal_errors)


@dataclass
class Failures:
    """The failed items of a collect, and how many of them were bugs rather than bad input."""

    failed: list[ArticleStatus] = field(default_factory=list)
    internal_errors: int = 0

    def add(self, url: str, title: str, source: str, published: datetime | None,
            reason: str) -> None:
        from .models import ArticleStatus

        self.failed.append(ArticleStatus(url=url, title=title, source=source,
                                         published=published, language="en", status="failed",
                                         reason=reason))

    def bug(self, exc: Exception, where: str) -> str:
        """A programming error: logged with its traceback and counted; returns the reason."""
        log.error("internal error while %s", where, exc_info=(type(exc), exc, exc.__traceback__))
        self.internal_errors += 1
        return internal_error(exc)


def value(answer: _T | Exception) -> _T:
    """A worker's answer, or what the job raised, raised here."""
    if isinstance(answer, Exception):
        raise answer
    return answer


def answer(item: RawItem) -> Cleaned | Exception:
    """What cleaning made of an item where its feed was parsed (`_clean_items`)."""
    finished = item.finished
    if not isinstance(finished, (list, Exception)):
        raise TypeError(f"not a cleaning answer: {type(finished).__name__}")
    return cast("Cleaned | Exception", finished)
