"""End-to-end fixtures: the bundled sample outlets served by a real HTTP server on 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"
PERIOD = "2026-W47"


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Serves samples/; /broken answers 500, /slow/… answers after a pause."""

    slow_seconds = 0.0

    def do_GET(self) -> None:
        if self.path.startswith("/broken"):
            self.send_error(500, "Internal Server Error")
            return
        if self.path.startswith("/slow/"):
            time.sleep(self.slow_seconds)
            self.path = self.path[len("/slow"):]
        super().do_GET()

    def log_message(self, format: str, *args: object) -> None:  # keep test output clean
        pass


@dataclass
class Site:
    base: str
    handler: type[_Handler]


@contextmanager
def serve(folder: Path, handler: type[_Handler] = _Handler) -> Iterator[str]:
    """Serve `folder` on 127.0.0.1 while the block runs; yields the base URL."""
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def sample_site() -> Iterator[Site]:
    handler = type("Handler", (_Handler,), {})
    with serve(SAMPLES, handler) as base:
        yield Site(base=base, handler=handler)


def http_config(tmp_path: Path, base: str, *, extra_sources: str = "",
                extra: str = "") -> Path:
    """samples/http-sources.yaml filled in, plus a failing source, written under tmp_path."""
    text = (SAMPLES / "http-sources.yaml").read_text(encoding="utf-8")
    text = text.replace("{base}", base).replace("{samples}", str(SAMPLES))
    text = text.replace("\nsources:\n", "\nsources:\n  - name: Broken Outlet\n"
                        f"    url: \"{base}/broken/feed.xml\"\n{extra_sources}", 1)
    path = tmp_path / "sources.yaml"
    path.write_text(text + extra, encoding="utf-8")
    return path


@contextmanager
def smtp_server(handler: object) -> Iterator[int]:
    """An aiosmtpd server on a free loopback port with `handler`; yields the port."""
    from aiosmtpd.controller import Controller

    with socket.socket() as probe:  # aiosmtpd checks readiness by connecting: it needs a port
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port
    finally:
        controller.stop()


class Inbox:
    """An aiosmtpd handler that keeps each message delivered, parsed and as its bytes came."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.raw: list[bytes] = []

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        content = envelope.content  # type: ignore[attr-defined]
        assert isinstance(content, bytes)
        msg = message_from_bytes(content, _class=EmailMessage, policy=policy.default)
        assert isinstance(msg, EmailMessage)
        self.messages.append(msg)
        self.raw.append(content)
        return "250 OK"


@pytest.fixture
def smtp() -> Iterator[tuple[int, Inbox]]:
    """A real SMTP server on loopback keeping what it is sent: (its port, the inbox)."""
    inbox = Inbox()
    with smtp_server(inbox) as port:
        yield port, inbox


def digest_cli(*args: str, cwd: Path | None = None, timeout: float = 240,
               env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python -m digest ARGS`; `env`: variables set over this process's."""
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(REPO), **(env or {})}
    return subprocess.run([sys.executable, "-m", "digest", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout)
