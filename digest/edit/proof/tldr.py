"""The copy editor for the TL;DR (`proof/explainer.front_strikes` calls `tldr_strikes`).

TL;DR: at most three sentences; none that leans on a sentence not printed ("He …", "Second,
…", "The move …", "… would also …") or chains leads ("And …", "Meanwhile, …"); none that
leans on a person it never names ("The congresswoman's suggestion …", "… says the president
is …"; `unresolved_role`) or names one by a first name alone ("House Speaker Nancy on
Wednesday …", when the sources write "Nancy Pelosi"); one through-line (with two or more
sentences, each shares a name or two content words with another, a name that only qualifies
someone's title not counting: "White House counsel Pat Cipollone" and "White House adviser
Stephen Miller" share no story); no fact twice; in the issue's language; no operator line.


The intro's rules are proof/intro.py's and proof/item.py's; the week's `Sources`, proof/sources.py's.

The rules are closed-class English and the week's own sources, written for this module
(nothing learned from the benchmarks).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence

from digest.edit.lexicon import (
    CJK_RE,
    QUOTED,
    TO_THE_READER,
    cjk_outside_brackets,
    content_words,
    dangles,
    mostly_cjk,
)
from digest.edit.proof.sources import Sources
from digest.edit.proof.strike import Strike
from digest.edit.read.entities import ORG_WORDS, is_title, mentions
from digest.edit.read.facts import restates
from digest.edit.read.leaning import opens_on_reference
from digest.edit.settings import ROLES as SETTINGS_ROLES
from digest.edit.write.attribution import ATTRIBUTION
from digest.edit.write.summarize import is_cjk_language

TLDR_SENTENCES = 3

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
_WIRE_TAG = re.compile(r"\((?:CNN|AP|Reuters|AFP|Xinhua|UPI)\)\s*(?:[-—–]|(?=[A-Z]))")
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


def bare_first_name(sentence: str, src: Sources | None) -> bool:
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
# A sentence that says what something is "about" or "really" is, in the present and with no
# source named: the writer's view ("… push to reopen America's schools is about more than
# children's education."), which the TL;DR, speaking for the issue, never states as a fact.
VIEW = re.compile(r"\b(?:is|are|isn['’]t|aren['’]t)\s+(?:not\s+)?(?:really\s+|simply\s+|"
                  r"actually\s+|merely\s+|just\s+)?(?:about(?!\s+(?:to\b|\d|\$|a\s+(?:year|"
                  r"month|week|day|dozen|third|quarter|half)\b))|all about|nothing (?:but|more "
                  r"than|less than)|really|simply|merely|actually|(?:right|wrong)(?!-))\b")


def a_view(sentence: str, src: Sources | None) -> bool:
    """A writer's view stated as a fact, its source not named (`VIEW`)."""
    return VIEW.search(sentence) is not None and ATTRIBUTION.search(sentence) is None


# The writer speaking to their reader ("If you love a constitutionally constrained federal
# government, … will warm your heart."), outside a quotation: an opinion piece's voice.
_TO_THE_READER = re.compile(rf"\b(?:{TO_THE_READER})\b", re.IGNORECASE)


def _to_the_reader(sentence: str, src: Sources | None) -> bool:
    return _TO_THE_READER.search(QUOTED.sub(" ", sentence)) is not None


# The writer framing or judging what they report, outside a quotation and with no source
# named ("Given his history, … Bloomberg was always going to have to …", "… is persisting in
# his deceptive argument that …", "If …, … will …"): an analysis piece's voice, not a fact
# the TL;DR states.
# Closed-class English, written for this rule: openers that frame, hindsight that judges,
# and words that call a claim or an act dishonest or foolish.
FRAMING = re.compile(
    r"^(?:Given|Considering|Unsurprisingly|Predictably|Inevitably|Tellingly|Ironically|"
    r"Needless to say|Of course|To be sure|Make no mistake|In other words)\b|"
    r"\b(?:(?:was|were|is|are) (?:always|never) going to|(?:it['’]s|it is|was) no (?:surprise|"
    r"wonder)|no wonder|of course)\b|"
    # a forecast on a condition ("If Roger Stone is sent to prison, Trump will pardon him")
    r"^If\b[^,]{3,80},.*\bwill\b", re.IGNORECASE)
JUDGING = frozenset(["deceptive", "dishonest", "disingenuous", "fallacious", "misleading",
                     "mendacious", "absurd", "ridiculous", "laughable", "shameful",
                     "shameless", "disgraceful", "outrageous", "pathetic", "cynical",
                     "hypocritical", "bogus", "specious", "preposterous", "reckless",
                     "baseless", "unhinged", "farcical", "spurious"])


def _unsourced(sentence: str) -> str | None:
    """The sentence outside its quotations when it names no source, else None: what the
    writer's own voice (`_frames`, `_teases`) is looked for in."""
    return None if ATTRIBUTION.search(sentence) else QUOTED.sub(" ", sentence)


def _frames(sentence: str, src: Sources | None) -> bool:
    """The writer framing or judging (`FRAMING`, `JUDGING`), outside a quotation, with no
    source named."""
    text = _unsourced(sentence)
    return text is not None and (FRAMING.search(text) is not None or any(
        w in JUDGING for w in re.findall(r"[a-z]+", text.lower())))


# A hook that withholds what happened ("Andrew Gillum was caught in a room with more than just
# drugs.", "Here's why it matters."): a headline writer's tease, not a fact the TL;DR states.
# Closed-class English, written for this rule.
TEASING = re.compile(
    r"\bmore than just\b|\bhere['’]s (?:why|what|how|who|where|when)\b|"
    r"\bwhat happened next\b|\bthere['’]s a (?:catch|twist)\b|\bnot what (?:it|they) seem",
    re.IGNORECASE)


def _teases(sentence: str, src: Sources | None) -> bool:
    """A tease (`TEASING`), outside a quotation, with no source named."""
    text = _unsourced(sentence)
    return text is not None and TEASING.search(text) is not None


TLDR_RULES: tuple[tuple[str, SentenceRule], ...] = (
    ("chained leads", lambda s, _: CHAINED.match(s) is not None),
    ("leans on a sentence not printed", lambda s, _: bool(
        dangles(s) or opens_on_reference(s) or _ADDS_TO.search(s))),
    ("a person by role only (who?)", lambda s, _: unresolved_role(s)),
    ("a first name without its surname", bare_first_name),
    ("a surname without its first name", _bare_surname),
    ("a dateline or a wire's tag left in", lambda s, _: _WIRE_TAG.search(s) is not None),
    ("operator line", lambda s, _: OPERATOR.search(s) is not None),
    ("a view stated as a fact, its source not named", a_view),
    ("speaks to the reader (a writer's voice)", _to_the_reader),
    ("frames or judges, its source not named (a writer's voice)", _frames),
    ("teases instead of telling (a headline writer's hook)", _teases),
)


def sentence_faults(sentence: str, sources: Sources | None = None) -> list[str]:
    """The faults of `TLDR_RULES` one TL;DR sentence has (the TL;DR writer prints none)."""
    return [why for why, rule in TLDR_RULES if rule(sentence, sources)]


def language_strike(where: str, text: str, cjk_issue: bool) -> Strike | None:
    if cjk_issue and not mostly_cjk(text):
        return Strike(where, "not in the issue's language", text)
    if not cjk_issue and cjk_outside_brackets(text):
        return Strike(where, "Chinese outside brackets in a Latin-script issue", text)
    return None


def tldr_strikes(sentences: Sequence[str], *, language: str = "en",
                 sources: Sequence[str] = ()) -> list[Strike]:
    """What a copy editor would strike in a TL;DR (`sources`: the week's articles' texts, to
    tell a first name written without its surname)."""
    out: list[Strike] = []
    cjk_issue = is_cjk_language(language)
    src = Sources(tuple(sources)) if sources else None
    if len(sentences) > TLDR_SENTENCES:
        out.append(Strike("tldr", f"more than {TLDR_SENTENCES} sentences", " ".join(sentences)))
    for k, s in enumerate(sentences):
        out += [Strike("tldr", why, s) for why in sentence_faults(s, src)]
        why = restates(s, sentences[:k])
        if why:
            out.append(Strike("tldr", f"fact stated twice ({why})", s))
        lang = language_strike("tldr", s, cjk_issue)
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
