"""A story's core event: which of its members the writers read (issue 11: "a sentence from
another story").

Grouping's average link can join two events that share their actors; `off_core` finds, per
story, the members outside its core event (the `Week.aside` the editor sets), and
`writing_set` picks the articles a story is written from, one outlet at a time. Every member
is still cited. docs/editor.md ("One event per paragraph") gives the rule and how its share
was chosen.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from digest.edit.week import Read, Week

# A story is written from its core event. Grouping's average link can join two events that
# share their actors (a communications director leaving and a Secret Service director ousted,
# the same week, the same White House): the members' own average-link tree, cut in two, shows
# them as two dense parts far apart. When both parts hold at least two articles (an event
# more than one outlet reported) and the mean similarity between them is under CORE_SHARE of
# the mean within the looser part, the story is written from the larger part (ties: the
# denser); every member is still cited. Only for stories of at least CORE_MIN articles.
CORE_SHARE = 0.5
CORE_MIN = 4


def _within(sims: np.ndarray, part: Sequence[int]) -> float:
    """The mean similarity of a part's own pairs (not each article with itself)."""
    block = sims[np.ix_(part, part)]
    return float((block.sum() - np.trace(block)) / (len(part) * (len(part) - 1)))


def _between(sims: np.ndarray, a: Sequence[int], b: Sequence[int]) -> float:
    """The mean similarity of the pairs of one article of `a` and one of `b`."""
    return float(sims[np.ix_(a, b)].mean())


def _core(sims: np.ndarray) -> list[int]:
    """The rows of one story's core event, given its members' pairwise similarities."""
    dist = np.clip(1.0 - sims, 0.0, 2.0)
    np.fill_diagonal(dist, 0.0)
    halves = fcluster(linkage(squareform(dist, checks=False), "average"), 2, "maxclust")
    parts = [[k for k, h in enumerate(halves) if h == label] for label in (1, 2)]
    if min(len(p) for p in parts) < 2:
        return list(range(len(sims)))
    within = [_within(sims, p) for p in parts]
    if _between(sims, parts[0], parts[1]) >= CORE_SHARE * min(within):
        return list(range(len(sims)))
    return sorted(parts[max((0, 1), key=lambda h: (len(parts[h]), within[h]))])


def off_core(labels: Sequence[int], rows: sp.csr_matrix, used: Sequence[Read]) -> frozenset[int]:
    """The positions of the `used` articles outside their story's core event (CORE_SHARE):
    `labels` and `rows` are grouping's, one per used article (group.Grouping)."""
    stories: dict[int, list[int]] = defaultdict(list)
    for k, label in enumerate(labels):
        stories[label].append(k)
    out: set[int] = set()
    for ks in stories.values():
        if len(ks) >= CORE_MIN:
            x = rows[ks]
            kept = set(_core((x @ x.T).toarray().astype(np.float64)))
            out |= {used[k].position for n, k in enumerate(ks) if n not in kept}
    return frozenset(out)


def writing_set(week: Week, members: Sequence[int], limit: int) -> tuple[Read, ...]:
    """Up to `limit` articles of the story's core event (`off_core`), one outlet at a time
    (earliest first), so a story that one source flooded is still written from every outlet
    that covered it."""
    by_outlet: dict[str, list[Read]] = defaultdict(list)
    core = [i for i in members if i not in week.aside] or members
    for i in core:
        by_outlet[week.reads[i].source].append(week.reads[i])
    queues = list(by_outlet.values())
    out: list[Read] = []
    depth = 0
    while len(out) < limit and any(depth < len(q) for q in queues):
        out.extend(q[depth] for q in queues if depth < len(q))
        depth += 1
    return tuple(out[:limit])
