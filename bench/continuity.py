"""Continuity on real stories: does a later report find the earlier issue's story, and only it?

allsides_dev gives 2,131 real stories, each reported by three outlets. Each trial is two
consecutive weeks: week 1 prints 30 stories (one outlet's report each: title and opening
sentences); week 2 holds another outlet's report of 15 of them (follow-ups) and 15 stories
never printed. Every week-2 report is its own story (grouping is measured by bench/allsides.py),
so this measures the matching alone. A link is right when it names the week-1 story of the same
true story; a follow-up left unlinked is a miss, a link from a new story (or to the wrong
story) is wrong. Scored: precision, recall and F1 of links.

- shipped: edit.continuity.recall over the week, against what `remember` would keep of week 1
  (its headline, printed sentences and event anchors; URLs never match here), with its two
  thresholds chosen on one half of the trials (even / odd) and scored on the other, both ways;
- anchors alone: the first rule tried (two shared rare anchors worth 1.5, no text similarity);
- the simple choice: sklearn's TF-IDF cosine (English stop words) of title + text between a
  week-2 report and each week-1 story, linked to the best at a threshold chosen the same way.

Reads ../shared/bench/summarize/allsides_dev (outside the repo, research use only); skips when
it is missing.

    .venv/bin/python bench/continuity.py [--trials 60]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sklearn.feature_extraction.text import TfidfVectorizer

from digest.edit.continuity import recall
from digest.edit.group.anchors import event_anchors
from digest.edit.select import select
from digest.edit.settings import ContinuitySettings
from digest.edit.week import Week, entity_index, read
from digest.models import Article, Newsletter, Period, StoryMemory
from digest.text import content_hash

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "summarize" / "allsides_dev"
PRINTED, FOLLOWED, NEW = 30, 15, 15
START = datetime(2026, 3, 2, tzinfo=UTC)
NEWSLETTER = Newsletter(title="Bench Weekly")


@dataclass(frozen=True)
class Trial:
    printed: tuple[dict[str, Any], ...]  # week 1: story dicts, article 0 printed
    later: tuple[tuple[dict[str, Any], int], ...]  # week 2: (story, outlet index)
    truth: tuple[str | None, ...]  # per week-2 report: the week-1 story id it follows, or None


def trials(stories: Sequence[dict[str, Any]], n: int) -> list[Trial]:
    rng = random.Random(20261130)
    usable = [s for s in stories if len(s["articles"]) >= 2]
    out = []
    for _ in range(n):
        pick = rng.sample(usable, PRINTED + NEW)
        printed, fresh = pick[:PRINTED], pick[PRINTED:]
        later = [(s, 1) for s in rng.sample(printed, FOLLOWED)] + [(s, 0) for s in fresh]
        rng.shuffle(later)
        truth = tuple(s["id"] if k == 1 else None for s, k in later)
        out.append(Trial(tuple(printed), tuple(later), truth))
    return out


def article(story: dict[str, Any], k: int, week: int) -> Article:
    a = story["articles"][k]
    when = START + timedelta(days=7 * week + 1)
    text = a["text"] or a["title"]
    return Article(source=f"Outlet {k}", guid=f"{story['id']}-{k}",
                   url=f"https://o{k}.example/{story['id']}", title=a["title"],
                   paragraphs=(text,), published=when, first_seen=when,
                   content_hash=content_hash((text,)))


def period(week: int) -> Period:
    start = START + timedelta(days=7 * week)
    return Period(key=f"W{week}", start=start, end=start + timedelta(days=7))


def memory_of(t: Trial) -> list[StoryMemory]:
    arts = [article(s, 0, 0) for s in t.printed]
    texts = [f"{a.title}.\n{a.text}" for a in arts]
    found = event_anchors(texts, entity_index(read(arts)))
    return [StoryMemory(issue="W0", rank=i + 1, headline=a.title, articles=(a.url,),
                        anchors=tuple(sorted(anch)), said=(a.text,))
            for i, (a, anch) in enumerate(zip(arts, found, strict=True))]


@dataclass
class Prepared:
    trial: Trial
    memory: list[StoryMemory]
    week: Week


def prepare(t: Trial) -> Prepared:
    arts = [article(s, k, 1) for s, k in t.later]
    return Prepared(t, memory_of(t), select(read(arts), period(1), NEWSLETTER, ()))


def shipped(p: Prepared, tune: ContinuitySettings) -> list[str | None]:
    """What edit_issue's continuity step links (every report its own story)."""
    got = recall(p.week, list(range(len(p.week.used))), p.memory, tune)
    ids = {m.rank: p.trial.printed[m.rank - 1]["id"] for m in p.memory}
    return [ids[got.earlier[i].rank] if i in got.earlier else None
            for i in range(len(p.week.reads))]


def anchors_alone(p: Prepared) -> list[str | None]:
    """The first rule tried: the remembered story two rare anchors worth 1.5 tie it to."""
    memory = [replace(m, said=("中文",)) for m in p.memory]  # "another script": anchors decide
    return shipped(replace(p, memory=memory), ContinuitySettings())


def similarities(t: Trial) -> list[list[float]]:
    old = [article(s, 0, 0) for s in t.printed]
    new = [article(s, k, 1) for s, k in t.later]
    vec = TfidfVectorizer(sublinear_tf=True, stop_words="english")
    m = vec.fit_transform([f"{a.title} {a.text}" for a in (*old, *new)])
    sims = (m[len(old):] @ m[:len(old)].T).toarray()
    return [list(row) for row in sims]


def tfidf(t: Trial, sims: list[list[float]], threshold: float) -> list[str | None]:
    out: list[str | None] = []
    for row in sims:
        best = max(range(len(row)), key=lambda j: row[j])
        out.append(t.printed[best]["id"] if row[best] >= threshold else None)
    return out


def score(pairs: Sequence[tuple[Sequence[str | None], Sequence[str | None]]]) -> tuple[float, ...]:
    right = linked = wanted = 0
    for truth, got in pairs:
        for want, have in zip(truth, got, strict=True):
            linked += have is not None
            wanted += want is not None
            right += have is not None and have == want
    p = right / linked if linked else 0.0
    r = right / wanted if wanted else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--trials", type=int, default=60)
    args = ap.parse_args()
    path = DATA / "stories.jsonl"
    if not path.exists():
        print(f"skipped: {path} not found")
        return 0
    stories = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    all_trials = trials(stories, args.trials)
    halves = [all_trials[0::2], all_trials[1::2]]
    grid = [x / 100 for x in range(5, 61, 5)]
    print(f"{args.trials} trials x ({PRINTED} printed; {FOLLOWED} follow-ups + {NEW} new)")
    print("parameters chosen on the other half; a row per half")
    print(f"{'half':>4} {'method':<44} {'P':>6} {'R':>6} {'F1':>6}")
    prepared = [[prepare(t) for t in half] for half in halves]
    shipped_grid = [ContinuitySettings(similarity=x) for x in (0.1, 0.15, 0.2, 0.25, 0.3)]

    def ours(ps: list[Prepared], tune: ContinuitySettings) -> tuple[float, ...]:
        return score([(p.trial.truth, shipped(p, tune)) for p in ps])

    for h, half in enumerate(halves):
        other = halves[1 - h]
        sims_other = [similarities(t) for t in other]
        best = max(grid, key=lambda th: score([(t.truth, tfidf(t, s, th))
                                               for t, s in zip(other, sims_other, strict=True)])[2])
        base = score([(t.truth, tfidf(t, similarities(t), best)) for t in half])
        tune = max(shipped_grid, key=lambda g: ours(prepared[1 - h], g)[2])
        mine = ours(prepared[h], tune)
        anchors_only = score([(p.trial.truth, anchors_alone(p)) for p in prepared[h]])
        label = f"shipped: cosine >= {tune.similarity:.2f}"
        for name, sc in ((label, mine), ("anchors alone (>= 2, worth 1.5)", anchors_only),
                         (f"sklearn TF-IDF cosine >= {best:.2f}", base)):
            print(f"{h:>4} {name:<44} {sc[0]:6.3f} {sc[1]:6.3f} {sc[2]:6.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
