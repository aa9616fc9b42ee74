"""Sections of "In Our Feeds" over the demo week, in every reader's copy (site, e-mail HTML and
text, Markdown) and in issue.json. Without `sections:` nothing changes (the golden test)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest

from digest import periods
from digest.config import Config, load_config
from digest.edit import edit_issue
from digest.models import TopicSection
from digest.pipeline import run
from digest.store import open_store

from .conftest import PERIOD, REPO

CLOCK = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
POLICY = TopicSection("Policy and rules", ("AI policy", "AI regulation", "deepfakes",
                                           "algorithms"), max=2)
INDUSTRY = TopicSection("Industry and chips", ("chips", "AI industry"))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Config:
    tmp = tmp_path_factory.mktemp("sections")
    config = load_config(REPO / "sources.yaml")
    config = replace(config, output=tmp / "out", database=tmp / "db.sqlite3",
                     newsletter=replace(config.newsletter, sections=(POLICY, INDUSTRY)))
    run(config, periods.week(PERIOD, config.newsletter.timezone), clock=lambda: CLOCK,
        deliver=False)
    return config


def _file(config: Config, name: str) -> str:
    return (config.output / "issues" / PERIOD / name).read_text(encoding="utf-8")


def test_featured_stories_are_grouped_by_section_and_capped(built: Config) -> None:
    data: dict[str, Any] = json.loads(_file(built, "issue.json"))
    featured = [s for s in data["stories"] if s["section"] == "in_our_feeds"]
    topics = [s["topic"] for s in featured]
    assert topics == sorted(topics, key=[POLICY.name, INDUSTRY.name].index)  # section order
    assert topics.count(POLICY.name) == 2 and INDUSTRY.name in topics  # Policy's cap
    assert len(featured) == built.newsletter.max_stories
    assert [s["rank"] for s in data["stories"]] == list(range(1, len(data["stories"]) + 1))
    # The cap moved a policy story that ranked in the top four to "Also this week".
    also = [s for s in data["stories"] if s["section"] == "also"]
    assert any(s["topic"] == POLICY.name for s in also)
    used = {a["story"] for a in data["articles"] if a["status"] == "used"}
    assert used == {s["rank"] for s in data["stories"]}


def test_every_copy_prints_the_sections(built: Config) -> None:
    data = json.loads(_file(built, "issue.json"))
    first = next(s for s in data["stories"] if s["topic"] == INDUSTRY.name)["headline"]
    md, text = _file(built, "issue.md"), _file(built, "email.txt")
    assert f"### {POLICY.name}\n\n####" in md and f"### {INDUSTRY.name}\n\n#### {first}" in md
    assert f"{POLICY.name.upper()}\n{'-' * len(POLICY.name)}" in text
    # (the text part wraps a long headline at 72 columns: read it as one line)
    assert f"{INDUSTRY.name.upper()}\n" in text and f"## {first}" in " ".join(text.split())
    for page in (_file(built, "index.html"), _file(built, "email.html"),
                 (built.output / "index.html").read_text(encoding="utf-8")):
        assert f">{POLICY.name}</h3>" in page and f">{INDUSTRY.name}</h3>" in page
        assert page.index(POLICY.name) < page.index(INDUSTRY.name)
    assert "<h4" in _file(built, "index.html")


def test_stories_no_section_takes_go_to_the_catch_all_or_more(built: Config) -> None:
    store = open_store(built.database)
    try:
        articles = store.articles_for(periods.week(PERIOD, built.newsletter.timezone))
    finally:
        store.close()
    period = periods.week(PERIOD, built.newsletter.timezone)
    chips = TopicSection("Chips", ("chips",))
    for sections, rest in (((chips,), "More"), ((chips, TopicSection("Elsewhere")), "Elsewhere")):
        issue = edit_issue(period, articles, newsletter=replace(built.newsletter,
                                                                sections=sections),
                           sources=built.sources, health=())
        names = {s.topic for s in issue.stories}
        assert names == {"Chips", rest}, names
        assert [s.topic for s in issue.featured][-1] == rest
