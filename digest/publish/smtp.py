"""send_issue: deliver out/issues/K/issue.eml over SMTP, once per (issue, recipient).

At-least-once, never silently lost: a recipient is recorded as sent only after the server
accepted the message for them (250 after DATA). Any other outcome — refused, timed out,
dropped mid-send — is recorded as a failure with a DeliveryError message and retried on
the next run. (A server that accepted the message but dropped before answering may deliver
it; that recipient is retried and may get a duplicate, the lesser evil than a lost issue.)

TLS (security "starttls" or "tls") always verifies the server's certificate and host name
against the system's trusted CAs. A private CA (a self-hosted server, a test server) is trusted
in addition by pointing the environment variable DIGEST_SMTP_CAFILE at its PEM file.
"""

from __future__ import annotations

import os
import smtplib
import socket
import ssl
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Protocol

from digest.errors import DeliveryError, PublishError
from digest.models import Delivery, EmailSettings
from digest.publish.email import addressed_to

CAFILE_ENV = "DIGEST_SMTP_CAFILE"  # PEM file of extra CA certificates to trust for SMTP TLS


class DeliveryLog(Protocol):
    """Where deliveries are remembered (the store implements it)."""

    def was_sent(self, issue: str, recipient: str) -> bool: ...

    def record_delivery(self, delivery: Delivery) -> None: ...


def read_recipients(email: EmailSettings) -> list[str]:
    """Configured recipients, then the file's (one a line, '#' comments), deduplicated."""
    found: list[str] = list(email.recipients)
    if email.recipients_file is not None:
        try:
            lines = Path(email.recipients_file).read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            raise PublishError(f"recipients file {email.recipients_file}: {exc}") from exc
        for line in lines:
            entry = line.split("#", 1)[0].strip()
            if entry:
                found.append(entry)
    seen: set[str] = set()
    unique = []
    for addr in found:
        addr = addr.strip()
        if "@" not in addr or any(c.isspace() or c in "<>,;" for c in addr):
            raise PublishError(f"recipient {addr!r} is not a plain email address")
        if addr.lower() not in seen:  # the same person, typed twice, gets one copy
            seen.add(addr.lower())
            unique.append(addr)
    return unique


def _load(key: str, out: Path) -> EmailMessage:
    path = Path(out) / "issues" / key / "issue.eml"
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PublishError(f"issue {key}: cannot read {path} (publish it first): {exc}") from exc
    msg = message_from_bytes(raw, _class=EmailMessage, policy=policy.SMTP)
    assert isinstance(msg, EmailMessage)
    return msg


def tls_context() -> ssl.SSLContext:
    """The system's trusted CAs (certificate and host name verified), plus $DIGEST_SMTP_CAFILE."""
    context = ssl.create_default_context()
    cafile = os.environ.get(CAFILE_ENV, "").strip()
    if cafile:
        try:
            context.load_verify_locations(cafile=cafile)
        except (OSError, ValueError) as exc:  # ssl.SSLError is an OSError
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
            raise PublishError(f"{CAFILE_ENV}={cafile}: cannot load CA certificates: "
                               f"{reason}") from exc
    return context


def _describe(exc: BaseException, email: EmailSettings) -> str:
    """One line, naming the server; never the password (server replies are quoted as sent)."""
    return " ".join(_explain(exc, email).split())


def _explain(exc: BaseException, email: EmailSettings) -> str:
    where = f"{email.smtp_host}:{email.smtp_port}"
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = "; ".join(f"{c} {m.decode('utf-8', 'replace') if isinstance(m, bytes) else m}"
                          for c, m in exc.recipients.values())
        return f"SMTP server {where} refused the recipient: {codes}"
    if isinstance(exc, smtplib.SMTPAuthenticationError):
        text = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) \
            else str(exc.smtp_error)
        user = os.environ.get(email.username_env, "")
        return (f"SMTP server {where} rejected the login for {user!r}: {exc.smtp_code} {text} "
                f"(check ${email.username_env} and ${email.password_env})")
    if isinstance(exc, smtplib.SMTPResponseException):
        text = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) \
            else str(exc.smtp_error)
        return f"SMTP server {where} answered {exc.smtp_code} {text}".strip()
    if isinstance(exc, smtplib.SMTPServerDisconnected):
        return f"SMTP server {where} closed the connection: {exc or 'unexpectedly'}"
    if isinstance(exc, TimeoutError | socket.timeout):
        return f"SMTP server {where} timed out after {email.timeout:g}s"
    if isinstance(exc, ssl.SSLCertVerificationError):
        return (f"TLS with SMTP server {where} failed: certificate not trusted: "
                f"{exc.verify_message or exc.reason or exc} "
                f"(for a private CA set {CAFILE_ENV} to its PEM file)")
    if isinstance(exc, ssl.SSLError):
        return f"TLS with SMTP server {where} failed: {exc}"
    if isinstance(exc, smtplib.SMTPNotSupportedError):
        return f"SMTP server {where}: {exc}"
    if isinstance(exc, OSError):
        return f"cannot reach SMTP server {where}: {exc.strerror or exc}"
    return f"SMTP server {where}: {exc}"


class _Connection:
    """One SMTP session, opened lazily and reopened once after a drop."""

    def __init__(self, email: EmailSettings) -> None:
        self.email = email
        # A bad DIGEST_SMTP_CAFILE is a configuration error, raised before connecting.
        self.context = tls_context() if email.security != "none" else None
        self.smtp: smtplib.SMTP | None = None

    def open(self) -> smtplib.SMTP:
        if self.smtp is not None:
            return self.smtp
        e = self.email
        context = self.context
        smtp: smtplib.SMTP
        if e.security == "tls":
            smtp = smtplib.SMTP_SSL(e.smtp_host, e.smtp_port, timeout=e.timeout,
                                    context=context)
        else:
            smtp = smtplib.SMTP(e.smtp_host, e.smtp_port, timeout=e.timeout)
        try:
            smtp.ehlo()
            if e.security == "starttls":
                # Never fall back to plain text when STARTTLS was asked for: that would
                # send the credentials in the clear to whoever stripped the capability.
                if not smtp.has_extn("starttls"):
                    raise smtplib.SMTPNotSupportedError(
                        "does not offer STARTTLS (set security: none to send unencrypted)")
                smtp.starttls(context=context)
                smtp.ehlo()
            user = os.environ.get(e.username_env, "")
            password = os.environ.get(e.password_env, "")
            if user:
                smtp.login(user, password)
        except BaseException:
            smtp.close()
            raise
        self.smtp = smtp
        return smtp

    def drop(self) -> None:
        if self.smtp is not None:
            try:
                self.smtp.close()
            finally:
                self.smtp = None

    def quit(self) -> None:
        if self.smtp is not None:
            try:
                self.smtp.quit()
            except (smtplib.SMTPException, OSError):
                pass
            finally:
                self.drop()


_HOPELESS = (smtplib.SMTPConnectError, smtplib.SMTPAuthenticationError,
             ssl.SSLCertVerificationError)


def _send_one(conn: _Connection, msg: EmailMessage, sender: str, rcpt: str) -> None:
    smtp = conn.open()
    try:
        smtp.send_message(msg, from_addr=sender, to_addrs=[rcpt])
    except smtplib.SMTPRecipientsRefused:
        smtp.rset()  # the session is fine; only this recipient was refused
        raise
    except (smtplib.SMTPServerDisconnected, OSError):
        conn.drop()
        raise
    except smtplib.SMTPResponseException:
        try:
            smtp.rset()
        except (smtplib.SMTPException, OSError):
            conn.drop()
        raise


def send_issue(key: str, out: Path, email: EmailSettings, log: DeliveryLog, *,
               dry_run: bool = False) -> list[Delivery]:
    """Send issue `key` to every recipient not yet sent to; return this run's deliveries.

    A dry run connects to nothing and records nothing: it returns what would be sent, each
    with ok=False and error "dry run: not sent".
    """
    msg = _load(key, out)
    message_id = str(msg.get("Message-ID", "")) or None
    sender = email.from_addr
    pending = [r for r in read_recipients(email) if not log.was_sent(key, r)]
    if dry_run:
        return [Delivery(issue=key, recipient=r, ok=False, error="dry run: not sent",
                         message_id=message_id) for r in pending]
    deliveries: list[Delivery] = []
    conn = _Connection(email)
    fatal: str | None = None  # once the server is unreachable, don't hammer it per recipient
    reconnects = 1
    try:
        for rcpt in pending:
            if fatal is None:
                try:
                    _send_one(conn, addressed_to(msg, rcpt), sender, rcpt)
                    delivery = Delivery(issue=key, recipient=rcpt, ok=True,
                                        message_id=message_id)
                except (smtplib.SMTPException, OSError) as exc:
                    error = str(DeliveryError(f"{rcpt}: {_describe(exc, email)}"))
                    delivery = Delivery(issue=key, recipient=rcpt, ok=False, error=error,
                                        message_id=message_id)
                    dropped = conn.smtp is None
                    if dropped and not isinstance(exc, smtplib.SMTPRecipientsRefused):
                        # Refused logins and untrusted certificates won't fix themselves on
                        # a retry; repeating a wrong password can lock the account.
                        if reconnects == 0 or isinstance(exc, _HOPELESS):
                            fatal = _describe(exc, email)
                        reconnects -= 1
            else:
                delivery = Delivery(issue=key, recipient=rcpt, ok=False,
                                    error=str(DeliveryError(f"{rcpt}: not attempted: {fatal}")),
                                    message_id=message_id)
            log.record_delivery(delivery)
            deliveries.append(delivery)
    finally:
        conn.quit()
    return deliveries
