"""Distinct articles of one source that share a body stay distinct in the store.

A feed whose items all carry one boilerplate teaser (or a podcast's show notes), with pages
that could not be fetched, gives each headline the same body. Matching by the body alone
stored one row for all of them, its title overwritten by the last: every other article lost.
A feed whose GUIDs and links change on every fetch repeats its title with its body, and is
still matched."""

from __future__ import annotations

from datetime import UTC, datetime

from digest import periods
from digest.models import Article, FetchResult, FetchState, Source
from digest.store import open_store

NOW = datetime(2026, 3, 4, 12, tzinfo=UTC)
SOURCE = Source(name="One", url="http://127.0.0.1/feed")
TEASER = "Short teaser…"


def _result() -> FetchResult:
    return FetchResult(source=SOURCE, status="ok",
                       state=FetchState(source="One", url=SOURCE.url), http_status=200)


def _article(n: int, title: str) -> tuple[Article, str]:
    return Article(source="One", guid=f"g{n}", url=f"http://x/{n}", title=title,
                   paragraphs=(TEASER,), published=NOW, first_seen=NOW,
                   content_hash="h-teaser"), f"x/{n}"


def test_articles_sharing_a_body_under_other_titles_are_each_kept(backend: str) -> None:
    store = open_store(backend)
    batch = [_article(n, f"Headline number {n}") for n in range(5)]
    assert store.save_fetch(_result(), batch, NOW).counts == {"new": 5}
    stored = store.articles_for(periods.week("2026-W10", "UTC"))
    assert sorted((a.guid, a.title) for a in stored) == [
        (f"g{n}", f"Headline number {n}") for n in range(5)]
    # a second fetch of the same feed changes nothing
    assert store.save_fetch(_result(), batch, NOW).counts == {"unchanged": 5}


def test_a_new_guid_and_link_with_the_same_title_and_body_is_the_same_article(
        backend: str) -> None:
    store = open_store(backend)
    store.save_fetch(_result(), [_article(1, "The same story")], NOW)
    assert store.save_fetch(_result(), [_article(2, "The same story")], NOW).counts == {
        "unchanged": 1}
    assert store.count_articles() == 1
