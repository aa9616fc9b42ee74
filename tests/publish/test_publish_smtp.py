"""send_issue against real SMTP servers on 127.0.0.1: aiosmtpd (plain, STARTTLS, implicit TLS,
AUTH), and raw sockets that misbehave."""

from __future__ import annotations

import socket
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any, Literal

import pytest
import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

from digest.errors import PublishError
from digest.models import Delivery, DeliveryStatus, EmailSettings, Issue
from digest.publish import publish_issue, read_recipients, send_issue
from digest.render import render_issue


class MemoryLog:
    """The DeliveryLog protocol, in memory (the store implements it for real)."""

    def __init__(self) -> None:
        self.records: list[Delivery] = []

    def delivery_states(self, issue: str) -> dict[str, DeliveryStatus]:
        return {d.recipient.lower(): d.status for d in self.records if d.issue == issue}

    @property
    def outcomes(self) -> list[Delivery]:
        """The records without the intents written before each hand-over."""
        return [d for d in self.records if d.status != "sending"]

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
    assert log.outcomes == deliveries
    # the intent (with the copy's Message-ID) is written before each message is handed over
    assert [(d.recipient, d.status) for d in log.records] == [
        ("ann@example.com", "sending"), ("ann@example.com", "sent"),
        ("bob@example.com", "sending"), ("bob@example.com", "sent")]
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
        # one stable Message-ID per issue and recipient
        assert msg["Message-ID"].startswith("<digest.2026-W10.")
        assert msg["Message-ID"].endswith("@news.example.org>")
        assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        mine = next(d for d in deliveries if d.recipient == rcpt)
        assert mine.message_id == msg["Message-ID"]
    assert len({d.message_id for d in deliveries}) == 2

    again = send_issue(issue.key, out, email, log)
    assert again == [] and len(handler.envelopes) == 2  # a re-run never sends twice


def test_each_copy_is_dated_when_it_is_sent(inbox: tuple[Inbox, int], out: Path,
                                            email_settings: EmailSettings,
                                            issue: Issue) -> None:
    """Every copy carried the issue's period end as its Date, so a recipient retried a week
    later (or sent with --resend) got a message dated a week back: sorted below newer mail,
    and scored by spam filters (DATE_IN_PAST_96_XX). issue.eml keeps the period end."""
    handler, port = inbox
    before = datetime.now(UTC).replace(microsecond=0)
    send_issue(issue.key, out, _settings(email_settings, port), MemoryLog())
    after = datetime.now(UTC)
    for envelope in handler.envelopes:
        assert isinstance(envelope.content, bytes)
        msg = message_from_bytes(envelope.content, _class=EmailMessage, policy=policy.default)
        assert len(msg.get_all("Date") or []) == 1
        assert before <= msg["Date"].datetime <= after
    saved = (out / "issues" / issue.key / "issue.eml").read_bytes()
    kept = message_from_bytes(saved, _class=EmailMessage, policy=policy.default)
    assert kept["Date"].datetime == issue.period.end


def test_non_ascii_addresses_are_sent_with_smtputf8(out: Path, email_settings: EmailSettings,
                                                   issue: Issue) -> None:
    """A recipient with a non-ASCII local part (读者@…) stopped the whole send with an
    internal error (NonASCIILocalPartDefect) at that recipient: nobody after it got the
    issue, on every run. It is sent with SMTPUTF8, its To as written."""
    handler = Inbox()
    port = _free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, enable_SMTPUTF8=True)
    controller.start()
    rcpts = ("ann@example.com", "读者@example.org", "bob@bücher.example", "cy@example.com")
    try:
        deliveries = send_issue(issue.key, out, _settings(email_settings, port,
                                                          recipients=rcpts), MemoryLog())
    finally:
        controller.stop()
    assert [(d.recipient, d.status) for d in deliveries] == [(r, "sent") for r in rcpts]
    assert [e.rcpt_tos for e in handler.envelopes] == [[r] for r in rcpts]
    for envelope, rcpt in zip(handler.envelopes, rcpts, strict=True):
        assert isinstance(envelope.content, bytes)
        msg = message_from_bytes(envelope.content, _class=EmailMessage, policy=policy.default)
        assert msg["To"] == rcpt


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
    """A raw TCP server: 'silent' never greets; 'drop' hangs up at RCPT (before any message);
    'swallow' reads the whole message, then hangs up without answering."""

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
                elif cmd.startswith(b"RCPT") and self.mode == "drop":
                    return
                elif cmd.startswith((b"MAIL", b"RCPT", b"RSET", b"NOOP")):
                    conn.sendall(b"250 OK\r\n")
                elif cmd == b"DATA":
                    conn.sendall(b"354 go ahead\r\n")
                    while reader.readline() not in (b".\r\n", b""):
                        pass  # the whole message, up to its final dot; then hang up
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
    assert [d.status for d in failed] == ["failed", "failed"]
    assert all(d.error and expect in d.error for d in failed), failed
    assert log.outcomes == failed  # recorded, and nothing marked sent
    handler, port = inbox
    retried = send_issue(issue.key, out, _settings(email_settings, port), log)
    assert [(d.recipient, d.ok) for d in retried] == [("ann@example.com", True),
                                                      ("bob@example.com", True)]
    assert len(handler.envelopes) == 2


def test_no_answer_after_the_message_is_unknown_and_held(
        inbox: tuple[Inbox, int], out: Path, email_settings: EmailSettings,
        issue: Issue) -> None:
    """The server took every byte, then hung up without a 250: perhaps delivered. Such a
    recipient is `unknown`, never retried by itself; --resend (unknown) sends it again with
    the same Message-ID."""
    bad = BadServer("swallow")
    log = MemoryLog()
    try:
        first = send_issue(issue.key, out, _settings(email_settings, bad.port), log)
    finally:
        bad.close()
    assert [d.status for d in first] == ["unknown", "unknown"]
    assert "outcome unknown" in (first[0].error or "") and "\n" not in (first[0].error or "")
    handler, port = inbox
    email = _settings(email_settings, port)
    again = send_issue(issue.key, out, email, log)
    assert [d.status for d in again] == ["unknown", "unknown"]  # held, not re-sent
    assert all("--resend" in (d.error or "") for d in again) and handler.envelopes == []
    resent = send_issue(issue.key, out, email, log, resend="unknown")
    assert [(d.recipient, d.status) for d in resent] == [("ann@example.com", "sent"),
                                                         ("bob@example.com", "sent")]
    assert [d.message_id for d in resent] == [d.message_id for d in first]
    assert send_issue(issue.key, out, email, log, resend="unknown") == []  # nothing in doubt
    assert len(send_issue(issue.key, out, email, log, resend="all")) == 2


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


def test_a_line_that_is_no_address_fails_alone(inbox: tuple[Inbox, int], tmp_path: Path,
                                              out: Path, email_settings: EmailSettings,
                                              issue: Issue) -> None:
    """A list service appended a bad line to the recipients file after the config was loaded
    (it is checked then): the send stopped at it, and nobody of 500 got the issue. It now
    fails alone, named, and everyone else is sent."""
    handler, port = inbox
    path = tmp_path / "subscribers.txt"
    readers = [f"reader{n}@example.com" for n in range(5)]
    path.write_text("\n".join([*readers[:2], "reader2 at example.com", *readers[2:]]) + "\n",
                    encoding="utf-8")
    email = _settings(email_settings, port, recipients=(), recipients_file=path)
    log = MemoryLog()
    planned = send_issue(issue.key, out, email, log, dry_run=True)
    assert [d.status for d in planned] == ["planned"] * 5 + ["failed"] and log.records == []
    done = send_issue(issue.key, out, email, log)
    assert [(d.recipient, d.status) for d in done] == [
        *((r, "sent") for r in readers), ("reader2 at example.com", "failed")]
    assert "not a plain email address" in (done[-1].error or "")
    assert [e.rcpt_tos for e in handler.envelopes] == [[r] for r in readers]
    assert done[-1] in log.outcomes  # recorded: `digest status` names it


def test_unpublished_issue_is_a_publish_error(tmp_path: Path) -> None:
    with pytest.raises(PublishError, match="publish it first"):
        send_issue("2030-W01", tmp_path, EmailSettings(recipients=("a@b.example",)), MemoryLog())


# ── TLS and AUTH: aiosmtpd with a certificate from a throwaway CA (trustme) ─────────────


class Accounts:
    """An aiosmtpd authenticator: one user, and a record of every attempt."""

    def __init__(self, user: str, password: str) -> None:
        self.user, self.password = user, password
        self.attempts: list[tuple[str, str, bool]] = []  # (mechanism, login, over TLS)

    def __call__(self, server: SMTP, session: Session, envelope: Envelope, mechanism: str,
                 auth_data: Any) -> AuthResult:
        assert isinstance(auth_data, LoginPassword)
        login = auth_data.login.decode()
        tls = server.transport is not None \
            and server.transport.get_extra_info("ssl_object") is not None
        self.attempts.append((mechanism, login, tls))
        ok = (login, auth_data.password.decode()) == (self.user, self.password)
        return AuthResult(success=ok, handled=False)


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def cafile(ca: trustme.CA, tmp_path: Path) -> Path:
    path = tmp_path / "ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return path


@pytest.fixture
def server_tls(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    return context


@contextmanager
def tls_inbox(mode: str, context: ssl.SSLContext, accounts: Accounts,
              **kw: Any) -> Iterator[tuple[Inbox, int]]:
    """mode 'starttls': plain port offering STARTTLS, AUTH only after it; 'tls': implicit TLS."""
    handler = Inbox()
    port = _free_port()
    if mode == "starttls":
        kw.update(tls_context=context, require_starttls=True, auth_require_tls=True)
    else:  # aiosmtpd can't tell implicit TLS from plain (it would refuse AUTH, and warn about
        # auth_required): Accounts records the transport's TLS per attempt instead
        kw.pop("auth_required", None)
        kw.update(ssl_context=context, auth_require_tls=False)
    controller = Controller(handler, hostname="127.0.0.1", port=port, authenticator=accounts,
                            **kw)
    controller.start()
    try:
        yield handler, port
    finally:
        controller.stop()


@pytest.fixture
def credentials(monkeypatch: pytest.MonkeyPatch) -> EmailSettings:
    """Credentials in (non-default) environment variables, named by the settings."""
    monkeypatch.setenv("TEST_SMTP_USER", "digest-bot")
    monkeypatch.setenv("TEST_SMTP_PASSWORD", "s3cret-Pa55")
    return EmailSettings(username_env="TEST_SMTP_USER", password_env="TEST_SMTP_PASSWORD")


def _tls_settings(base: EmailSettings, port: int, security: Literal["starttls", "tls"],
                  credentials: EmailSettings) -> EmailSettings:
    return replace(_settings(base, port), security=security,
                   username_env=credentials.username_env,
                   password_env=credentials.password_env)


@pytest.mark.parametrize(("security", "mechanism"), [("starttls", "LOGIN"),
                                                     ("starttls", "PLAIN"),
                                                     ("tls", "LOGIN"),
                                                     ("tls", "PLAIN")])
def test_tls_with_auth_from_environment(security: Literal["starttls", "tls"], mechanism: str, server_tls: ssl.SSLContext,
                                        cafile: Path, credentials: EmailSettings, out: Path,
                                        email_settings: EmailSettings, issue: Issue,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIGEST_SMTP_CAFILE", str(cafile))
    accounts = Accounts("digest-bot", "s3cret-Pa55")
    other = "PLAIN" if mechanism == "LOGIN" else "LOGIN"
    with tls_inbox(security, server_tls, accounts, auth_required=True,
                   auth_exclude_mechanism=[other]) as (handler, port):
        log = MemoryLog()
        sent = send_issue(issue.key, out, _tls_settings(email_settings, port, security,
                                                        credentials), log)
    assert [(d.recipient, d.ok, d.error) for d in sent] == [("ann@example.com", True, None),
                                                            ("bob@example.com", True, None)]
    assert log.outcomes == sent
    assert accounts.attempts == [(mechanism, "digest-bot", True)]  # one session, over TLS
    assert [e.rcpt_tos for e in handler.envelopes] == [["ann@example.com"], ["bob@example.com"]]
    assert all(e.mail_from == "digest@news.example.org" for e in handler.envelopes)


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_wrong_password_is_recorded_without_leaking_it(
        security: Literal["starttls", "tls"], server_tls: ssl.SSLContext, cafile: Path, credentials: EmailSettings,
        out: Path, email_settings: EmailSettings, issue: Issue,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIGEST_SMTP_CAFILE", str(cafile))
    monkeypatch.setenv("TEST_SMTP_PASSWORD", "wr0ng-Pa55")
    accounts = Accounts("digest-bot", "s3cret-Pa55")
    email = _tls_settings(email_settings, 0, security, credentials)
    log = MemoryLog()
    with tls_inbox(security, server_tls, accounts, auth_required=True) as (handler, port):
        email = replace(email, smtp_port=port)
        failed = send_issue(issue.key, out, email, log)
        assert [d.ok for d in failed] == [False, False] and log.outcomes == failed
        first, second = (d.error or "" for d in failed)
        assert "535" in first and "rejected the login for 'digest-bot'" in first, first
        assert "$TEST_SMTP_PASSWORD" in first  # names the variable to fix ...
        for error in (first, second):
            assert "wr0ng" not in error and "s3cret" not in error  # ... never its value
            assert "\n" not in error and "\r" not in error
        assert second.startswith("bob@example.com: not attempted:"), second
        # One login (smtplib tries each offered mechanism once), not one per recipient:
        # repeating a wrong password can lock the account.
        assert sorted(m for m, _, _ in accounts.attempts) == ["LOGIN", "PLAIN"]
        assert handler.envelopes == []

        monkeypatch.setenv("TEST_SMTP_PASSWORD", "s3cret-Pa55")  # fixed: the next run retries
        retried = send_issue(issue.key, out, email, log)
    assert [(d.recipient, d.ok) for d in retried] == [("ann@example.com", True),
                                                      ("bob@example.com", True)]
    assert len(handler.envelopes) == 2


@pytest.mark.parametrize("security", ["starttls", "tls"])
def test_untrusted_certificate_is_refused(security: Literal["starttls", "tls"], server_tls: ssl.SSLContext,
                                          cafile: Path, credentials: EmailSettings, out: Path,
                                          email_settings: EmailSettings, issue: Issue,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DIGEST_SMTP_CAFILE", raising=False)
    accounts = Accounts("digest-bot", "s3cret-Pa55")
    log = MemoryLog()
    with tls_inbox(security, server_tls, accounts) as (handler, port):
        email = _tls_settings(email_settings, port, security, credentials)
        failed = send_issue(issue.key, out, email, log)
        assert [d.ok for d in failed] == [False, False]
        error = failed[0].error or ""
        assert "certificate not trusted" in error and "DIGEST_SMTP_CAFILE" in error, error
        assert "\n" not in error
        assert "not attempted" in (failed[1].error or "")
        assert accounts.attempts == [] and handler.envelopes == []  # no password was sent

        monkeypatch.setenv("DIGEST_SMTP_CAFILE", str(cafile))  # trust the private CA
        retried = send_issue(issue.key, out, email, log)
    assert [d.ok for d in retried] == [True, True]
    assert len(handler.envelopes) == 2


def test_certificate_for_another_host_is_refused(ca: trustme.CA, cafile: Path, out: Path,
                                                 email_settings: EmailSettings, issue: Issue,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIGEST_SMTP_CAFILE", str(cafile))
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("smtp.elsewhere.example").configure_cert(context)  # trusted CA, wrong name
    with tls_inbox("tls", context, Accounts("u", "p")) as (handler, port):
        failed = send_issue(issue.key, out, replace(_settings(email_settings, port),
                                                    security="tls"), MemoryLog())
    assert "certificate not trusted" in (failed[0].error or ""), failed[0].error
    assert "127.0.0.1" in (failed[0].error or "") and handler.envelopes == []


def test_unreadable_cafile_is_a_publish_error(tmp_path: Path, out: Path,
                                              email_settings: EmailSettings, issue: Issue,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIGEST_SMTP_CAFILE", str(tmp_path / "missing.pem"))
    log = MemoryLog()
    email = replace(_settings(email_settings, _free_port()), security="tls")
    with pytest.raises(PublishError, match=r"DIGEST_SMTP_CAFILE=.*missing\.pem"):
        send_issue(issue.key, out, email, log)
    assert log.records == []


def test_a_login_asked_for_with_no_user_set_names_the_variable(
        server_tls: ssl.SSLContext, cafile: Path, credentials: EmailSettings, out: Path,
        email_settings: EmailSettings, issue: Issue, monkeypatch: pytest.MonkeyPatch) -> None:
    # $TEST_SMTP_USER named in the config but not set where digest runs: no login was tried,
    # and the server's "530 Authentication required" said nothing of why (qa40a).
    monkeypatch.setenv("DIGEST_SMTP_CAFILE", str(cafile))
    monkeypatch.delenv("TEST_SMTP_USER")
    accounts = Accounts("digest-bot", "s3cret-Pa55")
    with tls_inbox("starttls", server_tls, accounts, auth_required=True) as (handler, port):
        failed = send_issue(issue.key, out, _tls_settings(email_settings, port, "starttls",
                                                          credentials), MemoryLog())
    assert [d.ok for d in failed] == [False, False] and handler.envelopes == []
    first = failed[0].error or ""
    assert "530" in first and "$TEST_SMTP_USER is not set" in first, first
    assert accounts.attempts == []


def test_a_delivery_in_doubt_prints_its_doubt_once() -> None:
    """`digest send` printed "outcome UNKNOWN for a@x.org: outcome unknown, so not retried:
    …": the verb and the stored error said it twice."""
    from io import StringIO

    from rich.console import Console

    from digest.models import Delivery
    from digest.printing import print_deliveries

    stream = StringIO()
    doubt = Delivery(issue="2026-W47", recipient="a@x.org", status="unknown",
                     error="a@x.org: outcome unknown, so not retried: connection reset, after "
                           "the whole message was handed over")
    failed = Delivery(issue="2026-W47", recipient="b@x.org", status="failed",
                      error="b@x.org: cannot reach the server")
    print_deliveries(Console(file=stream, width=200, no_color=True), [doubt, failed])
    assert stream.getvalue().splitlines() == [
        "outcome UNKNOWN for a@x.org: not retried: connection reset, after the whole message "
        "was handed over",
        "NOT sent to b@x.org: cannot reach the server"]


def test_a_mailto_unsubscribe_is_filled_per_copy_without_one_click(
        inbox: tuple[Inbox, int], tmp_path: Path, email_settings: EmailSettings,
        issue: Issue) -> None:
    """{email} in a mailto: link: each copy names its reader; no one-click (not https)."""
    handler, port = inbox
    email = _settings(email_settings, port,
                      unsubscribe="mailto:leave@news.example.org?subject=leave%20{email}")
    publish_issue(render_issue(issue), tmp_path, issue=issue, email=email)
    send_issue(issue.key, tmp_path, email, MemoryLog())
    for envelope, rcpt in zip(handler.envelopes, ("ann@example.com", "bob@example.com"),
                              strict=True):
        assert isinstance(envelope.content, bytes)
        msg = message_from_bytes(envelope.content, _class=EmailMessage, policy=policy.default)
        mine = f"mailto:leave@news.example.org?subject=leave%20{rcpt.replace('@', '%40')}"
        assert msg["List-Unsubscribe"] == f"<{mine}>"
        assert msg["List-Unsubscribe-Post"] is None
        text = next(p for p in msg.walk() if p.get_content_type() == "text/plain")
        assert isinstance(text, EmailMessage) and mine in text.get_content()


def test_a_token_link_without_its_secret_sends_nobody(
        inbox: tuple[Inbox, int], tmp_path: Path, email_settings: EmailSettings,
        issue: Issue, monkeypatch: pytest.MonkeyPatch) -> None:
    handler, port = inbox
    email = _settings(email_settings, port, unsubscribe="https://x.org/u?t={token}",
                      unsubscribe_secret_env="DIGEST_TEST_UNSUB")
    publish_issue(render_issue(issue), tmp_path, issue=issue, email=email)
    monkeypatch.delenv("DIGEST_TEST_UNSUB", raising=False)
    log = MemoryLog()
    with pytest.raises(PublishError, match=r"\$DIGEST_TEST_UNSUB is not set"):
        send_issue(issue.key, tmp_path, email, log)
    assert handler.envelopes == [] and log.records == []


class PerConnectionLimit(Inbox):
    """A relay that takes `limit` messages per connection, then answers 421 (and hangs up) at
    `where`, as Gmail's and many providers' SMTP servers do."""

    def __init__(self, limit: int, where: str) -> None:
        super().__init__()
        self.limit, self.where = limit, where
        self.taken: dict[int, int] = {}

    def _full(self, session: Session) -> bool:
        return self.taken.get(id(session), 0) >= self.limit

    async def handle_MAIL(self, server: SMTP, session: Session, envelope: Envelope,
                          address: str, mail_options: list[str]) -> str:
        if self.where == "MAIL" and self._full(session):
            return "421 4.7.0 Too many messages for this connection"
        envelope.mail_from = address
        return "250 OK"

    async def handle_RCPT(self, server: SMTP, session: Session, envelope: Envelope,
                          address: str, rcpt_options: list[str]) -> str:
        if self.where == "RCPT" and self._full(session):
            return "421 4.7.0 Too many messages for this connection"
        return await super().handle_RCPT(server, session, envelope, address, rcpt_options)

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        self.taken[id(session)] = self.taken.get(id(session), 0) + 1
        return await super().handle_DATA(server, session, envelope)


@pytest.mark.parametrize("where", ["MAIL", "RCPT"])
def test_a_server_that_limits_messages_per_connection_gets_the_whole_list(
        where: str, out: Path, email_settings: EmailSettings, issue: Issue) -> None:
    """A relay that ends the session every 2 messages (421) left the list cut at the second
    drop — 2 or 4 sent, the copy that met the 421 failed, the rest "not attempted" — until
    the next run. Each 421 now means a new session, and the copy it cut goes on it."""
    handler = PerConnectionLimit(2, where)
    readers = tuple(f"reader{n}@example.com" for n in range(7))
    port = _free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        log = MemoryLog()
        sent = send_issue(issue.key, out,
                          _settings(email_settings, port, recipients=readers), log)
    finally:
        controller.stop()
    assert [(d.recipient, d.status) for d in sent] == [(r, "sent") for r in readers]
    assert [e.rcpt_tos for e in handler.envelopes] == [[r] for r in readers]
    assert len(handler.taken) == 4  # sessions of 2, 2, 2 and 1 messages
