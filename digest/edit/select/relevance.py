"""Which articles are on-topic: newsletter topics plus each source's include/exclude keywords.

The rule (documented in docs/editor.md):

* A newsletter *topic* matches conceptually (concepts.py): each of its words needs evidence in
  the article — its own stem, or related terms from a small lexicon (AI ~ model, algorithm,
  robot, 人工智能…; policy ~ rules, mandate, regulator, ministry…), a title word counting more.
* An include or exclude *keyword* matches literally, when
  - for Latin script: every content word of the phrase appears in the article's title or
    body after light stemming ("AI regulation" matches "regulators took aim at AI"); a phrase
    of three or more content words may miss one;
  - for Chinese: the phrase occurs as a substring (人工智能 matches 人工智能产业);
  - a short all-caps acronym ("AI", "CAC") must appear as a whole word, never inside one.
* With no topics configured, everything is on-topic.
* An article from a source with `include` keywords must match one of them; one matching any
  `exclude` keyword of its source is off-topic, whatever the topics say.
* With topics configured, an article must match at least one topic, and a page that is
  mostly numbers (price quotes, tables of scores) with little prose is off-topic even if a
  keyword appears on it: there is no story to tell.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from digest.edit.group.concepts import Text, phrase_evidence, phrase_words, text_of
from digest.edit.lexicon import CJK_RE, STOPWORDS, stem
from digest.models import Article, Newsletter, Source
from digest.script import simplified
from digest.text import CJK, tokens

_NUMERIC_RE = re.compile(r"^[\d.,:%$€£¥+\-−]+$")


@dataclass(frozen=True)
class Phrase:
    text: str
    stems: tuple[str, ...]  # Latin-script content stems
    cjk: str  # the Chinese part, matched as a substring


def compile_phrase(text: str) -> Phrase:
    cjk = simplified("".join(re.findall(f"[{CJK}]+", text)))  # (traditional folded: script.py)
    words = [t for t in tokens(text) if not CJK_RE.fullmatch(t)]
    content = [w for w in words if w not in STOPWORDS] or words
    return Phrase(text, tuple(stem(w) for w in content), cjk)


@dataclass(frozen=True, eq=False)
class ArticleTerms:
    """What the rules read of one article, each part computed the first time a rule asks: a
    newsletter without topics, include or exclude keywords reads none of it."""

    article: Article

    @cached_property
    def raw(self) -> str:  # title + body, for Chinese substring matching
        return f"{self.article.title}\n{self.article.text}"

    @cached_property
    def folded(self) -> str:  # (its traditional characters simplified: 機器人 is 机器人)
        return simplified(self.raw)

    @cached_property
    def _tokens(self) -> list[str]:
        return tokens(self.raw)

    @cached_property
    def stems(self) -> Counter[str]:
        return Counter(stem(t) for t in self._tokens if not CJK_RE.fullmatch(t))

    @cached_property
    def numeric_share(self) -> float:
        spaced = self.raw.split()
        return sum(1 for t in spaced if _NUMERIC_RE.match(t)) / max(1, len(spaced))

    @property
    def words(self) -> int:
        return len(self._tokens)

    @cached_property
    def concept_text(self) -> Text:  # title and body apart, for concept evidence (concepts.py)
        return text_of(simplified(self.article.title), simplified(self.article.text))


def article_terms(article: Article) -> ArticleTerms:
    return ArticleTerms(article)


def phrase_hits(phrase: Phrase, terms: ArticleTerms) -> int:
    """How often the phrase's rarest part occurs (0: no match)."""
    counts: list[int] = []
    if phrase.cjk:
        counts.append(terms.folded.count(phrase.cjk))
    if phrase.stems:
        per = [terms.stems.get(s, 0) for s in phrase.stems]
        missing = sum(1 for c in per if c == 0)
        allowed = 1 if len(per) >= 3 else 0
        if missing > allowed:
            return 0
        counts.append(min(c for c in per if c > 0))
    return min(counts) if counts else 0


@dataclass(frozen=True)
class Judgement:
    on_topic: bool
    score: float  # topic relevance for ranking: 0 when no topics are configured
    reason: str | None


class RelevanceJudge:
    """Decides on-topic articles; built once per issue from the newsletter and its sources."""

    def __init__(self, newsletter: Newsletter, sources: Sequence[Source]) -> None:
        self.topics = [compile_phrase(t) for t in newsletter.topics if t.strip()]
        self.include = {s.name: [compile_phrase(k) for k in s.include if k.strip()] for s in sources}
        self.exclude = {s.name: [compile_phrase(k) for k in s.exclude if k.strip()] for s in sources}

    def judge(self, article: Article) -> Judgement:
        terms = article_terms(article)
        for ph in self.exclude.get(article.source, []):
            if phrase_hits(ph, terms):
                return Judgement(False, 0.0, f"matches the source's exclude keyword {ph.text!r}")
        include = self.include.get(article.source, [])
        if include and not any(phrase_hits(ph, terms) for ph in include):
            return Judgement(False, 0.0, "matches none of the source's include keywords")
        if not self.topics:
            return Judgement(True, 0.0, None)
        # Topics match conceptually ("AI policy" ~ an article on AI labelling rules); include
        # and exclude keywords above stay literal, since they are the user's exact words.
        hits = {ph.text: phrase_evidence(phrase_words(ph.text, ph.stems, ph.cjk),
                                         terms.concept_text) for ph in self.topics}
        matched = {k: v for k, v in hits.items() if v}
        if not matched:
            return Judgement(False, 0.0, "matches none of the newsletter's topics")
        if terms.numeric_share > 0.35 and terms.words < 400:
            return Judgement(False, 0.0, "mostly numbers (price quotes or a table), little prose")
        # Distinct topics matter more than repetitions; density rewards focus over length.
        density = sum(matched.values()) / max(50.0, terms.words) * 100
        score = len(matched) + min(density, 3.0) / 3.0
        return Judgement(True, round(score, 3), None)
