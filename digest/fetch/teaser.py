"""Is the feed's text a teaser? The full-text decision, with its reason.

An item's link is followed (when its source has `full_text: true`, the default) only when the
text the feed carries is a teaser, that is when one of these holds, in this order:

1. **It ends in a truncation mark**: "…", "...", "[…]", "Continue reading", "Read more", "Read
   the full story", "阅读全文" and the like (`MARKS`), once trailing feed furniture is set
   aside ("The post … appeared first on …", "… was originally published on …"). A bare
   ellipsis ("…", "...") is also punctuation an article may end with (a quote trailing off, a
   page cut by its publisher): at the end of content clearly longer (`CONTENT_LONGER`×) than
   the description beside it, it is the article's own ending, not a truncation (57 items in
   10,000 of the real-text WordPress benchmark had their page fetched for it). An explicit
   mark ("[…]", "Read more") is a truncation wherever it is.
2. **A full body sits beside a teaser**, so it is *not* one: the feed has content
   (`content:encoded`, Atom `content`, JSON Feed `content_html`) and its description is itself
   marked as truncated, or the content is clearly longer (`CONTENT_LONGER`×) than the
   description. WordPress's excerpt "… [&#8230;]" next to the whole post is this case.
3. **It is short**: under `SHORT` characters of text, whatever its shape (a one- or
   two-sentence summary).
4. **A summary-only item stops mid-sentence** (no closing punctuation): a description cut at a
   length.

Rules 3 and 4 read a summary-only item as one cut block of text. A description whose markup
holds `ARTICLE_BLOCKS` paragraphs or more, with no truncation mark, is the article itself,
however short and whatever its last paragraph: a caption, a credit line ("(Reporting by …;
Editing by …)"), a tweet's date line, a list of related links. Of the 174 real articles that
bench/teasers.py serves whole in a description, 32 were taken for teasers by rules 3 and 4
alone (28 "stops mid-sentence", 4 "short"), each of three paragraphs or more; a summary cut at
a length is one block (WordPress's excerpt, a CMS's trimmed text), or ends in a mark.

Otherwise the feed's text is the article and no page is fetched: a description of twelve full
sentences, or content with no sign of truncation. When a page is fetched, it replaces the
feed's text only if it carries clearly more (`items.PAGE_BETTER`), so a wrong guess costs a
request, never the article.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable

SHORT = 600  # characters of text below which a feed's text is a summary
ARTICLE_BLOCKS = 3  # paragraphs in a summary-only item's markup that make it the article
CONTENT_LONGER = 1.5  # content this much longer than the description is the article
MARKS = ("…", "...", "[…]", "[...]", "(more…)", "continue reading", "keep reading",
         "read more", "read the full story", "read the full article", "read full story",
         "read full article", "阅读全文", "阅读更多", "查看全文")
BARE = ("…", "...")  # marks that are also ordinary punctuation
FOOTERS = (r"the post .{1,300}? appeared first on .{1,200}?",
           r"(?:this|the) (?:article|post|story|entry) (?:was )?(?:originally |first )?"
           r"(?:published|appeared|posted) (?:on|in|at|by) .{1,200}?",
           r"originally (?:published|posted) (?:on|in|at|by) .{1,200}?")

# one of which every footer contains (lower case): most texts have none, and the search for
# a footer at every position of a tail costs a tenth of a millisecond
_FOOTER_NEEDS = ("appeared", "published", "posted")
_MARK_RE = re.compile(r"(" + "|".join(re.escape(m) for m in sorted(MARKS, key=len, reverse=True))
                      + r")[\W_]*$", re.IGNORECASE)
_FOOTER_RE = re.compile(r"(?:\s*(?:" + "|".join(FOOTERS) + r")[.!]?)+\s*$", re.IGNORECASE)
_SENTENCE_END_RE = re.compile(r"[.!?。！？…][\"'”’)\]»」』]*$")
_TAG_RE = re.compile(r"<[^>]+>")
_ENDED_THEN_DOTS = re.compile(r"[.!?。！？][\"'”’)\]]*\s*(?:…|\.\.\.)[\W_]*$")
_MARK_WINDOW = 80  # what `_marked` reads of a text


def plain_text(markup: str, *, is_html: bool = True) -> str:
    """Text of a feed field: tags removed, entities decoded, whitespace collapsed."""
    if not markup:
        return ""
    if is_html:
        markup = html.unescape(_TAG_RE.sub(" ", markup))
    return " ".join(markup.split())


# where a footer can start: every one of FOOTERS opens with one of these (its literal first
# words: "the post ", "(this|the) (article|post|story|entry) ", "originally (published|posted) "),
# so the many other "the " of an article's last paragraph are not tried
# (Its first letter is a class of both cases outside the ignored case, and each branch checks it
# back: so the regex engine skips from one t or o to the next in C. Ignoring case, "t" and "o"
# match only t/T and o/O, so this is the same search; a pattern opening with an ignored-case
# letter is tried at every position of the tail.)
_FOOTER_START = re.compile(r"[tToO](?i:(?<=[tT])h(?:e|is) (?:post|article|story|entry) "
                           r"|(?<=[oO])riginally (?:published|posted) )")


def _without_footer(tail: str) -> str:
    """`_FOOTER_RE.sub("", tail)`, tried only where a footer can start. The pattern ends at
    the end of the text, so it removes one match at most, its leftmost; a match opens with
    whitespace and a footer, so it starts where the whitespace before a footer's first word
    starts. The sub tried the pattern at every position of the tail: most of the teaser
    decision of a WordPress item, whose excerpt ends in "The post … appeared first on …"."""
    for found in _FOOTER_START.finditer(tail):
        start = found.start()
        while start and tail[start - 1].isspace():
            start -= 1
        if _FOOTER_RE.match(tail, start):
            return tail[:start]
    return tail


def _core(text: str) -> str:
    """The text without the feed furniture that may follow a truncation mark (looked for in
    the last 700 characters only: the pattern is costly over a whole article)."""
    if not text:
        return ""
    head, tail = text[:-700], text[-700:]
    low = tail.lower()
    if not any(word in low for word in _FOOTER_NEEDS):  # no footer can match
        return text.rstrip()
    return (head + _without_footer(tail)).rstrip()


_LONGEST_MARK = max(map(len, MARKS))


def _marked(text: str) -> str | None:
    """The truncation mark `text` ends in (its last `_MARK_WINDOW` characters), if any.
    A mark is followed only by non-word characters, so it ends inside or right before the
    text's trailing run of them: the search starts `_LONGEST_MARK` characters before that run
    (the same leftmost match as from the start, without trying every position before it)."""
    window = text[-_MARK_WINDOW:]
    start = len(window)
    while start and not window[start - 1].isalnum():  # (not isalnum: exactly `[\W_]`)
        start -= 1
    found = _MARK_RE.search(window, max(0, start - _LONGEST_MARK))
    return found.group(1) if found else None


def teaser_reason(content: str, summary: str, *, blocks: int = 0) -> str | None:
    """Why the feed's text is a teaser (so the page is worth fetching), or None when it is the
    article. `content` and `summary` are plain text (see `plain_text`); either may be empty.
    `blocks`: the paragraphs of the summary's markup (`paragraphs`), 0 when unknown."""
    return _decide(content, lambda: summary, blocks)


def _decide(content: str, summary: Callable[[], str], blocks: int = 0) -> str | None:
    """`teaser_reason` with the summary's plain text made only when the decision reads it:
    always when there is no content (it is the body), beside content only in the few cases
    `_reason` needs the description."""
    body = _core(content or summary())
    if not body:
        return "no text"
    whole = not content and blocks >= ARTICLE_BLOCKS  # rules 3 and 4 do not apply
    reason = _reason(body[-_MARK_WINDOW:], lambda: len(body),
                     (lambda: _core(summary())) if content else str, least=len(body),
                     whole=whole)
    if reason is None and not content and not whole and len(body) >= SHORT \
            and not _SENTENCE_END_RE.search(body):
        return "stops mid-sentence"
    return reason


_BLOCK_RE = re.compile(r"<(?:p|li|h[1-6]|blockquote|figcaption|pre|tr)[\s>]|<br\s*/?>\s*<br\b",
                       re.IGNORECASE)


def paragraphs(markup: str) -> int:
    """How many paragraphs (block elements, or blank-line breaks) `markup` holds."""
    return len(_BLOCK_RE.findall(markup))


def _reason(end: str, length: Callable[[], int], lead: Callable[[], str], *, least: int = 0,
            whole: bool = False) -> str | None:
    """The decision on a body (never empty) known by its last characters and, when the
    decision needs it, its length (`least`: a length it is known to reach); `lead` makes the
    description beside content, "" for none; `whole`: a summary-only item of
    `ARTICLE_BLOCKS` paragraphs, where rule 3 does not apply and a bare ellipsis after a
    finished sentence ('… Need to Know."...') is the writer's, not a cut.

    The description is made only when the decision turns on it: a body that ends in a bare
    ellipsis (is it clearly longer?) or one shorter than `SHORT` (rule 2 before rule 3). A
    body `SHORT` or longer that ends in no mark is the article, whatever stands beside it
    (rule 2 says so, or rule 3 does not apply): a WordPress item's decision, which made the
    plain text of its description and looked for a footer and a mark in it, a third of the
    decision's time, never needed it."""
    measured: list[int] = []  # the length, measured once and only when the decision turns on it
    made: list[str] = []  # the description, likewise

    def size() -> int:
        if not measured:
            measured.append(length())
        return measured[0]

    def beside() -> str:
        if not made:
            made.append(lead())
        return made[0]

    def is_longer() -> bool:
        return bool(beside()) and size() >= CONTENT_LONGER * len(beside())

    mark = _marked(end)
    if mark and not (mark in BARE and (is_longer() or (whole and _ENDED_THEN_DOTS.search(end)))):
        return f"ends in {mark!r}"
    if whole or least >= SHORT:
        return None  # (rule 3 cannot apply: whatever rule 2 says, the body is the article)
    if beside() and (_marked(beside()) or is_longer()):
        return None
    if size() < SHORT:
        return f"short ({size()} characters)"
    return None


_TAILS = (1200, 2000)  # characters of markup the end of a long content is read from, in turn
_LONG = _TAILS[-1] + 500  # content markup longer than this is read from its end first
_END = 700 + _MARK_WINDOW + 1  # a suffix of the text this long decides everything but length


def feed_teaser_reason(content: str, summary: str, *, html: bool = True) -> str | None:
    """`teaser_reason(plain_text(content, is_html=html), plain_text(summary))`, reading of a
    long HTML content only its end, unless the decision turns on its length (a WordPress
    item's never does: its description is marked truncated): the plain text of the whole
    article, for a decision read off its last 780 characters, was most of it.

    The end is the text of the markup from a tag near its end on: its words but the first
    are the whole text's last words (a tag that began before the cut ends at the same `>`
    both ways, and an entity cannot cross a `<`). Any such end of `_END` characters or more
    decides alike (`_core` reads its last 700, the mark its last 80, and the length takes
    what `_core` removed, which lies in them): the markup's last 1,200 characters give one
    for most articles, their last 2,000 for most of the rest (their text was a third of the
    decision of a WordPress item)."""
    if not html or len(content) <= _LONG:
        return _decide(plain_text(content, is_html=html) if content else "",
                       lambda: plain_text(summary),
                       blocks=paragraphs(summary) if html and not content else 0)
    end = ""
    for tail in _TAILS:  # the shortest end that reaches _END characters of text
        cut = content.find("<", len(content) - tail)
        words = plain_text(content[cut:]).split(" ", 1) if cut > 0 else []
        end = words[1] if len(words) == 2 else ""
        if len(end) >= _END:
            break
    core = _core(end)
    if len(end) < _END or len(core) < _MARK_WINDOW:
        return _decide(plain_text(content), lambda: plain_text(summary))

    def length() -> int:  # of the whole body: its text, minus what its end lost to _core
        return len(plain_text(content)) - len(end) + len(core)

    # (the whole text ends with `end`, so its body is at least `core` long)
    return _reason(core[-_MARK_WINDOW:], length, lambda: _core(plain_text(summary)),
                   least=len(core))
