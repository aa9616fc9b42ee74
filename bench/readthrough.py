"""The editor's prose, written out for a copy editor to read: every story of the allsides_dev
weeks as JSON lines, a seeded sample of its multi-outlet paragraphs to hand-read, and what
changed between two dumps.

The bars on "no fact stated twice" and "no sentence leaning on one not printed" are read by a
person, not scored: this makes the reading repeatable. A dump holds, per story, its week, rank,
section, headline, the paragraph sentence by sentence with the outlets each came from, and the
story's articles (outlet, title, text, true story id). Two dumps of one data set compare by
(week, headline): a story whose headline changed shows as one gone and one new.

    .venv/bin/python bench/readthrough.py dump OUT.jsonl [--weeks N]
    .venv/bin/python bench/readthrough.py sample DUMP.jsonl [--n 30] [--seed 327] [--keys KEYS]
    .venv/bin/python bench/readthrough.py diff OLD.jsonl NEW.jsonl [--show 20]
    .venv/bin/python bench/readthrough.py pages OUT.jsonl   # wcxb pages as one-article stories
    .venv/bin/python bench/readthrough.py agree DUMP.jsonl [--show 5]

`sample` draws from the stories whose paragraph quotes two outlets or more (where one act told
twice in other words can happen) and prints each with its sources; with --keys it prints the
stories listed in KEYS (one "week rank" per line) instead, so a verdict can be re-read on a
later dump. `agree` counts the stories whose paragraph never speaks to its headline although
one of the story's leads does (`unmet`: no printed sentence `headline.score.tells` it, half its
content words, stemmed, while an article's lead, its first sentence, does), the copy editor's
"the first sentence delivers what the headline promises", and how many of them print nothing
of the outlet whose title is the headline although its lead tells it (`unprinted`). Reads
../shared/bench/summarize/allsides_dev (research use: nothing is fitted on it, and nothing of
it is written into the repo).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.allsides import load_weeks, run
from digest.edit.headline.score import tells
from digest.edit.settings import Settings, WriteSettings
from digest.sentences import iter_sentences

Record = dict[str, Any]


def records(n_weeks: int, embed: bool = False) -> Iterator[Record]:
    """Every story of every week, as the shipped editor writes it (default threshold); with
    `embed`, its writer with the embedding extra (write/alike.py; the grouping held as it is)."""
    weeks = load_weeks(n_weeks)
    if weeks is None:
        return
    tune = Settings(write=WriteSettings(embeddings=True)) if embed else None
    for w, (week, issue) in enumerate(zip(weeks, run(weeks, None, tune), strict=True)):
        gold = dict(zip((a.url for a in week.articles), week.gold, strict=True))
        text = {a.url: a.text for a in week.articles}
        letter = {a.url: a.source[-1] for a in week.articles}  # "Outlet A" -> "A"
        for s in issue.stories:
            yield {
                "week": w, "rank": s.rank, "section": str(s.section), "headline": s.headline,
                "sentences": [{"text": x.text, "from": sorted({letter.get(u, "?") for u in x.sources})}
                              for x in s.sentences],
                "articles": [{"outlet": c.source, "title": c.title, "text": text.get(c.url, ""),
                              "story": gold.get(c.url, "")} for c in s.articles],
            }


def load(path: str) -> list[Record]:
    return [json.loads(line) for line in Path(path).open(encoding="utf-8")]


def outlets(r: Record) -> set[str]:
    return {o for x in r["sentences"] for o in x["from"]}


def show(r: Record) -> str:
    lines = [f"### w{r['week']} r{r['rank']} ({r['section']}): {r['headline']}", ""]
    lines += [f"{k + 1}. [{','.join(x['from'])}] {x['text']}" for k, x in enumerate(r["sentences"])]
    lines.append("")
    for a in r["articles"]:
        lines.append(f"- {a['outlet'][-1]} ({a['story']}): **{a['title']}** — {a['text']}")
    return "\n".join(lines) + "\n"


def sample(rows: Sequence[Record], n: int, seed: int, keys: str) -> list[Record]:
    if keys:
        want = [tuple(int(v) for v in line.split()[:2])
                for line in Path(keys).read_text().splitlines() if line.strip()]
        at = {(r["week"], r["rank"]): r for r in rows}
        return [at[k] for k in want if k in at]
    pool = [r for r in rows if len(outlets(r)) >= 2]
    print(f"{len(pool)} of {len(rows)} paragraphs quote two outlets or more; {n} drawn"
          f" (Random({seed}))\n")
    return random.Random(seed).sample(pool, min(n, len(pool)))


def diff(old: Sequence[Record], new: Sequence[Record], n: int) -> None:
    def key(r: Record) -> tuple[int, str]:
        return r["week"], r["headline"]

    before = {key(r): r for r in old}
    after = {key(r): r for r in new}
    changed = [k for k in after if k in before
               and before[k]["sentences"] != after[k]["sentences"]]
    gone = [k for k in before if k not in after]
    added = [k for k in after if k not in before]
    print(f"{len(new)} stories: {len(changed)} paragraphs changed, {len(gone)} headlines gone,"
          f" {len(added)} new")
    for k in changed[:n]:
        print(f"\n--- before\n{show(before[k])}+++ after\n{show(after[k])}")


def unmet(r: Record) -> bool:
    """Whether no printed sentence tells half the headline's content words while an article's
    lead does (module docstring)."""
    head = r["headline"]
    if not r["sentences"]:  # (an "Also" line is printed without sentences)
        return False
    return (not any(tells(x["text"], head) for x in r["sentences"])
            and any(tells(next(iter_sentences(a["text"]), ""), head) for a in r["articles"]))


def unprinted(r: Record) -> bool:
    """Whether the outlet whose title holds the headline is not printed although its lead
    tells the headline (the headline's own account left out)."""
    printed = outlets(r)
    return any(r["headline"] in a["title"] and a["outlet"][-1] not in printed
               and tells(next(iter_sentences(a["text"]), ""), r["headline"])
               for a in r["articles"])


def agree(rows: Sequence[Record], n: int) -> None:
    bad = [r for r in rows if unmet(r)]
    print(f"{len(bad)} of {len(rows)} paragraphs never tell half their headline's content words"
          f" while a lead of the story does; {sum(map(unprinted, bad))} of them print nothing"
          f" of the outlet whose title is the headline, though its lead tells it")
    for r in bad[:n]:
        print("\n" + show(r))


PAGES = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "extraction" / \
    "wcxb_dev_articles"


def pages(out: str) -> int:
    """Each wcxb page (news sites, blogs, shops) cleaned and written up as a one-article story
    under its host's name: the paragraph as printed, beside the page's first cleaned lines.
    Pages a real feed's links lead to: the writer's reading on whole open-web articles."""
    from datetime import UTC, datetime
    from urllib.parse import urlparse

    from digest.clean import clean
    from digest.edit.write.paragraph import paragraph_for
    from digest.models import Article

    meta = json.loads((PAGES / "meta.json").read_text(encoding="utf-8"))
    when = datetime(2026, 3, 4, tzinfo=UTC)
    with Path(out).open("w", encoding="utf-8") as f:
        for pid in sorted(meta):
            url = meta[pid]["url"]
            html = (PAGES / "html" / f"{pid}.html").read_text(encoding="utf-8", errors="replace")
            paras = tuple(p for p in clean(html, url).text.split("\n") if p.strip())
            host = urlparse(url).netloc or "page"
            art = Article(source=host, guid=pid, url=url, title="", paragraphs=paras,
                          published=when, first_seen=when, content_hash=pid)
            para = [x.text for x in paragraph_for([art], {}, language="en")]
            f.write(json.dumps({"id": pid, "url": url, "paragraph": para, "opening": paras[:4]},
                               ensure_ascii=False) + "\n")
    return len(meta)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out")
    d.add_argument("--weeks", type=int, default=0)
    d.add_argument("--embed", action="store_true",
                   help="the writer with the embedding extra (grouping as without it)")
    s = sub.add_parser("sample")
    s.add_argument("dump")
    s.add_argument("--n", type=int, default=30)
    s.add_argument("--seed", type=int, default=327)
    s.add_argument("--keys", default="")
    c = sub.add_parser("diff")
    c.add_argument("old")
    c.add_argument("new")
    c.add_argument("--show", type=int, default=20)
    g = sub.add_parser("agree")
    g.add_argument("dump")
    g.add_argument("--show", type=int, default=5)
    w = sub.add_parser("pages")
    w.add_argument("out")
    args = ap.parse_args()
    if args.cmd == "dump":
        with Path(args.out).open("w", encoding="utf-8") as f:
            count = 0
            for r in records(args.weeks, args.embed):
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
                count += 1
        print(f"{count} stories written to {args.out}")
    elif args.cmd == "sample":
        for r in sample(load(args.dump), args.n, args.seed, args.keys):
            print(show(r))
    elif args.cmd == "agree":
        agree(load(args.dump), args.show)
    elif args.cmd == "pages":
        print(f"{pages(args.out)} pages written to {args.out}")
    else:
        diff(load(args.old), load(args.new), args.show)
    return 0

if __name__ == "__main__":
    raise SystemExit(main())
