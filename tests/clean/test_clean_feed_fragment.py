"""A feed entry's content (content:encoded, Atom content, JSON Feed content_html): a fragment,
already the article, cleaned of the junk publishers put inside it, titled by the entry."""

from __future__ import annotations

from digest.clean import clean
from digest.models import CleanedPage

LEDE = "The council will close the old harbour crane yard by June."
SECOND = ("The yard, which employs forty people, has lost money for six years, according to "
          "the port authority's accounts, and its two cranes are too small for modern ships.")
THIRD = ("Workers will be offered jobs at the new container terminal, the council said, and "
         "the site will be sold to a housing association once the cranes are removed.")


def _rules(page: CleanedPage) -> set[str]:
    return {r.rule for r in page.removed}


def test_a_one_sentence_lede_stays_when_the_entry_has_a_title() -> None:
    html = f"<p>{LEDE}</p><p>{SECOND}</p><p>{THIRD}</p>"
    page = clean(html, "https://harbour.example/yard", title="Crane yard to close")
    assert page.paragraphs == (LEDE, SECOND, THIRD)
    assert page.title == "Crane yard to close"
    # without a title, one is derived from the body, as for any text without one
    assert clean(html).paragraphs == (SECOND, THIRD)


def test_a_heading_repeating_the_entry_title_goes() -> None:
    html = f"<h2>Crane yard to close</h2><p>{LEDE}</p><h2>What happens next</h2><p>{SECOND}</p>"
    page = clean(html, title="Crane  yard to close ")
    assert page.paragraphs == (LEDE, "What happens next", SECOND)
    assert _rules(page) == {"repeated_title"}


def test_a_document_title_wins_over_the_callers() -> None:
    html = ("<html><head><title>Crane yard to close</title></head><body><article>"
            f"<p>{LEDE}</p><p>{SECOND}</p><p>{THIRD}</p></article></body></html>")
    assert clean(html, title="Something else").title == "Crane yard to close"


def test_junk_inside_feed_content_is_removed() -> None:
    html = (f"<p>{LEDE}</p>"
            "<p>BTC $67,120.44 ▲1.2% ETH $3,410.02 ▼0.4%</p>"
            f"<p>{SECOND}</p>"
            "<p>Share this story Facebook X WhatsApp</p>"
            "<h3>Which Altcoins Should You Buy This Week?</h3>"
            "<ul><li>Early-bird presale with a 20% bonus</li>"
            "<li>Claim your airdrop tokens before the listing</li></ul>"
            f"<p>{THIRD}</p>"
            "<p>Back to the top ↑</p>"
            "<p>The post Crane yard to close appeared first on Harbour Gazette.</p>")
    page = clean(html, "https://harbour.example/yard", title="Crane yard to close")
    assert page.paragraphs == (LEDE, SECOND, THIRD)
    assert _rules(page) == {"ticker", "share_row", "promo", "back_to_top", "syndication"}


def test_chinese_feed_content() -> None:
    html = ("<p>据港务局统计，今年一季度集装箱吞吐量同比增长三成，其中出口表现尤为突出。</p>"
            "<p>上证指数 3,050.12 +0.52%</p><p>返回顶部</p>"
            "<p>业内人士认为，新码头的启用是推动吞吐量增长的重要因素。</p>")
    page = clean(html, title="港口吞吐量创新高")
    assert page.paragraphs == ("据港务局统计，今年一季度集装箱吞吐量同比增长三成，其中出口表现尤为突出。",
                               "业内人士认为，新码头的启用是推动吞吐量增长的重要因素。")
    assert page.language == "zh"
    assert _rules(page) == {"ticker", "back_to_top"}


def test_text_only_a_screen_reader_reads_goes() -> None:
    """"Opens a New Window." inside a link, WordPress's screen-reader "Continue reading" title
    and a skip link are hidden from the eye: they never reach the article, in a fragment or in
    a page; a class that merely contains the word ("sr-only-note") is not one of them."""
    html = (f'<p><a href="https://harbour.example/c">The council</a><span class="sr-only">'
            f'Opens a New Window.</span> will close the old harbour crane yard by June.</p>'
            f'<p>{SECOND}</p><p class="sr-only-note">{THIRD}</p>'
            '<p><span class="screen-reader-text">Crane yard to close</span></p>')
    page = clean(html, "https://harbour.example/yard", title="Crane yard to close")
    assert page.paragraphs == (LEDE, SECOND, THIRD)
    doc = ('<html><head><title>Crane yard to close</title></head><body>'
           '<a class="visually-hidden" href="#main">Skip to content</a><article>'
           f'<p>{LEDE}</p><p>{SECOND}<span class="visuallyhidden"> Opens in a new tab</span></p>'
           f'<p>{THIRD}</p></article></body></html>')
    assert clean(doc, "https://harbour.example/yard").paragraphs == (LEDE, SECOND, THIRD)


def test_a_hidden_class_written_with_character_references_still_hides() -> None:
    """The class is what the browser reads, references decoded: class="sr&#45;only" is
    sr-only, and its text is no more seen than when it is written plainly."""
    html = (f'<p><a href="https://harbour.example/c">The council</a><span class="sr&#45;only">'
            f'Opens a New Window.</span> will close the old harbour crane yard by June.</p>'
            f'<p>{SECOND}</p>'
            '<p><span class="link &#115;creen-reader-text">Crane yard to close</span></p>'
            f'<p>{THIRD}</p>')
    page = clean(html, "https://harbour.example/yard", title="Crane yard to close")
    assert page.paragraphs == (LEDE, SECOND, THIRD)
