"""Which junk family a block belongs to, on its own: the first of `families.FAMILIES` that
takes a block its length and kind, whose gates it passes and whose test accepts it
(`classify`; a page's blocks at once, `classify_all`).

The gates, so that most blocks meet no regex: the openings of the families that take a block
its length (`OPENINGS`, `_OPENINGS_WITHIN`: `openings.py` reads a pattern's first and last
characters), and every family's literals found in one pass over the page (`LITERALS`,
`present`, `found_in`, `page_literals`: `literals.py`), with a bit per gate (`literal_bits`;
the promo heading's, `PROMO_HEADING_BIT`; what squashing removes, `UNTIDY_BIT`, read by
`tidy`). What is left to test of a block of one shape is planned once (`_plan`). The table
and what each gate means are families.py's.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from digest.clean import patterns as P
from digest.clean.blocks import Block
from digest.clean.bodyblocks import OTHER_SPACES, squash
from digest.clean.families import FAMILIES, Family
from digest.clean.literals import Literals
from digest.clean.openings import Openings

OPENINGS = Openings([pattern for family in FAMILIES for pattern in family.opens])
_LIMITS = sorted({f.max_len for f in FAMILIES})


def _openings_within(limits: list[int]) -> tuple[Openings | None, ...]:
    """For each limit, the openings of the families that take a block that long (None: no
    family that opens does). A block is tried only with those: a pattern of a family too
    short for it opens nothing that matters (every block a family accepts matches one of its
    own `opens`), and most paragraphs are longer than all but the ticker's and the source
    line's. (One gate per set of patterns; their edges are read once for all of them.)"""
    gates: dict[tuple[re.Pattern[str], ...], Openings] = {}
    out: list[Openings | None] = []
    for limit in limits:
        patterns = tuple(p for f in FAMILIES if f.max_len >= limit for p in f.opens)
        out.append(gates.setdefault(patterns, Openings(patterns)) if patterns else None)
    return tuple(out)


_OPENINGS_WITHIN = _openings_within(_LIMITS)


def warm_openings(chars: str) -> None:
    """`Openings.warm` of every gate: read the patterns, and what `chars` admit."""
    for gate in dict.fromkeys(g for g in _OPENINGS_WITHIN if g is not None):
        gate.warm(chars)


def literal_bits(position: int) -> tuple[int, int]:
    """The bits `present` sets for the family at `position` in `FAMILIES`: one of its
    `needs` found, one of its `also` found."""
    return 1 << 2 * position, 1 << 2 * position + 1


# An `also` literal shorter than this ("(", ":", "by") is looked for in the block itself, once
# the rest of the family's gates have let it by: prose is full of them (they were half of
# the page pass's hits, each a Python step), and few blocks get that far.
_PASSED_MIN = 3


def short_also(family: Family) -> tuple[str, ...]:
    """The family's `also` literals looked for in the block itself (`holds_any`)."""
    return tuple(word for word in family.also if len(word) < _PASSED_MIN)


def holds_any(text: str, words: tuple[str, ...]) -> bool:
    """Whether the lowered block holds one of the literals `words`."""
    low = text.lower()
    return any(word in low for word in words)


def _literals(families: tuple[Family, ...]) -> dict[str, int]:
    """Every family's `needs` and `also` literals (but its `short_also`), each with the bits
    of every family that needs it (`literal_bits`), and the promo heading's
    (`PROMO_HEADING_BIT`)."""
    masks: dict[str, int] = {}
    for position, family in enumerate(families):
        if family.also and not family.needs:
            raise ValueError(f"{family.rule}: `also` is a second gate, after `needs`")
        needs, also = literal_bits(position)
        for word in family.needs:
            masks[word] = masks.get(word, 0) | needs
        for word in family.also:
            if len(word) >= _PASSED_MIN:
                masks[word] = masks.get(word, 0) | also
    for word in P.PROMO_HEADING_NEEDS:
        masks[word] = masks.get(word, 0) | PROMO_HEADING_BIT
    for word in UNTIDY:
        masks[word] = masks.get(word, 0) | UNTIDY_BIT
    return masks


# the bit of the literals one of which a promo heading holds (rules.py)
PROMO_HEADING_BIT = 1 << 2 * len(FAMILIES)
# what a text holds that squashing it removes, but a line break and an outer space (which
# `body_to_blocks(defer=True)` squashes itself), and its bit: `tidy`
UNTIDY = ("  ", *(c for c in OTHER_SPACES if c != "\n"))
UNTIDY_BIT = PROMO_HEADING_BIT << 1
LITERALS = Literals.build(_literals(FAMILIES))
# what a block holding a case twin opens: every second gate, and the promo heading's (the
# `needs` gates have always looked at the lowered block only: what they let through is
# unchanged)
_TWIN_OPENS = PROMO_HEADING_BIT | sum(literal_bits(p)[1] for p in range(len(FAMILIES)))


def present(low: str) -> int:
    """The bits (`literal_bits`, `PROMO_HEADING_BIT`) of the gates one of whose literals the
    lower-cased block holds."""
    return LITERALS.present(low)


def found_in(text: str) -> int:
    """`present` of one block as it is (not lowered): a block holding a case twin opens
    every second gate."""
    return LITERALS.in_block(text, _TWIN_OPENS)


def page_literals(blocks: Sequence[Block]) -> list[int] | None:
    """`found_in` of every block, in one pass (None: the page goes block by block)."""
    return LITERALS.in_blocks([b.text for b in blocks])


def tidy(blocks: Sequence[Block], found: list[int] | None) -> None:
    """Squash the text of each block in which `page_literals` found a double space or a
    whitespace other than the space (`UNTIDY_BIT`; `found` is then its literals again); when
    the page goes block by block (`found` None), of every block. What makes the blocks of
    `body_to_blocks(defer=True)` what it makes without `defer`, found in the pass the
    literals take anyway."""
    if found is None:
        for block in blocks:
            block.text = squash(block.text)
        return
    for at, bits in enumerate(found):
        if bits & UNTIDY_BIT:
            block = blocks[at]
            block.text = squash(block.text)
            found[at] = found_in(block.text)


@dataclass(frozen=True)
class _Plan:
    """What is left to test of a block of one shape after the cheap gates: the families, in
    order, each with its `needs` bit (0: it needs no literal), its `also` bit (0: no second
    gate) and its `short_also`; all of their `needs` bits; and the families among them that
    need no literal, for a block holding none."""

    families: tuple[tuple[Family, int, int, tuple[str, ...]], ...]
    needs: int
    bare: tuple[Family, ...]


def _plan(at: int, kind: str, opened: bool) -> _Plan:
    """The plan for a block of this kind, no longer than `_LIMITS[at]`, opening (or not)
    like one of the families that open: made once (`_PLANS`)."""
    by_kind = _PLANS[at][opened]
    plan = by_kind.get(kind)
    if plan is None:
        plan = by_kind[kind] = _new_plan(_LIMITS[at], kind, opened)
    return plan


def _new_plan(limit: int, kind: str, opened: bool) -> _Plan:
    families = []
    needs = 0
    for position, f in enumerate(FAMILIES):
        if f.max_len >= limit and (not f.kinds or kind in f.kinds) and (opened or not f.opens):
            bit, also = literal_bits(position)
            families.append((f, bit if f.needs else 0, also if f.also else 0, short_also(f)))
            needs |= bit if f.needs else 0
    return _Plan(tuple(families), needs, tuple(f for f, bit, _, _ in families if not bit))


# the plans made so far, by the limit's place in _LIMITS, then opened or not, then kind (a
# look-up in C: lru_cache hashed a key of three arguments, 2 µs of a feed item's blocks)
_PLANS: tuple[tuple[dict[str, _Plan], dict[str, _Plan]], ...] = tuple(
    ({}, {}) for _ in _LIMITS)


def _plan_of(text: str, kind: str) -> _Plan | None:
    """The plan for one block (None: longer than any family takes)."""
    size = len(text)
    at = bisect_left(_LIMITS, size)
    if at == len(_LIMITS):
        return None
    openings = _OPENINGS_WITHIN[at]
    return _plan(at, kind, openings is not None and openings.match(text))


def _decide(plan: _Plan, text: str, found: int) -> str | None:
    """The first family of the plan whose literals the block holds (`found`: their bits; its
    `short_also`, in the block itself) or that needs none, and whose test accepts it."""
    if not found & plan.needs:
        for family in plan.bare:
            if family.test(text):
                return family.rule
        return None
    for family, bit, also, short in plan.families:
        if (not bit or (found & bit and (not also or found & also or (
                short and holds_any(text, short))))) and family.test(text):
            return family.rule
    return None


def classify(block: Block) -> str | None:
    """The family one block belongs to on its own, or None: the first of `FAMILIES` that
    takes a block of its length and kind, whose gates it passes, and whose test accepts it.

    (This runs for every family on every block, and the call and generator overhead was most
    of its cost: the families a block's length, kind and opening leave are looked up once per
    shape, `_plan`, and the literals they need are found in one pass, `found_in`; a block
    holding none of them (most prose) is tested by the families that need no literal only.)"""
    text = block.text
    plan = _plan_of(text, block.kind)
    if plan is None:
        return None
    return _decide(plan, text, found_in(text) if plan.needs else 0)


def classify_all(blocks: Sequence[Block], found: list[int] | None = None) -> list[str | None]:
    """`classify` of every block, the literals of all of them found in one pass
    (`page_literals`, unless the caller has them: `found`)."""
    if found is None:
        found = page_literals(blocks)
        if found is None:
            return [classify(b) for b in blocks]
    out: list[str | None] = []
    limits, gates, plans, beyond = _LIMITS, _OPENINGS_WITHIN, _PLANS, len(_LIMITS)
    for block, bits in zip(blocks, found, strict=True):
        text = block.text  # (`_plan_of` and `_plan`, inline: calls less per block)
        at = bisect_left(limits, len(text))
        if at == beyond:
            out.append(None)
            continue
        gate = gates[at]
        opened = gate is not None and gate.match(text)
        plan = plans[at][opened].get(block.kind) or _plan(at, block.kind, opened)
        # (most prose holds none of the plan's literals and is longer than the families that
        # need none: nothing to test)
        out.append(_decide(plan, text, bits) if bits & plan.needs or plan.bare else None)
    return out
