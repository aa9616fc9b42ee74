"""Fixtures of the fetch tests (helpers live in fetch_testkit.py)."""

from __future__ import annotations

import contextlib
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fetch_testkit import ScriptServer, serving

from digest.models import FetchSettings


@pytest.fixture
def server() -> Iterator[ScriptServer]:
    srv = ScriptServer()
    with serving(srv):
        yield srv


@pytest.fixture
def settings() -> FetchSettings:
    """Small timeouts and caps so the bad-input matrix stays fast (a loopback connect gets
    1.5 s and a read 1 s: at 0.5 s each, the good source beside a bad one timed out on a
    loaded machine)."""
    return FetchSettings(connect_timeout=1.5, read_timeout=1.0, total_timeout=3.0,
                         max_bytes=1024 * 1024, retries=0, concurrency=16, per_host=8)


@pytest.fixture
def stalled_port() -> Iterator[int]:
    """A port whose accept queue is full, so a new connection never completes (connect
    timeout): a listener with backlog 0 that never accepts, plus connections filling it."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    fillers = []
    for _ in range(4):
        filler = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        filler.setblocking(False)
        with contextlib.suppress(BlockingIOError):
            filler.connect(("127.0.0.1", port))
        fillers.append(filler)
    time.sleep(0.05)
    try:
        yield port
    finally:
        for filler in fillers:
            filler.close()
        listener.close()


