"""Notifications through Apprise, end to end against a real HTTP endpoint on 127.0.0.1.

Apprise's `json://` and `form://` targets POST the brief to a loopback server that records what
it got and answers as told: 200, 500 (a broken service: failed, tried again next time, the
issue still published), or 413 for a message over a length (shortened, not lost).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from digest.channels import instantiate
from digest.config import load_config
from digest.models import Delivery, EmailSettings, Issue, Notification
from digest.publish.notify import _limit, _markup, notify_issue
from digest.status import channel_report, in_doubt
from digest.store import open_store

from ..conftest import Hook
from .conftest import publish


@pytest.fixture
def out(tmp_path: Path, issue: Issue, email_settings: EmailSettings) -> Path:
    out = tmp_path / "out"
    publish(issue, out, email_settings)
    return out


def _notify(out: Path, channels: list[str], db: Path, **kw: Any) -> list[Notification]:
    store = open_store(db)
    try:
        return notify_issue("2026-W10", out, channels, store, **kw)
    finally:
        store.close()


def test_the_brief_reaches_a_json_channel_once(out: Path, tmp_path: Path, issue: Issue,
                                               hook: tuple[str, type[Hook]]) -> None:
    host, handler = hook
    channel = f"json://{host}/ok?format=markdown"
    first = _notify(out, [channel], tmp_path / "db")
    assert [n.status for n in first] == ["sent"]
    assert len(handler.got) == 1
    got = handler.got[0]
    assert got["title"] == issue.title
    message = got["message"]
    for story in issue.featured:  # every featured headline, linked to its lead source
        assert f"[{story.headline}](" in message.replace("\\", "")
    assert message.count("https://") >= len(issue.featured) + 1
    assert "**TL;DR:**" in message
    assert message.endswith("(https://news.example.org/digest/issues/2026-W10/)")
    # at most once: a second send finds the channel in the ledger and sends nothing
    assert _notify(out, [channel], tmp_path / "db") == []
    assert len(handler.got) == 1


def test_a_form_channel_gets_plain_text(out: Path, tmp_path: Path,
                                        hook: tuple[str, type[Hook]]) -> None:
    host, handler = hook
    [n] = _notify(out, [f"form://{host}/ok"], tmp_path / "db")
    assert n.ok and n.sent and "text" in n.sent
    message = handler.got[0]["message"]
    assert "Read the issue: https://news.example.org/digest/issues/2026-W10/" in message
    assert "**" not in message and "<a " not in message


def test_a_channel_answering_500_is_tried_again_next_time(out: Path, tmp_path: Path,
                                                          hook: tuple[str, type[Hook]]) -> None:
    host, handler = hook
    broken, fine = f"json://{host}/fail", f"json://{host}/ok"
    first = _notify(out, [broken, fine], tmp_path / "db")
    assert [(n.channel, n.status) for n in first] == [(broken, "failed"), (fine, "sent")]
    assert first[0].error and "500" in first[0].error
    assert sum(g["path"] == "/fail" for g in handler.got) == 1  # not hammered with shorter forms
    handler.failing = False
    second = _notify(out, [broken, fine], tmp_path / "db")
    assert [(n.channel, n.status) for n in second] == [(broken, "sent")]


def test_a_channel_that_refuses_the_length_gets_a_shorter_brief(
        out: Path, tmp_path: Path, hook: tuple[str, type[Hook]]) -> None:
    host, handler = hook
    [n] = _notify(out, [f"json://{host}/max/200"], tmp_path / "db")
    assert n.ok, n.error
    assert n.sent and "shortened after a length refusal" in n.sent
    sizes = [len(g["message"]) for g in handler.got]
    assert sizes[0] > 200 >= sizes[-1] and sizes == sorted(sizes, reverse=True)
    assert "https://news.example.org/digest/issues/2026-W10/" in handler.got[-1]["message"]


def test_a_channel_in_doubt_is_held_until_resend(out: Path, tmp_path: Path,
                                                 hook: tuple[str, type[Hook]]) -> None:
    host, handler = hook
    channel = f"json://{host}/ok"
    store = open_store(tmp_path / "db")
    store.record_notification(Notification("2026-W10", channel, "sending"))  # a sender died
    store.close()
    [n] = _notify(out, [channel], tmp_path / "db")
    assert n.status == "unknown" and not handler.got
    assert [n.status for n in _notify(out, [channel], tmp_path / "db", dry_run=True)] == ["unknown"]
    [again] = _notify(out, [channel], tmp_path / "db", resend="unknown")
    assert again.ok and len(handler.got) == 1


def test_an_unreachable_channel_fails_with_the_reason(out: Path, tmp_path: Path) -> None:
    [n] = _notify(out, ["json://127.0.0.1:1/nobody"], tmp_path / "db")
    assert n.status == "failed" and n.error and "onnection" in n.error


@pytest.mark.parametrize(("url", "markup", "limit", "title_shares"), [
    # Telegram: HTML, 4,096 characters, no title (Apprise puts it and a line break above)
    ("tgram://123456789:abcdefg_hijklmnop/12315544/", "html", 4096 - 2, True),
    # Discord: 2,000 characters shared by the title and the body; plain text unless asked
    ("discord://4174216298/JHMHI8qBe7bk2ZwO5U711o3dV_js", "text", 2000, True),
    ("discord://4174216298/JHMHI8qBe7bk2ZwO5U711o3dV_js?format=markdown", "markdown", 2000, True),
    ("slack://T1JJ3T3L2/A1BRTD4JD/TIiajkdnlazkcOXrIdevi7FQ", "markdown", 35000, False),
    ("json://127.0.0.1/x", "text", 32768, False),
])
def test_each_service_gets_its_own_markup_and_limit(issue: Issue, url: str, markup: str,
                                                    limit: int, title_shares: bool) -> None:
    """What a real service would get, decided without sending anything."""
    plugin = instantiate(url)
    title, room = _limit(plugin, issue.title)
    assert _markup(plugin) == markup and title == issue.title
    assert room == limit - (len(title) if title_shares else 0)


def test_status_does_not_list_a_channel_taken_out_of_the_config(tmp_path: Path) -> None:
    """A webhook that failed and was then replaced in the config stayed in `digest status`
    as failing for ever, though nothing would ever send to it again."""
    old, new = "json://127.0.0.1:9/old", "json://127.0.0.1:9/new"
    path = tmp_path / "sources.yaml"
    path.write_text(f"newsletter: {{title: T, base_url: 'https://n.example.org/'}}\n"
                    f"notify:\n  - {new}\n", encoding="utf-8")
    config = load_config(path)
    store = open_store(tmp_path / "db")
    try:
        store.record_notification(Notification("2026-W09", new, "failed", error="HTTP 500"))
        store.record_notification(Notification("2026-W10", old, "failed", error="HTTP 500"))
        store.record_notification(Notification("2026-W10", new, "sent"))
        report = channel_report(config, store)
    finally:
        store.close()
    assert [(n.issue, n.channel, n.status) for n in report] == [
        ("2026-W10", new, "sent"), ("2026-W09", new, "failed")]


def test_status_counts_what_waits_on_a_decision() -> None:
    """`digest status` exits 3 for a delivery or notification in doubt (it exited 0, so a
    cron wrapper never heard of it); a failed one is retried by the next send, and a
    'sending' row is in progress while a run holds the lock."""
    mail = Delivery(issue="2026-W10", recipient="a@example.org", status="unknown")
    sending = Delivery(issue="2026-W10", recipient="b@example.org", status="sending")
    channel = Notification("2026-W10", "json://127.0.0.1:9/hook", "unknown")
    failed = Notification("2026-W10", "json://127.0.0.1:9/hook", "failed")
    assert in_doubt([mail], [], running=False) and in_doubt([], [channel], running=True)
    assert in_doubt([sending], [], running=False)
    assert not in_doubt([sending], [failed], running=True)
    assert not in_doubt([], [], running=False)
