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


WARM_RUN = """
import sys
import httpx
from digest.fetch import fetch_all
from digest.models import FetchSettings, FetchState, Source

def fetch(states, reply):
    sources = [Source(f"s{n}", f"http://127.0.0.1/{n}.xml") for n in range(3)]
    ready = []
    transport = httpx.MockTransport(lambda request: reply)
    results = fetch_all(sources, states(sources), FetchSettings(), transport=transport,
                        ready=lambda: ready.append("digest.fetch.feeds" in sys.modules))
    return ready, {r.status for r in results}

ready, statuses = fetch(lambda sources: {s.name: FetchState(s.name, s.url, etag='"1"')
                                         for s in sources}, httpx.Response(304))
print(ready, statuses, "digest.fetch.feeds" in sys.modules, "lxml" in sys.modules,
      "imaplib" in sys.modules)
ready, statuses = fetch(lambda sources: {}, httpx.Response(200, content=FEED))
print(ready, statuses, "digest.fetch.feeds" in sys.modules)
"""


def test_a_run_of_304s_loads_nothing_that_reads_documents() -> None:
    """Every source asked conditionally and every answer a 304: neither `ready` is called
    nor the document readers (lxml and the feed, item and page modules) loaded, nor the
    mailbox reader (imaplib) with no mailbox among the sources. A run sure
    to get a document loads them before `ready` (and before its parse workers fork)."""
    import subprocess
    import sys

    feed = rss([rss_item("g1", link="http://127.0.0.1/x", content="<p>Text.</p>")])
    code = f"FEED = {feed.encode()!r}\n" + WARM_RUN
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.splitlines()
    assert out == ["[] {'not_modified'} False False False", "[True] {'ok'} True"]
