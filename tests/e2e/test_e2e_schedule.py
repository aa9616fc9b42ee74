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
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
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


@contextmanager
def _watched(proc: subprocess.Popen[str]) -> Iterator[list[str]]:
    """The process's stderr, line by line as it comes (read by a thread); the process is
    killed if still running at the end."""
    seen: list[str] = []
    assert proc.stderr is not None
    stderr = proc.stderr
    reader = threading.Thread(target=lambda: seen.extend(iter(stderr.readline, "")), daemon=True)
    reader.start()
    try:
        yield seen
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)
        reader.join(timeout=30)
        stderr.close()


def _wait_for(seen: list[str], text: str, proc: subprocess.Popen[str]) -> str:
    deadline = time.monotonic() + 60
    while not any(text in line for line in seen):
        assert proc.poll() is None, "".join(seen)
        assert time.monotonic() < deadline, f"never said {text!r}:\n" + "".join(seen)
        time.sleep(0.05)
    return next(line for line in seen if text in line)


def test_a_held_tick_is_retried_and_an_invalid_config_named_until_fixed(tmp_path: Path) -> None:
    """At start the lock is held (a manual `digest fetch`): the tick waited a week, so the
    week's issue with it; now it is tried again every `retry` seconds. The file, turned into
    invalid YAML meanwhile, is named with its line at each try and the scheduler lives on;
    fixed, the issue is built with the file as it is then."""
    import fcntl

    config = tmp_path / "sources.yaml"
    valid = ("newsletter: {{title: {title}, timezone: UTC}}\nsources: []\n"
             "schedule: {{day_of_week: mon, hour: 7, minute: 0, retry: 1}}\n")
    config.write_text(valid.format(title="Scheduled"), encoding="utf-8")
    (tmp_path / ".digest").mkdir()
    held = os.open(tmp_path / ".digest" / "digest.sqlite3.lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(held, fcntl.LOCK_EX)
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1"}
    proc = subprocess.Popen([sys.executable, "-m", "digest", "schedule", "--config", str(config)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        with _watched(proc) as seen:
            _wait_for(seen, "holds the lock", proc)
            config.write_text(valid.format(title="Edited").replace("sources: []", "sources:\n\t- x"),
                              encoding="utf-8")  # a tab: invalid YAML on line 3
            said = _wait_for(seen, "the config is invalid", proc)
            assert f"{config}:3: invalid YAML" in said and "trying again in 1s" in said
            config.write_text(valid.format(title="Edited Weekly"), encoding="utf-8")
            fcntl.flock(held, fcntl.LOCK_UN)
            expected = periods.last_complete_week(datetime.now(UTC), "UTC").key
            page = tmp_path / "out" / "issues" / expected / "index.html"
            _wait_until_built(page, proc, seen)
            proc.send_signal(signal.SIGTERM)
            assert proc.wait(timeout=60) == 0, "".join(seen)
    finally:
        os.close(held)
    assert "Edited Weekly" in page.read_text(encoding="utf-8")


def _wait_until_built(page: Path, proc: subprocess.Popen[str], seen: list[str]) -> None:
    """Until the scheduler has written `page` (60 s at most, the scheduler alive)."""
    deadline = time.monotonic() + 60
    while not page.exists():
        assert proc.poll() is None and time.monotonic() < deadline, "".join(seen)
        time.sleep(0.1)


def test_a_future_week_built_by_hand_does_not_hold_back_the_schedule(tmp_path: Path) -> None:
    """`digest run --period` of a week not over yet is published, not sent, and 'the first run
    after it ends rebuilds and sends it'; the scheduler counted it as built, so it built
    nothing until then (nor that week, ever)."""
    config = tmp_path / "sources.yaml"
    config.write_text("newsletter: {title: Scheduled, timezone: UTC}\nsources: []\n",
                      encoding="utf-8")
    now = datetime.now(UTC)
    ahead = periods.week_of(now + timedelta(weeks=3), "UTC").key
    env = {**os.environ, "PYTHONPATH": str(REPO), "NO_COLOR": "1"}
    early = subprocess.run([sys.executable, "-m", "digest", "run", "--config", str(config),
                            "--period", ahead], env=env, capture_output=True, text=True,
                           timeout=120)
    assert early.returncode == 0 and "has not ended yet" in early.stdout, early.stderr
    proc = subprocess.Popen([sys.executable, "-m", "digest", "schedule", "--config", str(config)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    with _watched(proc) as seen:
        expected = periods.last_complete_week(now, "UTC").key
        _wait_for(seen, f"building {expected}", proc)
        page = tmp_path / "out" / "issues" / expected / "index.html"
        _wait_until_built(page, proc, seen)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 0, "".join(seen)
