"""When a failed fetch is tried again and when its error is stored: RetryPolicy as data."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from digest.models import FetchResult, FetchState, Source

worker = pytest.importorskip("digest.distributed.worker", reason="needs digest[postgres]")
NOW = datetime(2026, 3, 4, 12, tzinfo=UTC)
SOURCE = Source(name="s", url="http://x/feed")


def result(status: str = "error", http: int | None = None,
           not_before: datetime | None = None) -> FetchResult:
    return FetchResult(source=SOURCE, status=status,  # type: ignore[arg-type]
                       state=FetchState(source="s", url=SOURCE.url, not_before=not_before),
                       http_status=http)


def test_retry_after_postpones_the_job_to_that_time_until_the_defers_are_spent() -> None:
    policy = worker.RetryPolicy(attempts=3, defers=2)
    later = NOW + timedelta(minutes=5)
    assert policy.retry_at(result(http=503, not_before=later), 0, NOW) == later
    assert policy.retry_at(result(http=503, not_before=later), 1, NOW) == later
    # spent: a 503 is still transient, but the attempts are spent too
    assert policy.retry_at(result(http=503, not_before=later), 2, NOW) is None


def test_transient_failures_back_off_then_are_stored() -> None:
    policy = worker.RetryPolicy(attempts=3, backoff=10.0)
    for http in (None, 500, 503, 429):
        first = policy.retry_at(result(http=http), 0, NOW)
        second = policy.retry_at(result(http=http), 1, NOW)
        assert first is not None and second is not None
        assert timedelta(seconds=7.5) <= first - NOW <= timedelta(seconds=12.5)
        assert timedelta(seconds=15) <= second - NOW <= timedelta(seconds=25)  # doubled
        assert policy.retry_at(result(http=http), 2, NOW) is None  # third try: stored


def test_success_and_permanent_failures_are_stored_at_once() -> None:
    policy = worker.RetryPolicy()
    assert policy.retry_at(result("ok", 200), 0, NOW) is None
    assert policy.retry_at(result("not_modified", 304), 0, NOW) is None
    for http in (404, 410, 200):  # 200: not a feed
        assert policy.retry_at(result(http=http), 0, NOW) is None


def test_the_queue_commands_need_a_postgresql_database(tmp_path: object,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    from pathlib import Path

    from digest.cli import main

    path = Path(str(tmp_path)) / "sources.yaml"
    path.write_text("newsletter: {title: T}\nsources: []\n")
    assert main(["worker", "--config", str(path)]) == 2
    assert main(["fetch", "--enqueue", "--config", str(path)]) == 2
    assert capsys.readouterr().err.count("needs a shared PostgreSQL database") == 2
    assert not (path.parent / ".digest").exists()  # nothing was started or created
