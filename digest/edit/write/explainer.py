"""The Explainer: the organisation that recurs across the most stories, in short Q&A.

Choice: among entities of kind "org" (organisation, agency, alliance, standard, company —
see entities.py), the one mentioned in the most stories, then the most articles, then the
most mentions; it must appear in `min_articles` articles. Aliases (full name, acronym,
Chinese name) count as one entity.

Answers: each question has cue patterns (settings.QUESTIONS); every sentence of the week's
articles that names the entity (or, for "Which is?", defines it) is a candidate, and a
sentence answers at most one question. A candidate is in the issue's language (a Chinese name
in brackets after an English one is fine; a Chinese sentence never answers in an English
issue), stands alone (lexicon.dangles: no "It …", "Second, …", "One of them, …"), states no
fact another answer gave (most of its words, or a figure other than a year). "Why does it
matter?" asks for consequences and reactions. Nothing is written that is not a source sentence.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace

from digest.edit.aliases import EntityIndex
from digest.edit.continuity.explained import NOTHING_EXPLAINED, Explained, skipped_note
from digest.edit.lexicon import CJK_RE
from digest.edit.proof.questions import answered, defines
from digest.edit.settings import ExplainerSettings
from digest.edit.week import Read, Week
from digest.edit.write.explainer_people import (
    called,
    headlined,
    is_person,
    known_to_all,
    person_qa,
    surnames,
)
from digest.edit.write.explainer_pool import Item, gather, repeats
from digest.edit.write.grounding import contract_names
from digest.models import QA, Explainer, ExplainerMemory, Sentence

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
@dataclass(frozen=True)
class Choice:
    key: str
    stories: int
    articles: int
    mentions: int
    kind: str = "org"  # or "person"
    short: str = ""  # a person's surname, when the week writes it alone ("Trump")


def choose_entity(index: EntityIndex, story_reads: Sequence[Sequence[Read]],
                  least: int = 2) -> Choice | None:
    """The organisation named in the most stories, articles, mentions (`least` articles)."""
    ranked = candidates(index, story_reads, least)
    return ranked[0] if ranked else None


def candidates(index: EntityIndex, story_reads: Sequence[Sequence[Read]],
               least: int = 2) -> list[Choice]:
    """Every organisation named in `least` articles, best first (`choose_entity`'s order)."""
    per_story: dict[str, set[int]] = {}
    per_article: dict[str, int] = {}
    mentions: dict[str, int] = {}
    for s, reads in enumerate(story_reads):
        for r in reads:
            for key, c in index.resolve(r.mentions).items():
                if index.kind(key) != "org":
                    continue
                per_story.setdefault(key, set()).add(s)
                per_article[key] = per_article.get(key, 0) + 1
                mentions[key] = mentions.get(key, 0) + c
    ranked = sorted(per_story, key=lambda k: (-len(per_story[k]), -per_article[k], -mentions[k], k))
    return [Choice(key, len(per_story[key]), per_article[key], mentions[key])
            for key in ranked if per_article[key] >= least]


def ranked_entities(week: Week, story_reads: Sequence[Sequence[Read]],
                    settings: ExplainerSettings) -> list[Choice]:
    """The organisations (`candidates`) and the people (explainer_people.is_person, the
    surname counted with the full name) of `settings.kinds` named in `min_articles`
    articles, by stories, then articles, then mentions."""
    out = candidates(week.index, story_reads, settings.min_articles) if (
        "org" in settings.kinds) else []
    if "person" not in settings.kinds:
        return out
    index = week.index
    # Which articles and stories name each name, indexed once (a pass per name was quadratic:
    # 11 s of a 3,000-article week, minutes of a 10,000-article one).
    in_articles: dict[str, set[int]] = {}
    in_stories: dict[str, set[int]] = {}
    mentions: dict[str, int] = {}
    a = 0
    for s, reads in enumerate(story_reads):
        for r in reads:
            for k, c in index.resolve(r.mentions).items():
                in_stories.setdefault(k, set()).add(s)
                if index.kind(k) == "name":
                    in_articles.setdefault(k, set()).add(a)
                    mentions[k] = mentions.get(k, 0) + c
            a += 1
    short = surnames(mentions, mentions)
    full = {key: last for last, key in short.items()}
    texts = [r.text for r in week.used]
    nothing: set[int] = set()
    for key in sorted(mentions, key=lambda k: -mentions[k] - mentions.get(full.get(k, ""), 0)):
        forms = {key, full[key]} if key in full else {key}
        if len(key.split()) < 2:
            continue
        n_articles = len(set().union(*(in_articles.get(f, nothing) for f in forms)))
        if n_articles < settings.min_articles:
            continue
        n_stories = len(set().union(*(in_stories.get(f, nothing) for f in forms)))
        if n_stories < (out[-1].stories if len(out) >= settings.candidates else 1):
            continue  # a person named in fewer stories than every candidate kept is no rival
        if not is_person(key, [t for t in texts if key in t], settings):
            continue
        out.append(Choice(key, n_stories, n_articles,
                          sum(mentions.get(f, 0) for f in forms), "person",
                          full.get(key, key.split()[-1])))
        out.sort(key=lambda c: (-c.stories, -c.articles, -c.mentions, c.key))
    return out


def explain(week: Week, story_reads: Sequence[Sequence[Read]], language: str,
            settings: ExplainerSettings, printed: Collection[str] = (),
            explained: Explained = NOTHING_EXPLAINED,
            ranked: Sequence[Choice] | None = None,
            above: Collection[str] = ()) -> tuple[Explainer | None, str | None]:
    """The Explainer and, when there is none, the note that says why. `printed`: sentences
    the issue prints elsewhere (the TL;DR), which no answer repeats (`above`: the stories'
    paragraphs' sentences, which answer last); `explained`: what earlier
    issues explained, passed over (the why or the note says so, for the operator). The
    entities are tried in `ranked_entities`' order, up to `settings.candidates`: the first the
    week's sources define and say enough about is explained. `ranked`: that order when the
    caller has it already (it tries several `printed`; the ranking is most of the cost)."""
    if ranked is None:
        ranked = ranked_entities(week, story_reads, settings)
    skipped: list[tuple[str, ExplainerMemory]] = []
    fresh: list[Choice] = []
    for choice in ranked:
        earlier = explained.before(_names(week, choice)) if explained.memory else None
        if earlier is None:
            fresh.append(choice)
        elif len(skipped) < settings.candidates:
            skipped.append((_display(week, choice), earlier))
    told = f" {skipped_note(skipped)}" if skipped else ""
    if not ranked:
        return None, NO_ENTITY_NOTE
    story_of = {r.url: s for s, reads in enumerate(story_reads) for r in reads}
    # A person most of whose articles' headlines name them is one readers are expected to
    # know; one the sources also explain whose headlines seldom do is explained instead.
    known: Explainer | None = None
    for choice in fresh[:settings.candidates]:
        forms = sorted(_names(week, choice))
        share = headlined(week.bodies.holding(forms), forms) if choice.kind == "person" else 0
        if known is not None and share > settings.unheadlined:
            continue
        explainer = build_explainer(week, choice, len(story_reads), language, settings, printed,
                                    story_of, above)
        if explainer is not None and known is None and share >= settings.headlined:
            known = replace(explainer, why=f"{explainer.why} Headlines name them in "
                                           f"{share:.0%} of those articles.")
        elif explainer is not None:
            less = f" Preferred to {known.entity}, the less obvious name." if known else ""
            return replace(explainer, why=explainer.why + less + told), None
    if known is not None:
        return replace(known, why=known.why + told), None
    if not fresh:
        return None, f"No Explainer this week: every entity that recurs was explained lately.{told}"
    return None, (f"No Explainer this week: {week.index.display(fresh[0].key)} recurs most, "
                  "but the week's articles do not say what it is, or say too little about it "
                  f"to answer the questions.{told}")


def _names(week: Week, choice: Choice) -> set[str]:
    """Every name the entity goes by this week (as explained.py compares them)."""
    if choice.kind == "person":
        return {choice.key, *([choice.short] if choice.short else [])}
    return {*week.index.aliases(choice.key), week.index.display(choice.key)}


def _display(week: Week, choice: Choice) -> str:
    return choice.key if choice.kind == "person" else week.index.display(choice.key)


def build_explainer(week: Week, choice: Choice, total_stories: int, language: str,
                    settings: ExplainerSettings, printed: Collection[str] = (),
                    story_of: Mapping[str, int] | None = None,
                    above: Collection[str] = ()) -> Explainer | None:
    """Answers from the week's sentences that name the entity, in the issue's language only
    (a Chinese name in brackets after an English one is still English). `story_of`: an
    article's URL -> its story (a person's answers come from different stories)."""
    index = week.index
    if choice.kind == "person":
        forms = sorted({choice.key, *([choice.short] if choice.short else [])}, key=len,
                       reverse=True)
        if known_to_all(choice.key, ((r.source, r.article.text)
                                     for r in week.bodies.holding(forms))):
            return None
        name = called(choice.key, [r.article.text for r in week.bodies.holding(forms)])
        pool = gather(week, forms, language, settings, printed, above)
        people = person_qa(pool, choice.key, forms, settings, list(printed), story_of, name)
        if not people:
            return None
        why = (f"{choice.key} is the person named in the most stories this week: "
               f"{choice.stories} of {total_stories} stories, {choice.articles} articles, "
               f"{choice.mentions} mentions.")
        return Explainer(entity=choice.key, aliases=tuple(f for f in forms if f != choice.key),
                         why=why, qa=tuple(people))
    forms = sorted(index.aliases(choice.key), key=len, reverse=True)
    pool = [i for i in gather(week, forms, language, settings, printed, above) if not i.said]
    used: set[int] = set()
    answers: dict[str, list[Sentence]] = {}
    cues = {q: re.compile(rx, re.IGNORECASE) for q, rx in settings.questions}
    # What each sentence's main clause speaks to: it answers the question it has most cues
    # for ("…, an industry group whose members include …, welcomed the campaign" is a
    # reaction, not a membership list).
    speaks = [{q: _hits(cues[q], item.main) for q in _CONTESTED} for item in pool]
    for question in _CLAIM_ORDER:
        if question == "Which is?":
            answer = _which_is(pool, forms, choice.key, used)
        else:
            other = {i for i, h in enumerate(speaks) if question in h
                     and h[question] < max(v for q, v in h.items() if q != question)}
            answer = _answer(pool, question, cues[question], forms, used, settings, other)
        if answer:
            answers[question] = answer
        elif question == "Which is?":
            return None  # an Explainer that cannot say what it explains is no Explainer
    qa = _short_after_first(
        [QA(q, tuple(answers[q])) for q, _ in settings.questions if q in answers], forms)
    if len(qa) < 2:
        return None
    name = index.display(choice.key)
    why = (f"{name} is the organisation named in the most stories this week: "
           f"{choice.stories} of {total_stories} stories, {choice.articles} articles, "
           f"{choice.mentions} mentions.")
    aliases = tuple(sorted(a for a in index.aliases(choice.key) if a != choice.key))
    return Explainer(entity=name, aliases=aliases, why=why, qa=tuple(qa))


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


NO_ENTITY_NOTE = ("No Explainer this week: no person, organisation, agency, alliance, standard "
                  "or company came up in more than one article, and we only explain what the "
                  "week's sources say about it.")
