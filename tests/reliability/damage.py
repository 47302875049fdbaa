"""Faults made the way they are found on office PCs, for the integrity tests."""

from __future__ import annotations

import contextlib
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def flip_inside_text(db_file: Path, table: str, column: str, rowid: int) -> None:
    """Overwrite 16 bytes in the middle of one stored text, in the file itself (the database closed). The text is
    first made unique (the 操作日志 repeats what was written), so the bytes hit exactly that row."""
    marker = f"（{table}-{rowid}：现场反映的问题需要协调解决，请各单位按期办结）"
    conn = sqlite3.connect(db_file)
    conn.execute(f'UPDATE "{table}" SET "{column}" = coalesce("{column}", \'\') || ? WHERE rowid = ?', (marker, rowid))
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    encoded = marker.encode("utf-8")
    raw = bytearray(db_file.read_bytes())
    at = raw.find(encoded)
    assert at > 0 and raw.find(encoded, at + 1) == -1, "the text must occur once in the file"
    start = at + (len(encoded) - 16) // 2
    raw[start:start + 16] = b"\xff\xfe" * 8
    db_file.write_bytes(bytes(raw))


@contextlib.contextmanager
def tiny_filesystem(where: Path, size_kb: int) -> Iterator[Path]:
    """A real, small file system (tmpfs) so that ENOSPC and a read-only mount are the kernel's, not simulated.
    Needs root (CI runs as root); skipped elsewhere."""
    where.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(where)],
                          capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


@contextlib.contextmanager
def read_only(mount: Path) -> Iterator[Path]:
    """Remount a `tiny_filesystem` read-only for the body (root ignores file modes, a mount it cannot ignore)."""
    subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
    try:
        yield mount
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(mount)], check=True)
