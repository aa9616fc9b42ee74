"""Fuzz target: load_config gives a Config or a ConfigError (exit 2, one line), nothing else.

Inputs: a valid sources.yaml with keys, values and structure mutated (known keys with values
of every type, unknown and duplicate keys, deep nesting, anchors, tags, huge numbers, control
characters), and byte-level mutations of it."""

from __future__ import annotations

import tempfile
from pathlib import Path

from fuzzkit import Corpus, budget, mutated
from hypothesis import example, given
from hypothesis import strategies as st

from digest.config import Config, load_config
from digest.errors import ConfigError

VALID = """\
newsletter:
  title: Fuzz Weekly
  topics: [AI policy, 人工智能]
  timezone: Asia/Shanghai
  max_stories: 4
  base_url: https://example.org/fuzz/
sources:
  - name: One
    url: https://one.example/feed.xml
    kind: feed
    include: [AI]
  - name: Two
    url: /srv/mail/Maildir
    kind: mailbox
    newsletter: true
fetch:
  concurrency: 8
  read_timeout: 20
email:
  from: news@example.org
  recipients: [reader@example.org]
  smtp_host: smtp.example.org
  smtp_port: 587
  security: starttls
schedule:
  day_of_week: mon
  hour: 7
"""
KEYS = ["newsletter", "title", "topics", "timezone", "max_stories", "base_url", "language",
        "sources", "name", "url", "kind", "include", "exclude", "selector", "full_text",
        "fetch", "concurrency", "per_host", "read_timeout", "max_bytes", "max_items", "email",
        "from", "recipients", "recipients_file", "unsubscribe", "smtp_host", "smtp_port",
        "security", "timeout", "llm", "base_url", "model", "token_budget", "editor",
        "embeddings", "schedule", "day_of_week", "hour", "minute", "misfire_grace_time",
        "database", "output", "templates", "kidn", "<<", "? x", "", "1"]
SCALARS = st.one_of(
    st.sampled_from(["~", "null", "true", "no", "yes", "0", "-1", "99999", "1e999", ".nan",
                     "-.inf", "0x1F", "0o17", "1_000", "9" * 60, "2026-13-45", "2001-12-14t21:59:43.10-05:00",
                     "funday", "mon-fri", "starttls", "'a\\r\\nBcc: x@y'", '"\\ud800"', '"\\x00"',
                     "javascript:alert(1)", "http://127.0.0.1:99999/", "imaps://u@h/INBOX",
                     "Asia/Nowhere", "../../etc/passwd", "!!python/object:os.system x",
                     "!!binary aGk=", "&a x", "*a", "*undefined", "[a, b", "{a: 1}", "|", ">-"]),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.text(max_size=20).map(lambda t: '"' + t.replace("\\", "\\\\").replace('"', '\\"') + '"'),
)


@st.composite
def yaml_docs(draw: st.DrawFn) -> str:
    """VALID with lines replaced, duplicated, re-indented, or a generated block inserted."""
    lines = VALID.splitlines()
    for _ in range(draw(st.integers(1, 5))):
        at = draw(st.integers(0, len(lines)))
        op = draw(st.sampled_from(["pair", "pair", "value", "dup", "indent", "nest", "drop"]))
        if op == "pair":
            indent = draw(st.sampled_from(["", "  ", "    ", "  - "]))
            lines.insert(at, f"{indent}{draw(st.sampled_from(KEYS))}: {draw(SCALARS)}")
        elif op == "value" and at < len(lines) and ":" in lines[at]:
            key = lines[at].split(":", 1)[0]
            lines[at] = f"{key}: {draw(SCALARS)}"
        elif op == "dup" and at < len(lines):
            lines.insert(at, lines[at])
        elif op == "indent" and at < len(lines):
            lines[at] = " " * draw(st.integers(0, 7)) + lines[at].lstrip()
        elif op == "nest":
            depth = draw(st.integers(1, 2000))
            lines.insert(at, draw(st.sampled_from(KEYS)) + ": " + "[" * depth + "]" * depth)
        elif op == "drop" and at < len(lines):
            del lines[at]
    return "\n".join(lines) + "\n"


FRAGMENTS = [b":", b"-", b" ", b"\n", b"\t", b"[", b"{", b"&x ", b"*x", b"!!str ", b"\x00",
             b"\xff", b"\xef\xbb\xbf", b"'", b'"', b"#", b"%YAML 1.1\n---\n", b"---\n", b"...\n",
             b"  - name: Two\n    url: x\n", b"newsletter:\n  title: Again\n"]
DOCUMENTS = st.one_of(yaml_docs().map(str.encode), mutated(Corpus([VALID.encode()]), FRAGMENTS),
                      st.binary(max_size=200))


@budget(600)
@given(DOCUMENTS)
# Crash inputs (from issue 12, each now a named test in tests/core/test_core_config.py):
@example(b"newsletter:\n  title: " + b"[" * 20000 + b"]" * 20000 + b"\nsources: []\n")
@example(b"newsletter:\n  title: T\n  max_stories: " + b"9" * 5000 + b"\nsources: []\n")
def test_load_config_gives_a_config_or_a_config_error(document: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "sources.yaml"
        path.write_bytes(document)
        try:
            config = load_config(path)
        except ConfigError as exc:
            message = str(exc)
            assert message.startswith(str(path)) and "\n" not in message, message
            return
        assert isinstance(config, Config) and config.newsletter.title
