"""Bytes to text for the cleaner: refuse binary input, then the shared decoder
(`digest.encoding`: BOM, strict UTF-8, declared charsets widened to their supersets such as
GB2312 → GB18030, then a statistical guess).
"""

from __future__ import annotations

import re

from digest.encoding import bom_codec, decode
from digest.errors import CleanError

_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


def looks_binary_text(text: str) -> bool:
    """The str twin of looks_binary (a decoded PDF or image is still garbage)."""
    head = text[:8192]
    return bool(head) and ("\x00" in head or len(_CONTROL.findall(head)) > 0.05 * len(head))


def looks_binary(data: bytes) -> bool:
    """NUL bytes or a high share of control characters in the first 8 KiB: not text."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls / len(head) > 0.05


def decode_bytes(data: bytes) -> str:
    """Decode page or text bytes; raise CleanError for binary input."""
    # A BOM first: UTF-16 text is full of NUL bytes and would look binary.
    if bom_codec(data) is None and looks_binary(data):
        raise CleanError("input looks binary, not HTML or text")
    return decode(data)[0]
