"""The copy editor reads an Explainer's answer for what it carries (session 23): an answer
must state a fact the reader can place. Struck, whatever the question:

- speech with nothing said: a speech act whose object is only "something" or an evaluated
  "statement"/"remarks" and no content follows ("X said something very odd Tuesday", "X made
  an overlooked but insightful statement to Congress");
- a reply to a question not printed: a quoted clause cut to its auxiliary ("“I think I do,
  but …”": do what?);
- a decision, remarks or a plan of someone's that the answer never says ("… to inform me of
  his decision", "X made his frank remarks in a visit …"): a definite event noun with nothing
  after it that tells which one ("the plan to create jobs" and "his claim that …" tell);
- the source's slips: a modal before a past form ("X will told lawmakers …"), a word one
  letter short of a word the articles naming the entity write several times ("two of the
  mangers" where they write "managers");
- a speaker named only by an epithet ("…, the New York Democrat told reporters" in an
  Explainer on someone else): the name was in a sentence not printed;
- two sentences read as one (`GLUED`: "… raised over $25m (£20m). Senior adviser X said …",
  session 24): a full stop after a closing bracket ends a sentence, no abbreviation's dot.

Closed-class English and short lists written for this module, nothing learned from the
benchmarks. `no_fact` is the writer's filter (explainer_pool) and the checker's rule
(proof/explainer.explainer_strikes).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence

from digest.edit.lexicon import CALENDAR
from digest.edit.proof.person import speech
from digest.sentences import SPEECH

GLUED = re.compile(r"\)[.!?]\s+[A-Z]")
# What an act of speech is said to be when what was said is not given.
_SAID_NOTHING = re.compile(
    r"\b(?:said|says|say|made|makes|make|gave|gives|offered|delivered|issued)\s+(?:something|"
    r"anything|(?:an?|his|her|their|its)\s+(?:[a-z][\w-]*\s+){0,4}?(?:statement|remarks?|"
    r"comments?|observation|point|admission|announcement))\b")
# What tells what was said after it: a quotation, a colon, "that …", "about …", "on the …",
# "calling …" and any other "-ing" clause.
_CONTENT = re.compile(r"[“”\":]|\b(?:that|about|regarding|on|over|against|in which|"
                      r"\w{3,}ing)\b")
_DAYS = re.compile(rf"\bon\s+(?:{'|'.join(CALENDAR)})\b")

# A clause cut to its auxiliary, no verb after it: it answers a question or a sentence not
# printed ("I think I do, but …", "“We will,” she said"); not a comparison ("more than he
# did.", "as they are,") nor a question word's clause ("what it is,").
_ELLIPSIS = re.compile(r"\b(?P<before>\w+\s+)?(?:I|we|you|he|she|they)\s+(?:do|does|did|am|is|"
                       r"are|was|were|will|would|can|could|have|has|had|should|must|might)"
                       r"(?:n['’]t|\s+not)?\s*[,;!?”\"’]")
_NOT_ELLIPSIS = frozenset(["than", "as", "so", "neither", "nor", "what", "who", "where", "how",
                           "which", "whatever", "if", "because", "whether", "wherever"])

# Someone's decision, remarks or plan that nothing after it names: which one?
_EVENT_NOUNS = ("decision", "remarks", "comments", "statement", "announcement", "move",
                "proposal", "request", "demand", "offer", "threat", "apology", "plan", "plans",
                "letter", "verdict", "ruling", "choice", "pick", "idea")
_DEFINITE_EVENT = re.compile(r"\b(?:his|her|their|its|the)\s+(?:(?:[a-z][\w-]*\s+){0,2}?(?:"
                             + "|".join(_EVENT_NOUNS) + r")|(?:legislation|bill|measure|deal|"
                             r"agreement|package))\b(?P<after>.{0,24})")
# (a bill, a deal: only bare, "the harbour bill" tells which; "the frank remarks" does not)
# What tells which one after the noun: "to …", "that …", "on …", "of …", a quotation.
_TELLS = re.compile(r"^(?:\s+(?:to|that|on|about|of|for|over|against|regarding|by|which|"
                    r"who|in which|whether|not to)\b|\s*[“\":(]|\s+[A-Z])")

# A modal before a past form: a slip of the source's ("will told", "would announced").
_MODAL_PAST = re.compile(r"\b(?:will|would|could|should|can|may|might|must|shall)\s+"
                         r"(?:told|said|went|took|gave|sent|wrote|came|spoke|began|"
                         r"\w{3,}(?<!e)ed)\b")

# "…, the New York Democrat told reporters": a speaker the sentences printed never named.
_EPITHET_SPEAKER = re.compile(
    r"(?:^|[,—–]\s*[”\"’']?\s*)the\s+(?:[A-Z][\w.-]*\s+){1,3}(?:Democrat|Republican|"
    r"lawmaker|senator|congressman|congresswoman|governor|official|leader|spokesman|"
    rf"spokeswoman|lawyer|chairman|chairwoman)\s+(?:\w+ly\s+)?{SPEECH}\b")


def _said_nothing(text: str, forms: Sequence[str]) -> bool:
    return any(not _CONTENT.search(_DAYS.sub("", text[m.end():]))
               for m in _SAID_NOTHING.finditer(text))


def _ellipsis(text: str, forms: Sequence[str]) -> bool:
    return any((m.group("before") or "").strip().lower() not in _NOT_ELLIPSIS
               for m in _ELLIPSIS.finditer(text))


def _untold_event(text: str, forms: Sequence[str]) -> bool:
    return any(not _TELLS.match(m.group("after")) for m in _DEFINITE_EVENT.finditer(text))


def _epithet(text: str, forms: Sequence[str]) -> bool:
    return _EPITHET_SPEAKER.search(text) is not None and speech(text, forms) is None


# The rules, in order: (judge, the fault a strike names).
RULES: tuple[tuple[Callable[[str, Sequence[str]], bool], str], ...] = (
    (_said_nothing, "speech with nothing said"),
    (_ellipsis, "a reply to a question not printed"),
    (_untold_event, "a decision or remarks never told"),
    (lambda t, f: _MODAL_PAST.search(t) is not None, "the source's slip (a modal before a past)"),
    (_epithet, "a speaker never named"),
)


def no_fact(text: str, forms: Sequence[str]) -> str | None:
    """Why the answer carries no fact a reader can place (the module docstring), or None."""
    return next((why for judge, why in RULES if judge(text, forms)), None)


_WORD = re.compile(r"[a-z]{5,}")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def word_counts(texts: Iterable[str]) -> Counter[str]:
    """How often the texts write each lower-case word of five letters or more (`misspelt`)."""
    return Counter(w for t in texts for w in _WORD.findall(t))


def misspelt(text: str, counts: Counter[str]) -> str | None:
    """A word of `text` (seven letters or more, lower case) that the texts of the articles
    naming the entity (`counts`: `word_counts`) write at most once while they write it with
    one letter more, inside the word and not doubling one, three times or more ("mangers"
    beside "managers"; not "senator" beside "senators", an ending, nor "striped" beside
    "stripped", nor "though" beside "through", too short to tell): the source's slip.
    Returns the word, or None."""
    for w in map(str, _WORD.findall(text)):
        if len(w) < 7 or counts[w] > 1:
            continue
        if any(counts[f"{w[:k]}{c}{w[k:]}"] >= 3
               for k in range(1, len(w) - 1) for c in _LETTERS if c not in w[k - 1:k + 1]):
            return w
    return None
