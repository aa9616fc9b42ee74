"""Headlines offline: the best of the story's own titles, cleaned, never cut, never rewritten.

1. **Clean** each title (`clean_title`): kickers ("WATCH:", "EXCLUSIVE:", "OPINION:"),
   datelines ("LONDON (Reuters) —"), outlet suffixes (" - Reuters", " | Site", " — <the
   outlet's own name>"), a newsletter's "<Name> #112:" prefix and wrapping quotes go.
2. **Candidates**: each cleaned title, and each whole clause of it — the parts around ": ",
   "; " or " — ", and the head before ", as …" / ", after …" / ", says …" — of four words or
   more, never a bare quotation. A candidate the copy editor would strike (`proof`) or a tag
   list ("A, B, C, D") is out. In a Latin-script issue only Latin-script titles compete when
   the story has one (and in a Chinese issue only Chinese ones).
3. **Choose** the candidate with the highest expected ROUGE-1 F1 against an unseen headline
   of the story, where a word's chance of being in it is the share of the *other* articles'
   titles (weight 1) and lead sentences (weight `LEAD_WEIGHT`) that use it:

       score = 2 · Σ p(word) / (len(candidate) + REFERENCE_WORDS)

   so a title wins by saying what the other outlets say, in few words. Headline style drops
   articles and forms of "be", so they count nothing; a repeated word counts a fifth; a
   question or a title addressed to the reader ("you", "we") loses `OFF_KEY`.
   A story of one article gets its cleaned title.

`REFERENCE_WORDS`, `LEAD_WEIGHT` and `OFF_KEY` were chosen on one half of allsides_dev
(research-use data: measured, nothing learned from its text) and held on the other; see
docs/editor.md for the figures. Nothing here rewrites a word: every headline is a source
title or a whole clause of one, with its first letter capitalised.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from digest.edit.lexicon import CJK_RE, mostly_cjk, stem
from digest.edit.proof import headline_strikes
from digest.edit.write.summarize import clean_sentence, is_cjk_language
from digest.models import Article
from digest.text import iter_sentences, quotes_open, tokens

REFERENCE_WORDS = 5.0  # the unseen headline's length in the expected F1
LEAD_WEIGHT = 0.2  # an article's lead sentence, against its title's 1.0
OFF_KEY = 0.1  # a question or a title addressed to the reader
REPEAT = 0.2  # a word's second use is worth this share of its first
MIN_CLAUSE_WORDS = 4

_KICKER = re.compile(r"^\s*(?:WATCH|EXCLUSIVE|BREAKING|OPINION|ANALYSIS|LIVE|UPDATED?|VIDEO|"
                     r"READ|EDITORIAL|COMMENTARY|PHOTOS?|LISTEN|FACT CHECK|EXPLAINER|"
                     r"BREAKING NEWS|JUST IN)\s*[:|]\s+", re.IGNORECASE)
_WIRES = r"Reuters|AP|AFP|Bloomberg|Xinhua|BBC News|CNN|The Associated Press|Associated Press"
_PIPE_SUFFIX = re.compile(r"\s+\|\s+[^|]{1,60}$")
_WIRE_SUFFIX = re.compile(rf"\s+[-—–]{{1,2}}\s+(?:{_WIRES})\s*$")
_SITE_SUFFIX = re.compile(r"\s+[-—–|]{1,2}\s+[\w.-]+\.(?:com|org|net|co\.uk|cn|io|news)\s*$",
                          re.IGNORECASE)
_CLAUSE = re.compile(r"\s*(?:[:;]|\s[—–]|\s--?)\s+")
_TRAILING = re.compile(r",\s+(?=(?:as|after|amid|while|with|despite|but|says|said|reports?|"
                       r"sources?|in a)\b)", re.IGNORECASE)
_QUOTES = "\"'“”‘’「」"
_HEADLINESE = frozenset(["a", "an", "the", "is", "are", "was", "were", "be", "been", "being"])
_PERSONAL = frozenset(["i", "we", "you", "your", "our", "my", "me", "us"])


@functools.lru_cache(maxsize=4096)
def _outlet_furniture(outlet: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The outlet's name before and after a title: "The Compute Letter #112: …", "Outlet: …",
    "… - Outlet", "… | Outlet". Compiled once per outlet: a week has hundreds of outlets, more
    than the `re` module's own cache holds, so calling re.sub with the pattern recompiled it
    for nearly every title (8% of the editor's time on a 3k-article week)."""
    name = re.escape(outlet.split(" (")[0])
    return (re.compile(rf"^{name}(?:\s*(?:#|No\.?\s*|Issue\s*)\d+)?\s*[:|—–-]\s*", re.IGNORECASE),
            re.compile(rf"\s+[-—–|]{{1,2}}\s+{name}\s*$", re.IGNORECASE))


def clean_title(title: str, outlet: str = "") -> str:
    """A source title without the furniture around it (see the module docstring)."""
    t = " ".join(title.split())
    t = clean_sentence(t)  # a dateline
    t = _KICKER.sub("", t)
    if outlet:
        lead, tail = _outlet_furniture(outlet)
        t = tail.sub("", lead.sub("", t))
    for suffix in (_PIPE_SUFFIX, _WIRE_SUFFIX, _SITE_SUFFIX):
        t = suffix.sub("", t)
    t = t.strip()
    if len(t) > 2 and t[0] in _QUOTES and t[-1] in _QUOTES and not re.search(
            rf"[{_QUOTES}]", t[1:-1]):
        t = t[1:-1].strip()
    return _capitalise(t) if t else " ".join(title.split())


def _capitalise(text: str) -> str:
    return text[0].upper() + text[1:] if text[:1].islower() else text


@dataclass(frozen=True)
class _Candidate:
    article: int
    text: str


def _clauses(title: str) -> list[str]:
    """The whole clauses of a title worth a headline on their own."""
    parts = _CLAUSE.split(title)
    heads = [_TRAILING.split(p)[0] for p in parts]
    out: list[str] = []
    for p in [*parts, *heads]:
        p = p.strip(" ,")
        bare = p.strip(_QUOTES)
        if (p == title or len(p.split()) < MIN_CLAUSE_WORDS or p in out
                or (p[:1] in _QUOTES and p[-1:] in _QUOTES and bare)):
            continue
        if quotes_open(p):
            continue  # a clause that cuts a quotation in two
        out.append(_capitalise(p))
    return out


def _tag_list(text: str) -> bool:
    """'Alexander Vindman, Impeachment trial, Adam Schiff, NSC': keywords, not a headline."""
    parts = text.split(",")
    return len(parts) >= 4 and all(len(p.split()) <= 3 for p in parts)


def _bag(text: str) -> frozenset[str]:
    return frozenset(stem(t) for t in tokens(text))


def headline_for(arts: Sequence[Article], *, language: str = "en") -> str:
    """The story's headline: its best own title or title clause (see the module docstring)."""
    if not arts:
        return ""
    cjk_issue = is_cjk_language(language)
    keep = [k for k, a in enumerate(arts) if mostly_cjk(a.title) == cjk_issue and a.title.strip()]
    if not keep:  # no title in the issue's language: the story's own, whole
        keep = [k for k, a in enumerate(arts) if a.title.strip()] or [0]
    titles = {k: clean_title(arts[k].title, arts[k].source) for k in keep}
    sources = [t for a in arts for t in (a.title, a.text)]
    cands: list[_Candidate] = []
    for k in keep:
        for text in [titles[k], *_clauses(titles[k])]:
            if not _tag_list(text) and not headline_strikes(text, sources, language=language):
                cands.append(_Candidate(k, text))
    if not cands:
        return titles[keep[0]]
    docs: list[tuple[int, float, frozenset[str]]] = []
    for k in keep:
        lead = next(iter_sentences(arts[k].text), "")
        docs.append((k, 1.0, _bag(titles[k])))
        docs.append((k, LEAD_WEIGHT, _bag(lead)))

    def expected_f1(c: _Candidate) -> float:
        others = [(w, bag) for k, w, bag in docs if k != c.article]
        total = sum(w for w, _ in others)
        words = tokens(c.text)
        seen: set[str] = set()
        overlap = 0.0
        for word in words:
            st = stem(word)
            p = sum(w for w, bag in others if st in bag) / total if total else 0.0
            if word in _HEADLINESE:
                p = 0.0
            overlap += p if st not in seen else REPEAT * p
            seen.add(st)
        size = len(words) if not CJK_RE.search(c.text) else len(words) / 1.5
        score = 2 * overlap / (size + REFERENCE_WORDS)
        if c.text.rstrip(_QUOTES + " ").endswith(("?", "？")) or _PERSONAL & set(words):
            score -= OFF_KEY
        return score

    best = max(range(len(cands)), key=lambda i: (expected_f1(cands[i]), -i))
    return cands[best].text
