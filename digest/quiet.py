"""Short by design: when an issue is too thin to send, and why a default period came out empty.

Two decisions the run reports (the CLI only prints them):

- `hold_reason`: an issue with fewer stories than `newsletter.min_stories` is a quiet week. It
  is still built and published on the site (the archive stays continuous, and a re-run is a
  no-op), and its intro says so in one line; with `send_empty: false` it is sent to nobody,
  neither by e-mail nor to any notification channel, and this says why.
- `early_reason` and `built_early`: an issue built before its period has ended (`digest run
  --period` of the current week, or a typo's future one) is published on the site but sent to
  nobody: sent, and marked done, it would have been the week's issue, its later stories never
  sent. The first run after the period ends rebuilds it (the store's `built_at` says it was
  early) and sends it, and `digest schedule` does not count it as built (`done`); `digest send
  --period K` still sends the early one to whoever asks.
- `empty_period_note`: `digest run` with no `--period` builds the last complete week. On a fresh
  clone, or after a pause, every stored article may belong to another week; the issue is empty
  and this says so, with the newest article's date and the `--period` that would use it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from . import periods
from .locale import words
from .models import Newsletter, Period
from .store import IssueRecord, RunRecord, Store

if TYPE_CHECKING:
    from .models import Issue

# Article verdicts that mean "published inside the period" (the others: outside it, unreadable).
_INSIDE = frozenset({"used", "duplicate", "off_topic"})


def _stories(n: int) -> str:
    return f"{n} {'story' if n == 1 else 'stories'}"


def quiet_line(issue: Issue) -> str | None:
    """The one line a short quiet issue opens with, in place of its intro: fewer stories than
    `min_stories`, but some (with none at all, every template already says "A quiet week")."""
    n = len(issue.stories)
    if not 0 < n < issue.newsletter.min_stories:
        return None
    said = words(issue.newsletter.language, issue.newsletter.labels)
    return said.quiet_short.format(stories=_stories(n), n=n, least=issue.newsletter.min_stories)


def mark_quiet(issue: Issue) -> Issue:
    """The issue with its intro replaced by the quiet line, when the week is quiet."""
    line = quiet_line(issue)
    return issue if line is None else replace(issue, intro=line)


def hold_reason(stories: int, newsletter: Newsletter) -> str | None:
    """Why an issue of `stories` stories is sent to nobody (None: send it)."""
    if newsletter.send_empty or stories >= newsletter.min_stories:
        return None
    return (f"Not sent: {_stories(stories)}, fewer than min_stories ({newsletter.min_stories}), "
            "and send_empty is false; the issue is on the site only.")


def early_reason(period: Period, now: datetime, timezone: str) -> str | None:
    """Why an issue of `period` built at `now` is sent to nobody yet (None: its period ended)."""
    if now >= period.end:
        return None
    ends = period.end.astimezone(periods.zone(timezone)).strftime("%Y-%m-%d %H:%M")
    return (f"Not sent: {period.key} has not ended yet (it ends {ends}); the issue is on the "
            "site only. The first `digest run` after it ends rebuilds and sends it "
            f"(`digest send --period {period.key}` sends this one now).")


def built_early(record: IssueRecord | None, period: Period, now: datetime) -> bool:
    """Whether the stored issue of `period` was built before the period ended, which it now
    has: the run rebuilds it instead of finding it done."""
    return record is not None and not done(record) and period.end <= now


def done(record: IssueRecord) -> bool:
    """Whether a stored issue is the period's issue: built once its period had ended. One built
    early (a preview of the current week, a future `--period`) is not, whatever the time now:
    `digest schedule` builds the weeks after the newest done one, so it counted as done, the
    preview was never rebuilt nor sent, and a future one held back every week before it."""
    return record.built_at >= record.period_end


CLOCK_SLACK = timedelta(minutes=5)  # two machines' clocks, a run's own minutes: not "set back"


def clock_behind(runs: Iterable[RunRecord], now: datetime) -> str | None:
    """Why the periods a run chooses by the clock may be the wrong ones: `now` is earlier than
    the start of a recorded run (the clock set back, a machine restored from a snapshot). Said,
    not refused: the default period is the last complete week by this clock."""
    newest = max((r.started_at for r in runs), default=None)
    if newest is None or newest <= now + CLOCK_SLACK:
        return None
    return (f"the clock says {now.isoformat(' ', 'minutes')}, earlier than the start of an "
            f"earlier run ({newest.isoformat(' ', 'minutes')}): was it set back? The default "
            "period is the last complete week by this clock; the issues built since are kept "
            "as they are")


def empty_period_note(store: Store, period: Period, issue: Issue, timezone: str) -> str | None:
    """Why the default period's issue is empty when the store is not (None otherwise)."""
    if any(a.status in _INSIDE for a in issue.articles):
        return None
    newest = store.newest_published()
    if newest is None:
        return None
    week = periods.week_of(newest, timezone)
    if week.key == period.key:
        return None
    day = newest.astimezone(period.start.tzinfo).date().isoformat()
    return (f"No stored article was published in {period.key} (the default period: the last "
            f"complete week), but the store holds {store.count_articles()} articles; the newest "
            f"dated one was published on {day}: `digest run --period {week.key}` builds its week.")
