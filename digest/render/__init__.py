"""Render: an Issue → every file of its folder (web page, email HTML and text, Markdown, JSON).

Public API: `render_issue(issue, *, templates=None) -> Rendered` and `issue_to_dict(issue)`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from digest.models import Issue, Rendered
from digest.render.email_html import (
    EMAIL_BUDGET,
    fit_also,
    render_email_html,
    safe_unsubscribe,
    size,
)
from digest.render.environment import environment, markdown_html, render_template
from digest.render.serialize import dumps, issue_to_dict, newsletter_to_dict
from digest.render.urls import safe_url
from digest.render.view import build_view, shortened

__all__ = [
    "EMAIL_BUDGET",
    "build_view",
    "dumps",
    "environment",
    "issue_to_dict",
    "markdown_html",
    "newsletter_to_dict",
    "render_issue",
    "render_template",
    "safe_url",
]


def _view(data: dict[str, Any], newsletter: dict[str, Any], unsubscribe: str) -> dict[str, Any]:
    view = build_view(data, newsletter)
    view["unsubscribe"] = unsubscribe
    return view


def _tidy(text: str) -> str:
    """Collapse the blank-line runs Jinja's conditionals leave behind (text formats only)."""
    lines = [line.rstrip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


def _shorten_note(shown: int, total: int) -> str:
    return (f"Also this week shortened to fit the email: {shown} of {total} items shown; "
            "the web edition has the full list.")


def render_issue(issue: Issue, *, templates: Path | None = None,
                 unsubscribe: str | None = None) -> Rendered:
    """Render every file of the issue folder.

    `unsubscribe` (a URL or mailto:) adds an unsubscribe link to the email's footer;
    publish passes EmailSettings.unsubscribe so the email matches its List-Unsubscribe.
    """
    unsub = safe_unsubscribe(unsubscribe)
    data = issue_to_dict(issue)
    view = _view(data, newsletter_to_dict(issue.newsletter), unsub)
    email_html = render_email_html(view, templates=templates)
    email_view = view
    if size(email_html) > EMAIL_BUDGET and view["also_total"]:
        total = view["also_total"]
        # The note itself takes room, so size each candidate with the note already in it.
        # The view is built once: a candidate only cuts its "Also" list and adds the note.
        def candidate(n: int) -> tuple[dict[str, Any], str]:
            v = shortened(view, n, _shorten_note(n, total))
            return v, render_email_html(v, templates=templates)

        shown = fit_also(total - 1, lambda n: size(candidate(n)[1]) <= EMAIL_BUDGET)
        email_view, email_html = candidate(shown)
        note = _shorten_note(shown, total)
        data = {**data, "notes": [*data["notes"], note]}
        view = {**view, "notes": [*view["notes"], note]}  # the web page keeps the full list

    files = {
        "index.html": render_template("issue.html", view, templates=templates),
        "email.html": email_html,
        "email.txt": _tidy(render_template("email.txt", email_view, templates=templates)),
        "issue.md": _tidy(render_template("issue.md", view, templates=templates)),
        "issue.json": dumps(data),
    }
    return Rendered(key=issue.key, files=files)
