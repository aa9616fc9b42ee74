"""A bare headline's URL slug joins its clustering text (group.labels.url_words)."""

from __future__ import annotations

from collections.abc import Callable

from digest.edit.group import story_labels
from digest.edit.group.labels import represent, url_words
from digest.models import Article

MakeArticle = Callable[..., Article]


def test_url_words_reads_the_slug_not_sections_ids_or_queries() -> None:
    assert url_words("https://news.example/business/money/la-fi-fed-plosser-stimulus-20140310,0,"
                     "1312750.story?track=rss") == "la fi fed plosser stimulus"
    assert url_words("https://news.example/2014/03/10/mtgox_files_bankruptcy_us_1million/") == \
        "mtgox files bankruptcy us"
    assert url_words("https://news.example/videos/money/business/2014/03/10/6252067/") == ""
    assert url_words("https://news.example/article/3112102?title=a-b-c-d") == ""
    assert url_words("https://news.example/a/b1c2d3-e4f5-g6h7-i8j9-k0") == ""  # an id
    assert url_words("https://news.example/2026/%E4%BA%BA%E5%B7%A5-%E6%99%BA%E8%83%BD-"
                     "%E5%A4%A7%E4%BC%9A.html") == "人工 智能 大会"


def test_only_a_bare_headline_reads_its_slug(make_article: MakeArticle) -> None:
    url = "https://news.example/2026/11/17/harbour-bridge-closed-after-ferry-collision"
    bare = make_article((), title="Traffic chaos downtown", url=url)
    full = make_article("The bridge shut at dawn after a ferry struck a pier.",
                        title="Traffic chaos downtown", url=url + "-2")
    rep = represent([bare, full])
    assert rep.titles[0].endswith("harbour bridge closed after ferry collision")
    assert "ferry collision" not in rep.titles[1] and rep.leads[1]


def test_two_headlines_of_one_event_join_through_their_slugs(make_article: MakeArticle) -> None:
    week = [("Pizza chain files again", "sbarro-pizza-chain-files-for-bankruptcy-again"),
            ("Sbarro seeks court protection", "sbarro-seeks-chapter-11-bankruptcy-protection"),
            ("Comet flyby dazzles observers", "comet-flyby-dazzles-night-sky-observers"),
            ("Orchestra tours northern towns", "national-orchestra-tours-northern-towns")]

    def labels(with_slug: bool) -> tuple[int, ...]:
        return story_labels([make_article((), title=t, url=f"https://n{k}.example/2026/11/"
                                          f"{slug if with_slug else k * 1000 + 7}")
                             for k, (t, slug) in enumerate(week)]).labels

    plain = labels(with_slug=False)
    assert plain[0] != plain[1], "precondition: the titles alone share no word"
    slugged = labels(with_slug=True)
    assert slugged[0] == slugged[1]
    assert len({slugged[0], slugged[2], slugged[3]}) == 3
