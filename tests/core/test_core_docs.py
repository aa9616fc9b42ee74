"""Docs that tests keep from drifting: the README names every command and every config key."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from pydantic import BaseModel

from digest.cli import _parser
from digest.configschema import ConfigModel

README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")


def _commands(parser: argparse.ArgumentParser, prefix: str = "digest") -> list[str]:
    out: list[str] = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                out.append(f"{prefix} {name}")
                out.extend(_commands(sub, f"{prefix} {name}"))
    return out


def test_readme_documents_every_command() -> None:
    missing = [c for c in _commands(_parser()) if c not in README]
    assert missing == [], f"README.md does not mention: {missing}"


def _keys(model: type[BaseModel]) -> set[str]:
    keys: set[str] = set()
    for name, field in model.model_fields.items():
        keys.add(field.alias or name)
        for arg in (field.annotation, *getattr(field.annotation, "__args__", ())):
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                keys |= _keys(arg)
    return keys


def test_readme_documents_every_config_key() -> None:
    block = README[README.index("## Configuration"):]
    block = block[block.index("```yaml"):]
    block = block[:block.index("```\n", 7)]
    documented = set(re.findall(r"^\s*-?\s*([a-z_]+):", block, flags=re.M))
    missing = _keys(ConfigModel) - documented
    assert missing == set(), f"README.md's sources.yaml example lacks: {sorted(missing)}"
