"""The tests of the junk families that take more than one pattern, or a pattern and a count:
a ticker line, embed debris, a sign-up call, a page tool row, a market disclaimer, a date
stamp, a copyright line; and the helpers that make a family's test of its patterns.

`families.FAMILIES` names them; the patterns themselves are in `patterns.py`.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from digest.clean import patterns as P

SHORT = 300  # most families only ever match blocks shorter than this

_IMPERATIVE = re.compile(
    r"(?:^|[.!?]\s+|[:–—]\s*)(?:subscribe|sign up|sign me up|get|join|enter|don'?t miss|never "
    r"miss|want|love|like|enjoy(?:ed)?|stay|receive|be the first|keep up|click|register|try)\b",
    re.I)
_DIGIT = re.compile(r"\d")
_MONEY_OR_CHANGE = re.compile(r"[$€£¥₹%▲▼↑↓]|\(\s?[A-Z0-9.]{1,10}\s?\)|\d{1,3}(?:,\d{3})+|\d\.\d{2}"
                              r"|[涨跌]")
_CN_DISCLAIMER = re.compile(r"^[【\[]?(?:免责声明|版权声明|风险提示|声明)")


def is_ticker(text: str) -> bool:
    if len(text) > 400 or not _DIGIT.search(text):
        return False
    text = text.strip()
    if P.FX_LINE.match(text):
        return True
    return bool(P.TICKER_LINE.match(text)) and bool(_MONEY_OR_CHANGE.search(text))


def is_embed_debris(text: str) -> bool:
    if not P.EMBED_DEBRIS.search(text):
        return False
    covered = sum(len(m.group(0)) for m in P._ATTR.finditer(text))
    return len(text) < 400 or covered > 0.4 * len(text)


_SENTENCE_END = re.compile(r"[.!?:。！？：]['\"’”)]*\s*$")


def is_subscribe(text: str) -> bool:
    """A sign-up box's message, or a subscription word with its context ("free", "inbox",
    "weekly", a price…) in an imperative ("Get our…", "Sign up…") or a short line. The context
    must be another word than the one that matched (an article about newsletters says
    "newsletter" in its headings), and a short declarative sentence of seven words or more is
    prose ("The paper added 4,000 newsletter subscribers in a year.")."""
    if P.SIGNUP_WIDGET.search(text):
        return True
    found = P.SUBSCRIBE.search(text)
    if found is None:
        return False
    if not any(c.span() != found.span() for c in P.SUBSCRIBE_CONTEXT.finditer(text)):
        return False
    if _IMPERATIVE.search(text):
        return True
    return len(text) < 80 and not (len(text.split()) >= 7 and _SENTENCE_END.search(text))


def is_tools(text: str) -> bool:
    return bool(P.TOOLS.match(text)) and bool(P.TOOL_CORE.search(text))


# the literals each of patterns.RISK_CUES needs (lower case), in the same order: a cue whose
# literals are all missing is not searched
CUE_NEEDS: tuple[tuple[str, ...], ...] = (
    ("advice", "does not constitute"),
    ("high risk", "high-risk", "highly volatile", "speculative"),
    ("own research", "own due diligence", "dyor"),
    ("past performance", "lose some", "lose all", "lose part", "at risk", "risk of los"),
    ("consult ", "seek advice from", "purposes only"),
    ("有风险", "风险自担", "高风险"),
    ("谨慎", "不构成", "据此操作", "仅供参考"),
)
# the literals of patterns.DISCLAIMER_LABEL
LABEL_NEEDS = ("disclaimer", "disclosure", "risk warning", "risk notice", "investment warning",
                "important notice", "important information")


def is_market_disclaimer(text: str) -> bool:
    """A labelled disclaimer ("Disclaimer:", "Risk warning:") or small print with two of the
    risk cues (not advice, high risk, do your own research, you may lose, ask an adviser)."""
    if P.DISCLAIMER_LABEL.match(text):
        return True
    low = text.lower()
    found = 0
    for needs, cue in zip(CUE_NEEDS, P.RISK_CUES, strict=True):
        if any(w in low for w in needs) and cue.search(text) is not None:
            found += 1
            if found == 2:
                return True
    return False


# what every match of patterns.DATE holds: a four-digit year, or a day and a month with a
# slash or dot between them (a cheap search that spares the costly one most short blocks
# with numbers in them)
_DATE_DIGITS = re.compile(r"\d\d\d\d|\d[/.]\d")
_LETTER_WORD = re.compile(r"[^\W\d_]+")


def is_dateline(text: str) -> bool:
    """A date stamp alone on its line ("Updated: Tue., Nov. 19, 2019 08:38 AM", "October 12,
    2017 · 8 min read", "Posted by Jane Roe on 19/11/2019"): a date, and at most three words
    besides its labels, weekday, clock and zone (a place or a name). Not an event's date
    ("Date: 13-15 October 2026") nor the attribution under a quoted post ("— Name (@name)
    November 18, 2019"): those are the article's."""
    if _DATE_DIGITS.search(text) is None or P.DATE.search(text) is None \
            or P.NOT_A_STAMP.match(text):
        return False
    rest = P.DATE_WORDS.sub(" ", P.CLOCK.sub(" ", P.DATE.sub(" ", text)))
    return len(_LETTER_WORD.findall(rest)) <= 3


def is_copyright(text: str) -> bool:
    return (len(text) <= SHORT and bool(P.COPYRIGHT.search(text))) or bool(
        _CN_DISCLAIMER.match(text))


def matches(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    return lambda text: pattern.match(text) is not None


def finds(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    return lambda text: pattern.search(text) is not None


def any_of(*tests: Callable[[str], bool]) -> Callable[[str], bool]:
    return lambda text: any(t(text) for t in tests)
