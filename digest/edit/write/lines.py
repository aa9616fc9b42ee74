"""A story's printable sentences, each read once: what it says, how long it is, what it leans on.

`story_lines` turns a story's articles into `Line`s — the sentences a paragraph or an "Also
this week" line may print — and `Centrality` says how much of a sentence the other outlets
say too. Both writers (paragraph.py, also.py) choose from these.

A sentence is printable when it is prose (no byline, timestamp or ticker: furniture.py; no
promotion — "Follow …", "Subscribe …", the paragraph around such a call, or the outlet
naming itself), a
whole statement (ends in a full stop, or a closing quote after one or after an exclamation —
a subheading is another editor's headline, a question or an exclamation the writer's own
voice), no dek in
headline grammar, no fragment, no stray full stop, not cut by its publisher (`whole.fault`:
"Former FBI director speaks in interview; Trump accuses Comey of lies.", "Expanded Medicaid
for millions.", "… to Speaker Nancy Pelosi. which …", "… will vote on two bills…"; a
short sentence right after a fragment is its list's next item and leans on it), no list's item or
caption under its label (`furniture.labelled`: "Deck space: Has room for 40 bicycles."), nothing that points to
text it does not print (`leaning.POINTS_FORWARD`: "Below is …", "Here's a rundown …"), not in the
writer's own voice (`person.first_person`: "I supposed we have to discuss it", "Here's what it
could mean for you.", "Use a smaller plate."), at least four
words, with every quotation and bracket it opens closed (a quote that runs on into the next
paragraph, an excerpt cut inside a bracket, is not printed in half), and in the issue's language when the story has any sentence in it (a
Chinese article in an English issue is cited, not quoted). Datelines go (`clean_sentence`). A
sentence leaning only on its opening conjunction ("But Jane Doe … has been suspended …") is
printed struck where the sentence it answered is not printed before it (`leaning.struck`).
A feed's excerpt cut mid-sentence is printed only as `mend.mended` ends it, before the phrase
the cut fell in ("…, weeks after Trump said the group" goes), never ending "…".
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date

from digest.edit.lexicon import CJK_RE, content_words, stem
from digest.edit.read.facts import name_heads
from digest.edit.read.figures import numbers
from digest.edit.read.leaning import POINTS_FORWARD, leans_back, struck
from digest.edit.read.mend import mended
from digest.edit.read.references import definite_references, introducing, opening_reference
from digest.edit.read.whole import FRAGMENT_WORDS, cut, fault, fragment
from digest.edit.settings import PARAGRAPH, ParagraphSettings
from digest.edit.week import Line as WeekLine
from digest.edit.week import Read
from digest.edit.write.furniture import clean_sentence, labelled, own_furniture
from digest.edit.write.person import first_person
from digest.edit.write.pronoun import Named, Persons, named
from digest.edit.write.summarize import in_language
from digest.edit.write.timeline import event_day
from digest.models import Article
from digest.sentences import split_sentences
from digest.text import quotes_open, tokens

SENTENCES_PER_ARTICLE = 25  # a story is told from each article's opening, not its tail
MIN_WORDS = 4
# (a straight single mark too: British style, "… accused Alexis of being a 'gold digger.'")
# A question is the writer's, not news: never printed; nor an exclamation of the writer's own
# (outside a quotation: "… as rich as the brew itself!", "Schedule Your Personalized Demo!"),
# a blog's or a shop's pitch, which a newsletter would print credited as if it reported
# something; an exclamation someone said ("'We won!' she said.", "… “We won!”") stays.
_TERMINAL = ".。\"”’')」"
# A contrast that answers the sentence before it ("Walk across it at rush hour, though, …").
_CONTRAST = (", though,", ", however,", ", instead,", ", too,", ", though.", ", too.")
# "Platforms must now detect these marks": a demonstrative early on points back.
_POINTS_BACK = re.compile(r"^(?:\S+\s){0,5}(?:these|those|such)\s(?!as\b)[a-z]+")
# A sentence opening on a lower-case letter: a drop cap the page lost ("resident Trump on
# Saturday night denied …") or a sentence cut at its head; a brand's inner capital ("iPhone
# sales rose …") opens a word.
_NO_CAPITAL = re.compile(r"^[a-z](?![a-z]*[A-Z])")
# Its subject names what the sentence before told ("Democrats called it the Trump shutdown.",
# "Chuck Schumer called that stance a “temper tantrum.”"): a verb of naming, in the sentence's
# own clause (no comma before it, within its first words), whose object is a pronoun or
# "that <noun>" standing for something not in the sentence. ("…, calling it …", "…, who
# called it …": the sentence names it before; "called this week for …": a time.)
_NAMES_WHAT_WENT_BEFORE = re.compile(
    r"^[^,;:“\"]{0,60}?\b(?:called|calls|labell?ed|labels|dubbed|dubs|branded|brands|termed|"
    r"terms|deemed|deems|described)\s+(?:it|them|(?:that|this|those|these)\s+"
    r"(?!(?:week|month|year|morning|afternoon|evening|weekend|day|time)\b)[a-z]+)\b")
# A quotation standing alone ('"The model itself should be something others can build on."'):
# its speaker is the sentence before's.
_BARE_QUOTE = re.compile(r'^["“][^"”]+["”]$'
                         # … or in single marks, British style, no mark closing inside it
                         # before a space or a comma ("‘A,’ he said, ‘B.’" names its speaker)
                         r"|^[‘'](?:(?![’'][\s,]).)+[’']$")
# The publisher talking about itself: "Follow our …", "Subscribe to …", "<Outlet>'s coverage".
_PROMO_OPENERS = ("Follow", "Subscribe", "Sign up", "Check out", "Click", "Download", "Join",
                  "Read", "Watch", "Listen", "Get", "Don't miss", "Share")
_PROMO = re.compile(rf"^(?:{'|'.join(_PROMO_OPENERS)})\b")
# A paragraph none of them is in cannot hold a promotion (a sentence cleaned is a part of it)
_PROMO_ANYWHERE = re.compile("|".join(_PROMO_OPENERS))


# Where a sentence stands in its story, (article, index): a `Line`'s key, one per sentence.
Key = tuple[int, int]


@dataclass(frozen=True)
class Line:
    article: int  # position in the story's article list
    index: int  # position among the article's sentences
    text: str
    stems: frozenset[str]  # every word, stemmed (what a reader's summary would share)
    content: frozenset[str]  # content words, stemmed
    figures: frozenset[str]
    size: float  # words; a CJK character counts 2/3 of a word
    leans: bool  # needs the sentence before it (a pronoun, "the company", a contrast)
    day: date | None  # when the event it reports happened, if it says
    # Nouns it names as "the <noun>" that its article named before it: "the benchmark" is
    # the one an earlier sentence introduced, so it is printed only after one that names it.
    refers: frozenset[str] = frozenset()
    # A sentence leaning only on "he" or "she": as the paragraph may print it away from the
    # sentence before it, with the person its article means named (`pronoun.named`: "Biden
    # said he would …"), or None.
    named: Named | None = None
    # A sentence leaning only on the "The <noun>" it opens on, which its article introduced
    # before ("The wines …": `references.opening_reference`): it never opens, and is
    # printed after a printed sentence naming the noun, its article's or another's.
    opens_on: frozenset[str] = frozenset()
    # A sentence leaning only on its opening conjunction: as it may be printed away from the
    # sentence before it, the conjunction struck (`leaning.struck`: "But Jane Doe …" → "Jane
    # Doe …"), or None.
    struck: str | None = None

    @property
    def key(self) -> Key:
        """Where it stands in its story (one sentence, however it is printed)."""
        return self.article, self.index

    @property
    def before(self) -> Key:
        """Where the sentence before it in its article stands: the one it leans on."""
        return self.article, self.index - 1

    @property
    def alone(self) -> str | None:
        """The sentence as printed away from the one before it (`named`, `struck`), or None."""
        return self.named.text if self.named is not None else self.struck


def size_of(text: str) -> float:
    cjk = len(CJK_RE.findall(text))
    return len(CJK_RE.sub(" ", text).split()) + cjk / 1.5


# A bracket that closes on an abbreviation's stop ends no sentence: "… Chairman Richard Neal
# (D-Mass.)" is an excerpt cut after the party tag (a sentence ending there writes "(D-Mass.).").
_CUT_AFTER_BRACKET = re.compile(r"\w\s\([^()]*\.\)$")


# A title abbreviated before a name (AP style: "Sens. Tom Cotton and David Perdue", "Lt. Gov.
# Ralph Northam"): a text ending on one stops before the name ("… up for grabs on Tuesday as
# Sens."), so its stop ends no sentence. (Titles written in full may end one: "… elected him
# Speaker.")
_CUT_AFTER_TITLE = re.compile(r"\b(?:Sens?|Reps?|Govs?|Lt|Drs?|Mrs?|Ms|Messrs|Prof|Rev|Sgt|Capt|"
                              r"Col|Adm|Maj|Gen|Gens|Cmdr|Atty|Supt|Det|Msgr|Spc|Pfc|Cpl|Pvt|"
                              r"Brig|Insp)\.$")


# A quotation closing a line with no stop of its own before or after it: a crosshead or a
# dek ("Sen. Susan Collins: ‘Not something that I can support’"), not a sentence, which ends
# on a stop (American style inside the quotation marks, British style after them).
_QUOTE_WITHOUT_STOP = re.compile(r"[^.!?…。！,][\"”’']$")


# A sentence wholly in brackets is an aside ("(Note: ABC News owns FiveThirtyEight.)", "(A
# police officer in an imaginary universe …)"): an editor's note or the writer's wink, no news.
_ASIDE = re.compile(r"^\([^()]*\)[.!]?$")
# … and one that opens on a bracket and goes on in lower case is the tail of a sentence the
# splitter cut ("(1500 GMT) press conference at the U.S. Capitol." after "… at an 11 a.m.").
_TAIL = re.compile(r"^\([^()]*\)\s+[a-z]")
# A clock time's stop ends no sentence when an article stands before the time ("… outline the
# package at an 11 a.m." — an "11 a.m. news conference" cut by the splitter), after a colon
# (a live page's timestamp: "(all times local): 12:45 p.m."), or when the time is most of it
# ("Shortly after 1 p.m.").
_CUT_AFTER_TIME = re.compile(r"(?:\b(?:a|an|the)\s|(?<!\d):\s*|^\W*(?:\S+\s+){0,2})"
                             r"\d{1,2}(?::\d\d)?\s*[ap]\.m\.$", re.IGNORECASE)


def complete(text: str) -> bool:
    end = text.rstrip()
    return (end[-1:] in _TERMINAL and not re.search(r"[?？][\"”’')」]*$", end)
            and not _CUT_AFTER_BRACKET.search(end) and not _CUT_AFTER_TITLE.search(end)
            and not _QUOTE_WITHOUT_STOP.search(end) and not _CUT_AFTER_TIME.search(end))


def _line(k: int, i: int, text: str, published: date,
          before: frozenset[str] = frozenset(), full: frozenset[str] = frozenset()) -> Line:
    # "Creech was not involved …": a surname alone whose full name its article gave before
    # leans on that sentence like "the benchmark" does.
    # "The wines tend to be …" after the sentence on a region's wines leans on a sentence
    # naming them (not in the lead: `references.opening_reference`).
    opens_back = opening_reference(text, before) if i else frozenset()
    refers = (definite_references(text, before) | opens_back
              | (name_heads(text)[1] & full))
    alone = leans(text)
    return Line(article=k, index=i, text=text, refers=refers,
                stems=frozenset(stem(t) for t in tokens(text)),
                content=frozenset(content_words(text)), figures=numbers(text),
                size=size_of(text), leans=alone or bool(opens_back),
                day=event_day(text, published), opens_on=frozenset() if alone else opens_back)


def leans(text: str) -> bool:
    """Whether a sentence needs the one before it in its article (`Line.leans`)."""
    low = text.lower()
    return (leans_back(text) is not None or any(c in low for c in _CONTRAST)
            or bool(_POINTS_BACK.match(text) or _BARE_QUOTE.match(text.strip())
                    or _NAMES_WHAT_WENT_BEFORE.match(text)))


def named_line(line: Line) -> Line:
    """A line leaning only on "he" or "she", or on its opening conjunction (`Line.alone`), as
    printed away from the sentence before it: the person named, leaning on nothing, printed
    only after a sentence naming them (their name among `refers`, as "Creech was not
    involved …" is); or the conjunction struck."""
    text = line.alone
    if text is None:
        return line
    named = line.named.refers if line.named is not None else frozenset()
    return replace(line, text=text, stems=frozenset(stem(t) for t in tokens(text)),
                   content=frozenset(content_words(text)), size=size_of(text), leans=False,
                   refers=line.refers | named, named=None, struck=None)


def _promotions(art: Article) -> frozenset[str]:
    """The sentences of the paragraphs that promote the publisher ("AI can only be trusted
    when … Follow <outlet>'s ledger section to see why …"): the whole paragraph is the
    publisher's pitch, not the story."""
    out: set[str] = set()
    for para in art.paragraphs:
        if not _PROMO_ANYWHERE.search(para):
            continue
        sents = split_sentences(para)
        if len(sents) > 1 and any(_PROMO.match(clean_sentence(x)) for x in sents[1:]):
            out.update(sents)
    return frozenset(out)


def article_lines(k: int, read: Read, *, voiced: bool = False,
                  persons: Persons | None = None) -> Iterator[Line]:
    """The printable sentences of article `k` (`read`: as the week read it), in order. A text
    the feed cut mid-sentence (its last, or one marked "…") is printed only as `mend.mended`
    ends it, before the phrase the cut fell in; else not at all. What is wrong with a source's
    sentence (`week.Line.fault`) was read once, with the week; only a mended one is read here.
    `voiced`: the writer's first-person sentences too (to be quoted, never printed as ours).
    `persons`: the story's people, to name the one a sentence's "he" means (`Line.named`)."""
    art = read.article
    promo = _promotions(art)
    sents = introducing(art.title, (wl.raw for wl in read.reading()))
    listed = False  # the sentence before was a fragment: this one goes on with its list
    printed = -2  # the index of the last sentence yielded
    earlier: list[str] = []  # the article's sentences before this one, printable or not
    for wl, last in _marked_last(itertools.islice(read.reading(), SENTENCES_PER_ARTICLE)):
        raw, before, full = next(sents)
        text = wl.plain  # the source's slip mended ("the the")
        earlier.append(text)
        mend = ((last and not complete(text) and not text.endswith(("?", "？", "!", "！")))
                or cut(text))
        if mend:
            text = mended(text) or ""  # a feed's excerpt, ended before the cut phrase
        after_fragment, listed = listed, fragment(text)
        if (not text or wl.boilerplate or raw in promo or size_of(text) < MIN_WORDS
                or _PROMO.match(text) or own_furniture(text, art.source)
                or quotes_open(text)
                or text.count("(") > text.count(")") or POINTS_FORWARD.search(text)
                or (fault(text, art.title) if mend else wl.fault)  # (mended: our own)
                or (first_person(text) and not voiced)
                or _ASIDE.match(text) or _TAIL.match(text) or _NO_CAPITAL.match(text)
                or labelled(text)):
            continue  # furniture, a fragment, the publisher's promotion of itself, a
            # quotation or a bracket that runs on past the sentence (or the excerpt: "Rep.
            # Deb Haaland (D.N.M."), or the writer's own voice, or an aside in brackets,
            # or a sentence whose head the page lost (`_NO_CAPITAL`), or a list's item or a
            # caption under its label (`furniture.labelled`)
        if complete(text):
            line = _line(k, wl.index, text, art.published.date(), before, full)
            # ("Expanded Medicaid for millions. Penalties for …. Even the plans to …": a line
            # as short as a fragment after one is its list's next item, read with it or not
            # at all; a longer one goes on as prose: "Some bromance. Macron and Trump …")
            if after_fragment and len(text.split()) <= FRAGMENT_WORDS:
                printed = wl.index
                yield replace(line, leans=True)
                continue
            alone = struck(text) if line.leans else None  # "But …": the conjunction struck
            if alone is not None and not leans(alone):
                if printed != wl.index - 1:  # (the sentence it answered is never printed)
                    printed = wl.index
                    yield _line(k, wl.index, alone, art.published.date(), before, full)
                else:
                    printed = wl.index
                    yield replace(line, struck=alone)
                continue
            printed = wl.index
            name = named(alone or text, earlier[:-1], persons) if line.leans and persons else None
            yield replace(line, named=name) if name and not leans(name.text) else line


def _marked_last(lines: Iterator[WeekLine]) -> Iterator[tuple[WeekLine, bool]]:
    """Each line, and whether it is the last (the one after it read before it is given)."""
    current = next(lines, None)
    while current is not None:
        following = next(lines, None)
        yield current, following is None
        current = following


def story_lines(story: Sequence[Read | Article], language: str | None) -> list[Line]:
    """Every printable sentence of the story (its articles as the week read them, or read
    here), article by article, in the issue's language when the story has any (see the module
    docstring)."""
    reads = reading(story)
    persons = Persons([r.article.text for r in reads], (r.mentions for r in reads))
    lines = [line for k, r in enumerate(reads) for line in article_lines(k, r, persons=persons)]
    if language:
        arts = [r.article for r in reads]
        own = [ln for ln in lines if speaks(ln, arts, language)]
        if own:
            return own
    return lines


def reading(story: Sequence[Read | Article]) -> Sequence[Read]:
    """A story's articles as the week read them (`week.Read`: each sentence and its faults
    read once for every writer); articles handed alone (a benchmark, a test) are read here."""
    return [x if isinstance(x, Read) else Read(k, x) for k, x in enumerate(story)]


def speaks(line: Line, arts: Sequence[Article], language: str) -> bool:
    """Whether `line` (of `arts`) is written in the issue's `language`."""
    return in_language(line.text, arts[line.article].language, language)


class Centrality:
    """How likely a word is to be in a summary of the story: by the share `s` of the story's
    articles (title or text) and the share `t` of its titles that use it,

        p = floor + agreement · s² + titles · t        (0 for a word no article uses)

    — what several outlets say, and what they put in their titles, is what a summary says
    (the weights: `ParagraphSettings`). With `exclude`, the shares are over the other
    articles (how central one article's sentence is to the rest of the story)."""

    def __init__(self, arts: Sequence[Article],
                 settings: ParagraphSettings = PARAGRAPH) -> None:
        self.floor, self.agreement, self.titles = (settings.floor, settings.agreement,
                                                   settings.titles)
        self.bags = [frozenset(stem(t) for t in tokens(f"{a.title}\n{a.text}")) for a in arts]
        self.title_bags = [frozenset(stem(t) for t in tokens(a.title)) for a in arts]
        self.count: Counter[str] = Counter(w for b in self.bags for w in b)
        self.titled: Counter[str] = Counter(w for b in self.title_bags for w in b)

    def share(self, word: str, exclude: int | None = None) -> float:
        n = len(self.bags) - (exclude is not None)
        if n <= 0:
            return 0.0
        s, t = self.count[word], self.titled[word]
        if exclude is not None:
            s -= word in self.bags[exclude]
            t -= word in self.title_bags[exclude]
        if not s:
            return 0.0
        return self.floor + self.agreement * (s / n) ** 2 + self.titles * t / n

    def lead_score(self, line: Line, reference: float) -> float:
        """Expected ROUGE-1 F1 of a lone sentence against a reference of `reference` words,
        by what the *other* articles say (the whole story when it has one article)."""
        exclude = line.article if len(self.bags) > 1 else None
        # fsum: exactly rounded whatever the order, so two copies of a sentence score the
        # same however their word sets iterate (the hash seed) and ties go by position
        overlap = math.fsum(self.share(w, exclude) for w in line.stems)
        return 2 * overlap / (line.size + reference)
