"""Fuzz target: clean() on HTML and on plain text gives a CleanedPage or a CleanError.

Never another exception; the page's text is storable (valid UTF-8, no character an lxml tree
or SQLite refuses) and every output format of `digest clean` can print it."""

from __future__ import annotations

from fuzzkit import Corpus, budget, mutated
from hypothesis import example, given
from hypothesis import strategies as st

from digest.clean import FORMATS, clean, format_cleaned
from digest.errors import CleanError
from digest.models import CleanedPage

WORDS = ["The", "council", "approved", "a", "plan", "on", "Tuesday", "to", "dredge", "harbour",
         "said", "Bitcoin", "(BTC)", "$", "26,400.07", "0.64%", "Tagged", ":", "/", "Share",
         "Advertisement", "Read", "more:", "Subscribe", "newsletter", "Back", "to", "top", "↑",
         "图片来源", "广告", "人工智能", "。", "Image", "source:", "By", "Jane", "Roe", "Source:",
         "https://example.org/x", "©", "2026", "Hi", "everyone,", "Happy", "reading!", "&amp;",
         "&#xD800;", "&#0;", "&bogus;", "\x02", "\x0b", "\x0c", "\x1f", "\ufffe", "\u200b",
         "\u202e", "\ud800", "\r", "\t", "…", "Next", "article"]
SENTENCES = st.lists(st.sampled_from(WORDS), min_size=1, max_size=30).map(" ".join)
BLOCK_TAGS = ["p", "div", "li", "h1", "h2", "h3", "td", "tr", "blockquote", "pre", "figure",
              "figcaption", "article", "main", "section", "aside", "nav", "footer", "header",
              "ul", "ol", "table", "span", "a", "b", "em", "script", "style", "noscript",
              "iframe", "template", "svg", "textarea", "select", "button", "form", "math"]
ATTRIBUTES = ["", ' class="share"', ' class="ticker"', ' id="comments"', ' href="/x"',
              ' href="javascript:alert(1)"', ' style="display:none"', ' hidden', ' lang="zh"',
              ' src="data:text/html,x"', ' property="og:title" content="T"',
              ' datetime="2026-03-02T10:00:00Z"', ' xmlns="http://www.w3.org/1999/xhtml"']


@st.composite
def html_trees(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 6 if depth < 4 else 2))):
        kind = draw(st.sampled_from(["text", "element", "element", "raw"]))
        if kind == "text":
            parts.append(draw(SENTENCES))
        elif kind == "raw":
            parts.append(draw(st.sampled_from([
                "<!--", "-->", "<![CDATA[x]]>", "</p>", "<p", "<<", "<br>", "<img src=x>",
                "<meta charset='gbk'>", "<?xml version='1.0'?>", "&", "<!DOCTYPE html>",
                "<meta charset='idna'>", "<?xml version='1.0' encoding='utf-7'?>",
                "<base href='file:///'>", "<link rel='canonical' href=''>", "</html>", "<body>",
            ])))
        else:
            tag = draw(st.sampled_from(BLOCK_TAGS))
            inner = draw(html_trees(depth + 1)) if depth < 6 else draw(SENTENCES)
            close = draw(st.sampled_from([f"</{tag}>", f"</{tag}>", ""]))
            parts.append(f"<{tag}{draw(st.sampled_from(ATTRIBUTES))}>{inner}{close}")
    return "".join(parts)


@st.composite
def html_pages(draw: st.DrawFn) -> str:
    head = draw(st.sampled_from([
        "", "<html><head><title>A title | Site</title></head>",
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>T</title>"
        "<meta property='article:published_time' content='2026-03-02T10:00:00+08:00'>"
        "<link rel='canonical' href='https://example.org/a'></head>",
    ]))
    body = draw(html_trees())
    nest = draw(st.integers(0, 300))
    return f"{head}<body>{'<div>' * nest}{body}{'</div>' * nest}</body></html>"


SEED_PAGES = Corpus([
    ("<html><head><title>Harbour plan | Courier</title></head><body><article><h1>Harbour plan"
     "</h1><p>By Jane Roe · 3 min read</p><p>The council approved a plan on Tuesday to dredge "
     "the harbour channel for bigger ships, officials said.</p><p>Image source: Pixabay</p>"
     "<p>Tagged : / / / / /</p><h2>Court fines chatbot maker</h2><p>A court fined a chatbot "
     "maker on Monday after its assistant invented quotes during a campaign.</p><p>The company "
     "said it would appeal the ruling and add a correction notice to every answer.</p>"
     "<p>Bitcoin (BTC) $ 26,400.07 0.64%</p></article></body></html>").encode(),
    (b"Harbour plan\n\nThe council approved a plan on Tuesday to dredge the harbour.\n\n"
     b"Picture credit: Alamy\n\nSOL $171.02 +3.4%\n\nTags : / / /\n\nFollow us on Telegram."
     ),
    "<p>人工智能产业发展联盟周二发布了新的安全标准。</p><p>广告</p><p>责任编辑：王小明</p>".encode(),
])
FRAGMENTS = [b"<script>", b"</script>", b"\x02", b"\x0b", b"\x00", b"\xff", b"\xc3", b"<p>",
             b"</p>", b"<div>", b"<h2>", b"</h2>", b"<!--", b"&#xD800;", b"<noscript>",
             b"</noscript>", b"<style>", b"<iframe>", b"\xef\xbb\xbf", b"<meta charset='big5'>",
             b"<meta charset='idna'>", b"<meta charset='unicode_escape'>", b"\\ud800",
             b"Tagged : / / /", b"Read more:", b"\r\n"]
DOCUMENTS = st.one_of(
    html_pages(),
    st.lists(SENTENCES, max_size=12).map("\n\n".join),
    mutated(SEED_PAGES, FRAGMENTS),
    st.text(max_size=300),
    st.binary(max_size=300),
)


def _check_page(page: CleanedPage) -> None:
    assert isinstance(page.title, str) and isinstance(page.paragraphs, tuple)
    for text in (page.title, *page.paragraphs, *(r.text for r in page.removed)):
        assert isinstance(text, str)
        text.encode("utf-8")  # storable: no half surrogate pairs
    for extra in page.appended:
        _check_page(extra)


@budget(500)
@given(DOCUMENTS, st.booleans(), st.booleans())
# Crash inputs, kept (each also has a named test in tests/clean/test_clean_bad_input.py):
@example("<p>Short lead.</p><script>var x = 1;</script>\x02after", False, False)  # ValueError
@example("<p>x</p><iframe></iframe>a\x0bb", False, False)  # ValueError (lxml tail)
@example("Half a pair \ud800 in plain text, long enough to be a paragraph.", True, False)
@example(b"<meta charset='idna'><p>Caf\xe9 owners said rents rose.</p>", False, False)
def test_clean_gives_a_page_or_a_clean_error(document: str | bytes, text: bool,
                                             newsletter: bool) -> None:
    try:
        page = clean(document, "https://example.org/a", text=text, newsletter=newsletter)
    except CleanError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    _check_page(page)
    for fmt in FORMATS:
        format_cleaned(page, fmt, source="page.html").encode("utf-8")
