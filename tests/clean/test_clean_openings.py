"""The openings gate narrowed by a block's first and last character (`openings.py`) and the
one-pass classification of a page's blocks (`classify.classify_all`) answer exactly what the
whole alternation and `classify` block by block answer."""

from __future__ import annotations

import random
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest

from digest.clean.blocks import Block, BlockKind
from digest.clean.classify import (
    LITERALS,
    OPENINGS,
    classify,
    classify_all,
    short_also,
)
from digest.clean.families import FAMILIES
from digest.clean.literals import FOLDS_APART
from digest.clean.openings import Openings, _one_char, edge, heads

HERE = Path(__file__).parent
OPENING_PATTERNS = [p for f in FAMILIES for p in f.opens]
# characters where case and Unicode play tricks: the Kelvin sign and long s match k and s
# without case, a dotted capital I lowers to two characters, full-width and Arabic digits are
# digits, a final sigma, a line break (which `$` matches before)
TRICKY = "KkſsSİıi0９٣%.)]|·•:：\n ΣςσA-–—[(图广告点元"


def _test_strings() -> list[str]:
    """Every string literal line of the cleaning tests (junk shapes and prose in many
    languages), each also with tricky first and last characters."""
    found: list[str] = []
    for path in sorted(HERE.glob("test_clean_*.py")):
        for literal in re.findall(r'"((?:[^"\\\n]|\\.){2,300})"', path.read_text("utf-8")):
            found.append(literal)
    rng = random.Random(13)
    out = list(found)
    for text in found:
        out.append(rng.choice(TRICKY) + text)
        out.append(text + rng.choice(TRICKY))
        out.append(rng.choice(TRICKY) + text[1:-1] + rng.choice(TRICKY))
    return out


STRINGS = _test_strings()


def test_narrowed_openings_answer_as_the_whole_alternation() -> None:
    assert len(STRINGS) > 2000
    whole = OPENINGS.pattern
    opened = 0
    for text in STRINGS:
        expected = whole.match(text) is not None
        assert OPENINGS.match(text) == expected, text
        opened += expected
    assert opened > 50  # the strings hold junk that opens like a family


def test_every_opening_is_in_the_gate() -> None:
    """A new `opens` pattern cannot escape the gate: the alternation is built from the table."""
    assert set(OPENING_PATTERNS) == set(OPENINGS.patterns)


@pytest.mark.parametrize(("pattern", "first", "not_first"), [
    (re.compile(r"^(?:tags?|topics?)\s*[:：]", re.I), "tT", "xX1"),
    (re.compile(r"^\s*\d+"), " \t0９٣", "a."),
    (re.compile(r"^(?:k|s)\d", re.I), "kKKsSſ", "xi"),  # case-folding twins of k and s
    (re.compile(r"^[^a-z]x"), "A1.", "ab"),
])
def test_first_characters_come_from_the_pattern(pattern: re.Pattern[str], first: str,
                                                not_first: str) -> None:
    found = edge(pattern, last=False)
    assert found is not None
    assert all(any(p.fullmatch(c) for p in found) for c in first)
    assert not any(any(p.fullmatch(c) for p in found) for c in not_first)


def _opens(pattern: re.Pattern[str], start: str) -> bool:
    """Whether `heads` lets a text opening with these two characters through."""
    found = heads(pattern)
    assert found is not None
    return any(all(_one_char([node], flags).fullmatch(char) for (node, flags), char
                   in zip(head, start, strict=False)) for head in found)


@pytest.mark.parametrize(("pattern", "opening", "not_opening"), [
    # every branch, in any case; the parser's shared prefixes split again
    (re.compile(r"^(?:read more|related|see also|trending)\b", re.I),
     ["Re", "rE", "Se", "TR"], ["Ra", "Th", "S ", "Tu", "R\n"]),
    # a repeat: whitespace, then a digit; a match may be one digit long (any second then)
    (re.compile(r"^\s*\d+"), [" 1", "  ", "1a", "\t٣", "９x"], [" a", "a1", ".1"]),
    # copies that can be empty make up a repeat's count; an optional first character
    (re.compile(r"^(?:a?){3}b|^x?yz"), ["aa", "ab", "bq", "xy", "yz"], ["ca", "ac", "xz", "yy"]),
    # case-folding twins (the Kelvin sign is k, the long s is s), a lookahead left out
    (re.compile(r"^(?:k|s)(?=\d)\d", re.I), ["K1", "\u212a2", "ſ3", "S٣"], ["Ka", "x1"]),
    # a group's own flags
    (re.compile(r"^(?i:a)b"), ["Ab", "ab"], ["AB", "aB"]),
])
def test_first_two_characters_come_from_the_pattern(pattern: re.Pattern[str],
                                                    opening: list[str],
                                                    not_opening: list[str]) -> None:
    for start in opening:
        assert _opens(pattern, start), start
    for start in not_opening:
        assert not _opens(pattern, start), start


def test_what_the_analysis_cannot_tell_is_any_character() -> None:
    assert edge(re.compile(r"^(?:x)?"), last=False) is None  # may match nothing
    assert edge(re.compile(r"^(?>ab)c"), last=False) is None  # an atomic group
    assert edge(re.compile(r"^ab"), last=True) is None  # not held to the end
    assert edge(re.compile(r"^ab\s*$"), last=True) is not None
    assert heads(re.compile(r"^(?:x)?")) is None  # may match nothing
    assert heads(re.compile(r"^(?>ab)c")) is None  # an atomic group
    assert heads(re.compile(r"^ab(?>c)")) is not None  # (after the first two characters)


def test_last_characters_gate_only_patterns_held_to_the_end() -> None:
    gate = Openings([re.compile(r"^[A-Z]{3} \d+%?$"), re.compile(r"^Read more\b", re.I)])
    assert gate.match("USD 12%") and gate.match("ABC 4") and not gate.match("ABC 4.")
    assert gate.match("USD 12\n")  # `$` before a final line break
    assert gate.match("read more of this.") and not gate.match("Read less.")
    with pytest.raises(ValueError, match="plain pattern"):
        Openings([re.compile(r"^(a)\1")])
    with pytest.raises(ValueError, match="plain pattern"):
        Openings([re.compile(r"^a$", re.M)])


KINDS: tuple[BlockKind, ...] = ("p", "h", "li", "row", "caption")


def test_classify_all_answers_as_classify_block_by_block() -> None:
    rng = random.Random(7)
    texts = [t for t in STRINGS if "\n" not in t]
    pages: list[list[Block]] = []
    for start in range(0, len(texts), 9):
        pages.append([Block(t, rng.choice(KINDS)) for t in texts[start:start + 9]])
    # a dotted capital I lowers to two characters: such a page goes block by block
    pages.append([Block("İstanbul ferry fares", "h"), Block("Advertisement", "p"),
                  Block("Photo: Harbour Gazette", "p")])
    pages.append([Block("Σ", "p"), Block("ΟΔΟΣ follow us on telegram for more", "p")])
    pages.append([Block("Advertisement\n", "p"), Block("37 comments", "p")])  # (not joined)
    # the Kelvin sign lowers to k ("li\u212ae us on facebook"), half a surrogate pair is no
    # UTF-8; overlapping and out-of-order hits over many blocks
    pages.append([Block("Li\u212ae us on Facebook", "p"), Block("Photo: Reuters", "caption")])
    pages.append([Block("Advertisement \ud800", "p"), Block("Photo\udfff: Reuters", "p"),
                  Block("Follow us on Telegram \ud83d", "p")])
    pages.append([Block(f"{w} image photo pic graphic subscribers", "p") for w in
                  ("Subscribe to our newsletter", "Photo courtesy of the port", "x", "",
                   "Sponsored by the council:", "Image source: archive")])
    junk = 0
    for blocks in pages:
        expected = [classify(b) for b in blocks]
        assert classify_all(blocks) == expected, [b.text for b in blocks]
        junk += sum(rule is not None for rule in expected)
    assert junk > 100
    assert classify_all([]) == []


def test_bytes_lowering_finds_what_str_lowering_finds() -> None:
    """`classify_all` lowers UTF-8 with `bytes.lower` (A-Z only): over all of Unicode, only the
    characters in `literals.FOLDS_APART` lower differently where a literal could see it."""
    # (the characters of every literal: in the pass, or looked for in a block by `holds_any`)
    held = {c for word in LITERALS.words for c in word} | {
        c for f in FAMILIES for word in short_also(f) for c in word}
    assert held >= {c for f in FAMILIES for word in (*f.needs, *f.also) for c in word}
    apart = []
    for point in range(0x110000):
        char = chr(point)
        low = char.lower()
        if point < 0x80 or low == char or 0xD800 <= point < 0xE000:
            continue  # ASCII lowers alike both ways; an uncased character stays itself
        if len(low) != 1 or low in held or char in held:
            apart.append(char.encode())
    assert sorted(apart) == sorted(FOLDS_APART)


def test_a_warmed_gate_answers_as_a_cold_one() -> None:
    """`Openings.warm` works out before any text what the characters admit (what a process
    forked after it then has), and the answers are a cold gate's."""
    cold = Openings(OPENING_PATTERNS)
    warmed = Openings(OPENING_PATTERNS)
    warmed.warm(string.ascii_letters + string.digits)
    assert set(string.ascii_letters) <= set(warmed._firsts)  # (read before any text)
    assert not cold._firsts
    for text in STRINGS[:3000]:
        assert warmed.match(text) == cold.match(text), text


def test_warm_reads_every_gate_in_a_fresh_process() -> None:
    """`digest.clean.warm()` (called before the fetch workers fork) leaves no gate to read on
    a worker's first page, and cleans nothing it returns."""
    code = ("from digest.clean import classify, warm\n"
            "gates = [g for g in classify._OPENINGS_WITHIN if g is not None]\n"
            "assert gates and all(g._starts is None for g in gates)\n"
            "assert warm() is None\n"
            "assert all(g._starts is not None and 'T' in g._firsts for g in gates)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=False)
    assert done.returncode == 0, done.stderr
