"""clean(): decode, pick the path (HTML or text), extract, apply the junk families, assemble.

The per-page time limit uses a real-time interval timer when we run on the main thread (it
interrupts a runaway parse or regex); elsewhere the deadline is checked between steps. Any
timer the caller had set (a benchmark harness's own alarm, say) is restored afterwards.
"""

from __future__ import annotations

import logging
import re
import signal
import string
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType, TracebackType

from digest.clean.blocks import Block
from digest.clean.classify import warm_openings
from digest.clean.decode import decode_bytes, looks_binary_text
from digest.clean.extract import (
    extract_blocks,
    has_controls,
    is_fragment,
    parse_html,
    xml_safe,
)
from digest.clean.meta import PageMeta, extract_meta
from digest.clean.patterns import BYLINE, SOURCE_LINE
from digest.clean.plaintext import derive_title, text_blocks
from digest.clean.rules import apply_rules, drop_repeated_title, split_appended
from digest.clean.scan import scan
from digest.encoding import double_encoded, repaired
from digest.errors import CleanError, internal_error
from digest.models import CleanedPage, Removal
from digest.text import detect_language, no_surrogates

log = logging.getLogger("digest.clean")
_TAG = re.compile(r"<\s*(?:[a-zA-Z][a-zA-Z0-9]*|!doctype|!--|/[a-zA-Z])", re.I)
_MAX_REMOVAL_TEXT = 500


class _Timeout(Exception):
    pass


class _Deadline:
    def __init__(self, seconds: float) -> None:
        self.end = time.monotonic() + seconds
        self.seconds = seconds

    def check(self) -> None:
        if time.monotonic() > self.end:
            raise CleanError(f"cleaning took longer than {self.seconds:g}s")


def _raise_timeout(signum: int, frame: FrameType | None) -> None:
    raise _Timeout()


_held = [0]  # holding_alarm's depth (main thread only): SIGALRM is ours meanwhile


@contextmanager
def holding_alarm() -> Iterator[None]:
    """A run of clean() calls in this thread with SIGALRM's handler installed once for all
    of them, and restored at the end: each call then only sets and clears its timer. (A
    handler installed and restored for each page was ~10 µs of a feed item's ~1 ms: the
    enum conversions of `signal.signal`.) Held only on the main thread and when no timer
    is pending: a caller's own alarm must never fire into this handler between two pages."""
    if not (hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
            and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)):
        yield
        return
    old_handler = signal.signal(signal.SIGALRM, _raise_timeout)
    _held[0] += 1
    try:
        yield
    finally:
        _held[0] -= 1
        signal.signal(signal.SIGALRM, old_handler)


class _time_limit:  # (a context manager used as a function: `with _time_limit(s)`)
    """The per-page time limit: a real-time interval timer on the main thread, restored
    afterwards (a class, not a generator: entering and leaving one is a few microseconds of a
    feed item's cleaning less).

    The alarm may go off as the page ends, after the last check and before the timer is
    stopped: then `_Timeout` is raised inside `__exit__` (caught there, and the limit lifted
    again) or as it begins, before any of it ran (`clean` catches that and calls `lift`).
    `lift` is safe to call twice; the alarm fires once, so the second call runs undisturbed.
    Either way the caller gets the CleanError of a page that ran out of time, never the
    internal `_Timeout`, and its own handler and timer back."""

    __slots__ = ("deadline", "held", "lifted", "old_handler", "old_interval", "old_left",
                 "started", "usable")

    def __init__(self, seconds: float) -> None:
        self.deadline = _Deadline(seconds)
        self.usable = (hasattr(signal, "setitimer") and seconds > 0
                       and threading.current_thread() is threading.main_thread())
        self.lifted = not self.usable

    def __enter__(self) -> _Deadline:
        if not self.usable:
            return self.deadline
        seconds = self.deadline.seconds
        self.started = time.monotonic()
        self.held = _held[0] > 0
        self.old_handler = None if self.held else signal.signal(signal.SIGALRM, _raise_timeout)
        self.old_left, self.old_interval = signal.setitimer(signal.ITIMER_REAL, seconds)
        if 0 < self.old_left < seconds:  # the caller's alarm is due first: keep its deadline
            signal.setitimer(signal.ITIMER_REAL, self.old_left)
        return self.deadline

    def lift(self) -> None:
        """Stop this page's timer; give back the caller's handler and its timer's time left."""
        if self.lifted:
            return
        signal.setitimer(signal.ITIMER_REAL, 0)
        if not self.held:
            signal.signal(signal.SIGALRM, self.old_handler)
        if self.old_left > 0:
            left = max(self.old_left - (time.monotonic() - self.started), 0.001)
            signal.setitimer(signal.ITIMER_REAL, left, self.old_interval)
        self.lifted = True

    def timed_out(self) -> CleanError:
        return CleanError(f"cleaning took longer than {self.deadline.seconds:g}s")

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        try:
            self.lift()
        except _Timeout:  # the alarm went off as the page ended: lift it again, undisturbed
            self.lift()
            if kind is None:
                kind = _Timeout
        if kind is _Timeout:
            raise self.timed_out() from None


def _trim(text: str) -> str:
    text = text.strip()
    return text if len(text) <= _MAX_REMOVAL_TEXT else text[: _MAX_REMOVAL_TEXT - 1] + "…"


def _assemble(title: str, blocks: list[Block], meta: PageMeta) -> CleanedPage:
    # (kept: no property call; a list made first: a generator's steps for tuple() cost more)
    paragraphs = tuple([b.text for b in blocks if b.rule is None])
    # (title and body joined at once, for the mojibake scan and the language: a line break is
    # neither half of a mojibake pair, so the whole holds one exactly when a part does; a scan
    # a part was ~25 encodings and searches an item)
    whole = "\n".join((title, *paragraphs))
    if double_encoded(whole):
        # (what is kept, not the page: a scan of the whole markup cost 2 ms a page)
        title, paragraphs = repaired(title), tuple([repaired(p) for p in paragraphs])
        whole = "\n".join((title, *paragraphs))
    dropped = [(b.rule, b) for b in blocks if b.rule]
    removed = tuple(Removal(rule, _trim(b.text)) for rule, b in dropped)
    canonical = meta.canonical_url
    author = meta.author
    for rule, b in dropped:
        if rule == "source_line" and not canonical:
            m = SOURCE_LINE.match(b.text)
            canonical = m.group(1).rstrip(".,;)") if m else None
        if rule == "byline" and not author:
            m = BYLINE.match(b.text)
            if m:
                author = re.sub(r"(?i)^(?:by|written by|words by|story by)\s+", "", b.text)
                author = re.split(r"\s*(?:[,·|•]|\d+\s*min)", author)[0].strip() or None
    author = repaired(author) if author else author
    language = meta.language or (detect_language(whole) if title or any(paragraphs) else None)
    return CleanedPage(title=title, paragraphs=paragraphs, author=author,
                       published=meta.published, canonical_url=canonical, language=language,
                       image=meta.image, removed=removed)


def _appended_page(blocks: list[Block], meta: PageMeta) -> CleanedPage:
    kept = [b for b in blocks if b.kept]
    title = ""
    if kept and kept[0].kind == "h":
        title = kept[0].text
        kept[0].drop("appended_title")  # moved to the title, not lost
    page = _assemble(title, blocks, PageMeta(language=meta.language))
    removed = tuple(r for r in page.removed if r.rule != "appended_title")
    return CleanedPage(title=page.title, paragraphs=page.paragraphs, author=page.author,
                       canonical_url=page.canonical_url, language=page.language,
                       removed=removed)


def _to_str(content: str | bytes) -> tuple[str, bytes | None, bool]:
    """The text to clean, its UTF-8 bytes when they came on the way (a str's: the binary
    check and the parser read them, so it is encoded once), and whether they may hold a C0
    control (but tab, LF, CR: `has_controls`). Bytes without one are no binary and hold
    nothing the parser refuses but U+FFFE/F: one look at them for both (each looked was
    2.2 µs of a feed item)."""
    if not isinstance(content, (str, bytes)):  # None from a caller that lost the body
        raise CleanError(f"no content to clean (got {type(content).__name__})")
    if isinstance(content, bytes):
        if not content or content.isspace():  # (`not content.strip()`, without a copy)
            raise CleanError("empty input")
        return decode_bytes(content), None, True
    # Half a surrogate pair (from a JSON "\\ud800" escape, or bytes decoded with
    # surrogateescape) is no character: U+FFFD, so that what we return can be stored.
    # (Encoding finds one in a fraction of the time a regex scan takes.)
    try:
        utf8 = content.encode("utf-8")
    except UnicodeEncodeError:
        if looks_binary_text(content):
            raise CleanError("input looks binary, not HTML or text") from None
        return no_surrogates(content), None, True
    if not has_controls(utf8):
        return content, utf8, False  # (no NUL and no control: not binary)
    if looks_binary_text(content, utf8):
        raise CleanError("input looks binary, not HTML or text")
    return content, utf8, True


def clean(content: str | bytes, url: str | None = None, *, text: bool = False,
          newsletter: bool = False, timeout: float = 10.0, title: str = "") -> CleanedPage:
    """Clean one HTML page (or plain text with text=True) into a CleanedPage.

    `title` is the title the caller already has (a feed entry's): a document with no title
    of its own (a feed fragment) is titled by it, so none is derived from its body (which
    would take a heading or a one-sentence lede out of the article for a title the caller
    then throws away), and a block repeating it is dropped as `repeated_title`.

    Raises CleanError for empty or binary input, or when cleaning exceeds `timeout` seconds.
    """
    limit = _time_limit(timeout)
    try:
        with limit as deadline:
            return _clean(content, url, text=text, newsletter=newsletter, title=title,
                          deadline=deadline)
    except _Timeout:  # the alarm went off as the limit's __exit__ began (see _time_limit)
        limit.lift()
        raise limit.timed_out() from None


def _clean(content: str | bytes, url: str | None, *, text: bool, newsletter: bool, title: str,
           deadline: _Deadline) -> CleanedPage:
    """`clean` inside its time limit."""
    doc, utf8, controls = _to_str(content)
    if not doc or doc.isspace():
        raise CleanError("empty input")
    as_text = text or not _TAG.search(doc[:65536])
    if as_text:  # (control characters go as the HTML parser's input loses them)
        title, blocks = text_blocks(xml_safe(doc) if controls or "\ufffe" in doc
                                    or "\uffff" in doc else doc)
        meta = PageMeta(title=title)
    else:
        tree = parse_html(doc, utf8, controls=controls)
        deadline.check()
        fragment = is_fragment(doc)
        found = scan(tree, noise=fragment)  # (the page as parsed, for both readers)
        meta = extract_meta(tree, url, found)
        blocks = extract_blocks(tree, url, fragment=fragment, markup=doc, found=found)
        deadline.check()
    if not meta.title and title:
        meta.title = " ".join(title.split())
    apply_rules(blocks, title=meta.title, byline=meta.byline, author=meta.author,
                newsletter=newsletter, deferred=not as_text)
    main, rest = split_appended(blocks)
    if not meta.title:
        # no title line (or <title>): take a heading near the top, else the first sentence
        meta.title, heading = derive_title(main)
        if heading is not None:
            main = [b for b in main if b is not heading]
            drop_repeated_title(main, meta.title)  # as under a title line
    page = _assemble(meta.title, main, meta)
    if rest:
        extra = _appended_page(rest, meta)
        # trailing junk after the appended story (tickers, a second tag row) is still
        # reported once, with the main page's removals
        page = CleanedPage(title=page.title, paragraphs=page.paragraphs, author=page.author,
                           published=page.published, canonical_url=page.canonical_url or
                           extra.canonical_url, language=page.language, image=page.image,
                           removed=page.removed, appended=(extra,) if extra.paragraphs else ())
    deadline.check()
    return page


# a feed entry's shapes: a heading, prose with quotes, a date and a credit, a link row
_WARM_PAGE = ("<h2>Warm-up</h2><p>“The ferry”, 12 May 2025: 3 crossings a day (photo by A. "
              "Lee/Reuters).</p><ul><li>Share</li><li>Read more</li></ul><p>Tags: ferries</p>")


def warm() -> None:
    """Build in this process what a fresh one builds on its first pages: the openings' starts
    and ends and what the characters of ASCII text admit (`classify.warm_openings`), the
    parser, the families' plans. `digest fetch`'s parse workers call it as each starts
    (`collect._load_cleaner`, while the run's first requests are on the wire), instead of
    spending ~0.07 s of their first few hundred feed items on it; called in the parent
    before the fork it gained nothing (it lengthened the serial start-up)."""
    warm_openings(string.ascii_letters + string.digits + "“\"‘—([")
    clean(_WARM_PAGE, "https://example.com/warm-up", title="Warm-up")
    clean("Warm-up\n\nA line of text, 12 May 2025.", text=True)


def clean_many(items: Iterable[str | Path], *, url: str | None = None, text: bool = False,
               newsletter: bool = False, timeout: float = 10.0
               ) -> Iterator[tuple[str, CleanedPage | CleanError]]:
    """Clean files (paths, or "-" for stdin) in one process; yields (name, page or error).

    Every file gets an answer: one that cannot be read or cleaned yields a CleanError with a
    one-line reason (a bug is `internal error: …`, its traceback logged at debug level, so
    `-v` shows it), and the next file is cleaned as usual."""
    import sys

    for item in items:
        name = str(item)
        try:
            data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
        except OSError as exc:
            yield name, CleanError(f"cannot read: {exc.strerror or exc}")
            continue
        try:
            yield name, clean(data, url, text=text, newsletter=newsletter, timeout=timeout)
        except CleanError as exc:
            yield name, exc
        except Exception as exc:  # a bug, or an input nobody foresaw: this file only
            log.debug("%s: traceback of the internal error", name, exc_info=True)
            yield name, CleanError(internal_error(exc))
