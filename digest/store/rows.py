"""Rows to contract types, shared by both stores (`sqlite.py`, `postgres.py`): the same columns
become the same values, so a build reads the same articles from either.

Times are stored as ISO strings with their own offsets; the period query runs on their UTC
epoch-second twins (`published_s`, `first_seen_s`) with a second of slack, and `candidates`
keeps the rows whose exact times fall in the window.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from ..models import Article, FetchResult, FetchState, Period, Removal
from .base import IssueRecord, RunRecord

if TYPE_CHECKING:
    import json

    from ..models import ExplainerMemory, SourceHealth, StoryMemory

Row = Mapping[str, Any]  # sqlite3.Row and psycopg's dict rows both read by column name


def ts(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def req_dt(value: str) -> datetime:
    return datetime.fromisoformat(value)


def epoch(value: datetime) -> int:
    """A query bound in the unit of the indexed twins: whole UTC seconds."""
    return math.floor(value.timestamp())


def windows(period: Period) -> tuple[Period, tuple[int, int, int, int]]:
    """The wide window (one period length either side, for publication dates) and the epoch
    bounds of the two index ranges: published in the wide window, first seen in the period."""
    margin = period.end - period.start
    wide = Period(key=period.key, start=period.start - margin, end=period.end + margin)
    return wide, (epoch(wide.start) - 1, epoch(wide.end) + 1,
                  epoch(period.start) - 1, epoch(period.end) + 1)


def candidates(period: Period, wide: Period, rows: Iterable[Row]) -> list[Article]:
    """The rows the exact times put in the window, as articles (in the rows' order)."""
    import json

    out: list[Article] = []
    for r in rows:
        published = req_dt(r["published"])
        first_seen = req_dt(r["first_seen"])
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


def state(r: Row) -> FetchState:
    return FetchState(source=r["name"], url=r["url"], etag=r["etag"],
                      last_modified=r["last_modified"], not_before=dt(r["not_before"]),
                      failures=r["failures"], disabled=bool(r["disabled"]),
                      last_status=r["last_status"], last_error=r["last_error"],
                      last_http_status=r["last_http_status"], configured=r["configured"])


def health(r: Row) -> SourceHealth:
    from ..models import SourceHealth

    return SourceHealth(name=r["name"], url=r["url"], status=r["last_status"] or "error",
                        error=r["last_error"], items=r["items"], new_items=r["new_items"],
                        http_status=r["last_http_status"], consecutive_failures=r["failures"],
                        seconds=r["seconds"])


def issue(r: Row) -> IssueRecord:
    return IssueRecord(key=r["key"], title=r["title"], period_start=req_dt(r["period_start"]),
                       period_end=req_dt(r["period_end"]), built_at=req_dt(r["built_at"]),
                       stories=r["stories"])


def run(r: Row) -> RunRecord:
    return RunRecord(id=r["id"], command=r["command"], period=r["period"],
                     started_at=req_dt(r["started_at"]), finished_at=dt(r["finished_at"]),
                     status=r["status"], error=r["error"], manifest=r["manifest"])


@cache
def _encoder() -> json.JSONEncoder:
    """What json.dumps(value, ensure_ascii=False) builds on every call, built once: with the
    first article stored (json is not imported before a fetch's first request)."""
    import json

    return json.JSONEncoder(ensure_ascii=False)


_NOT_CONTROL = bytes(range(32, 256))


def texts_json(texts: tuple[str, ...]) -> str:
    """`_encoder().encode(list(texts))`, built by string passes when only quotes and backslashes
    need escaping (JSON's only other escapes are the control characters, which cleaned text
    seldom holds): the encoder's walk, character by character, was a third of storing an
    article. The texts are joined as the encoder separates them ('", "', which holds no
    control character), so the UTF-8 bytes below space are the texts' own; a quote count
    off the separators' own, or a backslash, sends the texts that hold one through the
    escapes (a third of the articles; the rest are joined once)."""
    if not texts:
        return "[]"
    body = '", "'.join(texts)
    try:
        if body.encode("utf-8").translate(None, _NOT_CONTROL):
            return _encoder().encode(list(texts))
    except UnicodeEncodeError:  # half a surrogate pair: the encoder writes it as it is
        return _encoder().encode(list(texts))
    if "\\" in body or body.count('"') != 2 * len(texts) - 2:
        body = '", "'.join([t.replace("\\", "\\\\").replace('"', '\\"')
                            if '"' in t or "\\" in t else t for t in texts])
    return '["' + body + '"]'


def encoded(a: Article) -> tuple[str, str]:
    """An article's paragraphs and removals as the JSON text both stores keep."""
    return (texts_json(a.paragraphs),
            _encoder().encode([[r.rule, r.text] for r in a.removed]) if a.removed else "[]")


# A source's state after a fetch (both dialects: `?` placeholders, `%s` for psycopg)
SAVE_STATE = """INSERT INTO source_state (name, url, etag, last_modified, not_before, failures,
       disabled, last_status, last_error, last_http_status, items, new_items, seconds,
       checked_at, configured)
   VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
   ON CONFLICT (name) DO UPDATE SET url=excluded.url, etag=excluded.etag,
       last_modified=excluded.last_modified, not_before=excluded.not_before,
       failures=excluded.failures, disabled=excluded.disabled,
       last_status=excluded.last_status, last_error=excluded.last_error,
       last_http_status=excluded.last_http_status, items=excluded.items,
       new_items=excluded.new_items, seconds=excluded.seconds, checked_at=excluded.checked_at,
       configured=excluded.configured"""


def state_values(result: FetchResult, new: int, now: datetime) -> tuple[Any, ...]:
    s = result.state
    return (result.source.name, s.url, s.etag, s.last_modified, ts(s.not_before), s.failures,
            s.disabled, result.status, result.error, result.http_status, len(result.items), new,
            result.seconds, ts(now), result.source.url)


# A new article; `{twins}` are the two epoch twins' placeholders (SQLite computes them in SQL)
INSERT_ARTICLE = """INSERT INTO article (source, guid, url, url_key, canonical_url, title,
       paragraphs, published, first_seen, updated_at, content_hash, author, language, image,
       removed, published_s, first_seen_s)
   VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,{twins})"""


def article_values(a: Article, url_key: str, updated_at: str) -> tuple[Any, ...]:
    """INSERT_ARTICLE's values but the twins; `updated_at` is the batch's time, as `ts` writes
    it (once a batch). `published` and `first_seen` are at 7 and 8."""
    paragraphs, removed = encoded(a)
    return (a.source, a.guid, a.url, url_key, a.canonical_url, a.title, paragraphs,
            a.published.isoformat(), a.first_seen.isoformat(), updated_at, a.content_hash,
            a.author, a.language, a.image, removed)


# An article changed since it was stored, updated in place. `{twin}` is the dialect's
# expression for the indexed `published_s` twin of the `published` parameter.
UPDATE_ARTICLE = """UPDATE article SET title=?, paragraphs=?, content_hash=?, published=?,
       published_s={twin}, updated_at=?, author=?, language=?, image=?, removed=?,
       canonical_url=?
   WHERE id=?"""


def update_values(row: Row, a: Article, updated_at: str,
                  twin: Callable[[str], Any]) -> tuple[Any, ...] | None:
    """The UPDATE_ARTICLE values for stored `row` seen again as `a`; None when unchanged.

    The article keeps its first-seen time, and a fallback publication date (first_seen) never
    overwrites a real one. `twin` turns the ISO `published` into the `{twin}` parameter.
    """
    if row["content_hash"] == a.content_hash and row["title"] == a.title:
        return None
    paragraphs, removed = encoded(a)
    published = str(row["published"]) if a.published == a.first_seen else a.published.isoformat()
    return (a.title, paragraphs, a.content_hash, published, twin(published), updated_at,
            a.author, a.language, a.image, removed, a.canonical_url, row["id"])


def memory(r: Row) -> StoryMemory:
    """A remembered story (continuity): its article keys, anchors and sentences are JSON lists."""
    import json

    from ..models import StoryMemory

    return StoryMemory(issue=r["issue"], rank=r["rank"], headline=r["headline"],
                       articles=tuple(json.loads(r["articles"])),
                       anchors=tuple(json.loads(r["anchors"])), said=tuple(json.loads(r["said"])))


def memory_values(issue: str, m: StoryMemory) -> tuple[Any, ...]:
    def js(values: tuple[str, ...]) -> str:
        return _encoder().encode(list(values))

    return (issue, m.rank, m.headline, js(m.articles), js(m.anchors), js(m.said))


def explainer(r: Row) -> ExplainerMemory:
    """A remembered Explainer: its aliases are a JSON list."""
    import json

    from ..models import ExplainerMemory

    return ExplainerMemory(issue=r["issue"], entity=r["entity"],
                           aliases=tuple(json.loads(r["aliases"])))


def explainer_values(issue: str, e: ExplainerMemory) -> tuple[Any, ...]:
    return (issue, e.entity, _encoder().encode(list(e.aliases)))


def remembered(records: Iterable[IssueRecord], before: datetime, issues: int) -> list[str]:
    """The keys of the newest `issues` saved issues whose period ended by `before`, newest
    first: the issues continuity remembers."""
    done = sorted((r for r in records if r.period_end <= before), key=lambda r: r.period_end,
                  reverse=True)
    return [r.key for r in done][:max(0, issues)]
