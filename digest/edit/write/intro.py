"""The intro: what this issue covers, said as a sentence, from the issue's own material.

"This week in <newsletter>: <story>; <story>; and <story>. After them come six shorter items
and an explainer on <the Explainer's subject>, <its definition>."

* Each featured story is its printed headline, as a clause in running text: a word keeps its
  capital only where the story's articles write it (or another form of it: "launched" for
  "Launches") capitalised inside a sentence at least as often as not (a name, "China's",
  "AI"; a pair such as "Hangzhou Statement" written together; in a sentence-case headline,
  a capital the articles never contradict), so "Regulator launches …" reads "regulator launches …" and a Title Case
  headline loses the capitals its words never have in prose.
* The shorter items are counted; the Explainer is named with the definition its "Which is?"
  answer printed ("an industry body headquartered in Hangzhou").
* No quoted headlines, no counts of sources or articles, nothing the issue does not print.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from digest.edit.lexicon import stem
from digest.models import Explainer, Newsletter, Story

# A word of running text; the character before it says whether it opens a sentence.
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_OPENS = frozenset(".!?:;\"“‘(\n")
# Words a headline capitalises that prose never does when the articles do not say.
_SMALL = frozenset(["a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "with", "at",
                    "by", "from", "as", "over", "into", "after", "amid", "is", "are", "be"])
# "The Asia Open Model Alliance (AOMA) is an industry body …": the definition to quote.
_DEFINES = re.compile(r"^(?:The )?.+? is (?P<clause>an? .+?)\.$")


def prose_counts(texts: Sequence[str]) -> Counter[str]:
    """How often each word form occurs inside a sentence (not opening one) in `texts`."""
    out: Counter[str] = Counter()
    for text in texts:
        last = ""
        for m in _WORD.finditer(text):
            w, before = m.group(0), text[:m.start()].rstrip()
            if before and before[-1] not in _OPENS:
                out[w] += 1
                # the word's other forms ("launched" for "Launches"), capitalised or not
                out[("^" if w[:1].isupper() else "~") + stem(w.lower())] += 1
            if last[:1].isupper() and w[:1].isupper() and before.endswith(last):
                out[f"{last} {w}"] += 1  # a name of several words ("Hangzhou Statement")
            last = w
    return out


def in_running_text(headline: str, counts: Counter[str]) -> str:
    """The headline as a clause of a sentence: each capitalised word lower-cased unless the
    articles write it capitalised inside their sentences (`prose_counts`) at least as often
    as lower-cased; acronyms, mixed case and words with digits keep their form."""
    words = _WORD.findall(headline)
    # In a Title Case headline only the articles' prose says which words are names; in a
    # sentence-case one, a capital after the first word is the writer's name.
    title_case = sum(w[:1].isupper() for w in words[1:]) * 2 > len(words[1:])
    kept: list[str] = [""]  # the word before, as printed

    def word(m: re.Match[str]) -> str:
        w = m.group(0)
        low = w.lower()
        before, kept[0] = kept[0], w
        if w == low or not w[0].isupper() or any(c.isupper() or c.isdigit() for c in w[1:]):
            return w
        root = stem(low)
        capital, lower = counts[w] + counts[f"^{root}"], counts[low] + counts[f"~{root}"]
        if (capital and capital >= lower) or counts[f"{before} {w}"]:
            return w
        if lower or low in _SMALL or m.start() == 0 or title_case:
            kept[0] = low
            return low
        return w  # capitalised in a sentence-case headline, never in prose: a name
    return _WORD.sub(word, headline.strip())


def clauses(stories: Sequence[Story], texts: Sequence[Sequence[str]]) -> list[str]:
    """Each featured story's headline in running text (`texts`: its articles' texts)."""
    return [in_running_text(s.headline, prose_counts(t)) for s, t in zip(stories, texts,
                                                                          strict=True)]


def intro_line(newsletter: Newsletter, label: str, covers: Sequence[str], also: int,
               explainer: Explainer | None) -> str:
    """What the issue covers (see the module docstring)."""
    if not covers and not also:
        return (f"Welcome to {newsletter.title} for {label}. It was a quiet week: none of our "
                f"sources published anything on our topics, so this issue is short.")
    rest = []
    if also:
        rest.append(f"{_few(also)} shorter item{'s' if also != 1 else ''}")
    if explainer is not None:
        rest.append(f"an explainer on {_definite(explainer.entity)}{_definition(explainer)}")
    if not covers:
        return f"This week in {newsletter.title}: {' and '.join(rest)}."
    stories = covers[0] if len(covers) == 1 else "; ".join(covers[:-1]) + f"; and {covers[-1]}"
    line = f"This week in {newsletter.title}: {stories.rstrip('.')}."
    if rest:
        verb = "comes" if len(rest) == 1 and (also == 1 or not also) else "come"
        line += f" After them {verb} {' and '.join(rest)}."
    return line


def _definition(explainer: Explainer) -> str:
    """", an industry body headquartered in Hangzhou": the "Which is?" answer's definition."""
    first = explainer.qa[0] if explainer.qa else None
    if first is None or first.question != "Which is?" or len(first.answer) != 1:
        return ""
    m = _DEFINES.match(first.answer[0].text)
    return f", {m.group('clause')}" if m and len(m.group("clause").split()) <= 12 else ""


_INSTITUTIONS = frozenset(["alliance", "administration", "agency", "authority", "association",
                           "board", "bureau", "commission", "committee", "council", "department",
                           "federation", "forum", "foundation", "institute", "league", "ministry",
                           "office", "organisation", "organization", "society", "union",
                           "university", "consortium", "coalition", "network"])


def _definite(name: str) -> str:
    """'the Harbour Data Alliance (HDA)': an institution's full name takes "the"."""
    words = re.sub(r"\s*\(.*\)$", "", name).split()
    return f"the {name}" if len(words) > 1 and any(
        w.lower() in _INSTITUTIONS for w in words) else name


def _few(n: int) -> str:
    words = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]
    return words[n] if n < len(words) else str(n)
