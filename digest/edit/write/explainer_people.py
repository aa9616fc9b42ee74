"""The Explainer on a person: who the sources say they are, what they did and said this week,
why it matters, what comes next.

A person is a name of two words or more (no organisation word) that the week's sources write
after a title or a role ("Senate Majority Leader Mitch McConnell", "Democratic presidential
candidate Joe Biden") or that speaks of itself as "he" or "she" ("Biden said he …"). The
surname alone ("Trump") counts as the person whose full name the week writes most.

"Who is Pelosi?" is answered by what the sources say the person is: an appositive cut to its
clause ("Nancy Pelosi, the House speaker, said …" -> "Nancy Pelosi is the House speaker."),
else a sentence "X is a …". A person the sources only ever name with a title ("President
Donald Trump") is one they expect every reader to know: no Explainer on them. (A definition
made from that title, "Donald Trump is the president.", opened 103 of the 106 real AllSides
weeks' Explainers, each on Donald Trump: a copy editor strikes it, and a reader learns
nothing from it.) The other questions
(settings.PERSON_QUESTIONS) take the sentences of the pool (explainer_pool) that hold their
cues and that the copy editor (proof_explainer.fault) passes: nothing is written that is not a
source sentence, but for the definition cut from one.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence

from digest.edit.entities import NOT_PERSON, ORG_WORDS, is_title
from digest.edit.proof_explainer import anothers, answered, defines_person, repeated
from digest.edit.settings import ExplainerSettings
from digest.edit.write.explainer_pool import Item, repeats
from digest.models import QA, Sentence

_COURTESY = frozenset(["Mr", "Mrs", "Ms", "Miss", "Dr", "Prof", "Rev"])  # no definition
_PRONOUN_AFTER = r"\s+(?:said|says|told|\w+ed)\b[^.;]{0,80}?\b(?:he|she|his|her|him)\b"


def surnames(keys: Iterable[str], mentions: dict[str, int]) -> dict[str, str]:
    """A one-word name -> the full name it shortens: of the names of two words or more ending
    on it, the one mentioned most ("Trump" -> "Donald Trump")."""
    full: dict[str, str] = {}
    for key in sorted(keys, key=lambda k: (-mentions.get(k, 0), k)):
        words = key.split()
        if len(words) >= 2 and words[-1][:1].isupper() and words[-1] not in full:
            full[words[-1]] = key
    return {last: key for last, key in full.items() if last in mentions}


def is_person(key: str, texts: Sequence[str], settings: ExplainerSettings) -> bool:
    """Whether the week's texts write `key` as a person's name (the module docstring)."""
    words = key.split()
    if len(words) < 2 or any(w.lower() in ORG_WORDS | NOT_PERSON for w in words) or not all(
            w[:1].isupper() for w in words):
        return False
    name = re.escape(key)
    for text in texts:
        for m in re.finditer(rf"(?<![\w]){name}(?![\w])", text):
            if _titled(text, m.start(), settings):
                return True
            if re.match(_PRONOUN_AFTER, text[m.end():]):
                return True
    return False


def _titled(text: str, at: int, settings: ExplainerSettings) -> bool:
    """Whether a title or a role is written right before the name at `at` ("Senate Majority
    Leader …", "Democratic presidential candidate …"): not a courtesy title ("Mr."), not the
    office held then ("then-Vice President Joe Biden")."""
    if at == 0 or text[at - 1] != " ":
        return False
    words = text[max(0, at - 80):at].split()
    if not words:
        return False
    # The title: the longest run of the last words that is a title, or a lower-case role.
    title, k = None, 0
    for n in range(min(4, len(words)), 0, -1):
        tail = " ".join(w.rstrip(".") for w in words[-n:])
        if is_title(tail):
            title, k = tail, n
            break
    if title is None and words[-1] in settings.roles:
        title, k = words[-1], 1
    if title is None or title.split()[-1] in _COURTESY:
        return False
    return not (len(words) > k and words[-k - 1].lower().startswith("then-"))


def who_is(pool: Sequence[Item], key: str, forms: Sequence[str], used: set[int],
           printed: Sequence[str] = ()) -> list[Sentence]:
    """What the sources say the person is (the module docstring), as one sentence that
    states nothing the issue prints elsewhere (`printed`)."""
    names = "|".join(re.escape(f) for f in forms)
    apposed: list[tuple[int, int, str]] = []
    for i, item in enumerate(pool):
        for m in re.finditer(rf"(?<![\w])(?:{names})(?![\w])", item.text):
            cut = re.match(r",\s+((?:the|a|an)\s+[^,;:.“”\"()]{3,80}?),", item.text[m.end():])
            if cut:
                text = f"{key} is {cut.group(1)}."
                if defines_person(text, [key]) and not repeated(text, printed, forms):
                    apposed.append((len(text), i, text))
    if apposed:
        _, i, text = min(apposed)
        used.add(i)
        return [Sentence(text, pool[i].sources)]
    # A whole sentence answers only when it is the definition ("X is a …"): one that merely
    # holds an appositive too long to cut is about something else ("Trump, a Republican who
    # was inspired to stage the flashy affair …, dismissed concerns …").
    opens = re.compile(rf"^(?:{names})\s+(?:is|was)\s", re.IGNORECASE)
    for i, item in enumerate(pool):
        if (item.stands and opens.match(item.text) and defines_person(item.text, forms)
                and i not in used and not repeated(item.text, printed, forms)):
            used.add(i)
            return [Sentence(item.text, item.sources)]
    return []


def person_qa(pool: Sequence[Item], key: str, forms: Sequence[str],
              settings: ExplainerSettings, printed: Sequence[str] = (),
              story_of: Mapping[str, int] | None = None) -> list[QA]:
    """The person's questions and answers (empty: no Explainer); none states a fact of
    `printed` (the TL;DR), and no two come from one story (`story_of`: an article's URL ->
    its story; three outlets' accounts of one event are one fact in three wordings)."""
    short = key.split()[-1]
    # "First Lady Melania Trump revealed …" names another Trump; "pro-Trump rioters" and
    # "Trump-era policies" are about others.
    pool = [item for item in pool if any(
        not anothers(item.text, m.start(), forms)
        for f in forms for m in re.finditer(rf"(?<![\w-]){re.escape(f)}(?![\w-])", item.text))]
    used: set[int] = set()
    who = who_is(pool, key, forms, used, printed)
    if not who:
        return []
    answers: dict[str, list[Sentence]] = {}
    questions = [(q.format(name=short), rx) for q, rx in settings.person_questions]
    # The specific claim first: the broad "What happened this week?" last.
    order = [q for q, _ in questions[1:]][::-1]
    cues = dict(questions)
    said = [*printed, *(s.text for s in who)]
    for question in order:
        got = _pick(pool, question, re.compile(cues[question], re.IGNORECASE), forms, used,
                    settings, said, {story_of[pool[k].sources[0]] for k in used
                                     if story_of and pool[k].sources[0] in story_of},
                    story_of or {})
        if got:
            answers[question] = got
            said += [s.text for s in got]
    qa = [QA(questions[0][0], tuple(who))]
    qa += [QA(q, tuple(answers[q])) for q, _ in questions[1:] if q in answers]
    return qa if len(qa) >= settings.min_answers else []


def _pick(pool: Sequence[Item], question: str, rx: re.Pattern[str], forms: Sequence[str],
          used: set[int], settings: ExplainerSettings, said: Sequence[str],
          told: Collection[int] = (), story_of: Mapping[str, int] | None = None
          ) -> list[Sentence]:
    """The best sentence for the question: the copy editor passes it, it stands alone, says
    no fact an answer gave nor comes from a story one came from (`told`); the most cues, the
    news (an article's lead) and the shortest first."""
    given = [pool[k] for k in used]
    scored: list[tuple[bool, int, bool, int, int]] = []
    # "Why does it matter?" is best answered by others: a sentence the person opens ("President
    # Trump pressed …") comes after every one where someone else acts on the person.
    opens = re.compile(rf"^(?:[A-Z][\w.'’-]*\s+){{0,4}}(?:{'|'.join(map(re.escape, forms))})"
                       rf"(?![\w’'])")
    others = question == "Why does it matter?"
    for i, item in enumerate(pool):
        story = (story_of or {}).get(item.sources[0] if item.sources else "")
        if (i in used or not item.stands or repeats(item, given, settings.repeat)
                or (story is not None and story in told)
                or repeated(item.text, said, forms)):
            continue
        words = len(item.text.split())
        if words > settings.max_words or not answered(question, [item.text], forms, person=True):
            continue
        hits = len({m.group(0).lower() for m in rx.finditer(item.text)})
        if hits:
            scored.append((others and opens.match(item.text) is not None, -min(hits, 3),
                           not item.lead, words, i))
    if not scored:
        return []
    i = min(scored)[-1]
    used.add(i)
    return [Sentence(pool[i].text, pool[i].sources)]
