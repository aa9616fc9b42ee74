"""The lead image is a web address or nothing: a page's og:image (or first article image)
of javascript:, vbscript: or file: was kept as the article's `image` and stored, for any
template or reader of the store that shows it to act on."""

from __future__ import annotations

import pytest

from digest.clean import clean

BODY = ("<article><h1>Cranes</h1>" + "<p>The harbour authority approved a new crane contract "
        "on Monday, ending a year of delays and disputes.</p>" * 6 + "{img}</article>")


@pytest.mark.parametrize("src", ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "vbscript:x",
                                 "file:///etc/passwd", "data:image/svg+xml;base64,PHN2Zz4="])
@pytest.mark.parametrize("where", ["og", "img"])
def test_an_image_that_is_no_web_address_is_dropped(src: str, where: str) -> None:
    head = f'<meta property="og:image" content="{src}">' if where == "og" else ""
    img = f'<img src="{src}">' if where == "img" else ""
    html = f"<html><head>{head}</head><body>{BODY.format(img=img)}</body></html>"
    assert clean(html, "http://127.0.0.1/a").image is None


def test_a_relative_image_becomes_a_web_address() -> None:
    html = f'<html><body>{BODY.format(img="<img src=/pics/crane.jpg>")}</body></html>'
    assert clean(html, "https://port.example/a").image == "https://port.example/pics/crane.jpg"
