"""The story paragraph reports the news; a column's colour stays in its column (issue 11).
Every text here is made up for the test."""

from __future__ import annotations

from collections.abc import Callable

from digest.edit.settings import ParagraphSettings
from digest.edit.write.lines import story_lines
from digest.edit.write.paragraph import paragraph_for
from digest.edit.write.report import colour
from digest.models import Article

MakeArticle = Callable[..., Article]

REPORT_A = ("The Carthen harbour board approved a 12 million crown plan to dredge the north "
            "channel on Monday, ending a two-year dispute with the port's fishing fleet.")
REPORT_B = ("Carthen's harbour board voted on Monday to dredge the north channel, the board "
            "said, after fishermen dropped their objections.")
SCENE = "Mayor Ilse Brandt is having a déjà vu week."
COLUMN = (f"{SCENE} The last time the harbour made news, the fleet blockaded the quay for a "
          "month. Work on the channel will start in spring, the board said.")


def _story(make_article: MakeArticle) -> list[Article]:
    return [make_article(REPORT_A, source="Outlet A", title="Harbour board approves dredging",
                         day=1),
            make_article(REPORT_B, source="Outlet B", title="Carthen to dredge north channel",
                         day=1.2),
            make_article(COLUMN, source="Outlet C", title="The quay remembers", day=1.5)]


def test_a_columns_scene_is_colour_a_report_is_not(make_article: MakeArticle) -> None:
    arts = _story(make_article)
    lines = story_lines(arts, "en")
    flagged = {ln.text for ln in lines if ln.key in colour(arts, lines)}
    # The scene names nobody's words, no figure, no date and no word of the event the other
    # outlets' titles and leads tell ("dredge", "approve", "channel").
    assert SCENE in flagged
    assert not flagged & {REPORT_A, REPORT_B}
    # Someone's words are reported: "…, the board said." is news.
    assert "Work on the channel will start in spring, the board said." not in flagged


def test_what_makes_a_sentence_a_report(make_article: MakeArticle) -> None:
    def flagged(sentence: str) -> bool:
        arts = [make_article(REPORT_A, source="Outlet A", title="Harbour board approves dredging"),
                make_article(sentence, source="Outlet C", title="The quay remembers")]
        lines = story_lines(arts, "en")
        return (1, 0) in colour(arts, lines)

    assert flagged("Ilse Brandt is following through on her promise in the most Brandt way.")
    assert flagged("In a quayside cafe on a recent Tuesday, Ilse Brandt sits by the window.")
    assert not flagged("The council passed an amendment Tuesday that ends the quay dispute.")
    assert not flagged("Ilse Brandt and the fishermen deny any wrongdoing.")  # who said what
    assert not flagged("Ilse Brandt spoke to fishermen on the quay on Tuesday.")  # when
    assert not flagged("Ilse Brandt spoke to fishermen on the quay this morning.")
    assert not flagged("Ilse Brandt met 300 fishermen on the quay.")  # how many
    assert not flagged("Tickets for the quay will cost 6 crowns.")
    assert flagged("Ilse Brandt sits by the window at 3 p.m. and waits for news.")  # a scene
    # someone's words, quoted: a statement, not a word or two as a label ("the “iron lady”")
    assert not flagged("Fishermen held up signs reading “hands off our quay, Brandt.”")
    assert flagged("Ilse Brandt, Carthen’s “iron lady,” has long charmed its voters.")
    assert not flagged("Ilse Brandt has long opposed dredging near the quay.")  # the event


def test_a_story_with_one_outlet_has_nobody_to_read_it_against(
        make_article: MakeArticle) -> None:
    arts = [make_article(COLUMN, source="Outlet C", title="The quay remembers")]
    assert colour(arts, story_lines(arts, "en")) == frozenset()


def test_a_columns_scene_does_not_fill_the_paragraph(make_article: MakeArticle) -> None:
    # Under the least length, another outlet's lead used to join first when it named someone:
    # the column's scene, which tells nothing that happened.
    texts = [s.text for s in paragraph_for(_story(make_article), {}, language="en")]
    assert texts[0] in {REPORT_A, REPORT_B}
    assert SCENE not in texts
    assert "Work on the channel will start in spring, the board said." in texts


def test_a_report_opens_before_a_columns_colour(make_article: MakeArticle) -> None:
    # The column's account is the most central (its second sentence tells what each of the
    # others tells), but its lead is a scene: the paragraph opens on a report's lead.
    column = (f"{SCENE} The Carthen harbour board approved a plan to dredge the north channel "
              "on Monday after fishermen dropped their objections, ending a two-year dispute "
              "with the port.")
    board = ("The harbour board approved a 12 million crown plan on Monday to dredge the north "
             "channel of Carthen.")
    fleet = ("Fishermen in Carthen dropped their objections to dredging on Monday, ending a "
             "two-year dispute with the port.")
    arts = [make_article(column, source="Outlet C", title="The quay remembers", day=1),
            make_article(fleet, source="Outlet B", title="Fishermen end dredging dispute",
                         day=1.2),
            make_article(board, source="Outlet A", title="Harbour board approves dredging",
                         day=1.4)]
    texts = [s.text for s in paragraph_for(arts, {}, language="en")]
    assert texts[0] in {board, fleet}
    assert SCENE not in texts


def test_a_sentence_naming_what_it_never_printed_leans(make_article: MakeArticle) -> None:
    # "Democrats called it the Trump shutdown.": "it" is what the sentence before told; so
    # is "that stance". A participle or a relative clause names it in the sentence itself.
    def leans(sentence: str) -> bool:
        arts = [make_article(f"{REPORT_A} {sentence}", source="Outlet A",
                             title="Harbour board approves dredging")]
        return next(ln.leans for ln in story_lines(arts, "en") if ln.text == sentence)

    assert leans("Fishermen called it the harbour board's surrender.")
    assert leans("Mayor Ilse Brandt called that stance a betrayal of the port.")
    assert leans("The fleet's captains labelled them the dredging lobby.")
    assert not leans("The fleet's captains welcomed the plan, calling it a fair deal.")
    assert not leans("Dozens of fishermen denounced the plan, and their union called it a "
                     "surrender.")
    assert not leans("Mayor Ilse Brandt called this week for a second channel.")
    # The most central account opens on it: the paragraph opens on that account's report.
    named = "Many of the fishermen in Carthen called it the board's surrender to the port."
    column = (f"{named} The Carthen harbour board approved a plan to dredge the north channel "
              "on Monday after fishermen dropped their objections, ending a two-year dispute "
              "with the port.")
    arts = [make_article(column, source="Outlet C", title="The quay remembers", day=1),
            make_article("Fishermen in Carthen dropped their objections to dredging on Monday, "
                         "ending a two-year dispute with the port.", source="Outlet B",
                         title="Fishermen end dredging dispute", day=1.2),
            make_article("The harbour board approved a 12 million crown plan on Monday to "
                         "dredge the north channel of Carthen.", source="Outlet A",
                         title="Harbour board approves dredging", day=1.4)]
    texts = [s.text for s in paragraph_for(arts, {}, language="en")]
    assert texts and named not in texts


def test_an_irregular_past_tells_the_titles_event(make_article: MakeArticle) -> None:
    # "have met" is the event the other outlet's title writes as "meet": a report, not colour
    arts = [make_article("Ilse Brandt and Kofi Osei sit down together in Carthen.",
                         source="Outlet A", title="Brandt and Osei meet"),
            make_article("Ilse Brandt and Kofi Osei have met.", source="Outlet C",
                         title="At the quay")]
    lines = story_lines(arts, "en")
    assert (1, 0) not in colour(arts, lines)


def test_a_reports_lead_opens_before_a_columns(make_article: MakeArticle) -> None:
    # Issue 11 (allsides week 60): a column's way in ("If Roger Stone is dispatched to prison
    # …") opened a story that had a report, because the column's account was the most
    # central. A column's title ("very cosy pardon") marks its article; its lead gives way.
    column = ("If the ferry operator walks free, Governor Hale will have paid a debt to the "
              "harbour board. Governor Hale pardoned the Oakfield ferry operator on Friday, "
              "and the harbour board thanked Governor Hale for the pardon on Friday.")
    report = ("Governor Hale on Friday pardoned the Oakfield ferry operator convicted of "
              "fraud.")
    arts = [make_article(column, source="Outlet C",
                         title="Governor Hale's very cosy pardon of the ferry operator", day=1),
            make_article(report, source="Outlet A", title="Hale pardons Oakfield ferry boss",
                         day=1.1),
            make_article("The harbour board thanked Governor Hale for the pardon.",
                         source="Outlet B", title="Harbour board thanks Hale", day=1.2)]
    central = ParagraphSettings(account_reference=1000.0)
    texts = [s.text for s in paragraph_for(arts, {}, language="en", settings=central)]
    assert texts[0] == report
    # under a report's title, the same lead opens (its account is the most central)
    plain = [make_article(column, source="Outlet C", title="Hale pardons ferry operator",
                          day=1), *arts[1:]]
    assert paragraph_for(plain, {}, language="en", settings=central)[0].text.startswith(
        "If the ferry operator walks free")


def test_a_columns_dated_line_beside_a_report_is_colour(make_article: MakeArticle) -> None:
    # Issue 11, session 26: the column's date sets its scene and its "dredging" is its
    # subject; beside a report it reports only by a figure or someone's words. Beside
    # another column alone it is read as a report's line.
    scene = "The harbour board approved the dredging on Monday, ending the quay's proud defiance."
    figure = "The dredging will cost 12 million crowns."
    column = make_article(f"{scene} {figure}", source="Outlet C",
                          title="OPINION: The quay deserved better")

    def flagged(beside: Article) -> set[str]:
        arts = [beside, column]
        lines = story_lines(arts, "en")
        return {ln.text for ln in lines if ln.key in colour(arts, lines)}

    report = make_article(REPORT_A, source="Outlet A", title="Harbour board approves dredging")
    assert flagged(report) == {scene}
    other = make_article("The harbour board should never have approved the dredging on Monday.",
                         source="Outlet B", title="OPINION: Dredging will sink Carthen")
    assert flagged(other) == set()
