"""The write-ahead log copied into the database file by a thread of its own.

In WAL mode SQLite appends every commit to `<database>-wal`, and once the log holds 1,000
pages (about 4 MB) the connection that commits copies it into the database file: a
checkpoint, which waits for the disk twice. In `digest fetch` that connection belongs to the
run's main thread, which also talks HTTP and hands the parse workers their feeds: storing
10,000 articles met 32 checkpoints, and the thread stood in fdatasync for 0.9-1.7 s of the
run (strace, bench loopback 500 × 20, a disk shared with other work).

So the store's own connection never checkpoints (`wal_autocheckpoint=0`). Each time about
`every` characters of article text went into the log, a thread with a connection of its own
runs a PASSIVE checkpoint, which never blocks the writer (it copies what is committed and
leaves the rest for the next one). Durability is what it was: a commit is as durable as its
`synchronous` level makes it (FULL: the log reaches the disk at commit; NORMAL, `save_fetch`:
at the next checkpoint, now this thread's), and closing the store, its last connection,
still checkpoints and removes the log.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from pathlib import Path

CHECKPOINT_CHARS = 4 * 1024 * 1024  # article text written between two checkpoints


class Checkpointer:
    """Checkpoints `path`'s log in a thread, each time the store reported `every` characters
    with `wrote` (one at a time: writes made meanwhile count towards the next). The thread
    lives only while it checkpoints, so a run that has stopped writing has no thread left
    (a process that forks its workers looks for that: see workers.py)."""

    def __init__(self, path: Path, every: int = CHECKPOINT_CHARS) -> None:
        self.path = path
        self.every = every
        self.runs = 0  # checkpoints done
        self._written = 0
        self._thread: threading.Thread | None = None

    def wrote(self, chars: int) -> None:
        """`chars` more characters of article text went into the log."""
        self._written += chars
        if self._written < self.every or (self._thread is not None and self._thread.is_alive()):
            return
        self._written = 0
        self._thread = threading.Thread(target=self._checkpoint, name="digest-checkpoint",
                                        daemon=True)
        self._thread.start()

    def _checkpoint(self) -> None:
        # upkeep, not data: a checkpoint that cannot run now is left to the next (or to close)
        with contextlib.suppress(sqlite3.Error):
            conn = sqlite3.connect(str(self.path), timeout=30, isolation_level=None)
            try:
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                self.runs += 1
            finally:
                conn.close()

    def close(self) -> None:
        """Wait for a checkpoint under way."""
        if self._thread is not None:
            self._thread.join()
            self._thread = None
