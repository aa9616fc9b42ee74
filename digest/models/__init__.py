"""The contracts between stages: frozen dataclasses, one per arrow of the pipeline.

    config ──Source, Newsletter──▶ fetch ──FetchResult(RawItem…)──▶ clean ──Article──▶ store
    store ──Article…──▶ edit ──Issue──▶ render ──Rendered──▶ publish ──Delivery──▶ store

Every datetime here is timezone-aware. Every tuple is immutable on purpose: a stage
never edits what it was handed, it returns a new value.

Each type lives in the module of the stage that makes it (`config`, `fetch` for fetch and
clean, `edit`, `publish` for render and publish); import them from `digest.models`. The edit
and publish types load with the first of them asked for (`__getattr__`): a `digest fetch`
needs none of them (their 16 dataclasses were ~6 ms of its start-up).
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .config import (
    EditorSettings,
    EmailSettings,
    FetchSettings,
    LLMSettings,
    Newsletter,
    Period,
    Source,
    SourceKind,
    TopicSection,
)
from .fetch import (
    Article,
    CleanedPage,
    FetchResult,
    FetchState,
    FetchStatus,
    ItemFailure,
    RawItem,
    Removal,
)

if TYPE_CHECKING:  # (loaded on first use: `__getattr__`)
    from .edit import (
        QA,
        ArticleState,
        ArticleStatus,
        Citation,
        Coverage,
        Earlier,
        Explainer,
        ExplainerMemory,
        Issue,
        Section,
        Sentence,
        SourceHealth,
        Story,
        StoryMemory,
    )
    from .publish import (
        Delivery,
        DeliveryStatus,
        Notification,
        OutputPaths,
        Rendered,
        Resend,
    )

__all__ = [
    "QA",
    "Article",
    "ArticleState",
    "ArticleStatus",
    "Citation",
    "CleanedPage",
    "Coverage",
    "Delivery",
    "DeliveryStatus",
    "Earlier",
    "EditorSettings",
    "EmailSettings",
    "Explainer",
    "ExplainerMemory",
    "FetchResult",
    "FetchSettings",
    "FetchState",
    "FetchStatus",
    "Issue",
    "ItemFailure",
    "LLMSettings",
    "Newsletter",
    "Notification",
    "OutputPaths",
    "Period",
    "RawItem",
    "Removal",
    "Rendered",
    "Resend",
    "Section",
    "Sentence",
    "Source",
    "SourceHealth",
    "SourceKind",
    "Story",
    "StoryMemory",
    "TopicSection",
]

_LAZY = {**{name: "edit" for name in ("QA", "ArticleState", "ArticleStatus", "Citation", "Coverage", "Earlier", "Explainer", "ExplainerMemory", "Issue", "Section", "Sentence", "SourceHealth", "Story", "StoryMemory")},
         **{name: "publish" for name in ("Delivery", "DeliveryStatus", "Notification", "OutputPaths", "Rendered", "Resend")}}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'digest.models' has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # (asked once)
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
