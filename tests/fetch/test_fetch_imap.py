"""IMAP mailbox sources against a tiny in-process IMAP4rev1 server on 127.0.0.1 (plain
imap://, which we allow only to a loopback host). The server speaks just what the fetcher
uses: CAPABILITY, LOGIN, EXAMINE, UID SEARCH SINCE, UID FETCH, LOGOUT, and records every
command so the tests can check that nothing is ever marked or changed."""

from __future__ import annotations

import base64
import re
import socketserver
import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage

import pytest

from digest.fetch import fetch_all
from digest.fetch.guard import FetchFailure
from digest.fetch.imap import parse_imap_url, password_for, since
from digest.models import FetchSettings, Source

NOW = datetime(2026, 3, 5, 12, 0, tzinfo=UTC)
PASSWORD = 'pa"ss wörd'


def _message(n: int, when: datetime, body: str = "") -> bytes:
    msg = EmailMessage()
    msg["Subject"] = f"Weekly letter {n}"
    msg["From"] = "Letters <letters@example.org>"
    msg["Date"] = when.strftime("%a, %d %b %Y %H:%M:%S +0000")
    msg["Message-ID"] = f"<letter-{n}@example.org>"
    msg.set_content(f"Plain text of letter {n}. {body}")
    return msg.as_bytes()


class FakeImap(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _ImapHandler)
        self.messages: dict[int, tuple[datetime, bytes]] = {}  # uid -> (internal date, raw)
        self.commands: list[str] = []

    @property
    def port(self) -> int:
        return int(self.server_address[1])


class _ImapHandler(socketserver.StreamRequestHandler):
    server: FakeImap

    def _send(self, text: str | bytes) -> None:
        self.wfile.write(text.encode() if isinstance(text, str) else text)

    def handle(self) -> None:
        self._send("* OK [CAPABILITY IMAP4rev1 AUTH=PLAIN] fake IMAP ready\r\n")
        while line := self.rfile.readline():
            text = line.decode("utf-8").rstrip("\r\n")
            self.server.commands.append(text)
            tag, _, rest = text.partition(" ")
            command, _, args = rest.partition(" ")
            command = command.upper()
            if command == "UID":
                command, _, args = args.partition(" ")
                command = "UID " + command.upper()
            if command == "AUTHENTICATE":  # PLAIN: a "+" prompt, then base64 of \0user\0pass
                self._send("+ \r\n")
                secret = base64.b64decode(self.rfile.readline().strip())
                ok = secret == b"\0reader@example.org\0" + PASSWORD.encode()
                self._send(f"{tag} OK authenticated\r\n" if ok else f"{tag} NO refused\r\n")
                continue
            if command == "LOGOUT":
                self._send(f"* BYE bye\r\n{tag} OK LOGOUT completed\r\n")
                return
            self._send(self._answer(tag, command, args))

    def _answer(self, tag: str, command: str, args: str) -> bytes:
        messages = self.server.messages
        if command == "CAPABILITY":
            return f"* CAPABILITY IMAP4rev1 AUTH=PLAIN\r\n{tag} OK done\r\n".encode()
        if command == "LOGIN":
            if args == 'reader@example.org "ascii-secret"':
                return f"{tag} OK logged in\r\n".encode()
            return f"{tag} NO [AUTHENTICATIONFAILED] invalid credentials\r\n".encode()
        if command == "EXAMINE":
            return (f"* {len(messages)} EXISTS\r\n* OK [UIDVALIDITY 77] ok\r\n"
                    f"{tag} OK [READ-ONLY] EXAMINE completed\r\n").encode()
        if command == "UID SEARCH":
            match = re.fullmatch(r"SINCE (\d\d)-(\w\w\w)-(\d{4})", args)
            assert match, args
            day = datetime.strptime(" ".join(match.groups()), "%d %b %Y").replace(tzinfo=UTC)
            uids = " ".join(str(u) for u, (when, _) in messages.items() if when >= day)
            return f"* SEARCH {uids}\r\n{tag} OK SEARCH completed\r\n".encode()
        if command == "UID FETCH":
            wanted, _, what = args.partition(" ")
            out = b""
            for seq, uid in enumerate(sorted(messages), start=1):
                if str(uid) not in wanted.split(","):
                    continue
                raw = messages[uid][1]
                if what == "(RFC822.SIZE)":
                    out += f"* {seq} FETCH (UID {uid} RFC822.SIZE {len(raw)})\r\n".encode()
                else:
                    assert what == "(BODY.PEEK[])", what  # never a fetch that sets \Seen
                    out += f"* {seq} FETCH (UID {uid} BODY[] {{{len(raw)}}}\r\n".encode()
                    out += raw + b")\r\n"
            return out + f"{tag} OK FETCH completed\r\n".encode()
        return f"{tag} BAD unexpected command {command}\r\n".encode()


@pytest.fixture
def imap_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeImap]:
    monkeypatch.setenv("DIGEST_IMAP_PASSWORD", PASSWORD)
    srv = FakeImap()
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()
    thread.join(timeout=5)


def _source(srv: FakeImap, box: str = "News%20Letters") -> Source:
    return Source("letters", f"imap://reader%40example.org@127.0.0.1:{srv.port}/{box}",
                  kind="mailbox")


def test_imap_reads_recent_messages_without_changing_anything(
        imap_server: FakeImap, settings: FetchSettings) -> None:
    imap_server.messages = {
        3: (NOW - timedelta(days=40), _message(3, NOW - timedelta(days=40))),  # too old
        7: (NOW - timedelta(days=2), _message(7, NOW - timedelta(days=2))),
        9: (NOW - timedelta(hours=3), _message(9, NOW - timedelta(hours=3))),
    }
    [result] = fetch_all([_source(imap_server)], {}, settings, clock=lambda: NOW)
    assert result.status == "ok", result.error
    assert [item.title for item in result.items] == ["Weekly letter 9", "Weekly letter 7"]
    assert result.items[0].guid == "letter-9@example.org"
    assert result.items[0].content_type == "text"
    commands = [c.split(" ", 1)[1] for c in imap_server.commands]
    assert 'EXAMINE "News Letters"' in commands  # read-only: nothing is marked \Seen
    assert f"UID SEARCH SINCE {since(NOW, 14)}" in commands
    assert "AUTHENTICATE PLAIN" in commands  # a non-ASCII password cannot go by LOGIN
    assert not any(c.startswith(("STORE", "UID STORE", "SELECT", "EXPUNGE")) for c in commands)

    # Nothing new: the UID list is unchanged, so no message is downloaded again.
    imap_server.commands.clear()
    [again] = fetch_all([_source(imap_server)], {"letters": result.state}, settings,
                        clock=lambda: NOW)
    assert again.status == "not_modified"
    assert not any("BODY.PEEK" in c for c in imap_server.commands)

    # A new message: a full read again (the store dedupes the others by Message-ID).
    imap_server.messages[10] = (NOW, _message(10, NOW))
    [third] = fetch_all([_source(imap_server)], {"letters": again.state}, settings,
                        clock=lambda: NOW)
    assert third.status == "ok" and len(third.items) == 3


def test_imap_skips_messages_over_the_cap(imap_server: FakeImap,
                                          settings: FetchSettings) -> None:
    imap_server.messages = {1: (NOW, _message(1, NOW)),
                            2: (NOW, _message(2, NOW, "x" * 5000))}
    [result] = fetch_all([_source(imap_server, "INBOX")], {},
                         replace(settings, max_bytes=3000), clock=lambda: NOW)
    assert [item.title for item in result.items] == ["Weekly letter 1"]
    assert "1 messages over the 3,000-byte cap skipped" in (result.error or "")


def test_imap_wrong_or_missing_password(imap_server: FakeImap, settings: FetchSettings,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    imap_server.messages = {1: (NOW, _message(1, NOW))}
    monkeypatch.setenv("DIGEST_IMAP_PASSWORD", "ascii-secret")  # LOGIN
    [result] = fetch_all([_source(imap_server)], {}, settings, clock=lambda: NOW)
    assert result.status == "ok" and len(result.items) == 1
    for wrong in ("wrong", "wröng"):
        monkeypatch.setenv("DIGEST_IMAP_PASSWORD", wrong)
        [result] = fetch_all([_source(imap_server)], {}, settings, clock=lambda: NOW)
        assert result.status == "error"
        assert "IMAP login as reader@example.org refused" in (result.error or "")
    monkeypatch.delenv("DIGEST_IMAP_PASSWORD")
    [result] = fetch_all([_source(imap_server)], {}, settings, clock=lambda: NOW)
    assert result.status == "error"
    assert result.error == ("no IMAP password: set DIGEST_IMAP_PASSWORD_LETTERS or "
                            "DIGEST_IMAP_PASSWORD")


def test_imap_unreachable_server_is_one_source_error(settings: FetchSettings,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIGEST_IMAP_PASSWORD", "x")
    srv = FakeImap()
    port = srv.port
    srv.server_close()  # nothing listens there any more
    [result] = fetch_all([Source("gone", f"imap://me@127.0.0.1:{port}/INBOX")], {}, settings)
    assert result.status == "error" and "cannot connect to IMAP" in (result.error or "")


def test_imap_url_and_password_parsing() -> None:
    target = parse_imap_url("imaps://me%40mail.example@imap.example.org/%5BGmail%5D/All%20Mail"
                            "?days=30")
    assert (target.tls, target.user, target.host, target.port, target.mailbox, target.days) == (
        True, "me@mail.example", "imap.example.org", 993, "[Gmail]/All Mail", 30)
    assert parse_imap_url("imap://u@h").mailbox == "INBOX"
    assert parse_imap_url("imap://u@h").port == 143
    for bad in ("imaps://imap.example.org/INBOX", "imaps://u@h/INBOX?days=x"):
        with pytest.raises(FetchFailure):
            parse_imap_url(bad)
    env = {"DIGEST_IMAP_PASSWORD": "general", "DIGEST_IMAP_PASSWORD_WORK_MAIL": "specific"}
    assert password_for("work mail", target, env) == "specific"
    assert password_for("other", target, env) == "general"
    assert since(datetime(2026, 1, 10, tzinfo=UTC), 14) == "27-Dec-2025"
