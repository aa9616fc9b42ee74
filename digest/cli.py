"""The command line: a thin layer over the library. The only module that prints.

Exit codes: 0 ok · 1 failure · 2 usage or configuration error · 3 (`digest status`) a delivery
in doubt · 75 temporary failure (another run holds the lock; try again later).
"""

from __future__ import annotations

import argparse
import gc
import logging
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from . import logs, periods
from .errors import CleanError, ConfigError, DigestError, LockedError
from .models import Period

if TYPE_CHECKING:
    from .configcache import Loaded
    from .configtypes import Config

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_TEMPFAIL = 0, 1, 2, 75
log = logging.getLogger("digest")


_EXIT_CODES = ("exit codes: 0 ok, 1 failure (a recipient not sent to, a source that failed "
               "`sources check`, every source failing `fetch`), 2 usage or configuration error, "
               "3 `digest status`: a delivery or notification in doubt (decide with `digest "
               "send --period K --resend`), "
               "75 another run holds the lock (try again later), 130 interrupted")

_RESEND: dict[str, Any] = {
    "nargs": "?", "const": "unknown", "default": "none", "choices": ("unknown", "all"),
    "metavar": "unknown|all",
    "help": "send again to the recipients whose delivery is unknown (a crash or a drop after "
            "the message was handed over; see `digest status`), or =all to everyone"}


def _columns() -> int:
    """The terminal's width as shutil.get_terminal_size reads it ($COLUMNS, else the
    terminal of stdout, else 80), without importing shutil (and bz2 and lzma with it:
    ~2 ms of every command's start), which argparse's formatter would do to learn it."""
    try:
        columns = int(os.environ.get("COLUMNS", "0"))
    except ValueError:
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, the width given (argparse makes one of these for every
    argument it adds, to check it, and each would ask shutil for the width)."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=_columns() - 2)


class _Parser(argparse.ArgumentParser):
    """argparse's parser, formatting with `_Formatter` (its subcommands' parsers too: they
    are made by the parser's own class)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)


def _parser() -> argparse.ArgumentParser:
    common = _Parser(add_help=False)
    common.add_argument("--config", "-c", metavar="PATH",
                        default=os.environ.get("DIGEST_CONFIG", "sources.yaml"),
                        help="configuration file (default: $DIGEST_CONFIG or ./sources.yaml)")
    common.add_argument("-v", "--verbose", action="count", default=0, help="more output")
    common.add_argument("-q", "--quiet", action="count", default=0, help="less output")
    common.add_argument("--log-format", choices=("plain", "json"), default="plain",
                        help="log lines as text (default) or one JSON object each")
    period = _Parser(add_help=False)
    period.add_argument("--period", metavar="KEY",
                        help="ISO week such as 2026-W10 (default: the last complete week)")
    period.add_argument("--since", metavar="DATE", help="first day (YYYY-MM-DD), with --until")
    period.add_argument("--until", metavar="DATE", help="last day (YYYY-MM-DD), with --since")
    period.add_argument("--out", metavar="DIR", help="output folder (default: from the config)")

    p = _Parser(prog="digest", description="Turn sources into a newsletter issue.",
                epilog=_EXIT_CODES)
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    r = sub.add_parser("run", parents=[common, period], epilog=_EXIT_CODES,
                       help="fetch, clean, edit, render, publish and send an issue",
                       description="Fetch every source, then edit, render and publish the issue "
                                   "of a period in the output folder, and send it to the "
                                   "configured recipients (--no-send: build only). An issue "
                                   "already built is rebuilt only with --force, and nobody is "
                                   "sent it twice.")
    r.add_argument("--force", action="store_true", help="rebuild an issue that already exists")
    r.add_argument("--resend", **_RESEND)
    r.add_argument("--no-send", action="store_true", help="build only; send nothing")
    r.add_argument("--no-fetch", action="store_true", help="use only what the store holds")
    f = sub.add_parser("fetch", parents=[common],
                       help="fetch and clean every source into the store")
    f.add_argument("--enqueue", action="store_true",
                   help="queue the due feeds for `digest worker` instead (PostgreSQL database)")
    f.add_argument("--interval", type=float, default=3600.0, metavar="SECONDS",
                   help="with --enqueue: a feed checked less than this long ago is not due "
                        "(default 3600)")
    b = sub.add_parser("build", parents=[common, period],
                       help="edit, render and publish from the store (no fetching)")
    b.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                   help="first wait up to this long for the queued feeds to be fetched "
                        "(PostgreSQL database) and say which are still pending")
    w = sub.add_parser("worker", parents=[common],
                       help="fetch queued feeds (PostgreSQL database; run one per machine or more)")
    w.add_argument("--concurrency", type=int, default=8, metavar="N",
                   help="feeds fetched at a time by this worker (default 8)")
    w.add_argument("--heartbeat", type=float, default=10.0, metavar="SECONDS",
                   help="seconds between heartbeats; a worker silent 3 times as long is dead "
                        "and its jobs are queued again (default 10)")
    w.add_argument("--drain", action="store_true",
                   help="stop when no job is ready instead of waiting for more")
    s = sub.add_parser("send", parents=[common], help="send a built issue over SMTP",
                       epilog=_EXIT_CODES,
                       description="Send a built issue to every recipient who has not had it, "
                                   "and its brief to every notify: channel that has not.")
    s.add_argument("--period", metavar="KEY",
                   help="issue key: an ISO week such as 2026-W10, or FIRST_LAST (2026-03-02_"
                        "2026-03-08) for an issue built with --since/--until (default: the "
                        "last complete week)")
    s.add_argument("--out", metavar="DIR",
                   help="the output folder it was built in (default: from the config)")
    s.add_argument("--dry-run", action="store_true", help="say who would get it; send nothing")
    s.add_argument("--resend", **_RESEND)
    src = sub.add_parser("sources", help="check, add, remove, import or export sources")
    ssub = src.add_subparsers(dest="sources_command", required=True, metavar="ACTION")
    ssub.add_parser("check", parents=[common], help="validate the config and probe each source")
    imp = ssub.add_parser("import", parents=[common], help="add the feeds of an OPML file")
    imp.add_argument("file", metavar="FILE.opml")
    ssub.add_parser("export", parents=[common], help="print the sources as OPML")
    add = ssub.add_parser("add", parents=[common],
                          help="add a feed (or a page that advertises one) to the config")
    add.add_argument("url", metavar="URL", help="a feed, a site's page, or a local path")
    add.add_argument("--name", help="the source's name (default: the feed's own title)")
    add.add_argument("--no-check", dest="check", action="store_false",
                     help="add it without fetching it first")
    rem = ssub.add_parser("remove", parents=[common],
                          help="take a source out of the config (its comment too)")
    rem.add_argument("name", metavar="NAME", help="the source's name in the config")
    ena = ssub.add_parser("enable", parents=[common],
                          help="fetch a source again that was disabled (410 Gone) or told to wait")
    ena.add_argument("name", metavar="NAME", help="the source's name in the config")
    c = sub.add_parser("clean", parents=[common], help="print the cleaned article of files")
    c.add_argument("files", nargs="+", metavar="FILE", help="HTML (or text) files; - for stdin")
    c.add_argument("--url", help="the page's URL (resolves links, helps metadata)")
    c.add_argument("--text", action="store_true", help="input is plain text, not HTML")
    c.add_argument("--newsletter", action="store_true", help="strip newsletter greeting/sign-off")
    c.add_argument("--format", choices=("text", "json", "jsonl"), default="text")
    sub.add_parser("status", parents=[common], help="last runs, next run, failing sources")
    sub.add_parser("schedule", parents=[common], help="run every period on the configured schedule")
    return p


def _load(args: argparse.Namespace) -> Loaded:
    # pydantic looks for plugins in every installed package's entry points when the first model
    # is defined (about 40 ms of a 0.3 s `digest status`); the command line uses none. A user's
    # own setting of the variable wins.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from . import configcache  # YAML and pydantic only when the file changed; not for --help

    fetches = args.command == "run" or (args.command == "fetch" and not args.enqueue)
    return configcache.read(args.config, meanwhile=_fetch_imports if fetches else None)


def _fetch_imports() -> None:
    """What a fetch imports before its first request (the commands, the store, the fetch
    layer with httpx) and for a report at its end that holds a control character (rich):
    while a changed config is validated in a child process (configcache.read)."""
    import rich.console
    import rich.text  # noqa: F401

    from . import commands  # noqa: F401
    from .fetch import parsepool, runner  # noqa: F401


def _with_args(config: Config, args: argparse.Namespace) -> Config:
    out = getattr(args, "out", None)
    return replace(config, output=Path(out).resolve()) if out else config


def _period(args: argparse.Namespace, config: Config) -> Period | None:
    tz = config.newsletter.timezone
    if getattr(args, "since", None) or getattr(args, "until", None):
        if not (args.since and args.until):
            raise ConfigError("--since and --until go together")
        return periods.date_range(args.since, args.until, tz)
    return periods.parse(args.period, tz) if getattr(args, "period", None) else None


def main(argv: Sequence[str] | None = None, *, collector_off: bool = False) -> int:
    """`collector_off`: the caller (`__main__.run`) turned the cyclic collector off for the
    start-up; it is turned back on as the command begins (`_begin`)."""
    args = _parser().parse_args(argv)
    logs.setup(verbosity=args.verbose - args.quiet, fmt=args.log_format)
    try:
        return _dispatch(args, collector_off)
    except ConfigError as exc:
        log.error("%s", exc)
        return EXIT_USAGE
    except LockedError as exc:
        log.error("%s", exc)
        return EXIT_TEMPFAIL
    except DigestError as exc:
        log.error("%s", exc)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        log.error("interrupted; the database and out/ are left consistent")
        return 130
    except Exception as exc:  # a bug, not a user error: one line, the traceback with -v
        log.error("internal error: %s: %s (run with -v for the traceback)", type(exc).__name__,
                  exc)
        log.debug("traceback", exc_info=True)
        return EXIT_FAILURE


def _dispatch(args: argparse.Namespace, collector_off: bool = False) -> int:
    if args.command == "clean":  # needs no config and none of the other stages
        _begin(collector_off)
        return clean_files(args.files, url=args.url, text=args.text,
                           newsletter=args.newsletter, fmt=args.format, out=sys.stdout)
    from . import configcache

    # httpx imports its own command-line tool when imported (click, pygments, rich.progress:
    # ~30 ms before a fetch's first request); this process never runs it, and without it
    # `httpx.main` only says the tool is not installed.
    sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
    loaded = _load(args)
    # The validated config is remembered now if its folder is there, else once the command has
    # made its store (configcache.remember), so the next command skips YAML and pydantic.
    remembered = configcache.remember(loaded)
    try:
        return _command(args, _with_args(loaded.config, args), collector_off)
    finally:
        if not remembered:
            configcache.remember(loaded)


def _command(args: argparse.Namespace, config: Config, collector_off: bool = False) -> int:
    # Imported here so `digest --help`, `digest clean` and config errors stay fast and light.
    from . import commands

    _begin(collector_off)
    if args.command == "run":
        return commands.run(config, _period(args, config), force=args.force, resend=args.resend,
                            send=not args.no_send, fetch=not args.no_fetch)
    if args.command == "fetch":
        if args.enqueue:
            return commands.enqueue(config, interval=args.interval)
        return commands.fetch(config, every=args.verbose > 0)
    if args.command == "build":
        return commands.build(config, _period(args, config), wait=args.wait)
    if args.command == "worker":
        return commands.worker(config, concurrency=args.concurrency, heartbeat=args.heartbeat,
                               drain=args.drain)
    if args.command == "send":
        return commands.send(config, _period(args, config), dry_run=args.dry_run,
                             resend=args.resend)
    if args.command == "status":
        return commands.status(config)
    if args.command == "schedule":
        return commands.schedule(config)
    if args.command == "sources":
        action: dict[str, Any] = {
            "check": lambda: commands.sources_check(config),
            "import": lambda: commands.sources_import(config, Path(args.file)),
            "export": lambda: commands.sources_export(config),
            "add": lambda: commands.sources_add(config, args.url, args.name, check=args.check),
            "enable": lambda: commands.sources_enable(config, args.name),
            "remove": lambda: commands.sources_remove(config, args.name),
        }
        return int(action[args.sources_command]())
    raise AssertionError(args.command)  # argparse guarantees a known command


def _begin(collector_off: bool) -> None:
    """The command's own work begins: a collector turned off for the start-up (`main`) is on
    again, and what the start-up built (the modules, the config: none of it garbage, all of it
    kept to the end) is frozen out of its reach. Its collections walked all of that again and
    again while the command line started (1.8 ms of a warm `digest fetch`'s start)."""
    if collector_off:
        gc.freeze()
        gc.enable()


def clean_files(files: list[str], *, url: str | None, text: bool, newsletter: bool, fmt: str,
                out: IO[str]) -> int:
    """Clean each file; one line on stderr for each that cannot be, exit 1 if any could not."""
    from .clean import clean_many, format_cleaned

    status = 0
    for name, page in clean_many(files, url=url, text=text, newsletter=newsletter):
        if isinstance(page, CleanError):
            log.error("%s: %s", name, page)
            status = 1
            continue
        if fmt == "text" and len(files) > 1 and out is sys.stdout:
            out.write(f"==> {name} <==\n")
        out.write(format_cleaned(page, fmt, source=None if name == "-" else name).rstrip("\n"))
        out.write("\n\n" if fmt == "text" else "\n")
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
