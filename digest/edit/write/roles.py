"""A person as the week's sources write one: whether a name is a person's (`is_person`),
and the role written right before the name (`role_before`), as a definition says it
(`definition_of`: "Special counsel Robert Mueller …" -> "the special counsel"). The Explainer
picks its person by the first (write/explainer.py) and defines them by the others
(write/explainer_people.who_is).

A person is a name of two words or more (no organisation word) that the week's sources write
after a title or a role ("Senate Majority Leader Mitch McConnell", "Democratic presidential
candidate Joe Biden") or that speaks of itself as "he" or "she" ("Biden said he …").

The word lists are closed classes of English (function words, courtesy titles, abbreviated
ranks) written for this module; the roles and their modifiers are `ExplainerSettings`'.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from digest.edit.lexicon import CALENDAR, STOPWORDS
from digest.edit.read.entities import NOT_PERSON, ORG_WORDS, is_title
from digest.edit.settings import ExplainerSettings

_POSSESSIVE = r"['’]s$|s['’]$"  # "Trump's lawyer", "Sanders’ adviser" (no "the" before it)
_COURTESY = frozenset(["Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Rev"])  # no definition
_PRONOUN_AFTER = r"\s+(?:said|says|told|\w+ed)\b[^.;]{0,80}?\b(?:he|she|his|her|him)\b"


def is_person(key: str, texts: Sequence[str], settings: ExplainerSettings) -> bool:
    """Whether the week's texts write `key` as a person's name (the module docstring)."""
    words = key.split()
    if len(words) < 2 or any(w.lower() in ORG_WORDS | NOT_PERSON for w in words) or not all(
            w[:1].isupper() for w in words):
        return False
    name = re.escape(key)
    for text in texts:
        for m in re.finditer(rf"(?<![\w]){name}(?![\w])", text):
            if _titled(text, m.start(), settings):
                return True
            if re.match(_PRONOUN_AFTER, text[m.end():]):
                return True
    return False


def _titled(text: str, at: int, settings: ExplainerSettings) -> bool:
    """Whether a title or a role is written right before the name at `at` ("Senate Majority
    Leader …", "Democratic presidential candidate …"): not a courtesy title ("Mr."), not the
    office held then ("then-Vice President Joe Biden")."""
    if at == 0 or text[at - 1] != " ":
        return False
    words = text[max(0, at - 80):at].split()
    if not words:
        return False
    # The title: the longest run of the last words that is a title, or a lower-case role.
    title, k = None, 0
    for n in range(min(4, len(words)), 0, -1):
        tail = " ".join(w.rstrip(".") for w in words[-n:])
        if is_title(tail):
            title, k = tail, n
            break
    if title is None and words[-1] in settings.roles:
        title, k = words[-1], 1
    if title is None or title.split()[-1] in _COURTESY:
        return False
    return not (len(words) > k and words[-k - 1].lower().startswith("then-"))


def role_before(text: str, at: int, settings: ExplainerSettings) -> tuple[str, ...] | None:
    """The role written right before the name at `at`, its words as a definition says them
    ("former national security adviser Ann Lee" -> ("former", "national", "security",
    "adviser"), "House Speaker Ann Lee" -> ("House", "speaker"), "Trump's lawyer Ann Lee" ->
    ("Trump's", "lawyer"), "President Ann Lee" -> ("president",)), or None: no title or
    role, a courtesy title, the office held then ("then-Gov."), or a role whose start cannot
    be told (a lower-case word before it that is no modifier: "… slammed former Secretary of
    State Ann Lee")."""
    if at == 0 or text[at - 1] != " ":
        return None
    words = text[:at].split()
    head = next((n for n in range(min(4, len(words)), 0, -1)
                 if is_title(" ".join(w.rstrip(".") for w in words[-n:]))), 0)
    if not head and words and words[-1] in settings.roles:
        head = 1
    if not head or words[-1].rstrip(".") in _COURTESY:
        return None
    phrase = words[-head:]
    possessive = False
    before = words[:-head]
    for k in range(len(before) - 1, -1, -1):
        w = before[k]
        if len(phrase) >= 7:
            return None
        # "Housing and Urban Development Secretary": "and"/"of" inside a name goes on.
        joins = (w in ("and", "of", "&") and k and before[k - 1][:1].isupper()
                 and not re.search(r"[,;:]$", before[k - 1])  # not "on Monday, and …"
                 and len(phrase) > head  # not "Meghan McCain and President …"
                 and not _titled_name(before[:k]))  # nor "President Bo and German …"
        if (re.search(r"[,;:()“”\"—–]$", w) or w in CALENDAR or (not joins and (
                w in STOPWORDS or w.lower() in _FUNCTION))):
            break  # where the role starts: a comma, "the", "of", "said" …
        if w.lower().startswith("then-"):
            return None  # "then-Vice President": the office held then
        if possessive and not w[:1].isupper():
            return None
        if re.search(_POSSESSIVE, w) and w[:1].isupper():
            possessive = True
        elif not (joins or w[:1].isupper() or w.lower() in settings.role_modifiers):
            # "… effective President-elect Ann Lee": the title is hers, where its role
            # starts cannot be told: the title alone, a rank.
            rank = head == len(phrase) == 1 and phrase[0][:1].isupper()
            return (phrase[0].rstrip(".").lower(),) if rank else None
        phrase.insert(0, w)
    # The possessor's name as written ("President Donald Trump's lawyer"); the title in lower
    # case, and a modifier before a lower-case word ("Former Vice President" -> "former vice
    # president"; "National Economic Council Director" keeps the council's name).
    owner = max((k + 1 for k, w in enumerate(phrase) if re.search(_POSSESSIVE, w)), default=0)
    out = [w.rstrip(".").lower() if re.fullmatch(r"[A-Z][a-z]{1,3}\.", w) else w
           for w in phrase]
    lower = True  # the word after is in lower case
    opens = len(phrase) == len(words)  # its first word opens the sentence ("Former …")
    for k in range(len(out) - 1, owner - 1, -1):
        w = out[k]
        modifier = w.lower() in settings.role_modifiers and not w.isupper()
        if k >= len(out) - head or (modifier and (lower or (
                k == 0 and opens and w.lower() in _NEVER_A_NAME))):
            out[k] = w.lower()
        lower = out[k].islower()
    return tuple(out)


def _titled_name(words: Sequence[str]) -> bool:
    """Whether the capitalised words ending `words` hold a title ("President Bo"): a person
    of their own, not a name an "and" goes on."""
    run = list(itertools.takewhile(lambda w: w[:1].isupper(), reversed(words)))
    return any(is_title(w.rstrip(".")) for w in run)


def definition_of(role: tuple[str, ...], settings: ExplainerSettings) -> str | None:
    """`role_before`'s words as a definition says them ("the special counsel", "a former
    national security adviser", "Trump's lawyer"), or None: a rank alone ("the president":
    of what?) or with an abbreviated title ("Maine Sen.")."""
    if len(role) < 2 or any(w in _SHORT for w in role):
        return None
    said = " ".join(role)
    if any(re.search(_POSSESSIVE, w) for w in role):
        return said
    many = role[-1].lower() in {r.lower() for r in settings.one_of_many} and "chief" not in role
    if not many:
        return f"the {said}"
    first = role[0]
    # "an" by the sound: "an ABC news anchor", "a U.S. senator", "an Ohio lawmaker", "a
    # United States district judge" (a "u" or "eu" said "you", a "one" said "won").
    vowel = (first[0] in "AEFHILMNORSX" if first.isupper() or "." in first
             else first[0].lower() in "aeiou"
             and not _YOU.match(first.lower()))
    return f"{'an' if vowel else 'a'} {said}"


_YOU = re.compile(r"uni(?!n)|use|usu|uti|ura|eu|one\b|one-|once")  # said "you", "won"
# Modifiers that never open a name: "Former New York City Mayor …" -> "former".
_NEVER_A_NAME = frozenset(["former", "acting", "interim", "deputy", "outgoing", "incoming",
                           "retired", "longtime", "long-time", "special", "senior", "top"])
# Capitalised words that open a sentence or a clause, never a role: where the role starts.
_FUNCTION = frozenset(["the", "a", "an", "in", "on", "at", "by", "with", "for", "from", "to",
                       "of", "and", "but", "or", "as", "when", "after", "before", "while",
                       "if", "since", "then", "so", "yet", "that", "this", "its", "his", "her"])
_SHORT = frozenset(["sen", "rep", "gov", "lt", "gen", "col", "sgt", "capt", "adm", "maj"])
