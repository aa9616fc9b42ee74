"""The copy editor for the TL;DR and the intro (`proof_explainer.front_strikes` calls these).

TL;DR: at most three sentences; none that leans on a sentence not printed ("He …", "Second,
…", "The move …", "… would also …") or chains leads ("And …", "Meanwhile, …"); none that
leans on a person it never names ("The congresswoman's suggestion …", "… says the president
is …"; `unresolved_role`) or names one by a first name alone ("House Speaker Nancy on
Wednesday …", when the sources write "Nancy Pelosi"); one through-line (with two or more
sentences, each shares a name or two content words with another, a name that only qualifies
someone's title not counting: "White House counsel Pat Cipollone" and "White House adviser
Stephen Miller" share no story); no fact twice; in the issue's language; no operator line.

Intro: no operator line; no headline quoted whole; a sentence, not a list (at most
`INTRO_WORDS` words); no item of its list ending on a function word or an adverb; no name
lower-cased; and each item of its list a noun phrase a copy editor would print (`ITEM_RULES`,
each naming the fault): no clause (`write/phrase.clause_in`: "the Biden orders government"),
something a reader can place (a name or a figure: "the oil tanker", "daughters" say nothing),
no "the" before a name the sources never give one ("the Aziz Ansari"), no common noun
capitalised as a headline does ("Stocks", "Health experts"), no first name without its
surname ("the top Pentagon official John").

The rules are closed-class English and the week's own sources, written for this module
(nothing learned from the benchmarks).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

from digest.edit.entities import ORG_WORDS, is_title, mentions
from digest.edit.facts import restates
from digest.edit.lexicon import (
    CJK_RE,
    STOPWORDS,
    content_words,
    dangles,
    is_adverb,
    mostly_cjk,
)
from digest.edit.proof import (
    ARTICLES,
    AUXILIARIES,
    CONJUNCTIONS,
    PREPOSITIONS,
    Strike,
    _cjk_outside_brackets,
    _lowered_name,
    opens_on_reference,
)
from digest.edit.settings import ROLES as SETTINGS_ROLES
from digest.edit.write.phrase import clause_in

TLDR_SENTENCES = 3
INTRO_WORDS = 70  # the seed's intro runs 50 words: longer is a list, not a sentence

# What the reader sees that is the operator's: source health, selection counts.
OPERATOR = re.compile(
    r"\b(?:sources?\s+(?:fetched|failed|down|checked)|fetched fine|named in \d+ of \d+|"
    r"\d+\s+(?:mentions|articles)\b|\d+ of \d+ (?:sources|stories)|out of window|"
    r"off[- ]topic|duplicates?\b)", re.IGNORECASE)
# A TL;DR sentence that chains onto the one before it.
CHAINED = re.compile(r"^(?:And|Meanwhile|Elsewhere|Separately|In other news|Also|Plus)\b")
# A sentence that adds to one not printed: "… would also …", "The new legislation …".
# "The two men, who …", "The authors discussed …", "Less than a week earlier, …": people
# or a time only the sentence before named.
_ADDS_TO = re.compile(
    r"\balso\b(?!\s+known)|,\s+too\b|^The\s+(?:new|latest|same|proposed|planned|revised)\s+"
    r"[a-z]+\b(?!\s+(?:of|for|on|to|by|from|called)\b)|"
    r"^The\s+(?:two|three|four|five|six|\d+)\s+[a-z]+|"
    r"^The\s+(?:authors|men|women|people|officials|lawmakers|researchers|justices|protesters|"
    r"victims|suspects|officers|approval|legislation|ruling|verdict|vote)\b"
    r"(?!\s+(?:of|at|from|in|for|with|on|who)\b)|"
    r"^(?:(?:Less|More) than |About |Just |Only )?(?:a|an|one|two|three|\w+)\s+(?:days?|"
    r"weeks?|months?|hours?|years?)\s+(?:earlier|later|before)\b")
# "Washington (CNN) - The Supreme Court …": the source's dateline, not the issue's words.
_WIRE_TAG = re.compile(r"\((?:CNN|AP|Reuters|AFP|Xinhua|UPI)\)\s*[-—–]")
# Who a sentence may speak of without naming: "the congresswoman", "the former defense
# secretary", "the president" — a role, unless the sentence names a person it belongs to.
# (settings.ROLES, the Explainer's, and the titles a sentence may use for one: "the speaker")
ROLE_RX = "(?:" + "|".join(sorted((re.escape(r) for r in (
    *SETTINGS_ROLES, "vice president", "representative", "speaker", "spokesperson",
    "attorney general", "ceo", "pope", "first lady", "chief of staff")), key=len, reverse=True)) + ")"
_ROLE_REF = re.compile(
    r"\b[Tt]he\s+(?:(?:former|then|late|new|outgoing|incoming|acting|embattled|top|longtime|"
    r"veteran|\d+-year-old)\s+)*(?:[a-z]+\s+){0,2}?" + ROLE_RX +
    r"(?:['’]s)?(?![\w-])(?![ ,]+(?:[A-Z]|of\s+[A-Z]))")
# A name before a title that only qualifies it: "White House counsel Pat Cipollone".
_QUALIFIER = re.compile(
    r"\b(?:[A-Z][\w.'’-]*\s+){1,4}(?=(?:(?:senior|chief|top|deputy|press|former|acting)\s+)*"
    + ROLE_RX + r"\s+[A-Z])")
# An item of the intro's list that ends on a word no noun phrase ends on.
_BAD_END = (PREPOSITIONS | ARTICLES | CONJUNCTIONS | AUXILIARIES) - {"up", "out", "off", "down",
                                                                    "over", "in", "on"}
_ITEM_END = re.compile(r"\b([A-Za-z'’]+)(?=,\s|\s+and\s|\s+with\s|\.$)")
# The intro's list: "… we look at A, B, C and 16 more stories, with …".
_LIST = re.compile(r"\bwe look at (?P<items>.+?)(?:, with |\.$)")
_COUNTED = re.compile(r"^(?:\w+(?: more)? stor(?:y|ies)|\w+ shorter items?)$")


# A name used on its own is followed by punctuation, a function word or a verb ("the Senate
# voted", "the White House said"), not by the noun it qualifies ("the Aziz Ansari story") or
# by more of a longer name.
_AFTER = re.compile(r"\s+([A-Za-z][\w’'-]*)")


@dataclass(frozen=True)
class Sources:
    """The week's articles as the copy editor checks a name against them."""

    texts: tuple[str, ...]

    @cached_property
    def text(self) -> str:
        return "\n".join(self.texts)

    @cached_property
    def words(self) -> frozenset[str]:
        return frozenset(re.findall(r"[a-z]+", self.text.lower()))

    def count(self, pattern: str) -> int:
        return len(re.findall(pattern, self.text))

    def mid(self, word: str) -> int:
        """How often `word` is written as given inside a sentence (after a lower-case word)."""
        return self.count(rf"\b[a-z][\w,]*[^\S\n]+{re.escape(word)}(?![\w-])")

    def rest_of(self, name: str) -> str | None:
        """The word the sources write after `name` (a first name, a name's first word: "Nancy"
        → "Pelosi", "Carthen" → "Data") when they do so at least twice and in two of three
        of its uses, else None."""
        esc = re.escape(name)
        after = re.findall(rf"(?<![\w-]){esc}\s+([A-Z][\w’'-]*)", self.text)
        pair = max(set(after), key=after.count, default="")
        n = after.count(pair)
        full = n >= 2 and 3 * n >= 2 * self.count(rf"(?<![\w-]){esc}(?![\w-])")
        return pair if full else None

    def first_of(self, surname: str) -> str | None:
        """The first name the sources write before `surname` ("Kudlow" → "Larry") at least
        twice and in two of three of its uses, titles aside; else None."""
        esc = re.escape(surname)
        before = [b for b in re.findall(rf"(?:^|[\s(])([A-Z][a-z]+\.?\s+|)(?=\b{esc}\b)",
                                        self.text) if not is_title(b.strip().rstrip("."))]
        names = [b.strip() for b in before if b]
        first = max(set(names), key=names.count, default="")
        n = names.count(first)
        return first if n >= 2 and 3 * n >= 2 * len(before) else None

    def first_name(self, name: str) -> bool:
        """Whether the sources write `name` with the same word after it (`rest_of`)."""
        return self.rest_of(name) is not None

    def alone(self, name: str, *, the: bool) -> int:
        """How often the sources use `name` on its own (`_AFTER`), after "the" or anywhere."""
        before = r"\b[Tt]he\s+" if the else r"(?<![\w-])"
        n = 0
        for m in re.finditer(rf"{before}{re.escape(name)}(?![\w-])", self.text):
            nxt = _AFTER.match(self.text, m.end())
            word = nxt.group(1) if nxt else ""
            n += not word or (word.islower() and (
                word in STOPWORDS or word in AUXILIARIES or word.endswith(("ed", "s"))))
        return n

    def takes_the(self, name: str) -> bool:
        """Whether the sources write "the" before `name` on its own."""
        return self.alone(name, the=True) > 0

    def speaks(self, name: str) -> bool:
        """Whether the sources have `name` say something (a person, not a place)."""
        return self.count(rf"(?<![\w-]){re.escape(name)}\s+(?:said|says|told|added)\b") > 0


def names_person(sentence: str) -> bool:
    """Whether the sentence names a person: a title before a name ("President Trump") or a
    name of two words or more that is no organisation or place ("Jim Mattis")."""
    words = sentence.split()
    if any(is_title(a.rstrip(".,")) and b[:1].isupper()
           for a, b in itertools.pairwise(words)):
        return True
    return any(len(m.split()) >= 2 and not {w.lower() for w in m.split()} & ORG_WORDS
               and m.split()[-1].lower() not in ("house", "street", "county", "states")
               for m in mentions(sentence))


def unresolved_role(sentence: str) -> bool:
    """"The congresswoman's suggestion …", "the former defense secretary backs …": a person
    the sentence speaks of by role only, naming no one it could be."""
    return _ROLE_REF.search(sentence) is not None and not names_person(sentence)


def _bare_first_name(sentence: str, src: Sources | None) -> bool:
    """"House Speaker Nancy on Wednesday …", "the top Pentagon official John": a name after a
    title or a role, written without the surname the sources give it."""
    if src is None:
        return False
    for m in re.finditer(r"(?<![\w.-])([A-Z][a-z]{2,})\b(?![\w’'-]|\s+[A-Z(])", sentence):
        before = sentence[:m.start()].split()[-1:]
        if (before and (is_title(before[0].rstrip(".")) or re.fullmatch(ROLE_RX, before[0]))
                and src.first_name(m.group(1))):
            return True
    return False


def _bare_surname(sentence: str, src: Sources | None) -> bool:
    """"Kudlow was asked …", "Taylor learned …": a surname the sources write after the same
    first name (not a title) in two of three of its uses, alone in a sentence that never
    gives the full name."""
    if src is None:
        return False
    for m in re.finditer(r"(?<![\w.’'-])([A-Z][a-z]{2,})\b(?![\w-])", sentence):
        name = m.group(1)
        before = sentence[:m.start()].split()[-1:]
        if before and before[0][:1].isupper():
            continue  # "Larry Kudlow", "President Trump"
        first = src.first_of(name)
        if first and f"{first} {name}" not in sentence:
            return True
    return False


SentenceRule = Callable[[str, "Sources | None"], bool]
# Each rule names what a copy editor would call the fault in one TL;DR sentence.
TLDR_RULES: tuple[tuple[str, SentenceRule], ...] = (
    ("chained leads", lambda s, _: CHAINED.match(s) is not None),
    ("leans on a sentence not printed", lambda s, _: bool(
        dangles(s) or opens_on_reference(s) or _ADDS_TO.search(s))),
    ("a person by role only (who?)", lambda s, _: unresolved_role(s)),
    ("a first name without its surname", _bare_first_name),
    ("a surname without its first name", _bare_surname),
    ("a dateline or a wire's tag left in", lambda s, _: _WIRE_TAG.search(s) is not None),
    ("operator line", lambda s, _: OPERATOR.search(s) is not None),
)


def sentence_faults(sentence: str, sources: Sources | None = None) -> list[str]:
    """The faults of `TLDR_RULES` one TL;DR sentence has (the TL;DR writer prints none)."""
    return [why for why, rule in TLDR_RULES if rule(sentence, sources)]


def _language_strike(where: str, text: str, cjk_issue: bool) -> Strike | None:
    if cjk_issue and not mostly_cjk(text):
        return Strike(where, "not in the issue's language", text)
    if not cjk_issue and _cjk_outside_brackets(text):
        return Strike(where, "Chinese outside brackets in a Latin-script issue", text)
    return None


def tldr_strikes(sentences: Sequence[str], *, language: str = "en",
                 sources: Sequence[str] = ()) -> list[Strike]:
    """What a copy editor would strike in a TL;DR (`sources`: the week's articles' texts, to
    tell a first name written without its surname)."""
    out: list[Strike] = []
    cjk_issue = language[:2].lower() in ("zh", "ja", "ko")
    src = Sources(tuple(sources)) if sources else None
    if len(sentences) > TLDR_SENTENCES:
        out.append(Strike("tldr", f"more than {TLDR_SENTENCES} sentences", " ".join(sentences)))
    for k, s in enumerate(sentences):
        out += [Strike("tldr", why, s) for why in sentence_faults(s, src)]
        why = restates(s, sentences[:k])
        if why:
            out.append(Strike("tldr", f"fact stated twice ({why})", s))
        lang = _language_strike("tldr", s, cjk_issue)
        if lang:
            out.append(lang)
    if len(sentences) > 1 and not one_line(sentences):
        out.append(Strike("tldr", "no through-line (the sentences share no name or subject)",
                          " ".join(sentences)))
    return out


def _heads(sentence: str) -> set[str]:
    """The names a sentence is about, by their last word ("Trump" for "Donald Trump"), a name
    that only qualifies a title left out ("White House" in "White House counsel Pat …")."""
    if CJK_RE.search(sentence):
        return set(re.findall(r"[\u3400-\u9fff]{2,}", sentence))
    # (a possessive ends a name: "AOMA's OpenBench-Asia" is about AOMA and OpenBench-Asia)
    return {part.split()[-1] for m in mentions(_QUALIFIER.sub("", sentence))
            for part in re.split(r"['’]s\b", m) if part.strip()}


def one_line(sentences: Sequence[str]) -> bool:
    """Each sentence shares a name or two content words with another one (a name that only
    qualifies a title is no shared subject)."""
    names = [_heads(s) for s in sentences]
    words = [set(content_words(_QUALIFIER.sub("", s))) for s in sentences]
    return all(any(j != k and (names[k] & names[j] or len(words[k] & words[j]) >= 2)
                   for j in range(len(sentences))) for k in range(len(sentences)))


def intro_items(intro: str) -> list[str]:
    """The subjects the intro lists ("we look at A, B, C and 16 more stories"), the counted
    rest left out."""
    m = _LIST.search(intro)
    if m is None:
        return []
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
        if src.count(rf"\b{a} {cap}\b") > max(1, src.count(rf"\b{a} {b}\b")):
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
    total = src.count(rf"(?<![\w-]){re.escape(last)}(?![\w-])")
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


def item_faults(item: str, sources: Sources | None = None) -> list[str]:
    """The faults an intro item has: a clause (`clause_in`), then `ITEM_RULES`."""
    clause = clause_in(item, sources.words if sources else frozenset())
    out = [f"a clause, not a noun phrase ({clause})"] if clause else []
    return out + [why for why, rule in ITEM_RULES if rule(item, sources)]


def intro_strikes(intro: str, headlines: Sequence[str], *,
                  sources: Sequence[str] = ()) -> list[Strike]:
    """What a copy editor would strike in the intro (`headlines`: the issue's; `sources`: its
    articles' texts, to tell a lower-cased name, a capitalised noun, a misplaced "the")."""
    out: list[Strike] = []
    if OPERATOR.search(intro):
        out.append(Strike("intro", "operator line", intro))
    low = intro.lower()
    for h in headlines:
        if len(h.split()) >= 4 and h.lower().rstrip(".") in low:
            out.append(Strike("intro", "quotes a headline", h))
    n = len(intro.split()) if not CJK_RE.search(intro) else len(intro) // 2
    if n > INTRO_WORDS:
        out.append(Strike("intro", f"a list, not a sentence ({n} words)", intro))
    for m in _ITEM_END.finditer(intro):
        word = m.group(1).lower()
        if word in _BAD_END or is_adverb(m.group(1)):
            out.append(Strike("intro", f"an item ending on a function word or adverb ({m.group(1)})",
                              intro[max(0, m.start() - 40):m.end()]))
    src = Sources(tuple(sources)) if sources else None
    items = intro_items(intro)
    for item in items:
        out += [Strike("intro", why, item) for why in item_faults(item, src)]
    if src:  # (outside the list: the Explainer's definition)
        rest = intro
        for item in items:
            rest = rest.replace(item, "")
        for w in re.findall(r"(?<=\s)[a-z][a-z'’-]+(?=\s[A-Z])", rest):
            if _lowered_name(w, sources):
                out.append(Strike("intro", "name lower-cased", w))
    return out
