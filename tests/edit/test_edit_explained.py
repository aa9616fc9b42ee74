"""What earlier issues explained (continuity/explained.py): names folded, aliases matched, the
issue's own key never counted; and explain() passes over what was explained."""

from __future__ import annotations

from digest.edit.continuity.explained import Explained, forms_of
from digest.edit.lexicon import fold_name
from digest.edit.settings import Settings
from digest.edit.write.explainer import explain
from digest.models import ExplainerMemory, Period

from .conftest import MakeArticle
from .test_edit_prose import PERSON_WEEK, week_of

AOMA = ExplainerMemory("2026-W47", "Asia Open Model Alliance (AOMA)", ("AOMA", "亚洲开放模型联盟"))


def test_names_are_folded_and_any_alias_matches() -> None:
    assert fold_name("  Xi’an  Jiaotong\u00a0University ") == "xi'an jiaotong university"
    assert forms_of(AOMA) == {"asia open model alliance (aoma)", "asia open model alliance",
                              "aoma", "亚洲开放模型联盟"}
    before = Explained.of([AOMA], "2026-W48")
    assert before.before(["aoma"]) == AOMA
    assert before.before(["ASIA OPEN MODEL ALLIANCE"]) == AOMA
    assert before.before(["亚洲开放模型联盟"]) == AOMA
    assert before.before(["Asia Open Model", "Open Model Alliance"]) is None  # whole names only
    # The issue's own key never blocks itself: rebuilding W47 explains what W47 explained.
    assert Explained.of([AOMA], "2026-W47").before(["AOMA"]) is None


def test_the_newest_issue_that_explained_it_is_named() -> None:
    older = ExplainerMemory("2026-W45", "AOMA", ())
    assert Explained.of([AOMA, older], "2026-W48").before(["AOMA"]) == AOMA


def test_a_person_explained_before_is_passed_over(make_article: MakeArticle,
                                                 period: Period) -> None:
    _, week = week_of(make_article, PERSON_WEEK, period)
    reads = [[r] for r in week.used]
    first, _ = explain(week, reads, "en", Settings().explainer)
    assert first is not None and first.entity == "Dana Reyes"
    # Remembered under her surname alone, typed otherwise: still her.
    before = Explained.of([ExplainerMemory("2026-W01", "Someone", ("REYES",))], "2026-W02")
    again, note = explain(week, reads, "en", Settings().explainer, (), before)
    assert again is None or again.entity != "Dana Reyes"
    told = again.why if again is not None else note
    assert told is not None and "Dana Reyes was explained in 2026-W01" in told
