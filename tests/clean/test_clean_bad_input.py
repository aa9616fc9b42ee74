from __future__ import annotations

import os

import pytest

from digest.clean import clean
from digest.errors import CleanError


@pytest.mark.parametrize("content", [b"", "", "   \n\t ", b"  \n"])
def test_empty_input_is_a_clean_error(content: str | bytes) -> None:
    with pytest.raises(CleanError):
        clean(content)


def test_binary_garbage_is_a_clean_error() -> None:
    with pytest.raises(CleanError):
        clean(os.urandom(4096) + b"\x00\x00")
    with pytest.raises(CleanError):
        clean(b"%PDF-1.7\n\x00\x01\x02\x03binary\x00stream")


def test_malformed_unclosed_html() -> None:
    html = ("<html><body><div><p>The ferry service resumed on Friday after the storm damaged "
            "the pier at the northern terminal last week.<p>Engineers said repairs would take "
            "another month<div><span><b>unclosed <i>tags everywhere</body")
    page = clean(html)
    assert "ferry service resumed" in page.text


def test_all_junk_page_gives_an_empty_body_not_a_crash() -> None:
    html = ("<html><body><p>Advertisement</p><p>BTC $64,210.55 +0.4%</p><p>Tags: / / /</p>"
            "<p>Back to the top ↑</p><p>Share this article</p></body></html>")
    page = clean(html)
    assert page.paragraphs == ()


def test_ten_thousand_nested_elements() -> None:
    html = ("<html><body>" + "<div>" * 10_000 + "<p>Deep inside the nesting there is one real "
            "sentence about the water board raising tariffs by four percent.</p>"
            + "</div>" * 10_000 + "</body></html>")
    page = clean(html, timeout=30)
    assert isinstance(page.paragraphs, tuple)


@pytest.mark.slow
def test_ten_megabyte_page_finishes_or_errors_cleanly() -> None:
    para = ("<p>The transport committee heard evidence from bus operators about driver "
            "shortages and the cost of new electric fleets across the region.</p>\n")
    html = "<html><body><article>" + para * (10_000_000 // len(para)) + "</article></body></html>"
    try:
        page = clean(html, timeout=60)
    except CleanError:
        return
    assert "driver shortages" in page.text


def test_time_limit_is_enforced() -> None:
    para = "<p>" + "word " * 50 + "</p>"
    html = "<html><body>" + para * 20_000 + "</body></html>"
    with pytest.raises(CleanError, match="longer than"):
        clean(html, timeout=0.05)


def test_held_alarm_keeps_each_page_s_time_limit_and_gives_the_handler_back() -> None:
    """Under holding_alarm (a parse worker cleaning a feed's items) the handler is installed
    once: a slow page still fails alone, the next one is cleaned, and the caller's handler
    is back afterwards; with a timer of the caller's pending it is not held at all."""
    import signal

    from digest.clean.page import _held, holding_alarm

    slow = "<html><body>" + ("<p>" + "word " * 50 + "</p>") * 20_000 + "</body></html>"
    before = signal.getsignal(signal.SIGALRM)
    pending = signal.setitimer(signal.ITIMER_REAL, 0)  # (pytest-timeout's alarm, back below)
    try:
        with holding_alarm():
            assert _held[0] == 1 and signal.getsignal(signal.SIGALRM) is not before
            with pytest.raises(CleanError, match="longer than"):
                clean(slow, timeout=0.05)
            text = clean("<p>The harbour reopened on Monday after the storm.</p>").text
            assert "harbour" in text and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
        assert _held[0] == 0 and signal.getsignal(signal.SIGALRM) is before
        signal.setitimer(signal.ITIMER_REAL, 60)
        with holding_alarm():
            assert _held[0] == 0  # a pending alarm of the caller's: each page installs its own
    finally:
        signal.setitimer(signal.ITIMER_REAL, *pending)


def test_wrong_charset_label_still_decodes() -> None:
    # labelled Latin-1 but really UTF-8, and labelled UTF-8 but really GBK
    utf8 = "<html><head><meta charset='iso-8859-1'></head><body><p>Café owners in Zürich said " \
           "rents rose by a fifth.</p></body></html>"
    assert "Café owners in Zürich" in clean(utf8.encode("utf-8")).text
    gbk = "<html><head><meta charset='utf-8'></head><body><p>今天上海的天气晴朗，气温适宜，" \
          "市民纷纷外出踏青赏花，公园里游人如织。</p></body></html>"
    assert "上海" in clean(gbk.encode("gbk")).text


def test_a_page_its_publisher_double_encoded_is_repaired() -> None:
    # valid UTF-8 of the wrong characters (a CMS read UTF-8 as Windows-1252 and wrote it out
    # again): no decoder sees it; the kept text, the title and the language are repaired
    text = "“The ferry runs every hour now,” she said after the meeting on Tuesday night."
    zh = "市议会周二批准了新的渡轮时刻表，每小时一班，从下个月起执行。"
    page = ("<html><head><meta charset='utf-8'><title>Ferry â€” News</title></head><body>"
            f"<article><h1>Ferry â€” News</h1><p>{text.encode().decode('latin-1')}</p>"
            "<p>The council approved the new ferry timetable on Tuesday after a long debate.</p>"
            "</article></body></html>")
    cleaned = clean(page.encode("utf-8"), "https://example.org/a")
    assert text in cleaned.paragraphs and cleaned.title == "Ferry — News"
    mangled = "".join(chr(b) for b in zh.encode("utf-8"))  # read as Latin-1
    cleaned = clean(f"<html><body><article><p>{mangled}</p></article></body></html>")
    assert cleaned.paragraphs == (zh,) and cleaned.language == "zh"


def test_mojibake_in_any_paragraph_is_repaired() -> None:
    # (one scan of the title and the paragraphs joined by line breaks: a pair in a
    # paragraph after the first is found as well)
    text = "The café on the pier reopened on Friday after the storm damaged its terrace."
    page = ("<html><body><article><p>The council approved the new ferry timetable on Tuesday "
            f"after a long debate.</p><p>{text.encode().decode('latin-1')}</p></article>"
            "</body></html>")
    assert clean(page).paragraphs[1] == text


def test_missing_charset_and_bom() -> None:
    text = "<html><body><p>Der Stadtrat beschloss neue Radwege für München.</p></body></html>"
    assert "München" in clean(b"\xef\xbb\xbf" + text.encode("utf-8")).text
    assert "München" in clean(text.encode("utf-8")).text


@pytest.mark.parametrize("tag", ["script", "style", "noscript", "iframe"])
@pytest.mark.parametrize("char", ["\x02", "\x0b", "\x1f", "\ufffe"])
def test_control_character_in_a_dropped_element_tail(tag: str, char: str) -> None:
    """lxml refused to move such a tail when the <script> was dropped: ValueError ("All
    strings must be XML compatible") escaped clean() and sank the whole run."""
    page = clean(f"<p>Short lead.</p><{tag}>var x = 1;</{tag}>after{char}the {tag}")
    assert page.paragraphs[-1] in (f"afterthe {tag}", f"after the {tag}")
    assert "var x" not in page.text


def test_none_is_a_clean_error() -> None:
    """A feed entry whose body went missing (None) raised TypeError in decode.py."""
    with pytest.raises(CleanError, match="no content"):
        clean(None)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", [True, False])
def test_half_a_surrogate_pair_becomes_a_replacement_character(text: bool) -> None:
    """Found by the clean fuzz target: a str with a lone surrogate came out unchanged, and
    SQLite (or stdout) refused it."""
    page = clean("Half a pair \ud800 here, in a sentence long enough to be kept as a "
                 "paragraph of the body.\n\nAnd a second paragraph \udfff follows it.", text=text)
    assert "\ufffd" in page.title + page.text
    (page.title + page.text).encode("utf-8")


@pytest.mark.parametrize("charset", ["idna", "undefined", "unicode_escape", "base64"])
def test_a_meta_charset_that_is_a_python_codec(charset: str) -> None:
    """`<meta charset="idna">` on undecodable bytes raised UnicodeError out of clean()."""
    page = clean(f"<html><head><meta charset='{charset}'></head><body><p>Caf".encode()
                 + b"\xe9 owners said rents rose by a fifth this year.</p></body></html>")
    assert "owners said rents rose" in page.text


def test_a_row_of_share_names_that_fails_at_its_end_is_no_exponential_search() -> None:
    """A hostile block: "Share: " and a run of share names that fails on its last character.
    With ambiguous separators the share-row pattern tried every split: 2^n (n=16: ~0.1 s,
    a 188-character block: ~0.5 s, under the family's 200-character limit)."""
    import time

    from digest.clean import patterns

    hostile = "Share: " + "Facebook " * 40 + "!"
    started = time.process_time()
    assert patterns.SHARE_ROW.search(hostile) is None
    assert time.process_time() - started < 0.05
    assert patterns.SHARE_ROW.search("Share: Facebook, Twitter | Email") is not None
    assert patterns.SHARE_ROW.search("Share this article: Facebook  ·  X") is not None


class _AlarmAsThePageEnds:
    """`signal` as digest.clean.page sees it, but the alarm goes off at the moment the time
    limit stops its timer (the race a loaded machine hits: the page is done or its last
    check has raised, and the timer fires before it is stopped)."""

    def __init__(self) -> None:
        import signal

        self.real = signal
        self.fired = False

    def __getattr__(self, name: str) -> object:
        return getattr(self.real, name)

    def setitimer(self, which: int, seconds: float, interval: float = 0.0) -> tuple[float, float]:
        from digest.clean.page import _Timeout

        left = self.real.setitimer(which, seconds, interval)
        if seconds == 0 and not self.fired:
            self.fired = True
            raise _Timeout()
        return left


def test_an_alarm_as_the_page_ends_is_the_time_limit_not_an_internal_error(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The alarm fires inside the limit's __exit__: the caller gets the time limit's
    CleanError, and its own handler back with no timer left running."""
    import signal

    import digest.clean.page as page

    before = signal.getsignal(signal.SIGALRM)
    pending = signal.setitimer(signal.ITIMER_REAL, 0)  # (pytest-timeout's alarm, back below)
    try:
        monkeypatch.setattr(page, "signal", _AlarmAsThePageEnds())
        with pytest.raises(CleanError, match="longer than"):
            clean("<p>The harbour reopened on Monday after the storm.</p>", timeout=5)
        monkeypatch.undo()
        assert signal.getsignal(signal.SIGALRM) is before
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    finally:
        signal.setitimer(signal.ITIMER_REAL, *pending)


def test_an_alarm_as_the_limit_begins_to_lift_is_the_time_limit_too(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The alarm fires as the limit's __exit__ begins, before any of it ran: clean() lifts
    the limit itself and raises the time limit's CleanError."""
    import signal

    import digest.clean.page as page

    def alarm_first(self: object, *args: object) -> None:
        raise page._Timeout()

    before = signal.getsignal(signal.SIGALRM)
    pending = signal.setitimer(signal.ITIMER_REAL, 0)
    try:
        monkeypatch.setattr(page._time_limit, "__exit__", alarm_first)
        with pytest.raises(CleanError, match="longer than"):
            clean("<p>The harbour reopened on Monday after the storm.</p>", timeout=5)
        assert signal.getsignal(signal.SIGALRM) is before
        assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
    finally:
        signal.setitimer(signal.ITIMER_REAL, *pending)
