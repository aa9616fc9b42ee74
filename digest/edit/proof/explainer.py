"""The copy editor for the front of an issue: the TL;DR, the intro and the Explainer.

`front_strikes(issue)` returns one `proof.Strike` per violation, as `proof.issue_strikes` does
for headlines and paragraphs; `bench/explainer.py` counts them on real weeks and the tests run
them over the demo issue. The TL;DR's rules are proof/tldr.py's, the intro's
proof/intro.py's, a person's answers' (who they are, what they did, said) proof/person.py's.

Explainer: each answer answers its question (proof/questions.py: `fault`); no answer opening
on a reference the reader cannot resolve (and no later sentence on one other than a pronoun for
the entity); no fact (a figure, or most content words) repeated across answers or from the
TL;DR; in the issue's language (a Chinese name in brackets after an English one is fine).

The heuristics are closed-class English, written for this module (nothing learned from the
benchmarks).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from digest.edit.lexicon import ANAPHORIC, content_words, dangles
from digest.edit.proof.answer import GLUED, misspelt, no_fact, word_counts
from digest.edit.proof.intro import intro_strikes
from digest.edit.proof.person import about_another, unnamed
from digest.edit.proof.questions import fault
from digest.edit.proof.strike import Strike
from digest.edit.proof.tldr import language_strike, tldr_strikes
from digest.edit.read.facts import restates
from digest.edit.read.leaning import opens_on_reference
from digest.edit.write.summarize import is_cjk_language
from digest.models import Explainer, Issue


def _forms(explainer: Explainer) -> list[str]:
    full = re.sub(r"\s*\([^)]*\)$", "", explainer.entity)
    return sorted({full, *explainer.aliases}, key=len, reverse=True)


def redefined(text: str, earlier: Sequence[str], forms: Sequence[str]) -> str | None:
    """How a person's definition ("Ann Lee is the former vice president.") states what one of
    `earlier` that names them stated (`repeated`); a sentence about someone else states no
    role of theirs ("… former Defense Secretary Jim Reyes …")."""
    alts = "|".join(map(re.escape, forms))
    names = re.compile(rf"(?<![\w])(?:{alts})(?![\w])")
    # The titles and the role written before the name in `earlier` are what a definition
    # spells, no fact ("… Trump's Supreme Court choice Ann Lee …" and "Ann Lee is the Supreme
    # Court nominee.").
    titled = re.compile(rf"(?:[A-Z][\w.'’-]*\s+)*(?:[a-z][\w-]*\s+){{0,2}}(?=(?:{alts})(?![\w]))")
    return repeated(text, [titled.sub("", e) for e in earlier if names.search(e)], forms)


def repeated(text: str, earlier: Sequence[str], forms: Sequence[str]) -> str | None:
    """How `text` states a fact one of `earlier` stated (facts.restates, the entity's name
    aside; a text of one content word besides, a role, states none), or None."""
    mine = unnamed(text, forms)
    if len(content_words(mine)) < 2:
        return None  # "X is the president." and "the president said …": a role, no fact
    return restates(mine, [t for t in (unnamed(e, forms) for e in earlier)
                           if len(content_words(t)) >= 2])


# A whole sentence ends on a full stop, a question or an exclamation mark (a quotation's
# closing mark after it); the sources' teasers end mid-clause ("… but could face").
CUT = re.compile(r"[.!?。！？][”’\"')）]*$")
# Cut where an abbreviation's dot was taken for a sentence's end: a bracket left open ("… to
# Chairman Richard Neal (D-Mass."), an ordinal before it ("… of the 9th U.S."; "… to the
# U.S." ends a sentence).
CUT_AT_ABBREVIATION = re.compile(r"\([^)]*$|\d(?:st|nd|rd|th)\s+(?:[A-Z]\.){2,}$")


def whole(text: str) -> bool:
    """Whether `text` is a whole sentence (`CUT`, `CUT_AT_ABBREVIATION`)."""
    return CUT.search(text) is not None and CUT_AT_ABBREVIATION.search(text) is None


# "The assessment, which …", "The looming vote would …": a thing the reader never met (a
# lower-case noun after "The" that no "of …"/"that …" tells).
_NOUN = r"(?!(?:of|for|on|in|at|to|from|by|with|and|or)\b)[a-z][\w-]*"
UNINTRODUCED = re.compile(rf"^The (?:{_NOUN} ){{0,2}}?{_NOUN}(?=\s*,|\s+(?:is|was|are|were|"
                          r"has|had|have|will|would|could|comes?|came|said|says|\w+ed)\b)")
# "NEW YORK, May 21 (Reuters) ― …", "Washington — …": the source's dateline, no part of the
# fact.
DATELINE = re.compile(r"^[A-Z]{2,}(?:[ .][A-Z]{2,})*\s*(?:,|\()|^[A-Z]{2,}[’'A-Z]*(?:\s[A-Z]{2,})+\s|"
                      r"^[A-Z][a-z]+(?:[ ,]+[A-Z][\w.]*){0,2}\s+[—–]\s")


def dateline(text: str, forms: Sequence[str]) -> bool:
    """Whether `text` opens on its source's dateline (`DATELINE`): an opening on one of the
    entity's own forms is its subject ("AOMA, an industry body, said …", "AOMA (the alliance)
    …"), no place."""
    return DATELINE.match(text) is not None and not any(
        re.match(rf"{re.escape(f)}(?!\w)", text) for f in forms)


# "Like Tim Ryan, he has …": a pronoun for someone an earlier sentence named; "During the
# tense exchanges, …", "In the July debate hosted by CNN, …": a thing an earlier sentence told.
LEANS = re.compile(r"^[A-Z][^,;:]{0,60},\s+(?:he|she|they|it)\s+[a-z]|"
                   # "Barr's action comes …", "… why such a move is needed": which one?
                   r"^[A-Z][\w.]*['’]s\s+(?:action|move|decision|remarks?|comments?|"
                   r"announcement|statement|plan|order|ruling|letter|memo|claim|call)\b|"
                   r"\bsuch an?\s+(?:move|step|decision|action|plan|change|measure)\b|"
                   # "Hours later, X said …": later than what a sentence before told.
                   r"^(?:(?:Hours|Days|Weeks|Months|Minutes|Moments|Years|Shortly|Soon|"
                   r"Not long)\s+(?:later|after|afterward|afterwards)|Later(?=,| that\b| the same\b)|"
                   r"Afterwards?(?=,)|The next day|The following day|The day after)\b|"
                   # "…, Biden also tapped …": besides what a sentence before told.
                   r"\b[A-Z][\w’'.-]*\s+also\s+[a-z]+(?:ed|ped|ted)\b|"
                   r"^[^,;:]{1,60},\s+(?:though|however|too|meanwhile|instead|in turn|then|"
                   r"also|as well|on the other hand|in contrast|by contrast)\s*,|"
                   r"^(?:During|After|Amid|Despite|Following|Before|Since|Until|In|At|On|With|"
                   r"Under|Through)\s+the\s+(?:[A-Z][a-z]+\s+)?[a-z][\w-]*[^,;:]{0,40},")
# A columnist's own voice outside a quotation ("I thought I would use …"): an opinion, no fact.
FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|me|my|we|We|our|Our|us)\b")


def open_quote(text: str) -> bool:
    """Whether a quotation opens in the sentence and closes in another one."""
    return text.count("“") != text.count("”") or text.count('"') % 2 == 1


def explainer_strikes(explainer: Explainer, *, language: str = "en",
                      tldr: Sequence[str] = (), sources: Sequence[str] = ()) -> list[Strike]:
    """What a copy editor would strike in an Explainer. `sources`: the week's article texts
    (a word the articles naming the entity misspelt, proof/answer.misspelt)."""
    out: list[Strike] = []
    forms = _forms(explainer)
    counts = word_counts(t for t in sources if any(f in t for f in forms))
    cjk_issue = is_cjk_language(language)
    person = bool(explainer.qa) and explainer.qa[0].question.startswith("Who is ")
    given: list[str] = []
    for qa in explainer.qa:
        texts = [s.text for s in qa.answer]
        why = fault(qa.question, texts, forms, person)
        if why:
            out.append(Strike("explainer", f"does not answer {qa.question!r} ({why})",
                              " ".join(texts)))
        for k, t in enumerate(texts):
            if k == 0 and (dangles(t) or opens_on_reference(t)):
                out.append(Strike("explainer", "opens on a reference not printed", t))
            elif k and not ANAPHORIC.match(t) and dangles(t):
                out.append(Strike("explainer", "leans on a sentence not printed", t))
            if open_quote(t):
                out.append(Strike("explainer", "a quotation left open", t))
            if k == 0 and UNINTRODUCED.match(t):
                out.append(Strike("explainer", "opens on a thing not introduced", t))
            if k == 0 and LEANS.search(t):
                out.append(Strike("explainer", "leans on a sentence not printed", t))
            if dateline(t, forms):
                out.append(Strike("explainer", "a dateline left in", t))
            if FIRST_PERSON.search(re.sub(r"“[^”]*”|\"[^\"]*\"", "", t)):
                out.append(Strike("explainer", "the writer's own voice", t))
            empty = no_fact(t, forms)
            if empty:
                out.append(Strike("explainer", f"no fact ({empty})", t))
            slip = misspelt(t, counts)
            if slip:
                out.append(Strike("explainer", f"the source's slip ({slip!r})", t))
            if not whole(t) or GLUED.search(t):
                cut = "a sentence cut off" if not whole(t) else "two sentences as one"
                out.append(Strike("explainer", cut, t))
            elif t.rstrip("”’\"' )").endswith("?"):
                out.append(Strike("explainer", "a question, not an answer", t))
            if person and about_another(t, forms):
                out.append(Strike("explainer", "about someone else (kin, a modifier)", t))
            # (a person's definition, without the role a later answer writes before the name)
            why = repeated(t, given[person:], forms) or redefined(given[0], [t], forms) if (
                person and given) else repeated(t, given, forms)
            if why:
                out.append(Strike("explainer", f"fact repeated across answers ({why})", t))
            elif (redefined if person and qa is explainer.qa[0] else repeated)(t, tldr, forms):
                out.append(Strike("explainer", "repeats the TL;DR", t))
            lang = language_strike("explainer", t, cjk_issue)
            if lang:
                out.append(lang)
        given.extend(texts)
    return out


def front_strikes(issue: Issue, sources: dict[str, str] | None = None) -> list[Strike]:
    """Every strike in an issue's TL;DR, intro and Explainer. `sources` maps an article URL to
    its title and text (to tell a name misprinted in the TL;DR or the intro)."""
    language = issue.newsletter.language
    tldr = [s.text for s in issue.tldr]
    texts = list(sources.values()) if sources else []
    out = tldr_strikes(tldr, language=language, sources=texts)
    out += intro_strikes(issue.intro, [s.headline for s in issue.stories], sources=texts)
    if issue.explainer is not None:
        out += explainer_strikes(issue.explainer, language=language, tldr=tldr, sources=texts)
    return out
