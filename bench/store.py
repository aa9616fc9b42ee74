"""Store: a week's articles from a store holding 1,000,000 older articles vs from an empty one.

    .venv/bin/python bench/store.py [--history 1000000] [--week 2000] [--repeat 7] [--scan]

Two stores get the same week (100 sources × 20 articles a week, saved through `save_fetch`,
the path `digest fetch` writes by). One of them also holds `--history` older articles spread
over the five years before (bulk-inserted with the store's own schema, ~1 KB of text each,
published and first seen hours apart). Then, in turn, each store is opened and asked what a
`digest build` asks of it: `articles_for(week)` and `source_health()`. The ratio is taken pair
by pair; the median is quoted.

`--scan` also times, once, what `articles_for` did before it used an index (every row read and
filtered in Python), on the big store.

The write side is printed too: saving the week (`save_fetch`, 100 batches of 20) into each
store, so what matching a batch against a million stored articles costs (batch.py's three
index reads a source) shows beside the same writes into an empty store.

Bar (issue 13): the big store within 10 % of the empty one.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digest import periods
from digest.models import Article, FetchResult, FetchState, Period, Source
from digest.store import SQLiteStore, open_store
from digest.store.sqlite import _EPOCH_OF

WEEK = periods.week("2026-W10", "UTC")
SOURCES = 100
_WORDS = ("port", "crane", "tariff", "chip", "model", "council", "budget", "rail", "grid",
          "river", "harbour", "league", "vote", "court", "drug", "trial", "storm", "bank")


def _text(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(_WORDS) for _ in range(words)).capitalize() + "."


def week_articles(n: int) -> dict[str, list[Article]]:
    rng = random.Random(13)
    by_source: dict[str, list[Article]] = {}
    span = (WEEK.end - WEEK.start).total_seconds()
    for i in range(n):
        source = f"Source {i % SOURCES}"
        published = WEEK.start + timedelta(seconds=rng.uniform(0, span))
        paragraphs = tuple(_text(rng, 30) for _ in range(6))
        by_source.setdefault(source, []).append(Article(
            source=source, guid=f"week-{i}", url=f"https://s{i % SOURCES}.example/w/{i}",
            title=_text(rng, 8), paragraphs=paragraphs, published=published,
            first_seen=published + timedelta(hours=2), content_hash=f"week-{i}"))
    return by_source


def save_week(store: SQLiteStore, by_source: dict[str, list[Article]]) -> None:
    now = WEEK.end
    for name, articles in by_source.items():
        source = Source(name=name, url=f"https://{name.replace(' ', '').lower()}.example/feed")
        result = FetchResult(source=source, status="ok", state=FetchState(source=name, url=source.url))
        store.save_fetch(result, [(a, a.url) for a in articles], now)


def add_history(store: SQLiteStore, n: int) -> None:
    """`n` older articles, before the week's wide window (the week before and after it)."""
    rng = random.Random(7)
    latest = WEEK.start - (WEEK.end - WEEK.start) - timedelta(days=1)
    span = timedelta(days=5 * 365).total_seconds()
    body = json.dumps([_text(rng, 30) for _ in range(6)])  # ~1 KB; varied text adds nothing
    sql = f"""INSERT INTO article (source, guid, url, url_key, title, paragraphs, published,
                  first_seen, updated_at, content_hash, language, published_s, first_seen_s)
              VALUES (?,?,?,?,?,?,?,?,?,?,'en',{_EPOCH_OF},{_EPOCH_OF})"""
    conn = store._conn
    batch = 20_000
    for start in range(0, n, batch):
        rows = []
        for i in range(start, min(n, start + batch)):
            published = (latest - timedelta(seconds=rng.uniform(0, span))).isoformat()
            seen = (datetime.fromisoformat(published) + timedelta(hours=3)).isoformat()
            url = f"https://s{i % 1000}.example/old/{i}"
            rows.append((f"Source {i % 1000}", f"old-{i}", url, url[8:], f"Old story {i}", body,
                         published, seen, seen, f"old-{i}", published, seen))
        conn.execute("BEGIN")
        conn.executemany(sql, rows)
        conn.execute("COMMIT")


def build_reads(path: Path, period: Period) -> tuple[float, int]:
    """What `digest build` asks of the store, from opening it."""
    started = time.perf_counter()
    store = open_store(path)
    articles = store.articles_for(period)
    store.source_health()
    store.close()
    return time.perf_counter() - started, len(articles)


def scan_reads(path: Path, period: Period) -> tuple[float, int]:
    """The old articles_for: read every row, parse both times, filter in Python."""
    started = time.perf_counter()
    store = open_store(path)
    assert isinstance(store, SQLiteStore)
    margin = period.end - period.start
    wide = Period(key=period.key, start=period.start - margin, end=period.end + margin)
    kept = 0
    for r in store._conn.execute("SELECT * FROM article ORDER BY id"):
        published, seen = datetime.fromisoformat(r["published"]), datetime.fromisoformat(r["first_seen"])
        if wide.contains(published) or period.contains(seen):
            json.loads(r["paragraphs"])
            kept += 1
    store.close()
    return time.perf_counter() - started, kept


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--history", type=int, default=1_000_000)
    parser.add_argument("--week", type=int, default=2000, help="articles in the week")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--scan", action="store_true", help="also time the old full scan once")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="digest-store-bench-") as tmp:
        empty, big = Path(tmp) / "empty.sqlite3", Path(tmp) / "big.sqlite3"
        week = week_articles(args.week)
        started = time.perf_counter()
        saves = []
        for path, history in ((empty, 0), (big, args.history)):
            store = open_store(path)
            assert isinstance(store, SQLiteStore)
            add_history(store, history)
            saving = time.perf_counter()
            save_week(store, week)
            saves.append(time.perf_counter() - saving)
            store.close()
        size = big.stat().st_size / 1e6
        print(f"stores: a week of {args.week} articles from {SOURCES} sources; the big one also "
              f"holds {args.history:,} older ({size:,.0f} MB; built in "
              f"{time.perf_counter() - started:.0f} s)")
        print(f"saving the week (save_fetch, {SOURCES} batches): into the empty store "
              f"{saves[0]:.2f} s, into the big one {saves[1]:.2f} s "
              f"({saves[0] / args.week * 1000:.3f} / {saves[1] / args.week * 1000:.3f} ms an "
              "article; one run each)")
        for path in (empty, big):  # warm-up: the first read of a file pays the page cache
            build_reads(path, WEEK)
        pairs = []
        for _ in range(args.repeat):
            t_empty, n_empty = build_reads(empty, WEEK)
            t_big, n_big = build_reads(big, WEEK)
            assert n_empty == n_big == args.week, (n_empty, n_big)
            pairs.append((t_empty, t_big))
        ratio = statistics.median(b / e for e, b in pairs)
        print(f"open + articles_for(week) + source_health, median of {args.repeat}: "
              f"empty {statistics.median(e for e, _ in pairs) * 1000:.1f} ms, "
              f"big {statistics.median(b for _, b in pairs) * 1000:.1f} ms; "
              f"big/empty {ratio:.3f} (bar ≤ 1.10)")
        if args.scan:
            t_scan, n_scan = scan_reads(big, WEEK)
            print(f"the old full scan on the big store: {t_scan:.2f} s ({n_scan} kept)")
        print("bar:", "PASS" if ratio <= 1.10 else "FAIL")


if __name__ == "__main__":
    main()
