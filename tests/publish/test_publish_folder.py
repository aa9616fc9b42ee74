"""publish_issue: the issue folder, its .eml, and atomic replacement."""

from __future__ import annotations

import os
from dataclasses import replace
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest

from digest.errors import PublishError
from digest.models import EmailSettings, Issue
from digest.publish import files as files_mod
from digest.publish import publish_issue
from digest.render import render_issue


def _eml(folder: Path) -> EmailMessage:
    msg = message_from_bytes((folder / "issue.eml").read_bytes(), _class=EmailMessage,
                             policy=policy.default)
    assert isinstance(msg, EmailMessage)
    return msg


def test_folder_holds_every_file(tmp_path: Path, issue: Issue,
                                 email_settings: EmailSettings) -> None:
    folder = publish_issue(render_issue(issue), tmp_path, issue=issue, email=email_settings)
    assert folder == tmp_path / "issues" / "2026-W10"
    assert sorted(p.name for p in folder.iterdir()) == [
        "email.html", "email.txt", "index.html", "issue.eml", "issue.json", "issue.md",
        "revision.json"]
    assert [p.name for p in (tmp_path / "issues").iterdir()] == ["2026-W10"]


def test_eml_is_multipart_alternative_text_first(tmp_path: Path, issue: Issue,
                                                 email_settings: EmailSettings) -> None:
    folder = publish_issue(render_issue(issue), tmp_path, issue=issue, email=email_settings)
    msg = _eml(folder)
    assert msg.get_content_type() == "multipart/alternative"
    parts = list(msg.iter_parts())
    assert [p.get_content_type() for p in parts] == ["text/plain", "text/html"]
    assert parts[1].get_content() == (folder / "email.html").read_text(encoding="utf-8")
    assert parts[0].get_content() == (folder / "email.txt").read_text(encoding="utf-8")
    assert msg["Subject"] == issue.title
    assert msg["From"].addresses[0].addr_spec == "digest@news.example.org"
    assert msg["Date"].datetime == issue.period.end
    assert msg["Message-ID"] == "<digest.2026-W10@news.example.org>"
    assert msg["List-Unsubscribe"] == "<https://news.example.org/unsubscribe?list=digest>"
    assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # the footer link matches the header
    assert "https://news.example.org/unsubscribe?list=digest" in parts[1].get_content()


def test_eml_says_its_language(tmp_path: Path, issue: Issue,
                               email_settings: EmailSettings) -> None:
    """The Content-Language header was set before the parts, and set_content() dropped it:
    the message never said its language (mail clients offer translation by it)."""
    msg = _eml(publish_issue(render_issue(issue), tmp_path, issue=issue, email=email_settings))
    assert msg["Content-Language"] == "en"
    zh = replace(issue, newsletter=replace(issue.newsletter, language="zh-Hans"))
    msg = _eml(publish_issue(render_issue(zh), tmp_path / "zh", issue=zh, email=email_settings))
    assert msg["Content-Language"] == "zh-Hans"


def test_eml_is_deterministic(tmp_path: Path, issue: Issue,
                              email_settings: EmailSettings) -> None:
    a = publish_issue(render_issue(issue), tmp_path / "a", issue=issue, email=email_settings)
    b = publish_issue(render_issue(issue), tmp_path / "b", issue=issue, email=email_settings)
    assert (a / "issue.eml").read_bytes() == (b / "issue.eml").read_bytes()


def test_a_long_unsubscribe_link_stays_one_line(tmp_path: Path, issue: Issue) -> None:
    """Past 78 characters the email package folded List-Unsubscribe into RFC 2047 encoded
    words (`=?utf-8?q?=3Chttps=3A//…?=`): no client reads that as a URL, so no unsubscribe
    button and no one-click. It is written on one line, as configured."""
    url = ("https://news.example.org/newsletters/china-ai-watch/unsubscribe"
           "?utm_source=newsletter&utm_medium=email&list=digest")
    email = EmailSettings(unsubscribe=url)
    folder = publish_issue(render_issue(issue), tmp_path, issue=issue, email=email)
    raw = (folder / "issue.eml").read_bytes()
    assert f"\r\nList-Unsubscribe: <{url}>\r\n".encode() in raw
    assert b"=?utf-8?q?=3Chttps" not in raw


def test_mailto_unsubscribe_has_no_one_click(tmp_path: Path, issue: Issue) -> None:
    email = EmailSettings(unsubscribe="mailto:leave@example.org?subject=unsubscribe")
    msg = _eml(publish_issue(render_issue(issue), tmp_path, issue=issue, email=email))
    assert msg["List-Unsubscribe"] == "<mailto:leave@example.org?subject=unsubscribe>"
    assert msg["List-Unsubscribe-Post"] is None


def test_plain_http_unsubscribe_has_no_one_click(tmp_path: Path, issue: Issue) -> None:
    """An http:// unsubscribe URL got List-Unsubscribe-Post too, though RFC 8058 allows
    one-click only for an HTTPS URI: the header is kept, the one-click claim is not."""
    email = EmailSettings(unsubscribe="http://news.example.org/unsubscribe")
    msg = _eml(publish_issue(render_issue(issue), tmp_path, issue=issue, email=email))
    assert msg["List-Unsubscribe"] == "<http://news.example.org/unsubscribe>"
    assert msg["List-Unsubscribe-Post"] is None
    upper = EmailSettings(unsubscribe="HTTPS://news.example.org/unsubscribe")
    msg = _eml(publish_issue(render_issue(issue), tmp_path / "b", issue=issue, email=upper))
    assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"


def test_no_unsubscribe_no_headers(tmp_path: Path, issue: Issue) -> None:
    msg = _eml(publish_issue(render_issue(issue), tmp_path, issue=issue, email=EmailSettings()))
    assert msg["List-Unsubscribe"] is None and msg["List-Unsubscribe-Post"] is None


def test_republish_replaces_whole_folder(tmp_path: Path, issue: Issue,
                                         email_settings: EmailSettings) -> None:
    rendered = render_issue(issue)
    folder = publish_issue(rendered, tmp_path, issue=issue, email=email_settings)
    (folder / "stale.txt").write_text("old", encoding="utf-8")
    publish_issue(rendered, tmp_path, issue=issue, email=email_settings)
    assert not (folder / "stale.txt").exists()
    assert [p.name for p in (tmp_path / "issues").iterdir()] == ["2026-W10"]


def test_crash_mid_write_keeps_the_old_issue(tmp_path: Path, issue: Issue,
                                             email_settings: EmailSettings,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    rendered = render_issue(issue)
    folder = publish_issue(rendered, tmp_path, issue=issue, email=email_settings)
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    real_chmod = os.chmod
    calls = {"n": 0}

    def failing_chmod(path: object, mode: int) -> None:
        calls["n"] += 1
        if calls["n"] == 3:  # the third file of the new folder: a disk-full moment
            raise OSError(28, "No space left on device")
        real_chmod(path, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(files_mod.os, "chmod", failing_chmod)
    changed = render_issue(issue.__class__(**{**issue.__dict__, "intro": "New intro."}))
    with pytest.raises(PublishError, match="No space left"):
        publish_issue(changed, tmp_path, issue=issue, email=email_settings)
    monkeypatch.undo()
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert [p.name for p in (tmp_path / "issues").iterdir()] == ["2026-W10"]


def test_unsafe_key_is_refused(tmp_path: Path, issue: Issue) -> None:
    bad = issue.__class__(**{**issue.__dict__, "key": "../escape"})
    with pytest.raises(PublishError):
        publish_issue(render_issue(bad), tmp_path, issue=bad, email=EmailSettings())


def test_an_output_folder_that_is_a_file_is_said_not_an_internal_error(tmp_path: Path) -> None:
    """`digest run --out notes.txt` (a file) ended in "internal error: NotADirectoryError"."""
    out = tmp_path / "notes.txt"
    out.write_text("mine", encoding="utf-8")
    with pytest.raises(PublishError, match=r"cannot write .*notes\.txt/issues/2026-W47: "
                                           r"Not a directory: .*notes\.txt/issues"):
        files_mod.replace_folder(out / "issues" / "2026-W47", {"index.html": b"<p>x</p>"})
    assert out.read_text(encoding="utf-8") == "mine"
