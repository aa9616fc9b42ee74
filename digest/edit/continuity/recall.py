"""Recall what earlier issues printed: repeats out, follow-ups found, updates marked.

* An article whose key (memory.py) a remembered story holds was printed already: `repeat`,
  with the issue and story that printed it. A story left with no other article is gone.
* A story follows up a remembered one when an article of it was printed there, or when its
  titles and leads are close to what that story printed (its headline and sentences): TF-IDF
  cosine (stemmed words, Chinese bigrams) of at least `similarity`; the closest wins, the
  newest issue's on a tie. Across scripts (a story in Chinese, a remembered one in English,
  or the reverse) words cannot meet, so there the event anchors decide, as group/anchors.py
  links languages: `min_shared` anchors (names, identifiers, numbers with units) worth
  `score`, an anchor being worth 1 / the most stories of one remembered issue holding it (the
  week's beat, "AOMA" in every story, ties nothing). On real English stories anchors alone
  found a third of the follow-ups that the cosine finds (bench/continuity.py).
* A follow-up whose articles say nothing the earlier story did not (every sentence said
  before) is `repeat` too: nothing new. Otherwise `mark` makes it an update: `previous`
  names the earlier story, and the sentences printed there are not printed again, so the
  paragraph leads with what is new.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from digest.edit.continuity.memory import article_keys
from digest.edit.group.anchors import event_anchors
from digest.edit.lexicon import content_words, mostly_cjk, terms
from digest.edit.rank import Ranked
from digest.edit.settings import ContinuitySettings
from digest.edit.week import Read, Verdict, Week
from digest.models import Earlier, Story, StoryMemory


@dataclass(frozen=True)
class Recall:
    week: Week  # the repeats' verdicts are `repeat`
    labels: tuple[int, ...]  # a story label per used article of `week`
    anchors: dict[int, frozenset[str]]  # article position -> its event anchors
    earlier: dict[int, StoryMemory]  # article position -> the remembered story it follows up
    previous: str | None  # the newest remembered issue


def _said(memory: StoryMemory) -> list[set[str]]:
    return [set(content_words(s)) for s in memory.said]


def _is_said(text: str, said: Sequence[set[str]], share: float) -> bool:
    words = set(content_words(text))
    return bool(words) and any(len(words & s) >= share * len(words) for s in said)


def _anchored(held: frozenset[str], weight: dict[str, float], holders: dict[str, list[int]],
              tune: ContinuitySettings) -> set[int]:
    """The remembered stories these anchors corroborate (see the module docstring)."""
    score: dict[int, float] = defaultdict(float)
    shared: dict[int, int] = defaultdict(int)
    for a in held:
        for m in holders.get(a, ()):
            score[m] += weight[a]
            shared[m] += 1
    return {m for m in score if shared[m] >= tune.min_shared and score[m] >= tune.score}


def _similarity(stories: Sequence[str], memory: Sequence[StoryMemory]) -> np.ndarray:
    """Cosine of each story's text with each remembered story's headline and sentences."""
    remembered = [" ".join((m.headline, *m.said)) for m in memory]
    vectors = TfidfVectorizer(analyzer=terms, sublinear_tf=True, dtype=np.float32)
    try:
        matrix = vectors.fit_transform([*stories, *remembered])
    except ValueError:  # no terms at all
        return np.zeros((len(stories), len(memory)), dtype=np.float32)
    sims: np.ndarray = (matrix[: len(stories)] @ matrix[len(stories):].T).toarray()
    return sims


def _lead(r: Read, words: int) -> str:
    return f"{r.title}. " + " ".join(r.article.text.split()[:words])


def _match(row: np.ndarray, cjk: bool, anchored: set[int], memory: Sequence[StoryMemory],
           tune: ContinuitySettings) -> StoryMemory | None:
    """The closest remembered story in the same script, else one the anchors tie it to."""
    order = {k: i for i, k in enumerate(dict.fromkeys(m.issue for m in memory))}
    same = [m for m in range(len(memory)) if mostly_cjk(" ".join(memory[m].said)) == cjk]
    fits = [m for m in same if row[m] >= tune.similarity]
    if fits:
        return memory[min(fits, key=lambda m: (-round(float(row[m]), 6),
                                               order[memory[m].issue]))]
    across = sorted(anchored - set(same), key=lambda m: (order[memory[m].issue], m))
    return memory[across[0]] if across else None


def recall(week: Week, labels: Sequence[int], memory: Sequence[StoryMemory],
           tune: ContinuitySettings) -> Recall:
    """See the module docstring. `memory`: newest issue first (Store.story_memory)."""
    used = week.used
    heads = [f"{r.title}.\n" for r in used]
    found = event_anchors([h + r.article.text for h, r in zip(heads, used, strict=True)],
                          week.index, [r.mentions_after(h) for h, r in zip(heads, used, strict=True)]) \
        if used else []
    anchors = {r.position: a for r, a in zip(used, found, strict=True)}
    known: dict[str, StoryMemory] = {}
    holders: dict[str, list[int]] = defaultdict(list)
    per_issue: dict[tuple[str, str], int] = defaultdict(int)
    for i, m in enumerate(memory):
        for k in m.articles:
            known.setdefault(k, m)
        for a in set(m.anchors):
            holders[a].append(i)
            per_issue[(a, m.issue)] += 1
    weight: dict[str, float] = defaultdict(float)
    for (a, _), n in per_issue.items():
        weight[a] = max(weight[a], 1.0 / n)

    verdicts = list(week.verdicts)
    printed: dict[int, StoryMemory] = {}  # position -> the story that printed it
    for r in used:
        for j in (r.position, *week.copies.get(r.position, ())):
            hit = next((known[k] for k in article_keys(week.reads[j].article) if k in known), None)
            if hit is not None:
                printed[r.position] = hit
                break
    groups: dict[int, list[Read]] = defaultdict(list)
    for r, label in zip(used, labels, strict=True):
        groups[label].append(r)
    earlier: dict[int, StoryMemory] = {}
    stories = list(groups.values())
    leads = [" ".join(_lead(r, tune.lead_words) for r in members) for members in stories]
    sims = _similarity(leads, memory) if memory and stories \
        else np.zeros((len(stories), 0), dtype=np.float32)
    for members, row in zip(stories, sims, strict=True):
        fresh = [r for r in members if r.position not in printed]
        old = [printed[r.position] for r in members if r.position in printed]
        held = frozenset().union(*(anchors[r.position] for r in members))
        cjk = mostly_cjk(" ".join(r.article.text for r in members))
        before = old[0] if old else _match(row, cjk, _anchored(held, weight, holders, tune),
                                           memory, tune)
        if before is not None and fresh and not _news(fresh, before, tune):
            printed.update({r.position: before for r in fresh})
            continue
        for r in fresh:
            if before is not None:
                earlier[r.position] = before
    for pos, m in printed.items():
        verdicts[pos] = Verdict("repeat", f"printed in {m.issue} (story {m.rank}: "
                                          f"{m.headline}); nothing new")
    kept = [(r, label) for r, label in zip(used, labels, strict=True) if r.position not in printed]
    return Recall(replace(week, verdicts=tuple(verdicts)), tuple(lab for _, lab in kept),
                  anchors, earlier, memory[0].issue if memory else None)


def _news(fresh: Sequence[Read], before: StoryMemory, tune: ContinuitySettings) -> bool:
    """Whether these articles say anything the earlier story did not print."""
    said = _said(before)
    return any(not line.furniture and not _is_said(line.text, said, tune.repeat)
               for r in fresh for line in r.lines)


def mark(stories: Sequence[Story], ranked: Sequence[Ranked], recalled: Recall,
         tune: ContinuitySettings) -> list[Story]:
    """Each story with its anchors; a follow-up as an update of the earlier story, without
    the sentences that story printed (unless nothing else would be left)."""
    out = []
    for story, r in zip(stories, ranked, strict=True):
        held = sorted(frozenset().union(*(recalled.anchors.get(i, frozenset())
                                          for i in r.members)))
        story = replace(story, anchors=tuple(held))
        before = next((recalled.earlier[i] for i in r.members if i in recalled.earlier), None)
        if before is not None:
            said = _said(before)
            fresh = tuple(s for s in story.sentences if not _is_said(s.text, said, tune.repeat))
            story = replace(story, previous=Earlier(before.issue, before.rank, before.headline),
                            sentences=fresh or story.sentences)
        out.append(story)
    return out
