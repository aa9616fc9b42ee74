"""Golden test of a whole build: the bundled demo, offline, with a fixed clock.

Refresh after an intended change with `pytest tests/e2e/test_e2e_golden.py --update-golden`
and review the diff like code.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from digest import periods
from digest.config import load_config
from digest.pipeline import run

from .conftest import PERIOD, REPO

GOLDEN = REPO / "tests" / "golden" / "demo"
COMPARED = ("issue.json", "email.txt", "issue.md")
CLOCK = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)  # Monday 09:00 in Shanghai


def _normalise(name: str, text: str) -> str:
    """Drop what is a property of the run or the checkout, not of the issue (timings, paths)."""
    text = text.replace(str(REPO), "<repo>")  # local sources are absolute paths
    if name != "issue.json":
        return text
    data: Any = json.loads(text)
    for source in data.get("sources", []):
        source["seconds"] = 0
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def test_demo_issue_matches_golden(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    config = load_config(REPO / "sources.yaml")
    config = replace(config, output=tmp_path / "out", database=tmp_path / "db.sqlite3")
    run(config, periods.week(PERIOD, config.newsletter.timezone), clock=lambda: CLOCK)
    folder = tmp_path / "out" / "issues" / PERIOD
    update = request.config.getoption("--update-golden")
    for name in COMPARED:
        got = _normalise(name, (folder / name).read_text(encoding="utf-8"))
        golden = GOLDEN / name
        if update:
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_text(got, encoding="utf-8")
            continue
        assert golden.exists(), f"no golden file {golden}: run with --update-golden"
        assert got == golden.read_text(encoding="utf-8"), (
            f"{name} differs from {golden}; if the change is intended, refresh with "
            "--update-golden and review the diff")
