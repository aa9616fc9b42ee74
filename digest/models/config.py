"""Configuration values handed to stages (config.py builds them from sources.yaml)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

SourceKind = Literal["auto", "feed", "page", "sitemap", "opml", "mailbox"]


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


# newsletter.base_url when the config does not set it: a placeholder nobody publishes at.
PLACEHOLDER_BASE_URL = "https://example.org/digest/"


@dataclass(frozen=True)
class Newsletter:
    """What the issue is and who it is for."""

    title: str
    description: str = ""
    topics: tuple[str, ...] = ()  # phrases that define what is on-topic
    timezone: str = "UTC"  # IANA name; issue periods are computed in this zone
    max_stories: int = 5  # stories in "In Our Feeds"
    base_url: str = PLACEHOLDER_BASE_URL  # ends with "/"
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
    # The config's `labels`: the issue's own words for its furniture, in place of its
    # language's (digest/locale.py: a field of `Words` → its text), e.g. ("tldr", "一句话").
    labels: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class TopicSection:
    """A section of "In Our Feeds": the stories its topic phrases match best."""

    name: str
    topics: tuple[str, ...] = ()  # none: every story no other section takes
    max: int | None = None  # featured stories it may hold (the rest go to "Also this week")


@dataclass(frozen=True)
class FetchSettings:
    """How the fetch stage behaves: its limits, timeouts and politeness (the `fetch:` section)."""

    user_agent: str = "digest/0.1 (+https://github.com/digest-news/digest)"
    # Requests in flight, all hosts; per_host bounds each site. A run of unchanged feeds is
    # start-up plus sources ÷ concurrency round trips: 128 halves them against 64 (the warm
    # bench/commands.py fetch 0.52 → 0.35 s), half a browser's 256-socket pool, well within a
    # default `ulimit -n` 1024 (transport.socket_budget). Why 128: docs/fetching.md.
    concurrency: int = 128
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
    timeout: float = 60.0  # one attempt as a whole
    # Seconds of the endpoint's time per issue, looked at before each request: past it the
    # items not yet asked keep their offline text (a slow local model on a big week).
    time_budget: float = 1800.0
    retries: int = 2
    # Ask for a JSON object (`response_format`, as OpenAI, Ollama and llama.cpp's servers take
    # it): a small local model then answers in the JSON the editor asks for, where it would
    # carry its prompt on. Off by default: an endpoint that does not know it refuses the request.
    json_mode: bool = False
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
    unsubscribe: str | None = None  # URL or mailto: for List-Unsubscribe; {email}, {token}
    # the environment variable holding the key of the unsubscribe link's {token} (never the key)
    unsubscribe_secret_env: str | None = None
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
