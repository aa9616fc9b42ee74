"""Sources on the local disk (tests, the demo, mail folders): read only when the configured
source itself is a path (`urls.is_local`) — a feed's links may never point to file://.
Loaded with the first local source."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from digest.models import FetchState, Source

from .guard import FetchFailure

if TYPE_CHECKING:  # the mail readers (email, mailbox, roundups) load with the first local source
    from .mailbox import MailRead

_MAX_FILES = 20_000  # a stamp over more files than this is not worth computing


@dataclass
class LocalRead:
    body: bytes = b""
    mail: MailRead | None = None  # set for mailboxes (already items)
    stamp: str | None = None  # stands in for Last-Modified: unchanged stamp, nothing to parse
    unchanged: bool = False
    warnings: list[str] = field(default_factory=list)


def _stamp(path: Path) -> str:
    """A fingerprint of the file (or of every file under the directory)."""
    digest = hashlib.sha256()
    files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
    for file in files[:_MAX_FILES]:
        stat = file.stat()
        digest.update(f"{file}\0{stat.st_mtime_ns}\0{stat.st_size}\n".encode())
    return "local:" + digest.hexdigest()[:24]


def read(path: Path, source: Source, state: FetchState, max_bytes: int,
         now: datetime) -> LocalRead:
    if not path.exists():
        raise FetchFailure(f"no such file or directory: {path}")
    try:
        stamp = _stamp(path)
    except OSError as exc:
        raise FetchFailure(f"cannot read {path}: {exc.strerror or exc}") from exc
    if state.last_modified == stamp:
        return LocalRead(stamp=stamp, unchanged=True)
    from . import mailbox

    if source.kind == "mailbox" or mailbox.looks_like_mail(path):
        mail = mailbox.read_mailbox(path, source.name, now, max_bytes)
        return LocalRead(mail=mail, stamp=stamp, warnings=mail.warnings)
    try:
        with path.open("rb") as handle:
            body = handle.read(max_bytes + 1)
    except OSError as exc:
        raise FetchFailure(f"cannot read {path}: {exc.strerror or exc}") from exc
    if len(body) > max_bytes:
        raise FetchFailure(f"{path} is over the {max_bytes:,}-byte cap")
    return LocalRead(body=body, stamp=stamp)
