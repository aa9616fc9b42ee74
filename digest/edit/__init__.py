"""The EDIT stage: turn a period's articles into a ranked, written, grounded Issue.

Public API: `edit_issue` (the stage contract) and `summarize_document` (the single-document
extractive summariser, used by bench/summarize.py).
"""

from digest.edit.editor import edit_issue
from digest.edit.write.summarize import summarize_document

__all__ = ["edit_issue", "summarize_document"]
