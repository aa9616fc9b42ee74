"""A one-article story's paragraph: its lead sentences in order, as a copy editor strikes them
(paragraph.py step 2), and the British-style quotation in straight single marks that such an
article writes (lines.py). Every text here is made up for the test."""

from __future__ import annotations

from collections.abc import Callable

from digest.edit.proof import paragraph_strikes
from digest.edit.read.leaning import leans_back
from digest.edit.write.lines import story_lines
from digest.edit.write.paragraph import paragraph_for
from digest.edit.write.person import first_person
from digest.models import Article

MakeArticle = Callable[..., Article]

LEAD = ("The river authority of Oakfield opened the new Kettle Bridge to road traffic and to "
        "cyclists on Monday morning after two years of work on the crossing, which cost the "
        "city 40 million crowns and carries four lanes of traffic between the old town and the "
        "growing north bank districts.")  # 50 words
LONG = ("Engineers from the Oakfield firm Arden & Vale, which designed the bridge and also built "
        "the city's tram depot ten years ago, said the steel deck was lifted into place in "
        "sections over the winter months, working at night so that river barges could pass "
        "during the day, and that the last of the lamps along the cycle lane was fitted only on "
        "Sunday evening, a few hours before the first drivers crossed, and that the old "
        "crossing would now close for two months of repairs to its worn stone piers.")  # 91 words
TAIL = "Shops near the old crossing fear losing passing trade once it closes for repairs."
SECOND = ("Residents of the north bank had waited a decade for a second crossing over the river, "
          "and some queued from dawn on Monday to be among the first to walk across it.")  # 32


def _texts(make_article: MakeArticle, *sentences: str) -> list[str]:
    art = make_article(" ".join(sentences), source="Outlet A", title="Kettle Bridge opens")
    texts = [s.text for s in paragraph_for([art], {}, language="en")]
    assert paragraph_strikes(texts, sources=[art.text], origins=[art.url] * len(texts)) == []
    return texts


def test_one_article_stops_at_its_first_sentence_that_does_not_fit(
        make_article: MakeArticle) -> None:
    # Lead and the next (82 words) fill the least; the long one would pass the most: the
    # account ends there, not on a sentence from further down (it read as a fill pick).
    texts = _texts(make_article, LEAD, SECOND, LONG, TAIL)
    assert texts == [LEAD, SECOND]


def test_one_article_under_the_least_still_fills(make_article: MakeArticle) -> None:
    # The lead alone (50 words) is under the least: a later sentence that fits still joins.
    texts = _texts(make_article, LEAD, LONG, TAIL)
    assert texts == [LEAD, TAIL]


def test_a_sentence_ending_in_a_straight_single_quotation_is_whole(
        make_article: MakeArticle) -> None:
    gold = "An online critic accused the mayor's wife of being a 'gold digger.'"
    art = make_article(f"{LEAD} {gold}", source="Outlet A")
    assert gold in [ln.text for ln in story_lines([art], "en")]
    asked = "Critics asked whether the bridge was 'worth it?'"
    assert asked not in [ln.text for ln in story_lines([make_article(f"{LEAD} {asked}")], "en")]


def test_first_person_inside_straight_single_quotation_marks_is_the_speakers() -> None:
    assert not first_person("'That's hilarious. I work hard to support myself,' she posted.")
    assert not first_person("The mayor told the critic he 'might want to get your facts "
                            "straight before you talk.'")
    assert first_person("I think the bridge is 'fine' for now.")  # the writer's, outside
    assert first_person("We saw the players' boots by the door.")  # an apostrophe, no quote
    assert first_person("Rock 'n' roll is what we play.")


def test_a_sentence_the_next_leans_on_is_printed_untrimmed(make_article: MakeArticle) -> None:
    # Trimmed of its opening clause (said before), the sentence would no longer be the one
    # "He then …" follows in its article: the copy editor strikes that "He".
    lead = ("A ferry captain from Oakfield was jailed for three years on Friday after he "
            "stole fuel worth 40,000 crowns from the harbour depot using a key from a friend.")
    clause = ("After getting a key from a friend, the captain first asked the depot guard to "
              "leave the side gate open as a favour.")
    then = ("He then drove a van to the depot every week for a year, filling drums of fuel "
            "and selling them on to boat owners along the north bank.")
    texts = _texts(make_article, lead, clause, then)
    assert texts == [lead, clause, then]


def test_a_quotation_whose_speaker_is_he_leans_with_or_without_its_comma() -> None:
    assert leans_back("'Nobody trusts the ferry any more' he told the council on Monday.")
    assert leans_back("'Nobody trusts the ferry any more,' he told the council on Monday.")
    assert leans_back("'Nobody trusts the ferry' Brandt told the council on Monday.") is None
