"""Relative days in a weekly issue: "said today" is read days later (issue 11).

The seed newsletter never writes "today", "yesterday", "tonight" or "last night": an issue is
read days after its articles, and "announced his nomination today" then misleads. Every
printed sentence (paragraphs, "Also" lines, the TL;DR, the Explainer's answers) goes through
`dated` once, after selection and after the optional model: each relative expression outside
quotation marks becomes the day it names, in AP style, when its article's own publication
time gives that day reliably, and is dropped where the grammar allows otherwise.

* **The table** (`RELATIVE`): each expression, the days from its article's local day, and
  what it becomes (`{day}` is the weekday: "tonight" → "Tuesday night", "yesterday" → the day
  before). Where it stands decides the form: opening a sentence, "On Tuesday, …" ("Earlier
  Tuesday, …"); between subject and verb, "Trump on Tuesday signed …"; a possessive,
  "Monday's vote"; elsewhere the weekday alone, "said Tuesday". Chinese (`{md}`): 今天 /
  昨天 / 今晚 / 昨晚 / 明天 become the date, 11月17日 (Chinese news dates by month and day,
  not weekday); 今日 is left alone, being as often a name's first word (今日头条, 今日美国),
  and so is 今天的, which is as often "nowadays" (今天的中国).
* **Not a day**: inside a quotation (someone's words, printed as said); a capital letter
  inside a sentence ("USA Today", "the Today show"); "his last night in office"; "of today";
  a possessive before a noun that is no event ("today's children", "in today's media
  environment": only `EVENTS` nouns, "today's vote", take a day); and a bare "today"
  whose clause has no past or future verb, which is "nowadays" ("the world today",
  "Today, an average American can expect to live 78.6 years").
* **Reliable** (`local_day`): the feed wrote the newsroom's own clock — a non-zero UTC offset
  ("-05:00", "+0800") that `fetch/dates.py` keeps and the store keeps with it —, the time is
  not the fetch time standing in for an unknown one (`published == first_seen`), and it is
  not in the small hours (`DaySettings.small_hours`: a story filed late at night is
  stamped after midnight, and its "today" is the day before). A zero offset ("Z", "GMT") is
  how most feed software writes any time, so it says nothing of the newsroom's day: a US
  evening story stamped 01:30Z is the day before in New York, and a weekday read off UTC would
  be a factual error. The weekday is printed only for a day inside the issue's week (in the
  newsletter's timezone): "yesterday" in a Monday story is the Sunday before, which a reader
  of this week's issue would take for the one at its end.
* **Otherwise the expression is dropped** where the grammar allows ("said today" → "said",
  "Today, …" → "…", "will moderate tonight's debate" → "will moderate the debate", "as early
  as today" goes whole): the sentence was chosen for its fact, which stands without the day,
  and the story's sources and their dates are printed under it. Preferring another sentence
  was not taken: it would reach back into selection for a word the rewrite can remove. After
  a preposition ("since yesterday", "until today") nothing can be dropped, and a sentence
  opening on "Today's move by …" or "Yesterday, the company …" would open on "The move",
  "The company", which read as leaning on a sentence before: such sentences are printed as
  written.

`readings` lists every way this module may print a source sentence, so that
`grounding.trace` can tell a rewritten sentence from an invented one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from digest.edit.lexicon import IRREGULAR_VERBS, MONTHS, QUOTED, WEEKDAYS, dangles
from digest.edit.settings import DaySettings
from digest.models import Article, Period, Sentence

if TYPE_CHECKING:  # (voice imports grounding, which reads `readings` here)
    from digest.edit.write.voice import Draft


@dataclass(frozen=True)
class Relative:
    """A relative day: its words, the days from the article's day, what it becomes
    (`{day}`: the weekday; `{md}`: the Chinese date) and whether it may mean "nowadays"."""

    words: str
    offset: int
    dated: str
    nowadays: bool = False


RELATIVE: tuple[Relative, ...] = (
    Relative("earlier today", 0, "earlier {day}"),
    Relative("later today", 0, "later {day}"),
    Relative("this morning", 0, "{day} morning"),
    Relative("this afternoon", 0, "{day} afternoon"),
    Relative("this evening", 0, "{day} evening"),
    Relative("tonight", 0, "{day} night"),
    Relative("today", 0, "{day}", nowadays=True),
    Relative("yesterday morning", -1, "{day} morning"),
    Relative("yesterday afternoon", -1, "{day} afternoon"),
    Relative("yesterday evening", -1, "{day} evening"),
    Relative("last night", -1, "{day} night"),
    Relative("yesterday", -1, "{day}"),
    Relative("tomorrow morning", 1, "{day} morning"),
    Relative("tomorrow night", 1, "{day} night"),
    Relative("tomorrow", 1, "{day}"),
    Relative("今天", 0, "{md}"),
    Relative("今晚", 0, "{md}晚"),
    Relative("昨天", -1, "{md}"),
    Relative("昨日", -1, "{md}"),
    Relative("昨晚", -1, "{md}晚"),
    Relative("明天", 1, "{md}"),
)
_BY_WORDS = {r.words: r for r in RELATIVE}
# Nouns of an event, which "today's" / "yesterday's" dates ("today's vote"); any other noun
# reads as "nowadays" ("today's children"). General English, written for the project.
EVENTS = frozenset(["address", "agreement", "announcement", "announcements", "appearance",
    "arraignment", "arrest", "attack", "briefing", "broadcast", "call", "caucus", "caucuses",
    "ceremony", "comments", "conference", "deadline", "deal", "debate", "decision", "election",
    "episode", "event", "filing", "funeral", "game", "hearing", "hearings", "inauguration",
    "interview", "launch", "march", "match", "meeting", "meetings", "memorial", "move",
    "opening", "order", "parade", "post", "primaries", "primary", "protest", "race", "raid",
    "rally", "release", "remarks", "report", "results", "ruling", "runoff", "sentencing",
    "session", "shooting", "signing", "speech", "statement", "strike", "summit", "talks",
    "testimony", "trading", "tweet", "tweets", "verdict", "visit", "vote", "vote-counting",
    "votes", "walkout"])
_PAST = frozenset(form for form, _ in IRREGULAR_VERBS)
_FUTURE = re.compile(r"\b(?:will|won['’]t|shall|(?:set|expected|scheduled|due|going|plans?|"
                     r"is|are)\s+to)\b|['’]ll\b")
_DETERMINER = re.compile(r"\b(?:the|a|an|his|her|their|its|our|my|your|one['’]s|every|each|"
                         r"whose|first|final|of)\s+$", re.IGNORECASE)
_PREPOSITIONS = r"since|until|till|from|through|by|before|after|as of|for"
_PREPOSITION = re.compile(rf"\b(?:{_PREPOSITIONS})\s+$")
_AS_EARLY = re.compile(r"\bas (?:early|soon) as\s+$")
_BOUNDARY = re.compile(r"[,;—–()]|:(?!\d)")
# Single curly quotation marks: a ‘ that opens a word and the ’ that closes it.
_SINGLE_QUOTED = re.compile(r"(?<![\w’'])‘[^‘’]*’(?!\w)")
_DATE_AFTER = re.compile(r",\s+(?=(?:" + "|".join(MONTHS) + r")\b)")
_CJK = re.compile(r"[\u4e00-\u9fff]")


def _words_re(words: str) -> str:
    if _CJK.match(words):
        return words
    return rf"\b[{words[0]}{words[0].upper()}]{re.escape(words[1:])}\b"


_EXPRESSION = re.compile("|".join(_words_re(r.words) for r in
                                  sorted(RELATIVE, key=lambda r: -len(r.words))))


def local_day(article: Article, settings: DaySettings) -> date | None:
    """The newsroom's own day of `article`, when its publication time gives it reliably
    (see the module docstring), else None."""
    when = article.published
    offset = when.utcoffset()
    if when == article.first_seen or not offset or when.hour < settings.small_hours:
        return None
    return when.date()


def week_days(period: Period, timezone: str) -> tuple[date, date]:
    """The first and last day of the issue's week, in the newsletter's timezone."""
    zone = ZoneInfo(timezone)
    return (period.start.astimezone(zone).date(),
            (period.end - timedelta(microseconds=1)).astimezone(zone).date())


def _protected(text: str) -> list[tuple[int, int]]:
    return [m.span() for rx in (QUOTED, _SINGLE_QUOTED) for m in rx.finditer(text)]


def _clause(text: str, start: int, end: int) -> str:
    """The clause around text[start:end], without it; a comma right after it ("Today, …")
    opens the clause it belongs to."""
    left = max((m.end() for m in _BOUNDARY.finditer(text, 0, start)), default=0)
    rest = text[end:]
    skip = len(rest) - len(rest.lstrip(" ,"))
    right = _BOUNDARY.search(text, end + skip)
    return f"{text[left:start]} {text[end + skip:right.start() if right else len(text)]}"


def _has_tense(clause: str) -> bool:
    """A past verb ("signed", "said") or a future one ("will", "set to") in `clause`: a day
    is meant, not "nowadays"."""
    if _FUTURE.search(clause):
        return True
    words = re.findall(r"[A-Za-z’']+", clause)
    return any(w in _PAST or (w.islower() and w.endswith("ed") and len(w) > 4 and
                              (k == 0 or not _DETERMINER.search(words[k - 1] + " ")))
               for k, w in enumerate(words))


def _next_words(rest: str, n: int = 3) -> list[str]:
    m = re.match(rf"['’]s((?:\s+[\w-]+){{1,{n}}})", rest)
    return m.group(1).split() if m else []


Label = Callable[[int], str | None]  # days from the article's day → its weekday or date


@dataclass(frozen=True)
class _Edit:
    start: int
    end: int
    text: str
    capitalise: bool = False  # the next word opens the sentence now


def _edit(text: str, m: re.Match[str], row: Relative, label: Label) -> _Edit | None:
    """What the expression `m` becomes, or None where it is no day or must stay."""
    start, end = m.span()
    before, after = text[:start], text[end:]
    opening = not before.strip()
    capital = m.group()[0].isupper()
    cjk = bool(_CJK.match(row.words))
    if (capital and not opening) or (_DETERMINER.search(before) and not cjk):
        return None  # "USA Today", "his last night in office", "the world of today"
    if cjk:
        if after.startswith("的"):
            return None  # 今天的中国: "nowadays"
        day = label(row.offset)
        if not day and opening and after.startswith("，"):
            end += 1  # "昨天，…"
        return _Edit(start, end, row.dated.format(md=day) if day else "")
    possessive = re.match(r"['’]s\b", after)
    if possessive:
        if not EVENTS & {w.lower() for w in _next_words(after)}:
            return None  # "today's children"
    elif row.nowadays and not _has_tense(_clause(text, start, end)):
        return None  # "the world today"
    day = label(row.offset)
    word = row.dated.format(day=day) if day else ""
    if possessive:
        if not day and opening:
            return None  # "The move by …" would read as leaning on a sentence before
        end += possessive.end()
        return _Edit(start, end, f"{word}{after[:possessive.end()]}" if day else "the")
    if opening:
        if day:
            return _Edit(start, end, word[:1].upper() + word[1:] if not word.startswith(day)
                         else f"On {word}")
        rest = after.lstrip(" ,")
        if dangles(rest[:1].upper() + rest[1:]) and not dangles(text):
            return None  # "Yesterday, the company recalled …": "The company" leans back
        return _Edit(start, end + len(after) - len(rest), "", capitalise=True)
    if _PREPOSITION.search(before):
        return _Edit(start, end, word) if day else None  # "until today": no dropping it
    early = _AS_EARLY.search(before)
    if early and not day:
        start = early.start()
    verb = re.match(r"\s+([a-z’']+)", after)
    if day and verb and (verb.group(1) in _PAST or verb.group(1).endswith("ed")
                         or verb.group(1) == "will") and word.startswith(day):
        word = f"on {word}"  # AP: "Trump on Tuesday signed …"
    if day:
        return _Edit(start, end, word)
    dated = _DATE_AFTER.match(after)
    if dated:  # "signed today, January 15" → "signed January 15"
        return _Edit(start, end + dated.end(), "")
    space = len(before) - len(before.rstrip())
    if after.startswith(",") and before.rstrip().endswith(","):
        end += 1  # "…, today, the Senate …" → "…, the Senate …"
    return _Edit(start - space, end, "")


def rewrite(text: str, label: Label) -> str:
    """`text` with each relative day outside quotation marks as `label` gives it (None:
    dropped where the grammar allows)."""
    if not _EXPRESSION.search(text):
        return text
    shields = _protected(text)
    edits: list[_Edit] = []
    for m in _EXPRESSION.finditer(text):
        if any(a <= m.start() < b for a, b in shields):
            continue
        e = _edit(text, m, _BY_WORDS[m.group().lower()], label)
        if e is not None and (not edits or e.start >= edits[-1].end):
            edits.append(e)
    out, at = [], 0
    for e in edits:
        out.append(text[at:e.start])
        out.append(e.text)
        at = e.end
        if e.capitalise:
            out.append(text[at:at + 1].upper())
            at += 1
    out.append(text[at:])
    return "".join(out)


def labeller(day: date | None, week: tuple[date, date]) -> Label:
    """The weekday (Latin script) or date (Chinese) of the article's `day` plus an offset:
    None when the day is not reliable, and no weekday outside the issue's `week`."""
    def label(offset: int) -> str | None:
        if day is None:
            return None
        d = day + timedelta(days=offset)
        return WEEKDAYS[d.weekday()] if week[0] <= d <= week[1] else None
    return label


def _chinese(day: date | None) -> Label:
    def label(offset: int) -> str | None:
        if day is None:
            return None
        d = day + timedelta(days=offset)
        return f"{d.month}月{d.day}日"
    return label


def date_sentence(s: Sentence, days: dict[str, date | None], week: tuple[date, date]
                  ) -> Sentence:
    """`s` with its relative days resolved against the day of the articles it cites: `days`
    holds the issue's kept articles, not their copies, so an offline sentence cites one; a
    model's sentence citing several gets a day only when they all give the same."""
    cited = {days[u] for u in s.sources if u in days}
    day = cited.pop() if len(cited) == 1 else None
    latin = labeller(day, week)
    chinese = _chinese(day)
    text = rewrite(s.text, lambda n: (chinese if _CJK.search(s.text) else latin)(n))
    return s if text == s.text else replace(s, text=text)


def dated(draft: Draft, articles: Iterable[Article], period: Period, timezone: str,
          settings: DaySettings) -> Draft:
    """Every printed sentence of `draft` (paragraphs, "Also" lines, TL;DR, the Explainer's
    answers) with its relative days resolved (see the module docstring); `articles`: the
    issue's used articles."""
    days = {a.url: local_day(a, settings) for a in articles}
    week = week_days(period, timezone)

    def fix(sentences: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
        return tuple(date_sentence(s, days, week) for s in sentences)

    explainer = draft.explainer
    if explainer is not None:
        explainer = replace(explainer, qa=tuple(replace(q, answer=fix(q.answer))
                                                for q in explainer.qa))
    return replace(draft, stories=tuple(replace(st, sentences=fix(st.sentences))
                                        for st in draft.stories),
                   tldr=fix(draft.tldr), explainer=explainer)


_CHINESE_DATE = re.compile(r"(\d{1,2})月(\d{1,2})日")


def _weekday_of(k: int) -> Label:
    return lambda n: WEEKDAYS[(k + n) % 7]


def readings(source: str, printed: str) -> list[str]:
    """Every way `rewrite` may print the sentence `source` (none when it names no relative
    day): without its days, and with them read from an article of each weekday — or, in
    Chinese, of each date `printed` names and the days around it. `grounding.trace` reads a
    printed sentence against them."""
    if not _EXPRESSION.search(source):
        return []
    out = {rewrite(source, lambda _: None)}
    for k in range(7):
        out.add(rewrite(source, _weekday_of(k)))
    for m in _CHINESE_DATE.finditer(printed):
        try:
            named = date(2000, int(m.group(1)), int(m.group(2)))  # (a leap year)
        except ValueError:
            continue
        for shift in (-1, 0, 1):
            out.add(rewrite(source, _chinese(named + timedelta(days=shift))))
    return sorted(out - {source})
