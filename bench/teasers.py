"""Full text for teasers only: `digest fetch` as a whole process on loopback feeds of each shape,
the article pages requested counted per kind of feed (issue 13).

    .venv/bin/python bench/teasers.py [--feeds 100] [--items 20] [--latency 50]

bench/loopback.py serves `--feeds` feeds of one shape at a time (real article text and pages
from ../shared/bench when present), every item linking to its own page on the same loopback
host. `digest fetch` runs once per shape with default settings (`full_text` on), cold, on an
empty database, exactly as a user runs it (bench/commands.py's `timed`):

- `summary`: a one-sentence `description` (half of them ending "Continue reading →"), no
  content: a teaser, so its page must be fetched, and the stored text must be the page's;
- `wordpress` (an excerpt in `description`, the whole article in `content:encoded`),
  `fulltext` (the whole article in `description`) and `json` (`content_html`): the item
  carries its full text, so no page may be fetched.

Per kind: the pages requested (the server counts them), the articles stored, and how much of
each story's own text the stored article holds (the share of the story's words found in it, a
multiset recall, averaged): a teaser left as it is holds a tenth of it, a page's text nearly all.
The loopback pages are the same 174 real pages behind many links, and each names its real
address (`rel=canonical`): items whose page was fetched are stored once a page, as they
should be, so fewer articles are stored than items then.

Bar (issue 13): a page for every summary-only item and for no item that carries its full text.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from commands import REPO, timed, write_config
from loopback import SHAPES, Stats, Story, load_stories, start_servers


@dataclass(frozen=True)
class Kind:
    """One shape's run: what the server served and what the store holds."""

    shape: str
    items: int  # items in the feeds
    pages: int  # article pages requested
    stored: int
    recall: float  # mean share of a story's words in its stored article
    wall: float

    @property
    def teasers(self) -> bool:
        return self.shape == "summary"

    @property
    def ok(self) -> bool:
        return self.pages == (self.items if self.teasers else 0)


def words(text: str) -> Counter[str]:
    return Counter(w.strip(".,;:!?\"'()[]“”‘’—–-").lower() for w in text.split())


def recall(story: Story, stored: str) -> float:
    """The share of the story's words (with repeats) that the stored text holds."""
    truth = words(" ".join(story.paragraphs))
    return sum((truth & words(stored)).values()) / max(1, sum(truth.values()))


def stored_recall(db: Path, stories: list[Story], items: int) -> tuple[int, float]:
    """Articles stored, and their mean recall of their own story (the page /p/<feed>/<item>)."""
    with sqlite3.connect(db) as conn:
        found = conn.execute("SELECT url, paragraphs FROM article").fetchall()
    shares = []
    for url, paragraphs in found:
        feed, item = url.rsplit("/p/", 1)[1].removesuffix(".html").split("/")
        story = stories[(int(feed) * items + int(item)) % len(stories)]
        shares.append(recall(story, " ".join(json.loads(paragraphs))))
    return len(found), statistics.fmean(shares) if shares else 0.0


def run_shape(shape: str, args: argparse.Namespace, stories: list[Story], work: Path) -> Kind:
    stats = Stats()
    urls, stop = start_servers(args.feeds, shape, args.latency / 1000, stats, items=args.items,
                               hosts=args.hosts)
    try:
        folder = work / shape
        folder.mkdir(parents=True)
        config = folder / "sources.yaml"
        write_config(config, urls)
        env = {**os.environ, "PYTHONPATH": str(args.repo.resolve()), "NO_COLOR": "1"}
        run = timed([sys.executable, "-m", "digest", "fetch", "--config", str(config)], stats,
                    env=env, log=folder / "digest.log")
    finally:
        stop()
    stored, share = stored_recall(folder / "digest.sqlite3", stories, args.items)
    return Kind(shape, args.feeds * args.items, run.served["pages"], stored, share, run.wall)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=100)
    parser.add_argument("--items", type=int, default=20)
    parser.add_argument("--latency", type=float, default=50.0, help="milliseconds")
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--repo", type=Path, default=REPO, help="the digest checkout to run")
    parser.add_argument("--shapes", default=",".join(SHAPES), help="comma-separated")
    parser.add_argument("--keep", type=Path, help="keep each run's folder (config, database, "
                        "log) under this folder")
    args = parser.parse_args()
    stories, origin = load_stories()
    print(f"{args.feeds} feeds × {args.items} items of each shape on {args.hosts} loopback "
          f"hosts, {args.latency:g} ms per response; {origin}; digest from {args.repo}")
    with tempfile.TemporaryDirectory(prefix="digest-teasers-") as tmp:
        work = args.keep or Path(tmp)
        kinds = [run_shape(shape, args, stories, work) for shape in args.shapes.split(",")]
    print(f"\n{'shape':<10} {'feed text':<10} {'items':>6} {'pages':>6} {'stored':>7} "
          f"{'story words kept':>17} {'wall s':>7}")
    for k in kinds:
        print(f"{k.shape:<10} {'teaser' if k.teasers else 'full':<10} {k.items:>6} {k.pages:>6} "
              f"{k.stored:>7} {k.recall:>16.1%} {k.wall:>7.2f}")
    passed = all(k.ok for k in kinds)
    print("bar (a page for every teaser, none for full text):", "PASS" if passed else "FAIL")
    return 0 if passed else 1


if __name__ == "__main__":
    raise SystemExit(main())
