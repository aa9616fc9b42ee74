"""Continuity: what earlier published issues printed, so that no story is printed as new twice.

`recall` (before ranking) marks the articles an earlier issue printed as `repeat` and finds, for
each of the week's stories, the remembered story it follows up; `mark` (after the headlines)
makes those stories updates (`Story.previous`) that lead with what is new; `remember` (on
publish, by the pipeline) is what the store keeps of an issue's stories. explained.py does the
same for the Explainer: an entity an earlier issue explained is not explained again.
"""

from digest.edit.continuity.explained import Explained, remember_explainer
from digest.edit.continuity.memory import article_keys, remember
from digest.edit.continuity.recall import Recall, mark, recall

__all__ = ["Explained", "Recall", "article_keys", "mark", "recall", "remember",
           "remember_explainer"]
