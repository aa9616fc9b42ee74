"""What a sentence states: its figures, names and content words, and whether it says it again.

Two tests and what they read, used by the paragraph writer (write/paragraph.py) and the copy editor
(proof/story.py), so the writer never prints what the checker strikes:

* `restates(sentence, earlier)`: the same fact as *one* earlier sentence — a distinctive
  figure again ("853,000", "4 million") with a word around it, or 60 % of the smaller
  sentence's content words (`acts.told_again` adds a clause in the same words);
* `new_fact(sentence, printed)`: whether a sentence brings a figure or a name the printed
  text does not hold. What is new in a sentence is a name (a run of capitalised words whose
  last word the reader has not met: "House Minority Leader Nancy Pelosi" after "Pelosi" is
  none), a date against another printed date (a weekday or a month: the first date printed
  says when, not what else happened), or a figure. An acronym spelt out by its own words
  ("Boy Scouts of America (BSA)") is no new name; "U.S." is "US"; a people is its country
  ("Iranian" is Iran, "American" the US: `COUNTRY_FORMS`); accents are ignored ("Julián" is
  "Julian"). A round figure is the exact one rounded ("more than 880,000" after "881,000",
  "$1.4 billion" after "$1.38 billion"; not "$30 million" after "$34 million" unhedged:
  `figures.rounds`), no new figure.

The same thing told again in other words (`says_nothing_new`, `restates_event`) is in
events.py, built on `said`, `known_forms` and `brings` here.

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

from digest.edit.lexicon import (
    CALENDAR,
    CJK_RE,
    IRREGULAR_VERBS,
    MONTH_ABBREVIATIONS,
    NAME_SUFFIXES,
    REPORTING_VERBS,
    STOPWORDS,
    WEEKDAYS,
    cjk_bigrams,
    content_words,
    stem,
)
from digest.edit.read.entities import is_title
from digest.edit.read.figures import Hedged, found, new_figures, numbers

RESTATED = 0.6  # share of a sentence's content words another sentence holds: a restatement
RESTATES_WORDS = 3  # content words a sentence must say again to be a paraphrase
FORM = 5  # letters that make two forms one word: "indicted", "indictment"; "nominee", "nomination"
WORD = re.compile(r"[^\W\d_][\w'’-]*")
_ABBREVIATION = re.compile(r"(?<=\b[A-Z])\.(?=[A-Z]\b)|(?<=\b[A-Z]\.[A-Z])\.")  # U.S. -> US
# Words that may stand inside a name whose initials make an acronym: "Boy Scouts of America".
_NAME_JOINERS = frozenset(["of", "and", "for", "the", "&"])
_INITIAL_GAP = re.compile(r"[\s.]+")  # between two words of a name: "William P. Barr"
_TITLE_OF = re.compile(r"\b([A-Z][a-z]+) of the\s+$")  # "Speaker of the House"


def inflected(stem_: str) -> str:
    """A stem as its inflections' stem: the light stemmer keeps the final "e" of a word of four
    letters ("vote", "fire", "rule") and strips "ed", "es", "ing" from its inflections ("vot",
    "fir", "rul"), so a four-letter stem loses its "e" here ("voted" meets "vote"); an
    irregular past is its base's ("met" meets "meet", "won" "wins": `_IRREGULAR`); a verb in
    "-ate" is its noun's in "-ation" and its doer's in "-ator" ("violate", "violated" meet
    "violation"; "negotiated" "negotiators": `_ATE`)."""
    stem_ = _IRREGULAR.get(stem_, stem_)
    if _ATE.search(stem_):
        return stem_[:-2]
    return stem_[:3] if len(stem_) == 4 and stem_.endswith("e") else stem_


# The stem of a verb in "-ate" in any form ("violat": violate, violated, violating): its noun's
# ("violation": "viol") without the "at", after four letters or more; not after "e" or "o", an
# "-eat" or "-oat" verb's ("treat", "defeat", "float"; so "create" stays apart from "creation").
# A shorter stem is more often a noun's than a verb's ("Senate" is no "Sen.", "debate", "estate",
# "update"). Only where two sentences are compared (`form`): grouping and the paragraph's
# centrality read `lexicon.stem`, where "separate" and "separatist" stay one word.
_ATE = re.compile(r"^[a-z]{3}[a-z]*[^eo]at$")


# Each irregular past or participle's stem to its base's (lexicon.IRREGULAR_VERBS)
_IRREGULAR = {stem(past): stem(base) for past, base in IRREGULAR_VERBS}


def form(stem_: str) -> str:
    """A stem as the word form two sentences compare: its first FORM letters (`inflected`)."""
    return inflected(stem_)[:FORM]


# Weekdays and months (their first FORM letters, and the months' abbreviations: "Nov. 3"): a
# date, which is new only against another. ("May" is left out: its five letters are the verb
# "may", and it is a surname: "Theresa May".)
_CALENDAR_WORDS = frozenset(d for d in CALENDAR | set(MONTH_ABBREVIATIONS) if d != "May")
DATES = frozenset(form(stem(d)) for d in _CALENDAR_WORDS)
# A weekday says which day; a month which month ("the November election" names no day): a
# date is new only against another printed date of its kind.
WEEKDAY_FORMS = frozenset(d.lower()[:FORM] for d in WEEKDAYS)
_MONTH_FORMS = DATES - WEEKDAY_FORMS
# A people is its country ("an Iranian drone" names Iran; "Chinese", China): the demonyms whose
# first FORM letters are not the country's, each to its country's form (most already share
# them: "Russian", "Mexican", "Japanese"); "American" is the US ("U.S." is read "US"), so it is
# new only where no "U.S." is printed ("the American economy").
COUNTRY_FORMS = {"ameri": "us", "irani": "iran", "chine": "china", "iraqi": "iraq", "briti": "brita",
                 "turki": "turke", "frenc": "franc", "cuban": "cuba", "dutch": "nethe",
                 "swiss": "switz", "welsh": "wales", "filip": "phili", "greek": "greec",
                 "spani": "spain", "danis": "denma", "swedi": "swede", "polis": "polan",
                 "finni": "finla", "norwe": "norwa", "peruv": "peru", "thai": "thail"}
# (not "told": "…, Freedom Watch founder Larry Klayman told Newsmax TV" names a voice)
_VERB = "|".join(v for v in REPORTING_VERBS if v not in ("according to", "told"))
# The clause that names a report's source at the sentence's end or start ("…, the White
# House announced.", "…, the Labor Department said on Thursday.", "…, said the agency.",
# "According to the Journal, …"): its names are who told it, not what happened.
_SOURCE_CLAUSE = re.compile(
    rf",\s+(?:(?:[\w.'’-]+\s+){{0,10}}?(?:{_VERB})|(?:{_VERB}|according to)(?:\s+[\w.'’-]+){{1,6}}?)"
    rf"(?:\s+(?:on|late|early|in|last|this)?\s*[\w.'’-]+){{0,3}}?\s*[.!][\"”’]?$"
    r"|^According to [^,]{1,60},")


def dated(form: str, known: set[str]) -> bool:
    """Whether `known` (word forms printed) holds a date of the kind of the date `form`."""
    kind = WEEKDAY_FORMS if form in WEEKDAY_FORMS else _MONTH_FORMS
    return not known.isdisjoint(kind)


def source_clause(text: str) -> str:
    """The clause of `text` that names its source ("…, the White House announced."), or ""."""
    m = _SOURCE_CLAUSE.search(text)
    return m.group() if m else ""


# A month's abbreviation is the month ("Jan. 6" after "early January"): its form to the month's.
_MONTH_OF = {form(stem(a)): form(stem(m)) for m in CALENDAR for a in MONTH_ABBREVIATIONS
             if m.startswith(a)}
_ONE_FORM = {**COUNTRY_FORMS, **_MONTH_OF}


def one_form(form: str) -> str:
    """A name's word form as the one it shares with another: a people's as its country's
    ("irani" -> "iran"), a month's abbreviation as the month's ("nov" -> "novem")."""
    return _ONE_FORM.get(form, form)


@functools.lru_cache(maxsize=4096)
def _facts(sentence: str) -> tuple[frozenset[str], frozenset[str]]:
    """A sentence's content words and figures: a paragraph asks again for each sentence it
    printed every time it weighs another (bounded: a few hundred kB)."""
    return frozenset(map(inflected, content_words(sentence))), numbers(sentence)


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
    hedged: Hedged  # the figures it hedges ("nearly $400 million"), `hedged`


def initials(name: Sequence[str]) -> str:
    """The acronym a name of three words or more makes, as a word form ("Federal
    Communications Commission" -> "fcc", which is how "FCC" reads), or ""."""
    return "".join(w[0] for w in name)[:FORM] if len(name) >= 3 else ""


def acronyms(words: Iterable[str]) -> frozenset[str]:
    """The acronyms among `words` ("FCC"), kept in capitals: what a name spelt out after them
    is (`spelt_known`). In capitals, so two names spelt out are never one by their initials
    ("Republican National Convention", "Republican National Committee")."""
    return frozenset(w[:FORM] for w in words if len(w) >= 3 and w.isupper() and w.isalpha())


def spelt_known(name: Sequence[str], known: set[str] | frozenset[str]) -> str:
    """The acronym of `name` when the printed text (`known`, with its `acronyms`) wrote it
    ("Federal Communications Commission" after "FCC"), or ""."""
    spelt = initials(name)
    return spelt if spelt and spelt.upper() in known else ""


def plain(text: str) -> str:
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


def name_runs(text: str) -> list[list[str]]:
    """The capitalised words of `text`, in runs that name one thing ("House Minority Leader
    Nancy Pelosi", "William P. Barr"): words with only spaces or dots between them. The
    last word is the head a reader knows it by ("Pelosi"; "White House Press Secretary Sean
    Spicer" is Spicer, not the White House). A generational suffix after a full name with
    its middle initial ("Joseph R. Biden Jr.", "Robert F. Kennedy Jr.") is no part of the
    name the reader knows; after a bare name it tells the son from the father ("Donald
    Trump Jr." is not Donald Trump), and stays. A date is no part of a name: "the Judiciary
    Committee Friday" is the committee, then a day. Nor is the body a title names ("Speaker
    of the House", "Secretary of the Treasury"): it is the title's, not someone new."""
    runs: list[list[str]] = []
    end = -1
    for m in WORD.finditer(text):
        w = m.group()
        if not w[:1].isupper():
            end = -1
            continue
        if end < 0 and (title := _TITLE_OF.search(text[max(0, m.start() - 30):m.start()])) \
                and is_title(title.group(1)):
            continue  # "Speaker of the House": the title's body
        joins = end >= 0 and not _INITIAL_GAP.sub("", text[end:m.start()])
        if joins and w in NAME_SUFFIXES and any(len(x) == 1 for x in runs[-1]):
            pass  # "Joseph R. Biden Jr.": a full name with its initial is the man's own
        elif joins and (w in _CALENDAR_WORDS) == (runs[-1][-1] in _CALENDAR_WORDS):
            runs[-1].append(w)
        else:
            runs.append([w])
        end = m.end()
    return runs


# The kinds of body whose officer a name's title can make someone ("White House Press
# Secretary …", "Harbour Board Chairman …"): an institution's head word. General English.
BODY_WORDS = frozenset(["House", "Senate", "Congress", "Parliament", "Assembly", "Department",
                        "Ministry", "Office", "Agency", "Bureau", "Administration", "Committee",
                        "Commission", "Council", "Board", "Court", "Service", "Authority",
                        "Police", "Pentagon", "Kremlin", "Cabinet", "Treasury"])


def body_of(run: Sequence[str]) -> list[str]:
    """The body a title inside a name serves, to its head word (a `BODY_WORDS` word or an
    acronym: "White House Press Secretary Sean Spicer": White House; "FBI Director James
    Comey": FBI), or []: a party or a place before a title is no body ("Republican Rep.
    …", "Illinois Gov. …")."""
    title = next((k for k, w in enumerate(run[1:-1], 1) if is_title(w.rstrip("."))), 0)
    ends = [k for k, w in enumerate(run[:title])
            if w in BODY_WORDS or (len(w) > 1 and w.isupper() and w.isalpha())]
    return list(run[:ends[-1] + 1]) if ends else []


@functools.lru_cache(maxsize=4096)
def name_heads(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The heads (last words, stemmed) of the names `text` writes in full ("Dr. Buddy
    Creech": "creech") and of those it writes as one word ("Creech was not involved …")."""
    full: set[str] = set()
    bare: set[str] = set()
    for run in name_runs(plain(text)):
        words = [w for w in run if len(w) > 1 and w.lower() not in STOPWORDS]
        if words:
            (full if len(words) > 1 else bare).add(stem(words[-1]))
    return frozenset(full), frozenset(bare - full)


@functools.lru_cache(maxsize=4096)
def said(sentence: str) -> Said:
    """What `sentence` states (see `Said`), read once per sentence."""
    text = plain(sentence)
    words = WORD.findall(text)
    spelt_runs = _initials(words)
    runs = []
    for k, run in enumerate(name_runs(text)):
        if k == 0 and len(run) == 1 and text.lstrip().startswith(run[0]):
            continue  # "Weary commuters …": a lone opening word's capital is the sentence's
        kept = tuple(stem(w) for w in run if len(w) > 1 and w.lower() not in STOPWORDS
                     and not _spelt_out(w, spelt_runs))
        if kept:
            runs.append(kept)
    content = {w for w in content_words(text) if not CJK_RE.fullmatch(w)}
    content.update(cjk_bigrams(text))
    # A name spelt out is known by its acronym too: "FCC" after "Federal Communications
    # Commission" (and the other way: its acronyms, for `brings`).
    spelt = frozenset(filter(None, map(initials, runs))) | acronyms(words)
    figures = found(text)
    return Said(words=frozenset(stem(w) for w in words) | frozenset(cjk_bigrams(text)) | spelt,
                names=tuple(runs), content=frozenset(content), figures=figures.figures,
                hedged=figures.hedged)


def known_forms(printed: Iterable[str]) -> tuple[set[str], set[str]]:
    """The word forms (first FORM letters of each stem) and the figures `printed` holds."""
    words: set[str] = set()
    figures: set[str] = set()
    for other in printed:
        theirs = said(other)
        words |= theirs.words
        figures |= theirs.figures
    forms = set(map(form, words))
    return forms | {one_form(f) for f in forms}, figures


def brings(mine: Said, known: set[str], figures: set[str]) -> bool:
    """Whether a sentence brings a figure or a name the reader has not met (see the module
    docstring: a name's head, a date only against another printed date)."""
    if new_figures(mine.figures, figures, mine.hedged):
        return True
    for name in mine.names:
        if one_form(form(name[-1])) in known or spelt_known(name, known):
            continue  # a name the reader has met: its head ("Nancy Pelosi" after "Pelosi"),
            # its acronym ("Federal Communications Commission" after "FCC")
        if set(map(form, name)) <= DATES and not dated(form(name[-1]), known):
            continue  # the first date of its kind printed says when, not that something
            # else happened
        return True
    return False


def new_fact(sentence: str, printed: Iterable[str]) -> bool:
    """Whether `sentence` brings a figure or a name the `printed` text does not hold."""
    return brings(said(sentence), *known_forms(printed))
