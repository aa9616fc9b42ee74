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
    """Checkpoints `path`'s log in a thread (started on the first one), every `every`
    characters the store reports with `wrote`."""

    def __init__(self, path: Path, every: int = CHECKPOINT_CHARS) -> None:
        self.path = path
        self.every = every
        self.runs = 0  # checkpoints done
        self._written = 0
        self._wake = threading.Event()
        self._due = False  # a checkpoint is asked for
        self._stopping = False
        self._thread: threading.Thread | None = None

    def wrote(self, chars: int) -> None:
        """`chars` more characters of article text went into the log."""
        self._written += chars
        if self._written < self.every:
            return
        self._written = 0
        self._due = True
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="digest-checkpoint",
                                            daemon=True)
            self._thread.start()
        self._wake.set()

    def _run(self) -> None:
        try:
            conn = sqlite3.connect(str(self.path), timeout=30, isolation_level=None)
        except sqlite3.Error:
            return  # no checkpoint but the one at close: the log only grows longer
        try:
            while True:
                self._wake.wait()
                self._wake.clear()
                if self._due:
                    self._due = False
                    # upkeep, not data: a checkpoint that cannot run now is left to the next
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                        self.runs += 1
                if self._stopping:
                    return
        finally:
            conn.close()

    def close(self) -> None:
        """Stop the thread (a checkpoint asked for or under way is done first)."""
        if self._thread is not None:
            self._stopping = True
            self._wake.set()
            self._thread.join()
            self._thread = None
