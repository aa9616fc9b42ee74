"""What the intro says of one story, as a reader would say it (write/intro.py prints them).

A story is named by its subject (`intro.subject`, a noun phrase of its headline) when that
phrase tells the story: it has a common noun of its own beside any name ("a long-awaited
antitrust suit against Google", "Trump's new asylum rules", "the Hangzhou Statement on open
and safe AI"). A subject that is only a name ("Trump", "the Senate", "North Korea", "CNN")
tells a reader nothing: the story is said with its headline's main clause instead, in running
text ("Trump returns to the White House"): the first clause only (no ", removes mask despite
infection"), no quoted tag before a colon ("'Maybe I'm Immune': …"), a capital only where the
articles' prose writes one, "the" restored before a name the articles write with it ("White
House" → "the White House"), no full stop of its own. A clause the copy editor would strike
(`proof/intro.clause_faults`) or one too long for a list is not printed: the story is counted.
"""

from __future__ import annotations

import itertools
import re

from digest.edit.lexicon import (
    ARTICLES,
    CJK_RE,
    CONJUNCTIONS,
    ENDS_ON_INITIALS,
    NUMBER_WORDS,
    PREPOSITIONS,
    STOPWORDS,
    is_adverb,
    plural,
)
from digest.edit.proof.intro import bare_noun, clause_faults
from digest.edit.proof.item import bare_topic
from digest.edit.proof.sources import Sources
from digest.edit.read.entities import ORG_WORDS, is_title
from digest.edit.settings import ROLES
from digest.edit.write.phrase import PUNCT

# A quoted tag that opens a headline before a colon ("'Maybe I'm Immune': Trump …").
_TAG = re.compile(r"^\s*['‘\"“].{1,80}?['’\"”]\s*:\s*")
# A bracketed tag ("(Video)", "[Opinion]").
_BRACKETED = re.compile(r"\s*[(\[][^)\]]{1,20}[)\]]")
# Where a headline's main clause ends: a second clause, a colon, a dash, a question.
_CLAUSE_END = re.compile(r",[’'”\"]?\s|;\s|:\s|\s[—–-]\s|\s\|\s|\?|(?<=\s[a-z]{2})[.!]\s|"
                         r"(?<=[a-z]{3})[.!]\s")
MAX_CLAUSE = 12  # words: a longer clause is no item of a list


def tells(phrase: str) -> bool:
    """Whether a noun phrase says more than a name: its head (the word before its first
    preposition) is a common noun of its own, no body or role a name qualifies ("the Florida
    shooting", "Trump's new asylum rules"; not "the Senate", "the House committee", "the
    Louisville police chief", "Trump's legal team"), or a name's head is followed by what it
    is about ("the Hangzhou Statement on open and safe AI")."""
    words = [x.strip(PUNCT + ",.") for x in phrase.split()]
    if not words or words[0].lower() in PREPOSITIONS or bare_topic(phrase):
        return False  # "Despite Trump's claims": a clause's opener, no story
    before = list(itertools.takewhile(lambda w: w not in PREPOSITIONS, words))
    head = before[-1] if before else ""
    single = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
    if head.isalpha() and head.islower():
        return head not in STOPWORDS and not {head, single} & (ORG_WORDS | _WHO)
    # A name the phrase says something of: "the Hangzhou Statement on open and safe AI".
    return any(w.isalpha() and w.islower() and w not in STOPWORDS and not is_adverb(w)
               for w in words[len(before):])


def only_a_name(text: str) -> bool:
    """A name and nothing said of it ("State of the Union", "the Georgia Secretary of
    State"): every word capitalised, or "of", "the", "and", "for"."""
    return all(w[:1].isupper() or w in ("of", "the", "and", "for") for w in text.split())


# Who or what a name qualifies, beside the bodies (`entities.ORG_WORDS`) and roles
# (`settings.ROLES`): "Trump's legal team", "the Biden camp".
_WHO = frozenset(ROLES) | {"team", "staff", "family", "camp", "ally", "allies", "supporter",
                           "base", "spokesperson", "representative", "member", "panel"}


def first_clause(headline: str, src: Sources | None = None) -> str | None:
    """The headline's main clause, as the headline writes it (see the module docstring), or
    None: a Chinese headline, a clause of under 3 or over `MAX_CLAUSE` words, a quotation
    left open ("Trump 'morally unfit to be president"). A comma between two modifiers of one
    noun ends no clause (`joins_modifiers`: "… digs up old, offensive tweets")."""
    if CJK_RE.search(headline):
        return None
    text = _BRACKETED.sub("", _TAG.sub("", headline.strip()))
    both = _NAMES_THEN_VERB.match(text)
    if both:  # "Pelosi, Trump strike deal …": a headline's comma for "and"
        text = f"{both.group(1)} and {text[both.end(1) + 2:]}"
    lead = _LEADING.match(text)
    if lead and len(text[lead.end():].split()) >= 3:
        text = text[lead.end():]  # "As U.S. opioid crisis grows, Trump calls for …": the main one
    text = _OBJECTS.sub(_objects_joined, text)
    listed = [range(m.start(), m.end()) for m in _NAME_LIST.finditer(text)]
    for m in _CLAUSE_END.finditer(text):
        if m.group(0) == ", " and any(m.start() in span for span in listed):
            continue  # a list of names ("CEOs of Facebook, Google, and Twitter")
        word = text[:m.start()].split()[-1] if text[:m.start()].split() else ""
        if m.group(0)[:1] in ".!" and not word.islower() and (len(word) <= 4 or "." in word):
            continue  # an abbreviation ("Gov. Cuomo", "Dept. nominee"), no sentence's end
        if m.group(0) == ", " and joins_modifiers(word, text[m.end():], src):
            continue
        # (a comma inside a closing quote ends the clause after the quote: "… an
        # 'immigration hypocrite,' compares …")
        end = m.group(0)
        text = text[:m.start()] + (end[1] if end[:1] == "," and end[1:2] in "’'”\"" else "")
        break
    text = text.strip()
    text = text if ENDS_ON_INITIALS.search(text) else text.rstrip(".!")  # ("the U.S.")
    if len(text.split()) > MAX_CLAUSE:  # (what happened, without its circumstance)
        text = _CIRCUMSTANCE.split(text, maxsplit=1)[0]
    return text if 3 <= len(text.split()) <= MAX_CLAUSE and not _open_quote(text) else None


# A circumstance a long headline ends on ("Trump commutes 14-year sentence of former Illinois
# Gov. Blagojevich amid blitz of pardons"): the clause before it says what happened.
_CIRCUMSTANCE = re.compile(r" (?:amid|despite) (?=[a-z$\d])")


# Two subjects a headline joins with a comma, then their verb in the plural: "Pelosi, Trump
# strike deal …", "ACLU, Planned Parenthood sue over …" (a list with its own "and", "Twitter,
# Facebook and Google …", keeps its comma).
_NAMES_THEN_VERB = re.compile(r"((?:[A-Z][\w.&’'-]*\s){0,2}[A-Z][\w.&’'-]*), "
                              r"(?:[A-Z][\w.&’'-]*\s){1,3}(?=[a-z]+\b)(?![a-z]+s\b|and\b)")


# A list of names with its own "and" ("to subpoena CEOs of Facebook, Google, and Twitter"):
# its commas end no clause. Two names a headline joins with a comma after a verb, then a
# preposition ("Trump accuses FBI, Justice Department of politicizing …", "Biden visits
# Texas, Louisiana after storms"): the comma is "and" (`_objects_joined`; after a
# preposition, "in Dallas, Texas", it is a place's apposition and still ends the clause).
_NAME = r"(?:[A-Z][\w.&’'-]*\s){0,2}[A-Z][\w.&’'-]*"
_NAME_LIST = re.compile(rf"{_NAME}(?:, {_NAME})+,? (?:and|or) {_NAME}")
_OBJECTS = re.compile(rf"(?<=\s)([a-z]+ )({_NAME}), ({_NAME} (?:[a-z]+ )?)"
                      r"(?=(?:of|for|over|on|about|with|in|at|from|to|after|amid)\s)")


def _objects_joined(m: re.Match[str]) -> str:
    verb, first, second = m.groups()
    if verb.strip() in PREPOSITIONS | ARTICLES or (
            second.split()[-1].islower() and second.split()[-1] in STOPWORDS):
        return m.group(0)
    return f"{verb}{first} and {second}"


# A subordinate clause or an adverbial phrase that opens a headline before its main clause
# ("As U.S. opioid crisis grows, Trump calls …", "After emotional start, Democrats to …",
# "In despair, protesters take …"): no clause of its own (a comma inside a name or a quote
# is none of these: the phrase holds neither).
_LEADING = re.compile(r"(?:As|While|When|Because|Although|Though|If|Once|After|Before|Despite|"
                      r"Amid|In|On|With)\s[^,'‘\"“]{2,60},\s")


# The word after a comma that opens a clause, not a second modifier: a plural subject
# ("in despair, protesters take …"), a participle or past tense ("to jail, pending trial",
# "chief of staff, explained"), a verb in -s ("hypocrite,' compares").
_OPENS_CLAUSE = re.compile(r"[a-z]+(?:s|ed|ing)")


def joins_modifiers(before: str, after: str, src: Sources | None) -> bool:
    """Whether a headline's comma between `before` (the word ending the text before it) and
    `after` (the text after it) joins two modifiers of one noun ("restrict foreign, corporate
    donations", "digs up old, offensive tweets", "cancels Medicaid dental, vision benefits"):
    a lower-case word, then a lower-case word that opens no clause (`_OPENS_CLAUSE`) and the
    lower-case noun they share; with the sources at hand, also never a noun there (after a
    determiner, ending its phrase: "the gunman's wife, possible ties …" lists two objects)."""
    words = after.split()[:2]
    if not (before.isalpha() and before.islower() and not before.endswith("s") and len(words) == 2
            and all(w.isalpha() and w.islower() for w in words)
            and words[0] not in STOPWORDS and words[1] not in STOPWORDS
            and not _OPENS_CLAUSE.fullmatch(words[0])):
        return False
    if src is None:
        return True
    # A noun the sources write after a determiner with nothing after it ("the gunman's
    # wife, possible ties …": a list of two objects) ends the clause.
    ended = re.findall(rf"\b(?:the|an?|his|her|its|their|\w+['’]s) {before}(?:\W|\s+([a-z]+))",
                       src.having(before))
    return not any(not w or w in STOPWORDS or w in PREPOSITIONS for w in ended)


def finished(running: str, src: Sources) -> str | None:
    """The clause in running text (`casing.in_running_text`, `mid`) with its names written out
    and their "the" restored; None when the copy editor would strike it
    (`proof/intro.clause_faults`)."""
    words = running.split()
    first, second = [*words, "", ""][:2]
    # (a number word before "of" is never a name's: "Thousands of Iranian protesters …")
    if ((first.lower() in STOPWORDS or (first.lower() in NUMBER_WORDS and (
            src.mid(first.lower()) or second == "of"))) and first[:1].isupper()
            and first[1:] == first[1:].lower()
            and not (second[:1].isupper() and src.mid(f"{first} {second}"))):  # "New York"
        running = running[0].lower() + running[1:]  # "a court rules …", "how to watch …"
    elif first.isalpha() and first.islower() and (
            src.mid(first.title()) > src.mid(first) or (second[:1].isupper() and (
                src.mid(f"{first.title()} {second}") or is_title(first.title())))):
        running = running[0].upper() + running[1:]  # "Trump", "New York", "Representative X"
    running = re.sub(r"(?<=\s)A(?=\s+[a-z])", "a", running)  # "… was A massive …"
    text = _with_the(running, src)
    if not text or text.split()[-1].lower().strip(PUNCT) in PREPOSITIONS | ARTICLES | CONJUNCTIONS:
        return None
    for _ in range(3):  # a headline's dropped articles, restored ("passes the … bill")
        missing = bare_noun(text, src) if clause_faults(text, src) else None
        if missing is None or missing[0] < 0:
            break
        restored = _with_article(text, *missing, src)
        if restored is None:
            break
        text = restored
    return None if clause_faults(text, src) else text


def _with_article(text: str, at: int, noun: str, src: Sources) -> str | None:
    """`text` with the article the sources write before `noun` most ("the" when as often as
    "a"; up to two words between, "a new federal ban") put before its word `at`: "Trump
    rejects report he hid …" → "… rejects a report …". Where they write neither, "a" for a
    noun they count (they write its plural: "unveils a 'bold' plan" when they write
    "plans"); else None."""
    words = text.split()
    the = some = 0
    # (then the item's own words, "a 2020 presidential run", before any two words)
    run = words[at:words.index(noun, at) if noun in words[at:] else at]
    # (the words between an article and its noun are modifiers: "a change in leadership"
    # is no evidence for "an agency leadership")
    for between in [f"(?:{_MODIFIER} )?", *([re.escape(" ".join(run)) + " "] if run else []),
                    f"(?:{_MODIFIER} ){{0,2}}"]:
        the = src.count(rf"\b[Tt]he {between}{noun}\b{_HEADS}", noun)
        some = src.count(rf"\b[Aa]n? {between}{noun}\b{_HEADS}", noun)
        if the or some:
            break
    verb = {noun + "ed", noun + "d", noun + "ing", noun + noun[-1:] + "ed"} & src.words
    if not the and not some and (plural(noun) not in src.words or verb):
        return None  # ("lawmakers fail to …", "hospitalizations hit …": a verb, no noun)
    vowel = re.match(r"[aeio]|un(?!i)", words[at].lower().lstrip(PUNCT)) is not None  # "an un…"
    article = "the" if the >= some and the else "an" if vowel else "a"
    return " ".join([*words[:at], article, *words[at:]])


# A word between an article and its noun: not a preposition, an article or a conjunction.
_MODIFIER = r"(?!(?:{})\b)[\w-]+".format("|".join(sorted(PREPOSITIONS | ARTICLES | CONJUNCTIONS)))


# The noun heads its phrase: no common noun after it ("a leadership dispute" is no
# evidence for "a leadership"); a function word, a verb in -s, -ed or -ing may follow.
_HEADS = r"(?![^\S\n]+(?!(?:{})\b)[a-z]+\b(?<!s)(?<!ed)(?<!ing))".format(
    "|".join(sorted(PREPOSITIONS | ARTICLES | CONJUNCTIONS | STOPWORDS)))


def _open_quote(text: str) -> bool:
    """A quotation opened and not closed ("Trump 'morally unfit to be president")."""
    double = sum(text.count(q) for q in '"“”')
    opened = len(re.findall(r"(?:^|\s)['‘]", text))
    closed = len(re.findall(r"['’](?=\s|$|[,.;:])", text))
    return double % 2 == 1 or opened != closed


def _with_the(text: str, src: Sources) -> str:
    """Each name of one word written out where the sources always write it longer
    (`Sources.rest_of`)
    and "the" before it where they write it with one, where the headline dropped it
    ("Trump returns to White House" → "… to the White House"); not before a name that
    qualifies a noun ("White House aides"), nor after an article or a possessive."""
    out: list[str] = []
    words = text.split()
    k = 0
    while k < len(words):
        j = k
        while j < len(words) and re.fullmatch(r"[A-Z][\w.’'-]*", words[j]):
            j += 1
        if j == k:
            out.append(words[k])
            k += 1
            continue
        nxt = words[j] if j < len(words) else ""
        # (a verb after it: "Supreme Court revives …", "White House rules out …")
        qualifies = nxt[:1].islower() and nxt not in PREPOSITIONS and nxt not in STOPWORDS \
            and not re.fullmatch(r"[a-z]+(?:[^s']s|ed)", nxt)
        if j == k + 1 and nxt and _common(words[k], nxt, src):
            out.append(words[k].lower())  # no name: "Health Experts Condemn …", "health experts"
            k = j
            continue
        for _ in range(0 if qualifies or j > k + 1 else 4):
            more = src.rest_of(" ".join(words[k:j]))  # a name cut short, written out
            if more is None:  # ("Carthen fines …" → "Carthen Data Board fines …")
                break
            words[j:j] = [more]
            j += 1
        name = " ".join(words[k:j])
        before = out[-1].lower() if out else ""
        if (not qualifies and before not in ARTICLES | _OWNERS and not before.endswith(("'s", "’s"))
                and not name.endswith(("'s", "’s")) and _the_name(name, src)):
            out.append("the")
        out.extend(words[k:j])
        k = j
    return " ".join(out)


def _common(word: str, nxt: str, src: Sources) -> bool:
    """Whether the sources write `word` in lower case before `nxt` ("health experts"): a
    headline's capital on a common noun, which no name may be written out from (else "Health
    experts condemn …" became "Health Organization experts condemn …")."""
    low = word.lower()
    if nxt in STOPWORDS or nxt in PREPOSITIONS:
        return False  # "State of the Union": "state of" says nothing of the name
    return low != word and src.count(
        rf"(?<![\w-]){re.escape(low)}\s+{re.escape(nxt)}(?![\w-])", low) > 0


_OWNERS = frozenset(["his", "her", "its", "their", "our", "my", "your", "this", "that"])


def _the_name(name: str, src: Sources) -> bool:
    """Whether the sources write "the" before `name` on its own in a third of its uses or
    more (their headlines drop it too)."""
    the = src.alone(name, the=True)
    return the >= 2 and 3 * the >= src.alone(name, the=False)
