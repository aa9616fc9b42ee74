"""Suite-wide options, a loopback notification endpoint (publish and e2e tests), and the
PostgreSQL cluster of the tests marked `postgres` (pgkit.py)."""

from __future__ import annotations

import http.server
import json
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import parse_qs

import pytest
from hypothesis import settings

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pgkit

# No per-example deadline for any property test: on a loaded shared machine one example of a
# fast property (test_content_hash_is_the_hash_of_the_joined_tokens) took over hypothesis's
# 200 ms default and failed the suite. The examples and their checks are unchanged.
settings.register_profile("digest", deadline=None)
settings.load_profile("digest")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite golden files from the current output instead of comparing")


class Hook(http.server.BaseHTTPRequestHandler):
    """A notification endpoint for Apprise's json:// and form:// targets, recording each POST.
    /ok answers 200, /fail 500 while `failing`, /max/N 413 for a message over N characters."""

    got: ClassVar[list[dict[str, Any]]] = []
    failing: ClassVar[bool] = True

    def do_POST(self) -> None:
        raw = self.rfile.read(int(self.headers.get("Content-Length", "0"))).decode("utf-8")
        if self.headers.get("Content-Type", "").startswith("application/json"):
            body = json.loads(raw)
        else:
            body = {k: v[0] for k, v in parse_qs(raw).items()}
        self.got.append({"path": self.path, **body})
        code = 200
        if self.path.startswith("/fail") and self.failing:
            code = 500
        elif self.path.startswith("/max/") and len(body["message"]) > int(self.path[5:]):
            code = 413
        self.send_response(code)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def hook() -> Iterator[tuple[str, type[Hook]]]:
    handler = type("Hook", (Hook,), {"got": [], "failing": True})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield f"127.0.0.1:{server.server_address[1]}", handler
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[pgkit.Cluster]:
    """One throwaway PostgreSQL cluster per test process (see pgkit.py)."""
    try:
        import psycopg  # noqa: F401
    except ImportError as exc:
        if pgkit.REQUIRED:
            raise
        pytest.skip(f"psycopg is not installed (pip install -e '.[postgres]'): {exc}")
    if pgkit.bindir() is None and not pgkit.REQUIRED:
        pytest.skip("no PostgreSQL server binaries (initdb, pg_ctl); CI installs Debian's")
    with pgkit.cluster() as cluster:
        yield cluster


@pytest.fixture
def pg_url(pg_cluster: pgkit.Cluster) -> str:
    """A fresh, empty database of the session's cluster."""
    return pg_cluster.new_database()
