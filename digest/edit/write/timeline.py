"""When the event a sentence reports happened, when the sentence says so.

A story paragraph tells events in the order they happened: "The dialogue opened on Tuesday"
comes before "it ended on Wednesday". `event_day` reads the first date a sentence names and
resolves it against its article's publication date:

* a weekday ("on Tuesday", "Tuesday's vote"; Chinese 周二 / 星期二) is the latest such day on
  or before publication — news reports the week that was;
* "yesterday", "today", "last night"; Chinese 昨天 / 今天 / 今日;
* a month and day ("November 18", "18 November", "Nov. 18"; Chinese 11月18日), in the
  publication's year, or the year before when that would lie in the future.

No date named: None (the sentence keeps its place).

`dated_before` tells a sentence that dates what it reports before the month its article was
published in ("published a test suite in October", "in 2019", "last year"): background; a
date inside an aside between commas ("The law, passed in 2019, takes effect this week") dates
the subject, not the act.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from ..lexicon import AUXILIARIES, MONTHS, PARTICIPLE, REPORTING_VERBS, WEEKDAYS

_WEEKDAYS = tuple(day.lower() for day in WEEKDAYS)
_ZH_WEEKDAYS = "一二三四五六日"
_MONTHS = tuple(month[:3].lower() for month in MONTHS)
_MONTH = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|" \
         r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+(\d{{1,2}})(?!\d)|(\d{{1,2}})\s+{_MONTH})\b"
    rf"|\b({'|'.join(WEEKDAYS)})\b"
    r"|\b(yesterday|today|last night|tonight)\b"
    r"|(\d{1,2})月(\d{1,2})日|(?:周|星期)([一二三四五六日天])|(昨天|昨日|今天|今日)")


def _month(name: str) -> int:
    return _MONTHS.index(name[:3].lower()) + 1


def _on_or_before(published: date, month: int, day: int) -> date | None:
    try:
        d = date(published.year, month, day)
    except ValueError:
        return None
    if d > published + timedelta(days=31):  # "December 30" in a January article
        try:
            d = date(published.year - 1, month, day)
        except ValueError:
            return None
    return d


def event_day(sentence: str, published: date) -> date | None:
    """The date of the event `sentence` reports, or None (see the module docstring)."""
    m = _DATE.search(sentence)
    if not m:
        return None
    g = m.groups()
    if g[0] and g[1]:
        return _on_or_before(published, _month(g[0]), int(g[1]))
    if g[2] and g[3]:
        return _on_or_before(published, _month(g[3]), int(g[2]))
    if g[4] or g[8]:
        wanted = (_WEEKDAYS.index(g[4].lower()) if g[4]
                  else _ZH_WEEKDAYS.index(g[8] if g[8] != "天" else "日"))
        return published - timedelta(days=(published.weekday() - wanted) % 7)
    if g[6] and g[7]:
        return _on_or_before(published, int(g[6]), int(g[7]))
    relative = (g[5] or g[9] or "").lower()
    if relative in ("yesterday", "last night", "昨天", "昨日"):
        return published - timedelta(days=1)
    return published


# "in October", "in October 2025", "in 2019", "last month", "last year" (a month with a day
# is `event_day`'s; a month with no year, after the publication's month, is a plan).
_EARLIER = re.compile(rf"\bin\s+{_MONTH}(?!\w)(?:\s+((?:19|20)\d\d))?(?!\s*\d)"
                      r"|\bin\s+((?:19|20)\d\d)\b|\blast\s+(month|year)\b")

# An aside between commas, a participle's or a relative clause's, before the main clause's
# verb ("The law, passed in 2019, takes effect …", "Lin, who was elected in 2019, will …"): it
# dates what the subject names, not what the main clause reports. Not a clause of time (",
# when …"), nor a main verb in the past between commas, followed by no verb (", demanded that
# … last month, calling …", ", became … last month, sources said").
# A verb in "-s" is no source's noun before its reporting verb (", sources told …").
_FINITE = r"(?:also\s+)?(?:{}|{}|\w+s\b(?!\s+(?:{})\b))\b".format(
    "|".join(sorted(a for a in AUXILIARIES if a.isalpha())), PARTICIPLE,
    "|".join(REPORTING_VERBS))
_ASIDE = re.compile(rf",\s+(?:which|whom?|(?!(?:when|then)\b)(?:{PARTICIPLE})\b)[^,;]*,"
                    rf"(?=\s+{_FINITE})")


def dated_before(sentence: str, published: date) -> bool:
    """Whether `sentence` dates what it reports before the month `published` is in (a date
    in an aside, `_ASIDE`, does not)."""
    for m in _EARLIER.finditer(_ASIDE.sub(",", sentence)):
        month, year, only_year, last = m.groups()
        if last:
            return True
        if only_year:
            if int(only_year) < published.year:
                return True
            continue
        if (int(year) if year else published.year, _month(month)) < (
                published.year, published.month):
            return True
    return False
