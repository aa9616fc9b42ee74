"""Bytes to text: BOM, then the declared charset, then UTF-8, then a statistical guess.

Chinese pages are the usual trap: a page labelled GB2312 routinely contains characters that
only exist in GBK/GB18030, and "Big5" pages use HKSCS extensions, so the labels are widened
to their supersets before decoding (what browsers do too).
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from digest.errors import CleanError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]{0,100}encoding\s*=\s*["']([A-Za-z0-9_\-.]+)""", re.I)

# Labels widened to the superset that real pages actually use.
_SUPERSET = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "big5": "big5hkscs",
    "x-x-big5": "big5hkscs",
    "iso-8859-1": "cp1252",
    "latin-1": "cp1252",
    "latin1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "shift_jis": "cp932",
    "euc-kr": "cp949",
}


def _normalize_label(label: str) -> str | None:
    label = label.strip().lower()
    label = _SUPERSET.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


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
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(enc, errors="replace")
    if looks_binary(data):
        raise CleanError("input looks binary, not HTML or text")
    head = data[:4096]
    # Strict UTF-8 first: bytes that happen to be valid UTF-8 almost never are anything else,
    # while a wrong label (say GB2312 on a UTF-8 page) would decode "successfully" to garbage.
    candidates: list[str] = ["utf-8"]
    for pattern in (_XML_ENCODING, _META_CHARSET):
        m = pattern.search(head)
        if m:
            label = _normalize_label(m.group(1).decode("ascii", "ignore"))
            if label:
                candidates.append(label)
    for enc in dict.fromkeys(candidates):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    # Wrong or missing label: let charset-normalizer guess from a sample (whole-file guessing
    # on a 10 MB page is slow and no more accurate).
    guess = from_bytes(data[:65536]).best()
    if guess is not None:
        guessed = _normalize_label(guess.encoding) or guess.encoding
        return data.decode(guessed, errors="replace")
    return data.decode("cp1252", errors="replace")
