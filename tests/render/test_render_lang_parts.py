"""A part written in another language than its issue says so in the markup (WCAG 3.1.2, the
language of parts): a story only Chinese outlets told prints in Chinese in an English issue,
and its headline and paragraph carry `lang="zh-Hans"` (a screen reader then reads them with a
Chinese voice, a browser draws them in a Chinese font, a translator offers to translate them);
an English story in a Chinese issue carries `lang="en"`. A part in the issue's own language,
and a Chinese name in brackets after an English one, carry nothing."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import lxml.html
import pytest

from digest.models import Issue, Story
from digest.publish.jsonfeed import sanitize_entry
from digest.render import render_issue
from digest.render.environment import render_template
from digest.render.serialize import issue_to_dict, newsletter_to_dict
from digest.render.view import build_view
from digest.script import chinese_script, part_language
from tests.render.issue_factory import cite, sent

HEADLINE = "人工智能生成合成内容标识新规第二阶段今日施行"
PARAGRAPH = "人工智能生成合成内容标识规定第二阶段要求于11月20日起正式施行。多家短视频平台已于本周更新用户协议。"


@pytest.mark.parametrize(("text", "language", "tag"), [
    (HEADLINE, "en", "zh-Hans"),
    ("機器人產業發展計劃公布", "en-GB", "zh-Hant"),
    ("著名学者说", "en", "zh-Hans"),  # 著 is folded by the table, yet simplified text writes it
    ("Twenty-three countries sign the Hangzhou Statement (杭州声明)", "en", ""),
    (HEADLINE, "zh-CN", ""),
    ("OpenAI releases a new model", "zh", "en"),
    ("2026", "zh", ""),
    ("", "en", ""),
    ("   ", "zh", ""),
])
def test_the_language_of_a_part(text: str, language: str, tag: str) -> None:
    assert part_language(text, language) == tag


def test_a_text_that_writes_neither_kind_of_character_is_plain_chinese() -> None:
    assert chinese_script("人") == "zh"


def _with_chinese_story(issue: Issue) -> Issue:
    c = cite("Keji Guancha", "ai-label", HEADLINE, 4)
    story = Story(rank=9, section="in_our_feeds", headline=HEADLINE,
                  sentences=(sent(PARAGRAPH, c),), articles=(c,), score=0.5)
    brief = Story(rank=10, section="also", headline="深圳设立15亿元机器人零部件基金",
                  sentences=(sent("深圳将在三年内投入15亿元。", c),), articles=(c,), score=0.1)
    return replace(issue, stories=(*issue.stories, story, brief))


def _lang_of(doc: lxml.html.HtmlElement, text: str) -> set[str]:
    """The `lang` of each element whose own text starts with `text` ('' where none)."""
    return {el.get("lang") or "" for el in doc.iter() if (el.text or "").startswith(text)}


def test_a_chinese_story_in_an_english_issue_is_marked_chinese(issue: Issue) -> None:
    files = render_issue(_with_chinese_story(issue)).files
    for name in ("index.html", "email.html"):
        doc = lxml.html.document_fromstring(files[name])
        assert doc.get("lang") == "en"
        assert _lang_of(doc, HEADLINE) == {"zh-Hans"}, name
        assert _lang_of(doc, PARAGRAPH[:20]) == {"zh-Hans"}, name
        assert _lang_of(doc, "深圳设立") == {"zh-Hans"}, name  # the "Also" item's headline
        assert _lang_of(doc, "深圳将在") == {"zh-Hans"}, name  # and its blurb
        # the English stories, and the Explainer whose name has Chinese in brackets: nothing
        assert _lang_of(doc, "Open Models, Open Arms") == {""}, name
        assert [el.tag for el in doc.iter() if el.get("lang") == "en"] == ["html"], name


def test_an_english_issue_of_english_stories_marks_nothing(issue: Issue) -> None:
    files = render_issue(issue).files
    for name in ("index.html", "email.html"):
        assert files[name].count(" lang=") == 1, name  # the page's own, on <html>


def test_an_english_story_in_a_chinese_issue_is_marked_english(issue: Issue) -> None:
    zh = replace(issue, newsletter=replace(issue.newsletter, language="zh", title="中国科技周报"))
    doc = lxml.html.document_fromstring(render_issue(zh).files["index.html"])
    assert doc.get("lang") == "zh"
    assert _lang_of(doc, "Open Models, Open Arms") == {"en"}
    assert _lang_of(doc, "Delegates spent two days") == {"en"}


def test_the_feeds_keep_the_mark(issue: Issue) -> None:
    """The Atom entry's HTML and the JSON Feed's content_html (which nh3 cleans to its own
    allowlist) keep `lang` on the Chinese story's parts."""
    data = issue_to_dict(_with_chinese_story(issue))
    view = build_view(data, newsletter_to_dict(issue.newsletter))
    entry = render_template("_feed_entry.html", view)
    cleaned = sanitize_entry(entry)
    for html in (entry, cleaned):
        doc = lxml.html.fragment_fromstring(html, create_parent="div")
        assert _lang_of(doc, HEADLINE) == {"zh-Hans"}
        assert _lang_of(doc, PARAGRAPH[:20]) == {"zh-Hans"}


def test_a_themes_own_home_page_without_the_new_keys_still_renders(
        issue: Issue, tmp_path: Path) -> None:
    """A theme's home.html written before the `*_lang` keys hands the issue body its own list
    of the latest issue's keys: the body takes a missing `intro_lang` or `tldr_lang` as the
    issue's own language (StrictUndefined would have failed the whole site)."""
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "home.html").write_text(
        '{% with title=latest.title, date=latest.date, period_label=latest.period_label, '
        'intro=latest.intro, quiet=latest.quiet, featured=latest.featured, '
        'featured_sections=latest.featured_sections, also=latest.also, '
        'also_hidden=latest.also_hidden, tldr=latest.tldr, explainer=latest.explainer, '
        'notes=latest.notes, health=latest.health, operator=latest.operator %}'
        '{% include "_issue_body.html" %}{% endwith %}', encoding="utf-8")
    view = build_view(issue_to_dict(issue), newsletter_to_dict(issue.newsletter))
    context = {"newsletter": view["newsletter"], "words": view["words"], "latest": view}
    html = render_template("home.html", context, templates=folder)
    assert "Open Models, Open Arms" in html and "lang=" not in html
