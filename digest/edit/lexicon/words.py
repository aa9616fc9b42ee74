"""Words as the editor compares them: stop words, a light stemmer, content words and shingles;
names, dates and a newsroom's furniture around a headline.

Everything here is rule-based on purpose: no data files, no downloads. English words are
reduced by a small suffix stripper (enough to match "regulator"/"regulators"/"regulating");
Chinese has no spaces, so it is handled by characters and character n-grams.
"""

from __future__ import annotations

import re
from functools import lru_cache

from digest.script import simplified
from digest.text import CJK, tokens
from digest.text import CJK_RE as CJK_RE  # (the lexicon hands it on: edit imports it from here)

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
CALENDAR = frozenset(WEEKDAYS + MONTHS)  # a date's words: no name (entities), a date (facts)
# The months a newsroom abbreviates before a day ("Nov. 3", "Sept. 11"; AP writes Jan., Feb.,
# Aug., Sept., Oct., Nov., Dec.; other styles Mar., Apr., Jun., Jul., Sep.): a date, no name.
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
                       "Nov", "Dec")
# A generational suffix ends a name without being the name a reader knows ("Joseph R. Biden Jr.").
NAME_SUFFIXES = frozenset(["Jr", "Sr"])
# A newsroom's furniture around a headline, as words: the kicker before it ("WATCH:",
# "EXCLUSIVE:") and the wire services a dateline or a suffix names ("(Reuters) —", " - AP").
# The headline cleaner strips them (`headline/titles.py`), the copy editor strikes what is left.
# An article's text loses only those announcing news (`NEWS_KICKERS`; write/furniture.py: why).
# A label saying whose verdict or view a title is ("FACT CHECK:", "OPINION:", "ANALYSIS:") is
# no kicker: the headline keeps it in its own words (`headline/labels.py`, session 39), so
# the copy editor does not strike "Fact check: …".
NEWS_KICKERS = ("WATCH", "EXCLUSIVE", "BREAKING NEWS", "BREAKING", "JUST IN", "LIVE", "UPDATED", "UPDATE", "VIDEO", "PHOTOS", "PHOTO", "LISTEN")
KICKERS = ("WATCH LIVE", "LIVE UPDATES", *NEWS_KICKERS, "READ", "EXPLAINER")
# The labels saying whose verdict or view a title is (headline/labels.py reads them; the copy
# editor, proof/headline.py, knows the words they print), as data: (the label's words, its kind, what to print). One word per kind in
# print, the newsletter's style ("Op-Ed", "Commentary", "Editorial" and "Perspective" are all
# a writer's or an outlet's view: "Opinion"; an "Editorial:" printed as such would read as
# the newsletter's own); a column's name that only a news analysis wears ("The Memo")
# prints what it is.
LABELS: tuple[tuple[str, str, str], ...] = (
    # a fact-checking desk's verdict on a claim ("FACT CHECK:", "Fact-check |", "Fact
    # Checker:"): its verdict, not the newsletter's
    (r"fact[- ]?check(?:er|ing)?", "verdict", "Fact check"),
    (r"reality[- ]check", "verdict", "Reality check"),
    # a reporter's reading of the news, not the news ("ANALYSIS:", "News Analysis |",
    # "The Memo:")
    (r"(?:news\s+)?analysis|the\s+memo", "analysis", "Analysis"),
    # a writer's or the outlet's view
    (r"opinion|op-?ed|commentary|editorial|column|guest\s+(?:essay|column)|perspective|"
     r"viewpoint|point\s+of\s+view", "view", "Opinion"),
    # a critic's verdict on a film, a book, a show
    (r"review", "review", "Review"),
)

# A Chinese title's furniture, as data (headline/titles.py): the labels a kicker wears before
# the news ("【独家】", "[视频]", "视频|"), the medium in brackets after it ("（组图）"), and the
# endings of an outlet's or a channel's name after "_", "-" or "|" ("_新浪新闻", "-新华网").
CJK_KICKERS = ("独家", "快讯", "突发", "视频", "图", "组图", "多图", "图文", "直播", "专访",
               "深度", "评论", "时评", "最新", "重磅", "原创", "热点", "聚焦", "解读", "现场",
               "关注", "提醒", "权威发布", "新闻", "一图读懂")
CJK_MEDIA = ("图", "组图", "多图", "图文", "视频", "附视频", "音频", "附全文", "全文", "更新中")
CJK_OUTLET_ENDINGS = ("网", "新闻", "新闻网", "报", "日报", "晚报", "时报", "周刊", "杂志", "财经",
                      "在线", "频道", "客户端", "号", "社", "台", "APP", "App")
WIRES = ("Reuters", "AP", "AFP", "Bloomberg", "Xinhua", "BBC News", "CNN", "The Associated Press", "Associated Press")
WIRE_PATTERN = "|".join(WIRES)  # as one regex alternation (no name holds a metacharacter)
# Names as every room compares them (one rule: grouping's anchors, anchors.same_name; the
# Explainer memory, continuity.explained): case, typographic apostrophes and spacing folded,
# since outlets differ in all three ("Mother’s Day" / "Mother's Day", "TIME" / "Time",
# "Beto O’Rourke" / "Beto O'Rourke").
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "＇": "'"})


def fold_name(name: str) -> str:
    """A name as names are compared: case, typographic apostrophes and spacing folded."""
    return " ".join(name.translate(APOSTROPHES).casefold().split())


def plural(noun: str) -> str:
    """"plans", "controversies", "taxes": the plural of a singular noun (regular English)."""
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("s", "x", "z", "ch", "sh")) else "s")


def cjk_outside_brackets(text: str) -> bool:
    """Chinese characters outside brackets and short quoted names: in a Latin-script issue a
    Chinese name stays in brackets after the English one ("the alliance (中国人工智能产业发展联盟)")."""
    bare = re.sub(r"[(（\[「《][^)）\]」》]*[)）\]」》]", "", text)
    bare = re.sub(r"“[^”]{1,12}”", "", bare)  # a short quoted Chinese name: “清源”
    return bool(CJK_RE.search(bare))


def mostly_cjk(text: str) -> bool:
    """More than half of the non-space characters are CJK."""
    return len(CJK_RE.findall(text)) * 2 > len(re.sub(r"\s", "", text))


STOPWORDS = frozenset(
    ["a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "aren't", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself", "yourselves", "said", "says", "say", "told", "according", "new", "one", "two", "three", "first", "last", "year", "years", "week", "weeks", "day", "days", "time", "like", "get", "got", "make", "made", "may", "might", "must", "shall", "us", "mr", "mrs", "ms", "it's", "that's", "there's", "he's", "she's", "they're", "we're", "i'm", "don't", "didn't", "doesn't", "won't", "can't", "isn't", "wasn't", "weren't", "also", "well", "back", "even", "still", "way", "many", "much", "another", "around", "since", "per", "via", "upon", "yet", "however", "though", "although", "whether", "within", "without", "across", "among", "including", "including", "s", "t", "de", "la", "le", "el"]
)

# Chinese function characters that carry no topic on their own.
ZH_STOP = frozenset("的了是在和与及或也而就都被把对从向于为以之其这那有个上下中不人们将已并等")

_SUFFIXES = (
    "ational", "tional", "ization", "isation", "fulness", "ousness", "iveness", "ements",
    "ement", "ments", "ment", "ations", "ation", "ators", "ator", "ities", "ity", "ings", "ing",
    "ness", "less", "ists", "ist", "isms", "ism", "ives", "ive", "ized", "ised", "izes",
    "ises", "ize", "ise", "ers", "er", "ors", "or", "ies", "ied", "ed", "es", "ly", "al", "s",
)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """A light English stemmer: strip one common suffix, keeping a stem of at least 3 letters.

    Conservative by design: it conflates inflections and common derivations
    ("regulators", "regulation", "regulating" -> "regul") without Porter's full rule set.
    """
    w = word.lower().strip("'’-")
    if len(w) <= 3 or CJK_RE.search(w) or w.isdigit():
        return w
    if w.endswith("'s") or w.endswith("’s"):
        w = w[:-2]
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            w = w[: -len(suf)]
            break
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "aeiou":
        w = w[:-1]  # "planned" -> "plann" -> "plan"
    return w


def content_words(text: str) -> list[str]:
    """Stemmed content words; each Chinese character that is not a function character."""
    out: list[str] = []
    for tok in tokens(text):
        if CJK_RE.fullmatch(tok):
            if tok not in ZH_STOP:
                out.append(tok)
        elif tok not in STOPWORDS and not tok.isdigit() and len(tok) > 1:
            out.append(stem(tok))
    return out


def cjk_bigrams(text: str) -> list[str]:
    """Overlapping Chinese character pairs: the cheapest word proxy without a dictionary."""
    runs = re.findall(f"[{CJK}]+", text)
    grams: list[str] = []
    for run in runs:
        grams.extend(run[i : i + 2] for i in range(len(run) - 1))
    return grams


def terms(text: str) -> list[str]:
    """Index terms for similarity: stemmed English content words plus Chinese bigrams."""
    words = [w for w in content_words(text) if not CJK_RE.fullmatch(w)]
    return words + cjk_bigrams(text)


def shingles(text: str, size: int = 5) -> set[str]:
    """Overlapping n-grams of the normalised text, for near-duplicate detection.

    Word n-grams for alphabetic text; character n-grams for Chinese (and any text whose
    tokens are single characters), its traditional characters simplified, so a syndicated
    copy is caught in either script (a Big5 republication of a GBK article).
    """
    toks = tokens(text)
    if not toks:
        return set()
    cjk = sum(1 for t in toks if CJK_RE.fullmatch(t))
    if cjk * 2 > len(toks):
        chars = simplified("".join(toks))
        n = size
        return {chars[i : i + n] for i in range(max(1, len(chars) - n + 1))}
    n = min(size, len(toks))
    return {" ".join(toks[i : i + n]) for i in range(len(toks) - n + 1)}
