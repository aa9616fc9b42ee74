"""Exact and near-duplicate detection: syndicated copies collapse into one kept article.

Three signals, cheapest first:

1. the same canonical URL (or URL) seen twice;
2. the same body hash (`Article.content_hash`, which ignores case, spacing and punctuation),
   and for a body too short to judge (`MIN_SHINGLES`: a feed's boilerplate teaser, "Read the
   full story on our site.", or a page that brought nothing) the same title too: a feed's
   items under one such teaser are each their own headline (the store keeps them apart since
   session 40's qa40b; collapsed here, all but one left the issue);
3. MinHash over 5-shingles (words; characters for Chinese) with LSH banding, so only
   articles sharing a band bucket are ever compared. A candidate pair is confirmed by the
   exact Jaccard of the shingle sets (>= 0.6) or by containment (>= 0.85: a syndicated copy
   that drops or adds a paragraph). Cost grows with the number of articles, not its square.

In each group the earliest published article is kept (the likely original); ties go to the
longer text, then the smaller URL, so the outcome is deterministic.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from digest.edit.lexicon import shingles
from digest.models import Article

NUM_PERM = 64
BANDS = 16  # 16 bands x 4 rows: pairs above Jaccard ~0.5 collide with high probability
JACCARD = 0.6
CONTAINMENT = 0.85
MIN_SHINGLES = 8  # a body this short is compared by hash only: too little text to judge
_PRIME = (1 << 31) - 1
_rng = np.random.default_rng(20261116)  # fixed seed: the same input always dedups the same
_A = _rng.integers(1, _PRIME, size=NUM_PERM, dtype=np.uint64)
_B = _rng.integers(0, _PRIME, size=NUM_PERM, dtype=np.uint64)


@dataclass(frozen=True)
class DedupResult:
    kept: tuple[int, ...]  # indices into the input, in input order
    duplicate_of: dict[int, int]  # index of a copy -> index of the article kept
    reason: dict[int, str]  # index of a copy -> "same URL" / "same text" / "near-copy (J=0.83)"


def minhash(items: set[str]) -> np.ndarray:
    """A 64-value MinHash signature of a shingle set (deterministic across runs)."""
    hashes = np.fromiter((zlib.crc32(s.encode("utf-8")) for s in items), dtype=np.uint64,
                         count=len(items))
    values = (np.outer(hashes, _A) + _B) % _PRIME
    sig: np.ndarray = values.min(axis=0)
    return sig


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _priority(article: Article) -> tuple[object, ...]:
    return (article.published, -len(article.text), article.url)


def _text_key(art: Article) -> str:
    """The key two copies of one text share (module docstring, 2.): the body's hash, and for
    a body too short to judge its title's words too; "" for no body."""
    if not art.text.strip():
        return ""
    key = "h:" + art.content_hash
    if len(art.text) < _SHORT_CHARS and len(shingles(art.text)) < MIN_SHINGLES:
        key += "\n" + " ".join(art.title.lower().split())
    return key


_SHORT_CHARS = 400  # (a body this long has 60 words or 400 characters: shingles enough; skips the count)


def find_duplicates(articles: Sequence[Article]) -> DedupResult:
    n = len(articles)
    uf = _UnionFind(n)
    why: dict[int, str] = {}  # article -> the first reason it was linked to another

    def link(a: int, b: int, because: str) -> None:
        if uf.find(a) != uf.find(b):
            uf.union(a, b)
            why.setdefault(a, because)
            why.setdefault(b, because)

    first_by_key: dict[str, int] = {}
    for i, art in enumerate(articles):
        for key, because in ((art.canonical_url or art.url, "same URL"),
                            (_text_key(art), "same text")):
            if not key:
                continue
            if key in first_by_key:
                link(first_by_key[key], i, because)
            else:
                first_by_key[key] = i

    buckets: dict[tuple[int, bytes], list[int]] = defaultdict(list)
    rows = NUM_PERM // BANDS
    for i, art in enumerate(articles):
        sh = shingles(art.text)
        if len(sh) < MIN_SHINGLES:
            continue
        sig = minhash(sh)
        for b in range(BANDS):
            buckets[(b, sig[b * rows : (b + 1) * rows].tobytes())].append(i)

    # Shingle sets are read again for the candidates only: kept for every article of a
    # 100,000-article week they were the editor's biggest memory holder (~2 GB).
    sets: dict[int, set[str]] = {}

    def shingle_set(i: int) -> set[str]:
        if i not in sets:
            sets[i] = shingles(articles[i].text)
        return sets[i]

    checked: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) < 2:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                a, b = members[x], members[y]
                if (a, b) in checked or uf.find(a) == uf.find(b):
                    continue
                checked.add((a, b))
                sa, sb = shingle_set(a), shingle_set(b)
                inter = len(sa & sb)
                jac = inter / len(sa | sb)
                cont = inter / min(len(sa), len(sb))
                if jac >= JACCARD:
                    link(a, b, f"near-copy (Jaccard {jac:.2f})")
                elif cont >= CONTAINMENT:
                    link(a, b, f"near-copy (containment {cont:.2f})")

    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[uf.find(i)].append(i)
    kept: list[int] = []
    duplicate_of: dict[int, int] = {}
    reason: dict[int, str] = {}
    for members in groups.values():
        keep = min(members, key=lambda i: _priority(articles[i]))
        kept.append(keep)
        for i in members:
            if i != keep:
                duplicate_of[i] = keep
                reason[i] = why.get(i, "near-copy")
    kept.sort()
    return DedupResult(tuple(kept), duplicate_of, reason)
