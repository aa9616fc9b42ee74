"""Choosing a story's headline offline: the candidate (titles.py) with the highest expected
ROUGE-1 F1 against an unseen headline of the story.

A word's chance of being in that headline is the weighted share of the story's evidence that
uses it: each *other* article's title (weight 1) and lead sentence (`lead`), the candidate's
own lead (`own_lead`: a title that restates its own report is news, not a take) and a flat
`prior` (its outlet chose the word). Then

    score = 2 · Σ p(word) / (size + reference_words)

where function words ("to", "of", "over": `lexicon.STOPWORDS`) count `function_share` of
their chance and `function_size` of their length, headline style drops articles and forms of
"be" (they count nothing), a repeated word counts `repeat` of its first use, and a question
or a title addressed to the reader ("you", "we") loses `off_key`. So a title wins by saying
what the other outlets say, in few words. A story of one article gets its cleaned title.
A title labelled as a desk's verdict or a writer's view ("AP FACT CHECK: …") offers its
candidates under its label, in the newsletter's words ("Fact check: …", labels.py), and
gives way to a report's title (`chosen`).

`candidates` computes each candidate's `Evidence` once; `expected_f1` weighs it with a
`HeadlineSettings`, so bench/allsides.py can choose the weights on one half of its weeks and
score them on the other without reading the articles again. In a Latin-script issue only
Latin-script titles compete when the story has one (and in a Chinese issue only Chinese ones).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from digest.edit.headline.column import columns
from digest.edit.headline.labels import Label, labelled
from digest.edit.headline.titles import QUOTATION, QUOTES, candidate_texts
from digest.edit.headline.titles import cleaned as titles_cleaned
from digest.edit.lexicon import ARTICLES, CJK_RE, STOPWORDS, content_words, mostly_cjk, stem
from digest.edit.read.figures import numbers, rounds
from digest.edit.settings import HeadlineSettings
from digest.edit.write.summarize import is_cjk_language
from digest.models import Article
from digest.sentences import iter_sentences
from digest.text import tokens

__all__ = ["Candidate", "Evidence", "candidates", "chosen", "disputes", "expected_f1", "headline_for",
           "tells"]

# Headline style drops articles and forms of "be": they count nothing.
_HEADLINESE = ARTICLES | frozenset(["is", "are", "was", "were", "be", "been", "being"])
_PERSONAL = frozenset(["i", "we", "you", "your", "our", "my", "me", "us"])
_CJK_WORD = 1.5  # Chinese characters per English word, for a candidate's size
# A day counted from the source's own ("Manafort's trial set to start today", "Tonight's
# debate"): wrong in a weekly issue read days later, so a title without one goes first. A
# capitalised "Today" inside a title is a name ("USA Today", "Christianity Today").
RELATIVE_DAY = re.compile(r"\b(?:today|tonight|tomorrow|yesterday)\b|"
                          r"^(?:Today|Tonight|Tomorrow|Yesterday)\b")
_PERCENT = frozenset(["%", "percent"])  # (figures.numbers writes "per cent" as "percent")
# A sentence tells a headline when it holds this share of the headline's content words.
TELLS = 0.5

# Pairs below are (content words, function words).
Split = tuple[float, float]


@dataclass(frozen=True)
class Evidence:
    """Where else the story uses a candidate's words, each word counted once (a repeat at the
    settings' `repeat`, an article or "be" at 0)."""

    titles: Split  # Σ over words of the share of the other articles' titles holding it
    leads: Split  # the same over the other articles' lead sentences
    own_lead: Split  # Σ over words held by the candidate's own lead sentence
    words: Split  # Σ over words of their worth (1, `repeat`, 0): what the prior applies to
    size: Split  # words, plainly counted
    others: int  # other articles in the story
    off_key: bool  # a question, or addressed to the reader
    cjk: bool


@dataclass(frozen=True)
class Candidate:
    article: int  # its title's article, in the order handed in
    text: str  # as printed: under its title's verdict or view label, if any (labels.py)
    evidence: Evidence
    label: Label | None = None


def _bag(text: str) -> frozenset[str]:
    return frozenset(stem(t) for t in tokens(text))


def _evidence(text: str, own: int, titles: Sequence[frozenset[str]],
              leads: Sequence[frozenset[str]], repeat: float) -> Evidence:
    others = [k for k in range(len(titles)) if k != own]
    n = len(others)
    sums = {key: [0.0, 0.0] for key in ("titles", "leads", "own_lead", "words", "size")}
    seen: set[str] = set()
    words = tokens(text)
    for word in words:
        st = stem(word)
        cls = 1 if word in STOPWORDS else 0
        worth = 0.0 if word in _HEADLINESE else (repeat if st in seen else 1.0)
        seen.add(st)
        sums["size"][cls] += 1
        if not worth:
            continue
        sums["words"][cls] += worth
        if n:
            sums["titles"][cls] += worth * sum(st in titles[k] for k in others) / n
            sums["leads"][cls] += worth * sum(st in leads[k] for k in others) / n
        sums["own_lead"][cls] += worth * (st in leads[own])
    off_key = text.rstrip(QUOTES + " ").endswith(("?", "？")) or bool(_PERSONAL & set(words))
    pair = {k: (v[0], v[1]) for k, v in sums.items()}
    return Evidence(pair["titles"], pair["leads"], pair["own_lead"], pair["words"], pair["size"],
                    n, off_key, bool(CJK_RE.search(text)))


def candidates(arts: Sequence[Article], *, language: str = "en",
               settings: HeadlineSettings | None = None) -> list[Candidate]:
    """Every headline the story's own titles offer (titles.py), with its evidence; the first
    is the first eligible article's whole cleaned title."""
    tune = settings or HeadlineSettings()
    cjk_issue = is_cjk_language(language)
    keep = [k for k, a in enumerate(arts) if mostly_cjk(a.title) == cjk_issue and a.title.strip()]
    if not keep:  # no title in the issue's language: the story's own, whole
        keep = [k for k, a in enumerate(arts) if a.title.strip()] or [0]
    labels, cleaned = zip(*(titles_cleaned(arts[k].title, arts[k].source) for k in keep),
                          strict=True)
    title_bags = [_bag(t) for t in cleaned]
    lead_bags = [_bag(next(iter_sentences(arts[k].text), "")) for k in keep]
    sources = [t for a in arts for t in (a.title, a.text)]

    def candidate(j: int, text: str) -> Candidate:
        printed = labelled(labels[j], text)  # (its label's words count as its own)
        return Candidate(keep[j], printed,
                         _evidence(printed, j, title_bags, lead_bags, tune.repeat), labels[j])

    for rescue in (False, True):  # every candidate struck: the titles' main clauses
        out = [candidate(j, text) for j in range(len(keep))
               for text in candidate_texts(cleaned[j], sources, language=language,
                                           rescue=rescue)]
        if out:
            return out
    return [candidate(0, cleaned[0])]


def expected_f1(evidence: Evidence, settings: HeadlineSettings) -> float:
    """The candidate's expected ROUGE-1 F1 against an unseen headline (module docstring);
    0 for a story of one article, where nothing else speaks."""
    e, s = evidence, settings
    if not e.others:
        return 0.0
    weight = e.others * (1.0 + s.lead) + s.own_lead + s.prior

    def hits(c: int) -> float:
        return (e.others * (e.titles[c] + s.lead * e.leads[c]) + s.own_lead * e.own_lead[c]
                + s.prior * e.words[c])

    overlap = (hits(0) + s.function_share * hits(1)) / weight
    size = e.size[0] + s.function_size * e.size[1]
    if e.cjk:
        size /= _CJK_WORD
    score = 2 * overlap / (size + s.reference_words)
    return score - s.off_key if e.off_key else score


def best(cands: Sequence[Candidate], settings: HeadlineSettings) -> Candidate:
    """The highest expected F1; the earliest on a tie (a lone article: its whole title)."""
    return max(cands, key=lambda c: expected_f1(c.evidence, settings))


def _scaled(figures: frozenset[str]) -> list[tuple[str, str]]:
    """The figures with a scale ("11.6 billion", "2.7 %"), percentages in one spelling."""
    out = []
    for f in figures:
        n, _, scale = f.partition(" ")
        if scale:
            out.append((n, "%" if scale in _PERCENT else scale))
    return out


def disputes(headline: str, paragraph: Sequence[str]) -> bool:
    """Whether the headline states a figure of a scale the paragraph states otherwise ("White
    House announces $11.6 billion aid" over "… announced a $13 billion aid package"): the
    same scale, neither the paragraph's figure nor its rounding (`figures.rounds`)."""
    return _contradicts(headline, _paragraph_figures(paragraph))


def _paragraph_figures(paragraph: Sequence[str]) -> list[tuple[str, str]]:
    return _scaled(frozenset(f for s in paragraph for f in numbers(s)))


def _contradicts(headline: str, theirs: Sequence[tuple[str, str]]) -> bool:
    return any(any(sc == scale for _, sc in theirs) and not any(
        sc == scale and _agrees(n, m, scale) for m, sc in theirs)
        for n, scale in _scaled(numbers(headline)))


def _agrees(figure: str, exact: str, scale: str) -> bool:
    """The same figure, or the exact one rounded ("$2 trillion" of "$2.2 trillion"; a whole
    percentage of a decimal one: "20%" of "19.6%")."""
    if scale == "%" and "." not in figure:
        return abs(float(figure) - float(exact)) < 1
    # (a headline rounds as a hedge does: it drops the "about")
    return rounds(f"{figure} {scale}", f"{exact} {scale}", 0)


def _content(text: str) -> frozenset[str]:
    """Content words, stemmed, with one apostrophe ("O’Rourke" is "O'Rourke"). (`told_again.bag`
    stems them a second time, which its rules were measured with: 3 allsides paragraphs
    change if it does not, so the two stay apart.)"""
    return frozenset(content_words(text.replace("’", "'")))


def tells(sentence: str, headline: str, share: float = TELLS) -> bool:
    """Whether `sentence` tells `headline`: holds `share` of its content words, stemmed."""
    told = _content(headline)
    return bool(told) and len(_content(sentence) & told) >= share * len(told)


def headline_for(arts: Sequence[Article], *, language: str = "en",
                 settings: HeadlineSettings | None = None,
                 paragraph: Sequence[str] = ()) -> str:
    """The story's headline: its best own title or title clause (see the module docstring)
    that states no figure the story's `paragraph` states otherwise (`disputes`) and counts
    no day from its source's (`RELATIVE_DAY`), when one such is offered; and none of a
    column's title (`column.columns`: "Trump's very swampy commutation of …") nor of a
    title labelled a verdict or a view ("AP FACT CHECK: …", labels.py) when a report's
    title is offered. Among those, a labelled title, printed under its label ("Fact check:
    …"), goes before an unlabelled column's: it says whose the verdict is."""
    pick = chosen(arts, language=language, settings=settings, paragraph=paragraph)
    return pick.text if pick else ""


def chosen(arts: Sequence[Article], *, language: str = "en",
           settings: HeadlineSettings | None = None,
           paragraph: Sequence[str] = ()) -> Candidate | None:
    """The headline `headline_for` prints, with the article whose title gave it (the
    paragraph may open on that article's lead: write/reopen.lead_with); None without articles."""
    if not arts:
        return None
    tune = settings or HeadlineSettings()
    cands = candidates(arts, language=language, settings=tune)
    theirs = _paragraph_figures(paragraph)  # (read once for all the candidates)
    agreed = [c for c in cands if not _contradicts(c.text, theirs)]
    dated = [c for c in agreed if not RELATIVE_DAY.search(c.text)] or agreed or cands
    given = columns(arts, {c.article for c in dated})  # (one article's titles: none)
    news = [c for c in dated if c.article not in given and c.label is None]
    stated = [c for c in news if not _asks(arts[c.article].title)]
    credited = [c for c in dated if c.label is not None]
    return best(stated or news or credited or dated, tune)



def _asks(text: str) -> bool:
    """Whether a title asks, outside its quotations ("What Happened in Chicago Last Night?
    How Looting and Rioting Broke Out", "Bipartisan breakthrough? Pols unveil …"): a
    teaser's question, which a report's statement of the news goes before, clauses and all
    (its head alone, "The state we're in" from "The state we're in: will the pandemic …", is
    a label)."""
    return "?" in QUOTATION.sub(" ", text)
