"""The literal gates of the junk families (`families.FAMILIES` `needs` and `also`) never hide
a block a family's test accepts: every text its patterns find (drawn by hypothesis from the
patterns themselves, any case) holds one of the literals, lowered, or a case twin, which
the lowered text cannot show and which opens every `also` gate."""

from __future__ import annotations

import re
import string

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from digest.clean import patterns as P
from digest.clean.blocks import Block
from digest.clean.classify import (
    PROMO_HEADING_BIT,
    classify,
    classify_all,
    found_in,
    holds_any,
    literal_bits,
    short_also,
)
from digest.clean.families import FAMILIES
from digest.clean.literals import CASE_TWINS, has_case_twin
from digest.clean.rules import apply_rules

# the patterns each family with an `also` gate finds its blocks by, in table order
GATED = (
    ("embed_debris", (P.EMBED_DEBRIS,)),
    ("paywall", (P.PAYWALL,)),
    ("image_credit", (P.IMAGE_CREDIT,)),
    ("image_credit", (P.PHOTOGRAPHER,)),
    ("subscribe", (P.SUBSCRIBE, P.SIGNUP_WIDGET)),
    ("syndication", (P.SYNDICATION,)),
    ("self_promo", (P.OUTLET_PROMO,)),
    ("appeal", (P.APPEAL,)),
    ("disclosure", (P.DISCLOSURE,)),
)
ROWS = [(position, f) for position, f in enumerate(FAMILIES) if f.also]


def test_every_gated_family_is_drawn_from() -> None:
    assert [f.rule for _, f in ROWS] == [rule for rule, _ in GATED]


def test_case_twins_are_all_the_letters_lower_case_misses() -> None:
    """Over all of Unicode: the characters an IGNORECASE pattern takes for an ASCII letter
    whose lower case is not that letter are the case twins (the Kelvin sign lowers to k)."""
    letter = re.compile("[a-z]", re.IGNORECASE)
    twins = set()
    for point in range(0x80, 0x110000):
        char = chr(point)
        if letter.fullmatch(char) and char.lower() not in string.ascii_lowercase:
            twins.add(char)
    assert twins == set(CASE_TWINS)


# (no shrinking: a failing draw is shown as drawn, at once)
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(st.data())
def test_a_block_a_family_takes_passes_its_gates(data: st.DataObject) -> None:
    for (position, family), (_, patterns) in zip(ROWS, GATED, strict=True):
        for pattern in patterns:
            text = data.draw(st.from_regex(pattern))
            if not family.test(text):
                continue
            found = found_in(text)
            needs, also = literal_bits(position)
            if any(w in text.lower() for w in family.needs):
                assert found & needs, (family.rule, text)
            if found & needs:
                assert found & also or holds_any(text, short_also(family)), (family.rule, text)
        heading = data.draw(st.from_regex(P.PROMO_HEADING))
        assert found_in(heading) & PROMO_HEADING_BIT, heading


def test_a_case_twin_opens_every_second_gate() -> None:
    for text in ("Support independent journaliſm", "Support our reportıng today",
                 "İmage: Harbour Gazette"):
        assert has_case_twin(text)
        assert all(found_in(text) & literal_bits(position)[1] for position, _ in ROWS)
        assert found_in(text) & PROMO_HEADING_BIT
    page = [Block("Please support independent journaliſm.", "p"), Block("Photo: Staff", "p")]
    assert classify_all(page) == [classify(b) for b in page] == ["appeal", "image_credit"]
    # ſ is s to PROMO_HEADING: the heading takes the list under it (one offer in three)
    box = [Block("Sponſored today", "h"), Block("20% off all tents", "li"),
           Block("Camping chairs", "li"), Block("Lanterns", "li")]
    apply_rules(box, title="")
    assert [b.rule for b in box] == ["promo"] * 4
