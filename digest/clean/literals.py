"""Literal gates: which of many lower-case literals a block holds, for every block of a page in
one pass.

A junk family's regex scans the whole block; most blocks hold none of the words every match of
it contains, so a block is tested only when it holds them (`families.Family` `needs` and
`also`, the promo heading's in `patterns.PROMO_HEADING_NEEDS`). Every literal of every gate is
found in one pass over the page: an Aho-Corasick automaton (ahocorasick_rs, in Rust: a DFA,
whose pass costs a third of the default automaton's) over the page's blocks joined by line
breaks, as UTF-8 lowered by `bytes.lower`, each literal standing for the bits of the gates it
opens. (One substring test per literal was two thirds of the cleaning of a feed item;
`str.lower` of the page took longer than the automaton's pass.)

What lower case hides: an IGNORECASE pattern takes a few characters for an ASCII letter that
`str.lower` does not lower to it (the case twins), and `bytes.lower` leaves two characters
that `str.lower` lowers into a literal (the Kelvin sign, the dotted capital I). Both are
checked over all of Unicode by tests/clean; a page holding either kind goes block by block,
and a block holding a case twin opens the gates a caller names (`in_block`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import ahocorasick_rs

# The characters a pattern's IGNORECASE matches to an ASCII letter that `str.lower` does not
# lower to it: the long s matches s, the dotless i and the dotted capital I match i. A
# lower-case literal misses "ſubscribe" where the pattern finds it.
CASE_TWINS = "ſıİ"


def has_case_twin(text: str) -> bool:
    return "ſ" in text or "ı" in text or "İ" in text


# The characters whose lower case is not their ASCII lower case and meets a literal: the
# Kelvin sign lowers to "k", a dotted capital I to "i" and a combining dot. Every other
# character lowers, as the literals see it, to what `bytes.lower` (which lowers A-Z only)
# leaves of it: a cased letter that is not ASCII lowers to a character no literal holds, and a
# character a literal holds (a Chinese one, ©) lowers to itself and is the lower case of no
# other. (Checked for the literals in use.)
FOLDS_APART = ("\u212a".encode(), "\u0130".encode())
# what sends a page block by block: those two and the case twins (found in the same pass as
# the literals: looking for each on its own took as long as the pass)
_BLOCK_BY_BLOCK = (*FOLDS_APART, *(c.encode() for c in CASE_TWINS if c != "\u0130"))


def _utf8(text: str) -> bytes:
    """`text` as UTF-8. Half a surrogate pair (which no UTF-8 holds) becomes "?": like any
    character no literal holds, it is in no match, so the same literals match elsewhere."""
    return text.encode("utf-8", "replace")


@dataclass(frozen=True)
class Literals:
    """Lower-case literals in one automaton over UTF-8; `bits[i]` is the bits of the gates
    literal `i` opens."""

    automaton: ahocorasick_rs.BytesAhoCorasick
    bits: tuple[int, ...]  # (after them, the characters of _BLOCK_BY_BLOCK: no bits)
    words: tuple[str, ...]

    @classmethod
    def build(cls, masks: dict[str, int]) -> Literals:
        """From each literal's bits (lower case, no line break)."""
        for word in masks:
            if word != word.lower() or "\n" in word or not word:
                raise ValueError(f"a literal must be lower case, with no line break: {word!r}")
        automaton = ahocorasick_rs.BytesAhoCorasick(
            [*(word.encode() for word in masks), *_BLOCK_BY_BLOCK],
            implementation=ahocorasick_rs.Implementation.DFA)
        return cls(automaton, (*masks.values(), *(0 for _ in _BLOCK_BY_BLOCK)), tuple(masks))

    def present(self, low: str) -> int:
        """The bits of the literals the lower-cased block holds."""
        mask, bits = 0, self.bits
        for index, _, _ in self.automaton.find_matches_as_indexes(_utf8(low), overlapping=True):
            mask |= bits[index]
        return mask

    def in_block(self, text: str, twin_opens: int) -> int:
        """`present` of one block as it is (not lowered), with `twin_opens` too when it
        holds a case twin."""
        found = self.present(text.lower())
        return found | twin_opens if has_case_twin(text) else found

    def in_blocks(self, texts: Sequence[str]) -> list[int] | None:
        """`present` of each block's lower case, in one pass over all of them; None when a
        block holds a line break, a case twin or a character that folds apart (the caller
        looks at such a page block by block, `in_block`).

        The texts are joined by line breaks and encoded once; every literal found is
        credited to the block it lies in (the line breaks before it). No literal holds a line
        break, so none is found across two blocks."""
        data = _utf8("\n".join(texts))
        if data.count(b"\n") != len(texts) - 1:
            return None
        found = [0] * len(texts)
        bits, apart = self.bits, len(self.words)
        line = at = 0  # the block holding byte `at` (hits come nearly in order: a cursor moves)
        for index, start, _ in self.automaton.find_matches_as_indexes(data.lower(),
                                                                      overlapping=True):
            if index >= apart:  # a character of _BLOCK_BY_BLOCK
                return None
            if start >= at:
                line += data.count(b"\n", at, start)
            else:
                line -= data.count(b"\n", start, at)
            at = start
            found[line] |= bits[index]
        return found
