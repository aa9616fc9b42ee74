"""The Explainer's candidate answers: every sentence of the week that names its entity.

Both writers (explainer.py for an organisation, explainer_people.py for a person) draw from one
pool. A sentence joins it when it names one of the entity's forms, is in the issue's language
(a Chinese name in brackets after an English one is fine; a Chinese sentence never answers in
an English issue), is short enough, quotes whole (no quotation mark left open) and says
nothing the issue prints elsewhere (the TL;DR). `stands` says whether it can be read alone
(lexicon.dangles, and no "the <noun>" its article introduced before it). A sentence that says
what the issue prints elsewhere is marked (`said`), not left out: a person's role is read
from every sentence naming them ("Deputy White House Press Secretary Ann Lee" in a printed
sentence, "Press Secretary Ann Lee" in another: she is the deputy). A sentence that opens on
the entity and tells its founding in an appositive joins as two (`apart`).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from digest.edit.lexicon import content_words, dangles, said_elsewhere
from digest.edit.proof.answer import GLUED, misspelt, no_fact, word_counts
from digest.edit.proof.explainer import (
    FIRST_PERSON,
    LEANS,
    UNINTRODUCED,
    dateline,
    open_quote,
    whole,
)
from digest.edit.read.facts import restates
from digest.edit.read.leaning import opens_on_reference
from digest.edit.settings import ExplainerSettings
from digest.edit.week import Week
from digest.edit.write.grounding import founding

# An appositive or a relative clause between commas (", an industry group whose members …,"):
# background about a name, not what the sentence says.
_ASIDE = re.compile(r",\s+(?:an?|the|which|who|whose)\b[^,;]*,")
# A fact: a number that is not a year ("more than 300 firms" and "超过300家" are one fact).
_FACT_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


@dataclass(frozen=True)
class Item:
    """One candidate answer."""

    text: str
    sources: tuple[str, ...]
    words: frozenset[str]
    facts: frozenset[str]  # numbers other than years
    stands: bool  # not leaning on a sentence before it (only a definition cut from it may)
    main: str = ""  # the sentence without its asides (what it says, not its background)
    lead: bool = False  # its article's first sentence: the news, not the background
    # It states what the issue prints elsewhere (`gather`'s `printed`): no answer, but a
    # person's definition may be read from it (the role before the name; nothing of it is
    # printed).
    said: bool = False
    # A story's paragraph prints it word for word (`gather`'s `above`): it answers only when
    # no sentence the reader has not read does.
    above: bool = False


def facts(text: str) -> frozenset[str]:
    return frozenset(n.replace(",", "") for n in _FACT_NUMBER.findall(text)
                     if not re.fullmatch(r"(19|20)\d\d", n))


def names(form: str, text: str) -> bool:
    """Whether `text` names `form` (a whole word; a Chinese form anywhere)."""
    if re.search(r"[\u3400-\u9fff]", form):
        return form in text
    return re.search(rf"(?<![\w]){re.escape(form)}(?![\w])", text) is not None


def gather(week: Week, forms: Sequence[str], language: str, settings: ExplainerSettings,
           printed: Collection[str] = (), above: Collection[str] = ()) -> list[Item]:
    """Every sentence of the week's used articles that names one of `forms`, oldest article
    first (see the module docstring); those that state what `printed` states are kept, marked
    `said`, and those the stories' paragraphs print (`above`), marked `above`."""
    pool: list[Item] = []
    above = frozenset(above)  # (asked of every sentence naming the entity)
    own = frozenset(content_words(" ".join(forms)))  # the entity's name is no fact
    elsewhere = [frozenset(content_words(t)) - own for t in printed]
    seen_text: set[str] = set()
    # The words of the articles naming the entity, to tell the sources' slips ("mangers").
    counts = word_counts(f"{r.article.title}\n{r.article.text}"
                         for r in week.bodies.holding(forms))
    # A sentence is a piece of its article's body with only white space cut or added at the
    # joins, so an article whose body (spaces removed) holds no form has no sentence naming it.
    for r in week.bodies.holding(forms):
        for line in r.lines:
            text = line.text
            if line.furniture or not any(names(f, text) for f in forms):
                continue
            if (text in seen_text or len(text) > settings.max_chars or open_quote(text)
                    or not whole(text) or GLUED.search(text) or text.rstrip("”’\"' )").endswith("?")
                    or FIRST_PERSON.search(re.sub(r"“[^”]*”|\"[^\"]*\"", "", text))
                    or not r.speaks(line, language)):
                continue
            seen_text.add(text)
            whole_words = frozenset(line.words)
            for part in apart(text, forms):
                words = whole_words if part == text else frozenset(content_words(part))
                pool.append(Item(part, week.cite(r), words, facts(part),
                                 not dangles(part) and not opens_on_reference(part)
                                 and not UNINTRODUCED.match(part) and not dateline(part, forms)
                                 and not LEANS.search(part)
                                 and no_fact(part, forms) is None
                                 and misspelt(part, counts) is None
                                 and not r.refers_back(line),
                                 _ASIDE.sub("", part), line.index == 0,
                                 said_elsewhere(words - own, elsewhere),
                                 text in above))
    return pool


def apart(text: str, forms: Sequence[str]) -> tuple[str, ...]:
    """The sentence, or the two it tells when it opens on the entity and an appositive that
    says when it was founded ("AOMA, founded in 2019 by …, now has 300 members …" -> "AOMA
    was founded in 2019 by …." and "AOMA now has 300 members …", grounding.founding): the
    founding answers "Been around long?", the rest the question it speaks to, each once."""
    parts = founding(text)
    if parts is None or not any(names(f, text.split(",")[0]) for f in forms):
        return (text,)
    return parts


def repeats(item: Item, given: Sequence[Item], share: float) -> bool:
    """Whether the sentence states a fact already given: most of its content words, or a
    figure (not a year) that an earlier answer printed."""
    return any((item.words and len(item.words & other.words) / len(item.words) >= share)
               or item.facts & other.facts for other in given) or (
        restates(item.text, [other.text for other in given]) is not None)
