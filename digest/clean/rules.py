"""Apply the junk families to a page's blocks: first one block at a time, then in context.

Context matters for a few families: a promo heading takes the list under it along; a byline
or a greeting only counts near the top, a bio or a sign-off only near the bottom; a tag row
or "Next article" with a whole article after it marks where a second, appended story starts.
"""

from __future__ import annotations

import re

from digest.clean import patterns as P
from digest.clean.blocks import Block

SHORT = 300  # most families only ever match blocks shorter than this
_IMPERATIVE = re.compile(
    r"(?:^|[.!?]\s+|[:–—]\s*)(?:subscribe|sign up|sign me up|get|join|enter|don'?t miss|never "
    r"miss|want|love|like|enjoy(?:ed)?|stay|receive|be the first|keep up|click|register|try)\b",
    re.I)
_SENTENCE_END = re.compile(r"[.!?。！？…:;”\"’)]$")
_STRONG_PROMO = re.compile(r"to buy|deals?|offers?|coupons?|presales?|to invest|discounts?|"
                           r"sponsored|promot", re.I)
_DIGIT = re.compile(r"\d")
_MONEY_OR_CHANGE = re.compile(r"[$€£¥₹%▲▼↑↓]|\(\s?[A-Z0-9.]{1,10}\s?\)|\d{1,3}(?:,\d{3})+|\d\.\d{2}")


def squeeze(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


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


def _is_subscribe(text: str) -> bool:
    if len(text) > 260 or not P.SUBSCRIBE.search(text) or not P.SUBSCRIBE_CONTEXT.search(text):
        return False
    return len(text) < 80 or bool(_IMPERATIVE.search(text))


# For each "search anywhere" family, literals (lower-case) that every match contains. A block
# with none of them skips that family's regex: a substring test costs next to nothing, while
# these regexes scan the whole block (this keeps the cleaner well ahead of the extractor it
# runs after). Keep them in step with patterns.py; tests/clean check each family's examples.
_NEEDS: dict[str, tuple[str, ...]] = {
    "embed_debris": ("frameborder", "allowfullscreen", "accelerometer", "referrerpolicy", "<",
                     "width", "height", "clipboard-write", "picture-in-picture"),
    "follow_us": ("follow", "like us", "join", "点击", "关注", "app", "客户端"),
    "paywall": ("reading", "subscri", "member", "unlock", "limit", "account", "订阅", "付费"),
    "image_credit": ("image", "photo", "pic", "illustration", "graphic", "video", "footage",
                     "screenshot", "图", "视觉中国", "摄影"),
    "sponsored": ("sponsor", "advertisement", "paid", "partner", "promot", "广告", "推广"),
    "subscribe": ("subscri", "sign", "get ", "newsletter", "inbox", "by email", "delivered",
                  "join"),
    "syndication": ("appeared first", "originally", "first appeared", "publish", "printed",
                    "posted", "本文", "转载", "原文"),
    "self_promo": ("check out", "coverage", "latest news", "website", "for the latest",
                   "for more", "download"),
    "cookie_notice": ("cookie",),
    "disclosure": ("commission", "affiliate", "advice", "delayed"),
    "copyright_disclaimer": ("©", "(c)", "copyright", "rights reserved", "版权", "声明", "风险提示"),
}


def _may(family: str, low: str) -> bool:
    return any(w in low for w in _NEEDS[family])


_CN_DISCLAIMER = re.compile(r"^[【\[]?(?:免责声明|版权声明|风险提示|声明)")


def classify(block: Block) -> str | None:
    """The family one block belongs to on its own, or None."""
    text = block.text
    n = len(text)
    if n <= 400:
        if is_ticker(text):
            return "ticker"
        if P.SOURCE_LINE.match(text):
            return "source_line"
    if n <= SHORT:
        if P.AD_LABEL.match(text):
            return "ad_label"
        if P.BACK_TO_TOP.match(text):
            return "back_to_top"
        if P.TAG_ROW.match(text) or (P.SLASH_ROW.match(text) and "/" in text):
            return "tag_row"
        if n <= 200 and (P.SHARE_ROW.match(text) or P.SOCIAL_ONLY.match(text)):
            return "share_row"
        if P.TOOLS.match(text):
            return "print_email_tools"
        if P.READ_MORE.match(text) or P.BACK_LINKS.match(text):
            return "read_more"
        if P.COMMENTS.match(text):
            return "comment_count"
        if P.EDITOR_CREDIT.match(text):
            return "editor_credit"
        if P.WATCH_PROMO.match(text) and n <= 250:
            return "watch_promo"
    low = text.lower()
    if _may("embed_debris", low) and _is_embed_debris(text):
        return "embed_debris"
    if n <= SHORT:
        if _may("follow_us", low) and P.FOLLOW.search(text):
            return "follow_us"
        if _may("paywall", low) and P.PAYWALL.search(text):
            return "paywall"
        if n <= 200 and _may("image_credit", low) and P.IMAGE_CREDIT.search(text):
            return "image_credit"
        if block.kind == "caption" and P.CREDIT_TAIL.search(text):
            return "image_credit"
    if n <= 500 and _may("sponsored", low) and P.SPONSORED.match(text):
        return "sponsored"
    if n <= 260 and _may("subscribe", low) and _is_subscribe(text):
        return "subscribe"
    if n <= 300 and _may("syndication", low) and P.SYNDICATION.search(text):
        return "syndication"
    if n <= 800 and _may("self_promo", low) and P.SELF_PROMO.search(text):
        return "self_promo"
    if n <= 500 and "cookie" in low and P.COOKIE.search(text):
        return "cookie_notice"
    if n <= 400 and _may("disclosure", low) and P.DISCLOSURE.search(text):
        return "disclosure"
    if n <= 2000 and _may("copyright_disclaimer", low) and (
            (n <= SHORT and P.COPYRIGHT.search(text)) or _CN_DISCLAIMER.match(text)):
        return "copyright_disclaimer"
    return None


_PROMO_WORDS = ("%", "code", "presale", "airdrop", "stak", "free", "weekend", "limited", "ends ",
                "price", "early access", "bonus", "listing", "token", "top rated", "kyc",
                "audited", "private sale", "nft drop", "most voted", "claim your")


def is_promo_item(text: str) -> bool:
    low = text.lower()
    return len(text) <= 300 and any(w in low for w in _PROMO_WORDS) and bool(
        P.PROMO_ITEM.search(text))


def _looks_like_heading(block: Block) -> bool:
    return block.kind == "h" or (len(block.text) <= 120 and not _SENTENCE_END.search(block.text)) \
        or (len(block.text) <= 120 and block.text.endswith("?"))


def _promo_blocks(blocks: list[Block]) -> None:
    """A promo/related heading and the list under it; lists whose items are mostly offers."""
    i = 0
    while i < len(blocks):
        b = blocks[i]
        heading_kind = None
        if _looks_like_heading(b) and len(b.text) <= 120:
            if P.READ_MORE.match(b.text):
                heading_kind = "related"
            elif P.PROMO_HEADING.search(b.text):
                heading_kind = "promo"
        if heading_kind:
            j = i + 1
            items: list[Block] = []
            while j < len(blocks) and (blocks[j].kind in ("li", "row") or (
                    blocks[j].kind == "p" and len(blocks[j].text) <= 120
                    and not _SENTENCE_END.search(blocks[j].text) and heading_kind == "related")):
                items.append(blocks[j])
                j += 1
            promo_items = sum(1 for it in items if is_promo_item(it.text))
            strong = heading_kind == "related" or bool(_STRONG_PROMO.search(b.text))
            # a deals heading over a list of product specs is the article, not an ad: the
            # list itself must read like offers (or be a related-links box)
            if items and (heading_kind == "related" or promo_items):
                rule = "related" if heading_kind == "related" else "promo"
                b.drop(rule)
                for it in items:
                    it.drop(rule)
                i = j
                continue
            if not items and strong and heading_kind == "promo" and b.kind == "h":
                b.drop("promo")
        i += 1
    # a run of list items where most read like offers is a promo box without a heading
    i = 0
    while i < len(blocks):
        if blocks[i].kind != "li":
            i += 1
            continue
        j = i
        while j < len(blocks) and blocks[j].kind == "li":
            j += 1
        run = blocks[i:j]
        hits = sum(1 for it in run if is_promo_item(it.text))
        if hits and hits * 2 > len(run):
            for it in run:
                it.drop("promo")
        i = j


def _newsletter_furniture(blocks: list[Block]) -> None:
    head = [b for b in blocks if b.kept][:4]
    for b in head:
        if P.GREETING.match(b.text) and len(b.text) < 600:
            b.drop("greeting")
        elif P.SIGN_OFF.match(b.text) and len(b.text) < 100:
            b.drop("sign_off")
        elif P.SIGNATURE.match(b.text) and len(b.text) < 120 and re.search(r"[(,–—]", b.text):
            # "Name (Role, Outlet)": a bare capitalised line up here is more likely a headline
            b.drop("byline")
    tail = [b for b in blocks if b.kept][-4:]
    signed_off = False
    for b in tail:
        if P.SIGN_OFF.match(b.text) and len(b.text) < 100:
            b.drop("sign_off")
            signed_off = True
        elif P.SIGNATURE.match(b.text) and len(b.text) < 80 and (
                signed_off or re.search(r"[(,–—]", b.text)):
            b.drop("sign_off")  # the name under "Cheers," is part of the sign-off
    for b in blocks:
        if len(b.text) < 300 and P.NEWSLETTER_FOOTER.search(b.text):
            b.drop("newsletter_footer")


def _positional(blocks: list[Block], title: str, byline: str | None) -> None:
    kept = [b for b in blocks if b.kept]
    title_key = squeeze(title)
    # squeezing every paragraph to compare it with the title is the costly part: a block
    # can only squeeze to the title if it is at least as long as the squeezed title, and a
    # block more than twice the title's length is not a repeated headline
    longest_title = 2 * len(title) + 20
    byline_key = squeeze(byline) if byline else ""
    for pos, b in enumerate(kept):
        if pos < 4 and len(b.text) < 120 and (P.BYLINE.match(b.text) or (
                byline_key and squeeze(b.text) == byline_key)):
            b.drop("byline")
        elif title_key and len(kept) > 1 and len(title_key) <= len(b.text) <= longest_title \
                and squeeze(b.text) == title_key:
            # (a text of one sentence is titled by that sentence and keeps it as its body)
            # the headline repeated inside the body (a leftover caption or a print header)
            b.drop("repeated_title")
        elif pos >= len(kept) - 3 and len(b.text) < 500 and P.AUTHOR_BIO.match(b.text):
            b.drop("author_bio")


def drop_repeated_title(blocks: list[Block], title: str) -> None:
    """Drop kept blocks that only repeat the title (used once a title has been derived)."""
    key = squeeze(title)
    for b in blocks:
        if key and b.kept and squeeze(b.text) == key:
            b.drop("repeated_title")


def split_appended(blocks: list[Block]) -> tuple[list[Block], list[Block]]:
    """Cut at a tag row / "next article" line that has a whole article under it."""
    for i, b in enumerate(blocks):
        if b.rule not in ("tag_row", "read_more"):
            continue
        if b.rule == "read_more" and not re.match(r"(?i)^(?:next|up next|read next)", b.text):
            continue
        rest = [x for x in blocks[i + 1:] if x.kept]
        prose = [x for x in rest if len(x.text) >= 100]
        size = sum(len(x.text) for x in prose)
        headed = bool(rest) and rest[0].kind == "h"
        # a headline and two paragraphs, or a long run of prose: a story of its own
        if len(prose) >= 2 and (size >= 500 or (headed and size >= 250)):
            return blocks[: i + 1], blocks[i + 1:]
    return blocks, []


def apply_rules(blocks: list[Block], *, title: str, byline: str | None = None,
                newsletter: bool = False) -> None:
    """Mark every junk block in place (block.rule)."""
    for b in blocks:
        rule = classify(b)
        if rule:
            b.drop(rule)
    _promo_blocks(blocks)
    if newsletter:
        _newsletter_furniture(blocks)
    _positional(blocks, title, byline)
