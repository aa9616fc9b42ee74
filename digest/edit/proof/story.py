"""The copy editor: what a desk editor would strike in a headline or a story paragraph.

`headline_strikes` and `paragraph_strikes` return one `Strike` per violation (an empty list
when the copy is clean); `issue_strikes` runs both over every story of an issue. The writers
use the same predicates to avoid what the checker strikes (`leaning.opens_on_reference`,
`told_again`), the tests run the checker over the demo issue, and `bench/allsides.py` counts
the strikes on real weeks.

Headlines: no ending on a preposition, article, conjunction, auxiliary or a verb that needs
its object ("… Presses", "… Approves", "… Isn't"); not cut (a trailing "…", or a last word
the sources never write whole — Chinese too); no dateline ("LONDON (Reuters) —"), kicker
("WATCH:") or outlet suffix (" - Reuters", " | Site"); in the issue's language.

Paragraphs: no opening on a reference to something not printed ("He", "The company",
"Second,", "One of them", a "him" in a sentence that names nobody); no dateline or kicker
("MINNEAPOLIS—", "(AP) —", "VIDEO:"); no fact stated twice (a distinctive number in two
sentences, a sentence whose content words another one mostly holds, a clause in the same words,
or another outlet's sentence that says nothing the paragraph has not printed: no new name,
figure or date and few new words, or the same event told again — the same actors and action,
`events.says_nothing_new`); no quotation left open (a sentence split inside a quote); no
sentence that is not whole (`whole.fault`: cut by its publisher, "… the Senate will vote on
two bills…"; a stray full stop, "… to Speaker Nancy Pelosi. which will …"; a dek in headline
grammar, "President offers no new solutions to …"; a fragment, "Expanded Medicaid for
millions."); no Chinese outside brackets in a Latin-script issue; no name
lower-cased after an added attribution ("According to X, joe Biden").

The word lists are closed classes of English (prepositions, articles, conjunctions,
auxiliaries) and a small list of verbs that take an object, written for this module.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from digest.edit import whole
from digest.edit.acts import told_again
from digest.edit.events import says_nothing_new
from digest.edit.leaning import DEK_FAULT, leans_back, role_holder, titled_holders
from digest.edit.lexicon import (
    ARTICLES,
    AUXILIARIES,
    CJK_RE,
    CONJUNCTIONS,
    KICKERS,
    PARTICLES,
    PREPOSITIONS,
    STOPWORDS,
    WIRES,
    cjk_outside_brackets,
    content_words,
    dangles,
    verb_forms,
)
from digest.edit.write.days import readings
from digest.edit.write.summarize import LABEL, clean_sentence
from digest.models import Issue
from digest.text import doubled, iter_sentences, quotes_open, undoubled

# Verbs that need their object, in the headline present ("Group Approves", "Biden Presses"):
# only forms that are rarely nouns ("Travel Ban", "Flynn Probe" and "Labor Pick" end well).
NEEDS_OBJECT = frozenset(["accuses", "adopts", "announces", "approves", "asks", "blasts",
                          "condemns", "considers", "criticises", "criticizes", "defends",
                          "detains", "hires", "includes", "introduces", "praises", "presses",
                          "proposes", "rejects", "requires", "reveals", "seeks", "sends",
                          "slams", "sues", "tells", "unveils", "urges"])
# After these a last word is a noun ("the Press", "Trump's Pick"), not a verb.
_NOUN_BEFORE = frozenset(["a", "an", "the", "his", "her", "its", "their", "our", "your", "my",
                          "this", "that", "these", "those", "new", "more", "most", "no", "any"])
# An auxiliary ends a comparison or a clause that has its subject ("Than It Actually Is").
_ELLIPSIS_CUE = re.compile(r"\b(?:than|as|what|where|how|who|it|they|he|she|we|you|i)\b"
                           r"(?:\s+\S+){0,2}\s+\S+$", re.IGNORECASE)

_KICKER = re.compile(rf"^\s*(?:{'|'.join(KICKERS)})\s*[:|]\s*", re.IGNORECASE)
_WIRE = "|".join(WIRES)
_DATELINE = re.compile(rf"^\s*[A-Z][A-Z .,'/-]{{2,40}}\s*(?:\((?:{_WIRE})\))?"
                       rf"\s*[—–-]{{1,2}}\s|\((?:{_WIRE})\)\s*[—–-]")
_SUFFIX = re.compile(rf"\s(?:\|\s\S.{{0,60}}|[-—–]\s(?:{_WIRE}))\s*$")
# A dateline or a kicker left at the head of a sentence: "MINNEAPOLIS—", "ALBANY, N.Y. –",
# "(AP) —", "VIDEO:", "CLAIM:".
_HEAD_FURNITURE = re.compile(rf"^\s*(?:\((?:{_WIRE})\)|[A-Z]{{3,}}(?:[ -][A-Z]{{2,}})*"
                             rf"(?:,\s[A-Z][A-Za-z.]{{1,12}})?\s*(?:\((?:{_WIRE})\)"
                             r"\s*)?(?:--|—|–))")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’.-][A-Za-z0-9]+)*")
_ATTRIBUTED = re.compile(r"^(?:According to [^,]{1,80}, )(\S+)")


@dataclass(frozen=True)
class Strike:
    """One thing a copy editor would strike: where, which rule, the offending text."""

    where: str  # "headline", "paragraph", "tldr" or "explainer"
    rule: str
    text: str

    def __str__(self) -> str:
        return f"{self.where}: {self.rule}: {self.text}"


def _last_words(headline: str) -> tuple[str, str]:
    """The last two words, lower-cased ("" when missing)."""
    words = [w.lower().replace("’", "'").rstrip(".")
             for w in re.findall(r"[A-Za-z0-9][A-Za-z0-9'’.-]*", headline)]
    return (words[-2] if len(words) > 1 else "", words[-1] if words else "")


def headline_strikes(headline: str, sources: Sequence[str] = (), *,
                     language: str = "en") -> list[Strike]:
    """What a copy editor would strike in `headline`; `sources` (the story's titles and texts)
    let it tell a cut word from a whole one."""
    out: list[Strike] = []
    text = headline.strip()

    def strike(rule: str) -> None:
        out.append(Strike("headline", rule, text))

    if not text:
        strike("empty")
        return out
    cjk_issue = language[:2].lower() in ("zh", "ja", "ko")
    before, last = _last_words(text)
    if not CJK_RE.search(text[-1:]) and not text.endswith(("?", "!", "”", '"', "’", "'", ")")):
        if (last in PREPOSITIONS and last not in PARTICLES) or last in ARTICLES \
                or last in CONJUNCTIONS:
            strike(f"ends on a function word ({last})")
        elif last in AUXILIARIES and not _ELLIPSIS_CUE.search(text):
            strike(f"ends on an auxiliary ({last})")
        elif last in NEEDS_OBJECT and before not in _NOUN_BEFORE and not before.endswith("'s"):
            strike(f"ends on a verb without its object ({last})")
    if text.endswith(("…", "...")):
        strike("cut (ends on an ellipsis)")
    elif sources and _cut_word(text, sources):
        strike("cut mid-word")
    if sources:
        strange = _unsourced_words(text, sources)
        if strange:
            strike(f"word in no source ({strange[0]})")
    if _DATELINE.search(text):
        strike("dateline")
    if _KICKER.match(text) or _SUFFIX.search(text):
        strike("kicker or outlet suffix")
    if not cjk_issue and cjk_outside_brackets(text):
        strike("Chinese outside brackets in a Latin-script issue")
    if not cjk_issue and sources and any(f"{text}:" in s for s in sources) \
            and addressee(text, _read(tuple(sources)).words):
        strike("who speaks to whom, not what happened (X to Y:)")
    parts = list(iter_sentences(text))
    if not cjk_issue and _ends_on_fragment(parts):
        strike("ends on a fragment after its sentence")
    if len(parts) > 2:
        strike("three sentences or more: a dek, not a headline")
    return out


# "Some Pittsburgh Jewish leaders to Trump", "Barack Obama to 2020 Graduates": the clause
# before a title's colon that only says who speaks to whom (what they say follows the colon).
_QUANTIFIERS = frozenset(["a", "an", "the", "some", "many", "most", "all", "several", "top"])
_NOT_IN_A_NAME = frozenset(["whether", "that", "who", "says", "said", "is", "are", "was", "were",
                            "will", "would", "has", "have", "had"])
_ADDRESSEE = re.compile(r"\s[Tt]o\s+((?:[A-Z0-9][\w.'’&-]*\s+)*[A-Z0-9][\w.'’&-]*)$")


def addressee(clause: str, words: AbstractSet[str]) -> bool:
    """Whether `clause` is an address, "X to Y" with X and Y names or plural nouns (who speaks
    to whom), as a headline writes it before a colon ("WSJ Employees to Publisher: …", "Trump
    To Iran's President Rouhani: …"), never a clause ("Trump lied to Mueller", "McCain
    Returns to Senate": a verb the sources write in -ed or -ing) or a noun's complement
    ("Viewers' guide to Biden's Inauguration Day"); the word after "to" is no verb `words`
    (the sources' lower-case words) write in -ed or -ing ("Trump To Visit Texas: …" is a
    clause: they write "visited" or "visiting")."""
    m = _ADDRESSEE.search(clause)
    if m is None:
        return False
    speaker = clause[:m.start()].split()
    if not 0 < len(speaker) <= 5:
        return False
    last = speaker[-1].lower().rstrip("'’")
    if not (speaker[-1][:1].isupper() or last.endswith("s")):
        return False  # a noun's complement ("guide to"), a verb ("lied to"): no one speaks
    for w in speaker:
        low = w.lower().rstrip("'’")
        if low in _QUANTIFIERS:
            continue
        if low in _NOT_IN_A_NAME or low.endswith("ed") or verb_forms(
                low if low.endswith("s") else low + "s") & words:
            return False  # a verb: "Brandt Returns to", "House probes whether Brandt lied to"
    return not verb_forms(m.group(1).split()[0].lower() + "s") & words


def _ends_on_fragment(parts: Sequence[str]) -> bool:
    """A title (its sentences, `parts`) cut after a sentence, at the colon that followed a word
    or two: "U.S. Navy Wants Navy Seal's Trident Pin Removed. Trump" (": No Way."), "Trump
    wants to reopen schools. Hint" (": It's not just about education.")."""
    return len(parts) > 1 and len(parts[-1].split()) <= 2 and parts[-1][-1:] not in ".!?”\"’'"


def _cut_word(headline: str, sources: Sequence[str]) -> bool:
    """The headline's end is a whole word in no source: Latin, its last word is nowhere
    whole; Chinese, every place the sources write its last characters runs on into more
    characters (and no source ends a title or clause there)."""
    tail = headline.rstrip(" .!?。！？”’\"')")
    if not tail:
        return False
    if CJK_RE.search(tail[-1]):
        end = tail[-4:]
        found = False
        for s in sources:
            for m in re.finditer(re.escape(end), s):
                found = True
                if m.end() >= len(s) or not CJK_RE.match(s[m.end()]):
                    return False
        return found
    word = re.findall(r"\w[\w'’-]*$", tail)
    if not word:
        return False
    if _whole_in(word[0], _read(tuple(sources)).joined):
        return False  # found as written: the case-blind search below would find it too
    pattern = re.compile(rf"(?<![\w-]){re.escape(word[0])}(?![\w-])", re.IGNORECASE)
    return not any(pattern.search(s) for s in sources)


def _unsourced_words(headline: str, sources: Sequence[str]) -> list[str]:
    """Latin words of three letters or more that no source writes ("Scheduls", "Pils")."""
    have = _read(tuple(sources)).words
    words = [w for w in _WORD.findall(headline) if sum(c.isalpha() for c in w) >= 3]
    return [w for w in words if w.lower() not in have]


@dataclass(frozen=True)
class _Sources:
    joined: str  # the sources, one a line
    words: frozenset[str]  # their Latin words, lower-cased


@functools.lru_cache(maxsize=8)
def _read(sources: tuple[str, ...]) -> _Sources:
    """A story's sources read once for all its candidate headlines (each is checked against
    the same titles and texts)."""
    joined = "\n".join(sources)
    return _Sources(joined, frozenset(_WORD.findall(joined.lower())))


def _whole_in(word: str, text: str) -> bool:
    r"""Whether `word` occurs in `text` with no word character or hyphen either side (the
    regular expression (?<![\w-])word(?![\w-]): \w is str.isalnum() or "_")."""
    def joins(ch: str) -> bool:
        return ch.isalnum() or ch in "_-"

    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if (start == 0 or not joins(text[start - 1])) and (end == len(text)
                                                            or not joins(text[end])):
            return True
        start = text.find(word, start + 1)
    return False


def paragraph_strikes(sentences: Sequence[str], *, language: str = "en",
                      sources: Sequence[str] = (), origins: Sequence[str] = (),
                      headline: str = "",
                      titled: AbstractSet[tuple[str, str]] = frozenset()) -> list[Strike]:
    """What a copy editor would strike in a story paragraph, sentence by sentence.
    `origins`: the article each sentence comes from (its URL); a sentence that says nothing
    the *other* outlets' printed sentences do not is a paraphrase (`events.says_nothing_new`),
    while an outlet's sentence after its own earlier one goes on with its account. Without
    them every sentence is read as another outlet's. `headline`: the story's, which its first
    sentence may lean on ("The senator …" under "Senator Cory Booker …",
    `leaning.role_holder`; `titled`: who the issue's sources give a role's title), and a line
    alone under it may be its article's dek (`_standfirst`)."""
    out: list[Strike] = []
    cjk_issue = language[:2].lower() in ("zh", "ja", "ko")
    before = _before(tuple(sources))
    for k, s in enumerate(sentences):
        fault = leans_back(s)
        if fault and k == 0 and (held := role_holder(s, headline, titled)) \
                and not leans_back(held):
            fault = None  # (its headline names the one who holds the role)
        if fault and (k == 0 or not _follows(s, sentences[k - 1], before,
                                             origins[k - 1:k + 1] if origins else ())):
            out.append(Strike("paragraph", fault, s))
        others = [x for j, x in enumerate(sentences[:k])
                  if not origins or origins[j] != origins[k]]
        why = told_again(s, sentences[:k]) or (others and says_nothing_new(s, others))
        if why:
            out.append(Strike("paragraph", f"fact stated twice ({why})", s))
        if quotes_open(s):
            out.append(Strike("paragraph", "quotation left open", s))
        if slip := doubled(s):
            out.append(Strike("paragraph", f"words written twice ({slip})", s))
        why = whole.fault(s)  # cut, a stray stop, a dek, a fragment (`whole.fault`)
        if why and not (why == DEK_FAULT and len(sentences) == 1
                        and _standfirst(s, headline, sources)):
            out.append(Strike("paragraph", why, s))
        if _HEAD_FURNITURE.match(s) or LABEL.match(s) or clean_sentence(s) != s.strip():
            out.append(Strike("paragraph", "dateline or kicker", s))
        if not cjk_issue and cjk_outside_brackets(s):
            out.append(Strike("paragraph", "Chinese outside brackets in a Latin-script issue", s))
        m = _ATTRIBUTED.match(s)
        if m and sources and lowered_name(m.group(1), sources):
            out.append(Strike("paragraph", "name lower-cased after the attribution", s))
    return out


@functools.lru_cache(maxsize=8)
def _before(sources: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Each sentence of the sources (cleaned and mended as the writer reads it,
    `lines.article_lines`) and the sentences right before it (a title is the line before an
    article's first sentence)."""
    out: dict[str, tuple[str, ...]] = {}
    for source in sources:
        previous = ""
        for n, raw in enumerate(iter_sentences(source)):
            text = undoubled(clean_sentence(raw, lead=n == 0))
            if previous:
                out[text] = (*out.get(text, ()), previous)
            previous = text
    return out


def _follows(sentence: str, printed: str, before: dict[str, tuple[str, ...]],
             origins: Sequence[str]) -> bool:
    """Whether `sentence` is printed right after the sentence before it in its article (that
    one as printed may be credited: "…, according to Outlet A."). A sentence the sources do
    not hold as printed is judged by its article alone (`origins`: the two sentences'),
    and without sources or origins it is given the benefit of the doubt."""
    if sentence in before:  # (the one before may be printed with its relative day resolved)
        words = set(content_words(printed))
        return any(p == printed or set(content_words(p)) <= words
                   or printed in readings(p, printed) for p in before[sentence])
    return len(origins) < 2 or origins[0] == origins[1]


def _standfirst(sentence: str, headline: str, sources: Sequence[str]) -> bool:
    """Whether `sentence` is the first line of a source ("title\ntext") under the title that
    `headline` is (cleaned: a kicker or an outlet's name gone): its outlet's dek, written to
    stand under that title (an "Also" line may print it so)."""
    said = sentence.strip().rstrip(".")
    for source in sources:
        title, _, text = source.partition("\n")
        first = next(iter(iter_sentences(text)), "").strip().rstrip(".")
        if headline and headline in title and clean_sentence(first, lead=True) == said:
            return True
    return False


def lowered_name(word: str, sources: Sequence[str]) -> bool:
    """A lower-cased word the sources only ever write capitalised (a name)."""
    w = word.strip(",;:.'’\"")
    if not w or not w[0].islower() or w in STOPWORDS:
        return False  # "in", "the", "after": a function word is never a name
    cap = w[0].upper() + w[1:]
    text = "\n".join(sources)
    # Capitalised after a lower-case word (mid-sentence, on one line: a title above a text is
    # no sentence running into its first word), never written in lower case.
    return (re.search(rf"\b[a-z][\w,]*[^\S\n]+{re.escape(cap)}(?![\w-])", text) is not None
            and re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", text) is None)


def story_strikes(headline: str, sentences: Sequence[str], *, language: str = "en",
                  sources: Sequence[str] = (), origins: Sequence[str] = (),
                  titled: AbstractSet[tuple[str, str]] = frozenset()) -> list[Strike]:
    """Every strike in one story: its headline and its paragraph (or "Also" line)."""
    return [*headline_strikes(headline, sources, language=language),
            *paragraph_strikes(sentences, language=language, sources=sources,
                               origins=origins, headline=headline, titled=titled)]


def issue_strikes(issue: Issue, sources: dict[str, str] | None = None) -> list[Strike]:
    """Every strike in an issue's headlines and paragraphs. `sources` maps an article URL to
    its title and text, for the checks that need them (cut words, lower-cased names); the
    stories' own titles are always used."""
    out: list[Strike] = []
    titled = titled_holders(sources.values()) if sources else frozenset()  # ("President X")
    for story in issue.stories:
        texts = [sources[c.url] for c in story.articles if sources and c.url in sources]
        texts += [c.title for c in story.articles]
        out.extend(story_strikes(story.headline, [s.text for s in story.sentences],
                                 language=issue.newsletter.language, sources=texts,
                                 origins=[s.sources[0] if s.sources else ""
                                          for s in story.sentences], titled=titled))
    # Read alone, far from its story: a TL;DR sentence and an answer's first sentence.
    alone = [("tldr", s.text) for s in issue.tldr]
    alone += [("explainer", q.answer[0].text) for q in (issue.explainer.qa if issue.explainer
                                                        else ()) if q.answer]
    out.extend(Strike(where, "leans on a sentence not printed", text)
               for where, text in alone if dangles(text))
    return out
