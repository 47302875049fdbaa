"""Faults made the way they are found on office PCs, for the integrity tests."""

from __future__ import annotations

import sqlite3
from pathlib import Path


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
