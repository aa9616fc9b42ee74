"""Small text helpers shared by several stages: sentences, language, tokens, hashing.

No stage-specific logic here; nothing that needs data files (NLTK's Punkt data cannot be
downloaded at run time, and a careful regex scores the same on news).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator

# The Han characters (CJK unified ideographs, extension A, compatibility ideographs): the one
# home of the range every module that reads Chinese uses.
CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{CJK}]")
_WS_RE = re.compile(r"[ \t\r\f\v\u00a0\u3000]+")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def no_surrogates(text: str) -> str:
    """`text` with each half of a surrogate pair (a JSON "\\ud800" escape, bytes decoded with
    surrogateescape) replaced by U+FFFD: no UTF-8 store or stream can hold one."""
    return _SURROGATE_RE.sub("\ufffd", text)

# Abbreviations after which a period does not end a sentence (titles, plural ones too: "Sens.
# Tom Cotton and David Perdue", "the Rev. Billy Graham", "Maj. Gen. Qassem Soleimani").
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "no", "vs", "etc", "inc", "ltd",
    "co", "corp", "gov", "govs", "sen", "sens", "rep", "reps", "gen", "gens", "col", "lt", "sgt",
    "capt", "maj", "adm", "cmdr", "rev", "msgr", "supt", "det", "atty", "pres", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "e.g",
    "i.e", "a.m", "p.m", "approx", "dept", "est", "fig", "al", "u.n", "d.c", "ph.d",
    # ranks and styles of the armed forces, the police and the church ("Army Spc. Caleb
    # Barnes", "Pfc.", "Cpl.", "Brig. Gen.", "Det. Insp.", "the Hon.", "Fr.", "Messrs.")
    "spc", "pfc", "cpl", "pvt", "brig", "insp", "hon", "fr", "messrs",
}
# The AP's abbreviations of US states ("Kenosha, Wis.", "(D-Minn.)", "RICHMOND, Va. (AP) —"),
# only as written, capitalised: "fell ill." and "a mass." end sentences.
STATES = {
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky",
    "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa",
    "Tenn", "Tex", "Vt", "Va", "Wash", "Wis", "Wyo", "N.H", "N.J", "N.M", "N.Y", "N.C", "N.D",
    "R.I", "S.C", "S.D", "W.Va",
}
# Abbreviations that often end a sentence too ("at 5 p.m. The next…", "in Kenosha, Wis. The
# league …"): after them a new sentence starts only when the next word is a common opener.
_ABBREV_FINAL = {"a.m", "p.m", "etc", "inc", "ltd", "co", "corp", "jr", "sr", "u.s", "u.k", "d.c",
                 *(state.lower() for state in STATES)}
_OPENERS = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these",
    "those", "there", "but", "and", "so", "yet", "in", "on", "at", "after", "before", "his",
    "her", "its", "their", "our", "my", "meanwhile", "however", "still", "then", "when", "while",
}
# Names written with an exclamation mark ("reports from Yahoo! Sports and ESPN", "the
# Jeopardy! champion"): it ends no sentence unless a common opener follows, as after
# `_ABBREV_FINAL`. General knowledge, a closed list.
_BANG_NAMES = {"yahoo", "jeopardy"}
# After a clock time ("10 p.m.") any capitalised word starts a new sentence ("...after 10 p.m.
# News aggregator Tideline said...") unless it continues the time: a day, a month, a zone, or a
# place followed by "time" ("10 p.m. Beijing time").
_CLOCK = {"a.m", "p.m"}
_CLOCK_CONTINUES = re.compile(
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December|ET|EST|EDT|PT|PST|PDT|"
    r"CT|CST|GMT|BST|UTC|CET|HKT|SGT|JST|[A-Z][a-z]+ time)\b")
# Candidate boundary: terminal punctuation, optional closing quotes/brackets, then space; or
# two sentences a feed glued together, the stop right between a lower-case word and a
# capitalised one ("The testimony has ended.The committee …"; not "U.S.Army", "Mrs.Lin").
_EN_BOUNDARY = re.compile(r"([.!?…]+[\"'”’)\]]*)(\s+(?=[\"'“‘(\[]?[A-Z0-9\u4e00-\u9fff])"
                          r"|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z]))")
# The verbs that report speech after a speaker's name (a regex group; more than
# edit.lexicon.REPORTING_VERBS, which name a source, since a speaker also warns, vows or denies): the
# Explainer's "What did X say?" (proof/explainer) and a headline's speaker (headline/titles.speaker),
# and the attribution that ends a quotation's sentence here (`_attributed`).
SPEECH = (r"(?:said|says|told|tells|wrote|writes|tweeted|argued|claimed|insisted|warned|"
          r"declared|stated|added|urged|vowed|promised|denied|called|asked|suggested|"
          r"predicted|defended|threatened|announced|acknowledged|admitted|charged|"
          r"contended|conceded|complained|responded|replied|noted|explained|posted)")
# Chinese: a sentence ends at 。！？ (and their closing quotes), no space needed; ASCII ! and ?
# only count so when they follow a CJK character (mixed text), never inside English
# ("true?" she asked) or a URL ("?q=").
_ZH_BOUNDARY = re.compile(
    rf"((?:[。！？；]|(?<=[{CJK}])[!?])[。！？!?；]*[”’」』）)\"']*)")


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
    cjk = len(_CJK_RE.findall(text))
    latin = len(data.translate(None, _NOT_LATIN))
    total = cjk + latin
    return cjk / total if total else 0.0


# A sentence that ends in Chinese (its full stop, closing quotes and brackets, or a Han
# character) and one that opens in Chinese are joined with no space: Chinese sets none
# between sentences ("…规定。提出…", not "…规定。 提出…").
_ENDS_CJK = re.compile(rf"(?:[。！？；：…]|[{CJK}])[”’」』）)\"']*$")
_OPENS_CJK = re.compile(rf"^[“‘「『（(]*[{CJK}]")


def join_sentences(sentences: Iterable[str]) -> str:
    """Sentences as one paragraph: a space between two, none between two Chinese ones."""
    out = ""
    for s in sentences:
        if out:
            out += "" if _ENDS_CJK.search(out) and _OPENS_CJK.match(s) else " "
        out += s
    return out


def detect_language(text: str) -> str:
    """'zh' when CJK characters dominate the letters, else 'en'.

    Deliberately simple: the pipeline only needs to know whether to tokenize by
    characters (CJK) or by words; anything Latin-script is treated as 'en'.
    """
    sample = text[:5000]
    return "zh" if cjk_ratio(sample) > 0.3 else "en"


def _opener_follows(text: str, at: int) -> bool:
    """Whether the word at `at` (past an opening quote or bracket) is a common sentence
    opener (`_OPENERS`): after an abbreviation that may end a sentence, or a name written
    with "!", a new sentence starts only then."""
    following = re.match(r"[\"'“‘(\[]?([A-Za-z]+)", text[at:])
    return bool(following and following.group(1).lower() in _OPENERS)


def _split_english(text: str) -> list[str]:
    out: list[str] = []
    start = 0
    for m in _EN_BOUNDARY.finditer(text):
        end = m.end(1)
        before = text[start:end]
        # the word before the full stop: its letters and dots ('“Mrs.', "(CNN)Sen.", "(D-Minn.)")
        word = re.search(r"([A-Za-z.'’]*[A-Za-z])[.!?…\"'”’)\]]*$", before)
        written = word.group(1) if word else ""
        token = written.lower()
        # "U.S." or "Dr." or initials ("J.", "H.W.") do not end a sentence, except that
        # "p.m." or "Inc." followed by "The"/"He"/... does.
        if m.group(1) == "!" and token in _BANG_NAMES and not _opener_follows(text, m.end()):
            continue
        if m.group(1).startswith(".") and (token in ABBREVIATIONS or written in STATES
                                           or re.fullmatch(r"[a-z](?:\.[a-z])*", token)):
            clock_ends = token in _CLOCK and not _CLOCK_CONTINUES.match(text[m.end():])
            if not (clock_ends or (token in _ABBREV_FINAL and _opener_follows(text, m.end()))):
                continue
        out.append(text[start:end].strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return [s for s in out if s]


# Two sentences whose full stop the feed lost ("… over gun violence The size of the crowd …
# raised fears …"): a lower-case word a sentence may end on, one space, then a capitalised
# determiner or pronoun before a lower-case word, opening a clause whose verb comes within
# `_LOST_STOP_REACH` words (an auxiliary, a verb of speech, a word in "-ed"). The first gets its
# stop back. Never "A" (a letter: "grade A refurbished", "thing A when thing B"), nor after a
# word in "-ed" (a work's title as its object: "titled The clown …", "we shared The top 9
# ways …") or one no sentence ends on ("of His own money", "Read more It may …"), nor inside
# a quotation, nor after fewer than `_LOST_STOP_WORDS` words.
_LOST_STOP = re.compile(r"(?<=[a-z]) (?=(?:The|An|He|She|They|It|We|This|These|Those|His|Her|"
                        r"Their|Its) [a-z])")
_NEVER_ENDS = frozenset([
    "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into",
    "onto", "and", "or", "but", "nor", "as", "than", "that", "which", "who", "whom",
    "whose", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
    "will", "would", "could", "should", "may", "might", "must", "can", "do", "does",
    "did", "not", "no", "more", "most", "very", "so", "if", "when", "while", "about",
    "over", "under", "after", "before", "between", "during", "without", "against",
    "his", "her", "its", "their", "our", "my", "your", "this", "these", "those", "such",
    "some", "any", "each", "every", "both", "all", "few", "many", "much", "also",
    "just", "only", "even",
])
_FINITE = frozenset([
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "could",
    "should", "can", "may", "might", "must", "does", "did", "do",
])
_LOST_STOP_REACH = 10
_LOST_STOP_WORDS = 4


def _lost_stops(piece: str) -> list[str]:
    """`piece` split where a sentence's full stop was lost (see `_LOST_STOP`), each sentence
    before a seam with its stop."""
    out: list[str] = []
    start = 0
    for m in _LOST_STOP.finditer(piece):
        word = piece[:m.start()].rsplit(None, 1)[-1]
        before = piece[start:m.end()].rstrip()
        after = re.findall(r"[A-Za-z'’-]+", piece[m.end():])[1:_LOST_STOP_REACH + 1]
        if not re.fullmatch(r"[a-z]{2,}", word) or word in _NEVER_ENDS or word.endswith("ed") \
                or len(before.split()) < _LOST_STOP_WORDS \
                or quote_depth(piece[:m.end()]) or single_quote_open(piece[:m.end()]) \
                or not any(w in _FINITE or re.fullmatch(SPEECH, w) or w.endswith("ed")
                           for w in after if w.islower()):
            continue
        out.append(before + ".")
        start = m.end()
    out.append(piece[start:])
    return out


def split_sentences(text: str) -> list[str]:
    """Split a paragraph (or several) into sentences, English and Chinese alike."""
    return list(iter_sentences(text))


def iter_sentences(text: str) -> Iterator[str]:
    """`split_sentences`, one paragraph at a time: a reader of the first sentences never
    splits the rest (no sentence runs across a line break)."""
    lead = True  # (only the text's first sentence is read for a lost stop: `_lost_stops`)
    for para in re.split(r"\n\s*\n|\n", text):
        para = para.strip()
        if not para:
            continue
        # Chinese boundaries first (they need no following space), then English ones.
        # split() with one group alternates text and boundary: glue each boundary to its text
        parts = _ZH_BOUNDARY.split(para)
        chunks = [parts[i] + (parts[i + 1] if i + 1 < len(parts) else "")
                  for i in range(0, len(parts), 2)]
        chunks = [c for c in chunks if c.strip()]
        pieces: list[str] = []
        for chunk in chunks:
            pieces.extend(_split_english(chunk.strip()))
        if lead and pieces:
            pieces[:1], lead = _lost_stops(pieces[0]), False
        yield from (s for s in _attributed(_close_quotes(pieces)) if s.strip())


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


def _close_quotes(pieces: list[str]) -> list[str]:
    """Glue back a sentence split inside a quotation ('He said: "We will win. They will
    lose."' is one sentence; "‘That’s how it works. If they play well, your stock rises.’"
    too), when the quotation closes within the paragraph; a stray double quote mark that
    never closes changes nothing, a single quotation open where the paragraph ends takes the
    rest of it."""
    out: list[str] = []
    i = 0
    while i < len(pieces):
        depth, single = quote_depth(pieces[i]), single_quote_open(pieces[i])
        j = i
        while (depth > 0 or single) and j + 1 < len(pieces):
            j += 1
            depth, single = quote_depth(pieces[j], depth), single_quote_open(pieces[j], single)
        if j > i and depth == 0 and (not single or quote_depth(pieces[i]) == 0):
            # (a single quotation still open where the paragraph ends runs on into the next
            # one, as British style writes it: what follows it here is inside it too)
            glued = pieces[i]
            for piece in pieces[i + 1:j + 1]:
                glued += ("" if _CJK_RE.search(glued[-2:]) else " ") + piece
            out.append(glued)
            i = j + 1
        else:
            out.append(pieces[i])
            i += 1
    return out


# A quotation that is a sentence of its own and ends on "!" or "?" inside its closing mark
# ("“Historic deal!” Trump tweeted Thursday."): the attribution after it, a speaker of a few
# words and a verb of speech (or the verb first: "said Trump"), goes on with the same sentence;
# so does a Chinese one ending on its stop, and the speaker after it: "“开源是大势所趋。”林巧云说。"
_EXCLAIMED = re.compile(r"^[“\"].*[!?][”\"]$|^[“「].*[。！？][”」]$", re.DOTALL)
_ZH_SAID = re.compile(r"^[^，。！？“”「」\s]{1,24}?(?:说|表示|称|指出|强调|介绍|透露|坦言|写道)[。！]$")
_ATTRIBUTION = re.compile(rf"^(?:{SPEECH}\b|(?:[\w.’'()-]+,?\s+){{1,5}}{SPEECH}\b)",
                          re.IGNORECASE)


def _attributed(pieces: list[str]) -> list[str]:
    """Glue an attribution to the quotation it credits (`_EXCLAIMED`, `_ATTRIBUTION`): a
    copy editor reads "“…!” Trump tweeted." as one sentence, never "Trump tweeted." alone."""
    out: list[str] = []
    for piece in pieces:
        if out and _EXCLAIMED.match(out[-1]) and _ATTRIBUTION.match(piece):
            out[-1] += " " + piece
        elif out and _EXCLAIMED.match(out[-1]) and _ZH_SAID.match(piece):
            out[-1] += piece
        else:
            out.append(piece)
    return out


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
        if not data.translate(None, _NOT_CJK_BYTE) or _CJK_RE.search(text) is None:
            # only spaces are left between tokens. One substitution makes each gap a single
            # space, taking the apostrophes and hyphens that lead the next token with it (a
            # run of nothing else goes); the first token's lead and the last gap are stripped
            # off the ends. (It meets only the gaps punctuation made: 2.5x faster than the
            # substitution of leading marks, a split and a join it replaces.)
            data = _GAPS.sub(b" ", data.translate(_TOKEN_BYTES)).lstrip(_LEADING).rstrip(b" ")
            return hashlib.sha256(data.replace(b"\x01", _RSQUO)).hexdigest()
    norm = " ".join(_WORD_RE.findall(text)).lower().encode("utf-8", "surrogatepass")
    return hashlib.sha256(norm).hexdigest()
