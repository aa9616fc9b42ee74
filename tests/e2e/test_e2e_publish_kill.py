"""kill -9 while the site is being written leaves no temporary file or folder in out/."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO

# The real run; the process kills itself right after the n-th fsync inside build_site, i.e.
# in the middle of writing the site's files (no hook in the product: the test wraps os.fsync).
_KILLED_WHILE_WRITING = """
import os, signal, sys
import digest.publish as publish
from digest import load_config, periods
from digest.pipeline import run
config, nth = load_config(sys.argv[1]), int(sys.argv[2])
real_build_site, real_fsync = publish.build_site, os.fsync
def build_site(*args, **kwargs):
    count = 0
    def fsync(fd):
        nonlocal count
        real_fsync(fd)
        count += 1
        if count == nth:
            os.kill(os.getpid(), signal.SIGKILL)
    os.fsync = fsync
    return real_build_site(*args, **kwargs)
publish.build_site = build_site
run(config, periods.week("2026-W10", "UTC"), fetch=False, deliver=False)
"""


@pytest.mark.parametrize("nth", [1, 3])
def test_kill_while_writing_the_site_leaves_no_temp(tmp_path: Path, nth: int) -> None:
    config = tmp_path / "sources.yaml"
    config.write_text("newsletter: {title: Kill Weekly, timezone: UTC}\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", _KILLED_WHILE_WRITING, str(config), str(nth)],
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == -signal.SIGKILL, done.stderr
    out = tmp_path / "out"
    assert (out / "issues" / "2026-W10" / "index.html").is_file()  # it died after the issue
    leftovers = [str(p.relative_to(out)) for p in out.rglob(".tmp-*")]
    assert leftovers == [], leftovers
