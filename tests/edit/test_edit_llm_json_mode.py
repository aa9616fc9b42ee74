"""`llm.json_mode`: a small local model asked in plain chat carried its prompt on (Gemma 3 270M
on llama.cpp's server: every item "the answer is not JSON", llm42); asked for a JSON object
(`response_format`, which OpenAI, Ollama and llama.cpp's servers take) it answers in the JSON
the editor reads. Opt-in: an endpoint that does not know the field refuses the request, and
the issue is then written offline with the endpoint's reason in its notes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from llmserver import FakeLLM, serve

from digest.config import load_config
from digest.errors import LLMError
from digest.llm import ChatClient
from digest.models import LLMSettings

ASK = [{"role": "system", "content": "Task: story"}, {"role": "user", "content": "[1] x"}]


@pytest.fixture
def server() -> Iterator[tuple[str, FakeLLM]]:
    with serve() as running:
        yield running


def _client(url: str, tmp_path: Path, json_mode: bool) -> ChatClient:
    return ChatClient(LLMSettings(base_url=url, model="tiny", timeout=5.0, retries=0,
                                  cache_dir=tmp_path / "cache", json_mode=json_mode))


def test_json_mode_asks_every_request_for_a_json_object(
        server: tuple[str, FakeLLM], tmp_path: Path) -> None:
    url, state = server
    with _client(url, tmp_path, json_mode=True) as client:
        client.complete(ASK, 50)
    with _client(url, tmp_path / "other", json_mode=False) as client:
        client.complete(ASK, 50)
    assert state.formats == [{"type": "json_object"}, None]


def test_an_endpoint_that_refuses_json_mode_says_why(
        server: tuple[str, FakeLLM], tmp_path: Path) -> None:
    url, state = server
    state.answers = [(400, "application/json",
                      '{"error": {"message": "response_format is not supported"}}')]
    with _client(url, tmp_path, json_mode=True) as client, pytest.raises(LLMError) as raised:
        client.complete(ASK, 50)
    assert "response_format is not supported" in str(raised.value)


def test_the_config_reads_json_mode(tmp_path: Path) -> None:
    config = tmp_path / "sources.yaml"
    config.write_text("newsletter: {title: T}\nsources: []\nllm:\n  base_url: "
                      "http://127.0.0.1:8081/v1\n  model: m\n  json_mode: true\n",
                      encoding="utf-8")
    loaded = load_config(config).llm
    assert loaded is not None and loaded.json_mode
    config.write_text(config.read_text(encoding="utf-8").replace("true", "yes please"),
                      encoding="utf-8")
    with pytest.raises(Exception, match="json_mode"):
        load_config(config)
