"""Markup nested past libxml2's limit (2,048 levels: the parser stops there and the rest of
the page is lost) is made shallow and cleaned, not returned empty."""

from __future__ import annotations

import time

import pytest

from digest.clean import clean
from digest.clean.depth import MAX_DEPTH, flattened

TEXT = "The harbour authority approved a new crane contract on Monday. " * 8
AFTER = "After the nest the article goes on about the port workers and their union. " * 4


@pytest.mark.parametrize("levels", [2_500, 100_000])
def test_a_page_nested_past_the_parsers_limit_keeps_its_text(levels: int) -> None:
    html = (f"<html><head><title>Deep</title></head><body>{'<div>' * levels}<p>{TEXT}</p>"
            f"{'</div>' * levels}<p>{AFTER}</p></body></html>")
    started = time.perf_counter()
    page = clean(html, "http://127.0.0.1/deep")
    assert [p[:20] for p in page.paragraphs] == [TEXT[:20], AFTER[:20]]
    assert time.perf_counter() - started < 5


def test_unclosed_tags_in_every_paragraph_lose_nothing() -> None:
    """A <font> left open in each of 3,000 paragraphs nests them 3,000 deep."""
    html = "<html><body>" + "".join(
        f"<font><p>Paragraph {n} of the long report on the harbour cranes and the port.</p>"
        for n in range(3_000)) + "</body></html>"
    page = clean(html, "http://127.0.0.1/fonts")
    assert "Paragraph 2999" in page.text


def test_flattening_keeps_shallow_markup_and_is_bounded() -> None:
    shallow = b"<div><p>a</p><br><p>b</div>"
    assert flattened(shallow) is shallow
    deep = b"<div>" * (MAX_DEPTH + 5) + b"<p>x</p>" + b"</div>" * (MAX_DEPTH + 5)
    assert flattened(deep) == b"<div>" * MAX_DEPTH + b"x" + b"</div>" * MAX_DEPTH
