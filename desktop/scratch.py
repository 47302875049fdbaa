"""Temporary copies beside the data: a backup's work folder and half-written zip, a staged restore, a copy on its
way to the mirror folder. Each is as large as the database, so none may be left behind.

Names come from mkstemp/mkdtemp (unique even for two backups in the same second, in one process or two) with one
recognisable prefix that carries the creating process's id: `.keyproj-tmp-<pid>-<random>-<label>`. `sweep` removes
the ones whose process is gone (killed, or cut off by a power failure) — at every start and before every backup —
and never one a running process is still writing. Names of the earlier scheme (`.备份_….zip.<pid>.tmp`,
`备份_….zip.part`, `keyproj.sqlite3.restoring`) are swept too, by the same rule or, without a pid, by age.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

PREFIX = ".keyproj-tmp-"
_OURS = re.compile(r"^\.keyproj-tmp-(\d+)-")
_LEGACY_WITH_PID = re.compile(r"^\.备份_.*\.zip\.(\d+)\.tmp$")
_LEGACY_NO_PID = re.compile(r"^(备份_.*\.zip\.part|keyproj\.sqlite3\.restoring|keyproj\.sqlite3\.part)$")
# No backup or restore runs for hours; past this even a name whose pid looks alive (reused, or Windows, where
# liveness is not probed) is a leftover.
STALE_SECONDS = 24 * 3600
LEGACY_STALE_SECONDS = 6 * 3600


def scratch_file(folder: Path, label: str) -> Path:
    """An empty, new file in `folder` (same disk as the target, so the final rename is atomic)."""
    fd, name = tempfile.mkstemp(prefix=f"{PREFIX}{os.getpid()}-", suffix=f"-{label}", dir=folder)
    os.close(fd)
    return Path(name)


def scratch_dir(folder: Path, label: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", suffix=f"-{label}", dir=folder))


def is_scratch(path: Path) -> bool:
    return path.name.startswith(PREFIX)


def process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if os.name == "nt":  # no harmless liveness probe without extra packages: rely on the age instead
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep(folder: Path, *, now: float | None = None) -> list[Path]:
    """Remove the leftovers in `folder` of processes that are gone; returns what was removed."""
    if not folder.is_dir():
        return []
    clock = time.time() if now is None else now
    removed = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for entry in entries:
        if not _left_over(entry, clock):
            continue
        with contextlib.suppress(OSError):
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
            removed.append(entry)
    return removed


def _left_over(entry: Path, clock: float) -> bool:
    try:
        age = clock - entry.lstat().st_mtime
    except OSError:
        return False
    match = _OURS.match(entry.name) or _LEGACY_WITH_PID.match(entry.name)
    if match is not None:
        pid = int(match.group(1))
        if pid == os.getpid():
            return False
        return not process_alive(pid) or age > STALE_SECONDS
    return _LEGACY_NO_PID.match(entry.name) is not None and age > LEGACY_STALE_SECONDS
