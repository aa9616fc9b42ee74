"""Render: an Issue → every file of its folder (web page, email HTML and text, Markdown, JSON).

Public API: `render_issue(issue, *, templates=None) -> Rendered` and `issue_to_dict(issue)`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
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


def _view(data: dict[str, Any], newsletter: dict[str, Any], unsubscribe: str,
          linked: Collection[str] | None) -> dict[str, Any]:
    view = build_view(data, newsletter, linked=linked)
    view["unsubscribe"] = unsubscribe
    return view


def _tidy(text: str) -> str:
    """Collapse the blank-line runs Jinja's conditionals leave behind (text formats only)."""
    lines = [line.rstrip() for line in text.splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n") + "\n"


def _shorten_note(shown: int, total: int) -> str:
    return (f"Also this week shortened to fit the email: {shown} of {total} items shown; "
            "the web edition has the full list.")


def _featured_note(shown: int, total: int) -> str:
    return (f"In Our Feeds shortened to fit the email: {shown} of {total} stories shown; "
            "the web edition has them all.")


def _fit_email(view: dict[str, Any], email_html: str,
               render: Callable[[dict[str, Any]], str]) -> tuple[dict[str, Any], str, list[str]]:
    """The e-mail's view and HTML within EMAIL_BUDGET, and the notes saying what was cut.

    "Also this week" (the least important part) is shortened first; only when the email is
    still too big without any of it are the last featured stories left to the web edition
    (the first is always kept). Each candidate is sized with its notes already in it."""
    if size(email_html) <= EMAIL_BUDGET:
        return view, email_html, []
    total = view["also_total"]
    if total:
        def also(n: int) -> tuple[dict[str, Any], str]:
            v = shortened(view, n, [_shorten_note(n, total)])
            return v, render(v)

        shown = fit_also(total - 1, lambda n: size(also(n)[1]) <= EMAIL_BUDGET)
        fitted, html = also(shown)
        if size(html) <= EMAIL_BUDGET:
            return fitted, html, [_shorten_note(shown, total)]
    stories = len(view["featured"])
    if stories < 2:
        return view, email_html, []

    def featured(n: int) -> tuple[dict[str, Any], str, list[str]]:
        notes = [_shorten_note(0, total)] if total else []
        notes.append(_featured_note(n, stories))
        v = shortened(view, 0, notes, featured=n)
        return v, render(v), notes

    kept = 1 + fit_also(stories - 2, lambda n: size(featured(n + 1)[1]) <= EMAIL_BUDGET)
    return featured(kept)


def render_issue(issue: Issue, *, templates: Path | None = None,
                 unsubscribe: str | None = None,
                 linked: Collection[str] | None = None) -> Rendered:
    """Render every file of the issue folder.

    `unsubscribe` (a URL or mailto:) adds an unsubscribe link to the email's footer;
    publish passes EmailSettings.unsubscribe so the email matches its List-Unsubscribe.
    `linked`: the earlier issues an update's "Follows …" may link to (the ones in the site
    this issue joins, `publish.built_issues`); None links every one.
    """
    unsub = safe_unsubscribe(unsubscribe)
    data = issue_to_dict(issue)
    view = _view(data, newsletter_to_dict(issue.newsletter), unsub, linked)
    email_view, email_html, cut = _fit_email(
        view, render_email_html(view, templates=templates),
        lambda v: render_email_html(v, templates=templates))
    if cut:  # the web page keeps the whole issue, with the notes
        data = {**data, "notes": [*data["notes"], *cut]}
        view = {**view, "notes": [*view["notes"], *cut]}

    files = {
        "index.html": render_template("issue.html", view, templates=templates),
        "email.html": email_html,
        "email.txt": _tidy(render_template("email.txt", email_view, templates=templates)),
        "issue.md": _tidy(render_template("issue.md", view, templates=templates)),
        "issue.json": dumps(data),
    }
    return Rendered(key=issue.key, files=files)
