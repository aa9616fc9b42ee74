"""The plain-text path: scraped text like the seeds, one block per line.

The first non-empty line is the title unless it reads like body text (long, or a full
sentence); then `derive_title` finds one after the junk is gone (a heading near the top, or
the first sentence, shortened). Bullet characters mark list items, short unpunctuated lines mark headings, so the
context rules (promo heading + list, appended article) work the same as on HTML.
"""

from __future__ import annotations

import re

from digest.clean import patterns as P
from digest.clean.blocks import Block, BlockKind
from digest.clean.rules import SHORT, classify
from digest.sentences import split_sentences
from digest.text import cjk_ratio

_BULLET = re.compile(r"^\s*(?:[•·▪▫◦‣●○■□◆◇★☆✓✔➤➢→\-–—*+]|\d{1,2}[.)])\s+")
_TERMINAL = re.compile(r"[.!?。！？…:;]['\"”’)\]]*$")
_WS = re.compile(r"[ \t\u00a0\u3000]+")


def looks_like_body(line: str) -> bool:
    """A full sentence or a long line: not a headline."""
    if cjk_ratio(line) > 0.3:
        # no spaces to count words by: a Chinese headline is short and has no 。 at the end
        return len(line) > 60 or (bool(_TERMINAL.search(line)) and len(line) > 25)
    words = len([w for w in line.split() if any(c.isalnum() for c in w)])  # as _shorten counts
    if len(line) > 200 or (words > 25):
        return True
    return bool(_TERMINAL.search(line)) and words > 12


def text_blocks(content: str) -> tuple[str, list[Block]]:
    """(title, blocks) of a plain-text document."""
    lines = [_WS.sub(" ", ln).strip() for ln in content.replace("\r\n", "\n").split("\n")]
    title = ""
    blocks: list[Block] = []
    for raw, line in zip(content.replace("\r\n", "\n").split("\n"), lines, strict=True):
        if not line:
            continue
        kind: BlockKind = "p"
        if _BULLET.match(raw) and len(line) < 400:
            line = _BULLET.sub("", line).strip()
            kind = "li"
            if not line:
                continue
        elif len(line) <= 120 and not _TERMINAL.search(line):
            kind = "h"
        if not title and not blocks and kind != "li" and not looks_like_body(line) and (
                len(line) > SHORT or classify(Block(line, "h")) is None):
            title = line
            continue
        blocks.append(Block(line, kind))
    return title, blocks


# A derived title is at most this long: a headline's length, and short enough that the
# text output's first line reads as a title again when it is cleaned a second time.
_TITLE_MAX = 90
_TITLE_WORDS = 12
_CJK_TITLE_MAX = 30
_HEAD_WINDOW = 3  # a heading after at most two section labels
_MIN_SENTENCE_WORDS = 6  # "_IN_OUR_FEEDS(3):" or "Enjoy!" is not a sentence to name a text by


def _shorten(sentence: str) -> str:
    sentence = sentence.strip()
    if cjk_ratio(sentence) > 0.3:
        if len(sentence) <= _CJK_TITLE_MAX:
            return sentence.rstrip("。；，")
        return sentence[:_CJK_TITLE_MAX].rstrip("，、；：") + "…"
    words = sentence.split()
    # A stray "。" or "–" between spaces is not a word: counting it would cut a 12-word
    # sentence to a "…" title that the body then repeats.
    real_words = [w for w in words if any(c.isalnum() for c in w)]
    if len(sentence) <= _TITLE_MAX and len(real_words) <= _TITLE_WORDS:
        # a headline does not end in a full stop; ? and ! are part of its tone
        return sentence[:-1] if sentence.endswith(".") and not sentence.endswith("..") \
            else sentence
    if len(real_words) <= _TITLE_WORDS and len(" ".join(real_words)) <= _TITLE_MAX:
        return " ".join(real_words)  # only stray punctuation was over the limit
    cut = " ".join(words[:_TITLE_WORDS])
    if len(cut) > _TITLE_MAX:
        cut = cut[: _TITLE_MAX + 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:–—-(\"“‘' ") + "…"


def _is_signature(line: str) -> bool:
    """"Jane Roe (Editor, Outlet)" or "By Jane Roe": a name line, not a headline."""
    return bool(P.BYLINE.match(line)) or (
        bool(P.SIGNATURE.match(line)) and bool(re.search(r"[(,–—]", line)))


def _is_label(line: str) -> bool:
    """A section label ("In our feeds (3):", "Top stories") or a one-word aside ("Enjoy!")."""
    return len(line) <= 40 and len(line.split()) <= 4


def derive_title(blocks: list[Block]) -> tuple[str, Block | None]:
    """A title for a text without a title line: (title, the block to take out of the body).

    When the first kept block is a heading (a short line without end punctuation, not a
    name/signature line), or the first after a section label or two ("In our feeds:"), it
    names the text (the newsletter's lead story, a title under a dropped greeting or ticker
    row) and moves out of the body, like a title line. Otherwise the first sentence of the
    first real paragraph, cut to a headline's length at a word boundary ("…"), names the
    text and the paragraph stays whole in the body, unless that sentence is the whole
    paragraph (then it moves too, so cleaning the text output again changes nothing).
    Empty when nothing is kept.
    """
    kept = [b for b in blocks if b.kept]
    for pos, b in enumerate(kept[:_HEAD_WINDOW]):
        if b.kind == "h" and len(b.text.split()) >= 2 and any(c.isalpha() for c in b.text) \
                and not _is_signature(b.text) and pos < len(kept) - 1:
            return b.text, b
        if not _is_label(b.text):
            break
    for b in kept:
        if b.kind not in ("p", "quote"):
            continue
        sentences = split_sentences(b.text)
        if not sentences or (len(sentences[0].split()) < _MIN_SENTENCE_WORDS
                             and cjk_ratio(sentences[0]) <= 0.3):
            continue
        title = _shorten(sentences[0])
        whole = len(sentences) == 1 and title.rstrip(".") == b.text.rstrip(".")
        return title, (b if whole and len(kept) > 1 else None)
    return "", None
