"""Apply the junk families to a page's blocks: first one block at a time, then in context.

Context matters for a few families: a promo heading takes the list under it along; a byline
or a greeting only counts near the top, a bio or a sign-off only near the bottom; a tag row
or "Next article" with a whole article after it marks where a second, appended story starts.
"""

from __future__ import annotations

import re

from digest.clean import patterns as P
from digest.clean.blocks import Block
from digest.clean.classify import (
    PROMO_HEADING_BIT,
    classify,
    classify_all,
    found_in,
    page_literals,
    tidy,
)
from digest.clean.families import rules_through
from digest.clean.shapes import SHORT, is_ticker

__all__ = ["SHORT", "apply_rules", "classify", "drop_repeated_title", "is_ticker",
           "split_appended", "squeeze"]

_SENTENCE_ENDS = tuple(".!?。！？…:;”\"’)")


def _ends_sentence(text: str) -> bool:
    """`re.search(r"[.!?。！？…:;”\"’)]$", text)` (whose `$` also matches before a final
    line break), without a scan of the whole text."""
    return text.endswith(_SENTENCE_ENDS) or (
        text.endswith("\n") and text[:-1].endswith(_SENTENCE_ENDS))
_STRONG_PROMO = re.compile(r"to buy|deals?|offers?|coupons?|presales?|to invest|discounts?|"
                           r"sponsored|promot", re.I)


_NOT_WORD = re.compile(r"[\W_]+")


def squeeze(text: str) -> str:
    return _NOT_WORD.sub("", text.lower())


def squeezes_to(text: str, key: str) -> bool:
    """`squeeze(text) == key`, for a `key` that is some text's squeeze. A text whose first
    character lowers to a word character other than `key`'s first is answered without
    squeezing it (most paragraphs, compared with the title): that character opens its
    squeeze, since `str.lower` lowers the first character of a text as it lowers it alone
    (only a final sigma lowers by what precedes it) and the squeeze keeps exactly the
    characters `str.isalnum` takes."""
    if text and key:
        lead = text[0].lower()[0]
        if lead != key[0] and lead.isalnum():
            return False
    return squeeze(text) == key


_PROMO_WORDS = ("%", "code", "presale", "airdrop", "stak", "free", "weekend", "limited", "ends ",
                "price", "early access", "bonus", "listing", "token", "top rated", "kyc",
                "audited", "private sale", "nft drop", "most voted", "claim your")


def is_promo_item(text: str) -> bool:
    low = text.lower()
    return len(text) <= 300 and any(w in low for w in _PROMO_WORDS) and bool(
        P.PROMO_ITEM.search(text))


def _looks_like_heading(block: Block) -> bool:
    return block.kind == "h" or (len(block.text) <= 120 and not _ends_sentence(block.text)) \
        or (len(block.text) <= 120 and block.text.endswith("?"))


def _box_item(text: str) -> bool:
    """A link box holds headlines (with a one-line teaser at most), not sentences of the
    article: an item that is long or ends in a full stop is the article again."""
    return len(text) <= 120 or (len(text) <= 200 and not text.rstrip().endswith((".", "。")))


_HEADING_MAX = 120  # a promo or related heading is no longer than this
# what `classify` answered for a heading READ_MORE matches: the read_more family's test takes
# it (a heading is within its size, and it looks at every kind), so read_more or a family
# tried before it
_READ_MORE_RULES = rules_through("read_more")


def _promo_blocks(blocks: list[Block], found: list[int] | None = None,
                  rules: list[str | None] | None = None) -> None:
    """A promo/related heading and the list under it; lists whose items are mostly offers.

    `found`: the blocks' literals (`classify.page_literals`), when the caller has them: a
    heading is searched for a promo only when it holds one of the promo heading's literals.
    `rules`: what `classify` answered for each block, when the caller has it: a heading it
    kept (nearly all) is not tried with READ_MORE, which that answer rules out."""
    i = 0
    while i < len(blocks):
        b = blocks[i]
        heading_kind = None
        if len(b.text) <= _HEADING_MAX and _looks_like_heading(b):
            if (rules is None or rules[i] in _READ_MORE_RULES) and P.READ_MORE.match(b.text):
                heading_kind = "related"
            elif ((found[i] if found is not None else found_in(b.text)) & PROMO_HEADING_BIT
                  and P.PROMO_HEADING.search(b.text)):
                heading_kind = "promo"
        if heading_kind:
            j = i + 1
            items: list[Block] = []
            # a link box holds headlines: a long row or item is the article again
            while j < len(blocks) and ((blocks[j].kind in ("li", "row")
                                        and _box_item(blocks[j].text)) or (
                    blocks[j].kind == "p" and len(blocks[j].text) <= 120
                    and not _ends_sentence(blocks[j].text) and heading_kind == "related")):
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


# What a contributor note says of the page's author, right after the name: "Jane Roe covers
# energy.", "Jane Roe is a fellow at…", "Jane Roe has tested 300 kettles." (the verbs of a
# bio, in the third person: no article sentence opens with its own author's full name)
_BIO_VERBS = ("is", "was", "has", "had", "writes", "wrote", "covers", "covered", "joined",
              "holds", "leads", "reports", "specializes", "specialises", "serves", "lives")
_AUTHORS_SPLIT = re.compile(r"\s*(?:,|&|\band\b)\s*")
_PERSON = re.compile(r"[A-Z][\w'’.\-]+(?: [A-Z][\w'’.\-]+){1,3}")
_BIO_HEAD = 2  # a note opening the body is among its first this many kept blocks


def author_bio(author: str | None) -> re.Pattern[str] | None:
    """What a bio of the page's author (`author`, from its metadata) opens with: one of its
    names, of two to four capitalised words ("Jane Roe", not an outlet's one-word brand),
    and a bio's verb. None when the author names no person."""
    names = [n for n in _AUTHORS_SPLIT.split(author or "") if _PERSON.fullmatch(n)]
    if not names:
        return None
    return re.compile(r"^(?:{})\b,?\s+(?:{})\b".format(
        "|".join(map(re.escape, names)), "|".join(_BIO_VERBS)))


def _positional(blocks: list[Block], title: str, byline: str | None,
                author: str | None = None) -> None:
    """Bylines near the top, the headline repeated, and bios: a block opening with the
    page's author's name and a bio's verb among the first `_BIO_HEAD` or last three kept
    blocks, or one shaped like a journalist's bio (`patterns.AUTHOR_BIO`) among the last."""
    kept = [b for b in blocks if b.rule is None]  # (kept: no property call)
    named_bio = author_bio(author)
    title_key = squeeze(title)
    # squeezing every paragraph to compare it with the title is the costly part: a block
    # can only squeeze to the title if it is at least as long as the squeezed title, and a
    # block more than twice the title's length is not a repeated headline
    longest_title = 2 * len(title) + 20
    byline_key = squeeze(byline) if byline else ""
    # (a text of one sentence is titled by that sentence and keeps it as its body)
    shortest_title = len(title_key) if title_key and len(kept) > 1 else longest_title + 1
    last = len(kept) - 3
    for pos, b in enumerate(kept):
        text = b.text
        size = len(text)
        if pos < 4 and size < 120 and (P.BYLINE.match(text) or (
                byline_key and squeezes_to(text, byline_key))):
            b.drop("byline")
        elif shortest_title <= size <= longest_title and squeezes_to(text, title_key):
            # the headline repeated inside the body (a leftover caption or a print header)
            b.drop("repeated_title")
        elif (pos >= last or pos < _BIO_HEAD) and size < 500 and (
                (pos >= last and P.AUTHOR_BIO.match(text))
                or (named_bio is not None and named_bio.match(text))):
            b.drop("author_bio")


def drop_repeated_title(blocks: list[Block], title: str) -> None:
    """Drop kept blocks that only repeat the title (used once a title has been derived)."""
    key = squeeze(title)
    for b in blocks:
        if key and b.kept and squeezes_to(b.text, key):
            b.drop("repeated_title")


_APPENDED_MAX_SHARE = 3  # an appended story is at most this many times the main one


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
        before = sum(len(x.text) for x in blocks[:i] if x.kept and len(x.text) >= 100)
        headed = bool(rest) and rest[0].kind == "h"
        # a headline and two paragraphs, or a long run of prose: a story of its own, glued
        # under a main story of its own size. A "Keywords:" row under an abstract, with the
        # paper after it, is the article going on.
        if len(prose) >= 2 and (size >= 500 or (headed and size >= 250)) \
                and size <= _APPENDED_MAX_SHARE * max(before, 1):
            return blocks[: i + 1], blocks[i + 1:]
    return blocks, []


def apply_rules(blocks: list[Block], *, title: str, byline: str | None = None,
                author: str | None = None, newsletter: bool = False,
                deferred: bool = False) -> None:
    """Mark every junk block in place (block.rule). `author`: the page's author, from its
    metadata (a bio opening with the name goes). `deferred`: the blocks are
    `extract.extract_blocks`' (`body_to_blocks(defer=True)`), whose text is squashed here
    first (`classify.tidy`)."""
    found = page_literals(blocks)
    if deferred:
        tidy(blocks, found)
    rules = [classify(b) for b in blocks] if found is None else classify_all(blocks, found)
    for b, rule in zip(blocks, rules, strict=True):
        if rule:
            b.drop(rule)
    _promo_blocks(blocks, found, rules)
    if newsletter:
        _newsletter_furniture(blocks)
    _positional(blocks, title, byline, author)
