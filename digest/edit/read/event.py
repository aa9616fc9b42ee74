"""What a sentence tells happened, read once per sentence (`event` → `Event`): its names (its
opener, its source clause's, the bodies their titles serve), its subject and main verb
(`acts.act`), the words of its action and their families (`lexicon.EVENT_FAMILIES`), its
figures, counts in words and weekdays; and how two such readings compare (`shared_action`,
`same_day`, `another_day`).

The judgements built on it are events.py's (a sentence saying nothing new, the same event or act
told again: `says_nothing_new`, `restates_event`, `acts_again`) and write/retold.py's and
write/told_again.py's (another outlet's lead telling the printed act again, with the headline
known).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from digest.edit.lexicon import (
    CJK_RE,
    EVENT_FAMILIES,
    EVENT_REPORTING,
    EVENT_ROLES,
    STOPWORDS,
    stem,
)
from digest.edit.read.acts import act
from digest.edit.read.entities import is_title
from digest.edit.read.facts import (
    DATES,
    WEEKDAY_FORMS,
    WORD,
    acronyms,
    body_of,
    form,
    inflected,
    initials,
    name_runs,
    one_form,
    plain,
    source_clause,
)
from digest.edit.read.figures import Hedged, found
from digest.text import tokens

# An event's actors and its action (what `events.restates_event` compares). General English
# written for the project (nothing learned from the benchmarks). A party is a description, not
# a new actor ("the 2016 Democratic nominee" is Clinton); a party tag ("D-Hawaii") and a title
# ("Rep.", "the president": entities.is_title) name nobody new either.
_PARTIES = frozenset(["democrat", "democrats", "democratic", "republican", "republicans", "gop"])
_PARTY_TAG = re.compile(r"[DRI]-[A-Z][\w.]*")
# A figure written in words: no fact figure for `numbers` ("two" in two sentences is no fact
# said twice), but new to the event ("after two Republican senators broke ranks").
_COUNT = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|"
                    r"hundreds?|thousands?|millions?|billions?)\b", re.IGNORECASE)
# "the president", "the senator's": a person named by a title alone (a second reference; not
# "the president-elect", another person).
_THE_TITLE = re.compile(r"\bthe ([a-z]+)\b(?![-'’](?!s\b))")
# (by whole stems: "nominee" is a role, "nominated" an action, though their forms are one)
_NOT_ACTION = frozenset(inflected(stem(w)) for w in EVENT_ROLES | EVENT_REPORTING | _PARTIES)
PARTY_FORMS = frozenset(form(stem(w)) for w in _PARTIES)
# A family's words, as forms, each to the family's first word ("backl" -> "denounce").
_FAMILY = {form(stem(w)): family[0] for family in EVENT_FAMILIES for w in family}


@dataclass(frozen=True)
class Event:
    """What a sentence tells happened, for `events.restates_event`: its names (each a run of
    capitalised words, as word forms; a lone first word apart, since its capital may be the
    sentence's), the forms of every word
    it writes, its figures, and its action: the forms of its other content words (no name,
    role, date or word of reporting) and the families (`lexicon.EVENT_FAMILIES`) they belong to."""

    names: tuple[tuple[str, ...], ...]
    sources: frozenset[tuple[str, ...]]  # the names of its source clause ("…, the White House said")
    opener: str  # a lone capitalised first word ("Lawyers …", "Facebook …"): a name or not
    words: frozenset[str]
    figures: frozenset[str]
    hedged: Hedged  # the figures it hedges ("nearly $400 million": `figures.hedged`)
    counts: frozenset[str]  # figures written in words ("two", "nine million")
    action: frozenset[str]
    families: frozenset[str]
    # the titles it names someone by alone ("the president's ban"): the person a printed
    # sentence names with that title ("President Donald Trump's travel ban"), told again
    titled: frozenset[str]
    # the words of its names before their heads ("nobel", "peace" of "Nobel Peace Prize"): a
    # word of the action when another sentence writes it in lower case ("the peace prize");
    # a head alone ("the club" of "the Harbour Rowing Club") is the thing named again
    qualifiers: frozenset[str]
    # the head of the name it opens with, its subject ("The Treasury Department said …",
    # "Attorney General Jeff Sessions is …", "Trump denounced …"): not a possessive ("Trump's
    # lawyers …"), a noun's modifier ("Club captain Mira Osei …", "Senate leaders …"), a
    # date or a party; "" when it opens otherwise
    subject: str
    days: frozenset[str]  # the weekdays it names, as forms
    # its main verb's family (`acts.act`, "" for none) and the heads of the names its subject
    # is ("Attorney General Jeff Sessions is set to testify …": testify, sessi)
    verb: str = ""
    doers: frozenset[str] = frozenset()
    # each name writing the body its title serves, with the body's (`facts.body_of`)
    bodies: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()


@functools.lru_cache(maxsize=16384)
def _form(word: str) -> str:
    return form(stem(word.lower()))


@functools.lru_cache(maxsize=16384)
def _name_word(word: str) -> str | None:
    """A capitalised word's form as part of a name, or None: a function word, a party tag
    ("D-Hawaii") or a title ("Rep.", "President") names nobody."""
    if (len(word) < 2 or word.lower() in STOPWORDS or _PARTY_TAG.fullmatch(word)
            or is_title(word.rstrip("."))):
        return None
    return one_form(_form(word))


@functools.lru_cache(maxsize=16384)
def _action_word(token: str) -> str | None:
    """A lower-cased token's form as a word of an action, or None: a function word, a
    figure, a party tag, a title or role ("president", "lawyers"), a word of reporting."""
    if (token in STOPWORDS or len(token) < 2 or token.isdigit() or CJK_RE.match(token)
            or _PARTY_TAG.fullmatch(token[:3].upper() + token[3:])
            or is_title(token.capitalize()) or is_title(token.upper())):
        return None
    f = _form(token)
    return None if f in DATES or inflected(stem(token)) in _NOT_ACTION else f


def _name(run: Sequence[str]) -> tuple[str, ...]:
    """A run of capitalised words as the forms that name (`_name_word`)."""
    return tuple(f for f in map(_name_word, run) if f)


@functools.lru_cache(maxsize=4096)
def event(sentence: str) -> Event:
    """What `sentence` tells happened (see `Event`), read once per sentence."""
    text = plain(sentence)
    names = []
    opener = ""
    bodies = []
    for k, run in enumerate(name_runs(text)):
        kept = _name(run)
        if k == 0 and len(run) == 1 and text.lstrip().startswith(run[0]):
            opener = kept[0] if kept else ""
        elif kept:
            names.append(kept)
            if body := _name(body_of(run)):
                bodies.append((kept, body))
    named = {w for name in names for w in name} | {opener}
    # (a people named in a word of its own is no action: "Norwegian" is Norway's)
    action = {f for f in map(_action_word, tokens(text))
              if f and f not in named and one_form(f) not in named}
    forms = frozenset(map(_form, WORD.findall(text)))
    # "fcc", and the acronyms in capitals: `facts.initials`, `facts.acronyms`
    spelt = frozenset(filter(None, map(initials, names))) | acronyms(WORD.findall(text))
    lead = act(text)
    doers = _heads(lead.subject)
    clause = source_clause(text)
    figures = found(text)
    return Event(names=tuple(names), opener=opener,
                 sources=frozenset(filter(None, map(_name, name_runs(clause)))),
                 words=forms | frozenset(map(one_form, forms)) | spelt,
                 figures=figures.figures, hedged=figures.hedged,
                 counts=frozenset(m.lower() for m in _COUNT.findall(text)),
                 action=frozenset(action),
                 families=frozenset(_FAMILY[f] for f in action if f in _FAMILY),
                 qualifiers=frozenset(w for name in names for w in name[:-1]),
                 titled=frozenset(_form(t) for t in _THE_TITLE.findall(text)
                                  if is_title(t.capitalize())),
                 subject=_subject(text, name_runs(text)),
                 days=_act_days(text, names, clause),
                 verb=lead.verb if doers else "", doers=doers, bodies=tuple(bodies))


def _act_days(text: str, names: Sequence[tuple[str, ...]], clause: str) -> frozenset[str]:
    """The weekdays `text` names (`names`, its names as forms) outside its source clause
    (`clause`, `facts.source_clause`): "…, the chairman of the committee said on Friday" is
    when it was told, not when the act told happens ("… will meet with Senate Republicans
    next week …, … said on Friday" and "… is meeting next week with Republican senators …,
    with a final vote as early as Thursday" are one meeting)."""
    days = frozenset(w for name in names for w in name if w in WEEKDAY_FORMS)
    if not days or not clause:
        return days
    told = frozenset(w for run in name_runs(clause) for w in _name(run) if w in WEEKDAY_FORMS)
    outside = frozenset(w for run in name_runs(text[:len(text) - len(clause)])
                        for w in _name(run) if w in WEEKDAY_FORMS)
    return days - (told - outside)


# What follows a subject: its verb, a word of function ("has", "said", "on"), an adverb, a
# date, a comma or a bracket ("Sen. Ada Lin (D-Minn.) said"); a lower-case noun after the
# name makes the name its modifier ("Club captain …", "Senate leaders …").
_PREDICATE = re.compile(r"\s*(?:[,(\[—–]|-+\s|$|([A-Za-z]+)\b)")


def _subject(text: str, runs: Sequence[Sequence[str]]) -> str:
    """The head of the name `text` opens with (see `Event.subject`), or ""."""
    start = len(text) - len(text.lstrip())
    if not runs or not text.startswith(runs[0][0], start):
        return ""
    last = runs[0][-1]
    end = text.find(last, start) + len(last)
    kept = _name(runs[0])
    if not kept or text[end:end + 2] in ("’s", "'s") or last.endswith(("’s", "'s")):
        return ""
    after = _PREDICATE.match(text, end)
    word = after.group(1) if after else None
    if after is None or (word and not (word.lower() in STOPWORDS or word.endswith(("ed", "ly"))
                                       or _form(word) in DATES)):
        return ""
    head = kept[-1]
    return "" if head in DATES or head in PARTY_FORMS else head


def _heads(words: Sequence[str]) -> frozenset[str]:
    """The heads of the names `words` write (a party or a date names nobody)."""
    return frozenset(h for run in name_runs(" ".join(words))
                     if (h := next((f for f in reversed(_name(run)) if f not in PARTY_FORMS
                                    and f not in DATES), "")))


def shared_action(mine: Event, theirs: Event) -> list[str]:
    """The words of the action two sentences share, then each family both tell in words of
    their own ("backlash" against "denounced")."""
    shared = sorted(mine.action & (theirs.action | theirs.qualifiers))
    for family in sorted(mine.families & theirs.families):
        own = {f for f in mine.action if _FAMILY.get(f) == family}
        if own - theirs.action:
            shared.append(f"{family}~")
    return shared


def same_day(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Whether two sentences' weekdays (`Event.days`) are one day: a day in common, or no day
    both name."""
    return bool(mine & theirs or not (mine and theirs))


def another_day(text: str, others: Sequence[str]) -> bool:
    """Whether `text` names a day and `others` name days, none of them its own."""
    days = event(text).days
    named = frozenset().union(*(event(o).days for o in others))
    return bool(days and named and not days & named)
