"""The grouping room's entry point: a story label per article.

Two steps, so a benchmark can build the representation once and sweep the clustering:

* `represent`: what the editor clusters — each title and body lead with entity names as one
  token each and the newsletter's shared subject words removed, the rare event anchors of each
  article, and (when asked for and installed) sentence embeddings of the raw text;
* `group`: clustering of that representation (stories.py), then stories written only in CJK
  join their other-script story (anchors.link_languages).

`story_labels` is both. The editor, bench/cluster.py and bench/allsides.py all go through
here, so the benchmarks measure what ships.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from urllib.parse import unquote, urlsplit

import numpy as np
import scipy.sparse as sp

from digest.edit.group.anchors import (
    cluster_text,
    event_anchors,
    link_languages,
    name_words,
    never_lower,
    sentence_case,
    subject_held,
)
from digest.edit.group.concepts import shared_heads
from digest.edit.group.stories import (
    EMBEDDING_SETTINGS,
    ClusterSettings,
    Prepared,
    labels_at,
    prepare,
)
from digest.edit.read.aliases import EntityIndex
from digest.edit.read.entities import Scan, mentions_after
from digest.models import Article, EditorSettings

# Body words that join the title. allsides_dev's texts (median 60 words, 90% under 86) score
# 95.0/95.2 held out at 100 against 94.4/95.1 at 60; longer leads are beyond what it measures,
# and in make demo's week 200 words reach the paragraphs where one story mentions another.
CLUSTER_LEAD_WORDS = 100
# A bare headline (a feed item with no body) is a handful of words, and its URL's slug often
# restates it with the words the title dropped ('Hacked docs' prove MtGox has 1 MILLION
# Bitcoins, claim blog-snatchers under .../mtgox_files_bankruptcy_us_1million_bitcoins_say_
# hackers/): the slug's words join such a title for clustering. On uci_news_stories
# (bench/cluster.py, threshold chosen on the other half) 89.3 / 85.8 -> 91.0 / 86.0, flat
# over 0.11-0.14 on both halves; slug words only where the title lacks them did worse (90.7 /
# 85.2). An article with a body lead has words enough (and allsides_dev, which measures those,
# has no real URLs), so its slug is not read.
SLUG_MIN_WORDS = 3  # a path segment of fewer words is a section ("business/money") or an id
# File endings that close a slug ("...-economy-20140310,0,1312750.story").
_URL_ENDINGS = frozenset(["html", "htm", "shtml", "php", "asp", "aspx", "jsp", "cms", "story"])
_URL_SPLIT_RE = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Grouping:
    """A story label per article (equal label = same story; the values mean nothing else),
    and what the reader of `issue.json` should know about how they were found."""

    labels: tuple[int, ...]
    notes: tuple[str, ...] = ()
    # The clustering's unit TF-IDF rows, one per article (a dot product is their cosine): the
    # writer reads which members are its core event (core_event.off_core), then lets them go.
    rows: sp.csr_matrix | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Representation:
    """The week as the clustering sees it, one entry per article."""

    titles: tuple[str, ...]  # rewritten titles (entity tokens, no topic heads)
    leads: tuple[str, ...]  # rewritten body leads ("" for a bare headline)
    # Rare event anchors (anchors.event_anchors) of each article whose title names one, none
    # for the others, names as anchors.same_name keys, a name's forms as the name
    # (anchors.subject_held): what the beat-versus-event damping reads.
    anchors: tuple[frozenset[str], ...]
    texts: tuple[str, ...]  # title + body, for the cross-language links
    index: EntityIndex
    outlets: tuple[str, ...] = ()  # each article's source
    dense: np.ndarray | None = None  # sentence embeddings (unit rows), when in use
    notes: tuple[str, ...] = ()


def article_text(article: Article) -> str:
    """Title and body as one text: what the entity index and the language links read."""
    return f"{article.title}\n{article.text}"


def url_words(url: str) -> str:
    """The words of a URL's slug: its path segment with the most alphabetic words, when they
    are at least SLUG_MIN_WORDS and at least half of its parts (not a numeric id); else ""."""
    best: list[str] = []
    for segment in unquote(urlsplit(url).path).split("/"):
        parts = [p for p in _URL_SPLIT_RE.split(segment) if p]
        if parts and parts[-1].lower() in _URL_ENDINGS and "." in segment:
            parts.pop()
        words = [p for p in parts if p.isalpha() and len(p) > 1]
        if len(words) >= SLUG_MIN_WORDS and 2 * len(words) >= len(parts) and len(words) > len(best):
            best = words
    return " ".join(best)


def _with_slug(title: str, article: Article) -> str:
    """A bare headline's clustering text: its title and, on a line of their own (they have no
    case: space.cased_terms), its URL's slug words."""
    if article.text.strip():
        return title
    words = url_words(article.url)
    return f"{title}\n{words}" if words else title


def _lead(article: Article) -> str:
    return " ".join(article.text.split()[:CLUSTER_LEAD_WORDS])


def represent(articles: Sequence[Article], settings: EditorSettings | None = None, *,
              topics: Sequence[str] = (), index: EntityIndex | None = None,
              scans: Sequence[Scan] | None = None) -> Representation:
    """The clustering representation of `articles`.

    `topics`: the newsletter's topics (the subject most of them share is no evidence of one
    event). `index`: the week's entity index, when the caller has one (else it is built).
    `scans`: each body's `entities.scan`, when the caller has them (week.Read.scanned)."""
    cfg = settings or EditorSettings()
    names = name_words([article_text(a) for a in articles])
    # A Title Case headline reads as one long name; the name finder sees it sentence-cased.
    # A week of bare headlines has no running text to tell its names by: there a capitalised
    # word the week never writes in lower case stays a name (anchors.never_lower). With body
    # leads the bodies tell them (as space.cased_terms, a week-level choice: allsides_dev,
    # whose weeks have bodies and a few empty ones, is identical at every threshold).
    bare = not any(a.text.strip() for a in articles)
    if bare:
        names |= never_lower([a.title for a in articles])
    titles = [sentence_case(a.title, names) for a in articles]
    texts = tuple(f"{t}\n{a.text}" for t, a in zip(titles, articles, strict=True))
    index = index if index is not None else EntityIndex(texts)
    heads = shared_heads(list(topics))
    full = [f"{t}.\n{a.text}" for t, a in zip(titles, articles, strict=True)]  # "." ends it
    found = None if scans is None else [mentions_after(f"{t}.\n", a.text, sc) for t, a, sc
                                        in zip(titles, articles, scans, strict=True)]
    raw_leads = [_lead(a) for a in articles]
    # A bare headline names a thing one way, in full or by its initialism, so two of one event
    # share nothing there ("Snowden speaks at South by Southwest" / "Snowden tells SXSW"): in
    # a week of bare headlines a run that spells out an acronym is written as the acronym
    # (EntityIndex.spelt_out). A report with a body lead writes both forms ("the Department
    # of Health and Human Services (HHS) ... HHS said"), and rewriting them there only moves
    # the name's words' document frequency to the rest of the week: on allsides_dev two CDC
    # stories merged (docs/editor.md, Stories).
    spelt = [index.spelt_out(t) if bare else t for t in titles]
    rep = Representation(
        titles=tuple(_with_slug(cluster_text(t, index, heads), a)
                     for t, a in zip(spelt, articles, strict=True)),
        leads=tuple(cluster_text(lead, index, heads) for lead in raw_leads),
        anchors=tuple(subject_held(full, event_anchors(full, index, found), index)),
        texts=texts,
        index=index,
        outlets=tuple(a.source for a in articles))
    if not cfg.embeddings or len(articles) < 2:
        return rep
    from digest.edit.group import embeddings  # imported lazily: the default never needs it

    try:
        vectors = embeddings.encode([f"{a.title}. {lead}" if lead else a.title for a, lead in
                                     zip(articles, raw_leads, strict=True)])
    except embeddings.EmbeddingsUnavailable as exc:
        return replace(rep, notes=(f"Stories clustered without embeddings: {exc}",))
    return replace(rep, dense=vectors)


def cluster_settings(settings: EditorSettings | None, rep: Representation) -> ClusterSettings:
    """The clustering settings the editor's settings stand for, for this representation."""
    threshold = settings.story_threshold if settings else None
    base = EMBEDDING_SETTINGS if rep.dense is not None else ClusterSettings()
    return replace(base, threshold=threshold)


def prepared(rep: Representation, settings: ClusterSettings) -> Prepared:
    """The threshold-free part of clustering `rep` (a benchmark sweeps thresholds over it)."""
    bodies = list(rep.leads) if any(lead.strip() for lead in rep.leads) else None
    return prepare(list(rep.titles), bodies, dense=rep.dense, anchors=rep.anchors,
                   settings=settings, outlets=rep.outlets)


def cut(rep: Representation, prep: Prepared, threshold: float | None = None) -> Grouping:
    """Stories of a prepared representation at `threshold` (None: the representation's
    default), CJK stories linked to their other-script story."""
    labels = labels_at(prep, threshold)
    return Grouping(tuple(link_languages(labels, rep.texts, rep.index)), rep.notes, prep.x)


def group(rep: Representation, settings: ClusterSettings) -> Grouping:
    """Cluster a representation into stories, then link CJK stories across languages."""
    return cut(rep, prepared(rep, settings), settings.threshold)


def story_labels(articles: Sequence[Article], settings: EditorSettings | None = None, *,
                 topics: Sequence[str] = (), index: EntityIndex | None = None,
                 scans: Sequence[Scan] | None = None) -> Grouping:
    """A story label per article: `represent`, then `group` with the editor's settings."""
    rep = represent(articles, settings, topics=topics, index=index, scans=scans)
    return group(rep, cluster_settings(settings, rep))
