"""The rules one item of the intro's list must meet to stand on its own, as a reader would say
it (`ITEM_RULES`, each naming the fault; `item_faults` applies them): a noun phrase with a
referent ("the …", "a …", a possessive, a name: never the object cut from its verb, "key
details of conversations with Putin"), the story and not only who is in it, every count noun
with its article, no verb left without its object, capitals as the sources' prose writes them,
no quotation alone. proof/intro.py reads the intro as a whole and holds the rules for an item
that is a headline's clause (`CLAUSE_RULES`, most of them these).

The rules are closed-class English and the week's own sources, written for this module
(nothing learned from the benchmarks).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from digest.edit.lexicon import (
    ARTICLES,
    CJK_RE,
    NUMBER_WORDS,
    PREPOSITIONS,
    STOPWORDS,
    plural,
)
from digest.edit.proof.sources import Sources
from digest.edit.proof.story import lowered_name
from digest.edit.proof.tldr import ROLE_RX, _bare_first_name
from digest.edit.write.phrase import PUNCT, clause_in


def _names_nothing(item: str, src: Sources | None) -> bool:
    """"the oil tanker", "daughters": no name, figure or quotation a reader can place."""
    return not CJK_RE.search(item) and re.search(r"[A-Z0-9'‘“\"$]", item) is None


def _the_before_a_name(item: str, src: Sources | None) -> bool:
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


def _the_left_out(item: str, src: Sources | None) -> bool:
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


def _capitalised_noun(item: str, src: Sources | None) -> bool:
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


def _cut_inside(item: str, src: Sources | None) -> bool:
    """"North Korea reopens hotline to South to discuss Olympics": a one-word name after a
    preposition, before a lower-case word, that the sources write longer (`_cut_name`)."""
    for m in re.finditer(r"\b(?:to|in|from|with|of|for|on|at) ([A-Z][a-z]{2,})(?= [a-z])", item):
        if _cut_name(m.group(1), src):
            return True
    return False


def _cut_name(item: str, src: Sources | None) -> bool:
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


def _name_as_modifier(item: str, src: Sources | None) -> bool:
    """"the Ocasio-Cortez chief of staff": a person's name (one the sources have speak: "the
    Arkansas governor" is a place's) before a role, where the possessive belongs
    ("Ocasio-Cortez's chief of staff")."""
    m = re.fullmatch(rf"the ((?:[A-Z][\w’'-]*\s)+)(?:[a-z]+\s)*{ROLE_RX}", item)
    if m is None or src is None:
        return False
    name = m.group(1).split()[-1]
    return src.speaks(name) and not src.takes_the(name)  # ("the Pentagon said": no person)


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


def _lowered(item: str, src: Sources | None) -> bool:
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


def _modifier_end(item: str, src: Sources | None) -> bool:
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
    return _uncounted(m.group(1), src)


def _verb_end(item: str, src: Sources | None) -> bool:
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


def _person_only(item: str, src: Sources | None) -> bool:
    """"the Saudi Arabian aviation student", "Nine US citizens": an item ending on a noun for
    a person (`PEOPLE`, or a role, settings.ROLES): who, not what happened."""
    last = item.split()[-1].strip(PUNCT + ",.").lower()
    single = last[:-1] if last.endswith("s") and not last.endswith("ss") else last
    return (item.split()[-1].strip(PUNCT)[:1].islower() or len(item.split()) > 1) and bool(
        {last, single} & PEOPLE or re.fullmatch(ROLE_RX, single))


def _unseen_capital(item: str, src: Sources | None) -> bool:
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

def _uncounted(noun: str, src: Sources) -> bool:
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
    ("'the' before a name", _the_before_a_name),
    ("a name without its 'the' (a headline's shorthand)", _the_left_out),
    ("a common noun capitalised", _capitalised_noun),
    ("a first name without its surname", _bare_first_name),
    ("a name cut short", _cut_name),
    ("a singular noun with no article", _no_article),
    ("name lower-cased", _lowered),
    ("ends on a modifier, its noun cut off", _modifier_end),
    ("a name before a role, where the possessive belongs", _name_as_modifier),
    ("no referent: cut from its verb", _no_referent),
    ("'a' before a noun the sources never count", _a_uncounted),
    ("ends on a verb, its object cut off", _verb_end),
    ("who, not what happened", _person_only),
    ("a headline's capital", _unseen_capital),
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
