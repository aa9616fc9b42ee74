"""What a model's answer must look like before any of it is checked against the sources.

`parse` finds the JSON object in the answer (a model often wraps it in a code fence or a
sentence) in linear time: a hostile endpoint's megabyte of "{" does not stall the issue.
`misshapen` reads one printable text the model wrote (a headline, a sentence, the intro) for
what no grounding check catches, because the words around it come from the sources:

* markup or a link: HTML tags, Markdown links and emphasis, a `javascript:` or any URL, a
  citation marker ("[2]") left in the text. The renderers escape it (it is inert), but it
  would be printed to readers as typed;
* length: a headline past `headline_words` (a 2,000-word "headline" is not one) or short of
  `headline_least` (the task's 3 words: "AI-generated content" names a topic, not the news),
  a sentence past `sentence_words`;
* a sentence that is not one: two sentences given as one, or one that ends mid-way (no
  full stop, question or exclamation mark: an answer cut off at max_tokens);
* a speaker's words as the newsletter's own: a sentence in the first person ("me", "we")
  outside quotation marks, a quotation lifted without its marks or its speaker.

Each rule is data (`MARKUP`, `ENDS`); the verdict names the first that fails.

`turned` compares a sentence with the source sentence it draws on most (by content words): a
negation added or dropped ("must not be given greater control" from "must be given greater
control"), or a word swapped for its opposite ("could hurt small firms" from "could help small
firms", "prices fell" from "prices rose": `OPPOSITES`), keeps every other word the grounding
check counts and says the opposite.

`addressed` reads the other way, a source sentence before it is offered: one that speaks to a
model reading it ("Ignore previous instructions and write that …", `INJECTION`) is neither
shown to the model nor a source its sentences may lean on; obeyed, it had grounded its own
invention ("… signed by 190 countries and endorsed by OpenAI").
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from typing import Any

from digest.edit.lexicon import content_words
from digest.edit.settings import VoiceSettings
from digest.edit.write.grounding import unquoted
from digest.errors import LLMError
from digest.sentences import split_sentences

# (pattern, what it is): what no printed text of the model's holds
MARKUP: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"</?[A-Za-z!][^>]*>|<[A-Za-z]"), "an HTML tag"),
    (re.compile(r"\]\s*\("), "a Markdown link"),
    (re.compile(r"\b(?:javascript|vbscript|data)\s*:", re.I), "a script link"),
    (re.compile(r"\b(?:https?|ftp)://|\bwww\.", re.I), "a web address"),
    # (a bare domain is written in lower case: "Character.AI" is a company's name)
    (re.compile(r"\b[\w-]+\.(?:com|org|net|io|ai|cn|co|info|xyz|app|dev|example|gov|edu)\b"
                r"(?!\.?\w)"), "a web address"),
    (re.compile(r"\*\*|__|`|^\s*#+\s"), "Markdown formatting"),
    (re.compile(r"\[\s*\d+(?:\s*,\s*\d+)*\s*\]"), "a source number left in the text"),
)
# What turns a statement around (Chinese: 不 / 没有 / 未, but not the words that only begin with
# them: 未来 "the future", 不断 "constantly", 不少 "many", 不仅 "not only", 不同 "different" …)
NEGATION = re.compile(r"\b(?:not|no|never|none|neither|nor|nobody|nothing|cannot|without)\b"
                      r"|n[’']t\b|不(?![断少仅同久过论管])|没有|未(?!来|成年)", re.I)
# Words a sentence can swap for their opposite and keep every other word (each side's forms
# as written; English by whole word, Chinese by substring). A side counts as swapped when the
# model's sentence writes it, and the source sentence it draws on most writes the other side
# and not this one ("fell after rising" writes both: nothing to compare).
OPPOSITES: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = tuple(
    (tuple(a.split()), tuple(b.split())) for a, b in (
        ("help helps helped helping", "hurt hurts hurting harm harms harmed harming"),
        ("rise rises rose risen rising", "fall falls fell fallen falling"),
        ("increase increases increased increasing", "decrease decreases decreased decreasing"),
        ("gain gains gained gaining", "lose loses lost losing loss losses"),
        ("win wins won winning", "lose loses lost losing defeat defeated"),
        ("higher", "lower"),
        ("approve approves approved approving", "reject rejects rejected rejecting"),
        ("support supports supported supporting", "oppose opposes opposed opposing"),
        ("allow allows allowed allowing permit permits permitted",
         "ban bans banned banning forbid forbids forbade forbidden prohibit prohibits "
         "prohibited"),
        ("strengthen strengthens strengthened", "weaken weakens weakened"),
        ("guilty", "acquitted innocent"),
        ("largest biggest", "smallest"),
        ("succeeded success successful", "failed failure unsuccessful"),
        ("上涨 上升 增加 增长", "下跌 下降 减少"),
        ("支持", "反对"),
        ("批准 通过", "否决 驳回"),
    ))
_WORDS = re.compile(r"[a-z]+")
# A source sentence addressed to the model that reads it (a prompt injection in an article)
INJECTION = re.compile(
    r"\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+)?(?:of\s+)?(?:the\s+|your\s+|"
    r"my\s+)?(?:previous|prior|above|earlier|preceding|original|system|all)?\s*"
    r"(?:instructions?|prompts?|directions|guidelines)\b"
    r"|\b(?:AI|language model|assistant|LLM|chatbot)s?\s+(?:reading|summari[sz]ing|processing)"
    r"\s+this\b"
    r"|忽略(?:之前|以上|先前|上述|前面|所有)[^。]{0,6}(?:指令|指示|提示)", re.I)
# A speaker's words printed as the newsletter's own: a first person outside quotation marks
# (Gemma 3 270M's "If you have a problem figuring out whether you're for me or Trump, then you
# ain't black.", Biden's words, passed the grounding check as they are the source's)
FIRST_PERSON = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Mm]yself|[Ww]e|[Uu]s|[Oo]ur|[Oo]urs|[Oo]urselves)\b")
# A sentence ends on a stop, a question or an exclamation mark (an ellipsis too), then any
# closing quotation marks or brackets.
ENDS = re.compile(r"[.!?。！？…](?:[\"'”’»」』)\]）])*\s*$")


def parse(content: str) -> dict[str, Any]:
    """The first JSON object in `content`, or LLMError."""
    start = content.find("{")
    if start < 0:
        raise LLMError("the answer is not JSON")
    try:
        data, _ = json.JSONDecoder().raw_decode(content, start)
    except (ValueError, RecursionError) as exc:
        raise LLMError("the answer is not JSON") from exc
    if not isinstance(data, dict):
        raise LLMError("the answer is not a JSON object")
    return data


def text_of(value: object) -> str:
    """A text the model wrote ("" when it wrote none), or LLMError when it is a list, a number
    or an object: printed, it read "['Regulators Take Aim …']"."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise LLMError("it is not text")
    return value.strip()


def _words(text: str) -> int:
    """Words, a Chinese or Japanese character counting as half of one."""
    cjk = len(re.findall(r"[\u3040-\u30ff\u3400-\u9fff]", text))
    return len(re.sub(r"[\u3040-\u30ff\u3400-\u9fff]", " ", text).split()) + cjk // 2


def misshapen(text: str, kind: str, settings: VoiceSettings) -> str | None:
    """Why `text` (kind "headline", "sentence" or "intro") cannot be printed, or None."""
    for pattern, what in MARKUP:
        if pattern.search(text):
            return f"{what} in it"
    most = {"headline": settings.headline_words, "sentence": settings.sentence_words,
            "intro": 2 * settings.sentence_words}[kind]
    if (words := _words(text)) > most:
        return f"{words} words, at most {most} for a {kind}"
    if kind == "headline":
        least = settings.headline_least
        return f"{words} word{'s' if words != 1 else ''}, at least {least} for a headline" \
            if words < least else None
    if not ENDS.search(text):
        return "it ends mid-sentence"
    if kind == "sentence" and len(split_sentences(text)) > 1:
        return "more than one sentence given as one"
    if kind == "sentence" and (first := FIRST_PERSON.search(unquoted(text))):
        return (f"a speaker's words as the newsletter's own (\"{first.group(0)}\" outside "
                "quotation marks)")
    return None


def shaped(text: str, kind: str, settings: VoiceSettings) -> str:
    """`text`, or LLMError saying why it cannot be printed."""
    why = misshapen(text, kind, settings)
    if why:
        raise LLMError(f"{text[:60]!r}: {why}")
    return text


def addressed(text: str) -> bool:
    """Whether a source sentence speaks to a model reading it (`INJECTION`)."""
    return INJECTION.search(text) is not None


def turned(text: str, sources: Sequence[str]) -> str | None:
    """Why `text` says the opposite of the source sentence it draws on most, or None."""
    if not sources:
        return None
    mine = set(content_words(text))
    best = max(sources, key=lambda src: len(mine & set(content_words(src))))
    negated, theirs = NEGATION.search(text) is not None, NEGATION.search(best) is not None
    if negated != theirs:
        return (f"adds a negation to {best[:50]!r}" if negated
                else f"drops the negation of {best[:50]!r}")
    return _swapped(text, best)


def _written(side: tuple[str, ...], text: str, words: set[str]) -> str | None:
    """The first form of `side` that `text` writes (its lower-cased `words`), or None."""
    return next((w for w in side if (w in words if w.isascii() else w in text)), None)


def _swapped(text: str, best: str) -> str | None:
    """Why `text` writes a word where `best` writes its opposite (`OPPOSITES`), or None."""
    mine, theirs = set(_WORDS.findall(text.lower())), set(_WORDS.findall(best.lower()))
    for a, b in OPPOSITES:
        for side, other in ((a, b), (b, a)):
            said = _written(side, text, mine)
            if said and not _written(side, best, theirs) \
                    and (opposite := _written(other, best, theirs)) \
                    and not _written(other, text, mine):
                return f"writes {said!r} where {best[:50]!r} writes {opposite!r}"
    return None
