"""The headline and the paragraph tell the same story (write/stories.py, "The headline's own
account", "Another outlet's account"): a paragraph that never tells its headline opens on the
lead of the outlet whose title the headline is, else on another outlet's dated lead telling
it. Every text here is made up for the test."""

from __future__ import annotations

from collections.abc import Callable

from digest.edit import edit_issue
from digest.edit.headline.score import tells
from digest.edit.settings import WriteSettings
from digest.edit.write.lines import Line, story_lines
from digest.edit.write.paragraph import Pick, select
from digest.edit.write.stories import own_account, told_account, untold
from digest.models import Article, Newsletter, Period

MakeArticle = Callable[..., Article]

HEADLINE = "Carthen stoppage halts Oakfield ferries"
# Outlet B's lead tells its title; the dock workers' accounts (A, C) never speak of the ferries.
FERRIES = ("No ferries ran between Oakfield and Carthen on Monday, the ferry company said, after "
           "its crews backed the dock workers. About 3,000 passengers a day use the crossing.")
DOCKS = ("Dock workers at the port of Carthen voted on Monday to stop work over pay, the union "
         "said. The union says wages at the port have not risen since 2019 while rents in the "
         "town doubled. Port managers offered a rise of 2 percent last month, which the union "
         "turned down. The last stoppage at the port, in 2016, lasted nine days and cost traders "
         "40 million crowns. Traders at the port fear empty shelves in Carthen shops before the "
         "winter holidays. Talks between the union and the port managers are due to resume on "
         "Friday. The union's leader, Mara Holt, said the workers were ready to stay out until "
         "Christmas.")
UNION = ("Carthen dock workers will stop work over pay after a vote on Monday, their union said. "
         "Wages at the port have not risen since 2019, the union said, and managers offered 2 "
         "percent. Traders fear a stoppage as long as the one in 2016, which lasted nine days. "
         "Talks between the union and the port managers are due to resume on Friday, the union "
         "said. Union leader Mara Holt said the dock workers were ready to stay out until "
         "Christmas.")


def _arts(make_article: MakeArticle) -> list[Article]:
    return [make_article(DOCKS, source="Outlet A", title="Dock workers in Carthen vote for a "
                         "stoppage", day=1),
            make_article(FERRIES, source="Outlet B", title=HEADLINE, day=1.1),
            make_article(UNION, source="Outlet C", title="Carthen port stoppage to halt ferries",
                         day=1.2)]


def _lines(make_article: MakeArticle, *texts: str) -> list[Line]:
    arts = [make_article(t, source=f"Outlet {n}", title=f"Title {n}", day=1 + n / 10)
            for n, t in enumerate(texts)]
    return story_lines(arts, "en")


def test_a_sentence_tells_a_headline_holding_half_its_words() -> None:
    assert tells(FERRIES.split(". ")[0], HEADLINE)  # Carthen, Oakfield, ferries: 3 of 5
    assert not tells(UNION.split(". ")[0], HEADLINE)  # Carthen alone
    assert not tells("Nothing here.", "") and tells("Ferries stop.", "ferries stopped")
    # share 1: every content word; the headline holding all of a line's is that line again
    assert tells(HEADLINE, "Oakfield ferries halted.", 1.0)
    assert not tells(HEADLINE, "Oakfield ferries halted on Monday.", 1.0)


def test_the_paragraph_may_open_on_the_headlines_own_lead(make_article: MakeArticle) -> None:
    arts = _arts(make_article)
    central = select(arts, "en")
    assert central[0].line.article == 2  # the union's account is the most central
    own = select(arts, "en", opening=1)
    assert own[0].line.article == 1 and own[0].text.startswith("No ferries ran")
    # An article with no lead of its own (or none named) leaves the most central opening.
    assert select(arts, "en", opening=7)[0].line == central[0].line


def test_the_issue_tells_its_headline(make_article: MakeArticle, period: Period) -> None:
    # Through the editor: the headline is B's title, the most central account (C's) never
    # speaks of the ferries; without the rule the paragraph opened on C's lead and never
    # printed B's.
    issue = edit_issue(period, _arts(make_article), newsletter=Newsletter(title="T"),
                       sources=[], health=[])
    story = issue.stories[0]
    assert story.headline == HEADLINE
    assert story.sentences[0].text.startswith("No ferries ran between Oakfield and Carthen")


def test_untold(make_article: MakeArticle) -> None:
    a1, b1 = _lines(make_article, UNION.split(". ")[0] + ".", FERRIES.split(". ")[0] + ".")
    assert untold([Pick(a1, a1.text, True)], HEADLINE, b1.article)
    # its own lead printed (its outlet's account is given), or a printed sentence telling it
    assert not untold([Pick(a1, a1.text, True)], HEADLINE, a1.article)
    assert not untold([Pick(a1, a1.text, True), Pick(b1, b1.text, True)], HEADLINE, b1.article)
    assert not untold([Pick(b1, b1.text, True)], HEADLINE, a1.article)
    assert not untold([], HEADLINE, b1.article)


def test_what_the_headlines_own_lead_needs_to_open(make_article: MakeArticle) -> None:
    a1, b1 = _lines(make_article, UNION.split(". ")[0] + ".", FERRIES.split(". ")[0] + ".")
    picks = [Pick(a1, a1.text, True)]
    again = [Pick(b1, b1.text, True), Pick(a1, a1.text, True)]
    assert own_account(picks, HEADLINE, b1.article, again, 60) == again
    for other in (
            [],  # nothing chosen again
            [Pick(a1, a1.text, True)],  # it opens on another article's lead
            [Pick(b1, f"According to Outlet 1, {b1.text}", True)],  # credited
    ):
        assert own_account(picks, HEADLINE, b1.article, other, 60) == picks
    # Another outlet's lead telling the headline is not the headline's own (lead_with's case).
    assert own_account(picks, HEADLINE, a1.article, again, 60) == picks
    assert own_account(picks, HEADLINE, b1.article, again, 12) == picks  # too long
    # A figure the paragraph states otherwise ("3 million" under "5 million").
    [m1] = _lines(make_article, "No ferries ran between Oakfield and Carthen on Monday, at a "
                   "cost of 3 million crowns. Crews stayed home.")
    lost = [Pick(m1, m1.text, True)]
    assert own_account(picks, "Carthen ferries lose 3 million crowns", m1.article, lost,
                       60) == lost
    assert own_account(picks, "Carthen ferries lose 5 million crowns", m1.article, lost,
                       60) == picks
    assert own_account(picks, "Carthen port managers raise pay", b1.article, again,
                       60) == picks  # the lead does not tell that headline
    # The title printed again as the text's first line says nothing the headline does not.
    [t1] = _lines(make_article, "Carthen stoppage halts Oakfield ferries. Crews stayed home.")
    assert own_account(picks, HEADLINE, t1.article, [Pick(t1, t1.text, True)], 60) == picks


# Another outlet's account (told_account): the headline's own lead does not tell it, the most
# central account (the dock workers') never speaks of the ferries, another outlet's dated lead
# tells the headline.
DATED = ("Oakfield ferries were halted on Monday by the stoppage in Carthen, the ferry company "
         "said. Passengers were sent to the coast road.")
UNDATED = ("Oakfield ferries are halted by the stoppage in Carthen, the ferry company says. "
           "Passengers take the coast road.")
OWN = "About 3,000 passengers a day use the crossing, the port says. Fares rose in 2024."


def _told(make_article: MakeArticle, other: str, columns: frozenset[int] = frozenset(),
          ) -> list[str]:
    """The paragraph told_account prints, or [] when it leaves the central one."""
    arts = [make_article(DOCKS, source="Outlet A", title="Dock workers vote", day=1),
            make_article(OWN, source="Outlet B", title=HEADLINE, day=1.1),
            make_article(other, source="Outlet C", title="Ferry company counts the cost",
                         day=1.2),
            make_article(UNION, source="Outlet D", title="Union digs in", day=1.3)]
    lines = story_lines(arts, "en")
    words = (50, 75)  # (the dock workers' account fills it: no other lead is printed)
    picks = select(arts, "en", words, lines=lines)
    assert picks[0].line.article in (0, 3) and untold(picks, HEADLINE, 1)
    out = told_account(picks, HEADLINE, 1, lines, columns,
                       lambda k: select(arts, "en", words, lines=lines, opening=k),
                       WriteSettings(paragraph_words=words))
    return [p.text for p in out] if out != picks else []  # (none: as they were)


def test_another_outlets_dated_lead_telling_the_headline_opens(
        make_article: MakeArticle) -> None:
    assert _told(make_article, DATED)[0] == DATED.split(". ")[0] + "."
    # A lead that says not when (background, or the act in other words) leaves the paragraph;
    # so does a column's lead.
    assert _told(make_article, UNDATED) == []
    assert _told(make_article, DATED, frozenset({2})) == []
