"""The TL;DR paragraph and the intro line.

TL;DR: one sentence per featured story (its most central, shortest complete sentence),
joined by connectives ("Meanwhile,", "Elsewhere,", "And"), so the paragraph ties the
roundup together without a word that is not in the sources beyond those connectives.
The intro names what the issue covers: period, counts, the lead stories and the Explainer.
"""

from __future__ import annotations

from collections.abc import Sequence

from digest.edit.lexicon import CJK_RE, STOPWORDS
from digest.models import Explainer, Newsletter, Sentence, Story

TLDR_STORIES = 4
_CONNECTIVES = ("", "Meanwhile, ", "Elsewhere, ", "And ")
_ZH_CONNECTIVES = ("", "与此同时，", "此外，", "另外，")


def _strip_attribution(text: str) -> str:
    if text.startswith("According to ") and ", " in text:
        rest = text.split(", ", 1)[1]
        return rest[:1].upper() + rest[1:]
    if text.startswith("据") and "报道，" in text[:30]:
        return text.split("报道，", 1)[1]
    return text


def _join(connective: str, text: str) -> str:
    if not connective:
        return text
    first, _, rest = text.partition(" ")
    if first.lower() in STOPWORDS and first[:1].isupper():
        text = first.lower() + (" " + rest if rest else "")
    return connective + text


def tldr_sentences(featured: Sequence[Story]) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    for k, story in enumerate(featured[:TLDR_STORIES]):
        if not story.sentences:
            continue
        # The story's lead sentence says what happened; keep it short when there is a choice.
        cands = list(story.sentences[:2])
        best = min(cands, key=lambda s: (len(s.text) > 220, cands.index(s)))
        text = _strip_attribution(best.text)
        zh = bool(CJK_RE.search(text[:5]))
        conn = (_ZH_CONNECTIVES if zh else _CONNECTIVES)[min(k, 3)] if out else ""
        out.append(Sentence(text if zh else _join(conn, text), best.sources))
    return tuple(out)


def intro_line(newsletter: Newsletter, label: str, stories: Sequence[Story],
               explainer: Explainer | None, outlets: int) -> str:
    if not stories:
        return (f"Welcome to {newsletter.title} for {label}. It was a quiet week: none of our "
                f"sources published anything on our topics, so this issue is short.")
    featured = [s.headline for s in stories if s.section == "in_our_feeds"]
    lead = ", ".join(f"“{h}”" for h in featured[:3])
    count = f"{len(stories)} stor{'y' if len(stories) == 1 else 'ies'} from {outlets} source{'s' if outlets != 1 else ''}"
    text = f"Welcome to {newsletter.title} for {label}: {count}, led by {lead}"
    if explainer is not None:
        text += f", plus an explainer on {explainer.entity}"
    return text + "."
