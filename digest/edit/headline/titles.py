"""A story's own titles, cleaned, and the whole clauses of them that could stand alone.

1. **Clean** each title (`clean_title`): kickers ("WATCH:", "EXCLUSIVE:"), a label saying
   whose verdict or view it is ("FACT CHECK:", "OPINION:", read by `cleaned`, printed again
   in the headline's own words: labels.py),
   datelines ("LONDON (Reuters) —"), outlet suffixes (" - Reuters", " | Site", " — <the
   outlet's own name>"), a bracketed medium (" (Video)"), a last sentence that only points
   at the article (". Here's why."), a newsletter's "<Name> #112:" prefix and wrapping quotes go.
2. **Candidates** (`candidate_texts`): each cleaned title, and each whole clause of it — the
   parts around ": ", "; " or " — ", and the head before ", as …" / ", after …" / ", says …" —
   of four words or more, never a bare quotation, never one opening on a conjunction ("And
   soon will melt away") or on a lower-case preposition (the end of a title's aside: "of
   Martin Luther King Jr." from "The sanctification — and sanitization — of Martin Luther
   King Jr."), never a head that only announces what its colon says ("Fauci on Trump's testing
   claim: …", "… has a clear message: …", `announces`). A title that opens on who says it
   ("Kevin McCarthy: …", "U.S. Officials: …", `speaker`) keeps the speaker before each clause. A candidate the copy editor would strike
   (`proof`) or a tag list ("A, B, C, D") is out.

Nothing here rewrites a word: every candidate is a source title or a whole clause of one, with
its first letter capitalised. score.py chooses among them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from digest.edit.headline.labels import Label, split
from digest.edit.lexicon import (
    APOSTROPHES,
    CJK_KICKERS,
    CJK_MEDIA,
    CJK_OUTLET_ENDINGS,
    CONJUNCTIONS,
    ENDS_ON_INITIALS,
    KICKERS,
    PREPOSITIONS,
    SPEECH,
    STOPWORDS,
    WIRES,
)
from digest.edit.proof import headline_strikes
from digest.edit.write.furniture import clean_sentence
from digest.text import CJK, quotes_open

MIN_CLAUSE_WORDS = 4

_KICKER = re.compile(rf"^\s*(?:{'|'.join(KICKERS)})\s*[:|]\s+", re.IGNORECASE)
_WIRES = "|".join(WIRES)
# A last sentence or dash clause that only points at the article ("… massacre. Here's the
# insane reason why.", "… Withdrawing His Name - Here's Why"): in a digest it withholds
# what the story says, and goes (the title's own first sentence stands).
_POINTER_TAIL = re.compile(r"(?:(?<=[.?!])\s+|\s+[-—–]{1,2}\s+)Here(?:['’]s|\s+(?:is|are))\b"
                           r"[^.?!]*[.?!]?\s*$")
# The page's medium or section in brackets after the title ("… shutdown threat (Video)").
_MEDIA_SUFFIX = re.compile(r"\s*[(\[](?:video|videos|watch|photos?|audio|podcast|opinion|op-ed|"
                           r"live|live updates|updated?|graphic)[)\]]\s*$", re.IGNORECASE)
_PIPE_SUFFIX = re.compile(r"\s+\|\s+[^|]{1,60}$")
_WIRE_SUFFIX = re.compile(rf"\s+[-—–]{{1,2}}\s+(?:{_WIRES})\s*$")
_SITE_SUFFIX = re.compile(r"\s+[-—–|]{1,2}\s+[\w.-]+\.(?:com|org|net|co\.uk|cn|io|news)\s*$",
                          re.IGNORECASE)
_CLAUSE = re.compile(r"\s*(?:[:;]|\s[—–]|\s--?)\s+")
_TRAILING = re.compile(r",\s+(?=(?:as|after|amid|while|with|despite|but|says|said|reports?|"
                       r"sources?|in a)\b)", re.IGNORECASE)
# Only when every candidate is struck: the main clause before a bare subordinate one ("Blame
# Game Ramps Up as Shutdown Draws Near": the copy editor reads "near" as a preposition).
_SUBORDINATE = re.compile(r"\s+(?=(?:as|after|amid|while|despite|before|when)\s)", re.IGNORECASE)
QUOTES = "\"'“”‘’「」"
# A Chinese title's furniture, written without spaces (the lexicon's CJK_* tables): a kicker
# before the news, a medium in brackets after it, an outlet's name after "_", "-" or "|".
_HAN = f"[{CJK}]"
_CJK_LABEL = "|".join(sorted(CJK_KICKERS, key=len, reverse=True))
_CJK_KICKER = re.compile(rf"^\s*(?:【[^】]{{1,12}}】|〖[^〗]{{1,12}}〗|\[(?:{_CJK_LABEL})\]"
                         rf"|(?:{_CJK_LABEL})\s*[|｜丨:：])\s*")
_CJK_MEDIUM = re.compile(rf"\s*[（(](?:{'|'.join(CJK_MEDIA)})[）)]\s*$")
_CJK_OUTLET = re.compile(rf"\s*(?:_\s*[^_\s]{{2,20}}|[|｜丨]\s*[^|｜丨\s]{{2,16}}"
                         rf"|\s*[-－]\s*{_HAN}[^-－—–\s]{{0,10}}"
                         rf"(?:{'|'.join(CJK_OUTLET_ENDINGS)}))$")
_WORDS = re.compile(r"(?<![\w’'])[^\W\d_][\w’'-]*")


@functools.lru_cache(maxsize=4096)
def _outlet_furniture(outlet: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The outlet's name before and after a title: "The Compute Letter #112: …", "Outlet: …",
    "… - Outlet", "… | Outlet". Compiled once per outlet: a week has hundreds of outlets, more
    than the `re` module's own cache holds, so calling re.sub with the pattern recompiled it
    for nearly every title (8% of the editor's time on a 3k-article week)."""
    name = re.escape(outlet.split(" (")[0])
    return (re.compile(rf"^{name}(?:\s*(?:#|No\.?\s*|Issue\s*)\d+)?\s*[:|—–-]\s*", re.IGNORECASE),
            re.compile(rf"\s+[-—–|]{{1,2}}\s+{name}\s*$", re.IGNORECASE))


def clean_title(title: str, outlet: str = "") -> str:
    """A source title without the furniture around it (see the module docstring)."""
    return cleaned(title, outlet)[1]


@functools.lru_cache(maxsize=8192)
def cleaned(title: str, outlet: str = "") -> tuple[Label | None, str]:
    """The verdict or view label a title carries ("AP FACT CHECK:", "… (Opinion)": labels.py)
    and the title cleaned (`clean_title`), the label gone with the rest of the furniture: the
    headline prints it again in its own words (`labels.labelled`)."""
    t = " ".join(title.split())
    t = clean_sentence(t)  # a dateline
    label, t = split(t)
    t = _KICKER.sub("", t)
    if outlet:
        lead, tail = _outlet_furniture(outlet)
        t = tail.sub("", lead.sub("", t))
    if label is None:  # ("… (Opinion) - Outlet": the outlet's name first)
        label, t = split(t)
    for suffix in (_PIPE_SUFFIX, _WIRE_SUFFIX, _SITE_SUFFIX, _MEDIA_SUFFIX):
        t = suffix.sub("", t)
    if re.search(_HAN, t):
        t = _cjk_cleaned(t, outlet)
    cut = _POINTER_TAIL.sub("", t).strip()
    if cut != t.strip() and len(cut.split()) >= MIN_CLAUSE_WORDS:
        t = cut[:-1] if cut.endswith(".") and not ENDS_ON_INITIALS.search(cut) else cut
    t = t.strip()
    if len(t) > 2 and t[0] in QUOTES and t[-1] in QUOTES and not re.search(
            rf"[{QUOTES}]", t[1:-1]):
        t = t[1:-1].strip()
    return label, (_capitalise(t) if t else " ".join(title.split()))


def _cjk_cleaned(title: str, outlet: str) -> str:
    """A Chinese title without its furniture: "【独家】…——…_南岸科技报" is "…——…"; what is
    left must still hold Chinese (a title that is all furniture stays as it was)."""
    t = title
    for _ in range(3):  # "【独家】视频|…（组图）_新浪新闻": each piece, in any order
        before = t
        t = _CJK_KICKER.sub("", t)
        t = _CJK_MEDIUM.sub("", t)
        if outlet:
            t = re.sub(rf"\s*[_|｜丨\-－—–]{{1,2}}\s*{re.escape(outlet.split(' (')[0])}\s*$", "", t)
        t = _CJK_OUTLET.sub("", t)
        if t == before:
            break
    return t.strip() if re.search(_HAN, t) else title


def _capitalise(text: str) -> str:
    return text[0].upper() + text[1:] if text[:1].islower() else text


def _tells(text: str) -> bool:
    """Whether `text` writes a lower-case word of content ("pick", "resigns"): in a title
    written in sentence case, a clause without one is a name ("S.C. Gov. Nikki Haley" from
    "5 things to know about Trump's U.N. pick: S.C. Gov. Nikki Haley"), a label, not news."""
    return any(w[:1].islower() and w.lower().translate(APOSTROPHES) not in STOPWORDS
               for w in _WORDS.findall(text))


# A title's head that only announces what its colon goes on to say: who speaks on what ("Fauci
# on Trump's testing claim: …", "Michael Cohen On Trump: 'The Man Doesn't Tell The Truth'",
# "Trump After North Korea Missile Launch: 'All Options Are On The Table'": a name, then
# "on", "after" or "about", no verb), or a promise the colon keeps ("Hillary Clinton's book has
# a clear message: don't blame me", "… First Order Of Business For New Majority: Fixing
# Democracy"). Alone it is a label, not news: the title offers it only with what follows.
# General English headline forms.
_TOPIC_HEAD = re.compile(r"^(?:[A-Z0-9][\w.’'&-]*\s+){0,3}[A-Z0-9][\w.’'&-]*\s+"
                         r"(?:on|after|about)\s", re.IGNORECASE)
_NAME_WORD = re.compile(r"[A-Z0-9]")
_PROMISE_HEAD = re.compile(r"(?:\b(?:a|an|the|its|his|her|their|first|clear|simple|new)|\w['’]s?)\s+"
                           r"(?:message|verdict|answer|secret|lesson|plea|advice|warning|"
                           r"order\s+of\s+business)\b", re.IGNORECASE)


def announces(head: str) -> bool:
    """Whether the clause before a title's colon only announces what follows it (`_TOPIC_HEAD`:
    its words before "on", "after" or "about" capitalised and none a function word, a name:
    "Trump Vows To Act On Guns" and "Pelosi Weighs In On …" say something; or
    `_PROMISE_HEAD`)."""
    m = _TOPIC_HEAD.match(head)
    if m is not None and all(_NAME_WORD.match(w) and w.lower() not in STOPWORDS
                             for w in m.group().split()[:-1]):
        return True
    return _PROMISE_HEAD.search(head) is not None


def _announcing_head(title: str) -> str | None:
    """The clause before the title's first colon, when it only announces what follows
    (`announces`), or None."""
    head, colon, _ = title.partition(":")
    return head.strip() if colon and announces(head) else None


# What a title's colon goes on to, when it is not the news: a pointer at the article ("Live
# updates", "What to watch …", "Why this post matters", "Everything you need to know", "4
# things …", "A 13-step process", a question) or whose words they are (a quotation, "report",
# "Senior US official": three words or fewer; someone's words, quoted in it, `_quotes_someone`:
# "Mexico Hits Trump Tariff Threat: Can't Solve Social Issues 'With Coercive Measures'" keeps
# its head, the news). General English headline forms.
_POINTER = re.compile(r"^(?:what|why|how|who|when|where|which|everything|here(?:['’]s| is| are)|"
                      r"live\b|\d+\s+(?:things|ways|reasons|takeaways|questions|moments)\b|"
                      r"an?\s+[\w-]*\s*(?:guide|primer|timeline|explainer|process)\b)|\?\s*$",
                      re.IGNORECASE)
# Quotations in a title: double quotes, and single ones (headline style) — an apostrophe
# inside ("'don't really have rules'", "'I think it's …'") is no closing quote. The one home of
# the pattern: column.py (a judgement outside them) and score.py (a question outside them) too.
QUOTATION = re.compile(r"\"[^\"]*\"|“[^”]*”|‘[^‘’]*(?:’\w[^‘’]*)*’|"
                       r"(?<!\w)'(?:[^']|'(?=\w))*'(?!\w)")


def _quotes_someone(text: str) -> bool:
    """Whether `text` opens on a quotation or quotes two words or more (a scare-quoted word,
    "Trump condemns 'hostile' move", is the desk's news all the same)."""
    return text[:1] in QUOTES or any(len(m.group().split()) >= 2
                                     for m in QUOTATION.finditer(text))


def _over_news(title: str) -> bool:
    """Whether what follows the title's first colon is itself news, a clause of its own (four
    words or more, quoting no one, not a pointer, `_POINTER`): then the head before the colon
    is its label ("North Korea nuclear test: Trump condemns 'hostile' move", "Government
    shutdown, Day 32: Senate to vote Thursday …") or leaves its point out ("Sarah Sanders
    presents the official White House policy: The media is the enemy of the people"), and is
    no headline alone."""
    _, colon, tail = title.partition(":")
    tail = tail.strip()
    return (bool(colon) and len(tail.split()) >= MIN_CLAUSE_WORDS
            and not _quotes_someone(tail) and _POINTER.search(tail) is None)


def _clauses(title: str) -> list[str]:
    """The whole clauses of a title worth a headline on their own (in a title written in
    sentence case, none that only names: `_tells`; no head that only announces what its
    colon says, `announces`, or that its colon's news follows, `_over_news`)."""
    sentence_case = _tells(title)
    parts = _CLAUSE.split(title)
    if _announcing_head(title) is not None or _over_news(title):
        parts = parts[1:]
    heads = [_TRAILING.split(p)[0] for p in parts]
    out: list[str] = []
    for p in [*parts, *heads]:
        p = p.strip(" ,")
        bare = p.strip(QUOTES)
        first = p.split(maxsplit=1)[0] if p.split() else ""
        if (p == title or len(p.split()) < MIN_CLAUSE_WORDS or p in out
                or (p[:1] in QUOTES and p[-1:] in QUOTES and bare)
                or first.lower() in CONJUNCTIONS or first in PREPOSITIONS
                or (sentence_case and not _tells(p))):
            continue
        if quotes_open(p):
            continue  # a clause that cuts a quotation in two
        out.append(_capitalise(p))
    return out


def _tag_list(text: str) -> bool:
    """'Alexander Vindman, Impeachment trial, Adam Schiff, NSC': keywords, not a headline."""
    parts = text.split(",")
    return len(parts) >= 4 and all(len(p.split()) <= 3 for p in parts)


# A headline that opens on who says it ("Kevin McCarthy: Impeaching Trump Would Only Further
# Divide America", "U.S. Officials: Putin Personally Involved in …") attributes what follows
# the colon; the clause alone would print a claim or a view as the digest's own. The speaker
# is a name the story's sources have say something, or one of the people or bodies a
# newsroom quotes as a group (closed-class English).
_SPEAKER_COLON = re.compile(r"^((?:[\w.’'&-]+\s+){0,4}[\w.’'&-]+):\s+\S")
_SPEAKING = frozenset([
    "source", "sources", "official", "officials", "expert", "experts", "aide", "aides",
    "justices", "senators", "lawmakers", "leader", "leaders", "analysts", "prosecutors",
    "investigators", "police", "witnesses", "democrats", "republicans", "scientists",
    "economists", "diplomats", "doctors", "critics", "insiders", "allies"])


def speaker(title: str, sources: Sequence[str]) -> str | None:
    """Who says what follows the title's colon (`_SPEAKER_COLON`: a noun phrase of capitalised
    words, "U.S. House Republican leader" too), or None."""
    m = _SPEAKER_COLON.match(title)
    if m is None:
        return None
    words = m.group(1).split()
    last = words[-1]
    if any(not w[:1].isupper() or w.lower().translate(APOSTROPHES) in STOPWORDS for w in words[:-1]):
        return None  # ("It's official:", "Alexandria Ocasio-Cortez slammed by Democrats:")
    if last.lower() in _SPEAKING:
        return m.group(1)
    if not last[:1].isupper() or (last.isupper() and len(last) > 3):
        return None  # ("BREAKING:" is a kicker, `clean_title`; "the week ahead:" no one)
    # ("Kevin McCarthy (R-CA) said in a statement …")
    said = re.compile(rf"(?<![\w-]){re.escape(last)}(?:\s*\([^()]{{1,30}}\))?,?\s+{SPEECH}\b")
    return m.group(1) if any(last in text and said.search(text) for text in sources) else None


def candidate_texts(title: str, sources: Sequence[str], *, language: str = "en",
                    rescue: bool = False) -> list[str]:
    """A cleaned title and its whole clauses, minus what the copy editor would strike and tag
    lists; `sources` (the story's titles and texts) let the copy editor tell a cut word.
    `rescue` (when no title of the story offers anything): the main clause before a bare
    "as" / "after" / "while" … clause instead, or a head that only announces what its colon
    says (`announces`: "Americans' message to Washington on …" when "…: Don't" is struck).
    A title that opens on its speaker (`speaker`) keeps them before each clause it offers
    (its clauses alone would drop who says them): "Trump: Drug Czar Nominee … Withdrawing
    His Name", not "… - Here's Why"."""
    said_by = speaker(title, sources)
    if said_by is None:
        texts = [title, *_clauses(title)]
    else:
        rest = title[len(said_by):].lstrip(": ")
        texts = [title, *(f"{said_by}: {c}" for c in _clauses(rest) if rest.startswith(c))]
    if rescue:  # (and a head that only announces: a tease is no strike, `announces`)
        head = _announcing_head(title)
        texts = [_capitalise(p.strip(" ,")) for p in _SUBORDINATE.split(title)[:1]
                 if len(p.split()) >= MIN_CLAUSE_WORDS and p != title and not quotes_open(p)]
        if head is not None and len(head.split()) >= MIN_CLAUSE_WORDS and not quotes_open(head):
            texts.append(head)
    return [text for text in texts
            if not _tag_list(text) and not headline_strikes(text, sources, language=language)]
