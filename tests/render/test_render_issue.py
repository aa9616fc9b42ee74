"""render_issue on a realistic issue: every file, its structure, and the quiet week."""

from __future__ import annotations

import itertools
import json
from dataclasses import replace
from pathlib import Path
from types import ModuleType
from urllib.parse import unquote

import lxml.html
import pytest
import yaml
from markdown_it import MarkdownIt

from digest.errors import RenderError
from digest.models import Issue
from digest.render import issue_to_dict, render_issue
from digest.render.view import run_in


def test_every_file_is_rendered(issue: Issue) -> None:
    files = render_issue(issue).files
    assert set(files) == {"index.html", "email.html", "email.txt", "issue.md", "issue.json"}
    assert render_issue(issue).files == files  # deterministic


def test_issue_page_has_open_graph_canonical_and_headings(issue: Issue) -> None:
    html = render_issue(issue).files["index.html"]
    doc = lxml.html.document_fromstring(html)
    url = "https://news.example.org/digest/issues/2026-W10/"
    assert doc.get("lang") == "en"
    assert doc.xpath("//link[@rel='canonical']/@href") == [url]
    assert doc.xpath("//meta[@property='og:url']/@content") == [url]
    assert doc.xpath("//meta[@property='og:title']/@content") == [issue.title]
    assert doc.xpath("//meta[@property='og:type']/@content") == ["article"]
    assert doc.xpath("//meta[@name='viewport']")
    # heading order: one h1, h2 sections, h3 stories — never a skipped level
    levels = [int(h.tag[1]) for h in doc.iter("h1", "h2", "h3", "h4", "h5", "h6")]
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(b - a <= 1 for a, b in itertools.pairwise(levels))
    h2 = [h.text_content() for h in doc.iter("h2")]
    assert "In Our Feeds (3)" in h2 and "Also this week" in h2 and "TL;DR" in h2
    assert any(t.startswith("Explainer: Asia Open Model Alliance") for t in h2)
    h3 = [h.text_content() for h in doc.iter("h3")]
    assert h3 == ["Open Models, Open Arms", "Clearing the Feed", "Councillors in the Frame"]


def test_every_article_is_linked_under_its_story(issue: Issue) -> None:
    doc = lxml.html.document_fromstring(render_issue(issue).files["index.html"])
    hrefs = set(doc.xpath("//a/@href"))
    for story in issue.stories:
        for article in story.articles:
            assert article.url in hrefs
    sources = [p.text_content() for p in doc.find_class("sources")]
    assert "Sources: Harbor Ledger, Meridian Tech Review, Keji Guancha" in sources


def _operator(issue: Issue) -> Issue:
    return replace(issue, newsletter=replace(issue.newsletter, operator_footer=True))


def test_readers_copies_carry_no_operator_lines(issue: Issue) -> None:
    noted = replace(issue, notes=("story 2: LLM output not used (HTTP 503)",))
    files = render_issue(noted).files
    for name in ("index.html", "email.html", "email.txt", "issue.md"):
        assert "sources failed" not in files[name] and "fetched fine" not in files[name], name
        assert "LLM output not used" not in files[name], name
        assert noted.explainer is not None and noted.explainer.why not in files[name], name
    data = json.loads(files["issue.json"])  # the operator's record keeps them
    assert data["notes"] and data["explainer"]["why"] and data["sources"]


def test_operator_footer_names_failed_sources_when_configured(issue: Issue) -> None:
    files = render_issue(_operator(issue)).files
    line = "1 of 3 sources failed: Broken Wire (HTTP 500)."
    assert line in files["index.html"] and line in files["email.txt"]


def test_a_failure_behind_a_200_says_its_error_not_the_status(issue: Issue) -> None:
    """A bot check answering 200, a redirect loop's 302 or a 304 to a first request failed a
    source that the footer listed as "Gate (HTTP 200)" (fetch42 noticed): only an HTTP error
    status stands for its reason; any other says its error's words."""
    from dataclasses import replace as swap

    from digest.models import SourceHealth

    gate = SourceHealth(name="Gate", url="https://gate.example.com/feed", status="error",
                        error="a bot check answered ('Just a moment...'), no feed",
                        http_status=200)
    files = render_issue(_operator(swap(issue, sources=(*issue.sources, gate)))).files
    text = " ".join(files["email.txt"].split())
    assert "Gate (a bot check answered ('Just a moment...'), no feed)" in text
    assert "Broken Wire (HTTP 500)" in text and "HTTP 200" not in text


def test_operator_footer_is_one_line_when_all_fine(issue: Issue, factory: ModuleType) -> None:
    healthy = _operator(factory.make_issue(sources=issue.sources[:2]))
    assert "All 2 sources fetched fine." in render_issue(healthy).files["index.html"]


def test_quiet_week_is_short_and_friendly(quiet_issue: Issue) -> None:
    files = render_issue(quiet_issue).files
    doc = lxml.html.document_fromstring(files["index.html"])
    assert "A quiet week" in [h.text_content() for h in doc.iter("h2")]
    assert not doc.find_class("sources")
    assert "A QUIET WEEK" in files["email.txt"]
    assert len(files["email.html"]) < 15_000


def test_issue_md_front_matter_is_yaml_hugo_and_jekyll_accept(issue: Issue) -> None:
    text = render_issue(issue).files["issue.md"]
    assert text.startswith("---\n")
    front, body = text[4:].split("\n---\n", 1)
    meta = yaml.safe_load(front)
    assert meta["title"] == issue.title
    assert meta["slug"] == "2026-w10"
    assert meta["tags"] == ["artificial intelligence", "AI governance"]
    # PyYAML reads an offset timestamp as an aware datetime: the offset survived
    assert meta["date"] == issue.period.end
    assert meta["description"]
    assert "### Open Models, Open Arms" in body
    assert "[Harbor Ledger](https://harborledger.example.com/west-lake-dialogue)" in body


def test_issue_json_schema(issue: Issue) -> None:
    data = json.loads(render_issue(issue).files["issue.json"])
    assert data == json.loads(json.dumps(issue_to_dict(issue)))
    for key in ("key", "title", "period", "intro", "editor", "notes", "stories", "tldr",
                "tldr_sentences", "explainer", "explainer_note", "articles", "sources"):
        assert key in data
    story = data["stories"][0]
    assert set(story) >= {"rank", "section", "headline", "summary", "sentences", "articles",
                          "score", "why"}
    assert story["sentences"][0]["sources"] == [issue.stories[0].articles[0].url]
    assert data["period"]["start"] == "2026-03-02T00:00:00+08:00"
    assert data["articles"][-1]["status"] == "off_topic"
    assert data["sources"][2]["http_status"] == 500
    assert data["explainer"]["qa"][0]["sources"]
    assert data["tldr"].startswith("Open models")


def test_cjk_survives_every_format(issue: Issue) -> None:
    for name, text in render_issue(issue).files.items():
        assert "林巧云" in text, name


def test_user_template_overrides_one_file(issue: Issue, tmp_path: Path) -> None:
    (tmp_path / "email.txt").write_text("CUSTOM {{ title }}\n", encoding="utf-8")
    files = render_issue(issue, templates=tmp_path).files
    assert files["email.txt"] == f"CUSTOM {issue.title}\n"
    assert "In Our Feeds (3)" in files["index.html"]  # the rest still comes from the package


def test_user_partial_override_reaches_every_page(issue: Issue, tmp_path: Path) -> None:
    (tmp_path / "site.css").write_text("body { color: #123456; }\n", encoding="utf-8")
    assert "#123456" in render_issue(issue, templates=tmp_path).files["index.html"]


def test_broken_user_template_is_a_render_error(issue: Issue, tmp_path: Path) -> None:
    (tmp_path / "issue.html").write_text("{% if %}\n", encoding="utf-8")
    with pytest.raises(RenderError, match=r"issue\.html"):
        render_issue(issue, templates=tmp_path)
    (tmp_path / "issue.html").write_text("{{ no_such_variable }}\n", encoding="utf-8")
    with pytest.raises(RenderError, match="no_such_variable"):
        render_issue(issue, templates=tmp_path)


LIQUID = ("{% include secrets.txt %}", "{{ site.github.token }}", "{%- raw -%}", "{{7*7}}")


def test_issue_md_carries_no_liquid_and_still_reads_right(issue: Issue) -> None:
    """Jekyll runs Liquid over issue.md before Markdown: source text with "{%" or "{{" must
    not become template code, yet the rendered page must show it as written."""
    first = issue.stories[0]
    cited = replace(first.articles[0], title=f"Leak {LIQUID[0]}",
                    url="https://harborledger.example.com/{{7*7}}/{%x%}")
    story = replace(first, headline=f"Templates {LIQUID[1]} everywhere",
                    sentences=(replace(first.sentences[0], text=f"It said {LIQUID[2]} here."),
                               *first.sentences[1:]),
                    articles=(cited, *first.articles[1:]))
    tricky = replace(issue, title=f"Digest {LIQUID[3]}", intro=f"Hello {LIQUID[1]}.",
                     stories=(story, *issue.stories[1:]), notes=(f"Note {LIQUID[0]}",),
                     newsletter=replace(issue.newsletter, topics=("{{ page.secret }}",),
                                        operator_footer=True))  # the notes are printed too
    text = render_issue(tricky).files["issue.md"]
    assert "{%" not in text and "{{" not in text, [
        line for line in text.splitlines() if "{%" in line or "{{" in line]
    front, body = text[4:].split("\n---\n", 1)
    meta = yaml.safe_load(front)
    assert meta["title"] == f"Digest {LIQUID[3]}"
    assert meta["tags"] == ["{{ page.secret }}"]
    html = MarkdownIt("commonmark").render(body)
    shown = lxml.html.fromstring(f"<div>{html}</div>").text_content()
    for piece in ("Templates {{ site.github.token }} everywhere", "It said {%- raw -%} here.",
                  "Hello {{ site.github.token }}.", "Note {% include secrets.txt %}"):
        assert piece in shown, piece
    hrefs = lxml.html.fromstring(f"<div>{html}</div>").xpath("//a/@href")
    assert "https://harborledger.example.com/{{7*7}}/{%x%}" in [unquote(h) for h in hrefs]


@pytest.mark.parametrize(
    ("headline", "run"),
    [("深圳发布芯片政策", "深圳发布芯片政策。"), ("《人工智能法》草案公布", "《人工智能法》草案公布。"),
     ("AI 芯片", "AI 芯片。"), ("「清源」行动启动", "「清源」行动启动。"),
     ("Qiantang releases Lingxi-3", "Qiantang releases Lingxi-3."), ("Done.", "Done."),
     ("谁在制定规则？", "谁在制定规则？"), ("Version 2", "Version 2.")],
)
def test_a_headline_run_in_ends_on_its_own_script_s_stop(headline: str, run: str) -> None:
    """"Also this week" ran a Chinese headline into its blurb as "**深圳发布芯片政策.**"."""
    assert run_in(headline) == run
