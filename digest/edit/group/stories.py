"""Group articles about the same event into stories.

Representation: TF-IDF over stemmed content words (bare headlines: and their bigrams; with a
body lead, a word every document has weighs nothing) (Chinese: character bigrams), plus character 3-5-grams of the title (which catches "Plosser"/"Plosser's" and
Chinese names without a segmenter). Vectors are L2-normalised, so a dot product is a cosine.

Scale: no all-pairs comparison. Candidate pairs come from a *blocking* matrix that keeps
each document's strongest terms (shared with another document, not too common); only pairs
sharing a blocking term (two, in weeks bigger than one block) are scored, and each document
keeps its `NEIGHBOURS` best. Connected components of the edges at or above the merge
threshold are blocks; exact average-link clustering (scipy) runs inside each block, which
loses nothing: an average-link cluster at threshold t lies inside one single-link component
at t. A block over `MAX_BLOCK` is cut at a higher similarity and average link then continues
across the cut on cluster sums. Cost grows with documents x neighbours.
"""

from __future__ import annotations

import heapq
import itertools
import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from digest.edit.lexicon import terms

# Average-link similarity needed to merge two groups. Chosen on half of the
# uci_news_stories benchmark (bench/cluster.py) and scored on the other half.
THRESHOLD = 0.03
# Headlines alone, once there are enough of them: TF-IDF cosine combined with a latent (LSA)
# cosine, which links "Fed" and "Federal Reserve" headlines that share few words. The two are
# combined by a weighted *geometric* mean, tfidf^0.4 * latent^0.6: a pair must share words
# AND sit close in the latent space. A linear blend let the latent side alone glue stories on
# one subject (two GM recall probes, American Eagle and American Airlines). The latent cosine is
# the mean over three resolutions (the first 25, 50 and 100 LSA components), so no single
# dimension count has to be fitted. Threshold chosen on one half of uci_news_stories and scored
# on the other (both halves pick 0.12): see bench/cluster.py and docs/editor.md.
LSA_THRESHOLD = 0.12
LSA_EXPONENT = 0.6  # latent share of the geometric mean
LSA_MIN_DOCS = 500  # below this a latent space is noise
# With a body lead every pair shares more words, so the bar is raised. Chosen on half of the
# allsides_dev weeks (bench/allsides.py --grouping) and scored on the other: the halves pick
# 0.11 and 0.12 (held-out 95.0 / 95.2, with the sharp idf below).
BODY_THRESHOLD = 0.12
# Two reports that share no rare anchor (a name, an identifier, a number with a unit: the
# editor's `event_anchors`) count at this share of their word similarity: "humanoid robots" in
# a Shenzhen subsidy story and a Suzhou race story is a shared beat, not a shared event. Soft,
# so a report that names nothing rare can still join a story through its other members. On
# allsides_dev weeks 0.5 cost recall (held-out 94.5/94.4 against 94.9/95.2 at 0.75, 95.1/95.4
# at 0.85); 0.75 still keeps a shared beat apart (tests/edit/test_edit_event_anchors.py).
UNANCHORED = 0.75
# Word bigrams: on bare headlines they are the phrase ("interest rates", "Mt. Gox"); with a
# body lead they are mostly one outlet's wording, which another outlet does not share
# (allsides_dev weeks, bench/allsides.py --grouping: held-out BCubed +0.5 to +0.8 without them).
# With a body lead, word weights are idf = ln((1 + n) / (1 + df)) (no + 1): a word in every
# article of the week weighs nothing. With the + 1, a small week on one beat (the six-article
# week of tests/edit/test_edit_shape.py; make demo's Lingxi-3 release and the West Lake
# Dialogue) merges different events at any threshold allsides_dev supports; without it
# allsides_dev held-out is 95.0 / 95.2 (94.9 / 95.2 with it). In a week of two or three
# articles the words they all share are as likely their one event as a beat: sklearn's idf there.
SHARP_MIN_DOCS = 4
NEIGHBOURS = 30  # candidate cap per document
BLOCK_TERMS = 12  # strongest terms per document used for blocking
BLOCK_MAX_DF = 0.05  # terms in more than 5% of documents (and > 50 docs) do not block
CHUNK = 2000
CHAR_WEIGHT_WITH_BODY = 0.4
MAX_BLOCK = 4000  # exact average link within a block: O(block^2) memory, so blocks are capped
LSA_DIMS = 100  # 0: plain TF-IDF cosine; else a latent space of this many dimensions (and /2, /4)
DENSE_WEIGHT = 0.75  # default share of caller-supplied embeddings in a linear blend


@dataclass(frozen=True)
class ClusterSettings:
    threshold: float | None = None  # None: the default for the representation (see above)
    neighbours: int = NEIGHBOURS
    lsa: int = LSA_DIMS
    # Caller-supplied dense vectors (sentence embeddings): their share of the similarity, and
    # whether it is a linear blend or a weighted geometric mean (see `combine`).
    dense_weight: float = DENSE_WEIGHT
    dense_geometric: bool = False
    # Pairs that share no rare anchor count at this share of their similarity (see UNANCHORED).
    unanchored: float = UNANCHORED
    # Word bigrams as terms; None: the default for the representation (see BIGRAMS).
    bigrams: bool | None = None
    # Word weights idf = ln((1 + n) / (1 + df)) instead of sklearn's ln(...) + 1, so a word
    # every article of the week has weighs nothing; None: on with body leads in a week of at
    # least SHARP_MIN_DOCS articles.
    sharp_idf: bool | None = None
    max_block: int = MAX_BLOCK  # exact average link runs within blocks of at most this many


# The embedding extra (embeddings.py): tfidf^0.3 x minilm^0.7. On headlines both halves of
# uci_news_stories pick share 0.7 and thresholds 0.10/0.11 (bench/cluster.py --embed). With a
# body lead every cosine is higher, so the bar is raised, by hand, on our demo week: its
# same-event pairs score 0.32-0.68, its closest different-event pairs 0.22-0.24.
EMBEDDING_WEIGHT = 0.7
EMBEDDING_THRESHOLD = 0.10
EMBEDDING_BODY_THRESHOLD = 0.28


@dataclass(frozen=True)
class Latent:
    """Unit rows of a latent space and how their cosine is combined with the TF-IDF cosine."""

    vectors: np.ndarray
    weight: float  # share of the latent cosine
    geometric: bool

    def combine(self, tfidf: np.ndarray, latent: np.ndarray) -> np.ndarray:
        """Pair similarities from the TF-IDF and latent cosines (arrays of equal shape)."""
        if self.geometric:
            return np.asarray(np.clip(tfidf, 0.0, None) ** (1 - self.weight)
                              * np.clip(latent, 0.0, None) ** self.weight)
        return np.asarray(self.weight * latent + (1 - self.weight) * tfidf)


def _word_features(text: str) -> list[str]:
    words = terms(text)
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


def vectorize(titles: Sequence[str], bodies: Sequence[str] | None = None,
              bigrams: bool = True, sharp_idf: bool = False) -> sp.csr_matrix:
    """L2-normalised TF-IDF rows: word terms (and their bigrams) of title + body lead, char
    n-grams of the title."""
    docs = [t if not bodies else f"{t}\n{t}\n{b}" for t, b in
            zip(titles, bodies or [""] * len(titles), strict=True)]
    words = TfidfVectorizer(analyzer=_word_features if bigrams else terms, sublinear_tf=True,
                            dtype=np.float32)
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True,
                            dtype=np.float32, lowercase=True)
    blocks = []
    # With bodies, words carry the story and title character n-grams only help (a shared
    # place name in two titles must not glue two stories); for headlines alone they are
    # half of the signal.
    char_weight = CHAR_WEIGHT_WITH_BODY if bodies else 1.0
    for vec, data, weight in ((words, docs, 1.0), (chars, list(titles), char_weight)):
        try:
            m = vec.fit_transform(data)
            if vec is words and sharp_idf:
                # idf = ln((1 + n) / (1 + df)): a word every article has weighs nothing (sklearn
                # adds 1, so in a small week the beat's words outweigh the event's).
                m = (m @ sp.diags((vec.idf_ - 1.0) / vec.idf_)).tocsr()
                m.eliminate_zeros()
            blocks.append(normalize(m) * weight)
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
        counts: dict[int, int] = {}
        for j in order:
            a, b, s = int(ri[j]), int(ci[j]), float(sims[j])
            if s <= 0 or counts.get(a, 0) >= k:
                continue
            counts[a] = counts.get(a, 0) + 1
            edges[(a, b)] = s
    return edges


def components(n: int, edges: dict[tuple[int, int], float], floor: float) -> list[list[int]]:
    """Connected components of the graph restricted to edges with similarity >= floor."""
    parent = list(range(n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for (a, b), s in edges.items():
        if s >= floor:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def blocks(n: int, edges: dict[tuple[int, int], float], floor: float,
           max_block: int = MAX_BLOCK) -> tuple[list[list[int]], set[int]]:
    """Components small enough for exact average link, and the items of blocks that were cut
    out of a giant component at a higher floor (a story may straddle their borders)."""
    out: list[list[int]] = []
    cut_items: set[int] = set()
    pending = [(list(range(n)), floor)]
    while pending:
        members, cut = pending.pop()
        if len(members) <= max_block or cut >= 0.99:
            out.append(members)
            if cut > floor:
                cut_items.update(members)
            continue
        local = {m: k for k, m in enumerate(members)}
        sub = {(local[a], local[b]): s for (a, b), s in edges.items() if a in local and b in local}
        for comp in components(len(members), sub, cut):
            group = [members[k] for k in comp]
            pending.append((group, cut if len(group) <= max_block else min(0.99, cut + 0.05)))
    return out, cut_items


def anchor_factors(held: Sequence[frozenset[str]], unanchored: float = UNANCHORED) -> np.ndarray:
    """Pairwise similarity factors: `unanchored` where both texts have anchors and share none."""
    vocab: dict[str, int] = {}
    rows = [i for i, h in enumerate(held) for _ in h]
    cols = [vocab.setdefault(a, len(vocab)) for h in held for a in h]
    inc = sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                        shape=(len(held), max(1, len(vocab))))
    shared = (inc @ inc.T).toarray() > 0
    has = np.array([bool(h) for h in held])
    damp = np.outer(has, has) & ~shared
    return np.where(damp, np.float32(unanchored), np.float32(1.0))


def average_link(x: sp.csr_matrix, threshold: float, latent: Latent | None = None,
                 rows: Sequence[int] | None = None,
                 anchors: Sequence[frozenset[str]] | None = None,
                 unanchored: float = UNANCHORED) -> list[int]:
    """Exact average-link clustering of one block (`rows` of the latent space and of
    `anchors`); a label per row."""
    n = x.shape[0]
    if n == 1:
        return [0]
    sims: np.ndarray = (x @ x.T).toarray()
    if latent is not None:
        vec = latent.vectors[list(rows)] if rows is not None else latent.vectors
        sims = latent.combine(sims, vec @ vec.T)
    if anchors is not None:
        held = [anchors[i] for i in rows] if rows is not None else list(anchors)
        sims = sims * anchor_factors(held, unanchored)
    dist = np.clip(1.0 - sims, 0.0, 2.0)
    np.fill_diagonal(dist, 0.0)
    tree = linkage(squareform(dist, checks=False), method="average")
    return [int(v) for v in fcluster(tree, 1.0 - threshold, criterion="distance")]


def cluster(titles: Sequence[str], bodies: Sequence[str] | None = None,
            settings: ClusterSettings | None = None,
            dense: np.ndarray | None = None,
            anchors: Sequence[frozenset[str]] | None = None) -> list[int]:
    """A story label per document (labels are arbitrary ints; equal label = same story).

    `dense`: optional L2-normalised vectors, one row per document (sentence embeddings); they
    take the place of the LSA latent space, blended in with `settings.dense_weight`.
    `anchors`: optional rare anchors per document; pairs sharing none are damped (UNANCHORED).
    Inside a block only: across the borders of a cut giant block they are not applied.
    """
    cfg = settings or ClusterSettings()
    n = len(titles)
    if n == 0:
        return []
    if n == 1:
        return [0]
    has_bodies = bool(bodies) and any(b.strip() for b in bodies or [])
    bigrams = cfg.bigrams if cfg.bigrams is not None else not has_bodies
    sharp = cfg.sharp_idf if cfg.sharp_idf is not None else has_bodies and n >= SHARP_MIN_DOCS
    x = vectorize(titles, bodies, bigrams=bigrams, sharp_idf=sharp)
    edges = neighbour_graph(x, cfg.neighbours, cfg.max_block)
    latent = None
    if dense is not None:
        latent = Latent(np.asarray(dense, dtype=np.float32), cfg.dense_weight, cfg.dense_geometric)
    elif cfg.lsa and not has_bodies and n >= max(LSA_MIN_DOCS, 2 * cfg.lsa) and x.shape[1] > 2:
        # Bodies share enough words on their own; the latent space is for bare headlines.
        latent = Latent(lsa_space(x, cfg.lsa), LSA_EXPONENT, geometric=True)
    if latent is not None:  # blocks follow the combined similarity of each candidate pair
        pairs = np.array(list(edges), dtype=np.int64).reshape(-1, 2)
        tf = np.fromiter(edges.values(), dtype=np.float32, count=len(edges))
        lat = np.einsum("ij,ij->i", latent.vectors[pairs[:, 0]], latent.vectors[pairs[:, 1]])
        edges = dict(zip(edges, latent.combine(tf, lat).tolist(), strict=True))
    threshold = cfg.threshold
    if threshold is None and dense is not None:
        threshold = EMBEDDING_BODY_THRESHOLD if has_bodies else EMBEDDING_THRESHOLD
    if threshold is None:
        threshold = LSA_THRESHOLD if latent is not None else (
            BODY_THRESHOLD if has_bodies else THRESHOLD)
    labels = [0] * n
    next_label = 0
    # Average-link clusters at a threshold lie inside the single-link components at that same
    # threshold (an average above t needs one pair above t), so blocking there loses nothing.
    blocks_list, cut_items = blocks(n, edges, threshold, cfg.max_block)
    for block in blocks_list:
        if len(block) == 1:
            labels[block[0]] = next_label
            next_label += 1
            continue
        local = average_link(x[block], threshold, latent, block, anchors, cfg.unanchored)
        remap: dict[int, int] = {}
        for i, lab in zip(block, local, strict=True):
            if lab not in remap:
                remap[lab] = next_label
                next_label += 1
            labels[i] = remap[lab]
    if cut_items:  # a block border may cut through a story there
        cut_edges = {e: v for e, v in edges.items() if e[0] in cut_items and e[1] in cut_items}
        labels = merge_across_blocks(labels, x, latent, cut_edges, threshold)
    return labels


def lsa_space(x: sp.csr_matrix, dims: int) -> np.ndarray:
    """Unit rows whose dot product is the mean LSA cosine at `dims`, `dims/2` and `dims/4`.

    Truncated SVD components are nested (the first k of a 100-dimension fit are the k-dimension
    fit), so one decomposition gives all three resolutions. ARPACK: exact and deterministic.
    """
    dims = min(dims, min(x.shape) - 1)  # a week of near-copies can have few distinct terms
    with warnings.catch_warnings():
        # A week of identical headlines has zero variance: sklearn warns while computing the
        # explained-variance ratio, which nothing here uses.
        warnings.simplefilter("ignore", RuntimeWarning)
        z = TruncatedSVD(dims, algorithm="arpack", random_state=0).fit_transform(x)
    z = np.nan_to_num(z)
    levels = sorted({max(1, dims // 4), max(1, dims // 2), dims})
    parts = [normalize(z[:, :k]) / math.sqrt(len(levels)) for k in levels]
    return np.hstack(parts).astype(np.float32)


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
    # Only clusters an edge reaches are ever scored: their sums alone (a big week has tens of
    # thousands of clusters, a few hundred of them along a cut).
    touched = sorted({labels[i] for e in edges for i in e})
    sums = {lab: sp.csr_matrix(feats[members[lab]].sum(axis=0)) for lab in touched}
    parent = {lab: lab for lab in members}

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    def avg(a: int, b: int) -> float:
        if latent is not None and geometric:
            ma, mb = members[a], members[b]
            tf = (x[ma] @ x[mb].T).toarray()
            return float(latent.combine(tf, latent.vectors[ma] @ latent.vectors[mb].T).mean())
        dot = float(sums[a].multiply(sums[b]).sum())
        return dot / (len(members[a]) * len(members[b]))

    adjacent: dict[int, list[int]] = {}
    for a, b in edges:
        if labels[a] != labels[b]:
            adjacent.setdefault(a, []).append(b)
            adjacent.setdefault(b, []).append(a)
    pairs = sorted({(min(labels[a], labels[b]), max(labels[a], labels[b])) for a, b in edges
                    if labels[a] != labels[b]})
    heap: list[tuple[float, int, int]] = []
    if pairs and geometric:
        heap = [(-score, a, b) for a, b in pairs if (score := avg(a, b)) >= threshold]
    elif pairs:
        # Score every initial pair in one sparse operation; later merges rescore a few.
        order = sorted(sums)
        row = {lab: k for k, lab in enumerate(order)}
        matrix = sp.vstack([sums[lab] for lab in order]).tocsr()
        left = np.array([row[a] for a, _ in pairs])
        right = np.array([row[b] for _, b in pairs])
        dots = np.asarray(matrix[left].multiply(matrix[right]).sum(axis=1)).ravel()
        for (a, b), dot in zip(pairs, dots, strict=True):
            score = float(dot) / (len(members[a]) * len(members[b]))
            if score >= threshold:
                heap.append((-score, a, b))
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if find(a) != a or find(b) != b:
            continue
        if abs(avg(a, b) + neg) > 1e-5:  # float32 sums: compare loosely
            continue  # stale: one side grew since this pair was scored
        parent[b] = a
        members[a].extend(members.pop(b))
        sums[a] = sums[a] + sums.pop(b)
        neighbours = {find(labels[j]) for i in members[a] for j in adjacent.get(i, ())}
        for c in neighbours - {a}:
            score = avg(a, c)
            if score >= threshold:
                heapq.heappush(heap, (-score, min(a, c), max(a, c)))
    return [find(lab) for lab in labels]



EMBEDDING_SETTINGS = ClusterSettings(dense_weight=EMBEDDING_WEIGHT, dense_geometric=True)
