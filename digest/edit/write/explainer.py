"""The Explainer: the organisation that recurs across the most stories, in short Q&A.

Choice: among entities of kind "org" (organisation, agency, alliance, standard, company —
see read/entities.py), the one mentioned in the most stories, then the most articles, then the
most mentions; it must appear in `min_articles` articles. Aliases (full name, acronym,
Chinese name) count as one entity.

Answers (an organisation's: write/explainer_orgs.py; a person's: write/explainer_people.py;
the sentences they draw on: write/explainer_pool.py): each question has cue patterns
(settings.QUESTIONS); every sentence of the week's articles that names the entity (or, for
"Which is?", defines it) is a candidate, and a sentence answers at most one question. A
candidate is in the issue's language (a Chinese name in brackets after an English one is fine;
a Chinese sentence never answers in an English issue), stands alone (lexicon.dangles: no "It
…", "Second, …", "One of them, …"), states no fact another answer gave (most of its words, or a
figure other than a year). "Why does it matter?" asks for consequences and reactions. Nothing
is written that is not a source sentence.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace

from digest.edit.continuity.explained import NOTHING_EXPLAINED, Explained, skipped_note
from digest.edit.read.aliases import EntityIndex
from digest.edit.read.entities import is_acronym
from digest.edit.settings import ExplainerSettings
from digest.edit.week import Read, Week
from digest.edit.write.explainer_orgs import org_qa
from digest.edit.write.explainer_people import (
    called,
    headlined,
    known_to_all,
    person_qa,
    surnames,
)
from digest.edit.write.explainer_pool import gather
from digest.edit.write.roles import is_person
from digest.edit.write.summarize import is_cjk_language
from digest.models import Explainer, ExplainerMemory
from digest.text import CJK


@dataclass(frozen=True)
class Choice:
    key: str
    stories: int
    articles: int
    mentions: int
    kind: str = "org"  # or "person"
    short: str = ""  # a person's surname, when the week writes it alone ("Trump")


def choose_entity(index: EntityIndex, story_reads: Sequence[Sequence[Read]],
                  least: int = 2) -> Choice | None:
    """The organisation named in the most stories, articles, mentions (`least` articles)."""
    ranked = candidates(index, story_reads, least)
    return ranked[0] if ranked else None


def candidates(index: EntityIndex, story_reads: Sequence[Sequence[Read]],
               least: int = 2) -> list[Choice]:
    """Every organisation named in `least` articles, best first (`choose_entity`'s order)."""
    per_story: dict[str, set[int]] = {}
    per_article: dict[str, int] = {}
    mentions: dict[str, int] = {}
    for s, reads in enumerate(story_reads):
        for r in reads:
            for key, c in index.resolve(r.mentions).items():
                if index.kind(key) != "org":
                    continue
                per_story.setdefault(key, set()).add(s)
                per_article[key] = per_article.get(key, 0) + 1
                mentions[key] = mentions.get(key, 0) + c
    ranked = sorted(per_story, key=lambda k: (-len(per_story[k]), -per_article[k], -mentions[k], k))
    return [Choice(key, len(per_story[key]), per_article[key], mentions[key])
            for key in ranked if per_article[key] >= least]


def ranked_entities(week: Week, story_reads: Sequence[Sequence[Read]],
                    settings: ExplainerSettings) -> list[Choice]:
    """The organisations (`candidates`) and the people (roles.is_person, the
    surname counted with the full name) of `settings.kinds` named in `min_articles`
    articles, by stories, then articles, then mentions."""
    out = candidates(week.index, story_reads, settings.min_articles) if (
        "org" in settings.kinds) else []
    if "person" not in settings.kinds:
        return out
    index = week.index
    # Which articles and stories name each name, indexed once (a pass per name was quadratic:
    # 11 s of a 3,000-article week, minutes of a 10,000-article one).
    in_articles: dict[str, set[int]] = {}
    in_stories: dict[str, set[int]] = {}
    mentions: dict[str, int] = {}
    a = 0
    for s, reads in enumerate(story_reads):
        for r in reads:
            for k, c in index.resolve(r.mentions).items():
                in_stories.setdefault(k, set()).add(s)
                if index.kind(k) == "name":
                    in_articles.setdefault(k, set()).add(a)
                    mentions[k] = mentions.get(k, 0) + c
            a += 1
    short = surnames(mentions, mentions)
    full = {key: last for last, key in short.items()}
    texts = [r.text for r in week.used]
    nothing: set[int] = set()
    for key in sorted(mentions, key=lambda k: -mentions[k] - mentions.get(full.get(k, ""), 0)):
        forms = {key, full[key]} if key in full else {key}
        if len(key.split()) < 2:
            continue
        n_articles = len(set().union(*(in_articles.get(f, nothing) for f in forms)))
        if n_articles < settings.min_articles:
            continue
        n_stories = len(set().union(*(in_stories.get(f, nothing) for f in forms)))
        if n_stories < (out[-1].stories if len(out) >= settings.candidates else 1):
            continue  # a person named in fewer stories than every candidate kept is no rival
        if not is_person(key, [t for t in texts if key in t], settings):
            continue
        out.append(Choice(key, n_stories, n_articles,
                          sum(mentions.get(f, 0) for f in forms), "person",
                          full.get(key, key.split()[-1])))
        out.sort(key=lambda c: (-c.stories, -c.articles, -c.mentions, c.key))
    return out


def explain(week: Week, story_reads: Sequence[Sequence[Read]], language: str,
            settings: ExplainerSettings, printed: Collection[str] = (),
            explained: Explained = NOTHING_EXPLAINED,
            ranked: Sequence[Choice] | None = None,
            above: Collection[str] = ()) -> tuple[Explainer | None, str | None]:
    """The Explainer and, when there is none, the note that says why. `printed`: sentences
    the issue prints elsewhere (the TL;DR), which no answer repeats (`above`: the stories'
    paragraphs' sentences, which answer last); `explained`: what earlier
    issues explained, passed over (the why or the note says so, for the operator). The
    entities are tried in `ranked_entities`' order, up to `settings.candidates`: the first the
    week's sources define and say enough about is explained. `ranked`: that order when the
    caller has it already (it tries several `printed`; the ranking is most of the cost)."""
    if ranked is None:
        ranked = ranked_entities(week, story_reads, settings)
    skipped: list[tuple[str, ExplainerMemory]] = []
    fresh: list[Choice] = []
    for choice in ranked:
        earlier = explained.before(_names(week, choice)) if explained.memory else None
        if earlier is None:
            fresh.append(choice)
        elif len(skipped) < settings.candidates:
            skipped.append((_display(week, choice), earlier))
    told = f" {skipped_note(skipped)}" if skipped else ""
    if not ranked:
        return None, NO_ENTITY_NOTE
    story_of = {r.url: s for s, reads in enumerate(story_reads) for r in reads}
    # A person most of whose articles' headlines name them is one readers are expected to
    # know; one the sources also explain whose headlines seldom do is explained instead.
    known: Explainer | None = None
    for choice in fresh[:settings.candidates]:
        forms = sorted(_names(week, choice))
        share = headlined(week.bodies.holding(forms), forms) if choice.kind == "person" else 0
        if known is not None and share > settings.unheadlined:
            continue
        explainer = build_explainer(week, choice, len(story_reads), language, settings, printed,
                                    story_of, above)
        if explainer is not None and known is None and share >= settings.headlined:
            known = replace(explainer, why=f"{explainer.why} Headlines name them in "
                                           f"{share:.0%} of those articles.")
        elif explainer is not None:
            less = f" Preferred to {known.entity}, the less obvious name." if known else ""
            return replace(explainer, why=explainer.why + less + told), None
    if known is not None:
        return replace(known, why=known.why + told), None
    if not fresh:
        return None, f"No Explainer this week: every entity that recurs was explained lately.{told}"
    return None, (f"No Explainer this week: {week.index.display(fresh[0].key)} recurs most, "
                  "but the week's articles do not say what it is, or say too little about it "
                  f"to answer the questions.{told}")


def _names(week: Week, choice: Choice) -> set[str]:
    """Every name the entity goes by this week (as explained.py compares them)."""
    if choice.kind == "person":
        return {choice.key, *([choice.short] if choice.short else [])}
    return {*week.index.aliases(choice.key), week.index.display(choice.key)}


def _display(week: Week, choice: Choice) -> str:
    return choice.key if choice.kind == "person" else week.index.display(choice.key)


def build_explainer(week: Week, choice: Choice, total_stories: int, language: str,
                    settings: ExplainerSettings, printed: Collection[str] = (),
                    story_of: Mapping[str, int] | None = None,
                    above: Collection[str] = ()) -> Explainer | None:
    """Answers from the week's sentences that name the entity, in the issue's language only
    (a Chinese name in brackets after an English one is still English). `story_of`: an
    article's URL -> its story (a person's answers come from different stories)."""
    index = week.index
    if choice.kind == "person":
        forms = sorted({choice.key, *([choice.short] if choice.short else [])}, key=len,
                       reverse=True)
        if known_to_all(choice.key, ((r.source, r.article.text)
                                     for r in week.bodies.holding(forms))):
            return None
        name = called(choice.key, [r.article.text for r in week.bodies.holding(forms)])
        pool = gather(week, forms, language, settings, printed, above)
        people = person_qa(pool, choice.key, forms, settings, list(printed), story_of, name)
        if not people:
            return None
        why = (f"{choice.key} is the person named in the most stories this week: "
               f"{choice.stories} of {total_stories} stories, {choice.articles} articles, "
               f"{choice.mentions} mentions.")
        return Explainer(entity=choice.key, aliases=tuple(f for f in forms if f != choice.key),
                         why=why, qa=tuple(people))
    forms = sorted(index.aliases(choice.key), key=len, reverse=True)
    pool = [i for i in gather(week, forms, language, settings, printed, above) if not i.said]
    qa = org_qa(pool, forms, choice.key, settings)
    if len(qa) < 2:
        return None
    name = index.display(choice.key)
    written = [f for f in forms if re.search(f"[{CJK}]", f)]  # (longest first)
    if is_cjk_language(language) and written:  # a Chinese issue names it in Chinese first
        name = f"{written[0]}（{choice.key}）" if is_acronym(choice.key) else written[0]
    why = (f"{name} is the organisation named in the most stories this week: "
           f"{choice.stories} of {total_stories} stories, {choice.articles} articles, "
           f"{choice.mentions} mentions.")
    aliases = tuple(sorted(a for a in index.aliases(choice.key) if a != choice.key))
    return Explainer(entity=name, aliases=aliases, why=why, qa=tuple(qa))


NO_ENTITY_NOTE = ("No Explainer this week: no person, organisation, agency, alliance, standard "
                  "or company came up in more than one article, and we only explain what the "
                  "week's sources say about it.")
