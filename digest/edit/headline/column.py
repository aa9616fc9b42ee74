"""A column's title: one that carries its writer's judgement, printed as if it were the news.

A copy editor strikes a writer's verdict in a news headline ("Trump's very swampy commutation
of Rod Blagojevich's sentence", "X isn't about free speech. It's about power."), and offers
the report's title instead when the story has one. A title is a column's when, outside its
quotations (a quoted "ridiculous" is someone's word, reported) and unless it names who says
it (a speaker before a colon, "Trump: Schiff Should Be Arrested"; a reporting verb before
the judgement, "Trump says Flynn should seek immunity"; "…, officials say"), it

* judges as a sentence does (`attribution.JUDGEMENT_CUES`: the writer's "should", "finally",
  "stunning", "baseless", an exclamation …), or
* intensifies an adjective of its own ("very swampy", "truly awful", "utterly predictable"), or
* is a verdict of two sentences, "X isn't about Y. It's about Z." (`VERDICTS`).

And a title its outlet labels as opinion ("OPINION: …", "Op-Ed: …", "Commentary | …", "…
(Opinion)") is a column's whatever its words (`labelled`, read on the raw title: cleaning
drops the label): "OPINION: The Supreme Court’s Giant Cross Compromise Will Erode the
Separation of Church and State" says its verdict in no cue word. ("Analysis:" is the news
desk's, not a column's.)

General English only (an editor's closed classes). `columns(arts)` is what the headline
(score.py) and the paragraph's opening (write/paragraph.py) ask: which of a story's articles
stand under a column's title.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from digest.edit.headline.titles import clean_title, speaker
from digest.edit.write.attribution import ATTRIBUTION, JUDGEMENT_CUES
from digest.models import Article

__all__ = ["VERDICTS", "columns", "is_column_title", "labelled"]

# Quotations in a title: double quotes, and single ones (headline style) — an apostrophe
# inside ("'don't really have rules'") is no closing quote.
_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”|‘[^‘’]*(?:’\w[^‘’]*)*’|"
                     r"(?<!\w)'(?:[^']|'(?=\w))*'(?!\w)")
# The outlet's own label of a column, before the title or in brackets after it.
_LABEL = re.compile(r"^\s*(?:opinion|op-ed|commentary|editorial|column)\s*[:|]\s|"
                    r"[(\[](?:opinion|op-ed)[)\]]\s*$", re.IGNORECASE)
# News style's word for a claim without evidence ("… asks Twitter to delete baseless Trump
# claims"; wire style guides use it as the report's word): in a title, not a column's.
_NEWS_STYLE = re.compile(r"\bbaseless\b", re.IGNORECASE)
# A verdict a title states as the writer's, by kind: rules as data.
VERDICTS: tuple[tuple[str, str], ...] = (
    # a degree adverb before a word it grades ("very swampy", "truly awful"); not one of
    # quantity ("very few", "very much", "very first" rank)
    ("intensifier", r"\b(?:very|truly|utterly|incredibly)\s+"
                    r"(?!(?:few|little|much|many|first|last|same|least|most|well|own|end|"
                    r"start|beginning|top|bottom)\b)[a-z]{3,}\b"),
    # the writer's aside on the event, in brackets ("A court rules (unpersuasively) that …")
    ("aside", r"\([a-z]+ly\)"),
    # a reading of the event set against its plain one ("isn't about free speech. It's
    # about power.", "is not about X, it's about Y")
    ("not about", r"\b(?:isn['’]t|is not|aren['’]t|are not|wasn['’]t|was not)\s+(?:really\s+)?"
                  r"about\b[^.?!;]*[.,;?!—–-]\s+(?:it|they|this|that)(?:['’]s|['’]re| is| are|"
                  r" was| were)\s+(?:really\s+)?about\b"),
)
_CUE = re.compile("|".join(f"(?:{rx})" for _, rx in (*JUDGEMENT_CUES, *VERDICTS)), re.IGNORECASE)
# Who says it, after it: "…, U.S. health official says", "… Hysterectomies at ICE Facility,
# Whistleblower Says" (a title's source clause, in the present tense).
_SAYS_AFTER = re.compile(r",\s+(?:[\w.'’-]+\s+){0,5}(?:says?|said|warns?|claims?|reports?|rules?|finds?)\s*$",
                         re.IGNORECASE)
# … or the report it comes from, after a colon ("… school discipline: report", "…: sources").
_REPORT_AFTER = re.compile(r":\s+(?:[\w.'’-]+\s+){0,2}(?:report|reports|sources|officials|poll|"
                           r"survey|study)\s*$", re.IGNORECASE)


def columns(arts: Sequence[Article], among: Iterable[int] | None = None) -> frozenset[int]:
    """The articles of `among` (positions in `arts`; all of them by default) under a column's
    title, when two or more are asked about: one article's title is all it has to offer."""
    asked = sorted(set(range(len(arts)) if among is None else among))
    if len(asked) < 2:
        return frozenset()
    sources = [t for a in arts for t in (a.title, a.text)]
    return frozenset(k for k in asked
                     if labelled(arts[k].title)
                     or is_column_title(clean_title(arts[k].title, arts[k].source), sources))


def labelled(title: str) -> bool:
    """Whether the raw `title` carries its outlet's label of a column ("OPINION: …")."""
    return _LABEL.search(title) is not None


def is_column_title(title: str, sources: Sequence[str] = ()) -> bool:
    """Whether a (cleaned) title carries its writer's judgement (module docstring);
    `sources` (the story's titles and texts) tell a speaker before a colon."""
    return _judges(title) and speaker(title, sources) is None


@functools.lru_cache(maxsize=4096)
def _judges(title: str) -> bool:
    """The title's own words judge, and no source after or before the judgement says so
    (the headline and the paragraph ask of each title: read once)."""
    bare = _NEWS_STYLE.sub(lambda m: " " * len(m.group()),
                           _QUOTED.sub(lambda m: " " * len(m.group()), title))
    cue = _CUE.search(bare)
    if cue is None or _SAYS_AFTER.search(title):
        return False
    verb = ATTRIBUTION.search(bare)  # "Biden Claims Black Voters … Aren't Really Black"
    return verb is None or verb.start() > cue.start()


def credits(title: str) -> bool:
    """Whether `title` says after what it says who says it: a source clause ("…, his
    spokesman says", "…, Whistleblower Says") or the report it comes from ("…: report")."""
    return bool(_SAYS_AFTER.search(title) or _REPORT_AFTER.search(title))
