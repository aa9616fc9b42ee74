"""A title's label that says whose verdict or view it is: "FACT CHECK:", "Analysis |",
"OPINION:", "… (Op-Ed)".

A kicker ("WATCH:", "BREAKING:", "EXCLUSIVE:") announces news and goes from a headline
(`titles.clean_title`). A label of this kind is another matter: it says the title is not a
news report but a desk's verdict or a writer's view. Stripped, "AP FACT CHECK: Trump's
fallacious tariff tale" prints as "Trump's fallacious tariff tale", and the reader takes the
verdict as the newsletter's own. So a copy editor

1. prefers another outlet's news title when the story offers one (`score.chosen`: a labelled
   title gives way to a report's, as a column's title does, `column.columns`), and
2. when the labelled title is still the headline, keeps the label, in the newsletter's own
   words and casing (`LABELS`: what to print), never the outlet's name glued to it: "AP FACT
   CHECK: …" prints "Fact check: …", "OPINION: …" and "Perspective | …" print "Opinion: …".

The label is read on the raw title (`label_of`): before the title, optionally after an
outlet's initials or a wire's name ("AP FACT CHECK:", "CNN Analysis:"), then ":" or "|"; or
after it, in brackets ("… (Opinion)") or after " | " / " - " at its very end. `split`
gives the title without it too (`titles.cleaned` calls it: a label is furniture for every
room that reads a title's words); `labelled` prints a headline under it.

"Explainer:" is the news desk's own trade (it tells, it does not judge) and stays a kicker
(lexicon.KICKERS). General English only: the labels news sites set over their pieces.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from digest.edit.lexicon import LABELS, WIRES

__all__ = ["LABELS", "Label", "label_of", "labelled", "split"]


@dataclass(frozen=True)
class Label:
    kind: str  # "verdict", "analysis", "view", "review"
    prints: str  # what the headline prints before its colon


_WORDS = "|".join(f"(?:{words})" for words, _, _ in LABELS)
# Whose label it is, glued before it: a wire's name or an outlet's initials ("AP FACT
# CHECK:", "CNN Analysis:", "Reuters Fact Check:"); it goes with the label (`_owner_ok`).
_OWNER = rf"(?:(?-i:({'|'.join(WIRES)}|[A-Z]{{2,5}}))\s+)?"
_BEFORE = re.compile(rf"^\s*{_OWNER}({_WORDS})\s*[:|]\s+(?=\S)", re.IGNORECASE)
_AFTER = re.compile(rf"\s*(?:[(\[]({_WORDS})[)\]]|\s[|—–-]\s+({_WORDS}))\s*$", re.IGNORECASE)
_KINDS = [(re.compile(rf"^(?:{words})$", re.IGNORECASE), Label(kind, prints))
          for words, kind, prints in LABELS]


def _owner_ok(m: re.Match[str]) -> bool:
    """Initials before the label are its owner's when the label too is in capitals ("AP FACT
    CHECK:"), a wire's name whatever its case ("CNN Analysis:"); otherwise they make a noun
    phrase of the title's own ("FBI review: agents misled court" reports a review)."""
    owner, words = m.group(1), m.group(2)
    return owner is None or owner in WIRES or words.isupper()


def _kind(words: str) -> Label:
    return next(label for rx, label in _KINDS if rx.match(" ".join(words.split())))


@functools.lru_cache(maxsize=4096)
def split(title: str) -> tuple[Label | None, str]:
    """The verdict or view label `title` carries (module docstring), or None, and the title
    without it."""
    m = _BEFORE.match(title)
    if m is not None and _owner_ok(m):
        return _kind(m.group(2)), title[m.end():]
    m = _AFTER.search(title)
    if m is not None and m.start() > 0:
        return _kind(m.group(1) or m.group(2)), title[:m.start()]
    return None, title


def label_of(title: str) -> Label | None:
    """The verdict or view label the raw `title` carries (module docstring), or None."""
    return split(title)[0]


def labelled(label: Label | None, headline: str) -> str:
    """`headline` printed under its `label`: "Fact check: Trump's fallacious tariff tale";
    over a headline with a colon of its own, before a dash ("Opinion — NFL protests: Stars
    should …", never "Opinion: NFL protests: …", two colons; a bar, "Opinion | …", would
    read as a site's furniture, the copy editor's outlet suffix)."""
    if label is None:
        return headline
    return f"{label.prints} — {headline}" if ":" in headline else f"{label.prints}: {headline}"
