"""The copy editor's headline rules: what a desk editor would strike in a headline.

`headline_strikes` returns one `Strike` per violation (an empty list when the headline is
clean); `story.story_strikes` runs it with the paragraph's rules, and the headline writer
(`headline/titles.py`) asks it before it offers a candidate. `addressee` (who speaks to whom,
"X to Y:") is read by the intro writer too.

Headlines: no ending on a preposition, article, conjunction, auxiliary or a verb that needs
its object ("… Presses", "… Approves", "… Isn't"); not cut (a trailing "…", or a last word
the sources never write whole — Chinese too); no dateline ("LONDON (Reuters) —"), kicker
("WATCH:") or outlet suffix (" - Reuters", " | Site"); in the issue's language.

The word lists are closed classes of English (prepositions, articles, conjunctions,
auxiliaries) and a small list of verbs that take an object, written for this module.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from digest.edit.lexicon import (
    ARTICLES,
    AUXILIARIES,
    CJK_RE,
    CONJUNCTIONS,
    KICKERS,
    LABELS,
    PARTICLES,
    PREPOSITIONS,
    WIRE_PATTERN,
    cjk_outside_brackets,
    verb_forms,
)
from digest.edit.proof.strike import Strike
from digest.edit.write.summarize import is_cjk_language
from digest.sentences import iter_sentences

# Verbs that need their object, in the headline present ("Group Approves", "Biden Presses"):
# only forms that are rarely nouns ("Travel Ban", "Flynn Probe" and "Labor Pick" end well).
NEEDS_OBJECT = frozenset(["accuses", "adopts", "announces", "approves", "asks", "blasts",
                          "condemns", "considers", "criticises", "criticizes", "defends",
                          "detains", "hires", "includes", "introduces", "praises", "presses",
                          "proposes", "rejects", "requires", "reveals", "seeks", "sends",
                          "slams", "sues", "tells", "unveils", "urges"])
# After these a last word is a noun ("the Press", "Trump's Pick"), not a verb.
_NOUN_BEFORE = frozenset(["a", "an", "the", "his", "her", "its", "their", "our", "your", "my",
                          "this", "that", "these", "those", "new", "more", "most", "no", "any"])
# An auxiliary ends a comparison or a clause that has its subject ("Than It Actually Is").
_ELLIPSIS_CUE = re.compile(r"\b(?:than|as|what|where|how|who|it|they|he|she|we|you|i)\b"
                           r"(?:\s+\S+){0,2}\s+\S+$", re.IGNORECASE)

_KICKER = re.compile(rf"^\s*(?:{'|'.join(KICKERS)})\s*[:|]\s*", re.IGNORECASE)
_DATELINE = re.compile(rf"^\s*[A-Z][A-Z .,'/-]{{2,40}}\s*(?:\((?:{WIRE_PATTERN})\))?"
                       rf"\s*[—–-]{{1,2}}\s|\((?:{WIRE_PATTERN})\)\s*[—–-]")
_SUFFIX = re.compile(rf"\s(?:\|\s\S.{{0,60}}|[-—–]\s(?:{WIRE_PATTERN}))\s*$")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’.-][A-Za-z0-9]+)*")
# The newsletter's own label over a desk's verdict or a writer's view ("Fact check: …",
# "Analysis: …"; lexicon.LABELS, printed by headline/labels.py): its words are ours, in no
# source by design ("The Memo:" prints "Analysis:").
_OUR_LABEL = re.compile("^(?:" + "|".join(sorted({re.escape(p) for _, _, p in LABELS}))
                        + r")(?::| —)\s")


def _last_words(headline: str) -> tuple[str, str]:
    """The last two words, lower-cased ("" when missing)."""
    words = [w.lower().replace("’", "'").rstrip(".")
             for w in re.findall(r"[A-Za-z0-9][A-Za-z0-9'’.-]*", headline)]
    return (words[-2] if len(words) > 1 else "", words[-1] if words else "")


def headline_strikes(headline: str, sources: Sequence[str] = (), *,
                     language: str = "en") -> list[Strike]:
    """What a copy editor would strike in `headline`; `sources` (the story's titles and texts)
    let it tell a cut word from a whole one."""
    out: list[Strike] = []
    text = headline.strip()

    def strike(rule: str) -> None:
        out.append(Strike("headline", rule, text))

    if not text:
        strike("empty")
        return out
    cjk_issue = is_cjk_language(language)
    before, last = _last_words(text)
    if not CJK_RE.search(text[-1:]) and not text.endswith(("?", "!", "”", '"', "’", "'", ")")):
        if (last in PREPOSITIONS and last not in PARTICLES) or last in ARTICLES \
                or last in CONJUNCTIONS:
            strike(f"ends on a function word ({last})")
        elif last in AUXILIARIES and not _ELLIPSIS_CUE.search(text):
            strike(f"ends on an auxiliary ({last})")
        elif last in NEEDS_OBJECT and before not in _NOUN_BEFORE and not before.endswith("'s"):
            strike(f"ends on a verb without its object ({last})")
    if text.endswith(("…", "...")):
        strike("cut (ends on an ellipsis)")
    elif sources and _cut_word(text, sources):
        strike("cut mid-word")
    if sources:
        strange = _unsourced_words(text, sources)
        if strange:
            strike(f"word in no source ({strange[0]})")
    if _DATELINE.search(text):
        strike("dateline")
    if _KICKER.match(text) or _SUFFIX.search(text):
        strike("kicker or outlet suffix")
    if not cjk_issue and cjk_outside_brackets(text):
        strike("Chinese outside brackets in a Latin-script issue")
    if not cjk_issue and sources and any(f"{text}:" in s for s in sources) \
            and addressee(text, _read(tuple(sources)).words):
        strike("who speaks to whom, not what happened (X to Y:)")
    parts = list(iter_sentences(text))
    if not cjk_issue and _ends_on_fragment(parts):
        strike("ends on a fragment after its sentence")
    if len(parts) > 2:
        strike("three sentences or more: a dek, not a headline")
    return out


# "Some Pittsburgh Jewish leaders to Trump", "Barack Obama to 2020 Graduates": the clause
# before a title's colon that only says who speaks to whom (what they say follows the colon).
_QUANTIFIERS = frozenset(["a", "an", "the", "some", "many", "most", "all", "several", "top"])
_NOT_IN_A_NAME = frozenset(["whether", "that", "who", "says", "said", "is", "are", "was", "were",
                            "will", "would", "has", "have", "had"])
_ADDRESSEE = re.compile(r"\s[Tt]o\s+((?:[A-Z0-9][\w.'’&-]*\s+)*[A-Z0-9][\w.'’&-]*)$")


def addressee(clause: str, words: AbstractSet[str]) -> bool:
    """Whether `clause` is an address, "X to Y" with X and Y names or plural nouns (who speaks
    to whom), as a headline writes it before a colon ("WSJ Employees to Publisher: …", "Trump
    To Iran's President Rouhani: …"), never a clause ("Trump lied to Mueller", "McCain
    Returns to Senate": a verb the sources write in -ed or -ing) or a noun's complement
    ("Viewers' guide to Biden's Inauguration Day"); the word after "to" is no verb `words`
    (the sources' lower-case words) write in -ed or -ing ("Trump To Visit Texas: …" is a
    clause: they write "visited" or "visiting")."""
    m = _ADDRESSEE.search(clause)
    if m is None:
        return False
    speaker = clause[:m.start()].split()
    if not 0 < len(speaker) <= 5:
        return False
    last = speaker[-1].lower().rstrip("'’")
    if not (speaker[-1][:1].isupper() or last.endswith("s")):
        return False  # a noun's complement ("guide to"), a verb ("lied to"): no one speaks
    for w in speaker:
        low = w.lower().rstrip("'’")
        if low in _QUANTIFIERS:
            continue
        if low in _NOT_IN_A_NAME or low.endswith("ed") or verb_forms(
                low if low.endswith("s") else low + "s") & words:
            return False  # a verb: "Brandt Returns to", "House probes whether Brandt lied to"
    return not verb_forms(m.group(1).split()[0].lower() + "s") & words


def _ends_on_fragment(parts: Sequence[str]) -> bool:
    """A title (its sentences, `parts`) cut after a sentence, at the colon that followed a word
    or two: "U.S. Navy Wants Navy Seal's Trident Pin Removed. Trump" (": No Way."), "Trump
    wants to reopen schools. Hint" (": It's not just about education.")."""
    return len(parts) > 1 and len(parts[-1].split()) <= 2 and parts[-1][-1:] not in ".!?”\"’'"


def _cut_word(headline: str, sources: Sequence[str]) -> bool:
    """The headline's end is a whole word in no source: Latin, its last word is nowhere
    whole; Chinese, every place the sources write its last characters runs on into more
    characters (and no source ends a title or clause there)."""
    tail = headline.rstrip(" .!?。！？”’\"')")
    if not tail:
        return False
    if CJK_RE.search(tail[-1]):
        end = tail[-4:]
        found = False
        for s in sources:
            for m in re.finditer(re.escape(end), s):
                found = True
                if m.end() >= len(s) or not CJK_RE.match(s[m.end()]):
                    return False
        return found
    word = re.findall(r"\w[\w'’-]*$", tail)
    if not word:
        return False
    if _whole_in(word[0], _read(tuple(sources)).joined):
        return False  # found as written: the case-blind search below would find it too
    pattern = re.compile(rf"(?<![\w-]){re.escape(word[0])}(?![\w-])", re.IGNORECASE)
    return not any(pattern.search(s) for s in sources)


def _unsourced_words(headline: str, sources: Sequence[str]) -> list[str]:
    """Latin words of three letters or more that no source writes ("Scheduls", "Pils")."""
    have = _read(tuple(sources)).words
    words = [w for w in _WORD.findall(_OUR_LABEL.sub("", headline))
             if sum(c.isalpha() for c in w) >= 3]
    return [w for w in words if w.lower() not in have]


@dataclass(frozen=True)
class _Sources:
    joined: str  # the sources, one a line
    words: frozenset[str]  # their Latin words, lower-cased


@functools.lru_cache(maxsize=8)
def _read(sources: tuple[str, ...]) -> _Sources:
    """A story's sources read once for all its candidate headlines (each is checked against
    the same titles and texts)."""
    joined = "\n".join(sources)
    return _Sources(joined, frozenset(_WORD.findall(joined.lower())))


def _whole_in(word: str, text: str) -> bool:
    r"""Whether `word` occurs in `text` with no word character or hyphen either side (the
    regular expression (?<![\w-])word(?![\w-]): \w is str.isalnum() or "_")."""
    def joins(ch: str) -> bool:
        return ch.isalnum() or ch in "_-"

    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if (start == 0 or not joins(text[start - 1])) and (end == len(text)
                                                            or not joins(text[end])):
            return True
        start = text.find(word, start + 1)
    return False
