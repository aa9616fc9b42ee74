"""The story paragraph offline: the most central account's lead, then only what is not yet said.

`paragraph_for(arts, citations, language=…, words=(60, 130))`:

1. **Opening** (write/opening.py): the lead of the most central *account*, a column's hook
   aside; a lead that reports before a column's colour.
2. **Its account goes on**, in its own order (news is written as an inverted pyramid: an
   outlet's second sentence follows from its first), each sentence while the paragraph stays
   within `words[1]`, says something new and leans on nothing unprinted. Told alone (a
   one-article story) it stops at its first sentence that does not fit and fills (3) only
   under `words[0]`: its lead sentences as a copy editor strikes them (docs/editor.md).
3. **Then**, greedily, the sentence that raises the paragraph's expected F1 against a
   summary of `reference` words the most, by the share of *all* articles using each of its
   new words, while the paragraph is under `words[0]` (even at a loss), and while it gains and
   stays within `words[1]` after that. Another outlet's lead has no precedence: it is that
   outlet's own summary of the story the opening summarises, so it mostly tells the opening's
   event again in other words, which the word and event tests below cannot always see ("Plastic
   carrier bags will disappear from Harlow's shops after councillors backed Mayor Edith Crane's
   plan to outlaw them" after "The Harlow city council approved a ban on plastic bags"); a
   sentence that adds a fact gains more (docs/editor.md, "Writing": the same ROUGE-1 on
   allsides_dev without the precedence, and of the 114 paragraphs it changed 55 read better,
   most telling once a fact they told twice, 14 worse). Never a sentence that says
   again what is printed (`acts.told_again`: a figure again, mostly the same words, or a
   clause in the same words; nor another outlet's sentence that says nothing its printed
   sentences, taken together, do not — `events.says_nothing_new`: no new name, figure or
   date and at most half its content words new, or the same event told again with the same
   actors and action, so its lead paraphrasing the opening is not printed), nor one that
   leans on a sentence not printed ("He", "The company", "Second,": allowed right after the
   sentence before it in its own article, which it then follows; one leaning only on "he"
   or "she" also elsewhere, the person its article means named — "Biden said he would …" —
   once a sentence printed before it names them: `pronoun.named`, `kept`; one leaning only
   on its opening "But" elsewhere, struck: `leaning.struck`; one leaning only on the "The
   <plural>" it opens on, after a sentence naming them: `Line.opens_on`), nor one naming
   "the <noun>" its article introduced earlier ("the benchmark") before a printed sentence
   names that noun.
4. **Order**: the opening first; then the rest by when the event they report happened
   (`timeline.event_day`, an undated sentence keeping its article's last date) and, within a
   day, article by article in the order they were picked, each in its own order. A sentence
   about an event before the opening's only joins while the paragraph is short.
5. **Trim**: a detachable clause of a later sentence that the sentences printed before it said
   goes (`trim.trimmed`: "The antiviral treatment, which is made by Gilead Sciences and sold as
   Veklury, was used …" after two sentences naming Gilead and Veklury).
6. **Attribution**: the story's sources are linked under its paragraph, so a reported fact is
   printed as the source wrote it; a judgement (`attribution.judges`: "should", "sadly",
   "so-called", …) that no other outlet's article shares is credited to its outlet in the
   sentence (`attribution.attribute`), as a newsletter credits a stance ("Global Times
   hailed …"; crediting every further outlet's first sentence: docs/editor.md), once in a row
   (`trim.credited_once`: never "According to X, …" twice running).

The weights (`ParagraphSettings`: the word chance's `floor`, `agreement` and `titles`, the
summary sizes `reference` and `account_reference`) are chosen on one half of allsides_dev (research
use: nothing learned from its text), scored on the other by `bench/allsides.py --paragraph-grid`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from digest.edit.headline.column import columns, under_column
from digest.edit.lexicon import QUOTED, mostly_cjk, stem
from digest.edit.read.acts import told_again
from digest.edit.read.events import says_nothing_new
from digest.edit.read.facts import new_fact
from digest.edit.settings import PARAGRAPH, ParagraphSettings
from digest.edit.write.attribution import attribute, quoted_share
from digest.edit.write.lines import Centrality, Key, Line, named_line, size_of, story_lines
from digest.edit.write.opening import central_lead, credited, hook_keys, lead_of
from digest.edit.write.report import colour
from digest.edit.write.trim import Printed, credited_once, trimmed
from digest.models import Article, Sentence
from digest.text import tokens

WORDS = (60, 130)  # the default paragraph length (EditorSettings.paragraph_words)


@dataclass(frozen=True)
class Pick:
    line: Line
    text: str  # as printed: with its outlet named where it needs it
    lead: bool = False  # its article's lead (`lead_of`): it may open (reopen.lead_with)


@dataclass
class _Draft:
    """The paragraph while it is chosen: its picks, what they say and how long it is."""

    arts: Sequence[Article]
    central: Centrality
    settings: ParagraphSettings
    story_text: str
    chosen: list[Pick]
    said: set[str]
    hooks: set[Key]
    size: float = 0.0
    overlap: float = 0.0
    # the articles whose every line is their writer's view: under a column's title in a story
    # no report stands in (`views`)
    views: frozenset[int] = frozenset()

    def has(self, ln: Line) -> bool:
        return any(p.line.key == ln.key for p in self.chosen)

    def may_add(self, ln: Line) -> bool:
        """Not printed yet, leaning on nothing unprinted, naming no "the <noun>" before a
        printed sentence introduces it."""
        if self.has(ln) or not ln.refers <= self.said or ln.key in self.hooks:
            return False
        return (not ln.leans or any(p.line.key == ln.before for p in self.chosen)
                or (ln.named is not None and ln.named.refers <= self.said)
                or ln.struck is not None
                or bool(ln.opens_on))  # (its noun named: `refers` above)

    def others(self, ln: Line) -> list[str]:
        """What the other outlets' printed sentences say (a sentence after its own article's
        goes on with that account: `told_again` alone judges it against those)."""
        return [p.text for p in self.chosen if p.line.article != ln.article]

    def gain(self, stems: frozenset[str], extra: float) -> float:
        """How much the expected F1 rises with a sentence of `stems` and `extra` words."""
        new = math.fsum(self.central.share(w) for w in stems - self.said)
        reference = self.settings.reference
        return (2 * (self.overlap + new) / (self.size + extra + reference)
                - 2 * self.overlap / (self.size + reference))

    def add(self, pick: Pick, stems: frozenset[str], length: float) -> None:
        self.chosen.append(pick)
        self.overlap += math.fsum(self.central.share(w) for w in stems - self.said)
        self.said |= stems
        self.size += length


def _printed(ln: Line, draft: _Draft) -> str:
    """The sentence as printed: a judgement no other outlet shares is credited to its outlet
    (`attribution.judges`), and so is every line of a column where no report stands beside
    it (`views`); a reported fact is not (the story's sources are linked under it)."""
    if ln.article not in draft.views and not credited(ln, draft.arts, draft.central,
                                                       draft.settings):
        return ln.text
    return attribute(ln.text, draft.arts[ln.article].source, draft.story_text)


def views(arts: Sequence[Article]) -> frozenset[int]:
    """The articles whose lines are their writer's view, printed credited: under a column's
    title (`headline.column.under_column`, one article alone too) when every article of the
    story is. A column beside a report is read against it (write/report.py: only what it
    reports is printed, and that is news); a story of columns alone has nothing but views,
    and printed bare they would be the newsletter's own ("For President Trump, it may have
    been the best day of his tenure so far." under "OPINION: A Cloud Over …"). Its credit
    is given once for the run of its outlet's sentences (`trim.credited_once`)."""
    opinion = under_column(arts)
    return opinion if len(opinion) == len(arts) else frozenset()


def select(arts: Sequence[Article], language: str | None, words: tuple[int, int] = WORDS,
           settings: ParagraphSettings = PARAGRAPH,
           lines: Sequence[Line] | None = None, opening: int | None = None,
           skip: frozenset[Key] = frozenset()) -> list[Pick]:
    """The paragraph's sentences, in print order (module docstring). `lines`: the story's
    `story_lines(arts, language)` when the caller has them (read once); `opening`: the article
    whose lead opens, when it has one (write/stories.py: the headline's own), else the most
    central account's; `skip`: sentences never to fill with (by `Line.key`: another outlet's
    account of an act told, `retold.acted_again`)."""
    lines = story_lines(arts, language) if lines is None else lines
    central = Centrality(arts, settings)
    hooks = hook_keys(lines)  # each read once: the opening, the draft and the fill ask
    by_article = lead_of(lines, hooks)
    cols = columns(arts)
    colours = colour(arts, lines, cols)  # a column's colour: never fills, never a lead first
    first = by_article.get(opening if opening is not None else -1) or central_lead(
        lines, central, by_article, arts, settings, colours, cols)
    if first is None:
        return []
    lo, hi = words
    draft = _Draft(arts, central, settings, "\n".join(a.text for a in arts), [], set(),
                   hooks, views=views(arts))
    draft.add(Pick(first, _printed(first, draft), lead=True), first.stems, first.size)
    # The opening's own account goes on (told alone: to its first sentence that does not fit)
    alone = len(arts) == 1
    for ln in lines:
        if (ln.article == first.article and ln.index > first.index and draft.may_add(ln)
                and not told_again(ln.text, [c.text for c in draft.chosen])):
            if draft.size + ln.size <= hi:
                draft.add(Pick(ln, _printed(ln, draft)), ln.stems, ln.size)
            elif alone:
                break
    leads = {ln.key for ln in by_article.values()}
    refused: set[Key] = set(skip)
    while not (alone and draft.size >= lo):  # (one account fills only a short story)
        best: tuple[float, Pick, frozenset[str], float] | None = None
        printed = [c.text for c in draft.chosen]
        for ln in lines:
            if not draft.may_add(ln) or ln.key in colours | refused:
                continue
            text = _printed(ln, draft)
            length = ln.size if text == ln.text else size_of(text)
            if draft.size + length > hi or told_again(ln.text, printed) or says_nothing_new(
                    ln.text, draft.others(ln), settings):
                continue
            stems = ln.stems if text == ln.text else frozenset(stem(t) for t in tokens(text))
            gain = draft.gain(stems, length)
            earlier = bool(first.day and ln.day and ln.day < first.day)
            if earlier:
                gain = gain * settings.earlier if gain > 0 else gain / settings.earlier
            if draft.size < lo and not _fills(ln, text, gain, printed, settings):
                continue
            if best is None or gain > best[0]:
                best = (gain, Pick(ln, text, ln.key in leads), stems, length)
        if best is None or (draft.size >= lo and best[0] <= 0):
            break
        _, pick, stems, length = best
        if pick.line.alone is not None and not printable(pick, draft.chosen):
            refused.add(pick.line.key)  # (it would go, its place taken)
            continue
        draft.add(pick, stems, length)
    out: list[Pick] = []  # each trimmed of what is printed before, but one the next leans on
    picks = without_repeats(draft.chosen, settings)  # ("He then …" follows it as written)
    told = [Printed(p.text, p.line.text, arts[p.line.article].source) for p in picks]
    picks = [replace(p, text=t)  # (a credit given once)
             for p, t in zip(picks, credited_once(told, draft.story_text), strict=True)]
    for p, after in zip(picks, [*picks[1:], None], strict=True):
        text = p.text if after and after.line.leans and after.line.before == p.line.key else (
            trimmed(p.text, [o.text for o in out], settings))
        out.append(p if text == p.text else replace(p, text=text))
    return out


def printable(pick: Pick, chosen: Sequence[Pick]) -> bool:
    """Whether `pick` stays with the `chosen` in print order (`_in_order`, `kept`): "He …"
    printed before the sentence naming its person would not."""
    return any(p.line.key == pick.line.key
               for p in kept(_in_order([*chosen, pick]), lambda p, o: False))


def without_repeats(chosen: Sequence[Pick], settings: ParagraphSettings = PARAGRAPH
                    ) -> list[Pick]:
    """The `chosen` picks (the opening first, then in the order they were picked) in print
    order (`_in_order`), each fact once: a sentence that says again what is printed before
    it goes (`in_print`), and so does one that the other outlets' printed sentences, taken
    together, say all of, wherever it stands ("Northam defeated Gillespie Tuesday" between
    "Northam won the governor's race Tuesday" and "Northam was projected to win … over
    Gillespie, as …"): the last picked first; by its words (at most `nothing_new` of them new,
    `events.says_nothing_new` without the event rule, which reads one sentence against
    another), never the opening's account (its sentences go on from the opening), nor one
    quoting words no other printed sentence quotes (`quotes_anew`)."""
    out = in_print(_in_order(chosen), settings)
    picked = {p.line.key: n for n, p in enumerate(chosen)}
    words_only = replace(settings, event_words=0)
    for p in sorted(out[1:], key=lambda p: -picked[p.line.key]):
        others = [o.text for o in out if o.line.article != p.line.article]
        if (p in out and p.line.article != out[0].line.article
                and not quotes_anew(p.text, others)
                and says_nothing_new(p.text, others, words_only)):
            out = in_print([o for o in out if o is not p], settings)
    return out


def quotes_anew(text: str, others: Sequence[str]) -> bool:
    """Whether `text` quotes words none of `others` quotes: someone's words are a fact of
    their own ("… by calling him an “overrated” military leader")."""
    printed = " ".join(others).lower()
    return any(q.strip("\"“”").lower() not in printed for q in QUOTED.findall(text))


def in_print(picks: Sequence[Pick], settings: ParagraphSettings) -> list[Pick]:
    """`picks` in print order without a sentence that says again what is printed before it
    (or one leaning on a sentence that did, or naming "the benchmark" before one is
    introduced: `kept`)."""

    def says_again(p: Pick, out: Sequence[Pick]) -> bool:
        return bool(out) and bool(told_again(p.text, [o.text for o in out]) or says_nothing_new(
            p.text, [o.text for o in out if o.line.article != p.line.article], settings))

    return kept(picks, says_again)


def kept(picks: Sequence[Pick], goes: Callable[[Pick, Sequence[Pick]], bool]) -> list[Pick]:
    """`picks` in order without those `goes` drops (asked of each with the picks kept before
    it), nor a sentence leaning on one that went ("He …" after it in its article), nor one
    naming "the <noun>" before a kept sentence names it. A "He …" away from the sentence
    before it is printed with the person named once a kept sentence names them
    (`lines.Line.named`; "But …" with the conjunction struck: `Line.struck`); else it goes."""
    out: list[Pick] = []
    dropped: set[Key] = set()
    named: set[str] = set()  # the stems printed so far (an opening, a lead, may name "the X")
    for p in picks:
        if p.line.alone is not None and not any(  # away from the sentence before it
                o.line.key == p.line.before for o in out):  # (one credited is printed only there)
            p = replace(p, line=named_line(p.line), text=p.line.alone
                        if p.text == p.line.text else "")
        if not p.text or goes(p, out) or (p.line.leans and p.line.before in dropped) or (
                out and not p.line.refers <= named):
            dropped.add(p.line.key)
            continue
        named |= p.line.stems
        out.append(p)
    return out


def _fills(ln: Line, text: str, gain: float, printed: Sequence[str],
           settings: ParagraphSettings) -> bool:
    """Whether a sentence may fill a paragraph under the least: not a judgement only its
    outlet makes (printed credited: "…, according to <outlet>."), and one bringing no new
    name or figure only while it costs at most `settings.fill_loss` of expected F1 (the other
    outlets say most of its words): an opinion line or a paraphrase does not fill a short
    story. Nor one mostly in quotation marks (over `settings.fill_quoted` of its words):
    someone's own words are a voice, not a fact the story lacks. Chinese writes no capitals,
    so no name shows: its sentences fill by the first rules alone."""
    if text != ln.text or quoted_share(text) > settings.fill_quoted:
        return False
    return gain >= -settings.fill_loss or mostly_cjk(text) or new_fact(text, printed)


def _in_order(chosen: Sequence[Pick]) -> list[Pick]:
    """The opening, then by event day, article (in pick order) and position; a sentence that
    leans on the one before stays right after it."""
    first, rest = chosen[0], list(chosen[1:])
    order = {k: n for n, k in enumerate(dict.fromkeys(
        [first.line.article, *(c.line.article for c in rest)]))}
    rest.sort(key=lambda c: (order[c.line.article], c.line.index))
    # Units: a sentence and those leaning on it, dated by its own or its article's last day
    units: list[list[Pick]] = [[first]]
    for c in rest:
        last = units[-1][-1].line
        if c.line.leans and last.key == c.line.before:
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
                  language: str | None = None, words: tuple[int, int] = WORDS,
                  settings: ParagraphSettings = PARAGRAPH) -> tuple[Sentence, ...]:
    """The story's paragraph, each sentence with the URLs of the article it comes from."""
    return tuple(Sentence(p.text, citations.get(arts[p.line.article].url,
                                                (arts[p.line.article].url,)))
                 for p in select(arts, language, words, settings))
