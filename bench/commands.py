"""What users wait for: `digest fetch` timed as a whole process, cold and warm, side by side with
reader's `update_feeds(workers=20)` and a feedparser loop, in one run, on loopback feeds.

    .venv/bin/python bench/commands.py [--feeds 500] [--shape wordpress] [--latency 50]
                                       [--rounds 3] [--only digest,reader,loop] [--repo DIR]

Feeds are served by bench/loopback.py (shapes: wordpress, summary, fulltext, json, mixed; real
article text and pages from ../shared/bench; without it the run stops, unless --synthetic
asks for generated text). Each round runs every contender
once, each as its own process, exactly as a user would: with an interpreter as a `pip install
.` venv starts (this venv's packages, without the finder of its editable install of digest:
`user_python`), digest's modules compiled to bytecode first, as an installed package's are:

- loop:   `for url in urls: feedparser.parse(url)`, one feed after another (rss2email, Planet);
- reader: `make_reader(db).update_feeds(workers=20)` on a database that already lists the
          feeds (adding them is not timed): cold on a fresh copy, then warm on the same one;
- digest: `digest fetch --config sources.yaml` with default settings: cold on an empty
          database, then warm (every feed answers 304 when asked conditionally).

Wall and CPU seconds (the process and its children) per run; ratios are taken round by round,
the median is quoted. The server counts feed requests, 304s and article pages fetched, so the
full-text decision can be read off the same run. `--repo DIR` times another checkout's digest
(e.g. main) with this venv's packages; `--baseline DIR` times one more in the same rounds,
right after it.
Each digest runs in a folder of its own (config, database, config cache), so each pays the
same first round: its config read and validated, none cached yet (the baseline, sharing the
folder, read back the config the first contender's run had cached).

Bars (issue 13, wordpress shape, 500 feeds, 50 ms): digest cold ≥ 2× faster than reader cold and
≥ 10× the loop; digest warm ≥ 95 % of feed requests answered 304 and ≥ 5× faster than cold.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import site
import sqlite3
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
import venv
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from loopback import REAL, SHAPES, Stats, load_stories, start_servers

REPO = Path(__file__).resolve().parents[1]
READER_UPDATE = """
import sys
from reader import make_reader
reader = make_reader(sys.argv[1])
reader.update_feeds(workers=20)
reader.close()
"""
READER_ADD = """
import sys
from reader import make_reader
reader = make_reader(sys.argv[1])
for url in open(sys.argv[2]).read().split():
    reader.add_feed(url)
reader.close()
"""
LOOP = """
import sys
import feedparser
for url in open(sys.argv[1]).read().split():
    feedparser.parse(url)
"""


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float
    served: dict[str, int]


def timed(argv: list[str], stats: Stats, *, env: dict[str, str] | None = None,
          log: Path) -> Run:
    """One whole process: wall clock, CPU of the process and its children, requests served."""
    stats.reset()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    with log.open("w") as out:
        code = subprocess.run(argv, stdout=out, stderr=subprocess.STDOUT, env=env,
                              cwd=log.parent, check=False).returncode
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if code != 0:
        tail = log.read_text(errors="replace").splitlines()[-5:]
        raise SystemExit(f"{' '.join(argv[:4])} … exited {code}:\n" + "\n".join(tail))
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(wall, cpu, stats.snapshot())


def write_config(path: Path, urls: list[str]) -> None:
    lines = ["newsletter: {title: Bench}", f"database: {path.parent / 'digest.sqlite3'}",
             "sources:"]
    lines += [f"  - {{name: feed-{i}, url: '{url}'}}" for i, url in enumerate(urls)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def user_python(folder: Path) -> str:
    """An interpreter as a `pip install .` user's venv starts: with this venv's packages and
    their start-up hooks (.pth files), but not the finder an editable install (`pip install
    -e .`: the dev venv's `make` target) adds to every start-up (it imports pathlib, re,
    urllib.parse and fnmatch before the contender's first line: ~3 ms of CPU a process).
    Every contender runs with it; digest's checkout comes first on PYTHONPATH, as an
    installed package is on sys.path."""
    venv.create(folder, with_pip=False, symlinks=True)
    target = Path(sysconfig.get_path("purelib", vars={"base": str(folder),
                                                      "platbase": str(folder)}))
    dirs = [Path(d) for d in site.getsitepackages()]
    (target / "00-packages.pth").write_text("".join(f"{d}\n" for d in dirs))  # (read first)
    for d in dirs:
        for pth in sorted(d.glob("*.pth")):
            if pth.name.startswith("__editable__"):
                continue
            lines = []  # (a line that is neither code nor a comment names a folder: its own)
            for line in pth.read_text().splitlines():
                kept = not line.strip() or line.startswith(("import ", "import\t", "#"))
                lines.append(line if kept else str(d / line))
            (target / pth.name).write_text("\n".join(lines) + "\n")
    return str(folder / "bin" / "python")


def count(db: Path, sql: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(sql).fetchone()[0])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--items", type=int, default=20)
    parser.add_argument("--shape", choices=(*SHAPES, "mixed"), default="wordpress")
    parser.add_argument("--latency", type=float, default=50.0, help="milliseconds")
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", default="digest,reader,loop")
    parser.add_argument("--repo", type=Path, default=REPO, help="the digest checkout to time")
    parser.add_argument("--baseline", type=Path, help="another checkout (e.g. main) to time in "
                        "the same rounds, as 'baseline cold/warm'")
    parser.add_argument("--synthetic", action="store_true",
                        help="allow generated article text when ../shared/bench is absent")
    args = parser.parse_args()
    if not REAL.is_dir() and not args.synthetic:
        # The bars are measured on real pages: on generated text the cold run's cleaning is
        # lighter and the warm ratio falls (4.01x against 5.31x in one session's run), so a
        # clone that cannot see ../shared/bench would time the wrong thing without a word.
        parser.error(f"{REAL} not found: the bars are timed on its real pages; make "
                     "../shared reachable from the repo's parent, or pass --synthetic")
    only = set(args.only.split(","))
    stats = Stats()
    urls, stop = start_servers(args.feeds, args.shape, args.latency / 1000, stats,
                               items=args.items, hosts=args.hosts)
    py = sys.executable
    digests = {"digest": args.repo} | ({"baseline": args.baseline} if args.baseline else {})
    print(f"{args.feeds} {args.shape} feeds × {args.items} items on {args.hosts} loopback hosts, "
          f"{args.latency:g} ms per response; {load_stories()[1]}; "
          + ", ".join(f"{name} from {repo}" for name, repo in digests.items()))
    for repo in digests.values():
        # As installed (pip compiles a package's modules) digest runs from bytecode, like reader
        # and feedparser here; a checkout run with PYTHONDONTWRITEBYTECODE set would compile
        # every module of its own on every timed run (~70 ms of a warm fetch).
        subprocess.run([py, "-m", "compileall", "-q", str(repo / "digest")], check=True)
    runs: dict[str, list[Run]] = {}
    notes: dict[str, str] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="digest-commands-") as tmp:
            work = Path(tmp)
            py = user_python(work / "venv")
            (work / "urls.txt").write_text("\n".join(urls))
            (work / "loop.py").write_text(LOOP)
            (work / "reader_update.py").write_text(READER_UPDATE)
            (work / "reader_add.py").write_text(READER_ADD)
            for name in digests:  # a folder each: one's config cache is not another's
                (work / name).mkdir()
                write_config(work / name / "sources.yaml", urls)
            template = work / "reader-template.sqlite"
            if "reader" in only:
                subprocess.run([py, str(work / "reader_add.py"), str(template),
                                str(work / "urls.txt")], check=True)
            for r in range(args.rounds):
                if "loop" in only:
                    runs.setdefault("loop", []).append(timed(
                        [py, str(work / "loop.py"), str(work / "urls.txt")], stats,
                        log=work / "loop.log"))
                if "reader" in only:
                    db = work / "reader.sqlite"
                    for leftover in work.glob("reader.sqlite*"):
                        leftover.unlink()
                    shutil.copy(template, db)
                    for phase in ("cold", "warm"):
                        runs.setdefault(f"reader {phase}", []).append(timed(
                            [py, str(work / "reader_update.py"), str(db)], stats,
                            log=work / "reader.log"))
                    notes["reader"] = f"{count(db, 'SELECT count(*) FROM entries')} entries"
                for name, repo in digests.items() if "digest" in only else ():
                    folder = work / name
                    for leftover in folder.glob("digest.sqlite3*"):
                        leftover.unlink()
                    env = {**os.environ, "PYTHONPATH": str(repo.resolve()), "NO_COLOR": "1"}
                    for phase in ("cold", "warm"):
                        runs.setdefault(f"{name} {phase}", []).append(timed(
                            [py, "-m", "digest", "fetch", "--config",
                             str(folder / "sources.yaml")], stats,
                            env=env, log=folder / "digest.log"))
                    stored = count(folder / "digest.sqlite3", "SELECT count(*) FROM article")
                    notes[name] = f"{stored} articles stored"
                print(f"round {r + 1}: " + ", ".join(f"{name} {rs[-1].wall:.2f} s"
                                                     for name, rs in runs.items()), flush=True)
    finally:
        stop()
    report(runs, notes)


def report(runs: dict[str, list[Run]], notes: dict[str, str]) -> None:
    print(f"\n{'contender':<13} {'wall s (median)':>16} {'cpu s':>8}  requests (last run)")
    for name, rs in runs.items():
        served = rs[-1].served
        print(f"{name:<13} {statistics.median(r.wall for r in rs):>16.2f} "
              f"{statistics.median(r.cpu for r in rs):>8.2f}  {served['feeds']} feeds "
              f"({served['not_modified']} answered 304), {served['pages']} pages")
    for name, note in notes.items():
        print(f"{name}: {note}")

    def ratio(a: str, b: str) -> float | None:
        if a not in runs or b not in runs:
            return None
        return statistics.median(x.wall / y.wall for x, y in zip(runs[a], runs[b], strict=True))

    checks = []
    for label, value, bar in (("reader cold / digest cold", ratio("reader cold", "digest cold"), 2),
                              ("loop / digest cold", ratio("loop", "digest cold"), 10),
                              ("digest cold / digest warm", ratio("digest cold", "digest warm"), 5),
                              ("reader warm / digest warm", ratio("reader warm", "digest warm"),
                               None),
                              ("baseline cold / digest cold",
                               ratio("baseline cold", "digest cold"), None)):
        if value is not None:
            print(f"{label:<27} {value:6.2f}×" + (f"  (bar ≥ {bar}×)" if bar else ""))
            if bar:
                checks.append(value >= bar)
    if "digest warm" in runs:
        served = [r.served for r in runs["digest warm"]]
        share = min(s["not_modified"] / max(1, s["feeds"]) for s in served)
        print(f"digest warm: {share:.1%} of feed requests answered 304 (bar ≥ 95%)")
        checks.append(share >= 0.95)
    print("bars:", "PASS" if checks and all(checks) else "FAIL")


if __name__ == "__main__":
    main()
