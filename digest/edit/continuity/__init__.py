"""Continuity: what earlier published issues printed, so that no story is printed as new twice.

`recall` (before ranking) marks the articles an earlier issue printed as `repeat` and finds, for
each of the week's stories, the remembered story it follows up; `mark` (after the headlines)
makes those stories updates (`Story.previous`) that lead with what is new; `remember` (on
publish, by the pipeline) is what the store keeps of an issue's stories.
"""

from digest.edit.continuity.memory import article_keys, remember
from digest.edit.continuity.recall import Recall, mark, recall

__all__ = ["Recall", "article_keys", "mark", "recall", "remember"]
