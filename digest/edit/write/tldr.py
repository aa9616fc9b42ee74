"""The TL;DR paragraph and the intro line.

TL;DR: one paragraph that ties the featured stories together, in three steps, without a
word that is not in the sources beyond connectives:

* each story's lead sentence, cut to its main clause (", requiring …", ", giving …", ", most
  of them …" go: a TL;DR says what happened, the paragraph above says the rest);
* related stories sit together: after a story comes the one sharing the most of its words
  (the labelling rules next to the algorithm campaign), then the next by rank; "And" joins a
  related story, "Meanwhile," / "Elsewhere," start a new thread;
* one linking sentence, when the week has one: a sentence of one featured story's articles
  that names another featured story's subject ("The release follows AOMA's new standard,
  published at the West Lake Dialogue"), placed after its own story's sentence.

The intro names what the issue covers: period, counts, the lead stories and the Explainer.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from digest.edit.entities import EntityIndex
from digest.edit.lexicon import ANAPHORIC, CJK_RE, STOPWORDS, content_words
from digest.edit.write.summarize import clean_sentence, in_language, is_furniture
from digest.models import Article, Explainer, Newsletter, Sentence, Story
from digest.text import split_sentences

TLDR_STORIES = 4
# Two stories are one thread when they share at least RELATED_WORDS content words, and that is
# RELATED of the smaller one's (five shared words such as "China", "meet" and "publish" is chance).
RELATED = 0.1
RELATED_WORDS = 6
MIN_CLAUSE_WORDS = 6
TIE_WORDS = 35
_SWITCH = ("Meanwhile, ", "Elsewhere, ", "Elsewhere, ")
_ZH_SWITCH = ("与此同时，", "此外，", "另外，")
# Where a lead sentence's main clause ends: a trailing participle, "with …", "most of them …".
_TRAILER = re.compile(r",\s+(?=(?:[a-z]+ing|with|most of|many of|which|while|as|after|"
                      r"according to|amid|adding|saying)\b)")


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


def main_clause(text: str) -> str:
    """The sentence cut before a trailing clause, when enough remains to stand alone."""
    if CJK_RE.search(text[:5]):
        return text
    for m in _TRAILER.finditer(text):
        head = text[:m.start()]
        if head.count('"') % 2 or head.count("(") != head.count(")"):
            continue  # never cut inside a quotation or parentheses
        if len(head.split()) >= MIN_CLAUSE_WORDS:
            return head + "."
        break
    return text


def _words(story: Story) -> set[str]:
    return set(content_words(" ".join([story.headline, story.summary])))


def _order(stories: Sequence[Story]) -> list[tuple[int, bool]]:
    """Story positions in telling order, each with whether it continues the thread before it."""
    bags = [_words(s) for s in stories]
    left = list(range(len(stories)))
    out: list[tuple[int, bool]] = []
    while left:
        if out:
            prev = out[-1][0]
            sim = {k: len(bags[k] & bags[prev]) / max(1, min(len(bags[k]), len(bags[prev])))
                   for k in left}
            best = max(left, key=lambda k: (sim[k], -k))
            if sim[best] >= RELATED and len(bags[best] & bags[prev]) >= RELATED_WORDS:
                out.append((best, True))
                left.remove(best)
                continue
        out.append((left.pop(0), False))
    return out


def _lead(story: Story) -> Sentence | None:
    if not story.sentences:
        return None
    # The story's lead sentence says what happened (and never carries an attribution we
    # added); the next one stands in only when the lead is very long and unattributed.
    best = story.sentences[0]
    nxt = story.sentences[1] if len(story.sentences) > 1 else None
    text = main_clause(best.text)
    if len(text) > 240 and nxt and nxt.sources == best.sources and len(nxt.text) < 240:
        best, text = nxt, main_clause(nxt.text)
    return Sentence(text, best.sources)


def _tie(stories: Sequence[Story], story_articles: Sequence[Sequence[Article]],
         index: EntityIndex, citations: dict[str, tuple[str, ...]], language: str | None,
         printed: Collection[str]) -> tuple[int, Sentence] | None:
    """A sentence of one story's articles that names another story's subject, and the
    position of its own story."""
    week = "\n".join(a.text for arts in story_articles for a in arts)
    anchors: list[set[str]] = []
    for story in stories:
        # The names a headline is about ("Qiantang Labs", "Lingxi-3"), never a place it
        # mentions ("… Opens in Hangzhou"): a place links stories by chance.
        lead = story.sentences[0].text if story.sentences else ""
        anchors.append({k for k in index.entities_in(lead)
                        if any(f in story.headline for f in index.aliases(k))
                        and not re.search(rf"\b(?:in|from|near|across|of) {re.escape(k)}\b",
                                          week)})
    best: tuple[int, int, int, Sentence] | None = None
    for k, arts in enumerate(story_articles):
        for art in arts:
            for raw in split_sentences(art.text):
                text = clean_sentence(raw)
                n = len(text.split())
                if (is_furniture(raw) or text in printed or ANAPHORIC.match(text)
                        or n > TIE_WORDS or n < MIN_CLAUSE_WORDS or not text.endswith(".")
                        or (language and not in_language(text, art.language, language))):
                    continue
                named = set(index.entities_in(text))
                others = [j for j in range(len(stories)) if j != k and anchors[j] & named]
                if not others:
                    continue
                key = (-len(others), n, k)
                if best is None or key < best[:3]:
                    best = (*key, Sentence(text, citations.get(art.url, (art.url,))))
    return (best[2], best[3]) if best else None


def tldr_sentences(featured: Sequence[Story], *,
                   story_articles: Sequence[Sequence[Article]] = (),
                   index: EntityIndex | None = None,
                   citations: dict[str, tuple[str, ...]] | None = None,
                   language: str | None = None,
                   printed: Collection[str] = ()) -> tuple[Sentence, ...]:
    """The TL;DR: the featured stories' leads by thread, and one sentence that links two.

    `story_articles` (the articles of each featured story, in the same order) and `index`
    enable the linking sentence; without them the paragraph is the leads alone. `printed`:
    sentences the issue prints elsewhere (the Explainer's), which the link must not repeat.
    """
    stories = [s for s in featured[:TLDR_STORIES] if s.sentences]
    leads = [_lead(s) for s in stories]
    tie = None
    if index is not None and len(story_articles) >= len(stories) > 1:
        seen = {x.text for s in stories for x in s.sentences[:1]} | set(printed)
        tie = _tie(stories, story_articles[:len(stories)], index, citations or {}, language,
                   seen)
    out: list[Sentence] = []
    switches = 0
    for k, related in _order(stories):
        lead = leads[k]
        if lead is None:
            continue
        zh = bool(CJK_RE.search(lead.text[:5]))
        if not out:
            conn = ""
        elif related:
            conn = "" if zh else "And "
        else:
            conn = (_ZH_SWITCH if zh else _SWITCH)[min(switches, 2)]
            switches += 1
        out.append(Sentence(conn + lead.text if zh else _join(conn, lead.text), lead.sources))
        if tie is not None and tie[0] == k:
            out.append(tie[1])
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
