"""kill -9 between the SMTP server accepting a message and the sender recording it.

The loopback aiosmtpd server's DATA handler kills the sending process the moment it has taken
the message for one chosen recipient, before answering 250: the worst instant for a ledger.
The next run must send to everyone else, to nobody twice, and `digest status` must name the
delivery whose outcome is unknown; `--resend` then sends exactly that one again.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiosmtpd.smtp import SMTP, Envelope, Session

from digest.cli import main

from .conftest import PERIOD, REPO, smtp_server

RECIPIENTS = [f"reader{n:02d}@example.com" for n in range(40)]
VICTIM = RECIPIENTS[12]


class KillingInbox:
    """Takes every message; for the victim's, kills the sender before answering 250."""

    def __init__(self) -> None:
        self.received: Counter[str] = Counter()
        self.message_ids: dict[str, list[str]] = {}
        self.sender: subprocess.Popen[bytes] | None = None
        self.killed = False

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        content = envelope.content if isinstance(envelope.content, bytes) else b""
        msgid = next((line.split(b":", 1)[1].strip().decode() for line in content.splitlines()
                      if line.lower().startswith(b"message-id:")), "")
        for rcpt in envelope.rcpt_tos:
            self.received[rcpt] += 1
            self.message_ids.setdefault(rcpt, []).append(msgid)
        if VICTIM in envelope.rcpt_tos and self.sender is not None and not self.killed:
            self.killed = True
            os.kill(self.sender.pid, signal.SIGKILL)  # the message is taken; no 250 reaches it
            self.sender.wait(timeout=30)
        return "250 OK queued"


@pytest.fixture
def smtp_inbox() -> Iterator[tuple[KillingInbox, int]]:
    handler = KillingInbox()
    with smtp_server(handler) as port:
        yield handler, port


def _config(tmp_path: Path, port: int) -> Path:
    path = tmp_path / "sources.yaml"
    recipients = "".join(f"    - {r}\n" for r in RECIPIENTS)
    path.write_text(
        "newsletter:\n  title: Ledger Weekly\n  timezone: UTC\n"
        "  base_url: https://news.example.org/ledger/\n"
        "email:\n  from: Ledger Weekly <digest@news.example.org>\n"
        f"  recipients:\n{recipients}"
        f"  smtp_host: 127.0.0.1\n  smtp_port: {port}\n  security: none\n  timeout: 20\n",
        encoding="utf-8")
    return path


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    """The real command line, in this process (only the process to kill needs its own)."""
    capsys.readouterr()
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out + captured.err


@pytest.mark.slow
@pytest.mark.parametrize(("killed", "rerun"), [("send", "run"), ("run", "send")])
def test_kill_9_after_the_server_took_the_message(
        tmp_path: Path, smtp_inbox: tuple[KillingInbox, int], killed: str, rerun: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    inbox, port = smtp_inbox
    config = _config(tmp_path, port)
    code, said = _cli(capsys, "run", "--config", str(config), "--period", PERIOD, "--no-fetch",
                      "--no-send")
    assert code == 0, said

    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(REPO)}
    inbox.sender = subprocess.Popen(
        [sys.executable, "-m", "digest", killed, "--config", str(config), "--period", PERIOD],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert inbox.sender.wait(timeout=120) == -signal.SIGKILL
    assert inbox.killed and inbox.received[VICTIM] == 1
    assert sum(inbox.received.values()) == RECIPIENTS.index(VICTIM) + 1

    # Before any re-run, status already names the delivery whose outcome is unknown, and
    # says so in its exit code (3: a cron wrapper alerts on it; 1 is status itself failing).
    code, status = _cli(capsys, "status", "--config", str(config))
    assert code == 3, status
    doubt = [line for line in status.splitlines() if VICTIM in line]
    assert len(doubt) == 1 and "unknown" in doubt[0] and PERIOD in doubt[0], status

    code, again = _cli(capsys, rerun, "--config", str(config), "--period", PERIOD)
    assert code == 1, again  # one recipient is in doubt: not re-sent, and said so
    assert f"outcome UNKNOWN for {VICTIM}" in again
    assert inbox.received == Counter(RECIPIENTS), "someone got the issue twice, or never"

    code, status = _cli(capsys, "status", "--config", str(config))
    assert code == 3, status
    doubt = [line for line in status.splitlines() if VICTIM in line]
    assert len(doubt) == 1 and "unknown" in doubt[0], status
    assert not any(r in status for r in RECIPIENTS if r != VICTIM)

    # Only an explicit --resend sends it again: to the victim alone, with the same Message-ID.
    code, resent = _cli(capsys, "send", "--config", str(config), "--period", PERIOD, "--resend")
    assert code == 0, resent
    assert inbox.received == Counter(RECIPIENTS) + Counter([VICTIM])
    first, second = inbox.message_ids[VICTIM]
    assert first == second and first.startswith("<digest.")
    code, status = _cli(capsys, "status", "--config", str(config))
    assert code == 0 and "No deliveries in doubt." in status, status


def test_a_run_killed_while_sending_leaves_the_manifest_of_a_built_issue(
        tmp_path: Path, smtp_inbox: tuple[KillingInbox, int],
        capsys: pytest.CaptureFixture[str]) -> None:
    """The issue folder is swapped in with a draft manifest ("building"), completed after the
    send: a run killed while sending left it "building" for good (the re-run finds the issue
    built and writes none). Now it says "ok" before the first message goes out."""
    import json

    inbox, port = smtp_inbox
    config = _config(tmp_path, port)
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(REPO)}
    inbox.sender = subprocess.Popen(
        [sys.executable, "-m", "digest", "run", "--config", str(config), "--period", PERIOD],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert inbox.sender.wait(timeout=120) == -signal.SIGKILL
    folder = tmp_path / "out" / "issues" / PERIOD
    info = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert info["status"] == "ok" and "stories" in info["counts"]
    code, again = _cli(capsys, "run", "--config", str(config), "--period", PERIOD)
    assert code == 1 and "already built" in again, again  # the victim is in doubt
    assert inbox.received == Counter(RECIPIENTS)
