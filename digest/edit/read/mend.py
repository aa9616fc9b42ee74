"""Where an excerpt its publisher cut mid-sentence can end as a whole sentence (issue 11): a
feed's text that stops mid-way ("… on Wednesday, weeks after President Donald Trump said the
group") is printed only as `mended` ends it, before the phrase the cut fell in ("… on
Wednesday."), or not at all. The writers ask it (`write/lines.article_lines`); whole.py says
what is cut (`whole.cut`) and holds the word classes both read.

The word classes are closed classes of English (conjunctions, relative pronouns, negations);
nothing is lifted from a benchmark's text.
"""

from __future__ import annotations

import re

from digest.edit.lexicon import ARTICLES, AUXILIARIES, NUMBER_WORDS, PREPOSITIONS, QUOTED
from digest.edit.read.whole import (
    BEFORE_NOUN,
    CUT_MARK,
    HANGING,
    INVARIABLE,
    PAST,
    WORD,
    looks_plural,
    may_be_present,
)
from digest.text import quote_depth

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
# Thursday, which …, aims to") than a sentence: as short a line as a dek (`whole._DEK_WORDS`).
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
    text = CUT_MARK.sub("", excerpt.rstrip()).rstrip()
    aside = _ASIDE_OPENED.search(text)  # ("… and additional security —": the cut fell at
    if aside and _clause(text[:aside.start(1)]):  # the dash, before its aside: none of it)
        return text[:aside.start(1)] + "."
    for m in _ADJUNCT.finditer(text):
        head = text[:m.start()]
        if _clause(head):
            return head if head.endswith(".") else head + "."
    return _without_last_clause(text)


# The cut fell in what credits a whole clause: right after its comma ("… has been referred to
# the FBI for review,"), in "according to" ("…, according to a New York"), or in a source's
# name (", NBC"). `mended` never ends there (the claim would read as fact).
_CREDIT_CUT = re.compile(r",(?:\s+according\s+to\b[^,]*|(?:\s[A-Z][\w.'’-]*){1,4})?\s*$")


def before_credit(excerpt: str) -> str | None:
    """A text the publisher cut in the clause crediting it (`_CREDIT_CUT`), ended before that
    clause when what is left is a whole clause ("… disciplined in school, according to a New
    York" → "… disciplined in school."), else None: for a writer that prints the credit
    elsewhere (`also._under_headline`: under a headline that says who says it)."""
    text = CUT_MARK.sub("", excerpt.rstrip()).rstrip()
    m = _CREDIT_CUT.search(text)
    if m is None or not _clause(text[:m.start()]):
        return None
    return text[:m.start()] + "."


# With no comma to end on, the cut fell in the sentence's last clause, which may go when what
# is left is a whole clause: an adverbial clause that its conjunction, a subject and a verb
# open ("… on Wednesday after the mayor said she would"; not "as if", nor "hours after",
# which hangs on the word before it), a second predicate ("…, but reiterated that the board",
# "and has emerged as …"), a relative clause on its noun ("… the 2015 rules that barred crews
# from"), a question after a preposition ("… her inquiry into whether the"), what the act was
# for or part of ("… in an effort to win back", "… as part of a deal filed by"). The last
# such clause goes, never one a negation before it holds ("hasn't sailed since …", "not
# X but Y"), nor when the cut fell in an attribution ("…, Harbour Chair": a claim would read
# as fact).
_SUBORDINATOR = re.compile(r"\s(?:after|as|when|while|because|once|whereas)\s")
_SECOND = re.compile(r"(?:,|\s[—–]|\s--)?\s(but|and|then)\s(?:(?:also|still|later)\s)?"
                     r"([\w'’]+)(?:\s(\S+))?")
_RELATIVE = re.compile(r"(\S+)\s(?:that|which)\s(?:could|would|will|can|may|might|should|"
                       r"must|[a-z]+ed)\b")
_WH = re.compile(r"\s(?:into|about|over|on)\s(?:whether|if|how|why|what)\s"
                 r"|\sfor\s[a-z]+ing\sthat\s"
                 # … and what the act was for or part of ("… in an effort to salvage"):
                 # the clause before tells the act whatever its purpose
                 r"|\s(?:in an effort|in a bid|in order|so as) to\s|\sas part of\s")
_BEFORE_SUBORDINATOR = frozenset(["minutes", "hours", "days", "weeks", "months", "years",
                                  "moments", "shortly", "soon", "just", "right", "long", "even",
                                  "only"])
_SUBJECT = frozenset(["he", "she", "it", "they", "we", "i", "you", "some", "many", "most",
                      "all", "both"]) | ARTICLES | NUMBER_WORDS | (BEFORE_NOUN - PREPOSITIONS)
_NEGATION = re.compile(r"\b(?:not|never|no longer)\b|n['’]t\b")
_ATTRIBUTION_CUT = re.compile(r",(?:\s[A-Z][\w.'’-]*){1,4}$")
_NEEDS_MORE = BEFORE_NOUN | AUXILIARIES  # (a word no clause ends on: "… the", "… has")


def _finite(word: str) -> bool:
    """Whether `word` is an auxiliary or a past (irregular, invariable, or in "-ed")."""
    lw = word.lower()
    return (lw in AUXILIARIES or lw in PAST or lw in INVARIABLE
            or (word.islower() and lw.endswith("ed")))


def _clause_cuts(text: str) -> list[tuple[int, bool]]:
    """Where a last clause of `text` opens (see `_without_last_clause`), and whether a
    negation before it keeps it."""
    cuts: list[tuple[int, bool]] = []
    for m in _SUBORDINATOR.finditer(text):
        words = WORD.findall(text[m.end():])[:8]
        before = _words(text[:m.start()])[-1].lower()
        if words and before not in _BEFORE_SUBORDINATOR \
                and (words[0].lower() in _SUBJECT or words[0][0].isupper()
                     or (looks_plural(words[0]) and words[0].lower() not in HANGING)) \
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
_TO_VERB = re.compile(r"^To\s(?!(?:" + "|".join(sorted(BEFORE_NOUN)) + r")\b)[a-z]")


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
    return (len(WORD.findall(head)) >= _MENDED_WORDS and _has_verb(head, past=not fronted)
            and not _OPEN_ASIDE.search(head) and not _TO_VERB.match(head))


def _words(text: str) -> list[str]:
    return WORD.findall(text) or [""]


def _has_verb(clause: str, *, past: bool = True) -> bool:
    """Whether `clause` has a finite verb after its first word: an auxiliary, a past, or a
    present in "-s" right after a name ("Trump issues"; "five former wrestlers" has none).
    `past=False`: a word in "-ed" is no proof of one."""
    words = WORD.findall(clause)
    low = [w.lower() for w in words]
    return any(lw in AUXILIARIES or lw in PAST or lw in INVARIABLE
               or (past and lw.endswith("ed") and w.islower())
               or (may_be_present(w) and words[k - 1][:1].isupper() and low[k - 1] not in BEFORE_NOUN)
               for k, (w, lw) in enumerate(zip(words, low, strict=True)) if k)
