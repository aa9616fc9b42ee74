"""Extractive single-document summaries, and the sentence scoring the editor builds on.

A sentence's score is a *position prior* times its *centrality*, after removing furniture
(bylines, datelines, "Scroll down for video", photo credits: furniture.py) that news pages
put first:

    score(i) = prior(i) * (0.5 + centrality(i)) * length_factor(i)

* prior(i) = 1 / (1 + i) ** 0.8 — news is written as an inverted pyramid; the exponent was
  chosen from first principles (between Zipf's 1 and a flat 0) and never fitted on the
  benchmark articles;
* centrality(i) = cosine between the sentence's content-word vector and the document's;
* length_factor penalises fragments (< 8 words) and run-ons (> 45 words).

`summarize_document` picks the best `n` sentences without repeating content (a sentence
whose content words are 60% contained in one already chosen is skipped), in document order.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from digest.edit.lexicon import CJK_RE, content_words
from digest.edit.write.furniture import clean_sentence, is_furniture
from digest.sentences import split_sentences


@dataclass(frozen=True)
class Scored:
    index: int  # position in the document's sentence list
    text: str
    score: float
    words: tuple[str, ...]  # content words (stemmed), for redundancy checks


_CJK_LANGUAGES = ("zh", "ja", "ko")


def is_cjk_language(language: str | None) -> bool:
    return (language or "")[:2].lower() in _CJK_LANGUAGES


def in_language(text: str, article_language: str | None, language: str) -> bool:
    """Whether a sentence is written in the newsletter's `language` (ISO 639-1 prefix).

    The script decides between CJK and the rest; within Latin script the article's own
    language does (a French article in an English issue is another language).
    """
    # A Chinese sentence may carry an English name in brackets, and an English one a Chinese
    # name: the script with more weight (a character counts 2/3 of a Latin word) decides.
    cjk = len(CJK_RE.findall(text)) > 1.5 * len(re.findall(r"[A-Za-z]{2,}", text))
    if is_cjk_language(language):
        return cjk
    if cjk:
        return False
    own = (article_language or "")[:2].lower()
    return not own or own == language[:2].lower() or own in _CJK_LANGUAGES



def _cosine(a: Counter[str], b: Counter[str]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b.get(k, 0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def _length_factor(words: int, cjk: bool) -> float:
    lo, hi = (12, 90) if cjk else (8, 45)
    if words < lo:
        return max(0.1, words / lo) ** 2
    if words > hi:
        return hi / words
    return 1.0


class Line(Protocol):
    """A sentence read once (week.Line has these and more)."""

    @property
    def index(self) -> int: ...
    @property
    def text(self) -> str: ...
    @property
    def words(self) -> tuple[str, ...]: ...
    @property
    def furniture(self) -> bool: ...


@dataclass(frozen=True)
class _Plain:
    index: int
    text: str
    words: tuple[str, ...]
    furniture: bool


def score_sentences(sentences: Sequence[str], *, prior_exponent: float = 0.8) -> list[Scored]:
    """Score every non-furniture sentence of one document (see the module docstring)."""
    lines = []
    for i, s in enumerate(sentences):
        text = clean_sentence(s, lead=i == 0)
        lines.append(_Plain(i, text, tuple(content_words(text)), is_furniture(s)))
    return score_lines(lines, prior_exponent=prior_exponent)


def score_lines(lines: Sequence[Line], *, prior_exponent: float = 0.8) -> list[Scored]:
    """`score_sentences` on sentences already split, cleaned and tokenised."""
    kept = [line for line in lines if not line.furniture]
    bags = [Counter(line.words) for line in kept]
    doc: Counter[str] = Counter()
    for bag in bags:
        doc.update(bag)
    out: list[Scored] = []
    for rank, (line, bag) in enumerate(zip(kept, bags, strict=True)):
        cjk = sum(1 for w in bag if len(w) == 1 and not w.isascii()) > len(bag) / 2
        length = sum(bag.values()) if cjk else len(line.text.split())
        prior = 1.0 / (1.0 + rank) ** prior_exponent
        central = _cosine(bag, doc)
        score = prior * (0.5 + central) * _length_factor(length, cjk)
        out.append(Scored(line.index, line.text, score, tuple(bag)))
    return out


def redundant(words: Sequence[str], chosen: Sequence[Sequence[str]], limit: float = 0.6) -> bool:
    """Whether most of a sentence's content words are already said by a chosen sentence."""
    mine = set(words)
    if not mine:
        return True
    return any(len(mine & set(other)) / len(mine) >= limit for other in chosen)


def summarize_sentences(sentences: Sequence[str], n: int = 3) -> list[str]:
    scored = sorted(score_sentences(sentences), key=lambda s: (-s.score, s.index))
    chosen: list[Scored] = []
    for cand in scored:
        if len(chosen) >= n:
            break
        if redundant(cand.words, [c.words for c in chosen]):
            continue
        chosen.append(cand)
    return [c.text for c in sorted(chosen, key=lambda s: s.index)]


def summarize_document(text: str, n: int = 3) -> list[str]:
    """The `n` best sentences of one article, in document order (extractive)."""
    return summarize_sentences(split_sentences(text), n)
