"""What `transport.LeanTransport` makes of a response head: an httpx.Response whose body is
read from the connection as it is consumed (`Body`).

Apart from the transport because it needs httpx (~11 ms of imports, with urllib.request,
http.client and email): the transport sends a run's first requests without it, and the run
loads this while they are in flight (`preload`, called by fetch.runner once the first wave is
out), or with the first answer.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from .transport import Conn, LeanTransport, Origin

_NO_BODY = {204, 304}


def answer(transport: LeanTransport, request: httpx.Request | None, origin: Origin,
           conn: Conn, raw: bytes) -> httpx.Response:
    """The response whose head is `raw` (status line and headers, up to the blank line)."""
    lines = raw.decode("latin-1").split("\r\n")
    parts = lines[0].split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/1.") or not digits(parts[1]):
        conn.close()
        raise httpx.RemoteProtocolError(f"malformed status line {lines[0][:80]!r}")
    status = int(parts[1])
    headers: list[tuple[str, str]] = []
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers.append((name.strip(), value.strip()))
    lowered = {k.lower(): v for k, v in headers}
    # As bytes: httpx would encode str values as ASCII and raise on any other byte (a
    # "charset=utfé" sank the source); given bytes, it decodes them as a browser does.
    raw_headers = [(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers]
    keep = parts[0] == "HTTP/1.1" and "close" not in lowered.get("connection", "").lower()
    chunked = "chunked" in lowered.get("transfer-encoding", "").lower()
    length_text = lowered.get("content-length", "")
    if len({v for k, v in headers if k.lower() == "content-length"}) > 1:
        # Which one frames the body? Read by the last, the rest of a longer body became the
        # start of the next answer on the kept-alive connection (RFC 9112 6.3: an error).
        conn.close()
        raise httpx.RemoteProtocolError("conflicting Content-Length headers")
    length = int(length_text) if digits(length_text) else None
    if chunked and length_text:
        # Transfer-Encoding overrides Content-Length, and the connection is not used again
        # (RFC 9112 6.3): what one framing leaves after the other ends is no next answer.
        keep = False
    if (request is not None and request.method == "HEAD") or status in _NO_BODY:
        length, chunked = 0, False
    body = Body(transport, origin, conn, length, chunked, keep)
    return httpx.Response(status, headers=raw_headers, stream=body, request=request,
                          extensions={"http_version": parts[0].encode("ascii")})


def stale(exc: Exception) -> bool:
    """Whether what a kept-alive connection's exchange raised says the server had closed it
    (then the request is sent once more, on a fresh connection)."""
    return isinstance(exc, (httpx.RemoteProtocolError, httpx.ReadError))


def digits(text: str) -> bool:
    """ASCII digits only ("²" is a digit to str.isdigit, and int() refuses it)."""
    return text.isascii() and text.isdigit()


class Body(httpx.AsyncByteStream):
    """The response body, read lazily; the connection goes back to the pool when the body
    was read to its end on a keep-alive connection."""

    def __init__(self, transport: LeanTransport, origin: Origin, conn: Conn,
                 length: int | None, chunked: bool, keep: bool) -> None:
        self._transport = transport
        self._origin = origin
        self._conn = conn
        self._length = length
        self._chunked = chunked
        self._keep = keep
        self._done = length == 0 and not chunked  # nothing to read: reusable as it is

    async def __aiter__(self) -> AsyncIterator[bytes]:
        read = self._transport.read_timeout
        reader = self._conn.reader
        try:
            if self._chunked:
                while True:
                    line = await self._timed(reader.readline(), read)
                    size = int(line.split(b";", 1)[0].strip() or b"0", 16)
                    if size == 0:
                        while (await self._timed(reader.readline(), read)).strip():
                            pass  # trailers
                        break
                    remaining = size
                    while remaining:
                        chunk = await self._timed(reader.read(min(remaining, 65536)), read)
                        if not chunk:
                            raise httpx.RemoteProtocolError("connection closed mid-chunk")
                        remaining -= len(chunk)
                        yield chunk
                    await self._timed(reader.readexactly(2), read)
            elif self._length is not None:
                remaining = self._length
                while remaining:
                    chunk = await self._timed(reader.read(min(remaining, 65536)), read)
                    if not chunk:
                        raise httpx.RemoteProtocolError(
                            f"connection closed with {remaining} bytes of the body missing")
                    remaining -= len(chunk)
                    yield chunk
            else:
                self._keep = False
                while chunk := await self._timed(reader.read(65536), read):
                    yield chunk
            self._done = True
        except ValueError as exc:
            raise httpx.RemoteProtocolError(f"malformed chunked body: {exc}") from exc
        except asyncio.IncompleteReadError as exc:
            raise httpx.RemoteProtocolError("connection closed mid-body") from exc
        except (ConnectionError, OSError) as exc:
            raise httpx.ReadError(str(exc) or type(exc).__name__) from exc

    @staticmethod
    async def _timed(awaitable: object, timeout: float | None) -> bytes:
        try:
            async with asyncio.timeout(timeout):
                return await awaitable  # type: ignore[misc, no-any-return]
        except TimeoutError:
            raise httpx.ReadTimeout("read timeout") from None

    async def aclose(self) -> None:
        if self._done and self._keep:
            self._transport.release(self._origin, self._conn)
        else:
            self._conn.close()
