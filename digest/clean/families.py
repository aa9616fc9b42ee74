"""The junk families that judge one block on its own, as a table: name, size limit, test.

`classify(block)` (classify.py, with the gates' machinery) walks `FAMILIES` in order and
returns the first family whose test accepts the block. Each row says how long a block it may take (junk is short; long blocks are where
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
from collections.abc import Callable
from dataclasses import dataclass

from digest.clean import patterns as P
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
