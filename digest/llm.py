"""The OpenAI-compatible chat client the pipeline hands the editor when the config has `llm`.

The editor knows only the `Model` protocol (digest/edit/write/voice.py): a name and
`complete(messages, max_tokens) -> text`, raising `LLMError`. This module is the one that
speaks HTTP: `POST {base_url}/chat/completions` with cache, retries, a timeout and a token
budget, so `digest.edit` imports no HTTP library.

Cost control: a per-issue token budget (the prompt is estimated before sending, ≈ 4
characters a token, one a Chinese character; a request that would exceed what is left is
not sent), responses cached on disk by a hash of model + messages (a re-run costs nothing),
retries with exponential backoff (0.5 s, 1 s, …) on timeouts, connection errors, 429 and 5xx.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx

from digest.errors import LLMError
from digest.models import LLMSettings

BACKOFF = 0.5  # seconds before the first retry; doubles each time


def estimate_tokens(text: str) -> int:
    """About four characters a token for English; one a character for Chinese."""
    cjk = len(re.findall(r"[\u3400-\u9fff]", text))
    return cjk + (len(text) - cjk) // 4 + 1


def default_cache_dir() -> Path:
    env = os.environ.get("DIGEST_CACHE_DIR")
    return Path(env) / "llm" if env else Path.home() / ".cache" / "digest" / "llm"


@dataclass
class Budget:
    total: int
    spent: int = 0

    @property
    def left(self) -> int:
        return self.total - self.spent


class ChatClient:
    """A minimal OpenAI-compatible chat client with cache, retries and a token budget; it is
    the editor's `Model` (write/voice.py)."""

    def __init__(self, settings: LLMSettings, *, transport: httpx.BaseTransport | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = settings
        self.name = settings.model
        self.budget = Budget(settings.token_budget)
        self.cache_dir = settings.cache_dir or default_cache_dir()
        self.sleep = sleep
        headers = {"Content-Type": "application/json"}
        key = os.environ.get(settings.api_key_env)
        if key:
            headers["Authorization"] = f"Bearer {key}"
        self.http = httpx.Client(base_url=settings.base_url.rstrip("/") + "/", headers=headers,
                                 timeout=settings.timeout, transport=transport)

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> ChatClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def spent(self) -> str:
        return f"~{self.budget.spent} of {self.budget.total} tokens"

    def _cache_path(self, payload: dict[str, object]) -> Path:
        digest = hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()
        return self.cache_dir / digest[:2] / f"{digest}.json"

    def complete(self, messages: Sequence[dict[str, str]], max_tokens: int) -> str:
        payload: dict[str, object] = {"model": self.settings.model, "messages": list(messages),
                                      "temperature": 0, "max_tokens": max_tokens}
        path = self._cache_path(payload)
        if path.exists():
            try:
                cached = json.loads(path.read_text(encoding="utf-8"))
                return str(cached["content"])
            except (OSError, ValueError, KeyError):
                pass  # a corrupt cache entry is a miss
        need = sum(estimate_tokens(m["content"]) for m in messages) + max_tokens
        if need > self.budget.left:
            raise LLMError(f"token budget: needs ~{need}, {max(0, self.budget.left)} left")
        content, used = self._post(payload)
        self.budget.spent += used or need
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps({"content": content}), encoding="utf-8")
        except OSError:
            pass  # the cache is an optimisation, never a failure
        return content

    def _post(self, payload: dict[str, object]) -> tuple[str, int]:
        error = "no attempt"
        for attempt in range(self.settings.retries + 1):
            if attempt:
                self.sleep(BACKOFF * 2 ** (attempt - 1))
            try:
                resp = self.http.post("chat/completions", json=payload)
            except httpx.TimeoutException:
                error = f"timed out after {self.settings.timeout:g}s"
                continue
            except httpx.HTTPError as exc:
                error = f"connection failed: {exc.__class__.__name__}"
                continue
            if resp.status_code == 429 or resp.status_code >= 500:
                error = f"HTTP {resp.status_code}"
                continue
            if resp.status_code >= 400:
                raise LLMError(f"HTTP {resp.status_code}: {resp.text[:200]}")
            try:
                data = resp.json()
                content = data["choices"][0]["message"]["content"]
                usage = int((data.get("usage") or {}).get("total_tokens") or 0)
            except (ValueError, KeyError, IndexError, TypeError) as exc:
                raise LLMError(f"unusable response ({exc.__class__.__name__})") from exc
            if not isinstance(content, str):
                raise LLMError("unusable response (content is not text)")
            return content, usage
        raise LLMError(error)
