"""Many newsletters, one database: a feed two newsletters follow is fetched once, and each
newsletter's issue is built from its own feeds only; a build before the wave drains says which
feeds are still pending."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import Spawn, stop
from farm import config_text, farm

from digest import distributed, periods
from digest.cli import main
from digest.config import load_config
from digest.pipeline import build, open_config_store

pytestmark = pytest.mark.postgres
WEEK = "2026-W10"  # the farm's items are dated 3 March 2026


def test_two_newsletters_share_100_feeds_fetched_once(
        tmp_path: Path, pg_url: str, spawn_worker: Spawn,
        capsys: pytest.CaptureFixture[str]) -> None:
    shared = list(range(100))
    own = {"A": range(100, 110), "B": range(110, 120)}
    with farm(5, 120) as f:
        paths = {}
        for name in ("A", "B"):
            paths[name] = tmp_path / name / "sources.yaml"
            paths[name].parent.mkdir()
            paths[name].write_text(config_text(f"Newsletter {name}", f, [*shared, *own[name]],
                                               pg_url, per_host=2, topics="feed"))
        configs = {name: load_config(path) for name, path in paths.items()}
        first = distributed.enqueue(configs["A"], interval=3600)
        second = distributed.enqueue(configs["B"], interval=3600)
        assert first.enqueued == 110
        assert second.enqueued == 10 and len(second.pending) == 100  # shared: queued once

        # before any worker: the build waits briefly, then names what is pending
        assert main(["build", "--config", str(paths["A"]), "--period", WEEK, "--wait", "0.2"]) == 0
        said = capsys.readouterr().out
        assert "Still pending after 0.2s (110 feed(s)): feed-0, feed-1, feed-10" in said
        assert "and 90 more" in said

        workers = [spawn_worker(paths["A"], heartbeat=3), spawn_worker(paths["B"], heartbeat=3)]
        assert distributed.wait_for_wave(configs["A"], 120) == []
        assert distributed.wait_for_wave(configs["B"], 120) == []
        for w in workers:
            assert stop(w) == 0
        fetched = f.fetched(200)
        assert sum(fetched.values()) == 120 and set(fetched.values()) == {1}

    sources = {}
    for name, config in configs.items():
        store = open_config_store(config)
        try:
            built = build(config, periods.week(WEEK, "UTC"), store)
            (record,) = store.issues()  # its own issue only
            assert record.key == WEEK and record.title.startswith(f"Newsletter {name} ")
        finally:
            store.close()
        sources[name] = {a.source for a in built.issue.articles}
        assert built.issue.title.startswith(f"Newsletter {name} ") and built.issue.stories
    assert sources["A"] == {f"feed-{n}" for n in [*shared, *own["A"]]}
    assert sources["B"] == {f"feed-{n}" for n in [*shared, *own["B"]]}
