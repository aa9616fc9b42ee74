"""The copy editor for the intro (`proof/explainer.front_strikes` calls `intro_strikes`;
the TL;DR's rules and the week's `Sources` are proof/sources.py's).

The intro: "This week in <newsletter>: A; B; C; and 16 more stories, with …" (write/intro.py).
No operator line; no headline quoted (inside quotation marks, or printed in its Title Case:
a headline's clause in running text is an item); a sentence, not a list (at most
`INTRO_WORDS` words); no item of its list ending on a function word or an adverb; no name
lower-cased. Each item of its list is read as a noun phrase (proof/item.py's `ITEM_RULES`, each naming the
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
from collections.abc import Sequence

from digest.edit.lexicon import (
    ARTICLES,
    AUXILIARIES,
    CJK_RE,
    CONJUNCTIONS,
    PARTICLES,
    PREPOSITIONS,
    STOPWORDS,
    is_adverb,
    stem,
    verb_forms,
)
from digest.edit.proof.item import (  # (the item rules a clause can break)
    ItemRule,
    item_faults,
    modifier_end,
    person_only,
    uncounted,
    verb_end,
)
from digest.edit.proof.item_names import (
    capitalised_noun,
    cut_inside,
    lowered,
    the_before_a_name,
    the_left_out,
    unseen_capital,
)
from digest.edit.proof.sources import Sources
from digest.edit.proof.story import lowered_name
from digest.edit.proof.strike import Strike
from digest.edit.proof.tldr import OPERATOR, a_view, bare_first_name
from digest.edit.write.phrase import DETERMINERS, clause_in

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


# Plural nouns' endings ("lawmakers", "hospitalizations", "settlements"): a word in -s with
# one, whose -ed and -ing forms the sources never write, is no verb after a name.
_NOUN_ENDS = ("ers", "ions", "ments", "ists", "ants", "ents")


def bare_noun(item: str, src: Sources | None) -> tuple[int, str] | None:
    """"Senate passes bill", "… keeps firm grip on immigration debate": a verb in -s after a
    name, or a preposition, then (past names and figures) common nouns with no article, the last
    singular, ending the item or meeting a preposition or "and": a headline's dropped article.
    The index of the word the article goes before (-1 where none can be put back), and the
    noun; None when there is none, or
    when the sources use the noun twice or more and never after "a" or "an" (a noun no one
    counts takes none: "raise pressure on Biden")."""
    words = [w.strip(",.'’\"”‘“") for w in item.split()]
    for k, w in enumerate(words[:-1]):
        if not (w in PREPOSITIONS or (k and re.fullmatch(r"[a-z]{3,}[^su']s", w)
                                      and words[k - 1][:1].isupper() and not (
                                          w.endswith(_NOUN_ENDS) and src is not None
                                          and not verb_forms(w) & src.words))):
            continue  # (a verb in -s, not "coronavirus", "access", `_NOUN_ENDS`)
        j = k + 1
        while j < len(words) - 1 and (words[j][:1].isupper() or words[j][:1].isdigit()):
            j += 1
        if any(x.endswith(("'s", "’s")) for x in words[k + 1:j]):
            continue  # a possessive is its determiner ("upholds Indiana's burial law")
        run = list(itertools.takewhile(
            lambda x: x.isalpha() and x.islower() and x not in STOPWORDS and x not in PARTICLES
            and x not in PREPOSITIONS and not is_adverb(x), words[j:]))
        if any(x.endswith("ing") for x in run[:-1]):
            continue  # a verb and its object ("of declaring war")
        nxt = words[j + len(run)] if j + len(run) < len(words) else ""
        if run and not run[-1].endswith(("s", "ing", "ed")) and (
                not nxt or nxt in PREPOSITIONS or nxt == "and") and not (
                src is not None and uncounted(run[-1], src)):
            # The article goes right after the verb or preposition, before a plain noun
            # phrase of three words or fewer; none after "to" or "as", a verb's or a clause's
            # mark as often ("to announce executive action", "as infections spike"), nor
            # inside a name ("Secretary of State").
            plain = len(run) <= 3 and not any(x.endswith(("s", "ed")) for x in run[:-1])
            inside = w == "of" and words[k - 1][:1].isupper() if k else False
            return (k + 1 if plain and not inside and w not in ("to", "as") else -1), run[-1]
    return None



def _bare_noun(item: str, src: Sources | None) -> bool:
    """A headline's dropped article (`bare_noun`)."""
    return bare_noun(item, src) is not None


def _name_lowered(item: str, src: Sources | None) -> bool:
    """"Mark Zuckerberg's washington mission", "rollback of obama gas mileage standards": a
    lower-case word the sources' prose (titles aside) writes capitalised and no source writes
    in lower case, in no form ("refers" is no name when they write "referred")."""
    if src is None:
        return False
    # (a possessive is its name's, "obama’s"; a compound the name opens is the name
    # written capitalised, "Obama-era")
    return any(re.search(rf"(?<![\w-]){w.title()}(?!\w)", src.prose_having(w.title()))
               and stem(w) not in src.lower_stems
               for w in re.findall(r"(?<![\w’'-])[a-z]{3,}(?=[’']s\b|(?![\w’'-]))", item))


def _name_then_noun(item: str, src: Sources | None) -> bool:
    """"Jeff Bezos hack": a name, then one lower-case word in no verb's form a singular name
    takes (no -s, no -ed): a noun with its article dropped, read as a clause only because the
    noun could be a verb (a plural name the sources write before "are", "were" or "have",
    "Democrats push", is a clause's subject)."""
    m = re.fullmatch(r"((?:[A-Z][\w.’'-]*\s)+)([a-z]+)", item)
    if m is None or re.search(r"(?:[^s]s|ed)$", m.group(2)):
        return False
    last = m.group(1).split()[-1]
    return src is None or src.count(rf"\b{re.escape(last)}\s+(?:are|were|have)\b", last) == 0


# The words a direct question opens on ("when could …", "why is …").
_WH = frozenset(["who", "what", "when", "where", "why", "how", "which"])


def _no_subject(item: str, src: Sources | None) -> bool:
    """"unlikely that Covid came from a Wuhan lab" (from "Unlikely that Covid came …, WHO
    says"): a clause that opens on a word and "that" with no subject before them, where the
    sources never write the word as a noun (after a determiner; "reports that …" is one)."""
    words = item.split()
    if len(words) < 3 or words[1] != "that" or not words[0].isalpha() or not words[0].islower():
        return False
    if src is None:
        return True
    noun = "|".join(sorted(DETERMINERS))  # (after one, a word is a noun)
    return src.count(rf"\b(?:{noun}) {re.escape(words[0])}\b", words[0]) == 0


def _direct_question(item: str, src: Sources | None) -> bool:
    """"when could the United States reach herd immunity": a question-word then an
    auxiliary is a question asked, not an item of a list ("why Senate Republicans couldn't
    repeal Obamacare" is one: the order of a statement)."""
    words = item.lower().split()
    return len(words) > 2 and words[0] in _WH and words[1] in AUXILIARIES


# The rules for an item that is a headline's clause in running text ("Trump returns to the
# White House"): the item rules a clause can break, and a headline's dropped article.
CLAUSE_RULES: tuple[tuple[str, ItemRule], ...] = (
    ("'the' before a name", the_before_a_name),
    ("a name without its 'the' (a headline's shorthand)", the_left_out),
    ("a common noun capitalised", capitalised_noun),
    ("a first name without its surname", bare_first_name),
    ("name lower-cased", lowered),
    ("name lower-cased (never written so)", _name_lowered),
    ("a singular noun with no article (a headline's shorthand)", _bare_noun),
    ("a headline's capital", unseen_capital),
    ("a name before a noun with no article", _name_then_noun),
    ("ends on a verb, its object cut off", verb_end),
    ("who, not what happened", lambda item, src: person_only(item, src) and not any(
        w.islower() for w in item.split()[:-1])),
    ("ends on a modifier, its noun cut off", lambda item, src: modifier_end(item, src) and (
        re.search(r"(?:[^s]s|ed)$", item) is None)),  # (a clause may end on its verb: "opens")
    ("a view stated as a fact, its source not named", lambda item, src: a_view(item, src) and (
        re.search(r"\b(?:claims?|argues|insists|suggests)\b", item) is None)),
    ("a name cut short", cut_inside),
    ("no subject before 'that' (a headline's shorthand)", _no_subject),
    ("a direct question", _direct_question),
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


def title_cased(headline: str, src: Sources | None) -> bool:
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
                (title_cased(h, src) and h.rstrip(".") in intro)
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
            if lowered_name(w, sources):
                out.append(Strike("intro", "name lower-cased", w))
    return out
