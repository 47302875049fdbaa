"""A data folder on a network share is detected (SQLite locking is unreliable there) and refused by default."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.db import location
from desktop.workspace import WorkspaceError, open_workspace

MOUNTS = """/dev/sda1 / ext4 rw 0 0
//fileserver/台账 /mnt/share cifs rw 0 0
server:/export /mnt/nfs nfs4 rw 0 0
/dev/sdb1 /mnt/share/local\\040disk ext4 rw 0 0
"""


def test_linux_mount_table_is_read_by_longest_prefix() -> None:
    assert location._linux(Path("/home/user/data"), MOUNTS) is None
    assert location._linux(Path("/mnt/share/2026"), MOUNTS) == "网络文件系统（cifs）/mnt/share"
    assert location._linux(Path("/mnt/nfs"), MOUNTS) == "网络文件系统（nfs4）/mnt/nfs"
    assert location._linux(Path("/mnt/share/local disk/x"), MOUNTS) is None
    assert location._linux(Path("/mnt/sharex"), MOUNTS) is None


def test_workspace_refuses_a_network_share(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("desktop.workspace.network_location", lambda _p: "网络文件系统（cifs）/mnt/share")
    with pytest.raises(WorkspaceError, match="网络共享上可能损坏"):
        open_workspace(tmp_path / "data")
    assert not (tmp_path / "data" / "keyproj.sqlite3").exists()
    ws = open_workspace(tmp_path / "data", allow_network_share=True)
    assert ws.warnings and "PostgreSQL" in ws.warnings[0]
    ws.close()
