"""Paragraphs as the page shows them, on pages written for these tests: each layout old and
new sites use for prose (`<br><br>` runs inside a paragraph or a container, `<font>` tables,
`<div>` columns, table cells, inline markup) must come out as exactly the page's paragraphs:
none merged with its neighbour, none cut in two (paragraph P and R of 1 on every page)."""

from __future__ import annotations

import pytest
from lxml import etree

from digest.clean import clean
from digest.clean.cascade import split_break_runs
from digest.clean.extract import parse_html

S = [
    "The lock keepers voted on Monday to keep the canal open through the winter, reversing a "
    "decision that would have stranded a dozen narrowboats at the upper basin.",
    "The trust that runs the canal said the extra shifts would be paid from its repair fund, and "
    "that the works on the aqueduct would move to the spring.",
    "Boaters had written to the trust in their hundreds, many of them pointing out that the "
    "boats are their homes and the towpath their only road to the shops.",
    "A survey of the aqueduct found no damage that could not wait, the engineer said, though "
    "the stone parapet on the north side will need rebuilding within five years.",
    "The trust will review the arrangement in March, once the costs of the winter are known and "
    "the volunteers who help at the locks have been asked about their hours.",
]
HEAD = "<html><head><title>Canal to stay open</title></head><body>"
END = "</body></html>"

LAYOUTS = {
    "br runs inside a paragraph": "<article><p>" + "<br><br>".join(S) + "</p></article>",
    "br runs with spaces between": "<article><p>" + "<br> \n <br>".join(S) + "</p></article>",
    "br runs in a container": "<div id='content'>" + "<br>\n<br>\n".join(S) + "</div>",
    "br runs in a font table": "<table><tr><td><font face='Arial' size='2'>"
                               + "<br><br>".join(S) + "</font></td></tr></table>",
    "paragraphs in a font table": "<table><tr><td><font size='2'>"
                                  + "".join(f"<p>{s}</p>" for s in S) + "</font></td></tr></table>",
    "font runs in a cell": "<table><tr><td>"
                           + "".join(f"<font face='Arial'>{s}</font><br><br>" for s in S)
                           + "</td></tr></table>",
    "div columns": "<div class='story'><div class='col'>"
                   + "".join(f"<div class='txt'>{s}</div>" for s in S[:3])
                   + "</div><div class='col'>"
                   + "".join(f"<div class='txt'>{s}</div>" for s in S[3:]) + "</div></div>",
    "inline markup in paragraphs": "<article>" + "".join(
        f"<p><b>{s[:24]}</b>{s[24:40]}<a href='/x'>{s[40:60]}</a><span>{s[60:]}</span></p>"
        for s in S) + "</article>",
    "one row per paragraph": "<table class='story'>"
                             + "".join(f"<tr><td>{s}</td></tr>" for s in S) + "</table>",
}


@pytest.mark.parametrize("layout", list(LAYOUTS))
def test_paragraphs_come_out_as_the_page_shows_them(layout: str) -> None:
    assert clean(HEAD + LAYOUTS[layout] + END).paragraphs == tuple(S)


def test_a_single_break_is_a_space_not_a_paragraph() -> None:
    page = clean(HEAD + "<article><p>" + "<br>".join(S[:2]) + "</p><p>" + S[2] + "</p>"
                 + "<p>" + S[3] + "<br><br>" + S[4] + "</p></article>" + END)
    assert page.paragraphs == (f"{S[0]} {S[1]}", S[2], S[3], S[4])


def test_break_runs_split_the_paragraph_in_the_raw_tree() -> None:
    tree = parse_html("<html><body><p class='t'>one<br>two<br><br>\n<br><b>three</b> and"
                      "<br><br>four</p><p>five<br>six</p></body></html>")
    assert split_break_runs(tree) == 1
    body = tree.find("body")
    assert body is not None
    assert [etree.tostring(p, encoding="unicode", method="html", with_tail=False) for p in body] == [
        '<p class="t">one<br>two</p>', '<p class="t"><b>three</b> and</p>',
        '<p class="t">four</p>', "<p>five<br>six</p>"]


def test_a_printable_text_has_no_whitespace_but_the_space() -> None:
    """What lets `squash` return a printable paragraph without a double or outer space as
    it is: every other character str.isspace() takes is not printable."""
    assert [c for c in map(chr, range(0x110000)) if c.isspace() and c.isprintable()] == [" "]


@pytest.mark.parametrize("text", ["", " ", "a  b", " a", "a ", "a b", "a\nb", "a\u00a0b",
                                  "a\u200bb", "\u3000x", "x\u2028y", "\x1cz", "a \x85 b",
                                  "港口 重新开放", "a\tb c", "Plain words, one space each."])
def test_squash_is_split_and_join(text: str) -> None:
    from digest.clean.bodyblocks import squash

    assert squash(text) == " ".join(text.split())


def test_the_other_spaces_are_every_whitespace_but_the_space() -> None:
    """`OTHER_SPACES`: what `classify.tidy` looks for in a deferred block (`UNTIDY`)."""
    from digest.clean.bodyblocks import OTHER_SPACES

    assert sorted(OTHER_SPACES) == [c for c in map(chr, range(0x110000))
                                    if c.isspace() and c != " "]


# a paragraph with each whitespace squashing removes, inside it, at its edges, doubled
_UNTIDY = [f"{S[0][:40]}{c}{S[0][40:]}" for c in (" ", *sorted(set(" \t\xa0\u2009\u3000\x85")))] \
    + [f"{c}{S[1]}" for c in " \xa0\u3000"] + [f"{S[2]}{c}" for c in " \t\u2028"] \
    + [f"{S[3][:20]}{c}{c}{S[3][20:]}" for c in " \u200a\u205f"] + [f"{S[4][:30]}\n{S[4][30:]}"]


@pytest.mark.parametrize("text", _UNTIDY)
def test_a_fragments_paragraphs_are_squashed_whatever_whitespace_they_hold(text: str) -> None:
    """A feed fragment's paragraphs come out of the tree unsquashed where the rules' pass over
    the page can find what squashing removes (`body_to_blocks(defer=True)`, `classify.tidy`):
    each whitespace str.split() takes, alone, doubled or at an edge, comes out as one space
    or none, on a page the pass reads at once and on one it reads block by block (a long s
    sends a page block by block), in a leaf paragraph and in one with inline markup."""
    from html import escape

    squashed = " ".join(text.split())
    for other in (S[2], "Boats can be moored at the ſtaithe."):
        for html in (f"<p>{escape(text)}</p><p>{other}</p>",
                     f"<p><b>Canal:</b> {escape(text)}</p><p>{other}</p>"):
            lead = "Canal: " if "<b>" in html else ""
            page = clean(html, title="Canal to stay open")
            assert page.paragraphs == (" ".join(f"{lead}{squashed}".split()), other), html


@pytest.mark.parametrize("junk", ["Like&nbsp;us on Facebook", "Like  us on  Facebook",
                                  "Sign&nbsp;up&nbsp;to get our newsletter"])
def test_junk_is_judged_on_its_squashed_text(junk: str) -> None:
    """The families' literals are found again in a block squashing changed: "like us on
    facebook" is in "Like&nbsp;us on Facebook" once it is squashed, not before."""
    page = clean(f"<p>{S[0]}</p><p>{junk}</p>", title="Canal to stay open")
    assert page.paragraphs == (S[0],)
    assert [r.rule for r in page.removed] in (["follow_us"], ["subscribe"])
