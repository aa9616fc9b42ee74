"""The intro item's rules that read how it writes a name, against the week's sources:
"the" before a name the sources never give one ("the Aziz Ansari"), or a name written without
the "the" they give it; a common noun capitalised, a name lower-cased, a headline's capital; a
name cut short ("a hotline to South"); a person's name before a role, where the possessive
belongs. proof/item.py's `ITEM_RULES` and proof/intro.py's `CLAUSE_RULES` name each with the
fault it finds.

The rules are closed-class English and the week's own sources, written for this module
(nothing learned from the benchmarks).
"""

from __future__ import annotations

import re

from digest.edit.lexicon import ARTICLES, NUMBER_WORDS
from digest.edit.proof.sources import Sources
from digest.edit.proof.story import lowered_name
from digest.edit.proof.tldr import ROLE_RX


def the_before_a_name(item: str, src: Sources | None) -> bool:
    """"the Aziz Ansari", "the Arizona Sen. Martha McSally": "the" before a name (every word
    capitalised) that the sources never write after "the" on its own (not qualifying a noun:
    "the Aziz Ansari story" is no "the Aziz Ansari")."""
    own = re.match(r"the ((?:[A-Z][\w.-]*\s)*[A-Z][\w.-]*)['’]s\b", item)
    if own and (src is None or not src.takes_the(own.group(1))):
        return True  # "the Jeffrey Epstein's suicide" ("the Islamic State's" is English)
    if src is None or not item.startswith("the "):
        return False
    if not all(w[:1].isupper() or w in ("of", "for", "and", "the") for w in item[4:].split()):
        return False
    name = item[4:].split(" and ")[0]  # ("the US and Canada": the US)
    return not src.takes_the(name)


def the_left_out(item: str, src: Sources | None) -> bool:
    """"Trump for Nobel Peace Prize", "Barrett to U.S. Supreme Court": a name the sources
    write after "the" in half its uses on its own or more, written without it (a headline's
    shorthand)."""
    if src is None:
        return False
    for m in re.finditer(r"(?<![\w.’'-])((?:[A-Z][\w.’'-]*\s?)+)", item):
        name = m.group(1).strip()
        before = item[:m.start()].split()[-1:]
        if before and (before[0].lower() in ARTICLES or before[0].endswith(("'s", "’s"))):
            continue
        if re.match(r"\s+[a-z]", item[m.start(1) + len(name):]):
            continue  # it qualifies a noun: "U.S. troops"
        the = src.alone(name, the=True)
        if the >= 2 and 2 * the >= src.alone(name, the=False):
            return True
    return False


def capitalised_noun(item: str, src: Sources | None) -> bool:
    """"Stocks", "Conservative justices": a word capitalised on its own (no capitalised word
    beside it) that the sources write in lower case inside a sentence more often."""
    if src is None:
        return False
    words = [w.strip(",.'’\"“”‘") for w in item.split()]
    for k, w in enumerate(words):
        # (the word beside it across "of": "University of Alabama", "Secretary of Defense")
        beside = [words[j + (j - k) if words[j] in ("of", "for", "and") and 0 <= j + (j - k)
                        < len(words) else j] for j in (k - 1, k + 1) if 0 <= j < len(words)]
        if (re.fullmatch(r"[A-Z][a-z]+", w) and not any(b[:1].isupper() for b in beside)
                and src.mid(w.lower()) > src.mid(w)):
            return True
    return False


def cut_inside(item: str, src: Sources | None) -> bool:
    """"North Korea reopens hotline to South to discuss Olympics": a one-word name after a
    preposition, before a lower-case word, that the sources write longer (`cut_name`)."""
    for m in re.finditer(r"\b(?:to|in|from|with|of|for|on|at) ([A-Z][a-z]{2,})(?= [a-z])", item):
        if cut_name(m.group(1), src):
            return True
    return False


def cut_name(item: str, src: Sources | None) -> bool:
    """"a hotline to South", "the evangelical magazine Christianity", "U.S": an item ending
    on a name's first word (the sources write it with the same word after it in two of
    three uses) or on an abbreviation without its last dot."""
    if re.search(r"\b(?:[A-Z]\.)+[A-Z]$", item):
        return True
    last = item.split()[-1]
    if src is None or re.fullmatch(r"[A-Z][A-Za-z]{2,}", last) is None:
        return False
    if src.first_name(last):
        return True
    # ("South" → "South Korea", "South Korean": a longer name, whichever word ends it)
    uses = src.count(rf"(?<![\w-]){last}(?![\w-])", last)
    longer = src.count(rf"(?<![\w-]){last}\s+[A-Z]", last)
    return longer >= 2 and 3 * longer >= 2 * uses


def name_as_modifier(item: str, src: Sources | None) -> bool:
    """"the Ocasio-Cortez chief of staff": a person's name (one the sources have speak: "the
    Arkansas governor" is a place's) before a role, where the possessive belongs
    ("Ocasio-Cortez's chief of staff")."""
    m = re.fullmatch(rf"the ((?:[A-Z][\w’'-]*\s)+)(?:[a-z]+\s)*{ROLE_RX}", item)
    if m is None or src is None:
        return False
    name = m.group(1).split()[-1]
    return src.speaks(name) and not src.takes_the(name)  # ("the Pentagon said": no person)


def lowered(item: str, src: Sources | None) -> bool:
    """"a tulsi Gabbard lawsuit", "the Supreme court", "a senator Klobuchar": a word the
    sources only write capitalised, a name's word the sources capitalise more often, or a
    title before a name, lower-cased."""
    title = re.match(rf"(?:an?|the) ({ROLE_RX}) [A-Z]", item)
    if title and title.group(1).islower():
        return True
    if src is None:
        return False
    # (read where the word's letters after its first are, in both its forms: a scan of the
    # whole week per word was most of the intro's time at 100,000 articles)
    if any(lowered_name(w, src.holding(w[1:].strip(",;:.'’\""))) for w in re.findall(
            r"(?<!\S)[a-z][a-z'’-]+(?=\s[A-Z])", item)):
        return True
    for a, b in re.findall(r"\b([A-Z][a-z]+(?: of| for)?) ([a-z]{3,})\b", item):
        cap = b[0].upper() + b[1:]
        low = src.count(rf"\b{a} {b}\b", f"{a} {b}")
        # (a name joined by "of" is one once written so: "Secretary of State")
        if src.count(rf"\b{a} {cap}\b", f"{a} {cap}") > (low if " " in a else max(1, low)):
            return True
    return False


def unseen_capital(item: str, src: Sources | None) -> bool:
    """"Aftermath of looting in downtown Chicago", "Pope Francis endorses Same-Sex civil union
    laws": a capitalised word standing alone (no capitalised word beside it), no acronym,
    that the prose of the sources (titles aside) never writes capitalised inside a sentence,
    and does write in lower case — or, opening the item (a headline's first word, capitalised
    whatever it is), never writes at all: a headline's capital, not a name's."""
    if src is None:
        return False
    words = [w.strip(",.;:'’\"”‘“") for w in item.split()]
    for k, w in enumerate(words):
        if not re.fullmatch(r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)*", w):
            continue
        if any(0 <= j < len(words) and words[j][:1].isupper()
               and words[j].lower() not in NUMBER_WORDS for j in (k - 1, k + 1)):
            continue  # a name of several words ("Pope Francis")
        prose = src.prose_having(w) + "\n" + src.prose_having(w.lower())
        if re.search(rf"[\w,’'][^\S\n]+{re.escape(w)}(?![\w-])", prose):
            continue  # inside a sentence (after any word: "Vladimir Putin")
        if re.search(rf"(?<![\w-]){re.escape(w.lower())}(?![\w-])", prose) or (
                k == 0 and not re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", prose)):
            return True
    return False
