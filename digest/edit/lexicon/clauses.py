"""How a sentence is built and what it leans on: English's closed classes, quotation, the words
that address the reader, and the openings that lean on a sentence before ("It …", "But …",
"The move …": `dangles`).

A sentence that leans on one not printed cannot stand alone: the paragraph opens on none
(leaning.opens_on_reference), the TL;DR and the Explainer print none (`dangles`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# The words a writer addresses the reader with (a regex alternation): a paragraph does not
# print such a line (write/person.first_person), nor the TL;DR (proof/tldr).
TO_THE_READER = r"[Yy]ou|[Yy]our|yours|yourself|[Yy]ou['’](?:re|ll|ve|d)"
# A quotation in double quotes, straight or curly: what a sentence quotes is not its writer's
# voice (proof/tldr, write/attribution), nor how prose writes a word (write/casing).
QUOTED = re.compile(r'"[^"]*"|“[^”]*”')
# A text that ends on initials ("the U.S."): its last full stop is theirs, not a sentence's.
ENDS_ON_INITIALS = re.compile(r"\b(?:[A-Z]\.){2,}$")
# Closed classes of English (the copy editor: no headline ends on one but a particle; the
# writers: no clause or phrase they cut may end on one).
PREPOSITIONS = frozenset(["about", "above", "across", "after", "against", "along", "amid", "among", "around", "as", "at", "before", "behind", "below", "beneath", "beside", "besides", "between", "beyond", "by", "despite", "down", "during", "except", "for", "from", "in", "inside", "into", "like", "near", "of", "off", "on", "onto", "out", "outside", "over", "past", "per", "since", "than", "through", "throughout", "till", "to", "toward", "towards", "under", "underneath", "unlike", "until", "up", "upon", "versus", "via", "with", "within", "without"])
ARTICLES = frozenset(["a", "an", "the"])
# The counts English writes in words, in order ("one" is 1): a count in words is that figure
# (write/retold.py), and a count up to ten is written so (write/tldr.few).
COUNTS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve")
# A count in words ("three senators", "dozens of …").
NUMBER_WORDS = frozenset([*COUNTS, "dozens", "hundreds", "thousands", "millions"])
CONJUNCTIONS = frozenset(["and", "but", "or", "nor", "because", "although", "though", "while", "whereas", "if", "unless", "whether", "that", "which", "who", "whom", "whose"])
AUXILIARIES = frozenset(["is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might", "must", "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't", "doesn't", "don't", "didn't", "won't", "wouldn't", "can't", "couldn't", "shouldn't", "mustn't", "'s", "'re"])
# Particles end a phrasal verb well ("Try to Keep Up", "Pushes Back", "Break Through").
PARTICLES = frozenset(["up", "out", "off", "down", "back", "in", "on", "over", "through", "away", "around", "along", "across", "behind", "ahead", "apart", "aside", "by", "about"])

# A sentence that opens with a pronoun leans on the sentence before it ("It will be chaired by
# …" is about whatever that sentence named): paragraphs, the TL;DR and the Explainer use it
# only next to that sentence, or not at all ("This week, …" is the reader's week: no pronoun).
ANAPHORIC = re.compile(
    r"^(?:(?:This|That|These|Those)(?!\s(?:week|weekend|month|year|morning|afternoon|evening|"
    r"night|spring|summer|autumn|fall|winter|time)\b)|It|Its|They|Their|Them|He|She|His|Her|"
    r"Such)\b")

# An opening "It" that stands for nothing the sentence before said: the subject of a clause
# put off to its end ("It's no secret that …", "It is unclear whether …", "It doesn't pay to
# …") or of a time ("It's decision time for …"; not "It's a major time-saver", a noun). General
# English, written for the project; "It is expected to pass …" stays a reference
# (proof.opens_on_reference), and so does any "It is also …", which adds to what the sentence
# before said of it ("It's also a time to reflect on the year": the new year).
EXPLETIVE_IT = re.compile(
    r"^(?!It(?:['’]s|\s+is|\s+was)\s+also\b)(?:"
    r"It(?:['’]s| is| was)\s+(?:\w+\s+){0,2}time\b(?!-)"
    r"|^It(?:['’]s| is| was)\s+no\s+(?:\w+\s+){0,2}(?:secret|surprise|wonder|accident|"
    r"coincidence|credit|exaggeration|mystery)\s+(?:to\s+[\w.\s]+?\s+)?(?:that|to|when|how)\b"
    r"|^It\s+(?:does|did)(?:n['’]t| not)\s+(?:pay|matter|hurt|help)\s+(?:to|that|whether|if)\b"
    r"|^It(?:['’]s| is| was)\s+(?:not\s+)?(?:clear|unclear|important|true|hard|difficult|easy|"
    r"worth|possible|impossible|necessary|striking|remarkable)\s+(?:that|whether|how|why|what|"
    r"to|if)\b)")

# Words that open a sentence answering the one before it, one list for both readers of an
# opening: the copy editor's (leaning.opens_on_reference: a paragraph's first sentence, and a
# sentence the paragraph prints only after the one before it) and `dangles` (a TL;DR or
# Explainer sentence read alone). A connective ("But", "Moreover,", "For example,"), a list's
# ordinal ("Second,": "Second Amendment" and "First Lady" are names, so an ordinal needs its
# comma) or an item of a list never printed ("Another", "Both"). ("Still needed, some experts
# say, is a special prosecutor …": "still" before a participle is its adverb, the sentence
# inverted, no connective.)
CONNECTIVES = (
    "Also", "And", "But", "Yet", r"Still(?!\s+[a-z]+ed\b)", "However", "Moreover", "Furthermore", "Additionally",
    "Meanwhile", "Instead", "Besides", "Similarly", "Likewise", "Thus", "Therefore", "Hence",
    "Nevertheless", "Nonetheless", "Indeed", "Finally", "Lastly", "Even so", "By contrast",
    "In contrast", "In turn", "As a result", "In addition,", "In fact,", "Of course,",
    "At the same time,", "On the other hand", "For one,", "For another,", "For example",
    "For instance", "Then(?!-)",  # ("Then-FBI Director James Comey": the office he held then)
    "(?:First|Second|Third|Fourth|Fifth)(?:ly)?,", "Secondly", "Thirdly",
    "Another", "Both", "Neither", "Either", "Others")
_CONNECTIVE = "|".join(c if c.endswith(",") else c + r"\b" for c in CONNECTIVES)
# "One of them", "All these": part of a set the sentence before named.
_PART = r"(?:One|Some|Many|Most|None|Several|Two|Three|Four|Five|Six|Few|Each|All|Any|Nine|Ten|Half)"
OPENS_ON_CONNECTIVE = re.compile(
    rf"^(?:{_CONNECTIVE}|{_PART}\s+(?:of\s+)?(?:them|those|these)\b)")

# A sentence that cannot stand alone (TL;DR, Explainer, a paragraph's first sentence): a pronoun,
# a connective, an ordinal or a partitive whose list was never printed (OPENS_ON_CONNECTIVE),
# a demonstrative noun ("These marks …", "That dataset …"), a definite noun with no name after
# it that opens the clause ("The move could …", "The company said …") or a bare role whose
# event is not named ("Organisers, including …", "Critics say …"; "Researchers at X" names it).
_DANGLING = re.compile(
    ANAPHORIC.pattern + "|" + OPENS_ON_CONNECTIVE.pattern + "|"
    rf"^{_PART}\s+of\s+(?:the|its|their)\b|"
    r"^The\s+(?:other|latter|former|same|move|company|firm|group|decision|plan|rule|rules|"
    r"release|deal|report|statement|standard|campaign|change|changes|measure|measures|step|"
    r"project|programme|program|bill|law|policy|agency|body|city|country|government|"
    r"ministry|bureau|regulator|alliance|event|meeting|model|chip|system|app|platform|"
    r"announcement|news|case|incident|attack|fund|scheme|study|survey|list|document|notice|"
    r"proposal|draft|update|version|product|service|tool|test|trial|effort|push|initiative|"
    r"forum|summit|conference|dialogue|talks|fair|expo|festival|race|court|judge|council|"
    r"action|order|ruling|lawsuit|suit|probe|investigation|inquiry|hearing|trial|vote|"
    r"agreement|pact|legislation)"
    r"\b(?!\s+(?:of|for|on|in|at|to|from|by|behind|between|against|over|into|with|called|named|known)\b)|"
    # ("said that his administration …": a conjunction, not a demonstrative)
    # ("… after this weekend's shooting": a time the reader's week sets, not a reference)
    # ("a forum that brings …", "a suite that checked …": a relative clause, whose verb no
    # demonstrative "that" stands before)
    r"^(?:\S+\s){0,5}(?:these|those|that(?!\s[a-z]+(?:[^s\W]s|ed)\b)|such|this(?!\s(?:week|weekend|month|year|morning|"
    r"afternoon|evening|spring|summer|autumn|fall|winter|season)\b))\s(?!(?:is|was|are|were|his|her|its|their|"
    r"the|a|an|he|she|it|they|we|i|you|our|my|there)\b)[a-z]+|"
    # a time only the sentence before set: "On the first afternoon, …"
    r"^On the (?:first|second|third|last|final|opening|closing|same|next) (?:day|afternoon|"
    r"morning|evening|night)\b|"
    # a role whose event only the sentence before named: "Organisers, including …, pitched …"
    r"^(?:Organi[sz]ers|Delegates|Participants|Attendees|Spectators|Officials|Critics|"
    r"Observers|Analysts|Experts|Researchers|Investors|Residents|Users|Members)"
    r"\b(?!\s+(?:of|at|from|in|for|with|on)\b)|"
    # an unnamed speaker: "AOMA, she said, would …"
    r"(?:^|,\s)(?:he|she|they)\s(?:said|says|added|told|noted|argued|wrote|warned)\b")
# (and a connective that answers the sentence before: 为此 "to this end", 因此 "so", 对此 "to
# this", 于是, 随后 "after that", 然而 "however")
_ZH_DANGLING = re.compile(r"^(?:其|该|此|这|那|他|她|它|他们|她们|它们|此外|另外|同时|但|而|不过|第二|第三|其次|最后|"
                          r"为此|因此|对此|由此|据此|所以|于是|因而|然而|随后|与此同时)")


def dangles(text: str) -> bool:
    """Whether the sentence leans on one before it (see _DANGLING) and cannot stand alone."""
    text = text.lstrip("\"“‘'(「")
    return bool(_DANGLING.search(text) or _ZH_DANGLING.match(text))


def said_elsewhere(words: frozenset[str], elsewhere: Iterable[frozenset[str]]) -> bool:
    """Whether another part of the issue (the TL;DR, the Explainer) says this already: the
    content words of one of its sentences cover 60 % of the smaller of the two (at least 3)."""
    return any(len(words & bag) >= max(3, 0.6 * min(len(words), len(bag))) for bag in elsewhere)
