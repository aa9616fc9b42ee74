"""The families' opening patterns, narrowed by a block's first two and last characters: the
same answer as trying every opening, with most of them never tried.

`classify.py` gates the families anchored at a block's start by `Openings.match(text)`: does
one of their patterns match at the start of the block? Trying all of them (one alternation)
at every block was a fifth of cleaning a feed item: prose opens with a capital, which the
ticker pattern (and a dozen word lists) must each try and reject. But most openings can only
start with a few pairs of characters (`ta` of `tags:`, `sh` of `share`, a digit), and the
ones that must reach the end of the block (`…$`: a ticker line, an ad label, a tool row) can
only end with a few (a digit, a percent sign, a bracket; never the full stop prose ends
with). So each pattern's possible first two characters (`heads`) and last character (`edge`)
are read off its own syntax tree (Python's regex parser: the tree the regex engine
compiles), and a block is tried only with the patterns that can open with its first two
characters and end with its last, each as compiled in `patterns.py` (building an
alternation per pair of characters compiled the ticker pattern again and again: 30 ms each
time). (The first character alone let "The", "To", "A " and "What" try the word lists of
`read more`, `trending`, `add a comment`: a microsecond each, five times a feed item.)
Sets are found conservatively (anything the analysis does not know, an atomic group or a
back-reference, counts as "any character"; a lookaround only narrows a match, so it is left
out), so a pattern is never left out for a block it could match: the answer is the whole
alternation's by construction, and tests/clean check it on every family's examples.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
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
_KEYS_KEPT = 65536  # first two and last characters remembered per gate (each a tuple of patterns)
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


Node = tuple[int, Atom]  # a node of a parsed pattern, with the flags in force there
Head = tuple[tuple[Atom, int], ...]  # the nodes matching a match's first characters, in order
_HEAD_STEPS = 20000  # the analysis gives up (any character) on a pattern needing more steps


def _starts(todo: tuple[Node, ...], need: int, out: list[Head], steps: list[int]) -> bool:
    """Add to `out` the nodes that match the first `need` characters of any match of the
    sequence `todo` (fewer when such a match is shorter), each with its flags. False: the
    analysis cannot tell (an atomic group, a back-reference, more than `steps` steps).

    A group is its nodes in the sequence; an alternation, each branch in turn; a repeat of
    `least` to `most` copies, each count from `min(least, need)` to `min(most, need)`: the
    first `need` characters of any match come from at most `need` copies that are not empty,
    and copies that can be empty can make up the count. A lookaround only narrows what
    matches: leaving it out is safe."""
    steps[0] -= 1
    if steps[0] < 0:
        return False
    if need == 0 or not todo:
        out.append(())
        return True
    (flags, (op, av)), rest = todo[0], todo[1:]
    if op in _ZERO_WIDTH:
        return _starts(rest, need, out, steps)
    if op in _ATOMS:
        tails: list[Head] = []
        if not _starts(rest, need - 1, tails, steps):
            return False
        out.extend((((op, av), flags), *tail) for tail in tails)
        return True
    if op is sre_constants.SUBPATTERN:
        _, add, remove, sub = av
        inner = (flags | add) & ~remove
        return _starts(tuple((inner, node) for node in sub.data) + rest, need, out, steps)
    if op is sre_constants.BRANCH:
        return all(_starts(tuple((flags, node) for node in sub.data) + rest, need, out, steps)
                   for sub in av[1])
    if op in _REPEATS:
        least, most, sub = av
        body = tuple((flags, node) for node in sub.data)
        return all(_starts(body * count + rest, need, out, steps)
                   for count in range(min(least, need), min(most, need) + 1))
    return False  # a back-reference, an atomic group, a conditional...


def heads(pattern: re.Pattern[str]) -> list[Head] | None:
    """The ways a match of `pattern` at the start of a text can begin: its first two
    characters' nodes (one when the match may be one character long). None when that is
    anything (the analysis cannot tell, or the pattern matches the empty string)."""
    tree = sre_parse.parse(pattern.pattern, pattern.flags)
    found: list[Head] = []
    if not _starts(tuple((tree.state.flags, node) for node in tree.data), 2, found,
                   [_HEAD_STEPS]) or any(not head for head in found):
        return None
    return found


@dataclass(frozen=True)
class _Starts:
    """What a pattern's matches open with: each possible first character (a one-character
    pattern) with the one-character patterns of the second characters that may follow it
    (None: any, a match may end after the first)."""

    firsts: tuple[re.Pattern[str], ...]
    follow: tuple[tuple[re.Pattern[str], ...] | None, ...]


_CHARS: dict[tuple[str, int], re.Pattern[str]] = {}  # one-character patterns, by node


def _char(atom: Atom, flags: int) -> re.Pattern[str]:
    key = repr(atom), flags
    found = _CHARS.get(key)
    if found is None:
        found = _CHARS[key] = _one_char([atom], flags)
    return found


def _starts_of(found: list[Head]) -> _Starts:
    follow: dict[re.Pattern[str], dict[re.Pattern[str], None] | None] = {}
    for head in found:
        first = _char(*head[0])
        after = follow.setdefault(first, {})
        if len(head) == 1 or after is None:
            follow[first] = None
        else:
            after[_char(*head[1])] = None
    return _Starts(tuple(follow), tuple(None if after is None else tuple(after)
                                        for after in follow.values()))


@cache
def _edges(pattern: re.Pattern[str]) -> tuple[_Starts | None, Edge]:
    """How a pattern's matches start (`heads`, None: anyhow) and its last `edge`, read once
    per process (a pattern can sit in several gates)."""
    found = heads(pattern)
    return None if found is None else _starts_of(found), edge(pattern, last=True)


def _admits(edge: Edge, char: str) -> bool:
    return edge is None or any(p.fullmatch(char) for p in edge)


class Openings:
    """`match(text)`: whether one of `patterns` matches at the start of `text` (no flags but
    IGNORECASE, no back-references: the patterns the families open with).

    Each pattern is tried as it is compiled (nothing is compiled again), and only on a text
    whose first two characters can open one of its matches and whose last can end it. The
    patterns' starts and ends are read the first time a text is tried; what a character
    admits, and the patterns a text's first two and last characters leave, are remembered
    (bit sets of the patterns' places)."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        for pattern in patterns:
            extra = pattern.flags & ~(re.IGNORECASE | re.UNICODE)
            if extra or re.search(r"\\\d|\(\?P=", pattern.pattern):
                raise ValueError(f"an opening must be a plain pattern (no flags but "
                                 f"IGNORECASE, no back-references): {pattern.pattern!r}")
        self.patterns = tuple(dict.fromkeys(patterns))
        self._starts: tuple[_Starts | None, ...] | None = None
        self._last_edges: tuple[Edge, ...] = ()
        self._seconds: tuple[re.Pattern[str], ...] = ()  # every second character's pattern
        # first character: the places it opens, each with the bits of `_seconds` that may
        # follow it there (-1: any)
        self._firsts: dict[str, tuple[int, tuple[tuple[int, int], ...]]] = {}
        self._second_bits: dict[str, int] = {}  # second character: the `_seconds` it matches
        self._lasts: dict[str | None, int] = {None: (1 << len(self.patterns)) - 1}
        self._by_key: dict[tuple[str, str, str | None], tuple[re.Pattern[str], ...]] = {}

    @property
    def pattern(self) -> re.Pattern[str]:
        """All the patterns as one alternation (what `match` answers as)."""
        return re.compile("|".join(f"(?{'i' if p.flags & re.IGNORECASE else '-i'}:{p.pattern})"
                                   for p in self.patterns))

    def _read(self) -> tuple[_Starts | None, ...]:
        if self._starts is None:
            edges = [_edges(p) for p in self.patterns]
            self._last_edges = tuple(last for _, last in edges)
            seconds = {q: None for starts, _ in edges if starts is not None
                       for after in starts.follow if after is not None for q in after}
            self._seconds = tuple(seconds)
            self._starts = tuple(starts for starts, _ in edges)
        return self._starts

    def _first(self, char: str) -> tuple[int, tuple[tuple[int, int], ...]]:
        found = self._firsts.get(char)
        if found is not None:
            return found
        every = self._read()
        index = {q: place for place, q in enumerate(self._seconds)}
        bits = 0
        follows: list[tuple[int, int]] = []
        for place, starts in enumerate(every):
            if starts is None:
                bits |= 1 << place
                follows.append((place, -1))
                continue
            mask = 0
            for first, after in zip(starts.firsts, starts.follow, strict=True):
                if first.fullmatch(char):
                    bits |= 1 << place
                    if after is None:
                        mask = -1
                        break
                    for q in after:
                        mask |= 1 << index[q]
            if bits >> place & 1:
                follows.append((place, mask))
        found = bits, tuple(follows)
        if len(self._firsts) < _CHARS_KEPT:
            self._firsts[char] = found
        return found

    def _second(self, char: str) -> int:
        bits = self._second_bits.get(char)
        if bits is None:
            self._read()
            bits = 0
            for place, q in enumerate(self._seconds):
                if q.fullmatch(char):
                    bits |= 1 << place
            if len(self._second_bits) < _CHARS_KEPT:
                self._second_bits[char] = bits
        return bits

    def _last(self, char: str) -> int:
        bits = self._lasts.get(char)
        if bits is None:
            self._read()
            bits = 0
            for place, last in enumerate(self._last_edges):
                if _admits(last, char):
                    bits |= 1 << place
            if len(self._lasts) < _CHARS_KEPT:
                self._lasts[char] = bits
        return bits

    def warm(self, chars: str) -> None:
        """Read the patterns, and what each of `chars` admits as a text's first, second and
        last character (what a process otherwise works out on its first pages)."""
        for char in chars:
            self._first(char)
            self._second(char)
            self._last(char)

    def narrowed(self, first: str, second: str, last: str | None) -> tuple[re.Pattern[str], ...]:
        """The patterns a text opening with `first` and `second` ("": none) and ending with
        `last` (None: unknown) may match."""
        _, follows = self._first(first)
        seconds = self._second(second) if second else -1
        lasts = self._lasts[None] if last is None else self._last(last)
        kept = tuple(self.patterns[place] for place, mask in follows
                     if lasts >> place & 1 and (mask == -1 or mask & seconds))
        if len(self._by_key) < _KEYS_KEPT:
            self._by_key[first, second, last] = kept
        return kept

    def match(self, text: str) -> bool:
        if not text:
            return any(p.match(text) for p in self.patterns)
        # `$` also matches before a final line break: then the last character says nothing
        last = text[-1]
        key = (text[0], text[1:2], None if last == "\n" else last)
        kept = self._by_key.get(key)
        if kept is None:
            kept = self.narrowed(*key)
        for pattern in kept:  # (a loop: a generator for `any` costs more than most tries)
            if pattern.match(text) is not None:
                break
        else:
            return False
        return True
