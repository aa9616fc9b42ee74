"""Continuity over consecutive weeks of the demo world (samples/), end to end.

W46 (the West Lake Dialogue preview and an earnings report), W47 (the bundled week) and a W48
written here: a feed that re-dates an article W47 printed (nothing new), a follow-up on W47's
Lingxi-3 release and one new story, which appears only after W47 was published. Every run
fetches once the weeks are over (Monday 30 Nov), as `digest schedule` catching up would; each
week is built and published in order.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from digest import periods
from digest.config import Config, load_config
from digest.errors import RenderError
from digest.models import Source
from digest.pipeline import run
from digest.store import open_store

from .conftest import REPO, SAMPLES

CLOCK = datetime(2026, 11, 30, 1, 0, tzinfo=UTC)  # Monday 09:00 in Shanghai, after W48
WEEKS = ("2026-W46", "2026-W47", "2026-W48")
PREVIEW = "https://lantern-daily.example/2026/11/15/hangzhou-prepares-west-lake-dialogue/"
REDATED = "https://harbor-ledger.example/2026/11/21/qingwan-police-detain-two-deepfake-extortion/"
LINGXI = "https://meridian-review.example/2026/11/20/qiantang-labs-releases-lingxi-3-open-weights/"
FOLLOW_UP = "https://harbor-ledger.example/2026/11/25/qiantang-labs-patches-lingxi-3/"
NEW = "https://harbor-ledger.example/2026/11/26/ningbo-port-ai-cranes/"

W48_FEED = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Harbor Ledger, week 48</title>
<link>https://harbor-ledger.example/</link><description>later items</description>
<item><title>Qingwan police detain two over deepfake extortion of councillors</title>
<link>{REDATED}</link><guid isPermaLink="false">harbor-ledger:hl-deepfake-2</guid>
<pubDate>Tue, 24 Nov 2026 09:00:00 +0800</pubDate>
<description><![CDATA[<p>Police in Qingwan said on Saturday they had detained two men suspected of
sending deepfake blackmail emails to six city councillors earlier this week.</p>]]></description>
</item>
<item><title>Qiantang Labs patches Lingxi-3 after OpenBench-Asia audit finds leaked test answers</title>
<link>{FOLLOW_UP}</link><guid isPermaLink="false">harbor-ledger:w48-lingxi</guid>
<pubDate>Wed, 25 Nov 2026 10:00:00 +0800</pubDate>
<description><![CDATA[<p>Qiantang Labs released a corrected version of its Lingxi-3 language model on
Wednesday after an audit of the OpenBench-Asia benchmark found that 2,400 test questions had
leaked into the model's training data through the Silk Corpus.</p>
<p>Ruan Zhiheng, who leads the Lingxi team, said the corrected model scores four points lower
on the benchmark's Indonesian and Thai tests but remains the best open-weight model for
Southeast Asian languages.</p>
<p>The audit was run by volunteers who compared benchmark questions with web pages in the
corpus. They found the overlap in eleven of the benchmark's forty test sets.</p>
<p>Developers who built products on the first release are being asked to switch to the new
weights, which are again published under the Apache 2.0 licence.</p>]]></description>
</item>
<item><title>Ningbo port lets an AI system schedule its container cranes</title>
<link>{NEW}</link><guid isPermaLink="false">harbor-ledger:w48-ningbo</guid>
<pubDate>Thu, 26 Nov 2026 15:00:00 +0800</pubDate>
<description><![CDATA[<p>The port of Ningbo has handed the scheduling of 40 container cranes at its
Beilun terminal to an AI system built by the state-owned operator, the company said on
Thursday.</p>
<p>The system plans crane moves two hours ahead from ship manifests and weather forecasts.
Ningbo Port Group said the trial cut the average time a ship spends at berth by 9 per cent.</p>
<p>Dock workers' representatives said they had been promised that no jobs would be lost
during the trial, which runs until March.</p>]]></description>
</item>
</channel></rss>
"""


def _data(config: Config, key: str) -> dict[str, Any]:
    path = config.output / "issues" / key / "issue.json"
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _story_of(data: dict[str, Any], url: str) -> dict[str, Any]:
    return next(s for s in data["stories"] if any(a["url"] == url for a in s["articles"]))


@pytest.fixture(scope="module")
def weeks(tmp_path_factory: pytest.TempPathFactory) -> Config:
    """W46, W47 and W48 built and published in order; the config they were built with."""
    tmp = tmp_path_factory.mktemp("continuity")
    (tmp / "w48.xml").write_text(W48_FEED, encoding="utf-8")
    config = load_config(REPO / "sources.yaml")
    config = replace(config, output=tmp / "out", database=tmp / "db.sqlite3")
    later = replace(config, sources=(*config.sources, Source("Harbor Ledger Later",
                                                             str(tmp / "w48.xml"), kind="feed")))
    for key in WEEKS:
        run(later if key == "2026-W48" else config, periods.week(key, config.newsletter.timezone),
            clock=lambda: CLOCK, deliver=False)
    return later


def test_w47_marks_the_dialogue_as_an_update_of_w46(weeks: Config) -> None:
    w46, w47 = _data(weeks, "2026-W46"), _data(weeks, "2026-W47")
    assert w46["previous"] is None and w47["previous"] == "2026-W46"
    preview = _story_of(w46, PREVIEW)
    forum = _story_of(w47, "https://harbor-ledger.example/2026/11/17/"
                           "hangzhou-forum-opens-open-but-safe-ai/")
    assert forum["previous"] == {"issue": "2026-W46", "rank": preview["rank"],
                                 "headline": preview["headline"]}
    # Only the follow-up is an update; W47's other stories are new, and nothing is a repeat.
    assert [s["rank"] for s in w47["stories"] if s["previous"]] == [forum["rank"]]
    assert not [a for a in w47["articles"] if a["status"] == "repeat"]
    said = {s["text"] for s in preview["sentences"]}
    assert not said & {s["text"] for s in forum["sentences"]}
    # The reader's copies say it is an update and link the earlier story.
    md = (weeks.output / "issues" / "2026-W47" / "issue.md").read_text(encoding="utf-8")
    link = f"https://example.org/china-ai-watch/issues/2026-W46/#story-{preview['rank']}"
    assert f"### Update: {forum['headline']}" in md and link in md
    text = (weeks.output / "issues" / "2026-W47" / "email.txt").read_text(encoding="utf-8")
    # (the text part wraps a long headline at 72 columns: read it as one line)
    assert f"## Update: {forum['headline']}" in " ".join(text.split()) and link in text
    page = (weeks.output / "issues" / "2026-W47" / "index.html").read_text(encoding="utf-8")
    assert f'href="{link}"' in page


def test_w48_leaves_out_what_w47_printed_and_updates_the_follow_up(weeks: Config) -> None:
    w47, w48 = _data(weeks, "2026-W47"), _data(weeks, "2026-W48")
    redated = next(a for a in w48["articles"] if a["url"] == REDATED)
    assert redated["status"] == "repeat" and "2026-W47" in (redated["reason"] or "")
    assert not any(a["url"] == REDATED for s in w48["stories"] for a in s["articles"])
    lingxi = _story_of(w47, LINGXI)
    follow = _story_of(w48, FOLLOW_UP)
    assert follow["previous"] == {"issue": "2026-W47", "rank": lingxi["rank"],
                                  "headline": lingxi["headline"]}
    assert follow["sentences"][0]["sources"] == [FOLLOW_UP]  # leads with what is new
    assert _story_of(w48, NEW)["previous"] is None
    assert w48["previous"] == "2026-W47"


def test_no_story_is_printed_as_new_twice(weeks: Config) -> None:
    gold = {item["url"]: item["story"] for item in
            json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))["items"]
            if item["story"]}
    gold |= {PREVIEW: "S1 forum", FOLLOW_UP: "S6d open-source model", REDATED: "S3 deepfake",
             NEW: "W48 port"}
    printed_new: Counter[str] = Counter()
    seen: set[str] = set()
    for key in WEEKS:
        for story in _data(weeks, key)["stories"]:
            urls = {a["url"] for a in story["articles"]}
            assert not urls & seen, f"{key} printed an article again: {urls & seen}"
            seen |= urls
            if story["previous"] is None:
                printed_new.update({gold[u] for u in urls if u in gold})
    assert printed_new and max(printed_new.values()) == 1, printed_new


def test_a_rebuild_of_a_week_is_not_its_own_repeat(weeks: Config, tmp_path: Path) -> None:
    before = _data(weeks, "2026-W47")
    config = replace(weeks, output=tmp_path / "out")  # same database, another folder
    run(config, periods.week("2026-W47", config.newsletter.timezone), clock=lambda: CLOCK,
        deliver=False, force=True, fetch=False)
    again = _data(config, "2026-W47")
    # (W48's feed has re-dated one of W47's articles since: the stories may differ, but the
    # memory of W47 itself never makes them repeats, and W48 is no earlier issue of W47.)
    assert [s["previous"] for s in again["stories"] if s["previous"]] == \
        [s["previous"] for s in before["stories"] if s["previous"]]
    assert again["previous"] == "2026-W46"
    assert not [a for a in again["articles"] if a["status"] == "repeat"]
    # W46 is not in this folder's site: its update names it, and links nowhere (a link to
    # base_url/issues/2026-W46/ did not resolve)
    update = next(s for s in again["stories"] if s["previous"])
    folder = config.output / "issues" / "2026-W47"
    md = (folder / "issue.md").read_text(encoding="utf-8")
    assert f"Follows “{update['previous']['headline']}” (2026-W46)." in md
    for path in (*(folder / name for name in ("issue.md", "email.txt", "email.html",
                                              "index.html")),
                 config.output / "index.html"):  # the front page shows the latest issue
        assert "issues/2026-W46/" not in path.read_text(encoding="utf-8"), path


def test_a_build_that_is_not_published_is_not_remembered(tmp_path: Path) -> None:
    broken = tmp_path / "templates"
    broken.mkdir()
    (broken / "home.html").write_text("{{ nothing.here() }}", encoding="utf-8")
    config = load_config(REPO / "sources.yaml")
    config = replace(config, output=tmp_path / "out", database=tmp_path / "db.sqlite3",
                     templates=broken)
    with pytest.raises(RenderError):
        run(config, periods.week("2026-W46", config.newsletter.timezone), clock=lambda: CLOCK,
            deliver=False)
    store = open_store(config.database)
    try:
        assert store.issue("2026-W46") is None
        assert store.story_memory(CLOCK, 8) == []
    finally:
        store.close()
    config = replace(config, templates=None)
    run(config, periods.week("2026-W47", config.newsletter.timezone), clock=lambda: CLOCK,
        deliver=False)
    w47 = _data(config, "2026-W47")
    assert w47["previous"] is None and not any(s["previous"] for s in w47["stories"])
