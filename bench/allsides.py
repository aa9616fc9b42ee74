"""Real multi-outlet weeks from allsides_dev: grouping, headlines and paragraphs at once.

Each week is 20 real stories x 3 outlets (60 articles: title + opening sentences), shuffled
together, and run through the shipped editor (`edit_issue`, every story featured). Measured
against the AllSides editor's own headline and summary for each story:

- grouping: BCubed F1 of the issue's stories against the 20 true stories;
- headline: ROUGE-1 F1 of the headline of the story holding most of a true story's articles;
- summary: ROUGE-1 F1 of that story's paragraph.

The simple choices are scored in the same run: the first outlet's title, the most central title
(highest word overlap with the other two), the first outlet's text. "Writing on the true
stories" scores the headline and paragraph writers on each story's own three articles (as if
grouping were perfect), so the writers can be judged apart from the grouping. The copy editor
(`digest.edit.proof`) reads every headline and paragraph of the issues: its strikes are counted
and, with --strikes N, the first N are printed. The weeks are split in two
halves (even / odd); with --grid a story threshold is chosen on one half (by its grouping, the
best neighbourhood of three grid steps, as --grouping and bench/cluster.py choose) and the scores are
reported on the other, in both directions; with --headline-grid the headline weights
(`HeadlineSettings`, over HEADLINE_GRID) are chosen the same way, and with --paragraph-grid
the paragraph's (`ParagraphSettings`, over PARAGRAPH_GRID). Reads ../shared/bench/summarize/allsides_dev (outside
the repo, research use only: nothing is fitted on it); skips when it is missing.

    .venv/bin/python bench/allsides.py [--weeks N (default: all)] [--grid 0.1:0.3:0.05] [--show 2]
    .venv/bin/python bench/allsides.py --headline-grid
    .venv/bin/python bench/allsides.py --paragraph-grid
"""

from __future__ import annotations

import argparse
import functools
import itertools
import json
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.cluster import plateau
from bench.summarize import CharTokenizer
from digest.edit.editor import edit_issue
from digest.edit.group.labels import cluster_settings, cut, prepared, represent
from digest.edit.group.stories import BODY_THRESHOLD
from digest.edit.headline import headline_for
from digest.edit.headline.score import Candidate, candidates, expected_f1
from digest.edit.proof import Strike, issue_strikes
from digest.edit.settings import (
    PARAGRAPH,
    HeadlineSettings,
    ParagraphSettings,
    Settings,
    WriteSettings,
)
from digest.edit.write.lines import Line, story_lines
from digest.edit.write.paragraph import paragraph_for, select
from digest.models import Article, EditorSettings, Issue, Newsletter, Period, Source

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "summarize" / "allsides_dev"
STORIES_PER_WEEK = 20
OUTLETS = ("Outlet A", "Outlet B", "Outlet C")  # the data set's three leanings, by position
START = datetime(2026, 3, 2, tzinfo=UTC)
PERIOD = Period(key="2026-W10", start=START, end=START + timedelta(days=7))
NEWSLETTER = Newsletter(title="Bench Weekly", max_stories=STORIES_PER_WEEK)
SOURCES = tuple(Source(name=o, url=f"https://{o[-1].lower()}.example/feed") for o in OUTLETS)


@dataclass(frozen=True)
class Week:
    stories: tuple[dict[str, Any], ...]
    articles: tuple[Article, ...]
    gold: tuple[str, ...]  # the true story id of each article


def load_weeks(n_weeks: int, seed: int = 7) -> list[Week] | None:
    path = DATA / "stories.jsonl"
    if not path.exists():
        print(f"skipped: {path} not found")
        return None
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    rows = [r for r in rows if len(r["articles"]) == 3]
    rng = random.Random(seed)
    rng.shuffle(rows)
    weeks = []
    available = len(rows) // STORIES_PER_WEEK
    for w in range(min(n_weeks, available) if n_weeks > 0 else available):
        stories = rows[w * STORIES_PER_WEEK:(w + 1) * STORIES_PER_WEEK]
        arts: list[tuple[Article, str]] = []
        for s in stories:
            for j, a in enumerate(s["articles"]):
                published = START + timedelta(minutes=rng.randrange(7 * 24 * 60))
                host = OUTLETS[j][-1].lower()
                arts.append((Article(
                    source=OUTLETS[j], guid=f"{s['id']}-{j}",
                    url=f"https://{host}.example/{s['id']}", title=a["title"].strip(),
                    paragraphs=tuple(p for p in a["text"].split("\n") if p.strip()),
                    published=published, first_seen=published,
                    content_hash=f"{s['id']}-{j}"), s["id"]))
        rng.shuffle(arts)
        weeks.append(Week(tuple(stories), tuple(a for a, _ in arts), tuple(g for _, g in arts)))
    return weeks


def bcubed(labels: Sequence[int], gold: Sequence[str]) -> tuple[float, float, float]:
    pair = Counter(zip(labels, gold, strict=True))
    by_label, by_gold = Counter(labels), Counter(gold)
    p = sum(pair[(a, g)] / by_label[a] for a, g in zip(labels, gold, strict=True)) / len(gold)
    r = sum(pair[(a, g)] / by_gold[g] for a, g in zip(labels, gold, strict=True)) / len(gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def central_title(titles: Sequence[str], scorer: Any) -> str:
    """The title with the highest ROUGE-1 F1 against the other two: the README's anchor (44.6
    over all of allsides_dev). A plain word-overlap share, normalised by the other title's
    length, favours long titles and scores 5 points lower."""
    return max(titles, key=lambda t: sum(scorer.score(o, t)["rouge1"].fmeasure
                                         for o in titles if o is not t))


@dataclass
class WeekScore:
    grouping: tuple[float, float, float]
    headline: list[float]
    summary: list[float]
    words: list[int]
    baselines: dict[str, list[float]]
    strikes: list[Strike]


def score_week(week: Week, issue: Issue, scorer: Any,
               paragraph: ParagraphSettings = PARAGRAPH) -> WeekScore:
    story_of = {a.url: s for s in issue.stories for a in s.articles}
    labels = [story_of[a.url].rank if a.url in story_of else -i - 1
              for i, a in enumerate(week.articles)]
    by_id = {s["id"]: s for s in week.stories}
    head, summ, words = [], [], []
    base: dict[str, list[float]] = {"first title": [], "central title": [], "first text": [],
                                    "true-story headline (ours)": [],
                                    "true-story paragraph (ours)": []}
    settings = EditorSettings()
    for sid, story in by_id.items():
        urls = [a.url for a, g in zip(week.articles, week.gold, strict=True) if g == sid]
        held = Counter(story_of[u].rank for u in urls if u in story_of)
        if held:
            rank = held.most_common(1)[0][0]
            mine = next(s for s in issue.stories if s.rank == rank)
            head.append(scorer.score(story["headline"], mine.headline)["rouge1"].fmeasure)
            summ.append(scorer.score(story["summary"], mine.summary)["rouge1"].fmeasure)
            words.append(len(mine.summary.split()))
        else:
            head.append(0.0)
            summ.append(0.0)
        titles = [a["title"].strip() for a in story["articles"]]
        base["first title"].append(scorer.score(story["headline"], titles[0])["rouge1"].fmeasure)
        base["central title"].append(
            scorer.score(story["headline"], central_title(titles, scorer))["rouge1"].fmeasure)
        base["first text"].append(
            scorer.score(story["summary"], story["articles"][0]["text"])["rouge1"].fmeasure)
        own = _own(week, sid)
        lang = issue.newsletter.language
        base["true-story headline (ours)"].append(scorer.score(
            story["headline"], headline_for(own, language=lang))["rouge1"].fmeasure)
        para = " ".join(x.text for x in paragraph_for(own, {}, language=lang,
                                                      words=settings.paragraph_words,
                                                      settings=paragraph))
        base["true-story paragraph (ours)"].append(
            scorer.score(story["summary"], para)["rouge1"].fmeasure)
    texts = {a.url: f"{a.title}\n{a.text}" for a in week.articles}
    return WeekScore(bcubed(labels, week.gold), head, summ, words, base,
                     issue_strikes(issue, texts))


def run(weeks: Sequence[Week], threshold: float | None,
        tune: Settings | None = None) -> list[Issue]:
    settings = EditorSettings(story_threshold=threshold)
    return [edit_issue(PERIOD, w.articles, newsletter=NEWSLETTER, sources=SOURCES, health=(),
                       editor=settings, settings=tune) for w in weeks]


# The headline weights tried by --headline-grid (HeadlineSettings; the defaults sit inside).
HEADLINE_GRID: dict[str, tuple[float, ...]] = {
    "reference_words": (3.0, 4.0, 5.0), "lead": (0.2, 0.3, 0.4), "own_lead": (0.1, 0.2, 0.3),
    "prior": (0.2, 0.4, 0.6), "function_share": (0.5, 0.75, 1.0), "function_size": (0.75, 1.0)}


Tuned = TypeVar("Tuned", HeadlineSettings, ParagraphSettings)

# The paragraph weights tried by --paragraph-grid (ParagraphSettings; the defaults sit inside).
PARAGRAPH_GRID: dict[str, tuple[float, ...]] = {
    "agreement": (0.4, 0.6, 0.8), "titles": (0.1, 0.25, 0.4), "reference": (30.0, 40.0, 60.0),
    "account_reference": (45.0, 60.0, 90.0)}


def _own(week: Week, sid: str) -> list[Article]:
    own = [a for a, g in zip(week.articles, week.gold, strict=True) if g == sid]
    return sorted(own, key=lambda a: (a.published, a.url))


def headline_choice(halves: Sequence[Sequence[Week]], scorer: Any) -> None:
    """The headline weights chosen on one half and scored on the other, in both directions:
    first on each true story's own articles (each candidate's evidence and ROUGE computed once,
    every setting of HEADLINE_GRID weighed), then through the whole editor with the setting
    chosen on the other half."""
    names = list(HEADLINE_GRID)
    settings = [HeadlineSettings(**dict(zip(names, v, strict=True)))
                for v in itertools.product(*HEADLINE_GRID.values())]
    stories: list[list[tuple[list[Candidate], list[float]]]] = []
    for half in halves:
        rows = []
        for w in half:
            for s in w.stories:
                cands = candidates(_own(w, s["id"]))
                rows.append((cands, [scorer.score(s["headline"], c.text)["rouge1"].fmeasure
                                     for c in cands]))
        stories.append(rows)

    def mean(h: int, tune: HeadlineSettings) -> float:
        return statistics.fmean(
            r1[max(range(len(cands)), key=lambda i: expected_f1(cands[i].evidence, tune))]
            for cands, r1 in stories[h])

    _split_half("headline", settings, HeadlineSettings(), mean, halves, scorer,
                lambda t: Settings(headline=t))


def paragraph_choice(halves: Sequence[Sequence[Week]], scorer: Any) -> None:
    """The paragraph weights chosen on one half and scored on the other, in both directions:
    first on each true story's own articles (each story read once, every setting of
    PARAGRAPH_GRID weighed), then through the whole editor with the setting chosen on the
    other half."""
    names = list(PARAGRAPH_GRID)
    grid = [ParagraphSettings(**dict(zip(names, v, strict=True)))
            for v in itertools.product(*PARAGRAPH_GRID.values())]
    words = EditorSettings().paragraph_words
    tokenizer = CharTokenizer()  # the scorer's own
    tokenize = functools.lru_cache(maxsize=None)(
        lambda text: Counter(tokenizer.tokenize(text)))
    stories: list[list[tuple[Counter[str], list[Article], list[Line]]]] = []
    for half in halves:
        rows = []
        for w in half:
            for s in w.stories:
                own = _own(w, s["id"])
                rows.append((tokenize(s["summary"]), own, story_lines(own, "en")))
        stories.append(rows)

    def r1(ref: Counter[str], text: str) -> float:  # rouge-score's ROUGE-1 F1, tokens cached
        mine = tokenize(text)
        hit = sum((ref & mine).values())
        return 2 * hit / (sum(ref.values()) + sum(mine.values())) if hit else 0.0

    @functools.cache
    def mean(h: int, tune: ParagraphSettings) -> float:
        return statistics.fmean(
            r1(ref, " ".join(p.text for p in select(own, "en", words, tune, lines)))
            for ref, own, lines in stories[h])

    _split_half("summary", grid, ParagraphSettings(), mean, halves, scorer,
                lambda t: Settings(write=WriteSettings(paragraph=t)))


def _split_half(what: str, grid: Sequence[Tuned], default: Tuned,
                mean: Callable[[int, Tuned], float], halves: Sequence[Sequence[Week]],
                scorer: Any, tune: Callable[[Tuned], Settings]) -> None:
    """Weights chosen on one half (the best `mean` there) and scored on the other, both
    directions: on the true stories, then through the whole editor (`tune` puts them in)."""
    for h in (0, 1):
        print(f"half {h}, default weights, true stories: {what} R1 {100 * mean(h, default):.2f}")
    for a, b in ((0, 1), (1, 0)):
        chosen = max(grid, key=lambda t: mean(a, t))
        picked = ", ".join(f"{k}={v}" for k, v in vars(chosen).items()
                           if v != getattr(default, k))
        print(f"half {b} (weights chosen on half {a}: {picked or 'the defaults'};"
              f" {100 * mean(a, chosen):.2f} there): true stories {what} R1"
              f" {100 * mean(b, chosen):.2f}", flush=True)
        settings = tune(chosen)
        issues = run(halves[b], None, settings)
        summarise(f"half {b}, whole editor with those weights",
                  [score_week(w, i, scorer, settings.write.paragraph)
                   for w, i in zip(halves[b], issues, strict=True)])


def grouping_only(halves: Sequence[Sequence[Week]], grid: Sequence[float],
                  embed: bool) -> None:
    """Grouping alone, through the editor's own entry point (represent once per week, then
    cluster at each threshold): the threshold is chosen on one half (`chosen_thresholds`) and
    scored on the other."""
    sweep = GroupingSweep(halves, embed)
    for h in (0, 1):
        p, r, f = sweep.score(h, None)
        print(f"half {h}, default threshold: BCubed F1 {100 * f:.2f} (P {100 * p:.1f},"
              f" R {100 * r:.1f})")
    if not grid:
        return
    for b, best in chosen_thresholds(sweep, grid).items():
        p, r, f = sweep.score(b, best)
        print(f"half {b} (threshold {best} chosen on half {1 - b}): BCubed F1 {100 * f:.2f}"
              f" (P {100 * p:.1f}, R {100 * r:.1f})")


class GroupingSweep:
    """Each week's representation and the threshold-free part of its clustering, built once,
    so that a sweep of thresholds only cuts it."""

    def __init__(self, halves: Sequence[Sequence[Week]], embed: bool = False) -> None:
        settings = EditorSettings(embeddings=embed)
        self.halves = halves
        self.reps = [[represent(w.articles, settings) for w in half] for half in halves]
        self.preps = [[prepared(rep, cluster_settings(settings, rep)) for rep in half]
                      for half in self.reps]

    def score(self, h: int, t: float | None) -> tuple[float, float, float]:
        """Mean BCubed precision, recall and F1 of half `h`'s weeks cut at `t`."""
        rows = [bcubed(cut(rep, prep, t).labels, w.gold)
                for w, rep, prep in zip(self.halves[h], self.reps[h], self.preps[h], strict=True)]
        return (statistics.fmean(r[0] for r in rows), statistics.fmean(r[1] for r in rows),
                statistics.fmean(r[2] for r in rows))


def chosen_thresholds(sweep: GroupingSweep, grid: Sequence[float]) -> dict[int, float]:
    """For each half b, the story threshold chosen on the *other* half by its grouping: the
    best neighbourhood of three grid steps (bench/cluster.plateau: a plateau beats a lone
    peak, as bench/cluster.py chooses on uci). The whole-editor run (--grid) and grouping alone
    (--grouping) choose by this one rule."""
    train = {(h, t): sweep.score(h, t)[2] for h in (0, 1) for t in grid}
    print("per threshold (BCubed F1, half 0 / half 1): " + ", ".join(
        f"{t}: {100 * train[(0, t)]:.2f}/{100 * train[(1, t)]:.2f}" for t in grid))
    return {b: plateau(list(grid), {t: train[(1 - b, t)] for t in grid}, BODY_THRESHOLD)
            for b in (1, 0)}


def summarise(name: str, scores: Sequence[WeekScore]) -> None:
    g = [statistics.fmean(s.grouping[k] for s in scores) for k in range(3)]
    h = statistics.fmean(x for s in scores for x in s.headline)
    m = statistics.fmean(x for s in scores for x in s.summary)
    w = [x for s in scores for x in s.words]
    print(f"{name}: grouping BCubed F1 {100 * g[2]:.2f} (P {100 * g[0]:.1f}, R {100 * g[1]:.1f})"
          f" | headline R1 {100 * h:.2f} | summary R1 {100 * m:.2f}"
          f" | paragraph words median {statistics.median(w) if w else 0:.0f}"
          f" (max {max(w) if w else 0})")
    for k in scores[0].baselines:
        v = statistics.fmean(x for s in scores for x in s.baselines[k])
        kind = "writing on the true stories" if "ours" in k else "simple choice"
        print(f"    {kind}, {k}: R1 {100 * v:.2f}")
    strikes = [x for s in scores for x in s.strikes]
    rules = Counter(x.rule.split(" (")[0] for x in strikes)
    print(f"    copy editor: {len(strikes)} strikes in {sum(len(s.headline) for s in scores)}"
          f" stories" + (f" ({', '.join(f'{r}: {n}' for r, n in rules.most_common())})"
                         if strikes else ""))


def _grid(spec: str) -> list[float]:
    if not spec:
        return []
    lo, hi, step = (float(x) for x in spec.split(":"))
    return [round(lo + k * step, 4) for k in range(round((hi - lo) / step) + 1)]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--weeks", type=int, default=0,
                    help="weeks to build (default 0: every week the data holds, 106 of 20 stories)")
    ap.add_argument("--grid", default="", help="lo:hi:step story thresholds to choose from")
    ap.add_argument("--show", type=int, default=0, help="print the first N stories of week 0")
    ap.add_argument("--strikes", type=int, default=0, help="print the first N copy-editor strikes")
    ap.add_argument("--grouping", action="store_true",
                    help="grouping only (fast): the editor's representation and clustering")
    ap.add_argument("--embed", action="store_true",
                    help="the embedding extra: with --grouping, in the grouping; else in the "
                         "paragraph writer only (write/alike.py; the grouping held as without it)")
    ap.add_argument("--headline-grid", action="store_true",
                    help="choose the headline weights (HEADLINE_GRID) on one half, score the other")
    ap.add_argument("--paragraph-grid", action="store_true",
                    help="choose the paragraph weights (PARAGRAPH_GRID) on one half, score the other")
    args = ap.parse_args()
    if args.weeks == 1 or args.weeks < 0:
        ap.error("--weeks is 0 (every week) or at least 2: the halves are the even and the odd weeks")
    weeks = load_weeks(args.weeks)
    if weeks is None:
        return 0
    if args.grouping:
        t0 = time.perf_counter()
        grouping_only([weeks[0::2], weeks[1::2]], _grid(args.grid), args.embed)
        print(f"({time.perf_counter() - t0:.0f} s)")
        return 0
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        print("skipped: rouge-score is not installed (pip install rouge-score)")
        return 0
    scorer = rouge_scorer.RougeScorer(["rouge1"], tokenizer=CharTokenizer())
    halves = [weeks[0::2], weeks[1::2]]
    print(f"{len(weeks)} weeks x {STORIES_PER_WEEK} stories x 3 outlets; ROUGE-1 F1 x100, stemmed")
    t0 = time.perf_counter()
    if args.headline_grid:
        headline_choice(halves, scorer)
    elif args.paragraph_grid:
        paragraph_choice(halves, scorer)
    elif args.grid:
        for b, best in chosen_thresholds(GroupingSweep(halves), _grid(args.grid)).items():
            issues = run(halves[b], best)
            summarise(f"half {b} (threshold {best} chosen on half {1 - b})",
                      [score_week(w, i, scorer) for w, i in zip(halves[b], issues,
                                                                     strict=True)])
    else:
        issues = run(weeks, None, Settings(write=WriteSettings(embeddings=True))
                     if args.embed else None)
        scores = [score_week(w, i, scorer) for w, i in zip(weeks, issues, strict=True)]
        for h in (0, 1):
            summarise(f"half {h} (default threshold)", scores[h::2])
        if args.show:
            for s in issues[0].stories[:args.show]:
                print(f"\n## {s.headline}\n{s.summary}")
        for x in [x for s in scores for x in s.strikes][:args.strikes]:
            print(f"strike: {x}")
    print(f"({time.perf_counter() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
