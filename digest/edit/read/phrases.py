"""A clause told again in the same words (`repeats_phrase`), and whether a sentence says again
what earlier ones said (`told_again`: a figure or most of its words, `facts.restates`, or such a
clause): what a story paragraph never prints and the copy editor strikes in one. Moved out of
`acts.py` in session 36 (which re-exports both names for its callers).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from digest.edit.lexicon import IRREGULAR_VERBS, QUOTED, STOPWORDS, VERB_HELPERS, stem
from digest.edit.read.facts import inflected, plain, restates
from digest.edit.read.figures import found, new_figures, numbers

_PAST_ANY = frozenset(past for past, _ in IRREGULAR_VERBS)

# A clause told again in the same words (`repeats_phrase`): so many content words in a row
# (function words skipped), a verb among them ("… meant to highlight a new jobs report that
# showed unemployment falling …" after "… following a jobs report that showed unemployment
# falling …"; "is not considering firing the special counsel …" after "… says Trump is not
# considering firing special counsel …"). A run of nouns both write is what the clauses are
# about, not the telling ("a vote on gun control measures", "former national security
# adviser"), and a name or a figure is no word of a phrase.
PHRASE_WORDS = 4
_LOWER_WORD = re.compile(r"[a-z][a-z'’-]*")
_PHRASE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_PROGRESSIVE = VERB_HELPERS | {"not", "be", "being"}  # what a verb in -ing follows


def _verb_form(word: str, before: str) -> bool:
    """A past or a participle ("showed", "met"), or a form in -ing after an auxiliary ("is not
    considering"): "all five living former presidents", "preexisting conditions" tell no act."""
    return (word.endswith("ed") or word in _PAST_ANY
            or (word.endswith("ing") and before in _PROGRESSIVE))


@functools.lru_cache(maxsize=4096)
def _phrases(sentence: str) -> frozenset[tuple[str, ...]]:
    """The runs of PHRASE_WORDS content words, a verb form among them, that `sentence` writes
    in a row with no name or figure among them (see PHRASE_WORDS)."""
    out: set[tuple[str, ...]] = set()
    run: list[tuple[str, bool]] = []
    before = ""
    for w in _PHRASE_WORD.findall(plain(sentence)):
        lower = w.lower()
        previous, before = before, lower
        if lower in STOPWORDS:
            continue
        if w[0].isupper() or not _LOWER_WORD.fullmatch(w):
            run = []
            continue
        run.append((inflected(stem(lower)), _verb_form(lower, previous)))
        last = run[-PHRASE_WORDS:]
        if len(last) == PHRASE_WORDS and any(verb for _, verb in last):
            out.add(tuple(word for word, _ in last))
    return frozenset(out)


def repeats_phrase(sentence: str, earlier: Sequence[str]) -> str | None:
    """How `sentence` tells again a clause one of `earlier` told, in its words (a phrase of
    PHRASE_WORDS content words with a verb, `_phrases`, both write, outside its quotation
    marks: a speaker's words are what was said) bringing no figure the earlier ones lack
    (`new_figures`), or None."""
    mine = _phrases(QUOTED.sub(" ", sentence))  # someone's own words are a fact of their own
    figures = found(sentence)
    if not mine or new_figures(figures.figures, {f for o in earlier for f in numbers(o)},
                                figures.hedged):
        return None
    for other in earlier:
        if shared := mine & _phrases(other):
            return f"the phrase '{' '.join(min(shared))}' again"
    return None


def told_again(sentence: str, earlier: Sequence[str]) -> str | None:
    """How `sentence` says again what one of `earlier` said — a figure or most of its words
    (`restates`), or a clause in the same words (`repeats_phrase`) — or None: what a story
    paragraph never prints and the copy editor strikes in one."""
    return restates(sentence, earlier) or repeats_phrase(sentence, earlier)
