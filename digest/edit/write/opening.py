"""Which sentence opens a story paragraph (write/paragraph.py's step 1, `central_lead`).

The lead (first printable sentence leaning on nothing, `lead_of`; a column's hook — "What a
hot mess." — aside: `hook_keys`, never printed) of the most central *account* — the article
whose printable sentences, taken together, the other outlets say most of: the highest expected
ROUGE-1 F1 against a summary of `account_reference` words, counting each word by the share of
the other articles that use it (`lines.Centrality`, `_account_score`). A lead alone is a poor
judge of an account (on allsides_dev weeks the most central lead sentence, followed by its
account, scored 0.25 lower on both halves). A lead that reports opens before one that judges
uncredited (`credited`), a report's before a column's, and before a column's colour
(`report.colour`: no figure, date, words of anyone or word of the event the other outlets tell
— "Monica Lewinsky is having a déjà vu day."), never a filler.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from digest.edit.read.facts import said
from digest.edit.settings import PARAGRAPH, ParagraphSettings
from digest.edit.write.attribution import corroborated, judges
from digest.edit.write.lines import Centrality, Key, Line, named_line
from digest.models import Article

HOOK_WORDS = 10  # a column's opening line is short; a report's lead runs to 20-40 words


def lead_of(lines: Sequence[Line], hooks: set[Key]) -> dict[int, Line]:
    """Each article's first printable sentence that leans on nothing (or only on its opening
    conjunction, struck: `Line.struck`) and is no hook."""
    leads: dict[int, Line] = {}
    for ln in lines:
        if ln.article not in leads and ln.key not in hooks and (
                not ln.leans or ln.struck is not None):
            leads[ln.article] = named_line(ln)
    return leads


def hook_keys(lines: Sequence[Line]) -> set[Key]:
    """An article's first sentence that opens a column, not a report ("What a hot mess.",
    "The stories are endless.", "Just count the damn votes."): short (under HOOK_WORDS), it
    names nothing and gives no figure. A report's lead says who or what, or how many."""
    first = {ln.article: ln for ln in reversed(lines)}  # (each article's first line)
    return {ln.key for ln in first.values() if ln.size < HOOK_WORDS and not reports(ln.text)}


def _account_score(k: int, lines: Sequence[Line], central: Centrality,
                   reference: float) -> float:
    """Expected ROUGE-1 F1 of article `k`'s printable sentences, taken together, against a
    summary of `reference` words, by what the *other* articles say."""
    stems: set[str] = set()
    size = 0.0
    for ln in lines:
        if ln.article == k:
            stems |= ln.stems
            size += ln.size
    exclude = k if len(central.bags) > 1 else None
    return 2 * math.fsum(central.share(w, exclude) for w in stems) / (size + reference)


def central_lead(lines: Sequence[Line], central: Centrality, leads: dict[int, Line],
             arts: Sequence[Article], settings: ParagraphSettings = PARAGRAPH,
             colours: frozenset[Key] = frozenset(),
             columns: frozenset[int] = frozenset()) -> Line | None:
    """The lead of the most central account: of the articles' `leads`, the one whose
    printable sentences the other outlets say most of (ties: the earlier article); a lead
    that reports before one that judges (a judgement only its outlet makes, which would
    open the paragraph credited: "… a problematic study …, according to Outlet C."), a
    report's before a column's (`columns`: articles under a column's title, "Trump's very
    swampy commutation of …", whose lead is its writer's way in: "If Roger Stone is
    dispatched to prison …"), and before a column's colour (`colours`: `report.colour`)."""
    if not leads:
        return None
    return max(leads.values(),
               key=lambda ln: (not credited(ln, arts, central, settings),
                               ln.article not in columns,
                               ln.key not in colours,
                               _account_score(ln.article, lines, central,
                                              settings.account_reference), -ln.article))


def credited(ln: Line, arts: Sequence[Article], central: Centrality,
              settings: ParagraphSettings) -> bool:
    """A judgement (`attribution.judges`) no other outlet's article shares: printed credited."""
    return judges(ln.text) and not corroborated(ln, arts, central.bags, settings.corroborated)


def reports(text: str) -> bool:
    """A lead that reports: it names someone or something, or gives a figure ("What a hot
    mess." opens a column, not a report)."""
    return bool((facts := said(text)).names or facts.figures)
