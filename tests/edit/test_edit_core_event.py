"""A story is written from its core event (core_event.writing_set): when grouping joins two events
that share their actors, the paragraph and headline read only the articles close to the
story's central one, and every member is still cited. Every text is made up for the test."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from digest.edit.core_event import off_core, writing_set
from digest.edit.group import story_labels
from digest.edit.week import Verdict, Week, entity_index, read
from digest.models import Article

MakeArticle = Callable[..., Article]

LEAVES = [
    ("Marla Quint to leave as Velland press secretary",
     "Marla Quint, the Velland palace press secretary, said on Tuesday she would leave her post "
     "next month after three years speaking for Governor Aldo Brisk. Quint told staff she "
     "resigned to start a consultancy. Brisk praised her loyalty."),
    ("Velland press secretary Quint resigns",
     "Press secretary Marla Quint resigned on Tuesday, the Velland palace said, ending three years "
     "as Governor Aldo Brisk's spokeswoman. Quint will leave next month to start a consultancy, "
     "and her deputy will speak for the palace until a successor is named."),
    ("Quint quits as Brisk's spokeswoman",
     "Marla Quint resigned as press secretary on Tuesday, the latest departure from Governor Aldo "
     "Brisk's palace in Velland. Quint, who spoke for the palace for three years, said she would "
     "leave next month to start a consultancy of her own."),
    ("Brisk loses press secretary Marla Quint",
     "Governor Aldo Brisk's press secretary, Marla Quint, resigned on Tuesday and will leave the "
     "Velland palace next month. Quint said she wanted to start a consultancy after three years "
     "as the palace's spokeswoman."),
]
OUSTED = [
    ("Velland guard chief Toma Reyes ousted",
     "Governor Aldo Brisk on Thursday ousted Toma Reyes, commander of the Velland palace guard, "
     "after an audit found the guard's armoury records missing. Reyes had led the 900-strong "
     "guard since 2019."),
    ("Brisk fires guard commander Reyes over armoury audit",
     "The commander of the palace guard, Toma Reyes, was ousted on Thursday by Governor Aldo "
     "Brisk after auditors could not find the armoury records. The 900-strong guard will be led "
     "by his deputy."),
]


def _week(articles: Sequence[Article]) -> Week:
    reads = read(articles)
    week = Week(reads, tuple(Verdict() for _ in reads), entity_index(reads))
    grouping = story_labels(articles)
    assert grouping.rows is not None
    labels = [0] * len(articles)  # one story, as a merge of grouping's would make it
    return replace(week, aside=off_core(labels, grouping.rows, reads))


def _made(make: MakeArticle, pairs: Sequence[tuple[str, str]], first: int) -> list[Article]:
    outlets = ["Left Post", "Centre Wire", "Right Herald"]
    return [make(text, title=title, source=outlets[k % 3], day=1 + 0.1 * k)
            for k, (title, text) in enumerate(pairs, start=first)]


def test_a_merged_story_is_written_from_its_core_event(make_article: MakeArticle) -> None:
    articles = _made(make_article, LEAVES, 0) + _made(make_article, OUSTED, len(LEAVES))
    week = _week(articles)
    written = {r.title for r in writing_set(week, range(len(articles)), 12)}
    assert written == {title for title, _ in LEAVES}


def test_a_one_event_story_keeps_every_article(make_article: MakeArticle) -> None:
    articles = _made(make_article, LEAVES, 0)
    week = _week(articles)
    assert len(writing_set(week, range(len(articles)), 12)) == len(LEAVES)
