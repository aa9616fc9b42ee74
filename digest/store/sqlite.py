"""SQLite implementation of the Store protocol.

Every write that belongs together is one transaction (a source's new state and its articles),
so a crash or Ctrl-C leaves the database as it was after the last whole source. WAL mode lets
`digest status` read while a run writes.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import StoreError
from ..models import Article, FetchResult, FetchState, Period
from . import migrations, rows
from .base import IssueRecord, RunRecord, SaveOutcome, SaveReport
from .notifications import NotificationTable, ledger_rows
from .sqlitewrites import Checkpoints, Transaction

if TYPE_CHECKING:
    from ..models import Delivery, DeliveryStatus, ExplainerMemory, SourceHealth, StoryMemory
    from .batch import Matches

_ts = rows.ts
# The twins themselves are always SQLite's `strftime('%s', <stored text>)` (migration 3 and
# every write), which rounds fractions to milliseconds first; readers allow a second of slack.
_EPOCH_OF = "CAST(strftime('%s', ?) AS INTEGER)"  # SQL: the twin of an ISO time parameter
_INSERT = rows.INSERT_ARTICLE.format(twins=f"{_EPOCH_OF},{_EPOCH_OF}")
_UPDATE = rows.UPDATE_ARTICLE.format(twin=_EPOCH_OF)


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
            self._checkpoints = Checkpoints(self._conn, path)
        except (sqlite3.Error, OSError, RuntimeError) as exc:
            raise StoreError(f"cannot open the database {path}: {exc}") from exc

    # ── transactions ─────────────────────────────────────────────────────
    def _tx(self, *, durable: bool = True) -> Transaction:
        return Transaction(self._conn, self.path, durable=durable)

    def saving_fetches(self) -> AbstractContextManager[object]:
        """While a fetch saves source after source (`save_fetch`), its WAL is checkpointed
        by a thread of its own instead of by the commit that fills it (`Checkpoints`)."""
        return self._checkpoints.active()

    def close(self) -> None:
        self._conn.close()

    # ── sources ──────────────────────────────────────────────────────────
    def fetch_states(self) -> dict[str, FetchState]:
        found = self._conn.execute("SELECT * FROM source_state").fetchall()
        return {r["name"]: rows.state(r) for r in found}

    def source_health(self) -> list[SourceHealth]:
        found = self._conn.execute("SELECT * FROM source_state ORDER BY name").fetchall()
        return [rows.health(r) for r in found]

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
        source) its content hash matches a stored one. An article that cannot be stored (a
        value SQLite refuses, say) is left out alone and reported in `SaveReport.failed`:
        storing one is a single INSERT or UPDATE (after reads), and SQLite undoes a failed
        statement by itself, so it needs no savepoint of its own (two statements less an
        article). A failure of the database itself (`sqlite3.OperationalError`: disk full,
        I/O error) still rolls back the whole source.
        """
        from .batch import Matches, sqlite_select  # (a run of 304s stores no article)

        counts: Counter[SaveOutcome] = Counter()
        failed: list[tuple[Article, Exception]] = []
        written = 0  # characters of paragraph text (as JSON) the batch writes
        # Fetched articles can be fetched again, and the source's state is in the same
        # transaction: this commit need not wait for the disk (see sqlitewrites.Transaction).
        with self._tx(durable=False):
            matches = Matches.read(sqlite_select(self._conn), articles)
            updated_at = now.isoformat()
            for article, url_key in articles:
                try:
                    outcome, text = self._save_article(article, url_key, updated_at, matches)
                except sqlite3.OperationalError:
                    raise  # the database's failure, not this article's
                except Exception as exc:
                    failed.append((article, exc))
                else:
                    counts[outcome] += 1
                    written += text
            self._conn.execute(rows.SAVE_STATE, rows.state_values(result, counts["new"], now))
        self._checkpoints.committed(written)
        return SaveReport(dict(counts), tuple(failed))

    def save_states(self, results: Sequence[tuple[FetchResult, datetime]]) -> None:
        """The new states of sources that brought no article (each `save_fetch(result, [],
        now)` would store the same), in one transaction: a warm fetch's 500 unchanged sources
        were 500 commits."""
        with self._tx(durable=False):  # (as save_fetch's: fetched again if a power cut loses it)
            self._conn.executemany(rows.SAVE_STATE, [rows.state_values(result, 0, now)
                                                     for result, now in results])

    def _save_article(self, a: Article, url_key: str, updated_at: str,
                      matches: Matches) -> tuple[SaveOutcome, int]:
        """One article: matched (GUID, else URL key, else content hash and title: see batch.py), then
        its one write (save_fetch relies on there being one), entered in `matches`; with the
        length of the paragraphs' JSON it wrote (the WAL's checkpoints are paced by it)."""
        row = matches.find(a, url_key)
        if row is None:
            values = rows.article_values(a, url_key, updated_at)
            # the twins are computed in SQL from the ISO times (values 7 and 8)
            cursor = self._conn.execute(_INSERT, (*values, values[7], values[8]))
            assert cursor.lastrowid is not None
            matches.insert(cursor.lastrowid, a, url_key, values[7])
            return "new", len(values[6])
        update = rows.update_values(row.row(), a, updated_at, twin=str)  # SQL takes ISO time
        if update is None:
            return "unchanged", 0
        self._conn.execute(_UPDATE, update)
        matches.updated(row, a.content_hash, a.title, update[3])
        return "updated", len(update[1])

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
        wide, bounds = rows.windows(period)
        found = self._conn.execute(
            """SELECT * FROM article
               WHERE published_s >= ? AND published_s <= ?
                  OR first_seen_s >= ? AND first_seen_s <= ?
               ORDER BY id""", bounds).fetchall()
        return rows.candidates(period, wide, found)

    def count_articles(self) -> int:
        return int(self._conn.execute("SELECT COUNT(*) FROM article").fetchone()[0])

    def newest_published(self) -> datetime | None:
        """The publication time of the newest article dated by its source (None: there is none).
        An undated article is stamped with the time it was first seen, so it does not count."""
        row = self._conn.execute(
            """SELECT published FROM article WHERE published_s < first_seen_s
               ORDER BY published_s DESC, id DESC LIMIT 1""").fetchone()
        return rows.req_dt(row["published"]) if row else None

    # ── issues ───────────────────────────────────────────────────────────
    def issue(self, key: str) -> IssueRecord | None:
        r = self._conn.execute("SELECT * FROM issue WHERE key = ?", (key,)).fetchone()
        return rows.issue(r) if r else None

    def issues(self) -> list[IssueRecord]:
        found = self._conn.execute("SELECT * FROM issue ORDER BY period_start DESC").fetchall()
        return [rows.issue(r) for r in found]

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
    def remember_stories(self, issue: str, stories: Sequence[StoryMemory],
                         explainer: ExplainerMemory | None = None) -> None:
        """Replace what is remembered of `issue`'s stories and Explainer, in one transaction
        (a rebuild replaces, never adds)."""
        with self._tx():
            self._conn.execute("DELETE FROM issue_story WHERE issue = ?", (issue,))
            self._conn.executemany(
                "INSERT INTO issue_story (issue, rank, headline, articles, anchors, said) "
                "VALUES (?,?,?,?,?,?)",
                [rows.memory_values(issue, m) for m in stories])
            self._conn.execute("DELETE FROM issue_explainer WHERE issue = ?", (issue,))
            if explainer is not None:
                self._conn.execute("INSERT INTO issue_explainer (issue, entity, aliases) "
                                   "VALUES (?,?,?)", rows.explainer_values(issue, explainer))

    def story_memory(self, before: datetime, issues: int) -> list[StoryMemory]:
        """The stories of the newest `issues` saved issues whose period ended by `before`,
        newest issue first, each issue's in rank order."""
        keys = rows.remembered(self.issues(), before, issues)
        if not keys:
            return []
        found = self._conn.execute(
            f"SELECT * FROM issue_story WHERE issue IN ({','.join('?' * len(keys))})",
            keys).fetchall()
        order = {k: i for i, k in enumerate(keys)}
        return [rows.memory(r) for r in sorted(found, key=lambda r: (order[r["issue"]],
                                                                      r["rank"]))]

    def explainer_memory(self, before: datetime, issues: int) -> list[ExplainerMemory]:
        """The Explainers of the newest `issues` saved issues whose period ended by `before`,
        newest first (an issue that printed none has none)."""
        keys = rows.remembered(self.issues(), before, issues)
        if not keys:
            return []
        found = self._conn.execute(
            f"SELECT * FROM issue_explainer WHERE issue IN ({','.join('?' * len(keys))})",
            keys).fetchall()
        order = {k: i for i, k in enumerate(keys)}
        return [rows.explainer(r) for r in sorted(found, key=lambda r: order[r["issue"]])]

    # ── deliveries ───────────────────────────────────────────────────────
    def delivery_states(self, issue: str) -> dict[str, DeliveryStatus]:
        found = self._conn.execute("SELECT recipient, status FROM delivery WHERE issue = ?",
                                   (issue,)).fetchall()
        return {r["recipient"]: r["status"] for r in found}

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
        from ..models import Delivery

        found = ledger_rows(self._conn, "delivery", "issue, recipient", issue, status)
        return [Delivery(issue=r["issue"], recipient=r["recipient"], status=r["status"],
                         error=r["error"], message_id=r["message_id"]) for r in found]

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
        found = self._conn.execute("SELECT * FROM run ORDER BY id DESC LIMIT ?",
                                   (limit,)).fetchall()
        return [rows.run(r) for r in found]
