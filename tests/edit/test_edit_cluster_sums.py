"""merge_across_blocks' cluster sums and blocks' components: the same figures as scipy's.

The merge order across a cut block depends on float32 averages compared at 1e-5, so the
faster ClusterSum must reproduce scipy's CSR arithmetic bit for bit, not approximately."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from digest.edit.group.blocking import ClusterSum, _cluster_sums, blocks, components


def _row(rng: np.random.Generator, width: int, nnz: int) -> sp.csr_matrix:
    cols = rng.choice(width, size=nnz, replace=False)
    vals = rng.standard_normal(nnz).astype(np.float32) * np.float32(0.3)
    return sp.csr_matrix((vals, (np.zeros(nnz, dtype=np.int64), cols)), shape=(1, width))


def test_cluster_sums_add_and_dot_as_scipy_does_bit_for_bit() -> None:
    rng = np.random.default_rng(5)
    for _ in range(300):
        width = int(rng.integers(5, 2000))
        a = _row(rng, width, int(rng.integers(0, min(width, 400))))
        b = _row(rng, width, int(rng.integers(0, min(width, 400))))
        if rng.random() < 0.2:  # entries that cancel out: scipy drops them from the sum
            b = b - a
        mine = ClusterSum.of(a) + ClusterSum.of(b)
        total = a + b
        assert np.array_equal(mine.indices, total.indices)
        assert mine.values.tobytes() == total.data.tobytes()
        for left, right in ((a, b), (a, total), (total, a)):
            assert ClusterSum.of(left).dot(ClusterSum.of(right)) == float(
                left.multiply(right).sum())


def test_cluster_sums_of_many_groups_as_a_dense_sum_of_each_bit_for_bit() -> None:
    rng = np.random.default_rng(11)
    feats = sp.vstack([_row(rng, 3000, int(rng.integers(0, 60))) for _ in range(400)]).tocsr()
    feats.data[::7] = 0.0  # an explicit zero is no column of a sum
    groups = [sorted(rng.choice(400, size=int(rng.integers(1, 30)), replace=False).tolist())
              for _ in range(80)]
    sums = _cluster_sums(feats, groups)
    for k, group in enumerate(groups):
        dense = sp.csr_matrix(feats[group].sum(axis=0))
        mine = ClusterSum.of(sums, k)
        assert np.array_equal(mine.indices, dense.indices)
        assert mine.values.tobytes() == dense.data.astype(np.float32).tobytes()


def test_components_in_order_of_their_first_node() -> None:
    pairs = np.array([[5, 1], [3, 6], [6, 0], [2, 2]])
    assert [g.tolist() for g in components(7, pairs)] == [[0, 3, 6], [1, 5], [2], [4]]


def test_blocks_cut_a_giant_component_at_a_higher_floor() -> None:
    # A chain 0-1-...-9 at 0.5 with one strong link in the middle: over max_block 4 it is
    # cut at the floor + 0.05 steps until its pieces fit.
    edges = {(k, k + 1): 0.5 for k in range(9)}
    edges[(4, 5)] = 0.9
    out, cut_items = blocks(10, edges, 0.1, max_block=4)
    assert sorted(map(sorted, out)) == [[0], [1], [2], [3], [4, 5], [6], [7], [8], [9]]
    assert cut_items == set(range(10))
    assert blocks(3, {}, 0.1) == ([[0, 1, 2]], set())
