"""Start-up stays light: a command loads only the stages it runs.

Each command runs in a fresh interpreter (as users run it), then reports which heavy modules
it loaded. The editor's numerical stack (scikit-learn, scipy, numpy) costs seconds to import
and only `build`/`run` need it.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from digest import cli

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples" / "outlets"
EDITOR_STACK = ("sklearn", "scipy", "numpy")

_PROBE = """
import json, sys
from digest.cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exc:  # argparse's --help
    code = exc.code
# (a None entry is a module kept from loading: the cli keeps httpx's own command line out)
loaded = sorted({name.split(".")[0] for name, module in sys.modules.items() if module is not None})
print("\\n" + json.dumps({"code": code, "loaded": loaded}))
"""


def _loaded(*argv: str, cwd: Path) -> tuple[int, set[str]]:
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", _PROBE, *argv], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return report["code"], set(report["loaded"])


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "sources.yaml"
    path.write_text(
        "newsletter: {title: Start-up}\n"
        "sources:\n"
        f"  - {{name: Harbor Ledger, url: '{SAMPLES / 'harbor-ledger' / 'feed.xml'}'}}\n"
        f"  - {{name: Lantern Daily, url: '{SAMPLES / 'lantern-daily' / 'feed.json'}'}}\n",
        encoding="utf-8")
    return path


def _no_editor_stack(argv: tuple[str, ...], loaded: set[str]) -> None:
    heavy = loaded & set(EDITOR_STACK)
    assert not heavy, f"digest {' '.join(argv)} imported {sorted(heavy)}"


@pytest.mark.parametrize("argv", [("--help",), ("sources", "check")], ids=" ".join)
def test_command_does_not_import_the_editor_stack(argv: tuple[str, ...], config: Path) -> None:
    args = argv if argv == ("--help",) else (*argv, "--config", str(config))
    code, loaded = _loaded(*args, cwd=config.parent)
    assert code == 0
    _no_editor_stack(argv, loaded)
    assert "apprise" not in loaded  # notification channels: only for a config that has some


def test_fetch_and_status_do_not_import_the_editor_stack(config: Path) -> None:
    """fetch loads the fetch and clean stages (and stores articles) but not the editor's, nor
    trafilatura when it cleans only feed items (the page extractor is for pages); status loads
    no stage at all."""
    code, fetched = _loaded("fetch", "--config", str(config), cwd=config.parent)
    assert code == 0 and {"httpx", "lxml", "ahocorasick_rs"} <= fetched  # the junk families
    assert "trafilatura" not in fetched
    _no_editor_stack(("fetch",), fetched)
    assert not fetched & {"psycopg", "procrastinate"}  # the embedded store needs no server
    # nor what only odd input needs (feedparser: a broken feed; charset_normalizer: text whose
    # every charset label is wrong; dateutil: a date no strict format reads), nor httpx's own
    # command line (click, pygments)
    assert not fetched & {"feedparser", "charset_normalizer", "dateutil", "click", "pygments"}
    with sqlite3.connect(config.parent / ".digest" / "digest.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM article").fetchone()[0] > 0
    code, status = _loaded("status", "--config", str(config), cwd=config.parent)
    assert code == 0
    _no_editor_stack(("status",), status)
    assert not status & {"httpx", "trafilatura", "lxml", "feedparser", "jinja2", "apprise"}
    # the state folder is there now: status remembered the validated file (configcache), so
    # the next command reads it back without YAML or pydantic
    code, again = _loaded("status", "--config", str(config), cwd=config.parent)
    assert code == 0 and "digest" in again
    assert not again & {"yaml", "pydantic", "pydantic_core"}


def test_a_config_naming_its_database_is_read_back_after_its_first_fetch(config: Path) -> None:
    """The benchmark's and many users' shape: `database:` names a file beside the config, so no
    store makes `.digest`; the first fetch still leaves the validated config for the next.
    The first fetch validated the file in a child process, while it imported the fetch
    layer: the command's own process never loads YAML or pydantic either."""
    with config.open("a", encoding="utf-8") as f:
        f.write("database: digest.sqlite3\n")
    entry = config.parent / ".digest" / (config.name + ".config-cache")
    code, first = _loaded("fetch", "--config", str(config), cwd=config.parent)
    assert code == 0 and entry.is_file()
    assert not first & {"yaml", "pydantic", "pydantic_core"}
    entry.write_bytes(b"stale")  # (an entry that cannot be read: the file is validated again)
    code, again = _loaded("fetch", "--config", str(config), cwd=config.parent)
    assert code == 0 and "digest" in again
    assert not again & {"yaml", "pydantic", "pydantic_core"}
    code, status = _loaded("status", "--config", str(config), cwd=config.parent)
    assert code == 0 and not status & {"yaml", "pydantic"}  # the fetch wrote a fresh entry


def test_a_fetch_reports_a_broken_config_as_any_command_does(config: Path) -> None:
    """The child that validates a changed config for a fetch sends its refusal back: the same
    message (file, line, key), the same exit code as a command that validates in process."""
    text = config.read_text(encoding="utf-8")
    config.write_text(text + "fetch: {concurrency: many}\n", encoding="utf-8")
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(REPO)}
    said = {}
    for command in ("fetch", "status"):
        done = subprocess.run([sys.executable, "-m", "digest", command, "--config", str(config)],
                              cwd=config.parent, env=env, capture_output=True, text=True,
                              timeout=120)
        assert done.returncode == 2, done.stderr
        said[command] = done.stderr
    assert said["fetch"] == said["status"] and "concurrency" in said["fetch"]
    assert f"{config}:" in said["fetch"] or "sources.yaml:" in said["fetch"]


_PARSE_PROBE = """
import sys
from pathlib import Path
from digest.fetch.feeds import ParsedFeed, parse_feed
feed = parse_feed(Path(sys.argv[1]).read_bytes(), "https://harbor.example/feed.xml")
assert isinstance(feed, ParsedFeed) and feed.entries and not feed.refused, feed
broken = len(sys.argv) > 2
if broken:  # invalid XML: only the forgiving parser reads it
    parse_feed(b"<rss><channel><item><title>A & B</title></item></channel></rss>", "https://x.example/")
print("feedparser" in sys.modules)
"""


@pytest.mark.parametrize("broken", [False, True], ids=["well-formed", "broken"])
def test_a_parse_worker_imports_feedparser_only_for_a_feed_that_needs_it(broken: bool) -> None:
    """Each parse worker of a big run parses with `parse_feed`: a well-formed feed is read by
    the strict parser alone, so the worker never pays feedparser's import (~0.1 s); a broken
    one still gets it."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    argv = [sys.executable, "-c", _PARSE_PROBE, str(SAMPLES / "harbor-ledger" / "feed.xml")]
    done = subprocess.run(argv + (["broken"] if broken else []), env=env, capture_output=True,
                          text=True, timeout=120, check=True)
    assert done.stdout.split()[-1] == str(broken)


# The installed `digest` script (pyproject.toml's entry point, as pip's wrapper calls it).
_SCRIPT = ("-c", "import sys; from digest.__main__ import run; sys.argv[0] = 'digest'; run()")


def test_the_installed_script_runs_what_python_m_digest_runs() -> None:
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert scripts["digest"] == "digest.__main__:run"


@pytest.mark.parametrize("launcher", [("-m", "digest"), _SCRIPT], ids=["python-m", "script"])
def test_python_m_digest_ends_with_the_commands_code_and_all_its_output(
        config: Path, launcher: tuple[str, ...]) -> None:
    """`python -m digest` and the `digest` script end the process right after the exit
    handlers (skipping the interpreter's teardown): the output is all there, flushed, and the
    exit code is the command's, whether it returned or failed."""
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, *launcher, "fetch", "--config", str(config)],
                          cwd=config.parent, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == ["Harbor Ledger", "Lantern Daily",
                                                      "Fetched 2 sources"]
    assert all(" new" in line for line in lines)
    missing = subprocess.run([sys.executable, *launcher, "status", "--config",
                              str(config.parent / "missing.yaml")], cwd=config.parent, env=env,
                             capture_output=True, text=True, timeout=120)
    assert missing.returncode == 2 and "missing.yaml" in missing.stderr


def test_the_fetch_command_freezes_the_heap_while_it_collects_and_thaws_it_after(
        config: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What the command built before collecting is out of the collector's reach while the
    fetch runs (its full collections walked all of it), and back in it afterwards, for a
    caller that goes on in the same process."""
    import gc
    import logging

    from digest import commands, load_config

    monkeypatch.chdir(config.parent)
    seen: list[int] = []

    class Spy(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            seen.append(gc.get_freeze_count())

    logger, spy = logging.getLogger("digest"), Spy()
    level = logger.level
    logger.addHandler(spy)
    logger.setLevel(logging.INFO)
    before = gc.get_freeze_count()
    try:
        assert commands.fetch(load_config(config)) == 0
    finally:
        logger.removeHandler(spy)
        logger.setLevel(level)
    assert seen and min(seen) > before  # each source's line is logged while collecting
    assert gc.get_freeze_count() == before


REPORT = ["feed-0: not_modified, 0 item(s), 0 new",
          "Die Zeit: ok (temporarily redirected to https://zeit.de/rss), 20 item(s), 3 new",
          "新闻 (Xinwen): error (HTTP 404 Not Found), 0 item(s), 0 new",
          "x" * 300 + ": ok, 1 item(s), 1 new",
          " Spaced  out : ok, 0 item(s), 0 new"]
MARKED = ["[bold]Loud[/bold]: ok, 1 item(s), 0 new",
          "Smiles :smile: daily: ok, 2 item(s), 2 new",
          "Port: error (cannot connect: http://127.0.0.1:8080/feed), 0 item(s), 0 new",
          "Tabbed\tname: ok, 0 item(s), 0 new",
          "Bell\x07 and \\[escaped]: ok, 0 item(s), 0 new"]


def _rich(lines: list[str], *, terminal: bool) -> str:
    import io

    from rich.console import Console
    from rich.text import Text

    out = io.StringIO()
    Console(file=out, highlight=False, markup=False, emoji=False, soft_wrap=True,
            width=None if terminal else 160, force_terminal=terminal).print(
        Text("\n").join(Text(line) for line in lines))
    return out.getvalue()


@pytest.mark.parametrize("lines", [REPORT, REPORT + MARKED[:1], *([line] for line in MARKED)])
def test_the_fetch_report_is_printed_as_written_and_plain_lines_skip_rich(
        lines: list[str], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Every line is printed as written: "[bold]Loud[/bold]" keeps its brackets, ":smile:" its
    colons (a source named "Tech [/b] News" ended `digest fetch` in "internal error:
    MarkupError"); lines with no control character are printed without rich, any other line
    goes through rich, which drops the control characters."""
    from digest import printing

    consoles: list[object] = []
    real = printing.console
    monkeypatch.setattr(printing, "console", lambda: consoles.append(1) or real())
    printing.print_lines(lines)
    printed = capsys.readouterr().out
    assert printed == _rich(lines, terminal=False)
    plain = not any(c in line for line in lines for c in "\t\x07")
    assert (consoles == []) == plain
    if plain:
        assert printed == _rich(lines, terminal=True) == "\n".join(lines) + "\n"
    assert "\x07" not in printed


# The installed script's way in, with the fetch command replaced by a spy that reports what the
# collector did while the command line started.
_COLLECTOR_PROBE = """
import gc, json, sys
seen = []
gc.callbacks.append(lambda phase, info: seen.append(info["generation"]) if phase == "start" else None)
import digest.commands
def spy(config, **options):
    print(json.dumps({"collections": seen, "enabled": gc.isenabled(),
                      "frozen": gc.get_freeze_count()}))
    return 0
digest.commands.fetch = spy
from digest.__main__ import run
sys.argv = ["digest", *sys.argv[1:]]
seen.clear()
run()
"""


def test_the_command_line_starts_without_the_collector_and_the_command_runs_with_it(
        config: Path) -> None:
    """No collection runs while `digest` starts (its objects are not garbage: they live to
    the end); the command runs with the collector on, what the start-up built frozen out of
    its reach."""
    env = {**os.environ, "NO_COLOR": "1", "PYTHONPATH": str(REPO)}
    done = subprocess.run([sys.executable, "-c", _COLLECTOR_PROBE, "fetch", "--config",
                           str(config)], cwd=config.parent, env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["collections"] == [] and report["enabled"] and report["frozen"] > 1000


def _helps(parser: argparse.ArgumentParser) -> list[str]:
    """The parser's help and usage, and its subcommands' (and theirs), in order."""
    out = [parser.format_help(), parser.format_usage()]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                out.extend(_helps(sub))
    return out


@pytest.mark.parametrize("columns", [None, "57", "123", "0", "wide"])
def test_help_is_laid_out_as_argparse_lays_it_out(columns: str | None,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line learns the terminal's width without shutil (cli._columns): every
    help and usage text is what argparse's own formatter, asking shutil, lays out."""
    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    ours = _helps(cli._parser())
    monkeypatch.setattr(cli, "_Parser", argparse.ArgumentParser)
    assert ours == _helps(cli._parser())
    assert len(ours) > 20
