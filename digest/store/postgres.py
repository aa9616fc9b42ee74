"""PostgreSQL implementation of the Store protocol (`pip install 'digest[postgres]'`).

Chosen by `database: postgresql://user@host/db` in the config; the password comes from the
environment ($PGPASSWORD) or ~/.pgpass, as libpq reads them, never from the file. The schema is
`pgschema.py`, applied at open like SQLite's. The rules are SQLite's (`sqlite.py`): one
transaction a source, matched as a batch (`batch.py`, written by `pgwrite.py`), the same
identity of an article (GUID, then URL key, then content hash in the source) and the same rows
handed to the editor.

One database can hold several newsletters: `newsletter` scopes issues, deliveries and runs;
`sources` (the config's source names) scopes the articles a build reads. Feeds and articles are
shared, so a feed two newsletters follow is fetched and stored once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import datetime
from typing import Any

import psycopg
from psycopg.rows import dict_row

from .. import models
from ..errors import StoreError
from ..models import (
    Article,
    Delivery,
    DeliveryStatus,
    ExplainerMemory,
    FetchResult,
    Notification,
    Period,
    StoryMemory,
)
from . import pgschema, pgwrite, rows
from .base import IssueRecord, RunRecord, SaveOutcome, SaveReport
from .rows import ts

Row = dict[str, Any]
_SAVE_STATE = rows.SAVE_STATE.replace("?", "%s")  # a source's state (save_fetch, save_states)

def connect(url: str) -> psycopg.Connection[Row]:
    """An autocommit connection in UTC; StoreError (with the URL, never a password) if refused."""
    try:
        conn = psycopg.connect(url, autocommit=True, row_factory=dict_row,
                               options="-c TimeZone=UTC")
    except psycopg.Error as exc:
        raise StoreError(f"cannot open the database {url}: {exc}".strip()) from exc
    return conn


class PostgresStore:
    """The shared store: one PostgreSQL database, any number of processes and machines."""

    def __init__(self, url: str, *, newsletter: str = "",
                 sources: Sequence[str] | None = None) -> None:
        self.url = url
        self.newsletter = newsletter
        self.sources = tuple(sources) if sources is not None else None
        self._conn = connect(url)
        try:
            pgschema.apply(self._conn)
        except (psycopg.Error, RuntimeError) as exc:
            self._conn.close()
            raise StoreError(f"cannot open the database {url}: {exc}") from exc

    @contextmanager
    def _tx(self) -> Iterator[None]:
        """One transaction; a failure of the database itself becomes one StoreError."""
        try:
            with self._conn.transaction():
                yield
        except psycopg.OperationalError as exc:
            raise StoreError(f"cannot write the database {self.url}: {exc}") from exc

    def _all(self, sql: str, args: Sequence[Any] = ()) -> list[Row]:
        return self._conn.execute(sql, args).fetchall()  # type: ignore[arg-type]

    def _one(self, sql: str, args: Sequence[Any] = ()) -> Row | None:
        return self._conn.execute(sql, args).fetchone()  # type: ignore[arg-type]

    def saving_fetches(self) -> AbstractContextManager[object]:
        return nullcontext()  # (the server writes its own checkpoints)

    def close(self) -> None:
        self._conn.close()

    def __del__(self) -> None:  # like a sqlite3 connection, a forgotten store closes quietly
        conn = getattr(self, "_conn", None)
        if conn is not None:
            conn.close()

    # ── sources ──────────────────────────────────────────────────────────
    def fetch_states(self) -> dict[str, models.FetchState]:
        return {r["name"]: rows.state(r) for r in self._all("SELECT * FROM source_state")}

    def fetch_state(self, name: str) -> models.FetchState | None:
        row = self._one("SELECT * FROM source_state WHERE name = %s", (name,))
        return rows.state(row) if row else None

    def source_health(self) -> list[models.SourceHealth]:
        found = self._all('SELECT * FROM source_state ORDER BY name COLLATE "C"')
        return [rows.health(r) for r in found]

    def enable_source(self, name: str) -> models.FetchState | None:
        """Clear a source's 410 Gone and Retry-After marks and failure count; its state before
        (None when it has none, and then nothing changes)."""
        before = self.fetch_state(name)
        self._conn.execute("UPDATE source_state SET disabled = FALSE, not_before = NULL, "
                           "failures = 0 WHERE name = %s", (name,))  # autocommit: one statement
        return before

    def has_item(self, source: str, guid: str) -> bool:
        return self._one("SELECT 1 FROM article WHERE source = %s AND guid = %s",
                         (source, guid)) is not None

    def save_fetch(self, result: FetchResult, articles: list[tuple[Article, str]],
                   now: datetime) -> SaveReport:
        """The source's new state and its articles in one transaction, matched and written
        as a batch (pgwrite.py; an article the database refuses is left out alone, as
        SQLiteStore.save_fetch leaves it). Writers on other machines may store the same page
        from another feed at the same moment: each URL key is locked for the transaction, in
        sorted order, before the batch reads what it matches, so the second one finds the
        first one's row."""
        counts: Counter[SaveOutcome] = Counter()
        failed: list[tuple[Article, Exception]] = []
        with self._tx():
            if articles:  # one statement; a volatile function is called after the sort
                self._conn.execute(
                    "SELECT pg_advisory_xact_lock(hashtextextended(k, 0)) "
                    "FROM unnest(%s::text[]) WITH ORDINALITY AS u(k, n) ORDER BY n",
                    (sorted({url_key for _, url_key in articles}),))
                counts, failed = pgwrite.save_articles(self._conn, articles, now)
            self._conn.execute(_SAVE_STATE,
                               rows.state_values(result, counts["new"], now))
        return SaveReport(dict(counts), tuple(failed))

    def save_states(self, results: Sequence[tuple[FetchResult, datetime]]) -> None:
        """The new states of sources that brought no article, in one transaction (as
        SQLiteStore.save_states)."""
        with self._tx():
            for result, now in results:
                self._conn.execute(_SAVE_STATE,
                                   rows.state_values(result, 0, now))

    # ── articles ─────────────────────────────────────────────────────────
    def articles_for(self, period: Period) -> list[Article]:
        """The period's candidates, as SQLiteStore.articles_for finds them (two index ranges
        with a second of slack, then the exact times), from this newsletter's sources."""
        wide, bounds = rows.windows(period)
        scope, args = self._scope()
        args = [*bounds, *args]
        return rows.candidates(period, wide, self._all(
            "SELECT * FROM article WHERE (published_s BETWEEN %s AND %s "
            "OR first_seen_s BETWEEN %s AND %s)" + scope + " ORDER BY id", args))

    def newest_published(self) -> datetime | None:
        """The publication time of the newest article dated by its source, of this
        newsletter's sources (see SQLiteStore.newest_published)."""
        scope, args = self._scope()
        row = self._one("SELECT published FROM article WHERE published_s < first_seen_s" + scope
                        + " ORDER BY published_s DESC, id DESC LIMIT 1", args)
        return rows.req_dt(row["published"]) if row else None

    def _scope(self) -> tuple[str, list[Any]]:
        """The SQL condition (and its argument) keeping this newsletter's sources' articles."""
        if self.sources is None:
            return "", []
        return " AND source = ANY(%s)", [list(self.sources)]

    def count_articles(self) -> int:
        row = self._one("SELECT count(*) AS n FROM article")
        return int(row["n"]) if row else 0

    # ── issues ───────────────────────────────────────────────────────────
    def issue(self, key: str) -> IssueRecord | None:
        r = self._one("SELECT * FROM issue WHERE newsletter = %s AND key = %s",
                      (self.newsletter, key))
        return rows.issue(r) if r else None

    def issues(self) -> list[IssueRecord]:
        return [rows.issue(r) for r in self._all(
            'SELECT * FROM issue WHERE newsletter = %s ORDER BY period_start COLLATE "C" DESC',
            (self.newsletter,))]

    def save_issue(self, record: IssueRecord, config_digest: str) -> None:
        with self._tx():
            self._conn.execute(
                """INSERT INTO issue (newsletter, key, title, period_start, period_end, built_at,
                       stories, config_digest) VALUES (%s,%s,%s,%s,%s,%s,%s,%s)
                   ON CONFLICT (newsletter, key) DO UPDATE SET title=excluded.title,
                       built_at=excluded.built_at, stories=excluded.stories,
                       config_digest=excluded.config_digest""",
                (self.newsletter, record.key, record.title, ts(record.period_start),
                 ts(record.period_end), ts(record.built_at), record.stories, config_digest),
            )

    # ── continuity ───────────────────────────────────────────────────────
    def remember_stories(self, issue: str, stories: Sequence[StoryMemory],
                         explainer: ExplainerMemory | None = None) -> None:
        """Replace what is remembered of this newsletter's `issue`, its stories and its
        Explainer, in one transaction (a rebuild replaces)."""
        with self._tx():
            self._conn.execute("DELETE FROM issue_story WHERE newsletter = %s AND issue = %s",
                               (self.newsletter, issue))
            with self._conn.cursor() as cur:
                cur.executemany("INSERT INTO issue_story (newsletter, issue, rank, headline, "
                                "articles, anchors, said) VALUES (%s,%s,%s,%s,%s,%s,%s)",
                                [(self.newsletter, *rows.memory_values(issue, m))
                                 for m in stories])
            self._conn.execute("DELETE FROM issue_explainer WHERE newsletter = %s AND "
                               "issue = %s", (self.newsletter, issue))
            if explainer is not None:
                self._conn.execute("INSERT INTO issue_explainer (newsletter, issue, entity, "
                                   "aliases) VALUES (%s,%s,%s,%s)",
                                   (self.newsletter, *rows.explainer_values(issue, explainer)))

    def story_memory(self, before: datetime, issues: int) -> list[StoryMemory]:
        """The stories of the newest `issues` saved issues of this newsletter whose period
        ended by `before`, newest issue first, each issue's in rank order."""
        keys = rows.remembered(self.issues(), before, issues)
        order = {k: i for i, k in enumerate(keys)}
        found = self._all("SELECT * FROM issue_story WHERE newsletter = %s AND issue = ANY(%s)",
                          (self.newsletter, keys)) if keys else []
        return [rows.memory(r) for r in sorted(found, key=lambda r: (order[r["issue"]],
                                                                      r["rank"]))]

    def explainer_memory(self, before: datetime, issues: int) -> list[ExplainerMemory]:
        """The Explainers of the newest `issues` saved issues of this newsletter whose period
        ended by `before`, newest first."""
        keys = rows.remembered(self.issues(), before, issues)
        order = {k: i for i, k in enumerate(keys)}
        found = self._all("SELECT * FROM issue_explainer WHERE newsletter = %s AND "
                          "issue = ANY(%s)", (self.newsletter, keys)) if keys else []
        return [rows.explainer(r) for r in sorted(found, key=lambda r: order[r["issue"]])]

    # ── deliveries ───────────────────────────────────────────────────────
    def delivery_states(self, issue: str) -> dict[str, DeliveryStatus]:
        rows = self._all("SELECT recipient, status FROM delivery WHERE newsletter = %s "
                         "AND issue = %s", (self.newsletter, issue))
        return {r["recipient"]: r["status"] for r in rows}

    def record_delivery(self, delivery: Delivery) -> None:
        """Insert or update the (issue, recipient) row; `attempts` counts the intents."""
        self._record("delivery", delivery.status,
                     """INSERT INTO delivery (newsletter, issue, recipient, ok, status, error,
                            message_id, attempts, at) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s)
                        ON CONFLICT (newsletter, issue, recipient) DO UPDATE SET ok=excluded.ok,
                            status=excluded.status, error=excluded.error,
                            message_id=excluded.message_id,
                            attempts=delivery.attempts + excluded.attempts, at=excluded.at""",
                     (delivery.issue, delivery.recipient.lower(), delivery.ok, delivery.status,
                      delivery.error, delivery.message_id))

    def deliveries(self, issue: str | None = None, *,
                   status: tuple[DeliveryStatus, ...] = ()) -> list[Delivery]:
        return [Delivery(issue=r["issue"], recipient=r["recipient"], status=r["status"],
                         error=r["error"], message_id=r["message_id"])
                for r in self._ledger("delivery", 'issue COLLATE "C", recipient COLLATE "C"',
                                      issue, status)]

    # ── notifications ────────────────────────────────────────────────────
    def notification_states(self, issue: str) -> dict[str, DeliveryStatus]:
        """channel (lower-case, as the ledger's plan looks it up) → status."""
        found = self._all("SELECT channel, status FROM notification WHERE newsletter = %s "
                          "AND issue = %s", (self.newsletter, issue))
        return {r["channel"].lower(): r["status"] for r in found}

    def record_notification(self, n: Notification) -> None:
        """Insert or update the (issue, channel) row; `attempts` counts the intents."""
        self._record("notification", n.status,
                     """INSERT INTO notification (newsletter, issue, channel, status, error, sent,
                            attempts, at) VALUES (%s,%s,%s,%s,%s,%s,%s,%s)
                        ON CONFLICT (newsletter, issue, channel) DO UPDATE SET
                            status=excluded.status, error=excluded.error,
                            sent=coalesce(excluded.sent, notification.sent),
                            attempts=notification.attempts + excluded.attempts,
                            at=excluded.at""",
                     (n.issue, n.channel, n.status, n.error, n.sent))

    def _record(self, what: str, status: str, sql: str, values: tuple[Any, ...]) -> None:
        """A ledger row (delivery, notification): this newsletter's, with its intents counted
        (a `sending` row is one more attempt) and the time it was written."""
        if status == "planned":
            raise ValueError(f"a planned (dry-run) {what} is never recorded")
        stamp = datetime.now().astimezone().isoformat()
        with self._tx():
            self._conn.execute(sql, (self.newsletter, *values, int(status == "sending"), stamp))

    def notifications(self, issue: str | None = None, *,
                      status: tuple[DeliveryStatus, ...] = ()) -> list[Notification]:
        return [Notification(issue=r["issue"], channel=r["channel"], status=r["status"],
                             error=r["error"], sent=r["sent"])
                for r in self._ledger("notification", 'issue COLLATE "C" DESC, channel COLLATE "C"',
                                     issue, status)]

    def _ledger(self, table: str, order: str, issue: str | None,
                status: tuple[DeliveryStatus, ...]) -> list[Row]:
        """This newsletter's rows of a ledger table (`delivery`, `notification`), of one issue
        or of all, optionally only those in `status`. Text sorts as SQLite sorts it, byte by
        byte (COLLATE "C"), whatever the database's locale."""
        sql, args = f"SELECT * FROM {table} WHERE newsletter = %s", [self.newsletter]
        if issue is not None:
            sql += " AND issue = %s"
            args.append(issue)
        if status:
            sql += " AND status = ANY(%s)"
            args.append(list(status))  # type: ignore[arg-type]
        return self._all(f"{sql} ORDER BY {order}", args)

    # ── runs ─────────────────────────────────────────────────────────────
    def start_run(self, command: str, period: str | None, now: datetime) -> int:
        with self._tx():
            # a run of this newsletter still 'running' was killed: say so
            self._conn.execute("UPDATE run SET status='interrupted' WHERE newsletter = %s "
                               "AND status='running'", (self.newsletter,))
            row = self._one("INSERT INTO run (newsletter, command, period, started_at, status) "
                            "VALUES (%s,%s,%s,%s,'running') RETURNING id",
                            (self.newsletter, command, period, ts(now)))
        return int(row["id"]) if row else 0

    def finish_run(self, run_id: int, status: str, now: datetime, *, error: str | None = None,
                   manifest: str | None = None) -> None:
        with self._tx():
            self._conn.execute("UPDATE run SET status=%s, finished_at=%s, error=%s, manifest=%s "
                               "WHERE id=%s", (status, ts(now), error, manifest, run_id))

    def runs(self, limit: int = 10) -> list[RunRecord]:
        found = self._all("SELECT * FROM run WHERE newsletter = %s ORDER BY id DESC LIMIT %s",
                          (self.newsletter, limit))
        return [rows.run(r) for r in found]
