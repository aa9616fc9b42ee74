"""Another outlet's lead that tells the printed event again, known once the headline is
(issue 11: "then only facts not yet said (same numbers, names or event = said)").

Each outlet's lead is its own summary of the story, so a paragraph that prints two outlets'
leads often tells the story's event twice: "The Treasury Department said Monday that the
Senate-approved tax reform plan would pay for itself …" then "The Treasury Department said
Monday that the Republican economic agenda would generate enough economic growth to pay for
the tax cuts …". The writer's word tests (`events.says_nothing_new`) spare such a lead
because it adds details; before the headline was known the writer could not tell a detail
from the fact the reader came for ("one story, one lead", session 15, dropped Devin Kelley's
court-martial; "same subject, same day", session 22, lost "aged 99", each the headline's fact).

Now the headline is chosen between the paragraph's sentences and its opening
(write/stories.py), so a pass after it can tell them apart. Another outlet's lead (`Pick.lead`;
never the paragraph's opening nor a sentence of the opening's article) tells the printed
event again when

* it tells the headline's event: at least `ParagraphSettings.retold_words` (2) of the
  headline's content words;
* it is the same one doing the same thing (`told_again._same_act`): it opens on the subject
  a printed sentence opens on (`event.Event.subject`), shares `retold_words` words of that
  sentence's action (`event.shared_action`), names the same day or no day both name ("Monday"
  against "Tuesday" is another event), and no main verb of another kind ("is set to kick off
  a summit" and "is expected to sign an executive order" are two acts of one man that day);
  or a description doing the same thing (`told_again._same_doing`, session 27: "A federal
  judge late Friday ruled …" / "A Michigan judge ruled last week …": the subject's head word,
  names of one among the other's, one main verb, the same day or no day both name, no day
  the paragraph does not name);
  or, whatever its subject (an outlet's summary often opens on no name: "A federal judge
  …", "Harbour dredging in Carthen is to be paid for …"), it is mostly said
  (`told_again._mostly_said`, session 26): it tells at least `opening_tells` (half) of the
  headline's content words (what makes a lead the headline's, `reopen.lead_with`), at least
  `retold_said` (35 %) of its content words are printed before it, it reports no statement
  (a word of saying, not in its source clause, nor who told it between commas, nor its
  subject's own "said … that": "…, and officials say the work will start in May";
  `told_again._states`) and its main verb, if `acts.act` reads one, is a word printed before
  ("… has apologized …" is another act) or the headline's ("… surged …" under "… rises …",
  session 32: the act the reader was promised);
  or it tells the act a printed sentence of another article tells in other words
  (`told_again.told_otherwise`, session 35: one side's main verb told by the other in a word
  of its family, or a word of one family on both, the same day, shared action words, no two
  subjects naming two others: "A federal appeals court in San Francisco ruled Friday night
  …" after "The Ninth U.S. Circuit Court of Appeals ruled Friday …") and carries nothing the
  reader needs (`needs`: no new figure, actor or quotation; `retells` asks none of that);
* and it writes no word of the headline the rest does not print (`promised`: a fact the
  headline promises, "aged 99"; not the act's own verb in another word of its family or its
  noun, "closing" after "shutting down", session 30). A new figure, actor or quotation does
  not keep it (session 33; sessions 29–30 kept it for them, as `needs`, which `reopen` still
  asks before it replaces an opening): the act told twice is what a copy editor strikes
  ("Hurricane Laura made landfall … in southwestern Louisiana …" / "Hurricane Laura … made
  landfall near Cameron, La., as a Category 4 storm …"); a lead carrying all the opening
  does and more opens instead (`reopen.told_fuller`).

A sentence of another article that is not its lead goes by the same test only when both it
and a sentence printed before it name their main verb, the same one (`same_act` with
`verb_told`, session 34): "Lin was sentenced to 24 months in prison on Thursday for
embezzling funds", an outlet's second sentence, after "Ada Lin was sentenced to two years in
prison on Thursday …". Without a verb read on both sides the words around it tell too little:
"Lin thanked … after the trial" after "Lin said on Thursday that the trial …" is what she did
next (on the benchmark weeks a second sentence crediting what reached a target, after a lead
saying the target would be reached, went without this).

Who someone is, told twice (`identified_again`, session 33): "The man arrested on suspicion
of … is Darren Osborne …" and "The man suspected of … has been identified as 47-year-old Darren
Osborne …" tell one fact, whatever else each says of him. An identity is told by a description
of a person (an article and `proof.item.PEOPLE`) and "is X", "was X", "has been identified as
X", "was named as X" (`_NAMES`), or by "… identified him as X", "… named the suspect as X";
X a name of two capitalised words or more, an age before it allowed. The later telling of one
name (its last word, `fold_name`) goes unless it quotes words the rest does not: an age or a
town describes who was named, not another act. The opening never goes.

Such a lead goes, with any sentence leaning on it (`without`). The paragraph is not filled
again: written again without the lead (`paragraph.select` with the lead skipped), the fill
found nothing in two of three paragraphs and in the third took a retelling of its own ("… he
is “1,000%” behind …" after "… blessed … “1,000 percent” …", a figure `figures.numbers` reads
as another). A shorter paragraph that says the event once is the better one.
The tests of one sentence against others (`retells`, `same_act`, `no_other_act`, `act_words`,
`bag`) are write/told_again.py's; this module makes the passes over a paragraph's picks.
Figures and what was tried: docs/editor.md.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from digest.edit.lexicon import COUNTS, NUMBER_WORDS, fold_name
from digest.edit.proof.item import PEOPLE
from digest.edit.read.acts import act
from digest.edit.read.event import Event, event
from digest.edit.read.events import acts_again
from digest.edit.read.figures import hedge_of, new_figures, rounds
from digest.edit.settings import PARAGRAPH, ParagraphSettings
from digest.edit.write.lines import Key
from digest.edit.write.paragraph import Pick, kept, quotes_anew
from digest.edit.write.told_again import act_words, bag, retells, same_act, told_otherwise


def promised(text: str, rest: Sequence[str], headline: frozenset[str]) -> bool:
    """Whether `text` writes a word of the `headline` (its words) the `rest` does not, the
    act it tells in another word aside (`act_words`)."""
    return bool(headline & bag(text) - frozenset().union(*map(bag, rest)) - act_words(text, rest))


def needs(text: str, rest: Sequence[str], headline: frozenset[str]) -> str | None:
    """What `text` carries that a reader of the `rest` under a headline of `headline`'s words
    would miss (a word of it, a new figure, actor or quotation), or None."""
    mine = event(text)
    told = [event(r) for r in rest]
    if promised(text, rest, headline):
        return "a word of the headline"
    if _new_figure(text, told):
        return "a new figure"
    known = {w for t in told for w in t.words}
    # a subject that is a description ("A New York federal judge") names no one new; its
    # name ("New York") is a detail
    subject = act(text).subject
    doers = mine.doers if subject and subject[-1][:1].isupper() else frozenset()
    if (doers | {mine.subject}) - {""} - known:
        return "a new actor"
    if quotes_anew(text, rest):
        return "a quotation"
    return None


# How long ago, in a retelling ("… the harbour that silted up six years ago", "… a levy first
# set a decade ago"): when something before the act happened, no figure of the act told. Not
# "three weeks after the vote" (a gap can be the news: "the longest wait on record"). General
# English, written for the project.
_AGO = re.compile(r"\b(?:\d[\d,.]*|a|" + "|".join(sorted(NUMBER_WORDS)) + r")[- ]"
                  r"(?:hours?|days?|weeks?|months?|years?|decades?)\s+ago\b", re.IGNORECASE)


# A count before a superlative names a set by rank, not a quantity the news reports ("the
# world's two largest economies", "its three biggest banks", "two of the most powerful
# men"): no figure of the act told. General English, written for the project.
_SUPERLATIVES = ("largest", "biggest", "smallest", "greatest", "richest", "wealthiest",
                 "poorest", "highest", "lowest", "oldest", "youngest", "strongest", "weakest",
                 "busiest", "deadliest", "fastest")
_RANKED = re.compile(r"\b(?:\d+|" + "|".join(sorted(NUMBER_WORDS)) + r")\s+(?:(?:of\s+the\s+)?(?:"
                     + "|".join(_SUPERLATIVES) + r")|of\s+the\s+(?:most|least))\b", re.IGNORECASE)


# A count in words up to twelve is that figure in digits ("ten people died" / "10 people were
# killed"): one number, written the two ways style books give it. General English.
_SMALL = {w: str(n) for n, w in enumerate(COUNTS, start=1) if n >= 2}


def _new_figure(text: str, told: Sequence[Event]) -> bool:
    """Whether `text` gives a figure (digits or words) none of `told` gives, exactly or rounded
    either way ("$12.3 million" after "about $12 million" is the figure told exactly; "billions
    of dollars" after "$10.4 billion", the count of it; "10" after "ten", `_SMALL`), nor one
    saying only how long ago (`_AGO`) nor a count before a superlative (`_RANKED`)."""
    mine = event(_RANKED.sub(" ", _AGO.sub(" ", text)))
    words = {c for t in told for c in _counts(t)}
    known = {f for t in told for f in t.figures} | {_SMALL[c] for c in words if c in _SMALL}
    hedges = frozenset().union(*(t.hedged for t in told))

    def rounded(figure: str) -> bool:  # a printed figure rounds it: the same one told exactly
        return any(rounds(k, figure, hedge_of(k, hedges)) for k in known)

    fresh = [f for f in new_figures(mine.figures, known, mine.hedged) if not rounded(f)]
    return bool(fresh) or bool(_counts(mine) - words - {w for w, d in _SMALL.items()
                                                        if d in known})


def _counts(told: Event) -> frozenset[str]:
    """Its counts in words, a plural as its word ("billions" is "billion")."""
    return frozenset(c.removesuffix("s") for c in told.counts)


def retellings(picks: Sequence[Pick], headline: str,
               settings: ParagraphSettings = PARAGRAPH) -> frozenset[Key]:
    """The leads of `picks` (as printed) that tell the `headline`'s event again and write no
    word of it the rest does not (module docstring), by `Line.key`; never the opening nor a
    sentence of its article."""
    told = bag(headline)
    if len(picks) < 2 or not told:
        return frozenset()
    first = picks[0]
    out: set[Key] = set()
    for n, p in enumerate(picks):
        tells = len(bag(p.text) & told)
        if p is first or p.line.article == first.line.article or (
                tells < settings.retold_words):
            continue
        rest = [o.text for o in picks if o is not p and o.line.key not in out]
        before = [o.text for o in picks[:n] if o.line.key not in out]
        if p.lead:
            again = retells(p.text, rest, before, told, settings, headline) or (
                told_otherwise(p.text, [o.text for o in picks[:n] if o.line.key not in out
                                        and o.line.article != p.line.article],
                               settings.retold_words)
                and needs(p.text, rest, frozenset()) is None)
        else:
            again = same_act(p.text, [o.text for o in picks[:n] if o.line.key not in out
                                      and o.line.article != p.line.article], settings,
                             verb_told=True)
        if again and not promised(p.text, rest, told):
            out.add(p.line.key)
    return frozenset(out)


def acted_again(picks: Sequence[Pick], headline: str,
                settings: ParagraphSettings = PARAGRAPH) -> frozenset[Key]:
    """The `picks` (as printed) whose subject does what a printed sentence of another article
    says its subject did (`events.acts_again`, `_one_act`: "is set to testify" / "is appearing
    Tuesday before"), naming no day but theirs (`event.another_day`), bringing no new figure in
    digits and no name of the `headline` the rest of the paragraph does not print
    (`_headline_name`), by `Line.key`: another outlet's account of the act told, whatever it
    adds after its verb, unless what it adds is what the headline promises ("… is expected to
    introduce the DACA bill" under "… to Bring DACA Bill …"). Never the opening nor a sentence
    of its article; the later of two first."""
    if len(picks) < 2 or settings.event_words <= 0:
        return frozenset()
    first = picks[0]
    out: set[Key] = set()
    for p in reversed(picks[1:]):
        if p.line.article == first.line.article:
            continue
        left = [o.text for o in picks if o is not p and o.line.key not in out]
        others = [o.text for o in picks if o.line.article != p.line.article
                  and o.line.key not in out]
        if acts_again(p.text, others, left, headline):
            out.add(p.line.key)
    return frozenset(out)



# Who a described person is, as data (module docstring): the verbs between the description
# and the name; the verbs of one who names them ("identified him as", "named the suspect as").
_NAMES = ("is", "was", "is identified as", "was identified as", "has been identified as",
          "had been identified as", "is named as", "was named as", "has been named as")
_NAMING = ("identified", "named")
_PERSON = "|".join(sorted(PEOPLE))
_TELLS = "|".join(v.replace(" ", r"\s") for v in _NAMES)
_NAME = (r"(?:(?:an?\s)?\d{1,3}-year-old\s)?"  # "47-year-old Darren Osborne", "Darren J. Osborne"
         r"(?P<name>[A-Z][\w'’-]+(?:\s(?:[A-Z]\.\s)?[A-Z][\w'’-]+)+)")
_DESCRIBED = re.compile(rf"^(?:The|A|An)\s(?:[\w'’-]+\s){{0,3}}?(?:{_PERSON})\b[^;:“\"]{{0,200}}?"
                        rf"\s(?:{_TELLS})\s{_NAME}")
_NAMED_BY = re.compile(rf"\b(?:{'|'.join(_NAMING)})\s(?:him|her|the\s(?:[\w'’-]+\s){{0,2}}?"
                       rf"(?:{_PERSON}))\sas\s{_NAME}")


def identity(text: str) -> str | None:
    """The name `text` tells who a person is (module docstring), as names are compared
    (`fold_name`) by its last word, or None."""
    found = _DESCRIBED.match(text) or _NAMED_BY.search(text)
    return fold_name(found.group("name").split()[-1]) if found else None


def identified_again(picks: Sequence[Pick]) -> frozenset[Key]:
    """The `picks` (as printed) telling again who a person is, a sentence before them having
    told it of the same name (`identity`), and quoting nothing new, by `Line.key`; never the
    opening."""
    told: set[str] = set()
    out: set[Key] = set()
    for n, p in enumerate(picks):
        name = identity(p.text)
        if name is None:
            continue
        if n and name in told and not quotes_anew(p.text, [o.text for o in picks if o is not p]):
            out.add(p.line.key)
        told.add(name)
    return frozenset(out)


def without(picks: Sequence[Pick], gone: frozenset[Key]) -> list[Pick]:
    """`picks` without those `gone` (by `Line.key`), nor a sentence leaning on one that
    went ("He …" after it in its article) or naming "the <noun>" only a gone one named
    (`paragraph.kept`)."""
    if not gone:
        return list(picks)
    return kept(picks, lambda p, _: p.line.key in gone)
