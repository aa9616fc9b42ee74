"""Email newsletters from an IMAP mailbox: `imaps://user@host[:port]/MAILBOX[?days=N]`.

The password comes from the environment, never from the config file:
`DIGEST_IMAP_PASSWORD_<SOURCE>` (the source name upper-cased, other characters as `_`), else
`DIGEST_IMAP_PASSWORD`. Each fetch asks for the messages of the last `days` (14 by default)
with `UID SEARCH SINCE`, whatever their \\Seen flag, and reads them with `BODY.PEEK[]` in a
read-only `EXAMINE`: we change nothing on the server and remember nothing between runs (the
store deduplicates by Message-ID, the item's GUID). The only thing kept is a fingerprint of
UIDVALIDITY and the UIDs found, so an unchanged mailbox is `not_modified` without downloading.

`imap://` (no TLS) upgrades with STARTTLS when offered, and otherwise only talks to a
loopback host (a local bridge), because LOGIN would send the password in clear.
"""

from __future__ import annotations

import contextlib
import hashlib
import imaplib
import os
import re
import ssl
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import parse_qs, unquote, urlsplit

from .guard import FetchFailure
from .urls import is_loopback

PASSWORD_ENV = "DIGEST_IMAP_PASSWORD"
DEFAULT_DAYS = 14
_BATCH = 50  # UIDs per FETCH command
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_UID_RE = re.compile(rb"UID (\d+)")
_SIZE_RE = re.compile(rb"RFC822\.SIZE (\d+)")


@dataclass(frozen=True)
class ImapTarget:
    tls: bool  # imaps://: TLS from the first byte
    user: str
    host: str
    port: int
    mailbox: str
    days: int
    url_password: str | None = None


def parse_imap_url(url: str) -> ImapTarget:
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise FetchFailure(f"malformed IMAP URL {url[:120]!r}") from exc
    if not parts.hostname or not parts.username:
        raise FetchFailure("an IMAP source needs a user and a host: imaps://user@host/INBOX")
    tls = parts.scheme.lower() == "imaps"
    days_text = parse_qs(parts.query).get("days", [str(DEFAULT_DAYS)])[0]
    if not days_text.isdigit() or not 1 <= int(days_text) <= 3650:
        raise FetchFailure(f"days must be a number of days (1-3650), not {days_text!r}")
    return ImapTarget(tls=tls, user=unquote(parts.username), host=parts.hostname,
                      port=port or (993 if tls else 143),
                      mailbox=unquote(parts.path.strip("/")) or "INBOX", days=int(days_text),
                      url_password=unquote(parts.password) if parts.password else None)


def password_for(source_name: str, target: ImapTarget,
                 environ: Mapping[str, str] = os.environ) -> str:
    specific = f"{PASSWORD_ENV}_" + re.sub(r"[^A-Z0-9]", "_", source_name.upper())
    password = environ.get(specific) or environ.get(PASSWORD_ENV) or target.url_password
    if not password:
        raise FetchFailure(f"no IMAP password: set {specific} or {PASSWORD_ENV}")
    return password


def since(now: datetime, days: int) -> str:
    """An IMAP date (RFC 3501 `date`): English month names whatever the locale."""
    day = (now - timedelta(days=days)).date()
    return f"{day.day:02d}-{_MONTHS[day.month - 1]}-{day.year}"


def _quoted(mailbox: str) -> str:
    return '"' + mailbox.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _ok(answer: tuple[str, Sequence[object]], what: str) -> Sequence[object]:
    status, data = answer
    if status != "OK":
        detail = b" ".join(d for d in data if isinstance(d, bytes)).decode("utf-8", "replace")
        raise FetchFailure(f"IMAP {what} failed: {detail[:200] or status}")
    return data


@dataclass
class ImapRead:
    messages: list[bytes]
    stamp: str
    unchanged: bool = False
    skipped: int = 0  # messages over the size cap


def _connect(target: ImapTarget, timeout: float) -> imaplib.IMAP4:
    context = ssl.create_default_context()
    if target.tls:
        return imaplib.IMAP4_SSL(target.host, target.port, ssl_context=context,
                                 timeout=timeout)
    conn = imaplib.IMAP4(target.host, target.port, timeout=timeout)
    if "STARTTLS" in conn.capabilities:
        conn.starttls(ssl_context=context)
        return conn
    if not is_loopback(target.host):
        conn.shutdown()
        raise FetchFailure(f"refusing to send the IMAP password in clear to {target.host}: "
                           "use imaps:// (or a server that offers STARTTLS)")
    return conn


def _login(conn: imaplib.IMAP4, user: str, password: str) -> None:
    """LOGIN, which is ASCII-only in imaplib; AUTHENTICATE PLAIN (UTF-8) for anything else."""
    try:
        if (user + password).isascii():
            conn.login(user, password)
        elif "AUTH=PLAIN" in conn.capabilities:
            secret = b"\0" + user.encode("utf-8") + b"\0" + password.encode("utf-8")
            conn.authenticate("PLAIN", lambda _challenge: secret)
        else:
            raise FetchFailure("the IMAP server offers no AUTH=PLAIN, which a non-ASCII user "
                               "name or password needs")
    except imaplib.IMAP4.error as exc:
        raise FetchFailure(f"IMAP login as {user} refused: {exc}") from exc


def read_imap(target: ImapTarget, password: str, *, now: datetime, max_items: int,
              max_bytes: int, timeout: float, last_stamp: str | None) -> ImapRead:
    """The raw messages of the last `target.days` days, newest `max_items` (blocking)."""
    try:
        conn = _connect(target, timeout)
    except (OSError, imaplib.IMAP4.error) as exc:
        raise FetchFailure(f"cannot connect to IMAP {target.host}:{target.port}: {exc}",
                           transient=isinstance(exc, OSError)) from exc
    try:
        _login(conn, target.user, password)
        # EXAMINE (read-only): fetching must not mark newsletters as read.
        _ok(conn.select(_quoted(target.mailbox), readonly=True),
            f"EXAMINE {target.mailbox}")
        validity = b"".join(d for d in conn.response("UIDVALIDITY")[1] if isinstance(d, bytes))
        found = _ok(conn.uid("SEARCH", "SINCE", since(now, target.days)), "UID SEARCH")
        uids = b" ".join(d for d in found if isinstance(d, bytes)).split()
        uids = sorted(uids, key=int)[-max_items:] if max_items > 0 else []
        stamp = "imap:" + hashlib.sha256(validity + b":" + b",".join(uids)).hexdigest()[:24]
        if stamp == last_stamp:
            return ImapRead(messages=[], stamp=stamp, unchanged=True)
        read = ImapRead(messages=[], stamp=stamp)
        for start in range(0, len(uids), _BATCH):
            batch = b",".join(uids[start:start + _BATCH]).decode("ascii")
            sizes = _sizes(_ok(conn.uid("FETCH", batch, "(RFC822.SIZE)"), "UID FETCH"))
            wanted = [uid for uid, size in sizes.items() if size <= max_bytes]
            read.skipped += len(sizes) - len(wanted)
            if wanted:
                data = _ok(conn.uid("FETCH", ",".join(wanted), "(BODY.PEEK[])"), "UID FETCH")
                read.messages.extend(raw for item in data if isinstance(item, tuple)
                                     for raw in item[1:2] if isinstance(raw, bytes))
        return read
    except (OSError, imaplib.IMAP4.error) as exc:
        raise FetchFailure(f"IMAP error from {target.host}: {exc}",
                           transient=isinstance(exc, OSError)) from exc
    finally:
        with contextlib.suppress(OSError, imaplib.IMAP4.error):
            conn.logout()


def _sizes(data: Sequence[object]) -> dict[str, int]:
    sizes: dict[str, int] = {}
    for item in data:
        line = item[0] if isinstance(item, tuple) else item
        if not isinstance(line, bytes):
            continue
        uid, size = _UID_RE.search(line), _SIZE_RE.search(line)
        if uid and size:
            sizes[uid.group(1).decode("ascii")] = int(size.group(1))
    return sizes
