"""A sentence leaning only on "he" or "she", printed with the person it means named.

"He said he would announce his next vaccination goal next week." leans on the sentence before
it in its article (`leaning.leans_back`). Printed right after that sentence it reads as
written; anywhere else the reader cannot tell who "he" is, and the copy editor
(`proof.paragraph_strikes`, which reads a sentence with the one printed before it, never the
whole paragraph) strikes it. Yet its article says who: a newsletter editor lifting the sentence
prints the person's name for the pronoun, as a news story's second reference does ("Biden said
he would announce …"), once the paragraph has named that person. `named` gives that sentence,
strictly (when unsure, nothing):

- **the person**: its article's last sentence before it that names a person (its antecedent)
  names exactly one, as its subject (its first name: "Sondland, testifying …, said he was
  acting on Trump's orders" is no antecedent for Trump), and neither it nor the sentences
  between speak of someone unnamed ("a spokesman", "his wife": `_UNNAMED`) or name someone who
  may be a person the story does not tell as one ("Robert Brady", "Steyer's net worth");
  the sentence names nobody before its pronoun, and no quotation runs on into it (a
  speaker's words are not mended: "… he was found to have a blockage …");
- **a person, not a place**: a name after a title ("President Biden", "Sen. Susan Collins",
  "Mayor Michael R. Bloomberg"), or a name of two or three words, no organisation, place or
  date word or adjective ("Leave-voting Britain") in it and no place's first word ("New
  York", "North Korea"), that a sentence of the story opens on and speaks of "he" or "she"
  after ("Limbaugh said a year ago that he had lung cancer.") — and that the story also
  writes by one of its words alone ("Joe Biden" … "Biden said"), the word printed for the
  pronoun (`Persons`); a word two people's names share ("Floyd") is no one's;
- **the pronoun**: every personal pronoun outside quotations is of one gender and none is
  inside one (nor a quotation in single marks); the first is "he"/"she" or "him" (→ "Biden")
  or "his" or an opening "Her" (→ "Biden's"), never contracted ("He's"); a "her" inside the
  sentence, object or possessive, is not guessed; no "it", "they" or "them" (the sentence
  would lean on more than its person: "He finally got it on Saturday");
- the caller (`lines.article_lines`) keeps it only if, named, it leans on nothing else (no
  "the company", "Second,", demonstrative or contrast), and the paragraph prints it only
  after a sentence naming the person (`Line.refers`, in print order: `paragraph.kept`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property

from digest.edit.lexicon import CALENDAR, QUOTED, stem
from digest.edit.read.entities import NOT_PERSON, ORG_WORDS, is_title, mentions
from digest.edit.read.leaning import unnamed_person
from digest.text import quote_depth, tokens

_PERSONAL = re.compile(r"\b(?:(?P<m>[Hh]e|[Hh]im|[Hh]is|[Hh]imself)|"
                       r"(?P<f>[Ss]he|[Hh]er|[Hh]ers|[Hh]erself))\b")
# Someone the sentence speaks of without a name: "he" may be that one. (General English.)
_UNNAMED = re.compile(r"\b(?:spokes(?:man|woman|person)|lawyer|attorney|aide|adviser|advisor|"
                      r"official|officer|wife|husband|son|daughter|mother|father|brother|sister|"
                      r"friend|boyfriend|girlfriend|man|woman|boy|girl|suspect|victim|witness|"
                      r"judge|doctor|gunman|driver|teen|teenager|student|worker|employee)\b")
# Another pronoun: the sentence leans on more than its person ("He finally got it on …").
_OTHER = re.compile(r"\b(?:[Ii]t|[Tt]hey|[Tt]hem)\b")
# The first word of a place's name of two words ("New York", "North Korea", "San Diego").
_PLACE_OPENERS = frozenset(["North", "South", "East", "West", "New", "San", "Santa", "Los",
                            "Las", "Saint", "St", "Fort", "Port", "Mount", "Lake", "United",
                            "Great", "Upper", "Lower", "Central", "Northern", "Southern",
                            "Eastern", "Western", "Old", "Little", "Hong", "Sri", "El", "La"])
_NAME = r"[A-Z][a-z][\w'’-]*"
_WORD = re.compile(_NAME)
# A capitalised word before a name, a title when `entities.is_title` says so.
# (Read at every word: "Labor Secretary Alexander Acosta"; initials inside, "Michael R.
# Bloomberg", and never a name cut short: "Dr. Mike deBoisblanc".)
_TITLED = re.compile(rf"(?=\b([A-Z][a-z]+\.?)\s+({_NAME}(?:\s+(?:[A-Z]\.\s+)*{_NAME})*)"
                     r"(?!\s+(?:[A-Z]\.|[a-z]+[A-Z])))")
_RUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*")  # capitalised words
_LEADING_STOP = frozenset(["The", "A", "An", "In", "On", "At", "For", "From", "And", "But",
                           "As", "After", "When", "While", "Before", "Since", "Former", "Vice",
                           "Then", "Meanwhile", "Also", "Earlier", "Later", "Last", "Next",
                           "This", "That", "These", "Those", "It", "There", "He", "She",
                           "They", "We", "I"])
_LOWER = re.compile(r"(?<![\w-])[a-z][a-z'’-]*")
_INITIAL = re.compile(r"[A-Z]\.$")
# A quotation in single marks ("'He had a massive rock on top of his bin."): a speaker's words,
# not to be mended, and their pronouns not told from apostrophes.
_SINGLE_QUOTE = re.compile(r"(?:^|[\s(])['‘]\w")
_CONTRACTED = re.compile(r"['’]")  # "He's", "she'd": "Johnson's a fan …" misreads
_ADJECTIVE = re.compile(r"-[a-z]")  # "Leave-voting", "Pro-life" ("Ocasio-Cortez" is a name)
_POSSESSIVE = re.compile(r"['’]s?$")


def _plain_word(word: str) -> str:
    return _POSSESSIVE.sub("", word)


def _may_be_person(words: Sequence[str]) -> bool:
    """A name of two or three words (each a capital and lower case: "Nurse A" is none), none
    an organisation's, a place's or a date's, not opening as a place's does ("North Korea"):
    a person's, when the story tells it so."""
    return (2 <= len(words) <= 3 and words[0] not in _PLACE_OPENERS and not _no_person(words)
            and all(_WORD.match(w) for w in words))


def _no_person(words: Sequence[str]) -> bool:
    """A name holding an organisation, place or date word, or an adjective ("Leave-voting
    Britain"), is no person's."""
    return any(w.lower() in ORG_WORDS | NOT_PERSON or w in CALENDAR or _ADJECTIVE.search(w)
               for w in words)


@dataclass(frozen=True)
class _Forms:
    """How a story names its people: `short`, a name as written (in full, or its one word
    alone) -> the word written alone ("Biden"); `full`, that word -> the name in two words or
    more (the story's, else title and name: "President Biden") to open a sentence with (a
    lone capitalised word there names nobody the copy editor can tell:
    `leaning.unnamed_person`); `unsure`, the words of names that may be a person's, the story
    not telling (or two people's: "Floyd")."""

    short: dict[str, str]
    full: dict[str, str]
    unsure: frozenset[str]


class Persons:
    """The people a story names, each by the one word its texts write alone ("Biden"), read
    the first time a sentence asks (most stories have no sentence to name)."""

    def __init__(self, texts: Sequence[str], found: Iterable[Sequence[str]]) -> None:
        self._texts, self._found = texts, found

    @cached_property
    def _forms(self) -> _Forms:
        names = list(dict.fromkeys(m for ms in self._found for m in ms))  # story order
        short: dict[str, str] = {}  # a person's name as written -> the word written alone
        full: dict[str, str] = {}
        for text in self._texts:  # a title before a name: a person
            for m in _TITLED.finditer(text):
                words = [_plain_word(w) for w in m.group(2).split() if not _INITIAL.match(w)]
                if is_title(m.group(1).rstrip(".")) and not _no_person(words):
                    word = next((w for w in (words[-1], words[0])
                                 if self._alone(w, words)), None)
                    if word or len(words) == 1:
                        short[" ".join(words)] = word = word or words[0]
                        full.setdefault(word, " ".join(
                            [m.group(1), *words] if len(words) == 1 else words))
                    else:  # written only in full ("Gov. Tony Evers"): printed in full
                        short[" ".join(words)] = " ".join(words)
        for name in names:  # "Joe Biden" … "Biden": a person by the word written alone
            words = name.split()
            if _may_be_person(words) and name not in short:
                word = next((w for w in (words[-1], words[0]) if self._alone(w, words)), None)
                if word and self._he_or_she(name, word):
                    short[name] = word
                    full.setdefault(word, name)
        # A word two people's names share ("George Floyd", "Philonise Floyd") is no one's.
        owners: dict[str, set[str]] = {}
        for name, word in short.items():
            if " " in name:
                owners.setdefault(word, set()).add(name)
        shared = {w for w, names_ in owners.items() if len(names_) > 1}
        short = {n: w for n, w in short.items() if w not in shared}
        for word in set(short.values()):
            short.setdefault(word, word)
        unsure = {w for n in names if _may_be_person(n.split()) and n not in short
                  for w in n.split()} - set(short.values()) | shared
        return _Forms(short, full, frozenset(unsure))

    def _alone(self, word: str, words: Sequence[str]) -> bool:
        """Whether the story writes `word` of the name `words` without the rest of the name
        ("Biden said" after "Joe Biden")."""
        rest = [re.escape(w) for w in words if w != word]
        rx = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
        whole = re.compile(rf"(?:{'|'.join(rest)})\W+{re.escape(word)}|{re.escape(word)}\W+"
                           rf"(?:{'|'.join(rest)})") if rest else None
        return any(len(rx.findall(t)) > (len(whole.findall(t)) if whole else 0)
                   for t in self._texts)

    def _he_or_she(self, name: str, word: str) -> bool:
        """Whether a sentence of the story opens on the name and speaks of "he" or "she"
        after it ("Limbaugh said a year ago that he had lung cancer."): a place never does."""
        rx = re.compile(rf"(?:^|(?<=[.!?])[\"”’]?\s+)(?:{re.escape(name)}|{re.escape(word)})"
                        r"\s+[a-z][^.!?\n]{0,150}?\b(?:he|she|his|her|him)\b", re.MULTILINE)
        return any(rx.search(text) for text in self._texts)

    @cached_property
    def _any(self) -> re.Pattern[str] | None:
        names = sorted(self._forms.short, key=len, reverse=True)  # the longest form first
        return re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, names))})(?![\w-])"
                          ) if names else None

    def named_in(self, text: str) -> set[str] | None:
        """The people `text` names (each by its one word); None when it names someone who
        may be a person the story does not tell as one ("Robert Brady", "Steyer’s net
        worth": who "he" is, then?)."""
        forms = self._forms
        if any((_may_be_person(m.split()) and m not in forms.short) or m in forms.unsure
               for m in mentions(text)):
            return None
        return {forms.short[m] for m in self._any.findall(text)} if self._any else set()

    @cached_property
    def _lower(self) -> frozenset[str]:
        """The words the story writes in lower case (no name)."""
        return frozenset(w for t in self._texts for w in _LOWER.findall(t))

    def subject(self, sentence: str) -> str | None:
        """The person the sentence's first name names (its subject, mostly: "Sondland,
        testifying …, said he was acting on Trump's orders" is Sondland's), titles, dates and
        acronyms aside ("U.S. Ambassador …", "Former Vice President Joe Biden")."""
        short = self._forms.short
        for run in _RUN.findall(sentence):
            words = [_plain_word(w) for w in run.split()]
            if all(w in _LEADING_STOP or w in CALENDAR or is_title(w.rstrip("."))
                   or w.rstrip(".").replace(".", "").isupper() for w in words) or (
                    run == words[0] and sentence.startswith(run)
                    and run.lower() in self._lower):
                continue  # (a sentence's first word, capitalised: "Harbour board chair …")
            return next((short[" ".join(words[k:])] for k in range(len(words))
                         if " ".join(words[k:]) in short), None)
        return None

    def opening(self, word: str) -> str:
        """The person `word` names, as a sentence opens on them ("Joe Biden")."""
        return self._forms.full.get(word, word)


@dataclass(frozen=True)
class Named:
    """A sentence with its pronoun replaced by the person's name (`person`: the word printed;
    `shown`: the name as printed at `start`, "Biden", "Biden's", "President Biden")."""

    text: str
    person: str
    refers: frozenset[str]  # the person's name, stemmed: printed before the sentence
    start: int
    shown: str


def named(text: str, before: Sequence[str], persons: Persons) -> Named | None:
    """`text` with its first personal pronoun replaced by the name of the person it means,
    by the article's sentences `before` it (last nearest); None when unsure (module
    docstring)."""
    outside = QUOTED.sub(lambda q: " " * len(q.group(0)), text)
    first = _PERSONAL.search(outside)
    if (first is None or _PERSONAL.search("".join(QUOTED.findall(text)))
            or _OTHER.search(outside) or _SINGLE_QUOTE.search(text) or _quoted(before)):
        return None
    genders = {"m" if m.group("m") else "f" for m in _PERSONAL.finditer(outside)}
    word = first.group(0)
    if len(genders) > 1 or word.lower() in ("himself", "hers", "herself") or _CONTRACTED.match(
            outside, first.end()) or (
            word.lower() == "her" and first.start() > 0) or persons.named_in(
            text[:first.start()]) != set() or _UNNAMED.search(text[:first.start()]):
        return None
    who = _antecedent(before, persons)
    if who is None:
        return None
    mark = "’" if "’" in text else "'"

    def shown(name: str) -> str:
        return f"{name}{mark}s" if word.lower() in ("his", "her") else name

    def spelt(name: str) -> str:
        return f"{text[:first.start()]}{name}{text[first.end():]}"

    printed = shown(who)  # a lone capitalised word opening a sentence names no one it can tell
    if first.start() == 0 and unnamed_person(spelt(printed)):  # ("Biden said he …"): in full
        printed = shown(persons.opening(who))
    return Named(spelt(printed), who, frozenset(stem(t) for t in tokens(who)), first.start(),
                 printed)


def _quoted(before: Sequence[str]) -> bool:
    """Whether a quotation the sentences `before` opened runs on into the next (a speaker's
    words are printed as spoken: “… he was found to have a blockage …”). A quotation over
    paragraphs opens each anew, closing once."""
    depth = 0
    for sentence in before:
        depth = min(1, quote_depth(sentence, depth))
    return depth > 0


def _antecedent(before: Sequence[str], persons: Persons) -> str | None:
    """The one person the last sentence naming anyone names, unless it or one after it
    speaks of someone unnamed."""
    for sentence in reversed(before):
        plain = QUOTED.sub(" ", sentence)
        if _UNNAMED.search(plain):
            return None
        people = persons.named_in(sentence)
        if people != set():
            who = next(iter(people)) if people and len(people) == 1 else None
            return who if who and persons.subject(plain) == who else None
    return None
