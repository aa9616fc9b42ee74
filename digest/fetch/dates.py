"""Date parsing we can trust.

feedparser turns some malformed dates into a plausible-looking date months away (it fills
missing fields from defaults). We parse the raw strings ourselves with strict parsers and
reject what does not look like a real publication time: nothing from before the web, nothing
more than a day in the future. Everything returned is timezone-aware (naive means UTC).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
FUTURE_SLACK = timedelta(days=1)

# Common zone abbreviations beyond the RFC 822 set email.utils knows (offsets in seconds).
_TZINFOS = {
    "UTC": 0, "UT": 0, "GMT": 0, "Z": 0, "BST": 3600, "CET": 3600, "CEST": 7200,
    "EET": 7200, "EEST": 10800, "MSK": 10800, "IST": 19800, "CST": -21600, "CDT": -18000,
    "EST": -18000, "EDT": -14400, "MST": -25200, "MDT": -21600, "PST": -28800,
    "PDT": -25200, "JST": 32400, "KST": 32400, "HKT": 28800, "SGT": 28800,
    "AEST": 36000, "AEDT": 39600, "NZST": 43200, "NZDT": 46800,
}
_ISO_RE = re.compile(
    r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?$",
    re.IGNORECASE,
)
_RFC822_RE = re.compile(r"^(?:[A-Za-z]{3},?\s*)?\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{2,4}\b")


def _zone(name: str | None, offset: int | None) -> int | None:
    """dateutil's `tzinfos`: a known abbreviation's offset, else the numeric offset written,
    else None (a naive time, which `_aware` reads as UTC). An unknown name ("AZ") is not
    guessed at; given the table itself, dateutil warns about it, and says a future version
    will raise (the fuzz test met "AZ")."""
    if name is not None and name in _TZINFOS:
        return _TZINFOS[name]
    return offset


def _named_zone(value: datetime, raw: str) -> datetime:
    """`value` in the zone its last word names when email.utils left it naive: that knows the
    RFC 822 names only, so "Mon, 07 Dec 2026 10:00:00 CEST" (or JST, IST, BST) was read as UTC,
    hours off, while "Monday, …" went through dateutil with the table and was right."""
    if value.tzinfo is not None:
        return value
    offset = _TZINFOS.get(raw.rsplit(None, 1)[-1].upper())
    return value if offset is None else value.replace(tzinfo=timezone(timedelta(seconds=offset)))


def _aware(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


_MONTHS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}
_FAST_RFC822_RE = re.compile(
    r"^(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?"
    r"\s*(GMT|UTC|UT|Z|[+-]\d{4})$")


def _fast_rfc822(raw: str) -> datetime | None:
    """The usual RSS form ("Mon, 02 Mar 2026 10:00:00 GMT"), parsed without email.utils."""
    match = _FAST_RFC822_RE.match(raw)
    if not match:
        return None
    day, mon, year, hour, minute, second, zone = match.groups()
    month = _MONTHS.get(mon.lower())
    if month is None:
        return None
    try:
        tz = UTC
        if zone[0] in "+-":
            offset = timedelta(hours=int(zone[1:3]), minutes=int(zone[3:5]))
            tz = timezone(offset if zone[0] == "+" else -offset)  # "+9999" is out of range
        return datetime(int(year), month, int(day), int(hour), int(minute), int(second or 0),
                        tzinfo=tz)
    except ValueError:
        return None


def parse_date(text: str | None) -> datetime | None:
    """Parse an RFC 822 / RFC 3339 / ISO 8601 / common human date; None when it is not one.

    Never guesses missing parts: "Mon, 32 Foo 2024" is None, not some other day.
    """
    if not text:
        return None
    raw = " ".join(text.split())
    if not raw or len(raw) > 80:
        return None
    fast = _fast_rfc822(raw)
    if fast is not None:
        return fast
    if _ISO_RE.match(raw):
        iso = raw.replace(",", ".")
        if iso.endswith(("z", "Z")):
            iso = iso[:-1] + "+00:00"
        try:
            return _aware(datetime.fromisoformat(iso))
        except ValueError:
            return None  # matched the shape but a field is out of range: garbage, not a date
    if _RFC822_RE.match(raw):
        try:
            return _aware(_named_zone(parsedate_to_datetime(raw), raw))
        except (TypeError, ValueError, IndexError):
            pass
    if not re.search(r"\d{4}", raw):
        return None  # "yesterday", "5 mins ago", "Mon 12": no year, nothing we can trust
    from dateutil import parser as dateutil_parser  # 7 ms to import: only for odd dates

    try:
        # dateutil fills missing fields from `default`; a sentinel year lets us reject that.
        sentinel = datetime(1, 1, 1)
        parsed = dateutil_parser.parse(raw, default=sentinel, tzinfos=_zone)
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed.year == 1:
        return None
    try:
        parsed.utcoffset()  # dateutil accepts "+9999"; datetime refuses it on first use
    except ValueError:
        return None
    return _aware(parsed)


def trusted(value: datetime | None, now: datetime) -> datetime | None:
    """`value` if it is a believable publication time at `now`, else None."""
    if value is None:
        return None
    value = _aware(value)
    if value < EARLIEST or value > now + FUTURE_SLACK:
        return None
    return value


def parse_trusted(text: str | None, now: datetime) -> datetime | None:
    return trusted(parse_date(text), now)


def parse_http_date(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return _aware(parsedate_to_datetime(text.strip()))
    except (TypeError, ValueError, IndexError):
        return None


def retry_after(value: str | None, now: datetime) -> datetime | None:
    """The time a Retry-After header (seconds or HTTP date) points to; capped at a week so a
    hostile or broken header cannot switch a source off forever."""
    if not value:
        return None
    value = value.strip()
    when = now + timedelta(seconds=int(value[:9])) if value.isdigit() else parse_http_date(value)
    if when is None:
        return None
    return min(max(when, now), now + timedelta(days=7))
