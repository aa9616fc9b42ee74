"""Named entities without a model: capitalised runs, acronyms, and Chinese organisation names.

English: a run of Capitalised words, allowing "of", "for", "and", "the", "on" inside
("Cyberspace Administration of China"), or an all-caps acronym ("CAC", "TC260").
A full name followed by an acronym or a Chinese name in parentheses makes them aliases:
"China AI Industry Development Alliance (AIIA)" and "… (中国人工智能产业发展联盟)".
An acronym is also tied to a full name whose initials spell it.
Chinese: runs of characters ending in an organisation suffix (联盟, 委员会, 协会, 部, 局 …), not a
word that only ends like one (全部, 东部, 部署, 格局), and from after a function word (但, 的, 在 …).

What is no name (rules as data below, general English, nothing learned from a benchmark):
a title before a name goes ("President-elect Donald J. Trump" is "Donald Trump"; "FBI
Director Christopher Wray" gives "FBI" and "Christopher Wray"; a title alone, "Sen", is none),
an initial inside a name goes ("George H.W. Bush" is "George Bush"), an acronym written with
dots is the acronym ("U.S." is "US", never "U"), a weekday or a month is no name, nor a
dateline in capitals ("WASHINGTON (AP) —"), a wire's tag ("(AP) —") or a party tag
("D-Hawaii"); a word that opens a sentence is a name only where the text also writes it so
inside a sentence, and a run that opens a sentence on a word the text writes in lower case
elsewhere loses that word when the rest is named on its own ("Phone Washington" is
"Washington"). A name never runs across a line break (a title and the body's first line).

Which names are one entity (the aliases: `alias_pairs` here, acronyms by their initials) and
its kind, org or name: aliases.py (`EntityIndex`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from digest.edit.lexicon import CALENDAR, NAME_SUFFIXES
from digest.text import CJK

_CAP = r"(?:[A-Z][\w&'’\-]*|[A-Z]{2,}\d*)"
_JOIN = r"(?:of|for|and|the|de|&)"  # not "on": "Bureau on Monday" is no name
_DOTTED = r"(?:[A-Z]\.){1,3}(?!\w)"  # "U.S.", "D.C.", an initial "J." or "H.W."
_WORD = rf"(?:{_DOTTED}|{_CAP})"
_SP = r"[ \t]+"  # never a line break: a title and the body's first line are two texts
_RUN_RE = re.compile(rf"(?<![\w.]){_WORD}(?:{_SP}(?:{_JOIN}{_SP})*{_WORD})*")
_NAME_RE = re.compile(rf"\b{_CAP}(?:\s+(?:{_JOIN}\s+)*{_CAP})*")  # (alias_pairs)
# A title before a name (the last one in a run counts): "Secretary of State Mike Pompeo".
_TITLE_RE = re.compile(
    r"\b(?:(?:Vice|Deputy|Acting|Former|Assistant|Associate|Senior|Chief|Special|Press|Prime|"
    r"Majority|Minority|National Security|Homeland Security|Defense|Health|Treasury|Foreign|"
    r"Finance|Interior|Commerce|Labor|Education|Energy|Transportation|Agriculture)\s+)*"
    r"(?:President(?:-elect)?|Sen|Senator|Rep|Representative|Congressman|Congresswoman|Gov|"
    r"Governor|Lt|Mayor|Secretary(?: of (?:State|Defense|War|Education|Energy|Labor|Commerce|"
    r"Agriculture|Transportation|Homeland Security|Veterans Affairs|the Treasury|the Interior|"
    r"the Army|the Navy|Health and Human Services|Housing and Urban Development))?|Speaker|"
    r"Leader|Whip|Chairman|Chairwoman|Chair|Judge|Justice|(?:Attorney|Surgeon|Inspector|"
    r"Solicitor|Secretary|Major|Brigadier) General|Minister|Premier|Chancellor|Ambassador|"
    r"Commissioner|Director|Adviser|Advisor|Counsel|Spokesman|Spokeswoman|Spokesperson|Dr|"
    r"Mr|Mrs|Ms|Miss|Prof|Professor|Rev|Pope|King|Queen|Prince|Princess|Sheriff|Sgt|Capt|"
    r"Col|Adm|Maj|Gen|Cmdr|Officer|Detective|CEO|Nominee|Candidate)(?![\w-])")
# A run whose tail holds one of these is a place or a thing, not a person ("King County").
NOT_PERSON = frozenset(["county", "city", "street", "avenue", "island", "islands", "state",
                         "states", "river", "park", "square", "bay", "hill", "valley", "road",
                         "center", "centre", "hall", "tower", "house", "airport", "station",
                         "bridge", "beach", "lake", "coast", "day", "award", "prize", "act",
                         "bill", "law", "amendment", "plan", "program", "programme"])
# "WASHINGTON (AP) —", "ALBANY, N.Y. –", "(Reuters) -": a dateline or a wire's tag.
_DATELINE_AFTER = re.compile(r"\)?\s*(?:,\s*[A-Z][\w.]*\s*)?(?:\([^)\n]{1,20}\)\s*)?[—–-]")
# Titles written short, with a dot that ends the run: "Arizona Sen. Martha McSally".
_SHORT_TITLES = frozenset(["Sen", "Rep", "Gov", "Lt", "Dr", "Mr", "Mrs", "Ms", "Prof", "Rev",
                           "Sgt", "Capt", "Col", "Adm", "Maj", "Gen", "Cmdr"])
_PARTY_TAG = re.compile(r"[DRI]-[A-Z][\w.]*")
_SENTENCE_START = frozenset(".!?\"“:—–-")
_PAREN_RE = re.compile(rf"({_CAP}(?:\s+(?:{_JOIN}\s+)*{_CAP})*)\s*[(（]\s*([A-Z][A-Za-z0-9&]{{1,9}}|[{CJK}]{{2,20}})\s*[)）]")
# A suffix that is a word's end, not a name's, is no suffix: 全部, 东部, 内部 ("all", "the
# east", "inside"), 部署 and 部分 ("deploy", "part"), 结局, 格局, 布局 ("ending", "pattern").
_NOT_BU = "全东西南北中内外局底顶头尾大各"
_NOT_JU = "结格布大全出开僵时当赌"
ZH_ORG_RE = re.compile(
    rf"[{CJK}]{{2,14}}?(?:联盟|委员会|协会|学会|联合会|管理局|监管局|办公室|研究院|研究所|"
    rf"集团|公司|大学|中心|(?<![{_NOT_BU}])部(?![署分])|(?<![{_NOT_JU}])局|(?<!部)署|院|组织)"
)
ORG_WORDS = frozenset(
    ["alliance", "administration", "agency", "authority", "association", "bank", "board", "bureau", "college", "commission", "committee", "company", "consortium", "corp", "corporation", "council", "court", "department", "federation", "forum", "foundation", "fund", "group", "inc", "institute", "league", "lab", "labs", "laboratory", "limited", "ltd", "ministry", "network", "office", "organisation", "organization", "parliament", "party", "regulator", "service", "society", "standard", "standards", "union", "university", "congress", "senate", "assembly", "cabinet"]
)
_LEADING_STOP = frozenset(
    ["The", "A", "An", "In", "On", "At", "For", "From", "And", "But", "Or", "Its", "It", "This", "That", "These", "Those", "When", "While", "After", "Before", "Since", "As", "If", "Yet", "So", "Meanwhile", "However", "Also", "Last", "Next", "Every", "Some", "Many", "Most", "Such", "Elsewhere", "Still", "Then", "Earlier", "Later", "According"]
)

def _strip_leading(name: str) -> str:
    parts = name.split()
    while parts and parts[0] in _LEADING_STOP:
        parts = parts[1:]
    while parts and parts[-1].lower() in {"of", "for", "and", "the", "on", "de", "&"}:
        parts = parts[:-1]
    return " ".join(parts)


def is_acronym(name: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Z0-9&]{1,9}", name)) and sum(c.isupper() for c in name) >= 2



def is_title(word: str) -> bool:
    """Whether `word` is a title written before a name ("President", "Sen", "Secretary")."""
    return _TITLE_RE.fullmatch(word) is not None


def char_before(text: str, at: int) -> str:
    """The last character before `at` that is not white space ("" at the start). No slicing:
    called for every word of a long text, a slice would make it quadratic."""
    j = at - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return text[j] if j >= 0 else ""


@dataclass(frozen=True, slots=True)
class Run:
    """A run of capitalised words (its part in one sentence) and the names it holds."""

    at: int  # where it starts in the text it was read in
    part: str
    opening: bool  # it opens a sentence (or the text)
    names: tuple[str, ...]  # `_names`: titles, initials, dates and tags out
    looks_back: bool  # its verdict reads what stands before the text (nothing but space before it)


@dataclass(frozen=True)
class Scan:
    """What `mentions` reads of a text before the choices that need all of it (which words
    it writes in lower case, which runs stand inside a sentence): a body scanned once gives
    the mentions of any title line put before it (`mentions_after`)."""

    runs: tuple[Run, ...]
    zh: tuple[str, ...]  # Chinese organisation names
    whole: bool  # every run's part was found where it stands (see `mentions_after`)


_LOWER_RE = re.compile(r"(?<![\w-])[a-z][a-z'’-]*")


def scan(text: str, end: int | None = None) -> Scan:
    """The runs and Chinese names of `text` that start before `end` (None: all of them)."""
    stop, runs, whole = len(text) if end is None else end, [], True
    for m in _RUN_RE.finditer(text, 0, stop):
        at = m.start()
        for part in _sentences(m.group(0)):
            at = text.find(part, at)  # -1: "Foo  Bar" is read as "Foo Bar" and not found
            before = char_before(text, at)
            runs.append(Run(at, part, _opens(text, at), _names(part, text, at),
                            not before or (before == "." and text.rfind(" ", 0, max(0, at - 1)) < 0)))
            whole = whole and at >= 0
            at += len(part)
    return Scan(tuple(runs), tuple(trim_zh(m.group(0)) for m in ZH_ORG_RE.finditer(text, 0, stop)),
                whole)


def mentions(text: str) -> list[str]:
    """Entity surface forms in a text, in order (with repeats); see the module docstring for
    what is no name."""
    lower: set[str] = set()
    read = scan(text)
    if read.runs:
        lower = set(_LOWER_RE.findall(text))
    return _chosen(read.runs, read.zh, lower.__contains__)


def mentions_after(head: str, body: str, scanned: Scan) -> list[str]:
    """`mentions(head + body)`, reading only the head and the body's runs that look back past
    its start (`scanned` is `scan(body)`). A head that ends a line ("Title\n", "Title.\n")
    changes no other verdict on the body: no run or word crosses the line break, and each
    run's verdict reads only the text before it up to a space and after it."""
    if not head.endswith("\n") or not scanned.whole:
        return mentions(head + body)
    text, n = head + body, len(head)
    top = scan(text, n)
    runs = [*top.runs, *(Run(n + r.at, r.part, _opens(text, n + r.at),
                             _names(r.part, text, n + r.at), False)
                         if r.looks_back else r for r in scanned.runs)]
    lower: set[str] | None = None

    def writes_lower(word: str) -> bool:  # the text's lower-case words, listed when asked
        nonlocal lower
        if lower is None:
            lower = set(_LOWER_RE.findall(text))
        return word in lower

    return _chosen(runs, (*top.zh, *scanned.zh), writes_lower)


def _chosen(runs: Sequence[Run], zh: Sequence[str], lower: Callable[[str], bool]) -> list[str]:
    """The names of a text's runs, then its Chinese names: a lone capitalised word that opens
    a sentence is a name only where the text also writes it inside one, and a run that opens
    a sentence on a word the text writes in lower case (`lower`) loses that word when the rest
    is named on its own ("Phone Washington" is "Washington")."""
    inside = {r.part for r in runs if not r.opening}
    found: list[str] = []
    for r in runs:
        for name in r.names:
            if (r.opening and r.part.startswith(name) and " " not in name
                    and not is_acronym(name) and name not in inside):
                continue
            first, _, rest = name.partition(" ")
            if r.opening and r.part.startswith(name) and rest in inside and lower(first.lower()):
                name = rest
            found.append(name)
    found.extend(zh)
    return found


def _opens(text: str, at: int) -> bool:
    """Whether the word at `at` opens a sentence (or the text)."""
    before = char_before(text, at)
    if before == ".":  # "Mr. Trump": a title's dot ends no sentence
        j = text.rfind(" ", 0, max(0, at - 1))
        word = text[j + 1:at].strip().rstrip(".")
        return _TITLE_RE.fullmatch(word) is None
    return not before or before in _SENTENCE_START


def _sentences(run: str) -> list[str]:
    """A run split where a dotted word ends a sentence: "U.S. The" is "U.S." and "The"."""
    words, parts, start = run.split(), [], 0
    for i in range(1, len(words)):
        if words[i - 1].endswith(".") and words[i] in _LEADING_STOP:
            parts.append(" ".join(words[start:i]))
            start = i
    parts.append(" ".join(words[start:]))
    return parts


def _names(run: str, text: str, at: int) -> tuple[str, ...]:
    """The names a run of capitalised words holds: titles, initials, dots, dates and tags
    out (the module docstring)."""
    before = char_before(text, at)
    if _PARTY_TAG.fullmatch(run) and before in "(,":
        return ()
    if _DATELINE_AFTER.match(text, at + len(run)) and (before == "(" or (run.isupper() and (
            _opens(text, at) or len(run) > 3))):
        return ()  # "WASHINGTON (AP) —", "(Reuters) -"
    return _held(run)


@lru_cache(maxsize=1 << 16)  # a week writes its names again and again: each run is cut once
def _held(run: str) -> tuple[str, ...]:
    """`_names` of a run wherever it stands: a title alone is none, and the run is cut at
    titles, "and" between two names, initials, dots and suffixes."""
    if _TITLE_RE.fullmatch(run):
        return ()  # a title alone
    # The run cut at each title that stands before a person ("FBI Director Christopher
    # Wray" is "FBI" and "Christopher Wray"; "Arizona Sen" is "Arizona"), then at "and"
    # between two names ("Justice Department and King County"), not inside one ("Ministry of
    # Industry and Information Technology").
    pieces, last = [], 0
    for m in _TITLE_RE.finditer(run):
        if _before_person(m, run):
            pieces.append(run[last:m.start()])
            last = m.end()
    pieces.append(run[last:])
    out: list[str] = []
    for piece in pieces:
        for part in re.split(r" and (?=[A-Z])", piece) if " of " not in piece else [piece]:
            name = _plain(part)
            if name:
                out.append(name)
    return tuple(out)


def _before_person(title: re.Match[str], run: str) -> bool:
    """Whether a title stands before a person's name (or is the short title ending a run)."""
    tail = re.split(rf"\s+{_JOIN}\s+", run[title.end():].strip())[0].split()
    if not tail:
        return title.group(0) in _SHORT_TITLES
    return tail[0][:1].isupper() and tail[0] not in NAME_SUFFIXES and not any(
        w.lower().strip(".") in NOT_PERSON | ORG_WORDS for w in tail)


def _plain(run: str) -> str:
    """A run without its weekdays and months, initials, dots and suffixes."""
    words = [w for w in _strip_leading(run).split() if w not in CALENDAR]
    # An initial between two names goes; an acronym written with dots loses them.
    words = [w for i, w in enumerate(words)
             if not (w.endswith(".") and len(w) <= 6 and 0 < i < len(words) - 1)]
    words = [w.replace(".", "") if re.fullmatch(_DOTTED, w) else w for w in words]
    while words and words[-1] in NAME_SUFFIXES:
        words.pop()
    name = _strip_leading(re.sub(r"['’]s?$", "", " ".join(words)))
    return name if len(name) > 1 else ""


# A Chinese run has no spaces: "由浙江省人民政府与亚洲开放模型联盟" holds two names, and the one
# that ends the run starts after the last function character.
_ZH_FUNCTION = re.compile(r".*(?:包括|以及|其中|目前|但是|[与和由及的在是对向为从将把被让但])")


def trim_zh(name: str) -> str:
    trimmed = _ZH_FUNCTION.sub("", name)
    return trimmed if len(trimmed) >= 3 else name


def alias_pairs(text: str) -> list[tuple[str, str]]:
    """(full name, alias) pairs declared by parentheses."""
    pairs: list[tuple[str, str]] = []
    if "(" not in text and "（" not in text:
        return pairs  # the pattern needs a bracket: no need to try it at every capital
    for m in _PAREN_RE.finditer(text):
        full = _strip_leading(m.group(1))
        if full and len(full.split()) >= 2:
            pairs.append((full, m.group(2)))
    return pairs
