"""A source's articles written to PostgreSQL: matched as SQLite matches them (batch.py: three
`= ANY` queries a source instead of one a row), then written in two pipelined statement lists.

A savepoint and a lookup an article cost most of saving a cold fetch to PostgreSQL (10,000
articles: 27.8 s where SQLite took 4.3 s, bench/backends.py), each a round trip or more. Here
the batch's writes are decided first, in order, each seeing those before it exactly as the
database would have (`Matches`); the rows it inserts get their ids from the table's own
sequence in one query, in the batch's order, so the lowest-id-first rule of matching holds as
it did; then the INSERTs and UPDATEs go in `executemany` (one pipeline each).

The batch runs under one savepoint. When it fails for an article's fault (a value the database
refuses), the savepoint undoes it and the batch is written again an article a savepoint, so
that article is left out alone and the others are stored, as before. A failure of the database
itself (`psycopg.OperationalError`) or an interruption rolls back the source's transaction.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
from psycopg.rows import tuple_row

from ..models import Article
from . import rows
from .base import SaveOutcome
from .batch import COLUMNS, Matches, Select, Stored
from .rows import epoch

# Provisional ids of the rows a batch inserts, above any real one (a BIGINT identity), so they
# sort after every stored row and in the batch's order, as the ids they get will.
_PENDING = 1 << 62
_NEXT_IDS = ("SELECT nextval(pg_get_serial_sequence('article', 'id')) "
             "FROM generate_series(1, %s)")
_INSERT = rows.INSERT_ARTICLE.format(twins="?,?").replace(
    "INSERT INTO article (", "INSERT INTO article (id, ").replace(
    "VALUES (", "OVERRIDING SYSTEM VALUE VALUES (?,").replace("?", "%s")
_UPDATE = rows.UPDATE_ARTICLE.format(twin="?").replace("?", "%s")


def pg_select(conn: psycopg.Connection[Any]) -> Select:
    """`Select` for PostgreSQL: one `= ANY(array)` query, by the same indexes. Never prepared:
    psycopg prepares a statement run five times, and the server's generic plan, costed while
    the table was small, scanned it whole as it grew (a cold fetch of 10,000 articles spent
    4.4 s in these reads prepared, 0.5 s planned each time)."""
    cursor = conn.cursor(row_factory=tuple_row)

    def select(column: str, source: str | None, values: list[str]) -> Iterable[Sequence[Any]]:
        if not values:
            return []
        if source is None:
            return cursor.execute(f"SELECT {COLUMNS} FROM article WHERE {column} = ANY(%s)",
                                  (values,), prepare=False).fetchall()
        return cursor.execute(f"SELECT {COLUMNS} FROM article WHERE source = %s AND "
                              f"{column} = ANY(%s)", (source, values), prepare=False).fetchall()
    return select


@dataclass(frozen=True)
class _Write:
    """One article's write: its outcome, the INSERT values but the id (`new`, whose row is
    `stored`) or the UPDATE values (the row's id last); none when unchanged."""

    outcome: SaveOutcome
    values: tuple[Any, ...] = ()
    stored: Stored | None = None


def save_articles(conn: psycopg.Connection[Any], articles: Sequence[tuple[Article, str]],
                  now: datetime) -> tuple[Counter[SaveOutcome], list[tuple[Article, Exception]]]:
    """Store a source's articles inside the caller's transaction: the outcomes, and the
    articles the database refused (each with its exception)."""
    select = pg_select(conn)
    try:
        with conn.transaction():
            return _write(conn, articles, now, Matches.read(select, articles)), []
    except psycopg.OperationalError:
        raise  # the database's failure, not an article's
    except Exception:  # some article's fault: found below, one at a time
        pass
    counts: Counter[SaveOutcome] = Counter()
    failed: list[tuple[Article, Exception]] = []
    matches = Matches.read(select, articles)
    for pair in articles:
        try:
            with conn.transaction():
                counts.update(_write(conn, [pair], now, matches))
        except psycopg.OperationalError:
            raise
        except Exception as exc:
            failed.append((pair[0], exc))
            matches = Matches.read(select, articles)  # as the savepoint's rollback left them
    return counts, failed


def _write(conn: psycopg.Connection[Any], articles: Sequence[tuple[Article, str]],
           now: datetime, matches: Matches) -> Counter[SaveOutcome]:
    """Decide every article's write in order (entering each in `matches`, a new row under a
    provisional id), give the new rows their ids, then send the writes."""
    writes: list[_Write] = []
    new: list[_Write] = []
    updated_at = now.isoformat()
    for a, url_key in articles:
        writes.append(_decide(a, url_key, updated_at, matches, _PENDING + len(new)))
        if writes[-1].stored is not None:
            new.append(writes[-1])
    cursor = conn.cursor(row_factory=tuple_row)
    ids = sorted(r[0] for r in cursor.execute(_NEXT_IDS, (len(new),))) if new else []
    for w, row_id in zip(new, ids, strict=True):
        assert w.stored is not None
        w.stored.id = row_id  # still sorted: above every stored row, in the batch's order
    if new:
        cursor.executemany(_INSERT, [(w.stored.id, *w.values) for w in new if w.stored])
    updates = [(*w.values[:-1], ids[w.values[-1] - _PENDING] if w.values[-1] >= _PENDING
                else w.values[-1]) for w in writes if w.outcome == "updated"]
    if updates:
        cursor.executemany(_UPDATE, updates)
    return Counter(w.outcome for w in writes)


def _decide(a: Article, url_key: str, updated_at: str, matches: Matches,
            pending: int) -> _Write:
    """The article's write, entered in `matches` as the database will hold it once sent (a new
    row under the provisional id `pending`)."""
    row = matches.find(a, url_key)
    if row is None:
        values = (*rows.article_values(a, url_key, updated_at), epoch(a.published),
                  epoch(a.first_seen))
        stored = matches.insert(pending, a, url_key, values[7])
        return _Write("new", values, stored)
    update = rows.update_values(row.row(), a, updated_at,
                                twin=lambda iso: epoch(rows.req_dt(iso)))
    if update is None:
        return _Write("unchanged")
    matches.updated(row, a.content_hash, a.title, update[3])
    return _Write("updated", update)
