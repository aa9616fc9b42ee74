"""The smaller commands through the real CLI: sources check/import/export, clean, status, send."""

from __future__ import annotations

import json
from pathlib import Path

from digest.config import load_config

from .conftest import PERIOD, Inbox, Site, digest_cli, http_config, serve


def test_sources_check_reports_each_source(tmp_path: Path, sample_site: Site) -> None:
    config = http_config(tmp_path, sample_site.base)
    result = digest_cli("sources", "check", "--config", str(config))
    assert result.returncode == 1  # one source is broken, and the command says so
    assert "Broken Outlet" in result.stdout and "Harbor Ledger" in result.stdout
    assert "valid" in result.stdout


def test_opml_export_then_import_round_trips(tmp_path: Path, sample_site: Site) -> None:
    config = http_config(tmp_path, sample_site.base)
    exported = digest_cli("sources", "export", "--config", str(config))
    assert exported.returncode == 0, exported.stderr
    assert "<opml" in exported.stdout and "Harbor Ledger" in exported.stdout
    opml = tmp_path / "feeds.opml"
    renamed = exported.stdout.replace("harbor-ledger/feed.xml", "new-outlet/feed.xml")
    opml.write_text(renamed.replace("Harbor Ledger", "New Outlet"), encoding="utf-8")
    imported = digest_cli("sources", "import", str(opml), "--config", str(config))
    assert imported.returncode == 0, imported.stderr
    assert "Added 1 source" in imported.stdout
    assert "new-outlet/feed.xml" in config.read_text(encoding="utf-8")
    assert (tmp_path / "sources.yaml.bak").exists()


def test_sources_add_finds_the_feed_a_page_advertises_and_names_it(tmp_path: Path) -> None:
    """rss2email's `r2e add`, reader's `add_feed`: a user had to find the feed's URL and write
    its entry by hand. Now the page's advertised feed is added under the feed's own title, the
    file's comments kept; a URL already there, or one with nothing to read, adds nothing."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        '<html><head><title>Quay Notes home</title><link rel="alternate" '
        'type="application/rss+xml" href="/feed.xml"></head><body><h1>News</h1></body></html>',
        encoding="utf-8")
    (site / "empty.html").write_text("<html><body><p>Nothing here.</p></body></html>",
                                     encoding="utf-8")
    config = tmp_path / "sources.yaml"
    config.write_text("# mine\nnewsletter: {title: T, timezone: UTC}\nsources:  # none yet\n",
                      encoding="utf-8")
    with serve(site) as base:
        (site / "feed.xml").write_text(
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>Quay Notes</title>'
            f"<link>{base}/</link><item><title>Cranes approved</title><guid>1</guid>"
            f"<description>The board approved two new cranes on Monday.</description>"
            "</item></channel></rss>", encoding="utf-8")
        added = digest_cli("sources", "add", f"{base}/", "--config", str(config))
        again = digest_cli("sources", "add", f"{base}/feed.xml", "--config", str(config))
        empty = digest_cli("sources", "add", f"{base}/empty.html", "--config", str(config))
        gone = digest_cli("sources", "add", f"{base}/gone.xml", "--config", str(config))
    assert added.returncode == 0, added.stderr
    assert f"Added 'Quay Notes' to {config}: {base}/feed.xml" in added.stdout
    text = config.read_text(encoding="utf-8")
    assert text.startswith("# mine\n") and "# none yet" in text
    assert [(s.name, s.url) for s in load_config(config).sources] == [
        ("Quay Notes", f"{base}/feed.xml")]
    assert again.returncode == 0 and "Already in" in again.stdout
    assert empty.returncode == 1 and "not added" in empty.stderr
    assert "an HTML page with no feed link and no article links" in empty.stderr
    assert gone.returncode == 1 and "HTTP 404" in gone.stderr
    assert len(load_config(config).sources) == 1
    unread = digest_cli("sources", "add", "news.example.org/feed", "--no-check", "--config",
                        str(config))
    assert unread.returncode == 0, unread.stderr
    assert load_config(config).sources[-1].url == "https://news.example.org/feed"
    assert load_config(config).sources[-1].name == "news.example.org"


def test_a_source_taken_out_of_the_config_leaves_the_rebuilt_issue(tmp_path: Path,
                                                                   sample_site: Site) -> None:
    """Its stored articles stayed in every rebuild of the week (`digest build`, `run
    --force`): the user who removed a source still read it, and `digest status` listed a
    removed failing source as failing for ever. They are `unlisted` in issue.json now, with
    why, in no story; `digest sources remove` takes it out."""
    config = http_config(tmp_path, sample_site.base)
    first = digest_cli("run", "--config", str(config), "--period", PERIOD, "--no-send")
    assert first.returncode == 0, first.stderr
    folder = tmp_path / "out" / "issues" / PERIOD

    def harbor(issue: dict[str, object]) -> list[dict[str, str]]:
        arts = issue["articles"]
        assert isinstance(arts, list)
        return [a for a in arts if a["source"] == "Harbor Ledger"]

    before = json.loads((folder / "issue.json").read_text(encoding="utf-8"))
    assert any(a["status"] == "used" for a in harbor(before))
    assert "Broken Outlet" in digest_cli("status", "--config", str(config)).stdout
    for name in ("Harbor Ledger", "Broken Outlet"):
        removed = digest_cli("sources", "remove", name, "--config", str(config))
        assert removed.returncode == 0, removed.stderr
        assert f"Removed {name!r}" in removed.stdout
    assert [s.name for s in load_config(config).sources][:2] == [
        "Meridian Tech Review", "Lantern Daily"]
    # a source taken out is no longer reported as failing
    assert "Broken Outlet" not in digest_cli("status", "--config", str(config)).stdout
    rebuilt = digest_cli("build", "--config", str(config), "--period", PERIOD)
    assert rebuilt.returncode == 0, rebuilt.stderr
    after = json.loads((folder / "issue.json").read_text(encoding="utf-8"))
    gone = harbor(after)
    assert gone and {a["status"] for a in gone} == {"unlisted"}
    assert gone[0]["reason"] == "its source 'Harbor Ledger' is not in sources.yaml any more"
    assert "harbor-ledger" not in (folder / "email.txt").read_text(encoding="utf-8")
    # renamed, a source keeps its stored articles (their rows still carry the old name)
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("name: Meridian Tech Review", "name: Meridian Review"),
                      encoding="utf-8")
    renamed = digest_cli("run", "--config", str(config), "--period", PERIOD, "--force",
                         "--no-send")
    assert renamed.returncode == 0, renamed.stderr
    final = json.loads((folder / "issue.json").read_text(encoding="utf-8"))
    meridian = {(a["source"], a["status"]) for a in final["articles"]
                if "Meridian" in a["source"]}
    assert ("Meridian Review", "used") in meridian
    assert not any(source == "Meridian Tech Review" for source, _ in meridian)


def test_clean_prints_title_blank_line_paragraphs(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Ignored | Site</title></head><body><article><h1>Robots Run a Race</h1>"
        "<p>Twenty humanoid robots ran a half-marathon in Beijing on Sunday, organisers said.</p>"
        "<p>Only six of them finished the course, and one lost a leg at the fourth kilometre.</p>"
        "<p>Tagged: / / /</p></article></body></html>", encoding="utf-8")
    result = digest_cli("clean", str(page), "--url", "https://example.org/robots")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.split("\n")
    assert lines[0] == "Robots Run a Race" and lines[1] == ""
    assert "Twenty humanoid robots" in result.stdout and "Tagged" not in result.stdout
    as_json = digest_cli("clean", str(page), "--format", "json")
    assert json.loads(as_json.stdout)["title"] == "Robots Run a Race"


def test_clean_missing_file_is_one_line(tmp_path: Path) -> None:
    result = digest_cli("clean", str(tmp_path / "nope.html"))
    assert result.returncode == 1
    assert "nope.html" in result.stderr and "Traceback" not in result.stderr


def test_run_sends_once_then_status(tmp_path: Path, sample_site: Site,
                                    smtp: tuple[int, Inbox]) -> None:
    port, inbox = smtp
    config = http_config(tmp_path, sample_site.base, extra=(
        "email:\n  from: news@example.org\n  recipients: [a@example.org, b@example.org]\n"
        f"  smtp_host: 127.0.0.1\n  smtp_port: {port}\n  security: none\n"
        "  unsubscribe: https://example.org/unsubscribe\n"))
    result = digest_cli("run", "--config", str(config), "--period", PERIOD)
    assert result.returncode == 0, result.stderr
    assert len(inbox.messages) == 2
    msg = inbox.messages[0]
    assert msg.get_content_type() == "multipart/alternative"
    assert msg["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html = next(p for p in msg.walk() if p.get_content_type() == "text/html")
    email_html = (tmp_path / "out" / "issues" / PERIOD / "email.html").read_text(encoding="utf-8")
    payload = html.get_payload(decode=True)
    assert isinstance(payload, bytes) and payload.decode("utf-8") == email_html

    again = digest_cli("send", "--config", str(config), "--period", PERIOD)
    assert again.returncode == 0 and "Nothing to send" in again.stdout
    rerun = digest_cli("run", "--config", str(config), "--period", PERIOD, "--force")
    assert rerun.returncode == 0, rerun.stderr
    assert len(inbox.messages) == 2  # --force rebuilds, never re-sends

    status = digest_cli("status", "--config", str(config))
    assert status.returncode == 0, status.stderr
    assert "Last runs" in status.stdout and "Next scheduled run" in status.stdout
    assert "Broken Outlet" in status.stdout  # failing sources are listed
    # the operator's side of the issue, which the readers' copies do not print
    assert f"Last issue {PERIOD}: written offline." in status.stdout
    assert "Broken Outlet" not in email_html and "fetched fine" not in email_html
