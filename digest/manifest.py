"""The run manifest: enough to explain and reproduce an issue.

Written to `out/issues/K/manifest.json` and stored with the run in the database. Unlike the
rest of an issue folder it is a record of one run (timings, versions), so it is the one file
that differs between two builds of the same issue.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .atomic import write_atomic
from .configtypes import Config
from .errors import PublishError
from .models import Delivery, Issue, Notification, Period
from .models.fetch import redacted

if TYPE_CHECKING:
    from .collect import CollectReport
    from .store import RunRecord

_PACKAGES = ("digest", "feedparser", "httpx", "trafilatura", "scikit-learn", "jinja2", "nh3")


def versions() -> dict[str, str]:
    import platform  # here, not at import: `digest status` loads this module and never asks
    from importlib import metadata

    out = {"python": platform.python_version()}
    for name in _PACKAGES:
        try:
            out[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            out[name] = "not installed"
    return out


def _base(config: Config, period: Period, run_id: int) -> dict[str, Any]:
    return {
        "run": run_id,
        "period": {"key": period.key, "start": period.start.isoformat(),
                   "end": period.end.isoformat()},
        "config": {"path": str(config.path), "sha256": config.digest},
        # the folder the issue is in (the config's output, or `--out`): `digest status` and
        # `digest send` find an issue built elsewhere by it
        "output": str(config.output),
        "versions": versions(),
    }


def noop(config: Config, period: Period, run_id: int) -> dict[str, Any]:
    info = _base(config, period, run_id)
    info["status"] = "noop"
    info["message"] = f"issue {period.key} is already built; nothing to do (--force rebuilds)"
    return info


def build(config: Config, period: Period, collected: CollectReport | None, issue: Issue | None,
          timings: dict[str, float], run_id: int) -> dict[str, Any]:
    """The manifest of a run that built (or is building) an issue."""
    info = _base(config, period, run_id)
    info["status"] = "ok" if issue is not None else "building"
    info["fetch"] = [] if collected is None else [
        {"source": r.source.name, "url": redacted(r.state.url), "status": r.status,
         "http_status": r.http_status, "error": r.error and redacted(r.error),
         "items": len(r.items),
         "saved": collected.saved.get(r.source.name, {}), "seconds": round(r.seconds, 3)}
        for r in collected.results
    ]
    counts: Counter[str] = Counter()
    if collected is not None:
        counts["fetched"] = sum(len(r.items) for r in collected.results)
        counts["new"] = sum(s.get("new", 0) for s in collected.saved.values())
        counts["updated"] = sum(s.get("updated", 0) for s in collected.saved.values())
        counts["internal_errors"] = collected.internal_errors  # bugs met (tracebacks logged)
        info["cleaning_rules"] = dict(sorted(collected.rules.items()))
    if issue is not None:
        counts.update(a.status for a in issue.articles)
        counts["stories"] = len(issue.stories)
        info["editor"] = issue.editor
        info["notes"] = list(issue.notes)
        # how the Explainer was chosen (what earlier issues explained) or why there is none
        info["explainer"] = issue.explainer.why if issue.explainer else issue.explainer_note
    info["counts"] = dict(sorted(counts.items()))
    info["timings"] = dict(timings)
    results = () if collected is None else collected.results
    info["errors"] = [] if collected is None else (
        [{"source": r.source.name, "error": r.error} for r in results
         if r.error and r.status != "skipped"]
        + [{"article": f.url, "error": f.reason} for f in collected.failed]
    )
    info["skipped"] = [{"source": r.source.name, "reason": r.error} for r in results
                       if r.status == "skipped"]
    return info


def last_build(runs: Iterable[RunRecord], key: str) -> dict[str, Any] | None:
    """The manifest of the newest of `runs` (newest first, as `store.runs()` gives them) that
    built issue `key`; None when none of them did or its manifest is unreadable."""
    for r in runs:
        if r.period != key or r.status != "ok" or not r.manifest:
            continue
        try:
            info = json.loads(r.manifest)
        except ValueError:
            return None
        return info if isinstance(info, dict) and info.get("status") == "ok" else None
    return None


def delivery(d: Delivery | Notification) -> dict[str, Any]:
    return {**asdict(d), "ok": d.ok}


# Who the issue was sent to stays in the database's record of the run (and its delivery
# ledger, which `digest status` reads): out/ is the public site (newsletter.base_url is where
# it is published), so out/issues/K/manifest.json listed every subscriber's address, and each
# channel's URL, to anyone who asked for it. The file counts them by status instead.
_PRIVATE = ("deliveries", "notifications")


def published(info: dict[str, Any]) -> dict[str, Any]:
    """The manifest as out/issues/K/manifest.json holds it: deliveries and notifications
    counted by status, naming no recipient or channel."""
    shown = dict(info)
    for key in _PRIVATE:
        if isinstance(shown.get(key), list):
            shown[key] = dict(sorted(Counter(str(d.get("status")) for d in shown[key]).items()))
    return shown


def dumps(info: dict[str, Any]) -> str:
    return json.dumps(info, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def write(path: Path, info: dict[str, Any]) -> None:
    """Write atomically (no temporary file is left behind, even by a kill)."""
    try:
        write_atomic(path, dumps(info).encode("utf-8"))
    except OSError as exc:
        raise PublishError(f"cannot write {path}: {exc}") from exc
