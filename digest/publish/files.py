"""Atomic writes: a crash never leaves a half-written file or issue folder.

Files: write a temp file in the same folder, fsync, os.replace (atomic on POSIX and
Windows). Folders: build the whole folder beside its final place, then swap it in with two
renames; the old folder is deleted only after the new one is in place.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from pathlib import Path

from digest.errors import PublishError

TMP_PREFIX = ".tmp-"
OLD_PREFIX = ".old-"


def source_date_epoch() -> int | None:
    """SOURCE_DATE_EPOCH (reproducible-builds.org) as an int, when set and valid."""
    raw = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    return int(raw) if raw.isdigit() else None


def _stamp(path: Path) -> None:
    # With SOURCE_DATE_EPOCH set, file times are part of the reproducible output
    # (tarballs and Pages artifacts record them), so pin them.
    epoch = source_date_epoch()
    if epoch is not None:
        os.utime(path, (epoch, epoch))


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # not possible on every platform (Windows); the rename is still atomic
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_bytes(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically (temp file in the same folder, then os.replace)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=TMP_PREFIX + path.name + ".", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        _stamp(Path(tmp))
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise PublishError(f"cannot write {path}: {exc}") from exc
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def write_tree(folder: Path, files: dict[str, bytes]) -> None:
    """Write `files` (relative name → bytes) into a fresh `folder` (no atomicity of its own)."""
    for name in sorted(files):
        rel = Path(name)
        if rel.is_absolute() or ".." in rel.parts or not rel.parts:
            raise PublishError(f"refusing to write {name!r}: not a plain relative file name")
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "wb") as handle:
            handle.write(files[name])
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(target, 0o644)
        _stamp(target)


def clean_stale(parent: Path, name: str) -> None:
    """Remove temp/old folders a crashed run left next to `parent/name`."""
    if not parent.is_dir():
        return
    for entry in parent.iterdir():
        if entry.name.startswith((f"{TMP_PREFIX}{name}.", f"{OLD_PREFIX}{name}.")):
            shutil.rmtree(entry, ignore_errors=True)


def replace_folder(final: Path, files: dict[str, bytes]) -> Path:
    """Build `files` in a temp folder next to `final`, then swap it into place."""
    parent = final.parent
    parent.mkdir(parents=True, exist_ok=True)
    clean_stale(parent, final.name)
    token = uuid.uuid4().hex[:12]
    tmp = parent / f"{TMP_PREFIX}{final.name}.{token}"
    old = parent / f"{OLD_PREFIX}{final.name}.{token}"
    try:
        tmp.mkdir()
        write_tree(tmp, files)
        os.chmod(tmp, 0o755)
        _fsync_dir(tmp)
        if final.exists():
            # Two renames: between them `final` is briefly absent, never half-written; a
            # crash there leaves the complete old copy in `old` (and the new one in `tmp`).
            os.replace(final, old)
        os.replace(tmp, final)
        _stamp(final)
        _fsync_dir(parent)
    except OSError as exc:
        if old.exists() and not final.exists():
            os.replace(old, final)
        shutil.rmtree(tmp, ignore_errors=True)
        raise PublishError(f"cannot write {final}: {exc}") from exc
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    shutil.rmtree(old, ignore_errors=True)
    return final
