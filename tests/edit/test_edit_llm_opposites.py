"""A model's sentence that swaps a word of its source for the opposite ("could hurt" for "could
help", "fell" for "rose", "approved" for "rejected") keeps every other word the grounding check
counts, and passed it (llm41 noticed): `answer.turned` now reads `OPPOSITES` too, and the item
falls back to its offline text."""

from __future__ import annotations

import pytest

from digest.edit.write.answer import turned


@pytest.mark.parametrize(("mine", "source", "why"), [
    ("The rules could hurt small firms, the ministry said.",
     "The rules could help small firms, the ministry said.", "writes 'hurt' where"),
    ("Prices fell on Monday.", "Prices rose on Monday.", "writes 'fell' where"),
    ("The Senate approved the bill on Tuesday.", "The Senate rejected the bill on Tuesday.",
     "writes 'approved' where"),
    ("Labour won the seat.", "Labour lost the seat it had held since 1997.", "writes 'won' where"),
    ("The jury found him guilty.", "The jury acquitted him on Friday.", "writes 'guilty' where"),
    ("股价上涨了三成。", "股价下跌了三成。", "writes '上涨' where"),
])
def test_a_word_swapped_for_its_opposite_is_turned_around(mine: str, source: str,
                                                          why: str) -> None:
    verdict = turned(mine, [source])
    assert verdict is not None and verdict.startswith(why), verdict


@pytest.mark.parametrize(("mine", "source"), [
    ("The team won the final.", "The team won the final on penalties."),
    # the source writes both sides: which one the sentence took is not for a word table to say
    ("Prices fell on Monday.", "Prices rose on Monday after falling on Friday."),
    ("The court lost patience.", "The court won praise but lost patience."),
    # a form the table does not list is not read ("supporters", "higher-ups")
    ("Supporters of the plan rallied.", "Opponents of the plan rallied."),
    # the sentence writes both sides too
    ("Exports rose while imports fell.", "Imports fell sharply in March."),
])
def test_a_sentence_that_keeps_its_sources_sense_is_not_turned(mine: str, source: str) -> None:
    assert turned(mine, [source]) is None
