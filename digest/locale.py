"""The words an issue prints around its stories, per language: one table (`WORDS`), one home.

A `Words` is one language's furniture: the section labels, the glue of a coverage line ("3
outlets: A, B and C · 17 Nov" / "3家媒体报道：A、B和C · 11月17日"), the footer's lines, and
how a day, a span of days and an issue's week are written ("16–22 November 2026" /
"2026年11月16日至22日"). The editor names the issue with it (`week_label`, `Words.title`), the
view hands it to every template as `words` (a theme's template may print its own words
instead), and the config's `newsletter.labels` replaces any of its lines (`words`).

`words(language)` reads the language's base tag ("zh-CN", "zh-Hans" → "zh"); a language the
table does not hold gets English.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Words:
    """One language's furniture. Fields in braces are filled by the code or the template."""

    in_our_feeds: str = "In Our Feeds"
    also: str = "Also this week"
    tldr: str = "TL;DR"
    explainer: str = "Explainer"
    colon: str = ": "  # after a label: "Explainer: X", "Sources: A, B"
    sources: str = "Sources"
    stop: str = "."  # a sentence's full stop
    open: str = " ("  # brackets around an aside in running text: "(2026-W46)" / "（2026-W46）"
    close: str = ")"
    comma: str = ", "  # between links, and before a coverage line's days
    dash: str = " — "  # between an "Also this week" blurb and its links
    update: str = "Update:"
    follows: str = "Follows"
    follows_also: str = "follows"  # an "Also this week" item: "(follows 2026-W46)"
    question: str = "Q"
    answer: str = "A"
    feed: str = "Feed"
    quiet: str = "A quiet week"
    quiet_text: str = ("Nothing on our topics turned up in the feeds during {period}. "
                       "We'll be back next week.")
    quiet_feed: str = "A quiet week: nothing on our topics turned up."
    # a week with fewer stories than min_stories ({stories}: "1 story", {n}: 1), quiet.py
    quiet_short: str = ("A quiet week: {stories} on our topics (we wait for {least}), "
                        "so this issue is short.")
    more_on_web: str = "And {n} more on the web edition"
    read_on_web: str = "Read on the web"
    view_on_web: str = "View this issue on the web"
    read_full: str = "Read the full issue"
    read_issue: str = "Read the issue"  # a notification's last line
    receiving: str = "You are receiving {title} because you subscribed to it."
    unsubscribe: str = "Unsubscribe"
    permalink: str = "Permalink to this issue"
    no_issues: str = "No issues yet."
    archive: str = "Archive"
    archive_empty: str = "The archive is empty."
    edited_by: str = "Edited by {author}."
    skip: str = "Skip to content"
    newsletter_item: str = "newsletter"  # a source with no web address: "A (newsletter, 20 Nov)"
    # A coverage line: who covered a story and when ("Only A reported this, 21 Nov").
    outlets: str = "{n} outlets: {names}"
    outlets_brief: str = "{n} outlets"
    only: str = "only "  # "— only A reported this, 22 Nov" (an "Also this week" item)
    only_line: str = "Only {name} reported this"
    reported: str = "reported this"
    gap: str = " "  # between words in running text (Chinese runs on)
    list_sep: str = ", "
    list_and: str = " and "
    list_more: str = "{names} and {rest} more"
    preheader: str = "This week: {items}."
    preheader_quiet: str = "A quiet week. {intro}"
    # The issue's title and the days it prints: fields d, m, y, b ("Nov"), B ("November"),
    # 1 and 2 after them for a span's first and last day; a week has its `span` (with the
    # year) and its `days` (without).
    title: str = "{newsletter} — {period}"
    week: str = "Week {w}, {span}"
    day: str = "{d} {b}"
    date: str = "{d} {B} {y}"
    days_in_month: str = "{d1}–{d2} {b2}"
    days_across: str = "{day1} – {day2}"
    span_in_month: str = "{d1}–{d2} {B2} {y2}"
    span_in_year: str = "{d1} {B1} – {d2} {B2} {y2}"
    span_across: str = "{date1} – {date2}"
    # The Explainer's questions, as the editor asks them (settings.QUESTIONS,
    # PERSON_QUESTIONS; "{name}" the person's) → as the issue prints them: none, as asked.
    questions: tuple[tuple[str, str], ...] = ()
    # A Chinese issue's intro (the English intro is write/intro.py's own sentence).
    intro: str = ""
    intro_also: str = ""
    intro_explainer: str = ""
    intro_quiet: str = ""


WORDS: Mapping[str, Words] = {
    "en": Words(),
    "zh": Words(
        in_our_feeds="本周要闻", also="本周简讯", tldr="本期要点", explainer="解读", colon="：", stop="。", open="（", close="）",
        sources="来源", comma="，", dash="——", update="更新：", follows="此前报道", follows_also="此前报道", gap="", question="问",
        answer="答", feed="订阅源", quiet="本周无要闻", quiet_feed="本周无要闻：我们关注的话题没有新的报道。",
        quiet_text="{period}期间，我们关注的话题没有新的报道。下周再会。",
        more_on_web="另有{n}条见网页版", read_on_web="在网页上阅读", view_on_web="在网页上阅读本期",
        read_full="阅读全文", read_issue="阅读本期",
        quiet_short="本周我们关注的话题只有{n}篇报道（满{least}篇才发送），本期从简。", receiving="您收到这封邮件，是因为您订阅了{title}。",
        unsubscribe="退订", permalink="本期链接", no_issues="暂无内容。", archive="往期",
        archive_empty="暂无往期。", edited_by="编辑：{author}。", skip="跳到正文", newsletter_item="电子报",
        outlets="{n}家媒体报道：{names}", outlets_brief="{n}家媒体报道", only="仅",
        only_line="仅{name}报道", reported="报道", list_sep="、", list_and="和",
        list_more="{names}等{total}家", preheader="本期：{items}。", preheader_quiet="本周无要闻。{intro}",
        title="{newsletter}｜{period}", week="{y1}年第{w}周（{days}）", day="{m}月{d}日",
        date="{y}年{m}月{d}日", days_in_month="{m1}月{d1}日至{d2}日", days_across="{day1}至{day2}",
        span_in_month="{y1}年{m1}月{d1}日至{d2}日", span_in_year="{y1}年{m1}月{d1}日至{m2}月{d2}日",
        span_across="{date1}至{date2}",
        questions=(("Which is?", "这是什么机构？"), ("Who's in it?", "有哪些成员？"),
                   ("Been around long?", "成立多久了？"), ("What does it do?", "它做什么？"),
                   ("Why does it matter?", "为什么重要？"), ("Who is {name}?", "{name}是谁？"),
                   ("What happened this week?", "本周发生了什么？"),
                   ("What did {name} say?", "{name}说了什么？"), ("What's next?", "接下来会怎样？")),
        intro="本期《{title}》共{n}篇报道", intro_also="，另有{n}条简讯",
        intro_explainer="，并解读{entity}", intro_quiet="本周我们关注的话题没有新的报道，本期从简。"),
}
# what `newsletter.labels` may replace: every line of text (not the questions' table)
LABELS = frozenset(f.name for f in fields(Words) if f.type == "str")


def words(language: str | None,
          labels: Mapping[str, str] | Iterable[tuple[str, str]] = ()) -> Words:
    """The furniture of `language` ("zh-CN" reads as "zh"; unknown: English), with the
    config's own `labels` (a field name → its text) in place of the table's."""
    base = (language or "en").replace("_", "-").split("-")[0].casefold()
    table = WORDS.get(base, WORDS["en"])
    chosen: dict[str, Any] = {k: str(v) for k, v in dict(labels).items() if k in LABELS}
    return replace(table, **chosen) if chosen else table


def question(asked: str, w: Words) -> str:
    """The Explainer's question as the issue prints it: "Who is Lin Qiaoyun?" in a Chinese
    issue is "Lin Qiaoyun是谁？" (a question the table lacks is printed as asked)."""
    for pattern, printed in w.questions:
        head, named, tail = pattern.partition("{name}")
        if not named:
            if asked == pattern:
                return printed
        elif (asked.startswith(head) and asked.endswith(tail)
              and len(asked) > len(head) + len(tail)):
            return printed.format(name=asked[len(head):len(asked) - len(tail)])
    return asked


def _fields(when: datetime, n: str = "") -> dict[str, object]:
    return {f"d{n}": when.day, f"m{n}": when.month, f"y{n}": when.year,
            f"b{n}": f"{when:%b}", f"B{n}": f"{when:%B}"}


def day(when: datetime, w: Words) -> str:
    """'17 Nov' / '11月17日'."""
    return w.day.format(**_fields(when))


def date(when: datetime, w: Words) -> str:
    """'23 November 2026' / '2026年11月23日'."""
    return w.date.format(**_fields(when))


def days(first: datetime, last: datetime, w: Words) -> str:
    """The days of a story, no year: '16 Nov', '17–19 Nov', '30 Nov – 2 Dec' / '11月17日至19日'."""
    both = {**_fields(first, "1"), **_fields(last, "2")}
    if first.date() == last.date():
        return day(first, w)
    if (first.year, first.month) == (last.year, last.month):
        return w.days_in_month.format(**both)
    return w.days_across.format(day1=day(first, w), day2=day(last, w))


def span(start: datetime, last: datetime, w: Words) -> str:
    """A period's days with its year: '16–22 November 2026' / '2026年11月16日至22日'."""
    both = {**_fields(start, "1"), **_fields(last, "2")}
    if start.date() == last.date():
        return date(start, w)
    if (start.year, start.month) == (last.year, last.month):
        return w.span_in_month.format(**both)
    if start.year == last.year:
        return w.span_in_year.format(**both)
    return w.span_across.format(date1=date(start, w), date2=date(last, w))


def week_label(start: datetime, last: datetime, iso_week: int, w: Words) -> str:
    """An ISO week: 'Week 47, 16–22 November 2026' / '2026年第47周（11月16日至22日）'."""
    return w.week.format(w=iso_week, span=span(start, last, w), days=days(start, last, w),
                         **_fields(start, "1"))


def listed(names: Sequence[str], w: Words, shown: int) -> str:
    """'A, B and C' / 'A、B和C'; past `shown` names, 'A, B, C, D and 2 more' / 'A、B、C、D等6家'."""
    named = list(names[:shown])
    rest = len(names) - len(named)
    if rest:
        return w.list_more.format(names=w.list_sep.join(named), rest=rest, total=len(names))
    if len(named) == 1:
        return named[0]
    return w.list_sep.join(named[:-1]) + w.list_and + named[-1]
