"""Writing the issue offline: story paragraphs, headlines, "Also this week" lines, TL;DR, intro.

Everything printed is extractive: sentences come from the story's articles, lightly
compressed (datelines removed) and, when a sentence from a second outlet carries no
attribution, prefixed with "According to <outlet>," — a connective, never a new fact.
Headlines are the one place in the editor's own voice; they are assembled from the
story's own words (its key entity and the verb phrase that follows it in a top sentence)
and are checked not to copy any source title.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from digest.edit.entities import EntityIndex
from digest.edit.lexicon import CJK_RE, STOPWORDS, stem
from digest.edit.summarize import clean_sentence, is_furniture, score_sentences
from digest.models import Article, Sentence
from digest.text import split_sentences, tokens

MAX_SENTENCES = 7
MIN_SENTENCES = 4
CANDIDATES_PER_ARTICLE = 25
MMR_LAMBDA = 0.7
REDUNDANT = 0.6  # share of a sentence's content words already said that makes it a repeat
_ATTRIBUTION = re.compile(r"\b(said|says|say|told|according to|reported|reports|announced|"
                          r"stated|wrote|writes|claimed|argued|noted|added)\b|据|表示|称|报道",
                          re.IGNORECASE)
# "Meanwhile, " / "Closer to home, " would dangle after an added "According to X,".
_LEADING_CONNECTIVE = re.compile(r"^(?:Meanwhile|However|Elsewhere|Still|Also|Moreover|"
                                 r"Closer to home|At the same time|In addition|But),\s+")
_SMALL = frozenset(["a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to", "vs", "via", "with", "from"])


@dataclass(frozen=True)
class Candidate:
    article: int  # position in the story's article list
    index: int  # sentence position in the article
    text: str
    weight: float
    words: tuple[str, ...]


def _cosine(a: Counter[str], b: Counter[str]) -> float:
    dot = sum(v * b.get(k, 0) for k, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def _candidates(arts: Sequence[Article]) -> list[Candidate]:
    out: list[Candidate] = []
    for k, art in enumerate(arts):
        sents = split_sentences(art.text)[:CANDIDATES_PER_ARTICLE]
        scored = score_sentences(sents)
        top = max((s.score for s in scored), default=1.0) or 1.0
        out.extend(Candidate(k, s.index, s.text, s.score / top, s.words) for s in scored
                   if len(s.words) >= 3 and _complete(s.text))
    return out


def _complete(text: str) -> bool:
    """A sentence, not a subheading: it ends in terminal punctuation (or a closing quote)."""
    return text.rstrip()[-1:] in ".!?。！？\"”’)」"


def _attribute(text: str, outlet: str, body: str = "") -> str:
    if _ATTRIBUTION.search(text):
        return text
    if CJK_RE.search(text[:3]):
        return f"据{outlet}报道，{text}"
    first, _, rest = text.partition(" ")
    # Lower-case the first word unless it is a name: capitalised somewhere mid-sentence too.
    proper = re.search(rf"(?<![.!?]\s)(?<!^)\b{re.escape(first)}\b", body[1:]) is not None
    if (first[:1].isupper() and first[1:].islower() and first.lower() != "i"
            and (first.lower() in STOPWORDS or not proper)):
        text = first.lower() + (" " + rest if rest else "")
    return f"According to {outlet}, {text}"


def select_sentences(arts: Sequence[Article], limit: int) -> list[Candidate]:
    """MMR over the story's sentences: central, non-repetitive, spread over outlets."""
    cands = _candidates(arts)
    if not cands:
        return []
    centroid: Counter[str] = Counter()
    for c in cands:
        centroid.update(set(c.words))
    bags = [Counter(c.words) for c in cands]
    sets = [set(c.words) for c in cands]
    c_norm = math.sqrt(sum(v * v for v in centroid.values())) or 1.0
    relevance = []
    for c, b in zip(cands, bags, strict=True):
        dot = sum(v * centroid.get(k, 0) for k, v in b.items())
        b_norm = math.sqrt(sum(v * v for v in b.values())) or 1.0
        relevance.append(c.weight * (0.5 + dot / (b_norm * c_norm)))
    # Incremental MMR: each candidate's similarity to (and containment in) the chosen set is
    # updated once per pick, so a pick costs one pass over the candidates.
    max_sim = [0.0] * len(cands)
    blocked = [not s for s in sets]
    chosen: list[int] = []
    used_articles: set[int] = set()
    while len(chosen) < limit:
        best, best_val = -1, -1e9
        for i, c in enumerate(cands):
            if blocked[i]:
                continue
            val = MMR_LAMBDA * relevance[i] - (1 - MMR_LAMBDA) * max_sim[i]
            if c.article not in used_articles:
                val += 0.15  # prefer a voice not heard yet
            if val > best_val:
                best, best_val = i, val
        if best < 0:
            break
        chosen.append(best)
        used_articles.add(cands[best].article)
        blocked[best] = True
        for i in range(len(cands)):
            if blocked[i]:
                continue
            if len(sets[i] & sets[best]) / len(sets[i]) >= REDUNDANT:
                blocked[i] = True
                continue
            sim = _cosine(bags[i], bags[best])
            if sim > max_sim[i]:
                max_sim[i] = sim
    lead = cands[chosen[0]].article if chosen else 0
    order = [lead] + [k for k in range(len(arts)) if k != lead]
    picked = [cands[i] for i in chosen]
    head = picked[0] if picked else None
    rest = sorted(picked[1:], key=lambda c: (order.index(c.article), c.index))
    return ([head] if head else []) + rest


def paragraph(arts: Sequence[Article], citations: dict[str, tuple[str, ...]],
              limit: int | None = None) -> tuple[Sentence, ...]:
    """A 4-8 sentence paragraph (fewer only when the story has fewer sentences)."""
    n = limit or max(MIN_SENTENCES, min(MAX_SENTENCES, 3 + len(arts)))
    picked = select_sentences(arts, n)
    out: list[Sentence] = []
    heard = {arts[picked[0].article].source} if picked else set()
    for c in picked:
        art = arts[c.article]
        text = c.text
        if art.source not in heard:  # name each further outlet once, at its first sentence
            text = _attribute(_LEADING_CONNECTIVE.sub("", text), art.source, art.text)
            heard.add(art.source)
        out.append(Sentence(text, citations.get(art.url, (art.url,))))
    return tuple(out)


# ── headlines ────────────────────────────────────────────────────────────────

_VERB_AFTER = re.compile(
    r"^\s*(?:(has|have|had|will|would|could|may|also|now)\s+)*"
    r"([a-z]{3,}(?:ed|es|s)|(?<=will )[a-z]{4,})\s+((?:(?:\d+\.\d+|[\w\-’'])+\s*){1,6})"
)
# Between a subject and its verb: a capitalised place or day ("in Hangzhou", "on Monday"),
# or an appositive between commas (", an industry group,").
_WHEN = frozenset("""Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
    March April May June July August September October November December""".split())  # noqa: SIM905
_SKIP_BEFORE_VERB = re.compile(
    r"^(?:\s+(?:in|on|at|of)\s+[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,3}"
    r"|,\s[^,]{1,80},|\s*[(（][^)）]{1,40}[)）])")
_PREPOSITIONS = frozenset("""about above across against along among around at before behind below
    beyond by during for from into near of off on onto over past since through to toward towards
    under until upon with within without""".split())  # noqa: SIM905
# "X is optimistic about Y" -> "X Optimistic About Y": headlines drop the copula.
_COPULA_AFTER = re.compile(
    r"^\s*(?:is|are|was|were)\s+(?:now\s+)?([a-z]{4,})\s+((?:[\w\-’']+\s*){1,6})"
)
_IRREGULAR_SKIP = frozenset({"said", "says", "is", "was", "has", "does", "news", "series",
                             "its", "this", "thus", "us", "plus", "as", "always", "less"})
_STOP_OBJECT = frozenset({"that", "to", "which", "who", "after", "while", "because", "since",
                          "when", "and", "but", "on", "in", "at", "for", "from", "by", "with",
                          "what", "how", "why", "whether", "where", "as", "than", "if",
                          "over", "against", "during", "about", "across", "under"})
# Irregular past forms: not nouns, so never the second word of a key phrase.
_IRREGULAR = frozenset("""built made said held led set won lost began brought caught found gave got
    kept left met paid ran sent sold spent took told went wrote seen known shown given taken chosen
    drawn grown thought bought fell rose struck""".split())  # noqa: SIM905
HEADLINE_WORDS = 8


def _present(verb: str) -> str:
    if not verb.endswith(("ed", "s")):  # a bare verb after "will": "will spend" -> "Spends"
        return verb + ("es" if verb.endswith(("ch", "sh", "x", "ss", "z")) else "s")
    if verb.endswith("ed") and len(verb) > 4 and (
            verb[-3] in "cgvzu" or (verb[-3] == "s" and verb[-4] in "aeiou")):
        return verb[:-1] + "s"  # "released" -> "releases", "charged" -> "charges"
    if verb.endswith("ied"):
        return verb[:-3] + "ies"
    if verb.endswith("ed"):
        base = verb[:-1] if verb[-3] == "e" else verb[:-2]
        if len(base) > 3 and base[-1] == base[-2] and base[-1] not in "lsaeiou":
            base = base[:-1]
        return base + ("es" if base.endswith(("ch", "sh", "x", "ss", "z")) else "s")
    return verb


def title_case(words: Sequence[str]) -> str:
    out = []
    for i, w in enumerate(words):
        if w.isupper() or any(ch.isupper() for ch in w[1:]):
            out.append(w)
        elif i > 0 and w.lower() in _SMALL:
            out.append(w.lower())
        else:
            out.append(w[:1].upper() + w[1:])
    return " ".join(out)


def _verb_phrase(entity_forms: Sequence[str], sentences: Sequence[str]) -> list[str] | None:
    for sent in sentences:
        for form in entity_forms:
            pos = sent.find(form)
            # Only the grammatical subject: the name opens the sentence or its main clause.
            # A short descriptive label may precede it ("Hangzhou developer Qiantang Labs").
            if pos < 0 or not re.fullmatch(r"(?:.*[,;:] )?(?:(?:The|the|China’s|China's) )?"
                                           r"(?:(?:[A-Z][\w\-]+ )?[a-z][a-z\-]+ )?",
                                           sent[:pos]) or re.search(
                                               r"\b(?:of|in|for|to|from|with)\s*$", sent[:pos]):
                continue
            after = sent[pos + len(form):]
            for _ in range(2):  # e.g. "(CAC)" then "on Monday"
                after = _SKIP_BEFORE_VERB.sub("", after, count=1)
            m = _VERB_AFTER.match(after)
            if m and m.group(2) not in _IRREGULAR_SKIP:
                verb, tail = _present(m.group(2)), m.group(3)
            else:
                m = _COPULA_AFTER.match(after)
                if not m or m.group(1) in _STOP_OBJECT or m.group(1) in STOPWORDS:
                    continue
                verb, tail = m.group(1), m.group(2)
            obj: list[str] = []
            words = tail.split()
            for k, w in enumerate(words):
                clean = w.strip(",.;:\"“”'’()")
                nxt = words[k + 1] if k + 1 < len(words) else ""
                # "opened in Hangzhou" keeps its place; "ended on Wednesday" stops at "on".
                place = nxt[:1].isupper() and nxt.strip(",.") not in _WHEN
                if not clean or (clean.lower() in _STOP_OBJECT and not (not obj and place)):
                    break
                if clean.lower() in {"a", "an", "the", "its", "their"}:
                    continue
                obj.append(clean)
                if w[-1:] in ",.;:":
                    break
            while obj and (obj[-1].lower() in _SMALL or obj[-1].lower() in _PREPOSITIONS
                           or obj[-1] in _WHEN):
                obj.pop()
            if len(obj) >= 1:
                return [verb, *obj[:5]]
    return None


def _key_phrase(arts: Sequence[Article], avoid: set[str]) -> list[str]:
    """The story's most shared two-word phrase (else word), in its first spelling."""
    surface: dict[tuple[str, ...], str] = {}
    counts: dict[tuple[str, ...], float] = {}
    for art in arts:
        seen: set[tuple[str, ...]] = set()
        lead = " ".join((art.paragraphs[0] if art.paragraphs else "").split()[:60])
        for chunk in re.split(r"[^\w\s’'\-]+", f"{art.title}. {lead}"):
            words = chunk.split()
            stems: list[str | None] = []
            for w in words:
                low = w.lower()
                ok = len(low) >= 2 and not low.isdigit() and low not in STOPWORDS
                # Verb forms and adverbs make poor headline nouns ("boom caught").
                ok = ok and not (len(low) > 4 and low.endswith(("ed", "ing", "ly")))
                ok = ok and low not in _IRREGULAR
                st = stem(low) if ok and not CJK_RE.search(low) else None
                stems.append(None if st in avoid else st)
            for n, weight in ((2, 3.0), (1, 1.0)):  # a phrase says more than a word
                for j in range(len(words) - n + 1):
                    key = stems[j:j + n]
                    if None in key:
                        continue
                    skey = tuple(k for k in key if k is not None)
                    surface.setdefault(skey, " ".join(words[j:j + n]))
                    # A phrase shared by several articles beats one repeated in one.
                    counts[skey] = counts.get(skey, 0.0) + (weight if skey not in seen else weight / 10)
                    seen.add(skey)
    if not counts:
        return []
    best = min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]
    return surface[best].split()


def headline(arts: Sequence[Article], index: EntityIndex, lead: Sequence[str],
             common: frozenset[str] = frozenset(), avoid: frozenset[str] = frozenset()) -> str:
    """A short headline in the editor's voice, from the story's key entity and verb phrase.

    `common` are entities that run through most of the week's stories (often the newsletter's
    own subject, "AI"): they say nothing about this story, so they do not lead its headline.
    `avoid` are stems the key phrase must not use, for the same reason.
    """
    english = [a for a in arts if not _mostly_cjk(a.title)]
    if english and len(english) < len(arts):
        # A mixed story is headlined in the language most of the newsletter is written in.
        arts = english
        lead = [t for t in lead if not _mostly_cjk(t)]
    counts: Counter[str] = Counter()
    for art in arts:
        counts.update(set(index.entities_in(f"{art.title}\n{art.text}")))
    ranked = sorted(((k, c) for k, c in counts.items() if k not in common),
                    key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))
    titles = {" ".join(tokens(a.title)) for a in arts}
    everyone = sorted(((k, c) for k, c in counts.items() if k in common),
                      key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))
    story_text = "\n".join(f"{a.title}\n{a.text}" for a in arts)
    # Top sentences first, then each article's opening: where news says who did what.
    openings = [clean_sentence(t) for a in arts for t in split_sentences(a.text)[:2]]
    sentences = list(dict.fromkeys([*lead, *openings]))
    # A verb phrase says what happened: try the story's own names, then the week's common ones.
    for key, _ in ranked[:12] + everyone[:4]:
        forms = sorted(index.aliases(key), key=len, reverse=True)
        vp = _verb_phrase(forms, sentences)
        if vp:
            subject = _subject(key, forms, story_text)
            vp = [vp[0], *_enrich(vp[1:], story_text)]
            words = [*subject.split(), *vp][:HEADLINE_WORDS]
            while words and words[-1].lower() in _SMALL | _STOP_OBJECT | _PREPOSITIONS:
                words.pop()
            text = title_case(words)
            if len(words) > len(subject.split()) + 1 and _fresh(text, titles):
                return text
    zh = any(CJK_RE.search(a.title) for a in arts)
    if zh:
        return _zh_headline(arts, ranked, index, titles)
    # No "who did what" sentence: the story's most shared phrase, never "X and Y" glue.
    phrase = _key_phrase(arts, set(avoid))
    text = title_case(phrase) if phrase else "This Week's Story"
    return text if _fresh(text, titles) else f"More on {text}"


_ROLE_NOUNS = ("regulator", "watchdog", "ministry", "alliance", "agency", "bureau",
               "government", "commission", "court", "police")


def _subject(key: str, forms: Sequence[str], story_text: str) -> str:
    """The shortest fitting name: an acronym, a name of up to three words, or the role noun
    the sources themselves use for it ("the platform regulator" -> "Regulator")."""
    latin = [f for f in forms if not CJK_RE.search(f)]
    short = min(latin, key=len, default=key)
    if len(short.split()) <= 3:
        return short
    low = story_text.lower()
    # The first role noun of the list the sources use ("regulator" reads better than "bureau").
    used = [r for r in _ROLE_NOUNS if re.search(rf"\bthe (?:[a-z\-]+ )?{r}\b", low)]
    if used:
        return used[0].capitalize()
    return " ".join(short.split()[-3:])


def _enrich(obj: list[str], story_text: str) -> list[str]:
    """A bare noun object ("campaign") takes the name the sources give it ('"Clear Feed"
    campaign'), so the headline says which one."""
    if len(obj) != 1:
        return obj
    noun = re.escape(obj[0])
    m = re.search(rf"[\"“]([A-Z][\w\-]*(?: [A-Z][\w\-]*){{0,2}})[\"”]\s+{noun}\b", story_text)
    if m:
        return [f"‘{m.group(1).split()[0]}", *m.group(1).split()[1:-1],
                f"{m.group(1).split()[-1]}’", obj[0]] if " " in m.group(1) else [
                f"‘{m.group(1)}’", obj[0]]
    return obj


def _mostly_cjk(text: str) -> bool:
    return len(CJK_RE.findall(text)) * 2 > len(re.sub(r"\s", "", text))


def _zh_headline(arts: Sequence[Article], ranked: Sequence[tuple[str, int]], index: EntityIndex,
                 titles: set[str]) -> str:
    """Chinese: the story's most shared character phrase, after its organisation if any."""
    org = next((a for k, _ in ranked for a in sorted(index.aliases(k), key=len, reverse=True)
                if CJK_RE.search(a)), "")
    counts: Counter[str] = Counter()
    for art in arts:
        first = split_sentences(art.text)[:1]
        text = f"{art.title}。{first[0] if first else ''}"
        if org:
            text = text.replace(org, "。")  # the phrase must add to the name, not repeat it
        grams: set[str] = set()
        for run in re.findall(r"[\u3400-\u9fff]{4,}", text):
            for n in (6, 5, 4):
                grams.update(run[i:i + n] for i in range(len(run) - n + 1))
        counts.update(grams)
    phrase = ""
    if counts:
        # Shared by the most articles, then the longest, then the first in order.
        phrase = min(counts, key=lambda g: (-counts[g], -len(g), g))
    text = f"{org}：{phrase}" if org and phrase else (phrase or org or arts[0].title[:12])
    return text if _fresh(text, titles) or not phrase else phrase


def _fresh(text: str, titles: set[str]) -> bool:
    mine = set(tokens(text))
    for t in titles:
        theirs = set(t.split())
        if mine and theirs and len(mine & theirs) / len(mine | theirs) >= 0.8:
            return False
    return True


def one_line(arts: Sequence[Article], citations: dict[str, tuple[str, ...]]) -> tuple[Sentence, ...]:
    """The "Also this week" line: the story's single best sentence."""
    picked = select_sentences(arts, 1)
    if not picked:
        art = arts[0]
        return (Sentence(art.title, citations.get(art.url, (art.url,))),) if art.title else ()
    art = arts[picked[0].article]
    return (Sentence(picked[0].text, citations.get(art.url, (art.url,))),)


def is_prose(text: str) -> bool:
    return bool(text.strip()) and not is_furniture(text)
