"""Which sentence opens a story paragraph once its headline is known: the sentence telling the
headline's event (write/stories.py calls these between a paragraph's sentences and their order;
write/opening.py chose the lead the paragraph was written from).

**The opening** (issue 11). The paragraph opens with the lead of the story's most central
account, the headline is the story's best title, each chosen well on its own; on real weeks the
two often tell different things: under "Former Vice President Biden to Lead Memorial Tribute to
McCain" the paragraph opened on Biden's "consternation" in 2008 and told the tribute in its
second sentence. A copy editor opens on the sentence that tells the headline's event; the
reader reads it first, then the background.

`lead_with(picks, headline, own, columns, settings)` moves one printed sentence first, the sentences
leaning on it (its own article's next ones) with it; every other printed sentence keeps its
place after them. Which one:

* the lead of the article whose title gave the headline (`own`), when it tells more of the
  headline's content words than the opening does: that outlet's own report of its title; on
  a tie too (session 36), when it tells an act (`acts.act`) and says when (`Line.day`) or the
  opening says not either: the account the headline was written from, a news lead ("The Trump
  administration on Tuesday proposed reduced federal protections for many small waterways …"
  under "Trump moves to relax Obama-era water protections", not "President Donald Trump has
  said he wants “crystal-clean water.”"). On the benchmark weeks an undated one after a dated
  opening was a kicker or a reaction ("The forced move was highly unusual …"), and one telling
  no act background or a guess ("… had told reporters Tuesday she would not support …",
  "There is a very distinct possibility …");
* else another outlet's lead that tells the headline (at least `opening_tells` of its content
  words, `ParagraphSettings`) when the opening tells at most `opening_far` of what it does,
  and at least `opening_margin` words fewer (of a three-word headline, one word is chance:
  "July Jobs Report").

Only an article's lead moves (its first printable sentence, which leans on nothing); not one
printed credited or trimmed (its words are no longer the outlet's lead alone), not a column's
(`headline.column.columns`: a column's lead is its writer's way in), not one naming "the
<noun>" its article introduced (`Line.refers`), nor one of the opening's own account (it goes
on in its order). The old opening then follows: it leans on nothing, and it moves only when it
names no "the <noun>" the moved sentences do not name. The set of sentences is unchanged, only
their order, so the paragraph's ROUGE-1 cannot move (bench/allsides.py); figures and what was
tried: docs/editor.md.

**A vaguer opening** (`said_better`). An outlet's lead may open the paragraph and say less than
another outlet's lead printed after it: "The top nuclear commander in the US says he would
resist any "illegal" presidential order …" then "Air Force Gen. John Hyten, the top U.S.
nuclear commander, said he would decline an "illegal" nuclear launch if President Donald Trump
called for one, …". The writer's test of a later sentence (`events.says_nothing_new`) reads one
way only: the opening stays whatever follows it. A copy editor keeps the specific one. The
opening goes, and that lead (with what leans on it) opens, when, read as if the lead were
printed first, the opening says nothing it does not: no name, figure or date it lacks, no count
in words it lacks, and at most `1 - facts.RESTATED` (40 %) of its content words new to it (what
`write/trim.py` calls a clause said; the writer's 50 % drops openings that carry another act:
"The daughter of US Senator John McCain has hit back …" before Mulvaney's defence); the lead
brings a name, figure or date the opening lacks (`facts.new_fact`), and tells at least as many
of the headline's content words. The opening is weighed without its subject's descriptions
(`trim.bare`: an appositive or a relative clause between commas before its verb, who the
subject is, not what happened): "Rush Limbaugh, the talk titan who made right-wing radio
financially viable …, died Wednesday, after he revealed in 2020 that his lung cancer was
terminal." gives way to "Rush Limbaugh, the monumentally influential media icon …, died
Wednesday morning at the age of 70 after a battle with lung cancer, his family announced.",
which tells the headline's "70". The paragraph is then read in its new order
(`paragraph.in_print`).

**The act told better** (`told_better`, session 27). Two outlets' leads often tell one act
in other words ("President Trump on Monday suggested the government start its own television
network …" / "President Donald Trump on Monday afternoon proposed the creation of a new,
United States-funded television network to compete with CNN globally."); when the later one
tells more of the headline's words, `retold.py` keeps it (a word of the headline is what the
reader needs), so the act was told twice. When the opening tells the act that lead tells
(`told_again.retells`: the same act, or half the headline's words and mostly the lead's, no other
day), or that lead tells the opening's (session 29: the opening, "In a decision praised …, a
judge on Monday ordered …", reads no act and tells under half the headline's words, but the
lead is mostly its words, and the opening says and does nothing else: `told_again.no_other_act`),
it carries nothing the reader needs that the rest does not print (`retold.needs`: no word of
the headline, figure, actor or quotation of its own) and it goes alone (nothing leaning on
it), that lead opens and the opening is not printed; a sentence of the opening's account that
then says again what the lead says goes too (session 29). A lead telling as many of the
headline's words opens too when one of them no other sentence prints and it carries nothing
else of its own (`_tells_more`: no figure, actor or quotation): one telling, the one with the
headline's word (session 29).

**The fuller telling** (`told_fuller`, session 33). Another outlet's lead often tells the
opening's act again with one real detail of its own: "The Trump administration on Saturday
halted billions of dollars in payments to health insurers …" then "The Trump administration
said Saturday that it was suspending $10.4 billion in payments expected by Obamacare insurers
…". `retold.py` keeps it (a new figure is what the reader needs), so the act was told twice,
and dropping it would lose the figure. When that lead tells the opening's act (`_one_act`, as
above, and one of them tells the other's main verb, in a word of its family or its noun, or
opens on its subject doing it: `_act_told`; not only the same words, "declared herself ready
to be … running mate" is no "set to huddle with …"), carries all the opening carries
(`_told_in`: no figure, count, actor or quotation of the opening's own, `retold.needs`; no name
it does not write, a party naming no one; no day or month it does not name; as many of the
headline's words, the act told in other words counting; the opening weighed without its
subject's descriptions, `trim.bare`, and without the clause naming its source, who told it and
when: "…, two people familiar with the matter said Monday") and something more (a name,
figure, actor or quotation: `facts.new_fact`, `retold.needs`), and is no longer than the
paragraph's least words (`most`), it opens in the opening's place and the opening is not
printed, on `told_better`'s terms (the opening goes alone; `_instead`). Selection, not
surgery: each outlet's sentence is printed as written. When each carries something the other
lacks (a figure each, a day against a place), both stay: which loss is the lesser is no rule
this module can tell. Figures: docs/editor.md.

**Said by a later lead** (`said_later`, session 28). The writer reads each sentence against
those printed before it (`events.says_nothing_new`), never against one printed after, so a
vaguer lead stays before the lead that says all of it: "In an extraordinary condemnation, the
former defense secretary backs protesters and says the president is trying to turn Americans
against one another." then "Retired Marine Gen. Jim Mattis, …, has issued an extraordinary
critique of the White House's handling of nationwide unrest, saying Trump has sought to divide
Americans …". Another outlet's lead after the opening goes when a later lead of a third
article says all of it by the writer's own test (its subject's descriptions aside, `trim.bare`),
brings a name, figure or date it lacks, every count in words it gives, and tells as many of
the headline's words; and it goes alone (nothing leaning on it).
"""


from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import replace

from digest.edit.read.acts import act
from digest.edit.read.event import PARTY_FORMS, event
from digest.edit.read.events import says_nothing_new
from digest.edit.read.facts import DATES, RESTATED, new_fact, source_clause, spelt_known
from digest.edit.settings import PARAGRAPH, ParagraphSettings
from digest.edit.write.paragraph import Pick, in_print
from digest.edit.write.retold import needs, without
from digest.edit.write.told_again import act_words, bag, no_other_act, retells, same_act
from digest.edit.write.trim import bare


def lead_with(picks: Sequence[Pick], headline: str, own: int | None = None,
              columns: frozenset[int] = frozenset(),
              settings: ParagraphSettings = PARAGRAPH) -> list[Pick]:
    """`picks` (in print order) opening on the sentence that tells the `headline`'s event,
    when the opening does not (module docstring); `own`: the article whose title gave the
    headline. Otherwise as they are."""
    told = bag(headline)
    if len(picks) < 2 or not told:
        return list(picks)
    first = picks[0]
    movable = {n: len(bag(p.text) & told) for n, p in enumerate(picks[1:], 1)
               if p.lead and p.text == p.line.text and not p.line.refers
               and p.line.article != first.line.article and p.line.article not in columns}
    if not movable:
        return list(picks)
    opening = len(bag(first.text) & told)
    n = next((n for n in movable if picks[n].line.article == own), None)
    if n is not None and movable[n] == opening and not (
            act(picks[n].text).verb and (picks[n].line.day is not None or first.line.day is None)):
        n = None  # (a tie: the own lead opens when it tells an act and says when, or the
        # opening says not)
    if n is None or movable[n] < opening:  # the headline's own lead tells no more of it
        n = max(movable, key=lambda n: (movable[n], -n))
        if not tells_better(movable[n], opening, len(told), settings):
            return list(picks)
    moved = _moved(picks, n)
    # Each fact once, in the new order too (`paragraph.in_print`, the copy editor's rule): when
    # the old opening (or another) would now say again what the moved one says, nothing moves.
    return moved if len(in_print(moved, settings)) == len(moved) else list(picks)


def tells_better(tells: int, opening: int, words: int,
                 settings: ParagraphSettings = PARAGRAPH) -> bool:
    """Whether a lead telling `tells` of a headline's `words` content words opens before an
    opening telling `opening` of them: it tells at least `opening_tells` of them, the opening
    at most `opening_far` as many and at least `opening_margin` fewer."""
    return (tells >= settings.opening_tells * words and opening <= settings.opening_far * tells
            and tells - opening >= settings.opening_margin)


def said_better(picks: Sequence[Pick], headline: str, columns: frozenset[int] = frozenset(),
                settings: ParagraphSettings = PARAGRAPH) -> list[Pick]:
    """`picks` (in print order) opening on another outlet's lead that says all the opening
    says and more, the opening gone (module docstring, "A vaguer opening"); else as they are.
    Not when a printed sentence was trimmed or credited (its words were chosen against the
    sentences printed before it)."""
    if len(picks) < 2 or any(p.text != p.line.text for p in picks):
        return list(picks)
    first = picks[0]
    told = bag(headline)
    # "said" as a clause is said (write/trim.py): at most 1 - RESTATED of its words new
    said = replace(settings, nothing_new=1 - RESTATED, event_words=0)
    core = bare(first.text)  # what it tells, its descriptions aside
    tells, counts = len(bag(first.text) & told), event(core).counts
    for n, p in enumerate(picks[1:], 1):
        if (p.lead and not p.line.refers and p.line.article != first.line.article
                and p.line.article not in columns
                and len(bag(p.text) & told) >= tells
                and not counts - event(p.text).counts
                and says_nothing_new(core, [p.text], said)
                and new_fact(p.text, [first.text])):
            out = in_print(_first(picks, _unit(picks, n)), settings)
            if first not in out:
                return out
    return list(picks)


def said_later(picks: Sequence[Pick], headline: str,
               settings: ParagraphSettings = PARAGRAPH) -> list[Pick]:
    """`picks` (in print order) without another outlet's lead, after the opening, that a lead
    printed later says all of and more (module docstring, "Said by a later lead"), when it goes
    alone; else as they are. Not when a printed sentence was trimmed or credited."""
    if len(picks) < 3 or any(p.text != p.line.text for p in picks):
        return list(picks)
    told = bag(headline)
    first = picks[0].line.article
    for n, x in enumerate(picks[1:-1], 1):
        if not x.lead or x.line.article == first:
            continue
        core, shared = bare(x.text), len(bag(x.text) & told)  # (the headline's words it tells)
        for y in picks[n + 1:]:
            if (y.lead and y.line.article not in (x.line.article, first)
                    and len(bag(y.text) & told) >= shared
                    and not event(core).counts - event(y.text).counts
                    and says_nothing_new(core, [y.text], settings)
                    and new_fact(y.text, [x.text])):
                out = in_print(without(picks, frozenset([x.line.key])), settings)
                if len(out) == len(picks) - 1:
                    return out
    return list(picks)


def told_better(picks: Sequence[Pick], headline: str, columns: frozenset[int] = frozenset(),
                settings: ParagraphSettings = PARAGRAPH) -> list[Pick]:
    """`picks` (in print order) opening on another outlet's lead that tells the opening's act
    (`told_again.retells`, either way round: `_one_act`) and more of the headline's words (or as
    many, one its own: `_tells_more`), the opening gone, when the opening carries nothing the
    reader needs that the rest does not print (`retold.needs`); else as they are (module
    docstring, "The act told better")."""
    told = bag(headline)
    if len(picks) < 2 or not told:
        return list(picks)
    first = picks[0]
    tells = len(bag(first.text) & told)
    rest = [p.text for p in picks[1:]]

    def better(p: Pick) -> bool:
        its = len(bag(p.text) & told)  # the headline's words it tells
        return ((its > tells or (its == tells and _tells_more(p, picks, told)))
                and _one_act(first.text, p.text, told, settings)
                and not needs(first.text, rest, told))

    return _instead(picks, columns, better, settings)


def told_fuller(picks: Sequence[Pick], headline: str, columns: frozenset[int] = frozenset(),
                most: float = math.inf, settings: ParagraphSettings = PARAGRAPH) -> list[Pick]:
    """`picks` (in print order) opening on another outlet's lead of at most `most` words that
    tells the opening's act (`_one_act`, its verb or subject: `_act_told`), all the opening
    tells (`_told_in`) and something more (a name, figure, actor or quotation), the opening
    gone; else as they are (module docstring, "The fuller telling")."""
    told = bag(headline)
    if len(picks) < 2 or not told:
        return list(picks)
    first = picks[0].text

    def fuller(p: Pick) -> bool:
        return (p.line.size <= most and _one_act(first, p.text, told, settings)
                and _act_told(first, p.text, settings) and _told_in(first, p.text, told)
                and (new_fact(p.text, [first]) or needs(p.text, [first], frozenset()) is not None))

    return _instead(picks, columns, fuller, settings)


def _one_act(opening: str, lead: str, told: frozenset[str], settings: ParagraphSettings) -> bool:
    """Whether the `opening` tells the act the `lead` tells (`told_again.retells`), or the lead
    the opening's, the opening saying and doing nothing else (`told_again.no_other_act`)."""
    return retells(opening, [lead], [lead], told, settings) or (
        retells(lead, [opening], [opening], told, settings) and no_other_act(opening, [lead]))


def _act_told(opening: str, lead: str, settings: ParagraphSettings) -> bool:
    """Whether one of the two tells the other's main act in a word of its family or its noun
    (`told_again.act_words`: "upheld" / "upheld", "halted" / "suspending") or opens on its subject
    doing it (`told_again.same_act`): not only the same words ("declared herself ready to be …
    running mate" is no "set to huddle with …")."""
    return bool(act_words(opening, [lead]) or act_words(lead, [opening])
                or same_act(opening, [lead], settings) or same_act(lead, [opening], settings))


def _told_in(opening: str, lead: str, told: frozenset[str]) -> bool:
    """Whether the `lead` tells all the `opening` tells happened: the opening, its subject's
    descriptions (`trim.bare`) and the clause naming its source aside ("…, two people familiar
    with the matter said Monday": who told it, and when), gives no figure, count, actor or
    quotation the lead lacks (`retold.needs`), no name the lead does not write (its first
    word likewise; a party names no one: `event.PARTY_FORMS`; a name's acronym is the name),
    no day or month it does not name; and the lead tells as many of the headline's words
    (`told`), the opening's act told in other words counting as told (`told_again.act_words`:
    "halted" / "suspending")."""
    core = bare(opening)
    core = core.replace(source_clause(core), " ") if source_clause(core) else core
    mine, theirs = event(core), event(lead)
    if needs(core, [lead], frozenset()) or mine.opener not in theirs.words | {""}:
        return False
    for name in mine.names:
        dates = set(name) & DATES
        if not (set(name) <= PARTY_FORMS or (dates <= theirs.words if dates else (
                name[-1] in theirs.words or spelt_known(name, theirs.words)))):
            return False
    return len(told & (bag(lead) | act_words(opening, [lead]))) >= len(told & bag(opening))


def _instead(picks: Sequence[Pick], columns: frozenset[int], opens: Callable[[Pick], bool],
             settings: ParagraphSettings) -> list[Pick]:
    """`picks` opening on the first later lead `opens` takes, with the sentences leaning on
    it, the opening gone: a lead printed as written (not credited or trimmed), naming no "the
    <noun>" its article introduced, of another article than the opening's, not a column's;
    when the opening goes alone (nothing leans on it) and that lead opens once the paragraph
    is read again in the new order (`paragraph.in_print`); else `picks` as they are."""
    first = picks[0]
    for n, p in enumerate(picks[1:], 1):
        if (p.lead and p.text == p.line.text and not p.line.refers
                and p.line.article != first.line.article and p.line.article not in columns
                and opens(p)):
            moved = without(_first(picks, _unit(picks, n)), frozenset([first.line.key]))
            out = in_print(moved, settings)
            if len(moved) == len(picks) - 1 and out and out[0] is p:  # the opening alone goes
                return out
    return list(picks)


def _tells_more(lead: Pick, picks: Sequence[Pick], told: frozenset[str]) -> bool:
    """Whether `lead` tells a word of the headline (`told`) no other of `picks` prints, and
    nothing else of its own (no figure, actor or quotation: `retold.needs`)."""
    others = [p.text for p in picks if p is not lead]
    return bool(told & bag(lead.text) - frozenset().union(*map(bag, others))) and (
        needs(lead.text, others, frozenset()) is None)


def _unit(picks: Sequence[Pick], n: int) -> list[Pick]:
    """`picks[n]` with the sentences leaning on it (its own article's next ones)."""
    unit = [picks[n]]
    for p in picks[n + 1:]:
        last = unit[-1].line
        if not (p.line.leans and p.line.article == last.article
                and p.line.index == last.index + 1):
            break
        unit.append(p)
    return unit


def _moved(picks: Sequence[Pick], n: int) -> list[Pick]:
    """`picks[n]` first, with the sentences leaning on it, the rest in their order; as they
    are when the old opening names "the <noun>" the moved sentences do not name."""
    unit = _unit(picks, n)
    if not picks[0].line.refers <= frozenset().union(*(p.line.stems for p in unit)):
        return list(picks)
    return _first(picks, unit)


def _first(picks: Sequence[Pick], unit: Sequence[Pick]) -> list[Pick]:
    """`unit` first, then the rest of `picks` in their order."""
    moved = {id(p) for p in unit}
    return [*unit, *(p for p in picks if id(p) not in moved)]
