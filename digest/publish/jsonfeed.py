"""out/feed.json: the issues as a JSON Feed 1.1 (https://jsonfeed.org/version/1.1), beside Atom.

Built in Python, not from a template: JSON is data, and `json.dumps` is the only escaping that
is always right. The entries are the Atom feed's (the last 20 issues, the same rendered
`_feed_entry.html` content), sanitised once more here with an allowlist, since a user's theme
may print whatever it likes in that template and a feed reader shows `content_html` as HTML.
"""

from __future__ import annotations

import json
from typing import Any

import nh3

VERSION = "https://jsonfeed.org/version/1.1"
# What an entry's HTML may keep: the tags `_feed_entry.html` uses; links http(s) only.
_TAGS = {"p", "h2", "h3", "ul", "ol", "li", "a", "strong", "em", "br", "blockquote", "code", "span"}
# `lang` on any element: a Chinese story's parts in an English issue say so (`script.part_language`)
_ATTRS = {"a": {"href", "title"}, "*": {"lang"}}


def sanitize_entry(html: str) -> str:
    return nh3.clean(html, tags=_TAGS, attributes=_ATTRS, url_schemes={"http", "https"},
                     link_rel="noopener noreferrer")


def json_feed(context: dict[str, Any]) -> str:
    """The feed from the site context (`newsletter`, `json_feed_url`, `entries`)."""
    nl = context["newsletter"]
    feed: dict[str, Any] = {
        "version": VERSION,
        "title": nl["title"] or "digest",
        "home_page_url": nl["base_url"],
        "feed_url": context["json_feed_url"],
        "language": nl["language"],
    }
    if nl["description"]:
        feed["description"] = nl["description"]
    feed["authors"] = [{"name": nl["author"] or nl["title"] or "digest"}]
    feed["items"] = [{
        "id": e["id"],
        "url": e["url"],
        "title": e["title"],
        "content_html": sanitize_entry(e["content"]),
        "summary": e["description"],
        "date_published": e["date"],
        "date_modified": e["updated"],
        "language": e["newsletter"]["language"],
    } for e in context["entries"]]
    return json.dumps(feed, ensure_ascii=False, indent=2) + "\n"
