"""Proof: the copy editor, a room of its own. It strikes what a desk editor would strike, and
the writers ask the same rules before they print, so the checker and the writers never differ.

Which module to open: a story's paragraph, and the whole issue, story.py (`issue_strikes`,
the entry point); its headline, headline.py; what every rule returns, strike.py (`Strike`);
the front of the issue explainer.py (`front_strikes`: the TL;DR by tldr.py's rules (the
week's sources, as it checks a name against them, sources.py), the intro by intro.py's, its
list items by item.py's; the Explainer's sentences by its own, whether an answer answers its
question by questions.py's, a person's by person.py's, what an answer must carry by
answer.py's). What makes a sentence lean on one not printed (`read/leaning.py`) and whether
a source's sentence is whole (`read/whole.py`) are read/'s, the room of a sentence's readers:
writers and checker read them alike.
"""

from digest.edit.proof.explainer import front_strikes
from digest.edit.proof.headline import addressee, headline_strikes
from digest.edit.proof.story import issue_strikes, lowered_name, paragraph_strikes, story_strikes
from digest.edit.proof.strike import Strike

__all__ = ["Strike", "addressee", "front_strikes", "headline_strikes", "issue_strikes",
           "lowered_name", "paragraph_strikes", "story_strikes"]
