"""Publish: write an issue's folder, build the static site, send the email.

Public API: `publish_issue`, `build_site`, `send_issue` and the `DeliveryLog` protocol.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path

from digest.errors import PublishError
from digest.models import EmailSettings, Issue, OutputPaths, Rendered
from digest.publish.email import build_message, message_bytes
from digest.publish.files import replace_folder, write_bytes, write_text
from digest.publish.ledger import DeliveryLog
from digest.publish.site import (
    REVISION,
    build_site,
    built_issues,
    load_issues,
    revision,
    site_files,
)
from digest.publish.smtp import read_recipients, send_issue
from digest.render import render_issue

__all__ = [
    "DeliveryLog",
    "build_message",
    "build_site",
    "built_issues",
    "load_issues",
    "publish_issue",
    "read_recipients",
    "send_issue",
    "site_files",
    "write_bytes",
    "write_text",
]

_KEY = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def publish_issue(rendered: Rendered, out: Path, *, issue: Issue, email: EmailSettings,
                  templates: Path | None = None, now: datetime | None = None) -> Path:
    """Write out/issues/K/ (every rendered file plus issue.eml and revision.json) atomically;
    return the folder. `now` (default: the system clock) dates a revision: a rebuild whose
    feed entry differs from the one it replaces (site.revision).

    When EmailSettings.unsubscribe is set, the email parts are re-rendered with the
    unsubscribe link in their footer so the body matches the List-Unsubscribe header;
    the .eml's HTML part is always byte-identical to the email.html written beside it.
    """
    if not _KEY.match(rendered.key) or rendered.key != issue.key:
        raise PublishError(f"issue key {rendered.key!r} is not a safe folder name "
                           f"(or does not match the issue {issue.key!r})")
    files = dict(rendered.files)
    missing = {"email.html", "email.txt"} - files.keys()
    if missing:
        raise PublishError(f"issue {issue.key}: rendered files lack {', '.join(sorted(missing))}")
    if email.unsubscribe:
        again = render_issue(issue, templates=templates, unsubscribe=email.unsubscribe,
                             linked=built_issues(out))
        files["email.html"] = again.files["email.html"]
        files["email.txt"] = again.files["email.txt"]
    msg = build_message(issue, html=files["email.html"], text=files["email.txt"], email=email)
    blobs = {name: text.encode("utf-8") for name, text in files.items()}
    blobs["issue.eml"] = message_bytes(msg)
    folder = OutputPaths(Path(out)).issue_dir(issue.key)
    blobs[REVISION] = revision(folder, files["issue.json"], issue.newsletter,
                               now or datetime.now(UTC), templates=templates).encode("utf-8")
    return replace_folder(folder, blobs)
