"""The story paragraph offline: the story's most central lead, then only what is not yet said.

`paragraph_for(arts, citations, language=…, words=(60, 130))`:

1. **Opening**: of the articles' lead sentences (each article's first printable one that
   leans on nothing), the one the other outlets say most of — the highest expected ROUGE-1
   F1 against a summary of `OPENING_REFERENCE` words, counting each word by the share of the
   other articles that use it (`lines.Centrality`).
2. **Then**, greedily, the sentence that raises the paragraph's expected F1 against a
   summary of `REFERENCE` words the most, by the share of *all* articles using each of its
   new words, while the paragraph is under `words[0]` (even at a loss), and while it gains
   and stays within `words[1]` after that. Never a sentence that says again what is printed
   (`proof.restates`: a figure again, or mostly the same words), nor one that leans on a
   sentence not printed ("He", "The company", "Second,": allowed right after the sentence
   before it in its own article, which it then follows), nor one naming "the <noun>" its
   article introduced earlier ("the benchmark") before a printed sentence names that noun.
3. **Order**: the opening first; then the rest by when the event they report happened
   (`timeline.event_day`, an undated sentence keeping its article's last date) and, within a
   day, article by article in the order they were picked, each in its own order. A sentence
   about an event before the opening's only joins while the paragraph is short.
4. **Attribution**: the first sentence from each further outlet names it
   (`attribution.attribute`), unless it names its own source.

`REFERENCE` and `OPENING_REFERENCE` were chosen on one half of allsides_dev (research use:
measured, nothing learned from its text) and held on the other; docs/editor.md has figures.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from digest.edit.lexicon import stem
from digest.edit.proof import restates
from digest.edit.write.attribution import attribute
from digest.edit.write.lines import Centrality, Line, size_of, story_lines
from digest.models import Article, Sentence
from digest.text import tokens

WORDS = (60, 130)  # the default paragraph length (EditorSettings.paragraph_words)
REFERENCE = 40.0  # words of the summary the paragraph's expected F1 is taken against
OPENING_REFERENCE = 40.0  # … and the opening sentence's
EARLIER = 0.5  # weight of a sentence about an event before the opening's
CORROBORATED = 0.6  # share of a sentence's content words another outlet's article also has


def _opening(lines: Sequence[Line], central: Centrality) -> Line | None:
    leads: dict[int, Line] = {}
    for ln in lines:
        if ln.article not in leads and not ln.leans:
            leads[ln.article] = ln
    if not leads:
        return None
    return max(leads.values(),
               key=lambda ln: (central.lead_score(ln, OPENING_REFERENCE), -ln.article))


def _gain(stems: frozenset[str], extra: float, said: set[str], size: float, overlap: float,
          central: Centrality) -> float:
    """How much the paragraph's expected F1 rises with a sentence of `stems` and `extra`
    words of length."""
    new = math.fsum(central.share(w) for w in stems - said)
    return (2 * (overlap + new) / (size + extra + REFERENCE)
            - 2 * overlap / (size + REFERENCE))


@dataclass(frozen=True)
class Pick:
    line: Line
    text: str  # as printed: with its outlet named where it needs it


def select(arts: Sequence[Article], language: str | None,
           words: tuple[int, int] = WORDS) -> list[Pick]:
    """The paragraph's sentences, in print order (see the module docstring)."""
    lines = story_lines(arts, language)
    central = Centrality(arts)
    first = _opening(lines, central)
    if first is None:
        return []
    story_text = "\n".join(a.text for a in arts)
    lo, hi = words
    chosen = [Pick(first, first.text)]
    heard = {arts[first.article].source}
    said = set(first.stems)
    size, overlap = first.size, math.fsum(central.share(w) for w in first.stems)
    picked = {(first.article, first.index)}
    while True:
        best: tuple[float, Pick, frozenset[str], float] | None = None
        printed = [c.text for c in chosen]
        for ln in lines:
            if (ln.article, ln.index) in picked:
                continue
            if ln.leans and (ln.article, ln.index - 1) not in picked:
                continue
            if not ln.refers <= said:
                continue  # "the benchmark" before any sentence printed names one
            art = arts[ln.article]
            text = ln.text
            if art.source not in heard and not _corroborated(ln, arts, central):
                text = attribute(text, art.source, story_text)
            length = size_of(text)
            if size + length > hi or restates(ln.text, printed):
                continue
            stems = frozenset(stem(t) for t in tokens(text))
            gain = _gain(stems, length, said, size, overlap, central)
            if first.day and ln.day and ln.day < first.day:
                gain = gain * EARLIER if gain > 0 else gain / EARLIER
            if best is None or gain > best[0]:
                best = (gain, Pick(ln, text), stems, length)
        if best is None or (size >= lo and best[0] <= 0):
            break
        _, pick, stems, length = best
        chosen.append(pick)
        picked.add((pick.line.article, pick.line.index))
        heard.add(arts[pick.line.article].source)
        overlap += math.fsum(central.share(w) for w in stems - said)
        said |= stems
        size += length
    # Name each further outlet at its first sentence in print order.
    out: list[Pick] = []
    heard = set()
    dropped: set[tuple[int, int]] = set()
    named: set[str] = set()  # the stems printed so far (an opening, a lead, may name "the X")
    for p in _in_order(chosen):
        art = arts[p.line.article]
        text = p.line.text
        if heard and art.source not in heard and not _corroborated(p.line, arts, central):
            text = attribute(text, art.source, story_text)
        if (out and restates(text, [o.text for o in out])) or (
                p.line.leans and (p.line.article, p.line.index - 1) in dropped) or (
                out and not p.line.refers <= named):
            # In print order, with its outlet named, it says again what is printed (or leans
            # on a sentence that did, or names "the benchmark" before one is introduced).
            dropped.add((p.line.article, p.line.index))
            continue
        heard.add(art.source)
        named |= p.line.stems
        out.append(Pick(p.line, text))
    return out


def _corroborated(line: Line, arts: Sequence[Article], central: Centrality) -> bool:
    """Another outlet's article says most of what this sentence says: it needs no source."""
    if not line.content:
        return False
    return any(len(line.content & bag) / len(line.content) >= CORROBORATED
               for k, bag in enumerate(central.bags)
               if arts[k].source != arts[line.article].source)


def _in_order(chosen: Sequence[Pick]) -> list[Pick]:
    """The opening, then by event day, article (in pick order) and position; a sentence that
    leans on the one before stays right after it."""
    first, rest = chosen[0], list(chosen[1:])
    order = {k: n for n, k in enumerate(dict.fromkeys(
        [first.line.article, *(c.line.article for c in rest)]))}
    rest.sort(key=lambda c: (order[c.line.article], c.line.index))
    # Units: a sentence and those leaning on it; each dated by its own or its article's
    # last known day.
    units: list[list[Pick]] = [[first]]
    for c in rest:
        last = units[-1][-1].line
        if c.line.leans and last.article == c.line.article and last.index == c.line.index - 1:
            units[-1].append(c)
        else:
            units.append([c])
    head, units = units[0], units[1:]
    known: dict[int, date] = {first.line.article: first.line.day} if first.line.day else {}
    dated: list[tuple[date | None, int, list[Pick]]] = []
    for n, unit in enumerate(units):
        article = unit[0].line.article
        day = next((c.line.day for c in unit if c.line.day), None) or known.get(article)
        if day:
            known[article] = day
        dated.append((day, n, unit))
    floor = first.line.day or date.min
    dated.sort(key=lambda t: (t[0] or floor, t[1]))
    return [*head, *(c for _, _, unit in dated for c in unit)]


def paragraph_for(arts: Sequence[Article], citations: dict[str, tuple[str, ...]], *,
                  language: str | None = None,
                  words: tuple[int, int] = WORDS) -> tuple[Sentence, ...]:
    """The story's paragraph, each sentence with the URLs of the article it comes from."""
    return tuple(Sentence(p.text, citations.get(arts[p.line.article].url,
                                                (arts[p.line.article].url,)))
                 for p in select(arts, language, words))
