"""Schema migrations, keyed on SQLite's `PRAGMA user_version`.

Each entry upgrades the schema from version i to i+1. Never edit a released entry:
append a new one. `apply()` runs the missing ones in one transaction each.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: tuple[str, ...] = (
    # 0 → 1: the first schema
    """
    CREATE TABLE source_state (
        name TEXT PRIMARY KEY,
        url TEXT NOT NULL,
        etag TEXT,
        last_modified TEXT,
        not_before TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        disabled INTEGER NOT NULL DEFAULT 0,
        last_status TEXT,
        last_error TEXT,
        last_http_status INTEGER,
        items INTEGER NOT NULL DEFAULT 0,
        new_items INTEGER NOT NULL DEFAULT 0,
        seconds REAL NOT NULL DEFAULT 0,
        checked_at TEXT
    );
    CREATE TABLE article (
        id INTEGER PRIMARY KEY,
        source TEXT NOT NULL,
        guid TEXT NOT NULL,
        url TEXT NOT NULL,
        url_key TEXT NOT NULL,
        canonical_url TEXT,
        title TEXT NOT NULL,
        paragraphs TEXT NOT NULL,
        published TEXT NOT NULL,
        first_seen TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        author TEXT,
        language TEXT NOT NULL,
        image TEXT,
        removed TEXT NOT NULL DEFAULT '[]',
        UNIQUE (source, guid)
    );
    CREATE INDEX article_url_key ON article (url_key);
    CREATE INDEX article_hash ON article (source, content_hash);
    CREATE INDEX article_published ON article (published);
    CREATE INDEX article_first_seen ON article (first_seen);
    CREATE TABLE issue (
        key TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        period_start TEXT NOT NULL,
        period_end TEXT NOT NULL,
        built_at TEXT NOT NULL,
        stories INTEGER NOT NULL,
        config_digest TEXT NOT NULL
    );
    CREATE TABLE delivery (
        issue TEXT NOT NULL,
        recipient TEXT NOT NULL,
        ok INTEGER NOT NULL,
        error TEXT,
        message_id TEXT,
        attempts INTEGER NOT NULL DEFAULT 1,
        at TEXT NOT NULL,
        PRIMARY KEY (issue, recipient)
    );
    CREATE TABLE run (
        id INTEGER PRIMARY KEY,
        command TEXT NOT NULL,
        period TEXT,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL,
        error TEXT,
        manifest TEXT
    );
    """,
    # 1 → 2: the delivery ledger's status (sending | sent | failed | unknown); `ok` stays,
    # kept equal to status = 'sent', for readers of the old column
    """
    ALTER TABLE delivery ADD COLUMN status TEXT NOT NULL DEFAULT 'failed';
    UPDATE delivery SET status = CASE WHEN ok THEN 'sent' ELSE 'failed' END;
    CREATE INDEX delivery_status ON delivery (status);
    """,
    # 2 → 3: the period's articles come from an index, whatever the history. `published` and
    # `first_seen` are ISO strings with their own offsets, which do not sort as times, so each
    # gets a UTC epoch-seconds twin (SQLite rounds fractions to milliseconds; readers allow a
    # second of slack and check the exact times). The text indexes served no query.
    """
    ALTER TABLE article ADD COLUMN published_s INTEGER;
    ALTER TABLE article ADD COLUMN first_seen_s INTEGER;
    UPDATE article SET published_s = CAST(strftime('%s', published) AS INTEGER),
                       first_seen_s = CAST(strftime('%s', first_seen) AS INTEGER);
    CREATE INDEX article_published_s ON article (published_s);
    CREATE INDEX article_first_seen_s ON article (first_seen_s);
    DROP INDEX article_published;
    DROP INDEX article_first_seen;
    """,
    # 3 → 4: the notification ledger, one row per (issue, channel), statuses as `delivery`'s.
    # `channel` is the Apprise URL as written in the config, `${NAME}` unexpanded (no secret).
    """
    CREATE TABLE notification (
        issue TEXT NOT NULL,
        channel TEXT NOT NULL,
        status TEXT NOT NULL,
        error TEXT,
        sent TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        at TEXT NOT NULL,
        PRIMARY KEY (issue, channel)
    );
    CREATE INDEX notification_status ON notification (status);
    """,
    # 4 → 5: continuity. The stories of each published issue: their article keys, event
    # anchors and printed sentences (JSON lists), read back only once the issue row exists.
    """
    CREATE TABLE issue_story (
        issue TEXT NOT NULL,
        rank INTEGER NOT NULL,
        headline TEXT NOT NULL,
        articles TEXT NOT NULL,
        anchors TEXT NOT NULL,
        said TEXT NOT NULL,
        PRIMARY KEY (issue, rank)
    );
    """,
    # 5 → 6: the Explainer of each published issue (its entity and the aliases it printed,
    # a JSON list), written with the stories and read back as they are.
    """
    CREATE TABLE issue_explainer (
        issue TEXT PRIMARY KEY,
        entity TEXT NOT NULL,
        aliases TEXT NOT NULL
    );
    """,
    # 6 → 7: the configured URL each source state was reached from (fetch.runner.current: a
    # URL corrected in sources.yaml was never fetched while the old one was stored)
    """
    ALTER TABLE source_state ADD COLUMN configured TEXT;
    """,
)

LATEST = len(MIGRATIONS)


def apply(conn: sqlite3.Connection) -> int:
    """Bring the schema up to date; return the version reached."""
    version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > LATEST:
        raise RuntimeError(
            f"database schema version {version} is newer than this digest ({LATEST}); upgrade digest"
        )
    for target in range(version + 1, LATEST + 1):
        script = MIGRATIONS[target - 1]
        # executescript() commits first; wrap so a failed step leaves the old version intact
        conn.executescript(f"BEGIN;\n{script}\nPRAGMA user_version = {target};\nCOMMIT;")
    return LATEST
