"""Short by design, and an empty default period explained: the bundled demo, offline, in
process, with a fixed clock."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from digest import periods
from digest.config import Config, load_config
from digest.errors import ConfigError
from digest.pipeline import run

from ..conftest import Hook
from .conftest import PERIOD, REPO

AFTER_W47 = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)  # Monday 09:00 in Shanghai: W47 is done
WEEKS_LATER = datetime(2026, 12, 9, 1, 0, tzinfo=UTC)  # default period: 2026-W49


def _demo(tmp_path: Path, **newsletter: object) -> Config:
    config = load_config(REPO / "sources.yaml")
    return replace(config, output=tmp_path / "out", database=tmp_path / "db.sqlite3",
                   newsletter=replace(config.newsletter, **newsletter))  # type: ignore[arg-type]


def test_an_empty_default_period_says_which_period_has_the_articles(tmp_path: Path) -> None:
    config = _demo(tmp_path)
    report = run(config, clock=lambda: WEEKS_LATER)
    assert report.period.key == "2026-W49" and not report.build.issue.stories  # type: ignore[union-attr]
    note = report.explained or ""
    assert "No stored article was published in 2026-W49" in note
    assert "`digest run --period 2026-W47`" in note and "published on 2026-11-2" in note
    full = run(config, clock=lambda: AFTER_W47)  # a week with articles needs no note
    assert full.period.key == PERIOD and full.explained is None


def test_an_explicit_period_gets_no_note(tmp_path: Path) -> None:
    config = _demo(tmp_path)
    report = run(config, periods.week("2026-W49", "Asia/Shanghai"), clock=lambda: WEEKS_LATER)
    assert not report.build.issue.stories and report.explained is None  # type: ignore[union-attr]


def test_an_empty_store_gets_no_note(tmp_path: Path) -> None:
    """Nothing stored, nothing to point at: the quiet issue says enough."""
    config = replace(_demo(tmp_path), sources=())
    assert run(config, clock=lambda: WEEKS_LATER).explained is None


def test_a_quiet_week_is_short_and_says_so_in_one_line(tmp_path: Path,
                                                        hook: tuple[str, type[Hook]]) -> None:
    host, handler = hook
    config = replace(_demo(tmp_path, min_stories=20), notify=(f"json://{host}/ok",))
    report = run(config, clock=lambda: AFTER_W47)
    issue = json.loads((report.build.folder / "issue.json").read_text("utf-8"))  # type: ignore[union-attr]
    assert issue["intro"] == ("A quiet week: 10 stories on our topics (we wait for 20), so this "
                              "issue is short.")
    assert report.held is None and [n.status for n in report.notifications] == ["sent"]
    assert len(handler.got) == 1


def test_send_empty_false_publishes_a_quiet_week_but_sends_nothing(
        tmp_path: Path, hook: tuple[str, type[Hook]]) -> None:
    host, handler = hook
    config = replace(_demo(tmp_path, min_stories=20, send_empty=False),
                     notify=(f"json://{host}/ok",))
    report = run(config, clock=lambda: AFTER_W47)
    assert report.held == ("Not sent: 10 stories, fewer than min_stories (20), and send_empty "
                           "is false; the issue is on the site only.")
    assert report.notifications == () and report.deliveries == () and handler.got == []
    assert (tmp_path / "out" / "issues" / PERIOD / "index.html").is_file()
    manifest = json.loads((report.build.folder / "manifest.json").read_text("utf-8"))  # type: ignore[union-attr]
    assert manifest["held"] == report.held
    again = run(config, clock=lambda: AFTER_W47)  # built already: still nothing is sent
    assert again.noop and again.held == report.held and handler.got == []
    # enough stories for the threshold: the same week is sent
    enough = replace(config, newsletter=replace(config.newsletter, min_stories=10))
    assert [n.status for n in run(enough, clock=lambda: AFTER_W47).notifications] == ["sent"]


@pytest.mark.parametrize(("line", "words"), [("  min_stories: -1", "greater than or equal to 0"),
                                             ("  min_stories: many", "valid integer"),
                                             ("  send_empty: perhaps", "valid boolean")])
def test_bad_short_by_design_settings_are_config_errors(tmp_path: Path, line: str,
                                                        words: str) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(f"newsletter:\n  title: T\n{line}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=rf"sources.yaml:3: newsletter\.\w+: .*{words}"):
        load_config(path)


MID_W47 = datetime(2026, 11, 19, 4, 0, tzinfo=UTC)  # Thursday noon in Shanghai: W47 runs on


def test_an_issue_built_before_its_week_ends_is_sent_only_once_rebuilt_after(
        tmp_path: Path, hook: tuple[str, type[Hook]]) -> None:
    # `digest run --period` of the current week (or a typo's future one) sent the half-week's
    # issue and marked the week done: its later stories were never sent (qa40a).
    host, handler = hook
    config = replace(_demo(tmp_path), notify=(f"json://{host}/ok",))
    week = periods.week(PERIOD, "Asia/Shanghai")
    early = run(config, week, clock=lambda: MID_W47)
    assert early.held is not None and early.held.startswith(
        "Not sent: 2026-W47 has not ended yet (it ends 2026-11-23 00:00)")
    assert early.notifications == () and handler.got == []
    assert (tmp_path / "out" / "issues" / PERIOD / "index.html").is_file()
    again = run(config, week, clock=lambda: MID_W47)  # still early: nothing sent
    assert again.noop and again.held == early.held and handler.got == []
    after = run(config, week, clock=lambda: AFTER_W47)  # the week is over: rebuilt, sent
    assert not after.noop and after.held is None
    assert [n.status for n in after.notifications] == ["sent"] and len(handler.got) == 1
    last = run(config, week, clock=lambda: AFTER_W47)  # done now: never twice
    assert last.noop and len(handler.got) == 1


def test_a_clock_set_back_is_said_and_a_done_issue_still_gets_its_pending_sends(
        tmp_path: Path, hook: tuple[str, type[Hook]], caplog: pytest.LogCaptureFixture) -> None:
    """W47 built on Monday, its channel failing; then the clock is set back into W47: the next
    run said nothing of the clock and held the pending send as 'not ended yet ... the first
    run after it ends rebuilds and sends it', which it never would (the issue is done)."""
    host, handler = hook
    config = replace(_demo(tmp_path), notify=(f"json://{host}/fail",))
    week = periods.week(PERIOD, "Asia/Shanghai")
    built = run(config, week, clock=lambda: AFTER_W47)
    assert [n.status for n in built.notifications] == ["failed"]
    handler.failing = False
    again = run(config, week, clock=lambda: MID_W47)
    assert "earlier than the start of an earlier run" in caplog.text
    assert "was it set back?" in caplog.text
    assert again.noop and again.held is None
    assert [n.status for n in again.notifications] == ["sent"]
