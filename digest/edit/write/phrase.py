"""Whether a headline's words read as a noun phrase: the intro's subjects (write/intro.py).

Offline, without a tagger, a headline's fragment ("Netanyahu indicted on corruption",
"Trump calls Biden's plan a 'surrender'", "the woman after Taser struggle") is told from a noun
phrase ("the Hangzhou Statement on open and safe AI", "China's AI labelling rules") by the
rules of `_NOT_A_PHRASE`, each naming what a copy editor would call the fragment. A subject
any rule holds for is counted in the intro ("and 16 more stories"), never printed.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from collections.abc import Set as AbstractSet

from digest.edit.lexicon import (
    ARTICLES,
    AUXILIARIES,
    CONJUNCTIONS,
    PREPOSITIONS,
    is_adverb,
    verb_forms,
)

PUNCT = "\"'“”‘’()"
# Words no "a" or "the" goes before.
NO_ARTICLE = frozenset(["many", "some", "most", "all", "several", "few", "his", "her", "their",
                         "its", "our", "these", "those", "this", "that", "what", "why", "how",
                         "who", "when", "where", "which", "whose", "each", "every", "both",
                         "no", "more", "less", "much"])


DETERMINERS = frozenset(["a", "an", "the", "his", "her", "its", "their", "our", "my", "your"])
_SUBORDINATE = frozenset(["as", "while", "because", "when", "if", "whether", "although",
                          "though", "unless", "once"])
_ADVERBS = frozenset(["just", "now", "again", "also", "still", "already", "soon", "even",
                      "ever", "never", "yet", "not", "very", "quite", "really"])
_ING_NOUNS = frozenset(["meeting", "hearing", "building", "funding", "spending", "training",
                        "ruling", "shooting", "bombing", "warning", "briefing", "ceiling",
                        "wedding", "morning", "evening", "offering", "housing", "polling",
                        "voting", "lending", "killing", "beating", "stabbing", "uprising",
                        "landing", "crossing", "gathering", "opening", "listing", "rating",
                        "filing", "finding", "setting", "standing", "reading", "recording",
                        "painting", "clothing", "shipping", "marketing", "hacking", "betting",
                        "gambling", "hiring", "firing", "sentencing", "screening", "testing"])
# Past forms that are no -ed ("Amber Guyger found guilty", "… administration took …").
_IRREGULAR_PAST = frozenset(["found", "held", "hit", "shot", "seen", "taken", "took", "given",
                             "gave", "sent", "told", "left", "made", "won", "lost", "struck",
                             "sworn", "caught", "brought", "bought", "sold", "paid", "kept",
                             "met", "led", "built", "spent", "thrown", "shown", "known",
                             "hidden", "stolen", "chosen", "written", "driven", "beaten",
                             "broken", "spoken", "fallen", "drawn", "grown", "slain", "said",
                             "went", "gone", "came", "began", "begun", "ran", "saw", "fled"])
_PAST_ONLY = frozenset(["took", "gave", "went", "came", "began", "ran", "saw", "fled", "said",
                        "fell", "rose", "wrote", "withheld", "grew", "knew", "threw", "drew",
                        "flew", "spoke", "chose", "drove", "stood", "hid", "swore", "shook"])
# "here's", "what's", "don't", "can't", "he'll", "ID'd", "cannot": a clause's verb.
_CONTRACTION = re.compile(r"(?i)^(?:cannot|(?:here|there|what|that|it|he|she|who|where)['’]s|"
                          r"\w+['’](?:t|ll|d|re|ve|m))$")


def clause_in(text: str, used: AbstractSet[str] = frozenset()) -> str | None:
    """Why `text` reads as a clause or a fragment rather than a noun phrase (the first of
    `_NOT_A_PHRASE`'s rules that holds), or None. `used`: the words the articles use, lower
    case (a word in -s is a verb when they use its -ed or -ing form)."""
    raw = text.split()
    if raw[0][:1] in "'‘\"“" and any(w.endswith(("'", "’", '"', "”")) for w in raw[:-1]):
        return "opens on a quoted remark, then goes on"  # "‘nobody likes’ Bernie Sanders"
    words = [w.strip(PUNCT + ",") for w in raw]
    for why, rule in _NOT_A_PHRASE:
        if any(rule(words, i, used) for i in range(len(words))):
            return why
    return None


def _after(words: Sequence[str], i: int) -> str:
    return words[i + 1] if i + 1 < len(words) else ""


def _is_finite(words: Sequence[str], i: int, used: AbstractSet[str]) -> bool:
    """"… deal and pledges more detail", "Melania Trump tells Fox News": a present-tense verb
    the articles use as one (their -ed or -ing form), followed by its object. A noun in -s is
    followed by a preposition or nothing ("plans for Iran", "… asylum rules")."""
    w, nxt = words[i], _after(words, i)
    if (i > 0 and w.islower() and w.isalpha() and not w.endswith("s")
            and re.fullmatch(r"[A-Z][a-z]+s|police", words[i - 1])
            and {w + "ed", w + "d", w + "ing", w + w[-1:] + "ing"} & used):
        return True  # "the Democrats reject GOP plan", "police shoot …": a plural's verb
    if not (i > 0 and w.islower() and w.endswith("s") and not w.endswith(("ss", "'s", "’s"))):
        return False
    # A name, the verb, a bare singular noun or a name: "Biden orders government", "the
    # Supreme Court upholds Ohio's policy" (a headline's clause whatever forms the articles
    # use); a name, a verb the articles use, a preposition: "Barr spars with Nadler".
    if words[i - 1][:1].isupper() and (
            (nxt.isalpha() and nxt.islower() and not nxt.endswith("s")
             and nxt not in PREPOSITIONS | CONJUNCTIONS | ARTICLES)
            or nxt[:1].isupper() or (nxt in PREPOSITIONS and verb_forms(w) & used)):
        return True
    if nxt and not verb_forms(w) & used:
        return False
    if words[i - 1].endswith(("'s", "’s")):
        return False  # after a possessive it is a noun ("Trump's claims")
    # With no object it ends the phrase right after its subject ("Nancy Pelosi needs", "the
    # CBO sees"), unless a quantifier opened it ("some JFK files").
    return nxt.lower() not in PREPOSITIONS if nxt else (
        words[i - 1][:1].isupper() and words[0].lower() not in NO_ARTICLE)


def _is_participle(words: Sequence[str], i: int, used: AbstractSet[str]) -> bool:
    """"Netanyahu indicted on corruption", "citizens, including children, killed in Mexico",
    "Amber Guyger found guilty": a participle or past tense straight after a name or a noun,
    then a preposition or nothing (or anything, after a name, for an irregular one): a clause
    cut short. After an article, a possessive or an adverb, before its noun, it qualifies
    ("the proposed rule", "the newly elected governor")."""
    w, before, nxt = words[i], words[i - 1] if i else "", _after(words, i)
    if not (i > 0 and w.islower() and "-" not in w and before.lower() not in ARTICLES
            and not before.endswith(("'s", "’s")) and not re.fullmatch(r"[a-z]+ly", before)):
        return False
    if w in _PAST_ONLY:
        return True  # "… administration took nearly $10 million": never an adjective
    if w.endswith("ed") and before[:1].isupper() and i > 1:
        return True  # "Democratic Party hacked registration": a name's verb
    if w in _IRREGULAR_PAST:
        return before[:1].isupper() or not nxt or nxt.lower() in PREPOSITIONS
    # (or before the object's determiner: "Deutsche Bank staff flagged his transactions")
    return w.endswith("ed") and (not nxt or nxt.lower() in PREPOSITIONS | DETERMINERS)


def _headline_ese(words: Sequence[str], i: int, used: AbstractSet[str]) -> bool:
    """"after Taser struggle", "in Senate vote", "before NH primary": a preposition, a name,
    then a singular common noun with no article: a headline's shorthand, not a phrase."""
    if words[i] not in PREPOSITIONS or (i and words[i - 1][:1].isupper()
                                        and words[i] in ("of", "for")):
        return False  # "March for Life rally": a name's own preposition
    rest = list(itertools.takewhile(lambda w: w[:1].isupper(), words[i + 1:]))
    if rest and rest[-1].endswith(("'s", "’s")):
        return False  # "on Hunter Biden's business ties": the possessive is the article
    nxt = words[i + 1 + len(rest)] if rest and i + 1 + len(rest) < len(words) else ""
    return bool(nxt) and nxt.islower() and not nxt.endswith(("s", "ing")) and nxt.isalpha()


def _is_gerund_clause(words: Sequence[str], i: int, used: AbstractSet[str]) -> bool:
    """"US passing 200 million …", "more increases coming despite …", "arresting Adam
    Schiff": a verb in -ing with its subject or object, where a noun phrase has a noun. After
    an article, a possessive or "of" it qualifies or names ("a staggering number", "the
    growing threat"); some -ing words are nouns ("shooting", "hearing")."""
    w, before, nxt = words[i], words[i - 1] if i else "", _after(words, i)
    if not (w.islower() and len(w) >= 6 and w.endswith("ing") and w not in _ING_NOUNS and nxt):
        return False
    # Its object or a clause follows (a name, a figure, an article, a preposition), not the
    # noun it qualifies ("AI labelling rules").
    if not (nxt[:1].isupper() or nxt[:1].isdigit() or nxt.lower() in ARTICLES | PREPOSITIONS
            or nxt.lower() in NO_ARTICLE):
        return False
    return i == 0 or (before.lower() not in ARTICLES | {"of", "and", "or"}
            and not before.endswith(("'s", "’s")) and not re.fullmatch(r"[a-z]+ly", before))


# A noun phrase holds none of these; each rule says what a copy editor would call it.
_NOT_A_PHRASE: tuple[tuple[str, Callable[[Sequence[str], int, AbstractSet[str]], bool]], ...] = (
    ("an auxiliary or modal (a clause)",
     lambda ws, i, _: ws[i] in AUXILIARIES and ws[i] not in ("'s", "'re")),
    ("a contraction (a clause's verb)", lambda ws, i, _: _CONTRACTION.match(ws[i]) is not None),
    ("a verb's object cut from its verb ('accuses X of …')",
     lambda ws, i, _: i == 1 and ws[0][:1].isupper() and ws[i] == "of"
     and not _after(ws, i)[:1].isupper()),
    ("a sentence break inside",
     lambda ws, i, _: bool(re.fullmatch(r"[a-z]{2,}[.?!:]", ws[i]) or ws[i].endswith(":"))),
    ("a to-infinitive (a plan, not a thing)",
     lambda ws, i, _: ws[i] == "to" and _after(ws, i)[:1].islower()),
    ("a clause after a conjunction",
     lambda ws, i, _: ws[i] in _SUBORDINATE and not (ws[i] == "as" and ws[i - 1] == "such")),
    ("an adverb", lambda ws, i, _: ws[i] in _ADVERBS or is_adverb(ws[i])),
    ("a finite verb with its object", _is_finite),
    ("a participle after its noun (a clause cut short)", _is_participle),
    ("an -ing clause after its noun or opening the phrase", _is_gerund_clause),
    ("a headline's shorthand (no article)", _headline_ese),
    ("an article after a noun or verb (a clause: 'calls X a Y')",
     lambda ws, i, _: i > 0 and ws[i] in ARTICLES
     and ws[i - 1].lower() not in PREPOSITIONS | CONJUNCTIONS),
    ("ends on a possessive", lambda ws, i, _: i == len(ws) - 1 and ws[i].endswith(("'s", "’s"))),
    ("ends on a nationality, not a noun",
     lambda ws, i, _: i == len(ws) - 1 and i > 0 and ws[i - 1].lower() == "of"
     and ws[i][:1].isupper() and ws[i].endswith(("ian", "ese", "ish"))),
)


