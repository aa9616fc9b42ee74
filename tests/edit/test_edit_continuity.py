"""Continuity's matching rules on small weeks (the end-to-end weeks: tests/e2e)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from digest.edit.continuity import recall
from digest.edit.select import select
from digest.edit.settings import ContinuitySettings
from digest.edit.week import read
from digest.models import Article, Newsletter, Period, StoryMemory
from digest.text import content_hash

START = datetime(2026, 11, 23, tzinfo=UTC)
PERIOD = Period("2026-W48", START, START + timedelta(days=7))
ZH = ("千塘实验室周三发布了 Lingxi-3 的修正版本。审计发现OpenBench-Asia基准的2400道测试题"
      "通过丝路语料泄露进了训练数据。修正后的模型在印尼语和泰语测试中的得分下降了四分。")


def _article(title: str, text: str, n: int) -> Article:
    when = START + timedelta(days=1, hours=n)
    return Article(source=f"S{n}", guid=str(n), url=f"https://s{n}.example/{n}", title=title,
                   paragraphs=(text,), published=when, first_seen=when,
                   content_hash=content_hash((text,)), language="zh" if n == 0 else "en")


def _memory(anchors: tuple[str, ...]) -> StoryMemory:
    return StoryMemory(issue="2026-W47", rank=4, headline="Qiantang Labs releases Lingxi-3",
                       articles=("//m.example/lingxi",), anchors=anchors,
                       said=("Hangzhou developer Qiantang Labs on Friday released Lingxi-3, a "
                             "70-billion-parameter language model.",))


def _earlier(memory: list[StoryMemory]) -> StoryMemory | None:
    week = select(read([_article("千塘实验室发布 Lingxi-3 修正版", ZH, 0)]), PERIOD,
                  Newsletter(title="T"), ())
    got = recall(week, [0], memory, ContinuitySettings())
    return got.earlier.get(0)


def test_across_scripts_two_rare_anchors_tie_a_follow_up() -> None:
    # Chinese words and English words never meet in TF-IDF; the identifier and the figure do.
    # (Spaced: anchors._IDENT_RE reads "Lingxi-3的…" as one identifier, \w being CJK too.)
    memory = _memory(("i:LINGXI-3", "n:2400", "e:Qiantang Labs"))
    assert _earlier([memory]) == memory


def test_across_scripts_one_anchor_or_a_beat_is_not_enough() -> None:
    assert _earlier([_memory(("i:LINGXI-3", "e:Qiantang Labs"))]) is None
    # The same anchors in every story of the remembered issue are its beat: worth 1/3 each.
    beat = [replace_rank(_memory(("i:LINGXI-3", "n:2400")), k) for k in (1, 2, 3)]
    assert _earlier(beat) is None


def replace_rank(m: StoryMemory, rank: int) -> StoryMemory:
    return StoryMemory(m.issue, rank, m.headline, m.articles, m.anchors, m.said)
