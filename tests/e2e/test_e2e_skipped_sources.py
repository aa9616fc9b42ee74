"""Sources skipped on purpose are `skipped`, with their reason, not `error`; and
`digest sources enable NAME` (the command the log line names) brings a 410'd source back."""

from __future__ import annotations

import http.server
import json
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from digest import load_config, periods
from digest.cli import main
from digest.pipeline import run

FEED = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Good</title>'
        b"<link>http://127.0.0.1/</link><description>d</description><item><title>Port cranes "
        b"sold</title><guid>g1</guid><link>http://127.0.0.1/x</link><description>The old port "
        b"sold its last crane to a museum this week, the council said.</description>"
        b"<pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate></item></channel></rss>")


class _Handler(http.server.BaseHTTPRequestHandler):
    hits: Counter[str]
    gone = True

    def do_GET(self) -> None:
        self.hits[self.path] += 1
        if self.path == "/busy.xml":
            self.send_response(503)
            self.send_header("Retry-After", "86400")
        elif self.path == "/gone.xml" and self.gone:
            self.send_response(410)
        else:
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(FEED)))
            self.end_headers()
            self.wfile.write(FEED)
            return
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def feeds() -> Iterator[tuple[str, type[_Handler]]]:
    handler = type("H", (_Handler,), {"hits": Counter()})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", handler
    finally:
        server.shutdown()
        server.server_close()


def _sources(report_folder: Path) -> dict[str, dict[str, object]]:
    issue = json.loads((report_folder / "issue.json").read_text(encoding="utf-8"))
    return {s["name"]: s for s in issue["sources"]}


def test_skipped_sources_say_why_and_can_be_enabled(
        tmp_path: Path, feeds: tuple[str, type[_Handler]],
        capsys: pytest.CaptureFixture[str]) -> None:
    base, handler = feeds
    path = tmp_path / "sources.yaml"
    # operator_footer: the health line is printed under the issue (readers' copies omit it)
    path.write_text("newsletter: {title: Skip Weekly, timezone: UTC, operator_footer: true}\n"
                    "sources:\n"
                    f"  - {{name: Good, url: '{base}/good.xml'}}\n"
                    f"  - {{name: Gone Wire, url: '{base}/gone.xml'}}\n"
                    f"  - {{name: Busy, url: '{base}/busy.xml'}}\n"
                    "fetch: {retries: 0}\n", encoding="utf-8")
    config = load_config(path)
    week = periods.week("2026-W10", "UTC")
    first = run(config, week, deliver=False)
    assert first.build is not None
    assert {n: s["status"] for n, s in _sources(first.build.folder).items()} == {
        "Good": "ok", "Gone Wire": "error", "Busy": "error"}  # the first answers: failures

    second = run(config, week, deliver=False, force=True)
    assert second.build is not None
    health = _sources(second.build.folder)
    assert health["Gone Wire"]["status"] == "skipped"
    assert "disabled after HTTP 410 Gone" in str(health["Gone Wire"]["error"])
    assert "digest sources enable 'Gone Wire'" in str(health["Gone Wire"]["error"])
    assert health["Busy"]["status"] == "skipped"
    assert "wait until" in str(health["Busy"]["error"])
    assert handler.hits["/gone.xml"] == 1 and handler.hits["/busy.xml"] == 1  # not asked
    md = (second.build.folder / "issue.md").read_text(encoding="utf-8")
    assert "2 of 3 skipped: Gone Wire (disabled after HTTP 410 Gone), Busy (the server asked" \
        in md.replace("\\", "")
    assert second.manifest["skipped"] and not any(
        e.get("source") in ("Gone Wire", "Busy") for e in second.manifest["errors"])

    # The command the message names exists and works; the next run asks the source again.
    handler.gone = False
    capsys.readouterr()
    assert main(["sources", "enable", "Gone Wire", "--config", str(path)]) == 0
    assert "Gone Wire is enabled again" in capsys.readouterr().out
    assert main(["sources", "enable", "Gone Wire", "--config", str(path)]) == 0
    assert "nothing to do" in capsys.readouterr().out
    assert main(["sources", "enable", "Nope", "--config", str(path)]) == 2
    third = run(config, week, deliver=False, force=True)
    assert third.build is not None
    assert _sources(third.build.folder)["Gone Wire"]["status"] == "ok"
    assert handler.hits["/gone.xml"] == 2


def test_fetch_exits_1_when_every_source_failed(
        tmp_path: Path, feeds: tuple[str, type[_Handler]],
        capsys: pytest.CaptureFixture[str]) -> None:
    # The network down: every source failed, and `digest fetch` said so and exited 0, so a
    # cron job or a systemd unit saw a run that worked (qa40a). One that answers is enough.
    base, _ = feeds
    path = tmp_path / "sources.yaml"
    path.write_text("newsletter: {title: Down Weekly, timezone: UTC}\n"
                    "sources:\n"
                    "  - {name: Down A, url: 'http://127.0.0.1:9/a.xml'}\n"
                    f"  - {{name: Down B, url: '{base}/busy.xml'}}\n"
                    "fetch: {retries: 0}\n", encoding="utf-8")
    assert main(["fetch", "--config", str(path)]) == 1
    assert "2 failed" in capsys.readouterr().out
    path.write_text(path.read_text(encoding="utf-8").replace(
        "sources:\n", f"sources:\n  - {{name: Good, url: '{base}/good.xml'}}\n"),
        encoding="utf-8")
    assert main(["fetch", "--config", str(path)]) == 0
