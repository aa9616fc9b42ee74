"""Untrusted source text everywhere: nothing executable reaches any rendered file."""

from __future__ import annotations

from types import ModuleType

import markdown_it
import pytest

from digest.models import Issue
from digest.render import render_issue
from digest.render.urls import safe_url


def test_corpus_is_big_enough(xss: ModuleType) -> None:
    assert len(xss.VECTORS) >= 30


def test_nothing_executable_in_page_or_email(issue: Issue, xss: ModuleType) -> None:
    files = render_issue(xss.xss_issue(issue)).files
    assert xss.executable_bits(files["index.html"]) == []
    assert xss.executable_bits(files["email.html"], email=True) == []
    # the text really was printed (escaped), not silently dropped
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in files["index.html"]


def test_markdown_output_is_inert_even_with_raw_html_on(issue: Issue, xss: ModuleType) -> None:
    # Jekyll's kramdown renders raw HTML: simulate the most permissive consumer.
    md = render_issue(xss.xss_issue(issue)).files["issue.md"]
    html = markdown_it.MarkdownIt("commonmark", {"html": True}).render(md.split("\n---\n", 1)[1])
    assert xss.executable_bits(f"<html><body>{html}</body></html>") == []


@pytest.mark.parametrize("url", [
    "javascript:alert(1)", "JAVASCRIPT:alert(1)", " javascript:x", "java\tscript:x",
    "data:text/html,x", "vbscript:x", "//evil.example/x", "/relative", "http://", "ftp://x/y",
    "http://a.example/\x00", "https://user:pw@evil.example/", "http://x:99999/",
    'http://example.com/"onmouseover="x',
])
def test_url_allowlist_refuses(url: str) -> None:
    assert safe_url(url) == ""


@pytest.mark.parametrize("url", ["https://example.com/a?b=c&d=e#f", "http://例子.example/路径"])
def test_url_allowlist_keeps_real_links(url: str) -> None:
    assert safe_url(url) == url
