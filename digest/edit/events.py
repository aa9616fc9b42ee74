"""The same thing told again in other words: what the paragraph writer (write/paragraph.py)
and the copy editor (proof/story.py) both ask of a sentence before it is printed after others.

* `says_nothing_new(sentence, printed)`: a paraphrase of what the *whole* printed text says,
  which `facts.restates` misses because another outlet tells the same event in its own words
  ("The Boy Scouts of America (BSA) is changing one of its iconic program's names …" after
  "The Boy Scouts of America … will drop 'Boy' from the name of its signature program"):
  a sentence bringing no new name and no new figure (`facts.brings`), whose content words the
  printed text mostly holds (at most `ParagraphSettings.nothing_new` of them new), or one that
  tells the same event again;
* `restates_event(sentence, printed)` (part of `says_nothing_new`): the same event told
  again in other words, which the share of new words misses because the second telling
  adds colour ("… faced a swift and bipartisan backlash … after he assailed …" after
  "… denounced … attacks on …"): no new name or figure, one of its actors named by one
  printed sentence, and `ParagraphSettings.event_words` words of its action shared with it
  — a family of verbs told in other words counting one (`lexicon.EVENT_FAMILIES`: denounced /
  backlash, demanding / called on, walk back / retract, sued / lawsuit …). A new name is
  then a detail of the event told again when the action shared is most of what the sentence
  tells (`ParagraphSettings.event_words_named` words, `event_share_named` of its action).
  Two leads on one subject whose main verbs are of one family (`acts.act`: `Event.verb`,
  `Event.doers`) tell one event too, but what the second adds after its verb may be the
  headline's fact: that is decided once the headline is known (`write/retold.acted_again`).
  A date is new only against a printed date of its kind: "Thursday" after "the November
  election" says when; the source a report names in its closing clause ("…, the White House
  announced.": `facts.source_clause`) is who told it, not someone new in the event.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from digest.edit.acts import act
from digest.edit.entities import is_title
from digest.edit.facts import (
    DATES,
    RESTATES_WORDS,
    WEEKDAY_FORMS,
    WORD,
    acronyms,
    body_of,
    brings,
    dated,
    form,
    inflected,
    initials,
    known_forms,
    name_runs,
    one_form,
    plain,
    said,
    source_clause,
    spelt_known,
)
from digest.edit.figures import Hedged, found, new_figures
from digest.edit.lexicon import (
    CJK_RE,
    EVENT_FAMILIES,
    EVENT_REPORTING,
    EVENT_ROLES,
    STOPWORDS,
    stem,
)
from digest.edit.settings import PARAGRAPH, ParagraphSettings
from digest.text import tokens


def says_nothing_new(sentence: str, printed: Iterable[str],
                     settings: ParagraphSettings = PARAGRAPH) -> str | None:
    """Why `sentence` says nothing the `printed` text (taken together) does not (see the
    module docstring), or None when it brings something new: few new words
    (`_few_new_words`, at most `settings.nothing_new` of them), or the same event told again
    (`restates_event`, by `settings.event_words`, `event_words_named`, `event_share_named`)."""
    printed = list(printed)
    return (_few_new_words(sentence, printed, settings.nothing_new)
            or restates_event(sentence, printed, settings))


def _few_new_words(sentence: str, printed: Sequence[str], share: float) -> str | None:
    """No new name, figure or date, and at most `share` of its content words new."""
    mine = said(sentence)
    if not mine.content:
        return None
    known, figures = known_forms(printed)
    if not known or brings(mine, known, figures):
        return None
    new = sum(form(w) not in known for w in mine.content)
    # A paraphrase restates a fact, which takes words: "DeSantis and Publix deny any
    # wrongdoing." restates two names and says something new with the other two.
    if len(mine.content) - new < RESTATES_WORDS or new > share * len(mine.content):
        return None
    return f"nothing new ({new / len(mine.content):.0%} of its words new)"


# The same event told again (`restates_event`): its actors and its action. General English
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
    """What a sentence tells happened, for `restates_event`: its names (each a run of
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
    figures = found(text)
    return Event(names=tuple(names), opener=opener,
                 sources=frozenset(filter(None, map(_name, name_runs(source_clause(text))))),
                 words=forms | frozenset(map(one_form, forms)) | spelt,
                 figures=figures.figures, hedged=figures.hedged,
                 counts=frozenset(m.lower() for m in _COUNT.findall(text)),
                 action=frozenset(action),
                 families=frozenset(_FAMILY[f] for f in action if f in _FAMILY),
                 qualifiers=frozenset(w for name in names for w in name[:-1]),
                 titled=frozenset(_form(t) for t in _THE_TITLE.findall(text)
                                  if is_title(t.capitalize())),
                 subject=_subject(text, name_runs(text)),
                 days=frozenset(w for name in names for w in name if w in WEEKDAY_FORMS),
                 verb=lead.verb if doers else "", doers=doers, bodies=tuple(bodies))


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


def restates_event(sentence: str, printed: Sequence[str],
                   settings: ParagraphSettings = PARAGRAPH) -> str | None:
    """Why `sentence` tells an event the `printed` text told already, or None: it brings no new
    figure in digits, one printed sentence names one of its actors (a title alone, "the
    president", is the person a printed sentence names with it) and shares
    `settings.event_words` words of its action (a name's word before its head counts: "the
    Nobel peace prize" after "the Nobel Peace Prize"; "Lawyers representing Rep. Tulsi Gabbard
    (D-Hawaii) on Monday called on Hillary Clinton to retract her comments …" after "Lawyers
    for Rep. Tulsi Gabbard, D-Hawaii, are demanding that Hillary Clinton walk back on her claim
    …": Gabbard and Clinton, demanding / called on, walk back / retract), and it names nobody
    new (a name whose head no printed sentence writes; a party, a party tag, a title or a
    printed body's officer is no new name, a date only against another printed date of its kind). A sentence that names
    someone or something new, or a count in words the printed text does not give ("a
    three-judge panel", "nearly a dozen troops": news style spells the small ones out, and
    they are mostly details), tells the same event when the action it shares is most of the
    story it tells: `settings.event_words_named` words or more, and `event_share_named` of its
    action ("A team of researchers at Ohio State University conclude in a new study that fake
    news stories had a significant impact on voters in the 2016 election" after "… circulated a
    study that suggests fake news might have been the deciding factor in the 2016 election":
    the new name is a detail of the event told). `event_words` 0: no event is compared."""
    words = settings.event_words
    mine = event(sentence)
    if words <= 0 or not (mine.names or mine.opener or mine.titled) or not mine.action:
        return None
    told = [event(p) for p in printed]
    known = {w for t in told for w in t.words}
    named = {w for t in told for name in t.names for w in name}
    if new_figures(mine.figures, {f for t in told for f in t.figures}, mine.hedged):
        return None  # a new figure ("853,000 jobs", "$20 million")
    # "Facebook removed …": a first word unknown may be a name, new to the reader; a count in
    # words (news style spells out the small ones: "two bases", "a three-judge panel", "nearly
    # a dozen troops") is, like a new name, a detail of the event told again unless the
    # action is mostly new ("after two Republican senators broke ranks").
    fresh = bool(mine.opener and mine.opener not in known) or bool(
        mine.counts - {c for t in told for c in t.counts})
    # A first word a printed name holds is an actor ("Twitter, reacting …" after "Twitter CEO
    # Jack Dorsey"), one only written before is not ("Lawyers called on …").
    actors = ({mine.opener} & named) | mine.titled
    for name in mine.names:
        head = name[-1]
        if set(name) <= PARTY_FORMS:
            continue
        if set(name) <= DATES:
            if head in known or not dated(head, known):
                continue  # the first date of its kind printed says when
            return None  # another day ("Friday" after "Monday"): another event
        spelt = spelt_known(name, known)
        if head in known:
            actors.add(head)
        elif spelt:
            actors.add(spelt)  # "Federal Communications Commission" after "FCC"
        elif body := _served(name, mine, told):
            actors.add(body)  # "White House Press Secretary Sean Spicer" after "The White House"
        else:
            # someone or something the reader has not met; not the source a report names
            # ("…, the White House announced."): who told it is no new part of the event
            fresh = fresh or name not in mine.sources
    least = max(settings.event_words_named, math.ceil(
        settings.event_share_named * len(mine.action))) if fresh else words
    for theirs in told:
        who = sorted(actors & theirs.words)
        what = shared_action(mine, theirs)
        # the same subject doing the same thing on the same day: a new name is a detail of
        # the event told again ("The Treasury Department said Monday that the Republican economic agenda
        # would … pay for the tax cuts …" after "The Treasury Department said Monday that the
        # Senate-approved tax reform plan would pay for itself …")
        if who and len(what) >= (min(least, settings.event_words_subject)
                                 if mine.subject == theirs.subject != ""
                                 and mine.days & theirs.days else least):
            return f"the same event again ({', '.join(who)}: {', '.join(what)})"
    return None


def _served(name: tuple[str, ...], mine: Event, told: Sequence[Event]) -> str:
    """The head of the printed name that is the body `name`'s title serves (`Event.bodies`:
    "White House Press Secretary Sean Spicer" after "The White House …"), or "": the body's
    officer speaks and acts for it, no one new in its event."""
    body = dict(mine.bodies).get(name)
    return next((n[-1] for t in told for n in t.names if body and n[-1] == body[-1]
                 and (set(n) <= set(body) or set(body) <= set(n))), "")


def acts_again(text: str, others: Sequence[str], rest: Sequence[str], headline: str) -> bool:
    """Whether `text` tells again the act one of `others` (another outlet's) tells, by its
    subject and a main verb of one family (`_one_act`), on no day of its own
    (`another_day`), with no new figure in digits and no name of the `headline` the `rest`
    of the paragraph does not print (`_headline_name`): `write/retold.acted_again`'s test, and
    the copy editor's (proof/story.py)."""
    mine = event(text)
    return (_one_act(mine, [event(o) for o in others]) and not another_day(text, others)
            and not new_figures(mine.figures, {f for o in others for f in event(o).figures},
                                mine.hedged)
            and not _headline_name(mine, rest, headline))


def _headline_name(mine: Event, rest: Sequence[str], headline: str) -> bool:
    """Whether `mine` names (a capitalised word past its first) a word of the `headline` none
    of `rest` writes: what the headline promises ("… Bring DACA Bill …"), which no other word
    tells. A common word of the headline is often told in others ("fashion brand" / "clothing
    line", "plane" / "jetliner"), so it keeps no account of an act told."""
    heads = event(headline).words
    known = frozenset(one_form(form(stem(w.lower()))) for r in rest for w in _LETTERS.findall(r))
    return any(w in heads and w not in known for name in mine.names for w in name)


_LETTERS = re.compile(r"[^\W\d_]+")  # a word's parts ("health-care": health, care)


def _one_act(mine: Event, told: Sequence[Event]) -> bool:
    """Whether one of `told` opens on a subject naming one of the names `mine`'s subject is
    (`Event.doers`: a name's head both write) and tells its main verb in one family
    (`Event.verb`), on the same day or no day both name."""
    return bool(mine.verb) and any(
        t.verb == mine.verb and mine.doers & t.doers
        and same_day(mine.days, t.days) for t in told)


def same_day(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Whether two sentences' weekdays (`Event.days`) are one day: a day in common, or no day
    both name."""
    return bool(mine & theirs or not (mine and theirs))


def another_day(text: str, others: Sequence[str]) -> bool:
    """Whether `text` names a day and `others` name days, none of them its own."""
    days = event(text).days
    named = frozenset().union(*(event(o).days for o in others))
    return bool(days and named and not days & named)
