"""An organisation's Explainer answers, from the week's sentences that name it (the pool,
write/explainer_pool.gather): each question claims its sentences in `_CLAIM_ORDER`, "Which
is?" by a definition cut to its clause (`_which_is`, `definition`), the others by the most
cues of settings.QUESTIONS (`_answer`); a sentence answers at most one question, states no
fact another answer gave, and one leaning on the sentence before it comes last. A person's
answers are write/explainer_people.py's; which entity is explained, write/explainer.py's.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence

from digest.edit.lexicon import CJK_RE
from digest.edit.proof.questions import answered, defines
from digest.edit.settings import ExplainerSettings
from digest.edit.write.explainer_pool import Item, repeats
from digest.edit.write.grounding import contract_names
from digest.models import QA, Sentence

# Questions claim sentences in this order: the specific before the broad ("founded in 2017,
# its members include…" answers "Been around long?" before "Who's in it?"), and "Why does it
# matter?" before "What does it do?", whose cues ("standards") any sentence about it has.
_CLAIM_ORDER = ("Which is?", "Been around long?", "Who's in it?", "Why does it matter?",
                "What does it do?")
# Questions that contend for one sentence: it answers the one its main clause has more cues
# for ("Been around long?" claims first; "What does it do?" cues are in most sentences).
_CONTESTED = ("Who's in it?", "Why does it matter?")
# "released that dataset": which one? the sentence before said.
_BACK_REFERENCE = re.compile(r"^(?:\S+\s){0,5}(?:that|this|these|those|the same)\s[a-z]+\b")
# "The standard is voluntary, but …": a definite noun the sentence before introduced (not one
# that can name the entity itself: "The alliance said …").
_DEFINITE_OPENER = re.compile(r"^The ([a-z]+)\b")
_SELF_NOUNS = frozenset(["alliance", "association", "body", "group", "organisation", "organization",
                         "company", "firm", "agency", "bureau", "ministry", "committee", "forum",
                         "institute", "council", "federation", "consortium", "coalition"])
_OTHER_NAME = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)+")
_YEAR = re.compile(r"\b(in|since) (19|20)\d\d\b|(19|20)\d\d年")


def org_qa(pool: Sequence[Item], forms: Sequence[str], key: str,
           settings: ExplainerSettings) -> list[QA]:
    """An organisation's answers, in `settings.questions`' order, the full name shortened to
    its acronym after the first ([] when no sentence says what it is: no Explainer)."""
    used: set[int] = set()
    answers: dict[str, list[Sentence]] = {}
    cues = {q: re.compile(rx, re.IGNORECASE) for q, rx in settings.questions}
    # What each sentence's main clause speaks to: it answers the question it has most cues
    # for ("…, an industry group whose members include …, welcomed the campaign" is a
    # reaction, not a membership list).
    speaks = [{q: _hits(cues[q], item.main) for q in _CONTESTED} for item in pool]
    for question in _CLAIM_ORDER:
        if question == "Which is?":
            answer = _which_is(pool, forms, key, used)
        else:
            other = {i for i, h in enumerate(speaks) if question in h
                     and h[question] < max(v for q, v in h.items() if q != question)}
            answer = _answer(pool, question, cues[question], forms, used, settings, other)
        if answer:
            answers[question] = answer
        elif question == "Which is?":
            return []  # an Explainer that cannot say what it explains is no Explainer
    return _short_after_first(
        [QA(q, tuple(answers[q])) for q, _ in settings.questions if q in answers], forms)


def _short_after_first(qa: Sequence[QA], forms: Sequence[str]) -> list[QA]:
    """Once an answer has named the entity in full with its acronym, the later answers call
    it by the acronym ("AOMA published …", not "The Asia Open Model Alliance (AOMA) …")."""
    out: list[QA] = []
    introduced = False
    for q in qa:
        said = []
        for s in q.answer:
            text = contract_names(s.text, forms) if introduced else s.text
            introduced = introduced or text != contract_names(text, forms)
            said.append(Sentence(text[:1].upper() + text[1:], s.sources))
        out.append(QA(q.question, tuple(said)))
    return out


def _hits(rx: re.Pattern[str], text: str) -> int:
    return len({m.group(0).lower() for m in rx.finditer(text)})


def _leans_back(text: str, forms: Sequence[str]) -> bool:
    """Whether the sentence refers back to something only the sentence before it named."""
    if _BACK_REFERENCE.search(text):
        return True
    m = _DEFINITE_OPENER.match(text)
    if not m:
        return False
    own = {w.lower() for f in forms for w in f.split()}
    return m.group(1) not in own and m.group(1) not in _SELF_NOUNS


def _answer(pool: Sequence[Item], question: str, rx: re.Pattern[str], forms: Sequence[str],
            used: set[int], settings: ExplainerSettings,
            elsewhere: Collection[int] = ()) -> list[Sentence]:
    """Up to `per_answer` sentences that match the question's cues: the most cues, the entity
    as the sentence's subject, and the shortest first; never a fact another answer gave."""
    scored: list[tuple[bool, float, bool, bool, int, int]] = []
    fallback = question == "Been around long?" and not any(
        rx.search(item.text) for i, item in enumerate(pool) if i not in used)
    given = [pool[k] for k in used]
    for i, item in enumerate(pool):
        if (i in used or i in elsewhere or not item.stands
                or repeats(item, given, settings.repeat)):
            continue
        hits: float = _hits(rx, item.text)
        if fallback and _YEAR.search(item.text):
            hits = 0.5  # no founding sentence: a dated fact about it is the next best answer
        if not hits or not answered(question, [item.text], forms):
            continue  # its cue is not about the entity ("… Senate aide … in 1993")
        n = len(item.text.split()) if not CJK_RE.search(item.text) else len(item.text) // 2
        subject = any(item.text.startswith(f) or item.text.startswith(f"The {f}")
                      for f in forms)
        # "Who's in it?" is best answered by a sentence that names members.
        named = len(set(_OTHER_NAME.findall(item.text)) - set(forms)) if (
            question == "Who's in it?") else 0
        # A sentence leaning on the one before it ("The standard is voluntary, but …") comes
        # after every self-contained one, whatever its cues.
        # (a paragraph's sentence, `above`, answers only when nothing else does)
        lean = _leans_back(item.text, forms) or item.above
        scored.append((lean, -hits - min(named, 3) / 2, not subject or lean,
                       n > settings.max_words, n, i))
    scored.sort()
    picked: list[tuple[bool, float, bool, bool, int, int]] = []
    for key in scored:
        i = key[-1]
        if picked and ((key[2] and key[3]) or key[0]):
            continue  # a weak sentence may answer alone, never as a second sentence
        if repeats(pool[i], [pool[k[-1]] for k in picked], settings.repeat):
            continue
        picked.append(key)
        if len(picked) >= settings.per_answer or (question == "Been around long?"
                                                  and key[1] > -1):
            break
    used.update(k[-1] for k in picked)
    # The sentence about the entity itself first ("AOMA's member list …"), then the rest.
    picked.sort(key=lambda k: (k[2], k[4]))
    return [Sentence(pool[k[-1]].text, pool[k[-1]].sources) for k in picked]


def _which_is(pool: Sequence[Item], forms: Sequence[str], key: str,
              used: set[int]) -> list[Sentence]:
    """A definition: the shortest appositive or "X is a …" the sources give, cut to that
    clause ("The Asia Open Model Alliance (AOMA), an industry body headquartered in Hangzhou"
    -> "The Asia Open Model Alliance (AOMA) is an industry body headquartered in Hangzhou.")."""
    found: list[tuple[bool, int, int, str]] = []
    define = _definition_rx(forms)
    for i, item in enumerate(pool):
        m = define.search(item.text)
        if not m:
            continue
        cut = definition(item.text, m)
        if cut is None and not item.stands:
            continue  # the whole sentence would be printed, and it leans on the one before
        text = cut or item.text
        if not defines(text, forms):
            continue  # "Congress, a new divide is emerging": no kind of thing, no definition
        # "is an industry body in Hangzhou" defines; "is the forum's co-organiser" leans on
        # a forum the reader never met: an indefinite definition first, then the shortest.
        found.append((bool(re.search(r" is the ", text)), len(text), i, text))
    if not found:
        # No appositive to cut: the first sentence that says what it is ("known as …").
        full = next((i for i, item in enumerate(pool) if key in item.text and item.stands
                     and defines(item.text, forms)), None)
        if full is None:
            return []
        used.add(full)
        return [Sentence(pool[full].text, pool[full].sources)]
    found.sort()
    _, _, i, text = found[0]
    used.add(i)
    return [Sentence(text, pool[i].sources)]


def definition(sentence: str, m: re.Match[str]) -> str | None:
    """The defining clause of `sentence` as "Name is a …." (None: keep the whole sentence)."""
    name, tail = m.group("name"), m.group("tail")
    if name is None or tail is None:
        return None
    rest = sentence[m.start("tail"):]
    end = re.search(r",\s(?!and\b)|[.;:]\s|[.;:]?$", rest)
    clause = rest[:end.start()] if end else rest
    if len(clause.split()) < 3 or len(clause.split()) > 25:
        return None
    article = "The " if re.search(rf"\bthe\s+{re.escape(name)}$",
                                  sentence[:m.end("name")], re.IGNORECASE) else ""
    return f"{article}{name} is {clause.rstrip(',.')}."


def _definition_rx(forms: Sequence[str]) -> re.Pattern[str]:
    names = "|".join(re.escape(f) for f in forms)
    paren = r"(?:\s*[(（][^)）]{1,30}[)）])?"
    return re.compile(
        rf"(?P<name>(?:{names}){paren})(?:,\s+(?P<tail>(?:an?|the)\s+[\w\-’' ]{{0,40}}?"
        rf"(?:body|group|alliance|agency|organi[sz]ation|association|consortium|company|"
        rf"regulator|network|coalition|institute|forum|federation|platform)\b)"
        rf"|\s+(?:is|was)\s+an?\s)|"
        rf"(?:{names}){paren}(?:是|于\d{{4}}年)")
