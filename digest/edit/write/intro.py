"""The intro: what this issue covers, said as one sentence, from the issue's own material.

"This week in <newsletter> we look at <subject>, <subject> and <subject>, with six shorter
items and an explainer on <the Explainer's subject>, <its definition>."

* Each featured story's subject is a noun phrase of its headline (`subject`), in running
  text (`write/casing.py`: a word keeps its capital only where the story's articles write it,
  or another form of it, "launched" for "Launches", capitalised inside a sentence at least as
  often as not: a name, "China's", "AI"; a pair such as "Hangzhou Statement" written
  together; in a sentence-case headline, a capital the articles never contradict). A story
  without one is counted ("and one more story").
* The shorter items are counted; the Explainer is named with the definition its "Which is?"
  answer printed ("an industry body headquartered in Hangzhou").
* No quoted headlines, no counts of sources or articles, nothing the issue does not print.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from digest.edit.lexicon import ARTICLES, AUXILIARIES, CALENDAR, CONJUNCTIONS, PREPOSITIONS, stem
from digest.edit.proof import addressee
from digest.edit.proof.intro import list_item_faults, title_cased
from digest.edit.proof.item import item_faults
from digest.edit.proof.sources import Sources
from digest.edit.read.entities import is_title
from digest.edit.settings import IntroSettings
from digest.edit.write.casing import SMALL, in_running_text, prose_counts
from digest.edit.write.cover import finished, first_clause, only_a_name, tells
from digest.edit.write.phrase import NO_ARTICLE, PUNCT, clause_in
from digest.edit.write.tldr import few
from digest.locale import Words, words
from digest.models import Explainer, Newsletter, Story
from digest.text import tokens

INTRO = IntroSettings()
# "The Asia Open Model Alliance (AOMA) is an industry body …": the definition to quote.
_DEFINES = re.compile(r"^(?:The )?.+? is (?P<clause>an? .+?)\.$")


# Where a headline's object ends: a clause, a comparison or a purpose after it.
_OBJECT_END = re.compile(r"[,;:]| [—–-] | (?:as|after|amid|while|despite|over|to|for|with|"
                         r"in|at|from) (?=[a-z])")
MAX_PHRASE = 12  # words: a longer subject is a headline again


def _named(words: Sequence[str]) -> bool:
    """A name among `words`: a capital, a quotation or a digit inside a word ("Lingxi-3")."""
    return any(w[:1].isupper() or w[:1] in PUNCT or re.search(r"[A-Za-z]-?\d", w)
               for w in words)


def subject(headline: str, texts: Sequence[str]) -> str | None:
    """What a story is about, as a noun phrase of its headline: the object of its verb when it
    names something ("… sign Hangzhou Statement on open and safe AI" → "the Hangzhou
    Statement on open and safe AI"), else the words before the verb when they do ("Carthen
    fines map apps" → "Carthen"), else the object ("an algorithm inspection"). The verb is the first headline word the articles use as a verb (a form in -ed or
    -ing of its stem: "launches" / "launched"); with none, the opening words the articles all
    use, when they name something. None when there is no such phrase of at most 12 words."""
    words = headline.split()
    body = " ".join(texts)
    counts = prose_counts(texts)
    verbs = {stem(w) for w in tokens(body) if w.endswith(("ed", "ing"))}
    said = {w.lower().strip(PUNCT) for w in body.split()}
    # A headline's verb is in the present ("launches", "sign"), never a participle, which
    # qualifies a noun ("labelling rules").
    verb = next((i for i, w in enumerate(words) if i and w.islower()
                 and not w.endswith(("ing", "ed")) and stem(w.strip(PUNCT)) in verbs), None)
    if verb is None:
        run = list(itertools.takewhile(lambda w: w.lower().strip(PUNCT) in said, words))
        phrase = run if 2 <= len(run) < len(words) else []
    else:
        obj = _OBJECT_END.split(" ".join(words[verb + 1:]), maxsplit=1)[0].split()
        if obj and obj[0].lower() in PREPOSITIONS | SMALL:
            obj = []  # "… opens in Beijing": no object, a place
        # The subject names something when a word after its first is one, or when the
        # articles write its first word capitalised mid-sentence ("Carthen fines …").
        named = _named(words[1:verb]) or in_running_text(words[0], counts)[:1].isupper()
        phrase = obj if obj and _named(obj) else words[:verb] if named else obj
        phrase = phrase if len(phrase) >= 2 or _named(phrase) else []
    # (the words the articles all use that stop on a function word stop inside a phrase:
    # "Mueller Report Details Trump's Attempts to Influence Probe" is no "… attempts")
    cut = verb is None and len(_trimmed(phrase)) < len(phrase)
    phrase = [] if cut else _trimmed(phrase)
    if (not 1 <= len(phrase) <= MAX_PHRASE or (verb is None and not _named(phrase))
            or _opens_quote(phrase) or phrase[0].lower() in PREPOSITIONS | _PARTICLES
            or re.search(r"\bto [a-z]", " ".join(phrase))):
        return None  # "ahead of Senate runoffs", "Hunter Biden to step": no noun phrase
    text = _undated(in_running_text(" ".join(phrase), counts))
    if verb is None and any(w[:1].islower() and w.endswith("ed") for w in text.split()):
        return None  # a clause the articles all use, not a noun phrase: "Trump asked Comey"
    if not text or clause_in(text, set(re.findall(r"[a-z]+", body.lower()))) is not None:
        return None  # a clause the rules can tell: counted, never printed
    first = text.split()[0]
    if first in ("The", "the"):
        return "the " + text.split(" ", 1)[1] if " " in text else None  # "The Washington Post"
    if is_title(first.rstrip(".")) and len(text.split()) > 1 and text.split()[1][:1].isupper():
        return text  # "President Trump", "Sen. Collins": a title before a name takes no "the"
    # The phrase's head: the word before its first preposition ("campaign against …").
    before_prep = list(itertools.takewhile(lambda w: w.lower() not in PREPOSITIONS,
                                           text.split())) or [first]
    head = before_prep[-1].strip(PUNCT)
    if first.lower() in NO_ARTICLE or (first[:1].islower() and re.search(r"[^su]s$", head)):
        return text  # "many of Biden's nominees", "unemployment claims": no "a"
    # "the" where the articles put it before the phrase's first or second word ("the
    # statement" for "Hangzhou Statement on …"); never before a possessive.
    # The words whose "the" the phrase takes: its first two, and the common noun a name
    # qualifies ("the March for Life rally", "the Rochester Police chief").
    words = text.split()
    named_head = [words[-1]] if len(words) > 1 and words[-1].islower() and all(
        w[:1].isupper() or w in ("of", "for", "and") for w in words[:-1]) else []
    # A singular common noun after a name needs its article ("the Rochester Police chief").
    singular = bool(named_head) and not named_head[0].endswith("s")
    # … also the head of names and modifiers ("the Texas high school shooting suspect").
    singular = singular or ((first[:1].isupper() or first[:1] == "$") and head.islower() and (
        not head.endswith(("s", "ing"))) and not first.endswith(("'s", "’s")) and not any(
        re.fullmatch(r"[a-z]+[^s's]s", w) for w in before_prep[1:-1]))  # "… warns …": a verb?
    if not first.endswith(("'s", "’s")) and (singular or any(
            _takes_the(w.strip(PUNCT), body) for w in words[:2] + named_head)):
        return f"the {text}"
    if first[:1].islower() and not first.endswith(("'s", "’s")) and not head.endswith("ing"):
        return f"{'an' if first[:1] in 'aeio' else 'a'} {text}"
    return text


def _undated(text: str) -> str:
    """The phrase without the weekday, month or "today" that ends it ("… report Monday")."""
    words = text.split()
    while len(words) > 1 and words[-1].strip(PUNCT + ",.") in _WHEN:
        words.pop()
    return " ".join(words)


# Nouns a name qualifies, whose "the" is theirs: "the Trump administration", "the Biden camp".
_OF_A_NAME = (r"(?:administration|campaign|team|family|organi[sz]ation|era|presidency|camp|"
              r"government|aides|allies|supporters|foundation)\b")
# Words that end a subject by saying when, not what ("… report Monday").
_WHEN = CALENDAR | {"today", "tomorrow", "yesterday", "tonight"}


def _takes_the(word: str, body: str) -> bool:
    """Whether the articles put "the" before `word` ("the statement" for "Hangzhou Statement",
    "the Supreme Court"), not counting the "the" of a noun the word qualifies ("the Trump
    administration" is no "the Trump")."""
    return re.search(rf"\bthe {re.escape(word)}\b(?!\s+{_OF_A_NAME})", body,
                     re.IGNORECASE) is not None


# Words a noun phrase never ends on ("North Korea is", "the Senate narrowly", "… to").
_ENDS_NO_PHRASE = PREPOSITIONS | ARTICLES | CONJUNCTIONS | AUXILIARIES
_PARTICLES = frozenset(["ahead", "back", "away", "out", "off", "up", "down"])


def _trimmed(phrase: Sequence[str]) -> list[str]:
    """The phrase without the function words, -ly adverbs and commas that end it."""
    out = list(phrase)
    while out and (out[-1].lower().strip(PUNCT + ",") in _ENDS_NO_PHRASE
                   or re.fullmatch(r"[a-z]{5,}ly", out[-1].strip(PUNCT + ","))):
        out.pop()
    if out and out[-1].rstrip("'’\"”").endswith(","):
        out[-1] = out[-1].replace(",", "")
    return out


def _opens_quote(phrase: Sequence[str]) -> bool:
    """Whether the phrase opens a quotation it does not close ("an 'immigration hypocrite")."""
    opened = sum(w[:1] in "'‘\"“" for w in phrase)
    closed = sum(w.rstrip(",.").endswith(("'", "’", '"', "”")) for w in phrase)
    return opened != closed


def clauses(stories: Sequence[Story], texts: Sequence[Sequence[str]],
            src: Sources | None = None) -> list[str | None]:
    """What the intro says of each featured story (`texts`: its articles' texts): its subject
    (`subject`) when that tells the story (`cover.tells`), else its headline's main clause in
    running text (`cover`); None where neither tells it or the copy editor would strike it as
    an item of the intro's list (`proof/intro.list_item_faults`, checked against `src`, the
    week's articles: `tldr.week_sources`)."""
    out: list[str | None] = []
    for s, t in zip(stories, texts, strict=True):
        told = _clause_told(s.headline, t, src)
        if told is not None:
            out.append(told)
            continue
        phrase = subject(s.headline, t)
        if phrase and src and item_faults(phrase, src):
            phrase = _completed(phrase, src)
        # (one item of a list: a comma inside it would read as two)
        named = (phrase if phrase and "," not in phrase and not item_faults(phrase, src)
                 else None)
        out.append(named if named and tells(named) else None)
    return out


def _clause_told(headline: str, texts: Sequence[str], src: Sources | None) -> str | None:
    """The headline's main clause in running text (`cover`), or None where the copy editor
    would strike it as an item of the intro's list."""
    cut = first_clause(headline, src) if src else None
    if cut is None or src is None:
        return None
    told = finished(_undated(in_running_text(cut, prose_counts(texts), mid=True, src=src)), src)
    # (a name alone tells nothing, as a subject or as a headline's words without a
    # verb, "State of the Union": the story is counted)
    # (the whole headline in its Title Case is quoted, not told: `title_cased`)
    if told and told == headline.strip().rstrip(".") and title_cased(headline, src):
        return None
    if told and (_addressed(cut, headline, src) or list_item_faults(told, src)
                 or only_a_name(told) or (clause_in(told, src.words) is None
                                          and not tells(told))):
        return None
    return told


def _addressed(cut: str, headline: str, src: Sources) -> bool:
    """Whether the clause is a headline's address before a colon, "X to Y: …" ("WSJ
    Employees to Publisher: Opinion Page Spreads …"): who speaks to whom, not what happened
    (`proof.addressee`, read against the week's words)."""
    if re.match(rf"\s*{re.escape(cut)}\s*:", headline) is None:
        return False
    return addressee(cut, src.words)


def _completed(phrase: str, src: Sources) -> str:
    """The phrase with the name it ends on written out as the sources write it ("Carthen" →
    "the Carthen Data Board", "a hotline to South" → "a hotline to South Korea")."""
    words = phrase.split()
    k = len(words) - 1
    while k and words[k - 1][:1].isupper():
        k -= 1  # where the name starts
    name = " ".join(words[k:])
    for _ in range(4):
        more = src.rest_of(name) if name[:1].isupper() else None
        if more is None:
            break
        name = f"{name} {more}"
    if k == 0 and name != phrase and src.takes_the(name):
        return f"the {name}"
    return " ".join([*words[:k], name])


def intro_line(newsletter: Newsletter, label: str, covers: Sequence[str | None], also: int,
               explainer: Explainer | None, settings: IntroSettings = INTRO) -> str:
    """What the issue covers (see the module docstring): "This week in <newsletter>: A; B;
    C; and 16 more stories, with four shorter items and an explainer on …", the items cut
    from the end until it holds at most `settings.max_words` words."""
    said = words(newsletter.language, newsletter.labels)
    if said.intro:  # a language with its own intro (digest/locale.py): counted, not listed
        return _counted(newsletter.title, len(covers), also, explainer, said)
    if not covers and not also:
        return (f"Welcome to {newsletter.title} for {label}. It was a quiet week: none of our "
                f"sources published anything on our topics, so this issue is short.")
    named: list[str] = []
    for c in covers:
        if c and len(named) < settings.named and not any(_repeats(c, n) for n in named):
            named.append(c)  # "Trump, Trump's legal team", "the Senate, the Senate": once
    extra = []
    if also:
        extra.append(f"{few(also)} shorter item{'s' if also != 1 else ''}")
    if explainer is not None:
        extra.append(f"an explainer on {_definite(explainer.entity)}{_definition(explainer)}")
    while True:
        line = _line(newsletter.title, named, len(covers) - len(named), extra)
        if len(named) <= 1 or len(line.split()) <= settings.max_words:
            return line
        named.pop()


def _counted(title: str, featured: int, also: int, explainer: Explainer | None,
             said: Words) -> str:
    """'本期《中国科技周报》共4篇报道，另有2条简讯，并解读星河智能。' (the language's own words)."""
    if not featured and not also:
        return said.intro_quiet.format(title=title)
    parts = [said.intro.format(title=title, n=featured)]
    if also:
        parts.append(said.intro_also.format(n=also))
    if explainer is not None:
        parts.append(said.intro_explainer.format(entity=explainer.entity))
    return "".join(parts) + said.stop


def _line(title: str, named: Sequence[str], rest: int, extra: Sequence[str]) -> str:
    items = list(named)
    if rest:
        more = " more" if named else ""
        items.append(f"{few(rest)}{more} stor{'y' if rest == 1 else 'ies'}")
    if not items:
        return f"This week in {title}: {' and '.join(extra)}."
    listed = "; ".join(items[:-1]) + f"; and {items[-1]}" if len(items) > 1 else items[0]
    tail = f", with {' and '.join(extra)}" if extra else ""
    return f"This week in {title}: {listed}{tail}."


def _repeats(a: str, b: str) -> bool:
    """Whether one subject's words are all in the other's ("Trump" and "Trump's legal team"),
    or both open on the same name ("Trump returns …", "Trump defends …")."""
    def words(text: str) -> set[str]:
        return {re.sub(r"['’]s$", "", w) for w in re.findall(r"\w[\w'’-]*", text.casefold())
                } - ARTICLES

    def opening(text: str) -> str:
        m = re.match(r"(?:the )?((?:[A-Z][\w.-]*\s?)+)", text)
        return re.sub(r"['’]s$", "", m.group(1).strip()) if m else ""
    x, y = words(a), words(b)
    return (bool(x and y) and (x <= y or y <= x)) or (opening(a) != "" and opening(a) == opening(b))


def _definition(explainer: Explainer) -> str:
    """", an industry body headquartered in Hangzhou": the "Which is?" answer's definition."""
    first = explainer.qa[0] if explainer.qa else None
    if first is None or first.question != "Which is?" or len(first.answer) != 1:
        return ""
    m = _DEFINES.match(first.answer[0].text)
    if not m:
        return ""
    clause = m.group("clause")
    alias = re.search(r"\(([^()]+)\)$", explainer.entity)
    if alias:  # "(MFO), an … body known as MFO": the name in brackets already says it
        clause = re.sub(rf",?\s+(?:known as|called|or)\s+(?:the\s+)?{re.escape(alias.group(1))}$"
                        rf"|\s*\({re.escape(alias.group(1))}\)$", "", clause)
    return f", {clause}" if len(clause.split()) <= 12 else ""


_INSTITUTIONS = frozenset(["alliance", "administration", "agency", "authority", "association",
                           "board", "bureau", "commission", "committee", "council", "department",
                           "federation", "force", "forum", "foundation", "institute", "league",
                           "ministry", "office", "organisation", "organization", "society",
                           "union", "university", "consortium", "coalition", "network"])


def _definite(name: str) -> str:
    """'the Harbour Data Alliance (HDA)': an institution's full name takes "the"."""
    words = re.sub(r"\s*\(.*\)$", "", name).split()
    return f"the {name}" if len(words) > 1 and any(
        w.lower() in _INSTITUTIONS for w in words) else name
