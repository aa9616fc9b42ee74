"""A full disk under the database: one clear line, not 'internal error: OperationalError'.

The database lives on a real 384 KiB tmpfs, mounted in a private mount namespace (`unshare`)
so nothing outside the test sees it; the run fetches ~600 KB of articles into it.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO

WORDS = ("market", "policy", "chip", "model", "agency", "court", "ruling", "energy", "port",
         "freight", "vessel", "carbon", "grid", "solar", "wind", "budget", "tariff", "export")


def _in_namespace(disk: Path, *command: str) -> subprocess.CompletedProcess[str]:
    """Run `command` with a 384 KiB tmpfs mounted on `disk`, in a mount namespace of its own."""
    script = 'mount -t tmpfs -o size=384k tmpfs "$1" && shift && exec "$@"'
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(REPO)}
    return subprocess.run(["unshare", "-rm", "sh", "-c", script, "sh", str(disk), *command],
                          env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture
def disk(tmp_path: Path) -> Path:
    folder = tmp_path / "disk"
    folder.mkdir()
    if shutil.which("unshare") is None:
        pytest.skip("needs util-linux's unshare to mount a small tmpfs")
    probe = _in_namespace(folder, "true")
    if probe.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs in a user namespace here: {probe.stderr.strip()}")
    return folder


def _feed(path: Path) -> None:
    rng = random.Random(7)
    items = []
    for n in range(30):
        paras = "".join("<p>" + " ".join(rng.choice(WORDS) for _ in range(120))
                        + f" item {n} paragraph {p}.</p>" for p in range(25))
        items.append(f"<item><title>Story number {n} about the week</title>"
                     f"<link>https://example.org/s{n}</link><guid>s{n}</guid>"
                     "<pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate>"
                     f"<content:encoded><![CDATA[<article>{paras}</article>]]></content:encoded>"
                     "</item>")
    path.write_text('<?xml version="1.0"?><rss version="2.0" '
                    'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
                    "<title>F</title><link>https://example.org/</link><description>d"
                    "</description>" + "".join(items) + "</channel></rss>", encoding="utf-8")


def test_full_disk_under_the_database_is_one_clear_line(tmp_path: Path, disk: Path) -> None:
    _feed(tmp_path / "feed.xml")
    config = tmp_path / "sources.yaml"
    config.write_text("newsletter: {title: Full Disk Weekly, timezone: UTC}\n"
                      "sources:\n  - {name: Local, url: feed.xml}\n"
                      "database: disk/digest.sqlite3\n", encoding="utf-8")
    done = _in_namespace(disk, sys.executable, "-m", "digest", "run", "--config", str(config),
                         "--period", "2026-W10")
    assert done.returncode == 1, done.stdout + done.stderr
    errors = [line for line in done.stderr.splitlines() if "ERROR" in line]
    assert len(errors) == 1, done.stderr
    assert f"cannot write the database {disk / 'digest.sqlite3'}" in errors[0]
    assert "disk is full" in errors[0] and "free some space" in errors[0]
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr
    assert "OperationalError" not in done.stderr
