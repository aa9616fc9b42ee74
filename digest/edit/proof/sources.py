"""The week's articles as the copy editor checks a name against them (`Sources`): how the
sources write a name — its surname after a first name (`rest_of`), its first name before a
surname (`first_of`), "the" before it, alone, or speaking — read only in the texts that hold
it (`having`: a name is in few of a week's articles). The TL;DR's rules (proof/tldr.py), the
intro's (proof/intro.py, proof/item.py) and the writers of both (write/tldr, write/intro,
write/cover, write/casing) ask it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from digest.edit.lexicon import AUXILIARIES, STOPWORDS, stem
from digest.edit.read.entities import is_title

# A name used on its own is followed by punctuation, a function word or a verb ("the Senate
# voted", "the White House said"), not by the noun it qualifies ("the Aziz Ansari story") or
# by more of a longer name.
_AFTER = re.compile(r"\s+([A-Za-z][\w’'-]*)")


@dataclass(frozen=True)
class Sources:
    """The week's articles as the copy editor checks a name against them."""

    texts: tuple[str, ...]

    @cached_property
    def text(self) -> str:
        return "\n".join(self.texts)

    @cached_property
    def words(self) -> frozenset[str]:
        return frozenset(re.findall(r"[a-z]+", self.text.lower()))

    @cached_property
    def lower_stems(self) -> frozenset[str]:
        """The stems of the words the sources write in lower case ("refer" for "referred")."""
        return frozenset(stem(w) for w in  # (each word stemmed once, not at each of its uses)
                         set(re.findall(r"(?<![\w’'-])[a-z]+(?![\w-])", self.text)))

    @cached_property
    def _having(self) -> dict[str, str]:
        return {}

    @cached_property
    def _prose_having(self) -> dict[str, str]:
        return {}

    def holding(self, literal: str) -> tuple[str, ...]:
        """The texts that hold `literal` (not kept: `having` keeps their join)."""
        return tuple(t for t in self.texts if literal in t)

    def having(self, literal: str) -> str:
        """The texts that hold `literal`, joined: a pattern that needs it matches nowhere else,
        and a name is in few of a week's articles (a scan of them all, per name, was the
        intro's and TL;DR's cost at 10,000 articles)."""
        got = self._having.get(literal)
        if got is None:
            got = self._having[literal] = "\n".join(t for t in self.texts if literal in t)
        return got

    def prose_having(self, literal: str) -> str:
        """The texts that hold `literal` (see `having`) without their first line (an
        article's Title Case title)."""
        got = self._prose_having.get(literal)
        if got is None:
            got = self._prose_having[literal] = "\n".join(
                t.partition("\n")[2] or t for t in self.texts if literal in t)
        return got

    def count(self, pattern: str, literal: str | None = None) -> int:
        """How often `pattern` matches; `literal`: a string every match holds, so only the
        texts holding it are read."""
        return len(re.findall(pattern, self.text if literal is None else self.having(literal)))

    def mid(self, word: str) -> int:
        """How often `word` is written as given inside a sentence (after a lower-case word)."""
        return self.count(rf"\b[a-z][\w,]*[^\S\n]+{re.escape(word)}(?![\w-])", word)

    def rest_of(self, name: str) -> str | None:
        """The word the sources write after `name` (a first name, a name's first word: "Nancy"
        → "Pelosi", "Carthen" → "Data") when they do so at least twice and in two of three
        of its uses, else None."""
        esc = re.escape(name)
        after = re.findall(rf"(?<![\w-]){esc}\s+([A-Z][\w’'-]*)", self.having(name))
        pair, n = _most_common(after)
        full = n >= 2 and 3 * n >= 2 * self.count(rf"(?<![\w-]){esc}(?![\w-])", name)
        return pair if full else None

    def first_of(self, surname: str) -> str | None:
        """The first name the sources write before `surname` ("Kudlow" → "Larry") at least
        twice and in two of three of its uses, titles aside; else None."""
        esc = re.escape(surname)
        before = [b for b in re.findall(rf"(?:^|[\s(])([A-Z][a-z]+\.?\s+|)(?=\b{esc}\b)",
                                        self.having(surname))
                  if not is_title(b.strip().rstrip("."))]
        first, n = _most_common(b.strip() for b in before if b)
        return first if n >= 2 and 3 * n >= 2 * len(before) else None

    def first_name(self, name: str) -> bool:
        """Whether the sources write `name` with the same word after it (`rest_of`)."""
        return self.rest_of(name) is not None

    def alone(self, name: str, *, the: bool) -> int:
        """How often the sources use `name` on its own (`_AFTER`), after "the" or anywhere."""
        before = r"\b[Tt]he\s+" if the else r"(?<![\w-])"
        n = 0
        text = self.having(name)
        for m in re.finditer(rf"{before}{re.escape(name)}(?![\w-])", text):
            nxt = _AFTER.match(text, m.end())
            word = nxt.group(1) if nxt else ""
            n += not word or (word.islower() and (
                word in STOPWORDS or word in AUXILIARIES or word.endswith(("ed", "s"))))
        return n

    def takes_the(self, name: str) -> bool:
        """Whether the sources write "the" before `name` on its own."""
        return self.alone(name, the=True) > 0

    def speaks(self, name: str) -> bool:
        """Whether the sources have `name` say something (a person, not a place)."""
        return self.count(rf"(?<![\w-]){re.escape(name)}\s+(?:said|says|told|added)\b",
                          name) > 0


def _most_common(words: Iterable[str]) -> tuple[str, int]:
    """The most frequent word and its count (("", 0) for none). Callers want it only when it
    holds more than half of the uses, where it is the one word whatever ties between others;
    counted once, not once per distinct word (a week's common name had thousands)."""
    counts = Counter(words)
    return max(counts.items(), key=lambda kv: kv[1], default=("", 0))
