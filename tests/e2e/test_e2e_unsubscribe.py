"""Per-recipient unsubscribe links, through the real CLI and a real aiosmtpd server: each copy
carries its reader's own link (footer of both parts and List-Unsubscribe), and neither the
secret nor a subscriber's token is written anywhere in out/ or the database."""

from __future__ import annotations

import hashlib
import hmac
import json
import sqlite3
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

from .conftest import PERIOD, Inbox, Site, digest_cli, http_config

SECRET = "s3cret-key-for-unsubscribe-tokens"
LINK = "https://example.org/unsubscribe?list=weekly&email={email}&token={token}"
READERS = ("ann+news@example.org", "Bob@Example.org")


def _token(address: str) -> str:
    return hmac.new(SECRET.encode(), address.lower().encode(), hashlib.sha256).hexdigest()


def _link(address: str) -> str:
    quoted = address.replace("+", "%2B").replace("@", "%40")
    return LINK.format(email=quoted, token=_token(address))


def _config(tmp_path: Path, base: str, port: int) -> Path:
    """The sample site's config, sending to READERS through the SMTP server on `port`, its
    unsubscribe link LINK with the secret in $NEWS_UNSUB_KEY."""
    return http_config(tmp_path, base, extra=(
        f"email:\n  from: news@example.org\n  recipients: [{', '.join(READERS)}]\n"
        f"  smtp_host: 127.0.0.1\n  smtp_port: {port}\n  security: none\n"
        f"  unsubscribe: '{LINK}'\n  unsubscribe_secret_env: NEWS_UNSUB_KEY\n"))


def test_each_reader_gets_their_own_unsubscribe_link(tmp_path: Path, sample_site: Site,
                                                      smtp: tuple[int, Inbox]) -> None:
    port, inbox = smtp
    config = _config(tmp_path, sample_site.base, port)
    result = digest_cli("run", "--config", str(config), "--period", PERIOD, "-v",
                        env={"NEWS_UNSUB_KEY": SECRET})
    assert result.returncode == 0, result.stderr
    assert len(inbox.messages) == 2
    links = []
    for msg, reader in zip(inbox.messages, READERS, strict=True):
        mine = _link(reader)
        links.append(mine)
        assert msg["List-Unsubscribe"] == f"<{mine}>"
        assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    for raw, reader in zip(inbox.raw, READERS, strict=True):
        # on one line, as written: folded, the email package made the 150-character link
        # RFC 2047 encoded words ("=?utf-8?q?=3Chttps=3A//…"), which no client reads as a URL
        assert f"\r\nList-Unsubscribe: <{_link(reader)}>\r\n".encode() in raw
    for msg, reader in zip(inbox.messages, READERS, strict=True):
        mine = _link(reader)
        text = next(p for p in msg.walk() if p.get_content_type() == "text/plain")
        html = next(p for p in msg.walk() if p.get_content_type() == "text/html")
        assert isinstance(text, EmailMessage) and isinstance(html, EmailMessage)
        assert f"Unsubscribe: {mine}" in text.get_content()
        assert f'href="{mine.replace("&", "&amp;")}"' in html.get_content()
        assert "{token}" not in msg.as_string() and "{email}" not in msg.as_string()
        assert html["MIME-Version"] is None
    assert links[0] != links[1]

    # out/ keeps the template: no subscriber's address or token, never the secret
    folder = tmp_path / "out" / "issues" / PERIOD
    eml = (folder / "issue.eml").read_bytes()
    saved = message_from_bytes(eml, _class=EmailMessage, policy=policy.default)
    assert saved["List-Unsubscribe"] == f"<{LINK}>"
    assert f"\r\nList-Unsubscribe: <{LINK}>\r\n".encode() in eml
    written = b"".join(p.read_bytes() for p in (tmp_path / "out").rglob("*") if p.is_file())
    parts = b"".join(p.get_payload(decode=True) or b"" for p in saved.walk()  # type: ignore[misc]
                     if not p.is_multipart())
    for secret in (SECRET, _token(READERS[0]), _token(READERS[1])):
        assert secret.encode() not in written + parts
        assert secret not in result.stderr + result.stdout
    for reader in READERS:  # manifest.json listed every reader (out/ is the public site)
        assert reader.encode() not in written
    database = sqlite3.connect(tmp_path / ".digest" / "digest.sqlite3")
    dump = "\n".join(database.iterdump())
    database.close()
    assert SECRET not in dump and _token(READERS[0]) not in dump
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["deliveries"] == {"sent": 2}


def test_a_token_without_its_secret_sends_nothing(tmp_path: Path, sample_site: Site,
                                                  smtp: tuple[int, Inbox]) -> None:
    port, inbox = smtp
    config = _config(tmp_path, sample_site.base, port)
    result = digest_cli("run", "--config", str(config), "--period", PERIOD,
                        env={"NEWS_UNSUB_KEY": ""})
    assert result.returncode == 2 and inbox.messages == []
    assert "email.unsubscribe_secret_env" in result.stderr
    assert "$NEWS_UNSUB_KEY is not set" in result.stderr
