"""The copy editor for the intro (`proof_explainer.front_strikes` calls `intro_strikes`;
the TL;DR's rules and the week's `Sources` are proof_front.py's).

The intro: "This week in <newsletter>: A; B; C; and 16 more stories, with …" (write/intro.py).
No operator line; no headline quoted (inside quotation marks, or printed in its Title Case:
a headline's clause in running text is an item); a sentence, not a list (at most
`INTRO_WORDS` words); no item of its list ending on a function word or an adverb; no name
lower-cased. Each item of its list is read as a noun phrase (`ITEM_RULES`, each naming the
fault: no clause, `write/phrase.clause_in`: "the Biden orders government"; something a
reader can place: "the oil tanker", "daughters" say nothing; no "the" before a name the
sources never give one, "the Aziz Ansari"; no common noun capitalised as a headline does,
"Stocks"; no first name without its surname, "the top Pentagon official John") or, when it
reads as a clause (a headline's, "Trump returns to the White House"), by `CLAUSE_RULES`: the
item rules a clause can break, a headline's dropped article ("Senate passes bill") and a name
lower-cased that no source writes so.

The rules are closed-class English and the week's own sources, written for this module
(nothing learned from the benchmarks).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence

from digest.edit.lexicon import CJK_RE, STOPWORDS, is_adverb, stem
from digest.edit.proof import (
    ARTICLES,
    AUXILIARIES,
    CONJUNCTIONS,
    PARTICLES,
    PREPOSITIONS,
    Strike,
    _lowered_name,
)
from digest.edit.proof_front import OPERATOR, ROLE_RX, Sources, _bare_first_name
from digest.edit.write.phrase import clause_in

INTRO_WORDS = 70  # the seed's intro runs 50 words: longer is a list, not a sentence

# An item of the intro's list that ends on a word no noun phrase ends on.
_BAD_END = (PREPOSITIONS | ARTICLES | CONJUNCTIONS | AUXILIARIES) - {"up", "out", "off", "down",
                                                                    "over", "in", "on"}
_ITEM_END = re.compile(r"\b([A-Za-z'’]+)(?=[,;]\s|\s+and\s|\s+with\s|\.$)")
# The intro's list: "This week in X: A; B; C; and 16 more stories, with …" (or, before
# issue 11's second pass, "… we look at A, B, C and 16 more stories, with …").
_LIST = re.compile(r"^This week in [^:]+: (?P<semi>.+?)(?:, with |\.$)|"
                   r"\bwe look at (?P<items>.+?)(?:, with |\.$)")
_COUNTED = re.compile(r"^(?:\w+(?: more)? stor(?:y|ies)|\w+ shorter items?)$")


def intro_items(intro: str) -> list[str]:
    """The items the intro lists ("This week in X: A; B; C; and 16 more stories"), the
    counted rest left out."""
    m = _LIST.search(intro)
    if m is None:
        return []
    if m.group("semi") is not None:
        items = [re.sub(r"^and ", "", i) for i in m.group("semi").split("; ")]
        return [i for i in items if i and not _COUNTED.match(i)]
    items = m.group("items").split(", ")
    head, _, tail = items[-1].rpartition(" and ")
    items[-1:] = [head, tail] if head else [tail]
    return [i for i in items if i and not _COUNTED.match(i)]


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


def _cut_name(item: str, src: Sources | None) -> bool:
    """"a hotline to South", "the evangelical magazine Christianity", "U.S": an item ending
    on a name's first word (the sources write it with the same word after it in two of
    three uses) or on an abbreviation without its last dot."""
    if re.search(r"\b(?:[A-Z]\.)+[A-Z]$", item):
        return True
    last = item.split()[-1]
    return src is not None and re.fullmatch(r"[A-Z][A-Za-z]{2,}", last) is not None and (
        src.first_name(last))


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
    if any(_lowered_name(w, src.texts) for w in re.findall(
            r"(?<!\S)[a-z][a-z'’-]+(?=\s[A-Z])", item)):
        return True
    for a, b in re.findall(r"\b([A-Z][a-z]+) ([a-z]{3,})\b", item):
        cap = b[0].upper() + b[1:]
        if src.count(rf"\b{a} {cap}\b", f"{a} {cap}") > max(1, src.count(rf"\b{a} {b}\b",
                                                                      f"{a} {b}")):
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
)


def _bare_noun(item: str, src: Sources | None) -> bool:
    """"Senate passes bill", "… keeps firm grip on immigration debate": a verb in -s after a
    name, or a preposition, then (past names and figures) common nouns with no article, the last
    singular, ending the item or meeting a preposition or "and": a headline's dropped
    article."""
    words = [w.strip(",.'’\"”‘“") for w in item.split()]
    for k, w in enumerate(words[:-1]):
        if not (w in PREPOSITIONS or (k and re.fullmatch(r"[a-z]{3,}[^s']s", w)
                                      and words[k - 1][:1].isupper())):
            continue
        j = k + 1
        while j < len(words) - 1 and (words[j][:1].isupper() or words[j][:1].isdigit()):
            j += 1
        run = list(itertools.takewhile(
            lambda x: x.isalpha() and x.islower() and x not in STOPWORDS and x not in PARTICLES
            and not is_adverb(x), words[j:]))
        nxt = words[j + len(run)] if j + len(run) < len(words) else ""
        if run and not run[-1].endswith(("s", "ing", "ed")) and (
                not nxt or nxt in PREPOSITIONS or nxt == "and"):
            return True
    return False


def _name_lowered(item: str, src: Sources | None) -> bool:
    """"Mark Zuckerberg's washington mission", "rollback of obama gas mileage standards": a
    lower-case word the sources' prose (titles aside) writes capitalised and no source writes
    in lower case, in no form ("refers" is no name when they write "referred")."""
    if src is None:
        return False
    return any(re.search(rf"(?<![\w-]){w.title()}(?![\w-])", src.prose_having(w.title()))
               and stem(w) not in src.lower_stems
               for w in re.findall(r"(?<![\w’'-])[a-z]{3,}(?![\w’'-])", item))


# The rules for an item that is a headline's clause in running text ("Trump returns to the
# White House"): the item rules a clause can break, and a headline's dropped article.
CLAUSE_RULES: tuple[tuple[str, ItemRule], ...] = (
    ("'the' before a name", _the_before_a_name),
    ("a name without its 'the' (a headline's shorthand)", _the_left_out),
    ("a common noun capitalised", _capitalised_noun),
    ("a first name without its surname", _bare_first_name),
    ("name lower-cased", _lowered),
    ("name lower-cased (never written so)", _name_lowered),
    ("a singular noun with no article (a headline's shorthand)", _bare_noun),
)


def clause_faults(item: str, sources: Sources | None = None) -> list[str]:
    """The faults of an intro item that is a clause (`CLAUSE_RULES`)."""
    return [why for why, rule in CLAUSE_RULES if rule(item, sources)]


def list_item_faults(item: str, sources: Sources | None = None) -> list[str]:
    """The faults of one item of the intro's list: a clause ("Trump returns to the White
    House", a headline's clause in running text) by `CLAUSE_RULES`, anything else as a noun
    phrase (`item_faults`)."""
    if clause_in(item, sources.words if sources else frozenset()) is not None:
        return clause_faults(item, sources)
    return item_faults(item, sources)


def item_faults(item: str, sources: Sources | None = None) -> list[str]:
    """The faults an intro item has: a clause (`clause_in`), then `ITEM_RULES`."""
    clause = clause_in(item, sources.words if sources else frozenset())
    out = [f"a clause, not a noun phrase ({clause})"] if clause else []
    return out + [why for why, rule in ITEM_RULES if rule(item, sources)]


def _title_cased(headline: str, src: Sources | None) -> bool:
    """A headline in Title Case: of its words after the first that are no names (the sources
    write them in lower case inside a sentence at least as often), two or more and most are
    capitalised ("Trump Returns To White House"; not "Hillary Clinton says 'nobody likes'
    Bernie Sanders")."""
    words = [w.strip(",.:;'’\"”") for w in headline.split()[1:]]
    common = [w for w in words if w.isalpha() and (
        src is None or src.mid(w.lower()) >= src.mid(w[:1].upper() + w[1:]))]
    return len(common) >= 2 and sum(w[:1].isupper() for w in common) * 2 > len(common)


def intro_strikes(intro: str, headlines: Sequence[str], *,
                  sources: Sequence[str] = ()) -> list[Strike]:
    """What a copy editor would strike in the intro (`headlines`: the issue's; `sources`: its
    articles' texts, to tell a lower-cased name, a capitalised noun, a misplaced "the")."""
    out: list[Strike] = []
    if OPERATOR.search(intro):
        out.append(Strike("intro", "operator line", intro))
    low = intro.lower()
    src = Sources(tuple(sources)) if sources else None
    for h in headlines:
        if len(h.split()) >= 4 and h.lower().rstrip(".") in low and (
                (_title_cased(h, src) and h.rstrip(".") in intro)
                or re.search(rf"[\"“‘']{re.escape(h.lower().rstrip('.'))}", low)):
            out.append(Strike("intro", "quotes a headline", h))
    n = len(intro.split()) if not CJK_RE.search(intro) else len(intro) // 2
    if n > INTRO_WORDS:
        out.append(Strike("intro", f"a list, not a sentence ({n} words)", intro))
    for m in _ITEM_END.finditer(intro):
        word = m.group(1).lower()
        if word in _BAD_END or is_adverb(m.group(1)):
            out.append(Strike("intro", f"an item ending on a function word or adverb ({m.group(1)})",
                              intro[max(0, m.start() - 40):m.end()]))
    items = intro_items(intro)
    for item in items:
        out += [Strike("intro", why, item) for why in list_item_faults(item, src)]
    if src:  # (outside the list: the Explainer's definition)
        rest = intro
        for item in items:
            rest = rest.replace(item, "")
        for w in re.findall(r"(?<=\s)[a-z][a-z'’-]+(?=\s[A-Z])", rest):
            if _lowered_name(w, sources):
                out.append(Strike("intro", "name lower-cased", w))
    return out
