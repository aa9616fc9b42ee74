"""The copy editor: what a desk editor would strike in a story paragraph, and in a whole issue.

`paragraph_strikes` returns one `Strike` (strike.py) per violation (an empty list when the
copy is clean); a headline's rules are headline.py's (`headline_strikes`). `story_strikes`
runs both over one story, `issue_strikes` over every story of an issue. The writers use the
same predicates to avoid what the checker strikes (`leaning.opens_on_reference`,
`told_again`), the tests run the checker over the demo issue, and `bench/allsides.py` counts
the strikes on real weeks.

Paragraphs: no opening on a reference to something not printed ("He", "The company",
"Second,", "One of them", a "him" in a sentence that names nobody); no dateline or kicker
("MINNEAPOLIS—", "(AP) —", "VIDEO:"); no fact stated twice (a distinctive number in two
sentences, a sentence whose content words another one mostly holds, a clause in the same words,
or another outlet's sentence that says nothing the paragraph has not printed: no new name,
figure or date and few new words, or the same event told again — the same actors and action,
`events.says_nothing_new`, or act, no headline's name added, `acts_again`); no quotation left open (a sentence split inside a quote); no
sentence that is not whole (`whole.fault`: cut by its publisher, "… the Senate will vote on
two bills…"; a stray full stop, "… to Speaker Nancy Pelosi. which will …"; a dek in headline
grammar, "President offers no new solutions to …"; a fragment, "Expanded Medicaid for
millions."); no Chinese outside brackets in a Latin-script issue; no name
lower-cased after an added attribution ("According to X, joe Biden").
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from digest.edit.lexicon import (
    STOPWORDS,
    WIRE_PATTERN,
    cjk_outside_brackets,
    content_words,
    dangles,
)
from digest.edit.proof.headline import headline_strikes
from digest.edit.proof.strike import Strike
from digest.edit.read import whole
from digest.edit.read.acts import told_again
from digest.edit.read.events import acts_again, says_nothing_new
from digest.edit.read.leaning import DEK_FAULT, leans_back, role_holder, titled_holders
from digest.edit.write.days import readings
from digest.edit.write.furniture import LABEL, clean_sentence
from digest.edit.write.summarize import is_cjk_language
from digest.models import Issue
from digest.sentences import iter_sentences
from digest.text import doubled, quotes_open, undoubled

# A dateline or a kicker left at the head of a sentence: "MINNEAPOLIS—", "ALBANY, N.Y. –",
# "(AP) —", "VIDEO:", "CLAIM:".
_HEAD_FURNITURE = re.compile(rf"^\s*(?:\((?:{WIRE_PATTERN})\)|[A-Z]{{3,}}(?:[ -][A-Z]{{2,}})*"
                             rf"(?:,\s[A-Z][A-Za-z.]{{1,12}})?\s*(?:\((?:{WIRE_PATTERN})\)"
                             r"\s*)?(?:--|—|–))")
_ATTRIBUTED = re.compile(r"^(?:According to [^,]{1,80}, )(\S+)")


_ACT_AGAIN = "the same act again (`events.acts_again`)"


def paragraph_strikes(sentences: Sequence[str], *, language: str = "en",
                      sources: Sequence[str] = (), origins: Sequence[str] = (),
                      headline: str = "",
                      titled: AbstractSet[tuple[str, str]] = frozenset(),
                      inferred: bool = True) -> list[Strike]:
    """What a copy editor would strike in a story paragraph, sentence by sentence.
    `origins`: the article each sentence comes from (its URL); a sentence that says nothing
    the *other* outlets' printed sentences do not is a paraphrase (`events.says_nothing_new`),
    while an outlet's sentence after its own earlier one goes on with its account. Without
    them every sentence is read as another outlet's. `headline`: the story's, which its first
    sentence may lean on ("The senator …" under "Senator Cory Booker …",
    `leaning.role_holder`; `titled`: who the issue's sources give a role's title), and a line
    alone under it may be its article's dek (`_standfirst`). `inferred`: whether a fact told
    again in other words is read from words alone (`events.says_nothing_new`,
    `events.acts_again`), as the extractive writer's sentences, each another outlet's, are
    read; a model's paragraph (write/voice.py) is one writer's prose, read without them: on
    the seed issue's own paragraphs, written by an editor, they strike two of three ("It will
    create promotion plans …" after the committee's launch; "One target told reporters …"
    after the blackmail). Its sentences told again in the same words are still struck."""
    out: list[Strike] = []
    cjk_issue = is_cjk_language(language)
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
        rest = [*sentences[:k], *sentences[k + 1:]]
        why = told_again(s, sentences[:k]) or (
            (says_nothing_new(s, others)
             or (_ACT_AGAIN if acts_again(s, others, rest, headline) else None))
            if others and inferred else None)
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
