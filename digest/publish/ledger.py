"""The delivery ledger: each (issue, recipient) is sent at most once unless a person asks again.

What the ledger knows about a delivery, and what a later send does with it:

    (no row)   never handed to the server                             → send
    failed     certainly not delivered: the server refused it, or the connection failed before
               the whole message was handed over                     → send again (retry)
    sending    the intent, recorded (with the Message-ID) just before the message is handed
               over. Left behind only by a sender that died          → becomes unknown
    unknown    the message was handed over but no answer came back (a crash, a drop or a
               timeout after the last byte): it may well have been delivered
                                                                      → held; sent only with
                                                                        --resend
    sent       the server answered 250 to the message                → never (--resend all)

So by default nobody gets an issue twice; the price is that a crash in the instant between the
server accepting a message and the ledger hearing of it leaves that delivery `unknown` until
someone decides (`digest status` lists them, `--resend` sends them again with the same
Message-ID, which lets mail systems that deduplicate by Message-ID drop a second copy).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from digest.errors import PublishError
from digest.models import Delivery, DeliveryStatus, Resend

# The statuses each resend mode sends to (None: no row yet). Rules as data.
SENDS_TO: dict[Resend, frozenset[DeliveryStatus | None]] = {
    "none": frozenset({None, "failed"}),
    "unknown": frozenset({None, "failed", "unknown", "sending"}),
    "all": frozenset({None, "failed", "unknown", "sending", "sent"}),
}

HELD = ("not re-sent: the outcome of an earlier attempt is unknown (the message may have "
        "been delivered); `--resend` sends it again")
ORPHANED = "the sending process stopped while handing over the message (it may have arrived)"


class DeliveryLog(Protocol):
    """Where deliveries are remembered (the store implements it)."""

    def delivery_states(self, issue: str) -> Mapping[str, DeliveryStatus]:
        """recipient (lower-case) → status, for every recipient with a row."""
        ...

    def record_delivery(self, delivery: Delivery) -> None: ...


@dataclass(frozen=True)
class Plan:
    send: tuple[str, ...]  # recipients to send to now, in order
    held: tuple[str, ...]  # recipients whose earlier delivery is unknown, not sent to now
    orphaned: tuple[str, ...]  # 'sending' rows a dead sender left behind: now unknown


def plan(recipients: Sequence[str], states: Mapping[str, DeliveryStatus],
         resend: Resend = "none") -> Plan:
    allowed = SENDS_TO[resend]
    send, held, orphaned = [], [], []
    for rcpt in recipients:
        status = states.get(rcpt.lower())
        if status == "sending":
            orphaned.append(rcpt)
        if status in allowed:
            send.append(rcpt)
        elif status in ("unknown", "sending"):
            held.append(rcpt)
    return Plan(send=tuple(send), held=tuple(held), orphaned=tuple(orphaned))


# A built issue is sent to nobody, by e-mail or to any channel, when it is empty because
# nothing could be read: no story, and every source failed or was skipped (the network down, a
# proxy in the way, a wrong URL for each). Sent, it reached every reader empty, and the period
# counted as done: the next run found it built and did nothing.
_NOTHING_READ = frozenset({"error", "skipped"})


def unsendable(key: str, issue: Mapping[str, Any]) -> str | None:
    """Why the issue (its issue.json) is sent to nobody at all, or None."""
    sources = issue.get("sources") or []
    if issue.get("stories") or not sources or any(
            not isinstance(s, Mapping) or s.get("status") not in _NOTHING_READ for s in sources):
        return None
    return (f"issue {key} not sent: it is empty because every source failed ({len(sources)} "
            f"of {len(sources)}; `digest status` lists them); once they answer, `digest run "
            f"--period {key} --force` builds it again and sends it")


def check_sendable(key: str, out: Path) -> None:
    """Raise PublishError when issue `key` in `out` must not be sent (`unsendable`); an issue
    without its issue.json is left to the sender's own checks."""
    try:
        data = json.loads((Path(out) / "issues" / key / "issue.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return
    reason = unsendable(key, data) if isinstance(data, Mapping) else None
    if reason:
        raise PublishError(reason)
