"""digest: turn a list of sources into a finished newsletter issue.

The library API (the CLI is a thin layer over it):

    from digest import load_config, run, periods
    config = load_config("sources.yaml")
    report = run(config, periods.week("2026-W10", config.newsletter.timezone))

The configuration and pipeline functions are imported lazily, so `import digest.clean` (say)
does not pull in every stage, and `digest --help` does not load pydantic.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from . import periods
from .errors import DigestError
from .models import Article, Period, Source

if TYPE_CHECKING:
    from .config import Config, load_config
    from .models import Issue, Story

__version__ = "0.1.0"
__all__ = [
    "Article", "Config", "DigestError", "Issue", "Period", "Source", "Story", "build", "collect",
    "load_config", "open_store", "periods", "probe", "run", "send",
]

_LAZY = {"build", "collect", "probe", "run", "send"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from . import pipeline

        return getattr(pipeline, name)
    if name in ("Config", "load_config"):
        from . import config

        return getattr(config, name)
    if name in ("Issue", "Story"):  # (the edit models: not for a fetch)
        from . import models

        return getattr(models, name)
    if name == "open_store":
        from .store import open_store

        return open_store
    raise AttributeError(f"module 'digest' has no attribute {name!r}")
