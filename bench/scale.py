"""Scale: a synthetic week of 1k, 10k, 30k and 100k articles through the editor.

Runs `edit_issue` (window, dedup, relevance, clustering, ranking, writing, Explainer) and
`render_issue` (page, email HTML and text, Markdown, issue.json) on a generated week: ~10 articles a story from 300 outlets, 5%
exact syndicated copies, 5% near-copies, one source that floods the week with 5% of the
articles. Each size runs in a fresh process so its peak memory (ru_maxrss) is its own; the
process's CPU seconds are printed beside the wall seconds (on a shared machine the wall time
is the load's as much as ours). The growth exponent is the least-squares slope of log(time)
over log(articles) for the sizes from 10k up.

    .venv/bin/python bench/scale.py [--sizes 1000,10000,30000,100000]

Bars: 10k articles in <= 60 s with <= 1 GB peak; 100k in <= 10 minutes with <= 4 GB peak;
growth exponent <= 1.1 from 10k to 100k.
"""

from __future__ import annotations

import argparse
import math
import random
import re
import resource
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digest.edit import edit_issue
from digest.edit.settings import Settings, WriteSettings
from digest.models import Article, Newsletter, Period
from digest.render import render_issue
from digest.text import content_hash

START = datetime(2026, 11, 16, tzinfo=UTC)
_SYL = ["ka", "lo", "mi", "ren", "sto", "var", "qui", "del", "tan", "bor", "nex", "pra", "vel",
        "zo", "gri", "mon", "tek", "lia", "sol", "dar"]
_GLUE = ["the", "a", "of", "in", "on", "and", "to", "with", "for", "after", "said", "has", "will"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYL) for _ in range(rng.randint(2, 3)))


def synthetic_week(n: int, seed: int = 7) -> list[Article]:
    rng = random.Random(seed)
    vocab = [_word(rng) for _ in range(20000)]
    outlets = [f"Outlet {k}" for k in range(300)]
    stories = max(1, n // 10)
    arts: list[Article] = []
    for _s in range(stories):
        keys = rng.sample(vocab, 12)
        org = " ".join(w.capitalize() for w in rng.sample(vocab, 2)) + " Agency"
        base = []
        for _ in range(14):
            words = [*rng.sample(keys, 5), *rng.sample(vocab, 6), *rng.sample(_GLUE, 4)]
            rng.shuffle(words)
            base.append(f"The {org} " + " ".join(words) + ".")
        for _ in range(rng.randint(5, 15)):
            if len(arts) >= n:
                break
            sents = [*rng.sample(base, 5), " ".join(rng.sample(vocab, 12)).capitalize() + "."]
            title = " ".join(w.capitalize() for w in [*rng.sample(keys, 4), *rng.sample(vocab, 2)])
            arts.append(_article(rng, outlets, title, sents, len(arts)))
    while len(arts) < n:  # top up with singletons
        sents = [" ".join(rng.sample(vocab, 14)).capitalize() + "." for _ in range(5)]
        arts.append(_article(rng, outlets, " ".join(rng.sample(vocab, 6)), sents, len(arts)))
    for k in range(0, n, 20):  # exact syndicated copies under another outlet
        a = arts[k]
        arts[(k + 7) % n] = Article(source=rng.choice(outlets), guid=f"c{k}", url=f"https://copy.example/{k}",
                                    title=a.title, paragraphs=a.paragraphs, published=a.published,
                                    first_seen=a.first_seen, content_hash=a.content_hash)
    for k in range(0, n, 20):  # one source floods the week
        a = arts[(k + 11) % n]
        arts[(k + 11) % n] = Article(source="Flood", guid=a.guid, url=a.url, title=a.title,
                                     paragraphs=a.paragraphs, published=a.published,
                                     first_seen=a.first_seen, content_hash=a.content_hash)
    return arts


def _article(rng: random.Random, outlets: list[str], title: str, sents: list[str], k: int) -> Article:
    when = START + timedelta(minutes=rng.randint(0, 7 * 24 * 60 - 1))
    paras = (" ".join(sents[:3]), " ".join(sents[3:]))
    return Article(source=rng.choice(outlets), guid=f"g{k}", url=f"https://news.example/{k}",
                   title=title, paragraphs=paras, published=when, first_seen=when,
                   content_hash=content_hash(paras))


def run_one(n: int, write: Path | None = None, embed: bool = False) -> None:
    arts = synthetic_week(n)
    period = Period("2026-W47", START, START + timedelta(days=7))
    t0, c0 = time.perf_counter(), time.process_time()
    tune = Settings(write=WriteSettings(embeddings=True)) if embed else None
    issue = edit_issue(period, arts, newsletter=Newsletter(title="Scale", max_stories=5),
                       sources=[], health=[], settings=tune)
    edit_s = time.perf_counter() - t0
    rendered = render_issue(issue)
    secs, cpu = time.perf_counter() - t0, time.process_time() - c0
    for name, text in sorted(rendered.files.items()) if write else ():
        (write / name).write_text(text, encoding="utf-8")  # to compare runs byte for byte
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    dups = sum(a.status == "duplicate" for a in issue.articles)
    print(f"{n:>7} articles  {secs:7.1f} s (edit {edit_s:.1f}, render {secs - edit_s:.1f}; "
          f"cpu {cpu:.1f} s)  "
          f"{1000 * secs / n:6.2f} ms/article  peak {peak_mb:6.0f} MB  "
          f"stories {len(issue.stories):>6}  duplicates {dups:>5}  "
          f"email {len(rendered.files.get('email.html', '').encode()) // 1024} KB", flush=True)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--sizes", default="1000,10000,30000,100000")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--write", type=Path, metavar="DIR",
                    help="with --one N: also write the issue's files into DIR")
    ap.add_argument("--embed", action="store_true",
                    help="the paragraph writer with the embedding extra (write/alike.py)")
    args = ap.parse_args()
    if args.one:
        run_one(args.one, args.write, args.embed)
        return 0
    print("edit_issue + render_issue on a synthetic week (peak = max RSS of the process, data "
          "included)", flush=True)
    wall: dict[int, float] = {}
    cpu: dict[int, float] = {}
    for n in (int(x) for x in args.sizes.split(",")):
        out = subprocess.run([sys.executable, __file__, "--one", str(n),
                              *(["--embed"] if args.embed else [])], check=True,
                             stdout=subprocess.PIPE, text=True).stdout  # errors show
        print(out, end="", flush=True)
        m = re.search(r"articles\s+([\d.]+) s .*?cpu ([\d.]+) s", out)
        if m:
            wall[n], cpu[n] = float(m.group(1)), float(m.group(2))
    big = sorted(n for n in wall if n >= 10_000)
    if len(big) >= 2:
        print(f"growth exponent from {big[0]:,} to {big[-1]:,} articles: "
              f"wall {exponent(wall, big):.2f}, cpu {exponent(cpu, big):.2f}")
    return 0


def exponent(secs: dict[int, float], sizes: list[int]) -> float:
    """Least-squares slope of log(seconds) over log(articles)."""
    xs = [math.log(n) for n in sizes]
    ys = [math.log(secs[n]) for n in sizes]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return (sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
            / sum((x - mx) ** 2 for x in xs))


if __name__ == "__main__":
    raise SystemExit(main())
