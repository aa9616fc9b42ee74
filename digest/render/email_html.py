"""email.html: render, inline the CSS, and keep the message under Gmail's clipping size.

Gmail clips messages over ~102 KB and hides the rest behind "View entire message" — the
unsubscribe footer goes first. We budget 100 KB for the HTML part; when a huge week would
exceed it, the "Also this week" list (the least important part) is shortened first; only
when that is not enough do the last featured stories go to the web edition (the first always
stays), and the issue says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import css_inline

from digest.addresses import MAILTO
from digest.errors import RenderError
from digest.render.environment import render_template
from digest.render.urls import safe_url

EMAIL_BUDGET = 100_000  # bytes of UTF-8 HTML

# keep_at_rules: @media blocks (dark mode, mobile) cannot be inlined, so they stay in a
# <style> element while every plain rule moves into style="" attributes (Outlook, Gmail
# app without media-query support). Remote stylesheets are never fetched.
_INLINER = css_inline.CSSInliner(keep_at_rules=True, load_remote_stylesheets=False,
                                 keep_link_tags=False)
_DOCTYPE = re.compile(r"^\s*<!DOCTYPE[^>]*>", re.IGNORECASE)


def safe_unsubscribe(value: str | None) -> str:
    """The unsubscribe target when it is an http(s) URL or a plain mailto:, else ""."""
    if not value:
        return ""
    if value.lower().startswith("mailto:"):
        return value if MAILTO.match(value) else ""
    return safe_url(value)


def inline_css(html: str) -> str:
    try:
        inlined = str(_INLINER.inline(html))
    except ValueError as exc:  # css_inline raises InlineError, a ValueError subclass
        raise RenderError(f"email.html: CSS inlining failed: {exc}") from exc
    # css-inline re-serialises the document and may drop the doctype, which pushes
    # Outlook and some webmail into quirks mode; put back the template's own.
    doctype = _DOCTYPE.match(html)
    if doctype and not _DOCTYPE.match(inlined):
        inlined = doctype.group(0).strip() + "\n" + inlined
    return inlined if inlined.endswith("\n") else inlined + "\n"


def render_email_html(view: dict[str, Any], *, templates: Path | None = None) -> str:
    return inline_css(render_template("email.html", view, templates=templates))


def size(html: str) -> int:
    return len(html.encode("utf-8"))


def fit_also(total: int, fits: Callable[[int], bool]) -> int:
    """The largest n in [0, total] with fits(n) (fits is monotone: fewer items, smaller).

    Doubling from 1 first, then halving the gap: each try renders an e-mail of n items, so
    the tries stay near the answer (a few dozen items) however long the full list is."""
    lo, hi = 0, total
    step = 1
    while lo + step <= hi:  # lo fits; find an upper bound that does not
        if not fits(lo + step):
            hi = lo + step - 1
            break
        lo += step
        step *= 2
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if fits(mid):
            lo = mid
        else:
            hi = mid - 1
    return lo
