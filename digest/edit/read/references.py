"""What a sentence names that its article introduced before: "the benchmark" after the
sentence that introduced the benchmark, "The wines tend to be …" after the one on a region's
wines, "Creech" after "Dr. Buddy Creech". Printed where that sentence is not, it leans on
words the reader never got; the writers (`write/lines.py`: `Line.refers`, `Line.opens_on`)
print it only after a sentence naming them, and the TL;DR and the Explainer never alone
(`week.Read.refers_back`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from digest.edit.lexicon import STOPWORDS, stem
from digest.edit.read.facts import name_heads
from digest.text import tokens

# "the benchmark", "the alliance": a definite noun (not "the end of …", not a time).
# Only a noun that heads its phrase: a verb, a function word or punctuation follows it ("the
# benchmark is run by …"), never another noun it qualifies ("the death penalty", "the
# vaccine arm", "the second night": a compound or an ordinal names something new).
_DEFINITE = re.compile(r"\bthe\s+([a-z][a-z-]{2,})(?=\s*[,.;:!?)\"”]|\s+(?:is|was|are|were|has|"
                       r"have|had|will|would|could|can|may|might|should|must|said|says|and|or|"
                       r"but|to|in|on|at|by|for|with|from|as)\b)")
# … and "The <plural>" opening a sentence after the article's first ("The wines tend to be
# full-bodied …" after a sentence on a region's wines): its subject is the set the sentences
# before delimited, right before its verb — an auxiliary, "said", or a present that agrees
# with it ("wines tend", "courses cover": a word with no "-s", "-y", "-ing" or "-ed" that is
# no function word: not "The models that made …", "The crews involved in …"). A plural, as a
# reader cannot tell which wines from the story around it; a singular is as often the one
# thing the story is about, told in other words before ("The woman …" after "A tourist …",
# "The cloud is …": any "The <noun>" tried, session 31, and not kept: of the 14 wcxb pages
# and 5 cnndm paragraphs it changed, 7 lost a sentence that read well). Not in the lead: its
# "The" stands for what the title, the headline above it, names. Nor before words that tell
# it again ("The studies, published in …", "The lineups for the June 26 session …").
_OPENING_DEFINITE = re.compile(r"^[\"“‘']?The\s+([a-z][a-z-]+[^su'’]s)(?:\s+(?:is|was|are|were|has|"
                               r"have|had|will|would|could|can|may|might|should|must|said|says)\b"
                               r"|(?<=[^s]s)\s+(?P<verb>[a-z]*[^sy\W])(?<!ing)(?<!ed)\s)")


def definite_references(text: str, before: frozenset[str], *,
                        opening: bool = False) -> frozenset[str]:
    """The stems of the nouns `text` names as "the <noun>" that `before` (the stems of its
    article's earlier sentences) holds and `text` does not name earlier itself; `opening`: as
    the subject it opens on too (`opening_reference`: the article's sentences after its
    first)."""
    out = set(opening_reference(text, before)) if opening else set()
    for m in _DEFINITE.finditer(text):
        word = m.group(1)
        if word in STOPWORDS:
            continue
        w = stem(word)
        if w in before and w not in {stem(t) for t in tokens(text[:m.start()])}:
            out.add(w)
    return frozenset(out)


def opening_reference(text: str, before: frozenset[str]) -> frozenset[str]:
    """The stem of the plural `text` opens on as "The <plural>" (`_OPENING_DEFINITE`) when
    `before` holds it: the sentence leans on the one that introduced it."""
    m = _OPENING_DEFINITE.match(text)
    if m is None or m.group(1) in STOPWORDS or stem(m.group(1)) not in before \
            or (m.group("verb") or "") in STOPWORDS:
        return frozenset()
    return frozenset([stem(m.group(1))])


def introduced(title: str, sentences: Sequence[str]) -> list[frozenset[str]]:
    """Per sentence, the stems of the title and of the sentences before it: what the article
    introduced, which a "the <noun>" in that sentence may refer back to."""
    return [before for _, before, _ in introducing(title, sentences)]


def introducing(title: str, sentences: Iterable[str]
                 ) -> Iterator[tuple[str, frozenset[str], frozenset[str]]]:
    """Each sentence with what `introduced` gives it and the names the article wrote in full
    before it (their heads: "creech" after "Dr. Buddy Creech")."""
    seen = frozenset(stem(t) for t in tokens(title))
    full = name_heads(title)[0]
    for sentence in sentences:
        yield sentence, seen, full
        seen = seen | {stem(t) for t in tokens(sentence)}
        full = full | name_heads(sentence)[0]
