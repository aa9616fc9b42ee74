"""The plain-text e-mail's word wrap and title underline, for Chinese text."""

from __future__ import annotations

import itertools

from digest.models import Issue
from digest.render.environment import columns, wrap_text


def test_the_text_email_never_breaks_a_figure_and_underlines_the_whole_title() -> None:
    """The text part broke "约3000名教师" as "约30" / "00名教师", and underlined a Chinese title
    with half as many "=" as it takes columns."""
    text = "市教育局表示，明年上半年将为约3000名教师提供专门培训，覆盖《人工智能伦理》等课程。"
    for width in range(20, 60):
        lines = wrap_text(text, width).splitlines()
        assert "".join(lines) == text
        assert not any(a[-1:].isdigit() and b[:1].isdigit() for a, b in itertools.pairwise(lines))
        assert not any(line.endswith("《") for line in lines)
    assert columns("中国科技周报｜2026年") == 2 * 8 + 4


def test_the_text_parts_headlines_wrap_like_its_paragraphs(issue: Issue) -> None:
    """A long headline (a featured story's, an "Also" item's, the Explainer's name) ran past 72
    columns on one line of the text part (96 columns in the demo), where a terminal mail
    client and RFC 5322's 78 columns want it wrapped, as its paragraphs are: now only a line
    that holds a web address is longer."""
    from dataclasses import replace as swap

    from digest.render import render_issue

    long = ("Regulator launches four-month 'Clear Feed' campaign against addictive "
            "recommendation algorithms")
    featured, also = issue.stories[0], issue.stories[3]
    stories = (swap(featured, headline=long), *issue.stories[1:3], swap(also, headline=long),
               *issue.stories[4:])
    text = render_issue(swap(issue, stories=stories)).files["email.txt"]
    assert "## Regulator launches four-month 'Clear Feed' campaign against addictive\n" \
           "   recommendation algorithms" in text
    assert "* Regulator launches four-month 'Clear Feed' campaign against addictive\n" \
           "  recommendation algorithms" in text
    assert not [line for line in text.splitlines() if len(line) > 72 and "://" not in line]
