"""Where a lead's subject begins (`from_subject`, for `acts.act`): past a phrase a sentence opens
with before its subject, up to a comma ("On Monday, …", "After weekend protests, …", "Facing a
lawsuit, …", "A year ago, …"), and past a count ("Thousands of nurses", "At least 12 people":
what nurses or people did).
"""

from __future__ import annotations

import re

from digest.edit.lexicon import ARTICLES, CONJUNCTIONS, NUMBER_WORDS, PREPOSITIONS, stem
from digest.edit.read.facts import DATES, form

WORD = re.compile(r"[A-Za-z][\w'’.-]*|,")
# A subject counted: the words of its count ("Thousands of", "Hundreds of thousands of", "Tens
# of thousands of", "Dozens of"), then what is counted, its head ("nurses"). General English.
COUNTS = frozenset(["dozens", "scores", "tens", "hundreds", "thousands", "millions"])
_COUNTED = re.compile(rf"(?:(?:{'|'.join(sorted(COUNTS))}) of )+", re.IGNORECASE)
# A count's qualifier before its figure ("At least 12 people …", "More than 200 workers …",
# "Nearly a dozen …"): no word of the subject, which is what is counted (its figure is no word
# `act` reads). General English.
QUALIFIERS = ("at least", "at most", "more than", "fewer than", "less than", "nearly", "almost",
              "about", "around", "approximately", "roughly", "some", "over", "up to",
              "as many as", "an estimated", "upwards of")
SCALES = ("hundred", "thousand", "million", "billion", "trillion")
_QUALIFIED = re.compile(
    rf"(?:{'|'.join(QUALIFIERS)}) (?:\d[\d,.]*(?: (?:{'|'.join(SCALES)}))? |a dozen "
    rf"|(?=(?:{'|'.join(sorted(NUMBER_WORDS))})\b))", re.IGNORECASE)
# A clause's first word that makes it another's part ("When Ada Lin resigned, …", "If the
# council votes …"): no comma after it, the sentence's subject is further on, unread.
SUBORDINATORS = frozenset(["when", "if", "as", "while", "because", "although", "though", "once",
                           "since", "unless", "until", "whereas", "whether", "whenever"])
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


def date(word: str) -> bool:
    """A weekday or a month, capitalised ("marched", "may" are verbs)."""
    return word[:1].isupper() and form(stem(word.lower())) in DATES


def from_subject(text: str) -> str:
    """`text` from its subject on: past the phrase it opens with up to a comma (`_OPENS_PHRASE`:
    "After weekend protests against the levy, Gov. Ada Lin …"; a date, a time "ago" or a
    participle: "Facing a lawsuit, the Carthen Herald …") when a name or an article follows
    the comma (no quotation: `"Don't be scared," …`), and past a count (`_COUNTED`: "Thousands
    of nurses marched …" is what nurses did; its qualifier, `QUALIFIERS`: "At least 12 people
    died …" is what people did); else `text`."""
    opener, comma, after = text.partition(",")
    rest = after.lstrip() if comma and _opens_before_subject(opener, after) else text
    qualified = _QUALIFIED.match(rest)
    rest = rest[qualified.end():] if qualified else rest
    counted = _COUNTED.match(rest)
    return rest[counted.end():] if counted else rest


def _opens_before_subject(opener: str, after: str) -> bool:
    """Whether `opener`, a sentence up to its first comma, is a phrase before the subject
    `after` the comma opens on (`from_subject`): no bracket left open ("Chuck Schumer (D., N.Y.)
    proposed …"), a name, an article or a count next, and the phrase a preposition's or a
    clause's, a date, a time "ago" or a participle."""
    words, next_words = WORD.findall(opener), WORD.findall(after[:40])
    if (not (words and next_words) or not after.lstrip().startswith(next_words[0])
            or opener.count("(") > opener.count(")")):
        return False
    first, nxt = words[0], next_words[0]
    if not (nxt[0].isupper() or nxt in ARTICLES or nxt in COUNTS):
        return False
    return bool(first.lower() in _OPENS_PHRASE or date(first) or words[-1] == "ago" or (
        first.endswith("ing") and first[:1].isupper() and words[1:2]
        and words[1] in _AFTER_PARTICIPLE))
