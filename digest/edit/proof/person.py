"""The copy editor's rules for an Explainer on a person (proof/questions.RULES reads them):
who the sources say the person is, what they did, what they said, and which mention of the
name is theirs ("First Lady Melania Trump" is another Trump; "… with organizers" is no
speaker). Closed-class English and short cue lists written for this module, nothing learned
from the benchmarks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from digest.edit.lexicon import CALENDAR, SPEECH, content_words
from digest.edit.read.entities import is_title
from digest.edit.settings import ROLES

# A person's role, as the sources give it: "X is the Senate majority leader", "X is a
# Democrat" (settings.ROLES, titles too: "the secretary of state").
_ROLE = "|".join(re.escape(r) for r in (*ROLES, "secretary", "general", "vice president"))


def names_rx(forms: Sequence[str]) -> str:
    return "|".join(re.escape(f) for f in forms)


def defines_person(text: str, forms: Sequence[str]) -> bool:
    """Whether the text says who the person is: "X is a/the … <role>" with X its subject, or
    an appositive "X, the former defense secretary,"."""
    names = names_rx(forms)
    role = rf"(?:a|an|the)\s+(?:[\w’'.-]+\s+){{0,8}}?(?:{_ROLE})\b"
    return re.search(rf"^(?:{names})\s+(?:is|was)\s+{role}|(?:{names}),\s+{role}[^,]*,",
                     text, re.IGNORECASE) is not None


_PREPOSITION = re.compile(r"\b(?:to|of|with|about|for|against|on|by|from|at|and|or|if|unless|"
                          r"whether)\s+"
                          r"(?:(?:the|President|Sen\.?|Rep\.?|Mr\.?|Ms\.?|Mrs\.?)\s+)?$",
                          re.IGNORECASE)


def anothers(text: str, at: int, forms: Sequence[str]) -> bool:
    """Whether the name at `at` is part of another person's ("First Lady Melania Trump" for
    "Trump"): a capitalised word before it that is no title and makes no form with it."""
    m = re.search(r"([A-Z][\w’'-]*)\s+$", text[max(0, at - 40):at])
    if m is None or m.group(1) in _OPENERS:
        return False
    word = m.group(1)
    rest = re.match(r"[\w’'-]+", text[at:])
    return not is_title(word) and not any(
        f.startswith(f"{word} ") and rest is not None and f.endswith(rest.group(0))
        for f in forms)


# Words that open a sentence before a name ("In Trump's speech …"): no given name.
_OPENERS = frozenset(["The", "A", "An", "In", "On", "At", "But", "And", "As", "When", "While",
                      "After", "Before", "If", "For", "From", "With", "By", "Under", "So"])


# Words that open another clause between a name and a verb ("Joe Biden after organizers
# announced …": the organizers speak).
_JOINS = (r"(?:after|as|when|while|before|because|since|until|if|that|who|whom|whose|which|"
          r"and|but|or|where|once|though|although|"
          # a determiner opens another subject: "X, ending a court fight, the network said"
          r"the|a|an|his|her|its|their|this|these|those)")
_DAYS = "|".join(CALENDAR)  # "X on Monday said": "Trump attorney Rudy Giuliani said" is another


# "X has charged Ann Lee with lying": a prosecutor's charge, no speech ("X charged that …" is).
_CHARGE = re.compile(r"\s+(?:[\w’'.-]+\s+){1,8}?with\b")


def speech(text: str, forms: Sequence[str]) -> re.Match[str] | None:
    """Where the entity is the speaker: "X said …", "X, the …, told …", "…, said X." or
    "according to X" ("a source close to X said" and "critics said X lied" are others)."""
    names = names_rx(forms)
    for m in re.finditer(rf"(?<![\w])(?:{names})(?:['’]s\s+\w+)?(?:,[^,]{{1,80}},)?\s+"
                         rf"(?:(?:(?!{_JOINS}\b)[a-z][\w’'-]*|{_DAYS})\s+){{0,3}}?{SPEECH}\b", text):
        if not _PREPOSITION.search(text[max(0, m.start() - 30):m.start()]) and not anothers(
                text, m.start(), forms) and not quoted(text, m.start()) and not (
                m.group(0).endswith("charged") and _CHARGE.match(text, m.end())):
            return m
    return re.search(rf"\b{SPEECH}\s+(?:[A-Z][\w.-]*\s+){{0,4}}(?:{names})\s*[.,;]|"
                     rf"\baccording to\s+(?:[A-Z][\w.-]*\s+){{0,4}}(?:{names})\b", text)


# A deed: a verb in the past (or "has …") after the entity's name, which is its subject.
_DEED = re.compile(r"(?:won|lost|met|made|took|gave|sent|held|left|began|went|came|spoke|ran|"
                   r"sought|brought|struck|fought|chose|became|broke|hit|cut|set|put|quit|"
                   r"shut|led|sold|bought|paid|kept|faced|got|sat|stood|drew|\w{2,}ed)")


# What stands before a subject: the sentence's start, a clause's opener, a comma or a dash
# ("… helped get Donald Trump elected": an object).
_CLAUSE_OPENER = re.compile(r"(?:^|[,;:—–-]|\b(?:as|when|after|before|while|since|because|"
                            r"that|and|but|until|once|where|though|although)\b)\s*$",
                            re.IGNORECASE)


def _subject_place(text: str, at: int) -> bool:
    """Whether the name at `at` (its title and role words before it skipped: "Special
    counsel X has charged …") stands where a subject stands."""
    head = re.sub(rf"(?:(?:[A-Z][\w.'’-]*|of|the|{_ROLE})\s+)*$", "", text[max(0, at - 80):at])
    return _CLAUSE_OPENER.search(head) is not None or (at < 80 and not head.strip())


# "After Baier played clips of experts that Biden relied upon, Ducklo claimed …": what the
# opening clause tells is the circumstance, the main clause's subject acts.
_LEADING_CLAUSE = re.compile(r"^(?:After|When|As|While|Before|Because|Although|Though|If|"
                             r"Since|Until|Once|Whereas)\b[^,;]*,")


def acts(text: str, forms: Sequence[str]) -> bool:
    """Whether the entity does something in the text (its name the subject of a verb in the
    past: "Trump signed …", "Biden, the former vice president, has won …")."""
    names = names_rx(forms)
    lead = _LEADING_CLAUSE.match(text)
    return any(not _PREPOSITION.search(text[max(0, m.start() - 30):m.start()])
               and not anothers(text, m.start(), forms) and not quoted(text, m.start())
               and _subject_place(text, m.start()) and not (lead and m.start() < lead.end())
               for m in re.finditer(rf"(?<![\w])(?:{names})(?:['’]s\s+[a-z]+)?(?:,[^,]{{1,80}},)?"
                                    rf"(?:\s+on\s+(?:{_DAYS}))?"  # "X on Monday vetoed …"
                                    rf"\s+(?:\w+ly\s+|has\s+|have\s+|had\s+|was\s+|were\s+|"
                                    rf"also\s+)?(?:been\s+)?{_DEED.pattern}\b", text))


def quoted(text: str, at: int) -> bool:
    """Whether position `at` is inside a quotation."""
    before = text[:at]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def has_context(text: str, forms: Sequence[str]) -> bool:
    """Whether a quotation comes with what it is about: a content word outside it besides the
    speaker and the verb ("“Listen, anything can happen,” X said." tells a reader nothing)."""
    rest = re.sub(r"“[^”]*”|\"[^\"]*\"|(?<!\w)[‘'][^’']*[’'](?!\w)", " ", unnamed(text, forms))
    return bool(set(content_words(rest)) - {"says", "said", "told", "tells", "added", "wrote"})


def unnamed(text: str, forms: Sequence[str]) -> str:
    """The text without the entity's name and the title before it ("President Donald Trump
    signed …" -> " signed …"): its name is no fact an answer states."""
    return re.sub(rf"(?:[A-Z][\w.'’-]*\s+){{0,4}}(?:{names_rx(forms)})(?:['’]s)?(?![\w])", " ",
                  text)


# What a name before these words is about is the thing they name ("the Biden administration",
# "Trump supporters"), not the person: general English, written for this list.
_ATTRIBUTIVE = ("administration", "campaign", "era", "presidency", "family", "camp", "team",
                "transition", "supporters", "allies", "aides", "officials", "voters", "backers",
                "critics", "loyalists", "organization", "organisation", "foundation", "tower",
                "hotel", "doctrine", "years", "effect")


# "…, husband of White House aide X, …": the sentence is about the husband (general English).
_KIN = re.compile(r"\b(?:husband|wife|son|daughter|father|mother|brother|sister|widow|widower|"
                  r"spouse|nephew|niece|cousin|grandson|granddaughter)\s+of\s+"
                  r"(?:[\w.'’-]+\s+){0,4}$")


def attributive(text: str, start: int, end: int) -> bool:
    """Whether the name at `start`:`end` is not the person but part of another name ("Kelly
    Loeffler" for "Kelly"), a possessive ("Conway's husband …" is about the husband), a
    relative's ("husband of aide Ann Lee", `_KIN`) or a noun's modifier (`_ATTRIBUTIVE`, or after "the": "the Biden medical adviser")."""
    if re.search(r"\bthe\s+$", text[max(0, start - 5):start], re.IGNORECASE) or _KIN.search(
            text[max(0, start - 60):start]):
        return True
    after = text[end:end + 40]
    return re.match(r"(?:['’]s\b|\s+[A-Z][a-z]|\s+(?:" + "|".join(_ATTRIBUTIVE) + r")\b)",
                    after) is not None


def about_another(text: str, forms: Sequence[str]) -> bool:
    """Whether every mention of the person in `text` is another's name, a possessive, a
    relative's or a modifier (`anothers`, `attributive`): the sentence is not about them."""
    return not any(not anothers(text, m.start(), forms) and not attributive(text, m.start(), m.end())
                   for f in forms for m in re.finditer(rf"(?<![\w-]){re.escape(f)}(?![\w-])", text))


# "Bo said he would name X …", "Bo told reporters that she could …": the sayer's own plan or
# claim, what the sayer will do (with the entity), no consequence of the entity's.
_SAYERS_OWN = re.compile(rf"\b{SPEECH}\s+(?:[a-z]+\s+)?(?:that\s+)?(?:he|she|they|we|I)\s+"
                         rf"(?:\w+ly\s+)?$")
# A reaction told by a verb ("backed", "condemned", "praised"): done *to* someone, whom it
# names after it or who is its passive subject ("X was praised by …").
_REACTION_VERB = re.compile(r"\w+(?:ed|ing)", re.IGNORECASE)
_PASSIVE = re.compile(r"\b(?:is|are|was|were|been|being|be)\s+(?:\w+ly\s+)?$")


def speakers_plan(before: str, cue: str) -> bool:
    """Whether a modal cue ("would", "could") tells what the one saying it will do."""
    return cue.lower() in ("could", "would") and _SAYERS_OWN.search(before) is not None


def done_by_another(text: str, cue: re.Match[str], forms: Sequence[str]) -> bool:
    """A reaction verb that reacts to someone else than the person: she is named only before it and
    it is no passive ("In the ruling, written by X, the court backed a fund …")."""
    if not _REACTION_VERB.fullmatch(cue.group(0)) or _PASSIVE.search(text[:cue.start()]):
        return False
    return re.search(rf"(?<![\w])(?:{names_rx(forms)})(?![\w])", text[cue.end():]) is None
