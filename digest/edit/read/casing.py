"""A lead-in in capitals, cased as prose.

Print-styled pages open a story with its first words in capitals ("THE TRUMP administration
would eliminate …", "EVER SINCE HE ANNOUNCED HIS CANDIDACY to lead …"); a copy editor sets
them in sentence case. Each word is cased as the texts write it elsewhere (`Casing`): as they
write it mid-sentence, outside a run of capitals, most often ("administration", "Trump",
"FBI"); a word written capitalised beside its neighbour in the lead-in ("New York", "United
States") is a name's, whatever the word alone is ("new"); a function word never seen is
lower case. A word whose case is found nowhere leaves the sentence as written: a name's case is
never guessed ("NANCY PELOSI said …" is not "Nancy pelosi said …").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from digest.edit.lexicon import STOPWORDS

# A word as the lead-in writes it: letters, inner apostrophes and hyphens ("TRUMP'S",
# "COVID-19"), or an acronym with its full stops ("U.S."); no quote mark before it (a
# quotation in capitals is its speaker's emphasis: never mended).
_WORD = re.compile(r"(?:[A-Za-z]\.){2,}|[A-Za-z0-9]+(?:['’\-][A-Za-z0-9]+)*")
_DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}")
_CAPS = re.compile(r"((?:[A-Z]\.){2,}|[A-Z][A-Z0-9]*(?:['’\-][A-Z0-9]+)*)"
                   r"(?![\w'’\-])")
# Where a text starts a sentence, so a capital there says nothing of the word's case.
_OPENS = re.compile(r"(?:[.!?:;\"“‘(\[—–\n]|\s-)\s*$")
# Word-final pieces after an apostrophe, always lower case ("TRUMP'S", "DON'T", "WE'RE").
_CLITICS = frozenset({"s", "t", "re", "ve", "ll", "d", "m"})
# Function words a lead-in may hold that are a name's or a pronoun's when written otherwise.
_NOT_FUNCTION = frozenset({"i", "us", "new", "de", "la", "le", "el", "mr", "mrs", "ms"})


def _partition(word: str) -> tuple[str, str, str]:
    """`word` split at its first apostrophe ("TRUMP", "'", "S"), or (word, "", "")."""
    m = re.search(r"['’]", word)
    return (word[:m.start()], m.group(0), word[m.end():]) if m else (word, "", "")


def _caps(word: str) -> bool:
    """Written in capitals, with two letters or more ("FBI", "U.S.", not "A" or "I")."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _opens(text: str, at: int) -> bool:
    """Whether a word at `at` opens a sentence (or a quotation, a bracket, a line)."""
    back = text[max(0, at - 4):at]
    return (at <= 4 and not back.strip()) or bool(_OPENS.search(back))


def _upper(word: str) -> bool:
    return not any(c.islower() for c in word)


def _run(a: str, b: str) -> bool:
    """Whether two words side by side are both in capitals, one of two letters or more."""
    return _upper(a) and _upper(b) and (_caps(a) or _caps(b))


def _in_run(text: str, start: int, end: int) -> bool:
    """Whether the word at `start:end` stands in a run of capitals (a lead-in or a heading:
    no evidence of its case): "HALF" and "A" in "NEARLY HALF A decade"."""
    before = _BEFORE.search(text, max(0, start - 40), start)
    after = _AFTER.match(text, end, end + 40)
    return any(m is not None and _run(text[start:end], m.group(1)) for m in (before, after))


_BEFORE = re.compile(r"([\w'’.\-]+)[ \t]+$")
_AFTER = re.compile(r"[ \t]+([\w'’.\-]+)")


def _search(key: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'’\-]){key}(?![\w'’\-])", re.IGNORECASE)


# A word as `_search` finds it: a whole run of word characters, apostrophes and hyphens, the
# same word in either case; re.IGNORECASE also takes "İ" and "ı" for "i", "ſ" for "s" and the
# Kelvin sign for "k" (and no other letter for a letter, digit or mark a key holds).
_RUN = re.compile(r"[\w'’\-]+")
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
_INDEXED = re.compile(r"[a-z0-9'’\-]+")  # a key the index answers ("u.s." is searched for)


def _key(run: str) -> str:
    return run.lower() if run.isascii() else run.translate(_FOLD).lower()


@dataclass(frozen=True)
class Written:
    """A text's written words, read once: where each run (`_RUN`) starts, by its `_key`, so
    a word is looked up, not searched for through the whole text."""

    text: str
    starts: dict[str, list[int]]

    def find(self, key: str) -> Iterator[tuple[int, int]]:
        """The spans where the text writes the word `key` (lower case), in order."""
        if not _INDEXED.fullmatch(key):
            yield from (m.span() for m in _search(re.escape(key)).finditer(self.text))
            return
        yield from ((a, a + len(key)) for a in self.starts.get(key, ()))

    def pairs(self, first: str, second: str) -> Iterator[tuple[tuple[int, int], tuple[int, int]]]:
        """The spans where the text writes `first` and `second` (lower case) side by side, a
        space between them, in order and never overlapping (as one search would find them)."""
        if not (_INDEXED.fullmatch(first) and _INDEXED.fullmatch(second)):
            pattern = _search(rf"({re.escape(first)}) ({re.escape(second)})")
            yield from ((m.span(1), m.span(2)) for m in pattern.finditer(self.text))
            return
        # `first` ends one space before `second` starts (two runs: nothing else between)
        ones, twos, gap = self.starts.get(first, []), self.starts.get(second, []), len(first) + 1
        if len(ones) <= len(twos):
            found = [a for a in ones if _holds(twos, a + gap)]
        else:
            found = [b - gap for b in twos if _holds(ones, b - gap)]
        free = 0
        for a in found:
            if a >= free and self.text[a + gap - 1] == " ":
                free = a + gap + len(second)
                yield (a, a + gap - 1), (a + gap, free)


def _holds(ordered: list[int], x: int) -> bool:
    k = bisect_left(ordered, x)
    return k < len(ordered) and ordered[k] == x


def written(text: str) -> Written:
    starts: dict[str, list[int]] = {}
    for m in _RUN.finditer(text):
        starts.setdefault(_key(m.group(0)), []).append(m.start())
    return Written(text, starts)


@dataclass(frozen=True, eq=False)
class Casing:
    """Where a lead-in's case is read: `texts` (title, body) pairs, read the first time a
    lead-in asks and indexed once (`Written`: a week full of lead-ins looks each word up,
    never searches the week's texts for it); what they never write is asked of `wider` (the
    week's texts). A title gives only lower case (its style may capitalise every word)."""

    texts: Callable[[], Sequence[tuple[str, str]]]
    wider: Casing | None = None
    # what `words` and `pair` found, asked once each
    _seen: dict[str, Counter[str]] = field(default_factory=dict, init=False, repr=False)
    _seen_pairs: dict[tuple[str, str], Counter[tuple[str, str]]] = field(
        default_factory=dict, init=False, repr=False)

    @cached_property
    def _bodies(self) -> Written:
        return written("\n".join(body for _, body in self.texts()))

    @cached_property
    def _titles(self) -> Written:
        return written("\n".join(title for title, _ in self.texts()))

    def words(self, key: str) -> Counter[str]:
        """How the texts write the word `key` mid-sentence, outside a run of capitals, counted
        by form ("Trump": 4, "trump": 1)."""
        if key in self._seen:
            return self._seen[key]
        out: Counter[str] = Counter()
        titles = self._titles.text
        out.update(titles[a:b] for a, b in self._titles.find(key) if titles[a:b].islower())
        text = self._bodies.text
        for a, b in self._bodies.find(key):
            word = text[a:b]
            if word.islower() or not (_opens(text, a) or _in_run(text, a, b)):
                out[word] += 1
        self._seen[key] = out
        return out

    def pair(self, first: str, second: str) -> Counter[tuple[str, str]]:
        """How the texts write two words capitalised side by side ("New Haven"), the first
        not opening a sentence, neither in a run of capitals."""
        if (first, second) in self._seen_pairs:
            return self._seen_pairs[first, second]
        out: Counter[tuple[str, str]] = Counter()
        text = self._bodies.text
        for one, two in self._bodies.pairs(first, second):
            a, b = text[one[0]:one[1]], text[two[0]:two[1]]
            if (a[:1].isupper() and b[:1].isupper() and not _run(a, b)
                    and not _opens(text, one[0]) and not _in_run(text, *one)
                    and not _in_run(text, *two)):
                out[(a, b)] += 1
        self._seen_pairs[first, second] = out
        return out

    def chain(self) -> list[Casing]:
        return [self] + (self.wider.chain() if self.wider is not None else [])

    def form(self, words: Sequence[str], k: int) -> str | None:
        """How word `k` of a lead-in's `words` is written in prose, or None if unknown: as
        its texts write it beside a neighbour in the lead-in, else alone, the most often
        (as often one way as the other: None)."""
        key = words[k].lower()
        for casing in self.chain():
            for j, side in ((k - 1, 1), (k + 1, 0)):
                if 0 <= j < len(words):
                    pair = (words[j].lower(), key) if side else (key, words[j].lower())
                    found = casing.pair(*pair)
                    if found:
                        return found.most_common(1)[0][0][side]
        for casing in self.chain():
            seen = casing.words(key)
            if seen:
                top = seen.most_common(2)
                return top[0][0] if len(top) == 1 or top[0][1] > top[1][1] else None
        return None


def _cased(word: str, k: int, words: Sequence[str], casing: Casing) -> str | None:
    """`word` (in capitals, `words[k]` of its lead-in) as prose writes it, or None."""
    if _DOTTED.fullmatch(word):
        return word
    form = casing.form(words, k)
    if form is None:
        head, sep, tail = _partition(word)
        if sep and tail.lower() in _CLITICS:
            part = _cased(head, k, [*words[:k], head, *words[k + 1:]], casing)
            return None if part is None else part + sep + tail.lower()
        if "-" in word:
            parts = [_cased(p, k, [*words[:k], p, *words[k + 1:]], casing)
                     for p in word.split("-")]
            return None if None in parts else "-".join(p for p in parts if p is not None)
        if word.isdigit():
            return word
        if word.lower() in STOPWORDS and word.lower() not in _NOT_FUNCTION:
            form = word.lower()
        else:
            return None
    if k == 0 and form[:1].islower():
        form = form[:1].upper() + form[1:]
    return form


def sentence_cased(sentence: str, casing: Casing) -> str:
    """`sentence` with its lead-in in capitals (two words or more in capitals, at its start,
    before a word in lower case) cased as prose (see the module docstring); as written when
    it has none or a word's case is found nowhere."""
    at, spans = 0, []
    while m := _CAPS.match(sentence, at):
        spans.append(m.span(1))
        at = m.end()
        if sentence[at:at + 1] != " ":
            break
        at += 1
    nxt = _WORD.match(sentence, at)
    if (len(spans) < 2 or sum(_caps(sentence[a:b]) for a, b in spans) < 2 or nxt is None
            or not nxt.group(0)[:1].islower()):
        return sentence
    words = [sentence[a:b] for a, b in spans]
    out = []
    for k, word in enumerate(words):
        cased = _cased(word, k, words, casing)
        if cased is None:
            return sentence
        out.append(cased)
    pieces, last = [], 0
    for (a, b), cased in zip(spans, out, strict=True):
        pieces += [sentence[last:a], cased]
        last = b
    return "".join(pieces) + sentence[last:]
