"""Grounding: is a printed sentence supported by the source sentences it cites?

Two checks, both cheap and explainable:

* content words: at least `MIN_OVERLAP` of the sentence's content words (stemmed; Chinese
  character bigrams) occur in the cited sources;
* named entities and numbers: every capitalised name, acronym and number in the sentence
  occurs in the sources (a rewritten sentence may rephrase, it may not introduce a person,
  an organisation or a figure — the failure users report as "invented quotes");
* quotations: what a model's text puts between quotation marks is the sources' words as
  they wrote them (Gemma 3 270M's headline "Trump's 'teensy hands': Mika Brzezinski mocks
  him for his 'teensy' behavior" quoted "teensy hands" from `remarking upon his "teensy"
  hands`; "Biden's 'I'm not a black'" from "you ain't black").

Offline sentences pass by construction (they are source sentences); the check exists for
LLM output, and `trace` lets tests assert that offline text is extractive.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from digest.edit.headline.titles import QUOTATION
from digest.edit.lexicon import CJK_RE, cjk_bigrams, content_words
from digest.edit.settings import FOUNDED
from digest.edit.write.days import readings
from digest.text import undoubled

MIN_OVERLAP = 0.75
HEADLINE_OVERLAP = 0.5  # a headline is the editor's voice: looser wording, same names/numbers
_NAME_RE = re.compile(r"\b[A-Z][A-Za-z0-9&\-]*[A-Za-z0-9](?:\s+[A-Z][A-Za-z0-9&\-]*)*")
_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
_SENTENCE_START_OK = frozenset({"The", "A", "An", "In", "On", "It", "This", "That", "But", "And",
                                "Meanwhile", "Elsewhere", "According", "However", "Its", "They",
                                "He", "She", "We", "As", "At", "After", "While", "For", "With"})
# Connectives the offline writer may add around a source sentence.
CONNECTIVES = re.compile(r"^(According to [^,]{1,80}, |Meanwhile, |Elsewhere, |And |据[^，]{1,30}报道，|"
                         r"与此同时，|此外，|另外，)")
# … or after it, before its full stop ("…, according to Outlet A.").
TRAILING_ATTRIBUTION = re.compile(r", according to [^,]{1,80}(?=\.$)")


def _plain(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("‘", "'").lower().split())


def quotations(text: str) -> list[str]:
    """What `text` puts between quotation marks (`titles.QUOTATION`, the one home of the
    pattern: the apostrophe of "Trump's" opens none, that of "I'm" closes none)."""
    return [q[1:-1] for q in QUOTATION.findall(text) if len(q) > 3]


def unquoted(text: str) -> str:
    """`text` without what it puts between quotation marks."""
    return QUOTATION.sub(" … ", text)


@dataclass(frozen=True)
class Check:
    ok: bool
    why: str


def _words(text: str) -> set[str]:
    words = {w for w in content_words(text) if not CJK_RE.fullmatch(w)}
    return words | set(cjk_bigrams(text))


def _names(text: str) -> set[str]:
    names = set()
    for m in _NAME_RE.finditer(text):
        name = m.group(0)
        first = name.split()[0]
        if first in _SENTENCE_START_OK:
            name = " ".join(name.split()[1:])
        if name:
            names.add(name)
    return names


def check(sentence: str, sources: Iterable[str], min_overlap: float = MIN_OVERLAP,
          *, headline: bool = False) -> Check:
    """Whether `sentence` is supported by the `sources` texts (see the module docstring)."""
    source_text = "\n".join(sources)
    if not sentence.strip():
        return Check(False, "empty sentence")
    mine = _words(sentence)
    if not mine:
        return Check(False, "no content words")
    theirs = _words(source_text)
    overlap = len(mine & theirs) / len(mine)
    if overlap < min_overlap:
        return Check(False, f"only {overlap:.0%} of its content words are in the sources")
    lowered = source_text.lower()
    # A headline is Title Cased, so only its acronyms are held to the names rule.
    names = set(re.findall(r"\b[A-Z]{2,}\d*\b", sentence)) if headline else _names(sentence)
    for name in sorted(names):
        parts = name.split()
        if not all(p.lower() in lowered for p in parts):
            return Check(False, f"names {name!r}, which the sources do not")
    for num in _NUMBER_RE.findall(sentence):
        if num not in source_text:
            return Check(False, f"states the number {num}, which the sources do not")
    plain = _plain(source_text)
    for quoted in quotations(sentence):
        if _plain(quoted).strip(" ,.") not in plain:
            return Check(False, f"quotes {quoted!r}, which the sources do not say")
    return Check(True, f"{overlap:.0%} content-word overlap; names and numbers found")


# "The Asia Open Model Alliance (AOMA)" once introduced is "AOMA": a capitalised name followed
# by its acronym in brackets.
_NAMED_ACRONYM = re.compile(r"(?:\b[Tt]he\s+)?(?:[A-Z][\w’'-]*\s+(?:(?:of|for|and|on|the)\s+)*)+"
                            r"\((?P<short>[A-Z][A-Z0-9&-]+)\)")


def contract_names(text: str, shorts: Collection[str] | None = None) -> str:
    """`text` with each "Full Name (ACR)" as "ACR" (only those in `shorts`, when given): how
    a name is printed after its first mention."""
    return _NAMED_ACRONYM.sub(lambda m: m.group("short") if shorts is None
                              or m.group("short") in shorts else m.group(0), text)


# The clause write/trim.py cuts between commas: no comma, quotation mark, bracket or dash in it.
_BETWEEN_COMMAS = re.compile(r",\s[^,;:\"“”()\[\]—–]+,")


def _clause_cut(core: str, src: str) -> bool:
    """Whether `core` is `src` (from where it starts) with one clause between commas taken
    out: "The drug was used …" of "The drug, which is made by Gilead, was used …"."""
    head = core[:8]
    start = src.find(head)
    while start >= 0:
        at = start
        while at < len(src) and at - start < len(core) and src[at] == core[at - start]:
            at += 1  # the words both write before the clause
        cut = _BETWEEN_COMMAS.match(src, at)
        if cut and src[cut.end():].startswith(core[at - start:]):
            return True
        start = src.find(head, start + 1)
    return False


# "The Alliance (ACR) is an industry body in Hangzhou." is the appositive of a source
# sentence ("…, the Alliance (ACR), an industry body in Hangzhou.") with "is" for its commas.
_DEFINITION = re.compile(r"^(?:The )?(?P<name>.+?) is (?P<clause>(?:an?|the) .+?)\.$")


# "AOMA, founded in 2019 by A, B and C, now has 300 members." tells two facts: when it began
# ("AOMA was founded in 2019 by A, B and C.") and what it is now ("AOMA now has 300
# members."). The appositive ends at the comma before the predicate: a lower-case word that
# does not go on listing founders (an article, a possessive, a number, a quantifier).
_LISTING = (r"(?:the|a|an|and|or|its|his|her|their|one|two|three|four|five|six|seven|eight|"
            r"nine|ten|several|some|many|both|other|including|among|such|mostly|mainly)\b")
_FOUNDED_APPOSITIVE = re.compile(
    rf"^(?P<name>[A-Z][^,;:]{{0,80}}?),\s+(?:which was\s+)?(?P<clause>(?:{FOUNDED})\s[^;:]+?),"
    rf"\s+(?P<rest>(?!{_LISTING})[a-z][^;:]*\S)$")


def founding(sentence: str) -> tuple[str, str] | None:
    """A sentence opening on a name and a founding appositive, cut in two: "X was founded …."
    and "X <the rest>" (None: no such appositive, or a rest too short to say anything)."""
    m = _FOUNDED_APPOSITIVE.match(sentence)
    if not m or len(m.group("rest").split()) < 3:
        return None
    name = m.group("name")
    return f"{name} was {m.group('clause')}.", f"{name} {m.group('rest')}"


def trace(sentence: str, source_sentences: Iterable[str]) -> bool:
    """Whether an offline sentence is extractive (`_extract`), its relative days printed as
    `days.rewrite` prints them: "said Tuesday" or "said" of "said today" (`days.readings`)."""
    sources = list(source_sentences)
    return _extract(sentence, sources) or _extract(
        sentence, [r for s in sources for r in readings(s, sentence)])


def _extract(sentence: str, source_sentences: Iterable[str]) -> bool:
    """Whether an offline sentence is a source sentence plus, at most, one connective or
    attribution (before it, or as ", according to X." at its end), a name introduced
    earlier given as its acronym (`contract_names`), its relative days resolved
    (`days.readings`: "said Tuesday" of "said today") — or
    one cut at a comma before a trailing clause, or a definition cut from a source
    sentence's appositive (see `_DEFINITION`) or told apart from its founding (`founding`),
    or one whose detachable clause between commas
    the paragraph writer cut (`_clause_cut`), or the source's slip mended ("the the":
    `text.undoubled`)."""
    core = TRAILING_ATTRIBUTION.sub("", CONNECTIVES.sub("", sentence).strip())
    if core.endswith("…"):
        core = core[:-1]  # an excerpt the feed cut, marked as cut
    forms = {core, core[:1].lower() + core[1:], core[:1].upper() + core[1:]}
    sources = list(source_sentences)
    sources += [c for c in (contract_names(src) for src in sources) if c not in sources]
    sources += [m for m in map(undoubled, sources) if m not in sources]  # a slip mended
    for src in sources:
        if any(f in src for f in forms):
            return True
    if core.endswith(".") and any(f"{f[:-1]}{mark}" in src for src in sources for f in forms
                                  for mark in ",;"):
        return True  # cut at a clause boundary ("…, requiring …" or "…; 37 …" dropped)
    if any(_clause_cut(f, src) for src in sources for f in forms):
        return True  # a clause between commas cut (write/trim.py: "…, which …, was used …")
    if any(core in parts for parts in map(founding, sources) if parts):
        return True  # a founding appositive told apart from the rest (`founding`)
    m = _DEFINITION.match(core)
    if m:
        needle = f"{m.group('name')}, {m.group('clause')}"
        return any(needle in src for src in sources)
    return False
