"""Fixtures for render tests: a realistic issue (see issue_factory.py)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from digest.models import Issue


def load_helper(stem: str) -> ModuleType:
    """A helper module of this folder, by path (--import-mode=importlib: not a package)."""
    name = f"digest_tests_render_{stem}"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(f"{stem}.py"))
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


_factory = load_helper("issue_factory")


@pytest.fixture
def factory() -> ModuleType:
    return _factory


@pytest.fixture
def xss() -> ModuleType:
    return load_helper("xss_corpus")


@pytest.fixture
def issue() -> Issue:
    return _factory.make_issue()  # type: ignore[no-any-return]


@pytest.fixture
def quiet_issue() -> Issue:
    return _factory.make_quiet_issue()  # type: ignore[no-any-return]
