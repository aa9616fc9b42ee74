"""Fixtures for publish tests: the render tests' issue factory, a published out/ folder."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from digest.models import EmailSettings, Issue
from digest.publish import build_site, publish_issue
from digest.render import render_issue


def load_render_helper(stem: str) -> ModuleType:
    name = f"digest_tests_render_{stem}"
    if name in sys.modules:
        return sys.modules[name]
    path = Path(__file__).resolve().parents[1] / "render" / f"{stem}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


_factory = load_render_helper("issue_factory")


@pytest.fixture
def factory() -> ModuleType:
    return _factory


@pytest.fixture
def xss() -> ModuleType:
    return load_render_helper("xss_corpus")


@pytest.fixture
def issue() -> Issue:
    return _factory.make_issue()  # type: ignore[no-any-return]


@pytest.fixture
def email_settings() -> EmailSettings:
    return EmailSettings(from_addr="China AI Digest <digest@news.example.org>",
                         recipients=("ann@example.com", "bob@example.com"),
                         unsubscribe="https://news.example.org/unsubscribe?list=digest")


def publish(issue: Issue, out: Path, email: EmailSettings) -> Path:
    return publish_issue(render_issue(issue), out, issue=issue, email=email)


@pytest.fixture
def site(tmp_path: Path, issue: Issue, email_settings: EmailSettings) -> Path:
    """out/ with three weekly issues published and the site built."""
    out = tmp_path / "out"
    publish(issue, out, email_settings)
    for n, key in ((1, "2026-W09"), (2, "2026-W08")):
        publish(_factory.make_issue_for(key, -n), out, email_settings)
    build_site(out, issue.newsletter)
    return out
