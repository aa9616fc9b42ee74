"""Headline: the words at the top of each story. `score.chosen` is the room's entry point (the
writer, write/stories.py, calls it between a paragraph's sentences and their order);
offline, a story's headline is its own best title or title clause: titles.py cleans the titles
and lists the candidates, score.py chooses among them; with a model, the editor's voice,
checked (write/voice.py)."""

from digest.edit.headline.score import headline_for
from digest.edit.headline.titles import clean_title

__all__ = ["clean_title", "headline_for"]
