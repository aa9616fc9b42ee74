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


def _join(connective: str, text: str) -> str:
    if not connective:
        return text
    first, _, rest = text.partition(" ")
    # Lower-case an ordinary first word ("Despite", "The"), never a name or an acronym.
    ordinary = first.lower() in STOPWORDS or first.lower().rstrip(",") in _OPENERS
    if ordinary and first[:1].isupper() and first[1:].islower():
        text = first.lower() + (" " + rest if rest else "")
    return connective + text


_OPENERS = frozenset("""despite after before while although though when as in on at for from with
    without under over amid during following officials regulators analysts experts authorities
    companies lawmakers critics researchers users several some many most""".split())  # noqa: SIM905


def tldr_sentences(featured: Sequence[Story]) -> tuple[Sentence, ...]:
    out: list[Sentence] = []
    for k, story in enumerate(featured[:TLDR_STORIES]):
        if not story.sentences:
            continue
        # The story's lead sentence says what happened (and never carries an attribution we
        # added); the next one stands in only when the lead is very long and unattributed.
        best = story.sentences[0]
        nxt = story.sentences[1] if len(story.sentences) > 1 else None
        if len(best.text) > 240 and nxt and nxt.sources == best.sources and len(nxt.text) < 240:
            best = nxt
        text = best.text
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
