"""Headlines in the editor's voice: who did what, from the story's own lead sentences.

A headline is the subject, verb and object of one of the story's lead sentences (its
paragraph's top sentences, then each article's opening two, then the rest of each article
up to compose.HEADLINE_DEPTH), found without a model:

* `clauses.parse` finds the main clause (leading time phrases, appositives, parentheses
  and "on Friday" dropped; the first finite verb outside a relative clause); a reporting
  verb ("said", "told") or a weak one ("is", "has") makes no headline;
* the subject is compressed: a label before a name goes ("Hangzhou developer Qiantang
  Labs" -> "Qiantang Labs"), a long office name becomes its acronym or the role noun the
  sources use ("the platform regulator" -> "Regulator"), a long event name its head ("West
  Lake Dialogue on AI Governance" -> "West Lake Dialogue"), a place's office the place
  ("Zhejiang's education department" -> "Zhejiang"), and of several prepositional phrases
  only the one naming a place or body (else the first) stays — the rest replaced by a
  compound the sources write when there is one ("China's rules on
  labelling AI-generated content" + "China's AI labelling rules" -> "China's AI Labelling
  Rules");
* the object is the noun phrase after the verb, cut at a clause or preposition; a verb
  without an object keeps its place, purpose or "with" phrase ("Opens in Hangzhou"); "require
  X to take Y" keeps "to Take Y"; a bare amount says what it is for ("1.5 Billion Yuan
  Subsidising Humanoid Robot Parts"); a passive "X have been answered by Y" becomes "Y
  Answers X"; a bare noun takes the name the sources quote for it ("‘Clear Feed’ Campaign");
* a candidate is rejected when its subject leans on the sentence before ("it", "the move",
  "its next chip", "nine of them") or is one of the week's ubiquitous names, when it has no
  object (a fragment such as "Assistant Handles"), when it does not fit in nine words (the
  object's hyphenated and leading modifiers go first), or when its content words are 75 % those
  of a source title or of one clause of it.

The first candidate whose subject names someone (a name or a number) wins; else the first.
The verb is put in the headline present ("released" -> "Releases"; a plural subject takes
the base form; "must"/"can" stay). Every other word is the source's own.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from digest.edit.headline.verbs import base_form, headline_verb, is_plural
from digest.edit.lexicon import CJK_RE, STOPWORDS, stem
from digest.edit.write.clauses import (
    ADVERBS,
    CONJ,
    DETS,
    PREPOSITIONS,
    PRONOUNS,
    QUANT,
    SMALL,
    UNITS,
    Clause,
    StoryContext,
    depth0,
    drop_times,
    is_name,
    noun_like,
    noun_phrase,
    parse,
    parse_words,
)
from digest.text import tokens

HEADLINE_WORDS = 9
SUBJECT_WORDS = 6
_REPORTING = frozenset(["say", "tell", "state", "claim", "argue", "note", "confirm", "believe", "think", "insist", "reply", "write", "explain", "recall", "admit", "acknowledge", "suggest", "estimate", "hope", "fear", "know", "see"])
_REPORTING_IF_CLAUSE = frozenset(["add", "announce", "warn", "report", "expect", "agree", "deny", "ask"])
_WEAK_VERBS = frozenset(["be", "have", "do", "seem", "appear", "become", "remain", "get"])
ROLE_NOUNS = ("regulator", "watchdog", "ministry", "alliance", "agency", "bureau",
              "government", "commission", "court", "police")
_OFFICES = frozenset(["department", "ministry", "bureau", "government", "regulator", "office", "council", "commission", "administration", "agency", "authorities", "authority", "police", "court"])


def _object(after: list[str], verb: str, story: StoryContext) -> list[str] | None:
    """What the verb acts on: a noun phrase, "to" + verb + noun phrase, or (for a verb with
    no object) a place or "with" phrase; None when nothing fits (a fragment)."""
    ws = drop_times(after)
    while ws and ws[0].lower() in ADVERBS:
        ws = ws[1:]
    particle: list[str] = []
    if len(ws) > 1 and ws[0].lower() in {"up", "out", "off", "down"}:
        particle, ws = [ws[0].lower()], drop_times(ws[1:])  # "set up a fund", "lined up for"
    obj, k = noun_phrase(ws, story)
    rest = drop_times(ws[k:])
    if not obj:
        if rest[:1] == ["to"] and len(rest) > 1 and rest[1].islower():
            inner, _ = noun_phrase(rest[2:], story, limit=3)
            body = ["to", rest[1], *inner] if inner and noun_like(inner[-1]) else None
        else:
            body = _prepositional(ws, story)
        return particle + body if body else None
    if obj[0][0].isdigit() and all(w.lower() in UNITS or w[0].isdigit() for w in obj[:-1]):
        # "1.5 billion yuan over three years subsidising the parts": say what it is for.
        if rest[:1] and rest[0].lower() in {"over", "in", "within"}:
            _, skip = noun_phrase(rest[1:], story, limit=3)
            rest = rest[1 + skip:]
        if rest[:1] and (rest[0].lower().endswith("ing") or rest[0].lower() in {"on", "for"}):
            more, _ = noun_phrase(rest[1:], story, limit=2, allow_of=False)
            if more:
                obj += [rest[0], *more]
    elif rest[:1] and rest[0].lower() in PREPOSITIONS - {"to"}:
        _, skip = noun_phrase(rest[1:], story, limit=4)
        after_pp = rest[1 + skip:]
        if after_pp[:1] == ["to"] and len(after_pp) > 1 and after_pp[1].islower():
            rest = after_pp  # "require every undergraduate at … to take …"
    if rest[:1] == ["to"] and len(rest) > 2 and rest[1].isalpha() and rest[1].islower() \
            and rest[1] not in DETS | QUANT | _COUNTS and not rest[1].endswith(("s", "ed")) \
            and (base_form(verb) in _CONTROL or obj[-1].lower() in _INTENT):
        inner, _ = noun_phrase(rest[2:], story, limit=4)
        if inner and noun_like(inner[-1]):
            obj += ["to", rest[1], *inner]
    if not noun_like(obj[-1]):
        return None
    end = depth0(rest, ",")
    return particle + _compound(obj, rest[:end], story.text)


def _prepositional(ws: Sequence[str], story: StoryContext) -> list[str] | None:
    """A verb without an object keeps its place or purpose: "opened in Hangzhou", "ended
    with 23 countries signing a statement", "lined up for a half-marathon"."""
    if not ws or ws[0].lower() not in {"in", "with", "into", "at", "against", "for", "to"}:
        return None
    place, m = noun_phrase(ws[1:], story, limit=3)
    if not place or not noun_like(place[-1]):
        return None
    out = [ws[0].lower(), *place]
    tail = ws[1 + m:]
    if ws[0].lower() == "with" and tail[:1] and tail[0].endswith("ing"):
        more, _ = noun_phrase(tail[1:], story, limit=2, allow_of=False)
        if more:
            out += [tail[0], *more]
    return out


def _subject(words: list[str], story: StoryContext) -> tuple[list[str], bool] | None:
    """The compressed subject and whether it is plural."""
    ws = drop_times([w for w in words if w not in {",", '"', "“", "”"}])
    if not ws:
        return None
    first_low = ws[0].lower()
    if (first_low in DETS and len(ws) == 2 and ws[1].islower()) or first_low in (
            DETS - {"the", "a", "an"}):
        return None  # "the move", "its next chip": says nothing without the sentence before
    if first_low in PRONOUNS and len(ws) == 1:
        return None
    if first_low in DETS:
        ws = ws[1:]
    if not ws or ws[0].lower() in PRONOUNS or re.fullmatch(r"[a-z]\w*['’]s", ws[0]) \
            or any(w in {"them", "us", "those", "these", "it"} for w in ws):
        return None  # "it", "nine of them", "the city's bureau": the sentence before said who
    counted, quantity = False, []
    if len(ws) > 2 and ws[0].lower() in {"more", "fewer", "less"} and ws[1] == "than":
        quantity, ws, counted = ws[:2], ws[2:], True  # "More than 200 researchers"
    elif ws[0].lower() in {"about", "over", "nearly", "almost", "some", "around"} \
            and len(ws) > 1 and ws[1][0].isdigit():
        quantity, ws, counted = ws[:1], ws[1:], True
    # Prepositional phrases: the first stays ("members of Qingwan City Council"), later ones go.
    cut = [k for k, w in enumerate(ws) if w.lower() in PREPOSITIONS and k]
    names = [is_name(w, story, k == 0) for k, w in enumerate(ws)]
    head_end = cut[0] if cut else len(ws)
    dropped: list[str] = []
    if cut and all(names[:head_end]) and not _name_run(ws, story):
        dropped, ws = ws[cut[0]:], ws[:cut[0]]  # "West Lake Dialogue in Hangzhou"
    elif len(cut) > 1:
        # The phrase that names a place or body stays ("every undergraduate at a public
        # university in Zhejiang province" -> "every undergraduate in Zhejiang"), else the first.
        spans = [(a, b) for a, b in zip(cut, [*cut[1:], len(ws)], strict=True)]
        named = [(a, b) for a, b in spans if any(names[a + 1:b])]
        a, b = named[0] if named and named[0] != spans[0] else spans[0]
        dropped = [w for k, w in enumerate(ws) if k >= cut[0] and not a <= k < b]
        ws = [*ws[:cut[0]], *ws[a:b]]
        if len(ws) > 2 and ws[-1].lower() in _PLACE_NOUNS and names[b - 2]:
            ws = ws[:-1]  # "Zhejiang province" -> "Zhejiang"
    ws = [w for w in ws if w.lower() not in {"the", "a", "an"}]
    head = ws[head_end - 1] if head_end - 1 < len(ws) else ws[-1]
    counted = counted or (bool(ws) and (ws[0][0].isdigit() or ws[0].lower() in
                            {"two", "three", "four", "five", "six", "seven", "eight", "nine",
                             "ten", "several", "many", "some", "dozens", "hundreds"}))
    plural = is_plural(head, counted=counted, name=is_name(head, story, head_end == 1))
    if "and" in (w.lower() for w in ws[:head_end]):
        plural = True
    ws = _shorter_name(ws, story)
    ws = quantity + ws
    if len(ws) > SUBJECT_WORDS:
        return None
    if dropped:
        ws = _compound(ws, dropped, story.text)
    if story.index.canonical(" ".join(ws)) in story.common:
        return None  # the week's ubiquitous name says nothing about this story
    return ws, plural


def _name_run(ws: Sequence[str], story: StoryContext) -> bool:
    """Whether the words form one long official name ("West Lake Dialogue on AI Governance")."""
    return all(is_name(w, story, k == 0) or w.lower() in {"of", "on", "for", "and"}
               or (k == 0 and bool(re.fullmatch(r"[A-Z]\w*['’]s", w)))
               for k, w in enumerate(ws))


def _shorter_name(ws: list[str], story: StoryContext) -> list[str]:
    names = [is_name(w, story, k == 0) or bool(re.fullmatch(r"[A-Z]\w*['’]s", w))
             for k, w in enumerate(ws)]
    # "Hangzhou developer Qiantang Labs": the label goes, the name stays.
    shape = "".join("N" if n else ("l" if w.islower() and w not in CONJ | PREPOSITIONS
                                   else "x") for n, w in zip(names, ws, strict=True))
    m = re.fullmatch(r"([Nx]*)(l{1,3})(N+)", shape)
    if m and not any(w.lower() in PREPOSITIONS for w in ws):
        return ws[len(m.group(1)) + len(m.group(2)):]
    # "Zhejiang's education department" -> "Zhejiang".
    if len(ws) >= 2 and re.search(r"['’]s$", ws[0]) and ws[-1].lower() in _OFFICES \
            and all(w.islower() for w in ws[1:]) and names[0]:
        return [ws[0][:-2]]
    joint = next((k for k, w in enumerate(ws) if w in {"on", "for"}), 0)
    if len(ws) >= 5 and _name_run(ws, story) and joint >= 2 and len(ws) - joint > 2:
        return ws[:joint]  # "West Lake Dialogue on AI Governance" -> "West Lake Dialogue"
    if len(ws) >= 4 and _name_run(ws, story):
        full = " ".join(w for w in ws if not re.search(r"['’]s$", w) or w is not ws[0])
        for form in sorted(story.index.aliases(story.index.canonical(full)), key=len):
            if not CJK_RE.search(form) and len(form.split()) <= 3 and form != full:
                return form.split()
        for n in range(min(len(ws) - 1, 3), 1, -1):  # a shorter name used on its own
            prefix = " ".join(ws[:n])
            if ws[n - 1][:1].isupper() and re.search(
                    rf"\b{re.escape(prefix)}\b(?! (?:on|of|for|and) [A-Z])(?! [A-Z])",
                    story.text):
                return ws[:n]
        if ws[-1].lower() not in _OFFICES | {"committee", "board", "service", "commission"}:
            return ws  # a long name, but not of an office: no role noun stands in for it
        low = story.text.lower()
        used = [r for r in ROLE_NOUNS if re.search(rf"\bthe (?:[a-z\-]+ )?{r}\b", low)]
        if used:
            return [used[0].capitalize()]
        return ws[-3:]
    return ws


def _compound(ws: list[str], dropped: Sequence[str], text: str) -> list[str]:
    """'rules' + 'on labelling AI-generated content' -> 'AI labelling rules' when the
    sources themselves write that compound."""
    head = ws[-1]
    if not head.isalpha() or not head.islower():
        return ws
    before = ws[-2].lower() if len(ws) > 1 else ""
    if before and not (before in PREPOSITIONS or before.endswith(("'s", "’s", "ing"))):
        return ws  # the head has its own modifiers ("AI literacy course")
    pool = {stem(p) for w in dropped for p in re.split(r"[-\s]", w.lower()) if p}
    best: list[str] = []
    for m in re.finditer(rf"((?:[A-Za-z][\w\-]*\s+){{1,2}}){re.escape(head)}\b", text):
        mods = m.group(1).split()
        if all(stem(x.lower()) in pool and x.lower() not in STOPWORDS | PREPOSITIONS
               for x in mods) and len(mods) > len(best):
            best = mods
    return [*ws[:-1], *best, head] if best else ws


def _specific(words: Sequence[str], story: StoryContext) -> bool:
    """Whether a subject names someone: a name (before any compression) or a number."""
    return any(is_name(w, story, k == 0) or w[:1].isdigit() or w.lower() in _COUNTS
               for k, w in enumerate(words))


# "require every driver to take …", "a plan to build …": an infinitive that completes the
# object. After other verbs "to" is a direction ("sells Heron-4 to grocery chains").
_CONTROL = frozenset(["require", "ask", "tell", "order", "force", "allow", "urge", "oblige",
                      "encourage", "invite", "help", "push", "permit", "instruct", "compel"])
_INTENT = frozenset(["plan", "campaign", "bid", "effort", "move", "decision", "push", "proposal",
                     "drive", "deal", "agreement", "order", "call", "request", "programme",
                     "program", "scheme", "fund", "rules", "law", "bill", "measures", "pledge",
                     "promise", "attempt", "deadline", "mandate", "initiative", "project"])
_PLACE_NOUNS = frozenset(["province", "city", "county", "district", "region", "state"])
_COUNTS = frozenset(["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                     "more", "dozens", "hundreds", "thousands"])


def candidate(sentence: str, story: StoryContext) -> tuple[list[str], bool] | None:
    """Subject + headline verb + object of one sentence, and whether its subject names
    someone; None when the sentence makes no headline."""
    if CJK_RE.search(sentence[:40]) or not re.search(r"[.!?…][\"”’)]*$", sentence.strip()):
        return None  # Chinese, or a subheading (another editor's headline)
    clause = parse(sentence, story)
    if clause is None:
        return None
    clause = _reported(clause, story)
    verb = clause.verb.lower()
    base = base_form(verb)
    if base in _WEAK_VERBS or base in _REPORTING:
        return None
    if base in _REPORTING_IF_CLAUSE and clause.after[:1] and (
            clause.after[0].lower() in {"that"} | PRONOUNS or clause.after[0] == ","):
        return None
    if clause.passive:
        by = next((k for k, w in enumerate(clause.after[:4]) if w.lower() == "by"), None)
        if by is None:
            return None
        agent, _ = noun_phrase(clause.after[by + 1:], story, limit=3, allow_of=False)
        subj = _subject(clause.subject, story)
        if not agent or subj is None or not noun_like(agent[-1]):
            return None
        plural = is_plural(agent[-1], name=is_name(agent[-1], story, False))
        # "X have been answered by Y" -> "Y Answers X"
        words = _fit([*agent, headline_verb(verb, plural), *subj[0]], len(agent))
        return (words, _specific(agent, story)) if words else None
    subj = _subject(clause.subject, story)
    if subj is None:
        return None
    obj = _object(clause.after, verb, story)
    if not obj:
        return None
    if clause.modal == "have to":  # "will have to pass" -> "Has to Pass"
        vp = [headline_verb("have", subj[1]), "to", base]
    else:
        vp = [clause.modal, base] if clause.modal else [headline_verb(verb, subj[1])]
    words = _fit([*subj[0], *vp, *enrich(obj, story.text)], len(subj[0]) + len(vp) - 1)
    return (words, _specific(clause.subject, story)) if words else None


def _reported(clause: Clause, story: StoryContext) -> Clause:
    """"Police in Brindle said on Saturday they had detained two men" is news about what the
    police did: a reported clause whose subject is a pronoun takes the speaker as subject."""
    if clause.passive or base_form(clause.verb) not in _REPORTING | _REPORTING_IF_CLAUSE:
        return clause
    rest = drop_times(clause.after)
    if rest[:1] == ["that"]:
        rest = rest[1:]
    if not rest or rest[0] not in {"they", "it", "he", "she", "we"}:
        return clause
    inner = parse_words(["Someone", *rest[1:]], story)
    if inner is None or inner.subject != ["Someone"]:
        return clause
    return Clause(clause.subject, inner.verb, inner.after, inner.passive, inner.modal)


def _fit(words: list[str], verb: int) -> list[str] | None:
    """Drop modifiers of the object until the headline fits: hyphenated ones ("two-credit")
    first, then the first words of its last noun phrase ("50 new data centres")."""
    words = list(words)
    while len(words) > HEADLINE_WORDS:
        cut = next((k for k in range(len(words) - 2, verb, -1)
                    if words[k].islower() and "-" in words[k]), None)
        if cut is None:
            last = max(k for k in range(verb, len(words))
                       if k == verb or words[k].lower() in PREPOSITIONS | {"to"})
            if words[last].lower() == "to" and last > verb + 1:
                last += 1  # "to build 50 new data centres": the phrase starts after the verb
            if len(words) - last - 1 <= 2:
                return None
            cut = last + 1
        del words[cut]
    return words


def enrich(obj: list[str], text: str) -> list[str]:
    """A bare noun object ("campaign") takes the name the sources give it in quotes."""
    if len(obj) != 1 or not obj[0].isalpha():
        return obj
    noun = re.escape(obj[0])
    m = re.search(rf"[\"“‘']([A-Z][\w\-]*(?: [A-Z][\w\-]*){{0,2}})[\"”’']\s+{noun}\b", text)
    if not m:
        return obj
    parts = m.group(1).split()
    quoted = [f"‘{parts[0]}", *parts[1:-1], f"{parts[-1]}’"] if len(parts) > 1 else [
        f"‘{parts[0]}’"]
    return [*quoted, obj[0]]


def title_case(words: Sequence[str]) -> str:
    out = []
    for i, w in enumerate(words):
        if w.isupper() or any(ch.isupper() for ch in w[1:]):
            out.append(w)
        elif i > 0 and w.lower() in SMALL:
            out.append(w.lower())
        elif w[:1] == "‘":
            out.append("‘" + w[1:2].upper() + w[2:])
        else:  # "public-service" -> "Public-Service"
            out.append("-".join(p[:1].upper() + p[1:] for p in w.split("-")))
    return " ".join(out)


def _content(text: str) -> set[str]:
    return {stem(t) for t in tokens(text) if t not in STOPWORDS and t not in PREPOSITIONS}


def fresh(text: str, titles: Sequence[str]) -> bool:
    """Not (nearly) a source title: the headline's content words must not be 75 % the same
    as a title's, or as one clause of it ("Qingwan police detain two over deepfake extortion
    of councillors; frozen wallet holds …" has two)."""
    mine = _content(text)
    if not mine:
        return False
    for title in titles:
        for part in [title, *re.split(r"\s*[;:|]\s*|,\s+(?=[a-z])", title)]:
            theirs = _content(part)
            if theirs and len(mine & theirs) / len(mine | theirs) >= 0.75:
                return False
    return True


def best_headline(sentences: Sequence[str], story: StoryContext,
                  titles: Sequence[str]) -> str | None:
    """The first sentence that yields a fresh subject-verb-object headline; one whose
    subject names someone (a name or a number) beats an earlier one that does not."""
    found: list[tuple[str, bool]] = []
    for sent in sentences:
        found_words = candidate(sent, story)
        if not found_words:
            continue
        words, specific = found_words
        text = title_case(words)
        if not fresh(text, titles):
            continue
        if specific:
            return text
        found.append((text, specific))
        if len(found) >= 3:
            break
    return found[0][0] if found else None
