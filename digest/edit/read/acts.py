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
  adverbs in -ly ("has apparently reached"; not "rally", "family": `_NOT_ADVERBS`);
* then the **verb**: one of `lexicon.EVENT_VERBS` as its family ("testified" and "is appearing"
  are "testify"), or another verb as its own ("apologized"): a past, or a form after an
  auxiliary; a verb and the noun of an act after it as that act ("filed a lawsuit" is
  "sue": `_NOUN_ACTS`), a verb and its particle likewise ("stepped down" is "resign":
  `_PHRASAL`); a form as often a noun ("the ban", "close to a deal": `_NOUN_FORMS`) only
  after "will", "to" …; past a word of intent before "to" ("has decided to withdraw":
  `_INTENT`); never a verb of saying (one person says many things a day), except
  that the act a subject says it did is its verb ("said Wednesday that he has nominated":
  "nominate").

"Also" is no word before a verb here: "Biden also said he would nominate …" tells another act.
A lead that opens on a phrase before its subject is read from its subject (`from_subject`): a
time ("On Monday, …", "A year ago, …"), a clause or a phrase of a preposition ("After weekend
protests, …", "With talks at an impasse, …") or a participle ("Facing a lawsuit, …"), up to its
comma. A modal is a word before the verb ("could face"); a subject counted ("Thousands of
nurses", "Hundreds of thousands of students") is what is counted ("nurses": `_COUNTED`); a
particle of the passive may tell another act than of the active ("has been kicked off the
platform" is barred, "kicked off the tour" began: `_PASSIVE_PHRASAL`). A sentence that opens
otherwise has no act (`Act.verb` ""): the rule is for leads, which open on their subject, and a
miss costs only a retelling the other rules may catch.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from digest.edit.lexicon import (
    ARTICLES,
    BEFORE_VERB,
    CONJUNCTIONS,
    EVENT_VERBS,
    IRREGULAR_VERBS,
    PREPOSITIONS,
    QUOTED,
    STOPWORDS,
    VERB_HELPERS,
    stem,
)
from digest.edit.read.facts import DATES, form, inflected, plain, restates
from digest.edit.read.figures import found, new_figures, numbers
from digest.text import SPEECH


@dataclass(frozen=True)
class Act:
    """A sentence's subject (its words, as written) and its main verb's family ("" for none)."""

    verb: str
    subject: tuple[str, ...]


NO_ACT = Act("", ())
_FAMILY = {w: family[0] for family in EVENT_VERBS for w in family}
_PAST = {past: base for past, base in IRREGULAR_VERBS if base in _FAMILY}
_PAST_ANY = frozenset(past for past, _ in IRREGULAR_VERBS)
_WORD = re.compile(r"[A-Za-z][\w'’.-]*|,")
_SPEECH = re.compile(SPEECH)
_PRONOUNS = frozenset(["he", "she", "it", "they", "we"])
_IN_NAME = frozenset(["of", "the", "and"])
# Words in -ly that are no adverb: a verb ("will rally", "would apply") or a noun ("the Trump
# family"). General English.
_NOT_ADVERBS = frozenset(["rally", "apply", "reply", "supply", "comply", "imply", "tally", "bully",
                          "ally", "fly", "family", "assembly", "monopoly", "anomaly", "folly"])
# A verb's endings and what they replace ("voted" -> "vote", "denied" -> "deny"): a noun
# ("impeachment", "endorsement") is no form of its verb.
_INFLECTIONS = (("s", ""), ("d", ""), ("es", ""), ("ed", ""), ("ing", ""), ("ing", "e"),
                ("ied", "y"), ("ies", "y"))
# An act told as a verb and its noun ("filed a lawsuit", "brought suit", "has filed an
# antitrust lawsuit"): the noun's act, as `EVENT_VERBS` has it ("sue"); the noun within
# `_NOUN_REACH` words of the verb. General English, written for the project.
_NOUN_ACTS = (
    (frozenset(["file", "files", "filed", "filing", "bring", "brings", "bringing", "brought"]),
     frozenset(["lawsuit", "lawsuits", "suit", "suits"]), "sue"),
    (frozenset(["reach", "reaches", "reached", "reaching", "strike", "strikes", "struck",
                "striking", "seal", "seals", "sealed", "sealing"]),
     frozenset(["deal", "agreement", "accord", "pact", "settlement"]), "agree"),
    (frozenset(["hold", "holds", "held", "holding"]), frozenset(["talks", "meeting"]), "meet"),
    (frozenset(["submit", "submits", "submitted", "submitting", "tender", "tenders",
                "tendered", "tendering"]), frozenset(["resignation"]), "resign"),
    (frozenset(["impose", "imposes", "imposed", "imposing"]), frozenset(["ban"]), "ban"),
)
_NOUN_REACH = 4
# A verb and its particle, one act ("stepped down" is "resign", "pulled out of" is
# "withdraw", "was found guilty" is "convict"): the act, as `EVENT_VERBS` has it, when the
# particle follows the verb, whatever family the verb alone is of ("passed away" is "die").
# Only a particle that gives the verb one sense ("pushed back" is "delayed" and "resisted":
# out). General English, written for the project.
_PHRASAL = (
    (frozenset(["step", "steps", "stepped", "stepping"]), "down", "resign"),
    (frozenset(["wrap", "wraps", "wrapped", "wrapping"]), "up", "end"),
    (frozenset(["pull", "pulls", "pulled", "pulling"]), "out", "withdraw"),
    (frozenset(["call", "calls", "called", "calling"]), "off", "cancel"),
    (frozenset(["kick", "kicks", "kicked", "kicking"]), "off", "begin"),
    (frozenset(["turn", "turns", "turned", "turning"]), "down", "reject"),
    (frozenset(["find", "finds", "found"]), "guilty", "convict"),
    (frozenset(["roll", "rolls", "rolled", "rolling"]), "out", "unveil"),
    (frozenset(["bring", "brings", "brought", "bringing"]), "forward", "unveil"),
    (frozenset(["put", "puts", "putting"]), "forward", "unveil"),
    (frozenset(["lash", "lashes", "lashed", "lashing"]), "out", "criticize"),
    (frozenset(["strike", "strikes", "struck", "striking"]), "down", "repeal"),
    (frozenset(["rule", "rules", "ruled", "ruling"]), "out", "reject"),
    (frozenset(["pass", "passes", "passed", "passing"]), "away", "die"),
)
# A verb and its particle in the passive whose act is not the active's: one kicked off a
# platform, a flight or a team is barred from it ("kicked off the tour" began it). General
# English, written for the project.
_PASSIVE_PHRASAL = (
    (frozenset(["kicked"]), "off", "ban"),
)
_PASSIVE = frozenset(["be", "been", "being", "is", "are", "was", "were", "get", "gets", "got"])
# A family's forms as often a noun or an adjective ("the ban", "close to a deal", "his name",
# "the end of", "a select committee"): its verb only after a word a bare verb follows ("will
# ban", "to name", "could end": `_MODALS`). General English.
_NOUN_FORMS = frozenset(["ban", "bans", "bar", "bars", "close", "name", "names", "start",
                         "starts", "end", "ends", "delay", "delays", "select", "purchase",
                         "purchases", "exit", "exits", "repeal", "axe", "scrap", "scraps"])
# Words of intent a lead writes before its main verb and "to" ("has decided to withdraw",
# "intends to nominate"): the act is the verb after them; "decided (to) not …" is their own.
_INTENT = frozenset(["decided", "intends", "intend"])
_MODALS = frozenset(["will", "would", "to", "could", "can", "may", "might", "should", "must",
                     "shall", "did", "does", "do"])
# The modals `lexicon.BEFORE_VERB` lacks: words before the verb too ("Mayor Ada Lin could face
# questions Tuesday", "may step down").
_MODAL_VERBS = frozenset(["could", "can", "may", "might", "should", "must", "shall"])
# A subject counted: the words of its count ("Thousands of", "Hundreds of thousands of", "Tens
# of thousands of", "Dozens of"), then what is counted, its head ("nurses"). General English.
_COUNTS = frozenset(["dozens", "scores", "tens", "hundreds", "thousands", "millions"])
_COUNTED = re.compile(rf"(?:(?:{'|'.join(sorted(_COUNTS))}) of )+", re.IGNORECASE)
# What a lead writes before its subject, up to a comma (`from_subject`): a phrase of a
# preposition or a clause ("After weekend protests …,", "With talks at an impasse,", "Although
# …,"), a time ("Late Friday,", "Just hours after …,", "Earlier this week,", a date: "Monday
# morning,"; anything ending "ago": "A year ago,"), a participle ("Facing a lawsuit,": a word
# in -ing before an article, a possessive or a preposition of its object: not "Boeing said",
# "Boeing on Monday fired …"). General English.
_OPENS_PHRASE = (PREPOSITIONS | CONJUNCTIONS | frozenset([
    "when", "once", "whereas", "late", "early", "earlier", "later", "last", "this", "just",
    "hours", "days", "weeks", "months", "minutes", "moments", "shortly"])) - frozenset([
        "and", "but", "or", "nor", "that", "which", "who", "whom", "whose", "of", "than"])
_AFTER_PARTICIPLE = ARTICLES | frozenset(["his", "her", "its", "their", "our", "to", "for", "with",
                                          "against", "into", "up", "out", "down", "back"])
# The noun of an act ("the agreement", "his nomination", "her resignation"): that act, as
# `EVENT_VERBS` has it; no verb (`family`: "The second impeachment of …" tells no act of its
# own), but the act's own word when another sentence tells it (`write/retold.needs`). General
# English, written for the project.
_ACT_NOUNS = {
    "nomination": "nominate", "resignation": "resign", "testimony": "testify",
    "approval": "pass", "passage": "pass", "confirmation": "confirm", "endorsement": "endorse",
    "impeachment": "impeach", "lawsuit": "sue", "suit": "sue", "arrest": "arrest",
    "dismissal": "fire", "ouster": "fire", "rejection": "reject", "denial": "reject",
    "proposal": "unveil", "suspension": "block", "criticism": "criticize",
    "condemnation": "criticize", "victory": "win", "meeting": "meet", "agreement": "agree",
    "appointment": "nominate", "selection": "nominate", "closure": "close", "shutdown": "close",
    "ban": "ban", "prohibition": "ban", "delay": "delay", "postponement": "delay",
    "start": "begin", "conclusion": "end", "acquisition": "acquire", "purchase": "acquire",
    "cancellation": "cancel", "withdrawal": "withdraw", "exit": "withdraw",
    "conviction": "convict", "repeal": "repeal", "revocation": "repeal", "revision": "revise",
    "ruling": "uphold", "death": "die", "launch": "begin", "introduction": "unveil",
    "unveiling": "unveil", "rollout": "unveil",
}


def _date(word: str) -> bool:
    """A weekday or a month, capitalised ("marched", "may" are verbs)."""
    return word[:1].isupper() and form(stem(word.lower())) in DATES


def _adverb(word: str) -> bool:
    """A lower-case word in -ly that is no verb or noun (`_NOT_ADVERBS`): "apparently"."""
    return word.islower() and word.endswith("ly") and len(word) > 4 and word not in _NOT_ADVERBS


def family(word: str, before: str | None = None) -> str:
    """The `EVENT_VERBS` family of a word in any form ("resigning", "testified", "sued",
    "tapped", "met"), or ""; read in a sentence after the word `before` it, a form as often a
    noun ("ban", `_NOUN_FORMS`) only after one a bare verb follows ("will ban")."""
    w = word.lower().rstrip(".")  # "… has been fired."
    if before is not None and w in _NOUN_FORMS and before.lower() not in _MODALS:
        return ""
    return _family(w)


@functools.lru_cache(maxsize=16384)
def _family(w: str) -> str:
    bases = [w, _PAST.get(w, "")]
    for suffix, base in _INFLECTIONS:
        if w.endswith(suffix):
            bases.append(stripped := w[:-len(suffix)] + base)
            if stripped[-1:] == stripped[-2:-1]:
                bases.append(stripped[:-1])  # "tapped", "planning": a doubled consonant
    return next((_FAMILY[b] for b in bases if b in _FAMILY), "")


def noun(word: str) -> str:
    """The act a word names as its noun ("agreement": "agree", "nominations": "nominate",
    `_ACT_NOUNS`), or ""."""
    w = word.lower().rstrip(".")
    return _ACT_NOUNS.get(w, "") or (_ACT_NOUNS.get(w[:-1], "") if w.endswith("s") else "")


def _any_verb(word: str, before: str) -> str:
    """A verb outside `EVENT_VERBS` as its own family ("=apolo"): a past ("apologized") or a
    form after an auxiliary ("is facing", "will visit"); no verb of saying."""
    w = word.lower().rstrip(".")
    if (w in STOPWORDS or not w.isalpha() or _SPEECH.fullmatch(w)
            or not (w.endswith("ed") or w in _PAST_ANY or before.lower() in VERB_HELPERS
                    or before.lower() in _MODAL_VERBS)):
        return ""
    return "=" + form(stem(w))


def _compound(word: str, after: Sequence[str], before: str = "") -> str:
    """The act a verb and its particle (`_PHRASAL`: "stepped down": "resign"; after a word of
    the passive, `_PASSIVE_PHRASAL` first: "been kicked off": "ban") or the noun of an act after
    it (`_NOUN_ACTS`: "filed a lawsuit": "sue") tell, or ""."""
    w = word.lower()
    nxt = after[0].lower().rstrip(".") if after else ""
    phrasal = (*_PASSIVE_PHRASAL, *_PHRASAL) if before.lower() in _PASSIVE else _PHRASAL
    return next((act for verbs, particle, act in phrasal if w in verbs and nxt == particle),
                "") or next((act for verbs, nouns, act in _NOUN_ACTS if w in verbs and any(
                    a.lower().rstrip(".") in nouns for a in after[:_NOUN_REACH])), "")


def from_subject(text: str) -> str:
    """`text` from its subject on: past the phrase it opens with up to a comma (`_OPENS_PHRASE`:
    "After weekend protests against the levy, Gov. Ada Lin …"; a date, a time "ago" or a
    participle: "Facing a lawsuit, the Carthen Herald …") when a name or an article follows
    the comma (no quotation: `"Don't be scared," …`), and past a count (`_COUNTED`: "Thousands
    of nurses marched …" is what nurses did); else `text`."""
    opener, comma, after = text.partition(",")
    rest = after.lstrip() if comma and _opens_before_subject(opener, after) else text
    counted = _COUNTED.match(rest)
    return rest[counted.end():] if counted else rest


def _opens_before_subject(opener: str, after: str) -> bool:
    """Whether `opener`, a sentence up to its first comma, is a phrase before the subject
    `after` the comma opens on (`from_subject`): no bracket left open ("Chuck Schumer (D., N.Y.)
    proposed …"), a name, an article or a count next, and the phrase a preposition's or a
    clause's, a date, a time "ago" or a participle."""
    words, next_words = _WORD.findall(opener), _WORD.findall(after[:40])
    if (not (words and next_words) or not after.lstrip().startswith(next_words[0])
            or opener.count("(") > opener.count(")")):
        return False
    first, nxt = words[0], next_words[0]
    if not (nxt[0].isupper() or nxt in ARTICLES or nxt in _COUNTS):
        return False
    return bool(first.lower() in _OPENS_PHRASE or _date(first) or words[-1] == "ago" or (
        first.endswith("ing") and first[:1].isupper() and words[1:2]
        and words[1] in _AFTER_PARTICIPLE))


def act(text: str) -> Act:
    """The subject `text` opens on, past a phrase before it or a count (`from_subject`), and its
    main verb (see the module docstring)."""
    return _act(from_subject(text))


def _act(text: str) -> Act:
    words = _WORD.findall(text)
    lower = 0
    for k, w in enumerate(words):
        if w == ",":  # an apposition: "Chris Collins, one of the first …, resigned"
            nxt = words.index(",", k + 1) if k and "," in words[k + 1:] else -1
            return _verb_after(words[:k], words[nxt + 1:]) if nxt > 0 else NO_ACT
        if w[0].isupper() or w in _IN_NAME:
            continue
        if (family(w, words[k - 1] if k else "") or w in BEFORE_VERB or w in _INTENT
                or w in _MODAL_VERBS or w.endswith("ed") or w in _PAST_ANY
                or _SPEECH.fullmatch(w)):
            return _verb_after(words[:k], words[k:])
        lower += 1  # "leaders", "congressman"; not "he", "also"
        if lower > 2 or w in STOPWORDS:
            return NO_ACT
    return NO_ACT


def _verb_after(subject: Sequence[str], rest: Sequence[str]) -> Act:
    """The verb that `rest` opens with, past `BEFORE_VERB` words and dates (see `act`)."""
    for k, w in enumerate(rest):
        # (a verb and its particle first: "passed away" is no "pass")
        verb = _compound(w, rest[k + 1:], rest[k - 1] if k else "") or family(
            w, rest[k - 1] if k else "")
        if not verb and (w.lower() in BEFORE_VERB or w.lower() in _MODAL_VERBS or _date(w)
                         or _adverb(w) or (
                w.lower() in _INTENT and rest[k + 1:k + 2] == ["to"]
                and rest[k + 2:k + 3] != ["not"])):
            continue
        if not verb and _SPEECH.fullmatch(w.lower()):  # "… said Monday that he has won …"
            said = [v for v in rest[k + 1:k + 6]
                    if v.lower() not in BEFORE_VERB and not _date(v) and v != "that"]
            if said and said[0].lower() in _PRONOUNS:
                return _verb_after(subject, rest[rest.index(said[0], k) + 1:])
            return NO_ACT
        verb = verb or _any_verb(w, rest[k - 1] if k else "")
        return Act(verb, tuple(subject)) if verb else NO_ACT
    return NO_ACT


# A clause told again in the same words (`repeats_phrase`): so many content words in a row
# (function words skipped), a verb among them ("… meant to highlight a new jobs report that
# showed unemployment falling …" after "… following a jobs report that showed unemployment
# falling …"; "is not considering firing the special counsel …" after "… says Trump is not
# considering firing special counsel …"). A run of nouns both write is what the clauses are
# about, not the telling ("a vote on gun control measures", "former national security
# adviser"), and a name or a figure is no word of a phrase.
PHRASE_WORDS = 4
_LOWER_WORD = re.compile(r"[a-z][a-z'’-]*")
_PHRASE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_PROGRESSIVE = VERB_HELPERS | {"not", "be", "being"}  # what a verb in -ing follows


def _verb_form(word: str, before: str) -> bool:
    """A past or a participle ("showed", "met"), or a form in -ing after an auxiliary ("is not
    considering"): "all five living former presidents", "preexisting conditions" tell no act."""
    return (word.endswith("ed") or word in _PAST_ANY
            or (word.endswith("ing") and before in _PROGRESSIVE))


@functools.lru_cache(maxsize=4096)
def _phrases(sentence: str) -> frozenset[tuple[str, ...]]:
    """The runs of PHRASE_WORDS content words, a verb form among them, that `sentence` writes
    in a row with no name or figure among them (see PHRASE_WORDS)."""
    out: set[tuple[str, ...]] = set()
    run: list[tuple[str, bool]] = []
    before = ""
    for w in _PHRASE_WORD.findall(plain(sentence)):
        lower = w.lower()
        previous, before = before, lower
        if lower in STOPWORDS:
            continue
        if w[0].isupper() or not _LOWER_WORD.fullmatch(w):
            run = []
            continue
        run.append((inflected(stem(lower)), _verb_form(lower, previous)))
        last = run[-PHRASE_WORDS:]
        if len(last) == PHRASE_WORDS and any(verb for _, verb in last):
            out.add(tuple(word for word, _ in last))
    return frozenset(out)


def repeats_phrase(sentence: str, earlier: Sequence[str]) -> str | None:
    """How `sentence` tells again a clause one of `earlier` told, in its words (a phrase of
    PHRASE_WORDS content words with a verb, `_phrases`, both write, outside its quotation
    marks: a speaker's words are what was said) bringing no figure the earlier ones lack
    (`new_figures`), or None."""
    mine = _phrases(QUOTED.sub(" ", sentence))  # someone's own words are a fact of their own
    figures = found(sentence)
    if not mine or new_figures(figures.figures, {f for o in earlier for f in numbers(o)},
                                figures.hedged):
        return None
    for other in earlier:
        if shared := mine & _phrases(other):
            return f"the phrase '{' '.join(min(shared))}' again"
    return None


def told_again(sentence: str, earlier: Sequence[str]) -> str | None:
    """How `sentence` says again what one of `earlier` said — a figure or most of its words
    (`restates`), or a clause in the same words (`repeats_phrase`) — or None: what a story
    paragraph never prints and the copy editor strikes in one."""
    return restates(sentence, earlier) or repeats_phrase(sentence, earlier)
