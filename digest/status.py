"""What `digest status` reports beyond runs and sources: the operator's side of the last issue
and where each notification channel stands. Read-only; no stage is imported."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from .configtypes import Config
from .store import Store

if TYPE_CHECKING:
    from .models import Delivery, Notification, SourceHealth


@dataclass(frozen=True)
class EditorReport:
    """The operator's side of the last issue: what the readers' copies do not print."""

    key: str
    editor: str  # "offline" or "llm:<model>"
    notes: tuple[str, ...]  # fallbacks, clustering notes, shortened lists
    explainer: str  # how the Explainer was chosen, or why there is none
    folder: Path | None = None  # where it was built when not in the config's output (--out)


# How many of the newest runs are searched for the one that built the newest issue (a daily
# cron adds seven a week; each row carries its manifest, so not the whole history).
_RUNS = 50


def editor_report(config: Config, store: Store) -> EditorReport | None:
    """The newest issue's, from the manifest its build stored with the run (wherever it was
    built: the config's output or an `--out` folder), else from its issue.json in the output
    folder (None when neither is there)."""
    from .manifest import last_build

    for record in store.issues()[:1]:
        info = last_build(store.runs(_RUNS), record.key)
        if info is not None and "editor" in info:
            built = info.get("output")
            folder = Path(built) if built and Path(built) != config.output else None
            return EditorReport(record.key, str(info["editor"]),
                                tuple(str(n) for n in info.get("notes") or []),
                                str(info.get("explainer") or ""), folder)
        path = config.output / "issues" / record.key / "issue.json"
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        explainer = (data.get("explainer") or {}).get("why") or data.get("explainer_note") or ""
        return EditorReport(record.key, str(data.get("editor", "")),
                            tuple(str(n) for n in data.get("notes", [])), str(explainer))
    return None


def failing_sources(config: Config, store: Store) -> list[SourceHealth]:
    """The configured sources whose last fetches failed, in the config's order. A source
    taken out of the config keeps its row in the store: it was listed as failing for ever
    (the dead feed a user had removed because it failed)."""
    from .roster import configured_health

    return [h for h in configured_health(config, store.source_health())
            if h.consecutive_failures]


def failed_deliveries(store: Store, *, issues: int = 5) -> list[Delivery]:
    """The recipients that did not get the newest issue sent to anyone (among the last
    `issues`): each is tried again by the next `digest run` or `digest send` of that issue.
    An older issue's are not listed: they would be listed every week for a dead address."""
    for record in store.issues()[:issues]:
        rows = store.deliveries(record.key)
        if rows:
            return [d for d in rows if d.status == "failed"]
    return []


# `digest status`'s exit code when something waits on a person's decision (a cron wrapper or a
# monitoring check alerts on it): distinct from 1, the command itself failing.
EXIT_IN_DOUBT = 3


def in_doubt(deliveries: list[Delivery], channels: list[Notification], *, running: bool) -> bool:
    """Whether a delivery or a channel's notification is in doubt: its outcome unknown (never
    re-sent by itself: `digest send --resend` decides), or 'sending' with no run in progress
    to finish it (its sender died). A failed one is not: the next send retries it."""
    waiting = {"unknown"} if running else {"unknown", "sending"}
    return any(d.status in waiting for d in deliveries) or any(
        n.status in waiting for n in channels)


def channel_report(config: Config, store: Store) -> list[Notification]:
    """Where each configured channel stands: its newest notification, and every one in doubt
    or failed (never re-sent by itself, or tried again on the next run), newest issue first.
    A channel taken out of the config is not listed: nothing sends to it any more, so its
    failure was listed for ever (the webhook a user had replaced because it failed)."""
    listed = set(config.notify)
    rows = [n for n in store.notifications() if n.channel in listed]
    newest: dict[str, Notification] = {}
    for n in rows:  # newest issue first
        newest.setdefault(n.channel, n)
    configured = [newest[c] for c in config.notify if c in newest]
    troubled = [n for n in rows if n.status in ("failed", "unknown", "sending")
                and n not in configured]
    return configured + troubled
