"""What render and publish make: the rendered files, deliveries, notifications, paths."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal


@dataclass(frozen=True)
class Rendered:
    """Every file of one issue, as text, keyed by name relative to out/issues/K/."""

    key: str
    files: dict[str, str] = field(default_factory=dict)  # "index.html", "email.html", …


# Where one (issue, recipient) delivery stands; the rules for each are in publish/ledger.py.
# "planned" only ever describes a dry run and is never recorded.
DeliveryStatus = Literal["planned", "sending", "sent", "failed", "unknown"]
# Whom a send may reach again: nobody already sent to or in doubt ("none", the default), also
# those in doubt ("unknown"), or everyone ("all"). Chosen only by a person (--resend).
Resend = Literal["none", "unknown", "all"]


@dataclass(frozen=True)
class Delivery:
    issue: str
    recipient: str
    status: DeliveryStatus
    error: str | None = None
    message_id: str | None = None  # per issue and recipient, stable across attempts

    @property
    def ok(self) -> bool:
        return self.status == "sent"


@dataclass(frozen=True)
class Notification:
    """One (issue, channel) notification. Its statuses mean what a Delivery's mean, and the
    same ledger decides what is sent (publish/ledger.py, publish/notify.py)."""

    issue: str
    channel: str  # the Apprise URL as written in the config, `${NAME}` unexpanded: no secret
    status: DeliveryStatus
    error: str | None = None
    sent: str | None = None  # what went out, e.g. "812 characters, markdown, 3 headlines"

    @property
    def ok(self) -> bool:
        return self.status == "sent"


@dataclass(frozen=True)
class OutputPaths:
    root: Path  # out/

    def issue_dir(self, key: str) -> Path:
        return self.root / "issues" / key
