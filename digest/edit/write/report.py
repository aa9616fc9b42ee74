"""Which of a story's sentences report the news, and which are a column's colour.

A newsletter's paragraph reports what happened: who did what, when, how many, who said what.
A column's colour — its scene ("Monica Lewinsky is having a déjà vu day."), its thesis ("The
filibuster is in peril."), its quip ("Just count the damn votes.") or its background ("North
Korea and its nuclear weapons program have plagued the U.S. for years.") — belongs to the
column it came from. A copy editor tells them apart by what a report's sentence carries
(`reports`):

* a figure (`figures.numbers`, or a count in digits: "6 crowns"; not a name's "COVID-19" nor a
  clock's "3 p.m."), or a date ("on Tuesday", "November 18", "yesterday": `timeline.event_day`; a
  feature's "on a recent Tuesday" or "last month" framing names none);
* someone's words, quoted or reported ("…, officials said", "Trump warned", "according to"):
  who said what, which the story's sources, linked under it, credit;
* or a word of the story's event that another outlet writes too, in its title or its lead
  (`event.event`'s action: no name, role, date or word of reporting): what the other outlets
  put first is what happened ("… ruled …" under "Court rules …"; "… sworn in …" under "As
  Congress is sworn in, …"). A sentence sharing none of it tells something else.

A column's own line (an article under a column's title, `headline.column.columns`: "OPINION:
…", "… should …") reports by a figure or someone's words only, when another outlet offers
a report (an article not under a column's title): its date sets its writer's scene ("The
separation of church and state survived a close brush with death on Thursday, …") and the
words it shares with the report's title are its subject, not news it adds. Where every
article is a column's, nobody offers better, and its lines are read as a report's.

The test reads one story against its other outlets: an article alone in its story, or beside
articles of its own outlet only, has nobody to be read against, and every sentence of it
reports (a lone column is then printed as it is; its colour is its outlet's to answer for).
Chinese is not read: its action words are not told apart (`event.event` keeps none), so a
sentence mostly in Chinese reports.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from digest.edit.headline.column import columns
from digest.edit.lexicon import QUOTED, REPORTING_VERBS, SPEECH, WEEKDAYS, mostly_cjk
from digest.edit.read.event import event
from digest.edit.write.lines import Key, Line
from digest.models import Article

# Who said what: a verb of saying in any form ("warns", "deny", "is accusing"), "according
# to", "reportedly" (lexicon.SPEECH and REPORTING_VERBS, and their other forms). A verb that
# is a noun too ("a promise", "his claims", "a report") counts in its past and -ing forms
# only: "Jeff Flake is following through on his promise" says nobody's words.
_SAYING = ("say", "tell", "write", "argue", "insist", "warn", "declare", "deny", "ask",
           "suggest", "predict", "defend", "threaten", "announce", "acknowledge", "contend",
           "concede", "complain", "respond", "explain", "confirm", "accuse", "testify",
           "allege")
_SAYING_NOUNS = ("claim", "promise", "report", "call", "tweet", "reply", "vow", "urge")


def _forms(verb: str, noun: bool = False) -> str:
    """A regular verb's forms as one alternation ("deny": deny, denies, denied, denying); a
    verb that is a noun too, its past and -ing forms ("claimed", "claiming")."""
    if verb.endswith("e"):
        return rf"{verb[:-1]}(?:ed|ing)" if noun else rf"{verb[:-1]}(?:e|es|ed|ing)"
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return rf"{verb[:-1]}ied|{verb}ing" if noun else rf"{verb[:-1]}(?:y|ies|ied)|{verb}ing"
    return rf"{verb}(?:ed|ing)" if noun else rf"{verb}(?:|s|ed|ing)"


_SPEECH = re.compile(rf"\b(?:{SPEECH}|{'|'.join(REPORTING_VERBS)}|{'|'.join(map(_forms, _SAYING))}|"
                     f"{'|'.join(_forms(v, noun=True) for v in _SAYING_NOUNS)}|"
                     r"said|told|telling|wrote|written|admit(?:s|ted|ting)?|reportedly)\b",
                     re.IGNORECASE)
# When, as a report says it: a day (`timeline.event_day`), or the news's own near time ("this
# morning", "last week"). A feature's scene is set "on a recent Tuesday" ("on a cold, cloudy
# Saturday") or "last month": no
# date. (A month alone, "in November", is no date here: it brought back as many scenes, "in
# February", "in December", as it kept reports.)
QUOTE_WORDS = 3
_NEAR = re.compile(r"\b(?:this|last|next)\s+(?:morning|afternoon|evening|week|weekend)\b|"
                   r"\bearlier (?:today|this week)\b", re.IGNORECASE)
# A count in digits of something ("6 crowns", "3 tanks"), which `figures.numbers` leaves to
# other rules when it is a single digit.
_COUNT = re.compile(r"(?<![\w.,-])\d+(?:[.,]\d+)?\s+(?![ap]\.m\.)[a-z]")
_SOME_DAY = re.compile(rf"\bon\s+an?\s+(?:[\w-]+,?\s+){{0,3}}(?:{'|'.join(WEEKDAYS)})\b")


def _event_words(text: str) -> frozenset[str]:
    """The words of the action `text` tells, and their families (`event.event`)."""
    told = event(text)
    return told.action | told.families


def colour(arts: Sequence[Article], lines: Sequence[Line],
           cols: frozenset[int] | None = None) -> frozenset[Key]:
    """The key (`Line.key`) of each of `lines` that reports nothing (see the module
    docstring): no figure, no date, nobody's words, and no word of the event that another
    outlet's title or lead (its first printable sentence) writes; a column's line beside a
    report, no figure and nobody's words. A title is read in lower
    case: a headline's capitals ("Court Rules …") are its style, not names. `cols`: the
    story's `columns(arts)` when the caller has them."""
    leads: dict[int, Line] = {}
    for ln in lines:
        leads.setdefault(ln.article, ln)
    told = [_event_words(a.title.lower()) | (_event_words(leads[k].text) if k in leads
                                              else frozenset())
            for k, a in enumerate(arts)]
    # what the other outlets tell, for each outlet (None: no other outlet to read against)
    others: dict[str, frozenset[str] | None] = {
        source: (frozenset().union(*(told[k] for k, a in enumerate(arts) if a.source != source))
                 if any(a.source != source for a in arts) else None)
        for source in {a.source for a in arts}}
    cols = columns(arts) if cols is None else cols
    reporting = {a.source for k, a in enumerate(arts) if k not in cols}  # a report's outlets
    out: set[Key] = set()
    for ln in lines:
        source = arts[ln.article].source
        against = others[source]
        if (against is None or ln.figures or _COUNT.search(ln.text)
                or _quotes(ln.text) or _SPEECH.search(ln.text) or mostly_cjk(ln.text)):
            continue
        beside_report = ln.article in cols and bool(reporting - {source})  # a column's line
        if beside_report or not (_dated(ln) or _event_words(ln.text) & against):
            out.add(ln.key)
    return frozenset(out)


def _dated(ln: Line) -> bool:
    """Whether the line says when, as a report does (see `_NEAR`, `_SOME_DAY`)."""
    return bool((ln.day and not _SOME_DAY.search(ln.text)) or _NEAR.search(ln.text))


def _quotes(text: str) -> bool:
    """Whether `text` quotes someone's words: a quotation of at least `QUOTE_WORDS` words. A
    word or two in quotation marks is a label or a scare quote ("Whatever the “alt-right” is
    or was, …"), nobody's statement."""
    return any(len(q.split()) >= QUOTE_WORDS for q in QUOTED.findall(text))
