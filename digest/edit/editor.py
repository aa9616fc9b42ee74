"""edit_issue: from a period's articles to a ranked, written, grounded Issue.

select → group → recall → rank → sections → write (each story's paragraph, then its
headline, then the paragraph's opening: write/stories.py) → mark → TL;DR → explainer →
intro → (model) → assemble. Recall and mark are continuity: what earlier issues printed
(`memory`); sections arranges "In Our Feeds" by the config's sections.
Each room has one entry point; the articles are read once (week.py) and every article gets
one Verdict, which issue.json prints as its status.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from digest.edit.continuity import Explained, mark, recall
from digest.edit.core_event import off_core, writing_set
from digest.edit.group import story_labels
from digest.edit.rank import Ranked, rank
from digest.edit.sections import arrange, with_topics
from digest.edit.select import select
from digest.edit.select.window import period_label
from digest.edit.settings import Settings
from digest.edit.week import Week, read
from digest.edit.write.days import dated
from digest.edit.write.explainer import explain, ranked_entities
from digest.edit.write.intro import clauses, intro_line
from digest.edit.write.stories import write_stories
from digest.edit.write.tldr import through_line, week_sources
from digest.edit.write.voice import Draft, Model, rewrite
from digest.locale import words
from digest.models import (
    Article,
    EditorSettings,
    ExplainerMemory,
    Issue,
    Newsletter,
    Period,
    Source,
    SourceHealth,
    Story,
    StoryMemory,
)


def edit_issue(period: Period, articles: Sequence[Article], *, newsletter: Newsletter,
               sources: Sequence[Source], health: Sequence[SourceHealth],
               model: Model | None = None, editor: EditorSettings | None = None,
               settings: Settings | None = None,
               memory: Sequence[StoryMemory] = (),
               explained: Sequence[ExplainerMemory] = ()) -> Issue:
    """Build the issue for `period` from every stored article that may belong to it.
    `model`: the chat model that writes in the editor's voice (None: offline); `editor`: the
    options the config chose; `settings`: every threshold (tests, benchmarks); `memory`: the
    stories of earlier published issues, newest first (Store.story_memory); `explained`: their
    Explainers (Store.explainer_memory), whose entities are not explained again."""
    tune, lang = settings or Settings(), newsletter.language
    if editor is not None:  # the config's paragraph length, and the embedding extra
        tune = replace(tune, write=replace(tune.write, paragraph_words=editor.paragraph_words,
                                           embeddings=tune.write.embeddings or editor.embeddings))
    week = select(read(articles), period, newsletter, sources)
    used = week.used
    grouping = story_labels([r.article for r in used], editor, topics=newsletter.topics,
                            index=week.index, scans=[r.scanned for r in used])
    if grouping.rows is not None:  # (the rows are let go: a 10,000-article week's are ~35 MB)
        week = replace(week, aside=off_core(grouping.labels, grouping.rows, used))
        grouping = replace(grouping, rows=None)
    recalled = recall(week, grouping.labels, memory, tune.continuity)
    week, ranked = rank(recalled.week, recalled.labels, period, newsletter.max_stories)
    week, ranked, topics, stories = _arrange_and_write(week, ranked, newsletter, lang, tune)
    stories = with_topics(mark(stories, ranked, recalled, tune.continuity), topics)
    writing = [writing_set(week, r.members, tune.write.articles) for r in ranked]
    featured = [r for r in ranked if r.featured]
    src = week_sources(week)  # (the intro's and the TL;DR's checks read it: built once)
    covers = clauses(stories[:len(featured)],
                     [[r.article.text for r in reads] for reads in writing[:len(featured)]], src)
    # (the TL;DR's one line, with no thread, is the story the intro names first)
    first = next((k for k, c in enumerate(covers) if c), 0)
    tldr = through_line(week, writing[:len(featured)], stories[:len(featured)], lang, tune.tldr,
                        first=first, src=src)
    before = Explained.of(explained, period.key)
    # No answer repeats a sentence the issue prints above it (the stories' paragraphs, the
    # TL;DR): a reader meets each sentence once. Only when the week cannot say enough without
    # the paragraphs' sentences do the answers take them, and a sentence they print word for
    # word only when no other answers (`above`).
    ranked_names = ranked_entities(week, writing, tune.explainer)  # (once for every try)
    told = [s.text for s in tldr]
    above = [s.text for story in stories for s in story.sentences]
    for shown in ([*told, *above], told):
        explainer, explainer_note = explain(week, writing, lang, tune.explainer, shown, before,
                                            ranked_names, above)
        if explainer is not None:
            break
    if explainer is None:  # it needs the TL;DR's sentences: the TL;DR gives way
        explainer, explainer_note = explain(week, writing, lang, tune.explainer, (), before,
                                            ranked_names, above)
        if explainer is not None:
            tldr = through_line(week, writing[:len(featured)], stories[:len(featured)], lang,
                                tune.tldr, [s.text for q in explainer.qa for s in q.answer],
                                first, src)
    label = period_label(period, newsletter.timezone, lang)
    intro = intro_line(newsletter, label, covers, len(ranked) - len(featured), explainer,
                       tune.intro)
    draft, written_by = Draft(tuple(stories), tldr, intro, explainer), "offline"
    notes: list[str] = []
    if model is not None:
        draft, notes, done = rewrite(model, draft, week, [r.members for r in ranked], lang,
                                     tune.voice)
        written_by = f"llm:{model.name}" if done else written_by
    # "said today" is read days later: every printed sentence, written and checked, with
    # its relative days as weekdays, or dropped (write/days.py).
    draft = dated(draft, [r.article for r in week.used], period, newsletter.timezone,
                  tune.days)
    title = words(lang, newsletter.labels).title.format(newsletter=newsletter.title, period=label)
    return Issue(key=period.key, title=title, period=period,
                 newsletter=newsletter, intro=draft.intro, stories=draft.stories,
                 tldr=draft.tldr, explainer=draft.explainer, explainer_note=explainer_note,
                 articles=week.statuses(), sources=tuple(health), editor=written_by,
                 notes=(*grouping.notes, *notes), previous=recalled.previous)


def _arrange_and_write(week: Week, ranked: tuple[Ranked, ...], newsletter: Newsletter,
                       lang: str, tune: Settings,
                       ) -> tuple[Week, tuple[Ranked, ...], dict[int, str], list[Story]]:
    """Sections, then each story written; a featured story the writer gives no paragraph is
    muted and arranged again, so the next story takes its place (rare: a few a hundred weeks
    on real news, where every sentence of a story's articles is cut off or leans on one
    before it)."""
    mute: set[tuple[int, ...]] = set()
    while True:
        arranged, order, topics = arrange(week, ranked, newsletter.sections,
                                          newsletter.max_stories, mute)
        stories = write_stories(arranged, order, lang, tune.write, tune.headline)
        empty = {r.members for r, s in zip(order, stories, strict=True)
                 if r.featured and not s.sentences}
        if not empty:
            return arranged, order, topics, stories
        mute |= empty
