"""How the SQLite store writes: transactions (waiting for the disk or not), what a failed
write becomes (one `StoreError` a person can act on), and a fetch's WAL checkpoints."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import StoreError

WAL_BOUND = 4  # times SQLite's checkpoint mark (pages) the WAL may reach during a fetch
RESTART_WAIT = 0.1  # seconds a WAL restart waits for the writer and for readers


class Checkpoints:
    """A fetch's WAL checkpoints, in a thread of their own (`SQLiteStore.saving_fetches`).

    A commit that fills the WAL past SQLite's mark (1,000 pages) checkpoints it there and
    then: copies the pages into the database file and waits for the disk twice. During a
    fetch that commit is on the event loop, which meanwhile hands no parse worker its next
    job: in a 500-feed fetch 31 of the 500 saves took 20-50 ms for 5-9 ms of CPU, and the
    same fetch with the database in memory (/dev/shm) ended 0.6-0.9 s sooner. While
    `active`, the commits leave the WAL alone (`wal_autocheckpoint=0`) and a thread with its
    own connection runs a PASSIVE checkpoint (which never blocks a writer) once the commits
    since the last one wrote as much text as SQLite's mark holds (`written`: the WAL pages of
    a batch are mostly its articles' text; a run of 304s writes only states, and checkpoints
    at the end as before); its disk waits release the GIL. Past `WAL_BOUND` times the mark it
    restarts the WAL (see `_run`), so the file stays bounded however long the fetch. The thread
    starts with the first commit (after the run has forked its workers: a fork copies no
    thread) and is gone when the block ends, SQLite's own checkpoints back on. What a commit
    holds is untouched: a crash loses or keeps whole transactions, as before."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn, self._path = conn, path
        self._on = False
        self._wake = threading.Event()
        self._stopping = False
        self._thread: threading.Thread | None = None
        self._written = 0  # characters of text committed since the last checkpoint was asked
        self._mark = 0  # ... at which the next one is asked: SQLite's autocheckpoint's pages
        self._pages = 0  # the autocheckpoint the connection had, given back at the end
        self._bound = 0  # WAL frames past which a checkpoint restarts the WAL

    @contextmanager
    def active(self) -> Iterator[None]:
        if self._on:  # (nested: the outer block owns the thread)
            yield
            return
        try:
            self._pages = self._conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
            self._mark = self._pages * self._conn.execute("PRAGMA page_size").fetchone()[0]
            self._bound = WAL_BOUND * max(1, self._pages)
            self._conn.execute("PRAGMA wal_autocheckpoint=0")
        except sqlite3.Error:
            yield  # (SQLite's own checkpoints, then)
            return
        self._on, self._stopping = True, False
        try:
            yield
        finally:
            self._stopping = True
            self._wake.set()
            if self._thread is not None:
                self._thread.join()
            self._thread, self._on = None, False
            self._wake.clear()
            self._written = 0
            with contextlib.suppress(sqlite3.Error):
                self._conn.execute(f"PRAGMA wal_autocheckpoint={int(self._pages)}")

    def committed(self, written: int) -> None:
        """A commit of `written` characters of text went into the WAL: when active, a
        checkpoint is asked for once they add up to the mark (the thread starts then)."""
        if not self._on:
            return
        self._written += written
        if self._written < self._mark:
            return
        self._written = 0
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="digest-checkpoint",
                                            daemon=True)
            self._thread.start()
        self._wake.set()

    def _run(self) -> None:
        try:
            # (a PASSIVE checkpoint never waits; the RESTART one waits at most RESTART_WAIT
            # for the writer's transaction and for readers of an older snapshot, holding
            # the writer meanwhile, then gives up: the next one tries again)
            conn = sqlite3.connect(str(self._path), timeout=RESTART_WAIT, isolation_level=None)
        except sqlite3.Error:
            return
        try:
            while True:
                self._wake.wait()
                self._wake.clear()
                if self._stopping:
                    return
                with contextlib.suppress(sqlite3.Error):  # the next commit tries again
                    row = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                    if row and row[1] > self._bound:
                        # The commits land while each checkpoint runs, so the WAL is never
                        # wholly copied when a write begins and SQLite never restarts it: it
                        # grew with the run (131 MB for 10,000 bench articles). Past the
                        # bound, a second PASSIVE copies what came meanwhile and a RESTART
                        # the few frames left, holding the writer that long (a stall of
                        # tens of ms every ~16 MB), and the next commit writes from the
                        # WAL's start: 26-29 MB for the same run.
                        conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
                        conn.execute("PRAGMA wal_checkpoint(RESTART)")
        finally:
            conn.close()


class Transaction:
    """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any exception (KeyboardInterrupt included).

    A failure of the database itself (disk full, I/O error, locked too long) becomes one
    StoreError naming the file, so the command line can say what happened in one line.

    Every commit waits for the disk (`synchronous=FULL`, SQLite's default) unless the
    transaction is not `durable`: then it commits with `synchronous=NORMAL`, which in WAL mode
    still never corrupts the file nor splits a transaction, but may lose the last commits if
    the machine (not the process) fails before the next checkpoint. Only `save_fetch` uses it:
    a fetch saves a transaction per source, and waiting for the disk 500 times cost 2.8 s where
    NORMAL took 0.37 s (500 commits of 20 rows on this machine); whatever a power cut loses
    there is fetched again, while the delivery ledger, runs and issues stay durable."""

    def __init__(self, conn: sqlite3.Connection, path: Path, *, durable: bool = True) -> None:
        self._conn = conn
        self._path = path
        self._durable = durable

    def __enter__(self) -> None:
        if not self._durable:
            self._synchronous("NORMAL")
        try:
            self._conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            self._synchronous("FULL")
            raise write_error(self._path, exc) from exc

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        try:
            self._finish(exc_type, exc)
        finally:
            if not self._durable:
                self._synchronous("FULL")

    def _synchronous(self, level: str) -> None:
        with contextlib.suppress(sqlite3.Error):  # a setting, not data: never worth failing on
            self._conn.execute(f"PRAGMA synchronous={level}")

    def _finish(self, exc_type: object, exc: object) -> None:
        if exc_type is None:
            try:
                self._conn.execute("COMMIT")
                return
            except sqlite3.Error as failure:
                with contextlib.suppress(sqlite3.Error):
                    self._conn.execute("ROLLBACK")
                raise write_error(self._path, failure) from failure
        with contextlib.suppress(sqlite3.Error):  # SQLite may have rolled back on its own
            self._conn.execute("ROLLBACK")
        if isinstance(exc, sqlite3.OperationalError):
            raise write_error(self._path, exc) from exc


# What a person can do about the database failing, by SQLite's primary result code.
_HINTS = {
    "SQLITE_FULL": "the disk holding it is full: free some space, then run again; nothing of "
                   "this step was saved",
    "SQLITE_IOERR": "the disk holding it failed to write",
    "SQLITE_READONLY": "it is read-only for this user",
    "SQLITE_BUSY": "another process kept it locked",
}


def write_error(path: Path, exc: sqlite3.Error) -> StoreError:
    primary = "_".join(str(getattr(exc, "sqlite_errorname", "")).split("_")[:2])
    hint = _HINTS.get(primary)
    return StoreError(f"cannot write the database {path}: {exc}" + (f" ({hint})" if hint else ""))
