"""Whether a sentence tells again an act other sentences tell: the "told again" tests that
write/retold.py's passes over a paragraph's picks (`retellings`) and write/reopen.py's choice
of an opening ask, each known once the headline is.

* `same_act`: the same one doing the same thing that day, its subject a name (`_same_act`:
  one subject, `event.shared_action`, one day, no main verb of another kind) or a description
  (`_same_doing`, `_Doer`: "A federal judge" / "A Michigan judge", one main verb);
* `retells`: that, or telling half the headline's words and mostly what is printed before it
  (`_mostly_said`) on no day of its own;
* `no_other_act`: no statement of its own (`_states`, `_STATEMENT`: not its source nor who
  told it between commas, `_who_told`) and no main verb the others do not write (`_verbs`);
* `act_words`: the words telling its main act when another sentence tells that act, in a word
  of its family or its noun (`acts.noun`): how the act is told again is no detail of its own;
* `told_otherwise`: the act a printed sentence tells, told in other words (one side's main
  verb told by the other in a word of its family or its noun, `_acts`; the same day, shared
  action words, no two subjects that name two others, `_apart`);
* `bag`: content words, stemmed, as all of these compare them.

The rules, their history and figures: write/retold.py's docstring and docs/editor.md.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from digest.edit.lexicon import ARTICLES, BEFORE_VERB, content_words, stem
from digest.edit.read.acts import act, family, noun
from digest.edit.read.event import (
    PARTY_FORMS,
    Event,
    another_day,
    event,
    same_day,
    shared_action,
)
from digest.edit.read.facts import DATES, WORD, acronyms, form, initials, source_clause
from digest.edit.settings import PARAGRAPH, ParagraphSettings


def bag(text: str) -> frozenset[str]:
    """Content words, stemmed, with one apostrophe ("O’Rourke" is "O'Rourke")."""
    return frozenset(stem(w) for w in content_words(text.replace("’", "'")))


def retells(text: str, rest: Sequence[str], before: Sequence[str], told: frozenset[str],
            settings: ParagraphSettings = PARAGRAPH, headline: str = "") -> bool:
    """Whether `text` tells again the act one of `rest` tells (`same_act`), or, telling at
    least `opening_tells` of the headline's words (`told`), mostly what is printed `before` it
    (`_mostly_said`, its main verb one of theirs or the `headline`'s), no day but those
    `before` name ("Sunday" after "Monday" only is another day) and its subject not another
    than each of theirs (`_apart`: "The House voted Monday to approve the bill …" after "The
    Senate voted Monday to approve the bill …" is the other chamber's vote)."""
    return same_act(text, rest, settings) or (
        len(bag(text) & told) >= settings.opening_tells * len(told)
        and _mostly_said(text, before, settings.retold_said, headline)
        and not another_day(text, before)
        and not (before and all(_apart(act(text).subject, act(b).subject) for b in before)))


def same_act(text: str, others: Sequence[str], settings: ParagraphSettings = PARAGRAPH,
             *, verb_told: bool = False) -> bool:
    """Whether one of `others` tells the act `text` tells: the same one doing the same thing
    that day, its subject a name (`_same_act`) or a description (`_same_doing`). With
    `verb_told`, both must name their main verb, and the same one: no act is read from the
    words around a verb not read ("Ada Lin credited the new levy …" after "Ada Lin said on
    Thursday the levy would …" tells what she did next)."""
    return _same_act(event(text), [event(o) for o in others], settings.retold_words,
                     verb_told) or _same_doing(text, others)


def _same_act(mine: Event, told: Sequence[Event], words: int, verb_told: bool = False) -> bool:
    """Whether a printed sentence opens on the subject `mine` opens on ("The Treasury
    Department said Monday …"), names the same day or no day both name, tells no other main
    verb (with `verb_told`, tells the same one), and shares `words` words of its action
    (`event.shared_action`): the same one doing the same thing that day."""
    if verb_told and not mine.verb:
        return False
    return bool(mine.subject) and any(
        t.subject == mine.subject and same_day(mine.days, t.days)
        and (mine.verb == t.verb if verb_told else not (mine.verb and t.verb and mine.verb != t.verb))
        and len(shared_action(mine, t)) >= words for t in told)


def _same_doing(text: str, others: Sequence[str]) -> bool:
    """Whether `text`'s subject (`acts.act`) is about the word one of `others`' is about
    (`_Doer`: "A federal judge" / "A Harlow County judge" both a judge), the names of one
    among the other's ("A Denby judge" is no Harlow County judge), does what it does (one
    main verb, an `EVENT_VERBS` family or one verb's forms) and on the same day or no day both
    name; and no other day than the `others` name ("Tuesday" after "Monday" only is another
    day). A subject a description opens on no name, so `_same_act` cannot tell."""
    mine = _Doer.of(text)
    if not (mine.verb and mine.head) or another_day(text, others):
        return False
    return any(t.verb == mine.verb and t.head == mine.head
               and (mine.names <= t.names or t.names <= mine.names)
               and same_day(mine.days, t.days)
               for t in map(_Doer.of, others))


def told_otherwise(text: str, others: Sequence[str], words: int) -> bool:
    """Whether one of `others` tells the act `text` tells in other words (session 35): one of
    the two names its main verb (`acts.act`) and the other tells it, in any word of its family
    or its noun (`_acts`: "will step down" / "is stepping down", "voted to repeal" / "voted
    3-2 to end"), or both write a word of one `EVENT_VERBS` family (`_families`: a lead whose
    verb `acts.act` does not read, "… was rocked on Friday after officials said …"); neither
    names another main verb ("The president signed the bill the Senate passed" tells another
    act than "The Senate passed the bill"); they name the same day or no day both name, share
    `words` words of their action (`event.shared_action`), and their subjects are not two
    others (`_apart`: "The House" / "The Senate", "House Democrats" / "House Republicans").
    Another outlet's lead often opens on no subject `_same_act` can read ("A federal appeals
    court in San Francisco ruled Friday night …" after "The Ninth U.S. Circuit Court of
    Appeals ruled Friday …")."""
    mine, its = act(text), event(text)
    for other in others:
        theirs, told = act(other), event(other)
        if ((mine.verb in _acts(other) or theirs.verb in _acts(text)  # (no verb: never in `_acts`)
             or _families(text) & _families(other))
                and not (mine.verb and theirs.verb and mine.verb != theirs.verb)
                and same_day(its.days, told.days) and len(shared_action(its, told)) >= words
                and not _apart(mine.subject, theirs.subject)):
            return True
    return False


def _families(text: str) -> frozenset[str]:
    """The `EVENT_VERBS` families `text`'s words tell, whatever their place ("the inquiry",
    "investigators")."""
    return frozenset(filter(None, map(family, WORD.findall(text))))


def _apart(one: Sequence[str], other: Sequence[str]) -> bool:
    """Whether two subjects (`Act.subject`) name two others: each writes a name (a capitalised
    word) and no word of one is in the other, nor is one the other's acronym ("the FCC" / "The
    Federal Communications Commission"; "A Harlow judge" / "A Denby judge" are two, as in
    `_same_doing`); or two parties ("House Democrats" / "House Republicans"). Its first word
    is not read, whose capital may be the sentence's ("Harbour dredging …"). A subject naming
    no one ("A federal judge") or none read is no other."""
    named = [[w for w in s[1:] if w[:1].isupper()] for s in (one, other)]  # (first: `_Doer`)
    mine, theirs = (frozenset(form(stem(w.lower())) for w in n) for n in named)
    if mine & PARTY_FORMS and theirs & PARTY_FORMS and mine & PARTY_FORMS != theirs & PARTY_FORMS:
        return True
    spelt = {initials(n).lower() for n in named} - {""}
    short = {a.lower() for n in named for a in acronyms(n)}
    return bool(mine and theirs) and not (mine & theirs or spelt & short)


@dataclass(frozen=True)
class _Doer:
    """Who a sentence says acted and how (`acts.act`): its subject's head word ("A Michigan
    judge": judge; "The police chief of Carthen": chief, the word before "of"), the other
    names it writes (as forms; its first word apart, whose capital may be the sentence's),
    its main verb and the days it names."""

    head: str
    names: frozenset[str]
    verb: str
    days: frozenset[str]

    @staticmethod
    def of(text: str) -> _Doer:
        lead = act(text)
        words = [w for w in lead.subject if w.lower() not in ARTICLES]
        if "of" in words:
            words = words[:words.index("of")]
        head = form(stem(words[-1].lower())) if words else ""
        names = frozenset(form(stem(w.lower())) for w in lead.subject[1:] if w[:1].isupper())
        return _Doer(head, names - {head}, lead.verb, event(text).days)


# Words that report what someone says, outside the source clause ("…, a spokesman told
# reporters."): a lead reporting a statement ("…, and officials say the work will start in
# May", "…, a spokesman claiming …") tells more than the event again, whatever words of it
# it repeats. General English, written for the project.
_STATEMENT = re.compile(r"\b(?:say|says|said|saying|claims?|claimed|claiming|statement|told|"
                        r"tells?|insists?|insisted|insisting|argues?|argued|arguing)\b",
                        re.IGNORECASE)


def _mostly_said(text: str, before: Sequence[str], share: float, headline: str = "") -> bool:
    """Whether at least `share` of `text`'s content words (`bag`) are printed `before` it, it
    reports no statement of its own (`_STATEMENT`) and its main verb (`acts.act`), if it has
    one, is a word printed before or the `headline`'s (`_verbs`): another outlet's summary of
    the event told, whatever its subject ("Harbour dredging in Carthen is to be paid for by the new ferry
    levy, …" after "The Carthen Port Authority said Monday that the new ferry levy would pay
    for the harbour dredging …"), not another act of one printed ("The Carthen Port
    Authority's board resigned over the new ferry levy …")."""
    mine = bag(text)
    said = frozenset().union(*map(bag, before))
    return bool(mine) and len(mine & said) >= share * len(mine) and no_other_act(
        text, [*before, headline])


def no_other_act(text: str, others: Sequence[str]) -> bool:
    """Whether `text` reports no statement of its own (`_states`) and its main verb
    (`acts.act`), when it has one, is a word `others` write (`_verbs`): nothing done or said
    but what they tell ("… has apologized …" is another act)."""
    verb = act(text).verb
    return not _states(text) and (not verb or verb in frozenset().union(*map(_verbs, others)))


def _states(text: str) -> bool:
    """Whether `text` reports a statement (`_STATEMENT`) other than its source: not in its
    source clause, nor who told it between commas ("…, sources tell Fox News, amid …", "…, a
    ministry official said Monday, a sign …": `_who_told`), nor its subject's own act ("Sen.
    Ada Lin said Monday that …" tells what she did, and its subject is weighed as an actor by
    `needs`)."""
    body = text[:len(text) - len(source_clause(text))]
    opens = bool(event(text).subject)
    for found in _STATEMENT.finditer(body):
        if not (_who_told(body, found) or (opens and _plain_words(body[:found.start()]))):
            return True
        opens = False
    return False


# Who told it, between commas: a few words naming the speaker ("a senior ministry official"),
# the word of saying, then only names and dates ("Fox News on Sunday"), no clause.
_SPEAKER_WORDS = 6


def _who_told(body: str, found: re.Match[str]) -> bool:
    before = body[:found.start()]
    after = re.match(r"[^,.;:!?]*", body[found.end():])
    return ("," in before and len(WORD.findall(before[before.rfind(",") + 1:])) <= _SPEAKER_WORDS
            and after is not None and _plain_words(after.group()))


def _plain_words(text: str) -> bool:
    """Whether `text` writes only names (capitalised words), dates and `BEFORE_VERB` words."""
    return all(w[:1].isupper() or w.lower() in BEFORE_VERB or form(stem(w.lower())) in DATES
               for w in WORD.findall(text))


def _verbs(text: str) -> frozenset[str]:
    """Every word of `text` as `acts.act` would name it as a verb: its `EVENT_VERBS` family
    ("lawsuit" is no "sue") or "=" and its form ("vote" and "voted" are "=vot")."""
    return frozenset(family(w) or "=" + form(stem(w.lower())) for w in WORD.findall(text))


def act_words(text: str, rest: Sequence[str]) -> frozenset[str]:
    """The words of `text` (as `bag` has them) that tell its main act (`acts.act`), when one of
    `rest` tells that act too, in a word of its family or the noun of that act (`acts.noun`):
    the verb in any form of its family ("closing" after "shut down") or its noun ("agreement"
    after "agreed"). How the act is told again is no detail of the retelling's own: a headline
    "X shuts Y" promises the act, not the word."""
    verb = act(text).verb
    if not verb or verb not in frozenset().union(*map(_acts, rest)):
        return frozenset()
    return frozenset().union(*(bag(w) for w in WORD.findall(text) if verb in _acts(w)))


def _acts(text: str) -> frozenset[str]:
    """The acts `text` tells: its main act (`acts.act`: "called off" is "cancel") and what its
    words tell as verbs (`_verbs`) or as nouns (`acts.noun`)."""
    return (_verbs(text) | frozenset(filter(None, map(noun, WORD.findall(text))))
            | {act(text).verb} - {""})
