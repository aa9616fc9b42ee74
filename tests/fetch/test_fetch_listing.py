"""Article links on listing pages (`kind: page`), on layouts written for these tests: story
cards whose titles sit in the card's own <header>, an ASP.NET-style page wrapped in one
<form>, and a plain list of headlines under short slugs. Navigation, chrome, tag pages and
menus stay out."""

from __future__ import annotations

from digest.fetch.pages import article_links, parse_html

URL = "https://harbour.example/news/"
NAV = ("<nav><a href='/news/'>News</a><a href='/sport/'>Sport</a></nav>"
       "<header role='banner'><a href='/about-the-harbour-gazette'>About the Harbour Gazette"
       "</a></header>")
FOOT = ("<footer><a href='/privacy'>Privacy</a><a href='/contact-the-newsroom-team'>Contact the "
        "newsroom team</a></footer>")
STORIES = [("/news/quay-extension", "Quay extension approved by the board"),
           ("/news/ferry-fares", "Ferry fares to rise in the spring"),
           ("/news/oyster-beds", "Oyster beds reopen after the survey")]


def links(body: str) -> list[str]:
    doc = parse_html(f"<html><body>{body}</body></html>", URL)
    assert doc is not None
    return [u for u, _ in article_links(doc, URL)]


def expected() -> list[str]:
    return ["https://harbour.example" + path for path, _ in STORIES]


def test_story_cards_with_titles_in_the_card_header() -> None:
    cards = "".join(f"<article class='post'><header class='entry-header'><h2 class='entry-title'>"
                    f"<a href='{p}'>{t}</a></h2></header><footer class='entry-footer'>"
                    f"<a href='/tag/harbour'>harbour</a></footer></article>" for p, t in STORIES)
    assert links(NAV + f"<main>{cards}</main>" + FOOT) == expected()


def test_page_wrapped_in_one_form() -> None:
    items = "".join(f"<div class='item'><h3><a href='{p}'>{t}</a></h3></div>" for p, t in STORIES)
    page = (f"<form id='aspnetForm' method='post'><input type='hidden' name='__VIEWSTATE'>"
            f"{NAV}<h1>Latest news</h1><div id='content'>{items}</div>{FOOT}</form>")
    assert links(page) == expected()


def test_plain_list_of_headlines() -> None:
    items = "".join(f"<li><a href='{p}'>{t}</a></li>" for p, t in STORIES)
    menu = ("<ul class='sections'><li><a href='/news/local/'>Local</a></li>"
            "<li><a href='/news/world/'>World</a></li><li><a href='/news/region/'>Region</a>"
            "</li></ul>")
    assert links(NAV + f"<div class='col'>{menu}<ul class='latest'>{items}</ul></div>"
                 + FOOT) == expected()


def test_two_stray_headline_links_are_no_list() -> None:
    items = "".join(f"<li><a href='{p}'>{t}</a></li>" for p, t in STORIES[:2])
    assert links(f"<div><ul>{items}</ul></div>") == []


def test_chrome_and_sidebars_stay_out() -> None:
    cards = "".join(f"<article><h2><a href='{p}'>{t}</a></h2></article>" for p, t in STORIES)
    aside = ("<aside class='popular'><article><h3><a href='/news/most-read-story-of-the-week'>"
             "Most read story of the week</a></h3></article></aside>")
    assert links(NAV + f"<main>{cards}</main>" + aside + FOOT) == expected()
