"""The demo week from PostgreSQL is the demo week from SQLite, byte for byte."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from digest import periods
from digest.config import load_config
from digest.pipeline import run

from .conftest import PERIOD, REPO
from .test_e2e_golden import CLOCK, _normalise

pytestmark = pytest.mark.postgres


def _build(tmp_path: Path, name: str, database_url: str | None) -> Path:
    config = load_config(REPO / "sources.yaml")
    config = replace(config, output=tmp_path / name, database=tmp_path / f"{name}.sqlite3",
                     database_url=database_url)
    run(config, periods.week(PERIOD, config.newsletter.timezone), clock=lambda: CLOCK)
    return tmp_path / name / "issues" / PERIOD


def test_demo_week_is_the_same_from_sqlite_and_postgresql(tmp_path: Path, pg_url: str) -> None:
    lite = _build(tmp_path, "sqlite", None)
    pg = _build(tmp_path, "postgres", pg_url)
    assert not (tmp_path / "postgres.sqlite3").exists()  # the issue came from PostgreSQL
    names = sorted(p.name for p in lite.iterdir())
    assert names == sorted(p.name for p in pg.iterdir())
    assert {"index.html", "email.html", "email.txt", "issue.md", "issue.json",
            "issue.eml"} <= set(names)
    for name in names:
        if name == "manifest.json":  # the run's timings and ids, not the issue
            continue
        if name == "issue.json":  # each source's fetch seconds differ from run to run
            assert _normalise(name, (lite / name).read_text()) == _normalise(
                name, (pg / name).read_text()), name
            continue
        assert (lite / name).read_bytes() == (pg / name).read_bytes(), name
