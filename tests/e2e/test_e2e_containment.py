"""Containment (issue 12): one bad item never sinks an issue, and nothing is lost.

Each test runs the real pipeline in-process against feeds and pages served on 127.0.0.1.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from digest import load_config, periods
from digest.config import Config
from digest.pipeline import run

from .conftest import serve

PERIOD = "2026-W10"  # Monday 2 March – Sunday 8 March 2026 (Asia/Shanghai)

# A page in the shape scrapers bring in: the page's own article, an image credit and an empty
# tag row, then a second, unrelated article the site appended, its tag row and a price ticker.
TWO_ARTICLE_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Port city opens a public AI computing centre | Tidewater Ledger</title>
<meta property="article:published_time" content="2026-03-03T09:00:00+08:00">
</head><body><nav><a href="/">Home</a> <a href="/markets">Markets</a></nav>
<main><article>
<h1>Port city opens a public AI computing centre</h1>
<p>The city of Marrowport opened a public computing centre for artificial intelligence on
Tuesday, offering local start-ups rented time on four hundred graphics processors at a
subsidised rate.</p>
<h2>Who gets the hours</h2>
<p>According to the city's technology office, half of the hours are reserved for companies
younger than three years, and the rest go to universities and hospitals that apply each
quarter.</p>
<p>The mayor said the centre would cost about nineteen million euros over five years, shared
between the city budget and a regional development fund that backs digital projects.</p>
<h2>Doubts about demand</h2>
<p>Some founders questioned whether the hardware would stay current, noting that the processors
chosen were announced two years ago and that prices for rented capacity keep falling.</p>
<p>Image source: Pixabay</p>
<p>Tagged : / / / / /</p>
<h2>Court fines chatbot maker over fabricated quotes</h2>
<p>A regional court fined the chatbot maker Quillbyte forty thousand euros on Monday after its
assistant attributed invented quotes to a local councillor during the election campaign last
autumn.</p>
<p>The judges said the company had been warned twice about the false statements and had failed
to add a correction notice, which the ruling now requires on every answer that names a
politician.</p>
<p>Quillbyte said it would appeal, arguing that its terms of service tell users to check any
quotation against the original source before repeating it in public.</p>
<p>Tagged : / / / / /</p>
<p>Bitcoin (BTC) $ 61,204.18 1.12%</p>
<p>Ethereum (ETH) $ 2,915.40 0.87%</p>
<p>Solana (SOL) $ 141.02 3.05%</p>
</article></main><footer><p>© 2026 Tidewater Ledger</p></footer></body></html>"""

GOOD_BODY = ("<p>The regional grid operator approved a battery storage plan on Wednesday that "
             "adds six hundred megawatts of capacity near the northern wind farms.</p>"
             "<p>Construction starts in the summer, and the operator said the batteries would "
             "cut curtailment of wind power by about a third within two years.</p>"
             "<p>Consumer groups welcomed the plan but asked for the cost to be spread over "
             "more than a decade so that household bills do not rise sharply.</p>")


def _rss(items: str) -> str:
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            "<title>Feed</title><link>http://127.0.0.1/</link><description>d</description>"
            f"{items}</channel></rss>")


def _rss_item(guid: str, title: str, link: str, *, body: str | None = None,
              date: str = "Tue, 03 Mar 2026 02:00:00 GMT") -> str:
    content = f"<content:encoded><![CDATA[{body}]]></content:encoded>" if body else ""
    return (f"<item><title>{title}</title><link>{link}</link><guid>{guid}</guid>"
            f"<description>A short teaser.</description>{content}<pubDate>{date}</pubDate></item>")


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """(base URL, folder): whatever the test writes under the folder is served on 127.0.0.1."""
    root = tmp_path / "www"
    root.mkdir()
    with serve(root) as base:
        yield base, root


def _config(tmp_path: Path, sources: dict[str, str]) -> Config:
    lines = ["newsletter:", "  title: Containment Weekly", "  timezone: Asia/Shanghai",
             "fetch:", "  retries: 0", "sources:"]
    for name, url in sources.items():
        lines += [f"  - name: {name}", f'    url: "{url}"']
    path = tmp_path / "sources.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return load_config(path)


def _issue(config: Config) -> dict[str, object]:
    folder = config.output / "issues" / PERIOD
    data: dict[str, object] = json.loads((folder / "issue.json").read_text(encoding="utf-8"))
    return data


def _run(config: Config, *, force: bool = False) -> dict[str, object]:
    report = run(config, periods.week(PERIOD, config.newsletter.timezone), force=force,
                 deliver=False)
    return report.manifest


# ── 1. an appended article is stored apart from the page's own ─────────────────


def test_appended_article_gets_its_own_key_and_both_reach_the_issue(
        tmp_path: Path, site: tuple[str, Path]) -> None:
    base, root = site
    (root / "story.html").write_text(TWO_ARTICLE_PAGE, encoding="utf-8")
    (root / "feed.xml").write_text(_rss(_rss_item(
        "tl-1", "Port city opens a public AI computing centre", f"{base}/story.html")),
        encoding="utf-8")
    config = _config(tmp_path, {"Tidewater Ledger": f"{base}/feed.xml"})
    _run(config)

    db = sqlite3.connect(config.database)
    rows = sorted(db.execute("SELECT url, title, paragraphs FROM article").fetchall())
    assert [(url.removeprefix(base), title) for url, title, _ in rows] == [
        ("/story.html", "Port city opens a public AI computing centre"),
        ("/story.html#appended-1", "Court fines chatbot maker over fabricated quotes"),
    ]
    main_body, appended_body = (json.loads(p) for _, _, p in rows)
    assert "Marrowport" in main_body[0] and not any("Quillbyte" in p for p in main_body)
    assert "Quillbyte" in appended_body[0] and not any("Marrowport" in p for p in appended_body)

    issue = _issue(config)
    articles = {a["url"].removeprefix(base): a for a in issue["articles"]}  # type: ignore[union-attr,index,attr-defined]
    assert set(articles) == {"/story.html", "/story.html#appended-1"}
    assert {a["status"] for a in articles.values()} == {"used"}
    cited = {art["url"].removeprefix(base) for story in issue["stories"]  # type: ignore[union-attr,attr-defined]
             for art in story["articles"]}
    assert cited == {"/story.html", "/story.html#appended-1"}

    # Fetch and build again from scratch: nothing is doubled, nothing overwritten.
    (config.output / "issues" / PERIOD / "index.html").unlink()
    db.execute("UPDATE source_state SET etag = NULL, last_modified = NULL")
    db.commit()
    _run(config, force=True)
    assert sorted(db.execute("SELECT url, title, paragraphs FROM article").fetchall()) == rows
    assert len(_issue(config)["articles"]) == 2  # type: ignore[arg-type]


# ── 2. one item's failure is that item's, never the run's ──────────────────────


def _json_feed(items: list[dict[str, object]]) -> str:
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "Wire",
                       "home_page_url": "http://127.0.0.1/", "items": items})


def _json_item(n: int, html: str, **extra: object) -> dict[str, object]:
    return {"id": f"w-{n}", "url": f"http://127.0.0.1/wire/{n}", "title": f"Wire story {n}",
            "content_html": html, "date_published": "2026-03-03T10:00:00+08:00", **extra}


def test_a_control_character_after_a_script_does_not_sink_the_run(
        tmp_path: Path, site: tuple[str, Path]) -> None:
    """U+0002 in the tail of a <script> (or style, noscript, iframe) made lxml raise
    ValueError out of collect: no issue, and the same again every week."""
    base, root = site
    tags = ["script", "style", "noscript", "iframe"]
    (root / "wire.json").write_text(_json_feed([
        _json_item(n, f"<p>Short lead.</p><{tag}>var x = 1;</{tag}>\x02 after the {tag}")
        for n, tag in enumerate(tags, 1)] + [_json_item(9, GOOD_BODY)]), encoding="utf-8")
    (root / "feed.xml").write_text(_rss(_rss_item(
        "other-1", "Grid operator approves battery plan", f"{base}/grid", body=GOOD_BODY)),
        encoding="utf-8")
    config = _config(tmp_path, {"Wire": f"{base}/wire.json", "Other": f"{base}/feed.xml"})
    _run(config)
    articles = {a["url"]: a for a in _issue(config)["articles"]}  # type: ignore[union-attr,index,attr-defined]
    hostile = [f"http://127.0.0.1/wire/{n}" for n in range(1, 5)]
    assert {*hostile, "http://127.0.0.1/wire/9", f"{base}/grid"} <= set(articles)
    assert articles["http://127.0.0.1/wire/9"]["status"] != "failed"
    db = sqlite3.connect(config.database)
    for n, tag in enumerate(tags, 1):
        (body,) = db.execute(f"SELECT paragraphs FROM article WHERE guid = 'w-{n}'").fetchone()
        assert "\x02" not in body and "var x" not in body and f"after the {tag}" in body


def test_a_title_the_database_cannot_take_does_not_sink_the_run(
        tmp_path: Path, site: tuple[str, Path]) -> None:
    """A JSON escape for half a surrogate pair ("\\ud800") used to reach SQLite and end
    the run with UnicodeEncodeError."""
    base, root = site
    (root / "wire.json").write_text(_json_feed([
        {**_json_item(1, GOOD_BODY), "title": "Half a pair \ud800 here"},
        _json_item(2, GOOD_BODY.replace("battery", "pumped hydro"))]), encoding="utf-8")
    config = _config(tmp_path, {"Wire": f"{base}/wire.json"})
    _run(config)
    titles = {a["url"]: a["title"] for a in _issue(config)["articles"]}  # type: ignore[union-attr,index,attr-defined]
    assert titles["http://127.0.0.1/wire/1"] == "Half a pair \ufffd here"
    assert "http://127.0.0.1/wire/2" in titles


def test_a_bug_while_cleaning_one_item_fails_that_item_and_the_issue_is_built(
        tmp_path: Path, site: tuple[str, Path], monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    """The boundary itself, for bugs nobody has found yet: one is planted in the cleaner for
    one URL (the only way to have a bug on purpose); the item fails with the reason, the
    traceback is logged, the manifest counts it, and the issue is built."""
    import digest.clean

    real_clean = digest.clean.clean

    def buggy_clean(content: str | bytes, url: str | None = None, **kw: bool) -> object:
        if url and url.endswith("/wire/1"):
            raise ZeroDivisionError("planted bug")
        return real_clean(content, url, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(digest.clean, "clean", buggy_clean)  # collect looks it up per run
    base, root = site
    (root / "wire.json").write_text(_json_feed([
        _json_item(1, GOOD_BODY), _json_item(2, GOOD_BODY.replace("battery", "pumped hydro"))]),
        encoding="utf-8")
    config = _config(tmp_path, {"Wire": f"{base}/wire.json"})
    with caplog.at_level(logging.ERROR, logger="digest"):
        info = _run(config)
    articles = {a["url"]: a for a in _issue(config)["articles"]}  # type: ignore[union-attr,index,attr-defined]
    failed = articles["http://127.0.0.1/wire/1"]
    assert failed["status"] == "failed"
    assert failed["reason"] == "internal error: ZeroDivisionError: planted bug"
    assert articles["http://127.0.0.1/wire/2"]["status"] == "used"
    assert info["counts"]["internal_errors"] == 1  # type: ignore[index]
    assert {"article": "http://127.0.0.1/wire/1",
            "error": "internal error: ZeroDivisionError: planted bug"} in info["errors"]  # type: ignore[operator]
    (record,) = [r for r in caplog.records if r.exc_info]
    assert record.exc_info and record.exc_info[0] is ZeroDivisionError


# ── `digest clean`: one line per file that cannot be cleaned, the others printed ──


def test_digest_clean_gives_every_file_an_answer(tmp_path: Path) -> None:
    from .conftest import digest_cli

    hostile = tmp_path / "hostile.html"
    hostile.write_text("<p>Short lead.</p><script>var x = 1;</script>\x02tail text", encoding="utf-8")
    good = tmp_path / "good.html"
    good.write_text(f"<html><body><article><h1>Grid plan</h1>{GOOD_BODY}</article></body></html>",
                    encoding="utf-8")
    result = digest_cli("clean", str(hostile), str(tmp_path / "missing.html"), str(good))
    assert result.returncode == 1  # documented: 1 when any file could not be cleaned
    assert "tail text" in result.stdout and "battery storage plan" in result.stdout
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 1 and "missing.html: cannot read" in errors[0], result.stderr


@pytest.fixture
def cli_logging() -> Iterator[None]:
    """cli.main() sets up the "digest" logger for a process; put it back for the next test."""
    logger = logging.getLogger("digest")
    saved = (logger.handlers[:], logger.level, logger.propagate)
    try:
        yield
    finally:
        logger.handlers[:], logger.level, logger.propagate = saved


@pytest.mark.usefixtures("cli_logging")
def test_digest_clean_reports_a_bug_in_one_line_and_goes_on(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import digest.clean.page
    from digest.cli import main

    real_clean = digest.clean.page.clean

    def buggy_clean(content: str | bytes, url: str | None = None, **kw: object) -> object:
        if b"PLANT" in (content if isinstance(content, bytes) else content.encode()):
            raise ZeroDivisionError("planted bug")
        return real_clean(content, url, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(digest.clean.page, "clean", buggy_clean)
    bug = tmp_path / "bug.html"
    bug.write_text("<p>PLANT</p>", encoding="utf-8")
    good = tmp_path / "good.html"
    good.write_text(f"<html><body><article><h1>Grid plan</h1>{GOOD_BODY}</article></body></html>",
                    encoding="utf-8")
    assert main(["clean", str(bug), str(good)]) == 1
    captured = capsys.readouterr()
    assert "battery storage plan" in captured.out
    errors = captured.err.strip().splitlines()
    assert errors == [f"digest: ERROR: {bug}: internal error: ZeroDivisionError: planted bug"]


# ── 3. parsing bounded in time and depth ──────────────────────────────────────


def test_a_feed_nested_past_256_levels_beside_a_good_one(
        tmp_path: Path, site: tuple[str, Path]) -> None:
    """Issue 12's fuzzed Atom feed (every <entry> left open, 370 KB, as a local source): the
    forgiving parser was busy for ~30 s, then a None summary ended the run with TypeError."""
    import time

    base, root = site
    entry = ("<entry><id>urn:{i}</id><title>Entry {i}</title><link href='http://127.0.0.1/{i}'/>"
             "<updated>2026-03-03T10:00:00Z</updated><summary type='html'>&lt;p&gt;Summary {i} "
             "of the article text goes here.&lt;/p&gt;</summary>")
    nested = tmp_path / "nested.xml"
    nested.write_text('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/'
                      'Atom"><title>T</title><content type="html"><item type="html"></content>'
                      + "".join(entry.format(i=i) for i in range(1800)) + "</feed>",
                      encoding="utf-8")
    assert nested.stat().st_size > 370_000
    (root / "feed.xml").write_text(_rss(_rss_item(
        "other-1", "Grid operator approves battery plan", f"{base}/grid", body=GOOD_BODY)),
        encoding="utf-8")
    config = _config(tmp_path, {"Fuzzed": str(nested), "Good": f"{base}/feed.xml"})
    started = time.monotonic()
    _run(config)
    assert time.monotonic() - started < 20  # the editor and renderer included
    issue = _issue(config)
    health = {s["name"]: s for s in issue["sources"]}  # type: ignore[union-attr,index,attr-defined]
    assert health["Fuzzed"]["status"] == "error"
    assert "nested more than 256 levels deep" in health["Fuzzed"]["error"]
    assert health["Good"]["status"] == "ok"
    assert [a["url"] for a in issue["articles"]] == [f"{base}/grid"]  # type: ignore[union-attr,index]


def test_a_bug_while_storing_one_source_fails_that_source_only(
        tmp_path: Path, site: tuple[str, Path], monkeypatch: pytest.MonkeyPatch,
        caplog: pytest.LogCaptureFixture) -> None:
    """The per-source boundary, with a bug planted in the store for one source's batch."""
    from digest.store.sqlite import SQLiteStore

    real_save = SQLiteStore.save_fetch

    def buggy_save(self: SQLiteStore, result: object, *args: object) -> object:
        if result.source.name == "Wire":  # type: ignore[attr-defined]
            raise ZeroDivisionError("planted bug")
        return real_save(self, result, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(SQLiteStore, "save_fetch", buggy_save)
    base, root = site
    (root / "wire.json").write_text(_json_feed([_json_item(1, GOOD_BODY)]), encoding="utf-8")
    (root / "feed.xml").write_text(_rss(_rss_item(
        "other-1", "Grid operator approves battery plan", f"{base}/grid",
        body=GOOD_BODY.replace("battery", "pumped hydro"))), encoding="utf-8")
    config = _config(tmp_path, {"Wire": f"{base}/wire.json", "Other": f"{base}/feed.xml"})
    with caplog.at_level(logging.ERROR, logger="digest"):
        info = _run(config)
    articles = {a["url"]: a for a in _issue(config)["articles"]}  # type: ignore[union-attr,index,attr-defined]
    assert articles["http://127.0.0.1/wire/1"]["status"] == "failed"
    assert articles["http://127.0.0.1/wire/1"]["reason"] == (
        "not stored: its source could not be saved (internal error: ZeroDivisionError: "
        "planted bug)")
    assert articles[f"{base}/grid"]["status"] == "used"
    assert info["counts"]["internal_errors"] == 1  # type: ignore[index]
    assert any(r.exc_info and r.exc_info[0] is ZeroDivisionError for r in caplog.records)
