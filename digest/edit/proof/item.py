"""The rules one item of the intro's list must meet to stand on its own, as a reader would say
it (`ITEM_RULES`, each naming the fault; `item_faults` applies them): a noun phrase with a
referent ("the …", "a …", a possessive, a name: never the object cut from its verb, "key
details of conversations with Putin"), the story and not only who is in it, every count noun
with its article, no verb left without its object, capitals as the sources' prose writes them,
no quotation alone. The rules that read how an item writes a name (capitals, "the", a name
cut short) are proof/item_names.py's. proof/intro.py reads the intro as a whole and holds the
rules for an item that is a headline's clause (`CLAUSE_RULES`, most of them these).

The rules are closed-class English and the week's own sources, written for this module
(nothing learned from the benchmarks).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from digest.edit.lexicon import (
    CJK_RE,
    NUMBER_WORDS,
    PREPOSITIONS,
    STOPWORDS,
    plural,
)
from digest.edit.proof.item_names import (
    capitalised_noun,
    cut_name,
    lowered,
    name_as_modifier,
    the_before_a_name,
    the_left_out,
    unseen_capital,
)
from digest.edit.proof.sources import Sources
from digest.edit.proof.tldr import ROLE_RX, bare_first_name
from digest.edit.write.phrase import PUNCT, clause_in


def _names_nothing(item: str, src: Sources | None) -> bool:
    """"the oil tanker", "daughters": no name, figure or quotation a reader can place."""
    return not CJK_RE.search(item) and re.search(r"[A-Z0-9'‘“\"$]", item) is None


def _no_article(item: str, src: Sources | None) -> bool:
    """"Exxon CEO", "2nd Kavanaugh accuser", "$908 billion coronavirus proposal": a name or a
    figure before a singular common noun, with no article (a headline's shorthand)."""
    words = item.split()
    first = words[0]
    at = next((k - 1 for k, w in enumerate(words) if k and w in PREPOSITIONS), len(words) - 1)
    if not (first[:1].isupper() or first[:1].isdigit() or first[:1] == "$") or any(
            w.endswith(("'s", "’s")) for w in words[:at]) or len(words) < 2:
        return False  # (a possessive is its article: "Ada Quill's chief of staff")
    head = words[at].strip(",.'’\"”")
    singular = not head.endswith(("s", "ing")) or head.endswith("ss")  # ("access")
    return (head.islower() and head.isalpha() and singular) or (  # ("Exxon CEO")
        head.isupper() and re.fullmatch(ROLE_RX, head.lower()) is not None)


def modifier_end(item: str, src: Sources | None) -> bool:
    """"the NBA general", "the North Korea nuclear": an item ending on a lower-case
    word the sources use alone in under one in three of three uses or more (it qualifies the
    noun cut off after it: "general manager", "nuclear weapons")."""
    if src is None:
        return False
    last = item.split()[-1].strip(",.'’\"”")
    if not (last.isalpha() and last.islower()):
        return False  # (a name goes before names: "the Senate" in "Senate Republicans")
    total = src.count(rf"(?<![\w-]){re.escape(last)}(?![\w-])", last)
    return total >= 3 and 3 * src.alone(last, the=False) < total


# What an item of the intro's list must be to stand on its own, as a reader would say it:
# a noun phrase with a referent ("the …", "a …", a possessive, a name: never the object cut
# from its verb, "key details of conversations with Putin", "some JFK files", "Nine US
# citizens"), the story and not only who is in it ("the Saudi Arabian aviation student"),
# every count noun with its article ("… before fatal shooting in Portland"), no verb left
# without its object ("the Trump administration bans"), capitals as the sources' prose writes
# them ("Aftermath of looting …"), no quotation alone ("'fake news'").
# Openers a noun phrase with a referent may take in lower case (a question tells a story:
# "why Facebook failed its civil rights audit").
REFERENT_OPENERS = frozenset(["a", "an", "the", "his", "her", "its", "their", "our", "this",
                              "that", "these", "those", "why", "how", "what", "where", "when",
                              "who"])
# Nouns for a person, beside the roles (settings.ROLES): an item whose head is one names who,
# not what happened ("the Saudi Arabian aviation student").
PEOPLE = frozenset(["student", "suspect", "gunman", "shooter", "victim", "teen", "teenager",
                    "man", "woman", "boy", "girl", "child", "worker", "soldier", "veteran",
                    "nurse", "doctor", "teacher", "protester", "demonstrator", "voter",
                    "migrant", "immigrant", "refugee", "citizen", "resident", "accuser",
                    "survivor", "witness", "inmate", "prisoner", "defendant", "driver",
                    "pilot", "agent", "employee", "person", "people", "father", "mother",
                    "son", "daughter", "wife", "husband", "uncle", "aunt", "family"])
_DETERMINED = r"(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ur|[\w.-]+['’]s)"


def _head(item: str) -> str:
    """The item's head: the word before its first preposition (or its last word)."""
    words = [w.strip(",.'’\"”‘“") for w in item.split()]
    before = list(itertools.takewhile(lambda w: w.lower() not in PREPOSITIONS, words))
    return before[-1] if before else ""


def _no_referent(item: str, src: Sources | None) -> bool:
    """"key details of conversations with Putin", "some JFK files", "claims in the VP",
    "Nine US citizens": no article, possessive or name opens it (a lower-case word that is
    no determiner, or a count before a plural): the object or subject cut from its verb,
    which says nothing of what happened."""
    if CJK_RE.search(item):
        return False
    words = item.split()
    first = words[0].strip(PUNCT + ",")
    if first[:1].islower():
        # (a plural subject and its verb: "health experts condemn …", "tightening polls in key
        # swing states raise pressure …", a clause)
        verb = any(w.isalpha() and w.islower() and not w.endswith("s") and w not in STOPWORDS
                   and w not in PREPOSITIONS and src is not None and (k < 3 or before.endswith("s"))
                   and (f"{w}ed" in src.words or f"{w}d" in src.words)
                   for k, (before, w) in enumerate(itertools.pairwise(words), start=1))
        return first not in REFERENT_OPENERS and not first.endswith(("'s", "’s")) and not verb
    head = _head(item)
    return (first.lower() in NUMBER_WORDS or re.fullmatch(r"[\d.,]+", first) is not None) and (
        head.islower() and head.endswith("s"))


def _a_uncounted(item: str, src: Sources | None) -> bool:
    """"a pressure on Biden": "a" before a noun (the item's head) that the sources use twice
    or more and never after "a" or "an" (it takes none)."""
    m = re.match(r"an? ([a-z]+)\b", item)
    if m is None or src is None or m.group(1) != _head(item):
        return False
    return uncounted(m.group(1), src)


def verb_end(item: str, src: Sources | None) -> bool:
    """"the Trump administration bans", "the Ever Given floating": an item ending on a name's
    participle in -ing, or on a word in -s that the sources never
    write after a determiner or a possessive ("the bans", "its rules") and do write before a
    lower-case word ("bans imports"): a verb, its object cut off."""
    last = item.split()[-1]
    words = item.split()
    if len(words) > 1 and words[-2][:1].isupper() and re.fullmatch(r"[a-z]{3,}ing", last):
        return True  # a name's participle: "the Ever Given floating"
    if src is None or not re.fullmatch(r"[a-z]{2,}[^s'’]s", last) or re.search(
            rf"{_DETERMINED}\s+(?:[a-z-]+\s+){{0,3}}{last}$", item) or re.search(
            rf"\b(?:[Ss]ome|[Mm]any|[Ss]everal|[Ff]ew|[Mm]ore|[Tt]hese|[Tt]hose|[Aa]ll)\s+"
            rf"(?:[\w-]+\s+){{0,3}}{last}$", item):
        return False  # ("Georgia's provisional ballots", "some JFK files": a noun, its
        # determiner or quantifier in the item)
    objects = re.findall(rf"(?<![\w-]){last}\s+([a-z]+)", src.having(last))
    return (src.count(rf"{_DETERMINED}\s+(?:[a-z-]+\s+){{0,3}}{last}\b", last) == 0
            and any(w not in STOPWORDS and w not in PREPOSITIONS for w in objects))


def person_only(item: str, src: Sources | None) -> bool:
    """"the Saudi Arabian aviation student", "Nine US citizens": an item ending on a noun for
    a person (`PEOPLE`, or a role, settings.ROLES): who, not what happened."""
    last = item.split()[-1].strip(PUNCT + ",.").lower()
    single = last[:-1] if last.endswith("s") and not last.endswith("ss") else last
    return (item.split()[-1].strip(PUNCT)[:1].islower() or len(item.split()) > 1) and bool(
        {last, single} & PEOPLE or re.fullmatch(ROLE_RX, single))


def _of_doing(item: str, src: Sources | None) -> bool:
    """"Gov. Cuomo of undercounting nursing home deaths": a name, then "of" and a verb in -ing:
    the object of "accuses … of …", its verb cut off."""
    return re.match(r"(?:the )?(?:[A-Z][\w.’'-]*\s)+of\s+[a-z]+ing\b", item) is not None


def _quote_only(item: str, src: Sources | None) -> bool:
    """"'fake news'": a quotation and nothing else (whose words, about what?)."""
    return re.fullmatch(r"['‘\"“][^'’\"”]+['’\"”]", item.strip()) is not None


def _bare_count_noun(item: str, src: Sources | None) -> bool:
    """"a right-wing demonstrator before fatal shooting in Portland": after a preposition
    (not "of"), a run of two lower-case words or more ending on a singular noun the sources write after "a" or "the"
    (a count noun), then a preposition or the item's end: a headline's dropped article."""
    if src is None:
        return False
    words = [w.strip(",.'’\"”‘“") for w in item.split()]
    for k, w in enumerate(words[:-1]):
        if w not in PREPOSITIONS or w == "of":
            continue  # ("chief of staff", "freedom of speech": one noun)
        run = list(itertools.takewhile(
            lambda x: x.isalpha() and x.islower() and x not in STOPWORDS, words[k + 1:]))
        nxt = words[k + 1 + len(run)] if k + 1 + len(run) < len(words) else ""
        if len(run) < 2 or (nxt and nxt not in PREPOSITIONS):
            continue  # (an adjective and its noun; "in custody" is an idiom)
            continue
        last = run[-1]
        if (not last.endswith("s") or last.endswith("ss")) and src.count(
                rf"\b(?:[Tt]he|[Aa]n?)\s+(?:[\w-]+\s+)?{last}\b", last) > 0:
            return True
    return False

def uncounted(noun: str, src: Sources) -> bool:
    """Whether the sources use `noun` twice or more, never after "a" or "an" and never in the
    plural ("pressure"; not "facility", which they write "facilities")."""
    many = plural(noun)
    # ("an open data set" counts sets, not data: the noun must end its phrase)
    counted = [after for after in re.findall(rf"\b[Aa]n? (?:[\w-]+ )?{noun}\b(\s+[a-z]+)?",
                                              src.having(noun))
               if not after or after.strip() in STOPWORDS or after.strip() in PREPOSITIONS]
    return (src.count(rf"(?<![\w-]){noun}(?![\w-])", noun) >= 2 and not counted
            and src.count(rf"(?<![\w-]){many}(?![\w-])", many) == 0)



# "the Trump presidency", "the U.S. economy", "the USPS rescue": an article, a name or a
# figure (its own "of", "for", "&" inside), then at most two lower-case words, nothing after.
_TOPIC = re.compile(r"(?:(?:the|an?) )?(?:[A-Z$\d][\w.$,&-]*|of|for|&|and)"
                    r"(?: (?:[A-Z$\d][\w.$,&-]*|of|for|&))* [a-z][\w-]*(?: [a-z][\w-]*)?")


# A name's one noun ("Trump's claims", "Pelosi's remarks"): whose, but not what.
_POSSESSED = re.compile(r"(?:the )?(?:[A-Z][\w.&-]* ){0,2}[A-Z][\w.&-]*['’]s [a-z][\w-]*")


def bare_topic(phrase: str, src: Sources | None = None) -> bool:
    """A topic, not a story: a name and the one or two nouns it qualifies, with no verb, no
    possessive and nothing said of them ("the Trump presidency", "the U.S. economy", "the
    Medicaid dental"), or a name's one noun ("Trump's claims"): the headline's clause says
    what happened, or the story is counted."""
    words = phrase.split()
    if words and words[-1].endswith("ing"):
        return False  # ("the … shooting": an event)
    return (_TOPIC.fullmatch(phrase) is not None and not any(
        w in STOPWORDS or w in PREPOSITIONS for w in words[1:])) or (
        _POSSESSED.fullmatch(phrase) is not None and words[-1] not in STOPWORDS)


ItemRule = Callable[[str, "Sources | None"], bool]
# Each rule names what a copy editor would call an item of the intro's list that is no noun
# phrase to print ("a clause" is write/phrase's, which names the kind of clause).
ITEM_RULES: tuple[tuple[str, ItemRule], ...] = (
    ("names nothing a reader can place", _names_nothing),
    ("'the' before a name", the_before_a_name),
    ("a name without its 'the' (a headline's shorthand)", the_left_out),
    ("a common noun capitalised", capitalised_noun),
    ("a first name without its surname", bare_first_name),
    ("a name cut short", cut_name),
    ("a singular noun with no article", _no_article),
    ("name lower-cased", lowered),
    ("ends on a modifier, its noun cut off", modifier_end),
    ("a name before a role, where the possessive belongs", name_as_modifier),
    ("no referent: cut from its verb", _no_referent),
    ("'a' before a noun the sources never count", _a_uncounted),
    ("ends on a verb, its object cut off", verb_end),
    ("who, not what happened", person_only),
    ("a headline's capital", unseen_capital),
    ("a quotation alone", _quote_only),
    ("a verb's object, its verb cut off", _of_doing),
    ("a count noun with no article (a headline's shorthand)", _bare_count_noun),
    ("a topic, not a story (nothing said of it)", bare_topic),
)


def item_faults(item: str, sources: Sources | None = None) -> list[str]:
    """The faults an intro item has: a clause (`clause_in`), then `ITEM_RULES`."""
    clause = clause_in(item, sources.words if sources else frozenset())
    out = [f"a clause, not a noun phrase ({clause})"] if clause else []
    return out + [why for why, rule in ITEM_RULES if rule(item, sources)]
