"""Candidate pairs and blocks: how clustering avoids comparing all pairs of a week.

Candidate pairs come from a *blocking* matrix that keeps each document's strongest terms
(shared with another document, not too common); only pairs sharing a blocking term (two, in
weeks bigger than one block) are scored, and each document keeps its `NEIGHBOURS` best.
Connected components of the edges at or above the merge threshold are blocks; exact
average-link clustering runs inside each block, which loses nothing: an average-link cluster at
threshold t lies inside one single-link component at t. A block over `MAX_BLOCK` is cut at a
higher similarity and average link then continues across the cut on cluster sums
(`merge_across_blocks`). Cost grows with documents x neighbours.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from digest.edit.group.space import Latent

NEIGHBOURS = 30  # candidate cap per document
BLOCK_TERMS = 12  # strongest terms per document used for blocking
BLOCK_MAX_DF = 0.05  # terms in more than 5% of documents (and > 50 docs) do not block
CHUNK = 2000
PAIR_CHUNK = 4096  # cluster pairs scored at once across a cut block's borders
MAX_BLOCK = 4000  # exact average link within a block: O(block^2) memory, so blocks are capped


def _blocking_matrix(x: sp.csr_matrix) -> sp.csr_matrix:
    n = x.shape[0]
    df = np.bincount(x.indices, minlength=x.shape[1])
    too_common = df > max(50, BLOCK_MAX_DF * n)
    rows, cols, vals = [], [], []
    for i in range(n):
        lo, hi = x.indptr[i], x.indptr[i + 1]
        idx, val = x.indices[lo:hi], x.data[lo:hi]
        keep = ~too_common[idx] & (df[idx] >= 2)  # a term no other document has blocks nothing
        idx, val = idx[keep], val[keep]
        if len(idx) > BLOCK_TERMS:
            top = np.argpartition(-val, BLOCK_TERMS)[:BLOCK_TERMS]
            idx, val = idx[top], val[top]
        rows.extend([i] * len(idx))
        cols.extend(idx.tolist())
        vals.extend([1.0] * len(idx))
    return sp.csr_matrix((vals, (rows, cols)), shape=x.shape, dtype=np.float32)


def neighbour_graph(x: sp.csr_matrix, k: int = NEIGHBOURS,
                    max_block: int = MAX_BLOCK) -> dict[tuple[int, int], float]:
    """Each document's k most similar documents among its blocking candidates."""
    n = x.shape[0]
    block = _blocking_matrix(x)
    block_t = block.T.tocsr()
    edges: dict[tuple[int, int], float] = {}
    for start in range(0, n, CHUNK):
        stop = min(n, start + CHUNK)
        cand = (block[start:stop] @ block_t).tocoo()
        mask = cand.row + start < cand.col  # each unordered pair once
        if n > max_block:
            # A big week: one shared mid-frequency word is chance, not a story; two are needed.
            mask &= cand.data >= 2
        ri, ci = cand.row[mask] + start, cand.col[mask]
        if len(ri) == 0:
            continue
        sims = np.asarray(x[ri].multiply(x[ci]).sum(axis=1)).ravel()
        order = np.lexsort((-sims, ri))
        ri, ci, sims = ri[order], ci[order], sims[order]
        # Each document's k best: the rank of a candidate in its document's run (best first;
        # pairs that share nothing come last in a run, so they never take a place).
        starts = np.flatnonzero(np.r_[True, ri[1:] != ri[:-1]])
        rank = np.arange(len(ri)) - np.repeat(starts, np.diff(np.r_[starts, len(ri)]))
        keep = (rank < k) & (sims > 0)
        edges.update(zip(zip(ri[keep].tolist(), ci[keep].tolist(), strict=True),
                         sims[keep].tolist(), strict=True))
    return edges


def components(n: int, pairs: np.ndarray) -> list[np.ndarray]:
    """Connected components of n nodes joined by `pairs` (rows of two node indices), each
    component's nodes ascending, components in the order of their first node."""
    graph = sp.csr_matrix((np.ones(len(pairs), dtype=np.int8), (pairs[:, 0], pairs[:, 1])),
                          shape=(n, n))
    _, label = connected_components(graph, directed=False)
    order = np.argsort(label, kind="stable")
    groups = np.split(order, np.flatnonzero(np.diff(label[order])) + 1)
    groups.sort(key=lambda g: int(g[0]))
    return groups


def blocks(n: int, edges: dict[tuple[int, int], float], floor: float,
           max_block: int = MAX_BLOCK) -> tuple[list[list[int]], set[int]]:
    """Components small enough for exact average link, and the items of blocks that were cut
    out of a giant component at a higher floor (a story may straddle their borders)."""
    out: list[list[int]] = []
    cut_items: set[int] = set()
    # The edges as arrays (a dict of pairs per giant component was most of the time spent
    # here at 100k articles); similarities compared as the Python floats they are.
    pairs = np.array(list(edges), dtype=np.int64).reshape(-1, 2)
    sims = np.fromiter(edges.values(), dtype=np.float64, count=len(edges))
    pending = [(np.arange(n), floor)]
    while pending:
        members, cut = pending.pop()
        if len(members) <= max_block or cut >= 0.99:
            out.append(members.tolist())
            if cut > floor:
                cut_items.update(members.tolist())
            continue
        inside = (sims >= cut) & np.isin(pairs[:, 0], members) & np.isin(pairs[:, 1], members)
        for comp in components(len(members), np.searchsorted(members, pairs[inside])):
            group = members[comp]
            pending.append((group, cut if len(group) <= max_block else min(0.99, cut + 0.05)))
    return out, cut_items


@dataclass(frozen=True)
class ClusterSum:
    """A cluster's summed feature row, sparse: sorted column indices and float32 values.

    The same arithmetic as a 1-row scipy CSR matrix (products and sums in float32, zeros
    dropped, a dot product summed by numpy as `.multiply(...).sum()` sums), without scipy's
    per-call checks, which were most of the time spent across a cut block at 100k articles.
    """

    indices: np.ndarray
    values: np.ndarray

    @classmethod
    def of(cls, matrix: sp.csr_matrix, row: int = 0) -> ClusterSum:
        lo, hi = matrix.indptr[row], matrix.indptr[row + 1]
        return cls(matrix.indices[lo:hi].astype(np.int64), matrix.data[lo:hi].astype(np.float32))

    def __add__(self, other: ClusterSum) -> ClusterSum:
        both = np.concatenate((self.indices, other.indices))
        columns, where = np.unique(both, return_inverse=True)
        out = np.zeros(len(columns), dtype=np.float32)
        np.add.at(out, where, np.concatenate((self.values, other.values)))
        keep = out != 0
        return ClusterSum(columns[keep], out[keep])

    def dot(self, other: ClusterSum) -> float:
        if not len(self.indices) or not len(other.indices):
            return 0.0
        at = np.minimum(np.searchsorted(other.indices, self.indices), len(other.indices) - 1)
        shared = other.indices[at] == self.indices  # in column order, as scipy multiplies
        products = self.values[shared] * other.values[at[shared]]
        products = products[products != 0]
        return float(products.sum()) if len(products) else 0.0


def _cluster_sums(feats: sp.csr_matrix, groups: Sequence[Sequence[int]]) -> sp.csr_matrix:
    """Each group's summed rows, one row per group, columns in order: a 0/1 matrix times
    `feats`, which adds each column's values in row order in the rows' dtype, as
    `feats[group].sum(axis=0)` does (the same float32 sums, bit for bit), zeros left out."""
    rows = [k for k, group in enumerate(groups) for _ in group]
    cols = [i for group in groups for i in group]
    pick = sp.csr_matrix((np.ones(len(rows), dtype=feats.dtype), (rows, cols)),
                         shape=(len(groups), feats.shape[0]))
    out: sp.csr_matrix = (pick @ feats).tocsr()
    out.sort_indices()
    return out


def merge_across_blocks(labels: list[int], x: sp.csr_matrix, latent: Latent | None,
                        edges: dict[tuple[int, int], float], threshold: float) -> list[int]:
    """Continue average link across block borders, for stories a giant block was cut through.

    With L2-normalised rows, the average pairwise dot product of clusters A and B is exactly
    sum(A) . sum(B) / (|A| |B|), so clusters are merged on their sums, best pair first, and
    only pairs that a candidate edge connects are ever scored. A geometric mean does not
    decompose that way: its averages are computed pair by pair (clusters are stories, small).
    """
    geometric = latent is not None and latent.geometric
    feats = x if latent is None or geometric else sp.hstack(
        [x * math.sqrt(1 - latent.weight),
         sp.csr_matrix(latent.vectors) * math.sqrt(latent.weight)]).tocsr()
    members: dict[int, list[int]] = {}
    for i, lab in enumerate(labels):
        members.setdefault(lab, []).append(i)
    # Clusters next to each other across the cut (by their first labels: `find` maps them on).
    adjacent: dict[int, set[int]] = {}
    for a, b in edges:
        if labels[a] != labels[b]:
            adjacent.setdefault(labels[a], set()).add(labels[b])
            adjacent.setdefault(labels[b], set()).add(labels[a])
    pairs = sorted({(min(la, lb), max(la, lb)) for la, near in adjacent.items() for lb in near})
    # Only clusters an edge reaches are ever scored: their sums alone (a big week has tens of
    # thousands of clusters, thousands of them along a cut), a row each of one sparse product
    # (a dense row of the whole vocabulary per cluster made this grow as clusters x words).
    order = sorted(adjacent)
    matrix = None if geometric or not order else _cluster_sums(feats, [members[lab] for lab in order])
    parent = {lab: lab for lab in members}

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    heap: list[tuple[float, int, int]] = []
    if pairs and matrix is not None:
        # Score every initial pair in sparse operations, PAIR_CHUNK pairs at a time (the row
        # copies of a whole cut's pairs held 0.6 GB at 30k articles; every row is summed on
        # its own, so chunks change no figure); later merges rescore a few, on ClusterSums.
        row = {lab: k for k, lab in enumerate(order)}
        left = np.array([row[a] for a, _ in pairs])
        right = np.array([row[b] for _, b in pairs])
        dots = np.concatenate([
            np.asarray(matrix[left[k:k + PAIR_CHUNK]].multiply(matrix[right[k:k + PAIR_CHUNK]])
                       .sum(axis=1)).ravel()
            for k in range(0, len(pairs), PAIR_CHUNK)])
        for (a, b), dot in zip(pairs, dots, strict=True):
            score = float(dot) / (len(members[a]) * len(members[b]))
            if score >= threshold:
                heap.append((-score, a, b))
    cluster_sums = {} if matrix is None else {
        lab: ClusterSum.of(matrix, k) for k, lab in enumerate(order)}

    def avg(a: int, b: int) -> float:
        if latent is not None and geometric:
            ma, mb = members[a], members[b]
            tf = (x[ma] @ x[mb].T).toarray()
            return float(latent.combine(tf, latent.vectors[ma] @ latent.vectors[mb].T).mean())
        return cluster_sums[a].dot(cluster_sums[b]) / (len(members[a]) * len(members[b]))

    # A pair's average as last computed, with how many merges each side had then: until one
    # side grows it is the same figure (a sum's dot product is symmetric), so a popped pair
    # is not scored again (that was half of the dot products across a 100k week's cut).
    scored: dict[tuple[int, int], tuple[int, int, float]] = {}
    grown: dict[int, int] = dict.fromkeys(members, 0)

    def current(a: int, b: int) -> float:
        if geometric:
            return avg(a, b)
        key = (a, b) if a < b else (b, a)
        got = scored.get(key)
        if got is not None and got[0] == grown[key[0]] and got[1] == grown[key[1]]:
            return got[2]
        score = avg(a, b)
        scored[key] = (grown[key[0]], grown[key[1]], score)
        return score

    if pairs and geometric:
        heap = [(-score, a, b) for a, b in pairs if (score := avg(a, b)) >= threshold]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if find(a) != a or find(b) != b:
            continue
        if abs(current(a, b) + neg) > 1e-5:  # float32 sums: compare loosely
            continue  # stale: one side grew since this pair was scored
        parent[b] = a
        grown[a] += 1
        members[a].extend(members.pop(b))
        if not geometric:
            cluster_sums[a] = cluster_sums[a] + cluster_sums.pop(b)
        near = {find(c) for c in adjacent[a] | adjacent.pop(b)} - {a}
        adjacent[a] = near
        for c in near:
            score = current(a, c)
            if score >= threshold:
                heapq.heappush(heap, (-score, min(a, c), max(a, c)))
    return [find(lab) for lab in labels]
