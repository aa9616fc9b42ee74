"""The vector space stories are clustered in: TF-IDF rows and, for bare headlines, a latent space.

Words: stemmed content words of title + title + body lead (bare headlines: and their bigrams,
and a word a headline uses as a name is another term than the common word; Chinese: character
bigrams), plus character 3-5-grams of the title (which catches
"Plosser"/"Plosser's" and Chinese names without a segmenter). Rows are L2-normalised, so a dot
product is a cosine. `Latent` holds unit rows of a second space (LSA over the TF-IDF rows, or
caller-supplied sentence embeddings) and how its cosine combines with the TF-IDF cosine.
"""

from __future__ import annotations

import itertools
import math
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

from digest.edit.group.anchors import name_words
from digest.edit.lexicon import content_words, terms

# With bodies, words carry the story and title character n-grams only help (a shared place
# name in two titles must not glue two stories); for headlines alone they are half the signal.
CHAR_WEIGHT_WITH_BODY = 0.4


@dataclass(frozen=True)
class Latent:
    """Unit rows of a latent space and how their cosine is combined with the TF-IDF cosine."""

    vectors: np.ndarray
    weight: float  # share of the latent cosine
    geometric: bool

    def combine(self, tfidf: np.ndarray, latent: np.ndarray) -> np.ndarray:
        """Pair similarities from the TF-IDF and latent cosines (arrays of equal shape)."""
        if self.geometric:
            return np.asarray(np.clip(tfidf, 0.0, None) ** (1 - self.weight)
                              * np.clip(latent, 0.0, None) ** self.weight)
        return np.asarray(self.weight * latent + (1 - self.weight) * tfidf)


NAME_MARK = "^"  # a name's term: "^voic" (The Voice) is not "voic" (human voices)
_PUNCTUATION = "'\"‘’“”()[]{}:;,.!?-–—"


def _stems(words: Iterable[str]) -> set[str]:
    return {s for w in words for s in content_words(w)}


def _words(line: str) -> Iterator[str]:
    return (w for w in (t.strip(_PUNCTUATION) for t in line.split()) if w)


def _cases(doc: str, week_names: set[str]) -> tuple[set[str], set[str]]:
    """The stems `doc` uses as names and those it uses as common words, read from its lines
    that have case (a line with no capital letter, such as a URL slug, says neither)."""
    lines = [line for line in doc.splitlines() if any(c.isupper() for c in line)]
    names = _stems(name_words(lines))
    names |= _stems(w for line in lines for w in _words(line) if w[0].isupper()) & week_names
    common = _stems(w for line in lines for w in _words(line) if w[0].islower())
    return names, common - names


def cased_terms(docs: Sequence[str]) -> list[list[str]]:
    """Each document's word terms, the words it uses as names marked (NAME_MARK): a word a
    text names something with ("The Voice", "Apple", "Ford") is another term than the common
    word ("human voices", "apples", "to ford a river").

    A name is a capitalised word standing mid-sentence (anchors.name_words), or capitalised
    at a sentence's start and a name elsewhere in the week; within a text every use of a
    name's word is the name's. A word only in lines with no case (a URL slug) takes the form
    the week uses it in most."""
    week_names = set().union(*(_stems(name_words([d])) for d in docs)) if docs else set()
    cases = [_cases(d, week_names) for d in docs]
    named: Counter[str] = Counter(s for names, _ in cases for s in names)
    common: Counter[str] = Counter(s for _, plain in cases for s in plain)
    out = []
    for d, (names, plain) in zip(docs, cases, strict=True):
        def form(t: str, names: set[str] = names, plain: set[str] = plain) -> str:
            if t in names or (t not in plain and named[t] > common[t]):
                return NAME_MARK + t
            return t

        out.append([form(t) for t in terms(d)])
    return out


def _word_features(words: list[str]) -> list[str]:
    return words + [f"{a} {b}" for a, b in itertools.pairwise(words)]


def _unigrams(words: list[str]) -> list[str]:
    return words


def vectorize(titles: Sequence[str], bodies: Sequence[str] | None = None,
              bigrams: bool = True, sharp_idf: bool = False,
              cased: bool = False) -> sp.csr_matrix:
    """L2-normalised TF-IDF rows: word terms (and their bigrams) of title + body lead, char
    n-grams of the title. `sharp_idf`: word weights idf = ln((1 + n) / (1 + df)), without
    sklearn's + 1, so a word every document has weighs nothing. `cased`: a word used as a
    name is another term than the common word (`cased_terms`)."""
    docs = [t if not bodies else f"{t}\n{t}\n{b}" for t, b in
            zip(titles, bodies or [""] * len(titles), strict=True)]
    word_docs = cased_terms(docs) if cased else [terms(d) for d in docs]
    words = TfidfVectorizer(analyzer=_word_features if bigrams else _unigrams,
                            sublinear_tf=True, dtype=np.float32)
    chars = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True,
                            dtype=np.float32, lowercase=True)
    blocks = []
    char_weight = CHAR_WEIGHT_WITH_BODY if bodies else 1.0
    data: Sequence[object]
    for vec, data, weight in ((words, word_docs, 1.0), (chars, list(titles), char_weight)):
        try:
            m = vec.fit_transform(data)
            if vec is words and sharp_idf:
                m = (m @ sp.diags((vec.idf_ - 1.0) / vec.idf_)).tocsr()
                m.eliminate_zeros()
            blocks.append(normalize(m) * weight)
        except ValueError:  # empty vocabulary: every document empty for this analyzer
            blocks.append(sp.csr_matrix((len(docs), 1), dtype=np.float32))
    matrix: sp.csr_matrix = normalize(sp.hstack(blocks).tocsr())
    return matrix


def lsa_space(x: sp.csr_matrix, dims: int) -> np.ndarray:
    """Unit rows whose dot product is the mean LSA cosine at `dims`, `dims/2` and `dims/4`.

    Truncated SVD components are nested (the first k of a 100-dimension fit are the k-dimension
    fit), so one decomposition gives all three resolutions. ARPACK: exact and deterministic.
    """
    dims = min(dims, min(x.shape) - 1)  # a week of near-copies can have few distinct terms
    with warnings.catch_warnings():
        # A week of identical headlines has zero variance: sklearn warns while computing the
        # explained-variance ratio, which nothing here uses.
        warnings.simplefilter("ignore", RuntimeWarning)
        z = TruncatedSVD(dims, algorithm="arpack", random_state=0).fit_transform(x)
    z = np.nan_to_num(z)
    levels = sorted({max(1, dims // 4), max(1, dims // 2), dims})
    parts = [normalize(z[:, :k]) / math.sqrt(len(levels)) for k in levels]
    return np.hstack(parts).astype(np.float32)
