"""The unit every junk rule works on: one block of text (a paragraph, heading, list item or row).

Both paths produce blocks: the HTML path from the extracted article tree, the plain-text path
from lines. The rules never see markup, so a family written once covers both.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

BlockKind = Literal["p", "h", "li", "row", "quote", "pre", "caption"]


@dataclass(slots=True)
class Block:
    text: str
    kind: BlockKind = "p"
    # the rule that dropped it, or None while it is kept
    rule: str | None = None
    # "link-only" blocks (every word inside a link) are a strong hint for related/promo rows
    linked: bool = False

    @property
    def kept(self) -> bool:
        return self.rule is None

    def drop(self, rule: str) -> None:
        if self.rule is None:
            self.rule = rule


def kept_blocks(blocks: list[Block]) -> list[Block]:
    return [b for b in blocks if b.rule is None]
