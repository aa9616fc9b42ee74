from __future__ import annotations

from digest.clean import clean
from digest.models import CleanedPage


def _rules(page: CleanedPage) -> list[str]:
    return [r.rule for r in page.removed]


def test_text_path_title_body_and_junk(text_doc: str, real_sentences: list[str]) -> None:
    page = clean(text_doc, text=True)
    assert page.title == "Harbour channel to be dredged for bigger ships"
    assert list(page.paragraphs) == real_sentences
    rules = _rules(page) + [r for extra in page.appended for r in _rules(extra)]
    for rule in ("image_credit", "ticker", "promo", "follow_us", "tag_row", "source_line"):
        assert rule in rules


def test_source_line_becomes_canonical_url(text_doc: str) -> None:
    page = clean(text_doc, text=True)
    assert page.canonical_url == "https://courier.example/news/harbour-dredging"
    assert "Source:" not in page.text


def test_appended_article_is_split_out_not_glued(text_doc: str) -> None:
    page = clean(text_doc, text=True)
    assert "cycle lanes" not in page.text
    assert len(page.appended) == 1
    extra = page.appended[0]
    assert extra.title == "Council approves new cycle lanes on the ring road"
    assert len(extra.paragraphs) == 2
    assert "XRP" not in extra.text


def test_first_line_that_reads_like_body_stays_in_the_body() -> None:
    doc = ("The museum reopened its east wing on Saturday after a two-year renovation that "
           "restored the original skylights and added step-free access.\n\n"
           "Visitors queued from early morning, and staff said the first thousand tickets were "
           "gone before noon.\n")
    page = clean(doc, text=True)
    # the title is derived from the first sentence (tests/clean/test_clean_text_title.py);
    # the sentence itself is not taken out of the body
    assert page.title.startswith("The museum reopened its east wing")
    assert len(page.paragraphs) == 2
    assert page.paragraphs[0].startswith("The museum reopened")
    assert page.removed == ()


def test_newsletter_greeting_and_sign_off_only_when_asked() -> None:
    doc = ("Hi everyone, and welcome back to Grid Notes, where this week I look at battery "
           "storage auctions and a new transmission line.\n"
           "Happy reading!\n"
           "Mina Okafor (Editor, Grid Notes)\n"
           "Storage Wins Big\n"
           "Three battery projects won contracts in the latest capacity auction, beating two gas "
           "peakers on price for the first time.\n"
           "Thanks for reading, see you next week.\n")
    plain = clean(doc, text=True)
    assert "Happy reading!" in plain.text
    letter = clean(doc, text=True, newsletter=True)
    # with the greeting gone, the lead story's headline names the issue
    assert letter.title == "Storage Wins Big"
    assert letter.paragraphs == (
        "Three battery projects won contracts in the latest capacity auction, beating two gas "
        "peakers on price for the first time.",)
    assert {"greeting", "sign_off", "byline"} <= set(_rules(letter))


def test_roundup_with_back_to_top_stays_one_article() -> None:
    doc = ("Two stories from the week\n\n"
           + "Ports in the north reported record grain exports in the spring quarter, helped by "
           "a late harvest and lower freight rates on the main routes. " * 3 + "\n\n"
           "Back to top ↑\n\n"
           "Rail freight slows\n\n"
           + "Rail operators said freight volumes fell for a second month as steel mills cut "
           "output, and two operators warned that they would idle some locomotives. " * 3 + "\n\n"
           "In order for logistics to thrive, it needs blockchain. Check out LedgerWire’s "
           "coverage on this emerging tech to learn more.\n\n"
           "Watch: How tokenised freight invoices work\n\n"
           "title=”YouTube video player” frameborder=”0″ allow=”accelerometer; autoplay” "
           "allowfullscreen=””>\n")
    page = clean(doc, text=True)
    assert page.appended == ()
    assert page.paragraphs[-1].startswith("Rail operators said")
    assert {"back_to_top", "self_promo", "watch_promo", "embed_debris"} <= set(_rules(page))


def test_repeated_headline_inside_body_is_dropped() -> None:
    doc = ("Wind farm approved off the coast\n\n"
           "The regulator approved a forty-turbine wind farm twenty kilometres off the coast.\n\n"
           "Wind farm approved off the coast\n\n"
           "Construction could begin next year if financing is secured in time.\n")
    page = clean(doc, text=True)
    assert len(page.paragraphs) == 2
    assert "repeated_title" in _rules(page)
