"""edit_issue: from a period's articles to a ranked, written, grounded Issue.

Steps: window -> duplicates -> relevance -> stories -> ranking -> writing (offline,
extractive) -> optional LLM rewrite, checked against the sources -> Explainer.
Each input article gets exactly one ArticleStatus.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import httpx

from digest.edit.entities import EntityIndex
from digest.edit.group import story_labels
from digest.edit.group.labels import article_text
from digest.edit.rank import explain, rank_stories, score_of, story_facts
from digest.edit.select.dedup import find_duplicates
from digest.edit.select.relevance import RelevanceJudge
from digest.edit.select.window import in_window, period_label
from digest.edit.write import compose
from digest.edit.write.explainer import NO_ENTITY_NOTE, build_explainer, choose_entity
from digest.edit.write.tldr import intro_line, tldr_sentences
from digest.models import (
    Article,
    ArticleState,
    ArticleStatus,
    Citation,
    EditorSettings,
    Issue,
    LLMSettings,
    Newsletter,
    Period,
    Source,
    SourceHealth,
    Story,
)

WRITE_ARTICLES = 12  # a story's paragraph is written from at most this many articles


def writing_set(arts: Sequence[Article]) -> list[Article]:
    """Up to WRITE_ARTICLES articles, one outlet at a time (earliest first), so a story that
    one source flooded is still written from every outlet that covered it, in bounded time."""
    by_outlet: dict[str, list[Article]] = defaultdict(list)
    for a in arts:
        by_outlet[a.source].append(a)
    queues = list(by_outlet.values())
    out: list[Article] = []
    depth = 0
    while len(out) < WRITE_ARTICLES and any(depth < len(q) for q in queues):
        out.extend(q[depth] for q in queues if depth < len(q))
        depth += 1
    return out[:WRITE_ARTICLES]


def _common_ground(index: EntityIndex, writing: Sequence[Sequence[Article]],
                   judge: RelevanceJudge) -> tuple[frozenset[str], frozenset[str]]:
    """Entities in most stories (3+ stories), and the topics' stems: no headline leads with them."""
    seen: dict[str, int] = defaultdict(int)
    for arts in writing:
        keys: set[str] = set()
        for a in arts:
            keys.update(index.entities_in(f"{a.title}\n{a.paragraphs[0] if a.paragraphs else ''}"))
        for k in keys:
            seen[k] += 1
    n = len(writing)
    common = frozenset(k for k, c in seen.items() if n >= 3 and c > n / 2)
    avoid = frozenset(st for ph in judge.topics for st in ph.stems)
    return common, avoid


def edit_issue(period: Period, articles: Sequence[Article], *, newsletter: Newsletter,
               sources: Sequence[Source], health: Sequence[SourceHealth],
               llm: LLMSettings | None = None,
               transport: httpx.BaseTransport | None = None,
               editor: EditorSettings | None = None) -> Issue:
    """Build the issue for `period` from every stored article that may belong to it."""
    status: dict[int, ArticleState] = {}
    reason: dict[int, str] = {}
    dup_of: dict[int, int] = {}

    window = [i for i, a in enumerate(articles) if in_window(a, period)]
    window_set = set(window)
    for i in range(len(articles)):
        if i not in window_set:
            status[i] = "out_of_window"
            reason[i] = "published outside the issue's period"

    dedup = find_duplicates([articles[i] for i in window])
    kept = [window[k] for k in dedup.kept]
    for copy, keep in dedup.duplicate_of.items():
        status[window[copy]] = "duplicate"
        dup_of[window[copy]] = window[keep]
        reason[window[copy]] = dedup.reason.get(copy, "copy")
    copies: dict[int, list[int]] = defaultdict(list)
    for c, k in dup_of.items():
        copies[k].append(c)

    judge = RelevanceJudge(newsletter, sources)
    used: list[int] = []
    relevance: dict[int, float] = {}
    for i in kept:
        verdict = judge.judge(articles[i])
        if verdict.on_topic:
            used.append(i)
            relevance[i] = verdict.score
        else:
            status[i] = "off_topic"
            reason[i] = verdict.reason or "off topic"
            for c in copies.get(i, []):
                reason[c] = f"{reason.get(c, 'copy')}; the kept article is off-topic"

    # Entity names become one token each and the newsletter's own subject words go, so two
    # events that share only a name stay apart; then CJK stories join their English ones
    # through shared rare anchors (anchors.py).
    index = EntityIndex([article_text(articles[i]) for i in used])
    grouping = story_labels([articles[i] for i in used], editor, topics=newsletter.topics,
                            index=index)
    notes = list(grouping.notes)
    labels = grouping.labels
    groups: dict[int, list[int]] = defaultdict(list)
    for i, group in zip(used, labels, strict=True):
        groups[group].append(i)

    citations: dict[str, tuple[str, ...]] = {}
    for i in used:
        urls = [articles[i].url] + [articles[c].url for c in sorted(copies.get(i, []))]
        citations[articles[i].url] = tuple(dict.fromkeys(urls))

    facts = []
    for members in groups.values():
        members.sort(key=lambda i: (articles[i].published, articles[i].url))
        outlets = {articles[i].source for i in members}
        outlets |= {articles[c].source for i in members for c in copies.get(i, [])}
        facts.append(story_facts(members, articles, outlets, relevance))
    ranked = rank_stories(facts, period)

    writing = [writing_set([articles[i] for i in f.members]) for f in ranked]
    common, avoid = _common_ground(index, writing, judge)
    stories: list[Story] = []
    for rank, f in enumerate(ranked, start=1):
        arts = writing[rank - 1]
        featured = rank <= newsletter.max_stories
        lang = newsletter.language
        sentences = (compose.paragraph(arts, citations, language=lang) if featured
                     else compose.one_line(arts, citations, language=lang))
        head = compose.headline(arts, index, [s.text for s in sentences[:3]], common, avoid,
                                language=lang)
        cites = []
        for i in f.members:
            for j in [i, *sorted(copies.get(i, []))]:
                a = articles[j]
                cites.append(Citation(a.url, a.title, a.source, a.published))
        stories.append(Story(rank=rank, section="in_our_feeds" if featured else "also",
                             headline=head, sentences=sentences, articles=tuple(cites),
                             score=score_of(f, period), why=explain(f)))
        for i in f.members:
            status[i] = "used"
    story_of: dict[int, int] = {}
    for rank, f in enumerate(ranked, start=1):
        for i in f.members:
            story_of[i] = rank
            for c in copies.get(i, []):
                story_of[c] = rank

    written_by = "offline"
    if llm is not None:
        from digest.edit.llm import rewrite_issue  # imported lazily: offline never needs it

        stories, llm_notes, used_llm = rewrite_issue(stories, articles, llm, transport=transport)
        notes.extend(llm_notes)
        if used_llm:
            written_by = f"llm:{llm.model}"

    story_arts = [[articles[i] for i in f.members] for f in ranked]
    choice = choose_entity(index, story_arts)
    explainer = None
    note: str | None = NO_ENTITY_NOTE
    if choice is not None:
        explainer = build_explainer(index, choice, [articles[i] for i in used], citations,
                                    len(ranked), language=newsletter.language)
        if explainer is None:
            note = (f"No Explainer this week: {index.display(choice.key)} recurs most, but the "
                    "week's articles say too little about it to answer the questions.")
        else:
            note = None

    label = period_label(period, newsletter.timezone)
    featured_stories = [s for s in stories if s.section == "in_our_feeds"]
    statuses = []
    for i, a in enumerate(articles):
        st = status.get(i, "used")
        statuses.append(ArticleStatus(
            url=a.url, title=a.title, source=a.source, published=a.published,
            language=a.language, status=st,
            duplicate_of=articles[dup_of[i]].url if i in dup_of else None,
            story=story_of.get(i), reason=reason.get(i) if st != "used" else None))
    return Issue(
        key=period.key,
        title=f"{newsletter.title} — {label}",
        period=period,
        newsletter=newsletter,
        intro=intro_line(newsletter, label, stories, explainer,
                         len({articles[i].source for i in used})),
        stories=tuple(stories),
        tldr=tldr_sentences(featured_stories, index=index, citations=citations,
                            story_articles=[writing[s.rank - 1] for s in featured_stories],
                            language=newsletter.language,
                            printed=[x.text for q in (explainer.qa if explainer else ())
                                     for x in q.answer]),
        explainer=explainer,
        explainer_note=note,
        articles=tuple(statuses),
        sources=tuple(health),
        editor=written_by,
        notes=tuple(notes),
    )
