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
  a block with none of them skips that family's regex (the regexes scan the whole block).
  Every family's literals are found in one pass over the block (an Aho-Corasick automaton,
  `present`), not one substring test each: with a hundred literals the tests were two thirds
  of the cleaning of a feed item. (The automaton is ahocorasick_rs's, in Rust: its pass over
  a page's blocks costs a third of pyahocorasick's, whose per-character iteration was most of
  the literal pass.) So a literal costs nothing, and the more precise they are
  (the words of a phrase the regex requires, not a stem common in prose), the fewer blocks
  reach a regex. Keep the literals in step with patterns.py; tests/clean check each
  family's examples.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick_rs

from digest.clean import patterns as P
from digest.clean.blocks import Block
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

# The characters a pattern's IGNORECASE matches to an ASCII letter that `str.lower` does not
# lower to it (checked over all of Unicode by tests/clean): the long s matches s, the dotless
# i and the dotted capital I match i. A lower-case literal misses "ſubscribe" where the
# pattern finds it: a block holding one passes every `also` gate. (The `needs` gates have
# always looked at the lowered block only: what they let through is unchanged.)
CASE_TWINS = "ſıİ"


def has_case_twin(text: str) -> bool:
    return "ſ" in text or "ı" in text or "İ" in text


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

    def accepts(self, block: Block, low: str) -> bool:
        if len(block.text) > self.max_len or (self.kinds and block.kind not in self.kinds):
            return False
        # substring tests: cheaper than one regex alternation of the same literals
        if self.needs and not any(w in low for w in self.needs):
            return False
        if self.also and not any(w in low for w in self.also) and not has_case_twin(
                block.text):
            return False
        if self.opens and not any(p.match(block.text) for p in self.opens):
            return False
        return self.test(block.text)


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


OPENINGS = Openings([pattern for family in FAMILIES for pattern in family.opens])
_OPENINGS_MAX = max(f.max_len for f in FAMILIES if f.opens)
_LIMITS = sorted({f.max_len for f in FAMILIES})


# The characters whose lower case is not their ASCII lower case and meets a literal (checked
# over all of Unicode by tests/clean): the Kelvin sign lowers to "k", a dotted capital I to
# "i" and a combining dot. Every other character lowers, as the literals see it, to what
# `bytes.lower` (which lowers A-Z only) leaves of it: a cased letter that is not ASCII
# lowers to a character no literal holds, and a character a literal holds (a Chinese one,
# ©) lowers to itself and is the lower case of no other.
_FOLDS_APART = ("\u212a".encode(), "\u0130".encode())
# ... and what sends a page block by block besides: those two and the case twins
_BLOCK_BY_BLOCK = (*_FOLDS_APART, *(c.encode() for c in CASE_TWINS if c != "\u0130"))


@dataclass(frozen=True)
class _Literals:
    """Every family's `needs` literals in one automaton over UTF-8; `bits[i]` is the bits of
    the families that need literal `i` (each family's bit is its position in `FAMILIES`)."""

    automaton: ahocorasick_rs.BytesAhoCorasick
    bits: tuple[int, ...]

    def hits(self, data: bytes) -> list[tuple[int, int, int]]:
        """(literal, start, end) of every literal found in `data` (UTF-8, lower case as far
        as the literals go), overlapping ones included; start and end are byte offsets."""
        return self.automaton.find_matches_as_indexes(data, overlapping=True)


def _utf8(text: str) -> bytes:
    """`text` as UTF-8. Half a surrogate pair (which no UTF-8 holds) becomes "?": like any
    character no literal holds, it is in no match, so the same literals match elsewhere."""
    return text.encode("utf-8", "replace")


def literal_bits(position: int) -> tuple[int, int]:
    """The bits `present` sets for the family at `position` in `FAMILIES`: one of its
    `needs` found, one of its `also` found."""
    return 1 << 2 * position, 1 << 2 * position + 1


def _automaton(families: tuple[Family, ...]) -> _Literals:
    """Every family's `needs` and `also` literals, each standing for the bits of every family
    that needs it (`literal_bits`). A DFA: its pass over a page's text costs a third of the
    default automaton's (built in about a millisecond, once a process)."""
    masks: dict[str, int] = {}
    for position, family in enumerate(families):
        if family.also and not family.needs:
            raise ValueError(f"{family.rule}: `also` is a second gate, after `needs`")
        for words, bit in zip((family.needs, family.also), literal_bits(position), strict=True):
            for word in words:
                if word != word.lower():
                    raise ValueError(
                        f"{family.rule}: a literal it needs must be lower case: {word!r}")
                masks[word] = masks.get(word, 0) | bit
    automaton = ahocorasick_rs.BytesAhoCorasick(
        [word.encode() for word in masks], implementation=ahocorasick_rs.Implementation.DFA)
    return _Literals(automaton, tuple(masks.values()))


_NEEDS = _automaton(FAMILIES)
# every family's `also` bit: what a block holding a case twin has
_ALSO_ALL = sum(literal_bits(position)[1] for position in range(len(FAMILIES)))


def present(low: str) -> int:
    """The bits (`literal_bits`) of the families one of whose literals the lower-cased block
    contains."""
    mask, bits = 0, _NEEDS.bits
    for index, _, _ in _NEEDS.hits(_utf8(low)):
        mask |= bits[index]
    return mask


def found_in(text: str) -> int:
    """`present` for one block as it is (not lowered): with every `also` bit when it holds a
    case twin."""
    found = present(text.lower())
    return found | _ALSO_ALL if has_case_twin(text) else found


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
    return _plan(_LIMITS[at], kind, size <= _OPENINGS_MAX and OPENINGS.match(text))


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
    """The family one block belongs to on its own, or None.

    (`Family.accepts`, unrolled: this runs for every family on every block, and the call and
    generator overhead was most of its cost: the families a block's length, kind and opening
    leave are looked up once per shape, `_plan`, and the literals they need are found in one
    pass, `present`; a block holding none of them (most prose) is tested by the families
    that need no literal only.)"""
    text = block.text
    plan = _plan_of(text, block.kind)
    if plan is None:
        return None
    return _decide(plan, text, found_in(text) if plan.needs else 0)


def classify_all(blocks: Sequence[Block]) -> list[str | None]:
    """`classify` of every block, the literals of all of them found in one pass.

    The blocks' texts are joined by line breaks and encoded once; every literal found is
    credited to the block it lies in (the line breaks before it). No literal holds a line
    break, so none is found across two blocks. The literals are lower case, and the text is
    lowered by `bytes.lower` (A-Z only, on UTF-8: a twentieth of the time `str.lower` takes)
    which finds what they would find in each block's `str.lower()`, except for the two
    characters in `_FOLDS_APART`: a page holding one is looked at block by block, as is one
    holding a case twin (`found_in`)."""
    texts = [b.text for b in blocks]
    joined = "\n".join(texts)
    data = _utf8(joined)
    if data.count(b"\n") != len(texts) - 1 or any(c in data for c in _BLOCK_BY_BLOCK):
        return [classify(b) for b in blocks]
    found = [0] * len(texts)
    literal_bits = _NEEDS.bits
    line = at = 0  # the block holding byte `at` (hits come nearly in order: a cursor moves)
    for index, start, _ in _NEEDS.hits(data.lower()):
        if start >= at:
            line += data.count(b"\n", at, start)
        else:
            line -= data.count(b"\n", start, at)
        at = start
        found[line] |= literal_bits[index]
    out: list[str | None] = []
    for block, text, bits in zip(blocks, texts, found, strict=True):
        plan = _plan_of(text, block.kind)
        out.append(None if plan is None else _decide(plan, text, bits))
    return out
