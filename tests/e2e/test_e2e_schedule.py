"""`digest schedule` as a real process: catches up the missing week at start, stops on a signal."""

from __future__ import annotations

import http.server
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from digest import periods

from .conftest import REPO


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGTERM, 0), (signal.SIGINT, 130)])
def test_schedule_catches_up_at_start_and_stops_on_a_signal(tmp_path: Path, signum: int,
                                                            code: int) -> None:
    """SIGTERM (a service manager) stops it cleanly, 0; Ctrl-C is an interruption, 130 as for
    every command (it ended 0)."""
    config = tmp_path / "sources.yaml"
    config.write_text(
        "newsletter: {title: Scheduled, timezone: UTC}\n"
        "sources: []\n"
        "schedule: {day_of_week: mon, hour: 7, minute: 0}\n", encoding="utf-8")
    expected = periods.last_complete_week(datetime.now(UTC), "UTC").key
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "digest", "schedule", "--config", str(config)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    page = tmp_path / "out" / "issues" / expected / "index.html"
    deadline = time.monotonic() + 120
    while not page.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the scheduler did not catch up the missing week"
        time.sleep(0.1)
    time.sleep(0.5)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == code, err
    assert "scheduler stopped" in err
    db = sqlite3.connect(tmp_path / ".digest" / "digest.sqlite3")
    assert db.execute("SELECT command, period, status FROM run").fetchall() == [
        ("schedule", expected, "ok")]


def test_a_signal_stops_a_fetch_in_flight_at_once(tmp_path: Path) -> None:
    """A source whose server never answers held a stopping scheduler for the whole total
    timeout (60 s; a container's stop grace is 10) and was then stored as that server's
    timeout: now the fetch is cut short, the source is left as it was for the next run and the
    run is recorded as interrupted."""
    asked = threading.Event()
    release = threading.Event()

    class Silent(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.set()
            release.wait(90)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Silent)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    config = tmp_path / "sources.yaml"
    config.write_text(
        "newsletter: {title: Scheduled, timezone: UTC}\n"
        f"sources: [{{name: Slow, url: 'http://127.0.0.1:{server.server_port}/f.xml'}}]\n",
        encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "digest", "schedule", "--config", str(config)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert asked.wait(60), proc.communicate(timeout=5)
        proc.send_signal(signal.SIGTERM)
        stopping = time.monotonic()
        _, err = proc.communicate(timeout=50)
        took = time.monotonic() - stopping
    finally:
        release.set()
        server.shutdown()
        server.server_close()
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert took < 20, f"took {took:.1f} s to stop"
    assert "timeout" not in err
    db = sqlite3.connect(tmp_path / ".digest" / "digest.sqlite3")
    assert db.execute("SELECT command, status FROM run").fetchall() == [
        ("schedule", "interrupted")]
    assert db.execute("SELECT failures FROM source_state").fetchall() in ([], [(0,)])
