"""Story clustering on uci_news_stories: BCubed F1 with the split-half protocol.

The stories are split in two halves by a hash of their id. The merge threshold is chosen on
one half and the score reported on the other, in both directions: the threshold whose
neighbourhood (it and the grid steps either side) scores best on average, so a plateau beats a
lone peak. Reads ../shared/bench/summarize/uci_news_stories (outside the repo); skips when it
is missing.

Each headline is an article with no body, its real URL (whose slug the editor reads for bare
headlines) and one shared publication time: the data set's timestamps are the aggregator's
crawl of each gold story (every story's headlines within 72 s of each other, stories never
overlapping in time), so any use of them would read the answer.

    .venv/bin/python bench/cluster.py [--grid 0.02:0.2:0.01]

With --ncut, the split pass's cut (digest.edit.group.split, shipped 0.1) is chosen with the
threshold on the same half, from the values given, and scored on the other: every parameter
held out, not only the threshold (each cut's best threshold neighbourhood, then the cut whose
neighbourhood scores best; ties go to the shipped cut):

    .venv/bin/python bench/cluster.py --ncut 0,0.05,0.1,0.15,0.2

With --embed, headlines are also encoded by the optional embedding extra (all-MiniLM-L6-v2,
digest.edit.group.embeddings) and passed to cluster() as dense vectors, combined with the TF-IDF
cosine by a weighted geometric mean; the embedding share is tuned with the threshold on a
small grid (--weights), on one half, and scored on the other:

    .venv/bin/python bench/cluster.py --embed [--weights 0.6,0.7,0.8] [--linear]

With --errors N, each half is cut at the shipped threshold and its BCubed losses are printed:
the N predicted clusters that lose most precision (what they merged: each gold story's share
and first headline) and the N gold stories that lose most recall (the sizes of their parts).
A loss is in points of the half's BCubed precision or recall:

    .venv/bin/python bench/cluster.py --errors 12
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter, defaultdict
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digest.edit.group.labels import Representation, cut, prepared, represent
from digest.edit.group.split import SplitSettings
from digest.edit.group.stories import LSA_THRESHOLD, THRESHOLD, ClusterSettings
from digest.models import Article, EditorSettings

# Reference point for ties with --embed (the threshold both halves pick at weight 0.7).
EMBED_THRESHOLD = 0.10
DATA = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "summarize" / "uci_news_stories"


def bcubed_f1(labels: list[int], gold: list[str]) -> float:
    pair = Counter(zip(labels, gold, strict=True))
    by_label, by_gold = Counter(labels), Counter(gold)
    p = sum(pair[(a, g)] / by_label[a] for a, g in zip(labels, gold, strict=True)) / len(gold)
    r = sum(pair[(a, g)] / by_gold[g] for a, g in zip(labels, gold, strict=True)) / len(gold)
    return 2 * p * r / (p + r) if p + r else 0.0


def smoothed(grid: list[float], score: dict[float, float], k: int) -> float:
    """The mean score of grid[k] and its neighbours one step either side."""
    near = grid[max(0, k - 1):k + 2]
    return sum(score[t] for t in near) / len(near)


def plateau(grid: list[float], score: dict[float, float], default: float) -> float:
    """The threshold of `grid` whose neighbourhood (itself and one step either side) has the
    best mean score; ties go to the one nearest `default`."""
    best = max(range(len(grid)),
               key=lambda k: (round(smoothed(grid, score, k), 6), -abs(grid[k] - default)))
    return grid[best]


def headline_articles(rows: list[dict[str, Any]]) -> list[Article]:
    """Each headline as an article with no body: the editor's own representation of it."""
    when = datetime(2014, 3, 10, tzinfo=UTC)
    return [Article(source=str(r.get("publisher", "")), guid=str(r["id"]), url=str(r["url"]),
                    title=r["title"], paragraphs=(), published=when, first_seen=when,
                    content_hash=str(r["id"])) for r in rows]


def represent_half(rows: list[dict[str, Any]], embed: bool = False) -> Representation:
    return represent(headline_articles(rows), EditorSettings(embeddings=embed))


def _load(grid_spec: str) -> tuple[list[dict[str, Any]], dict[str, int], list[float]] | None:
    """The headlines, each story's half (by a hash of its id) and the threshold grid; None (and
    a message) when the data set is not there."""
    path = DATA / "headlines.jsonl"
    if not path.exists():
        print(f"skipped: {path} not found")
        return None
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    half = {r["story"]: int(hashlib.md5(r["story"].encode()).hexdigest(), 16) % 2 for r in rows}
    lo, hi, step = (float(x) for x in grid_spec.split(":"))
    grid = [round(lo + k * step, 4) for k in range(int((hi - lo) / step) + 1)]
    return rows, half, grid


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--lsa", type=int, default=None, help="latent dimensions (default: the module's)")
    ap.add_argument("--grid", default="0.02:0.2:0.01", help="start:stop:step of thresholds")
    ap.add_argument("--embed", action="store_true",
                    help="add sentence embeddings (needs the embedding extra; see docs/editor.md)")
    ap.add_argument("--weights", default="0.6,0.7,0.8",
                    help="with --embed: embedding shares to try (tuned with the threshold)")
    ap.add_argument("--linear", action="store_true",
                    help="with --embed: a linear blend instead of the geometric mean")
    ap.add_argument("--ncut", default="",
                    help="split cuts to choose from with the threshold, e.g. 0,0.05,0.1,0.15")
    ap.add_argument("--errors", type=int, default=0,
                    help="print each half's N worst merged clusters and split stories")
    args = ap.parse_args()
    if args.errors:
        return errors_main(args.errors)
    if args.embed:
        return embed_main(args)
    if args.ncut:
        return ncut_main(args)
    data = _load(args.grid)
    if data is None:
        return 0
    rows, half, grid = data
    scores: dict[tuple[int, float], float] = {}
    default = THRESHOLD if args.lsa == 0 else LSA_THRESHOLD

    def settings(t: float) -> ClusterSettings:
        base = ClusterSettings(threshold=t)
        return base if args.lsa is None else ClusterSettings(threshold=t, lsa=args.lsa)

    t0 = time.perf_counter()
    for h in (0, 1):
        sub = [r for r in rows if half[r["story"]] == h]
        rep, gold = represent_half(sub), [r["story"] for r in sub]
        prep = prepared(rep, settings(default))  # what does not depend on the threshold, once
        for t in grid:
            scores[(h, t)] = bcubed_f1(list(cut(rep, prep, t).labels), gold)
    results = []
    for h in (0, 1):
        best_t = plateau(grid, {t: scores[(h, t)] for t in grid}, default)
        test = scores[(1 - h, best_t)]
        results.append(test)
        print(f"tuned on half {h}: threshold {best_t} (train F1 {100 * scores[(h, best_t)]:.1f})"
              f" -> held-out half {1 - h}: BCubed F1 {100 * test:.1f}")
    print("per threshold (BCubed F1, half 0 / half 1): " + ", ".join(
        f"{t}: {100 * scores[(0, t)]:.1f}/{100 * scores[(1, t)]:.1f}" for t in grid))
    print(f"shipped threshold {default}: half 0 {100 * scores.get((0, default), float('nan')):.1f}"
          f", half 1 {100 * scores.get((1, default), float('nan')):.1f}")
    print(f"held-out mean BCubed F1: {100 * sum(results) / 2:.1f}  (anchors: TF-IDF 81.5, MiniLM 86.9)"
          f"  [{time.perf_counter() - t0:.0f}s, {len(grid)} thresholds]")
    return 0


def losses(labels: list[int], gold: list[str]) -> tuple[dict[int, float], dict[str, float]]:
    """Each predicted cluster's share of the BCubed precision lost, each gold story's share
    of the recall lost (fractions of the whole: the precision is 1 - sum of the first)."""
    pair = Counter(zip(labels, gold, strict=True))
    by_label, by_gold = Counter(labels), Counter(gold)
    lost_p: dict[int, float] = defaultdict(float)
    lost_r: dict[str, float] = defaultdict(float)
    for a, g in zip(labels, gold, strict=True):
        lost_p[a] += (1 - pair[(a, g)] / by_label[a]) / len(gold)
        lost_r[g] += (1 - pair[(a, g)] / by_gold[g]) / len(gold)
    return lost_p, lost_r


def errors_main(top: int) -> int:
    """Each half's worst merges and splits at the shipped threshold (see the docstring)."""
    data = _load(f"{LSA_THRESHOLD}:{LSA_THRESHOLD}:1")
    if data is None:
        return 0
    rows, half, _ = data
    for h in (0, 1):
        sub = [r for r in rows if half[r["story"]] == h]
        rep, gold = represent_half(sub), [r["story"] for r in sub]
        labels = list(cut(rep, prepared(rep, ClusterSettings()), LSA_THRESHOLD).labels)
        lost_p, lost_r = losses(labels, gold)
        first: dict[tuple[int, str], str] = {}  # (cluster, story) -> its first headline
        for r, a in zip(sub, labels, strict=True):
            first.setdefault((a, r["story"]), r["title"])
        print(f"== half {h}: BCubed F1 {100 * bcubed_f1(labels, gold):.2f}, precision"
              f" {100 * (1 - sum(lost_p.values())):.2f}, recall {100 * (1 - sum(lost_r.values())):.2f}")
        print("-- merged: clusters losing most precision (gold stories in them)")
        for a, loss in sorted(lost_p.items(), key=lambda kv: -kv[1])[:top]:
            parts = Counter(g for g, x in zip(gold, labels, strict=True) if x == a)
            print(f"{100 * loss:5.2f}  size {sum(parts.values())}")
            for g, n in parts.most_common(5):
                print(f"       {n:4d}  {g[:8]}  {first[(a, g)][:90]}")
        print("-- split: gold stories losing most recall (their parts)")
        for g, loss in sorted(lost_r.items(), key=lambda kv: -kv[1])[:top]:
            parts = Counter(a for a, x in zip(labels, gold, strict=True) if x == g)
            print(f"{100 * loss:5.2f}  size {sum(parts.values())}  parts"
                  f" {[n for _, n in parts.most_common(8)]}")
            for a, n in parts.most_common(4):
                print(f"       {n:4d}  {first[(a, g)][:90]}")
    return 0


def ncut_main(args: argparse.Namespace) -> int:
    """The split-half protocol over (split cut, threshold): both chosen on one half."""
    data = _load(args.grid)
    if data is None:
        return 0
    rows, half, grid = data
    cuts = [float(c) for c in args.ncut.split(",")]
    shipped = SplitSettings().ncut
    scores: dict[tuple[int, float, float], float] = {}
    t0 = time.perf_counter()
    for h in (0, 1):
        sub = [r for r in rows if half[r["story"]] == h]
        rep, gold = represent_half(sub), [r["story"] for r in sub]
        prep = prepared(rep, ClusterSettings(threshold=LSA_THRESHOLD))
        for c in cuts:
            at_cut = replace(prep, settings=replace(prep.settings, split=SplitSettings(ncut=c)))
            for t in grid:
                scores[(h, c, t)] = bcubed_f1(list(cut(rep, at_cut, t).labels), gold)
    results = []
    for h in (0, 1):
        best: dict[float, tuple[float, float]] = {}  # cut -> (its threshold, smoothed score)
        for c in cuts:
            score = {t: scores[(h, c, t)] for t in grid}
            t = plateau(grid, score, LSA_THRESHOLD)
            best[c] = (t, smoothed(grid, score, grid.index(t)))
        c = max(cuts, key=lambda v: (round(best[v][1], 6), -abs(v - shipped)))
        t = best[c][0]
        test = scores[(1 - h, c, t)]
        results.append(test)
        print(f"tuned on half {h}: cut {c}, threshold {t} (train F1 {100 * scores[(h, c, t)]:.2f})"
              f" -> held-out half {1 - h}: BCubed F1 {100 * test:.2f}")
    for c in cuts:
        print(f"cut {c}: " + ", ".join(f"{t}: {100 * scores[(0, c, t)]:.2f}/"
                                      f"{100 * scores[(1, c, t)]:.2f}" for t in grid))
    print(f"held-out mean BCubed F1 (cut and threshold chosen on the other half):"
          f" {100 * sum(results) / 2:.1f}  [{time.perf_counter() - t0:.0f}s,"
          f" {len(cuts)} cuts x {len(grid)} thresholds]")
    return 0


def embed_main(args: argparse.Namespace) -> int:
    """The split-half protocol over (embedding share, threshold), with encoded headlines."""
    from digest.edit.group import embeddings

    data = _load(args.grid)
    if data is None:
        return 0
    if not embeddings.is_available():
        print(f"skipped: {embeddings.EmbeddingsUnavailable('not installed')}")
        return 0
    rows, half, grid = data
    weights = [float(w) for w in args.weights.split(",")]
    t0 = time.perf_counter()
    embeddings.encode(["warm-up"])  # load the model once, outside the timing
    load = time.perf_counter() - t0
    t0 = time.perf_counter()
    reps = {h: represent_half([r for r in rows if half[r["story"]] == h], embed=True)
            for h in (0, 1)}
    encode_s = time.perf_counter() - t0
    print(f"encoded {len(rows)} headlines in {encode_s:.1f}s ({len(rows) / encode_s:.0f}/s;"
          f" model load {load:.1f}s)")
    scores: dict[tuple[int, float, float], float] = {}
    t0 = time.perf_counter()
    for h in (0, 1):
        gold = [r["story"] for r in rows if half[r["story"]] == h]
        for w in weights:
            prep = prepared(reps[h], ClusterSettings(dense_weight=w,
                                                     dense_geometric=not args.linear))
            for t in grid:
                scores[(h, w, t)] = bcubed_f1(list(cut(reps[h], prep, t).labels), gold)
    results = []
    keys = [(w, t) for w in weights for t in grid]
    for h in (0, 1):
        best_w, best_t = max(keys, key=lambda k: (scores[(h, *k)], -abs(k[1] - EMBED_THRESHOLD)))
        test = scores[(1 - h, best_w, best_t)]
        results.append(test)
        print(f"tuned on half {h}: weight {best_w}, threshold {best_t} (train F1"
              f" {100 * scores[(h, best_w, best_t)]:.1f}) -> held-out half {1 - h}: BCubed F1"
              f" {100 * test:.1f}")
    mode = "linear blend" if args.linear else "geometric mean"
    print(f"held-out mean BCubed F1 with embeddings ({mode}): {100 * sum(results) / 2:.1f}"
          f"  (anchors: TF-IDF 81.5, MiniLM 86.9)  [{time.perf_counter() - t0:.0f}s,"
          f" {len(keys)} settings]")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
