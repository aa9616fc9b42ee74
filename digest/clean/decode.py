"""Bytes to text for the cleaner: refuse binary input, then the shared decoder
(`digest.encoding`: BOM, strict UTF-8, declared charsets widened to their supersets such as
GB2312 → GB18030, then a statistical guess).
"""

from __future__ import annotations

from digest.encoding import bom_codec, decode
from digest.errors import CleanError

_CONTROL = bytes([*range(9), *range(14, 32)])  # \x00-\x08 and \x0e-\x1f


def looks_binary_text(text: str, utf8: bytes | None = None) -> bool:
    """The str twin of looks_binary (a decoded PDF or image is still garbage). (The control
    characters are counted on the UTF-8 bytes, where each is one byte of its own, in C: a
    regex listing them cost a tenth of cleaning a feed item.) `utf8`: the text's UTF-8
    bytes when the caller has them (read instead of encoding the head again)."""
    head = text[:8192]
    if not head:
        return False
    if utf8 is not None and len(text) <= 8192:
        data = utf8  # (a NUL is found in the bytes far faster than in a str of two-byte chars)
        if b"\x00" in data:
            return True
    else:
        if "\x00" in head:
            return True
        data = head.encode("utf-8", "surrogatepass")
    return len(data) - len(data.translate(None, _CONTROL)) > 0.05 * len(head)


def looks_binary(data: bytes) -> bool:
    """NUL bytes or a high share of control characters in the first 8 KiB: not text."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL))
    return controls / len(head) > 0.05


def decode_bytes(data: bytes) -> str:
    """Decode page or text bytes; raise CleanError for binary input."""
    # A BOM first: UTF-16 text is full of NUL bytes and would look binary.
    if bom_codec(data) is None and looks_binary(data):
        raise CleanError("input looks binary, not HTML or text")
    return decode(data)[0]
