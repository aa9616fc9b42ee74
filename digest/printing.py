"""How the commands print: the console (wide tables when piped), the run's stage progress,
a report's lines (as they are, without rich, when they hold no control character), and the
deliveries, notifications and sources' health a command reports. commands.py calls these;
rich is imported only by what prints with it.

Nothing printed is read as rich markup or emoji codes: what the commands print is the user's
and the servers' words (source names, titles, errors), and a source named "Tech [/b] News" or
an issue titled "Markup [/] Weekly" made `digest fetch`, `run` and `sources check` end in
"internal error: MarkupError" (after the issue was built), and "[bold]Loud[/bold]" lost its
brackets in the health table.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING, Any

from . import logs

if TYPE_CHECKING:
    from rich.console import Console

    from .models import Delivery, Notification, SourceHealth
    from .store import RunRecord

log = logging.getLogger("digest")
_STAGES = ("fetch", "edit", "render", "publish", "send")


def console() -> Console:
    from rich.console import Console

    # Piped output (cron mail, logs, tests) gets wide tables instead of rich's 80 columns.
    return Console(highlight=False, markup=False, emoji=False, soft_wrap=True,
                   width=None if sys.stdout.isatty() else 160)


class StageProgress(AbstractContextManager["StageProgress"]):
    """A rich progress bar over the run's stages on a terminal; log lines otherwise."""

    def __init__(self) -> None:
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> StageProgress:
        if logs.interactive():
            from rich.console import Console
            from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

            self._progress = Progress(TextColumn("{task.description:<12}"), BarColumn(),
                                      TimeElapsedColumn(), console=Console(stderr=True),
                                      transient=True)
            self._progress.__enter__()
            self._task = self._progress.add_task("starting", total=len(_STAGES))
        return self

    def __call__(self, stage: str) -> None:
        if self._progress is not None:
            done = _STAGES.index(stage) if stage in _STAGES else 0
            self._progress.update(self._task, description=stage, completed=done)
        else:
            log.info("stage: %s", stage)

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.__exit__(None, None, None)


# What rich would not print as it is: a control character (rich drops it: no terminal escape
# from a server's error reaches the terminal)
_NOT_PLAIN = re.compile(r"[\x00-\x1f\x7f]")


def print_lines(lines: Sequence[str]) -> None:
    """A report's lines, all printed at once (a print each was 0.12 s for 500 sources, at the
    very end of the run), as text: written as they are, without rich (whose import and
    rendering were ~30 ms of CPU at the end of every `digest fetch`), unless one holds a
    control character, which rich's console drops."""
    if not lines:
        return
    if not any(_NOT_PLAIN.search(line) for line in lines):
        sys.stdout.write("\n".join(lines) + "\n")
        return
    from rich.text import Text

    console().print(Text("\n").join(Text(line) for line in lines))


_VERBS = {"planned": "would send to", "sent": "sent to", "failed": "NOT sent to",
          "unknown": "outcome UNKNOWN for", "sending": "outcome UNKNOWN for"}


def delivery_error(d: Delivery) -> str:
    """A delivery's error as printed after its recipient and its verb: without what they
    already say, the recipient the stored error opens with ("NOT sent to bob@x.org:
    bob@x.org: cannot reach …") and, in doubt, its "outcome unknown" ("outcome UNKNOWN for
    bob@x.org: outcome unknown, so not retried: …")."""
    said = (d.error or "").removeprefix(f"{d.recipient}: ")
    return said.removeprefix("outcome unknown, so ") if d.status in ("unknown", "sending") \
        else said


def print_deliveries(out: Console, deliveries: Sequence[Delivery], indent: str = "") -> None:
    for d in deliveries:
        out.print(f"{indent}{_VERBS[d.status]} {d.recipient}" + (f": {delivery_error(d)}"
                                                                  if d.error and not d.ok else ""))


def print_failed_deliveries(out: Console, failed: Sequence[Delivery]) -> None:
    """`digest status`: the recipients the newest issue did not reach (status.failed_deliveries)."""
    if not failed:
        return
    key = failed[0].issue
    out.print(f"Deliveries failed for {key}: {len(failed)} (tried again by the next "
              f"`digest run --period {key}` or `digest send --period {key}`):")
    for d in failed:
        out.print(f"  {d.recipient}  {delivery_error(d)}".rstrip())


_CHANNEL_VERBS = {"planned": "would notify", "sent": "notified", "failed": "NOT notified",
                  "unknown": "outcome UNKNOWN for", "sending": "outcome UNKNOWN for"}


def print_notifications(out: Console, notes: Sequence[Notification], indent: str = "") -> None:
    for n in notes:
        detail = n.error if not n.ok else n.sent
        retry = (f" (tried again by the next `digest run` or `digest send` of {n.issue})"
                 if n.status == "failed" else "")
        out.print(f"{indent}{_CHANNEL_VERBS[n.status]} {n.channel}"
                  + (f": {detail}" if detail else "") + retry)


def print_failures(out: Console, health: list[SourceHealth]) -> None:
    for status, verb in (("error", "failed"), ("skipped", "skipped")):
        bad = [h for h in health if h.status == status]
        if bad:
            out.print(f"  {len(bad)} of {len(health)} source(s) {verb}: "
                      + "; ".join(f"{h.name} ({h.error})" for h in bad))


_ERROR_CHARS = 300  # a parser's message can run on; a table cell need not


def _cell(error: str | None) -> str:
    error = error or ""
    return error if len(error) <= _ERROR_CHARS else error[:_ERROR_CHARS - 1] + "…"


def print_runs(out: Console, runs: Sequence[RunRecord]) -> None:
    """`digest status`'s last runs, each error folded to its end (cut at 80 characters, "not
    sent: it is empty because every source failed (" lost what to do)."""
    from rich.table import Table

    table = Table(title="Last runs")
    for col in ("#", "command", "period", "started", "status"):
        table.add_column(col)
    table.add_column("error", overflow="fold")
    for r in runs:
        table.add_row(str(r.id), r.command, r.period or "", r.started_at.isoformat(" ", "seconds"),
                      r.status, _cell(r.error))
    out.print(table)


def print_health(out: Console, health: list[SourceHealth], *, title: str) -> None:
    from rich.table import Table

    table = Table(title=title)
    for col in ("source", "status", "HTTP", "items", "new", "failures", "seconds"):
        table.add_column(col)
    # Folded, not cut: the end of an error is often what to act on (the URL of "an HTML page,
    # not a feed, and it advertises no feed: http://…" was cut at its host).
    table.add_column("error / warning", overflow="fold")
    for h in health:
        table.add_row(h.name, h.status, str(h.http_status or ""), str(h.items), str(h.new_items),
                      str(h.consecutive_failures), f"{h.seconds:.2f}", _cell(h.error))
    out.print(table)
