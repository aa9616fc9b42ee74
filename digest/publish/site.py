"""build_site: the static site's front page, Atom and JSON feeds and sitemap, from issue.json files.

The site is a pure function of out/issues/*/issue.json and the Newsletter: no clock, no
directory-listing order, no randomness — two builds give the same bytes. The files are all
rendered before the first one is written, and each is written atomically.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from digest.errors import PublishError
from digest.models import Newsletter
from digest.publish.files import clean_stale_entries, source_date_epoch, write_bytes
from digest.publish.jsonfeed import json_feed
from digest.render import build_view, newsletter_to_dict, render_template

FEED_ENTRIES = 20


def load_issues(out: Path) -> list[dict[str, Any]]:
    """Every published issue's data, newest first (by period end, then key)."""
    root = Path(out) / "issues"
    found = []
    if root.is_dir():
        for folder in sorted(root.iterdir()):
            if folder.name.startswith(".") or not (folder / "issue.json").is_file():
                continue  # temp/old folders of an interrupted publish
            path = folder / "issue.json"
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
                datetime.fromisoformat(data["period"]["end"])
                data["key"] = str(data["key"])
            except (OSError, ValueError, KeyError, TypeError) as exc:
                raise PublishError(f"{path}: not a valid issue.json: {exc}") from exc
            found.append(data)
    found.sort(key=lambda d: (datetime.fromisoformat(d["period"]["end"]), d["key"]),
               reverse=True)
    return found


def built_issues(out: Path) -> frozenset[str]:
    """The keys of the issues whose pages are in `out` (what a link within the site reaches)."""
    root = Path(out) / "issues"
    if not root.is_dir():
        return frozenset()
    return frozenset(f.name for f in root.iterdir()
                     if not f.name.startswith(".") and (f / "index.html").is_file())


def _tag_uri(base_url: str, start_iso: str, key: str) -> str:
    """tag: URI (RFC 4151) for an entry: survives a change of host layout or scheme."""
    parts = urlsplit(base_url)
    day = datetime.fromisoformat(start_iso).date().isoformat()
    return f"tag:{parts.hostname},{day}:{parts.path.rstrip('/')}/issues/{key}"


def _fallback_updated() -> str:
    epoch = source_date_epoch() or 0
    return datetime.fromtimestamp(epoch, UTC).isoformat()


def site_files(out: Path, newsletter: Newsletter, *,
               templates: Path | None = None) -> dict[str, str]:
    """The rendered site files (name → text), without writing anything."""
    nl = newsletter_to_dict(newsletter)
    views = []
    for data in load_issues(out):
        view = build_view(data, nl)
        view["path"] = f"issues/{view['key']}/"
        view["id"] = _tag_uri(view["newsletter"]["base_url"], view["start"], view["key"])
        views.append(view)
    if not views:
        meta = build_view({"key": "-", "period": {"start": "1970-01-01T00:00:00+00:00",
                                                  "end": "1970-01-02T00:00:00+00:00"}}, nl)
        first = meta
    else:
        first = views[0]
    common = {name: first[name] for name in ("newsletter", "feed_url", "json_feed_url", "words")}
    entries = views[:FEED_ENTRIES]
    for entry in entries:
        entry["content"] = render_template("_feed_entry.html", entry, templates=templates)
    updated = max((e["date"] for e in entries), key=datetime.fromisoformat,
                  default=_fallback_updated())
    context = {**common, "latest": views[0] if views else None, "issues": views,
               "entries": entries, "updated": updated}
    return {
        "index.html": render_template("home.html", context, templates=templates),
        "feed.xml": render_template("feed.xml", context, templates=templates),
        "feed.json": json_feed(context),
        "sitemap.xml": render_template("sitemap.xml", context, templates=templates),
        "favicon.svg": render_template("favicon.svg", context, templates=templates),
    }


def build_site(out: Path, newsletter: Newsletter, *, templates: Path | None = None) -> None:
    """Write out/index.html, feed.xml, feed.json, sitemap.xml and favicon.svg from every issue.

    Everything is rendered first; then each file is replaced atomically. Leftovers of killed
    runs in out/ and out/issues/ are cleared first (an issue folder caught between its two
    renames is put back, so the index lists it)."""
    out = Path(out)
    try:
        for folder in (out, out / "issues"):
            clean_stale_entries(folder)
    except OSError as exc:
        raise PublishError(f"cannot tidy {out}: {exc}") from exc
    files = site_files(out, newsletter, templates=templates)
    for name in sorted(files):
        write_bytes(out / name, files[name].encode("utf-8"))
