"""kill -9 at several points of a run, then run again: nothing lost, nothing doubled."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import PERIOD, REPO, Site, digest_cli, http_config

# Runs the library with a progress callback that parks the run at one stage, so the test can
# kill it exactly there. No hook in the product: the callback is the pipeline's public seam.
_PARKED_RUN = """
import pathlib, sys, time
from digest import load_config, periods
from digest.pipeline import run
config_path, stage, marker = sys.argv[1], sys.argv[2], pathlib.Path(sys.argv[3])
config = load_config(config_path)
def progress(name):
    if name == stage:
        marker.write_text(name)
        time.sleep(120)
run(config, periods.week("2026-W47", config.newsletter.timezone), progress=progress)
"""


def _kill_at(config: Path, stage: str, tmp_path: Path, delay: float = 0.0) -> None:
    marker = tmp_path / f"parked-{stage}"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, "-c", _PARKED_RUN, str(config), stage, str(marker)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not marker.exists():
        assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
        assert time.monotonic() < deadline, f"the run never reached {stage}"
        time.sleep(0.05)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)  # reaps it and closes the pipe


@pytest.mark.slow
@pytest.mark.parametrize("stage", ["fetch", "edit", "render", "publish"])
def test_kill_9_then_rerun_is_consistent(tmp_path: Path, sample_site: Site, stage: str) -> None:
    config = http_config(tmp_path, sample_site.base)
    _kill_at(config, stage, tmp_path, delay=0.3 if stage == "fetch" else 0.0)

    again = digest_cli("run", "--config", str(config), "--period", PERIOD)
    assert again.returncode == 0, again.stderr
    db = sqlite3.connect(tmp_path / ".digest" / "digest.sqlite3")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    dupes = db.execute("SELECT url_key, COUNT(*) FROM article GROUP BY source, url_key "
                       "HAVING COUNT(*) > 1").fetchall()
    assert dupes == []
    statuses = [r[0] for r in db.execute("SELECT status FROM run ORDER BY id")]
    assert statuses == ["interrupted", "ok"]

    folder = tmp_path / "out" / "issues" / PERIOD
    issue = json.loads((folder / "issue.json").read_text(encoding="utf-8"))
    assert issue["key"] == PERIOD and issue["stories"]
    leftovers = [p.name for p in (tmp_path / "out").rglob(".*")]
    assert leftovers == [], leftovers
    count = db.execute("SELECT COUNT(*) FROM article").fetchone()[0]

    # a third run is a no-op and adds nothing
    third = digest_cli("run", "--config", str(config), "--period", PERIOD)
    assert third.returncode == 0 and "already built" in third.stdout
    assert db.execute("SELECT COUNT(*) FROM article").fetchone()[0] == count


@pytest.mark.slow
def test_kill_9_in_the_middle_of_fetching(tmp_path: Path, sample_site: Site) -> None:
    """A source still downloading when the process dies: the re-run completes the issue."""
    sample_site.handler.slow_seconds = 3.0
    config = http_config(tmp_path, sample_site.base, extra_sources=(
        f"  - name: Slow Outlet\n    url: \"{sample_site.base}/slow/outlets/bamboo-wire/feed.xml\"\n"))
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, "-m", "digest", "run", "--config", str(config),
                             "--period", PERIOD], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    time.sleep(1.5)  # well inside the slow response
    assert proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    sample_site.handler.slow_seconds = 0.0
    again = digest_cli("run", "--config", str(config), "--period", PERIOD)
    assert again.returncode == 0, again.stderr
    issue = json.loads((tmp_path / "out" / "issues" / PERIOD / "issue.json").read_text())
    slow = next(s for s in issue["sources"] if s["name"] == "Slow Outlet")
    assert slow["status"] == "ok"
