"""Group articles about the same event into stories: average link over candidate blocks.

`prepare` builds everything that does not depend on the merge threshold — the vector space
(space.py), the candidate pairs (blocking.py), the latent space for bare headlines — and
`labels_at` cuts it at a threshold: blocks are the single-link components of the candidate
edges at that threshold, exact average-link clustering (scipy) runs inside each, and average
link continues across the borders of a cut giant block. `cluster` is both. A benchmark prepares
once and sweeps thresholds; the editor calls `cluster`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from digest.edit.group.blocking import (
    MAX_BLOCK,
    NEIGHBOURS,
    blocks,
    merge_across_blocks,
    neighbour_graph,
)
from digest.edit.group.space import Latent, lsa_space, vectorize
from digest.edit.group.split import SplitSettings, incidence, split_by_actors, split_stories

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
# allsides_dev weeks (bench/allsides.py --grouping) and scored on the other: on all 106 weeks
# the halves pick 0.11 and 0.12 (held-out 94.7 on half 1, 95.6 on half 0).
BODY_THRESHOLD = 0.12
# Two reports that share no rare anchor (a name, an identifier, a number with a unit: the
# editor's `event_anchors`) count at this share of their word similarity: "humanoid robots" in
# a Shenzhen subsidy story and a Suzhou race story is a shared beat, not a shared event. Soft,
# so a report that names nothing rare can still join a story through its other members. On
# allsides_dev weeks 0.5 cost recall (held-out 94.5/94.4 against 94.9/95.2 at 0.75, 95.1/95.4
# at 0.85); 0.75 still keeps a shared beat apart (tests/edit/test_edit_event_anchors.py).
# On all 106 weeks no damping (1.0) scores 96.0 / 95.0 held out against 95.6 / 94.7: kept,
# because without it a week on one beat merges its events (the test above, make demo's
# Shenzhen robot-parts fund and Suzhou robot race). The editor damps only reports that name
# their subject (anchors.subject_held: an anchor in the title; names compared without case or
# typographic apostrophes): 95.92 / 95.09 held out (0.11 chosen on each half), make demo
# unchanged.
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
    # Names apart from common words (space.cased_terms); None: on for bare headlines. A word a
    # headline uses as a name is another term than the common word (The Voice's blind
    # auditions and elephants that tell human voices apart share only "voice"): uci held out
    # (bench/cluster.py) 90.7 / 86.1 -> 91.2 / 86.1. With a body lead a word's case says less
    # than its company ("the Senate" / "Senate races", "President Trump" / "the president"):
    # allsides_dev held out 95.9 / 95.0 -> 95.4 / 94.7, so bodies are not cased.
    cased: bool | None = None
    max_block: int = MAX_BLOCK  # exact average link runs within blocks of at most this many
    # The second look at each story (split.py): two events that share a subject come apart.
    split: SplitSettings = SplitSettings()


# The embedding extra (embeddings.py): tfidf^0.3 x minilm^0.7. On headlines both halves of
# uci_news_stories pick share 0.7 and thresholds 0.10/0.11 (bench/cluster.py --embed). With a
# body lead every cosine is higher, so the bar is raised, by hand, on our demo week: its
# same-event pairs score 0.32-0.68, its closest different-event pairs 0.22-0.24.
EMBEDDING_WEIGHT = 0.7
EMBEDDING_THRESHOLD = 0.10
EMBEDDING_BODY_THRESHOLD = 0.28
EMBEDDING_SETTINGS = ClusterSettings(dense_weight=EMBEDDING_WEIGHT, dense_geometric=True)


def anchor_factors(held: Sequence[frozenset[str]], unanchored: float = UNANCHORED) -> np.ndarray:
    """Pairwise similarity factors: `unanchored` where both texts have anchors and share none."""
    inc = incidence(held)
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


@dataclass(frozen=True)
class Prepared:
    """What clustering reads at any threshold: the TF-IDF rows, the candidate edges (their
    combined similarity), the latent space, the anchors, and the representation's default
    threshold."""

    x: sp.csr_matrix
    edges: dict[tuple[int, int], float]
    latent: Latent | None
    anchors: Sequence[frozenset[str]] | None
    default: float
    settings: ClusterSettings
    bodies: bool = False  # the reports have body leads (split.split_by_actors reads them)
    outlets: Sequence[str] | None = None  # who wrote each report (split.split_by_actors)


def prepare(titles: Sequence[str], bodies: Sequence[str] | None = None,
            settings: ClusterSettings | None = None,
            dense: np.ndarray | None = None,
            anchors: Sequence[frozenset[str]] | None = None,
            outlets: Sequence[str] | None = None) -> Prepared:
    """The threshold-free part of `cluster` (same arguments; `outlets`: each report's
    source, which the split by actors reads)."""
    cfg = settings or ClusterSettings()
    n = len(titles)
    if n <= 1:  # nothing to compare
        return Prepared(sp.csr_matrix((n, 1), dtype=np.float32), {}, None, anchors, THRESHOLD, cfg)
    has_bodies = bool(bodies) and any(b.strip() for b in bodies or [])
    bigrams = cfg.bigrams if cfg.bigrams is not None else not has_bodies
    sharp = cfg.sharp_idf if cfg.sharp_idf is not None else has_bodies and n >= SHARP_MIN_DOCS
    cased = cfg.cased if cfg.cased is not None else not has_bodies
    x = vectorize(titles, bodies, bigrams=bigrams, sharp_idf=sharp, cased=cased)
    edges = neighbour_graph(x, cfg.neighbours, cfg.max_block)
    latent = None
    if dense is not None:
        latent = Latent(np.asarray(dense, dtype=np.float32), cfg.dense_weight, cfg.dense_geometric)
    elif cfg.lsa and not has_bodies and n >= max(LSA_MIN_DOCS, 2 * cfg.lsa) and x.shape[1] > 2:
        # Bodies share enough words on their own; the latent space is for bare headlines.
        latent = Latent(lsa_space(x, cfg.lsa), LSA_EXPONENT, geometric=True)
    if latent is not None and edges:  # blocks follow the combined similarity of each pair
        pairs = np.array(list(edges), dtype=np.int64).reshape(-1, 2)
        tf = np.fromiter(edges.values(), dtype=np.float32, count=len(edges))
        lat = np.einsum("ij,ij->i", latent.vectors[pairs[:, 0]], latent.vectors[pairs[:, 1]])
        edges = dict(zip(edges, latent.combine(tf, lat).tolist(), strict=True))
    if dense is not None:
        default = EMBEDDING_BODY_THRESHOLD if has_bodies else EMBEDDING_THRESHOLD
    else:
        default = LSA_THRESHOLD if latent is not None else (
            BODY_THRESHOLD if has_bodies else THRESHOLD)
    return Prepared(x, edges, latent, anchors, default, cfg, has_bodies, outlets)


def labels_at(prep: Prepared, threshold: float | None = None) -> list[int]:
    """A story label per document at `threshold` (None: the representation's default)."""
    n = prep.x.shape[0]
    if n <= 1:
        return [0] * n
    t = prep.default if threshold is None else threshold
    labels = [0] * n
    next_label = 0
    # Average-link clusters at a threshold lie inside the single-link components at that same
    # threshold (an average above t needs one pair above t), so blocking there loses nothing.
    blocks_list, cut_items = blocks(n, prep.edges, t, prep.settings.max_block)
    for block in blocks_list:
        if len(block) == 1:
            labels[block[0]] = next_label
            next_label += 1
            continue
        local = average_link(prep.x[block], t, prep.latent, block, prep.anchors,
                             prep.settings.unanchored)
        remap: dict[int, int] = {}
        for i, lab in zip(block, local, strict=True):
            if lab not in remap:
                remap[lab] = next_label
                next_label += 1
            labels[i] = remap[lab]
    if cut_items:  # a block border may cut through a story there
        cut_edges = {e: v for e, v in prep.edges.items()
                     if e[0] in cut_items and e[1] in cut_items}
        labels = merge_across_blocks(labels, prep.x, prep.latent, cut_edges, t)
    split = prep.settings.split
    labels = split_stories(labels, prep.x, split)
    by_actors = split.actors if split.actors is not None else prep.bodies
    if by_actors and prep.anchors is not None and prep.outlets is not None:
        labels = split_by_actors(labels, prep.anchors, prep.outlets, prep.x, split)
    return labels


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
    if len(titles) <= 1:
        return [0] * len(titles)
    cfg = settings or ClusterSettings()
    return labels_at(prepare(titles, bodies, cfg, dense, anchors), cfg.threshold)
