"""Optional LLM rewriting through any OpenAI-compatible /chat/completions endpoint.

Only called when the config has an `llm` section. For each featured story, most important
first, the model gets the extractive paragraph's sentences and other candidate sentences,
numbered, and is asked for JSON: a headline and 4-8 sentences, each citing the numbers it
used. Every sentence is checked by `grounding.check` against the sentences it cites; one
failure and the whole story keeps its extractive version (notes say why).

Cost control: a per-issue token budget (prompt tokens are estimated before sending; a
story that would exceed what is left stays extractive), responses cached on disk by a
hash of model + messages (a re-run costs nothing), retries with exponential backoff on
timeouts, connection errors, 429 and 5xx, and a timeout per request.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import httpx

from digest.edit.lexicon import content_words
from digest.edit.write.grounding import HEADLINE_OVERLAP, check
from digest.errors import LLMError
from digest.models import Article, LLMSettings, Sentence, Story
from digest.text import split_sentences

BACKOFF = 0.5  # seconds before the first retry; doubles each time
MAX_TOKENS = 600  # completion tokens asked for per story
SOURCE_SENTENCES = 14
SYSTEM = (
    "You are the editor of a weekly newsletter. Rewrite the numbered source sentences into "
    "one factual paragraph of 4 to 8 sentences and a short, specific headline in your own "
    "voice (not a copy of any title). Use only facts in the sources; attribute claims "
    "(\"X said\", \"according to Y\"). Answer with JSON only: {\"headline\": str, "
    "\"sentences\": [{\"text\": str, \"sources\": [numbers]}]}."
)


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
    """A minimal OpenAI-compatible chat client with cache, retries and a token budget."""

    def __init__(self, settings: LLMSettings, *, transport: httpx.BaseTransport | None = None,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.settings = settings
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

    def _cache_path(self, payload: dict[str, object]) -> Path:
        digest = hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()
        return self.cache_dir / digest[:2] / f"{digest}.json"

    def chat(self, messages: list[dict[str, str]], max_tokens: int = MAX_TOKENS) -> str:
        payload: dict[str, object] = {"model": self.settings.model, "messages": messages,
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


def _parse(content: str) -> tuple[str, list[tuple[str, list[int]]]]:
    match = re.search(r"\{.*\}", content, re.S)
    if not match:
        raise LLMError("the answer is not JSON")
    try:
        data = json.loads(match.group(0))
        headline = str(data["headline"]).strip()
        sentences = [(str(s["text"]).strip(), [int(n) for n in s.get("sources", [])])
                     for s in data["sentences"]]
    except (ValueError, KeyError, TypeError) as exc:
        raise LLMError(f"the JSON lacks headline/sentences ({exc.__class__.__name__})") from exc
    if not headline or not 1 <= len(sentences) <= 10:
        raise LLMError("the JSON has no headline or a wrong number of sentences")
    return headline, sentences


def _pool(story: Story, by_url: dict[str, Article]) -> list[tuple[str, tuple[str, ...]]]:
    pool = [(s.text, s.sources) for s in story.sentences]
    seen = {t for t, _ in pool}
    for cite in story.articles:
        art = by_url.get(cite.url)
        if art is None:
            continue
        for sent in split_sentences(art.text)[:6]:
            if len(pool) >= SOURCE_SENTENCES:
                break
            if sent not in seen:
                seen.add(sent)
                pool.append((sent, (art.url,)))
    return pool


def _supporting(text: str, pool: list[tuple[str, tuple[str, ...]]]) -> list[tuple[str, tuple[str, ...]]]:
    mine = set(content_words(text))
    ranked = sorted(pool, key=lambda p: -len(mine & set(content_words(p[0]))))
    return ranked[:2]


def rewrite_story(client: ChatClient, story: Story, by_url: dict[str, Article]) -> Story:
    """The story rewritten by the model, or LLMError saying why it cannot be used."""
    pool = _pool(story, by_url)
    numbered = "\n".join(f"[{k}] ({', '.join(src)}) {text}" for k, (text, src) in
                         enumerate(pool, start=1))
    messages = [{"role": "system", "content": SYSTEM},
                {"role": "user", "content": f"Sources:\n{numbered}"}]
    headline, sentences = _parse(client.chat(messages))
    out: list[Sentence] = []
    for text, refs in sentences:
        cited = [pool[n - 1] for n in refs if 1 <= n <= len(pool)] or pool
        verdict = check(text, [t for t, _ in cited])
        if not verdict.ok:
            # Models mis-number citations; accept the sentence if the story's sources support
            # it, and cite the sentences that actually share its words.
            verdict = check(text, [t for t, _ in pool])
            if not verdict.ok:
                raise LLMError(f"failed the grounding check: {text[:60]!r} {verdict.why}")
            cited = _supporting(text, pool)
        urls = tuple(dict.fromkeys(u for _, src in cited for u in src))
        out.append(Sentence(text, urls))
    titles = {c.title.strip().lower() for c in story.articles}
    if headline.strip().lower() in titles:
        raise LLMError("the headline copies a source title")
    if not check(headline, [t for t, _ in pool], HEADLINE_OVERLAP, headline=True).ok:
        headline = story.headline  # a loose headline is replaced, the paragraph kept
    return replace(story, headline=headline, sentences=tuple(out))


def rewrite_issue(stories: Sequence[Story], articles: Sequence[Article], settings: LLMSettings,
                  *, transport: httpx.BaseTransport | None = None,
                  sleep: Callable[[float], None] = time.sleep) -> tuple[list[Story], list[str], bool]:
    """Rewrite featured stories in rank order; any failure keeps that story extractive."""
    by_url = {a.url: a for a in articles}
    client = ChatClient(settings, transport=transport, sleep=sleep)
    notes: list[str] = []
    out: list[Story] = []
    rewritten = 0
    try:
        for story in stories:
            if story.section != "in_our_feeds":
                out.append(story)
                continue
            try:
                out.append(rewrite_story(client, story, by_url))
                rewritten += 1
            except LLMError as exc:
                notes.append(f"story {story.rank}: LLM output not used ({exc}); extractive kept")
                out.append(story)
    finally:
        client.close()
    if rewritten:
        notes.append(f"LLM rewrote {rewritten} stor{'y' if rewritten == 1 else 'ies'}; "
                     f"~{client.budget.spent} of {client.budget.total} tokens used")
    return out, notes, rewritten > 0
