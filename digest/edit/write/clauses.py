"""English clauses without a model: the subject, main verb and what follows, for headlines.

`parse` finds a sentence's main clause: a leading time or place phrase ("Since 1 November,",
"A day after …,") is dropped, and so are appositives (", a city of 3 million,"), parentheses
and time phrases ("on Friday"); the main verb is the first finite verb outside a relative
clause — a past form, "will"/"has" + verb, or a present -s form before an object.
`noun_phrase` reads the noun phrase at the start of a word list (determiners dropped, cut
at a clause or a preposition). Word classes are small closed lists; nothing is downloaded.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from digest.edit.entities import EntityIndex
from digest.edit.headline.verbs import NOT_VERBS, PARTICIPLES, PAST_FORMS
from digest.edit.lexicon import STOPWORDS

OBJECT_WORDS = 5

_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*(?:-[^\W_]+)*%?|[^\W\d_]\w*(?:[’'\-./&][^\W_]+)*"
                    r"|[,;:()\[\]\"“”‘’—–]|'")
DETS = frozenset(["the", "a", "an", "its", "their", "his", "her", "this", "that", "these", "those", "our", "my", "your"])
QUANT = frozenset(["every", "each", "all", "both", "several", "some", "many", "most", "few"])
PREPOSITIONS = frozenset(["about", "above", "across", "after", "against", "along", "amid", "among", "around", "as", "at", "before", "behind", "below", "beneath", "beside", "between", "beyond", "by", "despite", "during", "except", "for", "from", "in", "inside", "into", "like", "near", "of", "off", "on", "onto", "out", "outside", "over", "past", "per", "since", "than", "through", "throughout", "to", "toward", "towards", "under", "unlike", "until", "up", "upon", "via", "with", "within", "without"])
CONJ = frozenset(["and", "or", "but", "nor", "yet", "so"])
_WH = frozenset(["how", "what", "why", "whether", "when", "if", "than"])
REL = frozenset(["that", "which", "who", "whom", "whose", "where"])
MODALS = frozenset(["will", "would", "can", "could", "may", "might", "must", "should", "shall"])
HAVE = frozenset(["has", "have", "had"])
BE = frozenset(["is", "are", "was", "were", "be", "been", "being", "am"])
ADVERBS = frozenset(["also", "now", "already", "first", "formally", "officially", "quietly", "jointly", "finally", "again", "still", "just", "recently", "reportedly", "then", "newly", "effectively", "publicly", "initially", "partly", "largely"])
PRONOUNS = frozenset(["it", "they", "he", "she", "we", "i", "you", "this", "that", "these", "those", "there", "its", "their", "one", "some", "many", "others", "both", "each", "who", "what"])
_WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
_MONTHS = frozenset(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"])
_TIME_NOUNS = frozenset(["week", "weekend", "month", "year", "morning", "afternoon", "evening", "night"])
# Discourse adverbs before a comma ("Meanwhile,", "Closer to home,") lead into the clause too.
_DISCOURSE = frozenset(["meanwhile", "however", "additionally", "furthermore", "moreover",
                        "elsewhere", "still", "also", "separately", "closer", "similarly",
                        "instead", "indeed", "overall", "earlier", "later", "today", "yesterday"])
_LEADING = frozenset(["since", "on", "in", "at", "after", "before", "during", "following", "despite", "amid", "as", "when", "while", "with", "by", "from", "under", "until", "over", "for", "last", "earlier", "later", "once", "if", "although", "though", "because", "unlike", "like", "among", "according", "within", "without"])
UNITS = frozenset(["billion", "million", "trillion", "thousand", "hundred", "yuan", "dollars", "dollar", "euros", "euro", "pounds", "yen", "rupees", "per", "cent", "percent"])
_ADJ_END = ("ing", "ed", "ly", "ive", "ous", "ful", "able", "ible", "al")
SMALL = frozenset(["a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to", "vs", "via", "with", "from"])


@dataclass(frozen=True)
class StoryContext:
    """What the parser needs to know about the story around a sentence."""

    text: str  # titles and bodies, for names, role nouns and compounds
    names: frozenset[str]  # words written capitalised mid-sentence somewhere in the story
    index: EntityIndex
    common: frozenset[str]  # the week's ubiquitous entities: they do not lead a headline


def words_of(sentence: str) -> list[str]:
    return _TOKEN.findall(sentence)


def proper_words(text: str) -> frozenset[str]:
    """Capitalised words that are not a sentence's first word: names, not sentence starts."""
    found = set()
    for m in re.finditer(r"(?<![.!?:\"“]\s)(?<!^)(?<!\n)\b([A-Z][\w’'\-]*)", text):
        found.add(m.group(1))
    return frozenset(found)


def is_name(tok: str, story: StoryContext, first: bool) -> bool:
    if not tok[:1].isupper():
        return False
    if not first or tok in story.names:
        return True
    return any(c.isupper() or c.isdigit() for c in tok[1:])


def _time_span(ws: Sequence[str], i: int) -> int:
    """Length of a time phrase starting at i ("on Friday", "late on Sunday", "this week")."""
    low = [w.lower() for w in ws[i:i + 4]]
    k = 0
    if low[:1] and low[0] in {"late", "early", "earlier", "later"}:
        k = 1
    if k < len(low) and low[k] in {"on", "in", "by", "from"}:
        k += 1
    if k < len(low) and low[k] in _WEEKDAYS:
        k += 1
        if k < len(low) and low[k] in _TIME_NOUNS:
            k += 1
        return k
    if k < len(low) and low[k] in {"this", "last", "next"} and k + 1 < len(low) \
            and low[k + 1] in _TIME_NOUNS | _WEEKDAYS:
        return k + 2
    if k < len(low) and low[k].isdigit() and k + 1 < len(low) and low[k + 1] in _MONTHS:
        return k + 2
    if k < len(low) and low[k] in _MONTHS and k + 1 < len(low) and low[k + 1].isdigit():
        return k + 2
    if k and low[k - 1] == "in" and k < len(low) and re.fullmatch(r"(19|20)\d\d", low[k]):
        return k + 1
    if k == 1 and low[0] in {"earlier", "later"} and len(low) > 2 and low[1:3] == ["this",
                                                                                    "week"]:
        return 3
    return 0


def drop_times(ws: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(ws):
        n = _time_span(ws, i)
        if n and (not ws[i][:1].isupper() or i == 0 or ws[i].lower() in _WEEKDAYS):
            i += n
            continue
        out.append(ws[i])
        i += 1
    return out


def _strip_lead(ws: list[str]) -> list[str] | None:
    """Drop leading adverbials ("Since 1 November,", "A day after …,"); None if no clause."""
    for _ in range(3):
        if not ws:
            return None
        low = ws[0].lower()
        lead = low in _LEADING | _DISCOURSE or (low in {"a", "an", "one"} and len(ws) > 2
                                   and ws[1].lower() in _TIME_NOUNS | {"day", "days"}
                                   and ws[2].lower() in {"after", "before", "later", "earlier"})
        if not lead or _time_span(ws, 0) == len(ws):
            return ws
        if _time_span(ws, 0) and ws[_time_span(ws, 0):][:1] != [","]:
            ws = ws[_time_span(ws, 0):]  # "On Friday the bureau …"
            continue
        comma = depth0(ws, ",")
        if comma is None:
            return None
        ws = ws[comma + 1:]
        if not ws or ws[0].lower() in REL | CONJ:
            return None
    return ws


def depth0(ws: Sequence[str], mark: str, start: int = 0) -> int | None:
    depth = 0
    quote = False
    for i in range(start, len(ws)):
        w = ws[i]
        if w in {"(", "["}:
            depth += 1
        elif w in {")", "]"}:
            depth = max(0, depth - 1)
        elif w in {'"', "“", "”"}:
            quote = not quote if w == '"' else w == "“"
        elif w == mark and depth == 0 and not quote:
            return i
    return None


_APPOSITIVE_START = DETS | QUANT | PRONOUNS | {"including", "one", "whose", "which", "who",
                                                  "named", "called", "based", "known", "now",
                                                  "itself", "according"}


def _drop_asides(ws: list[str]) -> list[str]:
    """Drop parentheses and appositives between commas (", an AI developer based in …,")."""
    out: list[str] = []
    depth = 0
    for w in ws:
        if w in {"(", "["}:
            depth += 1
        elif w in {")", "]"}:
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(w)
    ws, out = out, []
    i = 0
    while i < len(ws):
        if ws[i] == "," and i + 1 < len(ws):
            nxt = ws[i + 1].lower()
            end = depth0(ws, ",", i + 1)
            aside = (nxt in _APPOSITIVE_START or nxt.isdigit() or ws[i + 1][0].isdigit()
                     or (nxt.endswith("ed") and len(nxt) > 4))
            if aside and end is not None and end - i <= 25:
                i = end + 1
                continue
        out.append(ws[i])
        i += 1
    return out


@dataclass(frozen=True)
class Clause:
    subject: list[str]
    verb: str  # as written (its last word): "released", "spend", "answered"
    after: list[str]  # the words after the verb
    passive: bool
    modal: str = ""  # "must", "can" …: kept in the headline ("will" is not)


def _verb_at(ws: Sequence[str], i: int, story: StoryContext) -> tuple[int, str, bool, str] | None:
    """(index after the verb group, main verb, passive, modal) if a finite verb group starts
    at i."""
    low = ws[i].lower()
    if ws[i] != low:
        return None  # a capitalised word mid-sentence is a name, not a verb
    j = i + 1
    if low in MODALS or low in HAVE or low in BE:
        while j < len(ws) and ws[j].lower() in ADVERBS | {"not", "never", "both", "all"}:
            j += 1
        if ws[j:j + 2] == ["have", "to"] or (low in HAVE and ws[j:j + 1] == ["to"]):
            k = j + (2 if ws[j] == "have" else 1)  # "will have to pass", "has to pass"
            if k < len(ws) and re.fullmatch(r"[a-z]{3,}", ws[k]) and ws[k] not in DETS:
                return k + 1, ws[k], False, "have to"
            return None
        if j < len(ws) and ws[j].lower() in {"be", "been", "have"}:
            j += 1
        if j >= len(ws):
            return None
        nxt = ws[j].lower()
        if not re.fullmatch(r"[a-z][a-z\-]+", nxt) or nxt in DETS | PREPOSITIONS | QUANT:
            return None
        passive = ws[j - 1].lower() in BE | {"been", "be"} and participle(nxt)
        progressive = nxt.endswith("ing") and len(nxt) > 5 and ws[j - 1].lower() in BE
        if low in BE and not (passive or progressive):
            return None  # "is optimistic": no headline verb
        if low in HAVE and not passive and not participle(nxt):
            return None  # "has 300 members"
        modal = low if low in MODALS - {"will", "would", "shall"} else ""
        return j + 1, nxt, passive, modal
    if not re.fullmatch(r"[a-z][a-z]+", low) or low in NOT_VERBS:
        return None
    prev = ws[i - 1].lower() if i else ""
    if prev in DETS | PREPOSITIONS | QUANT or prev.isdigit():
        return None
    if low in PAST_FORMS or (low.endswith("ed") and len(low) > 3):
        return j, low, False, ""
    if low.endswith("s") and not low.endswith(("ss", "us", "is")) and len(low) > 3:
        nxt = ws[j] if j < len(ws) else ""
        starts_object = bool(nxt) and (nxt.lower() in (DETS | QUANT) - REL - {"this"}
                                       or nxt[0].isdigit()
                                       or nxt[0].isupper() or nxt in {'"', "“", "‘"}
                                       or (nxt.isalpha() and nxt.islower()
                                           and nxt not in PREPOSITIONS | CONJ | REL
                                           | BE | MODALS | HAVE | PAST_FORMS
                                           and not nxt.endswith("ed")))
        if starts_object and _is_noun_end(ws[i - 1], story):
            return j, low, False, ""
    return None


def participle(word: str) -> bool:
    return word in PARTICIPLES or (word.endswith("ed") and word not in NOT_VERBS)


def _is_noun_end(word: str, story: StoryContext) -> bool:
    low = word.lower()
    return bool(re.fullmatch(r"[\w’'\-.]+", word)) and low not in (
        DETS | PREPOSITIONS | CONJ | REL | QUANT | BE | MODALS | HAVE | {","})


def parse(sentence: str, story: StoryContext) -> Clause | None:
    """The main clause of a sentence: subject words, main verb and what follows it."""
    text = re.sub(r"^According to [^,]{1,80}, ", "", sentence.strip())
    text = re.sub(r"^[A-Z][A-Z .'\-]{2,30}\s+[—–-]\s+", "", text)  # "HANGZHOU — "
    ws0 = _strip_lead(words_of(text))
    if not ws0:
        return None
    return parse_words(_drop_asides(ws0), story)


def parse_words(ws: Sequence[str], story: StoryContext) -> Clause | None:
    """`parse` on words whose leading adverbials and asides are already gone."""
    rel = False
    i = 0
    while i < len(ws):
        w = ws[i]
        if w in {",", ";", ":"} and i:
            return None  # the clause ended before a verb
        if w.lower() in REL and i:
            rel = True
        elif i:
            found = _verb_at(ws, i, story)
            if not found and w.lower() in MODALS | HAVE | BE and not rel:
                return None  # "platforms have until February …": no headline verb here
            if found:
                end, verb, passive, modal = found
                if rel:  # the verb of "who received …": the main verb comes later
                    rel = False
                    i = end
                    while i < len(ws) and (_is_noun_end(ws[i], story) and
                                           _verb_at(ws, i, story) is None):
                        i += 1
                    subject = list(ws[:next(k for k, x in enumerate(ws) if x.lower() in REL)])
                    found2 = _verb_at(ws, i, story) if i < len(ws) else None
                    if not found2:
                        return None
                    end, verb, passive, modal = found2
                    return Clause(subject, verb, list(ws[end:]), passive, modal)
                return Clause(list(ws[:i]), verb, list(ws[end:]), passive, modal)
        i += 1
    return None


def noun_phrase(ws: Sequence[str], story: StoryContext, limit: int = OBJECT_WORDS,
                 allow_of: bool = True) -> tuple[list[str], int]:
    """A noun phrase at the start of ws (determiners dropped) and the index after it."""
    out: list[str] = []
    i = 0
    quote_open = False
    while i < len(ws) and len(out) < limit:
        w = ws[i]
        low = w.lower()
        if w in {'"', "“", "‘", "'"} and not quote_open:
            end = next((k for k in range(i + 1, min(len(ws), i + 7))
                        if ws[k] in {'"', "”", "’", "'"}), None)
            if end is None or end - i - 1 > 4 or end == i + 1:
                break
            inner = list(ws[i + 1:end])
            out.extend([f"‘{inner[0]}", *inner[1:-1], f"{inner[-1]}’"] if len(inner) > 1
                       else [f"‘{inner[0]}’"])
            i = end + 1
            continue
        if low in DETS and not out and not (i + 1 < len(ws) and ws[i + 1].lower() == "own"):
            i += 1  # "its own regulations" keeps "its"
            continue
        if low == "of" and allow_of and out and i + 1 < len(ws) and len(out) <= 2 \
                and ws[i + 1].lower() not in {"the", "a", "an"} | PREPOSITIONS:
            out.append("of")
            i += 1
            continue
        if low == "per" and i + 1 < len(ws) and ws[i + 1].lower() == "cent" and out:
            out += [w, ws[i + 1]]
            i += 2
            continue
        if w in {",", ";", ":", "(", ")", "—", "–", '"', "”", "’"} or low in (
                PREPOSITIONS | CONJ | REL | BE | MODALS | HAVE | DETS | _WH):
            break
        if out and not w[0].isupper() and (low.endswith("ing") or participle(low)) \
                and not w[0].isdigit() and "-" not in w:
            break  # "emails containing …", "a model built on …"
        if out and low in ADVERBS:
            break
        if out and w[0].isdigit() and not (out[-1][0].isdigit() or out[-1].lower() in QUANT):
            break  # "fined three apps 2 million yuan": a second object
        out.append(w)
        i += 1
    if len(out) >= limit and i < len(ws) and re.fullmatch(r"[\w’'\-.]+", ws[i]) \
            and "of" in out[1:]:
        i -= len(out) - out.index("of", 1)  # cut off mid-phrase: keep what precedes "of"
        out = out[:out.index("of", 1)]
    while out and out[-1].lower() in SMALL | PREPOSITIONS:
        out.pop()
        i -= 1
    return out, i


def noun_like(word: str) -> bool:
    low = word.lower().strip("‘’")
    if not low or low in STOPWORDS - {"first"} or low in PREPOSITIONS:
        return False
    if word[:1].isupper() or word[:1] in "‘" or word[:1].isdigit():
        return True
    return not (low.endswith(_ADJ_END) and low not in {"signal", "proposal", "approval",
                                                       "hospital", "capital", "portal",
                                                       "deal", "ring", "thing", "building",
                                                       "meeting", "funding", "ruling",
                                                       "hearing", "briefing", "offering",
                                                       "listing", "ceiling", "feed", "need",
                                                       "executive", "initiative", "detective",
                                                       "archive", "native", "incentive",
                                                       "objective", "representative"})
