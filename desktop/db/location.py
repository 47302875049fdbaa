"""Is the database folder on a network share? SQLite's locking is unreliable there (engineering-facts §3.2)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

_NETWORK_FS = {"nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs", "9p", "afs", "ncpfs", "davfs", "fuse.davfs2"}


def network_location(path: Path) -> str | None:
    """A short Chinese description of the network share `path` is on, or None for a local disk."""
    path = Path(path).resolve()
    if sys.platform == "win32":
        return _windows(path)
    return _linux(path)


def _windows(path: Path) -> str | None:  # pragma: no cover - exercised on Windows only
    text = str(path)
    if text.startswith("\\\\"):
        return f"网络路径 {text}"
    import ctypes

    drive = os.path.splitdrive(text)[0] + "\\"
    drive_remote = 4
    if ctypes.windll.kernel32.GetDriveTypeW(drive) == drive_remote:
        return f"映射的网络驱动器 {drive}"
    return None


def _linux(path: Path, mounts_text: str | None = None) -> str | None:
    if mounts_text is None:
        try:
            mounts_text = Path("/proc/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    mounts = mounts_text.splitlines()
    best: tuple[int, str, str] | None = None
    text = str(path)
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mount_point = parts[1].replace("\\040", " ")
        inside = text == mount_point or text.startswith(mount_point.rstrip("/") + "/")
        if inside and (best is None or len(mount_point) > best[0]):
            best = (len(mount_point), mount_point, parts[2])
    if best is not None and best[2] in _NETWORK_FS:
        return f"网络文件系统（{best[2]}）{best[1]}"
    return None
