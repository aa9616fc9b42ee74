"""Whether a source's sentence is a whole sentence a copy editor would let stand (issue 11).

One rule, read once per sentence where the week's sentences are read (`week.Line.fault`)
and used by every writer (`write/lines.article_lines`: paragraph and "Also" line; the TL;DR
and the Explainer through `week.Line.furniture`), and by the copy editor
(`proof.paragraph_strikes`), which strikes what slips through. `fault` names what is wrong
with a sentence, or None:

* **cut**: the publisher stopped it mid-way and said so ("… the Senate will vote on two
  bills…", "… to the [...]", "… Read more", "… Continue reading"): a teaser, no sentence
  (mend.py ends such an excerpt where it is whole, when its words say where).
* **a stray full stop**: a stop followed by a lower-case word that is no abbreviation's ("…
  to Speaker Nancy Pelosi. which will be effective …", "… of officials. certifying …"): a
  slip of the source. It is not mended, since nothing tells whether the stop stood for a
  comma ("Pelosi, which") or for nothing ("officials certifying"): another sentence is
  printed instead.
* **a dek**: headline grammar printed as a sentence — a subject with no determiner whose
  head is a common noun or a bare title ("High court grants …", "Trump administration
  begins …", "President offers no new solutions …", "Independent Vermont senator joins
  …"), its verb in the headline present, and no article anywhere; or clauses joined by a
  semicolon with no article or pronoun (`leaning.headline_grammar`). Prose names its
  subject ("The high court granted", "President Trump offered").
* **a glued title**: the page printed its article's title, and often a credit, before the lead
  ("… 'Park Avenue vs. Scranton' © Getty Joe Biden's presidential campaign …"; `glued`).
* **a fragment**: no finite verb at all ("Expanded Medicaid for millions.", "Penalties for
  poorly performing hospitals."), or a subordinate clause alone ("Probably because it's
  completely true."): an item of a list, a caption or an exclamation, not a sentence. A word counts as a verb when it is an auxiliary, a past ("-ed" after the first
  word, "met", "said"), a present in "-s" after a name or a noun, or any word after a
  personal pronoun: the test errs towards calling a sentence whole.

The word classes are closed classes of English (articles, auxiliaries, pronouns,
prepositions) and the titles written before a name (`entities.is_title`); nothing is lifted
from a benchmark's text.
"""

from __future__ import annotations

import re

from digest.edit.lexicon import (
    ARTICLES,
    AUXILIARIES,
    CJK_RE,
    IRREGULAR_VERBS,
    PREPOSITIONS,
    QUOTED,
    STOPWORDS,
)
from digest.edit.read.entities import ORG_WORDS, is_title
from digest.edit.read.leaning import DEK_FAULT, headline_grammar
from digest.sentences import ABBREVIATIONS, STATES

CUT_FAULT = "cut by its publisher (a teaser, not a sentence)"
STOP_FAULT = "a stray full stop inside the sentence"
FRAGMENT_FAULT = "a fragment (no verb, or a subordinate clause alone), not a sentence"

# The marks a publisher cuts a text with: an ellipsis (one character, three stops, or in
# brackets) or a link's words to the rest ("Read more", "Continue reading …").
CUT_MARK = re.compile(r"(?:…|\.\s?\.\s?\.|\[\s?(?:…|\.\.\.)\s?\]|\b(?:Read|read) (?:more|the rest)"
                  r"|\b[Cc]ontinue(?:s)? reading)\W*$")
# A full stop after a word, then a lower-case word: the word before is checked against the
# abbreviations a stop does not end ("Jr.", "a.m.", "Calif.", "Inc.", "U.S.").
_STOP = re.compile(r"(?<![\w.])([A-Za-z][A-Za-z'’]*)\.\s+(?=[a-z]{2,}\b)")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
PAST = frozenset(p for p, _ in IRREGULAR_VERBS)
_PRONOUNS = frozenset(["i", "we", "you", "he", "she", "it", "they", "who", "which", "that",
                       "there", "this", "these", "those"])
# Words that take a noun phrase as theirs: a subject holding one is no dek's.
_DETERMINERS = STOPWORDS | PREPOSITIONS | frozenset(["several", "each", "every", "both",
                                                     "either", "neither"])
# Words before a noun, never a subject before its verb: a word in "-s" after one is a plural.
BEFORE_NOUN = ARTICLES | PREPOSITIONS | frozenset([
    "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "some",
    "many", "several", "each", "every", "both", "no", "any", "all", "few", "more", "most",
    "other", "such", "own", "and", "or", "of"])
# A verb in a contraction: "don't", "they're", "we've", "I'm", "he'll", "she'd", and "'s"
# after a pronoun ("it's", "that's"; "the administration's" is a possessive).
_CONTRACTED = re.compile(r"(?:n['’]t|['’](?:re|ve|m|ll|d))$|^(?:he|she|it|that|there|what|who|"
                         r"where|here|let)['’]s$")
# Verbs whose past is their present (general English), which no "-ed" shows: "The deficit hit
# $895 billion".
INVARIABLE = frozenset(["hit", "cut", "put", "set", "let", "cost", "hurt", "shut", "spread",
                         "split", "quit", "bet", "bid", "cast", "burst", "beat", "read"])
FRAGMENT_WORDS = 10  # a list's item or a caption is short; a longer line has its verb
# Presents in "-s" that introduce what someone said ("President says storm will be …").
_SAYS = frozenset(["says", "tells", "warns", "claims", "insists", "admits", "argues",
                   "denies", "vows", "urges"])
_DEK_WORDS = 8  # a dek is a line of copy; shorter sentences are headlines' business


def cut(sentence: str) -> bool:
    """Whether the publisher cut `sentence` and marked it so (see the module docstring)."""
    return CUT_MARK.search(sentence.rstrip()) is not None


def stray_stop(sentence: str) -> bool:
    """Whether a full stop inside `sentence` is followed by a lower-case word and closes no
    abbreviation, initial or title (`sentences.ABBREVIATIONS`, the states' `sentences.STATES`)."""
    for m in _STOP.finditer(sentence):
        word = m.group(1)
        if len(word) > 1 and word.lower() not in ABBREVIATIONS and word not in STATES:
            return True
    return False


def looks_plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))


def may_be_present(word: str) -> bool:
    """A lower-case word in "-s" that may be a verb's present ("offers", "grants")."""
    return word.islower() and word not in AUXILIARIES and looks_plural(word)


def _past(word: str) -> bool:
    return (word in PAST or word in AUXILIARIES or word in INVARIABLE
            or (word.endswith("ed") and "-" not in word))


# The last word of a text a feed cut mid-sentence is as often a word that needs the next one
# ("… consequences for 13", "… in their", "… the Democratic") as not; a dek ends its line.
HANGING = STOPWORDS | PREPOSITIONS | AUXILIARIES


def unstopped_dek(text: str) -> bool:
    """Whether `text`, an article's whole text with no stop at its end, is its dek rather than
    an excerpt its feed cut: headline grammar (no article anywhere, as `dek` reads it: "After
    Washington and Beijing crank up pressure on trade, lawmakers … look to navigate new
    rules"), at least `_DEK_WORDS` words, no past tense in its main clause (a cut lead tells
    what happened: "… announced on Friday that he would seek …"; what a "that" reports may
    be past), and a last word that ends a phrase (lower case, no function word: "… for 13",
    "… the American Israel" are cut)."""
    s = QUOTED.sub(" ", text.strip())
    if not s or s[-1] in ".!?…,;:—–-\"”’')" or CJK_RE.search(s):
        return False
    words = WORD.findall(s)
    low = [w.lower() for w in words]
    if len(words) < _DEK_WORDS or ARTICLES & set(low) or not re.search(r"[a-z]$", s):
        return False
    if not words[-1].islower() or low[-1] in HANGING:
        return False
    that = re.search(r"\b(?:that|whether)\s", s)
    main = WORD.findall(s[:that.start()] if that else s)[1:]
    return not any(w.lower() in ("was", "were", "had", "did") or w.lower() in PAST
                   or (w.islower() and w.endswith("ed")) for w in main)


def dek(sentence: str) -> bool:
    """Whether `sentence` is a dek in headline grammar (see the module docstring)."""
    s = QUOTED.sub(" ", sentence.strip())
    if headline_grammar(sentence):
        return True
    words = WORD.findall(s)
    low = [w.lower() for w in words]
    if len(words) >= _DEK_WORDS and _bare_title(words):
        return True
    if len(words) < _DEK_WORDS or CJK_RE.search(s) or ARTICLES & set(low):
        return False
    verb = next((k for k in range(1, min(5, len(words))) if may_be_present(words[k])), None)
    if verb is None:
        return False
    subject, head = low[:verb], words[verb - 1]
    if any(w in _DETERMINERS or _past(w) or w.endswith(("'s", "’s")) for w in subject) \
            or any(looks_plural(w) for w in subject[:-1]):
        return False  # a determiner, a possessive or a verb: prose, or no subject at all;
        # a plural before the "-s" word is the subject and the word after it its verb
        # ("Parties face fines", "Lawmakers set fines"): the "-s" word is a noun
    after = low[verb + 1] if verb + 1 < len(low) else ""
    if after.endswith("ly") and verb + 2 < len(low):
        after = low[verb + 2]  # ("officials quickly pushed back": a noun, its verb after)
    if _past(after) or after in ("that", "which", "who") \
            or re.search(rf"\b{re.escape(words[verb])}\s*[,;:]", s):
        return False  # "policies are", "meals needed", "wrestlers, including": a noun
    if low[verb] not in _SAYS and any(w in AUXILIARIES for w in low[verb + 1:]):
        return False  # "communications director Kate Bedingfield will serve": its verb later
    # "Intelligence Committee approves report": an organisation's name of several words
    # (`entities.ORG_WORDS` heads it) with no "the" before it and a bare singular noun after
    # its verb (prose: "the committee approved a report"; a person's name takes no "the")
    nxt = words[verb + 1] if verb + 1 < len(words) else ""
    bare = (nxt.islower() and nxt not in _DETERMINERS and not looks_plural(nxt)
            and not nxt.endswith(("ly", "ing")))
    return (head.islower() and not head.endswith("s")) or is_title(head) or (
        len(subject) > 1 and head.lower() in ORG_WORDS and bare)


def _bare_title(words: list[str]) -> bool:
    """A title alone as the subject, its verb in the headline present or future ("President
    addresses supporters in his first rally after …", "President to push reforms to the
    U.N. …"): headline grammar whatever article follows, since prose never lets a title stand
    for the person ("President Trump addressed", "The president addresses")."""
    return (words[0][:1].isupper() and is_title(words[0]) and len(words) > 2
            and (may_be_present(words[1]) or (words[1] == "to" and words[2].islower())))


# A subordinate clause standing alone ("Probably because it's completely true.", "Although
# nobody asked."): its main clause is the sentence before's. Only the conjunctions that never
# open a main clause, and no comma (after one, "Because X, Y" has its main clause).
_SUBORDINATE_ALONE = re.compile(r"^[\"“]?(?:(?:\w+ly|[Mm]aybe|[Pp]erhaps)\s+)?(?:[Bb]ecause|"
                                r"[Aa]lthough|[Ee]ven though|[Ss]o that)\b[^,;:—–]*$")


# Words after a capitalised one that are no verb ("Edge as the execution environment.",
# "Available as a poster.", "Data as of post date."): a preposition or a conjunction.
_NO_VERB = PREPOSITIONS | {"and", "or", "but", "nor"}


def fragment(sentence: str) -> bool:
    """Whether `sentence` has no finite verb, or only a subordinate clause's (see the module
    docstring)."""
    s = sentence.strip()
    words = WORD.findall(s)
    if CJK_RE.search(s) or not words or len(words) > FRAGMENT_WORDS:
        return False
    if _SUBORDINATE_ALONE.match(s):
        return True
    low = [w.lower() for w in words]
    for k, (w, lw) in enumerate(zip(words, low, strict=True)):
        if lw in AUXILIARIES or lw in PAST or lw in INVARIABLE or _CONTRACTED.search(lw):
            return False  # ("he's", "don't": a verb in the contraction)
        if k + 1 < len(low) and lw in _PRONOUNS:
            return False  # "they want": a verb after it
        if k and lw.endswith("ed"):
            return False
        if k and w.islower() and low[k - 1] not in BEFORE_NOUN \
                and not low[k - 1].endswith(("'s", "’s", "ing")) \
                and lw not in _NO_VERB \
                and (may_be_present(w) or (words[k - 1][:1].isupper() and lw not in _DETERMINERS
                                     and not _CONTRACTED.search(lw) and "'" not in lw
                                     and "’" not in lw)):
            return False  # "Trump offers", "the deal holds", "Democrats control": a verb
    return True


# The page glued its title (and often a credit: "© Getty", "originally appeared on …") before
# the lead: "Biden's team says he views election against Trump as 'Park Avenue vs. Scranton'
# © Getty Joe Biden's presidential campaign on Thursday said …". A lead that goes on from a
# title ending mid-clause in a lower-case word ("Senate passes relief bill in a party-line
# vote.") is the outlet's prose, not a glued title.
TITLE_FAULT = "its article's title glued before it (the page's furniture)"
_TITLE_WORDS = 4


def glued(sentence: str, title: str) -> bool:
    """Whether `sentence` opens on its article's whole `title` (at least `_TITLE_WORDS` words)
    and goes on after it with no lower-case word continuing the title's clause."""
    t = title.strip()
    if len(t.split()) < _TITLE_WORDS or not sentence.startswith(t + " "):
        return False
    after = sentence[len(t) + 1:].lstrip()
    return t[-1] in ".?!" or not after[:1].islower()


def fault(sentence: str, title: str = "") -> str | None:
    """What a copy editor strikes `sentence` for, as a whole sentence, or None; `title`: its
    article's (a title glued before it, `glued`)."""
    if title and glued(sentence, title):
        return TITLE_FAULT
    if cut(sentence):
        return CUT_FAULT
    if stray_stop(sentence):
        return STOP_FAULT
    if dek(sentence):
        return DEK_FAULT
    if fragment(sentence):
        return FRAGMENT_FAULT
    return None
