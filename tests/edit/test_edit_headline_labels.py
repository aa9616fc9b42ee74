"""A title's label that says whose verdict or view it is (digest.edit.headline.labels, session
39): stripped, "AP FACT CHECK: …" would print the desk's verdict as the newsletter's own. A
report's title goes first; a labelled title still printed keeps its label in the newsletter's
words. Every title here is made up for the test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from digest.edit.headline import clean_title, headline_for
from digest.edit.headline.column import columns, is_column_title, labelled
from digest.edit.headline.labels import label_of
from digest.edit.headline.score import candidates
from digest.edit.proof import headline_strikes
from digest.models import Article

MakeArticle = Callable[..., Article]


@pytest.mark.parametrize(("title", "prints", "rest"), [
    ("AP FACT CHECK: Hale's harbour toll sums don't add up", "Fact check",
     "Hale's harbour toll sums don't add up"),
    ("CNN Fact Check: Hale's harbour toll sums don't add up", "Fact check",
     "Hale's harbour toll sums don't add up"),
    ("Fact-check: Hale's harbour toll sums don't add up", "Fact check",
     "Hale's harbour toll sums don't add up"),
    ("Reality Check: Hale's harbour toll sums", "Reality check", "Hale's harbour toll sums"),
    ("ANALYSIS: Hale's ferry deal leaves the port exposed", "Analysis",
     "Hale's ferry deal leaves the port exposed"),
    ("News Analysis | Hale's ferry deal leaves the port exposed", "Analysis",
     "Hale's ferry deal leaves the port exposed"),
    ("The Memo: Hale's week of ferry trouble", "Analysis", "Hale's week of ferry trouble"),
    ("OPINION: Oakfield deserves a better ferry", "Opinion", "Oakfield deserves a better ferry"),
    ("Perspective | The ferry that never came", "Opinion", "The ferry that never came"),
    ("Commentary: The ferry that never came", "Opinion", "The ferry that never came"),
    ("Editorial: Oakfield deserves a better ferry", "Opinion",
     "Oakfield deserves a better ferry"),
    ("Oakfield deserves a better ferry (Op-Ed)", "Opinion", "Oakfield deserves a better ferry"),
    ("Oakfield deserves a better ferry | Opinion", "Opinion", "Oakfield deserves a better ferry"),
    ("REVIEW: 'The Last Ferry' sinks in its second act", "Review",
     "'The Last Ferry' sinks in its second act"),
])
def test_a_label_is_read_and_goes_from_the_cleaned_title(title: str, prints: str,
                                                         rest: str) -> None:
    label = label_of(title)
    assert label is not None and label.prints == prints
    assert clean_title(title) == rest


@pytest.mark.parametrize("title", [
    # a kicker, a title whose words only look like a label, a label word inside the title
    "WATCH: Oakfield opens its ferry lane",
    "Harbour review: board to audit ferry tolls",
    "FBI review: agents misled the harbour court",
    "Oakfield opinion poll backs the ferry lane",
    "Analysis of ferry tolls shows a shortfall",
    "Explainer: How Oakfield's ferry tolls work",
])
def test_no_verdict_or_view_label(title: str) -> None:
    assert label_of(title) is None


def test_a_fact_check_gives_way_to_a_report(make_article: MakeArticle) -> None:
    # The fact check's title says what the others say, but it is the desk's verdict: the
    # report's title is printed instead.
    arts = [
        make_article("Governor Hale said on Monday that harbour tolls pay for the ferry.",
                     source="A", title="AP FACT CHECK: Hale's harbour tolls don't pay for ferry"),
        make_article("Governor Hale on Monday defended the harbour tolls.", source="B",
                     title="Hale defends harbour tolls"),
        make_article("Hale defended the harbour tolls, which pay for the ferry, he said.",
                     source="C", title="Hale says harbour tolls pay for ferry"),
    ]
    head = headline_for(arts, language="en")
    assert head in {"Hale defends harbour tolls", "Hale says harbour tolls pay for ferry"}


def test_a_labelled_title_still_printed_keeps_its_label(make_article: MakeArticle) -> None:
    # Alone, or when every title is labelled, the label stays, in the newsletter's words:
    # no outlet's name, sentence case; every clause of the title keeps it too.
    check = make_article("Governor Hale said the tolls pay for the ferry. They do not.",
                         source="A", title="AP FACT CHECK: Hale's harbour toll sums don't add up")
    assert headline_for([check], language="en") == "Fact check: Hale's harbour toll sums don't add up"
    view = make_article("The ferry deal will cost Oakfield dearly.", source="B",
                        title="OPINION: Oakfield's ferry deal: a bad bargain for the harbour")
    texts = [c.text for c in candidates([check, view], language="en")]
    assert texts and all(t.startswith(("Fact check: ", "Opinion: ", "Opinion — ")) for t in texts)
    assert "Opinion: A bad bargain for the harbour" in texts
    # a title with a colon of its own: the label before a dash, never two colons (session 40)
    assert "Opinion — Oakfield's ferry deal: a bad bargain for the harbour" in texts
    assert not any(t.count(":") > 1 for t in texts)
    assert not headline_strikes("Opinion — Oakfield's ferry deal: a bad bargain for the harbour")
    assert not headline_strikes("Fact check: Hale's harbour toll sums don't add up")
    assert headline_strikes("WATCH: Hale's harbour toll sums don't add up")


def test_a_credited_view_goes_before_an_uncredited_one(make_article: MakeArticle) -> None:
    # No report's title: a labelled analysis, printed under its label, says whose the reading
    # is; a column's title printed bare would make the verdict ours.
    arts = [
        make_article("Hale's ferry deal leaves the harbour exposed to rising tolls.", source="A",
                     title="Analysis: Hale's ferry deal leaves the harbour exposed"),
        make_article("Hale's ferry deal is a disaster for the harbour and its tolls.", source="B",
                     title="Hale's truly awful ferry deal for the harbour"),
    ]
    assert is_column_title(clean_title(arts[1].title))
    assert headline_for(arts, language="en") == (
        "Analysis: Hale's ferry deal leaves the harbour exposed")


def test_only_a_view_label_makes_a_columns_title(make_article: MakeArticle) -> None:
    # A column's lines are its writer's view (write/: credited); an analysis or a fact check
    # is a news desk's, read as news.
    assert labelled("Perspective | The ferry that never came")
    assert labelled("Oakfield deserves a better ferry (Op-Ed)")
    assert not labelled("Analysis: Hale's ferry deal leaves the harbour exposed")
    assert not labelled("FACT CHECK: Hale's harbour toll sums don't add up")
    arts = [make_article("The ferry never came.", source="A",
                         title="Perspective | The ferry that never came"),
            make_article("The ferry was cancelled.", source="B", title="Oakfield ferry cancelled")]
    assert columns(arts) == {0}


def test_absolutely_grades_a_judgement() -> None:
    assert is_column_title("Hale absolutely right to scrap the harbour tolls")
    assert not is_column_title("Hale says he is 'absolutely right' to scrap the harbour tolls")
