"""The plain-text path: scraped text like the seeds, one block per line.

The first non-empty line is the title unless it reads like body text (long, or a full
sentence). Bullet characters mark list items, short unpunctuated lines mark headings, so the
context rules (promo heading + list, appended article) work the same as on HTML.
"""

from __future__ import annotations

import re

from digest.clean.blocks import Block, BlockKind
from digest.clean.rules import SHORT, classify

_BULLET = re.compile(r"^\s*(?:[•·▪▫◦‣●○■□◆◇★☆✓✔➤➢→\-–—*+]|\d{1,2}[.)])\s+")
_TERMINAL = re.compile(r"[.!?。！？…:;]['\"”’)\]]*$")
_WS = re.compile(r"[ \t\u00a0\u3000]+")


def looks_like_body(line: str) -> bool:
    """A full sentence or a long line: not a headline."""
    words = len(line.split())
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
