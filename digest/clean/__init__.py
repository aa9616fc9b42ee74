"""The clean stage: HTML or plain text in, one CleanedPage out (title, body, metadata, removals).

    clean(content, url, text=False, newsletter=False, timeout=10.0) -> CleanedPage
    warm()  (a worker that will clean, as it starts: what its first pages would build)

HTML goes through the extraction cascade (`cascade.py`: trafilatura in recall mode, its default
sequence when in doubt; see docs/cleaning.md) for the main content, then through the junk
families in `families.py`/`rules.py`; plain text goes line by line through the same families.
Everything dropped is reported as `Removal(rule, text)`.
"""

from __future__ import annotations

from digest.clean.output import FORMATS, format_cleaned, page_to_dict
from digest.clean.page import clean, clean_many, warm

__all__ = ["FORMATS", "bench_adapter", "clean", "clean_many", "format_cleaned", "page_to_dict",
           "warm"]


def bench_adapter(html: str, url: str | None = None) -> str:
    """For the reference scorers: f(html, url) -> body text (no title)."""
    return clean(html, url).text


