"""The Explainer on a person: who the sources say they are, what they did and said this week,
why it matters, what comes next.

A person is a name the week's sources write as one (write/roles.py: `is_person`, and the
role before the name, `role_before`, that a definition may be made of). The surname alone
("Trump") counts as the person whose full name the week writes most.

"Who is Pelosi?" is answered by what the sources say the person is: an appositive cut to its
clause ("Nancy Pelosi, the House speaker, said …" -> "Nancy Pelosi is the House speaker."),
else a sentence "X is a …", else the role they write before the name ("Special counsel Robert
Mueller …" -> "Robert Mueller is the special counsel.", `role_before`). Not from a rank alone
("President Donald Trump": of what?) nor one that only adds a name to a rank the week also
writes alone ("U.S. President Donald Trump"). No definition when the week's roles disagree
("former Vice President Joe Biden", "President Biden"); no Explainer on a person the sources
expect every reader to know (`known_to_all`). The other questions (PERSON_QUESTIONS) take
the pool's sentences (explainer_pool) naming the person — not another's name, a possessive
or a modifier ("Kelly Loeffler", "Kelly's husband", "the Biden administration") — that hold
their cues, a paragraph's sentence last: nothing is written that is not a source sentence,
but the definition cut from one. Two answers do ("Who is …?" and one more).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence

from digest.edit.proof.explainer import redefined, repeated
from digest.edit.proof.person import about_another, defines_person
from digest.edit.proof.questions import answered
from digest.edit.read.entities import is_title
from digest.edit.settings import ExplainerSettings
from digest.edit.week import Read
from digest.edit.write.explainer_pool import Item, repeats
from digest.edit.write.roles import definition_of, role_before
from digest.models import QA, Sentence


def surnames(keys: Iterable[str], mentions: dict[str, int]) -> dict[str, str]:
    """A one-word name -> the full name it shortens: of the names of two words or more ending
    on it, the one mentioned most ("Trump" -> "Donald Trump")."""
    full: dict[str, str] = {}
    for key in sorted(keys, key=lambda k: (-mentions.get(k, 0), k)):
        words = key.split()
        if len(words) >= 2 and words[-1][:1].isupper() and words[-1] not in full:
            full[words[-1]] = key
    return {last: key for last, key in full.items() if last in mentions}


def known_to_all(key: str, bodies: Iterable[tuple[str, str]]) -> bool:
    """Whether the sources expect every reader to know the person: a news story introduces
    anyone else in full on first reference ("Special counsel Robert Mueller …"), and most of
    the week's articles that name this one, or most of one outlet's (two or more), first name
    them without the given name ("President Trump said …", "Trump said …"). `bodies`: (outlet,
    body) of the articles. Such a person is no one to explain."""
    *given, last = key.split()
    first = re.compile(rf"(?<![\w-]){re.escape(last)}(?![\w-])")
    full = re.compile(rf"{re.escape(' '.join(given))}\s+(?:[A-Z]\.\s*)*{re.escape(last)}$")
    counts: dict[str, list[int]] = {}
    for outlet, body in bodies:
        m = first.search(body)
        if m is not None:
            bare_named = counts.setdefault(outlet, [0, 0])
            bare_named[0] += full.search(body[:m.end()]) is None
            bare_named[1] += 1
    bare, named = sum(c[0] for c in counts.values()), sum(c[1] for c in counts.values())
    return 2 * bare > named or any(n >= 2 and 2 * b > n for b, n in counts.values())


def headlined(held: Sequence[Read], forms: Sequence[str]) -> float:
    """The share of the articles naming the person (`held`) whose headline names them too:
    headline writers name only those they expect readers to know ("McConnell blocks …",
    "Judge blocks …")."""
    rx = re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, forms))})(?![\w-])")
    return sum(rx.search(r.article.title) is not None for r in held) / len(held) if held else 0.0


def called(key: str, texts: Iterable[str]) -> str:
    """What the questions call the person: the surname when `texts` write it alone, else the
    whole name ("Who is Charlamagne Tha God?", never "Who is God?")."""
    *given, last = key.split()
    alone = re.compile(rf"(?<!{re.escape(given[-1])} ){re.escape(last)}(?![\w-])")
    return last if any(alone.search(t) for t in texts) else key





def who_is(pool: Sequence[Item], key: str, forms: Sequence[str], used: set[int],
           settings: ExplainerSettings, printed: Sequence[str] = (),
           read: Sequence[Item] | None = None) -> list[Sentence]:
    """What the sources say the person is (the module docstring), as one sentence that
    states nothing the issue prints elsewhere (`printed`). `read`: every sentence naming
    the person, printed ones too, where a role may be written in full (see below)."""
    names = "|".join(re.escape(f) for f in forms)
    # Only when the roles the week writes before the name agree: "former Vice President Joe
    # Biden" and "President Biden" make any definition wrong beside the other; "House Speaker
    # Ann Lee" and "Speaker Lee" agree (the longer adds names only), "Sen." with any.
    roles = _roles(pool, names, settings)
    role = max(roles, key=lambda r: (len(r), r), default=())
    if not all(_adds_names(role, r) for r in roles):
        return []
    # The rank of an office one person holds, written alone before the name ("President Joe
    # Biden"), the sources expect the reader to place: any definition must hold it (not "the
    # presumptive Democratic nominee"), and one only adding a name to it ("the U.S. president")
    # is none.
    ranks = {r[0] for r in roles if len(r) == 1 and is_title(r[0].capitalize())}
    apposed: list[tuple[int, int, str]] = []
    for i, item in enumerate(pool):
        for m in re.finditer(rf"(?<![\w])(?:{names})(?![\w])", item.text):
            cut = re.match(r",\s+((?:the|a|an)\s+[^,;:.“”\"()]{3,80}?),", item.text[m.end():])
            if cut:
                text = f"{key} is {cut.group(1)}."
                if (defines_person(text, [key]) and not redefined(text, printed, forms)
                        and ranks <= set(text.lower().rstrip(".").split())):
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
                and i not in used and not redefined(item.text, printed, forms)
                and ranks <= set(re.findall(r"[\w-]+", item.text.lower()))):
            used.add(i)
            return [Sentence(item.text, item.sources)]
    # Else the role the sources write before the name ("Special counsel Robert Mueller …" ->
    # "Robert Mueller is the special counsel."), in full where a printed sentence writes more
    # of it (`read`; session 24: "the chief justice" beside "Supreme Court Chief Justice …").
    if not roles or ranks:
        return []
    every = read or pool
    fuller = _roles(every, names, settings)
    longer = sorted((r for r in fuller if len(r) > len(role) and _adds_names(r, role)),
                    key=lambda r: (-len(r), r))
    for r, item in [*((r, every[fuller[r]]) for r in longer), (role, pool[roles[role]])]:
        said = definition_of(r, settings)
        text = f"{key} is {said}."
        if said and defines_person(text, [key]) and not redefined(text, printed, forms):
            return [Sentence(text, item.sources)]  # (its sentence may answer: none printed)
    return []


def _roles(items: Sequence[Item], names: str, settings: ExplainerSettings,
           ) -> dict[tuple[str, ...], int]:
    """The roles before the name in `items` -> the first holding each (a lone "Sen.": none)."""
    roles: dict[tuple[str, ...], int] = {}
    for i, item in enumerate(items):
        for m in re.finditer(rf"(?<![\w-])(?:{names})(?![\w-])", item.text):
            role = role_before(item.text, m.start(), settings)
            if role is not None:
                roles.setdefault(role, i)
    many = {r.lower() for r in settings.one_of_many}  # "Sen. Ann Lee" is one of many
    return {r: i for r, i in roles.items() if len(r) > 1 or r[0] not in many}


def _adds_names(longer: tuple[str, ...], role: tuple[str, ...]) -> bool:
    """Whether `longer` is `role` with capitalised words before it ("House Speaker")."""
    extra = len(longer) - len(role)
    return extra >= 0 and longer[extra:] == role and all(w[:1].isupper() for w in longer[:extra])


def person_qa(pool: Sequence[Item], key: str, forms: Sequence[str],
              settings: ExplainerSettings, printed: Sequence[str] = (),
              story_of: Mapping[str, int] | None = None, name: str = "") -> list[QA]:
    """The person's questions and answers (empty: no Explainer); none states a fact of
    `printed` (the TL;DR), and no two come from one story (`story_of`: an article's URL ->
    its story; three outlets' accounts of one event are one fact in three wordings)."""
    short = name or key.split()[-1]  # what the questions call the person
    # "First Lady Melania Trump revealed …" names another Trump; "pro-Trump rioters" and
    # "Trump-era policies" are about others.
    pool = [item for item in pool if not about_another(item.text, forms)]
    read, pool = pool, [item for item in pool if not item.said]
    used: set[int] = set()
    who = who_is(pool, key, forms, used, settings, printed, read)
    if not who:
        return []
    answers: dict[str, list[Sentence]] = {}
    questions = [(q.format(name=short), rx) for q, rx in settings.person_questions]
    # The specific claim first: the broad "What happened this week?" last.
    order = [q for q, _ in questions[1:]][::-1]
    cues = dict(questions)
    # (the definition is checked without the role its sentence writes before the name: that
    # sentence may answer, "Conservative commentator X will be pardoned …" is no repeat)
    said, defined = list(printed), [s.text for s in who]
    # A sentence a story's paragraph prints (`above`) answers only where there would be too
    # few answers without it (session 24): the reader is asked to read no sentence twice.
    for late in (False, True):
        for question in (q for q in order if q not in answers):
            if late and len(answers) + 1 >= settings.min_answers:
                break
            got = _pick(pool, question, re.compile(cues[question], re.IGNORECASE), forms,
                        used, settings, said, {story_of[pool[k].sources[0]] for k in used
                                               if story_of and pool[k].sources[0] in story_of},
                        story_of or {}, late, defined)
            if got:
                answers[question] = got
                said += [s.text for s in got]
    qa = [QA(questions[0][0], tuple(who))]
    qa += [QA(q, tuple(answers[q])) for q, _ in questions[1:] if q in answers]
    return qa if len(qa) >= settings.min_answers else []


def _pick(pool: Sequence[Item], question: str, rx: re.Pattern[str], forms: Sequence[str],
          used: set[int], settings: ExplainerSettings, said: Sequence[str],
          told: Collection[int] = (), story_of: Mapping[str, int] | None = None,
          late: bool = False, defined: Sequence[str] = ()) -> list[Sentence]:
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
        if (i in used or not item.stands or (item.above and not late)
                or repeats(item, given, settings.repeat)
                or (story is not None and story in told)
                or repeated(item.text, said, forms)
                or any(redefined(d, [item.text], forms) for d in defined)):
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
