"""The OpenAI-compatible chat client the pipeline hands the editor when the config has `llm`.

The editor knows only the `Model` protocol (digest/edit/write/voice.py): a name and
`complete(messages, max_tokens) -> text`, raising `LLMError`. This module is the one that
speaks HTTP: `POST {base_url}/chat/completions` with cache, retries, a timeout and a token
budget, so `digest.edit` imports no HTTP library.

Cost control: a per-issue token budget (the prompt is estimated before sending, ≈ 4
characters a token, one a Chinese character; a request that would exceed what is left is
not sent), responses that hold a JSON object cached on disk by a hash of model + messages
(a re-run costs nothing; a garbled one is asked again), retries with exponential backoff
(0.5 s, 1 s, …) on timeouts, connection errors, 429 and 5xx (a Retry-After up to
`RETRY_AFTER_MOST` is waited out instead; a longer one is not).

Bounded: `timeout` is the whole of one attempt (connecting, waiting, reading: a server that
trickles its answer a byte at a time is cut off at it), and an answer is read up to
`MAX_ANSWER` bytes. An endpoint that fails as a whole (timed out or 5xx after its retries, no
connection, a key refused, no chat API at the URL, a page that is not a chat completion)
raises `LLMUnavailable`, logged once: the editor then asks it nothing more.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx

from digest.errors import LLMError, LLMOutOfTime, LLMUnavailable
from digest.models import LLMSettings

log = logging.getLogger("digest")

BACKOFF = 0.5  # seconds before the first retry; doubles each time
RETRY_AFTER_MOST = 30.0  # seconds: a longer Retry-After gives up (an issue does not wait an hour)
MAX_ANSWER = 1_000_000  # bytes: a chat answer of max_tokens is a few KB
# What an HTTP status says about the endpoint as a whole (every later item would get it too)
REFUSED = {401: "refuses the key", 403: "refuses the key",
           404: "has no chat API at {url} (an OpenAI-compatible base_url usually ends in /v1)",
           405: "has no chat API at {url} (an OpenAI-compatible base_url usually ends in /v1)"}
# A 404 that names the model is the API's own answer (Ollama: 'model "x" not found, try pulling
# it first'; OpenAI: 'The model `x` does not exist'): the URL is right, the model is not there
NO_MODEL = re.compile(r"\bmodel\b.{0,80}\b(?:not found|does not exist|not exist|unknown)\b",
                      re.I | re.S)
_TAG = re.compile(r"<[^>]*>|[\x00-\x1f\x7f]+")


def excerpt(body: str, most: int = 160) -> str:
    """A server's words as one plain line: tags and control characters out, at most `most`."""
    text = " ".join(_TAG.sub(" ", body).split())
    return text if len(text) <= most else text[:most - 1] + "…"


def shown_url(url: str, tail: str = "") -> str:
    """`url` (`tail` added to its path) without what may be a secret: its user part (a
    token, a password), its query."""
    parts = urlsplit(url)
    netloc = parts.netloc
    if "@" in netloc:
        netloc = "***@" + netloc.rsplit("@", 1)[1]
    path = parts.path.rstrip("/") + tail if tail else parts.path
    return urlunsplit((parts.scheme, netloc, path, "…" if parts.query else "", ""))


def _seconds_asked(value: str | None) -> float | None:
    """The seconds a Retry-After header asks for (seconds or an HTTP date), or None: the fetch
    stage's reading of it (`fetch.dates.retry_after`, capped at a week), from now."""
    from .fetch.dates import retry_after  # (here: a run without a model never loads it)

    now = datetime.now(UTC)
    when = retry_after(value, now)
    return None if when is None else (when - now).total_seconds()


def _key_error(key: str, env: str) -> str | None:
    """Why the key cannot be sent in an HTTP header (a character outside printable ASCII: a
    smart quote or a non-breaking space pasted with it), or None. The key is never quoted."""
    for k, ch in enumerate(key):
        if not (ch.isascii() and ch.isprintable()):
            shown = ch.encode("unicode_escape").decode()
            return (f"${env} holds a character an HTTP header cannot carry ({shown} at "
                    f"position {k + 1}): set it to the key alone")
    return None


def _holds_json(content: str) -> bool:
    """Whether an answer holds a JSON object, as every task asks: only such an answer is
    cached. A flaky server's one garbled answer was replayed from the cache on every re-run,
    after the server was fixed too (the key is the model and the prompt, not the URL)."""
    start = content.find("{")
    if start < 0:
        return False
    try:
        json.JSONDecoder().raw_decode(content, start)
    except (ValueError, RecursionError):
        return False
    return True


def _tokens(usage: object) -> int:
    """`usage.total_tokens` when it is a count; else 0, and the estimate is charged (an
    endpoint's "lots", 1e400 or -10**9 neither crashes the run nor refills the budget)."""
    total = usage.get("total_tokens") if isinstance(usage, dict) else None
    return total if isinstance(total, int) and not isinstance(total, bool) and total > 0 else 0


class _TooSlow(Exception):
    """One attempt passed `timeout` while the answer was still arriving."""


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
                 sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.settings = settings
        self.name = settings.model
        self.budget = Budget(settings.token_budget)
        self.cache_dir = settings.cache_dir or default_cache_dir()
        self.sleep = sleep
        self.clock = clock
        self.first_request: float | None = None  # (the time budget runs from it)
        headers = {"Content-Type": "application/json"}
        key = (os.environ.get(settings.api_key_env) or "").strip()  # (`$(cat key.txt)`'s newline)
        self.key_error = _key_error(key, settings.api_key_env)
        if key and not self.key_error:
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
    def shown_url(self) -> str:
        """`base_url` as a log line or a note may show it: no password, no query (a key)."""
        return shown_url(self.settings.base_url)

    @property
    def spent(self) -> str:
        return f"~{self.budget.spent} of {self.budget.total} tokens"

    def _cache_path(self, payload: dict[str, object]) -> Path:
        digest = hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()
        return self.cache_dir / digest[:2] / f"{digest}.json"

    def complete(self, messages: Sequence[dict[str, str]], max_tokens: int) -> str:
        payload: dict[str, object] = {"model": self.settings.model, "messages": list(messages),
                                      "temperature": 0, "max_tokens": max_tokens}
        if self.settings.json_mode:  # (every answer the editor asks for is one JSON object)
            payload["response_format"] = {"type": "json_object"}
        path = self._cache_path(payload)
        if path.exists():
            try:
                cached = json.loads(path.read_text(encoding="utf-8"))
                return str(cached["content"])
            except (OSError, ValueError, KeyError, TypeError):
                pass  # a corrupt cache entry is a miss
        need = sum(estimate_tokens(m["content"]) for m in messages) + max_tokens
        if need > self.budget.left:
            raise LLMError(f"token budget: needs ~{need}, {max(0, self.budget.left)} left")
        content, used = self._post(payload)
        self.budget.spent += used or need
        if _holds_json(content):  # (prose or a cut-off object is asked again next run)
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(json.dumps({"content": content}), encoding="utf-8")
            except OSError:
                pass  # the cache is an optimisation, never a failure
        return content

    def _post(self, payload: dict[str, object]) -> tuple[str, int]:
        try:
            if self.key_error:
                raise LLMUnavailable(self.key_error)
            now = self.clock()
            if self.first_request is None:
                self.first_request = now
            if now - self.first_request >= self.settings.time_budget:
                raise LLMOutOfTime(f"its time budget of {self.settings.time_budget:g}s "
                                   "for this issue is spent")
            return self._attempts(payload)
        except LLMUnavailable as exc:
            log.warning("LLM %s at %s: %s; the rest of the issue is written offline",
                        self.settings.model, self.shown_url, exc)
            raise

    def _attempts(self, payload: dict[str, object]) -> tuple[str, int]:
        error = "no attempt"
        wait = 0.0
        tries = self.settings.retries + 1
        for attempt in range(tries):
            if attempt:
                self.sleep(max(wait, BACKOFF * 2 ** (attempt - 1)))
            wait = 0.0
            try:
                status, headers, body = self._send(payload)
            except (httpx.TimeoutException, _TooSlow):
                error = f"timed out after {self.settings.timeout:g}s"
                continue
            except httpx.HTTPError as exc:
                error = (f"cannot connect to {self.shown_url} "
                         f"({exc.__class__.__name__})")
                continue
            if status == 429 or status >= 500:
                error = f"HTTP {status}"
                asked = _seconds_asked(headers.get("retry-after"))
                if asked is not None and asked > RETRY_AFTER_MOST:
                    raise LLMUnavailable(f"HTTP {status}, asking to retry after {asked:g}s "
                                         f"(at most {RETRY_AFTER_MOST:g}s is waited)")
                wait = asked or 0.0
                continue
            if status in REFUSED:
                raise LLMUnavailable(self._refused(status, body))
            if status >= 400:
                raise LLMError(f"HTTP {status}: {excerpt(body.decode('utf-8', 'replace'))}")
            return self._parse(headers.get("content-type", ""), body)
        raise LLMUnavailable(f"{error} ({tries} attempt{'s' if tries != 1 else ''})")

    def _send(self, payload: dict[str, object]) -> tuple[int, httpx.Headers, bytes]:
        """One attempt, within `timeout` as a whole and `MAX_ANSWER` bytes."""
        deadline = time.monotonic() + self.settings.timeout
        body = bytearray()
        with self.http.stream("POST", "chat/completions", json=payload) as resp:
            for chunk in resp.iter_bytes():
                body += chunk
                if time.monotonic() > deadline:
                    raise _TooSlow
                if len(body) > MAX_ANSWER:
                    raise LLMError(f"the answer passed {MAX_ANSWER:,} bytes; not read further")
            return resp.status_code, resp.headers, bytes(body)

    def _refused(self, status: int, body: bytes) -> str:
        said = excerpt(body.decode("utf-8", "replace"))
        if status == 404 and NO_MODEL.search(said):
            return f"HTTP 404: the endpoint has no model {self.settings.model!r}: {said}"
        why = REFUSED[status].replace("{url}", shown_url(self.settings.base_url,
                                                         "/chat/completions"))
        if status in (401, 403):
            env = self.settings.api_key_env
            why += f" (${env} is not set)" if not os.environ.get(env) else f" (from ${env})"
        return f"HTTP {status}: the endpoint {why}" + (f": {said}" if said else "")

    @staticmethod
    def _parse(kind: str, body: bytes) -> tuple[str, int]:
        """The answer's text and tokens used; `LLMUnavailable` when the endpoint's answer is
        not a chat completion at all, `LLMError` when this one answer is unusable."""
        kind = kind.split(";")[0].strip() or "no content type"
        if kind == "text/event-stream":
            raise LLMUnavailable("the endpoint answered a stream (text/event-stream), which was "
                                 "not asked for")
        try:
            data = json.loads(body)
        except (ValueError, RecursionError) as exc:
            raise LLMUnavailable(f"the endpoint answered {kind}, not a chat completion: "
                                 f"{excerpt(body.decode('utf-8', 'replace'), 80)!r}") from exc
        if not isinstance(data, dict) or "choices" not in data:
            said = excerpt(json.dumps(data, ensure_ascii=False), 120)
            raise LLMUnavailable(f"the endpoint answered JSON that is not a chat completion: "
                                 f"{said}")
        try:
            content = data["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError) as exc:
            raise LLMError(f"unusable response ({exc.__class__.__name__})") from exc
        if not isinstance(content, str):
            raise LLMError("unusable response (content is not text)")
        return content, _tokens(data.get("usage"))
