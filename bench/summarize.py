"""Single-document summaries on cnndm_frank: ours vs Lead-3 (and sumy LexRank if installed).

3 sentences per article, ROUGE-1/2/Lsum F1 with rouge-score, stemming on. Chinese text is
scored with a character tokenizer (rouge-score's default deletes CJK characters). Reads
../shared/bench/summarize/cnndm_frank/test.jsonl (outside the repo); skips when missing.
Nothing is fitted on these articles: the summariser's parameters are fixed in
digest/edit/write/summarize.py (see docs/editor.md for how they were chosen).

    .venv/bin/python bench/summarize.py
    .venv/bin/python bench/summarize.py --paragraph [--dump OUT.jsonl]

--paragraph: the story paragraph (`write/paragraph.paragraph_for`, 60-130 words) of each article
as a one-article story under its outlet's name (CNN or Daily Mail, as the story's source is in
the product), against the simple choice of the same length: the article's lead sentences up to
as many words (and Lead-3, shorter). allsides_dev's texts are 1-3 sentence excerpts, so this is
the paragraph writer's only benchmark on whole articles.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digest.edit import summarize_document
from digest.sentences import split_sentences

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "summarize" / "cnndm_frank"


class CharTokenizer:
    """Words for Latin script, single characters for CJK: safe for Chinese ROUGE."""

    _re = re.compile(r"[\u3400-\u9fff]|[a-z0-9]+")

    def __init__(self) -> None:
        from rouge_score.tokenizers import DefaultTokenizer

        self.latin = DefaultTokenizer(use_stemmer=True)

    def tokenize(self, text: str) -> list[str]:
        if re.search(r"[\u3400-\u9fff]", text):
            return self._re.findall(text.lower())
        return list(self.latin.tokenize(text))


def lexrank(text: str, n: int) -> list[str]:
    from sumy.nlp.tokenizers import Tokenizer  # type: ignore[import-not-found]
    from sumy.parsers.plaintext import PlaintextParser  # type: ignore[import-not-found]
    from sumy.summarizers.lex_rank import LexRankSummarizer  # type: ignore[import-not-found]

    parser = PlaintextParser.from_string(text, Tokenizer("english"))
    return [str(s) for s in LexRankSummarizer()(parser.document, n)]


def paragraph_main(rows: list[dict[str, str]], scorer: Any, dump: str = "") -> int:
    """The story paragraph of a one-article story vs the lead sentences to the same length;
    with `dump`, each paragraph beside its lead sentences as JSON lines, to read or diff."""
    from datetime import UTC, datetime

    from digest.edit.write.paragraph import paragraph_for
    from digest.models import Article

    when = datetime(2026, 3, 4, tzinfo=UTC)
    totals: dict[str, list[float]] = {"digest paragraph": [0.0, 0.0], "lead, same words": [0.0, 0.0],
                                      "Lead-3": [0.0, 0.0]}
    words: list[int] = []
    out = Path(dump).open("w", encoding="utf-8") if dump else None  # noqa: SIM115
    for n, row in enumerate(rows):
        outlet = "CNN" if row["id"].startswith("cnn") else "Daily Mail"
        art = Article(source=outlet, guid=str(n), url=f"https://outlet.example/{n}", title="",
                      paragraphs=tuple(p for p in re.split(r"\n+", row["article"]) if p.strip()),
                      published=when, first_seen=when, content_hash=str(n))
        ours = [s.text for s in paragraph_for([art], {}, language="en")]
        size = sum(len(s.split()) for s in ours)
        words.append(size)
        lead: list[str] = []
        for sentence in split_sentences(row["article"]):
            if sum(len(s.split()) for s in lead) >= size:
                break
            lead.append(sentence)
        if out is not None:
            out.write(json.dumps({"n": n, "outlet": outlet, "paragraph": ours, "lead": lead},
                                 ensure_ascii=False) + "\n")
        ref = "\n".join(split_sentences(row["reference"].replace(" . ", " .\n")))
        for name, text in (("digest paragraph", ours), ("lead, same words", lead),
                           ("Lead-3", split_sentences(row["article"])[:3])):
            scores = scorer.score(ref, "\n".join(text))
            totals[name][0] += scores["rouge1"].fmeasure
            totals[name][1] += scores["rouge2"].fmeasure
    if out is not None:
        out.close()
    print(f"{len(rows)} articles, each a one-article story; ROUGE F1 x100, stemming on")
    print(f"{'method':<18} {'R1':>6} {'R2':>6}")
    for name, (r1, r2) in totals.items():
        print(f"{name:<18} {100 * r1 / len(rows):6.1f} {100 * r2 / len(rows):6.1f}")
    words.sort()
    print(f"paragraph words: median {words[len(words) // 2]}, under 60: "
          f"{sum(w < 60 for w in words)} of {len(words)}")
    return 0


def main() -> int:
    path = DATA / "test.jsonl"
    if not path.exists():
        print(f"skipped: {path} not found")
        return 0
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        print("skipped: rouge-score is not installed (pip install rouge-score)")
        return 0
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], tokenizer=CharTokenizer())
    if "--paragraph" in sys.argv[1:]:
        at = sys.argv.index("--dump") + 1 if "--dump" in sys.argv else 0
        return paragraph_main(rows, scorer, sys.argv[at] if at else "")
    methods: dict[str, Callable[[str], list[str]]] = {
        "Lead-3": lambda t: split_sentences(t)[:3],
        "digest (ours)": lambda t: summarize_document(t, 3),
    }
    try:
        import sumy  # type: ignore[import-not-found]  # noqa: F401

        methods["sumy LexRank"] = lambda t: lexrank(t, 3)
    except ImportError:
        print("(sumy not installed: LexRank row skipped; anchor R1 33.1)")
    print(f"{len(rows)} articles; ROUGE F1 x100, stemming on")
    print(f"{'method':<16} {'R1':>6} {'R2':>6} {'RLsum':>6} {'s/doc':>7}")
    for name, fn in methods.items():
        totals = [0.0, 0.0, 0.0]
        t0 = time.perf_counter()
        for row in rows:
            ref = "\n".join(split_sentences(row["reference"].replace(" . ", " .\n")))
            scores = scorer.score(ref, "\n".join(fn(row["article"])))
            for k, key in enumerate(("rouge1", "rouge2", "rougeLsum")):
                totals[k] += scores[key].fmeasure
        secs = (time.perf_counter() - t0) / len(rows)
        r1, r2, rl = (100 * v / len(rows) for v in totals)
        print(f"{name:<16} {r1:6.1f} {r2:6.1f} {rl:6.1f} {secs:7.3f}")
    print("anchors: Lead-3 41.3 / 18.8 / 37.4; sumy LexRank 33.1; BART-large-CNN 45.3")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
