"""A credit the sentence before gave is never printed again right after it
(digest.edit.write.trim.credited_once): "According to X, A. According to X, B." reads
"According to X, A. B."; another outlet's sentence between them ends the first credit."""

from __future__ import annotations

from collections.abc import Callable

from digest.edit.write.attribution import attribute
from digest.edit.write.paragraph import paragraph_for
from digest.edit.write.trim import Printed, credited_once
from digest.models import Article

MakeArticle = Callable[..., Article]

A = "It is simply absurd to end the night ferry."
B = "Sadly, the board will vote on it in May."
FACT = "The ferry carried 9,000 passengers last year."


def test_a_credit_is_given_once_in_a_row() -> None:
    a, b = attribute(A, "Gazette"), attribute(B, "Gazette")
    assert "according to gazette" in a.lower()
    assert "according to gazette" in b.lower()
    assert credited_once([Printed(a, A, "Gazette"), Printed(b, B, "Gazette")]) == [a, B]
    # a fact of the same outlet between them: its account goes on under the first credit
    assert credited_once([Printed(a, A, "Gazette"), Printed(FACT, FACT, "Gazette"),
                          Printed(b, B, "Gazette")]) == [a, FACT, B]
    # another outlet's sentence between them: the credit is given again
    assert credited_once([Printed(a, A, "Gazette"), Printed(FACT, FACT, "Herald"),
                          Printed(b, B, "Gazette")]) == [a, FACT, b]
    # another outlet's credit is its own
    c = attribute(B, "Herald")
    assert credited_once([Printed(a, A, "Gazette"), Printed(c, B, "Herald")]) == [a, c]


def test_a_one_article_paragraph_credits_its_outlet_once(make_article: MakeArticle) -> None:
    art = make_article(("Carthen's harbour board met on Monday to weigh the night ferry to "
                        "Oakfield. It is simply absurd to end a ferry that 9,000 people took "
                        "last year. Sadly, the board seems ready to vote for the cut in May.",),
                       source="Gazette", title="Carthen weighs the night ferry")
    texts = [s.text for s in paragraph_for([art], {}, language="en")]
    assert sum("according to gazette" in t.lower() for t in texts) == 1, texts
