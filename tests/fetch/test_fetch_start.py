"""How a run starts: the first wave of requests goes out before what it does not need (the
other sources' first steps, httpx, urllib.request), which comes while it is in flight."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from fetch_testkit import Reply, ScriptServer, rss, rss_item, serving

from digest.fetch import fetch_all
from digest.fetch.turns import STAGGER, start_in_turns, when_done
from digest.models import FetchSettings, FetchState, Source

REPO = Path(__file__).resolve().parents[2]


def test_the_first_wave_goes_on_before_the_other_sources_start() -> None:
    """The first `first` tasks take three more turns of the loop (a connection opening, a
    request written) before the last of 100 sources is even started; all start in order."""
    events: list[tuple[str, int]] = []

    async def fetch(index: int) -> int:
        events.append(("start", index))
        if index < 4:
            for _ in range(3):
                await asyncio.sleep(0)
            events.append(("sent", index))
        return index

    async def run() -> list[int]:
        tasks = await start_in_turns(list(range(100)), 4, fetch)
        return list(await asyncio.gather(*tasks.values()))

    assert asyncio.run(run()) == list(range(100))
    starts = [index for kind, index in events if kind == "start"]
    assert starts == list(range(100))
    last_start = events.index(("start", 99))
    assert all(events.index(("sent", i)) < last_start for i in range(4)), events[:40]
    assert 3 * STAGGER < 100 - 4  # (else the test would not tell)


def test_a_cancelled_start_cancels_the_tasks_made_so_far() -> None:
    made: list[asyncio.Task[None]] = []

    async def wait(index: int) -> None:
        made.append(asyncio.current_task())  # type: ignore[arg-type]
        await asyncio.sleep(10)

    async def run() -> None:
        starting = asyncio.ensure_future(start_in_turns(list(range(100)), 4, wait))
        for _ in range(3):
            await asyncio.sleep(0)
        starting.cancel()
        with pytest.raises(asyncio.CancelledError):
            await starting
        await asyncio.sleep(0)
        assert made and all(task.cancelled() for task in made)

    asyncio.run(run())


def test_a_fetch_sends_its_first_requests_before_importing_httpx() -> None:
    """What `digest fetch` imports before its first request holds neither httpx nor
    urllib.request (~20 ms between them); the run loads httpx while the answers are awaited.
    The edit and publish models are not loaded at all (`digest.models` has them on demand)."""
    script = textwrap.dedent("""
        import sys
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
        import threading
        import digest.cli, digest.commands, digest.configcache, digest.collect
        import digest.fetch, digest.fetch.runner
        LATE = ("httpx", "urllib.request", "urllib.robotparser", "digest.models.edit",
                "digest.models.publish")
        early = sorted(m for m in LATE if m in sys.modules)
        class H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            def log_message(self, *a): pass
            def do_GET(self):
                self.send_response(304); self.send_header("Content-Length", "0")
                self.end_headers()
        seen = []
        srv = ThreadingHTTPServer(("127.0.0.1", 0), H)
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        from digest.fetch import fetch_all
        from digest.fetch.transport import LeanTransport
        exchange = LeanTransport._exchange
        async def recording(self, *args):  # (it writes the request before its first await)
            seen.append("httpx" in sys.modules)
            return await exchange(self, *args)
        LeanTransport._exchange = recording
        from digest.models import FetchSettings, FetchState, Source
        url = f"http://127.0.0.1:{srv.server_address[1]}/f.xml"
        state = FetchState(source="s", url=url, etag='"e"')
        [result] = fetch_all([Source("s", url)], {"s": state}, FetchSettings())
        srv.shutdown()
        print(early, seen, result.status, "httpx" in sys.modules,
              sorted(m for m in LATE[3:] if m in sys.modules))
        import digest.models
        assert all(getattr(digest.models, name) for name in digest.models.__all__)
        from digest import Issue, Story
    """)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         env=env, timeout=60, check=True).stdout.split()
    assert out == ["[]", "[False]", "not_modified", "True", "[]"], out


def test_when_done_tells_each_host_once_its_last_task_is_done() -> None:
    hosts = ["a", "b", "a", "c", "b"]
    told: list[tuple[str, list[int]]] = []
    finished: list[int] = []

    async def fetch(index: int, delay: int) -> None:
        for _ in range(delay):
            await asyncio.sleep(0)
        finished.append(index)

    async def run() -> None:
        delays = [1, 5, 3, 2, 4]
        tasks = {i: asyncio.ensure_future(fetch(i, delays[i])) for i in range(len(hosts))}
        when_done(tasks, hosts, lambda host: told.append((host, list(finished))))
        await asyncio.gather(*tasks.values())
        for _ in range(2):
            await asyncio.sleep(0)

    asyncio.run(run())
    assert [host for host, _ in told] == ["c", "a", "b"]
    assert told[1] == ("a", [0, 3, 2])  # told as "a"'s last source was done, not at the end


def test_a_host_the_run_is_done_with_is_let_go_while_others_are_fetched(
        settings: FetchSettings) -> None:
    """The idle connection to a host whose every source is done is closed at once, not at
    the end of the run (here while another host's answer is still awaited)."""
    closed: list[str] = []

    class Recording(ScriptServer):
        def close_request(self, request: object) -> None:
            closed.append(self.host)
            super().close_request(request)  # type: ignore[arg-type]

    feed = rss([]).encode()
    quick, slow = Recording("127.0.0.1"), Recording("127.0.0.2")
    seen_before_answer: list[list[str]] = []

    def late(_: object) -> Reply:
        time.sleep(0.6)  # (the quick host's 304 came, and its connection closed, meanwhile)
        seen_before_answer.append(list(closed))
        return Reply(200, feed, {"ETag": '"s"'})

    with serving(quick), serving(slow):
        sources = [Source("quick", quick.route("/q.xml", Reply(200, feed, {"ETag": '"q"'}))),
                   Source("slow", slow.route("/s.xml", late))]
        states = {"quick": FetchState(source="quick", url=sources[0].url, etag='"q"'),
                  "slow": FetchState(source="slow", url=sources[1].url, etag='"s"')}
        results = fetch_all(sources, states, settings)
    assert [r.status for r in results] == ["not_modified", "not_modified"]
    assert seen_before_answer == [["127.0.0.1"]]


# Runs `digest` as `python -m digest` does, and writes down what is loaded when the process
# opens its first connection (an audit hook: it imports nothing itself).
_AT_FIRST_CONNECT = """
import os, runpy, sys
seen = []
def first_connect(event, args):
    if event == "socket.connect" and not seen:
        seen.append(1)
        with open(os.environ["DIGEST_TEST_LOADED"], "w") as out:
            out.write("\\n".join(n for n, m in sys.modules.items() if m is not None))
sys.addaudithook(first_connect)
sys.argv = ["digest", *sys.argv[1:]]
runpy.run_module("digest", run_name="__main__")
"""
# What a warm fetch's first requests need none of: the orchestrator and the status report
# (other commands'), time zones (no period is computed), a hash function (the config cache
# compares its key whole), JSON (the store reads states, not articles; the log is plain),
# the process pool (started only for items to clean), local files' reader, shlex, shutil
# (the command line's width: cli._columns), random (a retry's back-off), how a batch of
# articles finds the rows it already has (store.batch: a run of 304s stores none).
NOT_BEFORE_THE_FIRST_REQUEST = ("digest.pipeline", "digest.status", "digest.quiet", "zoneinfo",
                                "hashlib", "json", "concurrent.futures.process",
                                "digest.fetch.local", "shlex", "shutil", "random",
                                "digest.store.batch")


def test_a_warm_fetch_opens_its_first_connection_before_loading_what_it_does_not_need(
        tmp_path: Path, server: ScriptServer) -> None:
    feed = rss([rss_item(f"g{i}", link=f"{server.base}/a/{i}") for i in range(2)]).encode()
    urls = [server.route(f"/{n}.xml", Reply(200, feed, {"ETag": f'"{n}"'})) for n in "ab"]
    config = tmp_path / "sources.yaml"
    lines = [f"  - {{name: {name}, url: '{url}'}}" for name, url in zip("ab", urls, strict=True)]
    config.write_text("newsletter: {title: Warm}\ndatabase: digest.sqlite3\nsources:\n"
                      + "\n".join(lines) + "\n", encoding="utf-8")
    loaded = tmp_path / "loaded.txt"
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1",
           "DIGEST_TEST_LOADED": str(loaded)}
    outputs = []
    for _ in ("cold", "warm"):  # (the cold run stores the ETags and remembers the config)
        done = subprocess.run([sys.executable, "-c", _AT_FIRST_CONNECT, "fetch", "--config",
                               str(config)], cwd=tmp_path, env=env, capture_output=True,
                              text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        outputs.append(done.stdout)
    assert "(2 not modified since the last fetch)" in outputs[1], outputs[1]
    modules = set(loaded.read_text().split())
    assert {"digest.fetch.runner", "digest.collect"} <= modules  # (the hook saw the fetch)
    assert not modules & {*NOT_BEFORE_THE_FIRST_REQUEST, "yaml", "pydantic"}, sorted(
        modules & {*NOT_BEFORE_THE_FIRST_REQUEST, "yaml", "pydantic"})
