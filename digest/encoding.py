"""Turning bytes into text (shared by fetch and clean): BOM, then strict UTF-8, then the HTTP
header, XML declaration and meta charset, each checked strictly, because publishers routinely
declare UTF-8 and send GBK (and, less often, declare GBK and send UTF-8).

Declared names are widened to the supersets browsers actually use (GB2312/GBK -> GB18030,
Big5 -> Big5-HKSCS, Latin-1 -> Windows-1252), so characters outside the narrow legacy set
decode instead of turning into replacement characters.

Text can be wrong before it reaches us: a publisher's system that read UTF-8 as Windows-1252
and wrote it out again as UTF-8 (mojibake) sends valid UTF-8 of the wrong characters, so no
decoder sees it: "“The fact is” → "â€œThe fact is", "中文" → "ä¸\xadæ\x96\x87". `repaired`
undoes that in what the cleaner keeps (6 of the 793 WCXB pages printed it in a paragraph).
"""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_WIDER = {
    "gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "x-gbk": "gb18030",
    "gb_2312-80": "gb18030", "euc-cn": "gb18030", "big5": "big5hkscs", "cp950": "big5hkscs",
    "x-x-big5": "big5hkscs", "iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252",
    "us-ascii": "cp1252", "ascii": "cp1252", "shift_jis": "cp932", "sjis": "cp932",
    "euc-kr": "cp949", "ks_c_5601-1987": "cp949", "utf8": "utf-8",
}
# Codecs Python has that no document is written in: some cannot decode with errors="replace"
# (idna, punycode, undefined), the others turn escapes into half surrogate pairs.
_NOT_CHARSETS = frozenset({"idna", "punycode", "undefined", "unicode-escape",
                           "raw-unicode-escape", "charmap", "utf-7"})
_XML_DECL_RE = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._:-]+)[\"']")
_META_RE = re.compile(
    rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE
)
_XML_DECL_TEXT_RE = re.compile(r"^\s*<\?xml[^>]*\?>")
_CHARSET_PARAM_RE = re.compile(r"charset\s*=\s*[\"']?([^\s;\"']+)", re.IGNORECASE)


def normalise_charset(name: str | None) -> str | None:
    """A Python codec name for a declared charset, widened to its superset; None if unknown."""
    if not name:
        return None
    lowered = name.strip().strip("\"'").lower()
    lowered = _WIDER.get(lowered, lowered)
    try:
        info = codecs.lookup(lowered)
    except (LookupError, ValueError):  # ValueError: a NUL; UnicodeError: a surrogate
        return None
    if not info._is_text_encoding or info.name in _NOT_CHARSETS:
        return None  # base64, idna, unicode-escape…: Python codecs, not a document's charset
    return _WIDER.get(info.name, info.name)


def header_charset(content_type: str | None) -> str | None:
    if not content_type:
        return None
    match = _CHARSET_PARAM_RE.search(content_type)
    return match.group(1) if match else None


def declared_charset(data: bytes) -> str | None:
    """The charset the document declares about itself (XML declaration or HTML meta)."""
    head = data[:4096]
    match = _XML_DECL_RE.match(head) or _META_RE.search(head)
    return match.group(1).decode("ascii", "replace") if match else None


def _strict(data: bytes, codec: str | None) -> str | None:
    if not codec:
        return None
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _mostly_cjk(text: str) -> bool:
    """Non-ASCII characters are nearly all CJK ideographs or CJK punctuation."""
    wide = [ch for ch in text if ord(ch) >= 0x80]
    cjk = sum(1 for ch in wide if "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"
              or "\uff00" <= ch <= "\uffef")
    return bool(wide) and cjk >= 0.9 * len(wide)


def bom_codec(data: bytes) -> str | None:
    """The codec a byte-order mark announces, if the data starts with one."""
    return next((codec for bom, codec in _BOMS if data.startswith(bom)), None)


def decode(data: bytes, content_type: str | None = None) -> tuple[str, str]:
    """(text, codec used). Never raises: the last resort decodes with replacement characters."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace"), codec
    # Strict UTF-8 first, whatever was declared: a strict UTF-8 decode of non-UTF-8 text almost
    # always fails, so success is strong evidence, while a wrong legacy label (GB18030 decodes
    # nearly any bytes) would "succeed" with garbage.
    candidates: list[str] = ["utf-8"]
    for declared in (header_charset(content_type), declared_charset(data)):
        wanted = normalise_charset(declared)
        if wanted and wanted not in candidates:
            candidates.append(wanted)
    for codec in candidates:
        decoded = _strict(data, codec)
        if decoded is not None:
            return decoded, codec
    # Every declaration was wrong. On little text, statistical detection is unreliable, and
    # the usual culprit is GBK labelled as UTF-8: take GB18030 if it yields CJK text.
    high = sum(1 for byte in data[:4096] if byte >= 0x80)
    if high < 200:
        text = _strict(data, "gb18030")
        if text is not None and _mostly_cjk(text):
            return text, "gb18030"
    import charset_normalizer  # 8 ms to import: only for text whose labels all failed

    guess = charset_normalizer.from_bytes(data[:200_000]).best()
    fallbacks = [normalise_charset(guess.encoding) or guess.encoding] if (
        guess is not None and guess.encoding) else []
    fallbacks.extend(("gb18030", "big5hkscs", "cp932", "cp949"))
    for codec in dict.fromkeys(c for c in fallbacks if c not in candidates):
        decoded = _strict(data, codec)
        if decoded is not None:
            return decoded, codec
    fallback = candidates[1] if len(candidates) > 1 else "cp1252"
    return data.decode(fallback, errors="replace"), "replace"


# What every double-encoded character starts with: a UTF-8 lead byte read as Windows-1252 or
# Latin-1 ("Â".."ô") followed by a continuation byte so read (0x80-0xBF: "€", "œ", "“", "™" …,
# C1 controls, NBSP .. "¿"). Legitimate text almost never has such a pair, and ftfy's
# fix_encoding, asked only then, changes text only where the decoded form is more plausible.
# Searched for in the text's UTF-8 bytes, where every pair begins with the byte 0xC3, rare in
# English: 1.9 ns a character against 13 for the same test on the str.
_LEADS = bytes(range(0xC2, 0xF5)).decode("latin-1")
_CONTINUATIONS = "".join(dict.fromkeys(bytes(range(0x80, 0xC0)).decode("latin-1")
                                       + bytes(range(0x80, 0xC0)).decode("cp1252", "ignore")))
_MOJIBAKE = re.compile(b"".join(
    b"(?:" + b"|".join(re.escape(c.encode()) for c in chars) + b")"
    for chars in (_LEADS, _CONTINUATIONS)))


def double_encoded(text: str) -> bool:
    """Whether `text` may hold mojibake (one scan; `repaired` decides)."""
    return _MOJIBAKE.search(text.encode("utf-8", "surrogatepass")) is not None


def repaired(text: str) -> str:
    """`text` with mojibake undone (UTF-8 read as Windows-1252 or Latin-1, once or more);
    other text unchanged."""
    if not double_encoded(text):
        return text
    import ftfy  # (~100 ms to import: only for text that needs it)

    return ftfy.fix_encoding(text)


def xml_utf8(text: str) -> bytes:
    """UTF-8 bytes of an XML document whose declaration no longer names another encoding
    (lxml and feedparser would otherwise trust the stale declaration)."""
    text = text.lstrip("\ufeff")
    match = _XML_DECL_TEXT_RE.match(text)
    if match:
        text = '<?xml version="1.0" encoding="utf-8"?>' + text[match.end():]
    return text.encode("utf-8", errors="replace")
