"""What a new user met trying every command on their own sources.yaml: each test is one thing
that went wrong for them, through the real CLI (a real HTTP server, a real SMTP server)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from digest.publish import ledger

from .conftest import PERIOD, REPO, Site, digest_cli, http_config, smtp_server


def _without_psycopg(tmp_path: Path) -> dict[str, str]:
    """An environment in which `import psycopg` fails as it does on an install without the
    `postgres` extra (`make demo` installs none), whatever this test environment has."""
    stub = tmp_path / "no-extras" / "psycopg"
    stub.mkdir(parents=True)
    (stub / "__init__.py").write_text(
        "raise ModuleNotFoundError(\"No module named 'psycopg'\", name='psycopg')\n",
        encoding="utf-8")
    return {"PYTHONPATH": os.pathsep.join((str(stub.parent), str(REPO)))}


def test_build_works_on_sqlite_without_the_postgres_extra(tmp_path: Path,
                                                          sample_site: Site) -> None:
    """`digest build` after `digest fetch` said "internal error: ModuleNotFoundError: No module
    named 'psycopg'" on every SQLite install: it asked the (PostgreSQL) queue what was
    pending."""
    config = http_config(tmp_path, sample_site.base)
    env = _without_psycopg(tmp_path)
    fetched = digest_cli("fetch", "--config", str(config), env=env)
    assert fetched.returncode == 0, fetched.stderr
    built = digest_cli("build", "--config", str(config), "--period", PERIOD, env=env)
    assert built.returncode == 0, built.stderr
    assert "internal error" not in built.stderr
    assert "Built China AI Watch" in built.stdout
    assert (tmp_path / "out" / "issues" / PERIOD / "issue.json").is_file()


class _Refusing:
    """An SMTP server that refuses every address starting with "gone"."""

    def __init__(self) -> None:
        self.delivered: list[str] = []

    async def handle_RCPT(self, server: object, session: object, envelope: object,
                          address: str, rcpt_options: list[str]) -> str:
        if address.startswith("gone"):
            return "550 5.1.1 no such user"
        envelope.rcpt_tos.append(address)  # type: ignore[attr-defined]
        return "250 OK"

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        self.delivered += envelope.rcpt_tos  # type: ignore[attr-defined]
        return "250 OK"


def test_status_names_the_recipients_the_issue_did_not_reach(tmp_path: Path,
                                                             sample_site: Site) -> None:
    """After a run whose recipient was refused, `digest status` said "No deliveries in doubt."
    and nothing else about it; `digest run` printed the recipient twice ("NOT sent to
    gone@…: gone@…: SMTP server … refused"); run again, it said "nothing to do" above the
    recipient it had just tried again."""
    server = _Refusing()
    with smtp_server(server) as port:
        config = http_config(tmp_path, sample_site.base, extra=(
            "email:\n  from: news@example.org\n  recipients: [a@example.org, gone@example.org]\n"
            f"  smtp_host: 127.0.0.1\n  smtp_port: {port}\n  security: none\n"))
        run = digest_cli("run", "--config", str(config), "--period", PERIOD)
        assert run.returncode == 1, run.stderr
        assert server.delivered == ["a@example.org"]
        assert "NOT sent to gone@example.org: SMTP server 127.0.0.1" in run.stdout, run.stdout
        status = digest_cli("status", "--config", str(config))
        again = digest_cli("run", "--config", str(config), "--period", PERIOD)
    # it did something: not "nothing to do", as it said
    assert again.returncode == 1 and server.delivered == ["a@example.org"]
    assert again.stdout.startswith(f"Issue {PERIOD} is already built in {tmp_path / 'out'} "
                                   "(--force rebuilds); sending it where it has not gone yet:\n"
                                   "  NOT sent to gone@example.org: SMTP"), again.stdout
    assert status.returncode == 0, status.stderr
    assert (f"Deliveries failed for {PERIOD}: 1 (tried again by the next `digest run --period "
            f"{PERIOD}` or `digest send --period {PERIOD}`):") in status.stdout, status.stdout
    assert "  gone@example.org  SMTP server 127.0.0.1" in status.stdout
    assert "550 5.1.1 no such user" in status.stdout


def test_help_says_run_sends_and_lists_the_exit_codes() -> None:
    """`digest --help` said run would "fetch, clean, edit, render, publish": not that it
    e-mails every recipient; no help named an exit code."""
    top = digest_cli("--help")
    assert top.returncode == 0
    assert "fetch, clean, edit, render, publish and send an issue" in top.stdout
    run = digest_cli("run", "--help")
    assert "send it to the configured recipients (--no-send: build only)" in " ".join(
        run.stdout.split())
    for out in (top.stdout, run.stdout):
        words = " ".join(out.split())
        assert "exit codes: 0 ok, 1 failure" in words and "130 interrupted" in words


def test_the_health_table_prints_an_error_to_its_end(tmp_path: Path, sample_site: Site) -> None:
    """`sources check` and `status` cut each error at 70 characters: "an HTML page, not a
    feed, and it advertises no feed: http://127.0.0.1:" lost the page it was about."""
    page = (f"{sample_site.base}/outlets/pacific-circuit/articles/"
            "zhejiang-universities-ai-literacy-course.html")
    config = http_config(tmp_path, sample_site.base, extra_sources=(
        f"  - name: A Page\n    url: \"{page}\"\n    kind: feed\n"))
    check = digest_cli("sources", "check", "--config", str(config))
    assert check.returncode == 1, check.stderr
    row = next(line for line in check.stdout.splitlines() if "A Page" in line)
    assert "an HTML page, not a feed" in row
    assert "literacy-course.html" in "".join(
        line.split("│")[-2].strip() for line in check.stdout.splitlines() if "│" in line)


def test_an_issue_built_with_out_can_be_sent(tmp_path: Path, sample_site: Site) -> None:
    """`digest run --out DIR --no-send` built the issue; `digest send` then said it "has not
    been built" (it looked in the config's folder) and refused `--out` ("unrecognized
    arguments"): the issue could not be sent at all."""
    server = _Refusing()
    with smtp_server(server) as port:
        config = http_config(tmp_path, sample_site.base, extra=(
            "email:\n  from: news@example.org\n  recipients: [a@example.org]\n"
            f"  smtp_host: 127.0.0.1\n  smtp_port: {port}\n  security: none\n"))
        elsewhere = tmp_path / "staging"
        built = digest_cli("run", "--config", str(config), "--period", PERIOD, "--out",
                           str(elsewhere), "--no-send")
        assert built.returncode == 0, built.stderr
        sent = digest_cli("send", "--config", str(config), "--period", PERIOD, "--out",
                          str(elsewhere))
    assert sent.returncode == 0, sent.stderr
    assert sent.stdout == "sent to a@example.org\n"
    assert server.delivered == ["a@example.org"]


def test_status_and_send_find_an_issue_built_with_out(tmp_path: Path,
                                                      sample_site: Site) -> None:
    """After `digest run --out DIR`, `digest status` said nothing of the issue (it read
    issue.json from the config's folder) and `digest send` said it "has not been built":
    now status reports it and says where it is, and send names the `--out` to use."""
    config = http_config(tmp_path, sample_site.base, extra=(
        "email:\n  from: news@example.org\n  recipients: [a@example.org]\n"
        "  smtp_host: 127.0.0.1\n  smtp_port: 9\n  security: none\n"))
    elsewhere = tmp_path / "staging"
    built = digest_cli("run", "--config", str(config), "--period", PERIOD, "--out",
                       str(elsewhere), "--no-send")
    assert built.returncode == 0, built.stderr
    status = digest_cli("status", "--config", str(config))
    assert status.returncode == 0, status.stderr
    assert (f"Last issue {PERIOD} (built in {elsewhere}, with --out): written offline."
            in status.stdout)
    sent = digest_cli("send", "--config", str(config), "--period", PERIOD, "--dry-run")
    assert sent.returncode == 1
    assert (f"issue {PERIOD} was built in {elsewhere} (with --out), not in {tmp_path / 'out'}; "
            f"send it from there: digest send --period {PERIOD} --out {elsewhere}"
            in " ".join(sent.stderr.split()))
    manifest = json.loads((elsewhere / "issues" / PERIOD / "manifest.json").read_text())
    assert manifest["output"] == str(elsewhere)
    # built again in the config's own folder: that is where it is now
    digest_cli("run", "--config", str(config), "--period", PERIOD, "--no-send", "--no-fetch")
    again = digest_cli("status", "--config", str(config))
    assert f"Last issue {PERIOD}: written offline." in again.stdout


@pytest.mark.parametrize(
    ("stories", "statuses", "sent"),
    [
        ([], ["error", "error"], False),  # nothing could be read: not sent
        ([], ["error", "skipped"], False),  # a disabled source reads nothing either
        ([], ["error", "ok"], True),  # a quiet week: one source answered (send_empty decides)
        ([], ["not_modified", "error"], True),
        ([{"rank": 1}], ["error", "error"], True),  # the store held the week's articles
        ([], [], True),  # no sources configured: not a failure of theirs
    ],
)
def test_which_issues_are_sent_to_nobody(stories: list[dict[str, int]], statuses: list[str],
                                         sent: bool) -> None:
    issue = {"stories": stories, "sources": [{"name": str(i), "status": s}
                                             for i, s in enumerate(statuses)]}
    assert (ledger.unsendable("2026-W49", issue) is None) is sent


def test_an_issue_empty_because_every_source_failed_is_sent_to_nobody(
        tmp_path: Path, sample_site: Site) -> None:
    """With the network down, every source failed, and `digest run` e-mailed every reader an
    empty issue ("0 featured and 0 more stories"), exit 0; the next run found the week built
    and did nothing, so the real issue never went out."""
    server = _Refusing()
    config = tmp_path / "sources.yaml"
    with smtp_server(server) as port:
        config.write_text(
            "newsletter: {title: Down Weekly, topics: [AI], base_url: 'https://n.example.org/'}\n"
            "sources:\n"
            f"  - {{name: One, url: '{sample_site.base}/broken/one.xml'}}\n"
            f"  - {{name: Two, url: '{sample_site.base}/broken/two.xml'}}\n"
            "fetch: {retries: 0}\nnotify: ['json://127.0.0.1:9/hook']\n"
            "email:\n  from: news@example.org\n  recipients: [a@example.org]\n"
            f"  smtp_host: 127.0.0.1\n  smtp_port: {port}\n  security: none\n",
            encoding="utf-8")
        run = digest_cli("run", "--config", str(config), "--period", PERIOD)
        send = digest_cli("send", "--config", str(config), "--period", PERIOD)
    assert server.delivered == []
    for result in (run, send):
        assert result.returncode == 1, result.stderr
        assert (f"issue {PERIOD} not sent: it is empty because every source failed (2 of 2; "
                f"`digest status` lists them); once they answer, `digest run --period {PERIOD} "
                "--force` builds it again and sends it") in result.stderr, result.stderr
    assert "Traceback" not in run.stderr + send.stderr
    # the runs table said "PublishError: issue … not sent: it is empty because every source
    # failed (" and no more: cut at 80 characters
    status = digest_cli("status", "--config", str(config))
    assert "it again and sends it" in status.stdout, status.stdout


def test_brackets_in_names_and_titles_are_printed_as_written(tmp_path: Path,
                                                             sample_site: Site) -> None:
    """A source named "Tech [/b] News" made `digest fetch` and `sources check` end in
    "internal error: MarkupError" (rich read the name as markup), an issue titled "… [/] …"
    did so after the issue was built, and "[bold]Loud[/bold]" lost its brackets in the tables."""
    base = sample_site.base
    config = tmp_path / "sources.yaml"
    config.write_text(
        "newsletter: {title: 'Markup [/] Weekly', topics: [AI policy]}\nsources:\n"
        f"  - {{name: 'Tech [/b] News', url: '{base}/outlets/harbor-ledger/feed.xml'}}\n"
        f"  - {{name: '[bold]Loud[/bold] :smile:', url: '{base}/broken/feed.xml'}}\n"
        "fetch: {retries: 0}\n", encoding="utf-8")
    fetched = digest_cli("fetch", "--config", str(config))
    built = digest_cli("run", "--config", str(config), "--period", PERIOD, "--no-fetch")
    checked = digest_cli("sources", "check", "--config", str(config))
    status = digest_cli("status", "--config", str(config))
    for result, code in ((fetched, 0), (built, 0), (checked, 1), (status, 0)):
        assert result.returncode == code, result.stderr
        assert "internal error" not in result.stderr, result.stderr
    assert fetched.stdout.startswith("Tech [/b] News: ok, ")
    assert "[bold]Loud[/bold] :smile: (HTTP 500" in built.stdout
    assert built.stdout.startswith("Built Markup [/] Weekly — Week 47")
    for table in (checked.stdout, status.stdout):
        assert "[bold]Loud[/bold] :smile:" in table, table


@pytest.mark.parametrize("base_url", [None, "https://news.example.net/weekly/"])
def test_a_site_without_base_url_says_where_its_links_point(tmp_path: Path,
                                                             base_url: str | None) -> None:
    """With no `newsletter.base_url` (optional for a site-only config), the site's canonical
    links, feed.xml's self link, feed.json and sitemap.xml all pointed at the placeholder
    https://example.org/digest/ without a word: subscribers and search engines were sent
    there. The run now says so; a config that sets it hears nothing."""
    feed = REPO / "samples" / "outlets" / "lantern-daily" / "feed.json"
    own = f", base_url: '{base_url}'" if base_url else ""
    config = tmp_path / "sources.yaml"
    config.write_text(f"newsletter: {{title: T, timezone: Asia/Shanghai, topics: [AI]{own}}}\n"
                      f"sources:\n  - name: Lantern Daily\n    url: '{feed}'\n",
                      encoding="utf-8")
    run = digest_cli("run", "--config", str(config), "--period", PERIOD, "--no-send")
    assert run.returncode == 0, run.stderr
    said = ("newsletter.base_url is not set: the site's canonical links, its feeds and "
            "sitemap point at the placeholder https://example.org/digest/")
    assert (said in " ".join(run.stderr.split())) is (base_url is None)
    sitemap = (tmp_path / "out" / "sitemap.xml").read_text(encoding="utf-8")
    assert (base_url or "https://example.org/digest/") in sitemap
