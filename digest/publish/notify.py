"""notify_issue: a built issue's brief to every notification channel, at most once each.

A channel is an Apprise URL from `notify:` (channels.py). The same ledger as e-mail decides
(publish/ledger.py), per (issue, channel): the intent (`sending`) is recorded just before the
brief goes out, then `sent` when the service accepted it, or `failed` when it refused it or
could not be reached — a failed channel is tried again on the next run (or `digest send`), and
the issue stays published either way. A `sending` row left by a process that died is `unknown`
and held until someone asks again (`--resend`), like an e-mail in doubt.

What is sent is the brief (brief.py) in the channel's own markup and within its length limit.
A service that still refuses it for its length (HTTP 413, "too long") is sent the next shorter
form at once, down to the link to the web issue alone: shortened, not lost. Any other refusal
(a 500, a connection error) is not retried with a shorter form, so a broken service is asked
once per run.
"""

from __future__ import annotations

import json
import logging
import os
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

from digest import channels
from digest.errors import PublishError
from digest.models import DeliveryStatus, Notification, Resend
from digest.publish import ledger
from digest.publish.brief import MARKUPS, Brief, Markup, briefs, fit, inert
from digest.render import build_view

# What a service's refusal says when the message was too long for it. Rules as data.
LENGTH_REFUSAL = re.compile(r"error=413\b|\b413\b|too long|too large|too big|length|characters",
                            re.IGNORECASE)
_LOG_LINE = re.compile(r"^\S+ \S+ - (WARNING|ERROR|CRITICAL) - (.*)$")


class NotifyLog(Protocol):
    """Where notifications are remembered (the store implements it)."""

    def notification_states(self, issue: str) -> Mapping[str, DeliveryStatus]: ...
    def record_notification(self, n: Notification) -> None: ...


def _view(key: str, out: Path) -> dict[str, Any]:
    path = Path(out) / "issues" / key / "issue.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise PublishError(f"issue {key}: cannot read {path} (publish it first): {exc}") from exc
    return build_view(data, data.get("newsletter") or {})


def _markup(plugin: Any) -> Markup:
    """The markup the service renders (Apprise 2 resolves it per send; 1.x has one)."""
    resolve = getattr(plugin, "resolve_format", None)
    chosen = resolve(None) if resolve else plugin.notify_format
    value = str(getattr(chosen, "value", chosen))
    return value if value in MARKUPS else "text"  # type: ignore[return-value]


def _limit(plugin: Any, title: str) -> tuple[str, int]:
    """The title as the service takes it, and how long the body may be."""
    body_max = int(getattr(plugin, "body_maxlen", 0) or 32768)
    title_max = int(getattr(plugin, "title_maxlen", 0) or 0)
    if title_max <= 0:  # the service has no title: Apprise puts it above the body
        return title, body_max - len(title) - 2
    title = title[:title_max]
    if getattr(plugin, "overflow_amalgamate_title", False):  # title and body share the limit
        return title, body_max - len(title)
    return title, body_max


def _scrub(text: str, template: str) -> str:
    """A service's error text without the values of the channel's secrets."""
    for name in channels.references(template):
        value = os.environ.get(name, "")
        if value:
            text = text.replace(value, "${" + name + "}")
    return text


def _send(plugin: Any, brief: Brief) -> str | None:
    """Hand one brief to the service; None when it accepted it, else what it said."""
    import apprise

    sender = apprise.Apprise()
    sender.add(plugin)
    with apprise.LogCapture(level=logging.WARNING) as captured:  # type: ignore[no-untyped-call]
        ok = sender.notify(body=brief.body, title=brief.title, body_format=brief.markup)
    if ok:
        return None
    said = [m.group(2).strip() for line in captured.getvalue().splitlines()
            if (m := _LOG_LINE.match(line))]
    return " ".join(said) or "the service did not accept the notification"


def _described(brief: Brief, shortened: bool) -> str:
    what = f"{len(brief.body)} characters, {brief.markup}, {brief.headlines} headline(s)"
    what += "" if brief.tldr else ", no TL;DR"
    return what + (", shortened after a length refusal" if shortened else "")


def notify_one(key: str, view: dict[str, Any], template: str) -> Notification:
    """Send the brief to one channel (the ledger is the caller's)."""
    try:
        url = channels.expand(template)
    except KeyError as exc:
        return Notification(key, template, "failed", f"the environment variable {exc.args[0]} "
                                                      "is not set")
    plugin = channels.instantiate(url)
    if plugin is None:
        return Notification(key, template, "failed", "not a URL Apprise can send to")
    title, limit = _limit(plugin, inert(str(view["title"])))
    forms = [Brief(title, b.body, b.markup, b.headlines, b.tldr)
             for b in briefs(view, _markup(plugin))]
    brief = fit(forms, limit)
    shortened = False
    while True:
        refusal = _send(plugin, brief)
        if refusal is None:
            return Notification(key, template, "sent", sent=_described(brief, shortened))
        shorter = [b for b in forms if len(b.body) < len(brief.body)]
        if not (LENGTH_REFUSAL.search(refusal) and shorter):
            return Notification(key, template, "failed", _scrub(refusal, template)[:500],
                                sent=_described(brief, shortened))
        brief, shortened = shorter[0], True


def notify_issue(key: str, out: Path, templates: Sequence[str], log: NotifyLog, *,
                 dry_run: bool = False, resend: Resend = "none") -> list[Notification]:
    """Send issue `key`'s brief to every channel the ledger allows; return this run's
    notifications, then (as `unknown`) the channels held back because an attempt is in doubt.
    A dry run sends and records nothing."""
    view = _view(key, out)
    ledger.check_sendable(key, out)
    todo = ledger.plan(list(templates), log.notification_states(key), resend)
    held = [Notification(key, t, "unknown", ledger.HELD) for t in todo.held]
    if dry_run:
        return [Notification(key, t, "planned", "dry run: not sent") for t in todo.send] + held
    for t in todo.orphaned:  # a sender died between the intent and the outcome: say so
        log.record_notification(Notification(key, t, "unknown", ledger.ORPHANED))
    done = []
    for template in todo.send:
        log.record_notification(Notification(key, template, "sending"))
        outcome = notify_one(key, view, template)
        log.record_notification(outcome)
        done.append(outcome)
    return done + held
