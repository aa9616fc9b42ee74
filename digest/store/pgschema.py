"""The PostgreSQL schema, versioned in `digest_schema` (SQLite's is `migrations.py`).

The tables mirror SQLite's, so both stores hand the editor the same rows: times are the same
ISO strings with their own offsets, next to UTC epoch-second twins for the period query. What
PostgreSQL adds is sharing: several newsletters on one database share `source_state`,
`article` and `feed` (a feed followed by three newsletters is fetched once), while issues,
deliveries, notifications and runs carry the newsletter they belong to. `feed` and `fetch_host` serve the
distributed fetch (digest/distributed/): the feeds the planner knows, and a host's Retry-After
as every worker must see it.

Each entry upgrades version i to i+1; never edit a released entry, append one. `apply()` runs
the missing ones in one transaction each, under an advisory lock, so workers starting together
migrate once.
"""

from __future__ import annotations

from typing import Any

import psycopg
from psycopg.rows import tuple_row

MIGRATION_LOCK = 7_151_000_001  # pg_advisory_xact_lock key of schema changes (any fixed number)

MIGRATIONS: tuple[str, ...] = (
    # 0 → 1: the first schema
    """
    CREATE TABLE source_state (
        name TEXT PRIMARY KEY, url TEXT NOT NULL, etag TEXT, last_modified TEXT,
        not_before TEXT, failures INTEGER NOT NULL DEFAULT 0,
        disabled BOOLEAN NOT NULL DEFAULT FALSE, last_status TEXT, last_error TEXT,
        last_http_status INTEGER, items INTEGER NOT NULL DEFAULT 0,
        new_items INTEGER NOT NULL DEFAULT 0, seconds DOUBLE PRECISION NOT NULL DEFAULT 0,
        checked_at TEXT);
    CREATE TABLE article (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        source TEXT NOT NULL, guid TEXT NOT NULL, url TEXT NOT NULL, url_key TEXT NOT NULL,
        canonical_url TEXT, title TEXT NOT NULL, paragraphs TEXT NOT NULL,
        published TEXT NOT NULL, first_seen TEXT NOT NULL, updated_at TEXT NOT NULL,
        content_hash TEXT NOT NULL, author TEXT, language TEXT NOT NULL, image TEXT,
        removed TEXT NOT NULL DEFAULT '[]',
        published_s BIGINT NOT NULL, first_seen_s BIGINT NOT NULL,
        UNIQUE (source, guid));
    CREATE INDEX article_url_key ON article (url_key);
    CREATE INDEX article_hash ON article (source, content_hash);
    CREATE INDEX article_published_s ON article (published_s);
    CREATE INDEX article_first_seen_s ON article (first_seen_s);
    CREATE TABLE issue (
        newsletter TEXT NOT NULL, key TEXT NOT NULL, title TEXT NOT NULL,
        period_start TEXT NOT NULL, period_end TEXT NOT NULL, built_at TEXT NOT NULL,
        stories INTEGER NOT NULL, config_digest TEXT NOT NULL,
        PRIMARY KEY (newsletter, key));
    CREATE TABLE delivery (
        newsletter TEXT NOT NULL, issue TEXT NOT NULL, recipient TEXT NOT NULL,
        ok BOOLEAN NOT NULL, status TEXT NOT NULL, error TEXT, message_id TEXT,
        attempts INTEGER NOT NULL DEFAULT 1, at TEXT NOT NULL,
        PRIMARY KEY (newsletter, issue, recipient));
    CREATE INDEX delivery_status ON delivery (status);
    CREATE TABLE notification (
        newsletter TEXT NOT NULL, issue TEXT NOT NULL, channel TEXT NOT NULL,
        status TEXT NOT NULL, error TEXT, sent TEXT, attempts INTEGER NOT NULL DEFAULT 0,
        at TEXT NOT NULL, PRIMARY KEY (newsletter, issue, channel));
    CREATE INDEX notification_status ON notification (status);
    CREATE TABLE run (
        id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        newsletter TEXT NOT NULL, command TEXT NOT NULL, period TEXT,
        started_at TEXT NOT NULL, finished_at TEXT, status TEXT NOT NULL, error TEXT,
        manifest TEXT);
    CREATE INDEX run_newsletter ON run (newsletter, id);
    -- continuity: the stories of each published issue (see migrations.py, 4 → 5)
    CREATE TABLE issue_story (
        newsletter TEXT NOT NULL, issue TEXT NOT NULL, rank INTEGER NOT NULL,
        headline TEXT NOT NULL, articles TEXT NOT NULL, anchors TEXT NOT NULL,
        said TEXT NOT NULL, PRIMARY KEY (newsletter, issue, rank));
    -- the feeds the planner knows (digest/distributed/plan.py): the job's whole input
    CREATE TABLE feed (
        name TEXT PRIMARY KEY, url TEXT NOT NULL, host TEXT NOT NULL,
        definition JSONB NOT NULL, interval_s INTEGER NOT NULL);
    -- a host's Retry-After, as every worker must honour it (digest/distributed/hosts.py)
    CREATE TABLE fetch_host (host TEXT PRIMARY KEY, not_before TIMESTAMPTZ NOT NULL);
    """,
    # 1 → 2: the Explainer of each published issue (see migrations.py, 5 → 6)
    """
    CREATE TABLE issue_explainer (
        newsletter TEXT NOT NULL, issue TEXT NOT NULL, entity TEXT NOT NULL,
        aliases TEXT NOT NULL, PRIMARY KEY (newsletter, issue));
    """,
    # 2 → 3: the configured URL each source state was reached from (see migrations.py, 6 → 7)
    """
    ALTER TABLE source_state ADD COLUMN configured TEXT;
    """,
)

LATEST = len(MIGRATIONS)


def apply(conn: psycopg.Connection[Any]) -> int:
    """Bring the schema up to date; return the version reached."""
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
        conn.execute("CREATE TABLE IF NOT EXISTS digest_schema (version INTEGER NOT NULL)")
        cur = conn.cursor(row_factory=tuple_row)
        row = cur.execute("SELECT coalesce(max(version), 0) FROM digest_schema").fetchone()
        version = int(row[0]) if row else 0
        if version > LATEST:
            raise RuntimeError(f"database schema version {version} is newer than this digest "
                               f"({LATEST}); upgrade digest")
        for target in range(version + 1, LATEST + 1):
            with conn.transaction():
                conn.execute(MIGRATIONS[target - 1].encode())
                conn.execute("INSERT INTO digest_schema (version) VALUES (%s)", (target,))
    return LATEST
