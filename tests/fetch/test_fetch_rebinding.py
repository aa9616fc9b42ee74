"""DNS rebinding: the connection goes to exactly the address the SSRF rule vetted.

A hostile DNS answers a public address for the check and a private one a moment later. Here
127.0.0.2 plays the public address (the test declares it public) and 127.0.0.3 the internal
service; both serve on the same port, so only the dialled address tells them apart."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Iterator, Sequence

import httpx
import pytest
from fetch_testkit import ARTICLE_HTML, Reply, ScriptServer, rss, rss_item

from digest.fetch import fetch_all
from digest.fetch import guard as guard_module
from digest.fetch.transport import CONNECT_TO, LeanTransport
from digest.models import FetchSettings, Source

PUBLIC, INTERNAL = "127.0.0.2", "127.0.0.3"


def _start(srv: ScriptServer) -> threading.Thread:
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    return thread


@pytest.fixture
def twins() -> Iterator[tuple[ScriptServer, ScriptServer]]:
    """A "public" and an "internal" server on one port, at two loopback addresses."""
    public = ScriptServer(PUBLIC)
    internal = ScriptServer(INTERNAL, public.server_address[1])
    threads = [_start(public), _start(internal)]
    try:
        yield public, internal
    finally:
        for srv, thread in zip((public, internal), threads, strict=True):
            srv.shutdown()
            srv.server_close()
            thread.join(timeout=5)


@pytest.fixture(autouse=True)
def public_is_public(monkeypatch: pytest.MonkeyPatch) -> None:
    original = guard_module.is_internal_ip
    monkeypatch.setattr(guard_module, "is_internal_ip",
                        lambda ip: ip != PUBLIC and original(ip))


class Rebinding:
    """Public for the first answer, internal for every later one."""

    def __init__(self, first: Sequence[str] = (PUBLIC,)) -> None:
        self.first = list(first)
        self.calls: list[str] = []

    async def __call__(self, host: str) -> list[str]:
        self.calls.append(host)
        return self.first if len(self.calls) == 1 else [INTERNAL]


def _feed(server: ScriptServer, link: str) -> Source:
    body = rss([rss_item("g1", title="Story", link=link, description="Short summary.")])
    server.route("/feed.xml", Reply(200, body.encode(),
                                    {"Content-Type": "application/rss+xml"}))
    return Source("feed", server.url("/feed.xml"))


def test_full_text_follow_connects_to_the_vetted_address(
        server: ScriptServer, twins: tuple[ScriptServer, ScriptServer],
        settings: FetchSettings) -> None:
    public, internal = twins
    port = public.server_address[1]
    for srv, body in ((public, ARTICLE_HTML.encode()), (internal, b"<p>internal secret</p>")):
        srv.route("/story", Reply(200, body, {"Content-Type": "text/html"}))
    resolver = Rebinding()
    source = _feed(server, f"http://news.rebind.test:{port}/story")
    [result] = fetch_all([source], {}, settings, resolver=resolver)
    assert result.status == "ok", result.error
    [item] = result.items
    assert "The page headline" in item.content and "secret" not in item.content
    assert public.count("/story") == 1
    assert internal.hits == []
    # Host stays the name in the URL although we dialled an address.
    assert {hit.headers["host"] for hit in public.hits} == {f"news.rebind.test:{port}"}
    assert public.count("/robots.txt") == 1  # robots.txt went to the vetted address too


def test_redirect_hop_rebinding_is_refused(
        server: ScriptServer, twins: tuple[ScriptServer, ScriptServer],
        settings: FetchSettings) -> None:
    """The first hop is public; the redirect target's host answers internal: refused."""
    public, internal = twins
    port = public.server_address[1]
    public.route("/story", Reply(301, b"", {"Location": f"http://intranet.test:{port}/admin"}))
    internal.route("/admin", Reply(200, b"<p>admin</p>", {"Content-Type": "text/html"}))
    resolver = Rebinding()
    source = _feed(server, f"http://news.rebind.test:{port}/story")
    [result] = fetch_all([source], {}, settings, resolver=resolver)
    assert result.status == "ok"  # the feed item is kept; its page was refused
    assert internal.hits == []
    assert resolver.calls == ["news.rebind.test", "intranet.test"]
    assert "refused intranet.test: internal address 127.0.0.3" in (result.error or ""), result.error


@pytest.mark.parametrize("answer", [[INTERNAL], [PUBLIC, INTERNAL]])
def test_a_host_with_any_internal_address_is_refused(
        server: ScriptServer, twins: tuple[ScriptServer, ScriptServer],
        settings: FetchSettings, answer: list[str]) -> None:
    public, internal = twins
    port = public.server_address[1]
    for srv in twins:
        srv.route("/feed.xml", Reply(200, b"<rss/>"))
    # The feed itself is configured on 127.0.0.1, so its link is a foreign host.
    source = _feed(server, f"http://evil.test:{port}/feed.xml")
    [result] = fetch_all([source], {}, settings, resolver=Rebinding(answer))
    assert result.status == "ok"
    assert public.hits == [] and internal.hits == []
    assert "internal address 127.0.0.3" in (result.error or "")


def test_transport_dials_the_pinned_address(twins: tuple[ScriptServer, ScriptServer]) -> None:
    public, internal = twins
    port = public.server_address[1]
    for srv, body in ((public, b"public"), (internal, b"internal")):
        srv.route("/", Reply(200, body))

    async def get(pinned: tuple[str, ...]) -> bytes:
        transport = LeanTransport(connect_timeout=1.0, read_timeout=1.0)
        async with httpx.AsyncClient(transport=transport) as client:
            response = await client.get(f"http://127.0.0.3:{port}/",
                                        extensions={CONNECT_TO: pinned})
            return response.content

    # The URL names the internal address, the pin the public one: the pin wins. An
    # unreachable first address falls through to the next.
    assert asyncio.run(get((PUBLIC,))) == b"public"
    assert asyncio.run(get(("127.0.0.9", PUBLIC))) == b"public"
    assert asyncio.run(get(())) == b"internal"
