"""Email newsletters from disk: a maildir, an mbox file, a folder of .eml files, or one .eml.

Each message becomes one RawItem: HTML body when there is one (else plain text), Subject as
title, From as author, Date as published, Message-ID as GUID. The item's URL is the
newsletter's "view in browser" link when it has one, else a `mid:` URI (RFC 2392).
A link roundup (see roundup.py) becomes one entry per linked article instead, and the
message itself only when it has substantial prose of its own.
"""

from __future__ import annotations

import email
import email.policy
import hashlib
import mailbox as stdlib_mailbox
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from email.message import EmailMessage, Message
from email.utils import getaddresses
from pathlib import Path

import lxml.html
from lxml import etree

from digest.models import RawItem

from ..encoding import decode
from .dates import parse_trusted
from .feeds import Entry
from .guard import FetchFailure
from .roundup import UTF8_HTML, find_roundup
from .urls import is_web_url, strip_tracking

_WEB_VERSION_RE = re.compile(r"view (it )?(in|on) (your |a |the )?(browser|web)|web version|"
                             r"view online|read online|在浏览器中查看|网页版", re.IGNORECASE)


def looks_like_mail(path: Path) -> bool:
    if path.is_dir():
        return True  # a directory source can only be a maildir or a folder of messages
    if path.suffix.lower() in (".eml", ".mbox", ".mbx"):
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(512)
    except OSError:
        return False
    return head.startswith(b"From ") or bool(
        re.match(rb"(?i)^(return-path|received|message-id|from|delivered-to|mime-version):",
                 head))


def _messages(path: Path, max_bytes: int) -> Iterator[bytes]:
    """Each message of the mailbox at `path`, as it is stored (parsed by read_messages, one
    at a time: a message that cannot be parsed costs only itself)."""
    if path.is_dir():
        if (path / "cur").is_dir() or (path / "new").is_dir():
            maildir = stdlib_mailbox.Maildir(path, factory=None, create=False)
            for key in maildir.iterkeys():
                with maildir.get_file(key) as handle:
                    yield handle.read(max_bytes)
            return
        for file in sorted(path.rglob("*")):
            if file.is_file() and file.suffix.lower() in (".eml", ".mbox", ".mbx", ".msg"):
                yield from _messages(file, max_bytes)
        return
    with path.open("rb") as handle:
        head = handle.read(5)
    if head == b"From ":
        box = stdlib_mailbox.mbox(path, factory=None, create=False)
        try:
            for key in box.iterkeys():
                yield box.get_bytes(key)
        finally:
            box.close()
        return
    with path.open("rb") as handle:
        yield handle.read(max_bytes)


def parse_message(data: bytes) -> Message:
    return email.message_from_bytes(data, policy=email.policy.default)


def _part_text(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset()
    return decode(payload, f"text/plain; charset={charset}" if charset else None)[0]


def _body(message: Message) -> tuple[str, str]:
    """(body, "html" | "text")."""
    part: Message | None = message
    if isinstance(message, EmailMessage):
        part = message.get_body(preferencelist=("html", "plain"))
    if part is None:
        return "", "text"
    text = _part_text(part)
    return text, ("html" if part.get_content_subtype() == "html" else "text")


def _web_version(body: str, kind: str) -> str | None:
    if kind != "html" or not body.strip():
        return None
    try:
        doc = lxml.html.document_fromstring(body.encode("utf-8"), parser=UTF8_HTML)
    except (etree.ParserError, ValueError):
        return None
    for a in doc.iterfind(".//a[@href]"):
        href = a.get("href", "")
        if is_web_url(href) and _WEB_VERSION_RE.search(a.text_content() or ""):
            return strip_tracking(href)
    return None


def _author(message: Message) -> str | None:
    pairs = getaddresses([str(message.get("from", ""))])
    if not pairs:
        return None
    name, address = pairs[0]
    return name or address or None


def to_item(message: Message, source: str, now: datetime) -> RawItem:
    body, kind = _body(message)
    subject = " ".join(str(message.get("subject", "")).split())
    message_id = str(message.get("message-id", "")).strip().strip("<>")
    guid = message_id or "sha256:" + hashlib.sha256(
        (subject + body).encode("utf-8", "replace")).hexdigest()[:32]
    url = _web_version(body, kind) or (f"mid:{message_id}" if message_id else f"mid:{guid}")
    return RawItem(source=source, guid=guid, url=url, title=subject or "(no subject)",
                   content=body, content_type="html" if kind == "html" else "text",
                   published=parse_trusted(str(message.get("date", "")), now),
                   author=_author(message))


def roundup_entries(item: RawItem, message: Message) -> tuple[list[Entry], bool]:
    """(one entry per linked article, keep the message itself?) for a link roundup; no
    entries and True for any other message. An entry's GUID is the message's plus the link,
    so the same article linked from two issues of a newsletter stays two items (the store's
    canonical-URL dedupe joins them)."""
    if item.content_type != "html":
        return [], True
    found = find_roundup(item.content)
    if found is None:
        return [], True
    date = str(message.get("date", "")) or None
    entries = [Entry(guid=f"{item.guid}|{link.url}", link=link.url, title=link.title,
                     content=link.blurb, content_type="text", summary=link.blurb, date=date)
               for link in found.links]
    return entries, found.keep_message


@dataclass
class MailRead:
    items: list[RawItem] = field(default_factory=list)  # whole messages, newest first
    entries: list[Entry] = field(default_factory=list)  # articles linked from roundups
    warnings: list[str] = field(default_factory=list)


def read_messages(messages: Iterable[bytes], source: str, now: datetime) -> MailRead:
    """Messages (as stored) to items and roundup entries (duplicates by GUID dropped). A
    message that cannot be read is counted and left out: one nested 3,000 multiparts deep
    (RecursionError in the email package) sank the whole mailbox with it."""
    read = MailRead()
    seen: set[str] = set()
    broken = roundups = 0
    for raw in messages:
        try:
            message = parse_message(raw)
            item = to_item(message, source, now)
            entries, keep = roundup_entries(item, message)
        except (ValueError, LookupError, TypeError, AttributeError, RecursionError):
            broken += 1
            continue
        if item.guid in seen:
            continue
        seen.add(item.guid)
        roundups += bool(entries)
        read.entries.extend(entries)
        if keep:
            read.items.append(item)
    oldest = datetime.min.replace(tzinfo=now.tzinfo)
    read.items.sort(key=lambda item: item.published or oldest, reverse=True)
    if broken:
        read.warnings.append(f"{broken} messages could not be read")
    if roundups:
        read.warnings.append(f"{roundups} link roundups split into {len(read.entries)} "
                             "linked articles")
    if not seen:
        read.warnings.append("the mailbox has no messages")
    return read


def read_mailbox(path: Path, source: str, now: datetime, max_bytes: int) -> MailRead:
    """Every readable message of a local mailbox; unreadable ones become warnings."""
    try:
        return read_messages(_messages(path, max_bytes), source, now)
    except (OSError, stdlib_mailbox.Error) as exc:
        raise FetchFailure(f"cannot read mailbox {path}: {exc}") from exc
