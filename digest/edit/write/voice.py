"""The editor's voice, when a model is configured: headlines, paragraphs, the TL;DR, the
intro and the Explainer's answers rewritten by a chat model, every sentence checked.

The model is anything with a `name` and `complete(messages, max_tokens) -> str` that raises
`LLMError` (the `Model` protocol); the pipeline builds the HTTP client (digest/llm.py) from
the config, so the editor imports no HTTP library. The offline issue is written first; then
each item is offered to the model in turn — each featured story (its headline, its
paragraph), the TL;DR, the intro, each Explainer answer — with the numbered sentences it may
use. An item is kept only if every sentence passes `grounding.check` against the sentences
it cites (a mis-numbered sentence may lean on the item's whole pool, and then cites the
sentences that support it) and the copy editor (digest/edit/proof/) strikes none of it;
otherwise that item alone stays offline and `notes` say why. The copy editor reads a model's
item as it reads the offline writer's, with its own rules for what it cannot know: a
headline is not checked word by word against the sources (the voice's words are its own;
grounding holds its terms), a paragraph is one writer's prose (`paragraph_strikes`'
`inferred` off: a fact told twice in other words is the model's to avoid, as its task
says), and a TL;DR sentence or an answer is read alone, as the issue prints it: in the
issue's language, no quotation left open, its first sentence leaning on none before it.
Before any of that, each printed text must have the shape of one (write/answer.py: no markup
or link, a headline of a headline's length, a sentence that is one and ends).

An endpoint that fails as a whole (`LLMUnavailable`: timed out after its retries, a key
refused, no chat API at the URL) is asked nothing more: the item it failed on says why, and
one note counts the items not asked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from digest.edit.core_event import writing_set
from digest.edit.lexicon import content_words, dangles
from digest.edit.proof import headline_strikes, paragraph_strikes
from digest.edit.proof.tldr import language_strike
from digest.edit.settings import VoiceSettings
from digest.edit.week import Week
from digest.edit.write.answer import addressed, misshapen, parse, shaped, text_of, turned
from digest.edit.write.grounding import HEADLINE_OVERLAP, check
from digest.edit.write.summarize import is_cjk_language
from digest.errors import LLMError, LLMOutOfTime, LLMUnavailable
from digest.models import QA, Explainer, Sentence, Story
from digest.text import quotes_open

INTRO_OVERLAP = 0.3  # the intro frames the issue in the editor's words; names and figures must hold
WELCOME = ("Welcome", "Hello")  # what an intro asked to welcome the reader says, in no source

_VOICE = (
    "You are the editor of a weekly newsletter with a dry, knowing voice: short punchy "
    "headlines that are not the sources' titles (\"The Summit of Their Ambitions\", \"Pushing "
    "Back Against Push Notifications\"), plain factual sentences that attribute claims (\"X "
    "said\", \"according to Y\"). Use only facts in the numbered sources; never add a name, a "
    "number or a quotation they do not have.")
TASKS = {
    "story": ("Task: story. Write a headline of 3 to 8 words in your voice and one paragraph of "
              "4 to 7 sentences: what happened, who said what, why it matters. JSON: "
              "{\"headline\": str, \"sentences\": [{\"text\": str, \"sources\": [numbers]}]}."),
    "tldr": ("Task: tldr. Write the TL;DR: at most three sentences saying what ties this "
             "week's stories together (a recurring actor or theme), not a list of the stories "
             "and not 'And … Meanwhile'. JSON: {\"sentences\": [{\"text\": str, \"sources\": "
             "[numbers]}]}."),
    "intro": ("Task: intro. Write one or two sentences that welcome the reader and say what "
              "this issue covers, without quoting headlines or counting stories. JSON: "
              "{\"text\": str}."),
    "explainer": ("Task: explainer. Answer each question about {entity} in one or two "
                  "sentences: 'Why does it matter?' gives consequences and reactions, never "
                  "what it does; no fact twice. JSON: {\"answers\": [{\"question\": str, "
                  "\"sentences\": [{\"text\": str, \"sources\": [numbers]}]}]}."),
}
_LANGUAGES = {"en": "English", "zh": "Chinese", "ja": "Japanese", "ko": "Korean",
              "fr": "French", "de": "German", "es": "Spanish"}


class Model(Protocol):
    """A chat model: the pipeline's HTTP client, or a test's scripted one."""

    @property
    def name(self) -> str: ...

    def complete(self, messages: Sequence[dict[str, str]], max_tokens: int) -> str:
        """The model's answer; `LLMError` when there is none (budget, timeout, HTTP error)."""
        ...


class _NotAsked(LLMError):
    """The endpoint failed as a whole on an earlier item: this one was not asked."""


class _Breaker:
    """The model until it is unavailable (`LLMUnavailable`); then no later item is asked."""

    def __init__(self, model: Model) -> None:
        self.model = model
        self.down = False
        self.skipped = 0
        self.why = "the endpoint is unavailable"  # (said in the note on the items not asked)

    @property
    def name(self) -> str:
        return self.model.name

    def complete(self, messages: Sequence[dict[str, str]], max_tokens: int) -> str:
        if self.down:
            self.skipped += 1
            raise _NotAsked("not asked")
        try:
            return self.model.complete(messages, max_tokens)
        except LLMUnavailable as exc:
            self.down = True
            if isinstance(exc, LLMOutOfTime):
                self.why = "its time budget for the issue is spent"
            raise


def _fell_back(notes: list[str], note: str, exc: Exception) -> None:
    """`note` (an item kept offline), unless the item was never asked (counted once)."""
    if not isinstance(exc, _NotAsked):
        notes.append(note)


@dataclass(frozen=True)
class Draft:
    """What the issue prints, item by item."""

    stories: tuple[Story, ...]
    tldr: tuple[Sentence, ...]
    intro: str
    explainer: Explainer | None


Pool = list[tuple[str, tuple[str, ...]]]  # numbered source sentences and their URLs


def _offered(pool: Pool, where: str, notes: list[str]) -> Pool:
    """`pool` without the sentences addressed to a model (write/answer.py), noted once."""
    kept = [p for p in pool if not addressed(p[0])]
    if len(kept) < len(pool):
        first = next(t for t, _ in pool if addressed(t))
        notes.append(f"{where}: {len(pool) - len(kept)} source sentence(s) addressed to a model "
                     f"not offered to it ({first[:60]!r}: a prompt injection)")
    return kept


def _numbered(pool: Pool) -> str:
    return "\n".join(f"[{k}] {text}" for k, (text, _) in enumerate(pool, start=1))


def _ask(model: Model, task: str, user: str, language: str, settings: VoiceSettings,
         entity: str = "") -> dict[str, Any]:
    # The task leads the user turn: a chat template without a system role drops the system
    # message (llama-cpp-python's "gemma" format does, silently; Gemma 3 270M, asked that way,
    # saw only the numbered sources and went on numbering them), so what to write, in which
    # language and as what JSON must not be in it; the voice and its rules are.
    asked = (TASKS[task].replace("{entity}", entity) + " Write in "
             + _LANGUAGES.get(language[:2], language) + ". Answer with JSON only.")
    return parse(model.complete([{"role": "system", "content": _VOICE},
                                 {"role": "user", "content": f"{asked}\n\n{user}"}],
                                settings.max_tokens))


def _sentences(raw: object, pool: Pool, least: int, most: int,
               settings: VoiceSettings) -> tuple[Sentence, ...]:
    """The model's sentences, each shaped as one and checked against the sources it cites
    (see the module docstring); LLMError names the first that fails."""
    try:
        items = [(text_of(s["text"]), [int(n) for n in s.get("sources", [])])
                 for s in raw]  # type: ignore[attr-defined]
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise LLMError(f"the JSON lacks sentences ({exc.__class__.__name__})") from exc
    if not least <= len(items) <= most:
        raise LLMError(f"{len(items)} sentences, wanted {least} to {most}")
    out = []
    for text, refs in items:
        shaped(text, "sentence", settings)
        cited = [pool[n - 1] for n in refs if 1 <= n <= len(pool)] or pool
        verdict = check(text, [t for t, _ in cited])
        if not verdict.ok:
            verdict = check(text, [t for t, _ in pool])
            if not verdict.ok:
                raise LLMError(f"failed the grounding check: {text[:60]!r} {verdict.why}")
            mine = set(content_words(text))
            cited = sorted(pool, key=lambda p: -len(mine & set(content_words(p[0]))))[:2]
        if why := turned(text, [t for t, _ in cited]):
            raise LLMError(f"{text[:60]!r} {why}")
        out.append(Sentence(text, tuple(dict.fromkeys(u for _, src in cited for u in src))))
    return tuple(out)


def _story_pool(week: Week, story: Story, members: Sequence[int], limit: int) -> Pool:
    pool: Pool = [(s.text, s.sources) for s in story.sentences]
    seen = {t for t, _ in pool}
    for r in writing_set(week, members, 12):
        for line in r.lines[:6]:
            if len(pool) >= limit:
                return pool
            if not line.furniture and line.text not in seen:
                seen.add(line.text)
                pool.append((line.text, week.cite(r)))
    return pool


def _story(model: Model, week: Week, story: Story, members: Sequence[int], language: str,
           settings: VoiceSettings, notes: list[str]) -> tuple[Story, list[str]]:
    """The story with what the model wrote of it that passed, and which parts those are."""
    pool = _offered(_story_pool(week, story, members, settings.source_sentences),
                    f"story {story.rank}", notes)
    try:
        data = _ask(model, "story", f"Sources:\n{_numbered(pool)}", language, settings)
    except LLMError as exc:
        _fell_back(notes, f"story {story.rank}: LLM output not used ({exc}); offline text kept",
                   exc)
        return story, []
    parts: list[str] = []
    head = data.get("headline")
    titles = {c.title.strip().lower() for c in story.articles}
    if head is not None and not isinstance(head, str):
        notes.append(f"story {story.rank}: LLM headline not used (it is not text)")
    elif not (head := (head or "").strip()) or head.lower() in titles:
        notes.append(f"story {story.rank}: LLM headline not used (empty or a source's title)")
    elif why := misshapen(head, "headline", settings):
        notes.append(f"story {story.rank}: LLM headline not used ({head[:60]!r}: {why})")
    elif not (held := check(head, [t for t, _ in pool], HEADLINE_OVERLAP, headline=True)).ok:
        notes.append(f"story {story.rank}: LLM headline not used (not in the sources' terms: "
                     f"{held.why})")
    elif struck := headline_strikes(head, language=language):
        notes.append(f"story {story.rank}: LLM headline not used (the copy editor strikes "
                     f"it: {struck[0].rule})")
    else:
        story = replace(story, headline=head)
        parts.append("headline")
    try:
        sentences = _sentences(data.get("sentences"), pool, 2, 8, settings)
        reads = [week.reads[i].article for i in members]
        struck = paragraph_strikes(  # (under the headline it is printed with)
            [s.text for s in sentences], language=language, headline=story.headline,
            sources=[f"{a.title}\n{a.text}" for a in reads], titled=week.titled,
            origins=[s.sources[0] if s.sources else "" for s in sentences], inferred=False)
        if struck:
            raise LLMError(f"the copy editor strikes {struck[0].text[:60]!r}: {struck[0].rule}")
        story = replace(story, sentences=sentences)
        parts.append("paragraph")
    except LLMError as exc:
        notes.append(f"story {story.rank}: LLM paragraph not used ({exc}); offline text kept")
    return story, parts


# An answer's opening pronoun is the Explainer's subject, which heads the questions ("Who's in
# it?" — "It's actually hard to find someone who isn't in it.", the seed issue's own answer).
_PRONOUN = re.compile(r"^(?:It|Its|It's|It’s|They|Their|They're|They’re|He|His|She|Her)\b")


def _read_alone(sentences: Sequence[Sentence], language: str,
                answer: bool = False) -> tuple[Sentence, ...]:
    """`sentences` (a TL;DR, an `answer`), or LLMError naming what the copy editor strikes
    when they are read alone, as the issue prints them: a sentence not in the issue's
    language, a quotation left open, a first sentence leaning on one not printed ("Second,
    …", "The move …"; "It …" too, but in an answer, where it is the Explainer's subject)."""
    cjk_issue = is_cjk_language(language)
    for k, s in enumerate(sentences):
        strike = language_strike("voice", s.text, cjk_issue)
        leans = k == 0 and dangles(s.text) and not (answer and _PRONOUN.match(s.text))
        why = strike.rule if strike else "quotation left open" if quotes_open(s.text) else (
            "leans on a sentence not printed" if leans else None)
        if why:
            raise LLMError(f"the copy editor strikes {s.text[:60]!r}: {why}")
    return tuple(sentences)


def rewrite(endpoint: Model, draft: Draft, week: Week, members: Sequence[Sequence[int]],
            language: str, settings: VoiceSettings) -> tuple[Draft, list[str], int]:
    """The draft with each item the model wrote and that passed its checks; the notes; how
    many items the model wrote. `members[k]`: the articles of `draft.stories[k]`."""
    notes: list[str] = []
    wrote: list[tuple[str, int]] = []  # what the model wrote that is printed, how many items
    model = _Breaker(endpoint)  # (asks nothing more once it is unavailable)
    stories = list(draft.stories)
    for k, story in enumerate(stories):
        if story.section == "in_our_feeds":
            stories[k], parts = _story(model, week, story, members[k], language, settings,
                                       notes)
            if parts:
                wrote.append((f"story {story.rank} {' and '.join(parts)}", len(parts)))
    featured = [s for s in stories if s.section == "in_our_feeds"]
    pool = _offered([(s.text, s.sources) for story in featured for s in story.sentences],
                    "TL;DR", notes)
    tldr = draft.tldr
    if pool:
        try:
            data = _ask(model, "tldr", f"This week's stories:\n{_numbered(pool)}", language,
                        settings)
            tldr = _read_alone(_sentences(data.get("sentences"), pool, 1, 3, settings), language)
            wrote.append(("TL;DR", 1))
        except LLMError as exc:
            _fell_back(notes, f"TL;DR: LLM output not used ({exc}); offline text kept", exc)
    intro = draft.intro
    if featured:
        facts = [s.headline for s in featured] + [t for t, _ in pool]
        if draft.explainer is not None:
            facts.append(f"Explainer: {draft.explainer.entity}")
        try:
            data = _ask(model, "intro", "The issue:\n" + "\n".join(facts), language, settings)
            text = shaped(text_of(data.get("text")), "intro", settings)
            # (the offline intro's words count too: it names the newsletter, as a welcome does)
            verdict = check(text, [*facts, draft.intro, *WELCOME], INTRO_OVERLAP)
            if not verdict.ok:
                raise LLMError(f"failed the grounding check: {verdict.why}")
            intro = _read_alone([Sentence(text, ())], language)[0].text  # its language too
            wrote.append(("intro", 1))
        except LLMError as exc:
            _fell_back(notes, f"intro: LLM output not used ({exc}); offline text kept", exc)
    explainer = draft.explainer
    if explainer is not None:
        asked = len(explainer.qa)
        explainer, n = _explainer(model, explainer, language, settings, notes)
        if n:
            wrote.append((f"Explainer ({n} of {asked} answers)", n))
    if model.skipped:
        notes.append(f"LLM not asked for the {model.skipped} item"
                     f"{'s' if model.skipped != 1 else ''} after that: {model.why}; "
                     "offline text kept")
    done = sum(n for _, n in wrote)
    if done:  # (issue.json and `digest status` say which items are the model's)
        notes.append(f"LLM wrote {done} item{'s' if done != 1 else ''} of the issue: "
                     + ", ".join(what for what, _ in wrote))
    return Draft(tuple(stories), tldr, intro, explainer), notes, done


def _explainer(model: Model, explainer: Explainer, language: str, settings: VoiceSettings,
               notes: list[str]) -> tuple[Explainer, int]:
    pool = _offered([(s.text, s.sources) for q in explainer.qa for s in q.answer], "Explainer",
                    notes)
    questions = "\n".join(q.question for q in explainer.qa)
    try:
        data = _ask(model, "explainer", f"Facts:\n{_numbered(pool)}\n\nQuestions:\n{questions}",
                    language, settings, entity=explainer.entity)
        answers = _matched(data.get("answers"), [q.question for q in explainer.qa])
    except (LLMError, KeyError, TypeError, AttributeError) as exc:
        _fell_back(notes, f"Explainer: LLM output not used ({exc}); offline text kept", exc)
        return explainer, 0
    qa = []
    done = 0
    for q in explainer.qa:
        try:
            qa.append(QA(q.question, _read_alone(
                _sentences(answers.get(q.question), pool, 1, 2, settings), language,
                answer=True)))
            done += 1
        except LLMError as exc:
            notes.append(f"Explainer, {q.question!r}: LLM answer not used ({exc})")
            qa.append(q)
    return replace(explainer, qa=tuple(qa)), done


def _key(question: str) -> str:
    return re.sub(r"\W+", "", question.casefold())


def _matched(raw: object, questions: Sequence[str]) -> dict[str, object]:
    """Each question's answer (its `sentences`): by the question's words, whatever the model
    made of its case, spaces and punctuation ("What’s next?" for "What's next?": matched
    exactly, such an answer was dropped), else by position when it answered every one."""
    if not isinstance(raw, list):
        raise LLMError("the JSON lacks answers")
    given = [a for a in raw if isinstance(a, dict)]
    mine = {_key(q): q for q in questions}
    out: dict[str, object] = {}
    for a in given:
        q = mine.get(_key(str(a.get("question") or "")))
        if q is not None:
            out.setdefault(q, a.get("sentences"))
    if not out and len(given) == len(questions):
        out = {q: a.get("sentences") for q, a in zip(questions, given, strict=True)}
    return out
