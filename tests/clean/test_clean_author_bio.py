"""A bio of the page's author, opening with the name its metadata gives, at either end of
the body (digest.clean.rules: `author_bio`). Pages written for these tests (never copied
from a benchmark)."""

from __future__ import annotations

import pytest

from digest.clean import clean
from digest.clean.rules import author_bio

from .test_clean_open_web import S as HARBOUR

# the harbour story the open-web tests use, its first four sentences (one home)
S = HARBOUR[:4]


MIDDLE = "Ines Calloway has asked the board twice for the survey and has not had it."
NAMED_BIO_PAGE = f"""<html><head><title>Quay to be extended</title>
<meta name="author" content="Ines Calloway"></head><body><article><h1>Quay to be extended</h1>
<p>Ines Calloway covers ports and shipping for the Quayside Post.</p>
<p>{S[0]}</p><p>{S[1]}</p><p>{MIDDLE}</p><p>{S[2]}</p><p>{S[3]}</p><p>{S[0][:60]}.</p>
<p>Ines Calloway is a senior fellow at the Coastal Institute.</p>
</article></body></html>"""


def test_a_bio_opening_with_the_authors_name_goes_at_either_end() -> None:
    page = clean(NAMED_BIO_PAGE, "https://quay.example/news/extension")
    assert page.author == "Ines Calloway"
    bios = [r.text for r in page.removed if r.rule == "author_bio"]
    assert bios == ["Ines Calloway covers ports and shipping for the Quayside Post.",
                    "Ines Calloway is a senior fellow at the Coastal Institute."]
    assert MIDDLE in page.paragraphs  # mid-article, the name opens the article's sentence


@pytest.mark.parametrize(("author", "text", "bio"), [
    ("Ines Calloway", "Ines Calloway has tested forty ferry apps.", True),
    ("Ines Calloway and Tom Averly", "Tom Averly is a harbour pilot.", True),
    ("Ines Calloway", "Ines Calloway, the harbour master said, is wrong.", False),
    ("Quayside", "Quayside is the paper of the coast.", False),  # one word: a brand
    (None, "Ines Calloway is a reporter.", False),
])
def test_author_bio_pattern(author: str | None, text: str, bio: bool) -> None:
    pattern = author_bio(author)
    assert (pattern is not None and pattern.match(text) is not None) == bio
