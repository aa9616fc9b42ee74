"""Another outlet's sentence telling a printed sentence's fact in other words, known by
meaning: the embedding extra's sentence vectors (group/embeddings.py), when the config asks
for them (`EditorSettings.embeddings`, carried to the writer as `WriteSettings.embeddings`).

The word and verb-family tests of write/retold.py and write/told_again.py see a fact told
twice when the two tellings share words or a verb of one family; a paraphrase shares neither:
"Ada Lin was sentenced to three years and four months in prison" / "Lin received a 40-month
prison term"; "the video site banned the channel" / "the channel has been kicked off the
platform". Two sentences telling one fact lie close in the encoder's space, two facts of one
story further apart, and a later sentence of another article goes when a sentence of another
article printed before it is at least `ParagraphSettings.retold_alike` (0.70) alike (the
cosine of their unit vectors): one fact, whatever figure each gives it ("40 months" is "three
years and four months", where `retold._new_figure` reads another).

Never the opening nor a sentence of the opening's article (as `retold.retellings`: the
opening's own account goes on in its order), and never one writing a word of the headline
the rest does not print (`retold.promised`: the fact the headline promises). The line was
chosen on the lead's judged held-out paragraphs of sessions 33-34 (of the 10 with two
sentences of two outlets this alike, 9 were judged to tell a fact twice, 1 borderline); a lower line
(0.62, with no new figure) struck as many new facts as retellings on the benchmark weeks
(docs/editor.md).

What it cannot tell: another fact of the same actors on the same day is often as alike as
a retelling ("Flynn has been charged with making false statements" / "Flynn has agreed to
plead guilty to lying to the FBI"; "the president called for the comedian to be fired" / "the
comedian apologized"), and a figure the headline promises is no word of it (`promised`
reads words): on the benchmark weeks 9 of the 35 paragraphs it changed lost such a fact, 24
told a fact once that they told twice (docs/editor.md).

Only sentences the encoder reads as words: all-MiniLM-L6-v2 is an English model, and it puts two
Chinese sentences on unrelated facts (a regulator's notice, a city's robotics fund) 0.5 to 0.85
alike, as close as a retelling or closer, so a sentence writing Chinese characters (`lexicon.CJK_RE`) is never
measured, nor measured against.

The vectors of a paragraph's sentences are computed in one call (`vectors`) and kept by text
(a sentence is read again when its paragraph is chosen again). Without the extra installed,
or with it not asked for, nothing changes: the writer never needs the model.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from digest.edit.lexicon import CJK_RE
from digest.edit.settings import PARAGRAPH, ParagraphSettings
from digest.edit.write.lines import Key
from digest.edit.write.paragraph import Pick
from digest.edit.write.retold import promised
from digest.edit.write.told_again import bag

# Sentence vectors by text; emptied when it holds this many (a week's printed sentences are
# a few hundred).
_KEPT = 4096
_VECTORS: dict[str, np.ndarray] = {}


def vectors(texts: Sequence[str]) -> dict[str, np.ndarray] | None:
    """A unit vector per text (the extra's encoder, one call for those not yet kept), or None
    when the extra is not installed."""
    from digest.edit.group import embeddings  # imported lazily: the default never needs it

    fresh = [t for t in dict.fromkeys(texts) if t not in _VECTORS]
    if fresh:
        if not embeddings.is_available():
            return None
        try:
            rows = embeddings.encode(fresh)
        except embeddings.EmbeddingsUnavailable:
            return None
        if len(_VECTORS) + len(fresh) > _KEPT:
            _VECTORS.clear()
        _VECTORS.update(zip(fresh, rows, strict=True))
    return {t: _VECTORS[t] for t in texts}


def told_alike(picks: Sequence[Pick], headline: str,
               settings: ParagraphSettings = PARAGRAPH) -> frozenset[Key]:
    """The `picks` (as printed) telling a fact a sentence of another article printed before
    them tells, in other words (module docstring), by `Line.key`; never the opening nor a
    sentence of its article; empty without the extra."""
    if len(picks) < 2 or settings.retold_alike <= 0:
        return frozenset()
    first = picks[0]
    if all(p.line.article == first.line.article for p in picks):
        return frozenset()
    vec = vectors([p.text for p in picks if not CJK_RE.search(p.text)])
    if vec is None:
        return frozenset()
    told = bag(headline)
    out: set[Key] = set()
    for n, p in enumerate(picks):
        others = [o for o in picks[:n] if o.line.key not in out
                  and o.line.article != p.line.article and o.text in vec]
        if p is first or p.line.article == first.line.article or not others or (
                p.text not in vec):
            continue
        alike = max(float(vec[p.text] @ vec[o.text]) for o in others) >= settings.retold_alike
        rest = [o.text for o in picks if o is not p and o.line.key not in out]
        if alike and not promised(p.text, rest, told):
            out.add(p.line.key)
    return frozenset(out)
