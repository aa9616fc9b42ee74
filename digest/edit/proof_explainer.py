"""The copy editor for the front of an issue: the TL;DR, the intro and the Explainer.

`front_strikes(issue)` returns one `proof.Strike` per violation, as `proof.issue_strikes` does
for headlines and paragraphs; `bench/explainer.py` counts them on real weeks and the tests run
them over the demo issue. The rules, each a row of data below:

TL;DR: at most three sentences; none that leans on a sentence not printed ("He …", "Second,
…", "The move …") or chains leads ("And …", "Meanwhile, …", "Elsewhere, …"); one through-line
(with two or more sentences, each shares a name or two content words with another); no fact
twice; in the issue's language; no operator line ("All 8 sources fetched fine").

Intro: no operator line; no headline quoted whole; a sentence, not a list (at most
`INTRO_WORDS` words); no item of its list ending on a function word or an adverb ("North
Korea is", "Trump asked Comey to", "the Senate narrowly"); no name lower-cased ("a tulsi
Gabbard").

Explainer: each answer answers its question (`ANSWERS`: the question's cue within
`NEAR` words of the entity's name, or for "Which is?" a definition, for "Why does it
matter?" a consequence or a reaction anywhere in the answer); no answer opening on a
reference the reader cannot resolve (and no later sentence on one other than a pronoun for
the entity); no fact (a figure, or most content words) repeated across answers or from the
TL;DR; in the issue's language (a Chinese name in brackets after an English one is fine).

The heuristics are closed-class English and a short list of cue words per question, written
for this module (nothing learned from the benchmarks).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from digest.edit.facts import restates
from digest.edit.lexicon import ANAPHORIC, CJK_RE, content_words, dangles, is_adverb, mostly_cjk
from digest.edit.proof import (
    ARTICLES,
    AUXILIARIES,
    CONJUNCTIONS,
    PREPOSITIONS,
    Strike,
    _cjk_outside_brackets,
    _lowered_name,
    opens_on_reference,
)
from digest.models import Explainer, Issue

TLDR_SENTENCES = 3
INTRO_WORDS = 70  # the seed's intro runs 50 words: longer is a list, not a sentence
NEAR = 12  # words between the entity's name and a question's cue

# What the reader sees that is the operator's: source health, selection counts.
OPERATOR = re.compile(
    r"\b(?:sources?\s+(?:fetched|failed|down|checked)|fetched fine|named in \d+ of \d+|"
    r"\d+\s+(?:mentions|articles)\b|\d+ of \d+ (?:sources|stories)|out of window|"
    r"off[- ]topic|duplicates?\b)", re.IGNORECASE)
# A TL;DR sentence that chains onto the one before it.
CHAINED = re.compile(r"^(?:And|Meanwhile|Elsewhere|Separately|In other news|Also|Plus)\b")
# An item of the intro's list that ends on a word no noun phrase ends on.
_BAD_END = (PREPOSITIONS | ARTICLES | CONJUNCTIONS | AUXILIARIES) - {"up", "out", "off", "down",
                                                                    "over", "in", "on"}
_ITEM_END = re.compile(r"\b([A-Za-z'’]+)(?=,\s|\s+and\s|\s+with\s|\.$)")

# What an answer to each question says about the entity, near its name.
ANSWERS: dict[str, re.Pattern[str]] = {
    "Who's in it?": re.compile(
        r"\b(?:members?|membership|includ\w*|compris\w*|made up of|led by|chair\w*|heads?|"
        r"headed|joined|founders?|founding|president|director|chief|leader)\b|"
        r"成员|会员|包括|牵头|主任|主席|领导", re.IGNORECASE),
    "Been around long?": re.compile(
        r"\b(?:founded|established|set up|formed|created|launched|began|started|since|"
        r"decades?|history|(?:19|20)\d\d)\b|成立|创建|设立|\d{4}年", re.IGNORECASE),
    "What does it do?": re.compile(
        r"\b(?:publish\w*|releas\w*|issu\w*|runs?|operat\w*|regulat\w*|oversees?|enforc\w*|"
        r"sets?|develop\w*|maintain\w*|coordinat\w*|organi[sz]\w*|hosts?|funds?|invest\w*|"
        r"represent\w*|lobb\w*|advis\w*|investigat\w*|certif\w*|manag\w*|provid\w*|"
        r"offers?|builds?|makes?|sells?|produc\w*|research\w*|standards?|benchmarks?|"
        r"rules?|guidelines?|tests?|datasets?|leaderboard)\b|发布|推动|制定|负责|开展|监管",
        re.IGNORECASE),
}
# "Why does it matter?": consequences and reactions, anywhere in the answer.
MATTERS = re.compile(
    r"\b(?:cited|citing|quoted|relied|relies|adopted|welcomed|criticis\w*|criticiz\w*|"
    r"critics?|objected|opposed|warned|praised|condemned|backed|influen\w*|widely used|"
    r"could|would|means?|affects?|forces?|shapes?|impacts?|consequences?|reactions?|"
    r"concerns?|because|so that|risks?|pressure|depend\w*|lets?|allows?|requires?)\b|"
    r"重要|影响|关键|参考|引用|批评|欢迎", re.IGNORECASE)


def _language_strike(where: str, text: str, cjk_issue: bool) -> Strike | None:
    if cjk_issue and not mostly_cjk(text):
        return Strike(where, "not in the issue's language", text)
    if not cjk_issue and _cjk_outside_brackets(text):
        return Strike(where, "Chinese outside brackets in a Latin-script issue", text)
    return None


def tldr_strikes(sentences: Sequence[str], *, language: str = "en") -> list[Strike]:
    """What a copy editor would strike in a TL;DR."""
    out: list[Strike] = []
    cjk_issue = language[:2].lower() in ("zh", "ja", "ko")
    if len(sentences) > TLDR_SENTENCES:
        out.append(Strike("tldr", f"more than {TLDR_SENTENCES} sentences", " ".join(sentences)))
    for k, s in enumerate(sentences):
        if CHAINED.match(s):
            out.append(Strike("tldr", "chained leads", s))
        elif dangles(s) or opens_on_reference(s):
            out.append(Strike("tldr", "leans on a sentence not printed", s))
        why = restates(s, sentences[:k])
        if why:
            out.append(Strike("tldr", f"fact stated twice ({why})", s))
        if OPERATOR.search(s):
            out.append(Strike("tldr", "operator line", s))
        lang = _language_strike("tldr", s, cjk_issue)
        if lang:
            out.append(lang)
    if len(sentences) > 1 and not _one_line(sentences):
        out.append(Strike("tldr", "no through-line (the sentences share no name or subject)",
                          " ".join(sentences)))
    return out


_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'’-]+|\b[A-Z]{2,}\b|[\u3400-\u9fff]{2,}")


def _one_line(sentences: Sequence[str]) -> bool:
    """Each sentence shares a name (a capitalised word inside it) or two content words with
    another one."""
    names = [{m.group(0).rstrip("'’s") for m in _NAME.finditer(s)} for s in sentences]
    words = [set(content_words(s)) for s in sentences]
    return all(any(j != k and (names[k] & names[j] or len(words[k] & words[j]) >= 2)
                   for j in range(len(sentences))) for k in range(len(sentences)))


def intro_strikes(intro: str, headlines: Sequence[str], *,
                  sources: Sequence[str] = ()) -> list[Strike]:
    """What a copy editor would strike in the intro (`headlines`: the issue's; `sources`: its
    articles' texts, to tell a lower-cased name)."""
    out: list[Strike] = []
    if OPERATOR.search(intro):
        out.append(Strike("intro", "operator line", intro))
    low = intro.lower()
    for h in headlines:
        if len(h.split()) >= 4 and h.lower().rstrip(".") in low:
            out.append(Strike("intro", "quotes a headline", h))
    n = len(intro.split()) if not CJK_RE.search(intro) else len(intro) // 2
    if n > INTRO_WORDS:
        out.append(Strike("intro", f"a list, not a sentence ({n} words)", intro))
    for m in _ITEM_END.finditer(intro):
        word = m.group(1).lower()
        if word in _BAD_END or is_adverb(m.group(1)):
            out.append(Strike("intro", f"an item ending on a function word or adverb ({m.group(1)})",
                              intro[max(0, m.start() - 40):m.end()]))
    if sources:
        for w in re.findall(r"(?<=\s)[a-z][a-z'’-]+(?=\s[A-Z])", intro):
            if _lowered_name(w, sources):
                out.append(Strike("intro", "name lower-cased", w))
    return out


def _forms(explainer: Explainer) -> list[str]:
    full = re.sub(r"\s*\([^)]*\)$", "", explainer.entity)
    return sorted({full, *explainer.aliases}, key=len, reverse=True)


def _near(rx: re.Pattern[str], text: str, forms: Sequence[str]) -> bool:
    """Whether a cue of `rx` is within NEAR words (or 20 Chinese characters) of a form."""
    spots = [m.start() for f in forms for m in re.finditer(re.escape(f), text)]
    if not spots:
        spots = [0]  # a pronoun for it ("It was set up in 2017")
    for m in rx.finditer(text):
        for at in spots:
            a, b = sorted((at, m.start()))
            gap = text[a:b]
            if len(gap.split()) <= NEAR or (CJK_RE.search(gap) and len(gap) <= 20):
                return True
    return False


# What a definition says a thing is: "an industry body", "a 70-year-old alliance".
KINDS = (r"(?:body|group|alliance|agency|organi[sz]ation|association|consortium|company|firm|"
         r"regulator|network|coalition|institute|forum|federation|platform|party|union|court|"
         r"council|committee|commission|bureau|ministry|department|office|authority|"
         r"administration|board|foundation|fund|bank|university|think tank|non-?profit|charity|"
         r"start-?up|maker|developer|manufacturer|operator|provider|publisher|broadcaster|"
         r"outlet|newspaper|league|caucus|force|club|society|movement|chamber|legislature|"
         r"parliament|assembly|lab|laboratory|standard|benchmark|programme|program)s?")


def defines(text: str, forms: Sequence[str]) -> bool:
    """Whether the text says what the entity is: "X is a/an … <kind>" with X its subject,
    an appositive "X, an industry body …", "known as X", "X是…" or "X成立于…" ("Congress, a new divide
    is emerging" and "the event on CNN, a fitting location" define nothing)."""
    names = "|".join(re.escape(f) for f in forms)
    paren = r"(?:\s*[(（][^)）]*[)）])?"
    kind = rf"(?:an?|the|one of the)\s+(?:[\w’'-]+\s+){{0,6}}?{KINDS}\b"
    return re.search(
        rf"^[\"“]?(?:The\s+)?(?:{names}){paren}\s+(?:is|was|are|were)\s+{kind}|"
        rf"(?:{names}){paren},\s+{kind}|(?:known as|short for|stands for)\s+(?:the\s)?"
        rf"(?:{names})|(?:{names}){paren}\s*(?:是|为|系|于\d{{4}}年|成立于)", text) is not None


def answered(question: str, texts: Sequence[str], forms: Sequence[str]) -> bool:
    """Whether an answer answers its question (the module docstring's heuristic). A question
    this module has no rule for is taken as answered."""
    if question == "Which is?":
        return any(defines(t, forms) for t in texts)
    if question == "Why does it matter?":
        return any(MATTERS.search(t) for t in texts)
    rx = ANSWERS.get(question)
    return rx is None or any(_near(rx, t, forms) for t in texts)


def explainer_strikes(explainer: Explainer, *, language: str = "en",
                      tldr: Sequence[str] = ()) -> list[Strike]:
    """What a copy editor would strike in an Explainer."""
    out: list[Strike] = []
    cjk_issue = language[:2].lower() in ("zh", "ja", "ko")
    forms = _forms(explainer)
    given: list[str] = []
    for qa in explainer.qa:
        texts = [s.text for s in qa.answer]
        if not answered(qa.question, texts, forms):
            out.append(Strike("explainer", f"does not answer {qa.question!r}", " ".join(texts)))
        for k, t in enumerate(texts):
            if k == 0 and (dangles(t) or opens_on_reference(t)):
                out.append(Strike("explainer", "opens on a reference not printed", t))
            elif k and not ANAPHORIC.match(t) and dangles(t):
                out.append(Strike("explainer", "leans on a sentence not printed", t))
            why = restates(t, given)
            if why:
                out.append(Strike("explainer", f"fact repeated across answers ({why})", t))
            elif restates(t, tldr):
                out.append(Strike("explainer", "repeats the TL;DR", t))
            lang = _language_strike("explainer", t, cjk_issue)
            if lang:
                out.append(lang)
        given.extend(texts)
    return out


def front_strikes(issue: Issue, sources: dict[str, str] | None = None) -> list[Strike]:
    """Every strike in an issue's TL;DR, intro and Explainer. `sources` maps an article URL to
    its title and text (to tell a lower-cased name in the intro)."""
    language = issue.newsletter.language
    tldr = [s.text for s in issue.tldr]
    out = tldr_strikes(tldr, language=language)
    out += intro_strikes(issue.intro, [s.headline for s in issue.stories],
                         sources=list(sources.values()) if sources else ())
    if issue.explainer is not None:
        out += explainer_strikes(issue.explainer, language=language, tldr=tldr)
    return out
