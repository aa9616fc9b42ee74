"""Writing the issue offline: story paragraphs, headlines, "Also this week" lines, TL;DR, intro.

Everything printed is extractive: sentences come from the story's articles, lightly
compressed (datelines removed) and, when a sentence from a second outlet carries no
attribution, prefixed with "According to <outlet>," — a connective, never a new fact.
Headlines are the one place in the editor's own voice; they are assembled from the
story's own words (its key entity and the verb phrase that follows it in a top sentence)
and are checked not to copy any source title.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from digest.edit.entities import EntityIndex
from digest.edit.lexicon import CJK_RE, STOPWORDS, content_words
from digest.edit.summarize import is_furniture, redundant, score_sentences
from digest.models import Article, Sentence
from digest.text import split_sentences, tokens

MAX_SENTENCES = 7
MIN_SENTENCES = 4
CANDIDATES_PER_ARTICLE = 25
MMR_LAMBDA = 0.7
_ATTRIBUTION = re.compile(r"\b(said|says|say|told|according to|reported|reports|announced|"
                          r"stated|wrote|writes|claimed|argued|noted|added)\b|据|表示|称|报道",
                          re.IGNORECASE)
_SMALL = frozenset("a an and as at but by for in of on or the to vs via with from".split())


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


def _candidates(arts: Sequence[Article]) -> list[Candidate]:
    out: list[Candidate] = []
    for k, art in enumerate(arts):
        sents = split_sentences(art.text)[:CANDIDATES_PER_ARTICLE]
        scored = score_sentences(sents)
        top = max((s.score for s in scored), default=1.0) or 1.0
        out.extend(Candidate(k, s.index, s.text, s.score / top, s.words) for s in scored
                   if len(s.words) >= 3)
    return out


def _attribute(text: str, outlet: str) -> str:
    if _ATTRIBUTION.search(text):
        return text
    if CJK_RE.search(text[:3]):
        return f"据{outlet}报道，{text}"
    first, _, rest = text.partition(" ")
    if first.lower() in STOPWORDS and first[:1].isupper() and first.lower() != "i":
        text = first.lower() + (" " + rest if rest else "")
    return f"According to {outlet}, {text}"


def select_sentences(arts: Sequence[Article], limit: int) -> list[Candidate]:
    """MMR over the story's sentences: central, non-repetitive, spread over outlets."""
    cands = _candidates(arts)
    if not cands:
        return []
    centroid: Counter[str] = Counter()
    for c in cands:
        centroid.update(set(c.words))
    bags = [Counter(c.words) for c in cands]
    relevance = [c.weight * (0.5 + _cosine(b, centroid)) for c, b in zip(cands, bags, strict=True)]
    chosen: list[int] = []
    used_articles: set[int] = set()
    while len(chosen) < limit:
        best, best_val = -1, -1e9
        for i, c in enumerate(cands):
            if i in chosen or redundant(c.words, [cands[j].words for j in chosen]):
                continue
            sim = max((_cosine(bags[i], bags[j]) for j in chosen), default=0.0)
            val = MMR_LAMBDA * relevance[i] - (1 - MMR_LAMBDA) * sim
            if c.article not in used_articles:
                val += 0.15  # prefer a voice not heard yet
            if val > best_val:
                best, best_val = i, val
        if best < 0:
            break
        chosen.append(best)
        used_articles.add(cands[best].article)
    lead = cands[chosen[0]].article if chosen else 0
    order = [lead] + [k for k in range(len(arts)) if k != lead]
    picked = [cands[i] for i in chosen]
    head = picked[0] if picked else None
    rest = sorted(picked[1:], key=lambda c: (order.index(c.article), c.index))
    return ([head] if head else []) + rest


def paragraph(arts: Sequence[Article], citations: dict[str, tuple[str, ...]],
              limit: int | None = None) -> tuple[Sentence, ...]:
    """A 4-8 sentence paragraph (fewer only when the story has fewer sentences)."""
    n = limit or max(MIN_SENTENCES, min(MAX_SENTENCES, 3 + len(arts)))
    picked = select_sentences(arts, n)
    out: list[Sentence] = []
    lead_article = picked[0].article if picked else 0
    for c in picked:
        art = arts[c.article]
        text = c.text if c.article == lead_article else _attribute(c.text, art.source)
        out.append(Sentence(text, citations.get(art.url, (art.url,))))
    return tuple(out)


# ── headlines ────────────────────────────────────────────────────────────────

_VERB_AFTER = re.compile(
    r"^(?:\s*(?:has|have|had|will|is|was|are|were|would|could|may|also|now|has\s+now)\s+)*"
    r"([a-z]{3,}(?:ed|es|s))\s+((?:[\w\-’']+\s*){1,6})"
)
_IRREGULAR_SKIP = frozenset({"said", "says", "is", "was", "has", "does", "news", "series",
                             "its", "this", "thus", "us", "plus", "as", "always", "less"})
_STOP_OBJECT = frozenset({"that", "to", "which", "who", "after", "while", "because", "since",
                          "when", "and", "but", "on", "in", "at", "for", "from", "by", "with"})


def _present(verb: str) -> str:
    if verb.endswith("ied"):
        return verb[:-3] + "ies"
    if verb.endswith("ed"):
        base = verb[:-1] if verb[-3] == "e" else verb[:-2]
        if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsaeiou":
            base = base[:-1]
        return base + ("es" if base.endswith(("ch", "sh", "x", "ss", "z")) else "s")
    return verb


def title_case(words: Sequence[str]) -> str:
    out = []
    for i, w in enumerate(words):
        if w.isupper() or any(ch.isupper() for ch in w[1:]):
            out.append(w)
        elif i > 0 and w.lower() in _SMALL:
            out.append(w.lower())
        else:
            out.append(w[:1].upper() + w[1:])
    return " ".join(out)


def _verb_phrase(entity_forms: Sequence[str], sentences: Sequence[str]) -> list[str] | None:
    for sent in sentences:
        for form in entity_forms:
            pos = sent.find(form)
            if pos < 0:
                continue
            m = _VERB_AFTER.match(sent[pos + len(form):])
            if not m or m.group(1) in _IRREGULAR_SKIP:
                continue
            obj: list[str] = []
            for w in m.group(2).split():
                clean = w.strip(",.;:\"“”'’()")
                if not clean or (clean.lower() in _STOP_OBJECT and len(obj) >= 2):
                    break
                if clean.lower() in {"a", "an", "the", "its", "their"}:
                    continue
                obj.append(clean)
                if w[-1:] in ",.;:":
                    break
            while obj and obj[-1].lower() in _SMALL:
                obj.pop()
            if len(obj) >= 1:
                return [_present(m.group(1)), *obj[:5]]
    return None


def _key_phrase(arts: Sequence[Article], avoid: set[str]) -> list[str]:
    surface: dict[str, Counter[str]] = {}
    counts: Counter[str] = Counter()
    for art in arts:
        seen = set()
        for tok in tokens(f"{art.title} {' '.join(art.paragraphs[:2])}"):
            if tok in STOPWORDS or CJK_RE.fullmatch(tok) or len(tok) < 3 or tok.isdigit():
                continue
            st = content_words(tok)
            if not st or st[0] in avoid:
                continue
            surface.setdefault(st[0], Counter())[tok] += 1
            if st[0] not in seen:
                counts[st[0]] += 1
                seen.add(st[0])
    top = [s for s, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:2]]
    return [surface[s].most_common(1)[0][0] for s in top]


def headline(arts: Sequence[Article], index: EntityIndex, lead: Sequence[str]) -> str:
    """A short headline in the editor's voice, from the story's key entity and verb phrase."""
    counts: Counter[str] = Counter()
    for art in arts:
        counts.update(set(index.entities_in(f"{art.title}\n{art.text}")))
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))
    titles = {" ".join(tokens(a.title)) for a in arts}
    for key, _ in ranked[:3]:
        forms = sorted(index.aliases(key), key=len, reverse=True)
        vp = _verb_phrase(forms, lead)
        if vp:
            short = min((f for f in forms if not CJK_RE.search(f)), key=len, default=key)
            text = title_case([*short.split(), *vp])
            if _fresh(text, titles):
                return text
    zh = any(CJK_RE.search(a.title) for a in arts)
    if ranked:
        key = ranked[0][0]
        short = min(index.aliases(key), key=len)
        phrase = _key_phrase(arts, set(content_words(key)))
        text = f"{short}：{''.join(phrase)}" if zh else title_case(
            [*short.split(), "and", *phrase[:1]] if phrase else short.split())
        if phrase and _fresh(text, titles):
            return text
    phrase = _key_phrase(arts, set())
    text = title_case(phrase) if phrase else "This Week's Story"
    return text if _fresh(text, titles) else f"More on {text}"


def _fresh(text: str, titles: set[str]) -> bool:
    mine = set(tokens(text))
    for t in titles:
        theirs = set(t.split())
        if mine and theirs and len(mine & theirs) / len(mine | theirs) >= 0.8:
            return False
    return True


def one_line(arts: Sequence[Article], citations: dict[str, tuple[str, ...]]) -> tuple[Sentence, ...]:
    """The "Also this week" line: the story's single best sentence."""
    picked = select_sentences(arts, 1)
    if not picked:
        art = arts[0]
        return (Sentence(art.title, citations.get(art.url, (art.url,))),) if art.title else ()
    art = arts[picked[0].article]
    return (Sentence(picked[0].text, citations.get(art.url, (art.url,))),)


def is_prose(text: str) -> bool:
    return bool(text.strip()) and not is_furniture(text)
