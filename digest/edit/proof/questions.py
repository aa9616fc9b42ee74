"""Which rule judges an Explainer's answer, by its question (the copy editor's, and the
writers' before they print: write/explainer, write/explainer_people).

`fault(question, texts, forms)` names why an answer does not answer its question, or None:
`RULES` for the questions with a rule of their own ("Which is?": a definition, `defines`;
"Why does it matter?": a consequence or a reaction, `matters`; "What's next?": a plan or a
schedule, `_ahead`; a person's who, what they did and said by proof/person.py's rules), else
`ANSWERS`: the question's cue within `NEAR` words of the entity's name. Closed-class English
and a short list of cue words per question, written for this module (nothing learned from the
benchmarks).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from digest.edit.lexicon import CJK_RE
from digest.edit.proof.person import (
    acts,
    defines_person,
    done_by_another,
    has_context,
    names_rx,
    quoted,
    speakers_plan,
    speech,
)
from digest.edit.settings import FORCES_TO
from digest.sentences import SPEECH

NEAR = 12  # words between the entity's name and a question's cue

# What an answer to each question says about the entity, near its name.
ANSWERS: dict[str, re.Pattern[str]] = {
    # Who its members are, how many, or who leads it: not any sentence that has a member in
    # it ("one of its American members survived" tells a crash, not a membership).
    "Who's in it?": re.compile(
        r"\b(?:members?|membership)\s+(?:include[sd]?|are|is|was|were|such as|compris\w*|"
        r"list|range|span)\b|\b(?:is|are|was|were|became|become|as|remains?)\s+(?:a|an|the|"
        r"one of(?: the| its)?)?\s*(?:\w+\s+){0,2}members?\s+of\b|\b(?:has|had|have|with|"
        r"counts?)\s+(?:more than\s+|about\s+|over\s+|nearly\s+|some\s+|around\s+)?"
        r"[\d,]+\s+(?:\w+\s+)?members\b|\b[\d,]+-member\b|\bmember\s+(?:states?|countries|"
        r"nations|companies|firms|organi[sz]ations|groups|governments|list)\b|"
        r"\b(?:include[sd]?|compris\w*|made up of|led by|chaired by|headed by|founded by|"
        r"joined|founders?|founding|chair\w*|heads?|president|director|chief|leader)\b|"
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
    r"could|would|means?|affects?|shapes?|impacts?|consequences?|reactions?|"
    rf"{FORCES_TO}|"
    r"concerns?|because|so that|risks?|pressure|depend\w*|lets?|allows?|requires?)\b|"
    r"重要|影响|关键|参考|引用|批评|欢迎", re.IGNORECASE)



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


# What lies ahead: an intention, a plan, a schedule.
AHEAD = re.compile(r"\b(?:will|is expected to|are expected to|plans? to|planning to|is set to|"
                   r"are set to|(?:is|are) scheduled|is due to|next (?:week|month|year)|"
                   r"is slated|intends? to|is poised|is likely to|are likely to)\b|"
                   r"将|计划|预计", re.IGNORECASE)


_SAYING = (r"(?:saying|telling|writing|arguing|claiming|insisting|warning|declaring|calling|"
           r"adding|urging|vowing|promising|denying|asking|suggesting|predicting|tweeting|"
           r"expressing)\b")
SPEECH_ING = re.compile(rf",[”\"’']?\s+(?:(?:after|before|while|when|by)\s+)?(?:\w+ly\s+)?"
                        rf"{_SAYING}")
# "After suggesting Tuesday that … could stop X, Bo is …": the opening clause is a claim.
_SAID_BEFORE = re.compile(rf"^(?:After|Before|While|When|By)\s+(?:\w+ly\s+)?{_SAYING}[^,;]*,")
# A reaction: what others do about the entity (MATTERS' words that are no consequence).
_REACTION = re.compile(r"cited|citing|quoted|adopted|welcomed|critici\w+|critics?|objected|"
                       r"opposed|warned|praised|condemned|backed|influen\w*|widely used",
                       re.IGNORECASE)


# "X introduced a bill that would …": what the person's own deed's object would do, no
# consequence of the person's.
# ("…, a move that could …" and "…, which could …" say what the deed does: a consequence.)
_WHAT_IT_WOULD = re.compile(r"\b(?:that|which)\s+(?:also\s+)?$")


def _object_would(before: str) -> bool:
    clause = before.rsplit(",", 1)[-1]
    return (_WHAT_IT_WOULD.search(clause) is not None
            and re.match(r"\s*(?:a|an|the|which)\b", clause) is None)
# A name after one of these is the object of a preposition, what the sentence is not about.
_ASIDE_OBJECT = re.compile(r"\b(?:with|between|alongside|beside|including|like)\s+$")


def matters(text: str, forms: Sequence[str], person: bool = False) -> bool:
    """A consequence or a reaction (MATTERS) that is not in what the entity itself said ("X
    said the deal would …", "…, writing that it would …" is X's claim, not a consequence)
    nor quoted; for a person, nor the person's own deed ("X on Monday condemned …" is what
    X did; "Y condemned X" is a reaction), and within NEAR words of the name ("Y criticized Z
    … after … the call between X and …" is about Z)."""
    said = speech(text, forms)
    names = names_rx(forms)
    claims = [said.start()] if said else []
    # "…, writing that the plan would …", "…, expressing confidence that …": its claim too.
    claims += [m.start() for m in SPEECH_ING.finditer(text)
               if re.search(rf"(?<![\w])(?:{names})", text[:m.start()])]
    own = [] if not person else [(m.start(1), m.end()) for m in re.finditer(
        rf"(?<![\w])(?:{names})(?:,\s+who\b[^,]{{0,80}}|,[^,]{{1,80}},)?(\s+)"
        rf"(?:[\w’'-]+\s+){{0,3}}[a-z]+", text)]
    # A person opening the sentence: the reactions there are the person's deeds ("X blasted Y
    # and praised Z"); a consequence still counts. (An organisation's "X welcomed the rules"
    # is how it weighs in.)
    subject = person and re.match(rf"^(?:[A-Z][\w.'’-]*\s+){{0,7}}(?:{names})(?![\w’'])", text)
    if person and all(_ASIDE_OBJECT.search(re.sub(r"(?:[A-Z][\w.'’-]*\s+)*$", "",
                                                   text[:m.start()]))
                      for m in re.finditer(rf"(?<![\w])(?:{names})(?![\w])", text)):
        return False  # "… over his summit with Russian President X": the reaction is not to X
    opening = _SAID_BEFORE.match(text)
    return any((not claims or m.start() < min(claims))
               and not (opening and m.start() < opening.end())
               and not any(a <= m.start() < b for a, b in own)
               and not (subject and (_REACTION.fullmatch(m.group(0))
                                     or m.group(0).lower() in ("because", "so that")
                                     or _object_would(text[:m.start()])))
               and not (person and not _near(re.compile(re.escape(m.group(0))), text, forms))
               and not speakers_plan(text[:m.start()], m.group(0))
               and not (person and done_by_another(text, m, forms))
               and not quoted(text, m.start()) for m in MATTERS.finditer(text))


# "the ambitious plan to create jobs": a noun, no plan of the person's.
_NOUN_PLAN = re.compile(r"\b(?:the|a|an|his|her|its|their|our|this|that)\s+(?:[a-z][\w-]*\s+)"
                        r"{0,2}$")


def _trailing_speaker(text: str, forms: Sequence[str]) -> int:
    """Where "…, <title> X said …" starts when the entity is only the sentence's trailing
    speaker (len(text): it is not)."""
    names = names_rx(forms)
    m = re.search(rf",[”\"’']?\s+(?:(?:[A-Z][\w.&-]*|of|the)\s+){{0,6}}(?:{names})\s+"
                  rf"(?:\w+ly\s+)?{SPEECH}\b[^,;]*$|,[”\"’']?\s+{SPEECH}\s+"
                  rf"(?:[A-Z][\w.-]*\s+){{0,4}}(?:{names})\b[^,;]*$", text)
    return m.start() if m else len(text)


def _ahead(text: str, forms: Sequence[str]) -> bool:
    """A plan or a schedule near the entity's name, not in a quotation ("“We will never
    surrender,” X declared" looks back), not in what someone else does that the entity only
    reports ("… Trump has shown he will take swift action, Pompeo said": what Pompeo said,
    not what comes next for him), and not a plan as a noun ("put the plan to … to a vote")."""
    # "…, insisting he will not …" is a claim, not a plan; "will told" (a source's slip) is past.
    said = min((m.start() for m in SPEECH_ING.finditer(text)), default=len(text))
    if _trailing_speaker(text, forms) < len(text):
        return False  # what the entity said of the future ("What did X say?" may take it)
    return any(not quoted(text, m.start()) and m.start() < said
               and not re.match(r"will\s+(?:told|said|\w+ed)\b", text[m.start():])
               and not (m.group(0).lower().startswith("plan")
                        and _NOUN_PLAN.search(text[:m.start()]))
               for m in AHEAD.finditer(text)) and _near(AHEAD, text, forms)


# Which rule judges an answer, by its question (a person's questions carry the name), and
# the fault a strike names when the answer fails it.
RULES: tuple[tuple[re.Pattern[str], Callable[[str, Sequence[str]], bool], str], ...] = (
    (re.compile(r"^Which is\?$"), defines, "no definition"),
    (re.compile(r"^Who is .+\?$"), defines_person, "no role or title"),
    (re.compile(r"^What happened"), acts, "nothing it did"),
    (re.compile(r"^What did .+ say\?$"), lambda t, f: speech(t, f) is not None
     and has_context(t, f), "it is not the speaker, or the quotation has no context"),
    (re.compile(r"^Why does it matter\?$"), matters, "no consequence or reaction"),
    (re.compile(r"^What's next\?$"), _ahead, "nothing ahead"),
)
# A person's Explainer (its first question "Who is …?") judges these by their own rules.
PERSON_RULES: tuple[tuple[re.Pattern[str], Callable[[str, Sequence[str]], bool], str], ...] = (
    (re.compile(r"^Why does it matter\?$"), lambda t, f: matters(t, f, person=True),
     "no consequence or reaction (the person's own deed or claim)"),
)


def fault(question: str, texts: Sequence[str], forms: Sequence[str],
          person: bool = False) -> str | None:
    """Why the answer does not answer its question (RULES; an organisation's questions:
    `ANSWERS`' cue near its name), or None. A question no rule knows is taken as answered."""
    for rx, judge, why in (*PERSON_RULES, *RULES) if person else RULES:
        if rx.match(question):
            return None if any(judge(t, forms) for t in texts) else why
    cue = ANSWERS.get(question)
    if cue is None or any(_near(cue, t, forms) for t in texts):
        return None
    return "its cue is not about it"


def answered(question: str, texts: Sequence[str], forms: Sequence[str],
             person: bool = False) -> bool:
    """Whether an answer answers its question (`fault` finds none)."""
    return fault(question, texts, forms, person) is None
