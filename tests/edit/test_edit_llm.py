"""The optional LLM path against a real OpenAI-compatible server on 127.0.0.1."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from digest.edit import edit_issue
from digest.models import Article, LLMSettings, Newsletter, Period

MakeArticle = Callable[..., Article]


class FakeLLM:
    """What the server answers: set `mode` per test; `calls` counts requests."""

    def __init__(self) -> None:
        self.mode = "good"
        self.calls = 0
        self.auth: list[str | None] = []


@pytest.fixture
def server() -> Iterator[tuple[str, FakeLLM]]:
    state = FakeLLM()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            state.calls += 1
            state.auth.append(self.headers.get("Authorization"))
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            sources = body["messages"][1]["content"].splitlines()[1:]
            first = sources[0].split(") ", 1)[1]
            if state.mode == "slow":
                time.sleep(1.0)
            if state.mode == "garbage":
                payload: Any = {"choices": [{"message": {"content": "I think the week was busy!"}}]}
            elif state.mode == "invent":
                answer = {"headline": "Tencent Buys the Regulator",
                          "sentences": [{"text": "Tencent said it paid 900 million dollars for the CAC.",
                                         "sources": [1]}]}
                payload = {"choices": [{"message": {"content": json.dumps(answer)}}]}
            elif state.mode == "error":
                self.send_response(503)
                self.end_headers()
                return
            else:
                answer = {"headline": "Regulators Take Aim at Recommendation Algorithms",
                          "sentences": [{"text": first, "sources": [1]},
                                        {"text": "The CAC said users must be given greater control over "
                                                 "the content they are shown.", "sources": [1, 2]}]}
                payload = {"choices": [{"message": {"content": json.dumps(answer)}}],
                           "usage": {"total_tokens": 1000}}
            data = json.dumps(payload).encode()
            try:
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout test)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/v1", state
    finally:
        httpd.shutdown()
        httpd.server_close()


def _issue(period: Period, make: MakeArticle, t: Any, llm: LLMSettings | None,
           arts: list[Article] | None = None) -> Any:
    arts = arts or [
        make(t.CAC_A, source="Xinhua", title="Regulator launches algorithm inspection", url="https://x.example/1"),
        make(t.CAC_B, source="SCMP", title="China's internet regulator targets algorithms", url="https://s.example/2")]
    return edit_issue(period, arts, newsletter=Newsletter(title="T", max_stories=1), sources=[],
                      health=[], llm=llm)


def _settings(url: str, tmp_path: Path, **kw: Any) -> LLMSettings:
    base: dict[str, Any] = {"timeout": 5.0, "retries": 1, "cache_dir": tmp_path / "cache"}
    base.update(kw)
    return LLMSettings(base_url=url, model="tiny", **base)


def test_good_answer_is_used_and_cached(server: tuple[str, FakeLLM], tmp_path: Path,
                                        period: Period, make_article: MakeArticle, texts: Any,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    url, state = server
    monkeypatch.setenv("DIGEST_LLM_API_KEY", "sekrit")
    issue = _issue(period, make_article, texts, _settings(url, tmp_path))
    assert issue.editor == "llm:tiny", issue.notes
    top = issue.stories[0]
    assert top.headline == "Regulators Take Aim at Recommendation Algorithms"
    assert all(s.sources for s in top.sentences)
    assert state.auth == ["Bearer sekrit"]
    again = _issue(period, make_article, texts, _settings(url, tmp_path))
    assert state.calls == 1  # the second run came from the cache
    assert again.stories[0].headline == top.headline


@pytest.mark.parametrize("mode,expect", [("garbage", "not JSON"), ("invent", "grounding"),
                                         ("error", "HTTP 503")])
def test_bad_answers_fall_back_to_extractive(server: tuple[str, FakeLLM], tmp_path: Path,
                                             period: Period, make_article: MakeArticle,
                                             texts: Any, mode: str, expect: str) -> None:
    url, state = server
    state.mode = mode
    offline = _issue(period, make_article, texts, None)
    issue = _issue(period, make_article, texts, _settings(url, tmp_path, retries=1))
    assert issue.editor == "offline"
    assert [s.text for s in issue.stories[0].sentences] == [
        s.text for s in offline.stories[0].sentences]
    assert any(expect in n for n in issue.notes), issue.notes


def test_timeout_falls_back(server: tuple[str, FakeLLM], tmp_path: Path, period: Period,
                            make_article: MakeArticle, texts: Any) -> None:
    url, state = server
    state.mode = "slow"
    issue = _issue(period, make_article, texts, _settings(url, tmp_path, timeout=0.2, retries=0))
    assert issue.editor == "offline"
    assert any("timed out" in n for n in issue.notes)


def test_over_budget_never_calls(server: tuple[str, FakeLLM], tmp_path: Path, period: Period,
                                 make_article: MakeArticle, texts: Any) -> None:
    url, state = server
    issue = _issue(period, make_article, texts, _settings(url, tmp_path, token_budget=50))
    assert state.calls == 0
    assert any("token budget" in n for n in issue.notes)


def test_no_llm_configured_touches_no_network(period: Period, make_article: MakeArticle,
                                              texts: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import httpx

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("network used without an llm config")

    monkeypatch.setattr(httpx.Client, "send", refuse)
    assert _issue(period, make_article, texts, None).editor == "offline"


def test_budget_goes_to_the_top_story_first(server: tuple[str, FakeLLM], tmp_path: Path,
                                            period: Period, make_article: MakeArticle,
                                            texts: Any) -> None:
    url, state = server
    arts = [make_article(texts.CAC_A, source="Xinhua", title="Regulator launches algorithm inspection"),
            make_article(texts.CAC_C, source="Caixin", title="Beijing takes aim at recommendation engines"),
            make_article(texts.AIIA_A, source="China Daily", title="AI alliance meets in Beijing")]
    llm = _settings(url, tmp_path, token_budget=1500)
    issue = edit_issue(period, arts, newsletter=Newsletter(title="T", max_stories=2), sources=[],
                       health=[], llm=llm)
    assert state.calls == 1
    assert issue.editor == "llm:tiny"
    assert issue.stories[0].headline == "Regulators Take Aim at Recommendation Algorithms"
    assert any(n.startswith("story 2:") and "token budget" in n for n in issue.notes), issue.notes
