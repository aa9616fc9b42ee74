"""Another outlet's lead telling the printed act in other words is not printed
(`told_again.told_otherwise`, used by `retold.retellings`; issue 11: "no fact stated twice").
Every text here is made up for the test."""

from __future__ import annotations

from collections.abc import Callable

from digest.edit.write.lines import story_lines
from digest.edit.write.paragraph import Pick
from digest.edit.write.retold import retellings
from digest.edit.write.told_again import told_otherwise
from digest.models import Article

MakeArticle = Callable[..., Article]

RULED = "Appeals court rules against Harlow ferry levy"
COURT = "The Harlow Court of Appeals ruled Friday that the new ferry levy should be blocked."
# A description for a subject, the same verb, many words of its own: no test before session 35
# read it as the act told again (`same_act` wants one subject, `_mostly_said` 35 % said).
COURT_AGAIN = ("A state appeals court ruled Friday night that the ferry levy breaks state law, "
               "and that its passage by the council without a public vote exceeds the powers "
               "granted to local harbour boards.")
SCRAPS = "Transit authority votes to scrap harbour ferry night fares"
VOTED = ("The Carthen Transit Authority voted to scrap night fares on the harbour ferry, ending "
         "a levy that riders had fought for years.")
# The name's acronym for its subject, the act's verb in a word of its family ("voted … to end").
VOTED_AGAIN = ("In a move cheered by commuters and shop owners along the quay, the CTA voted on "
               "Thursday to end the evening surcharge for ferry crossings.")

REVIVED = "Auditors revive ferry levy inquiry"
# No main verb read on either side (a verb of saying; a passive of another kind), one act told
# by words of one family ("inquiry" / "investigation", lexicon.EVENT_VERBS).
FOUND = ("Harbour master Ilse Brandt said Friday that auditors had found new records related to "
         "the board's closed inquiry into the ferry levy, reviving a long fight over the fees.")
FOUND_AGAIN = ("The island's ferry trade was shaken on Friday after officials said that records "
               "pertinent to the closed investigation into the ferry levy had turned up on a "
               "laptop in a storeroom.")


def _picks(make_article: MakeArticle, *texts: str) -> list[Pick]:
    arts = [make_article(t, source=f"Outlet {n}", title=f"Title {n}", day=1 + n / 10)
            for n, t in enumerate(texts)]
    return [Pick(ln, ln.text, lead=True) for ln in story_lines(arts, "en")]


def test_a_lead_telling_the_act_in_other_words_goes(make_article: MakeArticle) -> None:
    assert retellings(_picks(make_article, COURT, COURT_AGAIN), RULED) == {(1, 0)}
    assert retellings(_picks(make_article, VOTED, VOTED_AGAIN), SCRAPS) == {(1, 0)}
    assert retellings(_picks(make_article, FOUND, FOUND_AGAIN), REVIVED) == {(1, 0)}
    # no word of one family: no act read in common
    other = FOUND_AGAIN.replace("closed investigation into", "sealed report on")
    assert not told_otherwise(other, [FOUND], 2)
    # the other way round too: one side's verb read is enough
    assert told_otherwise(COURT, [COURT_AGAIN], 2)


def test_a_lead_in_other_words_carrying_something_new_stays(make_article: MakeArticle) -> None:
    # another main verb, though it writes the act's: another act
    signed = VOTED_AGAIN.replace("voted on Thursday to end", "on Thursday signed the vote to end")
    assert not told_otherwise(signed, [VOTED], 2)
    # a new figure, another day, another verb
    for kept in (VOTED_AGAIN.replace("the evening", "the $1.2 million evening"),
                 VOTED_AGAIN.replace("Thursday", "Tuesday"),
                 VOTED_AGAIN.replace("voted on Thursday to end", "on Thursday delayed")):
        picks = _picks(make_article, VOTED.replace("voted", "voted on Thursday")
                       if "Tuesday" in kept else VOTED, kept)
        assert not retellings(picks, SCRAPS), kept


def test_two_subjects_naming_two_others_tell_two_acts(make_article: MakeArticle) -> None:
    # "The Senate" / "The House", "House Democrats" / "House Republicans": one thing done twice
    for one, other in (("The Senate", "The House"), ("House Democrats", "House Republicans")):
        first = f"{one} voted Monday to approve the ferry levy bill, sending it onward."
        then = (f"{other} voted Monday to approve the ferry levy bill after a debate in which "
                "harbour towns asked for a share of the revenue, shop owners for lower fees and "
                "fishing crews for an exemption.")
        assert not told_otherwise(then, [first], 2), other
        assert not retellings(_picks(make_article, first, then), "Lawmakers approve ferry levy")
        # nor, mostly the same words, another subject's act told (`told_again.retells`)
        short = f"{other} voted Monday to approve the ferry levy bill after a long debate."
        assert not retellings(_picks(make_article, first, short), "Lawmakers approve ferry levy")
