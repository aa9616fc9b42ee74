from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from digest.errors import LockedError
from digest.store import RunLock


def test_second_holder_is_refused_and_lock_is_released(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    with RunLock(db), pytest.raises(LockedError, match="another digest run"):
        RunLock(db).acquire()
    with RunLock(db):  # released on exit
        pass


def test_lock_dies_with_its_process(tmp_path: Path) -> None:
    db = tmp_path / "db.sqlite3"
    code = (f"from digest.store import RunLock; import os; l = RunLock(__import__('pathlib')"
            f".Path({str(db)!r})); l.acquire(); os._exit(0)")
    subprocess.run([sys.executable, "-c", code], check=True)
    with RunLock(db):  # a process that died holding it does not block us
        pass
