"""Write: the story paragraph, the "Also" line, the TL;DR, the intro and the Explainer.

Which module to open: the story paragraph is paragraph.py (its sentences: lines.py), the "Also
this week" line also.py; the
TL;DR and the intro tldr.py; the Explainer explainer.py; what a printed sentence may say
grounding.py; the optional model's drafts voice.py. `stories.write_stories` is the room's entry
point for the stories: each paragraph's sentences, then its headline (headline/), then which
sentence opens it (reopen.lead_with: the one telling the headline's event).
"""
