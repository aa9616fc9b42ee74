"""One file written atomically, leaving nothing behind even when the process is killed.

The bytes go to an unnamed file in the target's folder (Linux's O_TMPFILE), are flushed to
disk, and only then get a name: the final one directly when the file is new, else a temporary
name renamed over the old file at once. Killed while writing, the process leaves no
half-written file and no temporary file (the kernel drops an unnamed file with its last
descriptor); only a kill in the instant between the link and the rename can leave a
`.tmp-*` name, which the next publish removes. Where unnamed files are not supported (another
OS, some file systems), a named temporary file beside the target is used instead.
"""

from __future__ import annotations

import os
import tempfile
import uuid
from pathlib import Path

TMP_PREFIX = ".tmp-"
_FD_LINKS = Path("/proc/self/fd")  # where an unnamed file can be linked from


def write_atomic(path: Path, data: bytes, *, mode: int = 0o644) -> None:
    """Write `data` to `path` atomically (raises OSError)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = _unnamed(path.parent)
    if fd is None:
        _write_named(path, data, mode)
        return
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
        os.fchmod(handle.fileno(), mode)
        _link(handle.fileno(), path)


def _unnamed(folder: Path) -> int | None:
    flag = getattr(os, "O_TMPFILE", None)
    if flag is None or not _FD_LINKS.is_dir():
        return None
    try:
        return os.open(folder, flag | os.O_WRONLY, 0o600)
    except OSError:  # EOPNOTSUPP, EISDIR or EINVAL: this file system has no unnamed files
        return None


def _link(fd: int, path: Path) -> None:
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        source = str(_FD_LINKS / str(fd))
        try:
            os.link(source, path.name, dst_dir_fd=folder)  # a new file appears complete
            return
        except FileExistsError:
            pass
        temp = f"{TMP_PREFIX}{path.name}.{uuid.uuid4().hex[:12]}"
        os.link(source, temp, dst_dir_fd=folder)
        try:
            os.replace(temp, path.name, src_dir_fd=folder, dst_dir_fd=folder)
        except BaseException:
            os.unlink(temp, dir_fd=folder)
            raise
    finally:
        os.close(folder)


def _write_named(path: Path, data: bytes, mode: int) -> None:
    fd, temp = tempfile.mkstemp(prefix=TMP_PREFIX + path.name + ".", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
