"""Sentences: where a paragraph's sentences end, English and Chinese alike, and how they join.

A careful regex, no data files (NLTK's Punkt data cannot be downloaded at run time, and the
rules here score the same on news): abbreviations, US states, clock times, quotations that
run over several sentences, an attribution after an exclaimed quotation, a full stop a feed
lost. The text helpers it reads (quotation depth, the Han range) live in `digest.text`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from digest.text import CJK, CJK_RE, quote_depth, single_quote_open

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
                glued += ("" if CJK_RE.search(glued[-2:]) else " ") + piece
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
