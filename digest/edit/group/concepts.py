"""Topic concepts: a small built-in lexicon so "AI policy" matches an article about AI rules.

A newsletter's topics are short phrases ("AI policy", "chips", "人工智能"). Matching their
literal words misses most on-topic articles: a story about "China's AI watermark mandate"
never says "policy". Each common topic *head* therefore stands for a concept with related
terms (English stems, multi-word terms, Chinese substrings). A phrase matches an article
when every one of its words has enough *evidence* in it:

* the phrase's own word (after stemming) counts 2 per occurrence, anywhere;
* a related term counts 2 in the title and 1 in the body;
* a word needs evidence >= 2: one related word buried once in a body is not enough, so a
  football report that mentions a "market" is not about the AI industry.

Robotics counts as AI (humanoid robots are "embodied AI"); a model release, a fund or a
product launch counts as industry. The lexicon is deliberately small and generic — words a
tech-policy editor would accept as the same subject — and it lives here, not in the config,
so a newsletter without unusual topics needs no tuning.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from digest.edit.lexicon import CJK_RE, stem
from digest.text import tokens

# concept -> (heads: words that name the concept in a topic, related terms, Chinese terms)
_LEXICON: dict[str, tuple[str, str, str]] = {
    "ai": (
        "ai|artificial intelligence|人工智能",
        "artificial intelligence|machine learning|deep learning|neural network|model|"
        "language model|llm|generative|genai|chatbot|algorithm|deepfake|robot|robotics|"
        "humanoid|open-weight|open weights|computer vision|voice assistant|dataset|"
        "benchmark|automation|autonomous|ai-generated|ai-faked",
        "人工智能|大模型|模型|算法|机器人|深度伪造|深度合成|生成式|智能体|具身智能|机器学习|AI",
    ),
    "rules": (
        "policy|policies|regulation|regulations|regulatory|rule|rules|law|laws|legislation|"
        "governance|oversight|compliance",
        "policy|regulation|regulator|regulate|rule|law|legislation|mandate|mandatory|ministry|"
        "minister|campaign|standard|label|labelling|labeling|watermark|require|requirement|"
        "compliance|enforce|enforcement|ban|bill|governance|guideline|government|authority|"
        "bureau|administration|court|ruling|fine|penalty|crackdown|notice|licence|license|"
        "subsidy|curriculum|export control|entity list|sanction|statement|treaty|police",
        "政策|监管|规定|办法|法规|法律|标准|标识|治理|要求|条例|新规|施行|管理局|部门|政府|声明",
    ),
    "industry": (
        "industry|industries|business|businesses|market|markets|sector|economy|companies",
        "industry|company|firm|startup|business|fund|funding|investment|investor|market|"
        "release|launch|product|chip|revenue|profit|subsidy|lab|labs|developer|manufacturer|"
        "supplier|factory|shares|valuation|open-weight|open weights|startups",
        "产业|企业|公司|发布|融资|投资|市场|厂商|开源",
    ),
    "chips": (
        "chip|chips|semiconductor|semiconductors|microchip|microchips",
        "chip|semiconductor|gpu|accelerator|processor|foundry|wafer|export control|"
        "entity list|hbm|lithography|chipmaker|inference chip",
        "芯片|半导体|光刻|晶圆|算力",
    ),
    "deepfake": (
        "deepfake|deepfakes|deep fake|deep fakes",
        "deepfake|ai-faked|face-swap|face swap|synthetic media|fake video|fake image|faked|"
        "doctored|manipulated image|ai-generated|impersonation",
        "深度伪造|换脸|深度合成|伪造",
    ),
    "algorithm": (
        "algorithm|algorithms|algorithmic",
        "algorithm|recommendation|recommender|feed|ranking|personalised|personalized|"
        "trending",
        "算法|推荐",
    ),
}

LITERAL_WEIGHT = 2
TITLE_WEIGHT = 2
BODY_WEIGHT = 1
NEEDED = 2  # evidence a phrase word needs


def _split(alts: str) -> list[tuple[str, ...]]:
    """'machine learning|chip' -> [('machin', 'learn'), ('chip',)] as stem tuples."""
    out = []
    for alt in alts.split("|"):
        words = tuple(stem(t) for t in tokens(alt) if not CJK_RE.fullmatch(t))
        if words:
            out.append(words)
    return out


@dataclass(frozen=True)
class Concept:
    name: str
    heads: tuple[tuple[str, ...], ...]
    related: tuple[tuple[str, ...], ...]
    zh: tuple[str, ...]
    zh_heads: tuple[str, ...]


def _build() -> dict[str, Concept]:
    out = {}
    for name, (heads, related, zh) in _LEXICON.items():
        zh_heads = tuple(a for a in heads.split("|") if CJK_RE.search(a))
        out[name] = Concept(name, tuple(_split(heads)), tuple(_split(related)),
                            tuple(zh.split("|")), zh_heads)
    return out


CONCEPTS = _build()
_HEAD_OF: dict[tuple[str, ...], str] = {h: c.name for c in CONCEPTS.values() for h in c.heads}
_ZH_HEAD_OF: dict[str, str] = {h: c.name for c in CONCEPTS.values() for h in c.zh_heads}


@dataclass(frozen=True)
class Text:
    """An article's title and body as stem n-gram counts, plus the raw text for Chinese."""

    title: Counter[tuple[str, ...]]
    body: Counter[tuple[str, ...]]
    title_raw: str
    body_raw: str


def _grams(text: str) -> Counter[tuple[str, ...]]:
    stems: list[str] = []
    for tok in tokens(text):
        if CJK_RE.fullmatch(tok):
            stems.append("")  # a break: n-grams never span Chinese characters
            continue
        stems.append(stem(tok))
        if "-" in tok:  # "ai-faked" also counts as "ai" + "faked"
            stems.extend(stem(p) for p in tok.split("-") if p)
    grams: Counter[tuple[str, ...]] = Counter()
    for n in (1, 2, 3):
        for i in range(len(stems) - n + 1):
            g = tuple(stems[i : i + n])
            if all(g):
                grams[g] += 1
    return grams


def text_of(title: str, body: str) -> Text:
    return Text(_grams(title), _grams(body), title, body)


def _count(term: str | tuple[str, ...], where: Counter[tuple[str, ...]] | str) -> int:
    if isinstance(term, str):
        assert isinstance(where, str)
        if term.isascii():  # "AI" inside Chinese text: a whole word only
            return len(re.findall(rf"(?<![A-Za-z]){re.escape(term)}(?![A-Za-z])", where))
        return where.count(term)
    assert not isinstance(where, str)
    return where.get(term, 0)


def word_evidence(word: tuple[str, ...] | str, text: Text) -> int:
    """Evidence that a topic word (a stem tuple, or a Chinese string) is present."""
    if isinstance(word, str):
        literal = text.title_raw.count(word) + text.body_raw.count(word)
        concept = CONCEPTS.get(_ZH_HEAD_OF.get(word, ""))
    else:
        literal = text.title.get(word, 0) + text.body.get(word, 0)
        concept = CONCEPTS.get(_HEAD_OF.get(word, ""))
    score = LITERAL_WEIGHT * literal
    if concept is None or score >= NEEDED:
        return score
    for term in (*concept.heads, *concept.related):
        score += TITLE_WEIGHT * _count(term, text.title) + BODY_WEIGHT * _count(term, text.body)
    for zh in concept.zh:
        score += TITLE_WEIGHT * _count(zh, text.title_raw) + BODY_WEIGHT * _count(zh, text.body_raw)
    return score


def phrase_words(phrase: str, stems: tuple[str, ...], cjk: str) -> list[tuple[str, ...] | str]:
    """A topic phrase's words: multi-word heads kept whole ("artificial intelligence")."""
    words: list[tuple[str, ...] | str] = []
    i = 0
    while i < len(stems):
        for n in (3, 2):
            if tuple(stems[i : i + n]) in _HEAD_OF:
                words.append(tuple(stems[i : i + n]))
                i += n
                break
        else:
            words.append((stems[i],))
            i += 1
    if cjk:
        words.append(cjk)
    return words


def phrase_evidence(words: list[tuple[str, ...] | str], text: Text) -> int:
    """0 when the phrase does not match; else the weakest word's evidence.

    A phrase of three or more words may miss one of them."""
    per = [word_evidence(w, text) for w in words]
    if not per:
        return 0
    missing = sum(1 for e in per if e < NEEDED)
    if missing > (1 if len(per) >= 3 else 0):
        return 0
    return min(e for e in per if e >= NEEDED)


def shared_heads(topics: list[str]) -> list[str]:
    """Surface forms of the subject most topics share ("AI" in "AI policy", "AI industry"),
    with the aliases of its concept ("artificial intelligence", "人工智能"); Chinese topics
    that name such a concept count too. Every article of the newsletter carries these, so
    they say nothing about which event an article reports."""
    seen: dict[str, int] = {}
    for topic in topics:
        for word in {stem(t) for t in tokens(topic) if not CJK_RE.fullmatch(t)}:
            seen[word] = seen.get(word, 0) + 1
    names = {_HEAD_OF[(w,)] for w, c in seen.items() if c >= 2 and (w,) in _HEAD_OF}
    names |= {_ZH_HEAD_OF[t.strip()] for t in topics if t.strip() in _ZH_HEAD_OF}
    out: list[str] = []
    for name in sorted(names):
        alts = _LEXICON[name][0].split("|")
        out.extend(a for a in alts if a)
    return sorted(set(out), key=len, reverse=True)
