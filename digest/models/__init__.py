"""The contracts between stages: frozen dataclasses, one per arrow of the pipeline.

    config ──Source, Newsletter──▶ fetch ──FetchResult(RawItem…)──▶ clean ──Article──▶ store
    store ──Article…──▶ edit ──Issue──▶ render ──Rendered──▶ publish ──Delivery──▶ store

Every datetime here is timezone-aware. Every tuple is immutable on purpose: a stage
never edits what it was handed, it returns a new value.

Each type lives in the module of the stage that makes it (`config`, `fetch` for fetch and
clean, `edit`, `publish` for render and publish); import them from `digest.models`.
"""

from __future__ import annotations

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
