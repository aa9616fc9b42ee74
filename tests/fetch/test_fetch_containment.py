"""Containment in the fetch stage (issue 12): one entry that raises fails alone, and the
Content-Type charset cannot sink a source."""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import pytest
from fetch_testkit import LONG_TEXT, Reply, ScriptServer, rss, rss_item

import digest.fetch.items
from digest.fetch import fetch_all
from digest.models import FetchSettings, Source

NOW = datetime(2026, 3, 5, 12, 0, tzinfo=UTC)


def test_an_entry_that_raises_fails_alone(server: ScriptServer, settings: FetchSettings,
                                          monkeypatch: pytest.MonkeyPatch,
                                          caplog: pytest.LogCaptureFixture) -> None:
    """The per-entry boundary, with a bug planted in date parsing for one entry (before it,
    one such entry failed its whole source with `internal error`)."""
    real = digest.fetch.items.parse_trusted

    def buggy(text: str | None, now: datetime) -> datetime | None:
        if text == "PLANTED":
            raise ZeroDivisionError("planted bug")
        return real(text, now)

    monkeypatch.setattr(digest.fetch.items, "parse_trusted", buggy)
    body = rss([rss_item("g1", title="First", link="http://127.0.0.1/1", content=LONG_TEXT),
                rss_item("g2", title="Second", link="http://127.0.0.1/2", content=LONG_TEXT,
                         date="PLANTED"),
                rss_item("g3", title="Third", link="http://127.0.0.1/3", content=LONG_TEXT)])
    url = server.route("/feed.xml", Reply(200, body.encode(), {"Content-Type": "text/xml"}))
    with caplog.at_level(logging.ERROR, logger="digest"):
        (result,) = fetch_all([Source("s", url, full_text=False)], {}, settings,
                              clock=lambda: NOW)
    assert result.status == "ok"
    assert [i.guid for i in result.items] == ["g1", "g3"]
    (failure,) = result.failed
    assert (failure.url, failure.title) == ("http://127.0.0.1/2", "Second")
    assert failure.reason == "internal error: ZeroDivisionError: planted bug"
    assert any(r.exc_info for r in caplog.records)


@pytest.mark.parametrize("charset", [b"utf\xe9", b"\xff\xfe", b"utf-8\x80"])
def test_a_non_ascii_byte_in_the_content_type_charset(server: ScriptServer,
                                                      settings: FetchSettings,
                                                      charset: bytes) -> None:
    """httpx refused the header (UnicodeEncodeError) and the source failed with
    `internal error`: the charset is only a hint, so the feed is read as if it had none."""
    body = rss([rss_item("g1", link="http://127.0.0.1/1", content=LONG_TEXT)]).encode()
    url = server.route("/feed.xml", Reply(200, body, {
        "Content-Type": b"application/rss+xml; charset=" .decode() + charset.decode("latin-1")}))
    (result,) = fetch_all([Source("s", url, full_text=False)], {}, settings, clock=lambda: NOW)
    assert result.status == "ok", result.error
    assert [i.guid for i in result.items] == ["g1"]
