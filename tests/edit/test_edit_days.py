"""Relative days in a weekly issue (write/days.py, issue 11): "said today" is read days later."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from digest.edit import edit_issue
from digest.edit.proof import issue_strikes
from digest.edit.settings import DaySettings
from digest.edit.write.days import date_sentence, labeller, local_day, rewrite
from digest.edit.write.grounding import trace
from digest.fetch.dates import parse_date
from digest.models import Article, Newsletter, Period, Sentence
from digest.sentences import split_sentences
from digest.text import content_hash

WEEK = (date(2026, 11, 16), date(2026, 11, 22))  # Monday to Sunday
TUESDAY = labeller(date(2026, 11, 17), WEEK)  # an article of Tuesday 17 November


def _undated(_: int) -> None:
    return None


@pytest.mark.parametrize(("text", "dated", "undated"), [
    ("The senator said today that she would run.", "The senator said Tuesday that she would run.",
     "The senator said that she would run."),
    ("Today, the Senate voted 52-48 to confirm her.", "On Tuesday, the Senate voted 52-48 to "
     "confirm her.", "The Senate voted 52-48 to confirm her."),
    ("Officials said yesterday's vote was close.", "Officials said Monday's vote was close.",
     "Officials said the vote was close."),
    ("The governor won the runoff last night.", "The governor won the runoff Monday night.",
     "The governor won the runoff."),
    ("President Trump today signed the bill.", "President Trump on Tuesday signed the bill.",
     "President Trump signed the bill."),
    ("Earlier today, the Supreme Court issued its opinion.", "Earlier Tuesday, the Supreme "
     "Court issued its opinion.", "The Supreme Court issued its opinion."),
    ("She will moderate tonight's debate.", "She will moderate Tuesday night's debate.",
     "She will moderate the debate."),
    ("The memo could be released as early as tomorrow, officials said.",
     "The memo could be released as early as Wednesday, officials said.",
     "The memo could be released, officials said."),
    ("The deal is expected to be signed today, January 15.",
     "The deal is expected to be signed Tuesday, January 15.",
     "The deal is expected to be signed January 15."),
    # After a preposition nothing can be dropped: printed as written when no day is reliable.
    ("The border has been closed since yesterday, police said.",
     "The border has been closed since Monday, police said.",
     "The border has been closed since yesterday, police said."),
])
def test_a_relative_day_becomes_the_weekday_or_is_dropped(text: str, dated: str,
                                                          undated: str) -> None:
    assert rewrite(text, TUESDAY) == dated
    assert rewrite(text, _undated) == undated
    assert trace(dated, [text]) and trace(undated, [text])


@pytest.mark.parametrize("text", [
    "“We will win today,” the senator said.",  # someone's own words
    "‘Today was a good day in a partisan town’ says the Senate leader.",
    "The debate was aired on the Today show and reported by USA Today.",  # names
    "He issued pardons on his last night in office.",
    "Today's children spend more time online than any generation before.",  # nowadays
    "Reagan's joke would not get many laughs today.",
    "Today, an average American can expect to live 78.6 years.",
    "The world of today is more connected.",
    "今天的中国是世界第二大经济体。",
])
def test_no_rewrite_where_the_word_is_not_a_day(text: str) -> None:
    assert rewrite(text, TUESDAY) == text
    assert rewrite(text, _undated) == text


def test_a_weekday_only_inside_the_issues_week() -> None:
    monday = labeller(date(2026, 11, 16), WEEK)
    # "yesterday" in a Monday story is the Sunday before the issue's week: dropped, never
    # printed as a Sunday the reader would place at the week's end.
    assert rewrite("The talks collapsed yesterday.", monday) == "The talks collapsed."
    assert rewrite("The talks collapsed today.", monday) == "The talks collapsed Monday."


def _article(published: str, *, text: str, source: str = "Wire", language: str = "en",
             title: str = "A title") -> Article:
    when = parse_date(published)
    assert when is not None
    return Article(source=source, guid=f"{source}-{published}", url=f"https://{source}.example/1",
                   title=title, paragraphs=(text,), published=when,
                   first_seen=datetime(2026, 11, 19, 6, tzinfo=UTC),
                   content_hash=content_hash((text,)), language=language)


def test_reliable_means_the_newsrooms_own_clock() -> None:
    tune = DaySettings()
    # A US evening story with its offset: Tuesday in New York, though Wednesday in UTC.
    evening = _article("Tue, 17 Nov 2026 21:30:00 -0500", text="x")
    assert local_day(evening, tune) == date(2026, 11, 17)
    # The same instant written in UTC says nothing of the newsroom's day.
    assert local_day(_article("2026-11-18T02:30:00Z", text="x"), tune) is None
    # Filed late at night, stamped after midnight: its "today" may be the day before.
    assert local_day(_article("Wed, 18 Nov 2026 00:40:00 -0500", text="x"), tune) is None
    # The fetch time standing in for an unknown date.
    unknown = _article("2026-11-19T06:00:00+08:00", text="x")
    assert local_day(unknown, tune) == date(2026, 11, 19)
    assert local_day(replace(unknown, published=unknown.first_seen), tune) is None


SENATE = ("The Senate today voted 52-48 to confirm Maria Lopez as the next secretary of "
          "energy, ending a months-long fight over the nomination. Lopez, a former utility "
          "executive, said she would make grid reliability her first priority. Democrats "
          "criticised her ties to the gas industry during the hearings.")
CHIP = ("外交部发言人今天表示，中方将继续推动芯片出口管制对话。发言人说，双方工作组昨天在北京举行了"
        "第三轮会谈。会谈讨论了出口许可和供应链安全等问题。")


def _issue(arts: list[Article], language: str = "en") -> list[str]:
    period = Period("2026-W47", datetime(2026, 11, 16, tzinfo=UTC),
                    datetime(2026, 11, 23, tzinfo=UTC))
    issue = edit_issue(period, arts, newsletter=Newsletter(title="T", language=language),
                       sources=[], health=[])
    by_url = {a.url: split_sentences(a.text) for a in arts}
    printed = [s for st in issue.stories for s in st.sentences] + list(issue.tldr)
    for s in printed:  # still the sources' own words, the day aside
        assert trace(s.text, [x for u in s.sources for x in by_url[u]]), s.text
    assert not issue_strikes(issue, {a.url: f"{a.title}\n{a.text}" for a in arts})
    return [s.text for s in printed]


def _senate(stamp: str) -> list[Article]:
    return [_article(stamp, text=SENATE, source="Capitol Wire",
                     title="Senate confirms Lopez as energy secretary")]


def test_an_issue_prints_the_weekday_of_a_us_evening_story() -> None:
    printed = _issue(_senate("Tue, 17 Nov 2026 21:30:00 -0500"))
    assert any(s.startswith("The Senate on Tuesday voted 52-48") for s in printed), printed
    assert not any("today" in s for s in printed)


def test_a_utc_stamp_drops_the_relative_day() -> None:
    # The same story stamped in UTC: Wednesday 02:30Z was Tuesday evening in Washington, so
    # no weekday is printed, and the sentence stands without "today".
    printed = _issue(_senate("2026-11-18T02:30:00Z"))
    assert any(s.startswith("The Senate voted 52-48") for s in printed), printed
    assert not any("today" in s or "Wednesday" in s for s in printed)


def test_a_chinese_story_dates_by_month_and_day() -> None:
    # Chinese news dates by month and day: 今天 of a Thursday story is 11月19日, 昨天 11月18日.
    printed = _issue([_article("Thu, 19 Nov 2026 16:20:00 +0800", text=CHIP, source="Xinhua",
                               title="中方推动芯片出口管制对话", language="zh")], "zh")
    assert any(s.startswith("外交部发言人11月19日表示") for s in printed), printed
    assert any("双方工作组11月18日在北京" in s for s in printed), printed


def test_trace_tells_a_resolved_day_from_an_invented_one() -> None:
    assert trace("The talks collapsed Tuesday.", ["The talks collapsed today."])
    assert trace("The talks collapsed.", ["The talks collapsed today."])
    assert not trace("The talks collapsed.", ["The talks collapsed on Tuesday."])
    assert not trace("The talks ended Tuesday.", ["The talks collapsed today."])


def test_the_copy_editor_reads_a_sentence_after_a_resolved_one_as_going_on() -> None:
    from digest.edit.proof import paragraph_strikes

    source = ("Yesterday, Acme Heating recalled 40,000 heaters after two fires. It said the "
              "fault lay in a faulty thermostat.")
    printed = [rewrite(split_sentences(source)[0], TUESDAY), split_sentences(source)[1]]
    assert printed[0] == "On Monday, Acme Heating recalled 40,000 heaters after two fires."
    assert not paragraph_strikes(printed, sources=[source])
    undated = [rewrite(split_sentences(source)[0], _undated), split_sentences(source)[1]]
    assert not paragraph_strikes(undated, sources=[source])


@pytest.mark.parametrize(("text", "dated"), [
    # "The move by the board …", "The company recalled …" would read as leaning on a
    # sentence before: printed as written when no day is reliable.
    ("Today's move by the board is an escalation.",
     "Tuesday's move by the board is an escalation."),
    ("Yesterday, the company recalled 40,000 heaters.",
     "On Monday, the company recalled 40,000 heaters."),
])
def test_an_opening_stays_when_dropping_it_would_lean_back(text: str, dated: str) -> None:
    assert rewrite(text, _undated) == text
    assert rewrite(text, TUESDAY) == dated


def test_a_sentence_citing_articles_of_different_days_gets_no_day() -> None:
    # A model's sentence may cite two articles: "today" is a day only when they agree (the
    # offline writer's sentence cites one kept article, and its copies, which `days` omits).
    said = Sentence("The minister said today that talks would resume.", ("a", "b", "copy"))
    tuesday, wednesday = date(2026, 11, 17), date(2026, 11, 18)
    agree = date_sentence(said, {"a": tuesday, "b": tuesday}, WEEK)
    assert agree.text == "The minister said Tuesday that talks would resume."
    differ = date_sentence(said, {"a": tuesday, "b": wednesday}, WEEK)
    assert differ.text == "The minister said that talks would resume."
