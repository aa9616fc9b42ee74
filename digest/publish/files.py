"""Atomic writes: a crash never leaves a half-written file or issue folder.

Files: `digest.atomic.write_atomic` (an unnamed file, flushed, then named: a kill leaves no
temporary file). Folders: build the whole folder beside its final place, then swap it in with
two renames; the old folder is deleted only after the new one is in place. What a killed run
leaves behind (a `.tmp-` folder, or an `.old-` one between the two renames) is cleared by the
next publish: `clean_stale_entries`, which also puts back an issue folder found only as `.old-`.
"""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

from digest.atomic import TMP_PREFIX, write_atomic
from digest.errors import PublishError

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
    """Write `data` to `path` atomically, leaving no temporary file even when killed."""
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise PublishError(f"cannot write {path}: {exc}") from exc
    _stamp(path)


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


def clean_stale_entries(folder: Path) -> None:
    """Clear what killed runs left in `folder` (called under the run lock, so nothing else is
    writing there): `.tmp-` files and folders go; an `.old-NAME.*` folder whose NAME is missing
    is a complete old copy caught between two renames, and is put back."""
    if not folder.is_dir():
        return
    for entry in sorted(folder.iterdir()):
        if entry.name.startswith(OLD_PREFIX):
            final = folder / entry.name[len(OLD_PREFIX):].rsplit(".", 1)[0]
            if not final.exists():
                os.replace(entry, final)
                continue
        elif not entry.name.startswith(TMP_PREFIX):
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
        else:
            entry.unlink(missing_ok=True)


def replace_folder(final: Path, files: dict[str, bytes]) -> Path:
    """Build `files` in a temp folder next to `final`, then swap it into place."""
    parent = final.parent
    try:  # an output folder that is a file, or cannot be made: said, not an internal error
        parent.mkdir(parents=True, exist_ok=True)
        clean_stale(parent, final.name)
    except OSError as exc:
        where = exc.filename or parent
        raise PublishError(f"cannot write {final}: {exc.strerror or exc}: {where}") from exc
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
