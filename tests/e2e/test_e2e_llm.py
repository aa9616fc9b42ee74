"""`digest run` with an `llm:` endpoint that hangs: the whole command, through the real CLI."""

from __future__ import annotations

import json
import time
from pathlib import Path

from llmserver import serve

from .conftest import PERIOD, Site, digest_cli, http_config


def test_a_hanging_llm_endpoint_costs_one_timeout_and_one_warning(
        tmp_path: Path, sample_site: Site) -> None:
    with serve() as (url, state):
        state.mode = "hang"
        config = http_config(tmp_path, sample_site.base, extra=(
            f"llm:\n  base_url: {url}\n  model: tiny\n  timeout: 0.5\n  retries: 1\n"))
        started = time.monotonic()
        run = digest_cli("run", "--config", str(config), "--period", PERIOD, "--no-send")
        took = time.monotonic() - started
        calls = state.calls
    assert run.returncode == 0, run.stderr
    assert calls == 2, calls  # the first item and its retry: every item had both (14)
    assert took < 30
    warned = [line for line in run.stderr.splitlines() if "WARNING: LLM" in line]
    assert warned == [f"digest: WARNING: LLM tiny at {url}: timed out after 0.5s (2 attempts); "
                      "the rest of the issue is written offline"], run.stderr
    folder = tmp_path / "out" / "issues" / PERIOD
    issue = json.loads((folder / "issue.json").read_text(encoding="utf-8"))
    assert issue["editor"] == "offline"
    assert [n for n in issue["notes"] if "LLM" in n][1:] == [
        "LLM not asked for the 6 items after that: the endpoint is unavailable; offline "
        "text kept"], issue["notes"]
    for name in ("index.html", "email.html", "email.txt", "issue.md"):
        assert "LLM" not in (folder / name).read_text(encoding="utf-8"), name
    status = digest_cli("status", "--config", str(config))
    assert "note: story 1: LLM output not used (timed out after 0.5s (2 attempts))" \
        in status.stdout, status.stdout


def test_explainer_answers_are_matched_to_questions_the_model_echoed_in_its_own_way(
        tmp_path: Path, sample_site: Site) -> None:
    # The answers were looked up by the question exactly as asked: a model echoing "WHO'S IN
    # IT ?" (or "What’s next?" for "What's next?") had every answer dropped ("the JSON lacks
    # sentences (TypeError)").
    with serve() as (url, state):
        state.mode = "reworded"
        config = http_config(tmp_path, sample_site.base, extra=(
            f"llm:\n  base_url: {url}\n  model: tiny\n  timeout: 5\n  retries: 0\n"))
        run = digest_cli("run", "--config", str(config), "--period", PERIOD, "--no-send")
    assert run.returncode == 0, run.stderr
    issue = json.loads((tmp_path / "out" / "issues" / PERIOD / "issue.json")
                       .read_text(encoding="utf-8"))
    asked = len(issue["explainer"]["qa"])
    assert asked >= 2
    assert f"Explainer ({asked} of {asked} answers)" in issue["notes"][-1], issue["notes"]
