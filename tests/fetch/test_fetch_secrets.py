"""A password written in a source's URL stays out of what is published with the issue.

`https://reader:secret@host/feed` (a private feed) and `imaps://me:secret@host/INBOX` (the
last resort docs/fetching.md allows) were printed as written in issue.json and manifest.json,
which the site publishes beside the issue."""

from __future__ import annotations

from pathlib import Path

from fetch_testkit import LONG_TEXT, Reply, ScriptServer, rss, rss_item

from digest.cli import main
from digest.models import SourceHealth
from digest.models.fetch import redacted


def test_no_password_of_a_source_url_reaches_the_published_files(
        tmp_path: Path, server: ScriptServer) -> None:
    feed = rss([rss_item("g", title="Port cranes sold", link="http://x/1",
                         content=f"<p>{LONG_TEXT}</p>",
                         date="Tue, 03 Mar 2026 10:00:00 GMT")]).encode()
    good = server.route("/good.xml", Reply(200, feed))
    server.route("/private.xml", Reply(401, b""))
    private = server.url("/private.xml").replace("http://", "http://reader:s3cret-pw@")
    config = tmp_path / "sources.yaml"
    config.write_text(
        "newsletter: {title: T, timezone: UTC, operator_footer: true}\n"
        f"database: {tmp_path / 'db.sqlite3'}\noutput: {tmp_path / 'out'}\n"
        f"fetch: {{retries: 0}}\nsources:\n  - {{name: Private, url: '{private}'}}\n"
        f"  - {{name: Good, url: '{good}'}}\n", encoding="utf-8")
    assert main(["run", "--config", str(config), "--period", "2026-W10", "--no-send",
                 "--force"]) == 0
    published = [p for p in (tmp_path / "out").rglob("*") if p.is_file()]
    assert any(p.name == "issue.json" for p in published)
    leaking = [p.name for p in published if b"s3cret-pw" in p.read_bytes()]
    assert leaking == []
    issue = next(p for p in published if p.name == "issue.json").read_text(encoding="utf-8")
    assert "http://reader:***@127.0.0.1" in issue


def test_redacted() -> None:
    assert redacted("imaps://me%40x.org:pa:ss@imap.x.org/INBOX") == (
        "imaps://me%40x.org:***@imap.x.org/INBOX")
    assert redacted("refused http://a:b@h/ and https://c:d@e/f") == (
        "refused http://a:***@h/ and https://c:***@e/f")
    for same in ("http://u@h/x", "https://h/a@b", "mailto:x@y", "http://h/p?u=a:b@c"):
        assert redacted(same) == same
    health = SourceHealth(name="s", url="https://u:p@h/f", status="error",
                          error="an HTML page: https://u:p@h/f")
    assert (health.url, health.error) == ("https://u:***@h/f", "an HTML page: https://u:***@h/f")
