"""issue.json: the Issue as plain JSON-ready data.

This is the machine-readable record of an issue (what was printed, from which articles, and
how every source fared). The static site is rebuilt from these files alone, so everything a
template needs must be here. Values are kept as the pipeline produced them (URLs included):
sanitising is the job of whatever turns this data into markup.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from digest.models import (
    QA,
    ArticleStatus,
    Citation,
    Coverage,
    Earlier,
    Explainer,
    Issue,
    Newsletter,
    Sentence,
    SourceHealth,
    Story,
)
from digest.sentences import join_sentences

SCHEMA_VERSION = 1


def _dt(value: datetime | None) -> str | None:
    # Every datetime in the models is aware; isoformat() then carries the offset.
    return value.isoformat() if value is not None else None


def _sentence(s: Sentence) -> dict[str, Any]:
    return {"text": s.text, "sources": list(s.sources)}


def _citation(c: Citation) -> dict[str, Any]:
    return {"url": c.url, "title": c.title, "source": c.source, "published": _dt(c.published)}


def _story(s: Story) -> dict[str, Any]:
    return {
        "rank": s.rank,
        "section": s.section,
        "headline": s.headline,
        "summary": s.summary,
        "sentences": [_sentence(x) for x in s.sentences],
        "articles": [_citation(c) for c in s.articles],
        "score": round(float(s.score), 6),
        "why": s.why,
        "topic": s.topic,
        "previous": _earlier(s.previous),
        "coverage": _coverage(s.coverage),
        "anchors": list(s.anchors),
    }


def _earlier(e: Earlier | None) -> dict[str, Any] | None:
    return None if e is None else {"issue": e.issue, "rank": e.rank, "headline": e.headline}


def _coverage(c: Coverage) -> dict[str, Any]:
    return {"outlets": list(c.outlets), "first": _dt(c.first), "latest": _dt(c.latest),
            "single_outlet": c.single}


def _qa(q: QA) -> dict[str, Any]:
    return {
        "question": q.question,
        "answer": q.text,
        "sources": list(q.sources),
        "sentences": [_sentence(x) for x in q.answer],
    }


def _explainer(e: Explainer | None) -> dict[str, Any] | None:
    if e is None:
        return None
    return {
        "entity": e.entity,
        "aliases": list(e.aliases),
        "why": e.why,
        "qa": [_qa(q) for q in e.qa],
    }


def _article(a: ArticleStatus) -> dict[str, Any]:
    return {
        "url": a.url,
        "title": a.title,
        "source": a.source,
        "published": _dt(a.published),
        "language": a.language,
        "status": a.status,
        "duplicate_of": a.duplicate_of,
        "story": a.story,
        "reason": a.reason,
    }


def _source(h: SourceHealth) -> dict[str, Any]:
    return {
        "name": h.name,
        "url": h.url,
        "status": h.status,
        "error": h.error,
        "items": h.items,
        "new_items": h.new_items,
        "http_status": h.http_status,
        "consecutive_failures": h.consecutive_failures,
        "seconds": round(float(h.seconds), 3),
    }


def newsletter_to_dict(n: Newsletter) -> dict[str, Any]:
    return {
        "title": n.title,
        "description": n.description,
        "topics": list(n.topics),
        "timezone": n.timezone,
        "base_url": n.base_url,
        "language": n.language,
        "author": n.author,
        "operator_footer": n.operator_footer,
        "coverage": n.coverage,
        # the config's own words for the issue's furniture, only when it sets any
        **({"labels": dict(n.labels)} if n.labels else {}),
    }


def issue_to_dict(issue: Issue) -> dict[str, Any]:
    """The Issue as JSON-ready data (the issue.json schema; see docs/issue-json.md)."""
    return {
        "schema": SCHEMA_VERSION,
        "key": issue.key,
        "title": issue.title,
        "period": {"start": _dt(issue.period.start), "end": _dt(issue.period.end)},
        "newsletter": newsletter_to_dict(issue.newsletter),
        "intro": issue.intro,
        "editor": issue.editor,
        "notes": list(issue.notes),
        "previous": issue.previous,
        "stories": [_story(s) for s in issue.stories],
        "tldr": join_sentences([s.text for s in issue.tldr]),
        "tldr_sentences": [_sentence(s) for s in issue.tldr],
        "explainer": _explainer(issue.explainer),
        "explainer_note": issue.explainer_note,
        "articles": [_article(a) for a in issue.articles],
        "sources": [_source(h) for h in issue.sources],
    }


def dumps(data: dict[str, Any]) -> str:
    """Deterministic JSON text: same data, same bytes (UTF-8, no ASCII escaping of CJK)."""
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n"
