"""A source's URL changed in sources.yaml is the URL fetched next.

The store kept each source's state (its URL, which a permanent redirect or a discovered feed
replaces, its validators, failures, Retry-After, 410) by name only: after a typo in a feed's
URL was corrected, the stored typo went on being fetched ("HTTP 404 Not Found" at every run),
and a source pointed at another feed kept reading the old one."""

from __future__ import annotations

from pathlib import Path

import pytest
from fetch_testkit import LONG_TEXT, Reply, ScriptServer, rss, rss_item

from digest.cli import main
from digest.store import open_store


def _feed(name: str) -> bytes:
    return rss([rss_item(f"{name}-1", title=f"The {name} story", link=f"http://x/{name}",
                         content=f"<p>{name}: {LONG_TEXT}</p>")]).encode()


def _config(tmp_path: Path, url: str) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text("newsletter: {title: T, timezone: UTC}\nfetch: {retries: 0}\n"
                    f"sources:\n  - name: News\n    url: {url}\n    full_text: false\n",
                    encoding="utf-8")
    return path


def _fetch(config: Path, capsys: pytest.CaptureFixture[str]) -> str:
    main(["fetch", "--config", str(config)])
    return capsys.readouterr().out


def test_a_corrected_or_changed_url_is_fetched(
        tmp_path: Path, server: ScriptServer, capsys: pytest.CaptureFixture[str]) -> None:
    server.route("/rss.xml", Reply(200, _feed("rss"), {"ETag": '"r"'}))
    server.route("/atom.xml", Reply(200, _feed("atom")))
    assert "HTTP 404" in _fetch(_config(tmp_path, server.url("/rs.xml")), capsys)  # the typo
    assert "1 new" in _fetch(_config(tmp_path, server.url("/rss.xml")), capsys)  # corrected
    # another feed of the site, the first still working: the new one is read, without the
    # old one's validators
    assert "1 new" in _fetch(_config(tmp_path, server.url("/atom.xml")), capsys)
    assert [hit.path for hit in server.hits] == ["/rs.xml", "/rss.xml", "/atom.xml"]
    assert "if-none-match" not in server.hits[-1].headers
    state = open_store(tmp_path / ".digest" / "digest.sqlite3").fetch_states()["News"]
    assert (state.url, state.configured, state.failures) == (
        server.url("/atom.xml"), server.url("/atom.xml"), 0)


def test_a_permanent_move_still_holds_across_runs(
        tmp_path: Path, server: ScriptServer, capsys: pytest.CaptureFixture[str]) -> None:
    server.route("/old.xml", Reply(301, b"", {"Location": server.url("/new.xml")}))
    server.route("/new.xml", Reply(200, _feed("new"), {"ETag": '"n"'}))
    config = _config(tmp_path, server.url("/old.xml"))
    assert "1 new" in _fetch(config, capsys)
    assert "not modified" in _fetch(config, capsys)
    assert [hit.path for hit in server.hits] == ["/old.xml", "/new.xml", "/new.xml"]
