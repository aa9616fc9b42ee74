"""What makes two fetched entries two articles, through `digest fetch` into the store.

An entry without a link of its own (an Atom entry with only its `<id>`, an RSS item with
neither link nor GUID) is given its feed's site link. Three of them in one feed had one URL key:
the store kept one row, each overwritten by the next ("1 new, 2 updated"; the last title under
the first GUID), and the editor would have joined them as "same URL" anyway."""

from __future__ import annotations

from pathlib import Path

import pytest
from fetch_testkit import Reply, ScriptServer, rss, rss_item

from digest.cli import main
from digest.fetch.urls import canonical_key
from digest.store import open_store

WORDS = ("harbour", "council", "wheat", "copper", "museum", "drought", "satellite", "orchestra",
         "bridge", "glacier", "tariff", "reactor", "library", "ferry", "vineyard", "court",
         "election", "rail", "festival", "vaccine")


def _text(n: int) -> str:
    """Five paragraphs of their own for the n-th entry (no two entries alike to the editor)."""
    return "".join("<p>" + " ".join(WORDS[(n * 7 + p * 3 + w * w) % len(WORDS)]
                                    for w in range(45)).capitalize() + ".</p>"
                   for p in range(5))


def _atom_ids_only(count: int) -> str:
    entries = "".join(
        f"<entry><id>urn:uuid:0000-{n}</id><title>Entry with only an id, number {n}</title>"
        f"<updated>2026-03-02T10:00:00Z</updated><content type=\"html\"><![CDATA[{_text(n)}]]>"
        "</content></entry>" for n in range(count))
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            "<title>Ids</title><id>urn:feed</id><link href=\"http://127.0.0.1/site/\"/>"
            f"<updated>2026-03-02T10:00:00Z</updated>{entries}</feed>")


def _config(tmp_path: Path, sources: dict[str, str]) -> Path:
    lines = ["newsletter:", "  title: Identity", "  timezone: UTC",
             f"database: {tmp_path / 'digest.sqlite3'}", f"output: {tmp_path / 'out'}",
             "fetch:", "  retries: 0", "sources:"]
    for name, url in sources.items():
        lines += [f"  - name: {name}", f"    url: {url}", "    full_text: false"]
    path = tmp_path / "sources.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_entries_without_links_of_their_own_are_each_an_article(
        tmp_path: Path, server: ScriptServer, capsys: pytest.CaptureFixture[str]) -> None:
    atom = server.route("/ids.xml", Reply(200, _atom_ids_only(3).encode(),
                                          {"Content-Type": "application/atom+xml"}))
    anonymous = rss([rss_item(None, title=f"Item with neither link nor guid {n}",
                              description=_text(10 + n)) for n in range(2)],
                    link="http://127.0.0.1/other/")
    plain = server.route("/anon.xml", Reply(200, anonymous.encode()))
    config = _config(tmp_path, {"Ids": atom, "Anon": plain})
    assert main(["fetch", "--config", str(config)]) == 0
    out = capsys.readouterr().out
    assert "Ids: ok, 3 item(s), 3 new" in out and "Anon:" in out and "2 new" in out
    store = open_store(tmp_path / "digest.sqlite3")
    assert store.count_articles() == 5
    # a second fetch finds each where it left it
    assert main(["fetch", "--config", str(config)]) == 0
    assert "updated" not in capsys.readouterr().out
    assert store.count_articles() == 5


def test_the_entry_anchor_is_part_of_the_key_and_other_fragments_are_not() -> None:
    from digest.fetch.urls import entry_url

    one = entry_url("http://127.0.0.1/site/#top", "a")
    two = entry_url("http://127.0.0.1/site/", "b")
    assert one.startswith("http://127.0.0.1/site/#digest-entry-") and one != two
    assert canonical_key(one) != canonical_key(two)
    assert canonical_key(one) == canonical_key(canonical_key(one))
    assert canonical_key("http://127.0.0.1/site/#comments") == "http://127.0.0.1/site"


def test_entries_sharing_one_link_are_each_an_article_and_their_page_is_not_read(
        tmp_path: Path, server: ScriptServer, capsys: pytest.CaptureFixture[str]) -> None:
    """A feed whose items all link to the site's home page (a status page, a misconfigured
    CMS), each with its own GUID: one URL key, so one row, each item overwriting the last
    ("1 new, 2 updated"), and the home page fetched as each teaser's full text."""
    home = server.route("/", Reply(200, b"<html><body><article><p>" + b"Home page. " * 300
                                   + b"</p></article></body></html>",
                                   {"Content-Type": "text/html"}))
    server.route("/robots.txt", Reply(404, b""))
    items = [rss_item(f"update-{n}", title=f"Status update number {n}", link=home,
                      description=f"The service was restored, update {n}.") for n in range(3)]
    items.append(rss_item("own", title="An item with a link of its own",
                          link=server.url("/own"), description="A teaser…"))
    url = server.route("/status.xml", Reply(200, rss(items).encode()))
    config = _config(tmp_path, {"Status": url})
    config.write_text(config.read_text().replace("    full_text: false\n", ""))
    server.route("/own", Reply(200, b"<html><body><article><p>" + b"Own page text. " * 300
                                   + b"</p></article></body></html>",
                               {"Content-Type": "text/html"}))
    assert main(["fetch", "--config", str(config)]) == 0
    out = capsys.readouterr().out
    assert "Status: ok (3 entries sharing a link or linking to the home page" in out, out
    assert "4 new" in out, out
    assert server.count("/") == 0 and server.count("/own") == 1
    assert open_store(tmp_path / "digest.sqlite3").count_articles() == 4


def test_a_single_entry_linking_home_is_not_next_weeks_entry(
        tmp_path: Path, server: ScriptServer, capsys: pytest.CaptureFixture[str]) -> None:
    """A feed of one item at a time, linking to the site's home page: next week's item (a new
    GUID) overwrote this week's row, matched by the link."""
    site = server.url("/site/")
    feed = server.route("/weekly.xml", Reply(200, rss([rss_item(
        "week-1", title="This week at the harbour", link=site, description=_text(1))],
        link=site).encode()))
    config = _config(tmp_path, {"Weekly": feed})
    assert main(["fetch", "--config", str(config)]) == 0
    server.route("/weekly.xml", Reply(200, rss([rss_item(
        "week-2", title="Next week at the harbour", link=site, description=_text(2))],
        link=site).encode()))
    assert main(["fetch", "--config", str(config)]) == 0
    out = capsys.readouterr().out
    assert "updated" not in out, out
    assert open_store(tmp_path / "digest.sqlite3").count_articles() == 2
