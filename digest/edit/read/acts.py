"""What a lead says its subject did: the subject a sentence opens on and its main verb, read
without a parser, for `events.restates_event` ("two leads on one subject whose main verbs are of
one family tell one event"); and a clause told again in the same words (`told_again`, below).

A news lead opens on who acted, then says what they did: "Attorney General Jeff Sessions is set
to testify before …", "Senate Republican leaders, aiming to …, unveiled on Thursday …", "A
Norwegian lawmaker said Wednesday that he has nominated …". `act(text)` reads:

* the **subject**: capitalised words, "of"/"the"/"and" inside a name, and up to two lower-case
  words ("Senate Republican leaders", "Republican congressman Chris Collins"); an apposition
  between commas after it is skipped ("Chris Collins, one of the first …, resigned");
* then only words of `lexicon.BEFORE_VERB` ("is set to", "reportedly", "on"), dates and
  adverbs in -ly ("has apparently reached"; not "rally", "family": `NOT_ADVERBS`);
* then the **verb**: one of `lexicon.EVENT_VERBS` as its family ("testified" and "is appearing"
  are "testify"), or another verb as its own ("apologized"): a past, or a form after an
  auxiliary; a verb and the noun of an act after it as that act ("filed a lawsuit" is
  "sue": `NOUN_ACTS`), a verb and its particle likewise ("stepped down" is "resign":
  `PHRASAL`); a form as often a noun ("the ban", "close to a deal": `NOUN_FORMS`) only
  after "will", "to" …; past a word of intent before "to" ("has decided to withdraw":
  `INTENT`); never a verb of saying (one person says many things a day), except
  that the act a subject says it did is its verb ("said Wednesday that he has nominated":
  "nominate").

"Also" is no word before a verb here: "Biden also said he would nominate …" tells another act.
A lead that opens on a phrase before its subject is read from its subject (`from_subject`): a
time ("On Monday, …", "A year ago, …"), a clause or a phrase of a preposition ("After weekend
protests, …", "With talks at an impasse, …") or a participle ("Facing a lawsuit, …"), up to its
comma. A modal is a word before the verb ("could face"); a subject counted ("Thousands of
nurses", "Hundreds of thousands of students") is what is counted ("nurses": `openers.from_subject`); a
particle of the passive may tell another act than of the active ("has been kicked off the
platform" is barred, "kicked off the tour" began: `PASSIVE_PHRASAL`). A sentence that opens
otherwise has no act (`Act.verb` ""): the rule is for leads, which open on their subject, and a
miss costs only a retelling the other rules may catch.

Read as English grammar has it (session 35; the words are `act_words`'s tables, the opener
skipping `openers.py`'s):

* after the copula the verb is a participle ("was fired"), and an adjective or a noun is no act
  ("was busy", "is close to a deal"); the verb's form is read after the last auxiliary skipped
  ("are again trying", "is already attacking");
* a word after an article, a possessive or a preposition is a noun ("the arrest of …", "the
  council's order to close …": the verb comes later, or none), and "order", "support",
  "arrest", "release", "launch" are `NOUN_FORMS` ("a court order");
* a present in -s after a name is the verb when its base is a verb and no verb follows
  ("Ada Lin heads to Carthen", "Harlow bans plastic bags"; "Harlow nurses march" is a plural:
  `PRESENT_VERBS`); a linking verb before a participle gives it ("stands accused");
* launching or firing what is shot is its own act, "=fire" (`OBJECT_ACTS`: "launched a
  missile", not "launched an inquiry"), firing or hitting back criticizes;
* announcing the noun of an act is that act ("announced her resignation": `ANNOUNCING`);
* a place or a body is part of the subject ("Lawmakers in West Virginia have voted":
  `PLACING`), an adverb in -ly no part of it ("Ada Lin publicly apologized"), and a sentence
  opening on a subordinate clause with no comma has no act ("When Ada Lin resigned the …").

And (session 36): a raising verb in the passive gives the infinitive's verb ("is thought to
have set": `RAISING`), a state after the copula is no act ("is related to": `STATIVE`), a
participle phrase after the subject is skipped ("Ferry lines funded by the board will close":
`_reduced`), a count's qualifier is no subject word ("At least 12 people": `openers`),
"appeared" is testimony only before a committee or at a hearing (`CUED`), and a negated act is
another fact ("did not sign" is "not sign", never "sign"; "may not block" no act).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from digest.edit.lexicon import (
    BEFORE_VERB,
    EVENT_VERBS,
    IRREGULAR_VERBS,
    STOPWORDS,
    VERB_HELPERS,
    stem,
)
from digest.edit.read.act_words import (
    ACT_NOUNS,
    ANNOUNCING,
    BEFORE_TO,
    CLAUSE_WORDS,
    CONTRACTED,
    COPULAS,
    CUED,
    DO_FORMS,
    FINITE,
    HELPING,
    INFLECTIONS,
    INTENT,
    LINKING,
    MODAL_VERBS,
    MODALS,
    NEGATIONS,
    NOT_ADVERBS,
    NOT_CONTRACTED,
    NOUN_ACTS,
    NOUN_FORMS,
    NOUN_NEXT,
    NOUN_REACH,
    OBJECT_ACTS,
    PARTICIPLES,
    PASSIVE,
    PASSIVE_PHRASAL,
    PHRASAL,
    PHRASE_OPENS,
    PHRASE_REACH,
    PLACING,
    PRESENT_VERBS,
    RAISING,
    REFUSING,
    SHOT_REACH,
    STATIVE,
    STILL,
)
from digest.edit.read.facts import form
from digest.edit.read.openers import SUBORDINATORS, from_subject
from digest.edit.read.openers import WORD as _WORD
from digest.edit.read.openers import date as _date
from digest.edit.read.phrases import repeats_phrase as repeats_phrase
from digest.edit.read.phrases import told_again as told_again
from digest.edit.read.whole import INVARIABLE, may_be_present
from digest.sentences import SPEECH


@dataclass(frozen=True)
class Act:
    """A sentence's subject (its words, as written) and its main verb's family ("" for none;
    "not " and the family for the act negated: "did not sign" is "not sign", never "sign")."""

    verb: str
    subject: tuple[str, ...]

    @property
    def negated(self) -> bool:
        """Whether the act is told as not done ("did not sign", "won't run")."""
        return self.verb.startswith(NOT)


NOT = "not "
NO_ACT = Act("", ())
_FAMILY = {w: family[0] for family in EVENT_VERBS for w in family}
_PAST = {past: base for past, base in IRREGULAR_VERBS if base in _FAMILY}
_PAST_ANY = frozenset(past for past, _ in IRREGULAR_VERBS)
_BASES = frozenset(base for _, base in IRREGULAR_VERBS)
_SPEECH = re.compile(SPEECH)
_PRONOUNS = frozenset(["he", "she", "it", "they", "we"])
_IN_NAME = frozenset(["of", "the", "and"])


def _adverb(word: str) -> bool:
    """A lower-case word in -ly that is no verb or noun (`NOT_ADVERBS`): "apparently"."""
    return word.islower() and word.endswith("ly") and len(word) > 4 and word not in NOT_ADVERBS


def family(word: str, before: str | None = None) -> str:
    """The `EVENT_VERBS` family of a word in any form ("resigning", "testified", "sued",
    "tapped", "met"), or ""; read in a sentence after the word `before` it, a form as often a
    noun ("ban", `NOUN_FORMS`) only after one a bare verb follows ("will ban")."""
    w = word.lower().rstrip(".")  # "… has been fired."
    if before is not None and (_noun_after(before) or (
            w in NOUN_FORMS and before.lower() not in MODALS)):
        return ""
    return _family(w)


def _noun_after(word: str) -> bool:
    """Whether a noun follows `word`, never a verb: an article, a possessive, a preposition
    (`act_words.NOUN_NEXT`: "the arrest of", "an order to", "his release"), a name's possessive ("the
    council's order"; not "he's")."""
    w = word.lower()
    return w in NOUN_NEXT or (w.endswith(("'s", "’s")) and w not in CONTRACTED)


def _placed(words: Sequence[str], k: int) -> bool:
    """Whether `words[k]` opens a place or a body the subject is of ("Lawmakers in West Virginia
    have voted", "Democrats on the Senate Judiciary Committee spent": `PLACING`, then a name,
    no date: "Ada Lin on Monday resigned")."""
    name = [w for w in words[k + 1:k + 3] if w.lower() != "the"][:1]
    return (words[k] in PLACING and bool(k) and bool(name) and name[0][0].isupper()
            and not _date(name[0]))


def _present(words: Sequence[str], k: int) -> bool:
    """Whether `words[k]`, a word in -s after a name, is the verb's present (`PRESENT_VERBS`:
    "Ada Lin heads to …", "Harlow bans plastic bags") and no plural before its own verb
    ("Harlow nurses march", "Harlow bans were lifted")."""
    w, nxt = words[k], words[k + 1] if k + 1 < len(words) else ","
    if not (k and words[k - 1][0].isupper() and may_be_present(w)) or _verb_like(nxt):
        return False
    bases = {w[:-1], w[:-2] if w.endswith("es") else "", w[:-3] + "y" if w.endswith("ies") else ""}
    return any(b in _FAMILY or b in _BASES or b in PRESENT_VERBS for b in bases)


def _verb_like(word: str) -> bool:
    """A word a subject's plural comes before ("were", "will", "marched", "met"), or none (a
    comma)."""
    w = word.lower()
    return (w == "," or (w in VERB_HELPERS and w != "to") or w in MODAL_VERBS
            or w.endswith("ed") or w in _PAST_ANY or bool(_SPEECH.fullmatch(w)))


def _negation(word: str) -> str | None:
    """The auxiliary a negation is written with ("won't": "will", "isn't": "is"; "" for "not",
    "never"), or None for no negation (`NEGATIONS`, `NOT_CONTRACTED`)."""
    w = word.lower().replace("’", "'")
    if w in NOT_CONTRACTED:
        return NOT_CONTRACTED[w]
    return "" if w in NEGATIONS else w[:-3] if w.endswith("n't") else None


def _cued(word: str, after: Sequence[str], verb: str) -> str:
    """`verb`, or the word's own verb when it tells its family's act only with a cue near it
    and none is (`CUED`: "appeared on CBS" is no testimony, "appeared before" is)."""
    w = word.lower()
    for words, cues, reach in CUED:
        if w in words and not any(a.lower() in cues for a in after[:reach]):
            return "=" + form(stem(w))
    return verb


def _reduced(words: Sequence[str], k: int) -> int:
    """Where the main verb begins when `words[k]` opens a participle phrase after the subject
    ("Agencies funded by the state will close": the index of "will"), or 0: a participle, no
    verb of saying, a preposition next (`PHRASE_OPENS`), then a finite auxiliary (`FINITE`)
    after a word no pronoun nor "to", before any comma, clause (`CLAUSE_WORDS`) or other verb,
    within `PHRASE_REACH` words."""
    if not (k and _participle(words[k]) and not _SPEECH.fullmatch(words[k].lower())
            and words[k + 1:k + 2] and words[k + 1] in PHRASE_OPENS):
        return 0
    for j in range(k + 2, min(len(words), k + PHRASE_REACH)):
        w, before = words[j], words[j - 1].lower()
        if w in FINITE and before not in _PRONOUNS and before != "to":
            return j
        if w == "," or w.lower() in CLAUSE_WORDS or (w.islower() and _verb_like(w)):
            return 0
    return 0


def _participle(word: str) -> bool:
    """A participle, what the copula takes as a verb: "fired", "resigning", "taken", "hit"."""
    w = word.lower().rstrip(".")
    return w.endswith(("ed", "ing")) or w in _PAST_ANY or w in INVARIABLE or w in PARTICIPLES


@functools.lru_cache(maxsize=16384)
def _family(w: str) -> str:
    bases = [w, _PAST.get(w, "")]
    for suffix, base in INFLECTIONS:
        if w.endswith(suffix):
            bases.append(stripped := w[:-len(suffix)] + base)
            if stripped[-1:] == stripped[-2:-1]:
                bases.append(stripped[:-1])  # "tapped", "planning": a doubled consonant
    return next((_FAMILY[b] for b in bases if b in _FAMILY), "")


def noun(word: str) -> str:
    """The act a word names as its noun ("agreement": "agree", "nominations": "nominate",
    `ACT_NOUNS`), or ""."""
    w = word.lower().rstrip(".")
    return ACT_NOUNS.get(w, "") or (ACT_NOUNS.get(w[:-1], "") if w.endswith("s") else "")


def _any_verb(word: str, before: str) -> str:
    """A verb outside `EVENT_VERBS` as its own family ("=apolo"): a past ("apologized") or a
    form after an auxiliary ("is facing", "will visit"); no verb of saying."""
    w = word.lower().rstrip(".")
    if (w in STOPWORDS or not word.islower() or not w.isalpha() or _SPEECH.fullmatch(w)
            or not (w.endswith("ed") or w in _PAST_ANY or w in PARTICIPLES
                    or before.lower() in VERB_HELPERS
                    or before.lower() in MODAL_VERBS)):
        return ""
    return "=" + form(stem(w))


def _announced(word: str, after: Sequence[str]) -> str:
    """The act a verb of announcing names as its object's noun (`ANNOUNCING`: "announced her
    resignation", "announced a ban on …": `noun`), or "": not what was said ("announced that
    …")."""
    if word.lower() not in ANNOUNCING:
        return ""
    words = [a for a in after[:NOUN_REACH + 2] if not (_date(a) or a.lower() in BEFORE_VERB)]
    if not (words and _noun_after(words[0])) or "that" in words[:NOUN_REACH]:
        return ""
    return next((act for a in words[1:NOUN_REACH] if (act := noun(a))), "")


def _compound(word: str, after: Sequence[str], before: str = "") -> str:
    """The act a verb and its particle (`PHRASAL`: "stepped down": "resign"; after a word of
    the passive, `PASSIVE_PHRASAL` first: "been kicked off": "ban") or the noun of an act after
    it (`NOUN_ACTS`: "filed a lawsuit": "sue") tell, or ""."""
    w = word.lower()
    nxt = after[0].lower().rstrip(".") if after else ""
    phrasal = (*PASSIVE_PHRASAL, *PHRASAL) if before.lower() in PASSIVE else PHRASAL
    objects = [a.lower().rstrip(".") for a in after[:SHOT_REACH]]
    return next((act for verbs, particle, act in phrasal if w in verbs and nxt == particle),
                "") or next((act for verbs, nouns, act in OBJECT_ACTS if w in verbs and any(
                    a in nouns for a in objects)), "") or next((
                        act for verbs, nouns, act in NOUN_ACTS if w in verbs and any(
                            a in nouns for a in objects[:NOUN_REACH])), "")


def act(text: str) -> Act:
    """The subject `text` opens on, past a phrase before it or a count (`from_subject`), and its
    main verb (see the module docstring)."""
    text = from_subject(text)
    first = _WORD.search(text)
    return NO_ACT if first and first.group().lower() in SUBORDINATORS else _act(text)


def _act(text: str) -> Act:
    words = _WORD.findall(text)
    lower = 0
    for k, w in enumerate(words):
        if w == ",":  # an apposition: "Chris Collins, one of the first …, resigned"
            nxt = words.index(",", k + 1) if k and "," in words[k + 1:] else -1
            return _verb_after(words[:k], words[nxt + 1:]) if nxt > 0 else NO_ACT
        if w[0].isupper() or w in _IN_NAME or _placed(words, k):
            continue
        before = words[k - 1] if k else ""
        if _noun_after(before):  # "the arrest of …", "the council's order to …"
            if words[k + 1:k + 2] == ["to"]:
                return NO_ACT
        elif (family(w, before) or w in BEFORE_VERB or w in INTENT or _adverb(w)
                or w in MODAL_VERBS or w.endswith("ed") or w in _PAST_ANY
                or _SPEECH.fullmatch(w) or w in DO_FORMS or _negation(w) is not None):
            # (past a participle phrase: "Agencies funded by the state will close")
            return _verb_after(words[:k], words[_reduced(words, k) or k:])
        elif (w in LINKING and before[:1].isupper()
                and _participle(words[k + 1] if k + 1 < len(words) else ",")):
            return _verb_after(words[:k], words[k + 1:])  # "Lin stands accused of …"
        elif _present(words, k):  # "Ada Lin heads to Harlow", "Harlow bans plastic bags"
            return Act(_compound(w, words[k + 1:]) or _cued(w, words[k + 1:], _family(w))
                       or "=" + form(stem(w)), tuple(words[:k]))
        lower += 1  # "leaders", "congressman"; not "he", "also"
        if lower > 2 or w in STOPWORDS:
            return NO_ACT
    return NO_ACT


def _verb_after(subject: Sequence[str], rest: Sequence[str]) -> Act:
    """The verb that `rest` opens with, past `BEFORE_VERB` words and dates (see `act`), read
    after the last auxiliary skipped ("are again trying"; "was reportedly busy": no act), past a
    negation ("did not sign": "not sign") and a raising verb ("is thought to have set": set)."""
    helper, negated = "", False
    for k, w in enumerate(rest):
        lw, nxt = w.lower(), rest[k + 1:k + 2]
        if (aux := _negation(w)) is not None or (  # "declined to file"; not "declined to the …"
                lw in REFUSING and nxt == ["to"] and not _noun_after((*rest[k + 2:k + 3], "a")[0])):
            if (aux or helper) in MODAL_VERBS:  # "may not block": what may be, no act
                return NO_ACT
            negated, helper = True, aux if aux in HELPING else helper  # "has not", "won't"
            continue
        if (lw in DO_FORMS and nxt and _negation(nxt[0]) is not None) or (
                helper in COPULAS and lw in RAISING and nxt == ["to"]):
            helper = ""  # "did not sign"; "is thought to have set …", "is said to be …"
            continue
        intent = (lw in INTENT and nxt == ["to"]
                  and rest[k + 2:k + 3] != ["not"])  # ("appears to capture": no "appear")
        # (a verb and its particle first: "passed away" is no "pass")
        verb = "" if intent else _compound(w, rest[k + 1:], rest[k - 1] if k else "") or _cued(
            w, rest[k + 1:], family(w, rest[k - 1] if k else ""))
        if not verb and ((lw in BEFORE_VERB and (lw not in BEFORE_TO or helper in COPULAS
                                                 or "to" in rest[k + 1:k + 4]))
                         or lw in MODAL_VERBS or _date(w) or _adverb(w) or lw in STILL or intent):
            helper = lw if lw in HELPING else helper
            continue
        if not verb and (named := _announced(w, rest[k + 1:])):
            return Act(named, tuple(subject))  # "announced her resignation": resign
        if not verb and _SPEECH.fullmatch(w.lower()):  # "… said Monday that he has won …"
            said = [v for v in rest[k + 1:k + 6]
                    if v.lower() not in BEFORE_VERB and not _date(v) and v != "that"]
            if said and said[0].lower() in _PRONOUNS:
                return _verb_after(subject, rest[rest.index(said[0], k) + 1:])
            return NO_ACT
        verb = verb or _any_verb(w, helper or (rest[k - 1] if k else ""))
        if helper in COPULAS and (not _participle(w) or lw in STATIVE):
            return NO_ACT  # "was busy", "is close to a deal", "is linked to": a state
        return Act(NOT * negated + verb, tuple(subject)) if verb else NO_ACT
    return NO_ACT
