"""The Explainer remembers what earlier published issues explained, end to end (SQLite and
PostgreSQL): two weeks of a beat whose sources keep naming the same alliance.

Week 1 (2026-W47) explains the Asia Open Model Alliance. Week 2 (2026-W48)'s sources name and
define it again, in more stories than the Pearl River Compute Consortium they also define: with
memory, week 2 explains the consortium and says (operator side) that AOMA was explained in
2026-W47; rebuilding week 1 still explains AOMA; with `explainer_memory: 0`, AOMA twice.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from digest import periods
from digest.config import Config, load_config
from digest.models import Source
from digest.pipeline import run
from digest.status import editor_report
from digest.store import open_store

from .conftest import REPO

CLOCK = datetime(2026, 11, 30, 1, 0, tzinfo=UTC)  # Monday after W48, Asia/Shanghai morning
AOMA = "Asia Open Model Alliance (AOMA)"
PRCC = "Pearl River Compute Consortium (PRCC)"


def _item(slug: str, day: int, title: str, *paragraphs: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<item><title>{title}</title><link>https://beat.example/2026/11/{day}/{slug}/</link>"
            f"<guid isPermaLink=\"false\">beat:{slug}</guid>"
            f"<pubDate>{day:02d} Nov 2026 10:00:00 +0800</pubDate>"
            f"<description><![CDATA[{body}]]></description></item>")


ITEMS = (
    # week 1: the alliance, in two stories
    _item("aoma-thai-leaderboard", 17, "AOMA publishes a leaderboard for Thai language models",
          "The Asia Open Model Alliance (AOMA), an industry body headquartered in Hangzhou, "
          "published a leaderboard for Thai language models on Tuesday.",
          "AOMA was founded in 2024 by twelve universities and four cloud companies.",
          "The leaderboard ranks 31 open-weight models on reading, translation and reasoning "
          "tests written by teachers in Bangkok."),
    _item("qiantang-tops-board", 19, "Qiantang Labs model tops the new Thai leaderboard",
          "A language model from Hangzhou start-up Qiantang Labs came first on the Thai "
          "leaderboard that the Asia Open Model Alliance published this week.",
          "The alliance's members include Zhejiang University and Mahidol University.",
          "Qiantang Labs said the model would be released under the Apache 2.0 licence."),
    # week 2: the alliance in three stories, the consortium in two
    _item("aoma-vietnamese-tests", 23, "AOMA adds Vietnamese tests to its benchmark",
          "The Asia Open Model Alliance (AOMA), an industry body headquartered in Hangzhou, "
          "added Vietnamese reading tests to its benchmark on Monday.",
          "AOMA was founded in 2024 by twelve universities and four cloud companies.",
          "The new tests were written by 40 teachers in Hanoi and Da Nang."),
    _item("aoma-audit", 24, "Volunteers audit the AOMA benchmark for leaked answers",
          "Volunteers found that 300 questions of the Asia Open Model Alliance benchmark had "
          "leaked into public training data, they said on Tuesday.",
          "AOMA said it would replace the leaked questions before its next leaderboard.",
          "The audit compared the benchmark with pages of the Silk Corpus."),
    _item("aoma-member-joins", 25, "Singapore university joins AOMA",
          "The National University of Singapore joined the Asia Open Model Alliance on "
          "Wednesday, the alliance said.",
          "Its members include Zhejiang University and Mahidol University.",
          "The university will write tests in Malay and Tamil."),
    _item("prcc-chip-rental", 26, "Guangdong data centres rent spare AI chips to universities",
          "The Pearl River Compute Consortium (PRCC), a group of data-centre operators in "
          "Guangdong, said on Thursday it would rent spare AI chips to universities.",
          "PRCC was founded in 2023 by six data-centre operators in Shenzhen and Guangzhou.",
          "Universities will pay a third of the market price for the chips."),
    _item("prcc-price-criticism", 27, "Cloud firms criticise the consortium's chip prices",
          "Two cloud companies criticised the Pearl River Compute Consortium on Friday, saying "
          "its cheap AI chip rentals would undercut commercial providers.",
          "PRCC members include China Mobile's Guangdong data centres and four smaller "
          "operators.",
          "The consortium said the rentals would use only chips left idle at night."),
)
FEED = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel>"
        "<title>Beat</title><link>https://beat.example/</link><description>the beat"
        f"</description>{''.join(ITEMS)}</channel></rss>")


def _config(tmp: Path, memory: int, database_url: str | None = None) -> Config:
    (tmp / "beat.xml").write_text(FEED, encoding="utf-8")
    config = load_config(REPO / "sources.yaml")
    return replace(config, output=tmp / "out", database=tmp / "db.sqlite3",
                   database_url=database_url, explainer_memory=memory,
                   sources=(Source("Beat", str(tmp / "beat.xml"), kind="feed"),))


def _build(config: Config, key: str, *, force: bool = False) -> dict[str, Any]:
    run(config, periods.week(key, config.newsletter.timezone), clock=lambda: CLOCK,
        deliver=False, force=force)
    path = config.output / "issues" / key / "issue.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _entity(data: dict[str, Any]) -> str | None:
    return (data["explainer"] or {}).get("entity")


def _two_weeks(config: Config) -> None:
    w47 = _build(config, "2026-W47")
    assert _entity(w47) == AOMA
    w48 = _build(config, "2026-W48")
    assert _entity(w48) == PRCC
    # The operator is told what was passed over and where it was explained; the reader is not.
    told = f"{AOMA} was explained in 2026-W47"
    assert told in w48["explainer"]["why"]
    out = config.output / "issues" / "2026-W48"
    for name in ("index.html", "issue.md", "email.txt"):
        assert told not in (out / name).read_text(encoding="utf-8")
    store = open_store(config.store_address, newsletter=config.newsletter.title)
    try:
        report = editor_report(config, store)
        assert report is not None and told in report.explainer
        [manifest] = [json.loads(r.manifest or "{}") for r in store.runs(1)]
        assert told in manifest["explainer"]
        # Rebuilding week 1 explains what it explained: its own memory never blocks it, and
        # the rebuild replaces what is remembered of it rather than adding to it.
        assert _entity(_build(config, "2026-W47", force=True)) == AOMA
        assert [m.issue for m in store.explainer_memory(CLOCK, 8)] == ["2026-W48", "2026-W47"]
    finally:
        store.close()
    assert _entity(_build(config, "2026-W48", force=True)) == PRCC


def test_week_two_explains_what_week_one_did_not(tmp_path: Path) -> None:
    _two_weeks(_config(tmp_path, 4))


def test_no_memory_explains_the_alliance_twice(tmp_path: Path) -> None:
    config = _config(tmp_path, 0)
    assert _entity(_build(config, "2026-W47")) == AOMA
    w48 = _build(config, "2026-W48")
    assert _entity(w48) == AOMA and "was explained in" not in w48["explainer"]["why"]


@pytest.mark.postgres
def test_week_two_explains_what_week_one_did_not_on_postgresql(tmp_path: Path,
                                                               pg_url: str) -> None:
    _two_weeks(_config(tmp_path, 4, pg_url))
    assert not (tmp_path / "db.sqlite3").exists()  # the memory was PostgreSQL's
