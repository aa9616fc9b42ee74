"""A run lock: two runs never overlap, whether started by the scheduler, cron or a person.

An OS file lock (flock) beside the database: the kernel releases it when the process dies,
even by kill -9, so a crash never leaves a stale lock behind. A flock belongs to the open
file, which a forked child shares: the run's worker processes held it too, so a run killed
by kill -9 (its orphaned workers waiting forever on their queue) left every later run
"locked" by a dead pid. A forked child closes its copy at once (`_forked`), which leaves the
parent's lock as it is (only LOCK_UN, or closing the last copy, releases it).
"""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path
from types import TracebackType

from ..errors import LockedError, StoreError

_HELD: dict[int, RunLock] = {}  # the locks this process holds, by descriptor


def _forked() -> None:
    """In a forked child: close the copies of the parent's lock descriptors (never unlock)."""
    for fd, lock in _HELD.items():
        lock._fd = None  # (the child's copy of the object must not release the parent's lock)
        with contextlib.suppress(OSError):
            os.close(fd)
    _HELD.clear()


os.register_at_fork(after_in_child=_forked)


class RunLock:
    def __init__(self, database: Path) -> None:
        self.path = database.with_name(database.name + ".lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        try:  # a read-only file system, a folder in the way: said, not an internal error
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            raise StoreError(f"cannot take the run lock {self.path} beside the database: "
                             f"{exc.strerror or exc}") from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.read(fd, 64).decode("ascii", "replace").strip() or "another process"
            os.close(fd)
            raise LockedError(
                f"another digest run holds the lock {self.path} (pid {holder}); try again later"
            ) from None
        try:  # the holder's pid, for the message above; the lock itself is the flock
            os.ftruncate(fd, 0)
            os.write(fd, str(os.getpid()).encode())
        except OSError:
            pass  # a full disk: the lock still holds, and the store will say what is wrong
        self._fd = fd
        _HELD[fd] = self

    def held_elsewhere(self) -> bool:
        """True while another process holds the lock. Probes with a shared lock that is
        dropped at once (a run starting in that instant gets the usual 'try again later')."""
        if self._fd is not None:
            return False
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except OSError:
            return False  # no lock file: no run ever started here
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        finally:
            os.close(fd)  # closing the descriptor drops the probe's lock
        return False

    def release(self) -> None:
        if self._fd is not None:
            _HELD.pop(self._fd, None)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> RunLock:
        self.acquire()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()
