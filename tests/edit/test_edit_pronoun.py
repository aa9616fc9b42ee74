"""A sentence leaning only on "he" or "she" is printed away from the sentence before it with
the person its article means named (digest.edit.write.pronoun), once the paragraph names them;
never when another person, someone unnamed, a place or a second pronoun could be meant."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from digest.edit.proof import paragraph_strikes
from digest.edit.write.lines import named_line, story_lines
from digest.edit.write.paragraph import Pick, kept, paragraph_for, printable
from digest.edit.write.pronoun import Persons, named
from digest.models import Article

MakeArticle = Callable[..., Article]

STORY = ("Harbour board chair Nora Lind said on Monday that the night ferry to Oakfield would "
         "stop running on March 1. Lind told reporters her ferry's sales had fallen to 9,000 "
         "tickets last year. She said a night bus to Oakfield would run from April instead.")


def _persons(*texts: str) -> Persons:
    from digest.edit.read.entities import mentions
    return Persons(texts, [mentions(t) for t in texts])


def test_the_pronoun_named_by_the_person_its_article_names_last() -> None:
    persons = _persons(STORY)
    before = ["Lind told reporters her ferry's sales had fallen to 9,000 tickets last year."]
    got = named("She said a night bus to Oakfield would replace the ferry from April.", before,
                persons)
    assert got is not None and got.person == "Lind" and got.refers == {"lind"}
    assert got.text == "Lind said a night bus to Oakfield would replace the ferry from April."
    his = named("His deputy, Ola Berg, will run the bus.", ["Mayor Tor Vik backed the plan."],
                _persons("Mayor Tor Vik backed the plan. Vik said he was glad."))
    assert his is not None and his.text == "Vik's deputy, Ola Berg, will run the bus."


def test_a_sentence_opening_on_the_name_names_the_person_in_full() -> None:
    # "Lind said she would …": a lone capitalised word at a sentence's head names nobody the
    # copy editor can tell from a common word (leaning.unnamed_person): the full name.
    got = named("She said she would resign.", ["Chair Nora Lind spoke on Monday."],
                _persons(STORY))
    assert got is not None and got.text == "Nora Lind said she would resign."


@pytest.mark.parametrize(("before", "sentence", "why"), [
    (["Chair Nora Lind met Mayor Tor Vik on Monday."], "She said the ferry would stop.",
     "two people named"),
    (["Chair Nora Lind said a spokeswoman would answer."], "She said the ferry would stop.",
     "someone unnamed"),
    (["Chair Nora Lind spoke on Monday."], "She said it would stop on March 1.",
     "another pronoun"),
    (["Chair Nora Lind spoke on Monday."], "She told her deputy he would run the bus.",
     "two genders"),
    (["Chair Nora Lind said: “We will stop the ferry."], "She said the bus would run.",
     "inside a quotation"),
    (["The board met on Monday."], "She said the ferry would stop.", "no one named"),
])
def test_no_name_when_unsure(before: list[str], sentence: str, why: str) -> None:
    persons = _persons(STORY, "Mayor Tor Vik spoke. Vik said he agreed.")
    assert named(sentence, before, persons) is None, why


@pytest.mark.parametrize(("texts", "before", "sentence", "why"), [
    # "Nurse A" names a person, but "A" is no word to print for her.
    (("Nurse A said he asked her a question. A told the board.",),
     ["Nurse A said the ward was busy."], "She later told friends.", "a letter"),
    # "He's a fan …" would print "Lind's a fan …": a contraction reads as a possessive.
    ((STORY,), ["Chair Nora Lind spoke on Monday."], "She's a fan of the ferry.",
     "a contraction"),
    # A speaker's words in single marks are not mended ("'He had a massive rock …").
    ((STORY,), ["Chair Nora Lind spoke on Monday."], "'She would stop the ferry.",
     "single marks"),
    # "Pro-ferry Lind" is an adjective and a word, no one's name.
    (("Pro-ferry Lind won. Lind said he was glad.",), ["Pro-ferry Lind won on Monday."],
     "He said the ferry would stay.", "an adjective"),
])
def test_no_name_of_a_letter_a_contraction_or_an_adjective(
        texts: tuple[str, ...], before: list[str], sentence: str, why: str) -> None:
    assert named(sentence, before, _persons(*texts)) is None, why


def test_a_place_is_no_person() -> None:
    # "Leave-voting Carthen" … "Carthen": a name written alone, but no one's.
    text = ("Leave-voting Carthen elected a new board. Carthen voted on Monday. "
            "He could make up stories about new ferries.")
    assert named("He could make up stories about new ferries.",
                 ["Leave-voting Carthen elected a new board.", "Carthen voted on Monday."],
                 _persons(text)) is None


def _story(make_article: MakeArticle) -> list[Article]:
    return [make_article(STORY, source="Outlet A", title="Oakfield night ferry to stop", day=1),
            make_article("The night ferry to Oakfield will stop on March 1, harbour board chair "
                         "Nora Lind said on Monday. Its sales fell to 9,000 tickets last year.",
                         source="Outlet B", title="Night ferry ends March 1", day=1.1)]


def test_the_paragraph_prints_it_named(make_article: MakeArticle) -> None:
    # A's "She said …" follows a sentence telling the 9,000 tickets again, never printed: the
    # bus is a fact the paragraph had lost.
    arts = _story(make_article)
    printed = paragraph_for(arts, {}, language="en")
    texts = [s.text for s in printed]
    assert any(t.startswith("Lind said a night bus") for t in texts), texts
    assert not any(t.startswith("She said") for t in texts)
    assert paragraph_strikes(texts, sources=[f"{a.title}\n{a.text}" for a in arts],
                             origins=[s.sources[0] for s in printed]) == []


def test_a_line_keeps_its_key_when_printed_named(make_article: MakeArticle) -> None:
    # One sentence, one key, however it is printed: "She said …" named is still A's third
    # sentence, and the sentence it leans on is A's second.
    lines = story_lines(_story(make_article), "en")
    she = next(ln for ln in lines if ln.text.startswith("She said"))
    assert she.key == (0, 2) and she.before == (0, 1) == lines[1].key
    assert named_line(she).key == she.key and named_line(she).text != she.text


def test_kept_names_the_person_only_after_a_sentence_naming_them(
        make_article: MakeArticle) -> None:
    arts = _story(make_article)
    lines = {ln.key: ln for ln in story_lines(arts, "en")}
    opening, told, she = lines[1, 0], lines[0, 1], lines[0, 2]
    assert she.named is not None
    other = Pick(lines[1, 1], lines[1, 1].text)
    # After a sentence naming Lind: named.
    assert [p.text for p in kept([Pick(opening, opening.text), Pick(she, she.text)],
                                 lambda p, _: False)][1].startswith("Lind said a night bus")
    # Right after the sentence before it in its article: its own words.
    assert [p.text for p in kept([Pick(told, told.text), Pick(she, she.text)],
                                 lambda p, _: False)][1] == she.text
    # After sentences that never name her (and that one gone): not at all.
    assert [p.line for p in kept([other, Pick(she, she.text)], lambda p, _: False)] == [
        other.line]


@pytest.mark.parametrize(("texts", "before", "why"), [
    # "Berg, speaking at the quay, …": the sentence's subject is someone the story never
    # tells as a person; "he" is likelier theirs than Lind's.
    ((STORY,), ["Berg, speaking at the quay, said the plan served Lind's voters."],
     "another subject"),
    # "Ola Berg" may be a person the story does not tell as one: "Berg" could be "he".
    ((STORY, "Ola Berg met the board."), ["Lind met Berg on Monday."], "someone unsure"),
    # Two people share the word: "Lind" is no one's.
    ((STORY, "Chair Nora Lind met her brother, Mayor Per Lind. Lind said he agreed."),
     ["Lind spoke on Monday."], "two people's name"),
])
def test_no_name_when_the_person_is_not_sure(texts: tuple[str, ...], before: list[str],
                                             why: str) -> None:
    assert named("He said the ferry would stop.", before, _persons(*texts)) is None, why


def test_a_title_and_initials_before_the_name() -> None:
    # "Mayor Michael R. Bloomberg": the name runs past the initial (not "Michael").
    text = ("Mayor Michael R. Bloomberg of Carthen joined the debate. Bloomberg spoke first. "
            "This debate has six candidates.")
    got = named("He will join five other candidates.",
                ["Mayor Michael R. Bloomberg of Carthen joined the debate."], _persons(text))
    assert got is not None and got.text == "Bloomberg will join five other candidates."


def test_printable_at_the_final_order(make_article: MakeArticle) -> None:
    # The paragraph prints by event day: "On Monday, she said …" sorts before Wednesday's
    # sentence naming Lind, so it would go there; the writer leaves it for another sentence.
    arts = [make_article("The night ferry to Oakfield will stop on March 1, the harbour board "
                         "said on Wednesday.", source="Outlet B", title="Ferry to stop", day=3),
            make_article("Chair Nora Lind on Wednesday announced the end of the night ferry to "
                         "Oakfield. Lind told reporters the ferry sold 9,000 tickets last year. "
                         "On Monday, she said a night bus would run to Oakfield from April. "
                         "She said a bus would run every hour.", source="Outlet A",
                         title="Oakfield ferry ends", day=3.1)]
    lines = {ln.key: ln for ln in story_lines(arts, "en")}
    opening, lind, monday, hourly = lines[0, 0], lines[1, 0], lines[1, 2], lines[1, 3]
    assert monday.named is not None and hourly.named is not None
    chosen = [Pick(opening, opening.text), Pick(lind, lind.text)]
    assert not printable(Pick(monday, monday.text), chosen)
    assert printable(Pick(hourly, hourly.text), chosen)
    assert not printable(Pick(hourly, hourly.text), chosen[:1])


def test_the_writer_asks_printable_before_it_picks(make_article: MakeArticle,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # The writer picks a named sentence only when it stays in print order: told it would not,
    # it leaves it for another sentence (else it would be dropped at print, its place lost).
    import digest.edit.write.paragraph as paragraph
    arts = _story(make_article)
    monkeypatch.setattr(paragraph, "printable", lambda pick, chosen: False)
    texts = [s.text for s in paragraph_for(arts, {}, language="en")]
    assert texts and not any(t.startswith("Lind said a night bus") for t in texts)
