"""A run killed with its worker processes still alive leaves no lock behind: the workers
(forked, sharing the lock's open file) no longer hold it. Before, every later run was told
"another digest run holds the lock (pid <the dead run>)" for as long as the orphans lived."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from digest.store import RunLock

_RUN = """
import os, sys, time
from pathlib import Path
from digest.store import RunLock
lock = RunLock(Path(sys.argv[1]))
lock.acquire()
child = os.fork()
if child == 0:  # a worker: outlives its parent, as an orphaned pool worker does
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)  # (the test reads the run's output to its end)
    time.sleep(60)
    os._exit(0)
print(child, flush=True)
os.kill(os.getpid(), 9)  # the run dies by kill -9, its worker still alive
"""


def test_a_killed_runs_forked_workers_do_not_keep_its_lock(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    run = subprocess.run([sys.executable, "-c", _RUN, str(db)], capture_output=True,
                         text=True, timeout=30)
    orphan = int(run.stdout.split()[0])
    try:
        assert not RunLock(db).held_elsewhere()
        with RunLock(db):
            pass
    finally:
        os.kill(orphan, signal.SIGKILL)


def test_a_forked_child_leaves_its_parents_lock_held(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    with RunLock(db):
        child = os.fork()
        if child == 0:
            os._exit(0)
        os.waitpid(child, 0)
        probe = subprocess.run(
            [sys.executable, "-c", "import sys; from pathlib import Path; "
             "from digest.store import RunLock; "
             "print(RunLock(Path(sys.argv[1])).held_elsewhere())", str(db)],
            capture_output=True, text=True, timeout=30)
        assert probe.stdout.strip() == "True"
