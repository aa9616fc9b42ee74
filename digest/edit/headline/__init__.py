"""Headline: the words at the top of each story. `choose.headlines` is the room's entry point;
offline, a story's headline is its own best title, cleaned (titles.py); with a model, the
editor's voice, checked (write/voice.py)."""

from digest.edit.headline.titles import clean_title, headline_for

__all__ = ["clean_title", "headline_for"]
