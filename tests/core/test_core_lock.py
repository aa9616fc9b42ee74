from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from digest.errors import LockedError, StoreError
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


def test_a_lock_that_cannot_be_made_is_a_store_error_in_one_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The database on a read-only file system: `digest run` said 'internal error: OSError:
    [Errno 30] Read-only file system: …lock' (a bug's words); a folder in the lock's place
    fails the same way, as any user."""
    from digest.cli import main

    config = tmp_path / "sources.yaml"
    config.write_text("newsletter: {title: T, timezone: UTC}\nsources: []\n", encoding="utf-8")
    (tmp_path / ".digest" / "digest.sqlite3.lock").mkdir(parents=True)
    with pytest.raises(StoreError, match=r"cannot take the run lock .*digest\.sqlite3\.lock"):
        RunLock(tmp_path / ".digest" / "digest.sqlite3").acquire()
    assert main(["run", "--config", str(config), "--no-send"]) == 1
    err = capsys.readouterr().err
    assert "cannot take the run lock" in err and "internal error" not in err
