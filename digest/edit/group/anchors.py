"""Names, identifiers and numbers that tie articles together across words and languages.

Two problems of word-based clustering in a small, mixed-language week:

* A long name is many terms. "亚洲开放模型联盟" is six character bigrams, "Asia Open Model
  Alliance" four words and three bigrams, so two articles about *different* events that both
  mention the alliance look alike. `cluster_text` therefore rewrites every multi-word or
  Chinese entity name as one token per entity (aliases resolved through the EntityIndex) and
  drops the newsletter's own topic heads ("AI", "人工智能"), which every article shares.
* A Chinese and an English report of one event share almost no terms. `link_languages`
  joins a story written only in CJK to the story in another script that shares enough *rare
  anchors*: entities (AOMA ~ 亚洲开放模型联盟 through the index), identifiers ("T/AOMA
  012-2026", "HQ-900"), dates ("20 November" ~ "11月20日") and numbers with a unit ("23
  countries" ~ "23国", "500,000 yuan" ~ "50万元"). An anchor shared by many stories is
  worth little (1 / (stories holding it - 1)); a link needs two anchors worth LINK_SCORE and
  must beat the runner-up clearly. Candidates come from an inverted index of anchors, so
  nothing compares all pairs.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from digest.edit.lexicon import APOSTROPHES, CJK_RE, MONTHS, WEEKDAYS, fold_name, mostly_cjk
from digest.edit.read.aliases import EntityIndex
from digest.edit.read.entities import char_before, mentions
from digest.script import simplified

LINK_SCORE = 1.5
_MONTHS = {m.lower(): i for i, m in enumerate(MONTHS, start=1)}
# "T/AOMA 012-2026", "Lingxi-3", "HQ900"; Chinese text has no word boundary before Latin.
_IDENT_RE = re.compile(r"(?<![A-Za-z0-9])(?:[A-Z][A-Za-z]*/[A-Z][A-Za-z]*\s?\d[\d.\-]*|"
                       r"[A-Za-z]+-\d[\w.]*|[A-Z]{2,}\d+[A-Z\d]*)(?![A-Za-z])")
_EN_DATE_RE = re.compile(r"\b(\d{1,2})\s+(January|February|March|April|May|June|July|August|"
                         r"September|October|November|December)\b|\b(January|February|March|"
                         r"April|May|June|July|August|September|October|November|December)\s+"
                         r"(\d{1,2})\b")
_ZH_DATE_RE = re.compile(r"(\d{1,2})月(\d{1,2})日")
_EN_NUM_RE = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(million|billion|"
                        r"per cent|percent|%)?\s*([a-z]+)?")
# A Chinese figure: its scale (亿, 万; 億, 萬 in traditional script) whatever follows ("1200亿，"),
# else the character after it, a unit or a counter (50辆, 23国).
_ZH_NUM_RE = re.compile(r"(\d+(?:\.\d+)?)\s*(?:([万亿萬億])|([\u4e00-\u9fff%]))")
_SCALE = {"million": 1e6, "billion": 1e9, "万": 1e4, "亿": 1e8, "萬": 1e4, "億": 1e8}
_UNIT_WORDS = frozenset(["countries", "companies", "members", "firms", "delegates", "experts",
                         "people", "yuan", "dollars", "calls", "apps", "robots", "models",
                         "per", "percent", "%", "nations", "cities", "chips", "engineers"])


_WORD_RE = re.compile(r"[A-Za-z][\w'’\-]*")
# Title Case: at least this share of a title's longer words are capitalised ("Trump Asked
# Comey to Drop Flynn Investigation"); sentence case rarely passes half.
TITLE_CASE_SHARE = 0.75
# A capitalised word after one of these opens a sentence, a quotation or an aside.
_OPENERS = frozenset(".!?\"“:‘'(—–-")
# The words of _WORD_RE that begin with a capital (a word starts after no letter, digit, _ or
# apostrophe: "McDonald" is one word, "3D" has none).
_CAPITALISED_WORD_RE = re.compile(r"(?<![\w'’\-])[A-Z][\w'’\-]*")
_POSSESSIVE_RE = re.compile(r"['’]s$")


def is_title_case(title: str) -> bool:
    """A headline in Title Case, where capitals say nothing about names."""
    words = [w for w in _WORD_RE.findall(title) if len(w) >= 4 and not w.isupper()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words)


def name_words(texts: Sequence[str]) -> frozenset[str]:
    """Capitalised words that stand mid-sentence in running text (or are acronyms): the
    week's names, as its sentence-case lines (titles, paragraphs) spell them."""
    out: set[str] = set()
    for text in (line for t in texts for line in t.splitlines() if not is_title_case(line)):
        for m in _CAPITALISED_WORD_RE.finditer(text):
            w = m.group(0)
            before = char_before(text, m.start())
            if w.isupper() or (before and before not in _OPENERS):
                out.add(w)
    return frozenset(_POSSESSIVE_RE.sub("", w) for w in out)


def never_lower(texts: Sequence[str]) -> frozenset[str]:
    """Capitalised words of Title Case lines that the week never writes in lower case: the
    names a week of bare headlines holds. With no running text, `name_words` sees only the
    names its few sentence-case headlines happen to put mid-sentence, and `sentence_case`
    lower-cases the rest ("Al Franken Blasts Comcast" became "Al franken blasts comcast", one
    term apart from "Franken says ..." under space.cased_terms). A word some line writes in
    lower case ("Blasts", "Charge") is a common word in capitals; one no line does is read as
    a name. Acronyms are names already."""
    lower: set[str] = set()
    capital: set[str] = set()
    for line in (line for t in texts for line in t.splitlines()):
        title_case = is_title_case(line)
        for w in _WORD_RE.findall(line):
            if w[0].islower():
                lower.add(w)
            elif title_case and not w.isupper():
                capital.add(w)
    return frozenset(w for w in capital if w[0].lower() + w[1:] not in lower)


def sentence_case(title: str, names: frozenset[str]) -> str:
    """A Title Case headline with every capitalised word but the first, acronyms and the
    week's names lower-cased, so the name finder sees names and not the whole headline."""
    if not is_title_case(title):
        return title
    first = True

    def fix(m: re.Match[str]) -> str:
        nonlocal first
        w = m.group(0)
        if first:
            first = False
            return w
        if w.isupper() or re.sub(r"['’]s$", "", w) in names or not w[0].isupper():
            return w
        return w[0].lower() + w[1:]

    return _WORD_RE.sub(fix, title)


def _token(key: str) -> str:
    return " E" + hashlib.sha1(key.encode()).hexdigest()[:10] + " "


def cluster_text(text: str, index: EntityIndex, topic_heads: Sequence[str]) -> str:
    """`text` with each Chinese entity name as one token, each English name that has another
    form (an acronym, a Chinese name) followed by that token, and the topic heads removed.

    A Chinese name is many character bigrams, so two events that share only an alliance's name
    would look alike; an English name keeps its words (one outlet writes "John Kerry", another
    "Kerry"), and the token ties "AOMA" to "Asia Open Model Alliance" and 亚洲开放模型联盟."""
    forms = sorted({m for m in mentions(text) if " " in m or m.isupper() or CJK_RE.search(m)},
                   key=len, reverse=True)
    for form in forms:
        key = index.canonical(form)
        if CJK_RE.search(form):
            text = text.replace(form, _token(key))
        elif index.has_aliases(key):
            text = re.sub(rf"(?<!\w){re.escape(form)}(?!\w)", f"{form}{_token(key)}", text)
    text = simplified(text)  # (a traditional report's words meet a simplified one's: script.py)
    for head in topic_heads:
        if CJK_RE.search(head):
            text = text.replace(simplified(head), " ")
        else:
            text = re.sub(rf"(?<!\w){re.escape(head)}(?!\w)", " ", text, flags=re.IGNORECASE)
    return text


def anchors(text: str, index: EntityIndex, found: Sequence[str] | None = None) -> set[str]:
    """Language-neutral anchors of a text: entities, identifiers, dates, numbers with units.
    `found`: the text's `mentions`, when the caller has them already."""
    out = {"e:" + index.canonical(m) for m in (mentions(text) if found is None else found)
           if " " in m or CJK_RE.search(m) or m.isupper()}
    if CJK_RE.search(text):  # a Chinese name the week declared after an English one
        out |= {"e:" + index.canonical(z) for z in index.chinese_forms() if z in text}
    out |= {"i:" + m.group(0).replace(" ", "").upper() for m in _IDENT_RE.finditer(text)}
    for m in _EN_DATE_RE.finditer(text):
        day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        out.add(f"d:{_MONTHS[month.lower()]}-{int(day)}")
    out |= {f"d:{int(m.group(1))}-{int(m.group(2))}" for m in _ZH_DATE_RE.finditer(text)}
    for m in _EN_NUM_RE.finditer(text):
        scale, unit = m.group(2), m.group(3)
        if scale is None and (unit is None or unit not in _UNIT_WORDS):
            continue
        out.add(_number(m.group(1), scale))
    for m in _ZH_NUM_RE.finditer(text):
        if m.group(2) or m.group(3) not in "年月日号时点":
            out.add(_number(m.group(1), m.group(2)))
    return {a for a in out if a != "n:"}


# Across scripts any count is an anchor ("50 vehicles" ~ 50辆, "800,000 trips" ~ 80万单): the
# Chinese side counts only with a unit or a counter after its figure, so an English figure
# before any plural word meets it (within one script `_UNIT_WORDS` keeps counts of events).
_COUNTED_RE = re.compile(r"(?<![\w.,$])(\d{1,3}(?:,\d{3})+|\d+)\s+(?:[a-z]+-)?[a-z]{3,}s\b")


def _counted(text: str) -> set[str]:
    """An English text's counts ("50 vehicles"): the cross-language links' anchors only."""
    if mostly_cjk(text):
        return set()
    return {n for m in _COUNTED_RE.finditer(text) if (n := _number(m.group(1), None)) != "n:"}


def _number(digits: str, scale: str | None) -> str:
    value = float(digits.replace(",", "")) * _SCALE.get((scale or "").strip(), 1.0)
    if 1900 <= value <= 2100 and scale is None:
        return "n:"  # a bare year says nothing about which event
    return f"n:{value:g}"


def link_languages(labels: list[int], texts: Sequence[str], index: EntityIndex) -> list[int]:
    """Merge each all-CJK story into the other-script story it shares the most rare anchors
    with (see the module docstring); a label per text, as `labels`."""
    groups: dict[int, list[int]] = defaultdict(list)
    for i, lab in enumerate(labels):
        groups[lab].append(i)
    cjk = {lab: all(mostly_cjk(texts[i]) for i in m) for lab, m in groups.items()}
    if not any(cjk.values()) or all(cjk.values()):
        return labels
    held: dict[int, set[str]] = {lab: set() for lab in groups}
    for i, lab in enumerate(labels):
        held[lab] |= anchors(texts[i], index) | _counted(texts[i])
    stories_with: dict[str, set[int]] = defaultdict(set)
    for lab, anch in held.items():
        for a in anch:
            stories_with[a].add(lab)
    target: dict[int, int] = {}
    for lab in sorted(groups):
        if not cjk[lab]:
            continue
        scores: dict[int, float] = defaultdict(float)
        shared: dict[int, int] = defaultdict(int)
        for a in held[lab]:
            others = stories_with[a] - {lab}
            for other in others:
                if not cjk[other]:
                    scores[other] += 1.0 / len(others)
                    shared[other] += 1
        ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
        if not ranked:
            continue
        best, score = ranked[0]
        runner = ranked[1][1] if len(ranked) > 1 else 0.0
        if shared[best] >= 2 and score >= LINK_SCORE and score >= 2 * runner:
            target[lab] = best
    return [target.get(lab, lab) for lab in labels]


_WEEKDAYS = frozenset(WEEKDAYS)
_CAPITALISED_RE = re.compile(r"\b[A-Z][a-z]{2,}\b")
# An anchor in more of the week's articles names the beat, not an event; but a small week's
# biggest story alone can fill a fifth of it, so a handful of texts always counts.
EVENT_ANCHOR_MAX_SHARE = 0.2
EVENT_ANCHOR_MIN_LIMIT = 6


def event_anchors(texts: Sequence[str], index: EntityIndex,
                  found: Sequence[Sequence[str]] | None = None) -> list[frozenset[str]]:
    """Per text, the rare anchors that can tie it to another report of the same event.

    `anchors` plus single-word names ("Qingwan", "Shenzhen"). A one-word name counts wherever
    it stands once the week has it mid-sentence somewhere (a name that opens every sentence it
    is in is still a name). Weekdays and months go, and so does any anchor found in more than
    a fifth of the week's texts ("China" in a China newsletter) unless the week is small.
    `found`: each text's `mentions`, when the caller has them already (week.Read).
    """
    found = [mentions(t) for t in texts] if found is None else found
    singles = {m for ms in found for m in ms
               if " " not in m and not CJK_RE.search(m) and m not in _WEEKDAYS
               and m.lower() not in _MONTHS}
    held = []
    for text, ms in zip(texts, found, strict=True):
        out = anchors(text, index, ms)
        out |= {"e:" + index.canonical(w) for w in _CAPITALISED_RE.findall(text) if w in singles}
        held.append(out)
    counts: dict[str, int] = defaultdict(int)
    for out in held:
        for a in out:
            counts[a] += 1
    limit = max(EVENT_ANCHOR_MIN_LIMIT, EVENT_ANCHOR_MAX_SHARE * len(texts))
    return [frozenset(a for a in out if counts[a] <= limit and not a.startswith("d:"))
            for out in held]


def same_name(anchor: str) -> str:
    """The key two reports' anchors are compared by: a name folded as every room folds names
    (`lexicon.fold_name`: case, apostrophes, spacing); identifiers and numbers as they are."""
    return "e:" + fold_name(anchor[2:]) if anchor.startswith("e:") else anchor


# A one-word name's other forms: its people or language (Libya / Libyan, China / Chinese,
# Ukraine / Ukrainian, Iraq / Iraqi, Japan / Japanese) and its plural (Bitcoin / Bitcoins,
# America / Americans): the ending is added to the name, or to the name without its final
# vowel. Rules as data; a root is at least NAME_ROOT_MIN letters.
NAME_ENDINGS = ("ians", "ian", "ans", "an", "ese", "is", "i", "ns", "n", "s")
NAME_FINAL_VOWELS = "aeoy"
NAME_ROOT_MIN = 4


def name_forms(keys: Iterable[str]) -> dict[str, str]:
    """For the `same_name` keys of a week's one-word names, each key that is another form of
    one of the others (NAME_ENDINGS) mapped to that name's key: "e:libyan" -> "e:libya",
    "e:chinese" -> "e:china", "e:bitcoins" -> "e:bitcoin". Only a form of a name the week
    holds is mapped, so two derived forms that share a root are not ("Jordan", "Jordi")."""
    words = sorted(k[2:] for k in keys if k.startswith("e:") and k[2:].isascii()
                   and k[2:].isalpha())
    bases: dict[str, str] = {}
    for w in words:
        bases.setdefault(w, w)
        if w[-1] in NAME_FINAL_VOWELS and len(w) > NAME_ROOT_MIN:
            bases.setdefault(w[:-1], w)
    out: dict[str, str] = {}
    for w in words:
        for ending in NAME_ENDINGS:
            root = w[:-len(ending)]
            if w.endswith(ending) and len(root) >= NAME_ROOT_MIN and bases.get(root, w) != w:
                out["e:" + w] = "e:" + bases[root]
                break
    for key in out:  # "e:russians" -> "e:russian" -> "e:russia" (a form is never longer)
        for _ in range(len(NAME_ENDINGS)):
            if out[key] not in out or out[out[key]] == key:
                break
            out[key] = out[out[key]]
    return out


def subject_held(texts: Sequence[str], held: Sequence[frozenset[str]],
                 index: EntityIndex) -> list[frozenset[str]]:
    """`held` (each text's event anchors) where the text's title names one of them, else
    nothing; the anchors kept are compared by `same_name`, a one-word name's other forms as
    the name (`name_forms`).

    Only such reports are damped for sharing no anchor (stories.UNANCHORED): "a Shenzhen fund"
    and "a Suzhou race" each name in their titles where they happen, and that they differ is
    evidence of two events; an opinion piece whose title names nothing, quoting a scholar or
    naming a person in passing, gives no such evidence ("the pardons").
    On allsides_dev weeks (bench/allsides.py --grouping, threshold chosen on the other half):
    95.6 / 94.7 held out with every anchored report damped, 95.9 / 94.99 with reports damped
    whose title names an anchor or whose text names one twice, 95.92 / 95.09 with the title
    alone and names compared by `same_name`,
    96.15 / 95.18 with the split pass (split.py), 96.20 / 95.20 with `name_forms` (uci:
    bench/cluster.py 91.05 / 87.26 -> 91.15 / 87.29; "Libyan navy" and "Libya" were damped).
    """
    out = []
    for text, h in zip(texts, held, strict=True):
        if not h:
            out.append(h)
            continue
        title = text.split("\n", 1)[0]
        in_title = anchors(title, index)
        folded = title.translate(APOSTROPHES)
        subject = any(a in in_title or (a.startswith("e:") and re.search(
            # a whole word of the title ("US" is not in "business")
            rf"(?<!\w){re.escape(same_name(a)[2:])}(?!\w)", folded, re.IGNORECASE))
            for a in h)
        out.append(frozenset(same_name(a) for a in h) if subject else frozenset())
    forms = name_forms({a for h in out for a in h})
    return [frozenset(forms.get(a, a) for a in h) for h in out]
