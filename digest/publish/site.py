"""build_site: the static site's front page, Atom and JSON feeds and sitemap, from issue.json files.

The site is a pure function of out/issues/*/{issue.json,revision.json} and the Newsletter: no
clock, no directory-listing order, no randomness — two builds give the same bytes. The files
are all rendered before the first one is written, and each is written atomically.

An entry's `updated` is when what a feed reader shows of it last changed (`revision`): the
period's end at first, the time of the rebuild that changed it after that (a reader re-shows
an entry only when its `updated` moves). publish_issue writes it to revision.json with the
entry's fingerprint, so a rebuild that changes nothing keeps it and every byte.
"""

from __future__ import annotations

import hashlib
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


REVISION = "revision.json"


def _entry_view(data: dict[str, Any], nl: dict[str, Any],
                linked: frozenset[str] | None = None) -> dict[str, Any]:
    view = build_view(data, nl, linked=linked)
    view["path"] = f"issues/{view['key']}/"
    view["id"] = _tag_uri(view["newsletter"]["base_url"], view["start"], view["key"])
    return view


def _content(view: dict[str, Any], templates: Path | None) -> str:
    return render_template("_feed_entry.html", view, templates=templates)


def _fingerprint(view: dict[str, Any], content: str) -> str:
    """What a feed reader shows of an entry, hashed: its title, summary and content."""
    shown = json.dumps([view["title"], view["description"], content], ensure_ascii=False)
    return hashlib.sha256(shown.encode("utf-8")).hexdigest()


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def revision(folder: Path, issue_json: str, newsletter: Newsletter, now: datetime, *,
             templates: Path | None = None) -> str:
    """The revision.json of an issue about to replace `folder`: the fingerprint of its feed
    entry and when that last changed: the previous revision's time while the fingerprint is
    the same (or the period's end for a first build), else `now` (never before the period's
    end). A folder from before revisions is compared by its issue.json."""
    nl = newsletter_to_dict(newsletter)
    view = _entry_view(json.loads(issue_json), nl)
    fingerprint = _fingerprint(view, _content(view, templates))
    end = datetime.fromisoformat(view["date"])
    old = _read_json(folder / REVISION)
    if old is None:
        before = _read_json(folder / "issue.json")
        try:
            old_view = _entry_view(before, nl) if before is not None else None
        except (KeyError, TypeError, ValueError):  # an unreadable old issue: a first build
            old_view = None
        if old_view is not None:
            old = {"sha256": _fingerprint(old_view, _content(old_view, templates)),
                   "updated": view["date"]}
    if old is not None and old.get("sha256") == fingerprint and old.get("updated"):
        updated = str(old["updated"])
    elif old is None:
        updated = view["date"]
    else:
        updated = max(now.astimezone(end.tzinfo), end).isoformat()
    return json.dumps({"sha256": fingerprint, "updated": updated}, indent=2,
                      sort_keys=True) + "\n"


def _updated(out: Path, view: dict[str, Any]) -> str:
    """The entry's `updated`: its revision's, never before its period's end."""
    found = _read_json(Path(out) / "issues" / view["key"] / REVISION) or {}
    try:
        when = datetime.fromisoformat(str(found.get("updated")))
    except ValueError:
        return str(view["date"])
    return when.isoformat() if when > datetime.fromisoformat(view["date"]) else view["date"]


def site_files(out: Path, newsletter: Newsletter, *,
               templates: Path | None = None) -> dict[str, str]:
    """The rendered site files (name → text), without writing anything."""
    nl = newsletter_to_dict(newsletter)
    views = []
    issues = load_issues(out)
    linked = frozenset(data["key"] for data in issues)  # the front page's "Follows" links
    for data in issues:
        view = _entry_view(data, nl, linked)
        view["updated"] = _updated(out, view)
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
        entry["content"] = _content(entry, templates)
    updated = max((e["updated"] for e in entries), key=datetime.fromisoformat,
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
