"""Benchmark the clean stage against trafilatura, side by side, in one process.

    .venv/bin/python bench/clean.py [--limit N] [--datasets wcxb_dev_articles,scrapinghub]
                                    [--skip-seeds]

Reads the reference data from ../shared/bench/extraction (never copied into the repo) and the
seeds from ../shared/seeds; skips politely when they are missing. Prints:
  * per dataset (wcxb_dev_articles: 793 pages nobody here tuned for, lower-cased tokens as
    `score.py --lower`; scrapinghub: 181 news pages, case-sensitive as in the reference table)
    word P / R / F1 mean / median and pages/s for trafilatura (default and precision) and
    digest.clean, with our speed ratio against trafilatura default (every page goes through
    every extractor in turn, so load from other processes hits all of them alike);
  * paragraph P / R / F1 per dataset: a paragraph is one line of the output, one line of the
    truth file, compared letters and digits only; it scores when it is exactly a paragraph of
    the other side (multisets per page, mean over pages), so two paragraphs merged into one,
    one cut in two, or a junk line glued to one all count against it;
  * junk pages: junk items left (of 54) and passages kept (of 28), with the reference checker's
    matching (letters and digits only), and paragraph P / R / F1 of the passages' paragraphs
    (the page's innermost block holding a passage is a true paragraph; an output line holding
    a passage is a predicted one);
  * seeds: each listed junk item gone, every other line kept (text path).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXTRACTION = SHARED / "bench" / "extraction"
SEEDS = SHARED / "seeds"
sys.path.insert(0, str(ROOT))

Extractor = Callable[[str, str | None], str]

# The seeds' junk, as listed in ../shared/seeds/README.md (short identifying snippets).
SEED_JUNK: dict[str, list[str]] = {
    "000": ["Image source: Shutterstock", "Tagged : / / / / /", "Bitcoin (BTC) $ 26,400.07",
            "Ethereum (ETH) $ 1,616.05", "Litecoin (LTC)", "Bitcoin Cash (BCH)"],
    "001": ["Hello, and welcome to another issue", "Enjoy!", "Alex Colville (Researcher"],
    "002": [],
    "003": ["What's the Best Crypto to Buy Now?", "B2C Listed the Top Rated",
            "Get Early Access to Presales", "KYC Verified & Audited", "Most Voted for Tokens",
            "Upcoming Listings on Exchanges"],
    "004": ["Back to the top", "In order for artificial intelligence (AI) to work right",
            "Check out CoinGeek", "Watch: Demonstrating the potential", "YouTube video player",
            "Source: https://"],
}
SEED_APPENDED = {"000": "AI Image Service Bans Xi Jinping Pictures"}


def _load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def squeeze(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.lower())


def extractors() -> dict[str, Extractor]:
    import trafilatura

    from digest.clean import bench_adapter

    def traf(html: str, url: str | None) -> str:
        return trafilatura.extract(html, url=url, include_comments=False) or ""

    def traf_precision(html: str, url: str | None) -> str:
        return trafilatura.extract(html, url=url, include_comments=False,
                                   favor_precision=True) or ""

    return {"trafilatura": traf, "trafilatura-precision": traf_precision,
            "digest.clean": bench_adapter}


def paragraphs(text: str) -> list[str]:
    """An output's or a truth file's paragraphs, one per line, letters and digits only
    (a list item's "- " or a table's "|" do not count against it)."""
    return [s for s in (squeeze(line) for line in text.splitlines()) if s]


def paragraph_scores(pred: list[str], true: list[str]) -> tuple[float | None, float | None,
                                                                  float]:
    """P, R, F1 of exact paragraph matches (multisets), with the reference scorer's rules
    for empty sides."""
    score = sys.modules["ref_score"]
    return score.prf(*score.overlap(Counter(pred), Counter(true)))  # type: ignore[no-any-return]


def _mean(values: list[float | None]) -> float:
    kept = [v for v in values if v is not None]
    return sum(kept) / len(kept) if kept else float("nan")


# dataset -> lower-case tokens before matching (as the reference figures for each were taken)
DATASETS = {"wcxb_dev_articles": True, "scrapinghub": False}


def bench_dataset(fns: dict[str, Extractor], name: str, limit: int | None
                  ) -> dict[str, dict[str, float]]:
    score = sys.modules["ref_score"]
    lower = DATASETS[name]
    pages = [(score.decode_html(raw), truth, url) for _, raw, truth, url
             in score.load_dataset(EXTRACTION / name, limit)]
    # Interleaved (every page through every extractor, in turn) so that load from other
    # processes on a shared machine hits all extractors alike.
    for fn in fns.values():
        fn(score.WARMUP_HTML, None)
    rows: dict[str, list[dict[str, float]]] = {n: [] for n in fns}
    para_rows: dict[str, list[tuple[float | None, float | None, float]]] = {n: [] for n in fns}
    busy = dict.fromkeys(fns, 0.0)
    for html, truth, url in pages:
        for n, fn in fns.items():
            t0 = time.perf_counter()
            try:
                out = fn(html, url)
            except Exception:  # a failing page scores 0, as in the reference scorer
                out = ""
            busy[n] += time.perf_counter() - t0
            rows[n].append(score.page_scores(out, truth, lower))
            para_rows[n].append(paragraph_scores(paragraphs(out), paragraphs(truth)))
    results: dict[str, dict[str, float]] = {}
    for n in fns:
        agg = score.aggregate(rows[n])
        para = para_rows[n]
        results[n] = {"P": agg["P"], "R": agg["R"], "f1_mean": agg["F1_mean"],
                      "f1_median": agg["F1_median"], "pages_per_s": len(pages) / busy[n],
                      "para_P": _mean([p for p, _, _ in para]),
                      "para_R": _mean([r for _, r, _ in para]),
                      "para_F1": _mean([f for _, _, f in para])}
        r = results[n]
        print(f"{n:<24} {name:<18} n={len(pages):<4} P={r['P']:.3f} R={r['R']:.3f} "
              f"F1 mean={r['f1_mean']:.4f} median={r['f1_median']:.4f}  "
              f"{r['pages_per_s']:.1f} p/s  paragraphs P={r['para_P']:.3f} "
              f"R={r['para_R']:.3f} F1={r['para_F1']:.3f}", flush=True)
    base = results["trafilatura"]["pages_per_s"]
    print(f"{'':<24} {name:<18} speed ratio digest.clean / trafilatura: "
          f"{results['digest.clean']['pages_per_s'] / base:.2f}x", flush=True)
    return results


_BLOCK_TAGS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "td", "th",
               "dd", "dt", "figcaption", "div")


def passage_paragraphs(html: str, passages: list[str]) -> list[str]:
    """The page's own paragraphs that hold the passages: for each passage, the innermost
    block element whose text contains it (letters and digits only), each element once."""
    from lxml import html as lxml_html

    tree = lxml_html.document_fromstring(html)
    found: dict[object, str] = {}
    for passage in map(squeeze, passages):
        holders = [el for el in tree.iter(*_BLOCK_TAGS)
                   if passage in squeeze(el.text_content())]
        inner = [el for el in holders
                 if not any(o is not el and el in o.iterancestors() for o in holders)]
        for el in inner[:1]:
            found.setdefault(el, squeeze(el.text_content()))
    return list(found.values())


def bench_junk(fns: dict[str, Extractor]) -> None:
    spec = json.loads((EXTRACTION / "junk" / "spec.json").read_text(encoding="utf-8"))
    for name, fn in fns.items():
        kept = total_keep = left = total_junk = 0
        leftovers: list[str] = []
        matched_pred = n_pred = matched_true = n_true = 0
        for page, sp in spec.items():
            html = (EXTRACTION / "junk" / "pages" / f"{page}.html").read_text(encoding="utf-8")
            out = fn(html, None) or ""
            text = squeeze(out)
            keys = [squeeze(k) for k in sp["keep"]]
            pred = Counter(p for p in paragraphs(out) if any(k in p for k in keys))
            true = Counter(passage_paragraphs(html, sp["keep"]))
            both = sum((pred & true).values())
            matched_pred += both
            matched_true += both
            n_pred += sum(pred.values())
            n_true += sum(true.values())
            kept += sum(1 for k in keys if k in text)
            total_keep += len(sp["keep"])
            for label, junk in sp["junk"].items():
                total_junk += 1
                if squeeze(junk) in text:
                    left += 1
                    leftovers.append(f"{page[:2]}:{label}")
        p = matched_pred / n_pred if n_pred else 0.0
        r = matched_true / n_true if n_true else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{name:<24} junk left {left}/{total_junk}  passages kept {kept}/{total_keep}  "
              f"paragraphs P={p:.3f} R={r:.3f} F1={f1:.3f} (of {n_true})"
              + (f"  ({', '.join(leftovers)})" if leftovers and name == "digest.clean" else ""))


def bench_seeds() -> bool:
    from digest.clean import clean

    ok = True
    for path in sorted(SEEDS.glob("*.txt")):
        key = path.name[:3]
        page = clean(path.read_bytes(), text=True, newsletter=key == "001")
        body = squeeze(page.title + " " + page.text)
        left = [j for j in SEED_JUNK.get(key, []) if squeeze(j) in body]
        # every line that is not junk must survive somewhere (main body, title or appended)
        everything = body + "".join(squeeze(a.title + a.text) for a in page.appended)
        junk_keys = [squeeze(j) for j in SEED_JUNK.get(key, [])]
        lost = [ln for ln in path.read_text(encoding="utf-8").splitlines()
                if ln.strip() and squeeze(ln) not in everything
                and not any(j in squeeze(ln) for j in junk_keys)
                and not (key == "003" and squeeze(ln) == squeeze(page.title))]
        appended_ok = key not in SEED_APPENDED or (
            bool(page.appended) and page.appended[0].title == SEED_APPENDED[key]
            and squeeze(SEED_APPENDED[key]) not in body)
        status = "ok" if not left and not lost and appended_ok else "FAIL"
        ok &= status == "ok"
        print(f"seed {key}: junk left {len(left)}, lines lost {len(lost)}, "
              f"appended split {'yes' if page.appended else 'no'} -> {status}")
        for item in left + lost:
            print(f"    {item[:100]}")
    return ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, help="only the first N pages of each dataset")
    ap.add_argument("--datasets", default=",".join(DATASETS),
                    help="comma-separated, of: " + ", ".join(DATASETS))
    ap.add_argument("--skip-seeds", action="store_true")
    args = ap.parse_args()
    if not EXTRACTION.is_dir():
        print(f"benchmark data not found at {EXTRACTION}; skipping")
        return 0
    _load(EXTRACTION / "score.py", "ref_score")
    fns = extractors()
    for name in args.datasets.split(","):
        if (EXTRACTION / name).is_dir():
            bench_dataset(fns, name, args.limit)
    bench_junk(fns)
    if not args.skip_seeds and SEEDS.is_dir():
        bench_seeds()
    return 0


if __name__ == "__main__":
    sys.exit(main())
