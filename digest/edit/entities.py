"""Named entities without a model: capitalised runs, acronyms, and Chinese organisation names.

English: a run of Capitalised words, allowing "of", "for", "and", "the", "on" inside
("Cyberspace Administration of China"), or an all-caps acronym ("CAC", "TC260").
A full name followed by an acronym or a Chinese name in parentheses makes them aliases:
"China AI Industry Development Alliance (AIIA)" and "… (中国人工智能产业发展联盟)".
An acronym is also tied to a full name whose initials spell it.
Chinese: runs of characters ending in an organisation suffix (联盟, 委员会, 协会, 部, 局 …).

`kind` is "org" when the name carries an organisation word (Alliance, Agency, Ministry,
Inc …), is an acronym, or is a Chinese organisation name; otherwise "name" (people,
places, products), which the Explainer does not pick.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CAP = r"(?:[A-Z][\w&'’\-]*|[A-Z]{2,}\d*)"
_JOIN = r"(?:of|for|and|the|de|&)"  # not "on": "Bureau on Monday" is no name
_NAME_RE = re.compile(rf"\b{_CAP}(?:\s+(?:{_JOIN}\s+)*{_CAP})*")
_PAREN_RE = re.compile(rf"({_CAP}(?:\s+(?:{_JOIN}\s+)*{_CAP})*)\s*[(（]\s*([A-Z][A-Za-z0-9&]{{1,9}}|[{_CJK}]{{2,20}})\s*[)）]")
_ZH_ORG_RE = re.compile(
    rf"[{_CJK}]{{2,14}}?(?:联盟|委员会|协会|学会|联合会|管理局|监管局|办公室|研究院|研究所|"
    rf"集团|公司|大学|中心|部|局|署|院|组织)"
)
ORG_WORDS = frozenset(
    ["alliance", "administration", "agency", "authority", "association", "bank", "board", "bureau", "college", "commission", "committee", "company", "consortium", "corp", "corporation", "council", "court", "department", "federation", "forum", "foundation", "fund", "group", "inc", "institute", "league", "lab", "labs", "laboratory", "limited", "ltd", "ministry", "network", "office", "organisation", "organization", "parliament", "party", "regulator", "service", "society", "standard", "standards", "union", "university", "congress", "senate", "assembly", "cabinet"]
)
_LEADING_STOP = frozenset(
    ["The", "A", "An", "In", "On", "At", "For", "From", "And", "But", "Or", "Its", "It", "This", "That", "These", "Those", "When", "While", "After", "Before", "Since", "As", "If", "Yet", "So", "Meanwhile", "However", "Also", "Last", "Next", "Every", "Some", "Many", "Most", "Such", "Elsewhere", "Still", "Then", "Earlier", "Later", "According"]
)
_NOT_ORG_ACRONYMS = frozenset({"AI", "US", "UK", "EU?", "CEO", "CTO", "GDP", "TV", "PM", "AM",
                               "OK", "IT", "PC", "ID", "UN?", "USA", "II", "III", "IV"})


@dataclass
class Entity:
    key: str  # canonical (longest full) name
    kind: str  # "org" or "name"
    aliases: set[str] = field(default_factory=set)


def _strip_leading(name: str) -> str:
    parts = name.split()
    while parts and parts[0] in _LEADING_STOP:
        parts = parts[1:]
    while parts and parts[-1].lower() in {"of", "for", "and", "the", "on", "de", "&"}:
        parts = parts[:-1]
    return " ".join(parts)


def _is_acronym(name: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Z0-9&]{1,9}", name)) and sum(c.isupper() for c in name) >= 2


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


def _kind(name: str) -> str:
    if re.search(f"[{_CJK}]", name):
        return "org"
    if _is_acronym(name):
        return "name" if name in _NOT_ORG_ACRONYMS else "org"
    words = {w.lower().strip(".,") for w in name.split()}
    return "org" if words & ORG_WORDS else "name"


def char_before(text: str, at: int) -> str:
    """The last character before `at` that is not white space ("" at the start). No slicing:
    called for every word of a long text, a slice would make it quadratic."""
    j = at - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return text[j] if j >= 0 else ""


def mentions(text: str) -> list[str]:
    """Entity surface forms in a text, in order (with repeats)."""
    found: list[str] = []
    for m in _NAME_RE.finditer(text):
        name = _strip_leading(re.sub(r"['’]s?$", "", m.group(0)))
        if not name:
            continue
        if " " not in name and not _is_acronym(name):
            # A lone capitalised word at a sentence start is usually not a name.
            before = char_before(text, m.start())
            if not before or before in ".!?\"“:":
                continue
        found.append(name)
    found.extend(_trim_zh(m.group(0)) for m in _ZH_ORG_RE.finditer(text))
    return found


# A Chinese run has no spaces: "由浙江省人民政府与亚洲开放模型联盟" holds two names, and the one
# that ends the run starts after the last function character.
_ZH_FUNCTION = re.compile(r".*(?:包括|以及|其中|目前|[与和由及的在是对向为从将把被让])")
_ZH_ACRONYM_RE = re.compile(rf"([{_CJK}]{{2,30}})\s*[(（]\s*([A-Z][A-Za-z0-9&]{{1,9}})\s*[)）]")


def _trim_zh(name: str) -> str:
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


class EntityIndex:
    """Resolves surface forms to entities, merging declared and initial-based aliases."""

    def __init__(self, texts: Iterable[str], found: Sequence[Sequence[str]] | None = None) -> None:
        """`found`: each text's `mentions`, when the caller has them already (week.Read)."""
        texts = list(texts)
        self._alias_of: dict[str, str] = {}
        self._aliased: frozenset[str] | None = None
        self._forms: dict[str, set[str]] | None = None  # canonical -> its aliases
        self._kinds: dict[str, str] = {}
        for text in texts:
            for full, alias in alias_pairs(text):
                self._alias_of.setdefault(alias, full)
        # "亚洲开放模型联盟（AOMA）": the Chinese name joins whatever the acronym stands for.
        for text in texts:
            for m in _ZH_ACRONYM_RE.finditer(text):
                zh = _trim_zh(m.group(1))
                if _ZH_ORG_RE.fullmatch(zh):
                    self._alias_of.setdefault(zh, m.group(2))
        fulls: dict[str, str] = {}
        seen: set[str] = set()
        for names in (found if found is not None else [mentions(t) for t in texts]):
            for name in names:
                seen.add(name)
                if len(name.split()) >= 2:
                    fulls.setdefault(_initials(name), name)
        # An acronym that is used somewhere and spells a full name's initials is its alias.
        for acr, full in fulls.items():
            if len(acr) >= 3 and acr in seen and _is_acronym(acr):
                self._alias_of.setdefault(acr, full)

    def canonical(self, name: str) -> str:
        seen = set()
        while name in self._alias_of and name not in seen:
            seen.add(name)
            name = self._alias_of[name]
        return name

    def has_aliases(self, key: str) -> bool:
        """True when the entity has another form besides `key` (an acronym, a Chinese name)."""
        if self._aliased is None:
            self._aliased = frozenset(self.canonical(a) for a in self._alias_of)
        return key in self._aliased

    def aliases(self, key: str) -> set[str]:
        if self._forms is None:  # once: asked for every name of a big week
            self._forms = defaultdict(set)
            for a in self._alias_of:
                self._forms[self.canonical(a)].add(a)
        return self._forms.get(key, set()) | {key}

    def entities_in(self, text: str) -> dict[str, int]:
        return self.resolve(mentions(text))

    def resolve(self, names: Iterable[str]) -> dict[str, int]:
        """Mentions (surface forms) counted by entity."""
        counts: dict[str, int] = defaultdict(int)
        for name in names:
            counts[self.canonical(name)] += 1
        return dict(counts)

    def kind(self, key: str) -> str:
        if key not in self._kinds:
            forms = self.aliases(key)
            self._kinds[key] = "org" if any(_kind(f) == "org" for f in forms) else "name"
        return self._kinds[key]

    def display(self, key: str) -> str:
        """'Full Name (ACR)' when an acronym alias exists, else the full name."""
        acr = sorted(a for a in self.aliases(key) if a != key and _is_acronym(a))
        return f"{key} ({acr[0]})" if acr and not _is_acronym(key) else key
