"""A second look at each story: does it tell two events that share a subject?

Average link merges two stories when their reports share enough words, and two events about
one subject share the subject's words: "American Airlines ends its JetBlue deal" and
"American Eagle's forecast disappoints" share "American" (and a latent space that puts
everything American together). Inside one story the subject is what most of its reports
hold, so it says nothing about which event a report tells; what is left (the rarer names,
numbers and event nouns) does. `split_stories` removes from each story's TF-IDF rows the terms
more than `subject_share` of its reports hold, and bisects the story on what remains by the
normalised cut (spectral bisection, the sweep over the Fiedler vector): when the residual
words fall into two groups that barely touch (a normalised cut at most `ncut`, both sides at
least `min_side` reports and `min_share` of the story), the story is two stories. Each side is
looked at again. A big story told in many wordings has residual words that overlap in a web,
so its cut stays high and it stays whole.

`split_by_actors` is the same second look read through names and outlets: the actors each
report names (its rare event anchors: people, organisations, places, identifiers) and who
wrote it. Two groups of a story that name no actor in common, once the story's subject (the
actors more than `subject_share` of its reports name) is set aside, and that hold two reports
of one outlet, one on each side, are two events even when their wording matches: "Susan
Collins will vote no on Graham-Cassidy" and "McConnell pressures holdouts" share "Obamacare",
"Senate" and "Republican", and nobody else. Each test alone is not enough: different outlets
quote different people about one event, and an outlet writes follow-ups (the scale bench's
synthetic week, whose stories are one event each, names a random 4 of 12 key words per
title: 346 stories of 3,000 articles became 437 on disjoint names alone, 349 with the
outlet test). A report that names no actor beyond the subject goes with the side its words
are closer to. Only with body leads (`actors` None): a bare headline names one or two
actors, and one it does not name is no evidence (uci_news_stories, bench/cluster.py, names
alone: 91.20 / 87.37 -> 89.46 / 84.87 held out).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import eigsh

# Up to this many reports a story's eigenvectors are computed in full; above, only the two
# the bisection reads (Lanczos, from a fixed start: deterministic).
DENSE_EIGEN_MAX = 32
# A normalised cut this small is no shared link at all (float32 rounding of a zero cut).
DISJOINT = 1e-6


@dataclass(frozen=True)
class SplitSettings:
    """When a story is two. `ncut` 0 turns the pass off."""

    ncut: float = 0.1  # split when the residual words' normalised cut is at most this
    subject_share: float = 0.5  # a term more than this share of the reports hold is the subject
    min_side: int = 2  # reports on each side of a split, at least
    min_share: float = 0.15  # and this share of the story
    max_size: int = 1000  # stories of more reports are not looked at (cost bound)
    # Split a story whose sides name disjoint actors and share an outlet (split_by_actors);
    # None: with body leads.
    actors: bool | None = None


@dataclass(frozen=True)
class Bisection:
    """The best balanced cut of a story's reports: local indices of each side and its cost."""

    left: tuple[int, ...]
    right: tuple[int, ...]
    ncut: float


def residual_sims(x: sp.csr_matrix, members: Sequence[int], share: float) -> np.ndarray | None:
    """Cosine similarities of the rows `members` of `x` without the terms more than `share`
    of them hold (the subject) and without the terms only one holds (they tie nothing); None
    when no term is left. Read straight from the CSR arrays: most stories are small, and
    scipy's per-call checks would cost more than the arithmetic."""
    at = np.asarray(members, dtype=np.int64)
    lengths = x.indptr[at + 1] - x.indptr[at]
    first = np.repeat(x.indptr[at] - np.cumsum(lengths) + lengths, lengths)
    entries = first + np.arange(int(lengths.sum()))
    _, where, held = np.unique(x.indices[entries], return_inverse=True,
                               return_counts=True)
    keep = (held <= share * len(at)) & (held >= 2)
    if not keep.any():
        return None
    rows = np.repeat(np.arange(len(at)), lengths)
    kept = keep[where]
    # Kept terms renumbered 0..k-1, each report's row of them dense (a story is small).
    number = np.cumsum(keep) - 1
    r = np.zeros((len(at), int(keep.sum())), dtype=np.float32)
    r[rows[kept], number[where[kept]]] = x.data[entries][kept]
    norms = np.linalg.norm(r, axis=1)
    r /= np.where(norms > 0, norms, 1.0)[:, None]
    sims: np.ndarray = r @ r.T
    return sims


def _fiedler(m: np.ndarray) -> np.ndarray:
    """The eigenvector of the second-largest eigenvalue of a symmetric matrix."""
    if len(m) <= DENSE_EIGEN_MAX:
        return np.asarray(np.linalg.eigh(m)[1][:, -2])
    start = np.linspace(1.0, 2.0, len(m))
    values, vectors = eigsh(m, k=2, which="LA", v0=start)
    return np.asarray(vectors[:, int(np.argmin(values))])


def bisect(sims: np.ndarray, smallest: int) -> Bisection | None:
    """The normalised-cut bisection of a similarity matrix (non-negative, symmetric) with at
    least `smallest` items on each side, from a sweep over its Fiedler vector; None when no
    such cut exists. Items with no similarity to any other go with the bigger side."""
    n = sims.shape[0]
    degree = sims.sum(axis=1) - np.diag(sims)
    linked = np.flatnonzero(degree > 0)
    if len(linked) < 2 * smallest:
        return None
    s = sims[np.ix_(linked, linked)].copy()
    np.fill_diagonal(s, 0.0)
    d = degree[linked]
    scale = 1.0 / np.sqrt(d)
    order = np.argsort(_fiedler(scale[:, None] * s * scale[None, :]) * scale, kind="stable")
    ordered = s[np.ix_(order, order)]
    upper = np.triu(ordered, 1)
    # cut(first k, rest) for every k, from the running sums of each item's links forward
    # and backward along the order.
    cut = np.cumsum(upper.sum(axis=1) - upper.sum(axis=0))[:-1]
    vol_left = np.cumsum(d[order])[:-1]
    vol_right = d.sum() - vol_left
    ncut = cut / vol_left + cut / vol_right
    k = np.arange(1, len(order))
    ok = (k >= smallest) & (len(order) - k >= smallest)
    if not ok.any():
        return None
    best = int(k[ok][np.argmin(ncut[ok])])
    left = [int(i) for i in linked[order[:best]]]
    right = [int(i) for i in linked[order[best:]]]
    lonely = [i for i in range(n) if degree[i] <= 0]
    (left if len(left) >= len(right) else right).extend(lonely)
    return Bisection(tuple(sorted(left)), tuple(sorted(right)), float(ncut[best - 1]))


def split_stories(labels: Sequence[int], x: sp.csr_matrix, settings: SplitSettings) -> list[int]:
    """`labels` with each story that tells two events (see the module docstring) split."""
    if settings.ncut <= 0:
        return list(labels)

    def cut(members: Sequence[int]) -> Bisection | None:
        sims = residual_sims(x, members, settings.subject_share)
        found = None if sims is None else bisect(sims, _smallest(members, settings))
        return found if found is not None and found.ncut <= settings.ncut else None

    return _split(labels, cut, settings)


def _smallest(members: Sequence[int], settings: SplitSettings) -> int:
    """The fewest reports a side of a split of `members` may hold."""
    return max(settings.min_side, int(np.ceil(settings.min_share * len(members))))


def _split(labels: Sequence[int], cut: Callable[[Sequence[int]], Bisection | None],
           settings: SplitSettings) -> list[int]:
    """`labels` with each story of `min_side`..`max_size` reports that `cut` bisects split in
    two, each side looked at again while it could still be split."""
    out = list(labels)
    groups: dict[int, list[int]] = {}
    for i, lab in enumerate(out):
        groups.setdefault(lab, []).append(i)
    next_label = max(out, default=-1) + 1
    pending = [m for m in groups.values() if 2 * settings.min_side <= len(m) <= settings.max_size]
    while pending:
        members = pending.pop()
        found = cut(members)
        if found is None:
            continue
        for i in found.right:
            out[members[i]] = next_label
        next_label += 1
        for side in (found.left, found.right):
            if len(side) >= 2 * settings.min_side:
                pending.append([members[i] for i in side])
    return out


def incidence(held: Sequence[frozenset[str]]) -> sp.csr_matrix:
    """A 0/1 matrix, a row per report and a column per actor any report names."""
    vocab: dict[str, int] = {}
    rows = [i for i, h in enumerate(held) for _ in h]
    cols = [vocab.setdefault(a, len(vocab)) for h in held for a in sorted(h)]
    return sp.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)),
                         shape=(len(held), max(1, len(vocab))))


def _actor_cut(names: sp.csr_matrix, x: sp.csr_matrix, outlets: Sequence[str],
               members: Sequence[int], settings: SplitSettings) -> Bisection | None:
    """The two sides of `members` that name no actor in common beyond the subject, each
    with at least `min_side` reports that name one, and one outlet on both; the reports that
    name none go with the side whose words (rows of `x`) are closer on average. None when
    there are no such sides."""
    smallest = _smallest(members, settings)
    sims = residual_sims(names, members, settings.subject_share)
    if sims is None:
        return None
    cut = bisect(sims, smallest)
    if cut is None or cut.ncut > DISJOINT:
        return None
    named = sims.sum(axis=1) - np.diag(sims) > 0
    sides: tuple[list[int], list[int]] = ([i for i in cut.left if named[i]],
                                          [i for i in cut.right if named[i]])
    if min(len(sides[0]), len(sides[1])) < smallest:
        return None
    rows = x[list(members)]
    words = (rows @ rows.T).toarray()
    for i in np.flatnonzero(~named):
        closer = words[i, sides[0]].mean() >= words[i, sides[1]].mean()
        sides[0 if closer else 1].append(int(i))
    left, right = ({outlets[members[i]] for i in side} for side in sides)
    if not left & right:
        return None
    return Bisection(tuple(sorted(sides[0])), tuple(sorted(sides[1])), 0.0)


def split_by_actors(labels: Sequence[int], held: Sequence[frozenset[str]],
                    outlets: Sequence[str], x: sp.csr_matrix,
                    settings: SplitSettings) -> list[int]:
    """`labels` with each story split whose reports fall into two groups that name disjoint
    actors and share an outlet (see the module docstring); `held`: each report's actors,
    `outlets`: who wrote it, `x`: its word rows."""
    names = incidence(held)
    return _split(labels, lambda members: _actor_cut(names, x, outlets, members, settings),
                  settings)
