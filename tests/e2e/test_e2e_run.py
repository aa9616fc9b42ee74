"""The whole pipeline through the real CLI, against the sample outlets served on 127.0.0.1."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import PERIOD, REPO, Site, digest_cli, http_config

ISSUE_FILES = ("index.html", "email.html", "email.txt", "issue.md", "issue.json", "issue.eml",
               "manifest.json")


def _snapshot(out: Path) -> dict[str, bytes]:
    """Every output file except the run record (manifest.json holds timings)."""
    return {str(p.relative_to(out)): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name != "manifest.json"}


def test_run_builds_the_issue_and_a_second_run_is_a_noop(tmp_path: Path,
                                                         sample_site: Site) -> None:
    config = http_config(tmp_path, sample_site.base)
    out = tmp_path / "site"
    first = digest_cli("run", "--config", str(config), "--period", PERIOD, "--out", str(out))
    assert first.returncode == 0, first.stderr
    folder = out / "issues" / PERIOD
    for name in ISSUE_FILES:
        assert (folder / name).is_file(), name
    for name in ("index.html", "feed.xml", "sitemap.xml"):
        assert (out / name).is_file(), name

    issue = json.loads((folder / "issue.json").read_text(encoding="utf-8"))
    assert issue["key"] == PERIOD
    assert issue["period"]["start"].startswith("2026-11-16T00:00:00+08:00")
    statuses = {a["status"] for a in issue["articles"]}
    assert {"used", "duplicate", "off_topic", "out_of_window"} <= statuses, statuses
    featured = [s for s in issue["stories"] if s["section"] == "in_our_feeds"]
    assert 1 <= len(featured) <= 4
    assert all(s["headline"] and s["summary"] and s["articles"] for s in featured)
    assert all(sent["sources"] for s in featured for sent in s["sentences"])
    assert issue["tldr"]
    # the failing source is reported, not fatal
    broken = next(s for s in issue["sources"] if s["name"] == "Broken Outlet")
    assert broken["status"] == "error" and "500" in (broken["error"] or "")
    ok = [s for s in issue["sources"] if s["name"] != "Broken Outlet"]
    assert all(s["status"] == "ok" for s in ok), ok
    # … to the operator (issue.json above, the manifest, `digest status`), not to readers
    assert "Broken Outlet" not in (folder / "index.html").read_text(encoding="utf-8")
    # the summary-only feed's pages were followed over HTTP
    pacific = [a for a in issue["articles"] if a["source"] == "Pacific Circuit"]
    assert pacific

    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["fetched"] > 0 and manifest["config"]["sha256"]
    assert {"edit", "render", "publish"} <= set(manifest["timings"])

    before = _snapshot(out)
    second = digest_cli("run", "--config", str(config), "--period", PERIOD, "--out", str(out))
    assert second.returncode == 0, second.stderr
    assert "already built" in second.stdout
    assert _snapshot(out) == before

    # --force rebuilds the same bytes (deterministic output)
    forced = digest_cli("run", "--config", str(config), "--period", PERIOD, "--out", str(out),
                        "--force", "--no-fetch")
    assert forced.returncode == 0, forced.stderr
    assert _snapshot(out) == before

    db = sqlite3.connect(tmp_path / ".digest" / "digest.sqlite3")
    runs = [r[0] for r in db.execute("SELECT status FROM run ORDER BY id")]
    assert runs == ["ok", "noop", "ok"]


def test_config_typo_exits_2_with_one_line(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text("newsletter:\n  title: T\nsources:\n  - name: a\n    urll: x\n",
                    encoding="utf-8")
    result = digest_cli("run", "--config", str(path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and f"{path}:5: sources[0].urll: unknown key" in lines[0]
    assert "Traceback" not in result.stderr


def test_two_runs_at_once_one_waits_out_with_75(tmp_path: Path, sample_site: Site) -> None:
    sample_site.handler.slow_seconds = 1.5
    config = http_config(tmp_path, sample_site.base, extra_sources=(
        f"  - name: Slow Outlet\n    url: \"{sample_site.base}/slow/outlets/harbor-ledger/feed.xml\"\n"))
    cmd = [sys.executable, "-m", "digest", "run", "--config", str(config), "--period", PERIOD]
    env = {"PYTHONPATH": str(REPO), "NO_COLOR": "1", "PATH": "/usr/bin:/bin"}
    procs = [subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    results = [(p.returncode, err) for p in procs
               for _, err in [p.communicate(timeout=240)]]
    codes = sorted(code for code, _ in results)
    assert codes == [0, 75], results
    locked = next(err for code, err in results if code == 75)
    assert "another digest run holds the lock" in locked


@pytest.mark.parametrize("config_text", ["newsletter: {title: Quiet}\nsources: []\n"])
def test_quiet_week_without_sources(tmp_path: Path, config_text: str) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(config_text, encoding="utf-8")
    result = digest_cli("run", "--config", str(path), "--period", "2026-W10")
    assert result.returncode == 0, result.stderr
    issue = json.loads((tmp_path / "out" / "issues" / "2026-W10" / "issue.json").read_text())
    assert issue["stories"] == [] and issue["articles"] == []
