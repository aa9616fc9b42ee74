"""A run killed by kill -9 leaves no worker process behind: each exits once its parent is gone.
Before, the pool's forked workers waited forever on their queue (the orphans hold its pipes
open between them), each keeping what it inherited, until the machine rebooted."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

_RUN = """
import os, sys
from pathlib import Path
from digest.workers import Pool
pool = Pool(abs)
assert pool.start(), "no pool on this machine"
pids = sorted(p.pid for p in pool._executor._processes.values())
Path(sys.argv[1]).write_text(" ".join(map(str, pids)))
os.kill(os.getpid(), 9)  # the run dies by kill -9, its workers alive
"""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # (a zombie left for init to reap counts as gone)
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(") ", 1)[1][:1] != "Z"
    except OSError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux") or (os.cpu_count() or 1) < 2,
                    reason="forked workers on a Linux machine with two cores or more")
def test_a_killed_runs_workers_exit(tmp_path: Path) -> None:
    # (the pids go through a file: the orphans would hold a captured stdout open)
    out = tmp_path / "pids"
    subprocess.run([sys.executable, "-c", _RUN, str(out)], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=60)
    pids = [int(p) for p in out.read_text().split()]
    assert pids
    deadline = time.monotonic() + 10
    while any(map(_alive, pids)) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [p for p in pids if _alive(p)]
    for pid in left:  # (never leave them behind, even when the test fails)
        os.kill(pid, 9)
    assert not left
