"""What the editor makes: stories, the Explainer, the issue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from ..sentences import join_sentences
from .config import Newsletter, Period
from .fetch import FetchStatus, redacted

# "repeat": an earlier issue printed it already (continuity: digest/edit/continuity/)
# unlisted: stored from a source the config no longer lists (removed, or renamed since)
ArticleState = Literal["used", "duplicate", "off_topic", "out_of_window", "repeat", "failed",
                       "unlisted"]
Section = Literal["in_our_feeds", "also"]


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
        return join_sentences([s.text for s in self.sentences])

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
class ExplainerMemory:
    """What the store remembers of a published issue's Explainer, so that the issues after it
    explain something else (digest/edit/continuity/explained.py)."""

    issue: str  # the issue's key
    entity: str  # the name the Explainer printed, e.g. "Asia Open Model Alliance (AOMA)"
    aliases: tuple[str, ...]  # its other names, e.g. ("AOMA", "Asia Open Model Alliance")


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
        return join_sentences([s.text for s in self.answer])


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

    def __post_init__(self) -> None:  # (published with the issue: no password in it)
        object.__setattr__(self, "url", redacted(self.url))
        if self.error:
            object.__setattr__(self, "error", redacted(self.error))


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
