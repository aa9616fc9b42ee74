"""One block at a time: each junk family catches its shape in other wording, real prose passes.

The "search anywhere" families are gated by literal pre-checks (families.FAMILIES `needs`),
the ones anchored at the start by one alternation of their openings (`opens`, `OPENINGS`);
these examples make sure a gate never hides a block its regex would catch.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digest.clean import patterns as P
from digest.clean.blocks import Block, BlockKind
from digest.clean.classify import OPENINGS, holds_any, literal_bits, present, short_also
from digest.clean.families import FAMILIES
from digest.clean.rules import (
    _HEADING_MAX,
    _READ_MORE_RULES,
    _ends_sentence,
    _promo_blocks,
    classify,
    squeeze,
    squeezes_to,
)


@pytest.mark.parametrize(("text", "rule"), [
    ('width="640" height="360" src="https://player.example/v/9" frameborder="0" allowfullscreen',
     "embed_debris"),
    ("Follow us on WhatsApp for the latest updates", "follow_us"),
    ("点击上方蓝字关注我们", "follow_us"),
    ("打开APP阅读全文", "follow_us"),
    ("Already a subscriber? Log in to keep reading.", "paywall"),
    ("You have reached your free article limit this month.", "paywall"),
    ("Photograph: Ben Lowe for the Ledger", "image_credit"),
    ("Photo: Harbour Gazette", "image_credit"),
    ("Image credit: Tom Averly", "image_credit"),
    ("We use some affiliate links to products we recommend.", "disclosure"),
    ("A version of this article originally appeared in the Harbour Gazette.", "syndication"),
    ("Free weekly newsletter", "subscribe"),
    ("图片来源：东方IC", "image_credit"),
    ("Sponsored by Northwind Bank: Save more with a fixed-rate account.", "sponsored"),
    ("Get our weekly briefing delivered free to your inbox.", "subscribe"),
    ("This story was originally published on Harbor Ledger.", "syndication"),
    ("本文转载自新华网", "syndication"),
    ("For more news on shipping, visit our markets page.", "self_promo"),
    ("This website uses cookies to improve your experience.", "cookie_notice"),
    ("This post contains affiliate links, and we may earn a small commission.", "disclosure"),
    ("Copyright 2025 Harbor Ledger Media", "copyright_disclaimer"),
    ("免责声明：本文仅供参考，不构成投资建议。", "copyright_disclaimer"),
    ("ETH $3,402.18 ▲0.8%", "ticker"),
    ("MSFT 415.10 -2.31 (0.55%)", "ticker"),
    ("EUR/GBP 0.8561", "ticker"),
    ("Advertisement", "ad_label"),
    ("Keywords: / / /", "tag_row"),
    ("Back to top ↑", "back_to_top"),
    ("37 comments", "comment_count"),
    ("责任编辑：李华", "editor_credit"),
    ("Watch: Inside the new ferry terminal", "watch_promo"),
    ("Source: https://ledger.example/shipping/ferry", "source_line"),
])
def test_family_catches_its_shape(text: str, rule: str) -> None:
    assert classify(Block(text, "p")) == rule
    for family in FAMILIES:
        if family.rule == rule and family.needs and family.test(text):
            assert any(w in text.lower() for w in family.needs)
            assert not family.also or any(w in text.lower() for w in family.also)
        if family.rule == rule and family.opens and family.test(text):
            assert any(p.match(text) for p in family.opens) and OPENINGS.match(text)


def test_caption_credit_only_counts_on_captions() -> None:
    text = "Workers on the quay at dusk. Shutterstock"
    assert classify(Block(text, "caption")) == "image_credit"
    assert classify(Block(text, "p")) is None


@pytest.mark.parametrize(("text", "kind"), [
    ("The ferry operator said the new vessel would follow the old timetable until the autumn, "
     "when a second crossing is added.", "p"),
    ("Subscribers to the council's consultation raised concerns about the cost of the scheme.",
     "p"),
    ("The photo exhibition, which opened on Friday, draws on the archive of the harbour board.",
     "p"),
    ("Shares in the operator rose 3.2% to $41.50 after the announcement.", "p"),
    ("港口周一重新开放，船只陆续进港，码头工人表示工作量明显增加。", "p"),
    ("Hybrid ferry enters service", "h"),
    # an article whose topic is a family's cue word: pictures, affiliates, newsletters, books
    ("Short videos: operators can tag the timetable in every clip they post.", "li"),
    ("The council shared images: a flooded underpass, a closed school and a fallen wall.", "p"),
    ("Retailers can track sales through affiliate links and discount codes.", "p"),
    ("Her two early novels were originally published in 2012, in hardback only.", "p"),
    ("The paper added 4,000 newsletter subscribers in a single year.", "p"),
    ("Who the harbour newsletter is for", "h"),
    ("The ferry operator said the new vessel would follow the old timetable until the autumn. "
     "Passengers who want the details can check out our guide to the crossings, which lists "
     "every sailing. A second crossing will be added once the new pier opens, and fares will "
     "stay at their current level until the end of next year, the operator said on Monday.", "p"),
])
def test_real_prose_is_not_junk(text: str, kind: BlockKind) -> None:
    assert classify(Block(text, kind)) is None


def test_one_pass_finds_every_literal_of_every_family() -> None:
    """`present` (one Aho-Corasick pass) answers what a substring test of each literal would,
    whatever surrounds it and however many literals a block holds."""
    for position, family in enumerate(FAMILIES):
        for words, bit in zip((family.needs, family.also), literal_bits(position), strict=True):
            for word in words:
                if words is family.also and word in short_also(family):
                    # looked for in the block itself, not in the pass
                    assert holds_any(f"XX {word.upper()} YY", (word,))
                    assert not present(f"xx {word} yy") & bit, (family.rule, word)
                    continue
                assert present(f"xx {word} yy") & bit, (family.rule, word)
    words = [w for f in FAMILIES for w in (*f.needs, *f.also)]
    found = present(" ".join(words))
    for position, family in enumerate(FAMILIES):
        needs, also = literal_bits(position)
        assert found & needs if family.needs else not found & needs
        assert found & also if family.also else not found & also
    prose = "the harbour board met on tuesday"
    assert present(prose) & sum(
        literal_bits(position)[0] for position, f in enumerate(FAMILIES)
        if f.needs and not any(w in prose for w in f.needs)) == 0


@pytest.mark.parametrize("text", ["Read more.", "Read more", "“Please.”", "Done:\n", "Done\n\n",
                                  "Why?\r", "", "\n", ".", "end.\u2028", "中文。", "Next)"])
def test_a_sentence_end_is_what_the_regex_finds(text: str) -> None:
    assert _ends_sentence(text) == bool(re.search(r"[.!?。！？…:;”\"’)]$", text))


def test_a_first_character_opens_its_squeeze() -> None:
    """What `squeezes_to` reads off a text's first character alone, over all of Unicode: when
    it lowers to a word character, that character opens the text's squeeze (whatever
    follows: a cased letter after a sigma, a combining mark after a dotted capital I)."""
    for point in range(0x110000):
        char = chr(point)
        if 0xD800 <= point < 0xE000:
            continue
        lead = char.lower()[0]
        if lead.isalnum():
            for text in (char + "a b", char + "\u0307", char + " ", char + "Σ"):
                assert squeeze(text)[:1] == lead, hex(point)
        else:
            assert not squeeze(lead), hex(point)


_SQUEEZE_CHARS = "aAbBΣσςİiı1٣_ -.’\u0307ſKk图"


@given(st.text(_SQUEEZE_CHARS, max_size=8), st.text(_SQUEEZE_CHARS, max_size=8))
def test_squeezes_to_answers_as_squeezing(text: str, other: str) -> None:
    for key in (squeeze(other), squeeze(text)):
        assert squeezes_to(text, key) == (squeeze(text) == key), (text, key)


def test_a_heading_read_more_takes_is_classified_read_more_or_before() -> None:
    """`_promo_blocks` tries READ_MORE only on a heading `classify` answered read_more or an
    earlier family for: the read_more family takes every heading READ_MORE matches."""
    read_more = [f for f in FAMILIES if f.rule == "read_more"]
    assert read_more and all(f.max_len >= _HEADING_MAX and not f.kinds
                             and P.READ_MORE in f.opens for f in read_more)
    assert "read_more" in _READ_MORE_RULES and "comment_count" not in _READ_MORE_RULES
    for text in ("Read more:", "Related stories", "More from Harbour Gazette", "相关阅读",
                 "Tags: ferries", "Share this article", "Most read"):
        assert classify(Block(text, "h")) in _READ_MORE_RULES, text


def test_promo_blocks_answer_alike_with_or_without_the_answers() -> None:
    pages = [["Ferries resume after the storm.", "Related stories", "Harbour fees rise",
              "New pier opens", "The council meets on Friday."],
             ["Read more:", "Harbour fees rise", "Best deals to buy today", "20% off tents",
              "Free shipping this weekend only", "Lanterns"],
             ["Most popular", "Tags: ferries, storms", "Next article", "Harbour fees rise"]]
    for texts in pages:
        for kinds in (["h"] * len(texts), ["p", "h"] + ["li"] * (len(texts) - 2)):
            copies = []
            for _ in range(2):
                blocks = [Block(t, k) for t, k in zip(texts, kinds, strict=True)]
                rules = [classify(b) for b in blocks]
                for b, rule in zip(blocks, rules, strict=True):
                    if rule:
                        b.drop(rule)
                copies.append((blocks, rules))
            _promo_blocks(copies[0][0], None, copies[0][1])
            _promo_blocks(copies[1][0])
            assert [b.rule for b in copies[0][0]] == [b.rule for b in copies[1][0]], texts
            if kinds[-1] == "li":
                assert any(b.rule in ("related", "promo") for b in copies[0][0]), texts
