"""The parse worker of big runs: same results as inline parsing, and a real fetch through it."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime
from pathlib import Path

from fetch_testkit import LONG_TEXT, rss, rss_item

from digest.fetch import fetch_all
from digest.fetch.parsepool import MIN_BYTES, MIN_SOURCES, InlineParser, ParsePool, make_parser
from digest.models import FetchSettings, Source

NOW = datetime(2026, 3, 5, 12, 0, tzinfo=UTC)
BIG = rss([rss_item(f"g{i}", link=f"http://127.0.0.1/{i}", content=f"<p>{LONG_TEXT}</p>")
           for i in range(10)]).encode()


def test_small_runs_parse_inline() -> None:
    assert isinstance(make_parser(MIN_SOURCES - 1), InlineParser)


def test_pool_matches_inline_parsing() -> None:
    assert len(BIG) >= MIN_BYTES
    source = Source("s", "http://127.0.0.1/feed.xml")

    async def run() -> tuple[object, object]:
        pool = ParsePool(workers=1)
        try:
            deadline = time.monotonic() + 20
            while not pool._ready and time.monotonic() < deadline:
                await asyncio.sleep(0.02)
            assert pool._ready
            pooled = await pool.feed(BIG, source.url, None, source, NOW, 200)
            inline = await InlineParser().feed(BIG, source.url, None, source, NOW, 200)
            return pooled, inline
        finally:
            pool.close()

    pooled, inline = asyncio.run(run())
    assert pooled == inline


def test_big_run_of_local_feeds(tmp_path: Path, settings: FetchSettings) -> None:
    sources = []
    for i in range(MIN_SOURCES):
        path = tmp_path / f"feed-{i}.xml"
        path.write_bytes(BIG.replace(b"<guid", f"<!-- {i} --><guid".encode(), 1))
        sources.append(Source(f"feed-{i}", str(path), full_text=False))
    results = fetch_all(sources, {}, settings)
    assert [r.source.name for r in results] == [s.name for s in sources]
    assert all(r.status == "ok" and len(r.items) == 10 for r in results)
