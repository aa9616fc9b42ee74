"""Which names are one entity, for the Explainer and grouping: `EntityIndex` over a week's
texts. A full name followed by an acronym or a Chinese name in brackets declares an alias
(`entities.alias_pairs`); an acronym used somewhere that spells a full name's initials is its
alias, and so is one that spells a run of capitalised words the way initialisms are written
(`spellings`: "SXSW" is South by Southwest, "B2B" business to business); a Chinese
organisation name beside an acronym joins whatever the acronym stands for.
An entity's `kind` is "org" when one of its forms carries an organisation word (Alliance,
Agency, Ministry, Inc …: `entities.ORG_WORDS`), is an acronym that names no common thing
("AI", "CEO" name none), or is a Chinese organisation name; otherwise "name" (people, places,
products), which the Explainer does not pick. The names themselves are found by entities.py.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence

from digest.edit.read.entities import (
    ORG_WORDS,
    ZH_ORG_RE,
    alias_pairs,
    is_acronym,
    is_title,
    mentions,
    trim_zh,
)
from digest.text import CJK

_NOT_ORG_ACRONYMS = frozenset({"AI", "US", "UK", "EU?", "CEO", "CTO", "GDP", "TV", "PM", "AM",
                               "OK", "IT", "PC", "ID", "UN?", "USA", "II", "III", "IV"})
_ZH_ACRONYM_RE = re.compile(rf"([{CJK}]{{2,30}})\s*[(（]\s*([A-Z][A-Za-z0-9&]{{1,9}})\s*[)）]")


# How an initialism writes a run's words (rules as data, general English): a joining word is
# left out or written as a sign ("by" as X: "SXSW" is South by Southwest, as "2 x 4" is read
# "two by four"; "to" as 2, "B2B"; "for" as 4; "and" as &, "R&D"); a compass compound gives
# both its points ("Southwest": SW, as the Pacific Northwest is the PNW). Any other word of
# the run is a plain capitalised word ("Houston", not "DeAnda", "Ex-Girlfriend" or "US") and
# gives its initial.
_JOINER_SIGNS: dict[str, tuple[str, ...]] = {
    "by": ("X",), "to": ("2",), "for": ("", "4"), "and": ("", "&"), "&": ("", "&"),
    "of": ("",), "the": ("",), "de": ("",)}
_COMPOUND_LETTERS = {"northeast": "NE", "northwest": "NW", "southeast": "SE", "southwest": "SW"}
_JOINERS = "|".join(sorted((re.escape(j) for j in _JOINER_SIGNS), key=len, reverse=True))
_CAPITALISED = r"[A-Z][a-z]+"
# A run of plain capitalised words with joining words between them, on one line.
_SPELT_RUN_RE = re.compile(
    rf"(?<![\w&'’-]){_CAPITALISED}(?:[ \t]+(?:(?:{_JOINERS})[ \t]+)*{_CAPITALISED})+(?![\w'’-])")
_MAX_RUN_WORDS = 8  # a longer run is a Title Case line, no name
# A run spells an acronym out only when the week writes it so in this many texts: one Title
# Case line's words ("Water Thrown In") spell many an acronym by chance.
SPELT_MIN_TEXTS = 2


def _word_letters(word: str) -> tuple[str, ...]:
    """What an initialism may write for one word of a run."""
    key = word.lower()
    if key in _JOINER_SIGNS:
        return _JOINER_SIGNS[key]
    return tuple(dict.fromkeys((word[0], _COMPOUND_LETTERS.get(key, word[0]))))


def spellings(run: str) -> Iterator[tuple[str, str]]:
    """(initialism, words) for each stretch of `run` from one capitalised word to another (at
    least two of them) and each way an initialism writes it: "South by Southwest" gives
    ("SXSW", "South by Southwest"), ("SXS", ...), ..."""
    words = run.split()[:_MAX_RUN_WORDS]
    for i, j in itertools.combinations(range(len(words)), 2):
        if words[i].lower() in _JOINER_SIGNS or words[j].lower() in _JOINER_SIGNS:
            continue
        stretch = words[i:j + 1]
        if is_title(" ".join(stretch)):  # a title is no name: "National Security Adviser"
            continue
        for letters in itertools.product(*(_word_letters(w) for w in stretch)):
            yield "".join(letters), " ".join(stretch)


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
        self._texts = texts
        self._spelt: dict[str, str] | None = None  # a run spelling an acronym -> it (`_spell_out`)
        self._spelt_re: re.Pattern[str] | None = None
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
        self._acronyms = {a for a in seen if len(a) >= 3 and is_acronym(a)} - set(self._alias_of)

    def _spell_out(self) -> dict[str, str]:
        """Each acronym the week uses and no name's plain initials give that a run of
        capitalised words spells as initialisms are written (`spellings`), in SPELT_MIN_TEXTS
        texts or more: each way of writing that run ("South By Southwest") -> the acronym."""
        found: dict[str, dict[str, set[int]]] = defaultdict(dict)  # acronym -> run -> texts
        forms: dict[str, list[str]] = defaultdict(list)  # a run in lower case -> its forms
        for k, text in enumerate(self._texts if self._acronyms else ()):
            for m in _SPELT_RUN_RE.finditer(text):
                for acr, words in spellings(m.group(0)):
                    if acr in self._acronyms:
                        found[acr].setdefault(words.lower(), set()).add(k)
                        if words not in forms[words.lower()]:
                            forms[words.lower()].append(words)
        spelt: dict[str, str] = {}
        for acr, runs in found.items():
            for run in (r for r, ks in runs.items() if len(ks) >= SPELT_MIN_TEXTS):
                for words in forms[run]:
                    spelt.setdefault(words, acr)
        return spelt

    def spelt_out(self, text: str) -> str:
        """`text` with each run that spells one of the week's acronyms out (`_spell_out`,
        read once, when first asked) written as the acronym: one term for one name ("South
        by Southwest" is "SXSW")."""
        if self._spelt is None:
            self._spelt = self._spell_out()
        if not self._spelt:
            return text
        if self._spelt_re is None:
            forms = sorted(self._spelt, key=len, reverse=True)
            self._spelt_re = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, forms))})(?!\w)")
        spelt = self._spelt
        return self._spelt_re.sub(lambda m: spelt[m.group(0)], text)

    def canonical(self, name: str) -> str:
        seen = set()
        while name in self._alias_of and name not in seen:
            seen.add(name)
            name = self._alias_of[name]
        return name

    def chinese_forms(self) -> frozenset[str]:
        """The Chinese names the week declares in brackets after an English one ("Xinghe
        Intelligence (星河智能)"): a Chinese report writes them with no suffix that marks a
        name (星河智能 is no 公司), so they are found in its text as they are written."""
        return frozenset(a for a in self._alias_of if re.search(f"[{CJK}]", a))

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
