"""The front of an issue on real weeks: TL;DR, intro, Explainer, and the names they rest on.

Builds bench/allsides.py's weeks (20 real stories x 3 outlets, shuffled; every week the data
holds unless --weeks), runs the shipped editor over each and counts:

- the copy editor's strikes on the TL;DR, the intro and the Explainer
  (`digest.edit.proof.front_strikes`), by rule, with what was printed (Explainers,
  answers, TL;DR sentences) to read them against;
- junk names among each week's ten most-named entities (articles naming them), judged here by
  rules of this script that the name finder does not import (`junk`): a lone letter ("U"
  from "U.S."), a name cut at an initial ("Donald J"), a title kept or alone ("President
  Trump", "Rep"), a weekday or month, a dateline in capitals ("WASHINGTON") or a wire tag, a
  party tag ("D-Hawaii"), a word that opens a sentence and is lower-case elsewhere in the
  week ("New", "Phone Washington").

--show N prints the intro, TL;DR and Explainer of the first N weeks, --junk N the first N
junk names. Reads ../shared/bench/summarize/allsides_dev (research use only: nothing is
fitted on it); skips when it is missing.

    .venv/bin/python bench/explainer.py [--weeks N] [--show 15] [--junk 40] [--strikes 20]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.allsides import Week, load_weeks, run
from digest.edit.lexicon import CALENDAR
from digest.edit.proof import front_strikes
from digest.edit.read.aliases import EntityIndex
from digest.edit.read.entities import mentions
from digest.models import Issue

TOP = 10
_TITLES = re.compile(
    r"^(?:(?:Vice |Former |Acting |Deputy )?(?:President(?:-elect)?|Senator|Secretary|Speaker|"
    r"Governor|Mayor|Judge|Justice|Chief|Attorney General|Prime Minister|Minister|Director|"
    r"Chairman|Chairwoman|Leader)|Rep|Sen|Dr|Gov|Mr|Mrs|Ms|Lt|Gen|Col|Sgt|Jr|Sr|Prof|Rev|"
    r"Capt|Adm|Maj)\b")
_WIRES = frozenset(["AP", "CNN", "Reuters", "AFP", "Xinhua"])


def junk(name: str, week_text: str, names: set[str]) -> str | None:
    """Why `name` is no name a reader would recognise, or None."""
    if re.fullmatch(r"[A-Z]\.?", name):
        return "a lone letter"
    if re.search(r"\s[A-Z]\.?$", name):
        return "cut at an initial"
    if _TITLES.match(name) and not re.search(r"(?i)\b(?:department|court|office)$", name):
        return "a title kept" if len(name.split()) > 1 else "a title alone"
    if any(w in CALENDAR for w in name.split()):
        return "a weekday or month"
    if re.fullmatch(r"[DRI]-[A-Z][\w.]*", name):
        return "a party tag"
    if name in _WIRES and re.search(rf"\({name}\)\s*[—–-]", week_text):
        return "a wire tag"
    if re.fullmatch(r"[A-Z ]{4,}", name) and re.search(
            rf"\b{re.escape(name.title())}\b", week_text):
        return "a dateline in capitals"
    if " " in name and re.search(r"[a-z][A-Z]{3,}|[A-Z]{4,}\s[A-Z][a-z]", name):
        return "a dateline glued on"
    first, _, rest = name.partition(" ")
    low = first.lower()
    lower_uses = len(re.findall(rf"(?<![\w-]){re.escape(low)}(?![\w-])", week_text))
    capital_inside = len(re.findall(rf"[a-z,]\s+{re.escape(first)}(?![\w-])", week_text))
    if first.istitle() and lower_uses > capital_inside and (not rest or rest in names):
        return "a sentence-opening word"
    return None


def top_names(week: Week) -> list[tuple[str, int]]:
    texts = [f"{a.title}\n{a.text}" for a in week.articles]
    found = [mentions(t) for t in texts]
    index = EntityIndex(texts, found)
    counts: Counter[str] = Counter()
    for names in found:
        counts.update(set(index.resolve(names)))
    return counts.most_common(TOP)


def _print_front(issue: Issue) -> None:
    print(f"INTRO: {issue.intro}")
    for s in issue.tldr:
        print(f"TL;DR: {s.text}")
    if issue.explainer is None:
        print("(no Explainer)")
        return
    print(f"EXPLAINER: {issue.explainer.entity}")
    for q in issue.explainer.qa:
        print(f"  {q.question} {' '.join(s.text for s in q.answer)}")


def report(weeks: Sequence[Week], issues: Sequence[Issue], show: int, junk_n: int,
           strikes_n: int) -> None:
    strikes = []
    answers = explainers = tldr = again = 0
    names: Counter[str] = Counter()
    for week, issue in zip(weeks, issues, strict=True):
        texts = {a.url: f"{a.title}\n{a.text}" for a in week.articles}
        strikes += front_strikes(issue, texts)
        tldr += len(issue.tldr)
        if issue.explainer is not None:
            explainers += 1
            answers += len(issue.explainer.qa)
            names[issue.explainer.entity] += 1
            # an answer a story's paragraph printed above it (the editor allows it only when
            # the week says too little without: editor.py)
            printed = {s.text for story in issue.stories for s in story.sentences}
            again += any(s.text in printed for q in issue.explainer.qa for s in q.answer)
    print(f"{len(weeks)} weeks: {explainers} Explainers, {answers} answers, "
          f"{tldr} TL;DR sentences")
    print(f"  {len(names)} names explained, most: "
          + ", ".join(f"{n} {k}" for k, n in names.most_common(4))
          + f"; {again} Explainers repeat a sentence a story's paragraph printed")
    rules = Counter((s.where, re.sub(r" \(.*", "", s.rule)) for s in strikes)
    print(f"copy editor, front of the issue: {len(strikes)} strikes")
    for (where, rule), n in sorted(rules.items()):
        print(f"  {where:9} {n:4}  {rule}")
    for s in strikes[:strikes_n]:
        print(f"strike: {s}")
    judged: Counter[str] = Counter()
    shown: list[str] = []
    total = 0
    for week in weeks:
        top = top_names(week)
        week_text = "\n".join(f"{a.title}\n{a.text}" for a in week.articles)
        names = {n for n, _ in top}
        for name, _ in top:
            total += 1
            why = junk(name, week_text, names)
            if why:
                judged[why] += 1
                shown.append(f"{name} ({why})")
    print(f"junk names among each week's top {TOP}: {sum(judged.values())} of {total}")
    for why, n in judged.most_common():
        print(f"  {n:4}  {why}")
    if junk_n:
        print("  " + "; ".join(shown[:junk_n]))
    for w, issue in enumerate(issues[:show]):
        print(f"\n==== week {w}")
        _print_front(issue)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--weeks", type=int, default=0, help="weeks to build (default: all)")
    ap.add_argument("--show", type=int, default=0, help="print the front of the first N weeks")
    ap.add_argument("--junk", type=int, default=0, help="print the first N junk names")
    ap.add_argument("--strikes", type=int, default=0, help="print the first N strikes")
    args = ap.parse_args()
    weeks = load_weeks(args.weeks)
    if weeks is None:
        return 0
    t0 = time.perf_counter()
    report(weeks, run(weeks, None), args.show, args.junk, args.strikes)
    print(f"({time.perf_counter() - t0:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
