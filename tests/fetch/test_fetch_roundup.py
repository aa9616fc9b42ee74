"""Link roundups in email newsletters: one item per linked article, conservatively."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from email.message import EmailMessage
from pathlib import Path

import pytest
from fetch_testkit import ARTICLE_HTML, LONG_TEXT, Reply, ScriptServer

from digest.fetch import fetch_all
from digest.fetch import guard as guard_module
from digest.fetch.roundup import find_roundup
from digest.models import FetchSettings, Source

NOW = datetime(2026, 3, 5, 12, 0, tzinfo=UTC)
BLURB = "A short line or two about why this piece is worth reading this week."
FOOTER = ("<p>You are receiving this email because you subscribed to The Roundup. "
          "<a href='https://example.org/unsubscribe?u=1'>Unsubscribe</a> or "
          "<a href='https://example.org/preferences'>manage your preferences</a>. Our mailing "
          "address is 1 Main Street, Springfield, somewhere on a map of the world.</p>")


def _li(n: int, host: str = "https://news.example.com") -> str:
    return (f"<li><strong><a href='{host}/2026/03/story-{n}?utm_source=roundup&id={n}'>"
            f"Story number {n} has a real headline</a></strong> — {BLURB}</li>")


def _email(html: str, tmp_path: Path, mid: str = "<issue-7@roundup.example>") -> Path:
    msg = EmailMessage()
    msg["Subject"] = "The Roundup #7"
    msg["From"] = "The Roundup <hello@roundup.example>"
    msg["Date"] = "Wed, 04 Mar 2026 07:00:00 +0000"
    msg["Message-ID"] = mid
    msg.set_content("plain version")
    msg.add_alternative(html, subtype="html")
    folder = tmp_path / "mail"
    folder.mkdir(exist_ok=True)
    (folder / "issue.eml").write_bytes(msg.as_bytes())
    return folder


def _fetch(folder: Path, settings: FetchSettings, *, full_text: bool = False) -> list:
    source = Source("roundup", str(folder), kind="mailbox", full_text=full_text)
    [result] = fetch_all([source], {}, settings, clock=lambda: NOW)
    assert result.status == "ok", result.error
    return list(result.items)


def _page(body: str) -> str:
    return f"<html><head><style>p {{}}</style></head><body>{body}</body></html>"


def test_list_roundup_becomes_one_item_per_link(tmp_path: Path,
                                                 settings: FetchSettings) -> None:
    html = _page("<p>Hi all, this week's links.</p><ul>"
                 + "".join(_li(n) for n in range(1, 5))
                 + _li(1)  # the same link twice is one item
                 + "</ul>" + FOOTER)
    items = _fetch(_email(html, tmp_path), settings)
    assert len(items) == 4  # the message itself has no prose of its own: not an item
    first = items[0]
    assert first.title == "Story number 1 has a real headline"
    assert first.url == "https://news.example.com/2026/03/story-1?id=1"  # utm_* dropped
    assert first.summary == BLURB and first.content == BLURB
    assert first.content_type == "text"
    assert first.published == datetime(2026, 3, 4, 7, 0, tzinfo=UTC)
    assert first.guid == "issue-7@roundup.example|" + first.url
    assert len({item.guid for item in items}) == 4


def test_heading_style_roundup_in_tables(tmp_path: Path, settings: FetchSettings) -> None:
    rows = "".join(
        f"<tr><td><h3><a href='https://site{n}.example/p/slug-{n}'>Headline for the "
        f"linked piece {n}</a></h3><p>{BLURB} ({n})</p></td></tr>" for n in range(3))
    html = _page(f"<table>{rows}</table>{FOOTER}")
    found = find_roundup(html)
    assert found is not None and not found.keep_message
    assert [link.url for link in found.links] == [
        f"https://site{n}.example/p/slug-{n}" for n in range(3)]
    assert found.links[2].blurb == f"{BLURB} (2)"
    items = _fetch(_email(html, tmp_path), settings)
    assert {item.title for item in items} == {
        f"Headline for the linked piece {n}" for n in range(3)}


def test_roundup_with_its_own_essay_keeps_the_message(tmp_path: Path,
                                                      settings: FetchSettings) -> None:
    essay = "".join(f"<p>{LONG_TEXT[:400]}</p>" for _ in range(3))  # ~200 words of prose
    links = "<ul>" + "".join(_li(n) for n in range(1, 9)) + "</ul>"
    items = _fetch(_email(_page(essay + links + FOOTER), tmp_path), settings)
    assert len(items) == 9
    assert sum(item.title == "The Roundup #7" for item in items) == 1


@pytest.mark.parametrize("body", [
    # An essay citing three links inside its sentences.
    "".join(f"<p>{LONG_TEXT[:200]} As <a href='https://news.example.com/2026/03/a-{n}'>this "
            f"long piece on the topic</a> argued, {LONG_TEXT[:200]}</p>" for n in range(3)),
    # Only two linked articles.
    "<ul>" + _li(1) + _li(2) + "</ul>",
    # Links without blurbs (a bare list of titles).
    "<ul>" + "".join(f"<li><a href='https://x.example/a/{n}'>Just a title number {n}</a></li>"
                     for n in range(5)) + "</ul>",
    # A long essay that ends with a short further-reading list.
    "".join(f"<p>{LONG_TEXT[:600]}</p>" for _ in range(6)) + "<ul>"
    + "".join(_li(n) for n in range(3)) + "</ul>",
])
def test_ordinary_newsletters_are_not_split(body: str, tmp_path: Path,
                                            settings: FetchSettings) -> None:
    assert find_roundup(_page(body + FOOTER)) is None
    [item] = _fetch(_email(_page(body + FOOTER), tmp_path), settings)
    assert item.title == "The Roundup #7"


def test_furniture_links_are_not_articles() -> None:
    html = _page("<ul>" + "".join(_li(n) for n in range(2))
                 + "<li><a href='https://roundup.example/'>Visit our home page today</a> — "
                 + BLURB + "</li><li><a href='https://twitter.com/intent/tweet?x=1'>Share this "
                 "issue on Twitter</a> — " + BLURB + "</li></ul>" + FOOTER)
    assert find_roundup(html) is None


@pytest.fixture
def public_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[ScriptServer]:
    """A server on 127.0.0.2 that the SSRF rule is told to treat as a public address."""
    original = guard_module.is_internal_ip
    monkeypatch.setattr(guard_module, "is_internal_ip",
                        lambda ip: ip != "127.0.0.2" and original(ip))
    srv = ScriptServer("127.0.0.2")
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    yield srv
    srv.shutdown()
    srv.server_close()
    thread.join(timeout=5)


def test_roundup_links_are_followed_for_full_text(tmp_path: Path, settings: FetchSettings,
                                                  public_server: ScriptServer) -> None:
    for n in range(3):
        public_server.route(f"/2026/03/story-{n}",
                            Reply(200, ARTICLE_HTML.encode(), {"Content-Type": "text/html"}))
    html = _page("<ul>" + "".join(_li(n, public_server.base) for n in range(3)) + "</ul>")
    items = _fetch(_email(html, tmp_path), settings, full_text=True)
    assert len(items) == 3
    for item in items:
        assert item.content_type == "html" and "The page headline" in item.content
        assert item.summary == BLURB  # the blurb stays the summary
        assert item.canonical_url == "https://example.org/canonical-story"
    assert sum(public_server.count(f"/2026/03/story-{n}?id={n}") for n in range(3)) == 3
