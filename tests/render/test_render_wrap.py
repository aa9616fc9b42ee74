"""The plain-text e-mail's word wrap and title underline, for Chinese text."""

from __future__ import annotations

import itertools

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
