"""send_issue: deliver out/issues/K/issue.eml over SMTP, at most once per (issue, recipient).

The ledger (`ledger.py`) is written around each message: the intent, with the copy's stable
Message-ID, just before the message is handed over (after the server said 354 to DATA); then
`sent` on the server's 250, `failed` when it certainly did not take the message (a refusal,
or a connection lost before the last byte was handed over), or `unknown` when the last byte
went out but no answer came back (it may have been delivered). Failed recipients are retried
on the next run; unknown ones are not, unless asked (`--resend`): nobody gets an issue twice
by default, and nobody in doubt is silently skipped (`digest status` lists them).

TLS (security "starttls" or "tls") always verifies the server's certificate and host name
against the system's trusted CAs. A private CA (a self-hosted server, a test server) is trusted
in addition by pointing the environment variable DIGEST_SMTP_CAFILE at its PEM file.
"""

from __future__ import annotations

import os
import re
import smtplib
import socket
import ssl
from collections.abc import Callable
from datetime import UTC, datetime
from email import message_from_bytes
from email.message import EmailMessage
from pathlib import Path

from digest.addresses import address_problem
from digest.errors import DeliveryError, PublishError
from digest.models import Delivery, EmailSettings, Resend
from digest.publish import ledger
from digest.publish.email import (
    WIRE,
    WIRE_UTF8,
    addressed_to,
    message_bytes,
    message_id,
    unsubscribe_secret,
)
from digest.publish.ledger import DeliveryLog

CAFILE_ENV = "DIGEST_SMTP_CAFILE"  # PEM file of extra CA certificates to trust for SMTP TLS
_LEADING_DOT = re.compile(rb"(?m)^\.")


def read_recipients(email: EmailSettings) -> list[str]:
    """Configured recipients, then the file's (one a line, '#' comments), deduplicated; as
    written (`send_issue` fails an entry that is not an address on its own: the file is
    checked when the config is loaded, but a list service may append to it mid-run)."""
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
    msg = message_from_bytes(raw, _class=EmailMessage, policy=WIRE)
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
        said = f"SMTP server {where} answered {exc.smtp_code} {text}".strip()
        if exc.smtp_code == 530 and not os.environ.get(email.username_env):
            # 530: authentication required; with no user in the environment nothing logged in
            said += (f" (it asks for a login, and ${email.username_env} is not set: set it and "
                     f"${email.password_env} in the environment digest runs in)")
        return said
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


class InDoubt(Exception):
    """The whole message was handed over, then the session failed before the server's answer:
    it may have been delivered."""

    def __init__(self, cause: BaseException) -> None:
        super().__init__(str(cause))
        self.cause = cause


def _payload(msg: EmailMessage, international: bool) -> bytes:
    """The DATA payload: CRLF lines, leading dots doubled, ending in CRLF . CRLF."""
    data = msg.as_bytes(policy=WIRE_UTF8) if international else message_bytes(msg)
    data = _LEADING_DOT.sub(b"..", data)
    return (data if data.endswith(b"\r\n") else data + b"\r\n") + b".\r\n"


def _closing(conn: _Connection, code: int, reply: bytes) -> None:
    """421 is the server closing the session (RFC 5321 4.2.3), whatever the command: often its
    limit of messages per connection. Not the recipient's fault: the session is gone, and the
    copy goes again on a new one (send_issue)."""
    if code == 421:
        conn.drop()
        raise smtplib.SMTPServerDisconnected(
            f"{code} {reply.decode('utf-8', 'replace')}".strip())


def _send_one(conn: _Connection, msg: EmailMessage, sender: str, rcpt: str,
              intent: Callable[[], None]) -> None:
    """One SMTP transaction, step by step, so the ledger knows where it failed: `intent` runs
    after the server said 354 to DATA and before the first byte of the message; a failure
    after the last byte is InDoubt, anything earlier certainly delivered nothing."""
    smtp = conn.open()
    international = not (sender.isascii() and rcpt.isascii())
    try:
        options: list[str] = []
        if international:
            if not smtp.has_extn("smtputf8"):
                raise smtplib.SMTPNotSupportedError(
                    "does not offer SMTPUTF8, needed for a non-ASCII address")
            options = ["SMTPUTF8", "BODY=8BITMIME"]
        code, reply = smtp.mail(sender, options)
        _closing(conn, code, reply)
        if code != 250:
            raise smtplib.SMTPSenderRefused(code, reply, sender)
        code, reply = smtp.rcpt(rcpt)
        _closing(conn, code, reply)
        if code not in (250, 251):
            raise smtplib.SMTPRecipientsRefused({rcpt: (code, reply)})
        payload = _payload(msg, international)
        code, reply = smtp.docmd("DATA")
        _closing(conn, code, reply)
        if code != 354:
            raise smtplib.SMTPDataError(code, reply)
        intent()
        smtp.send(payload)  # sendall: if it raises, the final "." never left this machine
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
    try:
        code, reply = smtp.getreply()
    except (smtplib.SMTPServerDisconnected, OSError) as exc:
        conn.drop()
        raise InDoubt(exc) from exc
    if code != 250:
        try:
            smtp.rset()
        except (smtplib.SMTPException, OSError):
            conn.drop()
        raise smtplib.SMTPDataError(code, reply)


def _attempt(conn: _Connection, msg: EmailMessage, key: str, rcpt: str, msgid: str,
             email: EmailSettings, log: DeliveryLog,
             secret: str | None) -> tuple[Delivery, BaseException | None]:
    """Send one copy, writing the intent to the ledger first; the outcome and its cause."""
    def intent() -> None:
        log.record_delivery(Delivery(issue=key, recipient=rcpt, status="sending",
                                     message_id=msgid))

    try:
        copy = addressed_to(msg, rcpt, msgid, datetime.now(UTC), secret=secret)
    except ValueError as exc:  # no copy for this address: it fails, the others are still sent
        return Delivery(issue=key, recipient=rcpt, status="failed", message_id=msgid,
                        error=str(DeliveryError(f"{rcpt}: cannot address a copy: {exc}"))), None
    try:
        _send_one(conn, copy, email.from_addr, rcpt, intent)
    except InDoubt as exc:
        error = (f"{rcpt}: outcome unknown, so not retried: {_describe(exc.cause, email)}, "
                 "after the whole message was handed over")
        return Delivery(issue=key, recipient=rcpt, status="unknown",
                        error=str(DeliveryError(error)), message_id=msgid), exc.cause
    except (smtplib.SMTPException, OSError) as exc:
        return Delivery(issue=key, recipient=rcpt, status="failed",
                        error=str(DeliveryError(f"{rcpt}: {_describe(exc, email)}")),
                        message_id=msgid), exc
    return Delivery(issue=key, recipient=rcpt, status="sent", message_id=msgid), None


def send_issue(key: str, out: Path, email: EmailSettings, log: DeliveryLog, *,
               dry_run: bool = False, resend: Resend = "none") -> list[Delivery]:
    """Send issue `key` to every recipient the ledger allows; return this send's deliveries,
    then (as `unknown`) the recipients held back because an earlier attempt is in doubt.

    A dry run connects to nothing and records nothing: it returns what would be sent, each
    with status "planned", then the held ones.
    """
    msg = _load(key, out)
    ledger.check_sendable(key, out)
    secret = unsubscribe_secret(msg, email)  # before anyone is sent a copy without their link
    everyone = read_recipients(email)
    invalid = {r: problem for r in everyone if (problem := address_problem(r))}
    todo = ledger.plan([r for r in everyone if r not in invalid], log.delivery_states(key),
                       resend)

    def msgid(rcpt: str) -> str:
        return message_id(key, email.from_addr, rcpt)

    # an entry that is no address fails alone (a whole list held for one line of it, before)
    unusable = [Delivery(issue=key, recipient=r, status="failed", message_id=msgid(r),
                         error=str(DeliveryError(f"not sent: {problem}")))
                for r, problem in invalid.items()]

    held = [Delivery(issue=key, recipient=r, status="unknown", error=ledger.HELD,
                     message_id=msgid(r)) for r in todo.held]
    if dry_run:
        return [Delivery(issue=key, recipient=r, status="planned", error="dry run: not sent",
                         message_id=msgid(r)) for r in todo.send] + unusable + held
    for delivery in unusable:
        log.record_delivery(delivery)
    for rcpt in todo.orphaned:  # a sender died between the intent and the outcome: say so
        log.record_delivery(Delivery(issue=key, recipient=rcpt, status="unknown",
                                     error=ledger.ORPHANED, message_id=msgid(rcpt)))
    deliveries: list[Delivery] = []
    conn = _Connection(email)
    fatal: str | None = None  # once the server is unreachable, don't hammer it per recipient
    lost = 0  # sessions lost in a row with no message delivered in between
    try:
        for rcpt in todo.send:
            if fatal is not None:
                error = DeliveryError(f"{rcpt}: not attempted: {fatal}")
                delivery = Delivery(issue=key, recipient=rcpt, status="failed", error=str(error),
                                    message_id=msgid(rcpt))
            else:
                # A server that ends the session every N messages (421 "too many messages",
                # a relay's per-connection limit) cut off the list at the second drop, and
                # failed the copy it cut: a copy certainly not handed over goes again on a
                # fresh session, and a delivery in between makes the count start over. Two
                # sessions lost in a row, or a login or certificate refused (they won't fix
                # themselves; a wrong password retried can lock the account), end the send.
                for _ in range(2):
                    delivery, cause = _attempt(conn, msg, key, rcpt, msgid(rcpt), email, log,
                                               secret)
                    if delivery.status == "sent":
                        lost = 0
                    if cause is None or conn.smtp is not None \
                            or isinstance(cause, smtplib.SMTPRecipientsRefused):
                        break
                    lost += 1
                    if lost > 1 or isinstance(cause, _HOPELESS):
                        fatal = _describe(cause, email)
                        break
                    if delivery.status != "failed":  # unknown: never sent again by itself
                        break
            log.record_delivery(delivery)
            deliveries.append(delivery)
    finally:
        conn.quit()
    return deliveries + unusable + held
