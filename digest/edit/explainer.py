"""The Explainer: the organisation that recurs across the most stories, in short Q&A.

Choice: among entities of kind "org" (organisation, agency, alliance, standard, company —
see entities.py), the one mentioned in the most stories, then the most articles, then the
most mentions; it must appear in at least two articles. Aliases (full name, acronym,
Chinese name) count as one entity.

Answers: each question has cue patterns; every sentence of the week's articles that names
the entity (or, for "Which is?", defines it) is a candidate, and a sentence answers at
most one question. Nothing is written that is not a source sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from digest.edit.entities import EntityIndex
from digest.edit.summarize import clean_sentence, is_furniture
from digest.models import QA, Article, Explainer, Sentence
from digest.text import split_sentences

QUESTIONS: tuple[tuple[str, str], ...] = (
    ("Which is?", r"\b(is|was|are)\s+(a|an|the)\b|\b(known as|short for|refers to|stands for)\b|"
                  r"是[^，。]{0,16}(联盟|组织|机构|协会|平台|公司|部门|论坛)|简称|"
                  r", (a|an|the) [a-z]+ (body|group|agency|alliance|organi[sz]ation|company|forum)"),
    ("Who's in it?", r"\bmembers?\b|\bmembership\b|\bincludes?\b|\bincluding\b|\bcompris|"
                     r"\bled by\b|\bchair|\bheads?\b|\bjoined\b|\bcompanies\b|成员|会员|包括|牵头"),
    ("Been around long?", r"\b(founded|established|set up|created|formed|since|"
                          r"inaugurat\w*)\b|成立|创建|设立"),
    ("What does it do?", r"\b(will|aims?|responsible|oversees?|regulat|issued?|releas|develop|"
                         r"publish|promot|coordinat|standards?|guidelines?|plans?|rules?|benchmark|dataset|"
                         r"test suite|maintain|runs?)\w*|"
                         r"发布|推动|制定|负责|开展"),
    ("Why does it matter?", r"\b(important|matters?|significan|because|influence|power|key|"
                            r"critical|largest|leading|first|could|shape|impact|cited|critics?|relied|"
                            r"reference|who checks)\w*|重要|影响|关键|参考|引用"),
)
PER_ANSWER = 2
MIN_ARTICLES = 2


@dataclass(frozen=True)
class Choice:
    key: str
    stories: int
    articles: int
    mentions: int


def choose_entity(index: EntityIndex, story_articles: Sequence[Sequence[Article]]) -> Choice | None:
    per_story: dict[str, set[int]] = {}
    per_article: dict[str, int] = {}
    mentions: dict[str, int] = {}
    for s, arts in enumerate(story_articles):
        for art in arts:
            for key, c in index.entities_in(f"{art.title}\n{art.text}").items():
                if index.kind(key) != "org":
                    continue
                per_story.setdefault(key, set()).add(s)
                per_article[key] = per_article.get(key, 0) + 1
                mentions[key] = mentions.get(key, 0) + c
    ranked = sorted(per_story, key=lambda k: (-len(per_story[k]), -per_article[k], -mentions[k], k))
    for key in ranked:
        if per_article[key] >= MIN_ARTICLES:
            return Choice(key, len(per_story[key]), per_article[key], mentions[key])
    return None


def build_explainer(index: EntityIndex, choice: Choice, articles: Sequence[Article],
                    citations: dict[str, tuple[str, ...]], total_stories: int) -> Explainer | None:
    forms = sorted(index.aliases(choice.key), key=len, reverse=True)
    pool: list[tuple[str, tuple[str, ...]]] = []
    seen_text: set[str] = set()
    for art in sorted(articles, key=lambda a: (a.published, a.url)):
        for raw in split_sentences(art.text):
            if is_furniture(raw) or not any(_names(f, raw) for f in forms):
                continue
            text = clean_sentence(raw)
            if text in seen_text or len(text) > 400:
                continue
            seen_text.add(text)
            pool.append((text, citations.get(art.url, (art.url,))))
    used: set[int] = set()
    qa: list[QA] = []
    # Specific questions claim their sentences first ("founded in 2017, its members include…"
    # is the answer to "Been around long?" before it is one to "Who's in it?").
    claim_order = [0, 2, 1, 3, 4]
    for question, cue in (QUESTIONS[k] for k in claim_order):
        rx = re.compile(cue, re.IGNORECASE)
        answer = []
        for i, (text, srcs) in enumerate(pool):
            if i in used or not rx.search(text):
                continue
            answer.append(Sentence(text, srcs))
            used.add(i)
            if len(answer) >= PER_ANSWER:
                break
        if not answer and question == "Been around long?":
            # No founding sentence: a dated fact about it is the next best answer.
            year = re.compile(r"\b(in|since) (19|20)\d\d\b|(19|20)\d\d年")
            hit = next((i for i, (t, _) in enumerate(pool) if i not in used and year.search(t)),
                       None)
            if hit is not None:
                answer.append(Sentence(*pool[hit]))
                used.add(hit)
        if question == "Which is?":
            # A definition first: "X (ACR), an industry body …", "X is a …", "X是…", "X于…成立".
            define = _definition_rx(forms)
            best = next((i for i, (t, _) in enumerate(pool) if define.search(t)), None)
            if best is not None:
                for old in answer:
                    used.discard(next(k for k, (t, _) in enumerate(pool) if t == old.text))
                answer = [Sentence(*pool[best])]
                used.add(best)
        if not answer and question == "Which is?":
            # No definition in the sources: the first sentence naming it in full introduces it.
            full = next((i for i, (t, _) in enumerate(pool) if choice.key in t), None)
            if full is not None:
                answer.append(Sentence(*pool[full]))
                used.add(full)
        if answer:
            qa.append(QA(question, tuple(answer)))
    order = [q for q, _ in QUESTIONS]
    qa.sort(key=lambda item: order.index(item.question))
    if len(qa) < 2:
        return None
    name = index.display(choice.key)
    why = (f"{name} is the organisation named in the most stories this week: "
           f"{choice.stories} of {total_stories} stories, {choice.articles} articles, "
           f"{choice.mentions} mentions.")
    aliases = tuple(sorted(a for a in index.aliases(choice.key) if a != choice.key))
    return Explainer(entity=name, aliases=aliases, why=why, qa=tuple(qa))


def _definition_rx(forms: Sequence[str]) -> re.Pattern[str]:
    names = "|".join(re.escape(f) for f in forms)
    return re.compile(
        rf"(?:{names})(?:\s*[(（][^)）]{{1,30}}[)）])?(?:,\s+(?:an?|the)\s+[\w\- ]{{0,40}}?"
        rf"(?:body|group|alliance|agency|organi[sz]ation|association|consortium|company|"
        rf"regulator|network|coalition|institute)\b|\s+(?:is|was)\s+an?\s)|"
        rf"(?:{names})(?:\s*[(（][^)）]{{1,30}}[)）])?(?:是|于\d{{4}}年)")


def _names(form: str, text: str) -> bool:
    if re.search(r"[\u3400-\u9fff]", form):
        return form in text
    return re.search(rf"(?<![\w]){re.escape(form)}(?![\w])", text) is not None


NO_ENTITY_NOTE = ("No Explainer this week: no organisation, agency, alliance, standard or "
                  "company came up in more than one article, and we only explain what the "
                  "week's sources say about it.")
