"""Writing the issue offline: story paragraphs, headlines, "Also this week" lines, TL;DR, intro.

Everything printed is extractive: sentences come from the story's articles, lightly
compressed (datelines removed) and, when a sentence from a second outlet carries no
attribution, prefixed with "According to <outlet>," — a connective, never a new fact.
Sentences in the newsletter's language come first; another language's only fill in a story
that has too few. Headlines are the one place in the editor's own voice: the subject, verb
and object of a lead sentence (headline.py), checked not to copy any source title.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from digest.edit.entities import EntityIndex
from digest.edit.headline import compress as hl
from digest.edit.lexicon import ANAPHORIC, CJK_RE, STOPWORDS, mostly_cjk, stem
from digest.edit.week import Read
from digest.edit.write.clauses import StoryContext, proper_words
from digest.edit.write.summarize import is_cjk_language, is_furniture, score_lines
from digest.models import Sentence

MAX_SENTENCES = 7
MIN_SENTENCES = 4
CANDIDATES_PER_ARTICLE = 25
MMR_LAMBDA = 0.7
HEADLINE_DEPTH = 30  # sentences of each article a headline may come from, at the most
REDUNDANT = 0.6  # share of a sentence's content words already said that makes it a repeat
# Chinese: "据X报道", "X表示", "X称" — never the 据 of 数据 (data) or the 称 of 简称 (short name).
_ATTRIBUTION = re.compile(r"\b(said|says|say|told|according to|reported|reports|announced|"
                          r"stated|wrote|writes|claimed|argued|noted|added)\b|(?<![数依根证占])据|"
                          r"表示|(?<![简名统俗职])称|报道",
                          re.IGNORECASE)
# "Meanwhile, " / "Closer to home, " would dangle after an added "According to X,".
# A contrast marker inside the sentence ("Listen to the speeches again, though, and …") answers
# the sentence before it as much as a pronoun does.
_LEANS = re.compile(ANAPHORIC.pattern + "|"
                    r"^(?:\S+\s){0,5}(?:these|those|this|that|such)\s(?!is\b|was\b)[a-z]+|"
                    r",\s(?:though|however|instead|too),|,\s(?:though|however|instead|too)\.$")
OPENING_WORDS = 5  # two sentences opening with the same five words restate one fact
_LEADING_CONNECTIVE = re.compile(r"^(?:Meanwhile|However|Elsewhere|Still|Also|Moreover|"
                                 r"Closer to home|At the same time|In addition|But),\s+")


@dataclass(frozen=True)
class Candidate:
    article: int  # position in the story's article list
    index: int  # sentence position in the article
    text: str
    weight: float
    words: tuple[str, ...]


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    dot = sum(v * b.get(k, 0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def _candidates(arts: Sequence[Read]) -> list[Candidate]:
    out: list[Candidate] = []
    for k, art in enumerate(arts):
        scored = score_lines(art.lines[:CANDIDATES_PER_ARTICLE])
        top = max((s.score for s in scored), default=1.0) or 1.0
        out.extend(Candidate(k, s.index, s.text, s.score / top, s.words) for s in scored
                   if len(s.words) >= 3 and _complete(s.text))
    return out


def _complete(text: str) -> bool:
    """A sentence, not a subheading: it ends in terminal punctuation (or a closing quote)."""
    return text.rstrip()[-1:] in ".!?。！？\"”’)」"


def _attribute(text: str, outlet: str, body: str = "") -> str:
    if _ATTRIBUTION.search(text):
        return text
    if CJK_RE.search(text[:3]):
        return f"据{outlet}报道，{text}"
    first, _, rest = text.partition(" ")
    # Lower-case the first word unless it is a name: capitalised somewhere mid-sentence too.
    proper = re.search(rf"(?<![.!?]\s)(?<!^)\b{re.escape(first)}\b", body[1:]) is not None
    if (first[:1].isupper() and first[1:].islower() and first.lower() != "i"
            and (first.lower() in STOPWORDS or not proper)):
        text = first.lower() + (" " + rest if rest else "")
    return f"According to {outlet}, {text}"


def select_sentences(arts: Sequence[Read], limit: int, language: str | None = None,
                     floor: int = MIN_SENTENCES) -> list[Candidate]:
    """MMR over the story's sentences: central, non-repetitive, spread over outlets.

    With a `language`, sentences in it are picked first; another language's sentences join
    only while fewer than `floor` (or `limit`) are picked — a story the newsletter's language
    covers well is not retold in a second language.
    """
    cands = _candidates(arts)
    if not cands:
        return []
    preferred = [arts[c.article].speaks(arts[c.article].lines[c.index], language)
                 for c in cands]
    allowed = preferred if any(preferred) else [True] * len(cands)
    centroid: Counter[str] = Counter()
    for c in cands:
        centroid.update(set(c.words))
    bags = [Counter(c.words) for c in cands]
    sets = [set(c.words) for c in cands]
    openings = [" ".join(re.findall(r"\w+", c.text.lower())[:OPENING_WORDS]) for c in cands]
    c_norm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
    relevance = []
    for c, b in zip(cands, bags, strict=True):
        dot = sum(v * centroid.get(k, 0) for k, v in b.items())
        b_norm = math.sqrt(sum(v * v for v in b.values())) or 1.0
        relevance.append(c.weight * (0.5 + dot / (b_norm * c_norm)))
    # Incremental MMR: each candidate's similarity to (and containment in) the chosen set is
    # updated once per pick, so a pick costs one pass over the candidates.
    max_sim = [0.0] * len(cands)
    blocked = [not s for s in sets]
    # "Platforms must now detect these marks": only right after the sentence it leans on.
    leans = [bool(_LEANS.search(c.text)) for c in cands]
    position = {(c.article, c.index): i for i, c in enumerate(cands)}
    chosen: list[int] = []
    used_articles: set[int] = set()
    while len(chosen) < limit:
        best, best_val = -1, -1e9
        for i, c in enumerate(cands):
            if blocked[i] or not allowed[i]:
                continue
            if leans[i] and position.get((c.article, c.index - 1)) not in chosen:
                continue
            val = MMR_LAMBDA * relevance[i] - (1 - MMR_LAMBDA) * max_sim[i]
            if c.article not in used_articles:
                val += 0.15  # prefer a voice not heard yet
            if val > best_val:
                best, best_val = i, val
        if best < 0:
            if len(chosen) < min(floor, limit) and not all(allowed):
                allowed = [True] * len(cands)  # too little in the newsletter's language
                continue
            break
        chosen.append(best)
        used_articles.add(cands[best].article)
        blocked[best] = True
        for i in range(len(cands)):
            if blocked[i]:
                continue
            if len(sets[i] & sets[best]) / len(sets[i]) >= REDUNDANT or (
                    openings[i] == openings[best]
                    and len(openings[i].split()) == OPENING_WORDS):
                blocked[i] = True
                continue
            sim = _cosine(bags[i], bags[best])
            if sim > max_sim[i]:
                max_sim[i] = sim
    lead = cands[chosen[0]].article if chosen else 0
    order = [lead] + [k for k in range(len(arts)) if k != lead]
    picked = [cands[i] for i in chosen]
    head = picked[0] if picked else None
    rest = sorted(picked[1:], key=lambda c: (order.index(c.article), c.index))
    return ([head] if head else []) + rest


def paragraph(arts: Sequence[Read], citations: dict[str, tuple[str, ...]],
              limit: int | None = None, language: str | None = None) -> tuple[Sentence, ...]:
    """A 4-8 sentence paragraph (fewer only when the story has fewer sentences)."""
    n = limit or max(MIN_SENTENCES, min(MAX_SENTENCES, 3 + len(arts)))
    picked = select_sentences(arts, n, language)
    out: list[Sentence] = []
    heard = {arts[picked[0].article].source} if picked else set()
    for c in picked:
        art = arts[c.article]
        text = c.text
        if art.source not in heard:  # name each further outlet once, at its first sentence
            text = _attribute(_LEADING_CONNECTIVE.sub("", text), art.source, art.article.text)
            heard.add(art.source)
        out.append(Sentence(text, citations.get(art.url, (art.url,))))
    return tuple(out)


# ── headlines ────────────────────────────────────────────────────────────────


def headline(arts: Sequence[Read], index: EntityIndex, lead: Sequence[str],
             common: frozenset[str] = frozenset(), avoid: frozenset[str] = frozenset(),
             language: str = "en") -> str:
    """A short headline in the editor's voice: who did what, from the story's lead sentences
    (see headline.py). `common` are entities that run through most of the week's stories (often
    the newsletter's own subject): they do not lead a headline. `avoid` are stems the fallback
    key phrase must not use, for the same reason.
    """
    titles = [a.title for a in arts]
    if not is_cjk_language(language):
        latin = [a for a in arts if not mostly_cjk(a.title)]
        if latin and len(latin) < len(arts):
            # A mixed story is headlined in the newsletter's language.
            arts = latin
            lead = [t for t in lead if not mostly_cjk(t)]
    story_text = "\n".join(a.text for a in arts)
    story = StoryContext(story_text, proper_words(story_text), index, common)
    sents = [[line.text for line in a.lines] for a in arts]
    # The story's top sentences first, then each article's opening: where news says who did
    # what; then the rest of the articles, before a fragment of a phrase would do.
    first = list(dict.fromkeys([*lead, *(t for s in sents for t in s[:2])]))
    later = [t for s in sents for t in s[2:HEADLINE_DEPTH] if t not in first]
    zh = any(CJK_RE.search(a.title) for a in arts)
    for batch in (() if zh and is_cjk_language(language) else (first, later)):
        text = hl.best_headline(batch, story, titles)
        if text:
            return text
    if zh:
        counts: Counter[str] = Counter()
        for a in arts:
            counts.update(k for k in set(index.resolve(a.mentions)) if k not in common)
        ranked = sorted(counts, key=lambda k: (-counts[k], -len(k), k))
        return _zh_headline(arts, ranked, index, titles)
    # No "who did what" sentence at all: the story's most shared phrase, never "X and Y" glue.
    phrase = _key_phrase(arts, set(avoid))
    text = hl.title_case(phrase) if phrase else "This Week's Story"
    return text if hl.fresh(text, titles) else f"More on {text}"


_IRREGULAR = frozenset("""built made said held led set won lost began brought caught found gave got
    kept left met paid ran sent sold spent took told went wrote seen known shown given taken chosen
    drawn grown thought bought fell rose struck""".split())  # noqa: SIM905


def _key_phrase(arts: Sequence[Read], avoid: set[str]) -> list[str]:
    """The story's most shared two-word phrase (else word), in its first spelling."""
    surface: dict[tuple[str, ...], str] = {}
    counts: dict[tuple[str, ...], float] = {}
    for art in arts:
        seen: set[tuple[str, ...]] = set()
        paragraphs = art.article.paragraphs
        lead = " ".join((paragraphs[0] if paragraphs else "").split()[:60])
        for chunk in re.split(r"[^\w\s’'\-]+", f"{art.title}. {lead}"):
            words = chunk.split()
            stems: list[str | None] = []
            for w in words:
                low = w.lower()
                ok = len(low) >= 2 and not low.isdigit() and low not in STOPWORDS
                # Verb forms and adverbs make poor headline nouns ("boom caught").
                ok = ok and not (len(low) > 4 and low.endswith(("ed", "ing", "ly")))
                ok = ok and low not in _IRREGULAR
                st = stem(low) if ok and not CJK_RE.search(low) else None
                stems.append(None if st in avoid else st)
            for n, weight in ((2, 3.0), (1, 1.0)):  # a phrase says more than a word
                for j in range(len(words) - n + 1):
                    key = stems[j:j + n]
                    if None in key:
                        continue
                    skey = tuple(k for k in key if k is not None)
                    surface.setdefault(skey, " ".join(words[j:j + n]))
                    # A phrase shared by several articles beats one repeated in one.
                    counts[skey] = counts.get(skey, 0.0) + (weight if skey not in seen else weight / 10)
                    seen.add(skey)
    if not counts:
        return []
    best = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    return surface[best].split()


def _zh_headline(arts: Sequence[Read], ranked: Sequence[str], index: EntityIndex,
                 titles: Sequence[str]) -> str:
    """Chinese: the story's most shared character phrase, after its organisation if any."""
    org = next((a for k in ranked for a in sorted(index.aliases(k), key=len, reverse=True)
                if CJK_RE.search(a)), "")
    counts: Counter[str] = Counter()
    for art in arts:
        first = art.lines[:1]
        text = f"{art.title}。{first[0].raw if first else ''}"
        if org:
            text = text.replace(org, "。")  # the phrase must add to the name, not repeat it
        grams: set[str] = set()
        for run in re.findall(r"[\u3400-\u9fff]{4,}", text):
            for n in (6, 5, 4):
                grams.update(run[i:i + n] for i in range(len(run) - n + 1))
        counts.update(grams)
    phrase = ""
    if counts:
        # Shared by the most articles, then the longest, then the first in order.
        phrase = min(counts, key=lambda g: (-counts[g], -len(g), g))
    text = f"{org}：{phrase}" if org and phrase else (phrase or org or arts[0].title[:12])
    return text if hl.fresh(text, titles) or not phrase else phrase


def one_line(arts: Sequence[Read], citations: dict[str, tuple[str, ...]],
             language: str | None = None) -> tuple[Sentence, ...]:
    """The "Also this week" line: the story's single best sentence."""
    picked = select_sentences(arts, 1, language, floor=1)
    if not picked:
        art = arts[0]
        return (Sentence(art.title, citations.get(art.url, (art.url,))),) if art.title else ()
    art = arts[picked[0].article]
    return (Sentence(picked[0].text, citations.get(art.url, (art.url,))),)


def is_prose(text: str) -> bool:
    return bool(text.strip()) and not is_furniture(text)
