"""A clause the paragraph already said, cut from a sentence that adds a fact (issue 11).

A retelling left in a paragraph seldom says *only* what is printed: it repeats a clause and
adds a fact in the same sentence ("The antiviral treatment, which is made by Gilead Sciences
and sold as Veklury, was used to treat President Donald Trump …" after two sentences naming
Gilead and Veklury). Choosing whole sentences can only keep both or lose one; `trimmed` cuts
the part general English grammar lets go without breaking the sentence, a *detachable*
clause (`SHAPES`, a table):

* a non-restrictive relative clause between commas after the subject, or ending the sentence
  after its verb (", which …,", ", who …,"; ", which ….");
* an appositive between commas after a name the paragraph already printed (", the former
  national security adviser,");
* a leading participial or prepositional phrase before the subject ("Speaking to Bill
  O'Reilly, Trump shrugged off …" → "Trump shrugged off …");
* a trailing circumstance (", after …", ", as …" ending the sentence).

A clause goes only when the paragraph already said it (`_said_before`), by the tests the writer
asks of a whole sentence: it brings no name, figure or date the printed sentences lack
(`facts.new_fact`), it has three content words or more, and most of them are printed: it tells
again what one printed sentence told (`acts.told_again`) or at most 40 % of its words are new
to them all (`events.says_nothing_new` by words alone, at the complement of
`facts.RESTATED`); an appositive, when every word of it is printed. A relative clause says
something of its noun: only of a noun the paragraph wrote. What is left must stand alone
(`_stands`, `_placed`): the cut outside any quotation, its first word capitalised, no
reference to something not printed (`leaning.leans_back`) that the whole sentence did not
make, its verb where the shape leaves it; and it must still tell something new (the copy
editor's test), or the sentence is printed whole.

A credit the sentence before gave is struck too (`credited_once`): "According to X, A.
According to X, B." reads "According to X, A. B.".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from digest.edit.lexicon import (
    AUXILIARIES,
    CALENDAR,
    IRREGULAR_VERBS,
    SPEECH,
    STOPWORDS,
    content_words,
    stem,
)
from digest.edit.read.acts import told_again
from digest.edit.read.events import says_nothing_new
from digest.edit.read.facts import (
    RESTATED,
    RESTATES_WORDS,
    form,
    known_forms,
    new_fact,
    one_form,
    plain,
)
from digest.edit.read.leaning import leans_back
from digest.edit.settings import PARAGRAPH, ParagraphSettings
from digest.edit.write.attribution import attribute
from digest.text import quote_depth

# A clause holds no quotation mark, bracket, dash, colon or semicolon: it is cut whole, never
# inside someone's words or a parenthesis.
_BODY = r"[^,;:\"“”()\[\]—–]+"
_END = r"(?=[.!?]$)"
# What may follow the comma that closes a clause in mid-sentence: a lower-case word that
# goes on with the main clause (its verb, an adverb, a preposition: "…, said", "…, has"),
# not one that opens a new item or clause ("and", "the", "he": the clause's comma was a
# list's or the clause went on).
_GOES_ON = (r"(?=[a-z])(?!(?:and|or|but|nor|so|yet|the|a|an|he|she|it|they|we|i|you|his|her|"
            r"its|their|this|that|these|those)\b)")


@dataclass(frozen=True)
class Shape:
    """A detachable clause: `pattern` finds it, its group "clause" is what the paragraph
    must have said, and the match is replaced by `keep` (a template: `re.Match.expand`).
    `where` it stands: "subject", in mid-sentence between the subject and its verb ("The
    drug, which is made by Gilead, was used …"), so no word before it is a verb (after an
    object its closing comma may be a list's or the clause's own: "… spoke to Giuffre, who
    alleges …, including Prince Andrew"); "end", after a main clause that has its verb ("…
    Republicans, who control the Senate, hope to …" is no clause ending the sentence); "head",
    before the subject, so what is left opens on its subject and verb."""

    name: str
    pattern: re.Pattern[str]
    keep: str
    where: Literal["subject", "end", "head"]
    # a relative clause says something of the noun before it: said only where the paragraph
    # wrote that noun too ("… \"Medicare for All\" bill, which would institute a single-payer
    # system" after "doctors are warming to single-payer healthcare" says the bill is
    # single-payer, which no printed sentence did)
    of_noun: bool = False
    # a description is short ("the attorney"): said when every word of it is printed
    described: bool = False


SHAPES: tuple[Shape, ...] = (
    Shape("a non-restrictive relative clause between commas",
          re.compile(rf",\s(?P<clause>(?:which|who|whom|whose)\s{_BODY}),\s{_GOES_ON}"), " ",
          where="subject", of_noun=True),
    Shape("a non-restrictive relative clause ending the sentence",
          re.compile(rf",\s(?P<clause>(?:which|who|whom|whose)\s{_BODY}){_END}"), "", where="end",
          of_noun=True),
    Shape("an appositive between commas after a name",
          re.compile(rf"(?P<name>\b[A-Z][\w'’.-]*),\s(?P<clause>(?:the|a|an)\s{_BODY}),\s"
                     rf"{_GOES_ON}"), r"\g<name> ", where="subject", described=True),
    Shape("a leading participial or prepositional phrase",
          re.compile(rf"^(?P<clause>(?:[A-Z][a-z]{{3,}}ing|In|On|At|After|Before|During|"
                     rf"Following|Amid|Despite|With|Since|Under)\s(?=[a-z]){_BODY}),\s"
                     r"(?=[A-Za-z])"), "", where="head"),
    # (not ", as well as …", which adds an item, nor ", as a …", a role)
    Shape("a trailing circumstance",
          re.compile(rf",\s(?P<clause>(?:after|as(?!\s(?:well|a|an)\b)|following|amid|while|"
                     rf"before|when|since)\s{_BODY}){_END}"), "", where="end"),
)
_PAST = frozenset(p for p, _ in IRREGULAR_VERBS)
_SPEECH = re.compile(SPEECH)
_WORDS = re.compile(r"[A-Za-z'’]+")


def _verb(word: str) -> bool:
    """An auxiliary, a verb of saying or a past ("-ed", "met"): a verb, whatever its place."""
    return (word in AUXILIARIES or word in _PAST or _SPEECH.fullmatch(word) is not None
            or (word.islower() and word.endswith("ed")))


def _noun_phrase(clause: str) -> bool:
    """An appositive names or describes: no verb among its words."""
    return not any(_verb(w) for w in _WORDS.findall(clause))


def _known(words: Sequence[str], earlier: Sequence[str]) -> bool:
    """Whether the paragraph printed each of `words` (its word form) before."""
    known = known_forms(earlier)[0]
    return all(one_form(form(stem(plain(w).rstrip(".")))) in known for w in words)


def _introduced(name: str, clause: str, earlier: Sequence[str]) -> bool:
    """An appositive (`clause`, no verb in it: `_noun_phrase`) after a name the paragraph
    printed before (its head's word form; a date is no name)."""
    return name not in CALENDAR and _noun_phrase(clause) and _known([name], earlier)


def _finite(text: str) -> bool:
    """Whether `text` has a finite verb (`_verb`, or a present in -s) after its first word."""
    return any(_verb(w) or (w.islower() and w.endswith("s") and not w.endswith("ss"))
               for w in _WORDS.findall(text)[1:])


def _placed(shape: Shape, before: str, after: str) -> bool:
    """Whether the clause stands where its shape says (`Shape.where`), between the text
    `before` and `after` it: "head", what is left has its verb before any comma ("Gina
    Haspel, was considering …" opens on no subject and verb)."""
    if shape.where == "subject":
        return not any(map(_verb, _WORDS.findall(before)))
    if shape.where == "end":  # (a present in -s may be a plural: "Dock crews, who …")
        return any(map(_verb, _WORDS.findall(before)))
    return _finite(after.split(",", 1)[0])


def _outside_quotes(text: str, at: int) -> bool:
    """Whether position `at` of `text` stands outside every quotation."""
    return quote_depth(text[:at]) == 0


def _stands(text: str, whole: str) -> bool:
    """What is left stands alone (see the module docstring)."""
    return (quote_depth(text) == 0 and text[:1].isupper()
            and (not leans_back(text) or bool(leans_back(whole))))


def _said_before(clause: str, earlier: Sequence[str], settings: ParagraphSettings,
                 described: bool = False) -> bool:
    """The paragraph already said `clause` (see the module docstring); a description
    (`Shape.described`) when every content word of it is printed."""
    # Most of its words again (`facts.RESTATED`), by words alone: the event rule reads one
    # sentence's actors and action against another's, and a clause is no sentence.
    clause_settings = replace(settings, nothing_new=1 - RESTATED, event_words=0)
    if described and not new_fact(clause, earlier):
        known = known_forms(earlier)[0]
        words = content_words(clause)
        if words and all(form(w) in known for w in words):
            return True
    if (len(content_words(clause)) < RESTATES_WORDS
            or _WORDS.findall(clause)[-1].lower() in STOPWORDS):
        return False  # ("In response,": no fact; "…, who said Mr. Trump has,": cut short)
    return not new_fact(clause, earlier) and bool(
        told_again(clause, earlier) or says_nothing_new(clause, earlier, clause_settings))


def _cut(text: str, shape: Shape, earlier: Sequence[str],
         settings: ParagraphSettings) -> str | None:
    """`text` without the first clause of `shape` the paragraph already said, or None."""
    for m in shape.pattern.finditer(text):
        clause = m.group("clause")
        if shape.of_noun and not _known(_WORDS.findall(text[:m.start()])[-1:], earlier):
            continue  # a clause of a noun the paragraph never wrote says something new of it
        if not _outside_quotes(text, m.start()) or not _placed(shape, text[:m.start()],
                                                                text[m.end():]):
            continue
        if "name" in shape.pattern.groupindex and not _introduced(m.group("name"), clause,
                                                                 earlier):
            continue
        if not _said_before(clause, earlier, settings, shape.described):
            continue
        out = text[:m.start()] + m.expand(shape.keep) + text[m.end():]
        out = out[:1].upper() + out[1:]
        if _stands(out, text) and not (told_again(out, earlier)
                                       or says_nothing_new(out, earlier, settings)):
            return out  # (what is left still tells something new: the copy editor's test)
    return None


def bare(sentence: str) -> str:
    """`sentence` without the descriptions of its subject, said or not: an appositive or a
    non-restrictive relative clause between commas before its verb (`Shape.where` "subject")
    — who or what the subject is, not what happened ("Rush Limbaugh, the talk titan who made
    right-wing radio financially viable …, died Wednesday, …" → "Rush Limbaugh died
    Wednesday, …"). A clause ending the sentence stays: it says more of what was done ("…
    announced a crackdown on leakers, which will include a review of … subpoenas"). For
    weighing what a sentence tells (write/reopen.said_better), never printed."""
    for shape in SHAPES:
        if shape.where == "subject":
            sentence = shape.pattern.sub(shape.keep, sentence)
    return sentence


def trimmed(sentence: str, earlier: Sequence[str],
            settings: ParagraphSettings = PARAGRAPH) -> str:
    """`sentence` without the detachable clauses (`SHAPES`) that `earlier` (the paragraph's
    sentences printed before it) already said."""
    if not earlier:
        return sentence
    for shape in SHAPES:
        while (out := _cut(sentence, shape, earlier, settings)) is not None:
            sentence = out
    return sentence


@dataclass(frozen=True)
class Printed:
    """A paragraph's sentence as `credited_once` reads it: as it is to be printed, as its
    article wrote it, and the outlet it comes from."""

    text: str
    written: str
    outlet: str


def credited_once(printed: Sequence[Printed], story_text: str = "") -> list[str]:
    """The `printed` sentences' texts, with a credit the sentence before already gave struck:
    one credited (`attribute`) to the outlet the sentence before it was credited to, or told
    by it since, goes as written ("According to X, A. According to X, B." reads "According to
    X, A. B.": the first credit covers both)."""
    out: list[str] = []
    credit: str | None = None  # the outlet whose credit covers the next sentence
    for p in printed:
        credited = p.text != p.written and p.text == attribute(p.written, p.outlet, story_text)
        out.append(p.written if credited and credit == p.outlet else p.text)
        credit = p.outlet if credited or credit == p.outlet else None
    return out
