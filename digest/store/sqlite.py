"""SQLite implementation of the Store protocol.

Every write that belongs together is one transaction (a source's new state and its articles),
so a crash or Ctrl-C leaves the database as it was after the last whole source. WAL mode lets
`digest status` read while a run writes.
"""

from __future__ import annotations

import contextlib
import json
import math
import sqlite3
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from ..errors import StoreError
from ..models import (
    Article,
    Delivery,
    DeliveryStatus,
    FetchResult,
    FetchState,
    Period,
    Removal,
    SourceHealth,
    StoryMemory,
)
from . import migrations
from .base import IssueRecord, RunRecord, SaveOutcome, SaveReport
from .notifications import NotificationTable, ledger_rows


def _ts(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _req_dt(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _epoch(value: datetime) -> int:
    """A query bound in the unit of the indexed twins (`published_s`, `first_seen_s`): whole
    UTC seconds. The twins themselves are always SQLite's `strftime('%s', <stored text>)`
    (migration 3 and every write), which rounds fractions to milliseconds first."""
    return math.floor(value.timestamp())


_EPOCH_OF = "CAST(strftime('%s', ?) AS INTEGER)"  # SQL: the twin of an ISO time parameter


class SQLiteStore(NotificationTable):
    """The default store: one SQLite file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(str(path), timeout=30, isolation_level=None)
            self._conn.row_factory = sqlite3.Row
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA foreign_keys=ON")
            self._conn.execute("PRAGMA busy_timeout=30000")
            migrations.apply(self._conn)
        except (sqlite3.Error, OSError, RuntimeError) as exc:
            raise StoreError(f"cannot open the database {path}: {exc}") from exc

    # ── transactions ─────────────────────────────────────────────────────
    def _tx(self) -> _Transaction:
        return _Transaction(self._conn, self.path)

    def close(self) -> None:
        self._conn.close()

    # ── sources ──────────────────────────────────────────────────────────
    def fetch_states(self) -> dict[str, FetchState]:
        rows = self._conn.execute("SELECT * FROM source_state").fetchall()
        return {
            r["name"]: FetchState(
                source=r["name"], url=r["url"], etag=r["etag"], last_modified=r["last_modified"],
                not_before=_dt(r["not_before"]), failures=r["failures"],
                disabled=bool(r["disabled"]), last_status=r["last_status"],
                last_error=r["last_error"], last_http_status=r["last_http_status"],
            )
            for r in rows
        }

    def source_health(self) -> list[SourceHealth]:
        rows = self._conn.execute("SELECT * FROM source_state ORDER BY name").fetchall()
        return [
            SourceHealth(
                name=r["name"], url=r["url"], status=r["last_status"] or "error",
                error=r["last_error"], items=r["items"], new_items=r["new_items"],
                http_status=r["last_http_status"], consecutive_failures=r["failures"],
                seconds=r["seconds"],
            )
            for r in rows
        ]

    def enable_source(self, name: str) -> FetchState | None:
        """Clear a source's 410 Gone and Retry-After marks (and its failure count); return its
        state as it was, None when it has none."""
        before = self.fetch_states().get(name)
        if before is not None:
            with self._tx():
                self._conn.execute("UPDATE source_state SET disabled = 0, not_before = NULL, "
                                   "failures = 0 WHERE name = ?", (name,))
        return before

    def has_item(self, source: str, guid: str) -> bool:
        row = self._conn.execute(
            "SELECT 1 FROM article WHERE source = ? AND guid = ?", (source, guid)
        ).fetchone()
        return row is not None

    def save_fetch(self, result: FetchResult, articles: list[tuple[Article, str]],
                   now: datetime) -> SaveReport:
        """Store a source's new state and its cleaned articles in one transaction.

        `articles` pairs each article with its URL key (canonical, tracking parameters
        dropped): an article is the same when its GUID, then its URL key, then (within the
        source) its content hash matches a stored one. Each article has its own savepoint:
        one that cannot be stored (a value SQLite refuses, say) is rolled back alone and
        reported in `SaveReport.failed`. A failure of the database itself
        (`sqlite3.OperationalError`: disk full, I/O error) still rolls back the whole source.
        """
        counts: Counter[SaveOutcome] = Counter()
        failed: list[tuple[Article, Exception]] = []
        with self._tx():
            for article, url_key in articles:
                self._conn.execute("SAVEPOINT article")
                try:
                    counts[self._save_article(article, url_key, now)] += 1
                except sqlite3.OperationalError:
                    raise  # the database's failure, not this article's
                except Exception as exc:
                    self._conn.execute("ROLLBACK TO article")
                    failed.append((article, exc))
                self._conn.execute("RELEASE article")
            s = result.state
            self._conn.execute(
                """INSERT INTO source_state (name, url, etag, last_modified, not_before, failures,
                       disabled, last_status, last_error, last_http_status, items, new_items,
                       seconds, checked_at)
                   VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                   ON CONFLICT(name) DO UPDATE SET url=excluded.url, etag=excluded.etag,
                       last_modified=excluded.last_modified, not_before=excluded.not_before,
                       failures=excluded.failures, disabled=excluded.disabled,
                       last_status=excluded.last_status, last_error=excluded.last_error,
                       last_http_status=excluded.last_http_status, items=excluded.items,
                       new_items=excluded.new_items, seconds=excluded.seconds,
                       checked_at=excluded.checked_at""",
                (result.source.name, s.url, s.etag, s.last_modified, _ts(s.not_before),
                 s.failures, int(s.disabled), result.status, result.error, result.http_status,
                 len(result.items), counts["new"], result.seconds, _ts(now)),
            )
        return SaveReport(dict(counts), tuple(failed))

    def _save_article(self, a: Article, url_key: str, now: datetime) -> SaveOutcome:
        row = (
            self._conn.execute("SELECT * FROM article WHERE source = ? AND guid = ?",
                               (a.source, a.guid)).fetchone()
            or self._conn.execute("SELECT * FROM article WHERE url_key = ?", (url_key,)).fetchone()
            or self._conn.execute("SELECT * FROM article WHERE source = ? AND content_hash = ?",
                                  (a.source, a.content_hash)).fetchone()
        )
        paragraphs = json.dumps(list(a.paragraphs), ensure_ascii=False)
        removed = json.dumps([[r.rule, r.text] for r in a.removed], ensure_ascii=False)
        if row is None:
            self._conn.execute(
                """INSERT INTO article (source, guid, url, url_key, canonical_url, title,
                       paragraphs, published, first_seen, updated_at, content_hash, author,
                       language, image, removed, published_s, first_seen_s)
                   VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,""" f"{_EPOCH_OF},{_EPOCH_OF})",
                (a.source, a.guid, a.url, url_key, a.canonical_url, a.title, paragraphs,
                 _ts(a.published), _ts(a.first_seen), _ts(now), a.content_hash, a.author,
                 a.language, a.image, removed, _ts(a.published), _ts(a.first_seen)),
            )
            return "new"
        if row["content_hash"] == a.content_hash and row["title"] == a.title:
            return "unchanged"
        # A changed article is updated in place: it keeps its first-seen time, and a
        # fallback publication date (first_seen) never overwrites a real one.
        published = row["published"] if a.published == a.first_seen else _ts(a.published)
        self._conn.execute(
            f"""UPDATE article SET title=?, paragraphs=?, content_hash=?, published=?,
                   published_s={_EPOCH_OF}, updated_at=?, author=?, language=?, image=?,
                   removed=?, canonical_url=?
               WHERE id=?""",
            (a.title, paragraphs, a.content_hash, published, published, _ts(now), a.author,
             a.language, a.image, removed, a.canonical_url, row["id"]),
        )
        return "updated"

    # ── articles ─────────────────────────────────────────────────────────
    def articles_for(self, period: Period) -> list[Article]:
        """Articles near the period, for the editor to sort out.

        Those published or first seen in the period, plus those published within one period
        length before or after it: the editor marks those `out_of_window`, so a reader of
        issue.json sees the near misses (a late-arriving item, a feed's old entries) and the
        answer does not depend on the day the issue is built.

        Two index ranges (epoch seconds, a second of slack) find the candidates, so the cost
        follows the period's articles, not the history (bench/store.py); the exact times decide.
        """
        margin = period.end - period.start
        wide = Period(key=period.key, start=period.start - margin, end=period.end + margin)
        rows = self._conn.execute(
            """SELECT * FROM article
               WHERE published_s >= ? AND published_s <= ?
                  OR first_seen_s >= ? AND first_seen_s <= ?
               ORDER BY id""",
            (_epoch(wide.start) - 1, _epoch(wide.end) + 1,
             _epoch(period.start) - 1, _epoch(period.end) + 1),
        ).fetchall()
        out: list[Article] = []
        for r in rows:
            published = _req_dt(r["published"])
            first_seen = _req_dt(r["first_seen"])
            if not (wide.contains(published) or period.contains(first_seen)):
                continue
            out.append(Article(
                id=r["id"], source=r["source"], guid=r["guid"], url=r["url"], title=r["title"],
                paragraphs=tuple(json.loads(r["paragraphs"])), published=published,
                first_seen=first_seen, content_hash=r["content_hash"],
                canonical_url=r["canonical_url"], author=r["author"], language=r["language"],
                image=r["image"],
                removed=tuple(Removal(rule, text) for rule, text in json.loads(r["removed"])),
            ))
        return out

    def count_articles(self) -> int:
        return int(self._conn.execute("SELECT COUNT(*) FROM article").fetchone()[0])

    def newest_published(self) -> datetime | None:
        """The publication time of the newest article dated by its source (None: there is none).
        An undated article is stamped with the time it was first seen, so it does not count."""
        row = self._conn.execute(
            """SELECT published FROM article WHERE published_s < first_seen_s
               ORDER BY published_s DESC, id DESC LIMIT 1""").fetchone()
        return _req_dt(row["published"]) if row else None

    # ── issues ───────────────────────────────────────────────────────────
    def issue(self, key: str) -> IssueRecord | None:
        r = self._conn.execute("SELECT * FROM issue WHERE key = ?", (key,)).fetchone()
        return self._issue(r) if r else None

    def issues(self) -> list[IssueRecord]:
        rows = self._conn.execute("SELECT * FROM issue ORDER BY period_start DESC").fetchall()
        return [self._issue(r) for r in rows]

    @staticmethod
    def _issue(r: sqlite3.Row) -> IssueRecord:
        return IssueRecord(key=r["key"], title=r["title"], period_start=_req_dt(r["period_start"]),
                           period_end=_req_dt(r["period_end"]), built_at=_req_dt(r["built_at"]),
                           stories=r["stories"])

    def save_issue(self, record: IssueRecord, config_digest: str) -> None:
        with self._tx():
            self._conn.execute(
                """INSERT INTO issue (key, title, period_start, period_end, built_at, stories,
                       config_digest) VALUES (?,?,?,?,?,?,?)
                   ON CONFLICT(key) DO UPDATE SET title=excluded.title,
                       built_at=excluded.built_at, stories=excluded.stories,
                       config_digest=excluded.config_digest""",
                (record.key, record.title, _ts(record.period_start), _ts(record.period_end),
                 _ts(record.built_at), record.stories, config_digest),
            )

    # ── continuity ───────────────────────────────────────────────────────
    def remember_stories(self, issue: str, stories: Sequence[StoryMemory]) -> None:
        """Replace what is remembered of `issue`'s stories (a rebuild replaces, never adds)."""
        def js(values: tuple[str, ...]) -> str:
            return json.dumps(list(values), ensure_ascii=False)

        with self._tx():
            self._conn.execute("DELETE FROM issue_story WHERE issue = ?", (issue,))
            self._conn.executemany(
                "INSERT INTO issue_story (issue, rank, headline, articles, anchors, said) "
                "VALUES (?,?,?,?,?,?)",
                [(issue, m.rank, m.headline, js(m.articles), js(m.anchors), js(m.said))
                 for m in stories])

    def story_memory(self, before: datetime, issues: int) -> list[StoryMemory]:
        """The stories of the newest `issues` saved issues whose period ended by `before`,
        newest issue first, each issue's in rank order."""
        done = sorted((r for r in self.issues() if r.period_end <= before),
                      key=lambda r: r.period_end, reverse=True)
        keys = [r.key for r in done][:max(0, issues)]
        if not keys:
            return []
        rows = self._conn.execute(
            f"SELECT * FROM issue_story WHERE issue IN ({','.join('?' * len(keys))})",
            keys).fetchall()
        order = {k: i for i, k in enumerate(keys)}
        rows = sorted(rows, key=lambda r: (order[r["issue"]], r["rank"]))
        return [StoryMemory(issue=r["issue"], rank=r["rank"], headline=r["headline"],
                            articles=tuple(json.loads(r["articles"])),
                            anchors=tuple(json.loads(r["anchors"])),
                            said=tuple(json.loads(r["said"]))) for r in rows]

    # ── deliveries ───────────────────────────────────────────────────────
    def delivery_states(self, issue: str) -> dict[str, DeliveryStatus]:
        rows = self._conn.execute("SELECT recipient, status FROM delivery WHERE issue = ?",
                                  (issue,)).fetchall()
        return {r["recipient"]: r["status"] for r in rows}

    def record_delivery(self, delivery: Delivery) -> None:
        """Insert or update the (issue, recipient) row; `attempts` counts the intents."""
        if delivery.status == "planned":
            raise ValueError("a planned (dry-run) delivery is never recorded")
        now = datetime.now().astimezone().isoformat()
        attempt = int(delivery.status == "sending")
        with self._tx():
            self._conn.execute(
                """INSERT INTO delivery (issue, recipient, ok, status, error, message_id,
                       attempts, at)
                   VALUES (?,?,?,?,?,?,?,?)
                   ON CONFLICT(issue, recipient) DO UPDATE SET ok=excluded.ok,
                       status=excluded.status, error=excluded.error,
                       message_id=excluded.message_id,
                       attempts=delivery.attempts + excluded.attempts, at=excluded.at""",
                (delivery.issue, delivery.recipient.lower(), int(delivery.ok), delivery.status,
                 delivery.error, delivery.message_id, attempt, now),
            )

    def deliveries(self, issue: str | None = None, *,
                   status: tuple[DeliveryStatus, ...] = ()) -> list[Delivery]:
        """The deliveries of one issue (or of all), optionally only those in `status`."""
        rows = ledger_rows(self._conn, "delivery", "issue, recipient", issue, status)
        return [Delivery(issue=r["issue"], recipient=r["recipient"], status=r["status"],
                         error=r["error"], message_id=r["message_id"]) for r in rows]

    # ── runs ─────────────────────────────────────────────────────────────
    def start_run(self, command: str, period: str | None, now: datetime) -> int:
        with self._tx():
            # A run still marked 'running' was killed: say so instead of leaving it open.
            self._conn.execute("UPDATE run SET status='interrupted' WHERE status='running'")
            cur = self._conn.execute(
                "INSERT INTO run (command, period, started_at, status) VALUES (?,?,?,'running')",
                (command, period, _ts(now)),
            )
        return int(cur.lastrowid or 0)

    def finish_run(self, run_id: int, status: str, now: datetime, *, error: str | None = None,
                   manifest: str | None = None) -> None:
        with self._tx():
            self._conn.execute(
                "UPDATE run SET status=?, finished_at=?, error=?, manifest=? WHERE id=?",
                (status, _ts(now), error, manifest, run_id),
            )

    def runs(self, limit: int = 10) -> list[RunRecord]:
        rows = self._conn.execute("SELECT * FROM run ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        return [RunRecord(id=r["id"], command=r["command"], period=r["period"],
                          started_at=_req_dt(r["started_at"]), finished_at=_dt(r["finished_at"]),
                          status=r["status"], error=r["error"], manifest=r["manifest"])
                for r in rows]


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any exception (KeyboardInterrupt included).

    A failure of the database itself (disk full, I/O error, locked too long) becomes one
    StoreError naming the file, so the command line can say what happened in one line."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self._path = path

    def __enter__(self) -> None:
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise _write_error(self._path, exc) from exc

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        if exc_type is None:
            try:
                self._conn.execute("COMMIT")
                return
            except sqlite3.Error as failure:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.execute("ROLLBACK")
                raise _write_error(self._path, failure) from failure
        with contextlib.suppress(sqlite3.Error):  # SQLite may have rolled back on its own
            self._conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.OperationalError):
            raise _write_error(self._path, exc) from exc


# What a person can do about the database failing, by SQLite's primary result code.
_HINTS = {
    "SQLITE_FULL": "the disk holding it is full: free some space, then run again; nothing of "
                   "this step was saved",
    "SQLITE_IOERR": "the disk holding it failed to write",
    "SQLITE_READONLY": "it is read-only for this user",
    "SQLITE_BUSY": "another process kept it locked",
}


def _write_error(path: Path, exc: sqlite3.Error) -> StoreError:
    primary = "_".join(str(getattr(exc, "sqlite_errorname", "")).split("_")[:2])
    hint = _HINTS.get(primary)
    return StoreError(f"cannot write the database {path}: {exc}" + (f" ({hint})" if hint else ""))
