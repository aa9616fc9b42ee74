"""What a sentence states: its figures, names and content words, and whether it says it again.

Three tests, all used by the paragraph writer (write/paragraph.py) and the copy editor
(proof.py), so the writer never prints what the checker strikes:

* `restates(sentence, earlier)`: the same fact as *one* earlier sentence — a distinctive
  figure again ("853,000", "4 million") with a word around it, or 60 % of the smaller
  sentence's content words;
* `says_nothing_new(sentence, printed)`: a paraphrase of what the *whole* printed text says,
  which `restates` misses because another outlet tells the same event in its own words
  ("The Boy Scouts of America (BSA) is changing one of its iconic program's names …" after
  "The Boy Scouts of America … will drop 'Boy' from the name of its signature program").
  What is new in a sentence is a name (a run of capitalised words whose last word the reader
  has not met: "House Minority Leader Nancy Pelosi" after "Pelosi" is none), a date against
  another printed date (a weekday or a month: the first date printed says when, not what
  else happened), a figure, or content words: a sentence bringing no new name and no new figure,
  whose content words the printed text mostly holds (at most
  `ParagraphSettings.nothing_new` of them new),
  says nothing new. An acronym spelt out by its own words ("Boy Scouts of America (BSA)")
  is no new name; "U.S." is "US"; accents are ignored ("Julián" is "Julian");
* `restates_event(sentence, printed)` (part of `says_nothing_new`): the same event told
  again in other words, which the share of new words misses because the second telling
  adds colour ("… faced a swift and bipartisan backlash … after he assailed …" after
  "… denounced … attacks on …"): no new name or figure, one of its actors named by one
  printed sentence, and `ParagraphSettings.event_words` words of its action shared with it
  — a family of verbs told in other words counting one (`EVENT_FAMILIES`: denounced /
  backlash, demanding / called on, walk back / retract, sued / lawsuit …).

Chinese has no capitals and no spaces: its content is counted in character pairs (a word
proxy without a dictionary: `lexicon.cjk_bigrams`), its figures as digits ("超过300家").
A figure inside a name ("COVID-19", "F-35", "5G", "Boeing 737") is no fact figure: two
sentences about COVID-19 do not state one fact twice.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from digest.edit.entities import is_title
from digest.edit.lexicon import (
    CALENDAR,
    CJK_RE,
    STOPWORDS,
    WEEKDAYS,
    cjk_bigrams,
    content_words,
    stem,
)
from digest.edit.settings import PARAGRAPH
from digest.text import tokens

# Numbers that pin a fact: 853,000 / 4.5 / 38% / $20 / 1.3 million / 超过300家; not a year or a
# lone digit.
_NUMBER = re.compile(r"(?<![A-Za-z0-9_.])(?:[$€£¥]\s?)?\d[\d,]*(?:\.\d+)?(?:\s?(?:%|per ?cent|"
                     r"percent|million|billion|trillion|thousand|bn|m\b))?")
# A figure inside a name is no fact figure: joined to a word by a hyphen ("COVID-19", "F-35"),
# running on into letters ("5G", "4K"; not "10th", "1990s"), or after a capitalised word that
# does not open the sentence ("Boeing 737", "Section 230"; a month: "March 15" is a date). A
# weekday is no name ("on Tuesday 12 people died").
_NAME_BEFORE = re.compile(r"[A-Za-z]-$|[\w,;:)”\"'’] (?!(?:" + "|".join(WEEKDAYS)
                          + r")\b)[A-Z][A-Za-z]* $")
_NAME_AFTER = re.compile(r"(?!(?:st|nd|rd|th|s)\b)[A-Za-z]")
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
RESTATED = 0.6  # share of a sentence's content words another sentence holds: a restatement
RESTATES_WORDS = 3  # content words a sentence must say again to be a paraphrase
FORM = 5  # letters that make two forms one word: "indicted", "indictment"; "nominee", "nomination"
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_ABBREVIATION = re.compile(r"(?<=\b[A-Z])\.(?=[A-Z]\b)|(?<=\b[A-Z]\.[A-Z])\.")  # U.S. -> US
# Words that may stand inside a name whose initials make an acronym: "Boy Scouts of America".
_NAME_JOINERS = frozenset(["of", "and", "for", "the", "&"])
_INITIAL_GAP = re.compile(r"[\s.]+")  # between two words of a name: "William P. Barr"
# Weekdays and months (their first FORM letters): a date, which is new only against another.
# ("May" is left out: its five letters are the verb "may".)
_DATES = frozenset(d.lower()[:FORM] for d in CALENDAR if d != "May")


def numbers(sentence: str) -> frozenset[str]:
    """The distinctive figures of a sentence ("853,000", "4.5%", "4 million"), as digits
    and scale; no years, no lone small numbers."""
    out: set[str] = set()
    for m in _NUMBER.finditer(sentence):
        text = m.group()
        if text[0].isdigit() and (_NAME_BEFORE.search(sentence, 0, m.start())
                                  or _NAME_AFTER.match(sentence, m.end())):
            continue  # "COVID-19", "5G", "Boeing 737": a name's figure
        n = re.sub(r"[^\d.]", "", text).strip(".")
        scale = re.sub(r"[^a-z%]", "", text.lower())
        if not n or (_YEAR.match(n) and not scale) or (len(n) < 2 and not scale):
            continue
        out.add(f"{n} {scale}".strip())
    return frozenset(out)


@functools.lru_cache(maxsize=4096)
def _facts(sentence: str) -> tuple[frozenset[str], frozenset[str]]:
    """A sentence's content words and figures: a paragraph asks again for each sentence it
    printed every time it weighs another (bounded: a few hundred kB)."""
    return frozenset(content_words(sentence)), numbers(sentence)


def restates(sentence: str, earlier: Sequence[str]) -> str | None:
    """How `sentence` repeats one of `earlier` (a figure or most of its content), or None."""
    mine, figures = _facts(sentence)
    for other in earlier:
        theirs, their_figures = _facts(other)
        shared = figures & their_figures
        # A shared figure with a shared word around it is the same fact.
        if shared and (len(shared) >= 2 or mine & theirs):
            return f"the figure {sorted(shared)[0]} again"
        small = min(len(mine), len(theirs))
        if small and len(mine & theirs) / small >= RESTATED:
            return "the same words again"
    return None


@dataclass(frozen=True)
class Said:
    """What a sentence states, for `says_nothing_new`: the stems of every word it writes
    (what a later sentence may take as known), of its names, its content words (Chinese:
    character pairs) and its figures."""

    words: frozenset[str]
    names: tuple[tuple[str, ...], ...]  # each run of capitalised words naming one thing
    content: frozenset[str]
    figures: frozenset[str]


def _plain(text: str) -> str:
    """Accents off ("Julián" -> "Julian"), dotted capitals joined ("U.S." -> "US")."""
    if not text.isascii():
        text = "".join(c for c in unicodedata.normalize("NFKD", text)
                       if not unicodedata.combining(c))
    return _ABBREVIATION.sub("", text)


def _initials(words: Sequence[str]) -> list[str]:
    """The initials of each run of capitalised words ("The Boy Scouts of America" -> "TBSA"),
    an acronym itself ("BSA") ending a run."""
    out: list[str] = []
    run: list[str] = []
    for w in [*words, ""]:
        if w[:1].isupper() and not (len(w) > 1 and w.isupper()):
            run.append(w[0])
        elif w.lower() in _NAME_JOINERS and run:
            continue
        else:
            if len(run) >= 2:
                out.append("".join(run))
            run = []
    return out


def _spelt_out(word: str, initials: Sequence[str]) -> bool:
    """An acronym ("BSA") whose words a run of capitalised words spells out."""
    return len(word) > 1 and word.isupper() and any(word in run for run in initials)


def _runs(text: str) -> list[list[str]]:
    """The capitalised words of `text`, in runs that name one thing ("House Minority Leader
    Nancy Pelosi", "William P. Barr"): words with only spaces or dots between them. The
    last word is the head a reader knows it by ("Pelosi"; "White House Press Secretary Sean
    Spicer" is Spicer, not the White House)."""
    runs: list[list[str]] = []
    end = -1
    for m in _WORD.finditer(text):
        w = m.group()
        if not w[:1].isupper():
            end = -1
            continue
        if end >= 0 and not _INITIAL_GAP.sub("", text[end:m.start()]):
            runs[-1].append(w)
        else:
            runs.append([w])
        end = m.end()
    return runs


@functools.lru_cache(maxsize=4096)
def name_heads(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The heads (last words, stemmed) of the names `text` writes in full ("Dr. Buddy
    Creech": "creech") and of those it writes as one word ("Creech was not involved …")."""
    full: set[str] = set()
    bare: set[str] = set()
    for run in _runs(_plain(text)):
        words = [w for w in run if len(w) > 1 and w.lower() not in STOPWORDS]
        if words:
            (full if len(words) > 1 else bare).add(stem(words[-1]))
    return frozenset(full), frozenset(bare - full)


@functools.lru_cache(maxsize=4096)
def said(sentence: str) -> Said:
    """What `sentence` states (see `Said`), read once per sentence."""
    text = _plain(sentence)
    words = _WORD.findall(text)
    initials = _initials(words)
    runs = []
    for k, run in enumerate(_runs(text)):
        if k == 0 and len(run) == 1 and text.lstrip().startswith(run[0]):
            continue  # "Weary commuters …": a lone opening word's capital is the sentence's
        kept = tuple(stem(w) for w in run if len(w) > 1 and w.lower() not in STOPWORDS
                     and not _spelt_out(w, initials))
        if kept:
            runs.append(kept)
    content = {w for w in content_words(text) if not CJK_RE.fullmatch(w)}
    content.update(cjk_bigrams(text))
    return Said(words=frozenset(stem(w) for w in words) | frozenset(cjk_bigrams(text)),
                names=tuple(runs), content=frozenset(content), figures=numbers(text))


def _known(printed: Iterable[str]) -> tuple[set[str], set[str]]:
    """The word forms (first FORM letters of each stem) and the figures `printed` holds."""
    words: set[str] = set()
    figures: set[str] = set()
    for other in printed:
        theirs = said(other)
        words |= theirs.words
        figures |= theirs.figures
    return {w[:FORM] for w in words}, figures


def _brings(mine: Said, known: set[str], figures: set[str]) -> bool:
    """Whether a sentence brings a figure or a name the reader has not met (see the module
    docstring: a name's head, a date only against another printed date)."""
    if mine.figures - figures:
        return True
    dated = not known.isdisjoint(_DATES)
    for name in mine.names:
        if name[-1][:FORM] in known:
            continue  # a name the reader has met: its head ("Nancy Pelosi" after "Pelosi")
        if not dated and {w[:FORM] for w in name} <= _DATES:
            continue  # the first date printed says when, not that something else happened
        return True
    return False


def new_fact(sentence: str, printed: Iterable[str]) -> bool:
    """Whether `sentence` brings a figure or a name the `printed` text does not hold."""
    return _brings(said(sentence), *_known(printed))


def says_nothing_new(sentence: str, printed: Iterable[str],
                     share: float = PARAGRAPH.nothing_new,
                     event_words: int = PARAGRAPH.event_words) -> str | None:
    """Why `sentence` says nothing the `printed` text (taken together) does not (see the
    module docstring), or None when it brings something new: few new words
    (`_few_new_words`), or the same event told again (`restates_event`)."""
    printed = list(printed)
    return (_few_new_words(sentence, printed, share)
            or restates_event(sentence, printed, event_words))


def _few_new_words(sentence: str, printed: Sequence[str], share: float) -> str | None:
    """No new name, figure or date, and at most `share` of its content words new."""
    mine = said(sentence)
    if not mine.content:
        return None
    known, figures = _known(printed)
    if not known or _brings(mine, known, figures):
        return None
    new = sum(w[:FORM] not in known for w in mine.content)
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
# Words of a role or of any report, which say who or that something was said, not what happened.
_ROLES = frozenset(["lady", "host", "official", "officials", "lawmaker", "lawmakers", "nominee",
                    "candidate", "administration", "former", "ex", "chief", "executive",
                    "attorney", "lawyer", "lawyers", "adviser", "advisers", "advisor",
                    "presidential", "spokesperson", "aide", "aides", "top"])
_REPORTING = frozenset(["announce", "announced", "announcement", "statement", "report", "reported",
                        "reports", "reportedly", "news", "media", "people", "month", "months",
                        "early", "earlier", "late", "later", "national", "country", "state",
                        "federal", "would", "could", "like", "time"])
# Words of one action told in other words ("denounced" / "backlash"; "demanding" / "called
# on"; "walk back" / "retract"): each family counts as one more word of the action shared.
# A figure written in words: no fact figure for `numbers` ("two" in two sentences is no fact
# said twice), but new to the event ("after two Republican senators broke ranks").
_COUNT = re.compile(r"\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?|"
                    r"hundreds?|thousands?|millions?|billions?)\b", re.IGNORECASE)
EVENT_FAMILIES = (
    ("denounce", "denounced", "condemn", "condemned", "condemnation", "criticize", "criticized",
     "criticise", "criticised", "criticism", "backlash", "blowback", "outcry", "rebuke",
     "rebuked", "slam", "slammed", "blast", "blasted", "assail", "assailed", "attack",
     "attacks", "attacked", "decry", "decried", "lambaste", "lambasted", "outrage", "uproar"),
    ("demand", "demanding", "demanded", "demands", "call", "called", "calling", "calls", "urge",
     "urged", "urging", "request", "requested", "requesting"),
    ("retract", "retracted", "retraction", "walk", "withdraw", "withdrew", "rescind",
     "rescinded"),
    ("sue", "sued", "sues", "suing", "lawsuit"),
    ("ban", "bans", "banned", "banning", "bar", "barred", "barring", "prohibit", "prohibited",
     "outlaw", "outlawed"),
    ("resign", "resigned", "resignation", "quit", "quits"),
    ("dissolve", "dissolved", "disband", "disbanded", "disbanding", "abolish", "abolished",
     "scrap", "scrapped"),
    ("indict", "indicted", "indictment", "charge", "charged", "charges"),
)
_NOT_ACTION = frozenset(stem(w)[:FORM] for w in _ROLES | _REPORTING | _PARTIES)
_PARTY_FORMS = frozenset(stem(w)[:FORM] for w in _PARTIES)
# A family's words, as forms, each to the family's first word ("backl" -> "denounce").
_FAMILY = {stem(w)[:FORM]: family[0] for family in EVENT_FAMILIES for w in family}


@dataclass(frozen=True)
class Event:
    """What a sentence tells happened, for `restates_event`: its names (each a run of
    capitalised words, as word forms; a lone first word apart, since its capital may be the
    sentence's), the forms of every word
    it writes, its figures, and its action: the forms of its other content words (no name,
    role, date or word of reporting) and the families (`EVENT_FAMILIES`) they belong to."""

    names: tuple[tuple[str, ...], ...]
    opener: str  # a lone capitalised first word ("Lawyers …", "Facebook …"): a name or not
    words: frozenset[str]
    figures: frozenset[str]
    counts: frozenset[str]  # figures written in words ("two", "nine million")
    action: frozenset[str]
    families: frozenset[str]


@functools.lru_cache(maxsize=16384)
def _form(word: str) -> str:
    return stem(word.lower())[:FORM]


@functools.lru_cache(maxsize=16384)
def _name_word(word: str) -> str | None:
    """A capitalised word's form as part of a name, or None: a function word, a party tag
    ("D-Hawaii") or a title ("Rep.", "President") names nobody."""
    if (len(word) < 2 or word.lower() in STOPWORDS or _PARTY_TAG.fullmatch(word)
            or is_title(word.rstrip("."))):
        return None
    return _form(word)


@functools.lru_cache(maxsize=16384)
def _action_word(token: str) -> str | None:
    """A lower-cased token's form as a word of an action, or None: a function word, a
    figure, a party tag, a title or role ("president", "lawyers"), a word of reporting."""
    if (token in STOPWORDS or len(token) < 2 or token.isdigit() or CJK_RE.match(token)
            or _PARTY_TAG.fullmatch(token[:3].upper() + token[3:])
            or is_title(token.capitalize()) or is_title(token.upper())):
        return None
    f = _form(token)
    return None if f in _DATES or f in _NOT_ACTION else f


@functools.lru_cache(maxsize=4096)
def event(sentence: str) -> Event:
    """What `sentence` tells happened (see `Event`), read once per sentence."""
    text = _plain(sentence)
    names = []
    opener = ""
    for k, run in enumerate(_runs(text)):
        kept = tuple(f for f in map(_name_word, run) if f)
        if k == 0 and len(run) == 1 and text.lstrip().startswith(run[0]):
            opener = kept[0] if kept else ""
        elif kept:
            names.append(kept)
    named = {w for name in names for w in name} | {opener}
    action = {f for f in map(_action_word, tokens(text)) if f and f not in named}
    return Event(names=tuple(names), opener=opener,
                 words=frozenset(map(_form, _WORD.findall(text))),
                 figures=numbers(text),
                 counts=frozenset(m.lower() for m in _COUNT.findall(text)),
                 action=frozenset(action),
                 families=frozenset(_FAMILY[f] for f in action if f in _FAMILY))


def _shared_action(mine: Event, theirs: Event) -> list[str]:
    """The words of the action two sentences share, then each family both tell in words of
    their own ("backlash" against "denounced")."""
    shared = sorted(mine.action & theirs.action)
    for family in sorted(mine.families & theirs.families):
        own = {f for f in mine.action if _FAMILY.get(f) == family}
        if own - theirs.action:
            shared.append(f"{family}~")
    return shared


def restates_event(sentence: str, printed: Sequence[str],
                   words: int = PARAGRAPH.event_words) -> str | None:
    """Why `sentence` tells an event the `printed` text told already, or None: it brings no
    new figure (in digits or words) and no new name (a name whose head no printed sentence writes; a party, a
    party tag or a title is no new name, a date only against another printed date), and one
    printed sentence names one of its actors and shares `words` words of its action
    ("Lawyers representing Rep. Tulsi Gabbard (D-Hawaii) on Monday called on Hillary Clinton
    to retract her comments …" after "Lawyers for Rep. Tulsi Gabbard, D-Hawaii, are demanding
    that Hillary Clinton walk back on her claim …": Gabbard and Clinton, demanding / called
    on, walk back / retract). `words` 0: no event is compared."""
    mine = event(sentence)
    if words <= 0 or not (mine.names or mine.opener) or not mine.action:
        return None
    told = [event(p) for p in printed]
    known = {w for t in told for w in t.words}
    named = {w for t in told for name in t.names for w in name}
    if mine.figures - {f for t in told for f in t.figures} or mine.counts - {
            c for t in told for c in t.counts}:
        return None  # a new figure ("two Republican senators", "nearly nine million children")
    if mine.opener and mine.opener not in known:
        return None  # "Facebook removed …": a first word unknown may be a name
    dated = not known.isdisjoint(_DATES)
    # A first word a printed name holds is an actor ("Twitter, reacting …" after "Twitter CEO
    # Jack Dorsey"), one only written before is not ("Lawyers called on …").
    actors = {mine.opener} & named
    for name in mine.names:
        head = name[-1]
        if set(name) <= _PARTY_FORMS:
            continue
        if set(name) <= _DATES and (not dated or head in known):
            continue  # the first date printed says when; another is another day
        if head not in known:
            return None  # someone or something the reader has not met
        actors.add(head)
    for theirs in told:
        who = sorted(actors & theirs.words)
        what = _shared_action(mine, theirs)
        if who and len(what) >= words:
            return f"the same event again ({', '.join(who)}: {', '.join(what)})"
    return None
