"""A sentence's figures, and when one figure is another told again (`facts`, `events`, the
writer's retold test and the headline's figures read them here).

A figure is digits with their scale ("853,000", "4.5%", "$1.3 million", "超过300家"); a year, a
lone digit or a figure inside a name ("COVID-19", "F-35", "Boeing 737") is none. A round figure
is another one told again only when it is that one rounded (`rounds`): near it at the round
figure's own precision, and either hedged ("about", "nearly", "more than": `hedged`) or plainly
a rounding (its decimals dropped, or within a twentieth of it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from digest.edit.lexicon import WEEKDAYS

# Numbers that pin a fact: 853,000 / 4.5 / 38% / $20 / 1.3 million / 超过300家; not a year or a
# lone digit.
_NUMBER = re.compile(r"(?<![A-Za-z0-9_.])(?:[$€£¥]\s?)?\d[\d,]*(?:\.\d+)?(?:\s?(?:%|per ?cent|"
                     r"percent|million|billion|trillion|thousand|bn|m\b))?")
# A figure inside a name is no fact figure: joined to a word by a hyphen ("COVID-19", "F-35"),
# running on into letters ("5G", "4K"; not "10th", "1990s"), or after a capitalised word that
# does not open the sentence ("Boeing 737", "Section 230"; a month: "March 15" is a date). A
# weekday is no name ("on Tuesday 12 people died").
_NAME_BEFORE = re.compile(r"[A-Za-z]-$|[\w,;:)”\"'’] (?!(?:" + "|".join(WEEKDAYS)
                          + r")\b)[A-Z][A-Za-z]* $")
_NAME_AFTER = re.compile(r"(?!(?:st|nd|rd|th|s)\b)[A-Za-z]|[月日]")  # (a Chinese date: 11月18日)
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")

# A round figure stands for an exact one (`rounds`) only near it at the round figure's own
# precision (its last digit that is not a trailing zero: "30" is to the ten, "$1.4 billion" to
# the hundred million), and only where the text hedges it ("about", "nearly", "more than": the
# figure is not meant exactly) or the rounding is plain: the exact figure's decimals dropped
# ("30" of "30.4", "$1.4 billion" of "$1.38 billion", "$2 trillion" of "$2.2 trillion") or the
# two within a twentieth of each other (a "6,000-person warehouse" of 5,800 workers);
# "$30 million" unhedged is not "$34 million" told again. A hedge that says
# which side the exact figure lies on must be right ("more than 880,000" of "881,000", never
# of "879,000"). General English, written for the project.
PLAIN_ROUNDING = 0.05
HEDGES = {"about": 0, "around": 0, "roughly": 0, "some": 0, "approximately": 0,
          "an estimated": 0, "close to": 0, "more than": 1, "over": 1, "at least": 1,
          "upwards of": 1, "above": 1, "nearly": -1, "almost": -1, "up to": -1, "under": -1,
          "less than": -1, "fewer than": -1, "just under": -1, "just shy of": -1}
_HEDGE = re.compile(r"\b(" + "|".join(sorted(HEDGES, key=len, reverse=True))
                    + r")\s+(?:[$€£¥]\s?)?$", re.IGNORECASE)
_HEDGE_REACH = 20  # characters before a figure a hedge is looked for in
_ROUND_ZEROS = 2  # trailing zeros that make a bare count round ("800", not "50")


def _numbers(sentence: str) -> Iterator[tuple[str, int]]:
    """Each distinctive figure of a sentence with where it starts."""
    for m in _NUMBER.finditer(sentence):
        text = m.group()
        if text[0].isdigit() and (_NAME_BEFORE.search(sentence, 0, m.start())
                                  or _NAME_AFTER.match(sentence, m.end())):
            continue  # "COVID-19", "5G", "Boeing 737": a name's figure
        n = re.sub(r"[^\d.]", "", text).strip(".")
        scale = re.sub(r"[^a-z%]", "", text.lower())
        if not n or (_YEAR.match(n) and not scale) or (len(n) < 2 and not scale):
            continue
        yield f"{n} {scale}".strip(), m.start()


def numbers(sentence: str) -> frozenset[str]:
    """The distinctive figures of a sentence ("853,000", "4.5%", "4 million"), as digits
    and scale; no years, no lone small numbers."""
    return frozenset(f for f, _ in _numbers(sentence))


Hedged = frozenset[tuple[str, int]]  # a figure and the side its hedge puts the exact one on


class Found(NamedTuple):
    """A sentence's figures (`numbers`) and those of them a hedge stands before (`hedged`)."""

    figures: frozenset[str]
    hedged: Hedged


def found(sentence: str) -> Found:
    """The figures of a sentence and their hedges, read in one pass (`numbers`, `hedged`)."""
    figures: set[str] = set()
    hedges: set[tuple[str, int]] = set()
    for figure, start in _numbers(sentence):
        figures.add(figure)
        if hedge := _HEDGE.search(sentence, max(0, start - _HEDGE_REACH), start):
            hedges.add((figure, HEDGES[hedge.group(1).lower()]))
    return Found(frozenset(figures), frozenset(hedges))


def hedged(sentence: str) -> Hedged:
    """The figures of a sentence a hedge stands before ("nearly $400 million": ("400 million",
    -1), the exact figure below it; "about 30": ("30", 0)), `HEDGES`."""
    return found(sentence).hedged


def hedge_of(figure: str, hedges: Hedged) -> int | None:
    """The side the hedge of `figure` puts the exact figure on (`hedged`), or None: no hedge."""
    return next((way for f, way in hedges if f == figure), None)


def _figure(figure: str) -> tuple[float, str]:
    n, _, scale = figure.partition(" ")
    return float(n), scale


def rounds(figure: str, exact: str, hedge: int | None = None) -> bool:
    """Whether `figure` is `exact` rounded: near it at its own precision, hedged (`hedge`: the
    side a hedge puts the exact figure on, 0 either, None no hedge) or within a twentieth of
    it ("880000" of "881000"; "about 30" of "34" but not "30" of "34"; never a figure of
    another scale, nor "50" of "48" unhedged: a bare count ending in one zero is exact)."""
    if figure == exact:
        return True
    (value, scale), (other, their_scale) = _figure(figure), _figure(exact)
    n = figure.partition(" ")[0]
    if scale != their_scale or value == other:
        return False
    whole, _, places = n.partition(".")
    zeros = 0 if places else len(whole) - len(whole.rstrip("0"))
    if not (scale or places or "." in exact or hedge is not None
            or _ROUND_ZEROS <= zeros < len(whole)):
        return False
    unit = 10.0 ** (zeros - len(places))
    if abs(other - value) >= unit / 2 or (hedge or 0) * (other - value) < 0:
        return False
    # plain: the exact figure's decimals dropped ("$2 trillion" of "$2.2 trillion", "30" of
    # "30.4", not of "34.2"), or the two within a twentieth ("6,000" of "5,800")
    dropped = "." in exact and abs(other - value) <= 10.0 ** -len(places) / 2
    return hedge is not None or dropped or abs(other - value) <= PLAIN_ROUNDING * other


def known_figure(figure: str, figures: Iterable[str], hedge: int | None = None) -> bool:
    """Whether `figure` (with its `hedge`) is one of `figures`, or one of them rounded (`rounds`)."""
    return any(rounds(figure, f, hedge) for f in figures)


def new_figures(figures: Iterable[str], known: Iterable[str], hedges: Hedged = frozenset()
                ) -> set[str]:
    """The `figures` (those of them `hedges` hedges) none of `known` gives, exactly or rounded."""
    known = list(known)
    return {f for f in figures if not known_figure(f, known, hedge_of(f, hedges))}
