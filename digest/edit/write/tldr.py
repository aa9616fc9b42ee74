"""The TL;DR: what ties the week (the intro, what the issue covers, is intro.py).

One through-line of at most three sentences, never the stories' leads chained with
"And … Meanwhile":

* the *thread* is the organisation or name that the most featured stories mention (at least
  two, and a quarter of them; no place; a name in most of the week's articles is the
  newsletter's own subject, not a thread);
* the TL;DR tells what the thread did in each of the highest-ranked stories that name it
  (up to three, the story the intro names first leading; no count of stories, which is the
  issue's arithmetic, not news): one source sentence per story that names the thread on its
  own (not inside a longer name, nor a son's: "Donald Trump Jr.") and shares at least
  `tie_words` content words with what its story printed (headline and paragraph: how the
  thread ran through that story, not a side fact about the thread): one that also names
  another featured story's own subject first, then one the thread opens as its subject
  ("US President Donald Trump signed …", not "AOMA's member list …"), then one the
  paragraph printed (it says what happened there), then the earliest; a sentence that leans
  on one not printed ("It", "Second, …", "The move …"), repeats one already chosen, or dates
  its act before its article's month ("… published a test suite in October": background,
  timeline.dated_before) is never used, and a trailing clause (", requiring …") is cut;
* the Explainer, written after it, repeats none of its sentences — unless it would have too
  few answers without them: then it takes them and the TL;DR is written around it;
* a week without a thread, or whose thread only one story's sentence carries, gets one
  plain line: the main clause of the lead story's first sentence that reports.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection, Sequence
from dataclasses import replace

from digest.edit.lexicon import (
    CJK_RE,
    COUNTS,
    NAME_SUFFIXES,
    STOPWORDS,
    content_words,
    dangles,
    said_elsewhere,
    stem,
)
from digest.edit.proof.sources import Sources
from digest.edit.proof.tldr import one_line, sentence_faults
from digest.edit.read.entities import is_title, mentions
from digest.edit.settings import TldrSettings
from digest.edit.week import Line, Read, Week
from digest.edit.write.attribution import judges
from digest.edit.write.summarize import in_language
from digest.edit.write.timeline import dated_before
from digest.models import Sentence, Story

# Where a sentence's main clause ends: a trailing participle, "with …", "most of them …".
_TRAILER = re.compile(r",\s+(?=(?:[a-z]+ing|with|most of|many of|which|while|as|after|"
                      r"according to|amid|adding|saying)\b)|;\s+")
MIN_CLAUSE_WORDS = 6
# A finite verb a clause that stands alone has: an auxiliary, "said", a past tense in -ed.
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|should|may|"
                     r"might|must|did|does|said|says)\b|\b[a-z]{2,}ed\b")
# Where a clause inside the sentence starts: its verb must come after it.
_SUBORDINATE = re.compile(r"\b(?:that|which|who|whom|whose|whether|if|because|when|where|"
                          r"while)\s")
_OPEN_END = frozenset(["a", "an", "the", "his", "her", "its", "their", "our", "my", "your",
                       "this", "that", "these", "those", "big", "new"])


def main_clause(text: str) -> str:
    """The sentence cut before a trailing clause, when what remains stands alone: enough
    words, a finite verb after the last clause opener ("… ruled that Wolf's orders" and
    "In an audio recording of his speech" are no sentences), no quotation or bracket left
    open, not ending on a determiner ("… over his big")."""
    if CJK_RE.search(text[:5]):
        return text
    for m in _TRAILER.finditer(text):
        head = text[:m.start()]
        if head.count('"') % 2 or head.count("(") != head.count(")"):
            continue  # never cut inside a quotation or parentheses
        if len(head.split()) < MIN_CLAUSE_WORDS:
            break
        opener = [o.end() for o in _SUBORDINATE.finditer(head)]
        if (_FINITE.search(head, opener[-1] if opener else 0)
                and head.split()[-1].lower() not in _OPEN_END):
            return head + "."
        if _FINITE.search(head) is None:
            break  # no verb yet: a later cut would still open on this fragment's subject
    return text


def _story_names(week: Week, writing: Sequence[Sequence[Read]]) -> list[dict[str, int]]:
    """Per story, how many of its articles name each entity."""
    out = []
    for reads in writing:
        counts: dict[str, int] = defaultdict(int)
        for r in reads:
            for key in week.index.resolve(r.mentions):
                counts[key] += 1
        out.append(dict(counts))
    return out


def thread(week: Week, writing: Sequence[Sequence[Read]], least: int,
           ties: Callable[[str], bool] = lambda _: True) -> str | None:
    """The entity the most featured stories name (see the module docstring) that `ties` the
    week, or None."""
    names = _story_names(week, writing)
    stories: dict[str, int] = defaultdict(int)
    articles: dict[str, int] = defaultdict(int)
    for counts in names:
        for key, c in counts.items():
            stories[key] += 1
            articles[key] += c
    index = week.index
    fit = [k for k, n in stories.items() if n >= least
           and (index.kind(k) == "org" or _name_like(k)) and ties(k)]
    if not fit:
        return None
    return min(fit, key=lambda k: (-stories[k], index.kind(k) != "org", -articles[k], k))


def _name_like(key: str) -> bool:
    """A name a reader knows as one: several capitalised words, a hyphenated product name
    ("Lingxi-3"), a Chinese name; never a fragment such as "AI-generated" or "China's AI"."""
    if CJK_RE.search(key):
        return True
    key = re.sub(r"^[A-Z]\w*['’]s\s+", "", key)  # "China's National … Bureau"
    if "'" in key or "’" in key:
        return False
    parts = re.split(r"[\s-]+", key)
    return len(parts) > 1 and all(p[:1].isupper() or p[:1].isdigit() or p in _JOINERS
                                  for p in parts)


_JOINERS = frozenset(["of", "for", "and", "the", "de", "&"])


def _own(week: Week, names: Sequence[dict[str, int]], k: int) -> str | None:
    """The name story k's articles share most that no other featured story names."""
    others = {key for j, c in enumerate(names) if j != k for key in c}
    fit = [key for key in names[k] if key not in others
           and (week.index.kind(key) == "org" or _name_like(key))]
    return min(fit, key=lambda key: (-names[k][key], key), default=None)


def week_sources(week: Week) -> Sources:
    """The week's articles, as the copy editor checks a name against them."""
    return Sources(tuple(f"{r.article.title}\n{r.article.text}" for r in week.reads))


def _standalone(r: Read, line: Line, language: str, settings: TldrSettings,
                src: Sources) -> str | None:
    """The line as a TL;DR sentence: in the language, complete, its trailing clause cut, and
    nothing in it a copy editor strikes (`proof/tldr.sentence_faults`: "the congresswoman"
    with no name, "Speaker Nancy" with no surname, "… would also …")."""
    if (line.furniture or not r.speaks(line, language) or dangles(line.text)
            or r.refers_back(line) or judges(line.text)):
        return None  # (a writer's judgement is no through-line: "… are weaponizing …")
    text = main_clause(line.text)
    n = len(text.split()) if not line.cjk else len(text) // 2
    if not settings.min_words <= n <= settings.max_words or text.rstrip()[-1:] not in ".。!?！？":
        return None
    return None if sentence_faults(text, src) else text


_SUFFIX = "|".join(sorted(NAME_SUFFIXES))  # ("Donald Trump Jr." is not Donald Trump)


def _names(text: str, forms: Sequence[str]) -> bool:
    """Whether `text` names the thread by one of its `forms` on its own, not inside a longer
    name ("the Pennsylvania Supreme Court" is no "Supreme Court")."""
    for f in forms:
        for m in re.finditer(rf"(?<![\w-]){re.escape(f)}(?![\w-])(?!\s+(?:{_SUFFIX})\b)",
                             text):
            words = text[:m.start()].split()
            before = words[-1:]
            if (not before or not before[0][:1].isupper() or before[0] in ("The", "A")
                    or is_title(before[0].rstrip("."))
                    or (len(words) == 1 and before[0].lower() in STOPWORDS)):
                return True  # ("President Donald Trump": a title before the name; "On AOMA's
                # leaderboard": a sentence's first word, no part of a name)
    return False


def _opens_on(text: str, forms: Sequence[str]) -> bool:
    """Whether the sentence's subject is the thread: it stands in the capitalised words the
    sentence opens on ("US President Donald Trump signed …", "The Asia Open Model Alliance
    (AOMA) published …"), not after a preposition ("On AOMA's leaderboard, …") nor as
    another's owner ("AOMA's member list includes …": the list is the subject)."""
    head = re.match(r"(?:[A-Z(][\w.'’()-]*\s+)*", text)
    opening = head.group(0) if head else ""
    first = (opening.split() or [""])[0]
    preposition = first != "The" and first[1:].islower() and first.lower() in STOPWORDS
    return not preposition and any(_names(opening, [f]) and not re.search(
        rf"{re.escape(f)}['’]s\b", opening) for f in forms)


def _forms(week: Week, key: str) -> list[str]:
    return sorted(week.index.aliases(key), key=len, reverse=True)


# A story's best thread sentence: its rank, its text as printed, its article and line.
_Best = tuple[tuple[int, bool, bool, int, int, int], str, Read, Line]


def through_line(week: Week, writing: Sequence[Sequence[Read]], stories: Sequence[Story],
                 language: str, settings: TldrSettings,
                 elsewhere: Collection[str] = (), first: int = 0,
                 src: Sources | None = None) -> tuple[Sentence, ...]:
    """The TL;DR (see the module docstring): `writing` holds each featured story's articles,
    `stories` the featured stories as printed, `elsewhere` the Explainer's sentences when it
    needed them first (the TL;DR never repeats one), `first` the story the intro names first
    (with no thread, the TL;DR's one line is that story's: both say what leads the issue),
    `src` the week's articles (`week_sources`, built once by the editor for every writer)."""
    every = list(writing)
    writing = list(writing[:settings.stories])
    head = list(stories[:settings.stories])
    if not head:
        return ()
    opening = stories[min(first, len(stories) - 1)]  # (read before the cut to `head`)
    stories = head
    src = week_sources(week) if src is None else src
    every_names = _story_names(week, every)

    def ties_week(key: str) -> bool:
        """A through-line: named in `thread_share` of the featured stories or more, and no
        place (a country or a city is where news happens, not what ties it)."""
        runs = sum(1 for counts in every_names if key in counts)
        return (runs >= settings.thread_stories and runs >= settings.thread_share * len(every)
                and not _a_place(_forms(week, key), src, settings))

    key = thread(week, writing, settings.thread_stories, ties_week)
    names = _story_names(week, writing)
    own = [_own(week, names, k) for k in range(len(writing))]
    picked: list[tuple[int, Sentence, frozenset[str]]] = []

    def add(k: int, text: str, r: Read, words: Sequence[str]) -> None:
        bag = frozenset(words)
        if any(len(bag & other) >= 0.5 * max(1, len(bag)) for _, _, other in picked):
            return  # the same fact again
        picked.append((k, Sentence(text, week.cite(r)), bag))

    printed = [{s.text for s in story.sentences} for story in stories]
    # What each story printed (headline and paragraph): a thread sentence that shares most
    # of it says how the thread ran through that story, not a side fact about the thread.
    told = [frozenset(content_words(" ".join([story.headline, *printed[k]])))
            for k, story in enumerate(stories)]
    if key is not None:
        forms = _forms(week, key)
        # A name that is no organisation (a person, "the White House") runs through a story by
        # what it did there, as its subject, or by a theme another story shares beyond the
        # name ("The House passed … impeachment inquiry of President Donald Trump", "The House
        # … delivered an article of impeachment …"); an organisation also by what is its own
        # ("On AOMA's leaderboard, Lingxi-3 scored …").
        person = week.index.kind(key) != "org"
        name = frozenset(content_words(" ".join(forms)))  # the thread's name is no fact
        explained = [frozenset(content_words(t)) - name for t in elsewhere]
        # (the story the intro names first is read first: when it names the thread, its
        # sentence carries it, and the intro and the TL;DR agree on what leads)
        leading = [first] if first < len(writing) else []
        found: list[tuple[int, _Best | None, _Best | None]] = []  # per story: best, as subject
        for k in leading + [j for j in range(len(writing)) if j not in leading]:
            best: _Best | None = None
            acting: _Best | None = None
            for r in writing[k]:
                for line in r.lines:
                    if not _names(line.text, forms):
                        continue
                    text = _standalone(r, line, language, settings, src)
                    if (text is None or not _names(text, forms)
                            or said_elsewhere(frozenset(line.words) - name, explained)):
                        continue  # (the cut took the thread's name with it: "…, told CNN")
                    if r.article.published and dated_before(text, r.article.published.date()):
                        continue  # background ("… published a test suite in October")
                    named = set(week.index.resolve(mentions(text)))
                    ties = sum(1 for j, s in enumerate(own) if j != k and s in named)
                    subject = _opens_on(text, forms)
                    # A sentence the paragraph printed is central to its story: it says what
                    # happened there, and how the thread ran through it.
                    central = line.text in printed[k]
                    shared = len((frozenset(line.words) - name) & told[k])
                    if shared < settings.tie_words:
                        continue  # a side fact about the thread, not how it ran here
                    rank = (-ties, not subject, not central, -shared, line.index, len(text))
                    if best is None or rank < best[0]:
                        best = (rank, text, r, line)
                    if subject and (acting is None or rank < acting[0]):
                        acting = (rank, text, r, line)
            found.append((k, best, acting))
        stems = name | frozenset(stem(w) for w in name)

        def theme(b: _Best) -> frozenset[str]:
            """What a sentence says beyond the thread's name and a title before it
            ("President", "Mayor": in every sentence on the person)."""
            words = (w for w in b[1].split() if not is_title(w.strip(".,")))
            return frozenset(content_words(" ".join(words))) - stems

        for k, best, acting in found:
            if person and acting is None and best is not None and not any(
                    len(theme(best) & theme(other)) >= settings.tie_words
                    for j, other, _ in found if j != k and other is not None):
                continue  # (met in passing, sharing nothing but the name: "… to take on Trump")
            chosen = acting if person and acting is not None else best
            if chosen is not None:
                add(k, chosen[1], chosen[2], chosen[3].words)
            if len(picked) >= settings.sentences:
                break
    if key is not None and len(picked) >= 2:
        # What ties the week: the thread and what it did in each of the highest-ranked stories
        # that name it, one sentence each (the story the intro names first leading), its full
        # name written once.
        picked.sort(key=lambda p: (p[0] != first, p[0]))
        shown = week.index.display(key)
        out = [p[1] for p in picked[:settings.sentences]]
        out = out[:1] + [_short(s, shown) if shown in " ".join(t.text for t in out[:k + 1])
                         else s for k, s in enumerate(out[1:])]
        if one_line([s.text for s in out]):
            return tuple(out)
    # No thread (or one story only carries it): one plain line, the first printed sentence of
    # the story the intro names first
    # (`first`: both say what leads the issue) that reports rather
    # than judges (an opinion piece's "… are weaponizing identity politics …" is its
    # writer's, and the TL;DR speaks for the issue).
    # A story printed in another language (a Chinese story's sentences in an English issue,
    # where it has none in the issue's) gives no line: the TL;DR speaks the language.
    def lead(story: Story) -> Sentence | None:
        return next((s for s in story.sentences if not judges(s.text)
                     and in_language(s.text, None, language)
                     and _plain(main_clause(s.text), src)), None)

    plain = lead(opening)
    if plain is None and picked:  # (none stands alone: the thread's one sentence)
        return (min(picked, key=lambda p: (p[0] != first, p[0]))[1],)
    # (or the next story's line: a TL;DR says something)
    plain = next((x for x in (plain, *map(lead, stories)) if x is not None), None)
    return (Sentence(main_clause(plain.text), plain.sources),) if plain is not None else ()


def _short(sentence: Sentence, shown: str) -> Sentence:
    """`sentence` opening on the thread's name as the count line printed it, "The Harbour Data
    Alliance (HDA) …", opening on the short form the count line introduced, "HDA …", instead
    of the whole name twice in a row."""
    m = re.fullmatch(r"(.+) \(([^()]+)\)", shown)
    if m is None:
        return sentence
    for opening in (f"The {shown} ", f"the {shown} ", f"{shown} "):
        if sentence.text.startswith(opening):
            return replace(sentence, text=f"{m.group(2)} {sentence.text[len(opening):]}")
    return sentence


def few(n: int) -> str:
    """A count in words up to ten ("three"), in figures above."""
    words = ("no", *COUNTS[:10])
    return words[n] if 0 <= n < len(words) else str(n)


def _a_place(forms: Sequence[str], src: Sources, settings: TldrSettings) -> bool:
    """Whether the sources write the name after "in" or "at" (or "in the", "at the") in
    `place_share` of its uses or more: a place ("in the United States", "in Texas", "at the
    White House"), where news happens."""
    used = placed = 0
    for f in forms:
        esc = re.escape(f)
        used += src.count(rf"(?<![\w-]){esc}(?![\w-])", f)
        placed += src.count(rf"\b(?:[Ii]n|[Aa]t) (?:the )?{esc}(?![\w-])", f)
    return used > 0 and placed >= settings.place_share * used


def _plain(text: str, src: Sources) -> bool:
    """A sentence that stands alone, with nothing a copy editor strikes."""
    return not dangles(text) and not sentence_faults(text, src)
