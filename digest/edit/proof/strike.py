"""What every rule of the copy editor returns: one `Strike` per thing a desk editor would
strike, naming where it stands (headline, paragraph, TL;DR, Explainer), the rule and the text.
Every module of proof/ builds them; `bench/allsides.py` and the tests count and print them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Strike:
    """One thing a copy editor would strike: where, which rule, the offending text."""

    where: str  # "headline", "paragraph", "tldr" or "explainer"
    rule: str
    text: str

    def __str__(self) -> str:
        return f"{self.where}: {self.rule}: {self.text}"
