"""The junk families that judge one block on its own, as a table: name, size limit, test.

`classify(block)` walks `FAMILIES` in order and returns the first family whose test accepts
the block. Each row says how long a block it may take (junk is short; long blocks are where
real sentences live), optionally which block kinds it looks at, and one of two gates, each a
condition every block the test accepts meets, so a block that fails it skips the test:

- `opens`, for the families anchored at the block's start: the patterns one of which a
  block they accept matches at its start (their own patterns). A block is tried once with
  the openings of the families that take a block its length, only those that can start with
  its first two characters and end with its last (`openings.py`): prose opens none of them,
  and most are never tried on it (the same answers, by construction).
- `needs`, for the "search anywhere" families: the lower-case literals every match contains:
  a block with none of them skips that family's regex (the regexes scan the whole block);
  `also`, a second set of them, for a family whose `needs` are words prose uses ("support ",
  "pic" in "topic"): what the rest of every match holds ("journalism", a colon). All of
  them are found in one pass over the page (`literals.py`), so a literal costs nothing, and
  the more precise they are, the fewer blocks reach a regex; but an `also` literal of one or
  two characters (a colon, "by") is looked for in the few blocks that get that far
  (`short_also`), not in every line of prose. Keep the literals in step with
  patterns.py; tests/clean draw matches from the patterns and check the gates let them by.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from digest.clean import patterns as P
from digest.clean.blocks import Block
from digest.clean.bodyblocks import OTHER_SPACES, squash
from digest.clean.literals import Literals
from digest.clean.openings import Openings
from digest.clean.shapes import (
    CUE_NEEDS,
    LABEL_NEEDS,
    SHORT,
    any_of,
    finds,
    is_copyright,
    is_dateline,
    is_embed_debris,
    is_market_disclaimer,
    is_subscribe,
    is_ticker,
    is_tools,
    matches,
)


@dataclass(frozen=True)
class Family:
    rule: str
    max_len: int
    test: Callable[[str], bool]
    # lower-case literals, one of which every match contains (empty: no pre-check)
    needs: tuple[str, ...] = ()
    # only blocks of these kinds (empty: any kind)
    kinds: tuple[str, ...] = ()
    # patterns one of which every block the test accepts matches at its start (empty: none)
    opens: tuple[re.Pattern[str], ...] = ()
    # lower-case literals one of which every match contains as well: a second gate, for a
    # family whose `needs` are words prose uses ("support ", "pic" in "topic"), that the
    # rest of a match holds ("journalism", a colon); only with `needs`
    also: tuple[str, ...] = ()


_PICTURE_NEEDS = ("image", "photo", "pic", "illustration", "graphic", "video", "footage",
                  "screenshot", "图", "视觉中国", "摄")

FAMILIES: tuple[Family, ...] = (
    Family("ticker", 400, is_ticker, opens=(P.TICKER_OR_FX,)),
    Family("source_line", 400, matches(P.SOURCE_LINE), opens=(P.SOURCE_LINE,)),
    # a list item or table row with a date is data (a schedule, a changelog), so only
    # paragraphs, headings and captions
    Family("dateline", 120, is_dateline, kinds=("p", "h", "caption")),
    Family("ad_label", SHORT, matches(P.AD_LABEL), opens=(P.AD_LABEL,)),
    Family("back_to_top", SHORT, matches(P.BACK_TO_TOP), opens=(P.BACK_TO_TOP,)),
    Family("tag_row", SHORT, any_of(matches(P.TAG_ROW),
                                  lambda t: t.count("/") >= 2 and P.SLASH_ROW.match(t) is not None),
           opens=(P.TAG_ROW, P.SLASH_ROW)),
    Family("share_row", 200, any_of(matches(P.SHARE_ROW), matches(P.SOCIAL_ONLY)),
           opens=(P.SHARE_ROW, P.SOCIAL_ONLY)),
    Family("print_email_tools", SHORT, is_tools, opens=(P.TOOLS,)),
    Family("read_more", SHORT, any_of(matches(P.READ_MORE), matches(P.BACK_LINKS)),
           opens=(P.READ_MORE, P.BACK_LINKS)),
    Family("comment_count", SHORT, matches(P.COMMENTS), opens=(P.COMMENTS,)),
    Family("editor_credit", SHORT, matches(P.EDITOR_CREDIT), opens=(P.EDITOR_CREDIT,)),
    Family("watch_promo", 250, matches(P.WATCH_PROMO), opens=(P.WATCH_PROMO,)),
    Family("embed_debris", 80, matches(P.CSS_TOKEN), opens=(P.CSS_TOKEN,)),
    Family("embed_debris", 1_000_000, is_embed_debris,
           ("frameborder", "allowfullscreen", "accelerometer", "referrerpolicy", "<", "width",
            "height", "clipboard-write", "picture-in-picture"),
           # an attribute's "=", or the tag after "<"
           also=("=", "allowfullscreen", "iframe", "embed", "script", "blockquote class",
                 "clipboard-write", "picture-in-picture")),
    Family("follow_us", SHORT, finds(P.FOLLOW),
           ("follow ", "like us on facebook", "join us", "join our ", "点击", "关注", "打开", "下载",
            "安装", "app内")),
    Family("paywall", SHORT, finds(P.PAYWALL),
           ("continue reading", "keep reading", "subscribers", "members", "already a ",
            "unlock ", "subscribe to read", "article limit", "free account to", "订阅后", "付费"),
           also=("continue reading", "keep reading", "this article is ", "this story is ",
                 "this content is ", "already a ", "unlock ", "subscribe to read",
                 "article limit", "free account to", "订阅后", "付费")),
    # a picture word with a colon or a credit word after it; a photographer's credit
    Family("image_credit", 200, finds(P.IMAGE_CREDIT), _PICTURE_NEEDS,
           also=(":", "：", "source", "credit", "courtesy", "图", "视觉中国", "摄")),
    Family("image_credit", 200, finds(P.PHOTOGRAPHER), _PICTURE_NEEDS,
           also=("by", "courtesy", "(", "（", "图", "摄")),
    Family("image_credit", SHORT, finds(P.CREDIT_TAIL), kinds=("caption",)),
    Family("sponsored", 500, matches(P.SPONSORED),
           ("sponsor", "advertisement", "paid", "partner", "promot", "广告", "推广")),
    Family("subscribe", 260, is_subscribe,
           # SUBSCRIBE's literals, then SIGNUP_WIDGET's
           ("subscribe", "sign up", "sign-up", "signup", "sign me up", "get our", "get the",
            "get new", "get daily", "get weekly", "newsletter", "your inbox", "by email",
            "delivered ", *(f"join {c}" for c in "0123456789,."), "thank", "processing your ",
            "enter your ", "mail address", "enter a valid", "invalid e", "you're ", "you are "),
           # what follows "get our", "thanks for", "you're" in a match
           also=("subscri", "sign up", "sign-up", "signup", "sign me up", "signing up",
                 "signed up", "registering", "on the list", "newsletter", "posts", "brief",
                 "digest", "updates", "stories", "your inbox", "by email", "delivered ",
                 "join ", "processing your ", "enter your ", "mail address", "enter a valid",
                 "invalid e")),
    Family("syndication", SHORT, finds(P.SYNDICATION),
           ("appeared first", "originally", "first appeared", "publish", "printed", "posted",
            "本文", "转载", "原文"),
           # what is published: "this article was published by", "first published on"
           also=("appeared first on", "originally ", "first published on", "first appeared on",
                 "article ", "story ", "post ", "piece ", "republished ", "本文", "转载", "原文")),
    # first-person promo is junk in a short block; a long paragraph that says "check out our
    # guide" in passing is the article's. An outlet naming itself is junk at any length.
    Family("self_promo", 800, finds(P.OUTLET_PROMO), ("check out", "website", "is your",
                                                       "are your", "coverage", "latest news"),
           also=("check out ", "follow ", "visit ", "read ", "source", "destination", "place")),
    Family("self_promo", SHORT, finds(P.SELF_PROMO),
           ("check out", "coverage", "for the latest", "for more", "download", "reporting")),
    Family("self_promo", 150, finds(P.CLICK_HERE), ("click", "tap")),
    Family("appeal", 600, finds(P.APPEAL),
           ("support ", "become a", "donate", "make a donation", "make a contribution",
            "make a gift", "readers like you", "our journalism", "our reporting",
            "this journalism", "this reporting"),
           # what is supported, or whom one becomes
           also=("journalism", "reporting", "newsroom", "member", "supporter", "patron",
                 "insider", "donate", "make a ", "readers like you")),
    Family("cookie_notice", 500, finds(P.COOKIE), ("cookie",)),
    Family("market_disclaimer", 1500, is_market_disclaimer,
           (*LABEL_NEEDS, *(w for cue in CUE_NEEDS for w in cue))),
    Family("disclosure", 400, finds(P.DISCLOSURE),
           ("commission", "affiliate", "advice", "delayed"),
           also=("earn ", "receive ", "get ", "affiliate", "not financial advice",
                 "not investment advice", "market data")),
    Family("copyright_disclaimer", 2000, is_copyright,
           ("©", "(c)", "copyright", "rights reserved", "版权", "声明", "风险提示")),
)


def rules_through(rule: str) -> frozenset[str]:
    """The rules of the families `classify` tries up to the first one named `rule`, that one
    included: what it answers for a block that family's test accepts (within its size and
    kinds: the family is tried then, and only these come before it)."""
    position = next(i for i, f in enumerate(FAMILIES) if f.rule == rule)
    return frozenset(f.rule for f in FAMILIES[:position + 1])


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
