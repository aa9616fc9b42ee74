"""The junk families that judge one block on its own, as a table: name, size limit, test.

`classify(block)` walks `FAMILIES` in order and returns the first family whose test accepts
the block. Each row says how long a block it may take (junk is short; long blocks are where
real sentences live), optionally which block kinds it looks at, and one of two gates, each a
condition every block the test accepts meets, so a block that fails it skips the test:

- `opens`, for the families anchored at the block's start: the patterns one of which a
  block they accept matches at its start (their own patterns). `OPENINGS` tries them once per
  block, only those that can start with the block's first character and end with its last
  (`openings.py`): prose opens none of them, and most are never tried on it (the same
  answers, by construction).
- `needs`, for the "search anywhere" families: the lower-case literals every match contains:
  a block with none of them skips that family's regex (the regexes scan the whole block);
  `also`, a second set of them, for a family whose `needs` are words prose uses ("support ",
  "pic" in "topic"): what the rest of every match holds ("journalism", a colon). All of
  them are found in one pass over the page (`literals.py`), so a literal costs nothing, and
  the more precise they are, the fewer blocks reach a regex. Keep the literals in step with
  patterns.py; tests/clean draw matches from the patterns and check the gates let them by.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from digest.clean import patterns as P
from digest.clean.blocks import Block
from digest.clean.literals import Literals
from digest.clean.openings import Openings

_IMPERATIVE = re.compile(
    r"(?:^|[.!?]\s+|[:–—]\s*)(?:subscribe|sign up|sign me up|get|join|enter|don'?t miss|never "
    r"miss|want|love|like|enjoy(?:ed)?|stay|receive|be the first|keep up|click|register|try)\b",
    re.I)
_DIGIT = re.compile(r"\d")
_MONEY_OR_CHANGE = re.compile(r"[$€£¥₹%▲▼↑↓]|\(\s?[A-Z0-9.]{1,10}\s?\)|\d{1,3}(?:,\d{3})+|\d\.\d{2}"
                              r"|[涨跌]")
_CN_DISCLAIMER = re.compile(r"^[【\[]?(?:免责声明|版权声明|风险提示|声明)")


def is_ticker(text: str) -> bool:
    if len(text) > 400 or not _DIGIT.search(text):
        return False
    text = text.strip()
    if P.FX_LINE.match(text):
        return True
    return bool(P.TICKER_LINE.match(text)) and bool(_MONEY_OR_CHANGE.search(text))


def _is_embed_debris(text: str) -> bool:
    if not P.EMBED_DEBRIS.search(text):
        return False
    covered = sum(len(m.group(0)) for m in P._ATTR.finditer(text))
    return len(text) < 400 or covered > 0.4 * len(text)


_SENTENCE_END = re.compile(r"[.!?:。！？：]['\"’”)]*\s*$")


def _is_subscribe(text: str) -> bool:
    """A sign-up box's message, or a subscription word with its context ("free", "inbox",
    "weekly", a price…) in an imperative ("Get our…", "Sign up…") or a short line. The context
    must be another word than the one that matched (an article about newsletters says
    "newsletter" in its headings), and a short declarative sentence of seven words or more is
    prose ("The paper added 4,000 newsletter subscribers in a year.")."""
    if P.SIGNUP_WIDGET.search(text):
        return True
    found = P.SUBSCRIBE.search(text)
    if found is None:
        return False
    if not any(c.span() != found.span() for c in P.SUBSCRIBE_CONTEXT.finditer(text)):
        return False
    if _IMPERATIVE.search(text):
        return True
    return len(text) < 80 and not (len(text.split()) >= 7 and _SENTENCE_END.search(text))


def _is_tools(text: str) -> bool:
    return bool(P.TOOLS.match(text)) and bool(P.TOOL_CORE.search(text))


# the literals each of patterns.RISK_CUES needs (lower case), in the same order: a cue whose
# literals are all missing is not searched
_CUE_NEEDS: tuple[tuple[str, ...], ...] = (
    ("advice", "does not constitute"),
    ("high risk", "high-risk", "highly volatile", "speculative"),
    ("own research", "own due diligence", "dyor"),
    ("past performance", "lose some", "lose all", "lose part", "at risk", "risk of los"),
    ("consult ", "seek advice from", "purposes only"),
    ("有风险", "风险自担", "高风险"),
    ("谨慎", "不构成", "据此操作", "仅供参考"),
)
# the literals of patterns.DISCLAIMER_LABEL
_LABEL_NEEDS = ("disclaimer", "disclosure", "risk warning", "risk notice", "investment warning",
                "important notice", "important information")


def _is_market_disclaimer(text: str) -> bool:
    """A labelled disclaimer ("Disclaimer:", "Risk warning:") or small print with two of the
    risk cues (not advice, high risk, do your own research, you may lose, ask an adviser)."""
    if P.DISCLAIMER_LABEL.match(text):
        return True
    low = text.lower()
    found = 0
    for needs, cue in zip(_CUE_NEEDS, P.RISK_CUES, strict=True):
        if any(w in low for w in needs) and cue.search(text) is not None:
            found += 1
            if found == 2:
                return True
    return False


# what every match of patterns.DATE holds: a four-digit year, or a day and a month with a
# slash or dot between them (a cheap search that spares the costly one most short blocks
# with numbers in them)
_DATE_DIGITS = re.compile(r"\d\d\d\d|\d[/.]\d")
_LETTER_WORD = re.compile(r"[^\W\d_]+")


def is_dateline(text: str) -> bool:
    """A date stamp alone on its line ("Updated: Tue., Nov. 19, 2019 08:38 AM", "October 12,
    2017 · 8 min read", "Posted by Jane Roe on 19/11/2019"): a date, and at most three words
    besides its labels, weekday, clock and zone (a place or a name). Not an event's date
    ("Date: 13-15 October 2026") nor the attribution under a quoted post ("— Name (@name)
    November 18, 2019"): those are the article's."""
    if _DATE_DIGITS.search(text) is None or P.DATE.search(text) is None \
            or P.NOT_A_STAMP.match(text):
        return False
    rest = P.DATE_WORDS.sub(" ", P.CLOCK.sub(" ", P.DATE.sub(" ", text)))
    return len(_LETTER_WORD.findall(rest)) <= 3


def _is_copyright(text: str) -> bool:
    return (len(text) <= SHORT and bool(P.COPYRIGHT.search(text))) or bool(
        _CN_DISCLAIMER.match(text))


def _matches(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    return lambda text: pattern.match(text) is not None


def _finds(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    return lambda text: pattern.search(text) is not None


def _any(*tests: Callable[[str], bool]) -> Callable[[str], bool]:
    return lambda text: any(t(text) for t in tests)


SHORT = 300  # most families only ever match blocks shorter than this

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
    Family("source_line", 400, _matches(P.SOURCE_LINE), opens=(P.SOURCE_LINE,)),
    # a list item or table row with a date is data (a schedule, a changelog), so only
    # paragraphs, headings and captions
    Family("dateline", 120, is_dateline, kinds=("p", "h", "caption")),
    Family("ad_label", SHORT, _matches(P.AD_LABEL), opens=(P.AD_LABEL,)),
    Family("back_to_top", SHORT, _matches(P.BACK_TO_TOP), opens=(P.BACK_TO_TOP,)),
    Family("tag_row", SHORT, _any(_matches(P.TAG_ROW),
                                  lambda t: t.count("/") >= 2 and P.SLASH_ROW.match(t) is not None),
           opens=(P.TAG_ROW, P.SLASH_ROW)),
    Family("share_row", 200, _any(_matches(P.SHARE_ROW), _matches(P.SOCIAL_ONLY)),
           opens=(P.SHARE_ROW, P.SOCIAL_ONLY)),
    Family("print_email_tools", SHORT, _is_tools, opens=(P.TOOLS,)),
    Family("read_more", SHORT, _any(_matches(P.READ_MORE), _matches(P.BACK_LINKS)),
           opens=(P.READ_MORE, P.BACK_LINKS)),
    Family("comment_count", SHORT, _matches(P.COMMENTS), opens=(P.COMMENTS,)),
    Family("editor_credit", SHORT, _matches(P.EDITOR_CREDIT), opens=(P.EDITOR_CREDIT,)),
    Family("watch_promo", 250, _matches(P.WATCH_PROMO), opens=(P.WATCH_PROMO,)),
    Family("embed_debris", 80, _matches(P.CSS_TOKEN), opens=(P.CSS_TOKEN,)),
    Family("embed_debris", 1_000_000, _is_embed_debris,
           ("frameborder", "allowfullscreen", "accelerometer", "referrerpolicy", "<", "width",
            "height", "clipboard-write", "picture-in-picture"),
           # an attribute's "=", or the tag after "<"
           also=("=", "allowfullscreen", "iframe", "embed", "script", "blockquote class",
                 "clipboard-write", "picture-in-picture")),
    Family("follow_us", SHORT, _finds(P.FOLLOW),
           ("follow ", "like us on facebook", "join us", "join our ", "点击", "关注", "打开", "下载",
            "安装", "app内")),
    Family("paywall", SHORT, _finds(P.PAYWALL),
           ("continue reading", "keep reading", "subscribers", "members", "already a ",
            "unlock ", "subscribe to read", "article limit", "free account to", "订阅后", "付费"),
           also=("continue reading", "keep reading", "this article is ", "this story is ",
                 "this content is ", "already a ", "unlock ", "subscribe to read",
                 "article limit", "free account to", "订阅后", "付费")),
    # a picture word with a colon or a credit word after it; a photographer's credit
    Family("image_credit", 200, _finds(P.IMAGE_CREDIT), _PICTURE_NEEDS,
           also=(":", "：", "source", "credit", "courtesy", "图", "视觉中国", "摄")),
    Family("image_credit", 200, _finds(P.PHOTOGRAPHER), _PICTURE_NEEDS,
           also=("by", "courtesy", "(", "（", "图", "摄")),
    Family("image_credit", SHORT, _finds(P.CREDIT_TAIL), kinds=("caption",)),
    Family("sponsored", 500, _matches(P.SPONSORED),
           ("sponsor", "advertisement", "paid", "partner", "promot", "广告", "推广")),
    Family("subscribe", 260, _is_subscribe,
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
    Family("syndication", SHORT, _finds(P.SYNDICATION),
           ("appeared first", "originally", "first appeared", "publish", "printed", "posted",
            "本文", "转载", "原文"),
           # what is published: "this article was published by", "first published on"
           also=("appeared first on", "originally ", "first published on", "first appeared on",
                 "article ", "story ", "post ", "piece ", "republished ", "本文", "转载", "原文")),
    # first-person promo is junk in a short block; a long paragraph that says "check out our
    # guide" in passing is the article's. An outlet naming itself is junk at any length.
    Family("self_promo", 800, _finds(P.OUTLET_PROMO), ("check out", "website", "is your",
                                                       "are your", "coverage", "latest news"),
           also=("check out ", "follow ", "visit ", "read ", "source", "destination", "place")),
    Family("self_promo", SHORT, _finds(P.SELF_PROMO),
           ("check out", "coverage", "for the latest", "for more", "download", "reporting")),
    Family("self_promo", 150, _finds(P.CLICK_HERE), ("click", "tap")),
    Family("appeal", 600, _finds(P.APPEAL),
           ("support ", "become a", "donate", "make a donation", "make a contribution",
            "make a gift", "readers like you", "our journalism", "our reporting",
            "this journalism", "this reporting"),
           # what is supported, or whom one becomes
           also=("journalism", "reporting", "newsroom", "member", "supporter", "patron",
                 "insider", "donate", "make a ", "readers like you")),
    Family("cookie_notice", 500, _finds(P.COOKIE), ("cookie",)),
    Family("market_disclaimer", 1500, _is_market_disclaimer,
           (*_LABEL_NEEDS, *(w for cue in _CUE_NEEDS for w in cue))),
    Family("disclosure", 400, _finds(P.DISCLOSURE),
           ("commission", "affiliate", "advice", "delayed"),
           also=("earn ", "receive ", "get ", "affiliate", "not financial advice",
                 "not investment advice", "market data")),
    Family("copyright_disclaimer", 2000, _is_copyright,
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


def _literals(families: tuple[Family, ...]) -> dict[str, int]:
    """Every family's `needs` and `also` literals, each with the bits of every family that
    needs it (`literal_bits`), and the promo heading's (`PROMO_HEADING_BIT`)."""
    masks: dict[str, int] = {}
    for position, family in enumerate(families):
        if family.also and not family.needs:
            raise ValueError(f"{family.rule}: `also` is a second gate, after `needs`")
        for words, bit in zip((family.needs, family.also), literal_bits(position), strict=True):
            for word in words:
                masks[word] = masks.get(word, 0) | bit
    for word in P.PROMO_HEADING_NEEDS:
        masks[word] = masks.get(word, 0) | PROMO_HEADING_BIT
    return masks


# the bit of the literals one of which a promo heading holds (rules.py)
PROMO_HEADING_BIT = 1 << 2 * len(FAMILIES)
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


@dataclass(frozen=True)
class _Plan:
    """What is left to test of a block of one shape after the cheap gates: the families, in
    order, each with its `needs` bit (0: it needs no literal) and its `also` bit (0: no
    second gate); all of their `needs` bits; and the families among them that need no
    literal, for a block holding none."""

    families: tuple[tuple[Family, int, int], ...]
    needs: int
    bare: tuple[Family, ...]


@lru_cache(maxsize=256)
def _plan(limit: int, kind: str, opened: bool) -> _Plan:
    """The plan for a block of this kind, no longer than `limit`, opening (or not) like one
    of the families that open."""
    families = []
    needs = 0
    for position, f in enumerate(FAMILIES):
        if f.max_len >= limit and (not f.kinds or kind in f.kinds) and (opened or not f.opens):
            bit, also = literal_bits(position)
            families.append((f, bit if f.needs else 0, also if f.also else 0))
            needs |= bit if f.needs else 0
    return _Plan(tuple(families), needs, tuple(f for f, bit, _ in families if not bit))


def _plan_of(text: str, kind: str) -> _Plan | None:
    """The plan for one block (None: longer than any family takes)."""
    size = len(text)
    at = bisect_left(_LIMITS, size)
    if at == len(_LIMITS):
        return None
    openings = _OPENINGS_WITHIN[at]
    return _plan(_LIMITS[at], kind, openings is not None and openings.match(text))


def _decide(plan: _Plan, text: str, found: int) -> str | None:
    """The first family of the plan whose literals the block holds (`found`: their bits) or
    that needs none, and whose test accepts it."""
    if not found & plan.needs:
        for family in plan.bare:
            if family.test(text):
                return family.rule
        return None
    for family, bit, also in plan.families:
        if (not bit or (found & bit and (not also or found & also))) and family.test(text):
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
    limits, gates, beyond = _LIMITS, _OPENINGS_WITHIN, len(_LIMITS)
    for block, bits in zip(blocks, found, strict=True):
        text = block.text  # (`_plan_of`, inline: a call less per block)
        at = bisect_left(limits, len(text))
        if at == beyond:
            out.append(None)
            continue
        gate = gates[at]
        plan = _plan(limits[at], block.kind, gate is not None and gate.match(text))
        out.append(_decide(plan, text, bits))
    return out
