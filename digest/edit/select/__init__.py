"""Select: which of the period's articles an issue may use (window, duplicates, relevance).

`select` is the room's entry point: it gives every article one `Verdict` (week.py) —
`out_of_window`, `duplicate` (of the earliest copy), `off_topic`, or `used` with its topic
relevance — and builds the entity index of the used articles.
"""

from __future__ import annotations

from collections.abc import Sequence

from digest.edit.select.dedup import find_duplicates
from digest.edit.select.relevance import RelevanceJudge
from digest.edit.select.window import in_window
from digest.edit.week import Read, Verdict, Week, entity_index
from digest.models import Newsletter, Period, Source

__all__ = ["select"]


def select(reads: Sequence[Read], period: Period, newsletter: Newsletter,
           sources: Sequence[Source]) -> Week:
    """One verdict per article, in the order handed in."""
    verdicts: list[Verdict] = [Verdict("out_of_window", "published outside the issue's period")
                               for _ in reads]
    window = [r for r in reads if in_window(r.article, period)]
    dedup = find_duplicates([r.article for r in window])
    for copy, keep in dedup.duplicate_of.items():
        verdicts[window[copy].position] = Verdict(
            "duplicate", dedup.reason.get(copy, "copy"), duplicate_of=window[keep].position)
    judge = RelevanceJudge(newsletter, sources)
    for k in dedup.kept:
        r = window[k]
        judged = judge.judge(r.article)
        if judged.on_topic:
            verdicts[r.position] = Verdict("used", relevance=judged.score)
        else:
            verdicts[r.position] = Verdict("off_topic", judged.reason or "off topic")
    for i, v in enumerate(verdicts):  # a copy of an off-topic article says so
        if v.duplicate_of is not None and verdicts[v.duplicate_of].status == "off_topic":
            verdicts[i] = Verdict("duplicate", f"{v.reason}; the kept article is off-topic",
                                  duplicate_of=v.duplicate_of)
    used = [r for r, v in zip(reads, verdicts, strict=True) if v.status == "used"]
    return Week(tuple(reads), tuple(verdicts), entity_index(used))
