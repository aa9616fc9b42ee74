"""The families' opening patterns, narrowed by a block's first and last character: the same
answer as trying every opening, with most of them never tried.

`families.py` gates the families anchored at a block's start by `Openings.match(text)`: does
one of their patterns match at the start of the block? Trying all of them (one alternation)
at every block was a fifth of cleaning a feed item: prose opens with a capital, which the
ticker pattern (and a dozen word lists) must each try and reject. But most openings can only
start with a few characters (`tags:`, `share`, a digit), and the ones that must reach the end
of the block (`…$`: a ticker line, an ad label, a tool row) can only end with a few (a digit,
a percent sign, a bracket; never the full stop prose ends with). So each pattern's possible
first and last characters are read off its own syntax tree (Python's regex parser: the tree
the regex engine compiles), and a block is tried only with the patterns whose sets hold its
first and last character, each as compiled in `patterns.py` (building an alternation per
pair of characters compiled the ticker pattern again and again: 30 ms each time). Sets are
found conservatively (anything the analysis does not know, an atomic group or a
back-reference, counts as "any character"; a lookaround only narrows a match, so it is left
out), so a pattern is never left out for a block it could match: the answer is the whole
alternation's by construction, and tests/clean check it on every family's examples.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from re import _compiler as sre_compile  # type: ignore[attr-defined]
from re import _constants as sre_constants  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

_ATOMS = (sre_constants.LITERAL, sre_constants.NOT_LITERAL, sre_constants.IN, sre_constants.ANY)
_ZERO_WIDTH = (sre_constants.AT, sre_constants.ASSERT, sre_constants.ASSERT_NOT)
_REPEATS = (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT,
            sre_constants.POSSESSIVE_REPEAT)
_ENDS = (sre_constants.AT_END, sre_constants.AT_END_STRING)
_PAIRS_KEPT = 16384  # pairs of characters remembered per process (each a tuple of patterns)
_CHARS_KEPT = 4096  # characters remembered per process, on either side

Atom = tuple[Any, Any]  # one (opcode, argument) node of a parsed pattern, matching one char
Edge = tuple[re.Pattern[str], ...] | None  # one-character patterns; None: any character


def _edge_atoms(items: Sequence[Atom], flags: int,
                last: bool) -> tuple[list[tuple[Atom, int]] | None, bool]:
    """The nodes one of which matches the first (or `last`) character of any match of the
    sequence `items`, each with the flags in force there, and whether the sequence can match
    the empty string. None: the analysis cannot tell (any character)."""
    atoms: list[tuple[Atom, int]] = []
    for op, av in (reversed(items) if last else items):
        if op in _ZERO_WIDTH:  # a lookaround only narrows what matches: leaving it out is safe
            continue
        if op in _ATOMS:
            atoms.append(((op, av), flags))
            return atoms, False
        if op is sre_constants.SUBPATTERN:
            _, add, remove, sub = av
            inner, nullable = _edge_atoms(sub.data, (flags | add) & ~remove, last)
        elif op is sre_constants.BRANCH:
            inner, nullable = [], False
            for sub in av[1]:
                found, empty = _edge_atoms(sub.data, flags, last)
                if found is None:
                    return None, False
                inner += found
                nullable = nullable or empty
        elif op in _REPEATS:
            least, _, sub = av
            inner, nullable = _edge_atoms(sub.data, flags, last)
            nullable = nullable or least == 0
        else:  # a back-reference, an atomic group, a conditional...
            return None, False
        if inner is None:
            return None, False
        atoms += inner
        if not nullable:
            return atoms, False
    return atoms, True


def _one_char(atoms: list[Atom], flags: int) -> re.Pattern[str]:
    """One pattern matching one character that one of the nodes matches, with `flags` (the
    flags the nodes have in their pattern)."""
    state = sre_parse.State()
    state.flags = flags
    branch = (sre_constants.BRANCH, (None, [sre_parse.SubPattern(state, [a]) for a in atoms]))
    return sre_compile.compile(sre_parse.SubPattern(state, [branch]), flags)  # type: ignore[no-any-return]


def edge(pattern: re.Pattern[str], *, last: bool) -> Edge:
    """Patterns of one character, one of which matches the first character of any text the
    pattern matches at its start (or, `last`, the last character of any text it matches to
    the end: only for a pattern ending in `$` or `\\Z`); None when that is any character.
    (One pattern for each set of flags the nodes are found under.)"""
    tree = sre_parse.parse(pattern.pattern, pattern.flags)
    items = tree.data
    if last and not (items and items[-1][0] is sre_constants.AT and items[-1][1] in _ENDS):
        return None
    atoms, nullable = _edge_atoms(items, tree.state.flags, last)
    if atoms is None or nullable:
        return None
    by_flags: dict[int, list[Atom]] = {}
    for atom, flags in atoms:
        by_flags.setdefault(flags, []).append(atom)
    return tuple(_one_char(group, flags) for flags, group in by_flags.items())


@cache
def _edges(pattern: re.Pattern[str]) -> tuple[Edge, Edge]:
    """`edge` of a pattern at its start and at its end, read once per process (a pattern can
    sit in several gates)."""
    return edge(pattern, last=False), edge(pattern, last=True)


def _admits(edge: Edge, char: str) -> bool:
    return edge is None or any(p.fullmatch(char) for p in edge)


class Openings:
    """`match(text)`: whether one of `patterns` matches at the start of `text` (no flags but
    IGNORECASE, no back-references: the patterns the families open with).

    Each pattern is tried as it is compiled (nothing is compiled again); its edges are read
    the first time a text is tried; what a character admits, and the patterns a pair of
    characters leaves, are remembered (bit sets of the patterns' places)."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        for pattern in patterns:
            extra = pattern.flags & ~(re.IGNORECASE | re.UNICODE)
            if extra or re.search(r"\\\d|\(\?P=", pattern.pattern):
                raise ValueError(f"an opening must be a plain pattern (no flags but "
                                 f"IGNORECASE, no back-references): {pattern.pattern!r}")
        self.patterns = tuple(dict.fromkeys(patterns))
        self._edges: tuple[tuple[Edge, Edge], ...] | None = None
        self._firsts: dict[str, int] = {}
        self._lasts: dict[str | None, int] = {None: (1 << len(self.patterns)) - 1}
        self._by_pair: dict[tuple[str, str | None], tuple[re.Pattern[str], ...]] = {}

    @property
    def pattern(self) -> re.Pattern[str]:
        """All the patterns as one alternation (what `match` answers as)."""
        return re.compile("|".join(f"(?{'i' if p.flags & re.IGNORECASE else '-i'}:{p.pattern})"
                                   for p in self.patterns))

    def _admitted(self, char: str, side: int) -> int:
        if self._edges is None:
            self._edges = tuple(_edges(p) for p in self.patterns)
        bits = 0
        for place, edges in enumerate(self._edges):
            if _admits(edges[side], char):
                bits |= 1 << place
        return bits

    def narrowed(self, first: str, last: str | None) -> tuple[re.Pattern[str], ...]:
        """The patterns a text opening with `first` and ending with `last` (None: unknown)
        may match."""
        firsts = self._firsts.get(first)
        if firsts is None:
            firsts = self._admitted(first, 0)
            if len(self._firsts) < _CHARS_KEPT:
                self._firsts[first] = firsts
        lasts = self._lasts.get(last)
        if lasts is None and last is not None:
            lasts = self._admitted(last, 1)
            if len(self._lasts) < _CHARS_KEPT:
                self._lasts[last] = lasts
        bits = firsts & (lasts or 0)
        kept = tuple(p for place, p in enumerate(self.patterns) if bits >> place & 1)
        if len(self._by_pair) < _PAIRS_KEPT:
            self._by_pair[first, last] = kept
        return kept

    def match(self, text: str) -> bool:
        if not text:
            return any(p.match(text) for p in self.patterns)
        # `$` also matches before a final line break: then the last character says nothing
        last = text[-1]
        key = (text[0], None if last == "\n" else last)
        kept = self._by_pair.get(key)
        if kept is None:
            kept = self.narrowed(*key)
        for pattern in kept:  # (a loop: a generator for `any` costs more than most tries)
            if pattern.match(text) is not None:
                break
        else:
            return False
        return True
