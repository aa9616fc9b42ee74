"""Notifications through the real CLI: the sample outlets over HTTP, two channels on a loopback
endpoint, one of them broken on the first run (500) and fine on the next."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from ..conftest import Hook
from .conftest import PERIOD, Site, digest_cli, http_config


def test_a_broken_channel_is_retried_next_run_and_the_issue_is_published(
        tmp_path: Path, sample_site: Site, hook: tuple[str, type[Hook]],
        monkeypatch: pytest.MonkeyPatch) -> None:
    host, handler = hook
    monkeypatch.setenv("DIGEST_TEST_HOOK", host)  # the channel's "secret", from the environment
    broken, fine = "json://${DIGEST_TEST_HOOK}/fail", "form://${DIGEST_TEST_HOOK}/ok"
    config = http_config(tmp_path, sample_site.base,
                         extra=f"notify:\n  - '{broken}'\n  - '{fine}?format=markdown'\n")
    args = ("--config", str(config), "--period", PERIOD)

    first = digest_cli("run", *args)
    assert first.returncode == 1, first.stderr  # a channel failed: like an e-mail, exit 1
    assert (tmp_path / "out" / "issues" / PERIOD / "index.html").is_file()  # still published
    assert f"NOT notified {broken}: " in first.stdout and "500" in first.stdout
    assert f"(tried again by the next `digest run` or `digest send` of {PERIOD})" in first.stdout
    assert f"notified {fine}?format=markdown: " in first.stdout
    assert [g["path"] for g in handler.got] == ["/fail", "/ok"]
    assert "](http" in handler.got[1]["message"]  # the channel asked for Markdown

    dry = digest_cli("send", *args, "--dry-run")  # what `digest send` would do: the failed one
    assert dry.returncode == 0, dry.stderr
    assert f"would notify {broken}: dry run: not sent" in dry.stdout and fine not in dry.stdout
    assert len(handler.got) == 2

    status = digest_cli("status", "--config", str(config))
    assert status.returncode == 0, status.stderr
    assert f"{PERIOD}  {broken}  failed" in status.stdout
    assert f"{PERIOD}  {fine}?format=markdown  sent" in status.stdout
    assert host not in status.stdout  # the expanded URL (the secret) is never shown

    handler.failing = False
    second = digest_cli("run", *args)  # the issue is built: only the failed channel is sent
    assert second.returncode == 0, second.stderr
    assert "already built" in second.stdout and f"notified {broken}: " in second.stdout
    assert [g["path"] for g in handler.got] == ["/fail", "/ok", "/fail"]

    third = digest_cli("run", *args)  # at most once: nothing left to send
    assert third.returncode == 0 and "notified" not in third.stdout
    assert len(handler.got) == 3

    db = sqlite3.connect(tmp_path / ".digest" / "digest.sqlite3")
    rows = db.execute("SELECT channel, status, attempts FROM notification ORDER BY channel")
    assert sorted(rows) == [(f"{fine}?format=markdown", "sent", 1), (broken, "sent", 2)]
    dump = "\n".join(db.iterdump())
    assert host not in dump  # no secret in the store


def test_an_unusable_channel_is_a_config_error_naming_file_line_and_key(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text("newsletter: {title: T}\nnotify:\n  - json://127.0.0.1:9/ok\n"
                    "  - 'nonsense://somewhere'\n", encoding="utf-8")
    result = digest_cli("run", "--config", str(path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"{path}:4: notify[1]: not a URL Apprise can send to" in lines[0]
