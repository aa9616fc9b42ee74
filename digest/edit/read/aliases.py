"""Which names are one entity, for the Explainer and grouping: `EntityIndex` over a week's
texts. A full name followed by an acronym or a Chinese name in brackets declares an alias
(`entities.alias_pairs`); an acronym used somewhere that spells a full name's initials is its
alias; a Chinese organisation name beside an acronym joins whatever the acronym stands for.
An entity's `kind` is "org" when one of its forms carries an organisation word (Alliance,
Agency, Ministry, Inc …: `entities.ORG_WORDS`), is an acronym that names no common thing
("AI", "CEO" name none), or is a Chinese organisation name; otherwise "name" (people, places,
products), which the Explainer does not pick. The names themselves are found by entities.py.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from digest.edit.read.entities import (
    ORG_WORDS,
    ZH_ORG_RE,
    alias_pairs,
    is_acronym,
    mentions,
    trim_zh,
)
from digest.text import CJK

_NOT_ORG_ACRONYMS = frozenset({"AI", "US", "UK", "EU?", "CEO", "CTO", "GDP", "TV", "PM", "AM",
                               "OK", "IT", "PC", "ID", "UN?", "USA", "II", "III", "IV"})
_ZH_ACRONYM_RE = re.compile(rf"([{CJK}]{{2,30}})\s*[(（]\s*([A-Z][A-Za-z0-9&]{{1,9}})\s*[)）]")


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[0].isupper())


def _kind(name: str) -> str:
    if re.search(f"[{CJK}]", name):
        return "org"
    if is_acronym(name):
        return "name" if name in _NOT_ORG_ACRONYMS else "org"
    words = {w.lower().strip(".,") for w in name.split()}
    return "org" if words & ORG_WORDS else "name"

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
                zh = trim_zh(m.group(1))
                if ZH_ORG_RE.fullmatch(zh):
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
            if len(acr) >= 3 and acr in seen and is_acronym(acr):
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
        acr = sorted(a for a in self.aliases(key) if a != key and is_acronym(a))
        return f"{key} ({acr[0]})" if acr and not is_acronym(key) else key
