"""Another outlet's sentence telling a printed sentence's fact in other words, known by
meaning: the embedding extra's sentence vectors (group/embeddings.py), when the config asks
for them (`EditorSettings.embeddings`, carried to the writer as `WriteSettings.embeddings`).

The word and verb-family tests of write/retold.py and write/told_again.py see a fact told
twice when the two tellings share words or a verb of one family; a paraphrase shares neither:
"Ada Lin was sentenced to three years and four months in prison" / "Lin received a 40-month
prison term"; "the video site banned the channel" / "the channel has been kicked off the
platform". Two sentences telling one fact lie close in the encoder's space, two facts of one
story further apart, and a later sentence of another article goes when a sentence of another
article printed before it is alike (`alike`, by the lines of `ParagraphSettings.retold_alike`):
their unit vectors' cosine at least 0.70, or at least 0.62 with their words matching one
another (`aligned`, BERTScore's F1 over content words, at least 0.50): one fact, whatever
figure each gives it ("40 months" is "three years and four months", where
`retold._new_figure` reads another). Between 0.62 and 0.70 the mean vectors of a retelling
("Storm Elsa knocked out power to 200,000 homes" / "households were left without
electricity after Storm Elsa hit") and of the next act on the same subject ("The Senate
passed the farm bill" / "The House is expected to take up the farm bill") are as close; word
for word, power / electricity and homes / households match, the House's next step does not.

Never the opening nor a sentence of the opening's article (as `retold.retellings`: the
opening's own account goes on in its order), and never one writing a word of the headline
the rest does not print (`retold.promised`: the fact the headline promises). The lines were
chosen on the lead's judged held-out paragraphs of sessions 33-36 (213 paragraphs: the 0.70
line flags 14 of the 65 told twice and 1 of the 111 not; with the second, 25 and the same 1).

What it cannot tell: another fact of the same actors on the same day is often as alike as
a retelling, whole and word for word ("Flynn has been charged with making false statements"
/ "Flynn has agreed to plead guilty to lying to the FBI"; "Pompeo wrapped up his visit,
describing his talks as productive" / "Pompeo said logistics for the next summit are getting
close"), and a figure the headline promises is no word of it (`promised` reads words): on
the benchmark weeks the 0.70 line changed 35 paragraphs, 24 better and 9 worse, the second
46 more, 28 better and 13 worse (docs/editor.md).

Only sentences the encoder reads as words: all-MiniLM-L6-v2 is an English model, and it puts two
Chinese sentences on unrelated facts (a regulator's notice, a city's robotics fund) 0.5 to 0.85
alike, as close as a retelling or closer, so a sentence writing Chinese characters (`lexicon.CJK_RE`) is never
measured, nor measured against.

A paragraph's sentences are read in one call (`reads`: vectors and word rows from one
forward pass) and kept by text (a sentence is read again when its paragraph is chosen
again). Without the extra installed,
or with it not asked for, nothing changes: the writer never needs the model.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from digest.edit.group import embeddings
from digest.edit.lexicon import CJK_RE
from digest.edit.lexicon.words import STOPWORDS
from digest.edit.settings import PARAGRAPH, ParagraphSettings
from digest.edit.write.lines import Key
from digest.edit.write.paragraph import Pick
from digest.edit.write.retold import promised
from digest.edit.write.told_again import bag

_WORD = re.compile(r"\w")

# A sentence's vector and its content words' rows (`Read`) by text; emptied when it holds
# this many (a week's printed sentences are a few hundred).
_KEPT = 4096
_READ: dict[str, Read] = {}


@dataclass(frozen=True)
class Read:
    """One sentence as the encoder reads it: its unit vector (mean of its tokens' last hidden
    states) and a unit row per content word (a word of several WordPiece tokens, their mean),
    what `aligned` matches word by word."""

    vector: np.ndarray
    words: np.ndarray  # (content words x 384); empty when it has none


def _content(text: str, tokens: embeddings.Tokens) -> np.ndarray:
    """The rows of `text`'s content words (not `STOPWORDS`, at least two characters, a letter
    or digit in them): the tokens of one word ("ex", "##ile", "##d") averaged."""
    spans: list[tuple[int, int, list[int]]] = []
    for n, (piece, (a, b)) in enumerate(zip(tokens.pieces, tokens.spans, strict=True)):
        if piece.startswith("##") and spans:
            spans[-1] = (spans[-1][0], b, [*spans[-1][2], n])
        else:
            spans.append((a, b, [n]))
    rows = [tokens.rows[idx].mean(axis=0) for a, b, idx in spans
            if len(word := text[a:b]) > 1 and _WORD.search(word)
            and word.lower().replace("’", "'") not in STOPWORDS]
    if not rows:
        return np.zeros((0, embeddings.DIM), dtype=np.float32)
    out = np.stack(rows)
    unit: np.ndarray = out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
    return unit


def reads(texts: Sequence[str]) -> dict[str, Read] | None:
    """A `Read` per text (the extra's encoder, one call for those not yet kept), or None
    when the extra is not installed."""
    fresh = [t for t in dict.fromkeys(texts) if t not in _READ]
    if fresh:
        if not embeddings.is_available():
            return None
        try:
            rows, tokens = embeddings.encode_tokens(fresh)
        except embeddings.EmbeddingsUnavailable:
            return None
        if len(_READ) + len(fresh) > _KEPT:
            _READ.clear()
        _READ.update((t, Read(r, _content(t, k)))
                     for t, r, k in zip(fresh, rows, tokens, strict=True))
    return {t: _READ[t] for t in texts}


def aligned(one: Read, other: Read) -> float:
    """How much of each sentence the other says, word by word (BERTScore's F1): each content
    word of one matched to its most alike word of the other (cosine of their rows), the mean
    of those maxima either way (precision, recall), and their harmonic mean; 0 when either
    has no content word."""
    if not len(one.words) or not len(other.words):
        return 0.0
    sims = one.words @ other.words.T
    p, r = float(sims.max(axis=1).mean()), float(sims.max(axis=0).mean())
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def alike(one: Read, other: Read, settings: ParagraphSettings = PARAGRAPH) -> bool:
    """Whether two sentences tell one fact: their cosine and word alignment (`aligned`) both
    reach one of the `ParagraphSettings.retold_alike` lines."""
    cosine = float(one.vector @ other.vector)
    return any(cosine >= c and (f <= 0 or aligned(one, other) >= f)
               for c, f in settings.retold_alike)


def told_alike(picks: Sequence[Pick], headline: str,
               settings: ParagraphSettings = PARAGRAPH) -> frozenset[Key]:
    """The `picks` (as printed) telling a fact a sentence of another article printed before
    them tells, in other words (module docstring), by `Line.key`; never the opening nor a
    sentence of its article; empty without the extra."""
    if len(picks) < 2 or not settings.retold_alike:
        return frozenset()
    first = picks[0]
    if all(p.line.article == first.line.article for p in picks):
        return frozenset()
    read = reads([p.text for p in picks if not CJK_RE.search(p.text)])
    if read is None:
        return frozenset()
    told = bag(headline)
    out: set[Key] = set()
    for n, p in enumerate(picks):
        others = [o for o in picks[:n] if o.line.key not in out
                  and o.line.article != p.line.article and o.text in read]
        if p is first or p.line.article == first.line.article or not others or (
                p.text not in read):
            continue
        said = any(alike(read[p.text], read[o.text], settings) for o in others)
        rest = [o.text for o in picks if o is not p and o.line.key not in out]
        if said and not promised(p.text, rest, told):
            out.add(p.line.key)
    return frozenset(out)
