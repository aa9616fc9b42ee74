"""Distributed fetching on PostgreSQL (procrastinate): a planner queues the due feeds, workers on
any machine fetch, clean and store them, a build waits for the wave (docs/deployment.md).

    enqueue(config, interval) -> Plan       `digest fetch --enqueue`: queue the due feeds
    wait_for_wave(config, seconds) -> [..]  `digest build --wait`: the feeds still pending
    work(config, WorkerSettings)            `digest worker`: run a worker until stopped

Needs `database: postgresql://…` and the `digest[postgres]` extra; nothing here is imported on
the embedded SQLite path.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from ..errors import ConfigError

if TYPE_CHECKING:
    from ..configtypes import Config
    from .plan import Chunks, Plan
    from .worker import WorkerSettings

__all__ = ["enqueue", "wait_for_wave", "work"]


def _url(config: Config, what: str) -> str:
    if not config.database_url:
        raise ConfigError(f"{what} needs a shared PostgreSQL database: set `database: "
                          "postgresql://user@host/db` in the config (docs/deployment.md)",
                          path=str(config.path), key="database")
    return config.database_url


def enqueue(config: Config, interval: float, chunks: Chunks | None = None) -> Plan:
    """Register the config's sources as feeds and queue the due ones in jobs (`chunks`: how
    a wave is cut, plan.CHUNKS by default)."""
    from ..store.postgres import PostgresStore
    from . import plan

    with contextlib.closing(PostgresStore(_url(config, "digest fetch --enqueue"))) as store:
        plan.ensure_queue(store._conn)
        plan.register(store._conn, config.sources, interval)
        return plan.enqueue(store._conn, [s.name for s in config.sources],
                            chunks or plan.CHUNKS)


def wait_for_wave(config: Config, seconds: float) -> list[str]:
    """Wait up to `seconds` for the config's feeds to have no job left; those that still do."""
    from ..store.postgres import PostgresStore
    from . import plan

    if not config.database_url:
        return []  # the embedded store has no queue: nothing is ever pending
    with contextlib.closing(PostgresStore(config.database_url)) as store:
        plan.ensure_queue(store._conn)
        return plan.wait_for_wave(store._conn, [s.name for s in config.sources], seconds)


def work(config: Config, settings: WorkerSettings) -> None:
    """Run a fetch worker with the config's fetch settings (politeness, timeouts, caps)."""
    from .worker import run_worker

    run_worker(_url(config, "digest worker"), config.fetch, settings)
