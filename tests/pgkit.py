"""A throwaway PostgreSQL cluster for the tests: initdb + pg_ctl in a temporary folder, on a
free port of 127.0.0.1, as an unprivileged user when the tests run as root (CI does; postgres
refuses root). Every test gets its own database.

Without the server binaries the tests marked `postgres` skip and say why, except where
DIGEST_REQUIRE_POSTGRES=1 (.ci/run sets it): there a missing or failing server fails them.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

REQUIRED = os.environ.get("DIGEST_REQUIRE_POSTGRES") == "1"
_names = itertools.count()


def bindir() -> Path | None:
    """Where initdb and pg_ctl are: on PATH, or Debian's /usr/lib/postgresql/N/bin."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(found).resolve().parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                      key=lambda p: int(Path(p).parent.parent.name or 0))
    return Path(versions[-1]).parent if versions else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Cluster:
    def __init__(self, folder: Path, port: int, bin_dir: Path, user: str | None) -> None:
        self.folder, self.port, self.bin, self.user = folder, port, bin_dir, user

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def _run(self, *argv: str) -> None:
        command = [str(self.bin / argv[0]), *argv[1:]]
        if self.user:
            command = ["runuser", "-u", self.user, "--", *command]
        done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
        if done.returncode != 0:
            log = self.folder / "server.log"
            tail = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise RuntimeError(f"{argv[0]} failed ({done.returncode}): {done.stderr}\n{tail}")

    def start(self) -> None:
        data = self.folder / "data"
        self._run("initdb", "-D", str(data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
                  "--locale=C", "--no-sync")
        options = (f"-p {self.port} -h 127.0.0.1 -k {self.folder} -c fsync=off "
                   "-c synchronous_commit=off -c full_page_writes=off -c max_connections=300 "
                   "-c shared_buffers=32MB")
        self._run("pg_ctl", "-D", str(data), "-o", options, "-l",
                  str(self.folder / "server.log"), "-w", "-t", "60", "start")

    def stop(self) -> None:
        self._run("pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "-w", "stop")

    def new_database(self) -> str:
        import psycopg

        name = f"t{os.getpid()}_{next(_names)}"
        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
        return self.url(name)


@contextmanager
def cluster() -> Iterator[Cluster]:
    """Start a cluster; raises RuntimeError when it cannot."""
    bin_dir = bindir()
    if bin_dir is None:
        raise FileNotFoundError("no PostgreSQL server binaries (initdb, pg_ctl) on PATH or in "
                                "/usr/lib/postgresql/*/bin")
    folder = Path(tempfile.mkdtemp(prefix="digest-pg-"))
    user = None
    if os.geteuid() == 0:  # postgres will not run as root: hand the folder to nobody
        user = "nobody"
        entry = pwd.getpwnam(user)
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    c = Cluster(folder, free_port(), bin_dir, user)
    try:
        c.start()
        yield c
    finally:
        with suppress(Exception):
            c.stop()
        shutil.rmtree(folder, ignore_errors=True)
