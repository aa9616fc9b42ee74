"""The EDIT stage: turn a period's articles into a ranked, written, grounded Issue.

Public API: `edit_issue` (the stage contract), `remember` (what the store keeps of a
published issue's stories, for continuity), `remember_explainer` (of its Explainer) and `summarize_document` (the single-document
extractive summariser, used by bench/summarize.py).
"""

from digest.edit.continuity import remember, remember_explainer
from digest.edit.editor import edit_issue
from digest.edit.write.summarize import summarize_document

__all__ = ["edit_issue", "remember", "remember_explainer", "summarize_document"]
