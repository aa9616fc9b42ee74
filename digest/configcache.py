"""A validated config, remembered, so a command does not pay for YAML and pydantic each time.

Reading `sources.yaml` means importing PyYAML and pydantic and building the schema: about half
of what `digest status` costs. The command line (`cli`) reads the config through `read` and `remember`:
while the file is unchanged, the `Config` that `config.load_config` built last time is read
back from `<folder of the file>/.digest/<file name>.config-cache`, without either library.

The entry is written into that `.digest` folder when it exists (the default store's), and
also when the config's own SQLite database exists in the config's folder or below it: that
folder already holds the config's state, so `.digest` is made there for the entry. The command
line asks again once the command is over, so the first `digest fetch` of a config that names
its database beside it leaves the entry for the next. A command that stops before any store
exists leaves nothing behind, and a database kept elsewhere (`/var/lib/…` for a config in
`/etc/…`) never makes a folder beside the config.

The entry is used only when all of these are what they were when it was written:
- the file's bytes and resolved path, digest's version and the source of the modules that
  define and build a `Config` (so an edited checkout never reads an old shape back);
- every other file the validation looked at (`Dependency`): the recipients file (its addresses
  were checked), whether a `templates/` folder sits beside the config, and the templates folder
  the config names.

A config with notification channels is never remembered: whether a channel can be used depends
on the environment (`${NAME}` is checked at load), and such a config loads Apprise anyway. Nor is
one whose unsubscribe link has a {token}: its secret is checked in the environment at load.
Anything wrong with the entry (missing, unreadable, stale, written by another version, holding
anything but the config's own types) means a normal load, which writes a fresh one; a folder
that cannot be written just goes without. Errors are never remembered: a broken file is read
and reported, with its line, every time.
"""

from __future__ import annotations

import io
import logging
import os
import pickle
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from . import __version__
from .configtypes import Config
from .errors import ConfigError

log = logging.getLogger("digest")

FOLDER = ".digest"
SUFFIX = ".config-cache"
_FORMAT = 2
# The modules whose source decides what a Config is and how it is built from the file.
_BUILDERS = ("config.py", "configschema.py", "configtypes.py", "configfile.py", "models/config.py",
             "addresses.py")


@dataclass(frozen=True)
class Dependency:
    """A file the validation read, and what it looked like then (None: it was not there)."""

    path: str
    seen: tuple[int, int, int] | None  # (kind, size, mtime in ns)


@dataclass(frozen=True)
class Entry:
    """What `read` trusts: the entry of `key` (`_key`) holding `config`, valid while each of
    its `dependencies` is as it was."""

    format: int
    key: bytes
    dependencies: tuple[Dependency, ...]
    config: Config


@dataclass(frozen=True)
class Loaded:
    """A config as read, with the entry still to be written for it (None: read from the cache,
    or one never to be remembered)."""

    path: Path
    config: Config
    entry: Entry | None


def load(path: str | Path) -> Config:
    """The config in `path`, from the cache when it is still valid (raises ConfigError)."""
    loaded = read(path)
    remember(loaded)
    return loaded.config


def read(path: str | Path, *, meanwhile: Callable[[], object] | None = None) -> Loaded:
    """The config in `path` and what to remember of it; writes nothing (raises ConfigError).
    `meanwhile`: what the caller needs next (its imports), run while a changed file is
    validated in a child process when this one may fork (`_validated_beside`)."""
    path = Path(path)
    key = _key(path)
    hit = _read(cache_file(path), key) if key is not None else None
    if hit is not None:
        return Loaded(path, hit, None)
    config = _validated_beside(path, meanwhile) if meanwhile is not None else None
    if config is None:
        from .config import load_config  # YAML and pydantic: only now

        config = load_config(path)
    if key is None or config.notify or config.email.unsubscribe_secret_env:
        return Loaded(path, config, None)
    return Loaded(path, config, Entry(_FORMAT, key, dependencies(config), config))


def _validated_beside(path: Path, meanwhile: Callable[[], object]) -> Config | None:
    """The file validated by a forked child while this process runs `meanwhile`; None when
    no child could do it (this process then validates it itself, as without `meanwhile`).

    Validating means importing PyYAML and pydantic and building the schema, most of a
    changed config's cost (0.17 s of a 500-source `digest fetch`'s start-up, with every other
    core idle): the child does that while this process imports what its command needs next,
    and sends back the `Config` (or the `ConfigError`, raised here as it was raised there).
    A child that fails otherwise (a bug, a signal) sends nothing, and the file is read here,
    where the failure happens again with its traceback."""
    from .workers import fork_is_safe

    if not fork_is_safe():
        return None
    readable, writable = os.pipe()
    try:
        child = os.fork()
    except OSError:
        os.close(readable)
        os.close(writable)
        return None
    if child == 0:  # pragma: no cover (the child: measured by the tests of its answer)
        code = 1
        try:
            os.close(readable)
            with os.fdopen(writable, "wb") as out:
                out.write(pickle.dumps(_validate(path), protocol=pickle.HIGHEST_PROTOCOL))
            code = 0
        finally:  # no exit handler of this process's, no flush of its buffers: only the answer
            os._exit(code)
    os.close(writable)
    try:
        meanwhile()
    finally:
        with os.fdopen(readable, "rb") as answer:
            data = answer.read()
        os.waitpid(child, 0)
    try:
        outcome = pickle.loads(data)  # (this process's own child, through its own pipe)
    except Exception:
        return None
    if isinstance(outcome, ConfigError):
        raise outcome
    return outcome if isinstance(outcome, Config) else None


def _validate(path: Path) -> Config | ConfigError | None:
    """In the child: the validated config, or why the file is refused; None for anything else."""
    from .config import load_config

    try:
        return load_config(path)
    except ConfigError as exc:
        exc.__traceback__ = None
        return exc
    except Exception:
        return None


def remember(loaded: Loaded) -> bool:
    """Write the entry if its folder is there or is the config's to make; False when it is
    not yet (a caller may ask again once the command has made its store)."""
    if loaded.entry is None:
        return True
    store = cache_file(loaded.path)
    if not store.parent.is_dir():
        if not _holds_state(loaded.config):
            return False  # a command never makes a folder the config's state is not in
        try:
            store.parent.mkdir(exist_ok=True)
        except OSError as exc:
            log.debug("config cache %s not written: %s", store, exc)
            return True
    _write(store, loaded.entry)
    return True


def _holds_state(config: Config) -> bool:
    """Whether the config's folder already holds its state: its SQLite database exists there
    (or in a folder below)."""
    if config.database_url is not None:
        return False
    try:
        return config.database.is_file() and config.database.resolve().is_relative_to(
            config.path.parent)
    except OSError:
        return False


def cache_file(path: Path) -> Path:
    return path.resolve().parent / FOLDER / (path.name + SUFFIX)


def dependencies(config: Config) -> tuple[Dependency, ...]:
    """The files besides the config that its validation looked at."""
    base = config.path.parent
    seen = [base / "templates"]
    if config.templates is not None and config.templates != base / "templates":
        seen.append(config.templates)  # a folder named by `templates:` must be there
    if config.email.recipients_file is not None:
        seen.append(config.email.recipients_file)
    return tuple(Dependency(str(p), _stat(p)) for p in seen)


def _key(path: Path) -> bytes | None:
    """What an entry for `path` must have been written under: the file's bytes after what
    else decides the Config (compared whole: a config is a few kB to a few hundred, and no
    hash function is imported for it, ~2.5 ms of every command's start); None when the file
    cannot be read (load_config then says why)."""
    try:
        raw = path.read_bytes()
    except OSError:
        return None
    here = Path(__file__).parent
    parts = (__version__, sys.version, str(path.resolve()),
             *(f"{name}:{_stat(here / name)}" for name in _BUILDERS))
    return b"".join(part.encode() + b"\0" for part in parts) + raw


def _stat(path: Path) -> tuple[int, int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_mode >> 12, st.st_size, st.st_mtime_ns)


def _read(store: Path, key: bytes) -> Config | None:
    try:
        data = store.read_bytes()
    except OSError:
        return None
    try:
        entry = _Unpickler(io.BytesIO(data)).load()
    except Exception as exc:  # any damaged or foreign entry is only a miss
        log.debug("config cache %s not used: %s", store, exc)
        return None
    if not (isinstance(entry, Entry) and entry.format == _FORMAT and entry.key == key
            and isinstance(entry.config, Config)):
        return None
    if any(_stat(Path(d.path)) != d.seen for d in entry.dependencies):
        return None
    return entry.config


def _write(store: Path, entry: Entry) -> None:
    from .atomic import write_atomic  # (uuid, tempfile: only when the config changed)

    try:
        write_atomic(store, pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL), mode=0o600)
    except OSError as exc:
        log.debug("config cache %s not written: %s", store, exc)


class _Unpickler(pickle.Unpickler):
    """Only the config's own frozen types, paths and builtin containers: an entry can never
    name a function to call (the pickle documentation's "restricting globals")."""

    _ALLOWED: ClassVar[dict[str, frozenset[str]]] = {
        "pathlib": frozenset({"PosixPath", "WindowsPath", "PurePosixPath", "PureWindowsPath",
                              "Path"}),
        "digest.configcache": frozenset({"Entry", "Dependency"}),
        "digest.configtypes": frozenset({"Config", "Schedule"}),
        "digest.models.config": frozenset({"Newsletter", "Source", "FetchSettings",
                                           "EmailSettings", "LLMSettings", "EditorSettings",
                                           "TopicSection"}),
    }

    def find_class(self, module: str, name: str) -> type:
        if name in self._ALLOWED.get(module, frozenset()):
            found: type = super().find_class(module, name)
            return found
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a config")
