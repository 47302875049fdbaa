"""Writing a file so that a crash, a full disk or a cancelled export leaves the previous file (or none), never
half a file: write beside the target, fsync, then rename over it. Every exporter and draft writer uses this."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def atomic_path(target: str | os.PathLike[str], *, suffix: str = ".part") -> Iterator[Path]:
    """Yield a temporary path in the target's folder; when the block ends normally, the file written there is
    flushed to disk and renamed over `target`. On any exception (including a cancel) it is removed."""
    target = Path(target)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=suffix, dir=target.parent or None)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        _give_normal_mode(tmp, target)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _current_umask() -> int:
    """Linux states the umask in /proc (reading it there changes nothing, unlike ``os.umask``, which would briefly
    set it for every thread); elsewhere the umask is read once, at import."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    return _UMASK_AT_IMPORT


def _read_umask_once() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK_AT_IMPORT = _read_umask_once() if os.name == "posix" else 0o022


def _give_normal_mode(tmp: Path, target: Path) -> None:
    """mkstemp creates 0600 so that a half-written file is private; the finished file gets the mode a plain
    ``open(target, "w")`` would give (0666 less the umask), or keeps the mode of the file it replaces, so that a
    colleague or the office's shared folder can read an exported ledger as with any file the clerk saves."""
    if os.name != "posix":
        return
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o666 & ~_current_umask()
    os.chmod(tmp, mode)


give_normal_mode = _give_normal_mode  # for other writers of mkstemp files (backups, mirror copies)
