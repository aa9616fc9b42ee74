"""A sentence that leans on another: what it opens on, answers, continues or counts on.

Printed away from the sentence before it in its article, such a sentence points at words the
reader never got: "He said …", "The company …", "Second, …", "One of them …", "The answer has
been yes.", "So, on Jan. 27, …", "Below is …". The writers (`write/lines.py`, `write/trim.py`,
the Explainer's pool) use these predicates to choose only sentences that stand alone, and the
copy editor (`proof.paragraph_strikes`, `proof/tldr`) strikes what slips through — one rule,
read by both. Also here: a dek in headline grammar printed as a sentence (`headline_grammar`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from collections.abc import Set as AbstractSet

from digest.edit.lexicon import (
    ANAPHORIC,
    CALENDAR,
    CJK_RE,
    EXPLETIVE_IT,
    OPENS_ON_CONNECTIVE,
    QUOTED,
    dangles,
    mostly_cjk,
)

# A reference to something the reader has not been told: pronouns, ordinals of a list not
# printed, "one of them", and "the <role noun>" (the company, the move) without its name, a
# date between them or not ("The Dec. 22 report, marked for official use only, says …").
# ("the <noun>" its own words identify is no reference: a restrictive clause, "The company
# that owns …", "of" a name, "The leader of the Alabama Republican Party …", a participle,
# "The woman accusing …" — not a preposition in -ing, "The move during …"; an article's lead
# may open so, and reads alone). "The two" or "The three" before a verb or a comma counts the
# people the sentence before named ("The two grew close, …"; "The two-day …", "The two
# captains who …" stand alone).
_IDENTIFIED = (r"\s(?:that|who|whose)\s|\sof\s(?:the\s)?[A-Z]"
               r"|\s(?!(?:during|following|including|regarding|according|concerning|pending)\s)"
               r"[a-z]+ing\s"
               # a past participle of what was done to them, before its preposition ("The man
               # arrested on suspicion of …", "The woman charged with …", "The firm based in
               # …"): a closed list of verbs a lead does not write as its own past tense right
               # after its subject and before a preposition ("The company announced on Monday
               # …" is no participle, and leans)
               r"|\s(?:arrested|suspected|accused|charged|convicted|detained|jailed|indicted|"
               r"sentenced|wanted|killed|wounded|injured|stabbed|based|headquartered|involved|"
               r"named|identified|elected|appointed|nominated|tapped|chosen|hired|sworn)"
               r"\s(?:on|of|with|in|for|at|after|over|to|as|from|under|by|near|during)\s")
# "The former" / "the latter" is one of two the sentence before named, unless it qualifies a
# noun its own clause identifies: "The former Minneapolis officer who shot …" stands alone
# ("The former officer was charged" leans, as "The officer …" does; so does "The former warned
# that …": "that" after a verb opens what was said, not a clause of a noun).
_FORMER = r"(?:former|latter)(?!(?:\s[\w.’'-]+){1,4}\s(?:who|whose)\s)"
_ON_A_DAY = (r"(?:(?:(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.|January|February|March|April|"
             r"May|June|July|August|September|October|November|December)\s\d{1,2}|Monday|Tuesday|"
             r"Wednesday|Thursday|Friday|Saturday|Sunday|\d{4})\s")
_REFERENCE = re.compile(
    ANAPHORIC.pattern + "|" + OPENS_ON_CONNECTIVE.pattern +
    rf"|^The\s(?:{_ON_A_DAY})?(?:company|firm|group|agency|move|decision|plan|bill|measure|"
    r"deal|report|statement|"
    rf"announcement|man|woman|official|officials|{_FORMER}|pair|couple|suspect|victim|"
    r"incident|case|policy|proposal|rule|rules|law|effort|program|programme|project|"
    r"organisation|organization|department|ministry|regulator|lawmaker|senator|president|"
    r"governor|leader|spokesman|spokeswoman|spokesperson|developer|startup|"
    r"campaign|event|summit|meeting|conference|vote|order|letter|move|directive|memo|"
    # a work by its kind ("The series and its many spinoffs …", "The film, which …"): the
    # one the sentence before named; not a noun's modifier ("The movie version of …")
    r"(?:series|show|film|movie|book|novel|album|song|drama|episode|documentary)"
    r"(?=,|\s(?:and|is|was|are|were|has|had|have|will|would|also|first|then|now)\b)|"
    r"guidance|(?:two|three)(?=,|\s(?:[a-z]+ed|are|were|have|had|will|would|met|spoke|said|"
    r"say|grew|went|also|both|now|later|then)\b)"
    r")\b(?!" + _IDENTIFIED + ")")
# "… love him.", "Twelve hours later, he told …": a person the sentence never names.
# What else makes a sentence lean on the one before it in its article (beyond its opening
# word: `opens_on_reference`), each rule with the fault a copy editor writes in the margin.
# Printed anywhere but right after that sentence, it answers, continues or counts on words
# the reader never got: "For more than two centuries, the answer has been “yes.”" (the
# question was its article's sentence before), "So, on Jan. 27, …", "The first is that …".
# "Below is some of what they have learned.", "Here's a rundown of both sides.", "The following
# are the details.": the text it introduces is the article's, never printed after it; so is
# the list a sentence opens with its colon and first number ("…, but here are five things that
# stood out: 1.").
POINTS_FORWARD = re.compile(r"^(?:Below|Here)(?:'s|’s|\s(?:is|are)\b)|^The following\b"
                            r"|^(?:Read on|See below)\b|\b(?:below|as follows):?$|:\s+1\.$")
# A word of an opening phrase that names nobody: a lower-case word, a figure, a date's word.
_CALENDAR = "|".join(sorted(CALENDAR))
_UNNAMED = r"[a-z0-9][\w'’.-]*|" + _CALENDAR
# What opens an adverbial before the main clause: a subordinator or a preposition.
_ADVERBIAL = ("after|as|when|while|before|since|until|once|though|although|because|if|in|on|"
              "at|during|with|for")
# A demonstrative pronoun: "this", "that", "these", "those" before a verb of its own or a
# stop, in the sentence's first clause — no subordinate clause, no ", but"/", and"/";" before
# it — after an opening phrase with no verb ("Without this,", "Together with medical care,
# this may …"; "It is a time for gardening, that is for sure" stands for its own clause) or
# as the object of a preposition ("… three big reasons for this."). Not in quotation marks:
# a speaker's "this" is the speaker's.
_DEMONSTRATIVE_VERB = (r"(?:is|was|are|were|may|might|can|could|will|would|should|must|has|had|"
                       r"means|meant|makes|made|helps|helped|led|leads|comes|came|works|seems|"
                       r"shows|suggests|gives|allows|matters|happens|happened|did|does|isn['’]t|"
                       r"wasn['’]t|doesn['’]t|didn['’]t)")
_NO_CLAUSE = (r"^(?!(?:While|Although|Though|If|When|Whenever|Because|Since|Once|Whereas|"
              r"Unless|Even if|Even though)\b)(?:(?!,\s(?:but|and|yet)\b|;|[“\"]")
_NO_VERB = r"|\b(?:is|are|was|were|has|have|had|will|would|can|could|do|does|did|[a-z]+ed)\b"
_DEMONSTRATIVE = re.compile(
    _NO_CLAUSE + _NO_VERB + r").)*?,\s(?:this|that|these|those)\s" + _DEMONSTRATIVE_VERB + r"\b"
    r"|" + _NO_CLAUSE + r").)*?\b(?:[Ww]ith|[Ww]ithout|of|for|to|by|from|about|like|[Dd]espite|"
    r"after|before|beyond|behind|than)\s(?:this|that|these|those)[,.;!?]")
LEANS_BACK: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("answers a question not printed",
     re.compile(r"\b[Tt]h(?:at|is) answer (?:is|was|has|seems|appears)\b"  # (not "tools that answer")
                r"|(?:\b[Tt]he|^One|^An|^Part of the) (?:short |simple )?answer\b"
                r"(?!\s+(?:of|to)\b)"
                r"|^The question(?=:|\s(?:is|was|comes|came|remains|now)\b)")),
    ("goes on from a sentence not printed",
     re.compile(r"^(?:So|Now|Again|After all|Well|Oh|Oh yes|Yes|No|Regardless|Anyway|Alas),\s"
                r"|^So\s(?!far\b|much\b|many\b|long\b|too\b|called\b|-)"
                r"|^Now\s(?:he|she|they|it|we|that's|that’s|there)\b")),
    # "In an address on Thursday, he said …": the opening phrase names nobody (a date is no one);
    # "Tuesday, after he issued the declaration, police say …", "As he rode down that
    # escalator in June 2015, it felt like a lark": a pronoun in an opening adverbial that
    # names nobody, and no name in the first words after it ("As he spoke, President Biden
    # …", "After she left office, the senator …" name who it is there)
    ("a person the sentence never names",
     re.compile(rf"^[A-Z][\w'’-]*(?:\s(?:{_UNNAMED}))*,\s(?:he|she|they)\s"
                rf"|^(?:(?:{_CALENDAR}),\s)?(?i:{_ADVERBIAL})\s(?:(?:{_UNNAMED})\s)*?(?:he|she|"
                rf"him|his|her|they|them|their)(?:\s(?:{_UNNAMED}))*,\s+(?!(?:the|a|an)\s)"
                r"(?:[a-z][\w'’-]*\s+){3}[a-z]")),
    # "The reason for this was twofold.", "All of this has required …", "The fact that this is
    # only a sampling …": a demonstrative standing for what the sentence before said.
    ("points back to a sentence not printed",
     re.compile(r"^(?:\S+\s){0,5}(?:for|of|among|to|with|about|from|by) (?:this|these|those)\s"
                r"(?:is|was|are|were|has|had|have|will|would)\b|^The fact that (?:this|these|those)\b")),
    # "Without this, even the best content may not rank well.", "Intuitively, this makes
    # sense.", "There are three big reasons for this.": a demonstrative standing alone (a verb
    # or a stop after it, no noun) for what the sentence before said, with no clause of its
    # own before it that it may stand for ("While X is often perceived as Y, this is not
    # always the case", "…, but despite that, …" stand alone)
    ("stands for a sentence not printed", _DEMONSTRATIVE),
    # "The others are Georgia, Michigan, …": the rest of a set the sentence before counted
    ("an item of a list not printed",
     re.compile(r"^The (?:first|second|third|last|other) (?:is|was|one|of (?:these|them|those))\b"
                r"|^The others (?:are|were|include|included)\b")),
    ("points to text not printed", POINTS_FORWARD),
)
REFERENCE_FAULT = "opens on an unresolved reference"
# A dek or subheading printed as a sentence: headline grammar, its clauses joined by a
# semicolon, with no article, pronoun or quotation anywhere ("Former FBI director speaks in
# interview; Trump accuses Comey of lies in series of tweets."). Prose that joins two clauses
# so writes "the", "a" or a pronoun ("Millions have lost their jobs; some have lost homes.").
DEK_FAULT = "a dek in headline grammar printed as a sentence"
_PROSE_WORD = re.compile(r"\b(?:a|an|the|i|he|she|it|we|they|you|his|her|its|our|their|your|"
                         r"my|him|them|us|me|this|these|those)\b|[\"“”‘’]|'\s|\s'",
                         re.IGNORECASE)
_PERSONAL = re.compile(r"\b(?:he|him|his|himself|she|her|hers|herself)\b")
# (… or the writer's own: "our 41st president", "my father" is a person the sentence gives)
_INDEFINITE = re.compile(r"\b(?:[Aa]n?|[Oo]ne|[Oo]ur|[Mm]y)\s")
# (… or with no comma before the mark, as a careless page writes it: "'Nobody trusts the ferry'
# he told the council.")
_PRONOUN_SPEAKER = re.compile(r"[\w,.!?][”\"’']\s+(?:he|she|they|it|we)\s+(?:said|says|added|"
                              r"told|wrote|explained|argued|noted)\b")


# A conjunction or a connective of addition or contrast that a copy editor strikes when the
# sentence is printed away from the one it answered ("But Britt McHenry, a sports reporter for
# ESPN, has been suspended …" after a sentence not printed): the fact stands without it. Not
# a word that carries what came before into the sentence ("Instead", "Similarly", "Then",
# "Another", an ordinal): striking those changes what the sentence says.
STRIKABLE = re.compile(r"^(?:(?:But|And|Yet)(?:,\s*|\s+)|(?:However|Still|Moreover|Furthermore|"
                       r"Additionally|In addition|Indeed|In fact|Also|Meanwhile),\s+)(?=[\w“\"‘'])")


# A pronoun or a demonstrative that a sentence opening on a conjunction may use for what the
# sentence before told ("But in reality, it was …", "But even they concede …"): outside its
# quotations and before any name of its own, what is left after the strike still leans.
_BACK_WORD = re.compile(r"\b(?:he|him|his|she|her|it|its|they|them|their|this|these|those)\b",
                        re.IGNORECASE)
# (a capital right after the conjunction is a name: "But Brandt said she …"; "On Sunday they …"
# names nobody)
_NAME = re.compile(rf"(?:^|(?<=\s))(?!(?:{_CALENDAR})\b)[A-Z]")


def struck(sentence: str) -> str | None:
    """`sentence` without its opening conjunction (`STRIKABLE`), its first word capitalised
    ("But analysts …" → "Analysts …"; a brand's inner capital stays: "iPhone"), or None when
    it opens on none or uses a pronoun before any name (`_BACK_WORD`: "But for students, it
    could …"). Whether what is left stands alone otherwise is the caller's to ask."""
    m = STRIKABLE.match(sentence)
    if m is None:
        return None
    rest = sentence[m.end():]
    outside = QUOTED.sub(lambda q: " " * len(q.group(0)), rest)
    name = _NAME.search(outside)
    if _BACK_WORD.search(outside[:name.start() if name else len(outside)]):
        return None
    first = rest.split(" ", 1)[0]
    if rest[:1].islower() and first[1:] == first[1:].lower():
        rest = rest[:1].upper() + rest[1:]
    return rest


def opens_on_reference(sentence: str) -> bool:
    """Whether a sentence leans on one before it: a pronoun (not an "It" that stands for
    nothing: `lexicon.EXPLETIVE_IT`), an ordinal of an unprinted list, "one of them", "the
    company" (see _REFERENCE), or a quotation whose speaker is a pronoun ('"We support it,"
    he said.')."""
    s = sentence.strip()
    opening = s.lstrip("“\"'‘(")
    return bool((_REFERENCE.match(opening) and not EXPLETIVE_IT.match(opening))
                or _PRONOUN_SPEAKER.search(s) or unnamed_person(s))


def leans_back(sentence: str) -> str | None:
    """The fault of a sentence that leans on the one before it in its article — it opens on a
    reference (`opens_on_reference`) or answers, continues or counts on it (`LEANS_BACK`) —
    or None when it stands alone."""
    if opens_on_reference(sentence) or (mostly_cjk(sentence) and dangles(sentence)):
        return REFERENCE_FAULT  # (Chinese: "此外，…", "他表示…", "该公司…")
    s = sentence.strip()  # (a speaker's "So, …" in quotation marks goes on from his own words)
    return next((fault for fault, rule in LEANS_BACK if rule.search(s)), None)


# The roles "The <role> …" may stand for (`_REFERENCE`) that a title before a name gives: under
# a headline naming its one holder so ("Senator Cory Booker launches bid …"), "The senator
# received prayers …" is that person's second reference, as in the article under that title.
ROLE_TITLES: dict[str, tuple[str, ...]] = {
    "senator": ("Senator", "Sen."), "president": ("President",), "governor": ("Governor", "Gov."),
}
_ROLE = re.compile(r"^The\s(" + "|".join(ROLE_TITLES) + r")\b(?![\w-])")
# (a title after "Former", "Vice", "ex-" or "then-" is another office: "The president" under
# "Vice President Pence …" is not Pence)
_OTHER_OFFICE = re.compile(r"(?:[Ff]ormer|[Vv]ice|[Ee]x-|[Tt]hen-|[Ll]ate)\s?$")
_ROLE_OF = {t: role for role, titles in ROLE_TITLES.items() for t in titles}
# A title and the name after it, up to its last capitalised word ("President Donald Trump's").
_TITLED_NAME = re.compile(r"(?<![\w.])(" + "|".join(re.escape(t) for t in _ROLE_OF)
                          + r")\s((?:[A-Z][\w'’-]*\.?\s)*[A-Z][\w'’-]*[a-z](?:['’]s)?)(?![\w'’-])")
_POSSESSIVE = re.compile(r"['’]s$")


def titled_holders(texts: Iterable[str]) -> frozenset[tuple[str, str]]:
    """(role, surname) of everyone `texts` write with a role's title before their name
    ("President Donald Trump said" → ("president", "Trump"); not after "Former", "Vice" …):
    whom the week's readers know to hold it, for `role_holder`."""
    out: set[tuple[str, str]] = set()
    for text in texts:
        for m in _TITLED_NAME.finditer(text):
            if not _OTHER_OFFICE.search(text[:m.start()]):
                out.add((_ROLE_OF[m.group(1)], _POSSESSIVE.sub("", m.group(2).split()[-1])))
    return frozenset(out)


def role_holder(sentence: str, headline: str,
                titled: AbstractSet[tuple[str, str]] = frozenset()) -> str | None:
    """`sentence` with its opening "The <role>" (`ROLE_TITLES`) written as the one person
    `headline` names with that role's title ("The senator received …" under "Senator Cory
    Booker launches …" → "Senator Cory received …"), or, when it names none so, the one person
    it names whom `titled` (`titled_holders` of the week's texts) gives that title ("The
    president's son …" under "Donald Trump Says His Son …", the week writing "President
    Trump" → "President Trump's son …"); None: no such opening, or the headline names nobody
    so, or two people."""
    m = _ROLE.match(sentence.strip())
    if m is None or not headline:
        return None
    role = m.group(1)
    titles = "|".join(re.escape(t) for t in ROLE_TITLES[role])
    # (a title-case headline runs the name into its verb, "President Trump Says …": the word
    # after the title tells one holder from another, and stands for the name)
    held = {h.group(0) for h in re.finditer(rf"(?<![\w.])(?:{titles})\s[A-Z][\w'’-]*[a-z]",
                                            headline)
            if not _OTHER_OFFICE.search(headline[:h.start()])}
    if not held:
        held = {f"{ROLE_TITLES[role][0]} {name}" for r, name in titled
                if r == role and re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", headline)}
    if len(held) != 1:
        return None
    return next(iter(held)) + sentence.strip()[m.end():]


def headline_grammar(sentence: str) -> bool:
    """Whether a sentence is a dek in headline grammar (see DEK_FAULT): clauses joined by "; "
    and no article, pronoun or quotation mark anywhere. Chinese has no articles: never."""
    s = sentence.strip()
    return "; " in s and not CJK_RE.search(s) and not _PROSE_WORD.search(s)


def unnamed_person(sentence: str) -> bool:
    """A "he", "him", "her" … in a sentence that names nobody (no capitalised word after its
    first, no "a …" before the pronoun): "Evangelicals and gun-rights advocates love him." A
    name later in the sentence resolves it ("As he spoke, President Biden …")."""
    m = _PERSONAL.search(sentence)
    if not m:
        return False
    words = re.findall(r"[^\W\d_][\w'’.-]*", sentence)
    if any(w[0].isupper() and w != "I" for w in words[1:]):
        return False
    return not _INDEFINITE.search(sentence[:m.start()])
