"""The `sections:`, `coverage:` and `continuity:` keys as loaded (their errors, with file, line
and key, are cases of test_core_config_validation.py)."""

from __future__ import annotations

from pathlib import Path

from digest.config import Config, load_config
from digest.models import TopicSection

T = "newsletter:\n  title: T\n"


def load_config_text(tmp_path: Path, text: str) -> Config:
    path = tmp_path / "sources.yaml"
    path.write_text(text, encoding="utf-8")
    return load_config(path)


def test_sections_coverage_and_continuity_load(tmp_path: Path) -> None:
    config = load_config_text(tmp_path, T + "coverage: false\ncontinuity: false\n"
                              "explainer_memory: 0\nsections:\n"
                              "  - name: Policy\n    topics: [AI policy, 人工智能]\n    max: 2\n"
                              "  - name: Everything else\n")
    assert config.newsletter.sections == (TopicSection("Policy", ("AI policy", "人工智能"), 2),
                                          TopicSection("Everything else"))
    assert config.newsletter.coverage is False and config.continuity is False
    assert config.explainer_memory == 0
    default = load_config_text(tmp_path, T)
    assert default.newsletter.sections == () and default.newsletter.coverage
    assert default.continuity and default.explainer_memory == 4
