"""Markup nested past what libxml2's HTML parser takes, made shallow enough to parse.

libxml2 stops at 2,048 levels of nesting ("Excessive depth in document", a fatal error even
with huge_tree): everything after that point is gone, so a page of 100,000 nested <div>s, or
one that leaves a <font> or a <div> open in every paragraph, came out of the cleaner empty
(or cut) without a word. `too_deep` tells it from the parser's last error; `flattened`
drops the start tags that would open past `MAX_DEPTH` levels, and the end tags closing
them, so the text inside is kept, one level up (only such a page pays for it).
"""

from __future__ import annotations

import re

from lxml import etree

MAX_DEPTH = 1_000  # levels kept: well inside libxml2's 2,048, past any real page's ~60

_TAG_RE = re.compile(rb"<(/?)([A-Za-z][\w.:-]*)[^>]*>")
# Elements that never hold others, and those a new twin closes (as a forgiving parser sees it)
_VOID = frozenset({b"br", b"img", b"hr", b"input", b"meta", b"link", b"area", b"base", b"col",
                   b"embed", b"source", b"track", b"wbr", b"param"})
_SELF_CLOSING = frozenset({b"p", b"li", b"dt", b"dd", b"option", b"tr", b"td", b"th"})


def too_deep(parser: etree.HTMLParser) -> bool:
    """Whether the parser's last run stopped at its nesting limit."""
    error = parser.error_log.last_error
    return error is not None and error.type_name == "ERR_RESOURCE_LIMIT"


def flattened(data: bytes, limit: int = MAX_DEPTH) -> bytes:
    """`data` without the start tags that open past `limit` levels nor their end tags."""
    stack: list[bytes] = []
    opened: dict[bytes, int] = {}  # of each name, how many the stack holds
    dropped: dict[bytes, int] = {}
    out: list[bytes] = []
    pos = 0
    for match in _TAG_RE.finditer(data):
        closing, name = match.group(1), match.group(2).lower()
        keep = True
        if closing:
            if dropped.get(name):
                dropped[name] -= 1
                keep = False
            elif opened.get(name):  # closes up to its twin (each tag once: linear)
                while (top := stack.pop()) != name:
                    opened[top] -= 1
                opened[name] -= 1
        elif (match.group(0).endswith(b"/>") or name in _VOID
              or (stack and stack[-1] == name and name in _SELF_CLOSING)):
            pass  # holds nothing, or closes its twin: no deeper
        elif len(stack) >= limit:
            dropped[name] = dropped.get(name, 0) + 1
            keep = False
        else:
            stack.append(name)
            opened[name] = opened.get(name, 0) + 1
        if not keep:
            out.append(data[pos:match.start()])
            pos = match.end()
    if not out:
        return data
    out.append(data[pos:])
    return b"".join(out)
