"""Whether a source's sentence is a whole sentence a copy editor would let stand (issue 11).

One rule, read once per sentence where the week's sentences are read (`week.Line.fault`)
and used by every writer (`write/lines.article_lines`: paragraph and "Also" line; the TL;DR
and the Explainer through `week.Line.furniture`), and by the copy editor
(`proof.paragraph_strikes`), which strikes what slips through. `fault` names what is wrong
with a sentence, or None:

* **cut**: the publisher stopped it mid-way and said so ("… the Senate will vote on two
  bills…", "… to the [...]", "… Read more", "… Continue reading"): a teaser, no sentence.
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

from digest.edit.entities import ORG_WORDS, is_title
from digest.edit.leaning import DEK_FAULT, headline_grammar
from digest.edit.lexicon import (
    ARTICLES,
    AUXILIARIES,
    CJK_RE,
    IRREGULAR_VERBS,
    NUMBER_WORDS,
    PREPOSITIONS,
    QUOTED,
    STOPWORDS,
)
from digest.text import ABBREVIATIONS, STATES, quote_depth

CUT_FAULT = "cut by its publisher (a teaser, not a sentence)"
STOP_FAULT = "a stray full stop inside the sentence"
FRAGMENT_FAULT = "a fragment (no verb, or a subordinate clause alone), not a sentence"

# The marks a publisher cuts a text with: an ellipsis (one character, three stops, or in
# brackets) or a link's words to the rest ("Read more", "Continue reading …").
_CUT = re.compile(r"(?:…|\.\s?\.\s?\.|\[\s?(?:…|\.\.\.)\s?\]|\b(?:Read|read) (?:more|the rest)"
                  r"|\b[Cc]ontinue(?:s)? reading)\W*$")
# A full stop after a word, then a lower-case word: the word before is checked against the
# abbreviations a stop does not end ("Jr.", "a.m.", "Calif.", "Inc.", "U.S.").
_STOP = re.compile(r"(?<![\w.])([A-Za-z][A-Za-z'’]*)\.\s+(?=[a-z]{2,}\b)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_PAST = frozenset(p for p, _ in IRREGULAR_VERBS)
_PRONOUNS = frozenset(["i", "we", "you", "he", "she", "it", "they", "who", "which", "that",
                       "there", "this", "these", "those"])
# Words that take a noun phrase as theirs: a subject holding one is no dek's.
_DETERMINERS = STOPWORDS | PREPOSITIONS | frozenset(["several", "each", "every", "both",
                                                     "either", "neither"])
# Words before a noun, never a subject before its verb: a word in "-s" after one is a plural.
_BEFORE_NOUN = ARTICLES | PREPOSITIONS | frozenset([
    "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your", "some",
    "many", "several", "each", "every", "both", "no", "any", "all", "few", "more", "most",
    "other", "such", "own", "and", "or", "of"])
# A verb in a contraction: "don't", "they're", "we've", "I'm", "he'll", "she'd", and "'s"
# after a pronoun ("it's", "that's"; "the administration's" is a possessive).
_CONTRACTED = re.compile(r"(?:n['’]t|['’](?:re|ve|m|ll|d))$|^(?:he|she|it|that|there|what|who|"
                         r"where|here|let)['’]s$")
# Verbs whose past is their present (general English), which no "-ed" shows: "The deficit hit
# $895 billion".
_INVARIABLE = frozenset(["hit", "cut", "put", "set", "let", "cost", "hurt", "shut", "spread",
                         "split", "quit", "bet", "bid", "cast", "burst", "beat", "read"])
FRAGMENT_WORDS = 10  # a list's item or a caption is short; a longer line has its verb
# Presents in "-s" that introduce what someone said ("President says storm will be …").
_SAYS = frozenset(["says", "tells", "warns", "claims", "insists", "admits", "argues",
                   "denies", "vows", "urges"])
_DEK_WORDS = 8  # a dek is a line of copy; shorter sentences are headlines' business


def cut(sentence: str) -> bool:
    """Whether the publisher cut `sentence` and marked it so (see the module docstring)."""
    return _CUT.search(sentence.rstrip()) is not None


def stray_stop(sentence: str) -> bool:
    """Whether a full stop inside `sentence` is followed by a lower-case word and closes no
    abbreviation, initial or title (`text.ABBREVIATIONS`, the states' `text.STATES`)."""
    for m in _STOP.finditer(sentence):
        word = m.group(1)
        if len(word) > 1 and word.lower() not in ABBREVIATIONS and word not in STATES:
            return True
    return False


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us", "is", "'s", "’s"))


def _present(word: str) -> bool:
    """A lower-case word in "-s" that may be a verb's present ("offers", "grants")."""
    return word.islower() and word not in AUXILIARIES and _plural(word)


def _past(word: str) -> bool:
    return (word in _PAST or word in AUXILIARIES or word in _INVARIABLE
            or (word.endswith("ed") and "-" not in word))


# The last word of a text a feed cut mid-sentence is as often a word that needs the next one
# ("… consequences for 13", "… in their", "… the Democratic") as not; a dek ends its line.
_HANGING = STOPWORDS | PREPOSITIONS | AUXILIARIES


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
    words = _WORD.findall(s)
    low = [w.lower() for w in words]
    if len(words) < _DEK_WORDS or ARTICLES & set(low) or not re.search(r"[a-z]$", s):
        return False
    if not words[-1].islower() or low[-1] in _HANGING:
        return False
    that = re.search(r"\b(?:that|whether)\s", s)
    main = _WORD.findall(s[:that.start()] if that else s)[1:]
    return not any(w.lower() in ("was", "were", "had", "did") or w.lower() in _PAST
                   or (w.islower() and w.endswith("ed")) for w in main)


def dek(sentence: str) -> bool:
    """Whether `sentence` is a dek in headline grammar (see the module docstring)."""
    s = QUOTED.sub(" ", sentence.strip())
    if headline_grammar(sentence):
        return True
    words = _WORD.findall(s)
    low = [w.lower() for w in words]
    if len(words) < _DEK_WORDS or CJK_RE.search(s) or ARTICLES & set(low):
        return False
    verb = next((k for k in range(1, min(5, len(words))) if _present(words[k])), None)
    if verb is None:
        return False
    subject, head = low[:verb], words[verb - 1]
    if any(w in _DETERMINERS or _past(w) or w.endswith(("'s", "’s")) for w in subject) \
            or any(_plural(w) for w in subject[:-1]):
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
    bare = (nxt.islower() and nxt not in _DETERMINERS and not _plural(nxt)
            and not nxt.endswith(("ly", "ing")))
    return (head.islower() and not head.endswith("s")) or is_title(head) or (
        len(subject) > 1 and head.lower() in ORG_WORDS and bare)


# A subordinate clause standing alone ("Probably because it's completely true.", "Although
# nobody asked."): its main clause is the sentence before's. Only the conjunctions that never
# open a main clause, and no comma (after one, "Because X, Y" has its main clause).
_SUBORDINATE_ALONE = re.compile(r"^[\"“]?(?:(?:\w+ly|[Mm]aybe|[Pp]erhaps)\s+)?(?:[Bb]ecause|"
                                r"[Aa]lthough|[Ee]ven though|[Ss]o that)\b[^,;:—–]*$")


def fragment(sentence: str) -> bool:
    """Whether `sentence` has no finite verb, or only a subordinate clause's (see the module
    docstring)."""
    s = sentence.strip()
    words = _WORD.findall(s)
    if CJK_RE.search(s) or not words or len(words) > FRAGMENT_WORDS:
        return False
    if _SUBORDINATE_ALONE.match(s):
        return True
    low = [w.lower() for w in words]
    for k, (w, lw) in enumerate(zip(words, low, strict=True)):
        if lw in AUXILIARIES or lw in _PAST or lw in _INVARIABLE or _CONTRACTED.search(lw):
            return False  # ("he's", "don't": a verb in the contraction)
        if k + 1 < len(low) and lw in _PRONOUNS:
            return False  # "they want": a verb after it
        if k and lw.endswith("ed"):
            return False
        if k and w.islower() and low[k - 1] not in _BEFORE_NOUN \
                and not low[k - 1].endswith(("'s", "’s", "ing")) \
                and (_present(w) or (words[k - 1][:1].isupper() and lw not in _DETERMINERS
                                     and not _CONTRACTED.search(lw) and "'" not in lw
                                     and "’" not in lw)):
            return False  # "Trump offers", "the deal holds", "Democrats control": a verb
    return True


# What opens a phrase that hangs on a whole clause and may go with everything after it: a
# participle ("…, delivering on a move long"), a preposition or a subordinating conjunction
# ("…, weeks after President Donald Trump said the group", "…, in a vote that"), "including",
# a relative pronoun (", which …"), or an appositive summing up the clause or naming its
# object (", a milestone that experts warned …", ", the latest in a series of …"). Not
# "according to", nor an attribution (", a senior official said"): without it a claim reads
# as fact.
_ADJUNCT = re.compile(r",\s(?=(?:(?:\w+\s){0,2}(?:after|before|since)\b|(?!according\b)[a-z]+ing\b|"
                      r"(?:" + "|".join(sorted(PREPOSITIONS)) + r"|as|while|when|because|although|"
                      r"though|until|unless|which|who|whose|where)\b|(?:the|a|an)\s(?![^,]*\b(?:said|says|told|reported|"
                      r"announced|confirmed|according)\b)))")
# An aside the comma may close: a relative clause or an appositive opened after the last
# comma before it ("The parents of Otto Warmbier, who died …", "Gavin McInnes, a man …").
# (An attribution is no aside: "…, a senior White House official said".)
_OPEN_ASIDE = re.compile(r",\s(?:who|whom|which|whose|a|an|the)\s(?![^,]*\b(?:said|says|told|"
                         r"reported|announced|confirmed)(?:\s\w+){0,2}$)[^,]*$")
# A dash opening an aside, the last thing of an excerpt: the cut fell right after it (a text
# with a dash before it opened and closed one aside already is left: "X — a Y — said").
_ASIDE_OPENED = re.compile(r"^[^—–]*?(\s(?:—|–|--))$")
# A clause of fewer words is likelier a subject and its modifier ("The legislation unveiled
# Thursday, which …, aims to") than a sentence: as short a line as a dek (`_DEK_WORDS`).
_MENDED_WORDS = 8
# The last "that" or "whether" of a clause, opening what it reports.
_THAT = re.compile(r"\b(?:that|whether)\s(?!.*\b(?:that|whether)\s)")
_SUBORDINATE = re.compile(r"^(?:After|Before|While|When|As|If|Although|Though|Because|Since|"
                          r"Until|Unless|Once|Whether)\b")


def mended(excerpt: str) -> str | None:
    """A text the publisher cut mid-sentence (`excerpt`, its cut mark if any removed) ended
    before the phrase the cut fell in, when what is left is a whole clause: "A bomb attack
    … killed two U.S. troops … on Wednesday, weeks after President Donald Trump said the group"
    → "A bomb attack … killed two U.S. troops … on Wednesday." The phrase is cut at the first
    comma that opens one (`_ADJUNCT`) after the clause's verb, outside quotation marks and
    brackets; a clause opening on a subordinating conjunction or a preposition ("After X crank
    up …,", "Per a deal reached …,") needs its own comma first, and a "that" clause its verb
    ("… declared Sunday that congressman Jair Bolsonaro, a champion of …, has won" is cut in
    its subject). With no such comma, the last clause the cut fell in goes when its own
    words say where it opens (`_without_last_clause`: "… on Wednesday after the mayor said
    the harbour would" → "… on Wednesday."). None when neither is found: nothing of the
    excerpt is printed. (Not kept, session 26: without a comma, dropping the last phrase a
    preposition opens: of 20 more excerpts so ended on the allsides weeks, 6 read wrong or
    misleading — "… hasn't taken place." for "… since the t", "… remains." for a dek "…
    remains on track" — and 6 were deks the missing stop made look cut.)"""
    text = _CUT.sub("", excerpt.rstrip()).rstrip()
    aside = _ASIDE_OPENED.search(text)  # ("… and additional security —": the cut fell at
    if aside and _clause(text[:aside.start(1)]):  # the dash, before its aside: none of it)
        return text[:aside.start(1)] + "."
    for m in _ADJUNCT.finditer(text):
        head = text[:m.start()]
        if _clause(head):
            return head if head.endswith(".") else head + "."
    return _without_last_clause(text)


# With no comma to end on, the cut fell in the sentence's last clause, which may go when what
# is left is a whole clause: an adverbial clause that its conjunction, a subject and a verb
# open ("… on Wednesday after the mayor said she would"; not "as if", "as part of", nor "hours
# after", which hangs on the word before it), a second predicate ("…, but reiterated that the
# board", "and has emerged as …"), a relative clause on its noun ("… the 2015 rules that
# barred crews from"), a question after a preposition ("… her inquiry into whether the"). The
# last such clause goes, never one a negation before it holds ("hasn't sailed since …", "not
# X but Y"), nor when the cut fell in an attribution ("…, Harbour Chair": a claim would read
# as fact).
_SUBORDINATOR = re.compile(r"\s(?:after|as|when|while|because|once|whereas)\s")
_SECOND = re.compile(r"(?:,|\s[—–]|\s--)?\s(but|and|then)\s(?:(?:also|still|later)\s)?"
                     r"([\w'’]+)(?:\s(\S+))?")
_RELATIVE = re.compile(r"(\S+)\s(?:that|which)\s(?:could|would|will|can|may|might|should|"
                       r"must|[a-z]+ed)\b")
_WH = re.compile(r"\s(?:into|about|over|on)\s(?:whether|if|how|why|what)\s"
                 r"|\sfor\s[a-z]+ing\sthat\s")
_BEFORE_SUBORDINATOR = frozenset(["minutes", "hours", "days", "weeks", "months", "years",
                                  "moments", "shortly", "soon", "just", "right", "long", "even",
                                  "only"])
_SUBJECT = frozenset(["he", "she", "it", "they", "we", "i", "you", "some", "many", "most",
                      "all", "both"]) | ARTICLES | NUMBER_WORDS | (_BEFORE_NOUN - PREPOSITIONS)
_NEGATION = re.compile(r"\b(?:not|never|no longer)\b|n['’]t\b")
_ATTRIBUTION_CUT = re.compile(r",(?:\s[A-Z][\w.'’-]*){1,4}$")
_NEEDS_MORE = _BEFORE_NOUN | AUXILIARIES  # (a word no clause ends on: "… the", "… has")


def _finite(word: str) -> bool:
    """Whether `word` is an auxiliary or a past (irregular, invariable, or in "-ed")."""
    lw = word.lower()
    return (lw in AUXILIARIES or lw in _PAST or lw in _INVARIABLE
            or (word.islower() and lw.endswith("ed")))


def _clause_cuts(text: str) -> list[tuple[int, bool]]:
    """Where a last clause of `text` opens (see `_without_last_clause`), and whether a
    negation before it keeps it."""
    cuts: list[tuple[int, bool]] = []
    for m in _SUBORDINATOR.finditer(text):
        words = _WORD.findall(text[m.end():])[:8]
        before = _words(text[:m.start()])[-1].lower()
        if words and before not in _BEFORE_SUBORDINATOR \
                and (words[0].lower() in _SUBJECT or words[0][0].isupper()
                     or (_plural(words[0]) and words[0].lower() not in _HANGING)) \
                and any(_finite(w) for w in words[1:]):
            cuts.append((m.start(), True))
    for m in _SECOND.finditer(text):
        joint, verb, after = m.group(1), m.group(2), m.group(3) or ""
        # (after "and", a past opens a predicate only before its object: "and perceived
        # political leanings" is a list's last item)
        if _finite(verb) and (joint != "and" or verb.lower() in AUXILIARIES
                              or re.match(r"(?:[A-Z$\d]|(?:the|a|an|his|her|its|their|to|on|in|"
                                          r"with|out|up|down)\b)", after)):
            cuts.append((m.start(), joint == "but"))
    cuts += [(m.end(1), False) for m in _RELATIVE.finditer(text)
             if not _finite(m.group(1)) and m.group(1).lower() not in _NEEDS_MORE]
    cuts += [(m.start(), False) for m in _WH.finditer(text)]
    return cuts


def _without_last_clause(text: str) -> str | None:
    """`text`, cut with no comma before the clause the cut fell in, ended before that clause
    (see above), or None."""
    if _ATTRIBUTION_CUT.search(text):
        return None
    for at, negated in sorted(_clause_cuts(text), reverse=True):
        head = text[:at].rstrip(" ,—–-")
        if negated and _NEGATION.search(QUOTED.sub(" ", head)):
            continue
        if _clause(head) and _words(head)[-1].lower() not in _NEEDS_MORE:
            return head if head.endswith(".") else head + "."
    return None


# An infinitive opening the text ("To make matters worse, …"): no main clause yet. ("To some
# Republicans' chagrin, …": a preposition and its noun, which the fronted rule reads.)
_TO_VERB = re.compile(r"^To\s(?!(?:" + "|".join(sorted(_BEFORE_NOUN)) + r")\b)[a-z]")


# "that" as the subject of its clause, its verb right after it and the verb's object after
# that ("… a vote that includes $5.7 billion …", "… a ruling that blocked the plan"): the
# clause has its verb (`_has_verb` reads none in a clause's first word).
_RELATIVE_VERB = re.compile(r"that\s+[a-z]+(?:s|ed)\s+(?:a|an|the|\$|\d|more|some|its|their|his|"
                            r"her)\b")


def _clause(head: str) -> bool:
    """Whether `head`, the text before the cut phrase, is a whole clause (see `mended`)."""
    if quote_depth(head) or head.count("(") != head.count(")"):
        return False
    fronted = _words(head)[0].lower() in PREPOSITIONS
    if (_SUBORDINATE.match(head) or fronted) and "," not in head:
        return False  # a subordinate clause or a phrase before any main clause
    that = _THAT.search(head)
    if that and not (_has_verb(head[that.end():]) or _RELATIVE_VERB.match(head[that.start():])):
        return False  # the cut is in a "that" clause that has no verb yet
    # A clause: enough words, a verb (after a fronted phrase a word in "-ed" is as likely a
    # participle: "Of all the nasty, disgusting smears lobbied against him, …"), no aside the
    # comma closes ("Warmbier, who died …,"), no infinitive opening.
    return (len(_WORD.findall(head)) >= _MENDED_WORDS and _has_verb(head, past=not fronted)
            and not _OPEN_ASIDE.search(head) and not _TO_VERB.match(head))


def _words(text: str) -> list[str]:
    return _WORD.findall(text) or [""]


def _has_verb(clause: str, *, past: bool = True) -> bool:
    """Whether `clause` has a finite verb after its first word: an auxiliary, a past, or a
    present in "-s" right after a name ("Trump issues"; "five former wrestlers" has none).
    `past=False`: a word in "-ed" is no proof of one."""
    words = _WORD.findall(clause)
    low = [w.lower() for w in words]
    return any(lw in AUXILIARIES or lw in _PAST or lw in _INVARIABLE
               or (past and lw.endswith("ed") and w.islower())
               or (_present(w) and words[k - 1][:1].isupper() and low[k - 1] not in _BEFORE_NOUN)
               for k, (w, lw) in enumerate(zip(words, low, strict=True)) if k)


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
