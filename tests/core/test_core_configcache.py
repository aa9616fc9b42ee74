"""The remembered config (`digest.configcache`): the same `Config` as a fresh load, never a stale
one, never anything but the config's own types read back."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from pathlib import Path

import pytest

from digest import configcache
from digest.config import load_config
from digest.errors import ConfigError

T = "newsletter:\n  title: Cached Weekly\nsources:\n  - {name: one, url: feeds/one.xml}\n"
# A config whose issues are sent names where they are published (config._check_own_values).
SENT = T.replace("Weekly\n", "Weekly\n  base_url: https://news.example.org/\n")


@pytest.fixture
def write_config(write_config: Callable[[str], Path]) -> Callable[[str], Path]:
    """A config in a folder that has its state folder (made by the first run's store)."""
    def write(text: str) -> Path:
        path = write_config(text)
        (path.parent / configcache.FOLDER).mkdir(exist_ok=True)
        return path
    return write


def test_no_state_folder_no_entry(tmp_path: Path) -> None:
    path = tmp_path / "sources.yaml"
    path.write_text(T, encoding="utf-8")
    assert configcache.load(path) == load_config(path)
    assert not (tmp_path / configcache.FOLDER).exists()


def test_a_hit_is_the_config_a_fresh_load_builds(write_config: Callable[[str], Path]) -> None:
    path = write_config(T)
    first = configcache.load(path)
    assert configcache.cache_file(path).is_file()
    assert first == load_config(path)
    assert configcache.load(path) == first


def test_an_edited_file_is_read_again(write_config: Callable[[str], Path]) -> None:
    path = write_config(T)
    configcache.load(path)
    path.write_text(T.replace("Cached Weekly", "Edited Weekly"), encoding="utf-8")
    assert configcache.load(path).newsletter.title == "Edited Weekly"


def test_errors_are_reported_every_time_and_never_remembered(
        write_config: Callable[[str], Path]) -> None:
    path = write_config(T)
    good = configcache.load(path)
    path.write_text(T + "  - {name: two, url: x, kidn: feed}\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ConfigError, match="unknown key"):
            configcache.load(path)
    path.write_text(T, encoding="utf-8")
    assert configcache.load(path) == good


def test_a_changed_recipients_file_is_checked_again(write_config: Callable[[str], Path]) -> None:
    path = write_config(SENT + "email:\n  from: news@example.org\n  recipients_file: readers.txt\n")
    configcache.load(path)  # the file is not there yet
    readers = path.parent / "readers.txt"
    readers.write_text("ann@example.org\nbob@example.org, eve@example.org\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"readers\.txt:2: email\.recipients_file"):
        configcache.load(path)


def test_a_templates_folder_made_later_is_seen(write_config: Callable[[str], Path]) -> None:
    path = write_config(T)
    assert configcache.load(path).templates is None
    (path.parent / "templates").mkdir()
    assert configcache.load(path).templates == path.parent / "templates"


def test_a_config_with_channels_is_not_remembered(write_config: Callable[[str], Path]) -> None:
    # Whether a channel can be used depends on the environment at each start.
    path = write_config(SENT + "notify:\n  - 'json://127.0.0.1:9/hook'\n")
    assert configcache.load(path).notify == ("json://127.0.0.1:9/hook",)
    assert not configcache.cache_file(path).exists()


def test_a_config_with_an_unsubscribe_token_is_checked_each_time(
        write_config: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch) -> None:
    # The {token}'s secret lives in the environment: a start without it must say so.
    path = write_config(SENT + "email:\n  unsubscribe: 'https://x.org/u?t={token}'\n"
                        "  unsubscribe_secret_env: DIGEST_TEST_UNSUB\n")
    monkeypatch.setenv("DIGEST_TEST_UNSUB", "a-long-enough-secret-value")
    assert configcache.load(path).email.unsubscribe_secret_env == "DIGEST_TEST_UNSUB"
    assert not configcache.cache_file(path).exists()
    monkeypatch.delenv("DIGEST_TEST_UNSUB")
    with pytest.raises(ConfigError, match="DIGEST_TEST_UNSUB is not set"):
        configcache.load(path)


def test_a_damaged_entry_is_a_miss_and_is_replaced(write_config: Callable[[str], Path]) -> None:
    path = write_config(T)
    good = configcache.load(path)
    cache = configcache.cache_file(path)
    cache.write_bytes(b"\x80\x05not a pickle at all")
    assert configcache.load(path) == good
    assert configcache.load(path) == good and cache.read_bytes().startswith(b"\x80")


class _Planted:
    """What a hostile entry would hold: a call to make on reading."""

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (Path.touch, (str(Path.cwd() / "planted"),))


def test_an_entry_naming_anything_else_is_never_called(
        write_config: Callable[[str], Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = write_config(T)
    good = configcache.load(path)
    configcache.cache_file(path).write_bytes(pickle.dumps(_Planted()))
    assert configcache.load(path) == good
    assert not (tmp_path / "planted").exists()


def test_an_entry_that_cannot_be_written_is_gone_without(
        write_config: Callable[[str], Path]) -> None:
    path = write_config(T)
    configcache.cache_file(path).mkdir()  # (permissions do not stop root: a folder in its place)
    assert configcache.load(path).newsletter.title == "Cached Weekly"
    assert configcache.load(path) == load_config(path)


def test_a_missing_file_is_the_usual_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read the config file"):
        configcache.load(tmp_path / "nope.yaml")


def test_a_config_naming_its_database_beside_it_is_remembered_once_the_store_exists(
        tmp_path: Path) -> None:
    # (bench/commands.py's shape: the config names a database in its own folder, so the store
    # never makes `.digest`; the folder is the config's state, and the entry goes there)
    path = tmp_path / "sources.yaml"
    path.write_text(T + "database: state/digest.sqlite3\n", encoding="utf-8")
    loaded = configcache.read(path)
    assert loaded.entry is not None
    assert not configcache.remember(loaded)  # no store yet: nothing is made beside the config
    assert not (tmp_path / configcache.FOLDER).exists()
    (tmp_path / "state").mkdir()
    (tmp_path / "state" / "digest.sqlite3").write_bytes(b"")  # what the store's first run leaves
    assert configcache.remember(loaded)
    again = configcache.read(path)
    assert again.entry is None and again.config == loaded.config == load_config(path)


def test_a_database_kept_elsewhere_makes_no_folder_beside_the_config(tmp_path: Path) -> None:
    etc, var = tmp_path / "etc", tmp_path / "var"
    etc.mkdir()
    var.mkdir()
    (var / "digest.sqlite3").write_bytes(b"")
    path = etc / "sources.yaml"
    path.write_text(T + f"database: {var / 'digest.sqlite3'}\n", encoding="utf-8")
    loaded = configcache.read(path)
    assert not configcache.remember(loaded)
    assert not (etc / configcache.FOLDER).exists() and not (var / configcache.FOLDER).exists()
    assert configcache.read(path).entry is not None  # every command reads the file again


def test_an_entry_of_a_file_edited_during_the_command_is_never_trusted(
        tmp_path: Path) -> None:
    # remember() may run after the command: the entry keeps the key of the bytes it was built
    # from, so an edit in between makes it a miss, never the old config under the new bytes
    path = tmp_path / "sources.yaml"
    path.write_text(T + "database: digest.sqlite3\n", encoding="utf-8")
    loaded = configcache.read(path)
    path.write_text(T.replace("Cached Weekly", "Edited Weekly") + "database: digest.sqlite3\n",
                    encoding="utf-8")
    (tmp_path / "digest.sqlite3").write_bytes(b"")
    assert configcache.remember(loaded)
    assert configcache.read(path).config.newsletter.title == "Edited Weekly"


_BESIDE = """
import os, sys
from pathlib import Path
from digest import configcache
seen = []
loaded = configcache.read(Path(sys.argv[1]), meanwhile=lambda: seen.append(os.getpid()))
assert seen == [os.getpid()]
beside = "pydantic" not in sys.modules  # validated in the child, not here
from digest.config import load_config
print(beside, loaded.config == load_config(Path(sys.argv[1])), loaded.entry is not None)
"""


def test_a_changed_config_is_validated_beside_what_the_caller_does_meanwhile(
        tmp_path: Path) -> None:
    """`read(meanwhile=...)` on a miss: a forked child validates the file while this process
    runs `meanwhile`, and sends back the same Config a validation here builds (with its entry
    to remember)."""
    import os
    import subprocess
    import sys

    path = tmp_path / "sources.yaml"
    path.write_text(T, encoding="utf-8")
    repo = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", _BESIDE, str(path)], capture_output=True,
                          text=True, timeout=120, env={**os.environ, "PYTHONPATH": str(repo)},
                          check=True)
    assert done.stdout.split() == ["True", "True", "True"]


def test_a_hit_loads_nothing_that_writes_an_entry(write_config: Callable[[str], Path]) -> None:
    """A fresh process reading a remembered config does not load what writes one (atomic
    writes: uuid, tempfile), only a miss does."""
    import subprocess
    import sys

    path = write_config(T)
    code = ("import sys\nfrom digest import configcache\n"
            f"configcache.load({str(path)!r})\nprint('digest.atomic' in sys.modules)")
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                           check=True).stdout.strip() for _ in range(2)]
    assert runs == ["True", "False"]  # the miss wrote the entry, the hit only read it


def test_a_named_templates_folder_removed_later_is_an_error(
        write_config: Callable[[str], Path]) -> None:
    path = write_config(T + "templates: house-style\n")
    (path.parent / "house-style").mkdir()
    assert configcache.load(path).templates == path.parent / "house-style"
    (path.parent / "house-style").rmdir()
    with pytest.raises(ConfigError, match=r"sources\.yaml:5: templates: no such folder: "):
        configcache.load(path)
