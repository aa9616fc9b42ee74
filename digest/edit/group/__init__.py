"""Group: the articles of one event, from any outlet or language, become one story.

`story_labels` (labels.py) is the room's entry point; stories.py clusters, anchors.py holds
the names, numbers and identifiers that tie reports together, embeddings.py the optional model.
"""

from digest.edit.group.labels import Grouping, story_labels

__all__ = ["Grouping", "story_labels"]
