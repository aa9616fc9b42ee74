"""The same thing told again in other words: what the paragraph writer (write/paragraph.py)
and the copy editor (proof/story.py) both ask of a sentence before it is printed after others.

* `says_nothing_new(sentence, printed)`: a paraphrase of what the *whole* printed text says,
  which `facts.restates` misses because another outlet tells the same event in its own words
  ("The Boy Scouts of America (BSA) is changing one of its iconic program's names …" after
  "The Boy Scouts of America … will drop 'Boy' from the name of its signature program"):
  a sentence bringing no new name and no new figure (`facts.brings`), whose content words the
  printed text mostly holds (at most `ParagraphSettings.nothing_new` of them new), or one that
  tells the same event again;
* `restates_event(sentence, printed)` (part of `says_nothing_new`): the same event told
  again in other words, which the share of new words misses because the second telling
  adds colour ("… faced a swift and bipartisan backlash … after he assailed …" after
  "… denounced … attacks on …"): no new name or figure, one of its actors named by one
  printed sentence, and `ParagraphSettings.event_words` words of its action shared with it
  — a family of verbs told in other words counting one (`lexicon.EVENT_FAMILIES`: denounced /
  backlash, demanding / called on, walk back / retract, sued / lawsuit …). A new name is
  then a detail of the event told again when the action shared is most of what the sentence
  tells (`ParagraphSettings.event_words_named` words, `event_share_named` of its action).
  Two leads on one subject whose main verbs are of one family (`acts.act`: `Event.verb`,
  `Event.doers`) tell one event too, but what the second adds after its verb may be the
  headline's fact: that is decided once the headline is known (`write/retold.acted_again`).
  A date is new only against a printed date of its kind: "Thursday" after "the November
  election" says when; the source a report names in its closing clause ("…, the White House
  announced.": `facts.source_clause`) is who told it, not someone new in the event.

What a sentence tells happened (`Event`: its names, subject, main verb, action, figures, days) is
read in event.py (`event.event`); this module judges with it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

from digest.edit.lexicon import STOPWORDS, stem
from digest.edit.read.event import (
    PARTY_FORMS,
    Event,
    another_day,
    event,
    same_day,
    shared_action,
)
from digest.edit.read.facts import (
    DATES,
    RESTATES_WORDS,
    brings,
    dated,
    form,
    known_forms,
    one_form,
    said,
    spelt_known,
)
from digest.edit.read.figures import new_figures
from digest.edit.settings import PARAGRAPH, ParagraphSettings


def says_nothing_new(sentence: str, printed: Iterable[str],
                     settings: ParagraphSettings = PARAGRAPH) -> str | None:
    """Why `sentence` says nothing the `printed` text (taken together) does not (see the
    module docstring), or None when it brings something new: few new words
    (`_few_new_words`, at most `settings.nothing_new` of them), or the same event told again
    (`restates_event`, by `settings.event_words`, `event_words_named`, `event_share_named`)."""
    printed = list(printed)
    return (_few_new_words(sentence, printed, settings.nothing_new)
            or restates_event(sentence, printed, settings))


def _few_new_words(sentence: str, printed: Sequence[str], share: float) -> str | None:
    """No new name, figure or date, and at most `share` of its content words new."""
    mine = said(sentence)
    if not mine.content:
        return None
    known, figures = known_forms(printed)
    if not known or brings(mine, known, figures):
        return None
    new = sum(form(w) not in known for w in mine.content)
    # A paraphrase restates a fact, which takes words: "DeSantis and Publix deny any
    # wrongdoing." restates two names and says something new with the other two.
    if len(mine.content) - new < RESTATES_WORDS or new > share * len(mine.content):
        return None
    return f"nothing new ({new / len(mine.content):.0%} of its words new)"


def restates_event(sentence: str, printed: Sequence[str],
                   settings: ParagraphSettings = PARAGRAPH) -> str | None:
    """Why `sentence` tells an event the `printed` text told already, or None: it brings no new
    figure in digits, one printed sentence names one of its actors (a title alone, "the
    president", is the person a printed sentence names with it) and shares
    `settings.event_words` words of its action (a name's word before its head counts: "the
    Nobel peace prize" after "the Nobel Peace Prize"; "Lawyers representing Rep. Tulsi Gabbard
    (D-Hawaii) on Monday called on Hillary Clinton to retract her comments …" after "Lawyers
    for Rep. Tulsi Gabbard, D-Hawaii, are demanding that Hillary Clinton walk back on her claim
    …": Gabbard and Clinton, demanding / called on, walk back / retract), and it names nobody
    new (a name whose head no printed sentence writes; a party, a party tag, a title or a
    printed body's officer is no new name, a date only against another printed date of its kind). A sentence that names
    someone or something new, or a count in words the printed text does not give ("a
    three-judge panel", "nearly a dozen troops": news style spells the small ones out, and
    they are mostly details), tells the same event when the action it shares is most of the
    story it tells: `settings.event_words_named` words or more, and `event_share_named` of its
    action ("A team of researchers at Ohio State University conclude in a new study that fake
    news stories had a significant impact on voters in the 2016 election" after "… circulated a
    study that suggests fake news might have been the deciding factor in the 2016 election":
    the new name is a detail of the event told). `event_words` 0: no event is compared."""
    words = settings.event_words
    mine = event(sentence)
    if words <= 0 or not (mine.names or mine.opener or mine.titled) or not mine.action:
        return None
    told = [event(p) for p in printed]
    known = {w for t in told for w in t.words}
    named = {w for t in told for name in t.names for w in name}
    if new_figures(mine.figures, {f for t in told for f in t.figures}, mine.hedged):
        return None  # a new figure ("853,000 jobs", "$20 million")
    # "Facebook removed …": a first word unknown may be a name, new to the reader; a count in
    # words (news style spells out the small ones: "two bases", "a three-judge panel", "nearly
    # a dozen troops") is, like a new name, a detail of the event told again unless the
    # action is mostly new ("after two Republican senators broke ranks").
    fresh = bool(mine.opener and mine.opener not in known) or bool(
        mine.counts - {c for t in told for c in t.counts})
    # A first word a printed name holds is an actor ("Twitter, reacting …" after "Twitter CEO
    # Jack Dorsey"), one only written before is not ("Lawyers called on …").
    actors = ({mine.opener} & named) | mine.titled
    for name in mine.names:
        head = name[-1]
        if set(name) <= PARTY_FORMS:
            continue
        if set(name) <= DATES:
            if head in known or not dated(head, known):
                continue  # the first date of its kind printed says when
            return None  # another day ("Friday" after "Monday"): another event
        spelt = spelt_known(name, known)
        if head in known:
            actors.add(head)
        elif spelt:
            actors.add(spelt)  # "Federal Communications Commission" after "FCC"
        elif body := _served(name, mine, told):
            actors.add(body)  # "White House Press Secretary Sean Spicer" after "The White House"
        else:
            # someone or something the reader has not met; not the source a report names
            # ("…, the White House announced."): who told it is no new part of the event
            fresh = fresh or name not in mine.sources
    least = max(settings.event_words_named, math.ceil(
        settings.event_share_named * len(mine.action))) if fresh else words
    for theirs in told:
        who = sorted(actors & theirs.words)
        what = shared_action(mine, theirs)
        # the same subject doing the same thing on the same day: a new name is a detail of
        # the event told again ("The Treasury Department said Monday that the Republican economic agenda
        # would … pay for the tax cuts …" after "The Treasury Department said Monday that the
        # Senate-approved tax reform plan would pay for itself …")
        if who and len(what) >= (min(least, settings.event_words_subject)
                                 if mine.subject == theirs.subject != ""
                                 and mine.days & theirs.days else least):
            return f"the same event again ({', '.join(who)}: {', '.join(what)})"
    return None


def _served(name: tuple[str, ...], mine: Event, told: Sequence[Event]) -> str:
    """The head of the printed name that is the body `name`'s title serves (`Event.bodies`:
    "White House Press Secretary Sean Spicer" after "The White House …"), or "": the body's
    officer speaks and acts for it, no one new in its event."""
    body = dict(mine.bodies).get(name)
    return next((n[-1] for t in told for n in t.names if body and n[-1] == body[-1]
                 and (set(n) <= set(body) or set(body) <= set(n))), "")


def acts_again(text: str, others: Sequence[str], rest: Sequence[str], headline: str) -> bool:
    """Whether `text` tells again the act one of `others` (another outlet's) tells, by its
    subject and a main verb of one family (`_one_act`), on no day of its own (`another_day`,
    against the sentences whose verb is of that family: another act's "Tuesday" is no other
    day of this one), with no new figure in digits and no name of the `headline` the `rest`
    of the paragraph does not print (`_headline_name`) and no clause of its own after "but"
    (`_goes_on`): `write/retold.acted_again`'s test, and the copy editor's (proof/story.py)."""
    mine = event(text)
    told = [o for o in others if event(o).verb == mine.verb]  # (another act's day is no shield)
    return (_one_act(mine, [event(o) for o in told]) and not another_day(text, told)
            and not new_figures(mine.figures, {f for o in others for f in event(o).figures},
                                mine.hedged)
            and not _headline_name(mine, rest, headline) and not _goes_on(text, others))


# A clause a retelling goes on with after a comma and "but" ("… will unveil a plan, but hasn't
# figured out how to pay for it"): a fact of its own when it writes `_GOES_ON_WORDS` words
# the others do not. General English.
_GOES_ON = re.compile(r",\s+(?:but|yet|though|although)\s+(.+)$")
_GOES_ON_WORDS = 2


def _goes_on(text: str, others: Sequence[str]) -> bool:
    """Whether `text` goes on after its act with a clause of its own (`_GOES_ON`)."""
    clause = _GOES_ON.search(text)
    if clause is None:
        return False
    forms, _ = known_forms(others)
    words = {form(w) for w in said(clause.group(1)).words if w not in STOPWORDS}
    return len(words - forms) >= _GOES_ON_WORDS


def _headline_name(mine: Event, rest: Sequence[str], headline: str) -> bool:
    """Whether `mine` names (a capitalised word past its first) a word of the `headline` none
    of `rest` writes: what the headline promises ("… Bring DACA Bill …"), which no other word
    tells. A common word of the headline is often told in others ("fashion brand" / "clothing
    line", "plane" / "jetliner"), so it keeps no account of an act told."""
    heads = event(headline).words
    known = frozenset(one_form(form(stem(w.lower()))) for r in rest for w in _LETTERS.findall(r))
    return any(w in heads and w not in known for name in mine.names for w in name)


_LETTERS = re.compile(r"[^\W\d_]+")  # a word's parts ("health-care": health, care)


def _one_act(mine: Event, told: Sequence[Event]) -> bool:
    """Whether one of `told` opens on a subject naming one of the names `mine`'s subject is
    (`Event.doers`: a name's head both write) and tells its main verb in one family
    (`Event.verb`), on the same day or no day both name."""
    return bool(mine.verb) and any(
        t.verb == mine.verb and mine.doers & t.doers
        and same_day(mine.days, t.days) for t in told)

