"""The same week from SQLite and from PostgreSQL, byte for byte (issue 15).

    .venv/bin/python bench/backends.py [--articles 10000]

bench/scale.py's synthetic week (about ten articles a story from 300 outlets, syndicated and
near copies, one source flooding the week) is saved through `save_fetch`, the path `digest
fetch` and `digest worker` write by, into a SQLite file and into a throwaway PostgreSQL
database (tests/pgkit.py). Then `build` (edit, render, publish) runs on each with one config
and one clock, each backend in a process of its own (its own hash seed, as two `digest build`
runs would be). Every file of the two issue folders but manifest.json (the run's timings) must
be the same bytes; the script names the files that differ and exits 1 if any does.
Needs PostgreSQL's server binaries (initdb, pg_ctl) and the digest[postgres] extra.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests"), str(ROOT / "bench"), str(ROOT)]

import pgkit  # noqa: E402
from scale import START, synthetic_week  # noqa: E402

from digest.config import Config, load_config  # noqa: E402
from digest.models import Article, FetchResult, FetchState, Period, Source  # noqa: E402
from digest.pipeline import build, open_config_store  # noqa: E402

PERIOD = Period("2026-W47", START, START + timedelta(days=7))
CLOCK = START + timedelta(days=7, hours=1)


def config_for(folder: Path, articles: list[Article]) -> Config:
    names = sorted({a.source for a in articles})
    lines = ["newsletter: {title: Scale, timezone: UTC, max_stories: 5}", "sources:"]
    lines += [f"  - {{name: '{n}', url: 'https://{n.replace(' ', '').lower()}.example/feed'}}"
              for n in names]
    path = folder / "sources.yaml"
    path.write_text("\n".join(lines) + "\n")
    return load_config(path)


def issue_of(config: Config, articles: list[Article], name: str) -> tuple[Path, float, float]:
    """Save the week into the config's store, build its issue; the folder and the seconds."""
    by_source: dict[str, list[Article]] = defaultdict(list)
    for a in articles:
        by_source[a.source].append(a)
    sources = {s.name: s for s in config.sources}
    store = open_config_store(config)
    try:
        started = time.perf_counter()
        for source_name, batch in by_source.items():
            source: Source = sources[source_name]
            result = FetchResult(source=source, status="ok",
                                 state=FetchState(source=source.name, url=source.url))
            store.save_fetch(result, [(a, a.url) for a in batch], CLOCK)
        saved = time.perf_counter()
        build(config, PERIOD, store, clock=lambda: CLOCK)
        built = time.perf_counter()
    finally:
        store.close()
    return config.output / "issues" / PERIOD.key, saved - started, built - saved


def one(kind: str, folder: Path, articles_n: int, url: str | None) -> None:
    """Save the week into one backend and build its issue (run in a process of its own)."""
    articles = synthetic_week(articles_n)
    config = config_for(folder, articles)
    config = replace(config, output=folder / kind, database=folder / f"{kind}.sqlite3",
                     database_url=url)
    _, save_s, build_s = issue_of(config, articles, kind)
    print(f"{kind:>8}: saved {articles_n:,} articles in {save_s:.1f} s, built the issue in "
          f"{build_s:.1f} s", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--one", nargs=3, metavar=("KIND", "FOLDER", "URL"),
                        help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        kind, where, url = args.one
        one(kind, Path(where), args.articles, url if kind == "postgres" else None)
        return 0
    folder = Path(tempfile.mkdtemp(prefix="digest-backends-"))
    with pgkit.cluster() as cluster:
        for kind, url in (("sqlite", "-"), ("postgres", cluster.new_database())):
            subprocess.run([sys.executable, __file__, "--articles", str(args.articles),
                            "--one", kind, str(folder), url], check=True)
    lite, pg = (folder / kind / "issues" / PERIOD.key for kind in ("sqlite", "postgres"))
    names = sorted(p.name for p in lite.iterdir() if p.name != "manifest.json")
    other = sorted(p.name for p in pg.iterdir() if p.name != "manifest.json")
    differ = [n for n in names if n not in other
              or (lite / n).read_bytes() != (pg / n).read_bytes()]
    differ += [n for n in other if n not in names]
    print(f"{len(names)} files compared ({', '.join(names)}): "
          + (f"DIFFERENT: {', '.join(differ)} (in {folder})" if differ else "byte-identical"))
    return 1 if differ else 0


if __name__ == "__main__":
    raise SystemExit(main())
