"""issue.eml: the issue as one complete, deterministic MIME message.

multipart/alternative with the text part first and the HTML part last (clients show the
last part they can render). Everything that usually varies between two builds is pinned:
Date comes from the issue's period end, the Message-ID and the MIME boundary are derived
from the issue key, so the same issue gives the same bytes.

An unsubscribe link with placeholders (`{email}`, `{token}`: digest/addresses.py) stays a
template in issue.eml, email.html and email.txt — no subscriber's address or token is written
to out/ — and is filled in each recipient's copy as it is sent (`addressed_to`): the footer of
both parts and List-Unsubscribe.
"""

from __future__ import annotations

import hashlib
import os
import re
from datetime import datetime
from email import policy
from email.headerregistry import Address, BaseHeader, HeaderRegistry, UnstructuredHeader
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, parseaddr
from typing import cast

from digest.addresses import (
    MAILTO,
    fill_unsubscribe,
    secret_problem,
    unsubscribe_placeholders,
    unsubscribe_problem,
)
from digest.errors import PublishError
from digest.models import EmailSettings, Issue

_KEY_SAFE = re.compile(r"[^A-Za-z0-9._-]+")


class _OneLine(UnstructuredHeader):
    """A header written on one line, never folded: the email package folds a value longer
    than 78 characters with no space in it into RFC 2047 encoded words, and a List-Unsubscribe
    of `=?utf-8?q?=3Chttps=3A//…?=` is no URL to a mail client (no unsubscribe button, no
    one-click). A line may hold 998 characters (RFC 5322)."""

    name: str  # BaseHeader's, which the registry mixes in

    def fold(self, *, policy: policy.Policy) -> str:
        return f"{self.name}: {self}{policy.linesep}"


_HEADERS = HeaderRegistry()
for _name in ("List-Unsubscribe", "List-Unsubscribe-Post"):
    _HEADERS.map_to_type(_name.lower(), cast("type[BaseHeader]", _OneLine))
# The policies every message is built, read and written with (LF inside parts while built;
# CRLF on the wire; SMTPUTF8 for a non-ASCII address).
BUILD = policy.default.clone(header_factory=_HEADERS)
WIRE = policy.SMTP.clone(header_factory=_HEADERS)
WIRE_UTF8 = policy.SMTPUTF8.clone(header_factory=_HEADERS)


def from_domain(from_addr: str) -> str:
    _, addr = parseaddr(from_addr)
    if "@" not in addr:
        raise PublishError(f"email.from: {from_addr!r} is not an email address")
    return addr.rsplit("@", 1)[1].strip().lower()


def message_id(key: str, from_addr: str, recipient: str | None = None) -> str:
    """A stable Message-ID: the same issue from the same domain always gets the same one, and
    so does each recipient's copy of it (on every attempt, so a re-send can be recognised)."""
    local = _KEY_SAFE.sub("-", key).strip("-") or "issue"
    if recipient is not None:
        local += "." + hashlib.sha256(recipient.strip().lower().encode("utf-8")).hexdigest()[:16]
    return f"<digest.{local}@{from_domain(from_addr)}>"


def _boundary(key: str) -> str:
    # "=_" cannot occur in base64 (or quoted-printable) bodies, so it never collides.
    return "=_digest_" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]


def unsubscribe_headers(unsubscribe: str | None) -> dict[str, str]:
    """List-Unsubscribe (RFC 2369), plus one-click List-Unsubscribe-Post (RFC 8058).

    RFC 8058 requires an HTTPS URI for one-click, so a mailto: or plain http:// setting gets
    List-Unsubscribe without the -Post header (a client must not POST a reader's
    unsubscribe in the clear on the header's word).
    """
    if not unsubscribe:
        return {}
    problem = unsubscribe_problem(unsubscribe)
    if problem:
        raise PublishError(f"email.unsubscribe: {problem}")
    value = unsubscribe.strip()
    if MAILTO.match(value) or not value.lower().startswith("https://"):
        return {"List-Unsubscribe": f"<{value}>"}
    return {"List-Unsubscribe": f"<{value}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def _one_line(value: str) -> str:
    # A header with a line break in it is a header injection; titles come from config and
    # editors, but fold them anyway.
    return " ".join(value.split())


def build_message(issue: Issue, *, html: str, text: str, email: EmailSettings) -> EmailMessage:
    """The issue's message, To-less (the sender sets To per recipient)."""
    _, from_addr = parseaddr(email.from_addr)
    if "@" not in from_addr:
        raise PublishError(f"email.from: {email.from_addr!r} is not an email address")
    display = parseaddr(email.from_addr)[0] or _one_line(issue.newsletter.title)
    msg = EmailMessage(policy=BUILD)  # LF inside parts; SMTP CRLF when serialised
    msg["Subject"] = _one_line(issue.title)
    msg["From"] = formataddr((display, from_addr))
    msg["To"] = "undisclosed-recipients:;"
    msg["Date"] = format_datetime(issue.period.end)
    msg["Message-ID"] = message_id(issue.key, email.from_addr)
    title = _one_line(issue.newsletter.title) or "digest"
    slug = _KEY_SAFE.sub("-", title.lower()).strip("-") or "digest"
    msg["List-Id"] = f"{title} <{slug}.{from_domain(email.from_addr)}>"
    for name, value in unsubscribe_headers(email.unsubscribe).items():
        msg[name] = value
    # base64, not quoted-printable: QP bodies decode with CRLF line ends, base64 gives back
    # the exact bytes, so the HTML part is byte-identical to email.html on disk.
    msg.set_content(text, subtype="plain", charset="utf-8", cte="base64")
    msg.add_alternative(html, subtype="html", charset="utf-8", cte="base64")
    msg.set_boundary(_boundary(issue.key))
    # after the parts: set_content() clears every Content-* header set before it
    msg["Content-Language"] = _one_line(issue.newsletter.language) or "en"
    return msg


def message_bytes(msg: EmailMessage) -> bytes:
    return msg.as_bytes(policy=WIRE)


def unsubscribe_template(msg: EmailMessage) -> str | None:
    """The issue's unsubscribe link when it is filled per copy (it has placeholders), else
    None. Read from the built message's List-Unsubscribe: the footers were rendered with it."""
    value = str(msg.get("List-Unsubscribe") or "").strip()
    target = value[1:-1] if value.startswith("<") and value.endswith(">") else ""
    return target if unsubscribe_placeholders(target) else None


def unsubscribe_secret(msg: EmailMessage, email: EmailSettings) -> str | None:
    """The key of the link's {token} from the environment, when the message needs one."""
    template = unsubscribe_template(msg)
    if template is None or "token" not in unsubscribe_placeholders(template):
        return None
    name = email.unsubscribe_secret_env
    problem = secret_problem(template, name)
    if problem or not name:
        raise PublishError(f"the unsubscribe link {template}: {problem}; nobody was sent a "
                           "copy without their own link")
    return os.environ[name]


def _personalise(copy: EmailMessage, template: str, filled: str) -> None:
    """Put one recipient's link where the template is: List-Unsubscribe and the footers (the
    HTML part has it with `&` escaped; nothing else in a URL of this shape is)."""
    for name in ("List-Unsubscribe", "List-Unsubscribe-Post"):
        del copy[name]
    for name, value in unsubscribe_headers(filled).items():
        copy[name] = value
    forms = {"plain": (template, filled),
             "html": (template.replace("&", "&amp;"), filled.replace("&", "&amp;"))}
    for part in copy.walk():
        subtype = part.get_content_subtype()
        if part.get_content_maintype() != "text" or subtype not in forms:
            continue
        old, new = forms[subtype]
        text = part.get_content()
        if old in text:
            part.set_content(text.replace(old, new), subtype=subtype, charset="utf-8",
                             cte="base64")
            del part["MIME-Version"]  # set_content adds one; a part needs none


def addressed_to(msg: EmailMessage, recipient: str, msgid: str,
                 date: datetime | None = None, *, secret: str | None = None) -> EmailMessage:
    """A copy of `msg` with To set to one recipient (each subscriber gets their own copy),
    that copy's own Message-ID and, given `date`, the time it is sent as its Date (the
    issue.eml's period end would make a retry a week later look a week old: mail clients sort
    it below newer mail and spam filters score a Date far in the past). An unsubscribe link
    with placeholders is filled for the recipient (`secret`: the {token}'s key)."""
    from email import message_from_bytes

    copy = message_from_bytes(message_bytes(msg), _class=EmailMessage, policy=WIRE)
    assert isinstance(copy, EmailMessage)
    del copy["To"]
    local, _, domain = recipient.partition("@")
    # A non-ASCII address (sent with SMTPUTF8) goes in as written: Address() refuses a
    # non-ASCII local part, which stopped the whole send at that recipient.
    ascii_address = local and domain and recipient.isascii()
    copy["To"] = Address(addr_spec=recipient) if ascii_address else recipient
    del copy["Message-ID"]
    copy["Message-ID"] = msgid
    if date is not None:
        del copy["Date"]
        copy["Date"] = format_datetime(date)
    template = unsubscribe_template(copy)
    if template is not None:
        _personalise(copy, template, fill_unsubscribe(template, recipient, secret))
    return copy
