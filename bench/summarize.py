"""Single-document summaries on cnndm_frank: ours vs Lead-3 (and sumy LexRank if installed).

3 sentences per article, ROUGE-1/2/Lsum F1 with rouge-score, stemming on. Chinese text is
scored with a character tokenizer (rouge-score's default deletes CJK characters). Reads
../shared/bench/summarize/cnndm_frank/test.jsonl (outside the repo); skips when missing.
Nothing is fitted on these articles: the summariser's parameters are fixed in
digest/edit/write/summarize.py (see docs/editor.md for how they were chosen).

    .venv/bin/python bench/summarize.py
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digest.edit import summarize_document
from digest.text import split_sentences

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
