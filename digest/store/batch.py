"""The stored articles a source's batch can match, read in three queries instead of three per
article, and kept in step with the batch's own writes.

`save_fetch` matches each article of a batch, in order, with the stored one that has its GUID
(within its source), else its URL key, else (within its source) its content hash and its
title: the first such row in the index's order, which is the lowest id. A URL key matches
another source's row only when it is the article's own link: a canonical URL is a claim
the page (or the feed) makes, and a page whose rel=canonical named another outlet's story
rewrote that outlet's stored article with its own title and text, still credited to the
outlet (qa40b). Such an article is a row of its own, which the editor's same-URL duplicates
join; its source's own row for the key, if any, comes first. Asking the database three times an
article cost most of storing a cold fetch (10,000 articles: 30,000 queries that find nothing);
here the rows any article of the batch can match are read up front (`IN` lists, by the same
indexes), and every row the batch inserts or updates is entered as the database would then
hold it, so the seventh article finds the third exactly as a query would have.

Both stores use it: each reads by its own dialect (`Select`: SQLite's `IN` lists, PostgreSQL's
`= ANY`), and what a batch writes is entered here the same way.
"""

from __future__ import annotations

import sqlite3
from bisect import insort
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..models import Article

_CHUNK = 500  # parameters per IN list (SQLite allows 32,766 since 3.32, 999 before)
COLUMNS = "id, source, guid, url_key, content_hash, title, published"  # a `Stored`, in order

# The rows (COLUMNS, in order) whose `column` is one of `values`, within `source` unless None.
Select = Callable[[str, str | None, list[str]], Iterable[Sequence[Any]]]


@dataclass
class Stored:
    """What matching and `rows.update_values` read of a stored article."""

    id: int
    source: str
    guid: str
    url_key: str
    content_hash: str
    title: str
    published: str

    def row(self) -> dict[str, Any]:
        """The columns `rows.update_values` reads, as a database row gives them."""
        return {"id": self.id, "content_hash": self.content_hash, "title": self.title,
                "published": self.published}


@dataclass
class Matches:
    """Rows by (source, guid), by url_key and by (source, content_hash), lowest id first."""

    by_guid: dict[tuple[str, str], list[Stored]] = field(default_factory=dict)
    by_url: dict[str, list[Stored]] = field(default_factory=dict)
    by_hash: dict[tuple[str, str], list[Stored]] = field(default_factory=dict)

    @classmethod
    def read(cls, select: Select, articles: Sequence[tuple[Article, str]]) -> Matches:
        found: dict[int, Stored] = {}

        def add(column: str, source: str | None, values: Iterable[str]) -> None:
            for r in select(column, source, sorted(values)):
                found.setdefault(r[0], Stored(*r))

        by_source: dict[str, list[Article]] = {}
        for article, _ in articles:
            by_source.setdefault(article.source, []).append(article)
        for source, batch in by_source.items():
            add("guid", source, {a.guid for a in batch})
            add("content_hash", source, {a.content_hash for a in batch})
        add("url_key", None, {key for _, key in articles})
        matches = cls()
        for row in sorted(found.values(), key=lambda r: r.id):
            matches._enter(row)
        return matches

    def find(self, a: Article, url_key: str) -> Stored | None:
        """The row the article is, as the three queries in turn would find it. A body alone
        names the article only under the same title: a feed whose GUIDs and links change on
        every fetch repeats both, while distinct articles can share a body (a feed's items
        with one boilerplate teaser, or none, whose pages could not be fetched: each is its
        own headline, and one row for all of them lost every other one)."""
        same_guid = self.by_guid.get((a.source, a.guid))
        if same_guid:
            return same_guid[0]
        same_url = self.by_url.get(url_key, [])
        own = next((row for row in same_url if row.source == a.source), None)
        if own is not None:
            return own
        if same_url and (a.canonical_url is None or a.canonical_url == a.url):
            return same_url[0]  # (its own link: the same page, from another of its feeds)
        return next((row for row in self.by_hash.get((a.source, a.content_hash), ())
                     if row.title == a.title), None)

    def insert(self, row_id: int, a: Article, url_key: str, published: str) -> Stored:
        """`a`, just inserted as row `row_id` (its publication time as the row holds it)."""
        row = Stored(row_id, a.source, a.guid, url_key, a.content_hash, a.title, published)
        self._enter(row)
        return row

    def updated(self, row: Stored, content_hash: str, title: str, published: str) -> None:
        """`row` rewritten: it moves to its new content hash (GUID and URL key stay)."""
        old = self.by_hash.get((row.source, row.content_hash), [])
        if row in old:
            old.remove(row)
        row.content_hash, row.title, row.published = content_hash, title, published
        insort(self.by_hash.setdefault((row.source, content_hash), []), row, key=_id)

    def _enter(self, row: Stored) -> None:
        insort(self.by_guid.setdefault((row.source, row.guid), []), row, key=_id)
        insort(self.by_url.setdefault(row.url_key, []), row, key=_id)
        insort(self.by_hash.setdefault((row.source, row.content_hash), []), row, key=_id)


def _id(row: Stored) -> int:
    return row.id


def sqlite_select(conn: sqlite3.Connection) -> Select:
    """`Select` for SQLite: `IN` lists of at most _CHUNK values, by the same indexes."""
    def select(column: str, source: str | None, values: list[str]) -> Iterable[Sequence[Any]]:
        scope, fixed = ("source = ? AND ", [source]) if source is not None else ("", [])
        for at in range(0, len(values), _CHUNK):
            chunk = values[at:at + _CHUNK]
            marks = ",".join("?" * len(chunk))
            yield from conn.execute(
                f"SELECT {COLUMNS} FROM article WHERE {scope}{column} IN ({marks})",
                [*fixed, *chunk])
    return select
