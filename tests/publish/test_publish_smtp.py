"""send_issue against real SMTP servers on 127.0.0.1: aiosmtpd, and raw sockets that misbehave."""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from dataclasses import replace
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

from digest.errors import PublishError
from digest.models import Delivery, EmailSettings, Issue
from digest.publish import publish_issue, read_recipients, send_issue
from digest.render import render_issue


class MemoryLog:
    """The DeliveryLog protocol, in memory (the store implements it for real)."""

    def __init__(self) -> None:
        self.records: list[Delivery] = []

    def was_sent(self, issue: str, recipient: str) -> bool:
        return any(d.ok and d.issue == issue and d.recipient == recipient for d in self.records)

    def record_delivery(self, delivery: Delivery) -> None:
        self.records.append(delivery)


class Inbox:
    def __init__(self) -> None:
        self.envelopes: list[Envelope] = []
        self.refuse: set[str] = set()

    async def handle_RCPT(self, server: SMTP, session: Session, envelope: Envelope,
                          address: str, rcpt_options: list[str]) -> str:
        if address in self.refuse:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.envelopes.append(envelope)
        return "250 Message accepted"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def inbox() -> Iterator[tuple[Inbox, int]]:
    handler = Inbox()
    port = _free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield handler, port
    finally:
        controller.stop()


@pytest.fixture
def out(tmp_path: Path, issue: Issue, email_settings: EmailSettings) -> Path:
    publish_issue(render_issue(issue), tmp_path, issue=issue, email=email_settings)
    return tmp_path


def _settings(base: EmailSettings, port: int, **kw: Any) -> EmailSettings:
    return replace(base, smtp_host="127.0.0.1", smtp_port=port, security="none",
                   timeout=kw.pop("timeout", 5.0), **kw)


def test_send_delivers_once_per_recipient(inbox: tuple[Inbox, int], out: Path,
                                          email_settings: EmailSettings, issue: Issue) -> None:
    handler, port = inbox
    email = _settings(email_settings, port)
    log = MemoryLog()
    deliveries = send_issue(issue.key, out, email, log)
    assert [(d.recipient, d.ok) for d in deliveries] == [("ann@example.com", True),
                                                         ("bob@example.com", True)]
    assert log.records == deliveries
    assert [e.rcpt_tos for e in handler.envelopes] == [["ann@example.com"], ["bob@example.com"]]

    html = (out / "issues" / issue.key / "email.html").read_text(encoding="utf-8")
    text = (out / "issues" / issue.key / "email.txt").read_text(encoding="utf-8")
    for envelope, rcpt in zip(handler.envelopes, ("ann@example.com", "bob@example.com"),
                              strict=True):
        assert envelope.mail_from == "digest@news.example.org"
        assert isinstance(envelope.content, bytes)
        msg = message_from_bytes(envelope.content, _class=EmailMessage, policy=policy.default)
        assert isinstance(msg, EmailMessage)
        parts = list(msg.iter_parts())
        assert [p.get_content_type() for p in parts] == ["text/plain", "text/html"]
        assert parts[1].get_content() == html
        assert parts[0].get_content() == text
        assert msg["To"] == rcpt
        assert msg["Subject"] == issue.title
        assert msg["Message-ID"] == "<digest.2026-W10@news.example.org>"
        assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert deliveries[0].message_id == msg["Message-ID"]

    again = send_issue(issue.key, out, email, log)
    assert again == [] and len(handler.envelopes) == 2  # a re-run never sends twice


def test_refused_recipient_is_recorded_and_retried(inbox: tuple[Inbox, int], out: Path,
                                                   email_settings: EmailSettings,
                                                   issue: Issue) -> None:
    handler, port = inbox
    handler.refuse.add("ann@example.com")
    email = _settings(email_settings, port)
    log = MemoryLog()
    first = send_issue(issue.key, out, email, log)
    assert [(d.recipient, d.ok) for d in first] == [("ann@example.com", False),
                                                    ("bob@example.com", True)]
    assert first[0].error and "550" in first[0].error and "refused" in first[0].error
    handler.refuse.clear()
    second = send_issue(issue.key, out, email, log)
    assert [(d.recipient, d.ok) for d in second] == [("ann@example.com", True)]
    assert sorted(r for e in handler.envelopes for r in e.rcpt_tos) == [
        "ann@example.com", "bob@example.com"]


class BadServer:
    """A raw TCP server: 'silent' never greets; 'drop' hangs up once the message body starts."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = int(self.sock.getsockname()[1])
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        self.sock.settimeout(0.2)
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            threading.Thread(target=self._talk, args=(conn,), daemon=True).start()

    def _talk(self, conn: socket.socket) -> None:
        with conn:
            if self.mode == "silent":
                self.stop.wait(10)
                return
            conn.sendall(b"220 flaky ESMTP\r\n")
            reader = conn.makefile("rb")
            for line in reader:
                cmd = line.strip().upper()
                if cmd.startswith((b"EHLO", b"HELO")):
                    conn.sendall(b"250 flaky\r\n")
                elif cmd.startswith((b"MAIL", b"RCPT", b"RSET", b"NOOP")):
                    conn.sendall(b"250 OK\r\n")
                elif cmd == b"DATA":
                    conn.sendall(b"354 go ahead\r\n")
                    reader.readline()  # the first line of the message, then hang up
                    return
                elif cmd == b"QUIT":
                    conn.sendall(b"221 bye\r\n")
                    return

    def close(self) -> None:
        self.stop.set()
        self.sock.close()
        self.thread.join(5)


@pytest.mark.parametrize(("mode", "expect"), [("drop", "closed the connection"),
                                              ("silent", "timed out")])
def test_misbehaving_server_records_failure_then_retries(
        mode: str, expect: str, inbox: tuple[Inbox, int], out: Path,
        email_settings: EmailSettings, issue: Issue) -> None:
    bad = BadServer(mode)
    log = MemoryLog()
    try:
        failed = send_issue(issue.key, out, _settings(email_settings, bad.port, timeout=0.5),
                            log)
    finally:
        bad.close()
    assert [d.ok for d in failed] == [False, False]
    assert all(d.error and expect in d.error for d in failed), failed
    assert log.records == failed  # recorded, and nothing marked sent
    handler, port = inbox
    retried = send_issue(issue.key, out, _settings(email_settings, port), log)
    assert [(d.recipient, d.ok) for d in retried] == [("ann@example.com", True),
                                                      ("bob@example.com", True)]
    assert len(handler.envelopes) == 2


def test_unreachable_server_is_a_clear_error(out: Path, email_settings: EmailSettings,
                                             issue: Issue) -> None:
    log = MemoryLog()
    failed = send_issue(issue.key, out, _settings(email_settings, _free_port()), log)
    assert [d.ok for d in failed] == [False, False]
    assert "cannot reach SMTP server 127.0.0.1" in (failed[0].error or "")
    assert "not attempted" in (failed[1].error or "") or "cannot reach" in (failed[1].error or "")


def test_starttls_is_never_silently_dropped(inbox: tuple[Inbox, int], out: Path,
                                            email_settings: EmailSettings,
                                            issue: Issue) -> None:
    handler, port = inbox
    email = replace(_settings(email_settings, port), security="starttls")
    failed = send_issue(issue.key, out, email, MemoryLog())
    assert not failed[0].ok and "does not offer STARTTLS" in (failed[0].error or "")
    assert handler.envelopes == []


def test_dry_run_sends_and_records_nothing(inbox: tuple[Inbox, int], out: Path,
                                           email_settings: EmailSettings,
                                           issue: Issue) -> None:
    handler, port = inbox
    log = MemoryLog()
    planned = send_issue(issue.key, out, _settings(email_settings, port), log, dry_run=True)
    assert [d.recipient for d in planned] == ["ann@example.com", "bob@example.com"]
    assert handler.envelopes == [] and log.records == []


def test_recipients_file_comments_and_duplicates(tmp_path: Path) -> None:
    path = tmp_path / "subscribers.txt"
    path.write_text("# subscribers\ncat@example.com  # via the form\n\nANN@example.com\n",
                    encoding="utf-8")
    email = EmailSettings(recipients=("ann@example.com",), recipients_file=path)
    assert read_recipients(email) == ["ann@example.com", "cat@example.com"]
    with pytest.raises(PublishError):
        read_recipients(EmailSettings(recipients=("not an address",)))


def test_unpublished_issue_is_a_publish_error(tmp_path: Path) -> None:
    with pytest.raises(PublishError, match="publish it first"):
        send_issue("2030-W01", tmp_path, EmailSettings(recipients=("a@b.example",)), MemoryLog())
