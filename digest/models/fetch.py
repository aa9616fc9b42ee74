"""What fetch hands to clean, and clean to the store: items, failures, articles."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

from .config import Source

# "skipped": not asked on purpose (disabled after 410 Gone, or waiting out a Retry-After)
FetchStatus = Literal["ok", "not_modified", "skipped", "error"]

# The password of a URL's user part (`imaps://me:secret@host/`, `https://me:secret@host/`)
_PASSWORD = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://[^/?#@:\s]*):[^/?#@\s]*@")


def redacted(text: str) -> str:
    """`text` (a URL, or a line naming URLs) with every URL's password as `***`: a source's
    health and the run's manifest are published with the issue (issue.json, manifest.json),
    and a password written in a source's URL was printed there as written."""
    return _PASSWORD.sub(r"\1:***@", text) if "@" in text else text


@dataclass(frozen=True)
class FetchState:
    """What the store remembers about a source between runs."""

    source: str  # Source.name
    url: str  # current URL: a permanent redirect replaces the configured one
    etag: str | None = None
    last_modified: str | None = None
    not_before: datetime | None = None  # Retry-After: do not ask before this
    failures: int = 0  # consecutive failures
    disabled: bool = False  # 410 Gone
    last_status: FetchStatus | None = None
    last_error: str | None = None
    last_http_status: int | None = None
    # The configured URL this state was reached from (the store writes the result's source
    # URL): a state stored under another one is not the source's any more (runner.current).
    # None for a state stored before session 42.
    configured: str | None = None


@dataclass(frozen=True)
class RawItem:
    """One entry as fetched, before cleaning."""

    source: str  # Source.name
    guid: str  # feed GUID, else the URL, else a hash of title+content
    url: str  # absolute link to the article
    title: str
    content: str  # HTML (content_type "html") or plain text ("text")
    content_type: Literal["html", "text"] = "html"
    published: datetime | None = None  # None when unknown or untrustworthy
    author: str | None = None
    canonical_url: str | None = None
    summary: str = ""  # the feed's own summary, when it had one
    # What the run's finisher (`collect`: cleaning) made of the item in the worker process
    # that parsed its feed (its articles, or what cleaning raised), None when it was not
    # finished there. A finished item travels without its content and summary.
    finished: object = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class ItemFailure:
    """An entry the fetch stage could not turn into a RawItem (a bug, or an input nobody
    foresaw). The rest of its source is unaffected; the issue lists it as `failed`."""

    url: str
    title: str
    reason: str  # one line


@dataclass(frozen=True)
class FetchResult:
    """A source's fetch outcome. A failure is a value here, never an exception."""

    source: Source
    status: FetchStatus
    state: FetchState  # the state to store for next time
    items: tuple[RawItem, ...] = ()
    http_status: int | None = None
    error: str | None = None  # one line, for people
    seconds: float = 0.0
    failed: tuple[ItemFailure, ...] = ()  # entries that could not be read
    title: str | None = None  # the feed's name for itself (`digest sources add` names by it)


# ── clean ────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Removal:
    """A block the cleaner dropped, and the rule family that dropped it."""

    rule: str  # e.g. "ticker", "promo", "tag_row", "syndication"
    text: str  # the dropped text (trimmed), for the manifest and debugging


@dataclass(frozen=True)
class CleanedPage:
    """The cleaner's output for one page or text."""

    title: str
    paragraphs: tuple[str, ...]
    author: str | None = None
    published: datetime | None = None
    canonical_url: str | None = None
    language: str | None = None  # ISO 639-1, e.g. "en", "zh"
    image: str | None = None  # lead image URL
    removed: tuple[Removal, ...] = ()
    # a second article the page glued under the main one, split out (never merged)
    appended: tuple[CleanedPage, ...] = ()

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


@dataclass(frozen=True)
class Article:
    """A cleaned article, as stored and as handed to the editor."""

    source: str  # Source.name
    guid: str
    url: str
    title: str
    paragraphs: tuple[str, ...]
    published: datetime  # aware; falls back to first_seen when unknown
    first_seen: datetime
    content_hash: str  # sha256 of the normalised body
    canonical_url: str | None = None
    author: str | None = None
    language: str = "en"
    image: str | None = None
    removed: tuple[Removal, ...] = ()
    id: int | None = None  # store row id, once stored

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)
