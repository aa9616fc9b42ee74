"""Group articles about the same event into stories.

Representation: TF-IDF over stemmed content words and their bigrams (Chinese: character
bigrams), plus character 3-5-grams of the title (which catches "Plosser"/"Plosser's" and
Chinese names without a segmenter). Vectors are L2-normalised, so a dot product is a cosine.

Scale: no all-pairs comparison. Candidate pairs come from a *blocking* matrix that keeps
each document's strongest terms and drops terms too common to discriminate; only pairs
sharing a blocking term are scored, each document keeps its `NEIGHBOURS` best, and
average-link agglomerative clustering runs on that sparse graph (a missing edge counts as
similarity 0, so the graph cut is conservative). Cost grows with documents x neighbours.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from digest.edit.lexicon import terms

# Average-link similarity needed to merge two groups. Chosen on half of the
# uci_news_stories benchmark (bench/cluster.py) and scored on the other half.
THRESHOLD = 0.04
NEIGHBOURS = 30  # candidate cap per document
BLOCK_TERMS = 12  # strongest terms per document used for blocking
BLOCK_MAX_DF = 0.05  # terms in more than 5% of documents (and > 50 docs) do not block
CHUNK = 2000


@dataclass(frozen=True)
class ClusterSettings:
    threshold: float = THRESHOLD
    neighbours: int = NEIGHBOURS


def _word_features(text: str) -> list[str]:
    words = terms(text)
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def vectorize(titles: Sequence[str], bodies: Sequence[str] | None = None) -> sp.csr_matrix:
    """L2-normalised TF-IDF rows: word terms of title + body lead, char n-grams of the title."""
    docs = [t if not bodies else f"{t}\n{t}\n{b}" for t, b in
            zip(titles, bodies or [""] * len(titles), strict=True)]
    words = TfidfVectorizer(analyzer=_word_features, sublinear_tf=True, dtype=np.float32)
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True,
                            dtype=np.float32, lowercase=True)
    blocks = []
    for vec, data in ((words, docs), (chars, list(titles))):
        try:
            blocks.append(vec.fit_transform(data))
        except ValueError:  # empty vocabulary: every document empty for this analyzer
            blocks.append(sp.csr_matrix((len(docs), 1), dtype=np.float32))
    matrix: sp.csr_matrix = normalize(sp.hstack(blocks).tocsr())
    return matrix


def _blocking_matrix(x: sp.csr_matrix) -> sp.csr_matrix:
    n = x.shape[0]
    df = np.bincount(x.indices, minlength=x.shape[1])
    too_common = df > max(50, BLOCK_MAX_DF * n)
    rows, cols, vals = [], [], []
    for i in range(n):
        lo, hi = x.indptr[i], x.indptr[i + 1]
        idx, val = x.indices[lo:hi], x.data[lo:hi]
        keep = ~too_common[idx]
        idx, val = idx[keep], val[keep]
        if len(idx) > BLOCK_TERMS:
            top = np.argpartition(-val, BLOCK_TERMS)[:BLOCK_TERMS]
            idx, val = idx[top], val[top]
        rows.extend([i] * len(idx))
        cols.extend(idx.tolist())
        vals.extend([1.0] * len(idx))
    return sp.csr_matrix((vals, (rows, cols)), shape=x.shape, dtype=np.float32)


def neighbour_graph(x: sp.csr_matrix, k: int = NEIGHBOURS) -> dict[tuple[int, int], float]:
    """Each document's k most similar documents among its blocking candidates."""
    n = x.shape[0]
    block = _blocking_matrix(x)
    block_t = block.T.tocsr()
    edges: dict[tuple[int, int], float] = {}
    for start in range(0, n, CHUNK):
        stop = min(n, start + CHUNK)
        cand = (block[start:stop] @ block_t).tocoo()
        mask = cand.row + start < cand.col  # each unordered pair once
        ri, ci = cand.row[mask] + start, cand.col[mask]
        if len(ri) == 0:
            continue
        sims = np.asarray(x[ri].multiply(x[ci]).sum(axis=1)).ravel()
        order = np.lexsort((-sims, ri))
        counts: dict[int, int] = {}
        for j in order:
            a, b, s = int(ri[j]), int(ci[j]), float(sims[j])
            if s <= 0 or counts.get(a, 0) >= k:
                continue
            counts[a] = counts.get(a, 0) + 1
            edges[(a, b)] = s
    return edges


def average_link(n: int, edges: dict[tuple[int, int], float], threshold: float) -> list[int]:
    """Average-link agglomeration over a sparse similarity graph; returns a label per item."""
    size = [1] * n
    parent = list(range(n))  # merge history: a dead cluster points at the one that absorbed it
    link: list[dict[int, float]] = [{} for _ in range(n)]  # summed similarity between clusters
    for (a, b), s in edges.items():
        link[a][b] = link[a].get(b, 0.0) + s
        link[b][a] = link[b].get(a, 0.0) + s
    alive = [True] * n
    heap = [(-s, a, b) for (a, b), s in edges.items() if s >= threshold]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if not (alive[a] and alive[b]) or b not in link[a]:
            continue
        current = link[a][b] / (size[a] * size[b])
        if abs(current + neg) > 1e-9:  # stale entry: the pair's average changed since
            continue
        if len(link[a]) < len(link[b]):
            a, b = b, a  # merge the smaller neighbourhood into the larger
        alive[b] = False
        size[a] += size[b]
        del link[a][b]
        for c, s in link[b].items():
            if c == a:
                continue
            link[a][c] = link[a].get(c, 0.0) + s
            del link[c][b]
            link[c][a] = link[a][c]
        link[b] = {}
        for c, s in link[a].items():
            avg = s / (size[a] * size[c])
            if avg >= threshold:
                heapq.heappush(heap, (-avg, min(a, c), max(a, c)))
        parent[b] = a
    labels = []
    for i in range(n):
        r = i
        while parent[r] != r:
            r = parent[r]
        labels.append(r)
    return labels


def cluster(titles: Sequence[str], bodies: Sequence[str] | None = None,
            settings: ClusterSettings | None = None) -> list[int]:
    """A story label per document (labels are arbitrary ints; equal label = same story)."""
    cfg = settings or ClusterSettings()
    n = len(titles)
    if n == 0:
        return []
    if n == 1:
        return [0]
    x = vectorize(titles, bodies)
    edges = neighbour_graph(x, cfg.neighbours)
    return average_link(n, edges, cfg.threshold)
