"""A column's title: one that carries its writer's judgement, printed as if it were the news.

A copy editor strikes a writer's verdict in a news headline ("Trump's very swampy commutation
of Rod Blagojevich's sentence", "X isn't about free speech. It's about power."), and offers
the report's title instead when the story has one. A title is a column's when, outside its
quotations (a quoted "ridiculous" is someone's word, reported) and unless it names who says
it (a speaker before a colon, "Trump: Schiff Should Be Arrested"; a reporting verb before
the judgement, "Trump says Flynn should seek immunity"; "…, officials say"), it

* judges as a sentence does (`attribution.JUDGEMENT_CUES`: the writer's "should", "finally",
  "stunning", "baseless", an exclamation …), or
* intensifies an adjective of its own ("very swampy", "truly awful", "utterly predictable",
  "absolutely right"), or
* is a verdict of two sentences, "X isn't about Y. It's about Z." (`VERDICTS`), or
* speaks for its writer, in the first person, before any colon (`FIRST_PERSON`: "Why Our
  Ferry Culture Is Slipping Away", "We Must Keep the Harbour Open", "I Sailed the New Ferry.
  It Leaks."): a news desk's title names who acts and never speaks for itself or for "us"
  all, save in its own trade's words (`DESK_VOICE`: "What we know about the ferry fire",
  "We asked five captains …", "Our guide to …", "What the ferry fire tells us"). After a
  colon the first person is someone's words in headline shorthand, with or without quotation
  marks ("Harbour chief: We will not close the port"); a capitalised "Our", "We", "Us", "My"
  or "Me" that the story writes capitalised after a lower-case word is part of a name ("the
  March for Our Ferries rally", "the We Save the Harbour fund"); "Us" opening a title is the
  country's initials ("Us Court Rejects …"), and "I" counts only as a pronoun: opening a
  sentence, contracted ("I'm", "I've") or after a lower-case word ("World War I", "F.B.I."
  and "Phase I" are names). A "Why …" title is not enough on its own: news desks write "Why
  the ferry vote matters" explainers.

And a title its outlet labels as opinion ("OPINION: …", "Op-Ed: …", "Commentary | …", "…
(Opinion)": a label of the kind "view", labels.py) is a column's whatever its words
(`labelled`, read on the raw title: cleaning drops the label): "OPINION: The Supreme Court’s
Giant Cross Compromise Will Erode the Separation of Church and State" says its verdict in no
cue word. ("Analysis:" and "Fact check:" are a news desk's, not a column's: their paragraph
is read as news; their title gives way to a report's all the same, score.chosen.)

General English only (an editor's closed classes). `columns(arts)` is what the headline
(score.py) and the paragraph's opening (write/paragraph.py) ask: which of a story's articles
stand under a column's title, when they are two or more; `under_column(arts)` asks it of
every article, one alone too (what an "Also" blurb from it must credit, write/also.py).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from digest.edit.headline.titles import QUOTATION, clean_title, cleaned, speaker
from digest.edit.write.attribution import ATTRIBUTION, JUDGEMENT_CUES
from digest.models import Article

__all__ = ["DESK_VOICE", "FIRST_PERSON", "VERDICTS", "columns", "is_column_title", "labelled",
           "under_column"]

# News style's word for a claim without evidence ("… asks Twitter to delete baseless Trump
# claims"; wire style guides use it as the report's word): in a title, not a column's.
_NEWS_STYLE = re.compile(r"\bbaseless\b", re.IGNORECASE)
# A verdict a title states as the writer's, by kind: rules as data.
VERDICTS: tuple[tuple[str, str], ...] = (
    # a degree adverb before a word it grades ("very swampy", "truly awful", "absolutely
    # right": the writer's own certainty, session 39); not one of quantity ("very few",
    # "very much", "very first" rank)
    ("intensifier", r"\b(?:very|truly|utterly|incredibly|absolutely)\s+"
                    r"(?!(?:few|little|much|many|first|last|same|least|most|well|own|end|"
                    r"start|beginning|top|bottom)\b)[a-z]{3,}\b"),
    # a letter to someone, addressed by name or as a group ("Hey Aziz Ansari defenders, …",
    # "Hey, Dianne, …", "Thank You, Susan Collins"): a column's form ("Dear Mom, …" is as
    # often a feature's letter quoted)
    ("address", r"^hey\b[^:,.?!]{0,60},|^thank you,"),
    # the writer's aside on the event, in brackets ("A court rules (unpersuasively) that …")
    ("aside", r"\([a-z]+ly\)"),
    # a reading of the event set against its plain one ("isn't about free speech. It's
    # about power.", "is not about X, it's about Y")
    ("not about", r"\b(?:isn['’]t|is not|aren['’]t|are not|wasn['’]t|was not)\s+(?:really\s+)?"
                  r"about\b[^.?!;]*[.,;?!—–-]\s+(?:it|they|this|that)(?:['’]s|['’]re| is| are|"
                  r" was| were)\s+(?:really\s+)?about\b"),
)
# The writer speaking for itself or for "us" all, by person (case matters: "US" and "ME" are
# initials, "I" a pronoun only where `_PRONOUN_I` says so): rules as data.
FIRST_PERSON: tuple[tuple[str, str], ...] = (
    ("plural", r"(?<![\w.’'-])(?:[Ww]e(?:['’](?:re|ve|ll|d))?|[Oo]urs?|ourselves|Ourselves|"
               r"(?<!^)[Uu]s)(?![\w’'-]|\.\w)"),
    ("singular", r"(?<![\w.’'-])(?:I|I['’](?:m|ve|ll|d)|[Mm]y|[Mm]e|[Mm]yself)(?![\w’'-]|\.\w)"),
)
# A news desk's own trade, in the first person: what it knows, asked, checked or explains,
# its guide, its coverage, what an event "tells us". General English: a newsroom's words.
DESK_VOICE: tuple[tuple[str, str], ...] = (
    ("what we know", r"\bwe(?:['’]ll| will| do(?:n['’]t| not)?| still)? (?:know|learned|learnt)\b"),
    ("the desk's work", r"\bwe (?:spoke|talked|asked|tested|tried|looked|take an? (?:\w+ )?look|"
                        r"explain(?:ed)?|analy[sz]ed|fact-check(?:ed)?|reviewed|tracked|"
                        r"mapped|counted|surveyed|polled|read|watched|ranked|visited)\b"),
    ("the desk's work", r"\bour (?:fact-checks?|coverage|reporting|reporters?|analysis|guide|"
                        r"picks|poll|survey|investigation|live|readers|podcast|newsletter|"
                        r"experts?|team|editors?|correspondents?)\b"),
    ("a lesson drawn", r"\b(?:tells?|told|shows?|showed|teach(?:es)?|taught|reminds?|reminded) "
                       r"us\b"),
)
_FIRST_PERSON = re.compile("|".join(f"(?:{rx})" for _, rx in FIRST_PERSON))
_DESK_VOICE = re.compile("|".join(f"(?:{rx})" for _, rx in DESK_VOICE), re.IGNORECASE)
# "I" as a pronoun: opening the title, a sentence or a clause, or after a lower-case word
# (contracted, "I'm", it is one anyway).
_PRONOUN_I = re.compile(r"(?:^|[.?!;,]\s+|\b[a-z][\w’']*\s+)I\b")
_CUE = re.compile("|".join(f"(?:{rx})" for _, rx in (*JUDGEMENT_CUES, *VERDICTS)), re.IGNORECASE)
# Who says it, after it: "…, U.S. health official says", "… Hysterectomies at ICE Facility,
# Whistleblower Says", "… should be outlawed, campaigners urge" (a title's source clause, in
# the present tense).
_SAYS_AFTER = re.compile(r",\s+(?:[\w.'’-]+\s+){0,5}(?:says?|said|warns?|claims?|reports?|rules?|finds?|"
                         r"urges?|argues?|insists?|believes?)\s*$", re.IGNORECASE)
# … or the report it comes from, after a colon ("… school discipline: report", "…: sources").
_REPORT_AFTER = re.compile(r":\s+(?:[\w.'’-]+\s+){0,2}(?:report|reports|sources|officials|poll|"
                           r"survey|study)\s*$", re.IGNORECASE)


def columns(arts: Sequence[Article], among: Iterable[int] | None = None) -> frozenset[int]:
    """The articles of `among` (positions in `arts`; all of them by default) under a column's
    title, when two or more are asked about: one article's title is all it has to offer."""
    asked = sorted(set(range(len(arts)) if among is None else among))
    return under_column(arts, asked) if len(asked) >= 2 else frozenset()


def under_column(arts: Sequence[Article], among: Iterable[int] | None = None) -> frozenset[int]:
    """The articles of `among` (all by default) under a column's title, however many: whose
    lines are their writer's view, whatever the headline printed over them."""
    asked = sorted(set(range(len(arts)) if among is None else among))
    sources = [t for a in arts for t in (a.title, a.text)]
    return frozenset(k for k in asked
                     if labelled(arts[k].title)
                     or is_column_title(clean_title(arts[k].title, arts[k].source), sources))


def labelled(title: str) -> bool:
    """Whether the raw `title` carries its outlet's label of a column ("OPINION: …",
    "… (Op-Ed)": a label of the kind "view", labels.py)."""
    label = cleaned(title)[0]
    return label is not None and label.kind == "view"


def is_column_title(title: str, sources: Sequence[str] = ()) -> bool:
    """Whether a (cleaned) title carries its writer's judgement or speaks in its writer's
    first person (module docstring); `sources` (the story's titles and texts) tell a speaker
    before a colon and a name with "Our" in it."""
    judged, voices = _judges(title), _voices(title)
    if not (judged or voices) or speaker(title, sources) is not None:
        return False
    return judged or any(not _in_name(word, title, sources) for word in voices)


@functools.lru_cache(maxsize=4096)
def _judges(title: str) -> bool:
    """The title's own words judge, and no source after or before the judgement says so
    (the headline and the paragraph ask of each title: read once)."""
    bare = _NEWS_STYLE.sub(lambda m: " " * len(m.group()),
                           QUOTATION.sub(lambda m: " " * len(m.group()), title))
    cue = _CUE.search(bare)
    if cue is None or _SAYS_AFTER.search(title):
        return False
    verb = ATTRIBUTION.search(bare)  # "Biden Claims Black Voters … Aren't Really Black"
    return verb is None or verb.start() > cue.start()


@functools.lru_cache(maxsize=4096)
def _voices(title: str) -> tuple[str, ...]:
    """The title's words in its writer's first person (`FIRST_PERSON`), outside its
    quotations, before its first colon, with no reporting verb nor source clause to say
    whose they are ("Hale Says We Must Sail", "… we must sail, Hale says"); none in a title
    that speaks in the desk's own trade (`DESK_VOICE`)."""
    bare = QUOTATION.sub(lambda m: " " * len(m.group()), title).split(":", 1)[0]
    if _SAYS_AFTER.search(title) or _DESK_VOICE.search(bare):
        return ()  # (the desk's "we" is its "we" throughout: "How will we know we've won?")
    verb = ATTRIBUTION.search(bare)
    return tuple(m.group() for m in _FIRST_PERSON.finditer(bare)
                 if (verb is None or verb.start() > m.start())
                 and (m.group() != "I" or _is_pronoun_i(bare, m.start())))


def _is_pronoun_i(text: str, at: int) -> bool:
    """Whether the "I" at `at` is the pronoun (`_PRONOUN_I`), not a numeral or initial."""
    return any(m.end() == at + 1 for m in _PRONOUN_I.finditer(text))


def _in_name(word: str, title: str, sources: Sequence[str]) -> bool:
    """Whether a capitalised first-person word of `title` is part of a name: the story
    writes it capitalised after a lower-case word ("the March for Our Ferries rally"); "I"
    never. The title itself (and a source that holds it) is not read: headline style
    lower-cases short prepositions ("The Best Reason for Our Ferry Crisis")."""
    if word[:1].islower() or word[:1] == "I":
        return False
    after_lower = re.compile(rf"\b[a-z][\w’']*[^\S\n]+{re.escape(word)}(?![\w’'-])")
    return any(title not in text and after_lower.search(text) for text in sources)


def credits(title: str) -> bool:
    """Whether `title` says after what it says who says it: a source clause ("…, his
    spokesman says", "…, Whistleblower Says") or the report it comes from ("…: report")."""
    return bool(_SAYS_AFTER.search(title) or _REPORT_AFTER.search(title))
