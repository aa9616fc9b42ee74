"""Headline: the words at the top of each story.

`choose.headlines` is the room's entry point; compress.py finds a lead sentence's subject,
verb and object, verbs.py puts the verb in the headline present, and write/compose.headline
chooses among the story's sentences.
"""
