"""Who someone is, told twice, is printed once (write/retold.py, issue 11: "no fact stated
twice"). Every text here is made up for the test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from digest.edit import edit_issue
from digest.edit.write.lines import story_lines
from digest.edit.write.paragraph import Pick
from digest.edit.write.retold import identified_again, identity
from digest.models import Article, Newsletter, Period

MakeArticle = Callable[..., Article]

HEADLINE = "Carthen town hall fire: suspect named as Mara Ellison"
NAMED = ("The woman arrested on suspicion of setting fire to the Carthen town hall is Mara "
         "Ellison from Oakfield, the Harbour Gazette understands.")
AGAIN = ("The woman suspected of starting Sunday's blaze at the Carthen town hall has been "
         "identified as 52-year-old Mara Ellison of Oakfield, sources told the Valley Post.")
FIRE = ("Fire crews in Carthen said on Sunday that the blaze at the town hall had been started "
        "on purpose, and that the building's archive had been destroyed.")


@pytest.mark.parametrize("text", [
    NAMED, AGAIN, "Police identified her as Mara Ellison on Monday.",
    "Detectives named the 52-year-old suspect as Mara J. Ellison, of Oakfield.",
    "The driver who struck the barrier was Mara Ellison, a nurse from Oakfield."])
def test_an_identity_told(text: str) -> None:
    assert identity(text) == "ellison"


@pytest.mark.parametrize("text", [
    "The woman was charged with arson on Monday.",  # no name: another act
    "The woman who is Oakfield's mayor said the archive was lost.",  # a name of one word
    "Mara Ellison is a nurse from Oakfield.",  # a name told of, not who someone is
    "The company is Harbour Holdings, a firm based in Oakfield.",  # no person
])
def test_no_identity_told(text: str) -> None:
    assert identity(text) is None


def test_the_later_telling_of_one_identity_goes(make_article: MakeArticle) -> None:
    arts = [make_article(t, source=f"Outlet {n}", title=f"Title {n}", day=1 + n / 10)
            for n, t in enumerate((NAMED, FIRE, AGAIN))]
    picks = [Pick(ln, ln.text, lead=True) for ln in story_lines(arts, "en")]
    assert identified_again(picks) == {(2, 0)}
    assert not identified_again(picks[:2])
    # Another name is another identity; a quotation the rest does not quote stays.
    other = AGAIN.replace("Mara Ellison", "Tomas Reyes")
    assert not identified_again([*picks[:2], Pick(picks[2].line, other, lead=True)])
    quoted = AGAIN.replace("sources", "“She loved that building,” sources")
    assert not identified_again([*picks[:2], Pick(picks[2].line, quoted, lead=True)])


def test_the_issue_tells_who_she_is_once(make_article: MakeArticle, period: Period) -> None:
    # Through the editor: A's lead tells who she is; C's lead tells it again with an age and
    # its own source, which the writer's word tests spare; B tells the fire. One of the two
    # opens (C's since session 40: the headline is A's whole title, "…: suspect named as …",
    # its head alone a label, and C's lead tells it better), the other goes.
    arts = [make_article(NAMED, source="Outlet A", title=HEADLINE, day=1),
            make_article(FIRE, source="Outlet B", title="Carthen town hall blaze was arson",
                         day=1.1),
            make_article(AGAIN, source="Outlet C", title="Suspect in Carthen fire identified",
                         day=1.2)]
    issue = edit_issue(period, arts, newsletter=Newsletter(title="T"), sources=[], health=[])
    texts = [s.text for s in issue.stories[0].sentences]
    told = [t for t in texts if "Mara Ellison" in t]
    assert len(told) == 1 and texts[0] == told[0]
