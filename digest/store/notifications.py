"""The notification ledger's table (SQLite): one row per (issue, channel).

Kept beside `sqlite.py` as a mixin so each file stays one subject. Like the e-mail ledger,
`attempts` counts the intents (`sending` rows) and the last status wins.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from ..models import DeliveryStatus, Notification


def ledger_rows(conn: sqlite3.Connection, table: str, order: str, issue: str | None,
                status: tuple[DeliveryStatus, ...]) -> list[sqlite3.Row]:
    """The rows of a ledger table (`delivery`, `notification`) of one issue or of all,
    optionally only those in `status`."""
    where, args = [], []
    if issue is not None:
        where.append("issue = ?")
        args.append(issue)
    if status:
        where.append(f"status IN ({','.join('?' * len(status))})")
        args.extend(status)
    sql = f"SELECT * FROM {table}" + (" WHERE " + " AND ".join(where) if where else "")
    return conn.execute(f"{sql} ORDER BY {order}", args).fetchall()


class NotificationTable:
    _conn: sqlite3.Connection

    def _tx(self) -> AbstractContextManager[None]:
        raise NotImplementedError

    def notification_states(self, issue: str) -> dict[str, DeliveryStatus]:
        """channel (lower-case, as the ledger's plan looks it up) → status."""
        rows = self._conn.execute("SELECT channel, status FROM notification WHERE issue = ?",
                                  (issue,)).fetchall()
        return {r["channel"].lower(): r["status"] for r in rows}

    def record_notification(self, n: Notification) -> None:
        if n.status == "planned":
            raise ValueError("a planned (dry-run) notification is never recorded")
        now = datetime.now().astimezone().isoformat()
        with self._tx():
            self._conn.execute(
                """INSERT INTO notification (issue, channel, status, error, sent, attempts, at)
                   VALUES (?,?,?,?,?,?,?)
                   ON CONFLICT(issue, channel) DO UPDATE SET status=excluded.status,
                       error=excluded.error, sent=coalesce(excluded.sent, notification.sent),
                       attempts=notification.attempts + excluded.attempts, at=excluded.at""",
                (n.issue, n.channel, n.status, n.error, n.sent, int(n.status == "sending"), now))

    def notifications(self, issue: str | None = None, *,
                      status: tuple[DeliveryStatus, ...] = ()) -> list[Notification]:
        """The notifications of one issue (or of all, newest issue first), optionally only
        those in `status`."""
        from ..models import Notification

        rows = ledger_rows(self._conn, "notification", "issue DESC, channel", issue, status)
        return [Notification(issue=r["issue"], channel=r["channel"], status=r["status"],
                             error=r["error"], sent=r["sent"]) for r in rows]
