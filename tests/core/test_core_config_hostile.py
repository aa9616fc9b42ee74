"""Crash inputs the config fuzz target (tests/fuzz/test_fuzz_config.py) found, kept."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from digest.config import load_config
from digest.errors import ConfigError


@pytest.mark.parametrize("char", ["\x1f", "\x00", "\x7f", "\ufffe"])
def test_a_character_yaml_refuses_is_one_line_with_its_line(
        write_config: Callable[[str], Path], char: str) -> None:
    """PyYAML's ReaderError has no mark and a two-line message: the ConfigError had no line
    number and spanned two lines."""
    path = write_config(f"newsletter:\n  title: T\n  description: \"a{char}b\"\n")
    with pytest.raises(ConfigError) as caught:
        load_config(path)
    message = str(caught.value)
    assert "\n" not in message, message
    assert message.startswith(f"{path}:3: invalid YAML: unacceptable character #x"), message
