"""The contracts between stages: frozen dataclasses, one per arrow of the pipeline.

    config ──Source, Newsletter──▶ fetch ──FetchResult(RawItem…)──▶ clean ──Article──▶ store
    store ──Article…──▶ edit ──Issue──▶ render ──Rendered──▶ publish ──Delivery──▶ store

Every datetime here is timezone-aware. Every tuple is immutable on purpose: a stage
never edits what it was handed, it returns a new value.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Literal

SourceKind = Literal["auto", "feed", "page", "sitemap", "opml", "mailbox"]
# "skipped": not asked on purpose (disabled after 410 Gone, or waiting out a Retry-After)
FetchStatus = Literal["ok", "not_modified", "skipped", "error"]
# "repeat": an earlier issue printed it already (continuity: digest/edit/continuity/)
ArticleState = Literal["used", "duplicate", "off_topic", "out_of_window", "repeat", "failed"]
Section = Literal["in_our_feeds", "also"]


# ── configuration values handed to stages ────────────────────────────────────


@dataclass(frozen=True)
class Source:
    """One configured source."""

    name: str  # unique, human-readable; the key of its fetch state
    url: str  # http(s) URL, or an absolute local path (config resolves relative ones)
    kind: SourceKind = "auto"
    include: tuple[str, ...] = ()  # keywords: an article must match one (when set)
    exclude: tuple[str, ...] = ()  # keywords: an article matching one is off-topic
    selector: str | None = None  # CSS selector for article links on a `page` listing
    newsletter: bool = False  # an email newsletter: strip greeting/sign-off furniture
    full_text: bool = True  # follow entry links when a feed carries only a summary


@dataclass(frozen=True)
class Newsletter:
    """What the issue is and who it is for."""

    title: str
    description: str = ""
    topics: tuple[str, ...] = ()  # phrases that define what is on-topic
    timezone: str = "UTC"  # IANA name; issue periods are computed in this zone
    max_stories: int = 5  # stories in "In Our Feeds"
    base_url: str = "https://example.org/digest/"  # ends with "/"
    language: str = "en"
    author: str = ""  # the editor's name, for the byline and feed
    # Print the operator's lines (source health, editor notes) under the issue. Off: readers
    # see the issue only; the lines stay in issue.json, the manifest and `digest status`.
    operator_footer: bool = False
    # Short by design (quiet.py): fewer stories than this make a quiet week, said in one line;
    # with send_empty False a quiet week is published on the site but sent to nobody.
    min_stories: int = 1
    send_empty: bool = True
    # The config's `sections` and `coverage`:
    sections: tuple[TopicSection, ...] = ()  # "In Our Feeds" by section; () is one section
    coverage: bool = True  # the reader's copy says who covered each story, and when


@dataclass(frozen=True)
class TopicSection:
    """A section of "In Our Feeds": the stories its topic phrases match best."""

    name: str
    topics: tuple[str, ...] = ()  # none: every story no other section takes
    max: int | None = None  # featured stories it may hold (the rest go to "Also this week")


@dataclass(frozen=True)
class FetchSettings:
    user_agent: str = "digest/0.1 (+https://github.com/digest-news/digest)"
    concurrency: int = 32  # requests in flight, all hosts
    per_host: int = 4  # requests in flight per host
    per_host_delay: float = 0.0  # seconds between two requests to one host
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0  # per request, all retries included
    max_bytes: int = 10 * 1024 * 1024  # response cap, enforced while streaming
    max_redirects: int = 5
    retries: int = 2  # extra attempts for transient errors
    max_items: int = 200  # per source and fetch
    parse_timeout: float = 15.0  # seconds one document may take to parse (in a worker)


@dataclass(frozen=True)
class LLMSettings:
    """An OpenAI-compatible chat endpoint. Absent from the config: nothing calls any network."""

    base_url: str  # e.g. http://127.0.0.1:11434/v1
    model: str
    api_key_env: str = "DIGEST_LLM_API_KEY"  # name of the environment variable holding the key
    token_budget: int = 20000  # per issue; stories past it stay extractive
    timeout: float = 60.0
    retries: int = 2
    cache_dir: Path | None = None  # responses cached by content hash; None: next to the database


@dataclass(frozen=True)
class EditorSettings:
    """How the offline editor works. Every option is an optional upgrade; the default needs
    nothing beyond the base install."""

    # Cluster stories with sentence embeddings (all-MiniLM-L6-v2, the `embeddings` extra).
    # Requested but not installed: the issue is clustered without them and says so in its notes.
    embeddings: bool = False
    # The similarity at which two reports are one story; None: the default for the
    # representation (digest/edit/group/stories.py). Benchmarks sweep it; users rarely need it.
    story_threshold: float | None = None
    # A story paragraph's length in words, (at least, at most): the least is reached when the
    # story has that much to say; the most is never passed (a sentence is never cut).
    paragraph_words: tuple[int, int] = (60, 130)


@dataclass(frozen=True)
class EmailSettings:
    """Who the issue is from and to, and how to reach the SMTP server."""

    from_addr: str = "digest@example.org"
    recipients: tuple[str, ...] = ()
    recipients_file: Path | None = None  # one address a line; '#' comments
    unsubscribe: str | None = None  # URL or mailto: for List-Unsubscribe
    smtp_host: str = "localhost"
    smtp_port: int = 587
    security: Literal["starttls", "tls", "none"] = "starttls"
    username_env: str = "DIGEST_SMTP_USER"  # environment variable names, never the secrets
    password_env: str = "DIGEST_SMTP_PASSWORD"
    timeout: float = 30.0


@dataclass(frozen=True)
class Period:
    """An issue's time window, [start, end), in the newsletter's timezone."""

    key: str  # "2026-W10" for ISO weeks; "2026-03-02_2026-03-09" for custom ranges
    start: datetime
    end: datetime

    def contains(self, when: datetime) -> bool:
        return self.start <= when < self.end


# ── fetch ────────────────────────────────────────────────────────────────────


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


# ── edit ─────────────────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Citation:
    url: str
    title: str
    source: str  # Source.name (the outlet)
    published: datetime | None = None


@dataclass(frozen=True)
class Sentence:
    """A sentence we print, and the source URLs it comes from (grounding)."""

    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Earlier:
    """The story of an earlier, published issue that a story follows up."""

    issue: str  # the earlier issue's key
    rank: int  # the story's rank there (its anchor on the issue page: #story-<rank>)
    headline: str


@dataclass(frozen=True)
class Coverage:
    """Who covered a story and when: derived from its articles, never stored apart."""

    outlets: tuple[str, ...]  # distinct sources, in order of their first report
    first: datetime | None
    latest: datetime | None

    @property
    def single(self) -> bool:
        """Only one outlet carried it."""
        return len(self.outlets) == 1


@dataclass(frozen=True)
class Story:
    rank: int  # 1-based, over every story of the period
    section: Section
    headline: str
    sentences: tuple[Sentence, ...]  # the summary paragraph, sentence by sentence
    articles: tuple[Citation, ...]  # every article of the story (duplicates included)
    score: float = 0.0
    why: str = ""  # how the rank was decided, for issue.json
    previous: Earlier | None = None  # an update: the earlier issue's story it follows up
    anchors: tuple[str, ...] = ()  # its event anchors (names, numbers, identifiers): remembered
    topic: str | None = None  # its section of "In Our Feeds" (config `sections`), if any

    @property
    def summary(self) -> str:
        return " ".join(s.text for s in self.sentences)

    @property
    def coverage(self) -> Coverage:
        dated = sorted((c for c in self.articles if c.published is not None),
                       key=lambda c: c.published or datetime.min)
        outlets = dict.fromkeys(c.source for c in (*dated, *self.articles))
        return Coverage(tuple(outlets), dated[0].published if dated else None,
                        dated[-1].published if dated else None)


@dataclass(frozen=True)
class StoryMemory:
    """What the store remembers of a published issue's story, so that later issues neither
    print it as new again nor lose the link to it (digest/edit/continuity/)."""

    issue: str  # the issue's key
    rank: int
    headline: str
    articles: tuple[str, ...]  # article keys: normalised URLs and "h:<content hash>"
    anchors: tuple[str, ...]  # event anchors: names, identifiers, numbers with units
    said: tuple[str, ...]  # the sentences its paragraph printed


@dataclass(frozen=True)
class QA:
    question: str
    answer: tuple[Sentence, ...]

    @property
    def sources(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for s in self.answer:
            seen.update(dict.fromkeys(s.sources))
        return tuple(seen)

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.answer)


@dataclass(frozen=True)
class Explainer:
    entity: str  # display name, e.g. "China AI Industry Development Alliance (AIIA)"
    aliases: tuple[str, ...]
    why: str  # why this entity was chosen
    qa: tuple[QA, ...]


@dataclass(frozen=True)
class ArticleStatus:
    url: str
    title: str
    source: str
    published: datetime | None
    language: str
    status: ArticleState
    duplicate_of: str | None = None  # URL of the article kept
    story: int | None = None  # rank of the story it belongs to
    reason: str | None = None  # why off_topic / failed


@dataclass(frozen=True)
class SourceHealth:
    name: str
    url: str
    status: FetchStatus
    error: str | None = None
    items: int = 0  # items in the last fetch
    new_items: int = 0
    http_status: int | None = None
    consecutive_failures: int = 0
    seconds: float = 0.0


@dataclass(frozen=True)
class Issue:
    key: str
    title: str  # "<newsletter title> — <period label>"
    period: Period
    newsletter: Newsletter
    intro: str  # the short greeting line naming what the issue covers
    stories: tuple[Story, ...]  # every story of the period, ranked
    tldr: tuple[Sentence, ...]
    explainer: Explainer | None
    explainer_note: str | None  # why there is no explainer, when there is none
    articles: tuple[ArticleStatus, ...]
    sources: tuple[SourceHealth, ...]
    editor: str = "offline"  # "offline" or "llm:<model>"
    notes: tuple[str, ...] = ()  # e.g. "Also this week shortened to fit the email"
    previous: str | None = None  # the newest earlier published issue the editor remembered

    @property
    def featured(self) -> tuple[Story, ...]:
        return tuple(s for s in self.stories if s.section == "in_our_feeds")

    @property
    def also(self) -> tuple[Story, ...]:
        return tuple(s for s in self.stories if s.section == "also")


# ── render / publish ─────────────────────────────────────────────────────────


@dataclass(frozen=True)
class Rendered:
    """Every file of one issue, as text, keyed by name relative to out/issues/K/."""

    key: str
    files: dict[str, str] = field(default_factory=dict)  # "index.html", "email.html", …


# Where one (issue, recipient) delivery stands; the rules for each are in publish/ledger.py.
# "planned" only ever describes a dry run and is never recorded.
DeliveryStatus = Literal["planned", "sending", "sent", "failed", "unknown"]
# Whom a send may reach again: nobody already sent to or in doubt ("none", the default), also
# those in doubt ("unknown"), or everyone ("all"). Chosen only by a person (--resend).
Resend = Literal["none", "unknown", "all"]


@dataclass(frozen=True)
class Delivery:
    issue: str
    recipient: str
    status: DeliveryStatus
    error: str | None = None
    message_id: str | None = None  # per issue and recipient, stable across attempts

    @property
    def ok(self) -> bool:
        return self.status == "sent"


@dataclass(frozen=True)
class Notification:
    """One (issue, channel) notification. Its statuses mean what a Delivery's mean, and the
    same ledger decides what is sent (publish/ledger.py, publish/notify.py)."""

    issue: str
    channel: str  # the Apprise URL as written in the config, `${NAME}` unexpanded: no secret
    status: DeliveryStatus
    error: str | None = None
    sent: str | None = None  # what went out, e.g. "812 characters, markdown, 3 headlines"

    @property
    def ok(self) -> bool:
        return self.status == "sent"


@dataclass(frozen=True)
class OutputPaths:
    root: Path  # out/

    def issue_dir(self, key: str) -> Path:
        return self.root / "issues" / key
