"""A lead-in in capitals is cased as prose, each word as the texts write it elsewhere
(casing.sentence_cased, week.Line.plain)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from digest.edit.read.casing import Casing, _search, sentence_cased, written
from digest.edit.week import read
from digest.edit.write.paragraph import paragraph_for
from digest.models import Article

MakeArticle = Callable[..., Article]

BODY = ("The harbour board said on Monday that it would close the old ferry terminal. "
        "A report by the FBI found that the terminal had been unsafe for years, and "
        "the board's chair, Maria Okafor, said the closure was overdue. "
        "The ferries will sail from the terminal in New Haven instead, and the new schedule "
        "starts in spring. A new terminal is planned.")


def _casing(body: str = BODY, title: str = "Old Ferry Terminal To Close") -> Casing:
    return Casing(lambda: ((title, body),))


def test_a_lead_in_takes_each_words_case_from_the_text() -> None:
    assert sentence_cased("THE HARBOUR BOARD said it would close the terminal.",
                          _casing()) == "The harbour board said it would close the terminal."
    # a word the text writes capitalised mid-sentence, an acronym kept in capitals
    assert sentence_cased("MARIA OKAFOR said the closure was overdue.",
                          _casing()) == "Maria Okafor said the closure was overdue."
    assert sentence_cased("THE FBI REPORT found the terminal unsafe.",
                          _casing()) == "The FBI report found the terminal unsafe."
    # a function word is lower case; a possessive keeps its word's case
    assert sentence_cased("WHEN THE FERRIES stop, the board will act.",
                          _casing()) == "When the ferries stop, the board will act."
    assert sentence_cased("THE BOARD'S CHAIR said so.", _casing()) == "The board's chair said so."


def test_a_word_capitalised_beside_its_neighbour_is_a_names() -> None:
    # "new" is lower case alone in the text, "New Haven" is a name
    assert sentence_cased("THE NEW HAVEN terminal will open.",
                          _casing()) == "The New Haven terminal will open."
    assert sentence_cased("A NEW TERMINAL is planned.", _casing()) == "A new terminal is planned."


def test_a_run_of_capitals_is_no_evidence_of_its_own_case() -> None:
    # the lead-in itself is in the text: "HALF A" side by side is no name
    body = "NEARLY HALF A decade ago, the board closed the pier. It was nearly half empty then."
    assert sentence_cased("NEARLY HALF A decade ago, the board closed the pier.",
                          _casing(body)) == "Nearly half a decade ago, the board closed the pier."


def test_a_case_found_nowhere_leaves_the_sentence_as_written() -> None:
    for sentence in ("NANCY PELOSI said the closure was overdue.",  # never guess a name
                     "THE HARBOUR BOARD’S CHAIRWOMAN said so."):  # 'chairwoman' unseen
        assert sentence_cased(sentence, _casing()) == sentence


def test_only_two_words_in_capitals_at_the_start_before_a_lower_case_word() -> None:
    for sentence in ("A U.S. judge said the terminal was unsafe.",  # one word in capitals
                     "FBI agents said the terminal was unsafe.",
                     "THE HARBOUR BOARD, it said, would act.",  # no lower-case word next
                     "NEW HAVEN — The board said so.",  # a dateline
                     "The board said THE FERRIES would stop.",  # not at the start
                     "“THE BOARD has failed us,” she said."):  # a quotation's emphasis
        assert sentence_cased(sentence, _casing()) == sentence


def test_the_week_lends_its_texts_where_the_article_is_silent(
        make_article: MakeArticle) -> None:
    lead = make_article("THE HARBOUR BOARD said on Monday it would close the terminal. "
                        "Nobody objected.", title="Terminal to close")
    other = make_article(BODY, source="Other", title="The ferry moves")
    alone = read([lead])[0].lines[0].plain
    assert alone.startswith("THE HARBOUR BOARD said")
    assert read([lead, other])[0].lines[0].plain.startswith("The harbour board said")


def test_the_paragraph_prints_the_lead_in_cased(make_article: MakeArticle) -> None:
    art = make_article("THE HARBOUR BOARD said on Monday that it would close the old ferry "
                       "terminal after an inspection found rust. The board said the harbour "
                       "would stay open to other ships while the terminal is rebuilt.",
                       title="Old ferry terminal to close")
    printed = " ".join(s.text for s in paragraph_for([art], {}, language="en"))
    assert printed.startswith("The harbour board said on Monday")


TRICKY = ("The new terminal in New Haven opens; the NEW HAVEN board, Trump’s pick and "
          "O'Brien's COVID-19 plan (the the the) sail from New  Haven, new-haven and U.S. "
          "waters. ſun Sun sun, \u212aelvin kelvin, İt it.")


@pytest.mark.parametrize("key", ["the", "new", "haven", "trump’s", "o'brien's", "covid-19",
                                 "sun", "kelvin", "it", "u.s.", "plan"])
def test_the_index_finds_a_word_where_a_search_would(key: str) -> None:
    # A word is looked up in the text's index of written words (`written`), never searched
    # for: the same places, in either case, as a whole word, where a search finds them.
    index = written(TRICKY)
    assert list(index.find(key)) == [m.span() for m in _search(re.escape(key)).finditer(TRICKY)]
    for second in ("the", "haven", "waters", "plan"):
        pattern = _search(rf"({re.escape(key)}) ({re.escape(second)})")
        assert list(index.pairs(key, second)) == [(m.span(1), m.span(2))
                                                  for m in pattern.finditer(TRICKY)]
