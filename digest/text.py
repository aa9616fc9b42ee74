"""Small text helpers shared by several stages: whitespace, language, quotation marks, a
writer's doubled words, tokens, hashing. (Sentences: `digest.sentences`.)

No stage-specific logic here; nothing that needs data files.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

# The Han characters (CJK unified ideographs, extension A, compatibility ideographs): the one
# home of the range every module that reads Chinese uses.
CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_RE = re.compile(f"[{CJK}]")  # one Han character (the compiled form, shared)
_WS_RE = re.compile(r"[ \t\r\f\v\u00a0\u3000]+")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def no_surrogates(text: str) -> str:
    """`text` with each half of a surrogate pair (a JSON "\\ud800" escape, bytes decoded with
    surrogateescape) replaced by U+FFFD: no UTF-8 store or stream can hold one."""
    return _SURROGATE_RE.sub("\ufffd", text)

def normalize_whitespace(text: str) -> str:
    """Fold runs of spaces (incl. NBSP and ideographic space) and trim each line."""
    lines = (_WS_RE.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(lines).strip()


_NOT_LATIN = bytes(b for b in range(256) if not (65 <= b <= 90 or 97 <= b <= 122))


# the bytes other than those that lead the UTF-8 form of a character of CJK (E3-E9, EF)
_NOT_CJK_BYTE = bytes(c for c in range(256) if not (0xE3 <= c <= 0xE9 or c == 0xEF))


def cjk_ratio(text: str) -> float:
    """Share of CJK characters among letters (CJK + Latin). (Counted on the UTF-8 bytes, in
    C: Latin letters are the ASCII letter bytes, and a text without a byte that can lead a
    CJK character has none, which spares English the scan for them: a page of English is a
    few microseconds, not a list per letter.)"""
    data = text.encode("utf-8", "surrogatepass")
    if not data.translate(None, _NOT_CJK_BYTE):
        return 0.0  # no CJK: no need to count the Latin letters either
    cjk = len(CJK_RE.findall(text))
    latin = len(data.translate(None, _NOT_LATIN))
    total = cjk + latin
    return cjk / total if total else 0.0



def detect_language(text: str) -> str:
    """'zh' when CJK characters dominate the letters, else 'en'.

    Deliberately simple: the pipeline only needs to know whether to tokenize by
    characters (CJK) or by words; anything Latin-script is treated as 'en'.
    """
    sample = text[:5000]
    return "zh" if cjk_ratio(sample) > 0.3 else "en"



_QUOTE_MARK_RE = re.compile("[“「”」\"]")


def quote_depth(text: str, depth: int = 0) -> int:
    """Double quotations left open after `text`, starting `depth` deep. Curly and corner
    quotes open and close; a straight quote closes an open one (“…" is a closed pair, as
    careless sources write it) and otherwise opens."""
    for ch in _QUOTE_MARK_RE.findall(text):  # only the quote marks change the depth
        if ch in "“「":
            depth += 1
        elif ch in "”」":
            depth = max(0, depth - 1)
        elif ch == '"':
            depth = depth - 1 if depth else 1
    return depth


# Single quotation marks, British style ("‘That’s how football works. If they play well, your
# stock rises.’"): an apostrophe is the same mark, so a quotation opens only at a word's start
# before a capital (‘That …, 'Hillary …; not 'em, ’90s, O’Brien, rock 'N' roll) and closes at
# a mark ending a word (… works,’ / dubbed 'The Royal Matchmaker' after …; "the players’
# boots" closes one too, the price of reading no grammar: the quotation then ends early, never
# runs on). They do not nest: a quotation running on into the next paragraph opens again there.
_SINGLE_OPENS = re.compile(r"(?:^|(?<=[\s(\[“\"—–]))[‘'](?=[A-Z](?![’'](?!\w)))")
_SINGLE_CLOSES = re.compile(r"(?<=\S)[’'](?!\w)")


def single_quote_open(text: str, open_: bool = False) -> bool:
    """Whether a single quotation is open after `text` (`open_`: it was before it), by the
    last of its opening and closing marks (see `_SINGLE_OPENS`)."""
    marks = [(m.start(), True) for m in _SINGLE_OPENS.finditer(text)]
    marks += [(m.start(), False) for m in _SINGLE_CLOSES.finditer(text)]
    return max(marks, default=(-1, open_))[1]


def quotes_open(text: str) -> bool:
    """Whether a quotation opens in `text` and does not close there: a double one, or a
    single one (`single_quote_open`)."""
    return quote_depth(text) > 0 or single_quote_open(text)


# A word or a run of words written twice in a row is the source's slip: "the the", "since
# since", "faces two counts of two counts of …". Only words a sentence never doubles on purpose
# (articles, prepositions, conjunctions), or a run of two or more words with a lower-case one
# in it: "had had", "that that", "bye bye", names ("Fang Fang", "Duran Duran") stay.
_NEVER_DOUBLED = ("the|a|an|to|of|in|on|at|by|for|with|from|into|onto|and|or|but|nor|"
                  "before|after|since|until|about|against|between|through|during|without")
_DOUBLED = re.compile(rf"\b(?:({_NEVER_DOUBLED})\s+\1|((?:[\w'’-]+[\s,]+){{1,5}}?[\w'’-]+)\s+\2)\b",
                      re.IGNORECASE)


def _slip(m: re.Match[str]) -> bool:
    return bool(m.group(1)) or any(w[:1].islower() for w in m.group(2).split())


def doubled(text: str) -> str | None:
    """The words `text` writes twice in a row by a slip (see _DOUBLED), or None."""
    return next((m.group(0) for m in _DOUBLED.finditer(text) if _slip(m)), None)


def undoubled(text: str) -> str:
    """`text` with each slip's words written once, as a copy editor mends it: "faces two
    counts of first-degree …" for "faces two counts of two counts of first-degree …"."""
    return _DOUBLED.sub(lambda m: (m.group(1) or m.group(2)) if _slip(m) else m.group(0), text)



_WORD_RE = re.compile(rf"[{CJK}]|[A-Za-z0-9][A-Za-z0-9'’\-]*")


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens; each CJK character is a token of its own."""
    return [t.lower() for t in _WORD_RE.findall(unicodedata.normalize("NFKC", text))]


# content_hash's fast path works on UTF-8 bytes, with C-speed passes only (findall over a page
# made and joined hundreds of match objects: 0.2 ms an article, a tenth of cleaning one). A
# token is `_WORD_RE`'s: a run of ASCII letters, digits, apostrophes and hyphens that starts
# at a letter or digit, or one CJK character. Bytes that cannot be in a token become spaces
# (capitals their lower case); the right single quote, the only multi-byte character a token
# can hold besides CJK, travels as \x01 (swapped in the text, before encoding: a search of
# the UTF-8 bytes for its three was 5 of the 48 µs of a bench article); each run then loses
# its leading apostrophes and hyphens (a run of nothing else goes), and the runs are joined
# by one space. Text with CJK (or a \x01 of its own) takes the regex.
_RSQUO = "’".encode()
_TOKEN_BYTES = bytes(
    c if chr(c) in "abcdefghijklmnopqrstuvwxyz0123456789'-\x01" else c + 32 if 65 <= c <= 90
    else 32 for c in range(256))
_GAPS = re.compile(rb" [ \x01'\-]+")
_LEADING = b" '-\x01"  # what a text's first token loses before it


def content_hash(paragraphs: list[str] | tuple[str, ...]) -> str:
    """A hash of the body that ignores case, spacing and punctuation: the tokens, joined
    (`" ".join(tokens(...))`, hashed), ASCII and Latin text by byte passes (see above)."""
    text = " ".join(paragraphs)
    if not text.isascii() and not unicodedata.is_normalized("NFKC", text):
        # (checking is a sixth of normalising) paragraph by paragraph, only those that need
        # it (most have no "…" or "½"): the same text, since a space composes with nothing
        # on either side and reordering stops at it, so normalising never reaches across
        text = " ".join(p if p.isascii() or unicodedata.is_normalized("NFKC", p)
                        else unicodedata.normalize("NFKC", p) for p in paragraphs)
    if "\x01" not in text:
        data = text.replace("’", "\x01").encode("utf-8", "surrogatepass")
        if not data.translate(None, _NOT_CJK_BYTE) or CJK_RE.search(text) is None:
            # only spaces are left between tokens. One substitution makes each gap a single
            # space, taking the apostrophes and hyphens that lead the next token with it (a
            # run of nothing else goes); the first token's lead and the last gap are stripped
            # off the ends. (It meets only the gaps punctuation made: 2.5x faster than the
            # substitution of leading marks, a split and a join it replaces.)
            data = _GAPS.sub(b" ", data.translate(_TOKEN_BYTES)).lstrip(_LEADING).rstrip(b" ")
            return hashlib.sha256(data.replace(b"\x01", _RSQUO)).hexdigest()
    norm = " ".join(_WORD_RE.findall(text)).lower().encode("utf-8", "surrogatepass")
    return hashlib.sha256(norm).hexdigest()
