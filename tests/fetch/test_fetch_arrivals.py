"""The fetch's hooks for a caller that works while it fetches (`collect` cleans each source's
items as its feed arrives): `ready` before the first request, `arrived` for each result."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from fetch_testkit import Reply, ScriptServer, rss, rss_item

from digest.fetch import fetch_all
from digest.models import FetchResult, FetchSettings, Source

NOW = datetime(2026, 3, 5, 12, 0, tzinfo=UTC)
GOOD = rss([rss_item("g1", link="http://127.0.0.1/x", content="<p>" + "word " * 200 + "</p>")])

def test_arrivals_are_told_each_result_before_the_fetch_returns_and_their_bug_is_theirs(
        server: ScriptServer, settings: FetchSettings, caplog: pytest.LogCaptureFixture) -> None:
    """`ready` runs once before any request; `arrived` sees every result as it comes; what
    `arrived` raises is logged and the results are those of a fetch without it."""
    url = server.route("/good.xml", Reply(200, GOOD.encode(),
                                          {"Content-Type": "application/rss+xml"}))
    sources = [Source(f"s{n}", url, full_text=False) for n in range(3)]
    seen: list[str] = []
    requests_at_ready: list[int] = []

    def arrived(result: FetchResult) -> None:
        seen.append(result.source.name)
        if result.source.name == "s1":
            raise ZeroDivisionError("planted")

    results = fetch_all(sources, {}, settings, clock=lambda: NOW, arrived=arrived,
                        ready=lambda: requests_at_ready.append(server.count("/good.xml")))
    assert requests_at_ready == [0] and sorted(seen) == ["s0", "s1", "s2"]
    assert [r.source.name for r in results] == ["s0", "s1", "s2"]
    assert all(r.status == "ok" and len(r.items) == 1 for r in results)
    assert "s1: internal error in the arrival callback" in caplog.text
