"""Serialise a CleanedPage for the CLI: plain text, pretty JSON, or one JSON line."""

from __future__ import annotations

import json
from typing import Any

from digest.models import CleanedPage

FORMATS = ("text", "json", "jsonl")


def page_to_dict(page: CleanedPage, *, source: str | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {}
    if source is not None:
        data["source"] = source
    data.update({
        "title": page.title,
        "paragraphs": list(page.paragraphs),
        "author": page.author,
        "published": page.published.isoformat() if page.published else None,
        "canonical_url": page.canonical_url,
        "language": page.language,
        "image": page.image,
        "removed": [{"rule": r.rule, "text": r.text} for r in page.removed],
        "appended": [page_to_dict(a) for a in page.appended],
    })
    return data


def format_cleaned(page: CleanedPage, fmt: str, *, source: str | None = None) -> str:
    """text: the title line, a blank line, the paragraphs separated by blank lines (the main
    article only: an appended article is in the json/jsonl output); json: a pretty object;
    jsonl: one compact line."""
    if fmt == "text":
        return f"{page.title}\n\n" + "\n\n".join(page.paragraphs) + "\n"
    if fmt == "json":
        return json.dumps(page_to_dict(page, source=source), ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return json.dumps(page_to_dict(page, source=source), ensure_ascii=False,
                          separators=(",", ":")) + "\n"
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
