from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

MINIMAL = """\
newsletter:
  title: Test Weekly
  timezone: Asia/Shanghai
  topics: [artificial intelligence]
sources:
  - name: One
    url: feeds/one.xml
"""


@pytest.fixture
def write_config(tmp_path: Path) -> Callable[[str], Path]:
    def write(text: str = MINIMAL) -> Path:
        path = tmp_path / "sources.yaml"
        path.write_text(text, encoding="utf-8")
        return path
    return write
