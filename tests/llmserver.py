"""A scripted OpenAI-compatible chat server on 127.0.0.1, for the LLM path's tests.

`FakeLLM.mode` picks how it answers: a scripted editor ("good", and the modes `_answer`
reads), or an endpoint failing ("garbage", "error" 503, "slow" 1 s late, "hang" until the
client gives up, "trickle" a byte at a time), or a real model's captured shapes ("echo": Gemma 3
270M's, `drop_system`); `answers` queues exact replies first.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class FakeLLM:
    """What the server answers: set `mode` per test (and `broken`: tasks answered with an
    invention); `calls` counts requests, `tasks` records which items were asked for."""

    def __init__(self) -> None:
        self.mode = "good"
        self.broken: set[str] = set()
        self.calls = 0
        self.tasks: list[str] = []
        self.auth: list[str | None] = []
        self.headers: dict[str, str] = {}  # sent with each answer (Retry-After)
        self.answers: list[tuple[int, str, str]] = []  # (status, content type, body) to send
        # first, one per request, before `mode` answers
        # A chat template without a system role: the system message never reaches the model
        # (llama-cpp-python's "gemma" format drops it), which then answers as Gemma 3 270M did
        self.drop_system = False
        self.prompts: list[str] = []  # what reached the model, each request's messages joined
        self.formats: list[object] = []  # each request's response_format (None: not asked)


def echoed(prompt: str, most: int = 2400) -> str:
    """What Gemma 3 270M (a base model: no chat template) answered every task on a real
    llama.cpp server: its prompt echoed, the numbered lines carried on ("[15] …", the same
    lines again) until max_tokens cut it off mid-line; no JSON."""
    lines = [m.group(1) for m in re.finditer(r"^\[\d+\] (.*)$", prompt, re.M)] or ["Sources:"]
    out, n = prompt, len(lines)
    while len(out) < most:
        n += 1
        out += f"\n[{n}] {lines[n % len(lines)]}"
    return out[:most]


INVENTED = {"text": "Tencent said it paid 900 million dollars for the CAC.", "sources": [1]}


# mode: (headline or "", second sentence or ""): what only the shape of a text rules out
CONTROL = "users must be given greater control over the content they are shown"
SHAPES = {
    "markup": ("", f"The CAC said [{CONTROL}](javascript:steal)."),
    "long headline": (" ".join(["Regulators Take Aim at Recommendation Algorithms"] * 300), ""),
    "cut": ("", "The CAC said users must be given greater control over the"),
    # Gemma 3 270M's headline over "China's AI labelling rules enter phase two": the topic
    "topic": ("Recommendation algorithms", ""),
    # Gemma 3 270M's quotations ("Trump's 'teensy hands'" from his "teensy" hands)
    "misquoted headline": ("Regulators Take Aim at 'Information Cocoon Algorithms'", ""),
    "first person": ("", "We must be given greater control over the content we are shown."),
    "misquote": ("", "The CAC said users must be given \"greater control over their feeds\"."),
    "two in one": ("", f"The CAC said {CONTROL}. The CAC said {CONTROL}."),
    "negated": ("", f"The CAC said {CONTROL.replace('must be', 'must not be')}."),
}
INTROS = {"good": "This week, regulators take aim at recommendation algorithms.",
          "chinese intro": "本周 CAC 与 recommendation algorithms。",
          "welcome": "Welcome to China Chatbot: this week, regulators take aim at recommendation algorithms.",
          "markup": "This week, regulators take aim at <b>recommendation algorithms</b>.",
          "cut": "This week, regulators take aim at recommendation"}


def _answer(task: str, user: str, state: FakeLLM) -> dict[str, Any]:
    """A scripted editor: the first numbered source, and one more sentence it supports."""
    lines = [m.group(1) for m in re.finditer(r"^\[\d+\] (.*)$", user, re.M)]
    first = {"text": lines[0] if lines else "", "sources": [1]}
    if state.mode == "invent" or task in state.broken:
        return {"headline": "Tencent Buys the Regulator", "sentences": [INVENTED],
                "text": INVENTED["text"], "answers": [{"question": "Which is?",
                                                       "sentences": [INVENTED]}]}
    obeyed = [n for n, line in enumerate(lines, start=1) if "Ignore previous" in line]
    if state.mode == "obey" and obeyed:  # what the article's injected instruction asks for
        told = {"text": "Tencent said it paid 900 million dollars for the CAC.",
                "sources": obeyed}
        return {"headline": "Tencent Buys the Regulator", "sentences": [first, told]}
    if task == "story":
        said = "The CAC said today" if state.mode == "today" else "The CAC said"
        second = {"text": f"{said} users must be given greater control over the content "
                          "they are shown.", "sources": [1, 2]}
        head = "Regulators Take Aim at Recommendation Algorithms"
        sentences = [first, second]
        if state.mode == "struck":  # what a copy editor strikes, grounded all the same
            head = "Regulators Take Aim at Recommendation Algorithms and"
            sentences = [{"text": "It will run until mid-February, the agency said.",
                          "sources": [1]}, first]
        elif state.mode == "open quote":
            sentences = [first, {**second, "text": str(second["text"]).replace(
                "greater control", "“greater control")}]
        elif state.mode in SHAPES:  # grounded, but not printable as it is
            head, text = SHAPES[state.mode]
            head = head or "Regulators Take Aim at Recommendation Algorithms"
            sentences = [first, {**second, "text": text or second["text"]}]
        elif state.mode == "new fact":  # what the extractive writer's word rules call said
            sentences = [{"text": "The Cyberspace Administration of China (CAC) has launched "
                                  "an inspection campaign to overhaul the recommendation "
                                  "algorithms of internet platforms.", "sources": [1]},
                         {"text": "Officials said recommendation algorithms create "
                                         "information cocoons on internet platforms.",
                                 "sources": [1]}]
        return {"headline": head, "sentences": sentences}
    if task == "tldr":
        return {"sentences": [first]}
    if task == "intro":
        return {"text": INTROS.get(state.mode, INTROS["good"])}
    questions = user.split("Questions:\n", 1)[1].splitlines()
    if state.mode == "reworded":  # the questions as a model may echo them
        questions = [q.upper().replace("'", "’").replace("?", " ?") for q in questions]
    return {"answers": [{"question": q, "sentences": [first]} for q in questions]}


@contextmanager
def serve() -> Iterator[tuple[str, FakeLLM]]:
    """The server on a free port while the block runs: its /v1 base URL and its state."""
    state = FakeLLM()
    stop = threading.Event()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def reply(self, status: int, kind: str, data: bytes) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                for name, value in state.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout test)

        def do_POST(self) -> None:
            state.calls += 1
            state.auth.append(self.headers.get("Authorization"))
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            state.formats.append(body.get("response_format"))
            messages = [m for m in body["messages"]
                        if not (state.drop_system and m["role"] == "system")]
            prompt = "\n\n".join(m["content"] for m in messages)
            state.prompts.append(prompt)
            user = messages[-1]["content"]
            asked = re.search(r"Task: (\w+)", prompt)
            task = asked.group(1) if asked else "none"  # (the task never reached the model)
            state.tasks.append(task)
            if state.answers:
                status, kind, text = state.answers.pop(0)
                self.reply(status, kind, text.encode())
                return
            if state.mode == "hang":  # until the client gives up (or the test ends)
                stop.wait(30)
                return
            if state.mode == "trickle":  # a byte at a time, each well within a read timeout
                self.send_response(200)
                self.send_header("Content-Length", "1000")
                self.end_headers()
                for _ in range(200):
                    if stop.wait(0.05):
                        return
                    try:
                        self.wfile.write(b" ")
                        self.wfile.flush()
                    except (BrokenPipeError, ConnectionResetError):
                        return
                return
            if state.mode == "slow":
                time.sleep(1.0)
            if state.mode == "garbage":
                payload: Any = {"choices": [{"message": {"content": "I think the week was busy!"}}]}
            elif state.mode == "echo" or task == "none":
                payload = {"choices": [{"message": {"content": echoed(prompt)},
                                        "finish_reason": "length"}],
                           "usage": {"total_tokens": 1000}}
            elif state.mode == "error":
                self.send_response(503)
                self.end_headers()
                return
            else:
                payload = {"choices": [{"message": {"content": json.dumps(
                    _answer(task, user, state))}}], "usage": {"total_tokens": 1000}}
            self.reply(200, "application/json", json.dumps(payload).encode())

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/v1", state
    finally:
        stop.set()
        httpd.shutdown()
        httpd.server_close()


